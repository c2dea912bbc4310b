//! Which paragraph of a story matches which of its reference version, by the word diff's
//! paragraph alignment, with the word changes inside matched paragraphs. When nothing aligns (a
//! reference in another language) paragraphs are paired by their place in the story instead.

use wirecheck_diff::{ChangeKind, DiffOptions, ParagraphPairing, WordChange, diff_stories};

use crate::document::Document;
use crate::span::Span;

/// The share of words two paragraphs must have in common to count as one paragraph edited.
const MIN_SIMILARITY: f64 = 0.4;

/// Which paragraph of a reference matches which of a story.
#[derive(Clone, Debug)]
pub struct ParagraphAlignment {
    /// For each reference paragraph, the story paragraph that matches it.
    pub story_of: Vec<Option<usize>>,
    /// For each story paragraph, whether any reference paragraph matches it.
    pub matched_story: Vec<bool>,
    /// True when paragraphs were matched by their words; false when by position.
    pub by_content: bool,
    /// The word changes (not `Equal`) inside matched paragraphs, as byte ranges of both texts.
    pub changes: Vec<WordChange>,
}

impl ParagraphAlignment {
    /// Aligns the paragraphs of `story` with those of `reference` (a full word diff of the two).
    pub fn of(reference: &Document, story: &Document) -> Self {
        let ranges = |doc: &Document| {
            doc.paragraphs
                .iter()
                .map(|p| p.start..p.end)
                .collect::<Vec<_>>()
        };
        let mut story_of = vec![None; reference.paragraphs.len()];
        let mut matched_story = vec![false; story.paragraphs.len()];
        let mut changes = Vec::new();
        let options = DiffOptions {
            ignore_case: true,
            ..DiffOptions::default()
        };
        if let Ok(diff) = diff_stories(
            reference.text(),
            &ranges(reference),
            story.text(),
            &ranges(story),
            &options,
        ) {
            for block in &diff.blocks {
                let pairs: Vec<(usize, usize)> = match &block.pairing {
                    ParagraphPairing::Unchanged { old, new } => vec![(*old, *new)],
                    // A paragraph rewritten beyond recognition is one dropped and another added.
                    ParagraphPairing::Changed {
                        old,
                        new,
                        similarity,
                    }
                    | ParagraphPairing::Moved {
                        old,
                        new,
                        similarity,
                    } if *similarity >= MIN_SIMILARITY => {
                        vec![(*old, *new)]
                    }
                    ParagraphPairing::Split { old, new } => {
                        new.clone().map(|n| (*old, n)).collect()
                    }
                    ParagraphPairing::Merged { old, new } => {
                        old.clone().map(|o| (o, *new)).collect()
                    }
                    _ => Vec::new(),
                };
                if !pairs.is_empty() {
                    let changed = block.changes.iter().filter(|c| c.kind != ChangeKind::Equal);
                    changes.extend(changed.cloned());
                }
                for (old, new) in pairs {
                    story_of[old].get_or_insert(new);
                    matched_story[new] = true;
                }
            }
        }
        let by_content = matched_story.iter().any(|&m| m);
        if !by_content && !story.paragraphs.is_empty() {
            // Nothing in common (another language): pair paragraphs by their place in the story.
            let (n, m) = (reference.paragraphs.len(), story.paragraphs.len());
            for (i, slot) in story_of.iter_mut().enumerate() {
                *slot = Some((i * m / n.max(1)).min(m - 1));
            }
        }
        Self {
            story_of,
            matched_story,
            by_content,
            changes,
        }
    }

    /// What stands in story `paragraph` where the reference has `span`, by the word diff: the
    /// story text that replaced it, or an empty span (before the next word) where it was left out.
    /// `None` when the diff records no change there.
    pub fn counterpart(&self, story: &Document, span: Span, paragraph: Span) -> Option<Span> {
        let mut place: Option<Span> = None;
        for change in &self.changes {
            let overlaps = change.old.start < span.end && span.start < change.old.end;
            let inside = paragraph.start <= change.new.start && change.new.end <= paragraph.end;
            if overlaps && inside {
                let new = Span::new(change.new.start, change.new.end);
                place = Some(place.map_or(new, |p| {
                    Span::new(p.start.min(new.start), p.end.max(new.end))
                }));
            }
        }
        let place = place?;
        let text = place.slice(story.text());
        let lead = text.len() - text.trim_start().len();
        let start = if lead == text.len() {
            // Nothing but space where the reference has text: point at the next word.
            let rest = &story.text()[place.end..paragraph.end];
            place.end + (rest.len() - rest.trim_start().len())
        } else {
            place.start + lead
        };
        let end = (place.start + text.trim_end().len()).max(start);
        Some(Span::new(start, end))
    }
}
