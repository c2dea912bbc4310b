//! Renderings of a [`StoryDiff`](super::StoryDiff): one module per output format.
//!
//! Every renderer returns a `String`; the CLI decides where it goes.

pub mod html;
pub mod json;
pub mod stats;
pub mod terminal;
pub mod unified;
pub mod word;

mod inline;

pub use html::{FindingList, render_html, render_html_with_findings};
pub use json::render_json;
pub use stats::render_stats;
pub use terminal::render_terminal;
pub use unified::render_unified;
pub use word::render_word;

/// Names shown for the two versions in headers and summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideNames {
    /// Name of the old version (usually its file name).
    pub old: String,
    /// Name of the new version.
    pub new: String,
}

/// Converts byte offsets of a text into 1-based line and column (in characters).
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Last answer (byte offset, line, column): queries mostly move forward, so
    /// counting resumes from here instead of from the line start on long lines.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            line_starts,
            last: std::cell::Cell::new((0, 1, 0)),
        }
    }

    /// 1-based line and column (counted in Unicode scalar values) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self.line_starts[line - 1];
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, base) = if last_line == line && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (line_start, 0)
        };
        let column = base
            + self
                .text
                .get(from..offset.min(self.text.len()))
                .map_or(0, |s| s.chars().count());
        self.last.set((offset, line, column));
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn line_and_column_are_one_based() {
        let index = LineIndex::new("ab\nçd\n");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(5), (2, 2));
        assert_eq!(index.line_column(7), (3, 1));
    }
}
