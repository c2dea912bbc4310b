//! Byte offsets of a text to LSP positions and back, in the position encoding the client and
//! server agreed on: UTF-16 code units (the protocol's default) or UTF-8 bytes. Lines end at
//! `\n`, `\r\n` or a lone `\r`, as the protocol counts them.

use lsp_types::{Position, Range};

/// How a position's `character` counts: the encoding negotiated at `initialize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default, which every client supports.
    Utf16,
    /// UTF-8 bytes, when the client offers it.
    Utf8,
}

impl Encoding {
    /// The encoding to use among those the client offers (`general.positionEncodings`): UTF-8
    /// when offered, else UTF-16.
    pub fn negotiate(offered: Option<&[lsp_types::PositionEncodingKind]>) -> Self {
        let utf8 = lsp_types::PositionEncodingKind::UTF8;
        if offered.is_some_and(|kinds| kinds.contains(&utf8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The protocol's name for it.
    pub fn kind(self) -> lsp_types::PositionEncodingKind {
        match self {
            Encoding::Utf16 => lsp_types::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp_types::PositionEncodingKind::UTF8,
        }
    }

    /// The length of `text` in this encoding's units.
    fn units(self, text: &str) -> usize {
        match self {
            Encoding::Utf16 => text.encode_utf16().count(),
            Encoding::Utf8 => text.len(),
        }
    }
}

/// The lines of one text, for converting positions in it.
#[derive(Clone, Debug)]
pub struct LineMap<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> LineMap<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(found) = memchr_any(&bytes[i..]) {
            let at = i + found;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        Self {
            text,
            starts,
            encoding,
        }
    }

    /// The byte span of line `line` without its ending.
    fn line_bounds(&self, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let (start, end) = self.line_bounds(line);
        // An offset inside a line ending is the end of the line.
        let offset = offset.min(end);
        Position::new(
            to_u32(line),
            to_u32(self.encoding.units(&self.text[start..offset])),
        )
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end))
    }

    /// The byte offset of `position`. As the protocol asks, a character past the end of its line
    /// is the line's end, and a line past the last is the end of the text; a position inside a
    /// UTF-16 surrogate pair is the character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let (start, end) = self.line_bounds(line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (index, ch) in self.text[start..end].char_indices() {
            let width = match self.encoding {
                Encoding::Utf16 => ch.len_utf16(),
                Encoding::Utf8 => ch.len_utf8(),
            };
            if units + width > wanted {
                return start + index;
            }
            units += width;
        }
        end
    }
}

/// The first `\n` or `\r` in `bytes`.
fn memchr_any(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n' || b == b'\r')
}

/// A count as the protocol's `u32`, saturating (no story has four billion lines).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_only_when_offered() {
        use lsp_types::PositionEncodingKind as Kind;
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[Kind::UTF16])), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[Kind::UTF32])), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[Kind::UTF16, Kind::UTF8])),
            Encoding::Utf8
        );
    }

    #[test]
    fn columns_count_utf16_units_or_utf8_bytes() {
        let text = "日本 😀 the the\nnext";
        let the = text.find("the").unwrap_or_default();
        let utf16 = LineMap::new(text, Encoding::Utf16);
        let utf8 = LineMap::new(text, Encoding::Utf8);
        // 日本 (2 units) + space + 😀 (a surrogate pair) + space.
        assert_eq!(utf16.position(the), Position::new(0, 6));
        assert_eq!(utf8.position(the), Position::new(0, 12));
        assert_eq!(utf16.offset(Position::new(0, 6)), the);
        assert_eq!(utf8.offset(Position::new(0, 12)), the);
        let next = text.find("next").unwrap_or_default();
        assert_eq!(utf16.position(next + 2), Position::new(1, 2));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\n";
        let map = LineMap::new(text, Encoding::Utf16);
        assert_eq!(map.position(5), Position::new(1, 0));
        assert_eq!(map.position(9), Position::new(2, 0));
        // Inside `\r\n` is the end of the line.
        assert_eq!(map.position(4), Position::new(0, 3));
        assert_eq!(map.offset(Position::new(0, 99)), 3);
        assert_eq!(map.offset(Position::new(1, 1)), 6);
        assert_eq!(map.offset(Position::new(3, 0)), text.len());
        assert_eq!(map.offset(Position::new(7, 0)), text.len());
    }

    #[test]
    fn offsets_and_positions_round_trip() {
        let text = "a😀b\r\nçd\n\nzz";
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let map = LineMap::new(text, encoding);
            for (offset, _) in text.char_indices() {
                if text[offset..].starts_with('\n') || text[offset..].starts_with("\r\n") {
                    continue;
                }
                assert_eq!(map.offset(map.position(offset)), offset, "{encoding:?}");
            }
        }
    }
}
