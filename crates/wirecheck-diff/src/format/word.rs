//! `--format word`: wdiff-style text, `[-deleted-]{+inserted+}`, with control characters of
//! the texts shown as visible symbols.

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
/// marked `⟦moved to ¶N⟧` at its old place and `⟦moved from ¶N⟧` at its new one.
pub fn render_word(diff: &StoryDiff<'_>) -> String {
    let mut sink = WordSink(String::with_capacity(diff.new.len() + diff.new.len() / 8));
    render_inline(diff, &mut sink);
    sink.0
}
