//! Where a split or a merge added or removed a paragraph break, so that every format marks it
//! (`{+¶+}`, `[-¶-]`) as the statistics count it: by the paragraphs the diff was given, whether
//! a blank line or a single newline (a headline line, a dateline line) separated them.

use std::ops::Range;

use crate::{ParagraphDiff, ParagraphPairing, StoryDiff, WordChange};

/// What a change did to the paragraph breaks inside a split or merged block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BreakChange {
    /// A break between old paragraphs is gone (a merge).
    Removed,
    /// A break between new paragraphs is new (a split).
    Added,
}

/// The paragraph break `change` removed or added, if it is a change of `block` that joins or
/// splits its paragraphs: more gaps between paragraphs inside its old span than inside its new
/// one, or fewer.
pub(crate) fn break_change(
    diff: &StoryDiff<'_>,
    block: &ParagraphDiff,
    change: &WordChange,
) -> Option<BreakChange> {
    if !matches!(
        block.pairing,
        ParagraphPairing::Split { .. } | ParagraphPairing::Merged { .. }
    ) {
        return None;
    }
    // Only the gaps between the block's own paragraphs: the separator after its last one is
    // the layout between blocks.
    let old_gaps = gaps_within(
        own(&diff.old_paragraphs, block.pairing.old_paragraphs()),
        &change.old,
    );
    let new_gaps = gaps_within(
        own(&diff.new_paragraphs, block.pairing.new_paragraphs()),
        &change.new,
    );
    match old_gaps.cmp(&new_gaps) {
        std::cmp::Ordering::Greater => Some(BreakChange::Removed),
        std::cmp::Ordering::Less => Some(BreakChange::Added),
        std::cmp::Ordering::Equal => None,
    }
}

/// The block's own paragraphs among `paragraphs`.
fn own(paragraphs: &[Range<usize>], indices: Option<Range<usize>>) -> &[Range<usize>] {
    indices
        .and_then(|indices| paragraphs.get(indices))
        .unwrap_or_default()
}

/// How many of the gaps between consecutive `paragraphs` (ordered byte ranges) lie inside
/// `span`.
fn gaps_within(paragraphs: &[Range<usize>], span: &Range<usize>) -> usize {
    if span.is_empty() {
        return 0;
    }
    // The first paragraph that ends at or after the span's start: earlier gaps start too early.
    let first = paragraphs.partition_point(|p| p.end < span.start);
    paragraphs
        .get(first..)
        .unwrap_or_default()
        .windows(2)
        .take_while(|pair| pair[0].end < span.end)
        .filter(|pair| span.start <= pair[0].end && pair[1].start <= span.end)
        .count()
}

#[cfg(test)]
mod tests {
    use super::gaps_within;
    use crate::format::{SideNames, render_html, render_terminal, render_word};
    use crate::{DiffOptions, StoryDiff, diff_stories, split_paragraphs};
    use std::ops::Range;

    /// Every line a paragraph, as the story model reads a headline, a dateline line and the
    /// lines of a plain story.
    fn lines(text: &str) -> Vec<Range<usize>> {
        let mut start = 0;
        let mut ranges = Vec::new();
        for line in text.split_inclusive('\n') {
            let body = line.trim_end();
            if !body.trim().is_empty() {
                ranges.push(start..start + body.len());
            }
            start += line.len();
        }
        ranges
    }

    fn diff_of<'a>(
        old: &'a str,
        new: &'a str,
        paragraphs: fn(&str) -> Vec<Range<usize>>,
    ) -> StoryDiff<'a> {
        diff_stories(
            old,
            &paragraphs(old),
            new,
            &paragraphs(new),
            &DiffOptions::default(),
        )
        .expect("valid ranges")
    }

    const LINES: &str = "Storm closes schools\nATHENS - Snow closed schools in the north.\nRoads were shut by the army.\nThe end paragraph.\n";
    const JOINED: &str = "Storm closes schools\nATHENS - Snow closed schools in the north. Roads were shut by the army.\nThe end paragraph.\n";

    #[test]
    fn a_merge_across_one_newline_is_marked_in_every_format() {
        let diff = diff_of(LINES, JOINED, lines);
        assert_eq!(diff.statistics().merged_paragraphs, 1);
        let word = render_word(&diff);
        assert!(word.contains("the north.[-¶-] Roads"), "{word}");
        let terminal = render_terminal(&diff, true);
        assert!(
            terminal.contains("north.\u{1b}[9m\u{1b}[31m¶"),
            "{terminal:?}"
        );
        let names = SideNames {
            old: "old".into(),
            new: "new".into(),
        };
        let html = render_html(&diff, &names, &[]);
        assert!(
            html.contains("the north.<del class=\"break\">¶</del>\nRoads"),
            "{html}"
        );
    }

    #[test]
    fn a_split_across_one_newline_is_marked_in_every_format() {
        let diff = diff_of(JOINED, LINES, lines);
        assert_eq!(diff.statistics().split_paragraphs, 1);
        let word = render_word(&diff);
        assert!(word.contains("the north.{+¶+}\nRoads"), "{word}");
        let names = SideNames {
            old: "old".into(),
            new: "new".into(),
        };
        let html = render_html(&diff, &names, &[]);
        assert!(
            html.contains("the north.<ins class=\"break\">¶</ins>\nRoads"),
            "{html}"
        );
    }

    /// The breaks the pairing says a split or merge added or removed: one fewer than the
    /// paragraphs on the side that has several.
    fn breaks(diff: &StoryDiff<'_>) -> (usize, usize) {
        diff.blocks
            .iter()
            .fold((0, 0), |(removed, added), block| match &block.pairing {
                crate::ParagraphPairing::Merged { old, .. } => (removed + old.len() - 1, added),
                crate::ParagraphPairing::Split { new, .. } => (removed, added + new.len() - 1),
                _ => (removed, added),
            })
    }

    #[test]
    fn each_break_of_a_three_way_merge_or_split_is_marked_once() {
        let old = "Lead words stay here.\n\nOne short sentence.\n\nAnother short sentence.\n\nThird short sentence.\n";
        let new = "Lead words stay here.\n\nOne short sentence. Another short sentence. Third short sentence.\n";
        for (old, new) in [(old, new), (new, old)] {
            for paragraphs in [split_paragraphs as fn(&str) -> Vec<Range<usize>>, lines] {
                let diff = diff_of(old, new, paragraphs);
                let (removed, added) = breaks(&diff);
                assert!(removed + added > 0, "{:?}", diff.blocks);
                let word = render_word(&diff);
                assert_eq!(word.matches("[-¶-]").count(), removed, "{word}");
                assert_eq!(word.matches("{+¶+}").count(), added, "{word}");
                let names = SideNames {
                    old: "old".into(),
                    new: "new".into(),
                };
                let html = render_html(&diff, &names, &[]);
                assert_eq!(html.matches("<del class=\"break\">").count(), removed);
                assert_eq!(html.matches("<ins class=\"break\">").count(), added);
            }
        }
    }

    #[test]
    fn gaps_are_counted_inside_the_span_only() {
        let paragraphs = [0..5, 6..10, 12..20];
        assert_eq!(gaps_within(&paragraphs, &(5..6)), 1);
        assert_eq!(gaps_within(&paragraphs, &(4..13)), 2);
        assert_eq!(gaps_within(&paragraphs, &(10..11)), 0);
        assert_eq!(gaps_within(&paragraphs, &(10..12)), 1);
        assert_eq!(gaps_within(&paragraphs, &(0..0)), 0);
        assert_eq!(gaps_within(&paragraphs, &(21..30)), 0);
    }
}
