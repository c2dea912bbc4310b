//! A story's own metadata: the scalar keys of a Markdown story's YAML front matter, such as
//! `date:` and `title:`, or the fields a NITF or ninjs file gives (`date`, `dateline`).

use std::collections::BTreeMap;

use crate::span::Span;
use crate::yaml::{Scalar, TopLevel};

/// The story's metadata keys and their values as text. Keys whose values are not scalars (lists,
/// maps) are left out; front matter that is not a YAML mapping gives no keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    fields: BTreeMap<String, String>,
}

impl Metadata {
    /// Reads the YAML between a front matter block's `---` lines.
    pub fn from_front_matter(yaml: &str) -> Self {
        let Ok(TopLevel::Mapping(entries)) = crate::yaml::top_level(yaml) else {
            return Self::default();
        };
        let fields = entries
            .into_iter()
            .filter_map(|(key, value)| {
                let value = match value {
                    Scalar::Text(text) | Scalar::Number(text) => text,
                    Scalar::Bool(flag) => flag.to_string(),
                    Scalar::Other => return None,
                };
                Some((key?, value))
            })
            .collect();
        Self { fields }
    }

    /// Metadata from key/value pairs; a later value for a key replaces an earlier one.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            fields: pairs.into_iter().collect(),
        }
    }

    /// The value of `key`, when the story has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }

    /// The story's `date:`, as written.
    pub fn date(&self) -> Option<&str> {
        self.get("date")
    }

    /// True when the story has no metadata.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// Opens a Markdown story's front matter: a first line of `---` (a UTF-8 byte-order mark is
/// gone by the time a story is parsed).
fn opens_front_matter(text: &str) -> bool {
    text.starts_with("---\n") || text.starts_with("---\r\n")
}

/// What is wrong with a Markdown story's front matter, if anything, as the offset of the fault and
/// a message: a block never closed, YAML that does not parse, YAML that is not a mapping, a
/// `date:` that is not text.
pub(crate) fn front_matter_fault(text: &str) -> Option<(usize, String)> {
    if !opens_front_matter(text) {
        return None;
    }
    let len = front_matter_len(text);
    if len == 0 {
        return Some((
            0,
            "front matter is never closed (no `---` line after the opening one)".to_owned(),
        ));
    }
    let body = front_matter_body(text, len);
    let body_start = text.find('\n').map_or(0, |i| i + 1);
    if body.trim().is_empty() {
        return None;
    }
    let entries = match crate::yaml::top_level(body) {
        Err(err) => {
            let offset = body_start + err.offset.unwrap_or(0);
            return Some((
                offset,
                format!("front matter: {}", in_file_lines(&err.message)),
            ));
        }
        Ok(TopLevel::Mapping(entries)) => entries,
        Ok(TopLevel::Nothing) => return None,
        Ok(TopLevel::Other) => {
            return Some((
                body_start,
                "front matter is not a mapping of keys to values".to_owned(),
            ));
        }
    };
    let date = entries
        .iter()
        .find(|(key, _)| key.as_deref() == Some("date"));
    match date {
        None | Some((_, Scalar::Text(_) | Scalar::Number(_))) => None,
        Some(_) => Some((
            front_matter_key_offset(text, "date").unwrap_or(body_start),
            "front matter: date: is not a date (expected YYYY-MM-DD[THH:MM][±HH:MM])".to_owned(),
        )),
    }
}

/// A YAML error's message (without the position of the fault itself, which the caller gives)
/// with the lines it counts within the front matter made lines of the file, whose front matter
/// starts on line 2.
fn in_file_lines(message: &str) -> String {
    let Ok(position) = regex::Regex::new(r"line (\d+) column (\d+)") else {
        return message.to_owned();
    };
    position
        .replace_all(message, |found: &regex::Captures<'_>| {
            let line = found[1].parse::<usize>().map_or(0, |l| l + 1);
            format!("line {line} column {}", &found[2])
        })
        .into_owned()
}

/// Offset of the value of a top-level `key:` line in a Markdown story's front matter.
pub(crate) fn front_matter_key_offset(text: &str, key: &str) -> Option<usize> {
    if !opens_front_matter(text) {
        return None;
    }
    let len = front_matter_len(text);
    let mut offset = 0;
    for line in text[..len].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            return Some(line_start + key.len() + 1 + blank);
        }
    }
    None
}

/// Length of a YAML front matter block (`---` … `---`) at the start of a Markdown text, or 0.
pub fn front_matter_len(text: &str) -> usize {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return offset;
        }
    }
    0
}

/// The YAML inside a front matter block of `len` bytes: without its opening and closing lines.
pub(crate) fn front_matter_body(text: &str, len: usize) -> &str {
    let block = &text[..len];
    let body_start = block.find('\n').map_or(len, |i| i + 1);
    let body_end = block
        .trim_end_matches(['\n', '\r'])
        .rfind('\n')
        .map_or(body_start, |i| i + 1)
        .max(body_start);
    &block[body_start..body_end]
}

/// The span of a scalar `key: value` line in the front matter of `len` bytes, when the value as
/// written (unquoted, or quoted without escapes) is the value YAML reads.
pub(crate) fn front_matter_value(
    text: &str,
    len: usize,
    key: &str,
    metadata: &Metadata,
) -> Option<Span> {
    let expected = metadata.get(key)?;
    let mut offset = 0;
    for line in text[..len].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let value_start = line_start + key.len() + 1 + (rest.len() - rest.trim_start().len());
        let mut value = Span::new(value_start, line_start + line.trim_end().len());
        let written = value.slice(text);
        for quote in ['"', '\''] {
            if written.len() >= 2 && written.starts_with(quote) && written.ends_with(quote) {
                value = Span::new(value.start + 1, value.end - 1);
            }
        }
        return (value.slice(text) == expected && !value.is_empty()).then_some(value);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_front_matter_is_found_where_it_is() {
        assert_eq!(front_matter_fault("---\ntitle: x\n---\nBody\n"), None);
        assert_eq!(front_matter_fault("---\n---\nBody\n"), None);
        assert_eq!(front_matter_fault("Headline\n---\n"), None);
        let (offset, message) = front_matter_fault("---\ntitle: x\nBody\n").unwrap();
        assert_eq!((offset, message.contains("never closed")), (0, true));
        let text = "---\ntitle: x\ndate: [2026\n---\nBody\n";
        let (offset, message) = front_matter_fault(text).unwrap();
        assert!(offset >= text.find("date").unwrap(), "{offset} {message}");
        assert!(!message.contains("line 2"), "{message}");
        let (offset, _) = front_matter_fault("---\n- a\n- b\n---\nBody\n").unwrap();
        assert_eq!(offset, 4);
        let text = "---\ntitle: x\ndate: [1]\n---\nBody\n";
        let (offset, message) = front_matter_fault(text).unwrap();
        assert_eq!(offset, text.find("[1]").unwrap());
        assert!(message.contains("not a date"), "{message}");
    }
}
