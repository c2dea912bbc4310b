//! Laws of the date checks, over a wide range of days: a weekday written with a date is flagged
//! exactly when jiff says it is not that date's weekday, and every real day is found and resolved;
//! a day resolved again against another publication date is the day found against that date.

use jiff::civil::Date;
use proptest::prelude::*;
use wirecheck_core::Context;
use wirecheck_core::{Document, InputFormat, RuleSet};
use wirecheck_core::{WEEKDAY_NAMES, find_dates, weekday_name};
use wirecheck_text::span::Span;

/// The AP form of a month with a day.
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

fn day_strategy() -> impl Strategy<Value = Date> {
    // 1900-01-01 to 2099-12-31.
    (0i32..73_049).prop_map(|offset| {
        Date::new(1900, 1, 1)
            .unwrap()
            .checked_add(jiff::Span::new().days(offset))
            .unwrap()
    })
}

fn weekday_rule() -> RuleSet {
    let source = wirecheck_core::RuleSource {
        files: Default::default(),
        pack: "test".into(),
        name: "Weekday".into(),
        origin: "test".into(),
        yaml: "extends: dates\nstyle: any\nchecks:\n  Weekday:\n    message: '%s is wrong'\n"
            .into(),
    };
    RuleSet::compile([source]).unwrap()
}

proptest! {
    #[test]
    fn the_weekday_check_agrees_with_jiff(date in day_strategy(), written in 0usize..7) {
        let month = AP_MONTHS[usize::try_from(date.month() - 1).unwrap()];
        let text = format!(
            "Headline\n\nTOKYO (AP) — It happened on {}, {month} {}, {}.\n",
            WEEKDAY_NAMES[written],
            date.day(),
            date.year()
        );
        let doc = Document::parse(text, InputFormat::Text);
        let findings = weekday_rule().check(&doc, &Context::default());
        let right = weekday_name(date.weekday());
        if WEEKDAY_NAMES[written] == right {
            prop_assert!(findings.is_empty(), "{:?}", findings);
        } else {
            prop_assert_eq!(findings.len(), 1);
            prop_assert_eq!(&findings[0].suggestions[0].replacement, right);
        }
    }

    #[test]
    fn every_real_day_resolves_to_itself(date in day_strategy(), published in day_strategy()) {
        let month = AP_MONTHS[usize::try_from(date.month() - 1).unwrap()];
        let text = format!("{month} {}, {}", date.day(), date.year());
        let found = find_dates(&text, Span::new(0, text.len()), Some(published));
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].date, Some(date));
        prop_assert!(found[0].problem.is_none());
    }

    #[test]
    fn a_day_without_a_year_is_within_half_a_year_of_publication(
        date in day_strategy(),
        published in day_strategy(),
    ) {
        prop_assume!(!(date.month() == 2 && date.day() == 29));
        let text = format!("{} {}", AP_MONTHS[usize::try_from(date.month() - 1).unwrap()], date.day());
        let found = find_dates(&text, Span::new(0, text.len()), Some(published));
        let resolved = found[0].date.unwrap();
        prop_assert_eq!((resolved.month(), resolved.day()), (date.month(), date.day()));
        let distance = resolved.since(published).unwrap().get_days().abs();
        prop_assert!(distance <= 184, "{} is {} days from {}", resolved, distance, published);
    }

    #[test]
    fn a_day_resolved_again_is_the_day_found_against_that_date(
        date in day_strategy(),
        first in proptest::option::of(day_strategy()),
        then in proptest::option::of(day_strategy()),
        with_year in any::<bool>(),
        day_shift in 0i8..3,
    ) {
        // Days 29 to 31 of any month, sometimes impossible ones ("Feb. 30"), with or without a year.
        let day = if day_shift > 0 { 28 + day_shift } else { date.day() };
        let month = AP_MONTHS[usize::try_from(date.month() - 1).unwrap()];
        let text = if with_year {
            format!("{month} {day}, {}", date.year())
        } else {
            format!("{month} {day}")
        };
        let whole = Span::new(0, text.len());
        let mut again = find_dates(&text, whole, first);
        for mention in &mut again {
            mention.resolve_against(then);
        }
        prop_assert_eq!(again, find_dates(&text, whole, then));
    }
}
