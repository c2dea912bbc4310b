//! English dates as values: the mentions `knowledge::dates` finds ("Friday, May 3, 2026", "3
//! May", "May 2026", "on Friday", ISO dates), with two forms a translation's date may be matched
//! by that it leaves alone: a day of the month alone ("on the 3rd") and a year alone after a
//! preposition ("in 2026"). Relative days ("yesterday") need a publication date and are not read.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{Found, Verdict, date_of, scan, starts_word, word_after};
use crate::knowledge::dates::find_dates;
use crate::knowledge::quantity::CalendarDate;
use crate::span::Span;

/// A day alone ("on the 3rd") and a year alone ("in 2026"), ASCII boundaries checked in code.
static DAY_OR_YEAR_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)(?:on|by|until|till|from|since|before|after)[ \t]+(?P<the>the[ \t]+(?P<d>[0-9]{1,2})(?:st|nd|rd|th))|(?:in|since|by|until|till|from|during|before|after|through|throughout|early|late|mid-)[ \t]*(?P<y>[0-9]{4})";
    Regex::new(pattern)
        .unwrap_or_else(|err| unreachable!("the English day-or-year pattern is valid: {err}"))
});

/// Words that may follow a day alone ("on the 3rd and 4th"); another word makes it an ordinal of
/// something else ("the 3rd Infantry Division").
const AFTER_DAY_ALONE: &[&str] = &["", "and", "or", "to", "through", "until"];

/// The dates of `haystack`, an English text.
pub(super) fn find(haystack: &str) -> Vec<Found> {
    let mentions = find_dates(haystack, Span::new(0, haystack.len()), None);
    let mut found: Vec<Found> = mentions
        .iter()
        .filter(|m| m.relative.is_none() && m.problem.is_none())
        .filter_map(|m| {
            let date = CalendarDate {
                year: m.year.map(|y| y.value),
                month: m.month.map(|m| m.value),
                day: m.day.map(|d| d.value),
                weekday: m.weekday.map(|w| w.value),
            };
            let plausible = date_of(
                date.year.and_then(|y| u32::try_from(y).ok()),
                date.month.and_then(|m| u32::try_from(m).ok()),
                date.day.and_then(|d| u32::try_from(d).ok()),
            )
            .is_some()
                || date
                    == CalendarDate {
                        weekday: date.weekday,
                        ..CalendarDate::default()
                    };
            plausible.then_some(Found {
                start: m.span.start,
                end: m.span.end,
                date,
            })
        })
        .collect();
    found.extend(scan(&DAY_OR_YEAR_ALONE, haystack, |c| {
        read_day_or_year(haystack, c)
    }));
    found
}

fn read_day_or_year(haystack: &str, captures: &Captures<'_>) -> Verdict<Found> {
    let Some(whole) = captures.get(0) else {
        return Verdict::Skip;
    };
    let ends_word = !haystack[whole.end()..].starts_with(|c: char| c.is_alphanumeric());
    if !starts_word(haystack, whole.start()) || !ends_word {
        return Verdict::Retry;
    }
    let number = |m: regex::Match<'_>| m.as_str().parse::<u32>().ok();
    if let (Some(the), Some(day)) = (captures.name("the"), captures.name("d")) {
        let after = word_after(haystack, whole.end()).to_ascii_lowercase();
        if !AFTER_DAY_ALONE.contains(&after.as_str()) {
            return Verdict::Skip;
        }
        let Some(date) = date_of(None, None, number(day)) else {
            return Verdict::Skip;
        };
        return Verdict::Take(Found {
            start: the.start(),
            end: whole.end(),
            date,
        });
    }
    let Some(year) = captures.name("y") else {
        return Verdict::Skip;
    };
    match number(year)
        .filter(|y| (1900..=2100).contains(y))
        .and_then(|y| date_of(Some(y), None, None))
    {
        Some(date) => Verdict::Take(Found {
            start: year.start(),
            end: year.end(),
            date,
        }),
        None => Verdict::Skip,
    }
}
