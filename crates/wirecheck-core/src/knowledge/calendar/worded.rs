//! Reads the dates of the languages that name their months and weekdays in words (Arabic,
//! Russian, German, French, Spanish) by each language's [`Grammar`]: a day with a month ("3
//! мая"), with a year or not; a month with a year ("mayo de 2026"); a year alone after a word
//! that makes it one ("en 2026", "2026 года"); a weekday, alone or before its date ("vendredi 3
//! mai"). A month name counts only with a day or a year next to it ("Mai" and "آب" are also
//! names and words), a name only as a whole word.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::grammar::{self, Grammar, WeekdayContext};
use super::names::{alternation, lookup};
use super::numerals::{DIGIT, read_digits, read_leading_digits};
use super::{
    Found, SPACE, Verdict, WeekdayFound, WeekdaySide, attach_weekdays, date_of, scan,
    starts_sentence, starts_word, word_after,
};
use crate::knowledge::language::Language;

/// A grammar with its patterns, compiled once.
struct Worded {
    grammar: &'static Grammar,
    date: Regex,
    weekday: Regex,
}

/// The end of a word: no letter or digit follows.
const WORD_END: &str = r"(?:[^\p{L}\p{N}]|$)";

impl Worded {
    fn new(grammar: &'static Grammar) -> Self {
        let fragment = |pattern: &str| {
            pattern
                .replace(' ', &format!("{SPACE}+"))
                .replace('·', &format!("{SPACE}*"))
                .replace("NUMBER", DIGIT)
        };
        let one_month = if grammar.month_abbreviations.is_empty() {
            alternation(grammar.months)
        } else {
            format!(
                r"(?:{}|{}\.)",
                alternation(grammar.months),
                alternation(grammar.month_abbreviations)
            )
        };
        // Arabic copy often gives both series: "أيار/مايو", "أيار (مايو)".
        let month = format!(r"{one_month}(?:{SPACE}*[/(]{SPACE}*{one_month}{SPACE}*\)?)?");
        let day = fragment(grammar.day);
        let day_to_month = fragment(grammar.day_to_month);
        let month_to_year = fragment(grammar.month_to_year);
        let suffix = fragment(grammar.year_suffix);
        let year = format!("{DIGIT}{{4}}");
        let mut forms = vec![
            format!(
                "(?P<d>{day}){day_to_month}(?P<m>{month})(?:{month_to_year}(?P<y>{year})(?:{suffix})?)?"
            ),
            format!("(?P<m2>{month}){month_to_year}(?P<y2>{year})(?:{suffix})?"),
        ];
        if !grammar.year_words.is_empty() {
            forms.push(format!(r"(?:{}){SPACE}+(?P<yw>{year})", grammar.year_words));
        }
        if !grammar.year_prepositions.is_empty() {
            forms.push(format!(
                r"(?:{}){SPACE}+(?P<yp>{year})",
                grammar.year_prepositions
            ));
        }
        if !grammar.year_suffix.is_empty() {
            forms.push(format!("(?P<ys>{year}){suffix}"));
        }
        // Case is ignored in the names alone: folding the case of the word end's letter class would
        // cost more to compile than all the rest.
        let date = format!("(?P<date>(?i:{})){WORD_END}", forms.join("|"));
        let weekday = format!(
            "(?P<wd>(?i:(?P<prefix>{})(?P<name>{})(?P<suffix>{}))){WORD_END}",
            fragment(grammar.weekday_prefix),
            alternation(grammar.weekdays),
            grammar.weekday_suffix,
        );
        let compile = |pattern: &str| {
            Regex::new(pattern)
                .unwrap_or_else(|err| unreachable!("a grammar's patterns are valid: {err}"))
        };
        Self {
            grammar,
            date: compile(&date),
            weekday: compile(&weekday),
        }
    }
}

static ARABIC: LazyLock<Worded> = LazyLock::new(|| Worded::new(&grammar::ARABIC));
static RUSSIAN: LazyLock<Worded> = LazyLock::new(|| Worded::new(&grammar::RUSSIAN));
static GERMAN: LazyLock<Worded> = LazyLock::new(|| Worded::new(&grammar::GERMAN));
static FRENCH: LazyLock<Worded> = LazyLock::new(|| Worded::new(&grammar::FRENCH));
static SPANISH: LazyLock<Worded> = LazyLock::new(|| Worded::new(&grammar::SPANISH));

/// The dates of `haystack` written in `language`, with `numeric` (the numeric dates found in it),
/// weekdays attached to the date they stand before. A language that does not write its dates in
/// words has only its numeric dates.
pub(super) fn find(haystack: &str, language: Language, numeric: Vec<Found>) -> Vec<Found> {
    let worded: &Worded = match language {
        Language::Arabic => &ARABIC,
        Language::Russian => &RUSSIAN,
        Language::German => &GERMAN,
        Language::French => &FRENCH,
        Language::Spanish => &SPANISH,
        _ => return numeric,
    };
    let grammar = worded.grammar;
    let mut dates = scan(&worded.date, haystack, |c| read_date(haystack, grammar, c));
    dates.extend(numeric);
    let weekdays = scan(&worded.weekday, haystack, |c| {
        read_weekday(haystack, grammar, c)
    });
    attach_weekdays(dates, weekdays, haystack, WeekdaySide::Before, |gap| {
        joins(grammar, gap)
    })
}

/// Whether `gap` may stand between a weekday and its date: spaces, commas and at most one of the
/// grammar's joiners.
fn joins(grammar: &Grammar, gap: &str) -> bool {
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || c == ',' || c == '،')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    match words.as_slice() {
        [] => true,
        [word] => grammar.joiners.contains(&word.as_str()),
        _ => false,
    }
}

/// The month a month group names: one name, or two that agree ("أيار/مايو").
fn month_named(grammar: &Grammar, written: &str) -> Option<u32> {
    let mut month = None;
    for name in written
        .split(['/', '(', ')'])
        .filter(|n| !n.trim().is_empty())
    {
        let number =
            lookup(grammar.months, name).or_else(|| lookup(grammar.month_abbreviations, name))?;
        if month.is_some_and(|m| m != number) {
            return None;
        }
        month = Some(number);
    }
    month.and_then(|m| u32::try_from(m).ok())
}

/// Whether a month or weekday name written capitalised is, in a language that writes it in lower
/// case, a name of something else: away from a sentence's start ("Santo Domingo", "la mission
/// Mars 2020"), or at it before another capitalised word ("Domingo Pérez dijo").
fn capitalised_name(grammar: &Grammar, haystack: &str, start: usize, end: usize) -> bool {
    let written = haystack.get(start..end).unwrap_or("");
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    grammar.lowercase_names
        && capitalised(written)
        && (!starts_sentence(haystack, start) || capitalised(word_after(haystack, end)))
}

fn read_date(haystack: &str, grammar: &Grammar, captures: &Captures<'_>) -> Verdict<Found> {
    let Some(whole) = captures.name("date") else {
        return Verdict::Skip;
    };
    if !starts_word(haystack, whole.start()) {
        return Verdict::Retry;
    }
    let has_year = ["y", "y2", "yw", "yp", "ys"]
        .iter()
        .any(|name| captures.name(name).is_some());
    if has_year && (grammar.other_calendar)(haystack.get(whole.end()..).unwrap_or("")) {
        return Verdict::Skip;
    }
    let digits = |name: &str| captures.name(name).and_then(|m| read_digits(m.as_str()));
    let found = |start: usize, date: Option<_>| match date {
        Some(date) => Verdict::Take(Found {
            start,
            end: whole.end(),
            date,
        }),
        None => Verdict::Skip,
    };
    if let (Some(day), Some(month)) = (captures.name("d"), captures.name("m")) {
        let day = read_leading_digits(day.as_str())
            .or_else(|| day.as_str().eq_ignore_ascii_case("primero").then_some(1));
        let date =
            month_named(grammar, month.as_str()).and_then(|m| date_of(digits("y"), Some(m), day));
        return found(whole.start(), date);
    }
    if let Some(month) = captures.name("m2") {
        if capitalised_name(grammar, haystack, month.start(), month.end()) {
            return Verdict::Skip;
        }
        let date =
            month_named(grammar, month.as_str()).and_then(|m| date_of(digits("y2"), Some(m), None));
        return found(whole.start(), date);
    }
    if let Some(year) = captures.name("yw") {
        return found(year.start(), date_of(digits("yw"), None, None));
    }
    if let Some(year) = captures.name("yp") {
        let date = digits("yp")
            .filter(|y| (1900..=2100).contains(y))
            .and_then(|y| date_of(Some(y), None, None));
        return found(year.start(), date);
    }
    found(whole.start(), date_of(digits("ys"), None, None))
}

fn read_weekday(
    haystack: &str,
    grammar: &Grammar,
    captures: &Captures<'_>,
) -> Verdict<WeekdayFound> {
    let (Some(whole), Some(name)) = (captures.name("wd"), captures.name("name")) else {
        return Verdict::Skip;
    };
    if !starts_word(haystack, whole.start()) {
        return Verdict::Retry;
    }
    let Some(weekday) = lookup(grammar.weekdays, name.as_str()) else {
        return Verdict::Skip;
    };
    let written = |group: &str| captures.name(group).is_some_and(|m| !m.is_empty());
    let context = WeekdayContext {
        haystack,
        start: whole.start(),
        end: whole.end(),
        name: name.as_str().to_lowercase(),
        prefixed: captures
            .name("prefix")
            .is_some_and(|m| m.as_str().contains("يوم")),
        compound: written("suffix"),
    };
    let alone = !capitalised_name(grammar, haystack, whole.start(), whole.end())
        && (grammar.weekday_alone)(&context);
    Verdict::Take(WeekdayFound {
        start: whole.start(),
        end: whole.end(),
        weekday,
        alone,
    })
}
