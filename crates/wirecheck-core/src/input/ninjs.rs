//! IPTC ninjs JSON, 1.x (`headline`, `byline`, `body_text`, `body_html`) and 2.x
//! (`headlines: [{value}]`, `by`, `bodies: [{value, contenttype}]`): the headline, byline,
//! paragraphs (blank-line separated in plain text bodies, `<p>` in HTML bodies), `located` as the
//! dateline place, and `firstcreated` (else `versioncreated`) as the publication date.
//!
//! `serde_json` checks the file and hands each string value used as a borrowed [`RawValue`];
//! its place in the file is its offset from the start of the source, and the string is decoded
//! here escape by escape so that each decoded character maps back to its escape.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::input::extract::{Extraction, MappedText, Role};
use crate::input::markup::{MarkupError, html_paragraphs};
use crate::span::Span;

#[derive(Deserialize)]
struct Ninjs<'a> {
    #[serde(borrow, default)]
    headline: Option<&'a RawValue>,
    #[serde(borrow, default)]
    headlines: Vec<Value<'a>>,
    #[serde(borrow, default)]
    byline: Option<&'a RawValue>,
    #[serde(borrow, default)]
    by: Option<&'a RawValue>,
    #[serde(borrow, default)]
    located: Option<&'a RawValue>,
    #[serde(borrow, default)]
    body_text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    body_html: Option<&'a RawValue>,
    #[serde(borrow, default)]
    bodies: Vec<Value<'a>>,
    #[serde(default)]
    firstcreated: Option<String>,
    #[serde(default)]
    versioncreated: Option<String>,
}

/// A 2.x headline or body: `{role, contenttype, value}`.
#[derive(Deserialize)]
struct Value<'a> {
    #[serde(borrow)]
    value: &'a RawValue,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    contenttype: Option<String>,
}

impl Value<'_> {
    fn is_main(&self) -> bool {
        self.role
            .as_deref()
            .is_none_or(|r| r == "main" || r == "default")
    }

    fn is_html(&self) -> bool {
        self.contenttype
            .as_deref()
            .is_some_and(|c| c.to_ascii_lowercase().contains("html"))
    }
}

/// Reads a ninjs document.
pub(crate) fn extract(source: &str) -> Result<Extraction, MarkupError> {
    let ninjs: Ninjs<'_> = serde_json::from_str(source).map_err(|err| MarkupError {
        offset: offset_of_line_column(source, err.line(), err.column()),
        message: strip_position(&err.to_string()),
    })?;
    let mut extraction = Extraction::default();
    let main_headline = ninjs
        .headlines
        .iter()
        .find(|h| h.is_main())
        .or(ninjs.headlines.first())
        .map(|h| h.value);
    if let Some(headline) = ninjs.headline.or(main_headline)
        && let Some(text) = string_value(source, headline, "headline")?
    {
        extraction.push(Role::Headline, &text);
    }
    if let Some(byline) = ninjs.byline.or(ninjs.by)
        && let Some(text) = string_value(source, byline, "byline")?
    {
        extraction.push(Role::Byline, &text);
    }
    if let Some(located) = ninjs.located
        && let Some(text) = string_value(source, located, "located")?
    {
        let folded = text.fold_whitespace();
        extraction
            .metadata
            .push(("dateline".to_owned(), folded.as_str().to_owned()));
        extraction.push(Role::Dateline, &folded);
    }
    let body = if let Some(text) = ninjs.body_text {
        Some((text, false))
    } else if let Some(html) = ninjs.body_html {
        Some((html, true))
    } else {
        let main = |b: &&Value<'_>| b.is_main();
        let plain = ninjs.bodies.iter().filter(main).find(|b| !b.is_html());
        let html = ninjs.bodies.iter().filter(main).find(|b| b.is_html());
        plain
            .map(|b| (b.value, false))
            .or(html.map(|b| (b.value, true)))
    };
    if let Some((raw, is_html)) = body
        && let Some(text) = string_value(source, raw, "body")?
    {
        let paragraphs = if is_html {
            html_paragraphs(&text).map_err(|e| MarkupError {
                offset: text.to_original(Span::new(e.offset, e.offset)).start,
                message: format!("in the HTML body: {}", e.message),
            })?
        } else {
            text.split_blank_lines()
        };
        for paragraph in &paragraphs {
            extraction.push(Role::Paragraph, paragraph);
        }
    }
    if let Some(date) = ninjs.firstcreated.or(ninjs.versioncreated) {
        extraction.metadata.push(("date".to_owned(), date));
    }
    Ok(extraction)
}

/// The string `raw` holds, mapped to the file; `None` for `null`; an error for other values.
fn string_value(
    source: &str,
    raw: &RawValue,
    field: &str,
) -> Result<Option<MappedText>, MarkupError> {
    let json = raw.get();
    let start = (json.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    if start > source.len() {
        return Err(MarkupError {
            offset: 0,
            message: format!("cannot locate `{field}` in the file"),
        });
    }
    if json == "null" {
        return Ok(None);
    }
    if !json.starts_with('"') {
        return Err(MarkupError {
            offset: start,
            message: format!("`{field}` must be a string"),
        });
    }
    let decoded = decode_string(json, start);
    let expected: String = serde_json::from_str(json).map_err(|e| MarkupError {
        offset: start,
        message: e.to_string(),
    })?;
    if decoded.as_str() != expected {
        return Err(MarkupError {
            offset: start,
            message: format!("cannot map the escapes of `{field}`"),
        });
    }
    Ok(Some(decoded))
}

/// Decodes a JSON string literal found at `start` in the file (already validated by
/// `serde_json`), mapping each escape to its bytes in the file.
fn decode_string(json: &str, start: usize) -> MappedText {
    let inner = &json[1..json.len().saturating_sub(1).max(1)];
    let base = start + 1;
    let mut text = MappedText::new();
    let mut copied = 0;
    let mut pos = 0;
    let bytes = inner.as_bytes();
    while pos < bytes.len() {
        if bytes[pos] != b'\\' {
            pos += 1;
            continue;
        }
        text.push_verbatim(&inner[copied..pos], base + copied);
        let (decoded, len) = decode_escape(&inner[pos..]);
        text.push_unit(&decoded, Span::new(base + pos, base + pos + len));
        pos += len;
        copied = pos;
    }
    text.push_verbatim(&inner[copied..], base + copied);
    text
}

/// The character an escape at the start of `rest` stands for, and the escape's length. A `\u`
/// high surrogate followed by a `\u` low surrogate is one character.
fn decode_escape(rest: &str) -> (String, usize) {
    let simple = |c: char| (c.to_string(), 2);
    match rest.as_bytes().get(1) {
        Some(b'n') => simple('\n'),
        Some(b't') => simple('\t'),
        Some(b'r') => simple('\r'),
        Some(b'b') => simple('\u{8}'),
        Some(b'f') => simple('\u{c}'),
        Some(b'u') => {
            let unit = |at: usize| {
                rest.get(at..at + 4)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            };
            let Some(high) = unit(2) else {
                return (String::new(), 2);
            };
            if (0xD800..0xDC00).contains(&high)
                && rest.get(6..8) == Some("\\u")
                && let Some(low) = unit(8)
                && (0xDC00..0xE000).contains(&low)
            {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                let c = char::from_u32(code).unwrap_or('\u{fffd}');
                return (c.to_string(), 12);
            }
            (char::from_u32(high).unwrap_or('\u{fffd}').to_string(), 6)
        }
        Some(&other) => simple(char::from(other)),
        None => (String::new(), 1),
    }
}

/// The byte offset of a 1-based line and column (`serde_json` counts columns in bytes).
fn offset_of_line_column(source: &str, line: usize, column: usize) -> usize {
    crate::span::LineIndex::new(source).offset_of_byte_column(source, line, column)
}

/// `serde_json`'s message without its " at line L column C" tail (the error gives its own).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(extraction: &Extraction) -> Vec<(Role, &str)> {
        extraction
            .pieces
            .iter()
            .map(|(role, text)| (*role, text.as_str()))
            .collect()
    }

    #[test]
    fn reads_ninjs_1_with_escapes_mapped() {
        let source = r#"{"uri": "x", "headline": "Tokyo \u0026 Washington",
 "body_text": "TOKYO \u2014 One \"two\".\n\nThree \ud83d\ude00.", "firstcreated": "2026-01-16T09:00:00+09:00"}"#;
        let extraction = extract(source).unwrap();
        assert_eq!(
            pieces(&extraction),
            [
                (Role::Headline, "Tokyo & Washington"),
                (Role::Paragraph, "TOKYO \u{2014} One \"two\"."),
                (Role::Paragraph, "Three \u{1f600}."),
            ]
        );
        let para = &extraction.pieces[1].1;
        let at = para.as_str().find('\u{2014}').unwrap();
        assert_eq!(
            para.to_original(Span::new(at, at + 3)).slice(source),
            "\\u2014"
        );
        let at = para.as_str().find("\"two\"").unwrap();
        assert_eq!(
            para.to_original(Span::new(at, at + 5)).slice(source),
            "\\\"two\\\""
        );
        let emoji = &extraction.pieces[2].1;
        assert_eq!(
            emoji.to_original(Span::new(6, 10)).slice(source),
            "\\ud83d\\ude00"
        );
        assert!(
            extraction
                .metadata
                .contains(&("date".to_owned(), "2026-01-16T09:00:00+09:00".to_owned()))
        );
    }

    #[test]
    fn reads_ninjs_2_html_bodies() {
        let source = r#"{"headlines": [{"role": "main", "value": "Head"}],
 "bodies": [{"contenttype": "text/html", "value": "<p>One <b>two</b>&amp;</p>\n<p>Three&nbsp;four.<br>Five.</p>"}]}"#;
        let extraction = extract(source).unwrap();
        assert_eq!(
            pieces(&extraction),
            [
                (Role::Headline, "Head"),
                (Role::Paragraph, "One two&"),
                (Role::Paragraph, "Three\u{a0}four. Five."),
            ]
        );
        let para = &extraction.pieces[1].1;
        assert_eq!(para.to_original(Span::new(4, 7)).slice(source), "two");
        assert_eq!(para.to_original(Span::new(7, 8)).slice(source), "&amp;");
    }

    #[test]
    fn faults_have_offsets() {
        let err = extract("{\"headline\": \"x\",\n \"body_text\": }").unwrap_err();
        assert_eq!(err.offset, 32);
        let err = extract("{\"headline\": 3}").unwrap_err();
        assert_eq!(err.message, "`headline` must be a string");
        assert_eq!(err.offset, 13);
    }
}
