//! Dates written in digits alone: year first in every language ("2026-05-03", "2026/5/3", the
//! Korean "2026. 5. 3."), and day first where the language writes it so ("3.5.2026" in German and
//! Russian, "03/05/2026" in French, Spanish and Arabic). Month-first dates ("5/3/2026") are
//! English and left to its own reader.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::numerals::{DIGIT, is_digit, read_digits};
use super::{Found, Verdict, char_before, date_of, scan};
use crate::knowledge::language::Language;

/// Separators of a numeric date, ASCII and full-width.
const SEPARATOR: &str = "[-/／.．]";

static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?P<y>{DIGIT}{{4}})(?P<s1>{SEPARATOR})[ ]?(?P<m>{DIGIT}{{1,2}})(?P<s2>{SEPARATOR})[ ]?(?P<d>{DIGIT}{{1,2}})"
    );
    Regex::new(&pattern)
        .unwrap_or_else(|err| unreachable!("the year-first pattern is valid: {err}"))
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?P<d>{DIGIT}{{1,2}})(?P<s1>[./])[ ]?(?P<m>{DIGIT}{{1,2}})(?P<s2>[./])[ ]?(?P<y>{DIGIT}{{4}})"
    );
    Regex::new(&pattern).unwrap_or_else(|err| unreachable!("the day-first pattern is valid: {err}"))
});

/// Whether `language` writes numeric dates day first.
pub(super) fn day_first(language: Language) -> bool {
    matches!(
        language,
        Language::German
            | Language::Russian
            | Language::French
            | Language::Spanish
            | Language::Arabic
    )
}

/// The numeric dates of `haystack`; day-first ones too with `day_first`.
pub(super) fn find(haystack: &str, day_first: bool) -> Vec<Found> {
    let mut found = scan(&YEAR_FIRST, haystack, |c| read(haystack, c));
    if day_first {
        found.extend(scan(&DAY_FIRST, haystack, |c| read(haystack, c)));
    }
    found
}

/// One numeric date: both separators alike, and no digit or separator touching it ("1.234.5678"
/// and "12/3/2026/4" are not dates).
fn read(haystack: &str, captures: &Captures<'_>) -> Verdict<Found> {
    let (Some(whole), Some(s1), Some(s2)) =
        (captures.get(0), captures.name("s1"), captures.name("s2"))
    else {
        return Verdict::Skip;
    };
    if char_before(haystack, whole.start())
        .is_some_and(|c| c.is_alphanumeric() || ".,/-／．".contains(c))
    {
        return Verdict::Retry;
    }
    let after = haystack.get(whole.end()..).unwrap_or("");
    let mut rest = after.chars();
    let touching = match rest.next() {
        Some(c) if c.is_alphanumeric() => true,
        Some(c) if "./-／．".contains(c) => rest.next().is_some_and(is_digit),
        _ => false,
    };
    let width = |s: &str| s.replace('／', "/").replace('．', ".");
    if touching || width(s1.as_str()) != width(s2.as_str()) {
        return Verdict::Skip;
    }
    let number = |name: &str| captures.name(name).and_then(|m| read_digits(m.as_str()));
    match date_of(number("y"), number("m"), number("d")) {
        Some(date) => Verdict::Take(Found {
            start: whole.start(),
            end: whole.end(),
            date,
        }),
        None => Verdict::Skip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date as written, with its year, month and day.
    type Read<'a> = (&'a str, Option<i16>, Option<i8>, Option<i8>);

    fn dates(text: &str, day_first: bool) -> Vec<Read<'_>> {
        find(text, day_first)
            .iter()
            .map(|f| (&text[f.start..f.end], f.date.year, f.date.month, f.date.day))
            .collect()
    }

    #[test]
    fn year_first_and_day_first() {
        assert_eq!(
            dates("am 3.5.2026 und 2026-05-04, 2026/5/5, 2026. 5. 6", true),
            [
                ("2026-05-04", Some(2026), Some(5), Some(4)),
                ("2026/5/5", Some(2026), Some(5), Some(5)),
                ("2026. 5. 6", Some(2026), Some(5), Some(6)),
                ("3.5.2026", Some(2026), Some(5), Some(3)),
            ]
        );
        assert_eq!(
            dates("２０２６／５／３", false),
            [("２０２６／５／３", Some(2026), Some(5), Some(3))]
        );
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            "1.234.5678",
            "2026-13-01",
            "2026-02-30",
            "31.4.2026",
            "2026-05/03",
            "12/3/2026/4",
            "v2026.5.3",
        ] {
            assert_eq!(dates(text, true), [], "{text}");
        }
        assert_eq!(dates("3.5.2026", false), []);
    }
}
