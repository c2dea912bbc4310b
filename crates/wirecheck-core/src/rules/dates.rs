//! `dates`: dates that are false or against the house style — a weekday that is not the date's,
//! an impossible day, a year left out where the reader cannot tell it, and, against the
//! publication date, a date within the week written out, "yesterday", the current month named as
//! if past, and months abbreviated against the style.
//!
//! ```yaml
//! extends: dates
//! message: "%s"
//! level: warning
//! style: ap            # month forms: ap (Jan. 16, Sept. 5), reuters (Jan 16), full, any
//! checks: [weekday, impossible, ambiguous-year, recent-date, relative-day, current-month, month-format]
//! ```
//! `checks` chooses the findings (all by default):
//! - `weekday`: "Thursday, Jan. 16, 2026" → "Friday" (the year inferred from the publication
//!   date when not written).
//! - `impossible`: "Feb. 30", "Nov. 31", "Feb. 29, 2025".
//! - `ambiguous-year`: a day without a year that is nearer the publication date in another year
//!   ("Dec. 5" in a story of Jan. 16, 2026) → "Dec. 5, 2025".
//! - `recent-date`: a day within seven days of publication is its weekday (AP): "Jan. 14" →
//!   "Wednesday".
//! - `relative-day`: "yesterday", "today", "tomorrow" outside quotes → the weekday.
//! - `current-month`: "in November" in a story published in November → "earlier this month".
//! - `month-format`: a month with a day in the style's form ("Jan. 16", "March 3"), spelled out
//!   without a day ("January 2026").
//!
//! The message's `%s` is the finding's explanation. Dates in the dateline are the `dateline`
//! rule's. Without a publication date, the checks that need one are skipped.

use serde::Deserialize;

use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::Document;
use crate::knowledge::dates::{
    DateMention, DateProblem, YearSource, days_between, month_name, weekday_name,
};
use crate::knowledge::house_style::HouseStyles;
use crate::span::Span;

/// The findings a `dates` rule can give, as named in `checks:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DateCheck {
    Weekday,
    Impossible,
    AmbiguousYear,
    RecentDate,
    RelativeDay,
    CurrentMonth,
    MonthFormat,
}

const ALL_CHECKS: [DateCheck; 7] = [
    DateCheck::Weekday,
    DateCheck::Impossible,
    DateCheck::AmbiguousYear,
    DateCheck::RecentDate,
    DateCheck::RelativeDay,
    DateCheck::CurrentMonth,
    DateCheck::MonthFormat,
];

#[derive(Deserialize)]
struct Spec {
    #[serde(default = "default_style")]
    style: String,
    #[serde(default)]
    checks: Option<Vec<DateCheck>>,
}

fn default_style() -> String {
    "ap".to_owned()
}

struct Dates {
    style: String,
    checks: Vec<DateCheck>,
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
    Ok(Box::new(Dates {
        style: spec.style,
        checks: spec.checks.unwrap_or_else(|| ALL_CHECKS.to_vec()),
    }))
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
    fn on(&self, check: DateCheck) -> bool {
        self.checks.contains(&check)
    }

    fn check_mention(
        &self,
        doc: &Document,
        paragraph: Span,
        mention: &DateMention,
        context: &StoryContext<'_>,
        out: &mut Reporter<'_>,
    ) {
        let text = doc.text();
        if let (Some(DateProblem::NoSuchDay { month, day, year }), true) =
            (mention.problem, self.on(DateCheck::Impossible))
        {
            let explanation = match year {
                Some(year) => format!(
                    "{} does not exist: {year} is not a leap year",
                    long_date(month, day, Some(year))
                ),
                None => format!("{} has no day {day}", month_name(month)),
            };
            out.report(mention.span, &[&explanation], Vec::new());
            return;
        }
        let published = context.publication_date();
        if let (Some(weekday), Some(date)) = (mention.weekday, mention.date)
            && mention.is_day_of_month()
            && self.on(DateCheck::Weekday)
            && weekday.value != date.weekday()
        {
            let right = weekday_name(date.weekday());
            let explanation = format!(
                "'{}' is wrong: {} is a {right}",
                weekday.span.slice(text),
                long_date(date.month(), date.day(), Some(date.year()))
            );
            out.report(
                weekday.span,
                &[&explanation],
                vec![(weekday.span, right.to_owned())],
            );
            return;
        }
        if let (Some(day), Some(date), Some(published)) = (mention.day, mention.date, published)
            && mention.year.is_none()
            && mention.year_source == (YearSource::Inferred { ambiguous: true })
            && self.on(DateCheck::AmbiguousYear)
        {
            let explanation = format!(
                "The year of '{}' is unclear in a story published {published}: write the year, {}",
                mention.span.slice(text),
                date.year()
            );
            let insert = Span::new(day.span.end, day.span.end);
            out.report(
                mention.span,
                &[&explanation],
                vec![(insert, format!(", {}", date.year()))],
            );
            return;
        }
        if let (Some(date), Some(published)) = (mention.date, published)
            && mention.is_day_of_month()
            && self.on(DateCheck::RecentDate)
            && days_between(date, published).is_some_and(|d| (-6..=6).contains(&d))
        {
            let right = weekday_name(date.weekday());
            let explanation = format!(
                "Within a week of publication ({published}), write the weekday: '{right}' instead of '{}'",
                mention.span.slice(text)
            );
            out.report(
                mention.span,
                &[&explanation],
                vec![(mention.span, right.to_owned())],
            );
            return;
        }
        if let Some(relative) = mention.relative
            && self.on(DateCheck::RelativeDay)
            && !text[mention.span.end..].starts_with(['\'', '’'])
            && !inside_quotes(text, paragraph, mention.span.start)
        {
            let written = relative.span.slice(text);
            let fixes = match mention.date {
                Some(date) => vec![(relative.span, weekday_name(date.weekday()).to_owned())],
                None => Vec::new(),
            };
            let explanation = match mention.date {
                Some(date) => format!(
                    "Name the day instead of '{written}': '{}'",
                    weekday_name(date.weekday())
                ),
                None => format!("Name the day instead of '{written}'"),
            };
            out.report(relative.span, &[&explanation], fixes);
            return;
        }
        if let (Some(month), Some(published)) = (mention.month, published)
            && mention.is_month_alone()
            && self.on(DateCheck::CurrentMonth)
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
                let explanation = format!(
                    "'{}' in a story published in {}: write 'earlier this month' or 'this month'",
                    phrase.slice(text),
                    month_name(month.value)
                );
                out.report(
                    phrase,
                    &[&explanation],
                    vec![
                        (phrase, "earlier this month".to_owned()),
                        (phrase, "this month".to_owned()),
                    ],
                );
                return;
            }
        }
        if let Some(month) = mention.month
            && self.on(DateCheck::MonthFormat)
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
                let explanation = if mention.day.is_some() {
                    format!("Write '{expected}' with a date, not '{written}'")
                } else {
                    format!("Spell out '{expected}' without a date, not '{written}'")
                };
                out.report(
                    month.span,
                    &[&explanation],
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

    fn needs_publication_date(&self) -> Option<&'static str> {
        let relative = [
            DateCheck::AmbiguousYear,
            DateCheck::RecentDate,
            DateCheck::CurrentMonth,
        ];
        relative
            .iter()
            .any(|c| self.on(*c))
            .then_some("dates relative to publication (unclear years, dates within the week, the current month)")
    }
}
