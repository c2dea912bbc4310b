//! Which blocks of a story diff a rendering shows, and which runs of unchanged paragraphs it
//! folds into one line, as `git diff` keeps a few lines of context around each hunk and GitHub
//! folds the rest behind an "expand" control.

use std::ops::Range;

use crate::StoryDiff;

/// Fewest paragraphs folded into one line: a line in place of a single paragraph saves nothing
/// and hides it.
const LEAST_FOLDED: usize = 2;

/// How many unchanged paragraphs a rendering keeps on each side of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphContext {
    /// Every paragraph is shown (`--full`).
    Full,
    /// Up to this many unchanged paragraphs before and after each change; longer runs of
    /// unchanged paragraphs are folded.
    Around(usize),
}

impl Default for ParagraphContext {
    /// One paragraph on each side: a paragraph, a few lines of a story, is about as much
    /// context as git's three lines.
    fn default() -> Self {
        ParagraphContext::Around(1)
    }
}

/// A run of unchanged blocks shown as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedRun {
    /// Indices of the folded blocks in [`StoryDiff::blocks`].
    pub blocks: Range<usize>,
    /// Old paragraph indices the run covers (0-based).
    pub old_paragraphs: Range<usize>,
    /// New paragraph indices the run covers (0-based).
    pub new_paragraphs: Range<usize>,
}

impl FoldedRun {
    /// How many paragraphs the run folds (of the new version; unchanged, so as many old).
    pub fn paragraphs(&self) -> usize {
        self.new_paragraphs.len()
    }

    /// The line shown in place of the run, e.g. `12 unchanged paragraphs (¶ 4–15)`, numbered as
    /// in the new version, with the old numbers too where they differ (paragraphs above were
    /// inserted or deleted).
    pub fn label(&self) -> String {
        let count = self.paragraphs();
        let noun = if count == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        let numbers = |range: &Range<usize>| {
            if range.len() <= 1 {
                format!("¶ {}", range.start + 1)
            } else {
                format!("¶ {}–{}", range.start + 1, range.end)
            }
        };
        if self.old_paragraphs == self.new_paragraphs {
            format!(
                "{count} unchanged {noun} ({})",
                numbers(&self.new_paragraphs)
            )
        } else {
            format!(
                "{count} unchanged {noun} (old {}, new {})",
                numbers(&self.old_paragraphs),
                numbers(&self.new_paragraphs)
            )
        }
    }
}

/// One piece of a rendering in reading order: a block shown in full, or a folded run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The block at this index of [`StoryDiff::blocks`], shown as it is.
    Block(usize),
    /// Unchanged blocks folded into one line.
    Folded(FoldedRun),
}

/// The pieces a rendering of `diff` shows under `context`: every block, except that each run
/// of unchanged blocks keeps `N` of them next to the changes around it (none at the start or
/// end of the story, where there is no change on that side) and folds the rest when they are
/// at least two paragraphs. A story with no change folds nothing (there is nothing to give
/// context to).
///
/// Within a run of deleted and inserted paragraphs (a paragraph replaced by another), the
/// deleted ones come first, as `diff` lists `-` lines before `+` lines and wdiff shows
/// `[-old-]{+new+}`, whatever order the pairing gave them in.
pub fn shown_blocks(diff: &StoryDiff<'_>, context: ParagraphContext) -> Vec<Shown> {
    let mut shown = shown_in_pairing_order(diff, context);
    deletions_first(diff, &mut shown);
    shown
}

/// In each run of deleted and inserted blocks, the deleted ones first (in their order), then
/// the inserted ones.
fn deletions_first(diff: &StoryDiff<'_>, shown: &mut [Shown]) {
    use crate::ParagraphPairing::{Deleted, Inserted};
    // Some(false) for a deleted block, Some(true) for an inserted one, None for anything else.
    let inserted = |piece: &Shown| match piece {
        Shown::Block(index) => match diff.blocks.get(*index).map(|b| &b.pairing) {
            Some(Deleted { .. }) => Some(false),
            Some(Inserted { .. }) => Some(true),
            _ => None,
        },
        Shown::Folded(_) => None,
    };
    let mut start = 0;
    while start < shown.len() {
        let run = shown[start..]
            .iter()
            .take_while(|piece| inserted(piece).is_some())
            .count();
        // A stable sort: deletions keep their order, and insertions theirs.
        shown[start..start + run].sort_by_key(|piece| inserted(piece));
        start += run.max(1);
    }
}

fn shown_in_pairing_order(diff: &StoryDiff<'_>, context: ParagraphContext) -> Vec<Shown> {
    let count = diff.blocks.len();
    let all = || (0..count).map(Shown::Block).collect();
    let ParagraphContext::Around(keep) = context else {
        return all();
    };
    let changed: Vec<bool> = diff.blocks.iter().map(|b| b.has_changes()).collect();
    if !changed.contains(&true) {
        return all();
    }
    let mut shown = Vec::with_capacity(count);
    let mut index = 0;
    while index < count {
        if changed[index] {
            shown.push(Shown::Block(index));
            index += 1;
            continue;
        }
        let start = index;
        while index < count && !changed[index] {
            index += 1;
        }
        let end = index;
        let before = if start == 0 { 0 } else { keep };
        let after = if end == count { 0 } else { keep };
        let folded_start = start.saturating_add(before).min(end);
        let folded_end = end.saturating_sub(after).max(folded_start);
        match folded_run(diff, folded_start..folded_end) {
            Some(run) if run.paragraphs() >= LEAST_FOLDED => {
                shown.extend((start..folded_start).map(Shown::Block));
                shown.push(Shown::Folded(run));
                shown.extend((folded_end..end).map(Shown::Block));
            }
            _ => shown.extend((start..end).map(Shown::Block)),
        }
    }
    shown
}

/// The run of `blocks` with the paragraphs they cover on both sides, if they cover any.
fn folded_run(diff: &StoryDiff<'_>, blocks: Range<usize>) -> Option<FoldedRun> {
    let pairings = diff.blocks.get(blocks.clone())?;
    let span = |side: fn(&crate::ParagraphPairing) -> Option<Range<usize>>| {
        let mut ranges = pairings.iter().filter_map(|b| side(&b.pairing));
        let first = ranges.next()?;
        let last = ranges.next_back().unwrap_or_else(|| first.clone());
        Some(first.start..last.end)
    };
    Some(FoldedRun {
        old_paragraphs: span(crate::ParagraphPairing::old_paragraphs)?,
        new_paragraphs: span(crate::ParagraphPairing::new_paragraphs)?,
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DiffOptions, diff_stories, split_paragraphs};

    fn story(paragraphs: usize, changed: &[usize]) -> (String, String) {
        let text = |edited: bool| {
            (0..paragraphs)
                .map(|i| {
                    let word = if edited && changed.contains(&i) {
                        "rewritten"
                    } else {
                        "kept"
                    };
                    format!("Paragraph {i} is {word} here.\n\n")
                })
                .collect::<String>()
        };
        (text(false), text(true))
    }

    fn pieces(old: &str, new: &str, context: ParagraphContext) -> Vec<String> {
        let diff = diff_stories(
            old,
            &split_paragraphs(old),
            new,
            &split_paragraphs(new),
            &DiffOptions::default(),
        )
        .expect("diffs");
        shown_blocks(&diff, context)
            .into_iter()
            .map(|piece| match piece {
                Shown::Block(i) => i.to_string(),
                Shown::Folded(run) => run.label(),
            })
            .collect()
    }

    #[test]
    fn runs_fold_around_changes_keeping_context_on_each_side() {
        let (old, new) = story(20, &[5, 15]);
        assert_eq!(
            pieces(&old, &new, ParagraphContext::Around(1)),
            [
                "4 unchanged paragraphs (¶ 1–4)",
                "4",
                "5",
                "6",
                "7 unchanged paragraphs (¶ 8–14)",
                "14",
                "15",
                "16",
                "3 unchanged paragraphs (¶ 18–20)",
            ]
        );
        let all: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        assert_eq!(pieces(&old, &new, ParagraphContext::Full), all);
    }

    #[test]
    fn a_run_that_would_hide_one_paragraph_is_shown_whole() {
        let (old, new) = story(7, &[1, 5]);
        // Blocks 2..5 are unchanged: two kept as context leave one, which is shown.
        let expected: Vec<String> = (0..7).map(|i| i.to_string()).collect();
        assert_eq!(pieces(&old, &new, ParagraphContext::Around(1)), expected);
        assert_eq!(
            pieces(&old, &new, ParagraphContext::Around(0)),
            ["0", "1", "3 unchanged paragraphs (¶ 3–5)", "5", "6"]
        );
    }

    #[test]
    fn numbers_differ_after_an_insertion_and_both_are_given() {
        let (old, _) = story(8, &[]);
        let new = format!("A new lead.\n\n{old}");
        assert_eq!(
            pieces(&old, &new, ParagraphContext::Around(2)),
            [
                "0",
                "1",
                "2",
                "6 unchanged paragraphs (old ¶ 3–8, new ¶ 4–9)"
            ]
        );
    }

    #[test]
    fn an_unchanged_story_folds_nothing() {
        let (old, _) = story(9, &[]);
        assert_eq!(pieces(&old, &old, ParagraphContext::Around(0)).len(), 9);
    }

    /// A story whose third paragraph is replaced by an unrelated one.
    const REPLACED: [&str; 2] = [
        "Headline here\n\nThe first paragraph stays the same.\n\nAlpha beta gamma delta epsilon zeta.\n\nThe last paragraph stays too.\n",
        "Headline here\n\nThe first paragraph stays the same.\n\nCompletely different words now appear instead.\n\nThe last paragraph stays too.\n",
    ];

    fn replaced<T>(render: impl Fn(&StoryDiff<'_>) -> T) -> T {
        let [old, new] = REPLACED;
        let diff = diff_stories(
            old,
            &split_paragraphs(old),
            new,
            &split_paragraphs(new),
            &DiffOptions::default(),
        )
        .expect("diffs");
        render(&diff)
    }

    /// Where `first` and `second` are in `text`, asserting both are there.
    fn before(text: &str, first: &str, second: &str) -> bool {
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
        };
        at(first) < at(second)
    }

    #[test]
    fn a_replaced_paragraph_shows_the_old_text_first_in_every_format() {
        let word = replaced(crate::format::render_word);
        assert!(
            word.contains("[-Alpha beta gamma delta epsilon zeta.-]\n\n{+Completely different words now appear instead.+}\n\nThe last"),
            "{word}"
        );
        let terminal = replaced(|d| crate::format::render_terminal(d, true));
        assert!(before(&terminal, "Alpha", "Completely"), "{terminal}");
        let folded =
            replaced(|d| crate::format::render_word_in_context(d, ParagraphContext::Around(0)));
        assert!(before(&folded, "[-Alpha", "{+Completely"), "{folded}");
        let names = crate::format::SideNames {
            old: "old".into(),
            new: "new".into(),
        };
        let html = replaced(|d| crate::format::render_html(d, &names, &[]));
        assert!(
            before(&html, "<tr class=\"deleted\"", "<tr class=\"inserted\""),
            "{html}"
        );
    }

    #[test]
    fn a_replaced_last_paragraph_still_ends_as_the_new_text() {
        let old = "Kept lead.\n\nAlpha beta gamma.\n";
        let new = "Kept lead.\n\nEntirely other words.\n";
        let diff = diff_stories(
            old,
            &split_paragraphs(old),
            new,
            &split_paragraphs(new),
            &DiffOptions::default(),
        )
        .expect("diffs");
        let word = crate::format::render_word(&diff);
        assert!(before(&word, "[-Alpha", "{+Entirely"), "{word}");
        assert!(word.ends_with("+}\n"), "{word:?}");
    }
}
