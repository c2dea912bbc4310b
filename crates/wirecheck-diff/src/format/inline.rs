//! Shared walk of a story diff for the inline formats (word and terminal): equal text
//! once, deletions and insertions in place, notes for moved paragraphs.

use crate::{ChangeKind, ParagraphPairing, StoryDiff, WordChange};

/// Receives the pieces of an inline rendering.
pub(crate) trait InlineSink {
    /// Text that is the same on both sides (or whitespace between changes).
    fn text(&mut self, text: &str);
    /// Text only in the old version.
    fn deleted(&mut self, text: &str);
    /// Text only in the new version.
    fn inserted(&mut self, text: &str);
    /// An annotation such as "moved from ¶2".
    fn note(&mut self, text: &str);
}

/// Paragraph break symbol used when a split or merge adds or removes a blank line.
const PARAGRAPH_MARK: &str = "¶";

/// Splits `text` into leading whitespace, content and trailing whitespace.
fn split_whitespace_ends(text: &str) -> (&str, &str, &str) {
    let core_start = text.len() - text.trim_start().len();
    let core_end = text.trim_end().len().max(core_start);
    (
        &text[..core_start],
        &text[core_start..core_end],
        &text[core_end..],
    )
}

/// Walks `diff` in reading order, feeding `sink`.
pub(crate) fn render_inline(diff: &StoryDiff<'_>, sink: &mut impl InlineSink) {
    for (index, block) in diff.blocks.iter().enumerate() {
        match &block.pairing {
            ParagraphPairing::MovedAway { new, .. } => {
                sink.note(&format!("⟦moved to new ¶{}⟧", new + 1));
                let extent = diff.old.get(block.old_extent.clone()).unwrap_or_default();
                sink.text(split_whitespace_ends(extent).2);
                continue;
            }
            ParagraphPairing::Moved { old, .. } => {
                sink.note(&format!("⟦moved from old ¶{}⟧", old + 1));
                sink.text(" ");
            }
            _ => {}
        }
        let is_last_block = index + 1 == diff.blocks.len();
        for (position, change) in block.changes.iter().enumerate() {
            let separator = position + 1 == block.changes.len() && change.whitespace_only;
            if separator && change.kind != ChangeKind::Equal {
                // The blank lines after a paragraph change when paragraphs move around;
                // that is layout, not content, so show one separator unmarked.
                let old = diff.old.get(change.old.clone()).unwrap_or_default();
                let new = diff.new.get(change.new.clone()).unwrap_or_default();
                let wider = if old.matches('\n').count() > new.matches('\n').count() {
                    old
                } else {
                    new
                };
                sink.text(if is_last_block { new } else { wider });
            } else {
                render_change(diff, change, sink);
            }
        }
    }
}

fn render_change(diff: &StoryDiff<'_>, change: &WordChange, sink: &mut impl InlineSink) {
    let old = diff.old.get(change.old.clone()).unwrap_or_default();
    let new = diff.new.get(change.new.clone()).unwrap_or_default();
    if change.kind == ChangeKind::Equal {
        sink.text(if new.is_empty() { old } else { new });
        return;
    }
    if change.whitespace_only {
        let (old_break, new_break) = (old.contains("\n\n"), new.contains("\n\n"));
        if new_break && !old_break {
            sink.inserted(PARAGRAPH_MARK);
        } else if old_break && !new_break {
            sink.deleted(PARAGRAPH_MARK);
        }
        sink.text(new);
        return;
    }
    let (old_lead, old_core, old_trail) = split_whitespace_ends(old);
    let (new_lead, new_core, new_trail) = split_whitespace_ends(new);
    let (old_has_text, new_has_text) = (!old_core.is_empty(), !new_core.is_empty());
    if old_has_text && new_has_text && (old_lead != new_lead || old_trail != new_trail) {
        // The sides disagree on the surrounding whitespace: keep it inside the marks.
        sink.deleted(old);
        sink.inserted(new);
        return;
    }
    sink.text(if new_has_text { new_lead } else { old_lead });
    if old_has_text {
        sink.deleted(old_core);
    }
    if new_has_text {
        sink.inserted(new_core);
    }
    sink.text(if new_has_text { new_trail } else { old_trail });
}
