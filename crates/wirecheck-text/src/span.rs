//! Byte spans into a source text, and the line index that turns them into line:column positions:
//! the one place wirecheck counts lines and columns, for reports, input and configuration errors
//! and the diff alike. Columns are code points ([`LineIndex::position`], [`Positions`]) unless a
//! format asks for UTF-8 bytes ([`LineIndex::byte_position`]).

use serde::Serialize;

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span moved `offset` bytes to the right.
    pub const fn shift(self, offset: usize) -> Self {
        Self::new(self.start + offset, self.end + offset)
    }

    /// True when `other` lies wholly inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

/// A position for people: line and column, both counted from 1, the column in Unicode code points
/// (or in UTF-8 bytes, from [`LineIndex::byte_position`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in code points (or bytes), from 1.
    pub column: usize,
}

/// The byte offsets at which each line of a text starts, for turning offsets into positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`; a line ends after `\n`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        Self { starts }
    }

    /// The 0-based line containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte span of 0-based line `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&next| next);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// Line and column (from 1, columns in code points) of byte `offset` in `text`. An offset
    /// inside a character is that character's; one past the end is the end's.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = char_floor(text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// Line and column (from 1, columns in UTF-8 bytes) of byte `offset` in `text`, clamped to
    /// the text: for formats that count bytes (reviewdog's rdjson).
    pub fn byte_position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        Position {
            line: line + 1,
            column: offset - self.starts[line] + 1,
        }
    }

    /// The byte offset of 1-based `line` and UTF-8 byte `column` (as `serde_json` counts them),
    /// clamped to the text; a line past the last is the last.
    pub fn offset_of_byte_column(&self, text: &str, line: usize, column: usize) -> usize {
        let line = line.clamp(1, self.starts.len()) - 1;
        (self.starts[line] + column.saturating_sub(1)).min(text.len())
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for an index with no lines (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// Positions of spans in one text, computed in order: a cursor remembers the last position, so that
/// the findings of one long line cost time in proportion to the line, not to the line times the
/// findings.
#[derive(Clone, Debug)]
pub struct Positions<'a> {
    text: &'a str,
    index: LineIndex,
    /// The last offset asked for, and its position.
    last: (usize, Position),
}

impl<'a> Positions<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            index: LineIndex::new(text),
            last: (0, Position { line: 1, column: 1 }),
        }
    }

    /// The text positions are computed in.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The position of byte `offset` (see [`LineIndex::position`]).
    pub fn at(&mut self, offset: usize) -> Position {
        let offset = char_floor(self.text, offset);
        let line = self.index.line_of(offset);
        let (last_offset, last) = self.last;
        let position = if last.line == line + 1 && last_offset <= offset {
            let column = last.column + self.text[last_offset..offset].chars().count();
            Position {
                line: last.line,
                column,
            }
        } else {
            self.index.position(self.text, offset)
        };
        self.last = (offset, position);
        position
    }

    /// Start and end (just past the last character) of `span`.
    pub fn span(&mut self, span: Span) -> (Position, Position) {
        let start = self.at(span.start);
        let end = self.at(span.end);
        // Leave the cursor at the start: the next span usually starts after this one's start.
        self.last = (span.start, start);
        (start, end)
    }

    /// The whole lines `span` covers, without the last line's ending.
    pub fn line_span_of(&self, span: Span) -> Span {
        let first = self.index.line_of(span.start);
        let last = self
            .index
            .line_of(span.end.saturating_sub(1).max(span.start));
        Span::new(
            self.index.line_span(self.text, first).start,
            self.index.line_span(self.text, last).end,
        )
    }
}

/// `offset` clamped to `text` and moved back to the start of the character it falls in.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points_from_one() {
        let text = "héllo\nwörld\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        let w = text.find('w').unwrap();
        assert_eq!(index.position(text, w + 3), Position { line: 2, column: 3 });
        let l = text.rfind('l').unwrap();
        assert_eq!(index.position(text, l), Position { line: 2, column: 4 });
    }

    #[test]
    fn an_offset_inside_a_character_or_past_the_end_is_placed_not_refused() {
        let text = "é\nab";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 99), Position { line: 2, column: 3 });
        let mut positions = Positions::new(text);
        assert_eq!(positions.at(1), Position { line: 1, column: 1 });
        assert_eq!(positions.at(99), Position { line: 2, column: 3 });
    }

    #[test]
    fn byte_columns_count_bytes_and_invert() {
        let text = "héllo\nwörld\n";
        let index = LineIndex::new(text);
        let r = text.find('r').unwrap();
        let at = index.byte_position(text, r);
        assert_eq!(at, Position { line: 2, column: 4 });
        assert_eq!(index.offset_of_byte_column(text, at.line, at.column), r);
        assert_eq!(index.offset_of_byte_column(text, 1, 99), text.len());
        assert_eq!(index.offset_of_byte_column(text, 0, 1), 0);
        assert_eq!(
            index.byte_position(text, text.len()),
            Position { line: 3, column: 1 }
        );
    }

    #[test]
    fn line_span_excludes_line_ending() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(text, 0).slice(text), "one");
        assert_eq!(index.line_span(text, 1).slice(text), "two");
    }
}
