//! Shared walk of a story diff for the inline formats (word and terminal): equal text
//! once, deletions and insertions in place, notes for moved paragraphs.

use super::breaks::{BreakChange, break_change};
use super::context::{FoldedRun, Shown};
use crate::{ChangeKind, ParagraphDiff, ParagraphPairing, StoryDiff, WordChange};

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

/// What a folded run of unchanged paragraphs says besides its counts: how to see them.
pub(crate) const FOLD_HINT: &str = "--full shows them";

/// Walks the `shown` pieces of `diff` in reading order, feeding `sink`.
pub(crate) fn render_inline(diff: &StoryDiff<'_>, shown: &[Shown], sink: &mut impl InlineSink) {
    for (position, piece) in shown.iter().enumerate() {
        match piece {
            Shown::Block(index) => {
                if let Some(block) = diff.blocks.get(*index) {
                    render_block(diff, position + 1 == shown.len(), block, sink);
                }
            }
            Shown::Folded(run) => render_folded(diff, run, sink),
        }
    }
}

/// One line in place of a run of unchanged paragraphs, between the whitespace before the
/// run's first paragraph and after its last, so the layout around it stays.
fn render_folded(diff: &StoryDiff<'_>, run: &FoldedRun, sink: &mut impl InlineSink) {
    let extent = |index: usize| {
        diff.blocks
            .get(index)
            .and_then(|block| diff.new.get(block.new_extent.clone()))
            .unwrap_or_default()
    };
    sink.text(split_whitespace_ends(extent(run.blocks.start)).0);
    sink.note(&format!("⋯ {}, {FOLD_HINT} ⋯", run.label()));
    let last = run.blocks.end.saturating_sub(1);
    sink.text(split_whitespace_ends(extent(last)).2);
}

/// One block; `is_last` when nothing is shown after it, so that the output ends as NEW does.
fn render_block(
    diff: &StoryDiff<'_>,
    is_last: bool,
    block: &ParagraphDiff,
    sink: &mut impl InlineSink,
) {
    match &block.pairing {
        ParagraphPairing::MovedAway { new, .. } => {
            sink.note(&format!("⟦moved to new ¶{}⟧", new + 1));
            let extent = diff.old.get(block.old_extent.clone()).unwrap_or_default();
            sink.text(split_whitespace_ends(extent).2);
            return;
        }
        ParagraphPairing::Moved { old, .. } => {
            sink.note(&format!("⟦moved from old ¶{}⟧", old + 1));
            sink.text(" ");
        }
        _ => {}
    }
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
            sink.text(if is_last { new } else { wider });
        } else if let Some(mark) = break_change(diff, block, change) {
            // A split or merge across whatever separated the paragraphs, a blank line or one
            // newline: marked as the statistics count it, also where the break went with
            // replaced words.
            match mark {
                BreakChange::Removed => sink.deleted(PARAGRAPH_MARK),
                BreakChange::Added => sink.inserted(PARAGRAPH_MARK),
            }
            if change.whitespace_only || change.kind == ChangeKind::Equal {
                sink.text(diff.new.get(change.new.clone()).unwrap_or_default());
            } else {
                render_change(diff, change, sink);
            }
        } else {
            render_change(diff, change, sink);
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
        // Not marked, as in wdiff; a paragraph break a split or merge changed is marked by the
        // caller, by the paragraphs the diff was given (not by blank lines, which the story
        // model does not always break paragraphs at).
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
