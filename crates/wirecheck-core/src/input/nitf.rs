//! NITF, IPTC's News Industry Text Format: the headline from `hedline/hl1` (or `head/title`), the
//! `byline`, the `dateline`, the paragraphs of `body.content`, and the publication date from
//! `docdata/date.issue` (its `norm` attribute, `20260116T090000+0900`).

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::input::extract::{Extraction, MappedText, Role};
use crate::input::markup::{MarkupError, SpannedReader, local_name, push_event_text};
use crate::span::Span;

/// What the reader is collecting text for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Capture {
    Title,
    Headline,
    Byline,
    Dateline,
    Paragraph,
}

/// Reads a NITF document.
pub(crate) fn extract(source: &str) -> Result<Extraction, MarkupError> {
    let mut whole = MappedText::new();
    whole.push_verbatim(source, 0);
    let mut reader = SpannedReader::xml(source);
    // Open elements: local name and where the start tag is.
    let mut open: Vec<(String, Span)> = Vec::new();
    let mut extraction = Extraction::default();
    let mut title: Option<MappedText> = None;
    let mut capture: Option<(Capture, usize, MappedText)> = None;
    let mut date: Option<String> = None;
    let mut publication: Option<String> = None;
    let mut has_root = false;
    loop {
        let (event, span) = reader.next()?;
        match &event {
            Event::Eof => break,
            Event::Start(tag) => {
                let name = local_name(tag.name().as_ref());
                if !has_root {
                    check_root(&name, span)?;
                    has_root = true;
                }
                if capture.is_none()
                    && let Some(kind) = capture_for(&name, &open)
                {
                    capture = Some((kind, open.len(), MappedText::new()));
                } else if name == "br"
                    && let Some((_, _, text)) = capture.as_mut()
                {
                    text.push_unit("\n", span);
                }
                read_dates(tag, &name, &mut date, &mut publication);
                open.push((name, span));
            }
            Event::Empty(tag) => {
                let name = local_name(tag.name().as_ref());
                if !has_root {
                    check_root(&name, span)?;
                    has_root = true;
                }
                if name == "br"
                    && let Some((_, _, text)) = capture.as_mut()
                {
                    text.push_unit("\n", span);
                }
                read_dates(tag, &name, &mut date, &mut publication);
            }
            Event::End(_) => {
                open.pop();
                if let Some((kind, _, text)) = capture.take_if(|(_, d, _)| *d == open.len()) {
                    match kind {
                        Capture::Title => title = Some(text),
                        Capture::Headline => extraction.push(Role::Headline, &text),
                        Capture::Byline => extraction.push(Role::Byline, &text),
                        Capture::Dateline => {
                            let folded = text.fold_whitespace();
                            extraction
                                .metadata
                                .push(("dateline".to_owned(), folded.as_str().to_owned()));
                            extraction.push(Role::Dateline, &folded);
                        }
                        Capture::Paragraph => extraction.push(Role::Paragraph, &text),
                    }
                }
            }
            _ => {
                if let Some((_, _, text)) = capture.as_mut() {
                    push_event_text(text, &whole, &event, span)?;
                }
            }
        }
    }
    if let Some((name, span)) = open.last() {
        return Err(MarkupError {
            offset: span.start,
            message: format!("<{name}> is never closed"),
        });
    }
    if !has_root {
        return Err(MarkupError {
            offset: 0,
            message: "no <nitf> element".to_owned(),
        });
    }
    if !extraction.pieces.iter().any(|(r, _)| *r == Role::Headline)
        && let Some(title) = title
    {
        extraction.push(Role::Headline, &title);
    }
    if let Some(date) = date.or(publication) {
        extraction
            .metadata
            .push(("date".to_owned(), extended_iso_date(&date)));
    }
    Ok(extraction)
}

fn check_root(name: &str, span: Span) -> Result<(), MarkupError> {
    if name == "nitf" {
        return Ok(());
    }
    Err(MarkupError {
        offset: span.start,
        message: format!("not a NITF document: the root element is <{name}>, not <nitf>"),
    })
}

/// What text an element starting here holds for the story, given the open elements around it.
fn capture_for(name: &str, open: &[(String, Span)]) -> Option<Capture> {
    let inside = |parent: &str| open.iter().any(|(n, _)| n == parent);
    match name {
        "title" if inside("head") && !inside("body") => Some(Capture::Title),
        "hl1" if inside("hedline") => Some(Capture::Headline),
        "byline" if inside("body") => Some(Capture::Byline),
        "dateline" if inside("body") => Some(Capture::Dateline),
        "p" if inside("body.content") => Some(Capture::Paragraph),
        _ => None,
    }
}

/// Notes `date.issue`'s `norm` (the issue date) and `pubdata`'s `date.publication`.
fn read_dates(
    tag: &BytesStart<'_>,
    name: &str,
    date: &mut Option<String>,
    publication: &mut Option<String>,
) {
    let (slot, key) = match name {
        "date.issue" => (date, "norm"),
        "pubdata" => (publication, "date.publication"),
        _ => return,
    };
    let value = tag
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        });
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        *slot = Some(value.trim().to_owned());
    }
}

/// Writes an ISO 8601 basic date-time (`20260116T090000+0900`) in the extended form
/// (`2026-01-16T09:00:00+0900`) the publication date reader takes; other text is returned as is.
pub(crate) fn extended_iso_date(text: &str) -> String {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 8 {
        return text.to_owned();
    }
    let mut out = format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..8]);
    let rest = &text[8..];
    let Some(time) = rest.strip_prefix(['T', 't']) else {
        out.push_str(rest);
        return out;
    };
    let time_digits = time.bytes().take_while(u8::is_ascii_digit).count();
    if !matches!(time_digits, 4 | 6) {
        out.push('T');
        out.push_str(time);
        return out;
    }
    out.push_str(&format!("T{}:{}", &time[..2], &time[2..4]));
    if time_digits == 6 {
        out.push_str(&format!(":{}", &time[4..6]));
    }
    out.push_str(&time[time_digits..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_dates_become_extended() {
        assert_eq!(
            extended_iso_date("20260116T090000+0900"),
            "2026-01-16T09:00:00+0900"
        );
        assert_eq!(extended_iso_date("20260116"), "2026-01-16");
        assert_eq!(extended_iso_date("20260116T0930Z"), "2026-01-16T09:30Z");
        assert_eq!(extended_iso_date("2026-01-16"), "2026-01-16");
    }

    #[test]
    fn reads_headline_byline_paragraphs_and_date() {
        let source = r#"<?xml version="1.0"?>
<nitf><head><title>T</title><docdata><date.issue norm="20260116T090000+0900"/></docdata></head>
<body><body.head><hedline><hl1>Tokyo &amp; Washington</hl1></hedline>
<byline>By <person>Jo Doe</person></byline><dateline>TOKYO</dateline></body.head>
<body.content><p>One <em>two</em>&#8212;three.</p><p><![CDATA[Four & five.]]></p></body.content>
</body></nitf>"#;
        let extraction = extract(source).unwrap();
        let pieces: Vec<_> = extraction
            .pieces
            .iter()
            .map(|(role, text)| (*role, text.as_str()))
            .collect();
        assert_eq!(
            pieces,
            [
                (Role::Headline, "Tokyo & Washington"),
                (Role::Byline, "By Jo Doe"),
                (Role::Dateline, "TOKYO"),
                (Role::Paragraph, "One two\u{2014}three."),
                (Role::Paragraph, "Four & five."),
            ]
        );
        let dash = &extraction.pieces[3].1;
        let at = dash.as_str().find('\u{2014}').unwrap();
        let span = dash.to_original(Span::new(at, at + 3));
        assert_eq!(span.slice(source), "&#8212;");
        assert!(
            extraction
                .metadata
                .contains(&("date".to_owned(), "2026-01-16T09:00:00+0900".to_owned()))
        );
    }

    #[test]
    fn faults_have_offsets() {
        let err = extract("<nitf><body><p>x</b></body></nitf>").unwrap_err();
        assert!(err.message.contains("p"), "{}", err.message);
        let err = extract("<nitf><body><p>x</p></body>").unwrap_err();
        assert_eq!(err.offset, 0);
        assert_eq!(err.message, "<nitf> is never closed");
        let err = extract("<rss></rss>").unwrap_err();
        assert!(err.message.starts_with("not a NITF document"));
    }
}
