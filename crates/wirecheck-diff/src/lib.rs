//! Word diff of two versions of a story: a translation against its reference, or one
//! revision against the next.
//!
//! The diff works in two passes. [`paragraphs`] first aligns the paragraphs of the two
//! versions, recognising unchanged, edited, inserted, deleted, split, merged and moved
//! paragraphs. [`words`] then diffs the words and punctuation inside every aligned pair
//! (whitespace never drives the alignment but is reproduced exactly) and cleans the
//! result up so that a changed word shows as one replaced word and runs of small equal
//! tokens between changes fold into one change.
//!
//! Every span in the result is a byte range into one of the two original texts, so a
//! [`StoryDiff`] can be rendered in any of the [`format`](mod@format)s, or replayed: taking the old
//! text of every [`ChangeKind::Equal`] change and the new text of every other change,
//! block by block, gives back the new text byte for byte (when no `ignore_*` option or
//! normalisation is set).
//!
//! ```
//! use wirecheck_diff::{diff_stories, split_paragraphs, DiffOptions};
//!
//! let old = "Reporters said the vote was close.\n";
//! let new = "Journalists said the vote was close.\n";
//! let diff = diff_stories(old, &split_paragraphs(old), new, &split_paragraphs(new), &DiffOptions::default())?;
//! assert!(diff.has_changes());
//! # Ok::<(), wirecheck_diff::DiffError>(())
//! ```

mod anchors;
pub mod format;
pub mod paragraphs;
pub mod tokens;
pub mod words;

use std::ops::Range;
use std::time::{Duration, Instant};

pub use paragraphs::{ParagraphPairing, split_paragraphs};
pub use words::{ChangeKind, WordChange};

/// Unicode normalisation applied to tokens before they are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Normalization {
    /// Compare tokens byte for byte.
    #[default]
    None,
    /// Canonical composition (NFC): `e` + combining acute equals `é`.
    Nfc,
    /// Compatibility composition (NFKC): also folds ligatures, full-width forms, etc.
    Nfkc,
}

/// What the diff should treat as equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Compare words case-insensitively.
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison (punctuation changes are not reported).
    pub ignore_punctuation: bool,
    /// Do not report changes that only touch whitespace.
    pub ignore_whitespace: bool,
    /// Unicode normalisation applied before comparing.
    pub normalization: Normalization,
    /// Time budget for the whole diff; past it the diff degrades to coarser (but still
    /// correct) changes instead of running on.
    pub timeout: Duration,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            ignore_case: false,
            ignore_punctuation: false,
            ignore_whitespace: false,
            normalization: Normalization::None,
            timeout: Duration::from_secs(2),
        }
    }
}

/// Errors from [`diff_stories`].
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DiffError {
    /// A paragraph range is out of bounds, not on a character boundary, or out of order.
    #[error("{side} paragraph {index} ({start}..{end}) is not a valid, ordered range of the text")]
    InvalidParagraphRange {
        /// `"old"` or `"new"`.
        side: &'static str,
        /// Index of the offending paragraph.
        index: usize,
        /// Start byte of the range.
        start: usize,
        /// End byte of the range.
        end: usize,
    },
}

/// One block of the story diff: a paragraph pairing and the word changes inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphDiff {
    /// How the old and new paragraphs of this block correspond.
    pub pairing: ParagraphPairing,
    /// Bytes of the old text this block covers (its paragraphs plus the whitespace after
    /// them); empty for inserted paragraphs.
    pub old_extent: Range<usize>,
    /// Bytes of the new text this block covers; empty for deleted paragraphs and for
    /// the old position of a moved paragraph.
    pub new_extent: Range<usize>,
    /// Word changes covering both extents in order, without gaps. Empty for
    /// [`ParagraphPairing::MovedAway`], whose text is diffed at its new position.
    pub changes: Vec<WordChange>,
}

impl ParagraphDiff {
    /// True if this block reports any difference (a structural one or a word change).
    pub fn has_changes(&self) -> bool {
        let structural = !matches!(
            self.pairing,
            ParagraphPairing::Unchanged { .. }
                | ParagraphPairing::Changed { .. }
                | ParagraphPairing::Unparagraphed
        );
        structural || self.changes.iter().any(|c| c.kind != ChangeKind::Equal)
    }
}

/// The diff of two versions of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryDiff<'a> {
    /// The old text.
    pub old: &'a str,
    /// The new text.
    pub new: &'a str,
    /// Paragraph byte ranges of the old text, as given.
    pub old_paragraphs: Vec<Range<usize>>,
    /// Paragraph byte ranges of the new text, as given.
    pub new_paragraphs: Vec<Range<usize>>,
    /// Blocks in reading order: unchanged and edited pairs, deletions at their old
    /// position, insertions and moved paragraphs at their new position.
    pub blocks: Vec<ParagraphDiff>,
    /// True if the time budget ran out and part of the diff is coarser than it could be.
    pub timed_out: bool,
}

/// Word and paragraph counts of a diff, in the spirit of `wdiff -s`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DiffStatistics {
    /// Words in the old text.
    pub old_words: usize,
    /// Words in the new text.
    pub new_words: usize,
    /// Words left unchanged (counted once; the same on both sides).
    pub common_words: usize,
    /// Words of the old text that were deleted outright.
    pub deleted_words: usize,
    /// Words of the new text that were inserted outright.
    pub inserted_words: usize,
    /// Words of the old text that were replaced.
    pub changed_old_words: usize,
    /// Words of the new text that replaced old ones.
    pub changed_new_words: usize,
    /// Paragraphs deleted.
    pub deleted_paragraphs: usize,
    /// Paragraphs inserted.
    pub inserted_paragraphs: usize,
    /// Paragraph pairs with word changes (including moved and split/merged ones).
    pub changed_paragraphs: usize,
    /// Old paragraphs split into several new ones.
    pub split_paragraphs: usize,
    /// New paragraphs made by merging several old ones.
    pub merged_paragraphs: usize,
    /// Paragraphs moved to another place.
    pub moved_paragraphs: usize,
}

impl StoryDiff<'_> {
    /// True if the two texts differ in any way the options did not ask to ignore.
    pub fn has_changes(&self) -> bool {
        self.blocks.iter().any(ParagraphDiff::has_changes)
    }

    /// All word changes of all blocks, in reading order.
    pub fn changes(&self) -> impl Iterator<Item = &WordChange> {
        self.blocks.iter().flat_map(|b| b.changes.iter())
    }

    /// Counts words and paragraphs by what happened to them.
    pub fn statistics(&self) -> DiffStatistics {
        let words = |text: &str, range: &Range<usize>| {
            tokens::tokenize(text, range.clone())
                .iter()
                .filter(|t| t.kind == tokens::TokenKind::Word)
                .count()
        };
        let mut stats = DiffStatistics {
            old_words: words(self.old, &(0..self.old.len())),
            new_words: words(self.new, &(0..self.new.len())),
            ..DiffStatistics::default()
        };
        for change in self.changes() {
            match change.kind {
                ChangeKind::Equal => stats.common_words += words(self.new, &change.new),
                ChangeKind::Delete => stats.deleted_words += words(self.old, &change.old),
                ChangeKind::Insert => stats.inserted_words += words(self.new, &change.new),
                ChangeKind::Replace => {
                    stats.changed_old_words += words(self.old, &change.old);
                    stats.changed_new_words += words(self.new, &change.new);
                }
            }
        }
        for block in &self.blocks {
            match &block.pairing {
                ParagraphPairing::Deleted { .. } => stats.deleted_paragraphs += 1,
                ParagraphPairing::Inserted { .. } => stats.inserted_paragraphs += 1,
                ParagraphPairing::Changed { .. } => stats.changed_paragraphs += 1,
                ParagraphPairing::Split { .. } => stats.split_paragraphs += 1,
                ParagraphPairing::Merged { .. } => stats.merged_paragraphs += 1,
                ParagraphPairing::Moved { .. } => stats.moved_paragraphs += 1,
                ParagraphPairing::Unchanged { .. }
                | ParagraphPairing::MovedAway { .. }
                | ParagraphPairing::Unparagraphed => {}
            }
        }
        stats
    }
}

/// Diffs two versions of a story given their paragraph byte ranges.
///
/// Paragraph ranges must be in order, non-overlapping and on character boundaries;
/// [`split_paragraphs`] produces such ranges from blank-line separated text.
pub fn diff_stories<'a>(
    old: &'a str,
    old_paragraphs: &[Range<usize>],
    new: &'a str,
    new_paragraphs: &[Range<usize>],
    options: &DiffOptions,
) -> Result<StoryDiff<'a>, DiffError> {
    validate_paragraphs("old", old, old_paragraphs)?;
    validate_paragraphs("new", new, new_paragraphs)?;
    let deadline = Instant::now().checked_add(options.timeout);
    let mut interner = words::KeyInterner::new(options);
    let old_side = words::KeyedText::new(old, old_paragraphs, &mut interner);
    let new_side = words::KeyedText::new(new, new_paragraphs, &mut interner);
    let folds = interner.case_folds();
    let alignment = paragraphs::align_paragraphs(&old_side, &new_side, &folds, deadline);
    let mut timed_out = alignment.timed_out;
    let mut blocks = Vec::with_capacity(alignment.pairings.len() + 1);
    let (mut old_cursor, mut new_cursor) = (0, 0);
    for pairing in alignment.pairings {
        let old_extent = pairing
            .old_paragraphs()
            .map(|r| old_side.extent_of(r))
            .unwrap_or(old_cursor..old_cursor);
        let new_extent = pairing
            .new_paragraphs()
            .map(|r| new_side.extent_of(r))
            .unwrap_or(new_cursor..new_cursor);
        let changes = match &pairing {
            ParagraphPairing::MovedAway { .. } => Vec::new(),
            _ => {
                let result = words::diff_words(
                    &old_side,
                    old_extent.clone(),
                    &new_side,
                    new_extent.clone(),
                    options,
                    deadline,
                );
                timed_out |= result.timed_out;
                result.changes
            }
        };
        if !matches!(pairing, ParagraphPairing::Moved { .. }) {
            old_cursor = old_extent.end.max(old_cursor);
        }
        new_cursor = new_extent.end.max(new_cursor);
        let pairing = match pairing {
            ParagraphPairing::Changed { old, new, .. }
                if changes.iter().all(|c| c.kind == ChangeKind::Equal) =>
            {
                ParagraphPairing::Unchanged { old, new }
            }
            ParagraphPairing::Unchanged { old, new }
                if changes.iter().any(|c| c.kind != ChangeKind::Equal) =>
            {
                ParagraphPairing::Changed {
                    old,
                    new,
                    similarity: 1.0,
                }
            }
            other => other,
        };
        blocks.push(ParagraphDiff {
            pairing,
            old_extent,
            new_extent,
            changes,
        });
    }
    // Text outside every paragraph (only when a side has no paragraph at all).
    let old_rest = if old_paragraphs.is_empty() {
        0..old.len()
    } else {
        old.len()..old.len()
    };
    let new_rest = if new_paragraphs.is_empty() {
        0..new.len()
    } else {
        new.len()..new.len()
    };
    if !old_rest.is_empty() || !new_rest.is_empty() {
        let result = words::diff_words(
            &old_side,
            old_rest.clone(),
            &new_side,
            new_rest.clone(),
            options,
            deadline,
        );
        timed_out |= result.timed_out;
        blocks.push(ParagraphDiff {
            pairing: ParagraphPairing::Unparagraphed,
            old_extent: old_rest,
            new_extent: new_rest,
            changes: result.changes,
        });
    }
    Ok(StoryDiff {
        old,
        new,
        old_paragraphs: old_paragraphs.to_vec(),
        new_paragraphs: new_paragraphs.to_vec(),
        blocks,
        timed_out,
    })
}

fn validate_paragraphs(
    side: &'static str,
    text: &str,
    paragraphs: &[Range<usize>],
) -> Result<(), DiffError> {
    let mut previous_end = 0;
    for (index, range) in paragraphs.iter().enumerate() {
        let valid = range.start >= previous_end
            && range.start < range.end
            && text.get(range.clone()).is_some();
        if !valid {
            return Err(DiffError::InvalidParagraphRange {
                side,
                index,
                start: range.start,
                end: range.end,
            });
        }
        previous_end = range.end;
    }
    Ok(())
}
