//! Unicode NFC normalisation that remembers where every normalised byte came from.
//!
//! Rules match on NFC text so that "Kōno" typed with a combining macron matches "Kōno" typed
//! precomposed; findings must still point at the bytes the user wrote, so spans are mapped back.
//! The map records only the smallest pieces NFC changed — one character with its combining marks —
//! so a span next to a decomposed accent maps to exactly the bytes it covers, never beyond.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::span::Span;

/// The NFC form of a text, when it differs, with a map back to the original's byte offsets.
/// Text already in NFC (nearly all text) is not copied: the caller keeps the original.
#[derive(Clone, Debug, Default)]
pub(crate) struct NormalizedText {
    /// The NFC text, or `None` when the original is already NFC.
    composed: Option<String>,
    /// Changed pieces only, in order; offsets between them shift by a constant.
    changes: Vec<Change>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Change {
    normalized: Span,
    original: Span,
}

impl NormalizedText {
    /// Normalises `original` to NFC.
    pub(crate) fn new(original: &str) -> Self {
        if original.is_ascii() || is_nfc_quick(original.chars()) == IsNormalized::Yes {
            return Self::default();
        }
        let mut text = String::with_capacity(original.len());
        let mut changes = Vec::new();
        let mut copied = 0;
        for piece in non_ascii_regions(original).flat_map(|region| stable_pieces(original, region))
        {
            let written = &original[piece.start..piece.end];
            let composed: String = written.nfc().collect();
            if composed == written {
                continue;
            }
            let (changed, replaced) = trim_unchanged(written, &composed);
            let changed = changed.shift(piece.start);
            text.push_str(&original[copied..changed.start]);
            let start = text.len();
            text.push_str(&composed[replaced.start..replaced.end]);
            changes.push(Change {
                normalized: Span::new(start, text.len()),
                original: changed,
            });
            copied = changed.end;
        }
        if changes.is_empty() {
            return Self::default();
        }
        text.push_str(&original[copied..]);
        Self {
            composed: Some(text),
            changes,
        }
    }

    /// The NFC text when it differs from the original; `None` when the original is NFC already.
    pub(crate) fn composed(&self) -> Option<&str> {
        self.composed.as_deref()
    }

    /// True when normalisation changed nothing, so spans need no mapping.
    pub(crate) fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// Maps a span of the normalised text to the original text. A boundary inside a changed piece
    /// (between a composed character's parts) widens to that piece, so the mapped span always
    /// covers what the user wrote; every other boundary maps exactly.
    pub(crate) fn to_original(&self, span: Span) -> Span {
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

/// Splits `region` of `text` before every character that NFC never combines with what precedes
/// it (a starter that is NFC-stable: not a combining mark, not a Hangul vowel or final): NFC of the
/// region is NFC of each piece in turn, and a piece is one character with its marks.
fn stable_pieces(text: &str, region: Span) -> impl Iterator<Item = Span> + '_ {
    let slice = region.slice(text);
    let mut boundaries = slice
        .char_indices()
        .filter(|&(i, c)| i > 0 && starts_piece(c))
        .map(move |(i, _)| region.start + i)
        .chain(std::iter::once(region.end));
    let mut start = region.start;
    std::iter::from_fn(move || {
        let end = boundaries.next()?;
        let piece = Span::new(start, end);
        start = end;
        Some(piece)
    })
}

/// True for a character before which NFC output can always be split: a starter that NFC keeps
/// as it is and that composes with nothing before it.
fn starts_piece(c: char) -> bool {
    c.is_ascii()
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// The part of `written` that NFC changed into part of `composed`: characters both begin and end
/// with (a line break before reordered marks, a mark after a composed pair) are left out when NFC
/// of each part is that part, so that a boundary next to them maps exactly. Returns the changed
/// spans of `written` and of `composed`.
fn trim_unchanged(written: &str, composed: &str) -> (Span, Span) {
    let whole = (Span::new(0, written.len()), Span::new(0, composed.len()));
    let prefix: usize = written
        .chars()
        .zip(composed.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = written[prefix..]
        .chars()
        .rev()
        .zip(composed[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    if prefix == 0 && suffix == 0 {
        return whole;
    }
    let changed = Span::new(prefix, written.len() - suffix);
    let replaced = Span::new(prefix, composed.len() - suffix);
    // Each cut must be a real seam of NFC: normalising either side alone gives that side.
    let is_nfc = |s: &str| s.nfc().eq(s.chars());
    let seams_hold = is_nfc(&written[..prefix])
        && written[changed.start..]
            .nfc()
            .eq(composed[replaced.start..].chars())
        && written[..changed.end]
            .nfc()
            .eq(composed[..replaced.end].chars())
        && is_nfc(&written[changed.end..]);
    if seams_hold {
        (changed, replaced)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(normalized: &'a NormalizedText, original: &'a str) -> &'a str {
        normalized.composed().unwrap_or(original)
    }

    #[test]
    fn composes_and_maps_back() {
        let original = "Taro Ko\u{304}no said";
        let normalized = NormalizedText::new(original);
        assert_eq!(text(&normalized, original), "Taro K\u{14d}no said");
        let word = text(&normalized, original).find("K").unwrap();
        let span = Span::new(word, word + "K\u{14d}no".len());
        assert_eq!(normalized.to_original(span).slice(original), "Ko\u{304}no");
        let said = text(&normalized, original).find("said").unwrap();
        let span = Span::new(said, said + 4);
        assert_eq!(normalized.to_original(span).slice(original), "said");
    }

    #[test]
    fn normalized_text_is_identity_and_not_copied() {
        let normalized = NormalizedText::new("Kōno and Kyōto");
        assert!(normalized.is_identity());
        assert_eq!(normalized.composed(), None);
    }

    /// A decomposed accent right before another non-ASCII character (a curly quote, a no-break
    /// space, a zero-width space) maps without taking that character in.
    #[test]
    fn a_span_ending_at_a_decomposed_accent_stops_there() {
        for after in ["\u{201d}", "\u{a0}", "\u{200b}", "\u{2014}", "\u{e9}"] {
            let original = format!("at the cafe\u{301} cafe\u{301}{after} he said");
            let normalized = NormalizedText::new(&original);
            let composed = text(&normalized, &original);
            let start = composed.find("caf").unwrap();
            let end = composed.rfind(after).unwrap();
            let mapped = normalized.to_original(Span::new(start, end));
            assert_eq!(
                mapped.slice(&original),
                "cafe\u{301} cafe\u{301}",
                "{after:?}"
            );
            let rest = Span::new(end, composed.len());
            assert_eq!(
                normalized.to_original(rest).slice(&original),
                format!("{after} he said")
            );
        }
    }

    /// A line break before marks NFC reorders stays outside the change, so a span starting at the
    /// line does not take the previous line's break.
    #[test]
    fn reordered_marks_after_a_line_break_keep_the_break_apart() {
        let original = "one\n\u{301}\u{323}two";
        let normalized = NormalizedText::new(original);
        let composed = text(&normalized, original);
        assert_eq!(composed, "one\n\u{323}\u{301}two");
        let line = Span::new(4, composed.len());
        assert_eq!(
            normalized.to_original(line).slice(original),
            "\u{301}\u{323}two"
        );
    }
}
