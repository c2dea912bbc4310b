//! Byte spans into a source text, and the line index that turns them into line:column positions.

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

/// A position for people: line and column, both counted from 1, the column in Unicode code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in code points, from 1.
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

    /// Line and column (from 1, columns in code points) of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
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

    /// The position of byte `offset`.
    pub fn at(&mut self, offset: usize) -> Position {
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
    fn line_span_excludes_line_ending() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(text, 0).slice(text), "one");
        assert_eq!(index.line_span(text, 1).slice(text), "two");
    }
}
