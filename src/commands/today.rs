//! What day it is for a run: `WIRECHECK_TODAY=YYYY-MM-DD` when set (for tests and replays), else
//! the system clock in the configuration's time zone (`time_zone:`), else in the system's. Undated
//! copy is published on it, and a dateline date without a year is read against it.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use wirecheck_core::Config;

/// The variable that replaces the clock.
pub(crate) const TODAY_VARIABLE: &str = "WIRECHECK_TODAY";

/// Today, and what it was read from, for notes.
#[derive(Clone, Debug)]
pub(crate) struct Today {
    /// The day.
    pub(crate) date: Date,
    /// The time zone's name (`Asia/Tokyo`), or `WIRECHECK_TODAY`.
    pub(crate) source: String,
}

impl Today {
    /// Where the day came from, for messages: "today in Asia/Tokyo", "today, from
    /// WIRECHECK_TODAY".
    pub(crate) fn described(&self) -> String {
        if self.source == TODAY_VARIABLE {
            format!("today, from {TODAY_VARIABLE}")
        } else {
            format!("today in {}", self.source)
        }
    }
}

/// Today for a run with `config`: an invalid `WIRECHECK_TODAY` or an unknown `time_zone:` is an
/// error.
pub(crate) fn today(config: &Config) -> anyhow::Result<Today> {
    let zone = config.time_zone()?;
    if let Some(value) = std::env::var_os(TODAY_VARIABLE) {
        let text = value.to_string_lossy();
        let invalid = |why: String| {
            anyhow::anyhow!(
                "invalid {TODAY_VARIABLE} '{}': {why} (expected YYYY-MM-DD)",
                wirecheck_core::excerpt(&text)
            )
        };
        // jiff reads a date out of a longer date and time too; a day is all that is wanted.
        if text.trim().len() != 10 {
            return Err(invalid("not ten characters".to_owned()));
        }
        let date = text
            .trim()
            .parse::<Date>()
            .map_err(|err| invalid(err.to_string()))?;
        return Ok(Today {
            date,
            source: TODAY_VARIABLE.to_owned(),
        });
    }
    // A system whose zone cannot be told is taken to be on UTC, as jiff does.
    let zone = zone.unwrap_or_else(TimeZone::system);
    let source = zone
        .iana_name()
        .map_or_else(|| "the system's time zone".to_owned(), str::to_owned);
    Ok(Today {
        date: jiff::Timestamp::now().to_zoned_datetime(zone).date(),
        source,
    })
}
