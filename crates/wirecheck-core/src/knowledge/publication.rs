//! The story's publication date: read from `--date`, the story's metadata, its dateline or the
//! configuration, and chosen in that order; else, when the caller says what day it is, today (copy
//! checked before publication is published today).

use std::fmt;

use jiff::civil::{Date, Time};
use jiff::tz::Offset;

use crate::document::Document;
use crate::knowledge::dateline::Dateline;
use crate::knowledge::dates::YearSource;

/// Where a publication date came from, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// `--date` on the command line (or set by a caller of the library).
    CommandLine,
    /// The story's metadata: `date:` in Markdown front matter, NITF `date.issue`, ninjs
    /// `firstcreated` or `versioncreated`.
    Metadata,
    /// The date in the story's dateline ("TOKYO, Nov 21 (Reuters) -").
    Dateline,
    /// `date:` in `wirecheck.yaml`.
    Config,
    /// Today, as the caller gives it ([`crate::Context::today`]): the date of undated copy.
    Today,
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateSource::CommandLine => "the command line",
            DateSource::Metadata => "the story's metadata",
            DateSource::Dateline => "the dateline",
            DateSource::Config => "the configuration",
            DateSource::Today => "today's date",
        })
    }
}

/// The day a story is published, with its time and UTC offset when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicationDate {
    /// The calendar day, in the story's own time zone.
    pub date: Date,
    /// The time of day, when given.
    pub time: Option<Time>,
    /// The UTC offset of the story's time zone, when given.
    pub offset: Option<Offset>,
    /// Where the date came from.
    pub source: DateSource,
}

/// A publication date that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid date '{input}': {message} (expected YYYY-MM-DD[THH:MM][±HH:MM])")]
pub struct DateParseError {
    /// The text as given.
    pub input: String,
    /// What is wrong with it.
    pub message: String,
}

impl PublicationDate {
    /// Reads `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` (or a space and the time) and an
    /// offset `±HH:MM`, `±HHMM` or `Z`: "2026-01-16", "2026-01-16T09:30+09:00",
    /// "2026-01-16 09:30:00 +0900".
    pub fn parse(input: &str, source: DateSource) -> Result<Self, DateParseError> {
        let error = |message: String| DateParseError {
            input: input.to_owned(),
            message,
        };
        let text = input.trim();
        let (date_text, rest) = text.split_at(text.len().min(10));
        let date: Date = date_text.parse().map_err(|e| error(format!("{e}")))?;
        let rest = rest.trim_start_matches(['T', 't', ' ']);
        let time_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(rest.len());
        let (time_text, zone_text) = rest.split_at(time_end);
        let time = if time_text.is_empty() {
            None
        } else {
            Some(
                time_text
                    .parse::<Time>()
                    .map_err(|e| error(format!("{e}")))?,
            )
        };
        let offset = parse_offset(zone_text.trim()).map_err(error)?;
        Ok(Self {
            date,
            time,
            offset,
            source,
        })
    }

    /// The publication date of `doc`: `command_line` when given; else the story's metadata
    /// `date:`; else the date of its `dateline` as taken apart (a year not written read against
    /// `config` or today); else `config`; else `today`, when the caller gives it.
    pub fn choose(
        command_line: Option<PublicationDate>,
        doc: &Document,
        dateline: Option<&Dateline>,
        config: Option<PublicationDate>,
        today: Option<Date>,
    ) -> Option<PublicationDate> {
        if command_line.is_some() {
            return command_line;
        }
        if let Some(found) = doc
            .metadata
            .date()
            .and_then(|text| PublicationDate::parse(text, DateSource::Metadata).ok())
        {
            return Some(found);
        }
        let dateline_date = dateline
            .and_then(|d| d.date.as_ref())
            .filter(|mention| mention.year_source != YearSource::Unknown)
            .and_then(|mention| mention.date);
        if let Some(date) = dateline_date {
            return Some(PublicationDate {
                date,
                time: None,
                offset: config.and_then(|c| c.offset),
                source: DateSource::Dateline,
            });
        }
        config.or_else(|| {
            today.map(|date| PublicationDate {
                date,
                time: None,
                offset: None,
                source: DateSource::Today,
            })
        })
    }
}

fn parse_offset(text: &str) -> Result<Option<Offset>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if text.eq_ignore_ascii_case("z") {
        return Ok(Some(Offset::UTC));
    }
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(format!("unexpected '{text}' after the date")),
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("invalid UTC offset '{text}'"));
    }
    let hours: i32 = digits[..2]
        .parse()
        .map_err(|_| format!("invalid '{text}'"))?;
    let minutes: i32 = digits[2..]
        .parse()
        .map_err(|_| format!("invalid '{text}'"))?;
    if hours > 17 || minutes > 59 {
        return Err(format!("UTC offset '{text}' is out of range"));
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60))
        .map(Some)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputFormat;
    use crate::knowledge::dateline::parse_dateline;

    fn parse(text: &str) -> Result<PublicationDate, DateParseError> {
        PublicationDate::parse(text, DateSource::CommandLine)
    }

    #[test]
    fn reads_dates_times_and_offsets() {
        let plain = parse("2026-01-16").unwrap();
        assert_eq!(plain.date.to_string(), "2026-01-16");
        assert_eq!((plain.time, plain.offset), (None, None));
        let full = parse("2026-01-16T09:30+09:00").unwrap();
        assert_eq!(
            full.time.map(|t| t.to_string()).as_deref(),
            Some("09:30:00")
        );
        assert_eq!(full.offset.map(|o| o.seconds()), Some(9 * 3600));
        let jekyll = parse("2026-01-16 09:30:00 -0500").unwrap();
        assert_eq!(jekyll.offset.map(|o| o.seconds()), Some(-5 * 3600));
        assert!(parse("2026-02-30").is_err());
        assert!(parse("16/01/2026").is_err());
        assert!(parse("2026-01-16T09:30+25:00").is_err());
        assert!(parse("2026-01-16 tomorrow").is_err());
    }

    #[test]
    fn chooses_in_order_command_line_metadata_dateline_config() {
        let config = parse("2025-12-20").ok().map(|mut c| {
            c.source = DateSource::Config;
            c
        });
        let cli = parse("2026-01-16").ok();
        let story = "---\ndate: 2026-01-10\n---\nHeadline\n\nTOKYO, Jan 9 (Reuters) - Text.\n";
        let doc = Document::parse(story.to_owned(), InputFormat::Markdown);
        let chosen = |cli, doc: &Document| {
            let anchor = config.map(|c| c.date);
            let dateline = doc
                .dateline
                .map(|span| parse_dateline(doc.text(), span, anchor));
            PublicationDate::choose(cli, doc, dateline.as_ref(), config, None)
                .map(|p| (p.date.to_string(), p.source))
        };
        assert_eq!(
            chosen(cli, &doc),
            Some(("2026-01-16".into(), DateSource::CommandLine))
        );
        assert_eq!(
            chosen(None, &doc),
            Some(("2026-01-10".into(), DateSource::Metadata))
        );
        let doc = Document::parse(story.replace("date:", "day:"), InputFormat::Markdown);
        assert_eq!(
            chosen(None, &doc),
            Some(("2026-01-09".into(), DateSource::Dateline))
        );
        let doc = Document::parse("Headline\n\nTOKYO (AP) — Text.\n".into(), InputFormat::Text);
        assert_eq!(
            chosen(None, &doc),
            Some(("2025-12-20".into(), DateSource::Config))
        );
        let dateline = doc
            .dateline
            .map(|span| parse_dateline(doc.text(), span, None));
        assert_eq!(
            PublicationDate::choose(None, &doc, dateline.as_ref(), None, None),
            None
        );
    }

    #[test]
    fn undated_copy_is_published_today_when_the_caller_says_what_day_it_is() {
        let today: Date = "2026-12-01".parse().unwrap();
        let undated = Document::parse("Headline\n\nTOKYO (AP) — Text.\n".into(), InputFormat::Text);
        let chosen = |doc: &Document, config| {
            let dateline = doc
                .dateline
                .map(|span| parse_dateline(doc.text(), span, Some(today)));
            PublicationDate::choose(None, doc, dateline.as_ref(), config, Some(today))
                .map(|p| (p.date.to_string(), p.source))
        };
        assert_eq!(
            chosen(&undated, None),
            Some(("2026-12-01".into(), DateSource::Today))
        );
        assert_eq!(DateSource::Today.to_string(), "today's date");
        // Every other source wins over today.
        let config = parse("2025-12-20").ok().map(|mut c| {
            c.source = DateSource::Config;
            c
        });
        assert_eq!(
            chosen(&undated, config),
            Some(("2025-12-20".into(), DateSource::Config))
        );
        let dated = Document::parse(
            "Headline\n\nTOKYO, Nov 21 (Reuters) - Text.\n".into(),
            InputFormat::Text,
        );
        assert_eq!(
            chosen(&dated, None),
            Some(("2026-11-21".into(), DateSource::Dateline))
        );
    }
}
