//! `dates`: dates that are false or against the house style — a weekday that is not the date's,
//! an impossible day, a year left out where the reader cannot tell it, and, against the
//! publication date, a date within the week written out, "yesterday", the current month named as
//! if past, and months abbreviated against the style. Each is a named check with its own id
//! (`wire.Dates.Weekday`), message and level, listed under `checks:` (see [`CHECKS`]):
//!
//! ```yaml
//! extends: dates
//! level: warning
//! style: ap            # month forms: ap (Jan. 16, Sept. 5), reuters (Jan 16), full, any
//! checks:
//!   Weekday:
//!     message: "'%s' is wrong: %s is a %s"
//! ```
//! - `Weekday`: "Thursday, Jan. 16, 2026" → "Friday" (the year inferred from the publication
//!   date when not written).
//! - `NoSuchDay`: "Feb. 30", "Nov. 31"; `NotLeapYear`: "Feb. 29, 2025".
//! - `AmbiguousYear`: a day without a year that is nearer the publication date in another year
//!   ("Dec. 5" in a story of Jan. 16, 2026) → "Dec. 5, 2025".
//! - `RecentDate`: a day within seven days of publication is its weekday (AP): "Jan. 14" →
//!   "Wednesday".
//! - `RelativeDay`: "yesterday", "today", "tomorrow" outside quotes → the weekday (its
//!   `message_without_date` when the publication date is unknown).
//! - `CurrentMonth`: "in November" in a story published in November → "earlier this month".
//! - `MonthFormat`: a month with a day in the style's form ("Jan. 16", "March 3");
//!   `MonthWithoutDay`: a month without a day spelled out ("January 2026").
//!
//! Dates in the dateline are the `dateline` rule's. Without a publication date, the checks that
//! need one are skipped.

use serde::Deserialize;

use super::{Check, DeclaredCheck, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::Document;
use crate::knowledge::dates::{
    DateMention, DateProblem, YearSource, days_between, month_name, weekday_name,
};
use crate::knowledge::house_style::HouseStyles;
use crate::span::Span;

/// The findings a `dates` rule can give, each under its own id; in the order of [`CHECKS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateCheck {
    Weekday,
    NoSuchDay,
    NotLeapYear,
    AmbiguousYear,
    RecentDate,
    RelativeDay,
    CurrentMonth,
    MonthFormat,
    MonthWithoutDay,
}

impl From<DateCheck> for usize {
    fn from(check: DateCheck) -> usize {
        check as usize
    }
}

/// The checks as a rule file names them under `checks:`, and what fills their messages' slots.
const CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new(
        "Weekday",
        &["the weekday written", "the date in full", "its weekday"],
    ),
    DeclaredCheck::new("NoSuchDay", &["the month", "the day"]),
    DeclaredCheck::new("NotLeapYear", &["the date in full", "the year"]),
    DeclaredCheck::new(
        "AmbiguousYear",
        &[
            "the date written",
            "the publication date",
            "the date's year",
        ],
    )
    .needing_date("unclear years"),
    DeclaredCheck::new(
        "RecentDate",
        &[
            "the publication date",
            "the date's weekday",
            "the date written",
        ],
    )
    .needing_date("dates within the week"),
    DeclaredCheck::new("RelativeDay", &["the word written", "the day's weekday"])
        .with_undated_message(&["the word written"]),
    DeclaredCheck::new("CurrentMonth", &["the phrase written", "the month"])
        .needing_date("the current month"),
    DeclaredCheck::new(
        "MonthFormat",
        &["the month in the style's form", "the month written"],
    ),
    DeclaredCheck::new(
        "MonthWithoutDay",
        &["the month spelled out", "the month written"],
    ),
];

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default = "default_style")]
    style: String,
}

fn default_style() -> String {
    "ap".to_owned()
}

struct Dates {
    style: String,
}

/// Compiles a `dates` rule.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let styles = HouseStyles::shipped();
    if spec.style != "any" && styles.month_with_day(&spec.style, 1).is_none() {
        return Err(source.invalid(format!(
            "unknown style '{}' (valid: ap, reuters, full, any)",
            spec.style
        )));
    }
    Ok(Box::new(Dates { style: spec.style }))
}

/// "January 16, 2026", or "January 16" without a year.
fn long_date(month: i8, day: i8, year: Option<i16>) -> String {
    match year {
        Some(year) => format!("{} {day}, {year}", month_name(month)),
        None => format!("{} {day}", month_name(month)),
    }
}

/// True when `at` lies inside a quotation of `paragraph`: an odd number of quote marks before it.
fn inside_quotes(text: &str, paragraph: Span, at: usize) -> bool {
    let before = &text[paragraph.start..at];
    let straight = before.matches('"').count();
    let opened = before.matches('“').count();
    let closed = before.matches('”').count();
    straight % 2 == 1 || opened > closed
}

impl Dates {
    fn check_mention(
        &self,
        doc: &Document,
        paragraph: Span,
        mention: &DateMention,
        context: &StoryContext<'_>,
        out: &mut Reporter<'_>,
    ) {
        let text = doc.text();
        if let Some(DateProblem::NoSuchDay { month, day, year }) = mention.problem {
            let check = match year {
                Some(_) => DateCheck::NotLeapYear,
                None => DateCheck::NoSuchDay,
            };
            if out.is_on(check) {
                let args = match year {
                    Some(year) => [long_date(month, day, Some(year)), year.to_string()],
                    None => [month_name(month).to_owned(), day.to_string()],
                };
                out.named(check)
                    .report(mention.span, &[&args[0], &args[1]], Vec::new());
                return;
            }
        }
        let published = context.publication_date();
        if let (Some(weekday), Some(date)) = (mention.weekday, mention.date)
            && mention.is_day_of_month()
            && out.is_on(DateCheck::Weekday)
            && weekday.value != date.weekday()
        {
            let right = weekday_name(date.weekday());
            out.named(DateCheck::Weekday).report(
                weekday.span,
                &[
                    weekday.span.slice(text),
                    &long_date(date.month(), date.day(), Some(date.year())),
                    right,
                ],
                vec![(weekday.span, right.to_owned())],
            );
            return;
        }
        if let (Some(day), Some(date), Some(published)) = (mention.day, mention.date, published)
            && mention.year.is_none()
            && mention.year_source == (YearSource::Inferred { ambiguous: true })
            && out.is_on(DateCheck::AmbiguousYear)
        {
            let insert = Span::new(day.span.end, day.span.end);
            out.named(DateCheck::AmbiguousYear).report(
                mention.span,
                &[
                    mention.span.slice(text),
                    &published.to_string(),
                    &date.year().to_string(),
                ],
                vec![(insert, format!(", {}", date.year()))],
            );
            return;
        }
        if let (Some(date), Some(published)) = (mention.date, published)
            && mention.is_day_of_month()
            && out.is_on(DateCheck::RecentDate)
            && days_between(date, published).is_some_and(|d| (-6..=6).contains(&d))
        {
            let right = weekday_name(date.weekday());
            out.named(DateCheck::RecentDate).report(
                mention.span,
                &[&published.to_string(), right, mention.span.slice(text)],
                vec![(mention.span, right.to_owned())],
            );
            return;
        }
        if let Some(relative) = mention.relative
            && out.is_on(DateCheck::RelativeDay)
            && !text[mention.span.end..].starts_with(['\'', '’'])
            && !inside_quotes(text, paragraph, mention.span.start)
        {
            let written = relative.span.slice(text);
            let reporter = out.named(DateCheck::RelativeDay);
            match mention.date {
                Some(date) => {
                    let weekday = weekday_name(date.weekday());
                    reporter.report(
                        relative.span,
                        &[written, weekday],
                        vec![(relative.span, weekday.to_owned())],
                    );
                }
                None => reporter
                    .without_date()
                    .report(relative.span, &[written], Vec::new()),
            }
            return;
        }
        if let (Some(month), Some(published)) = (mention.month, published)
            && mention.is_month_alone()
            && out.is_on(DateCheck::CurrentMonth)
            && month.value == published.month()
            && mention.year.is_none_or(|y| y.value == published.year())
        {
            let before = text[paragraph.start..mention.span.start].trim_end();
            if before.ends_with(" in")
                || before == "in"
                || before.ends_with(" In")
                || before == "In"
            {
                let start = paragraph.start + before.len() - 2;
                let phrase = Span::new(start, mention.span.end);
                out.named(DateCheck::CurrentMonth).report(
                    phrase,
                    &[phrase.slice(text), month_name(month.value)],
                    vec![
                        (phrase, "earlier this month".to_owned()),
                        (phrase, "this month".to_owned()),
                    ],
                );
                return;
            }
        }
        if let Some(month) = mention.month
            && [DateCheck::MonthFormat, DateCheck::MonthWithoutDay]
                .into_iter()
                .any(|c| out.is_on(c))
        {
            let expected = if mention.day.is_some() {
                HouseStyles::shipped().month_with_day(&self.style, month.value)
            } else if self.style == "any" {
                None
            } else {
                Some(month_name(month.value))
            };
            let written = month.span.slice(text);
            if let Some(expected) = expected
                && written != expected
            {
                let check = if mention.day.is_some() {
                    DateCheck::MonthFormat
                } else {
                    DateCheck::MonthWithoutDay
                };
                out.named(check).report(
                    month.span,
                    &[expected, written],
                    vec![(month.span, expected.to_owned())],
                );
            }
        }
    }
}

impl Check for Dates {
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for (i, &paragraph) in doc.paragraphs.iter().enumerate() {
            for mention in context.dates_in(i).iter() {
                self.check_mention(doc, paragraph, mention, context, out);
            }
        }
    }

    fn named_checks(&self) -> &'static [DeclaredCheck] {
        CHECKS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_is_declared_under_its_own_name() {
        use DateCheck::*;
        let all = [
            Weekday,
            NoSuchDay,
            NotLeapYear,
            AmbiguousYear,
            RecentDate,
            RelativeDay,
            CurrentMonth,
            MonthFormat,
            MonthWithoutDay,
        ];
        assert_eq!(all.len(), CHECKS.len());
        for check in all {
            assert_eq!(CHECKS[usize::from(check)].name, format!("{check:?}"));
        }
    }
}
