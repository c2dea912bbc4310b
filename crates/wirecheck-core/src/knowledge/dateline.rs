//! The parts of a dateline: "TOKYO, Japan, Nov. 21 (AP) —" is the place "TOKYO", the qualifier
//! "Japan", the date "Nov. 21", the agency "AP" in brackets, and the dash "—". The lead-ins of
//! copy in other languages (新华社北京5月3日电, "القاهرة (رويترز) -") are found and taken apart by
//! `source_datelines`.

use jiff::civil::Date;

use crate::document::is_site_tail;
use crate::knowledge::dates::{DateMention, find_dates};
use crate::knowledge::language::Language;
use crate::knowledge::source_datelines::{SourceLead, find_source_dateline};
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
    /// The language whose wire form the dateline takes, when it is not the English desk's
    /// "PLACE (AGENCY) —": Chinese for 新华社北京5月3日电, Arabic for "القاهرة (رويترز) -". The
    /// house styles and the gazetteer are the English desk's and do not apply to such a form.
    pub language: Option<Language>,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Takes apart the dateline at `span` of `text` (a lead-in found by
/// `find_dateline`). A date without a year is resolved against `publication`.
pub fn parse_dateline(text: &str, span: Span, publication: Option<Date>) -> Dateline {
    if let Some(lead) = find_source_dateline(text, span).filter(|lead| lead.span == span) {
        return source_dateline(text, lead, publication);
    }
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
        language: None,
    }
}

/// A source-language dateline from the parts `find_source_dateline` found; one without a dash
/// has an empty one at its end, as a dateline given on its own line has.
fn source_dateline(text: &str, lead: SourceLead, publication: Option<Date>) -> Dateline {
    let span = lead.span;
    let dash = lead.dash.unwrap_or(Span::new(span.end, span.end));
    let before = &text[span.start..dash.start];
    let space_after: usize = text[span.end..]
        .chars()
        .take_while(|c| c.is_whitespace() && *c != '\n')
        .map(char::len_utf8)
        .sum();
    let date = lead.date.and_then(|date| {
        find_dates(text, date, publication)
            .into_iter()
            .find(|m| m.is_day_of_month())
    });
    Dateline {
        span,
        place: lead.place,
        qualifiers: Vec::new(),
        date,
        agency: lead.agency,
        agency_in_brackets: lead.agency_in_brackets,
        dash,
        space_before_dash: !dash.is_empty() && before.ends_with(char::is_whitespace),
        space_after_dash: space_after > 0,
        dash_region: Span::new(span.start + before.trim_end().len(), span.end + space_after),
        language: Some(lead.language),
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

/// Longest dateline lead-in, in characters, before its dash.
const MAX_DATELINE_CHARS: usize = 80;
/// Most words a dateline lead-in has.
const MAX_DATELINE_WORDS: usize = 10;

/// Lowercase words a place name in a dateline may contain ("RIO DE JANEIRO" written "Rio de Janeiro").
const DATELINE_CONNECTORS: &[&str] = &[
    "de", "da", "do", "del", "la", "el", "al", "of", "am", "upon", "on",
];

/// Finds the dateline at the start of `paragraph`: a short lead-in ending in a spaced dash
/// ("TOKYO (AP) —", "TOKYO, Nov 21 (Reuters) -", "SadaNews -"), or else a lead-in of copy in
/// another language (新华社北京5月3日电, 【ワシントン共同】, "МОСКВА, 3 мая. /ТАСС/."). Returns the
/// lead-in with its dash.
pub(crate) fn find_dateline(text: &str, paragraph: Span) -> Option<Span> {
    desk_dateline(text, paragraph)
        .or_else(|| find_source_dateline(text, paragraph).map(|lead| lead.span))
}

/// The English desk's form of a dateline at the start of `paragraph`.
fn desk_dateline(text: &str, paragraph: Span) -> Option<Span> {
    let body = paragraph.slice(text);
    let window_end = body
        .char_indices()
        .nth(MAX_DATELINE_CHARS + 3)
        .map_or(body.len(), |(i, _)| i);
    let window = &body[..window_end];
    for (i, c) in window.char_indices() {
        if !matches!(c, '-' | '–' | '—') || i == 0 {
            continue;
        }
        let mut dash_end = i + c.len_utf8();
        if c == '-' && window[dash_end..].starts_with('-') {
            dash_end += 1;
        }
        let lead = &window[..i];
        let spaced_before = lead.ends_with(char::is_whitespace);
        let spaced_after = window[dash_end..].starts_with(char::is_whitespace);
        // An en or em dash may touch its words ("TOKYO (AP)—"); a hyphen must be spaced.
        let spaced = if c == '-' {
            spaced_before && spaced_after
        } else {
            spaced_before || spaced_after || lead.ends_with(')')
        };
        if !spaced {
            continue;
        }
        let lead = lead.trim_end();
        let words = lead.split_whitespace().count();
        if words == 0 || words > MAX_DATELINE_WORDS || lead.contains(['"', '“', ':', '!', '?']) {
            return None;
        }
        // Place names, dates and agencies are capitalised; prose before a dash is not.
        let capitalised = lead.split_whitespace().all(|word| {
            word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || DATELINE_CONNECTORS.contains(&word)
        });
        // A web page's title is capitalised too, but what follows its dash is the outlet or site
        // that published it, not a story ("Ministers Agree on Missiles - Gulf Times").
        if !capitalised || is_site_tail(&body[dash_end..]) {
            return None;
        }
        return Some(Span::new(paragraph.start, paragraph.start + dash_end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> (Vec<&str>, Option<String>, Option<&str>, &str, bool, bool) {
        let lead =
            crate::knowledge::dateline::find_dateline(line, Span::new(0, line.len())).unwrap();
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

    /// A web page's title ("Title - Outlet", "Title - Outlet - Site.com") is capitalised before its
    /// dash as a dateline is, but what follows the dash is no story.
    #[test]
    fn a_web_page_title_is_no_dateline() {
        for line in [
            "Ministers Agree on Missile Production - Gulf Times",
            "Japan Protests Chinese Drills Near Okinawa - SadaNews - Sada Elbalad English - Latest News, Breaking News from Egypt and the World",
            "Japan, US Expand Missile Output – The Japan Times | Japantimes.co.jp",
        ] {
            assert_eq!(
                find_dateline(line, Span::new(0, line.len())),
                None,
                "{line}"
            );
        }
        // A dateline on a line of its own, and one before a story, still are.
        for (line, lead) in [
            ("TOKYO (AP) —", "TOKYO (AP) —"),
            (
                "SadaNews - Tokyo and Washington agreed on Friday.",
                "SadaNews -",
            ),
        ] {
            let found = find_dateline(line, Span::new(0, line.len()));
            assert_eq!(found.map(|s| s.slice(line)), Some(lead), "{line}");
        }
    }

    /// A dateline in another language's wire form gives its place and agency, and its language;
    /// one without a dash has an empty dash at its end.
    #[test]
    fn takes_apart_source_language_forms() {
        for (paragraph, place, agency, language, dash) in [
            (
                "新华社北京5月3日电（记者 张三）日本表示。",
                Some("北京"),
                "新华社",
                Language::Chinese,
                "",
            ),
            (
                "【共同社5月3日电】日本表示。",
                None,
                "共同社",
                Language::Chinese,
                "",
            ),
            (
                "【北京３日共同】中国は発表した。",
                Some("北京"),
                "共同",
                Language::Japanese,
                "",
            ),
            (
                "(서울=연합뉴스) 홍길동 기자 = 정부는 말했다.",
                Some("서울"),
                "연합뉴스",
                Language::Korean,
                "",
            ),
            (
                "القاهرة (رويترز) - قال مسؤولون.",
                Some("القاهرة"),
                "رويترز",
                Language::Arabic,
                "-",
            ),
            (
                "الرياض - واس أعلنت الوزارة.",
                Some("الرياض"),
                "واس",
                Language::Arabic,
                "",
            ),
            (
                "МОСКВА, 3 мая. /ТАСС/. Президент заявил.",
                Some("МОСКВА"),
                "ТАСС",
                Language::Russian,
                "",
            ),
            (
                "Madrid, 3 may (EFE).- El Gobierno anunció.",
                Some("Madrid"),
                "EFE",
                Language::Spanish,
                "-",
            ),
        ] {
            let lead = find_dateline(paragraph, Span::new(0, paragraph.len())).unwrap();
            let d = parse_dateline(paragraph, lead, None);
            assert_eq!(d.place.map(|p| p.slice(paragraph)), place, "{paragraph}");
            assert_eq!(
                d.agency.map(|a| a.slice(paragraph)),
                Some(agency),
                "{paragraph}"
            );
            assert_eq!(d.language, Some(language), "{paragraph}");
            assert_eq!(d.dash.slice(paragraph), dash, "{paragraph}");
            assert!(d.qualifiers.is_empty(), "{paragraph}");
        }
        // The English desk's form stays the English desk's, in copy of any language.
        let line = "Berlin (dpa) - Die Regierung hat beschlossen.";
        let lead = find_dateline(line, Span::new(0, line.len())).unwrap();
        assert_eq!(parse_dateline(line, lead, None).language, None);
    }
}
