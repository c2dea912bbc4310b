//! `--format word`: wdiff-style text, `[-deleted-]{+inserted+}`, with control characters of
//! the texts shown as visible symbols.

use super::context::{ParagraphContext, shown_blocks};
use super::inline::{InlineSink, render_inline};
use crate::StoryDiff;
use wirecheck_text::visible::escape_controls;

struct WordSink(String);

impl InlineSink for WordSink {
    fn text(&mut self, text: &str) {
        self.0.push_str(&escape_controls(text));
    }
    fn deleted(&mut self, text: &str) {
        self.0.push_str("[-");
        self.0.push_str(&escape_controls(text));
        self.0.push_str("-]");
    }
    fn inserted(&mut self, text: &str) {
        self.0.push_str("{+");
        self.0.push_str(&escape_controls(text));
        self.0.push_str("+}");
    }
    fn note(&mut self, text: &str) {
        self.0.push_str(text);
    }
}

/// Renders the diff as the new text with `[-deleted-]` and `{+inserted+}` words, the
/// way `wdiff` does. A replaced word shows as `[-old-]{+new+}`; a paragraph break added
/// or removed by a split or merge shows as `{+¶+}` / `[-¶-]`; a moved paragraph is
/// marked `⟦moved to ¶N⟧` at its old place and `⟦moved from ¶N⟧` at its new one. Every
/// paragraph is shown, as wdiff shows them; [`render_word_in_context`] folds unchanged ones.
pub fn render_word(diff: &StoryDiff<'_>) -> String {
    render_word_in_context(diff, ParagraphContext::Full)
}

/// [`render_word`] showing only `context` unchanged paragraphs around each change: a longer
/// run of unchanged paragraphs is one line, `⋯ 12 unchanged paragraphs (¶ 4–15), --full shows
/// them ⋯`.
pub fn render_word_in_context(diff: &StoryDiff<'_>, context: ParagraphContext) -> String {
    let mut sink = WordSink(String::with_capacity(diff.new.len() + diff.new.len() / 8));
    render_inline(diff, &shown_blocks(diff, context), &mut sink);
    sink.0
}
