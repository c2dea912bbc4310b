//! Dates and weekdays read as values in every language wirecheck reads, so that an original and
//! its translation can be compared date by date: "5月3日", "令和8年5月3日（金）", "2026년 5월 3일",
//! "٣ أيار", "يوم الجمعة", "3 мая 2026 года", "am Freitag", "le 1er mai", "3 de mayo de 2026"
//! each become a [`CalendarDate`].
//!
//! Each language's forms are read by its own module (`cjk`, `korean`, `english`, and `worded`
//! with each language's `grammar` and `names`), numeric dates by `numeric`, digits of every system
//! by `numerals`; this module merges what they find and attaches weekdays to their dates. Precision comes first: a month name counts only with a day
//! or a year next to it ("Mai" may be a name), a weekday name only as a whole word, an
//! impossible date ("5月32日") not at all.

mod cjk;
mod english;
mod grammar;
mod korean;
mod names;
mod numerals;
mod numeric;
mod worded;

#[cfg(test)]
mod tests;

use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

use crate::knowledge::language::Language;
use crate::knowledge::quantity::{CalendarDate, Quantity, QuantityValue};
use crate::span::Span;

/// Every date, month, year or weekday written in `span` of `text`, in text order and not
/// overlapping, each with the span it is written in (an attached weekday included: "5月3日（金）").
/// A date with a month and a day, a month with a year, and anything with a weekday are firm; a day
/// alone ("3日"), a year alone ("2026年") and a month alone ("5月", "in November") are read so that
/// they can match, never to be reported missing. A span that is not a range of `text` on character boundaries
/// finds nothing.
pub(crate) fn find_calendar_dates(text: &str, span: Span, language: Language) -> Vec<Quantity> {
    let Some(haystack) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    // Numeric dates ("3.5.2026", "2026/5/3") are read alike in every language but English (whose
    // own reader has them), and join the language's own so that a weekday can attach to them.
    let numeric = match language {
        Language::English => Vec::new(),
        _ => numeric::find(haystack, numeric::day_first(language)),
    };
    let found = match language {
        Language::English => english::find(haystack),
        Language::Chinese | Language::Japanese => cjk::find(haystack, language, numeric),
        Language::Korean => korean::find(haystack, numeric),
        Language::Arabic
        | Language::Russian
        | Language::German
        | Language::French
        | Language::Spanish => worded::find(haystack, language, numeric),
    };
    without_overlaps(found)
        .into_iter()
        .map(|found| Quantity {
            span: Span::new(span.start + found.start, span.start + found.end),
            value: QuantityValue::Date(found.date),
            firm: is_firm(&found.date),
        })
        .collect()
}

/// A space within a line, as a pattern class: Unicode's white space without the line breaks,
/// listed, since `[^\S\r\n]` would have every letter's case folded under `(?i)`.
const SPACE: &str = r"[\t\x{0B}\x{0C} \x{A0}\x{1680}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";

/// A date found at `start..end` of the text searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    date: CalendarDate,
}

/// A weekday found at `start..end`, which may stand alone (`alone`) or only with a date next to
/// it (the "（金）" of "3日（金）").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WeekdayFound {
    start: usize,
    end: usize,
    weekday: Weekday,
    alone: bool,
}

/// What a reader makes of one match of its pattern.
enum Verdict<T> {
    /// A date: the search goes on after the match.
    Take(T),
    /// Not a date ("5月32日"): the search goes on after the match.
    Skip,
    /// Not a date where it starts ("13 мая" inside "2013 мая"): the search goes on one character
    /// after the match's start, so that a date starting inside it is still found.
    Retry,
}

/// Runs `pattern` over `haystack`, handing every match to `read`.
fn scan<T>(
    pattern: &Regex,
    haystack: &str,
    mut read: impl FnMut(&Captures<'_>) -> Verdict<T>,
) -> Vec<T> {
    let mut found = Vec::new();
    let mut at = 0;
    while at <= haystack.len() {
        let Some(captures) = pattern.captures_at(haystack, at) else {
            break;
        };
        let Some(whole) = captures.get(0) else { break };
        let next = match read(&captures) {
            Verdict::Take(item) => {
                found.push(item);
                whole.end()
            }
            Verdict::Skip => whole.end(),
            Verdict::Retry => whole.start() + char_len_at(haystack, whole.start()),
        };
        // No pattern matches the empty string, but a search must move on regardless.
        at = next.max(whole.start() + char_len_at(haystack, whole.start()));
    }
    found
}

/// The length in bytes of the character at `at` (1 at the end, so that a search moves on).
fn char_len_at(haystack: &str, at: usize) -> usize {
    haystack
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// The character just before byte `at`.
fn char_before(haystack: &str, at: usize) -> Option<char> {
    haystack.get(..at)?.chars().next_back()
}

/// The character at byte `at`.
fn char_at(haystack: &str, at: usize) -> Option<char> {
    haystack.get(at..)?.chars().next()
}

/// The date found at `start..end` of `haystack`, unless it is a year alone or a day alone that
/// the character after it makes a count or a span ("1990年代", "3日間", "3일간"): those follow
/// `not_after_year` and `not_after_day`.
fn unless_a_count(
    haystack: &str,
    (start, end): (usize, usize),
    date: CalendarDate,
    (not_after_year, not_after_day): (&str, &str),
) -> Verdict<Found> {
    let next = char_at(haystack, end);
    let counts = |not_after: &str| next.is_some_and(|c| not_after.contains(c));
    let year_alone = date.month.is_none() && date.day.is_none();
    let day_alone = date.year.is_none() && date.month.is_none();
    if (year_alone && counts(not_after_year)) || (day_alone && counts(not_after_day)) {
        return Verdict::Skip;
    }
    Verdict::Take(Found { start, end, date })
}

/// Whether a word or number may start at `at`: no letter or digit of any script touches it.
fn starts_word(haystack: &str, at: usize) -> bool {
    char_before(haystack, at).is_none_or(|c| !c.is_alphanumeric())
}

/// The word before byte `at`, without the punctuation around it ("am" in "… am Freitag").
fn word_before(haystack: &str, at: usize) -> &str {
    let before = haystack.get(..at).unwrap_or("").trim_end();
    before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// The word after byte `at`, without the punctuation around it.
fn word_after(haystack: &str, at: usize) -> &str {
    let after = haystack.get(at..).unwrap_or("").trim_start();
    after
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the text before byte `at`, spaces aside, ends with one of `words` ("农历" before
/// "四月十五", a lunar date).
fn follows_any(haystack: &str, at: usize, words: &[&str]) -> bool {
    let before = haystack.get(..at).unwrap_or("").trim_end();
    words.iter().any(|word| before.ends_with(word))
}

/// Whether byte `at` starts a sentence: the text before it is empty, ends a line, or ends with a
/// sentence's or a quotation's punctuation.
fn starts_sentence(haystack: &str, at: usize) -> bool {
    let before = haystack.get(..at).unwrap_or("");
    let trimmed = before.trim_end();
    if trimmed.len() < before.len() && before[trimmed.len()..].contains('\n') {
        return true;
    }
    trimmed.chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '«'
                | '»'
                | '“'
                | '”'
                | '„'
                | '('
                | '¡'
                | '¿'
                | '—'
                | '–'
        )
    })
}

/// The date of the parts read, when they can be parts of one date: a month 1 to 12, a day 1 to
/// 31 that the month has (in the year, when it is given), a year 1000 to 2999.
fn date_of(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Option<CalendarDate> {
    fn part<T: TryFrom<u32>>(
        value: Option<u32>,
        range: std::ops::RangeInclusive<u32>,
    ) -> Option<Option<T>> {
        match value {
            None => Some(None),
            Some(v) if range.contains(&v) => T::try_from(v).ok().map(Some),
            Some(_) => None,
        }
    }
    let date = CalendarDate {
        year: part(year, 1000..=2999)?,
        month: part(month, 1..=12)?,
        day: part(day, 1..=31)?,
        weekday: None,
    };
    if let (Some(month), Some(day)) = (date.month, date.day) {
        // February 29 exists in leap years; 2000 stands for any of them.
        Date::new(date.year.unwrap_or(2000), month, day).ok()?;
    }
    Some(date)
}

/// Whether a date must be said by a translation too: a month with a day or a year, or a weekday.
fn is_firm(date: &CalendarDate) -> bool {
    date.weekday.is_some() || (date.month.is_some() && (date.day.is_some() || date.year.is_some()))
}

/// Where a weekday stands to the date it belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WeekdaySide {
    /// Before it: "Freitag, 3. Mai", "الجمعة 3 مايو".
    Before,
    /// After it: "5月3日（金）", "5월 3일 금요일".
    After,
}

/// The dates with the weekdays attached that stand next to a day of theirs (`gap_ok` judging the text
/// between), and the other weekdays that may stand alone.
fn attach_weekdays(
    mut dates: Vec<Found>,
    weekdays: Vec<WeekdayFound>,
    haystack: &str,
    side: WeekdaySide,
    gap_ok: impl Fn(&str) -> bool,
) -> Vec<Found> {
    /// More text than this between a weekday and a date is not a joiner.
    const LONGEST_GAP: usize = 40;
    dates.sort_by_key(|d| d.start);
    let mut taken = vec![false; dates.len()];
    let mut alone = Vec::new();
    for weekday in weekdays {
        let partner = match side {
            WeekdaySide::Before => {
                let i = dates.partition_point(|d| d.start < weekday.end);
                (i < dates.len()).then_some(i)
            }
            WeekdaySide::After => dates
                .partition_point(|d| d.end <= weekday.start)
                .checked_sub(1)
                .filter(|&i| dates[i].end <= weekday.start),
        };
        let joined = partner.filter(|&i| {
            let date = dates[i];
            let gap = match side {
                WeekdaySide::Before => haystack.get(weekday.end..date.start),
                WeekdaySide::After => haystack.get(date.end..weekday.start),
            };
            !taken[i]
                && date.date.weekday.is_none()
                && date.date.day.is_some()
                && gap.is_some_and(|gap| gap.len() <= LONGEST_GAP && gap_ok(gap))
        });
        match joined {
            Some(i) => {
                taken[i] = true;
                let date = &mut dates[i];
                date.start = date.start.min(weekday.start);
                date.end = date.end.max(weekday.end);
                date.date.weekday = Some(weekday.weekday);
            }
            None if weekday.alone => alone.push(Found {
                start: weekday.start,
                end: weekday.end,
                date: CalendarDate {
                    weekday: Some(weekday.weekday),
                    ..CalendarDate::default()
                },
            }),
            None => {}
        }
    }
    dates.extend(alone);
    dates
}

/// The dates in text order, none overlapping another: of two that overlap, the one that starts
/// first (or, starting together, the longer) is kept.
fn without_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for candidate in found {
        if kept.last().is_none_or(|last| candidate.start >= last.end) {
            kept.push(candidate);
        }
    }
    kept
}
