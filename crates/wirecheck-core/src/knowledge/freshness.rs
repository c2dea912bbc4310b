//! How long a pack's facts stay good: a fact is as of the day it was verified (`verified:`), and
//! trusted for a grace of days after it (`pack_grace_days:`, `check --pack-grace`, 90 by default).
//! Copy published later than that may name a holder who took office since, whom a stale pack
//! must never "correct": the rules that know holders soften their findings past the grace.

use std::fmt;

use jiff::civil::Date;

/// The days a pack's facts are trusted after their verified date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PackGrace {
    days: u32,
}

impl PackGrace {
    /// The grace when neither the configuration nor the command line gives one.
    pub const DEFAULT_DAYS: u32 = 90;

    /// A grace of `days` days.
    pub const fn days(days: u32) -> Self {
        Self { days }
    }

    /// Its length in days.
    pub const fn in_days(self) -> u32 {
        self.days
    }

    /// The first day facts verified on `verified` are stale: the day after the grace ends; `None`
    /// when that is past the calendar's end (they never are).
    pub fn stale_from(self, verified: Date) -> Option<Date> {
        let span = jiff::Span::new().try_days(i64::from(self.days) + 1).ok()?;
        verified.checked_add(span).ok()
    }

    /// How stale facts verified on `verified` are on `day`: `None` while within the grace.
    pub fn staleness(self, verified: Date, day: Date) -> Option<Staleness> {
        let from = self.stale_from(verified)?;
        if day < from {
            return None;
        }
        Some(Staleness {
            verified,
            since: from,
            days_past_grace: days_from(from, day) + 1,
            days_since_verified: days_from(verified, day),
        })
    }
}

impl Default for PackGrace {
    fn default() -> Self {
        Self::days(Self::DEFAULT_DAYS)
    }
}

impl fmt::Display for PackGrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} days", self.days)
    }
}

/// Facts past their grace on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Staleness {
    /// The day the facts were verified.
    pub verified: Date,
    /// The first day they are stale.
    pub since: Date,
    /// How many days past the grace the day is: 1 on the first stale day.
    pub days_past_grace: i64,
    /// How many days after the verified date the day is.
    pub days_since_verified: i64,
}

/// Days from `from` to `to` (negative when `to` is earlier).
fn days_from(from: Date, to: Date) -> i64 {
    to.since(from)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}

/// Reads a rule's `verified:` value: a calendar day, `YYYY-MM-DD`, and nothing more.
pub(crate) fn parse_verified(text: &str) -> Result<Date, String> {
    let error = |why: String| {
        format!(
            "verified: '{}' is not a date ({why}; expected YYYY-MM-DD)",
            crate::document::excerpt::excerpt(text)
        )
    };
    let day = text.trim();
    // jiff reads a date out of a longer date and time too; a day is all a fact is as of.
    if day.len() != 10 {
        return Err(error("not ten characters".to_owned()));
    }
    day.parse::<Date>().map_err(|err| error(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn facts_are_stale_from_the_day_after_the_grace() {
        let grace = PackGrace::default();
        let verified = day("2025-11-01");
        // 2025-11-01 + 90 days = 2026-01-30, the grace's last day.
        assert_eq!(grace.staleness(verified, day("2026-01-30")), None);
        assert_eq!(grace.staleness(verified, day("2025-10-01")), None);
        let first = grace.staleness(verified, day("2026-01-31")).unwrap();
        assert_eq!(first.since, day("2026-01-31"));
        assert_eq!(first.days_past_grace, 1);
        let later = grace.staleness(verified, day("2026-12-01")).unwrap();
        assert_eq!(later.days_since_verified, 395);
        assert_eq!(later.days_past_grace, 305);
        let none = PackGrace::days(0);
        assert_eq!(none.staleness(verified, verified), None);
        assert_eq!(
            none.staleness(verified, day("2025-11-02"))
                .map(|s| s.days_past_grace),
            Some(1)
        );
        assert_eq!(
            PackGrace::days(u32::MAX).staleness(verified, day("9999-12-31")),
            None
        );
    }

    #[test]
    fn a_verified_date_is_a_calendar_day() {
        assert_eq!(parse_verified("2025-11-01"), Ok(day("2025-11-01")));
        for bad in ["2025-13-01", "01/11/2025", "2025-11-01T00:00", "soon", ""] {
            let err = parse_verified(bad).unwrap_err();
            assert!(err.starts_with("verified: '"), "{bad}: {err}");
        }
    }
}
