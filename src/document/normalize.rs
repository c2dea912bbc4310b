//! Unicode NFC normalisation that remembers where every normalised byte came from.
//!
//! Rules match on NFC text so that "Kōno" typed with a combining macron matches "Kōno" typed
//! precomposed; findings must still point at the bytes the user wrote, so spans are mapped back.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::span::Span;

/// A text in NFC with a map back to the original's byte offsets.
#[derive(Clone, Debug)]
pub struct NormalizedText {
    text: String,
    /// Changed regions only, in order; offsets between them shift by a constant.
    changes: Vec<Change>,
}

#[derive(Clone, Copy, Debug)]
struct Change {
    normalized: Span,
    original: Span,
}

impl NormalizedText {
    /// Normalises `original` to NFC. Already-normalised text (nearly all text) is copied once.
    pub fn new(original: &str) -> Self {
        if original.is_ascii() || is_nfc_quick(original.chars()) == IsNormalized::Yes {
            return Self {
                text: original.to_owned(),
                changes: Vec::new(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut changes = Vec::new();
        let mut copied = 0;
        for region in non_ascii_regions(original) {
            let segment = &original[region.start..region.end];
            let composed: String = segment.nfc().collect();
            if composed == segment {
                continue;
            }
            text.push_str(&original[copied..region.start]);
            let start = text.len();
            text.push_str(&composed);
            changes.push(Change {
                normalized: Span::new(start, text.len()),
                original: region,
            });
            copied = region.end;
        }
        text.push_str(&original[copied..]);
        Self { text, changes }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when normalisation changed nothing, so spans need no mapping.
    pub fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// Maps a span of the normalised text to the original text. A boundary inside a changed region
    /// widens to that region, so the mapped span always covers what the user wrote.
    pub fn to_original(&self, span: Span) -> Span {
        if self.changes.is_empty() {
            return span;
        }
        Span::new(
            self.map_offset(span.start, false),
            self.map_offset(span.end, true),
        )
    }

    fn map_offset(&self, offset: usize, is_end: bool) -> usize {
        let index = self
            .changes
            .partition_point(|change| change.normalized.start <= offset);
        let Some(change) = index.checked_sub(1).map(|i| self.changes[i]) else {
            return offset;
        };
        if offset >= change.normalized.end {
            change.original.end + (offset - change.normalized.end)
        } else if offset == change.normalized.start || !is_end {
            change.original.start
        } else {
            change.original.end
        }
    }
}

/// Regions that NFC may change: each maximal run of non-ASCII characters together with the
/// character before it (a combining mark composes with its base, which may be ASCII). Two ASCII
/// characters never compose, so text outside these regions is already normalised.
fn non_ascii_regions(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let first = pos + bytes[pos..].iter().position(|b| !b.is_ascii())?;
        let mut end = first;
        while end < bytes.len() && !bytes[end].is_ascii() {
            end += 1;
        }
        pos = end;
        Some(Span::new(first.saturating_sub(1), end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_and_maps_back() {
        let original = "Taro Ko\u{304}no said";
        let normalized = NormalizedText::new(original);
        assert_eq!(normalized.as_str(), "Taro K\u{14d}no said");
        let word = normalized.as_str().find("K").unwrap();
        let span = Span::new(word, word + "K\u{14d}no".len());
        assert_eq!(normalized.to_original(span).slice(original), "Ko\u{304}no");
        let said = normalized.as_str().find("said").unwrap();
        let span = Span::new(said, said + 4);
        assert_eq!(normalized.to_original(span).slice(original), "said");
    }

    #[test]
    fn normalized_text_is_identity() {
        let normalized = NormalizedText::new("Kōno and Kyōto");
        assert!(normalized.is_identity());
    }
}
