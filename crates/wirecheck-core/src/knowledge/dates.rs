//! Dates in running text: finds "Friday, Jan. 16, 2026", "16 January", "November 2025", "on
//! Friday", "yesterday" and ISO dates, and resolves each to a calendar day when its year is written
//! or can be inferred from the publication date. The `dates` and `dateline` rules use it, and so
//! can any check that compares the dates of two versions of a story.
//!
//! ```
//! use wirecheck_core::find_dates;
//! use wirecheck_core::Span;
//!
//! let text = "The talks ended on Thursday, Jan. 15, and resume Feb. 30.";
//! let published = "2026-01-16".parse().ok();
//! let found = find_dates(text, Span::new(0, text.len()), published);
//! assert_eq!(found[0].date.map(|d| d.to_string()).as_deref(), Some("2026-01-15"));
//! assert!(found[1].date.is_none() && found[1].problem.is_some());
//! ```

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;

use crate::span::Span;

/// The months' full names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays' full names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a month written alone that make it a date ("in May", not "May I").
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "before",
    "after",
    "to",
    "and",
    "or",
];

/// The month a written month name or abbreviation means, 1 to 12: "Jan.", "January", "Sept",
/// "SEPT." all count; case is ignored.
pub(crate) fn month_number(written: &str) -> Option<i8> {
    let bare = written.trim_end_matches('.').to_ascii_lowercase();
    if bare == "sept" {
        return Some(9);
    }
    MONTH_NAMES.iter().zip(1..).find_map(|(name, number)| {
        let name = name.to_ascii_lowercase();
        (bare == name || (bare.len() == 3 && name.starts_with(&bare))).then_some(number)
    })
}

/// The weekday a written name or abbreviation ("Fri.", "Thurs.") means; case is ignored.
pub(crate) fn weekday_named(written: &str) -> Option<Weekday> {
    let bare = written.trim_end_matches('.').to_ascii_lowercase();
    if bare.len() < 3 {
        return None;
    }
    WEEKDAY_NAMES
        .iter()
        .position(|name| name.to_ascii_lowercase().starts_with(&bare))
        .and_then(|offset| i8::try_from(offset).ok())
        .and_then(|offset| Weekday::from_monday_zero_offset(offset).ok())
}

/// The full name of `weekday`.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAY_NAMES[usize::from(weekday.to_monday_zero_offset().unsigned_abs())]
}

/// The full name of month `month` (1 to 12), or "" for a number out of range.
pub(crate) fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// "Yesterday", "today" or "tomorrow".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeDay {
    /// The day before publication.
    Yesterday,
    /// The day of publication.
    Today,
    /// The day after publication.
    Tomorrow,
}

impl RelativeDay {
    /// Days from the publication date.
    pub fn offset(self) -> i32 {
        match self {
            RelativeDay::Yesterday => -1,
            RelativeDay::Today => 0,
            RelativeDay::Tomorrow => 1,
        }
    }
}

/// One written part of a date mention and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatePart<T> {
    /// What the part means.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

/// Where a mention's year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// Written in the text.
    Written,
    /// Not written: the year that puts the date nearest the publication date. `ambiguous` when
    /// that is not the publication year, so a reader assuming the current year would be wrong.
    Inferred {
        /// The nearest year is not the publication year.
        ambiguous: bool,
    },
    /// Not written, and no publication date to infer it from.
    Unknown,
}

/// Why a mention names no calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// The month has no such day ("Feb. 30"), or not in that year ("Feb. 29, 2025").
    NoSuchDay {
        /// The month, 1 to 12.
        month: i8,
        /// The day as written.
        day: i8,
        /// The year, written or inferred, when the day exists in other years.
        year: Option<i16>,
    },
}

/// A date written in a story: its parts as written and the calendar day it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The whole mention, weekday included.
    pub span: Span,
    /// A weekday name, alone ("on Friday") or with a date ("Friday, Jan. 16").
    pub weekday: Option<DatePart<Weekday>>,
    /// The month, 1 to 12.
    pub month: Option<DatePart<i8>>,
    /// The day of the month as written.
    pub day: Option<DatePart<i8>>,
    /// The year as written.
    pub year: Option<DatePart<i16>>,
    /// "Yesterday", "today" or "tomorrow".
    pub relative: Option<DatePart<RelativeDay>>,
    /// The calendar day meant, when it can be known.
    pub date: Option<Date>,
    /// Where the year of `date` comes from.
    pub year_source: YearSource,
    /// Why the mention names no day, when it names an impossible one.
    pub problem: Option<DateProblem>,
}

impl DateMention {
    fn new(span: Span) -> Self {
        Self {
            span,
            weekday: None,
            month: None,
            day: None,
            year: None,
            relative: None,
            date: None,
            year_source: YearSource::Unknown,
            problem: None,
        }
    }

    /// True for a month and day ("Jan. 16"), with or without weekday and year.
    pub fn is_day_of_month(&self) -> bool {
        self.month.is_some() && self.day.is_some()
    }

    /// True for a weekday written alone ("on Friday").
    pub fn is_weekday_alone(&self) -> bool {
        self.weekday.is_some() && self.month.is_none()
    }

    /// True for a month without a day ("in November", "November 2025").
    pub fn is_month_alone(&self) -> bool {
        self.month.is_some() && self.day.is_none()
    }

    /// Resolves a month and day to its calendar day against `publication`, as [`find_dates`]
    /// does: the written year, or the one that puts it nearest `publication`. Other mentions are
    /// left as they are. A dateline taken apart before the publication date is known is resolved
    /// again once it is.
    pub fn resolve_against(&mut self, publication: Option<Date>) {
        if let (Some(month), Some(day)) = (self.month, self.day) {
            let resolved = resolve_day(
                month.value,
                day.value,
                self.year.map(|y| y.value),
                publication,
            );
            self.date = resolved.date;
            self.year_source = resolved.year_source;
            self.problem = resolved.problem;
        }
    }
}

// Word boundaries are ASCII ones: dates are written in ASCII, and Unicode boundaries would keep the
// regex off its fast engine on any text with a curly quote or a dash.
static DATE_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?-u:\b)\.?";
    let weekday = r"(?-u:\b)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)";
    let weekday_short = r"(?-u:\b)(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.";
    let ordinal = r"(?:st|nd|rd|th)?(?-u:\b)";
    let year = r"(?-u:\b)\d{4}(?-u:\b)";
    let pattern = format!(
        r"(?:(?P<wd>{weekday}|{weekday_short}),?\s+)?(?:(?P<m1>{month})\s+(?P<d1>(?-u:\b)\d{{1,2}}){ordinal}(?:,?\s+(?P<y1>{year}))?|(?P<d2>(?-u:\b)\d{{1,2}}){ordinal}\s+(?:of\s+)?(?P<m2>{month})(?:,?\s+(?P<y2>{year}))?)|(?P<m3>{month})(?:,?\s+(?P<y3>{year}))?|(?P<iy>(?-u:\b)\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?-u:\b)|(?P<wa>{weekday})|(?-u:\b)(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)(?-u:\b)"
    );
    Regex::new(&pattern).unwrap_or_else(|err| unreachable!("the date pattern is valid: {err}"))
});

/// Every date mention in `span` of `text`, in order. Years missing from a day of the month, and
/// weekdays and relative days written alone, are resolved against `publication` when given: a
/// month and day takes the year that puts it nearest the publication date; a weekday alone is the
/// latest such day on or before it (after it with "next"); "yesterday" is the day before it.
pub fn find_dates(text: &str, span: Span, publication: Option<Date>) -> Vec<DateMention> {
    let haystack = span.slice(text);
    let mut found = Vec::new();
    for caps in DATE_PATTERN.captures_iter(haystack) {
        let Some(whole) = caps.get(0) else { continue };
        let at = |m: regex::Match<'_>| Span::new(span.start + m.start(), span.start + m.end());
        let mut mention = DateMention::new(at(whole));
        if let Some(m) = caps.name("rel") {
            let value = match m.as_str().to_ascii_lowercase().as_str() {
                "yesterday" => RelativeDay::Yesterday,
                "today" => RelativeDay::Today,
                _ => RelativeDay::Tomorrow,
            };
            mention.relative = Some(DatePart { value, span: at(m) });
            mention.date = publication.and_then(|p| add_days(p, value.offset()));
            found.push(mention);
            continue;
        }
        if let Some(m) = caps.name("wd").or_else(|| caps.name("wa"))
            && let Some(value) = weekday_named(m.as_str())
        {
            mention.weekday = Some(DatePart { value, span: at(m) });
        }
        if caps.name("wa").is_some() {
            let before = &haystack[..whole.start()];
            let next = last_word(before).eq_ignore_ascii_case("next");
            if let (Some(weekday), Some(published)) = (mention.weekday, publication) {
                mention.date = weekday_near(published, weekday.value, next);
                mention.year_source = YearSource::Inferred { ambiguous: false };
            }
            found.push(mention);
            continue;
        }
        if let (Some(y), Some(m), Some(d)) = (caps.name("iy"), caps.name("im"), caps.name("id")) {
            let number = |m: regex::Match<'_>| m.as_str().parse::<i16>().ok();
            let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d)) else {
                continue;
            };
            let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
                continue;
            };
            if !(1..=12).contains(&month) {
                continue;
            }
            mention.year = Some(DatePart {
                value: year,
                span: at(y),
            });
            mention.month = Some(DatePart {
                value: month,
                span: at(m),
            });
            mention.day = Some(DatePart {
                value: day,
                span: at(d),
            });
        } else {
            let month = caps
                .name("m1")
                .or_else(|| caps.name("m2"))
                .or_else(|| caps.name("m3"));
            let day = caps.name("d1").or_else(|| caps.name("d2"));
            let year = caps
                .name("y1")
                .or_else(|| caps.name("y2"))
                .or_else(|| caps.name("y3"));
            let Some(month) = month else { continue };
            let Some(value) = month_number(month.as_str()) else {
                continue;
            };
            if day.is_none() && year.is_none() && !month_alone_is_a_date(haystack, month) {
                continue;
            }
            mention.month = Some(DatePart {
                value,
                span: at(month),
            });
            mention.day = day.and_then(|d| {
                Some(DatePart {
                    value: d.as_str().parse().ok()?,
                    span: at(d),
                })
            });
            mention.year = year.and_then(|y| {
                Some(DatePart {
                    value: y.as_str().parse().ok()?,
                    span: at(y),
                })
            });
        }
        mention.resolve_against(publication);
        found.push(mention);
    }
    found
}

/// A month written alone is a date when it is not "May" or "March" at the start of a clause, or
/// when a preposition or a year comes with it.
fn month_alone_is_a_date(haystack: &str, month: regex::Match<'_>) -> bool {
    let word = last_word(&haystack[..month.start()]).to_ascii_lowercase();
    let word = word.trim_end_matches('-');
    if MONTH_PREPOSITIONS.contains(&word) {
        return true;
    }
    let name = month.as_str().trim_end_matches('.');
    !matches!(name, "May" | "March") && haystack[month.end()..].starts_with([' ', ',', '.', '\n'])
}

/// The last word of `text`, without surrounding punctuation.
fn last_word(text: &str) -> &str {
    text.trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// The day `days` after `date` (before, when negative).
pub(crate) fn add_days(date: Date, days: i32) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

/// Days from `from` to `to`: positive when `to` is later.
pub(crate) fn days_between(from: Date, to: Date) -> Option<i32> {
    to.since(from).ok().map(|span| span.get_days())
}

/// The latest `weekday` on or before `published`, or with `next` the first one after it.
fn weekday_near(published: Date, weekday: Weekday, next: bool) -> Option<Date> {
    let today = i32::from(published.weekday().to_monday_zero_offset());
    let wanted = i32::from(weekday.to_monday_zero_offset());
    let offset = if next {
        (wanted - today).rem_euclid(7).max(1)
    } else {
        -(today - wanted).rem_euclid(7)
    };
    add_days(published, offset)
}

/// The outcome of resolving a month and day.
struct Resolved {
    date: Option<Date>,
    year_source: YearSource,
    problem: Option<DateProblem>,
}

/// Resolves `month` and `day` to a calendar day, taking the written year or inferring one.
fn resolve_day(month: i8, day: i8, year: Option<i16>, publication: Option<Date>) -> Resolved {
    let no_such_day = |year| Resolved {
        date: None,
        year_source: YearSource::Unknown,
        problem: Some(DateProblem::NoSuchDay { month, day, year }),
    };
    // February 29 exists in leap years; 2000 stands for any of them.
    if Date::new(year.unwrap_or(2000), month, day).is_err() {
        let exists_in_some_year = Date::new(2000, month, day).is_ok();
        return no_such_day(year.filter(|_| exists_in_some_year));
    }
    if let Some(year) = year {
        return Resolved {
            date: Date::new(year, month, day).ok(),
            year_source: YearSource::Written,
            problem: None,
        };
    }
    let Some(published) = publication else {
        return Resolved {
            date: None,
            year_source: YearSource::Unknown,
            problem: None,
        };
    };
    let nearest = (published.year() - 1..=published.year() + 1)
        .filter_map(|y| Date::new(y, month, day).ok())
        .filter_map(|date| Some((days_between(published, date)?.abs(), date)))
        .min_by_key(|&(distance, date)| (distance, date.year() != published.year()));
    match nearest {
        Some((_, date)) => Resolved {
            date: Some(date),
            year_source: YearSource::Inferred {
                ambiguous: date.year() != published.year(),
            },
            problem: None,
        },
        None => no_such_day(Some(published.year())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: Option<&str>) -> Vec<DateMention> {
        let published = published.and_then(|p| p.parse().ok());
        find_dates(text, Span::new(0, text.len()), published)
    }

    fn resolved(text: &str, published: &str) -> Vec<String> {
        dates(text, Some(published))
            .iter()
            .map(|m| m.date.map_or_else(|| "-".to_owned(), |d| d.to_string()))
            .collect()
    }

    #[test]
    fn finds_the_written_forms() {
        let text = "On Friday, Jan. 16, 2026, and 3 March 2025, in November, on Nov 21, and 2026-01-02; May I ask?";
        let found: Vec<&str> = dates(text, None)
            .iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(
            found,
            [
                "Friday, Jan. 16, 2026",
                "3 March 2025",
                "November",
                "Nov 21",
                "2026-01-02"
            ]
        );
    }

    #[test]
    fn years_are_inferred_from_the_publication_date() {
        assert_eq!(
            resolved("Dec. 5 and July 4 and Jan. 20", "2026-01-16"),
            ["2025-12-05", "2026-07-04", "2026-01-20"]
        );
        let found = dates("Dec. 5", Some("2026-01-16"));
        assert_eq!(
            found[0].year_source,
            YearSource::Inferred { ambiguous: true }
        );
    }

    #[test]
    fn weekdays_alone_and_relative_days() {
        assert_eq!(
            resolved(
                "on Friday, on Thursday, next Monday, yesterday, Tomorrow",
                "2026-01-16"
            ),
            [
                "2026-01-16",
                "2026-01-15",
                "2026-01-19",
                "2026-01-15",
                "2026-01-17"
            ]
        );
    }

    #[test]
    fn impossible_days() {
        let problems: Vec<_> = dates("Feb. 30, Nov. 31, Feb. 29, 2025, Feb. 29, 2024", None)
            .iter()
            .map(|m| m.problem)
            .collect();
        assert_eq!(
            problems,
            [
                Some(DateProblem::NoSuchDay {
                    month: 2,
                    day: 30,
                    year: None
                }),
                Some(DateProblem::NoSuchDay {
                    month: 11,
                    day: 31,
                    year: None
                }),
                Some(DateProblem::NoSuchDay {
                    month: 2,
                    day: 29,
                    year: Some(2025)
                }),
                None
            ]
        );
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("SEP"), Some(9));
        assert_eq!(month_number("Janu"), None);
        assert_eq!(weekday_named("Thurs."), Some(Weekday::Thursday));
        assert_eq!(weekday_name(Weekday::Sunday), "Sunday");
        assert_eq!(month_name(12), "December");
    }
}
