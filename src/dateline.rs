//! The parts of a dateline: "TOKYO, Japan, Nov. 21 (AP) —" is the place "TOKYO", the qualifier
//! "Japan", the date "Nov. 21", the agency "AP" in brackets, and the dash "—".

use jiff::civil::Date;

use crate::dates::{DateMention, find_dates};
use crate::span::Span;

/// A dateline taken apart. Every span points into the text it was parsed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The whole lead-in, dash included.
    pub span: Span,
    /// The place: the first comma-separated part that is not the date ("TOKYO").
    pub place: Option<Span>,
    /// Parts after the place that are not the date: a country or state ("Japan", "Calif.").
    pub qualifiers: Vec<Span>,
    /// The date, when the dateline has one.
    pub date: Option<DateMention>,
    /// The agency: inside the brackets, or the words after the date when bare ("Kyodo").
    pub agency: Option<Span>,
    /// True when the agency is in brackets.
    pub agency_in_brackets: bool,
    /// The dash that ends the dateline.
    pub dash: Span,
    /// True when a space separates the dash from what comes before it.
    pub space_before_dash: bool,
    /// True when a space separates the dash from the story.
    pub space_after_dash: bool,
    /// From the end of the part before the dash to the start of the story: what a fix of the dash
    /// and its spacing replaces.
    pub dash_region: Span,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Takes apart the dateline at `span` of `text` (a lead-in found by
/// [`crate::document::find_dateline`]). A date without a year is resolved against `publication`.
pub fn parse_dateline(text: &str, span: Span, publication: Option<Date>) -> Dateline {
    let lead = span.slice(text);
    let dash_len: usize = lead
        .chars()
        .rev()
        .take_while(|&c| is_dash(c))
        .map(char::len_utf8)
        .sum();
    let dash = Span::new(span.end - dash_len, span.end);
    let before_dash = &text[span.start..dash.start];
    let head = Span::new(span.start, span.start + before_dash.trim_end().len());
    let after = &text[dash.end..];
    let space_after: usize = after
        .chars()
        .take_while(|c| *c == ' ' || *c == '\u{a0}' || *c == '\t')
        .map(char::len_utf8)
        .sum();

    let mut rest = head;
    let mut agency = None;
    let mut agency_in_brackets = false;
    let head_text = head.slice(text);
    if head_text.ends_with(')')
        && let Some(open) = head_text.rfind('(')
    {
        agency = Some(trimmed(
            text,
            Span::new(head.start + open + 1, head.end - 1),
        ));
        agency_in_brackets = true;
        rest = trimmed(text, Span::new(head.start, head.start + open));
    }
    let date = find_dates(text, rest, publication)
        .into_iter()
        .find(|m| m.is_day_of_month());
    let mut place_part = rest;
    if let Some(date) = &date {
        place_part = Span::new(rest.start, date.span.start);
        let bare = trimmed(text, Span::new(date.span.end, rest.end));
        if agency.is_none() && !bare.is_empty() {
            agency = Some(bare);
        }
    }
    let mut parts = Vec::new();
    let mut start = place_part.start;
    for (i, c) in place_part.slice(text).char_indices() {
        if c == ',' {
            parts.push(Span::new(start, place_part.start + i));
            start = place_part.start + i + 1;
        }
    }
    parts.push(Span::new(start, place_part.end));
    let mut parts = parts
        .into_iter()
        .map(|p| trimmed(text, p))
        .filter(|p| !p.is_empty());
    let place = parts.next();
    Dateline {
        span,
        place,
        qualifiers: parts.collect(),
        date,
        agency,
        agency_in_brackets,
        dash,
        space_before_dash: before_dash.len() > before_dash.trim_end().len(),
        space_after_dash: space_after > 0,
        dash_region: Span::new(head.end, dash.end + space_after),
    }
}

/// `span` without surrounding whitespace and commas.
fn trimmed(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = slice.len() - slice.trim_start_matches([' ', ',', '\n', '\t']).len();
    let end = slice.trim_end_matches([' ', ',', '\n', '\t']).len();
    if start >= end {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + start, span.start + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> (Vec<&str>, Option<String>, Option<&str>, &str, bool, bool) {
        let lead = crate::document::find_dateline(line, Span::new(0, line.len())).unwrap();
        let d = parse_dateline(line, lead, "2026-01-16".parse().ok());
        let mut places: Vec<&str> = d.place.iter().map(|s| s.slice(line)).collect();
        places.extend(d.qualifiers.iter().map(|s| s.slice(line)));
        (
            places,
            d.date.and_then(|m| m.date).map(|d| d.to_string()),
            d.agency.map(|a| a.slice(line)),
            d.dash.slice(line),
            d.agency_in_brackets,
            d.space_before_dash && d.space_after_dash,
        )
    }

    #[test]
    fn takes_apart_the_house_styles() {
        assert_eq!(
            parts("TOKYO (AP) — Japan said"),
            (vec!["TOKYO"], None, Some("AP"), "—", true, true)
        );
        assert_eq!(
            parts("TOKYO, Nov 21 (Reuters) - Japan said"),
            (
                vec!["TOKYO"],
                Some("2025-11-21".into()),
                Some("Reuters"),
                "-",
                true,
                true
            )
        );
        assert_eq!(
            parts("FUKUSHIMA, Japan, Jan. 16 Kyodo - Japan said"),
            (
                vec!["FUKUSHIMA", "Japan"],
                Some("2026-01-16".into()),
                Some("Kyodo"),
                "-",
                false,
                true
            )
        );
        assert_eq!(
            parts("BEIJING, Jan. 16 (Xinhua) -- China said"),
            (
                vec!["BEIJING"],
                Some("2026-01-16".into()),
                Some("Xinhua"),
                "--",
                true,
                true
            )
        );
        assert_eq!(
            parts("SadaNews - Tokyo and Washington agreed"),
            (vec!["SadaNews"], None, None, "-", false, true)
        );
        assert_eq!(
            parts("WASHINGTON (AP)—The U.S. said"),
            (vec!["WASHINGTON"], None, Some("AP"), "—", true, false)
        );
    }
}
