//! Word diff inside aligned paragraphs, and the cleanup that makes it read well.
//!
//! Only significant tokens (words, and punctuation unless it is ignored) are diffed,
//! with `similar`'s Myers diff under a deadline. The token changes are then cleaned up
//! semantically: an equal run between two changes that is no longer than either of them
//! is folded into one bigger change (the rule of diff-match-patch's semantic cleanup),
//! so that `[-a big-]{+one large+}` is shown rather than a confetti of small edits.
//! Finally the whitespace between tokens is put back: every byte of both ranges ends up
//! in exactly one [`WordChange`], in order.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_deadline};
use unicode_normalization::UnicodeNormalization;

use super::tokens::{TokenKind, Tokens};
use super::{DiffOptions, Normalization};

/// What happened to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The same on both sides (up to the ignore options).
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
    /// Old text replaced by new text.
    Replace,
}

/// One stretch of a word diff: a byte range of the old text and one of the new text.
///
/// Consecutive changes of a block are contiguous on both sides. An insertion has an
/// empty old range at the place where the text was inserted, a deletion an empty new
/// range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordChange {
    /// What happened.
    pub kind: ChangeKind,
    /// Byte range in the old text.
    pub old: Range<usize>,
    /// Byte range in the new text.
    pub new: Range<usize>,
    /// True if both sides contain nothing but whitespace.
    pub whitespace_only: bool,
}

/// Maps normalised token text to small integer keys, so tokens compare in O(1).
#[derive(Debug)]
pub struct KeyInterner {
    keys: FxHashMap<String, u32>,
    ignore_case: bool,
    normalization: Normalization,
    ignore_punctuation: bool,
}

impl KeyInterner {
    /// An interner that normalises tokens as `options` ask.
    pub fn new(options: &DiffOptions) -> Self {
        KeyInterner {
            keys: FxHashMap::default(),
            ignore_case: options.ignore_case,
            normalization: options.normalization,
            ignore_punctuation: options.ignore_punctuation,
        }
    }

    fn key(&mut self, token: &str) -> u32 {
        let normalised: String = match self.normalization {
            Normalization::None if !self.ignore_case => return self.intern(token),
            Normalization::None => token.to_lowercase(),
            Normalization::Nfc => token.nfc().collect(),
            Normalization::Nfkc => token.nfkc().collect(),
        };
        if self.ignore_case && self.normalization != Normalization::None {
            let lowered = normalised.to_lowercase();
            return self.intern(&lowered);
        }
        self.intern(&normalised)
    }

    /// For every key, a key shared by all keys whose text is the same once lower-cased, so
    /// that paragraph pairing sees `Talks Resume` and `talks resume` as the same words (the
    /// word diff still uses the exact keys and shows the case change).
    pub fn case_folds(&self) -> Vec<u32> {
        let mut folds = vec![0u32; self.keys.len()];
        let mut lowered: FxHashMap<String, u32> = FxHashMap::default();
        for (text, &key) in &self.keys {
            let next = u32::try_from(self.keys.len() + lowered.len()).unwrap_or(u32::MAX);
            let fold = *lowered.entry(text.to_lowercase()).or_insert(next);
            if let Some(slot) = folds.get_mut(key as usize) {
                *slot = fold;
            }
        }
        folds
    }

    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&key) = self.keys.get(text) {
            return key;
        }
        let key = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.insert(text.to_owned(), key);
        key
    }
}

/// A text with its paragraphs and the keys of its significant tokens.
#[derive(Debug)]
pub struct KeyedText<'a> {
    /// The text itself.
    pub text: &'a str,
    /// Byte range each paragraph covers, with the text up to the next paragraph (the
    /// first one also starts at byte 0).
    extents: Vec<Range<usize>>,
    /// Byte spans of the significant tokens, in order.
    spans: Vec<Range<usize>>,
    /// Comparison key of each significant token.
    keys: Vec<u32>,
    /// Whether each significant token is a word (rather than punctuation).
    is_word: Vec<bool>,
    /// Index range of the significant tokens of each paragraph (of its extent).
    paragraph_tokens: Vec<Range<usize>>,
}

impl<'a> KeyedText<'a> {
    /// Tokenises `text` and keys its tokens. `paragraphs` must be valid and ordered.
    pub fn new(text: &'a str, paragraphs: &[Range<usize>], interner: &mut KeyInterner) -> Self {
        let extents: Vec<Range<usize>> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let start = if i == 0 { 0 } else { p.start };
                let end = paragraphs.get(i + 1).map_or(text.len(), |next| next.start);
                start..end
            })
            .collect();
        let whole = std::slice::from_ref(&(0..text.len())).to_vec();
        let pieces = if extents.is_empty() { &whole } else { &extents };
        // About one significant token in six bytes of wire copy.
        let capacity = text.len() / 6;
        let mut keyed = KeyedText {
            text,
            spans: Vec::with_capacity(capacity),
            keys: Vec::with_capacity(capacity),
            is_word: Vec::with_capacity(capacity),
            extents: Vec::new(),
            paragraph_tokens: Vec::with_capacity(extents.len()),
        };
        for piece in pieces {
            let first = keyed.keys.len();
            for token in Tokens::new(text, piece.clone()) {
                let significant = match token.kind {
                    TokenKind::Word => true,
                    TokenKind::Punctuation => !interner.ignore_punctuation,
                    TokenKind::Whitespace => false,
                };
                if significant {
                    keyed.keys.push(interner.key(&text[token.span.clone()]));
                    keyed.is_word.push(token.kind == TokenKind::Word);
                    keyed.spans.push(token.span);
                }
            }
            keyed.paragraph_tokens.push(first..keyed.keys.len());
        }
        if extents.is_empty() {
            keyed.paragraph_tokens.clear();
        }
        keyed.extents = extents;
        keyed
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.extents.len()
    }

    /// Bytes covered by the paragraphs `paragraphs` (consecutive indices).
    pub fn extent_of(&self, paragraphs: Range<usize>) -> Range<usize> {
        match (
            self.extents.get(paragraphs.start),
            paragraphs
                .end
                .checked_sub(1)
                .and_then(|i| self.extents.get(i)),
        ) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }

    /// Index range of the significant tokens that start inside `bytes`.
    fn tokens_in(&self, bytes: &Range<usize>) -> Range<usize> {
        let start = self.spans.partition_point(|s| s.start < bytes.start);
        let end = self.spans.partition_point(|s| s.start < bytes.end);
        start..end.max(start)
    }

    /// Comparison keys of the significant tokens of one paragraph.
    pub fn paragraph_keys(&self, paragraph: usize) -> &[u32] {
        self.paragraph_tokens
            .get(paragraph)
            .map_or(&[], |range| &self.keys[range.clone()])
    }

    /// Number of word tokens in one paragraph.
    pub fn paragraph_words(&self, paragraph: usize) -> usize {
        self.paragraph_tokens.get(paragraph).map_or(0, |range| {
            self.is_word[range.clone()].iter().filter(|w| **w).count()
        })
    }
}

/// The result of [`diff_words`].
#[derive(Debug)]
pub struct WordDiffResult {
    /// Changes covering both ranges.
    pub changes: Vec<WordChange>,
    /// True if the deadline passed during the diff.
    pub timed_out: bool,
}

/// A run of significant tokens that is equal or changed (indices local to the ranges).
#[derive(Debug, Clone)]
struct TokenRun {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// Diffs the significant tokens of `old_range` and `new_range` and covers both ranges
/// with word changes.
pub fn diff_words(
    old: &KeyedText<'_>,
    old_range: Range<usize>,
    new: &KeyedText<'_>,
    new_range: Range<usize>,
    options: &DiffOptions,
    deadline: Option<Instant>,
) -> WordDiffResult {
    let timed_out = || deadline.is_some_and(|d| Instant::now() > d);
    // Byte-identical text (most paragraphs of a revision) is one equal change: no need to
    // walk its tokens and the gaps between them.
    if old.text.get(old_range.clone()) == new.text.get(new_range.clone()) {
        let whole = WordChange {
            kind: ChangeKind::Equal,
            old: old_range.clone(),
            new: new_range.clone(),
            whitespace_only: false,
        };
        return WordDiffResult {
            changes: (!old_range.is_empty())
                .then_some(whole)
                .into_iter()
                .collect(),
            timed_out: timed_out(),
        };
    }
    let old_tokens = old.tokens_in(&old_range);
    let new_tokens = new.tokens_in(&new_range);
    let old_keys = &old.keys[old_tokens.clone()];
    let new_keys = &new.keys[new_tokens.clone()];
    let old_spans = &old.spans[old_tokens];
    let new_spans = &new.spans[new_tokens];

    let runs = if old_keys == new_keys {
        vec![TokenRun {
            equal: true,
            old: 0..old_keys.len(),
            new: 0..new_keys.len(),
        }]
    } else {
        let ops = capture_diff_deadline(
            Algorithm::Myers,
            old_keys,
            0..old_keys.len(),
            new_keys,
            0..new_keys.len(),
            deadline,
        );
        semantic_cleanup(runs_from_ops(&ops), old_spans, new_spans)
    };
    let timed_out = timed_out();

    let mut builder = ChangeBuilder::default();
    let (mut old_pos, mut new_pos) = (old_range.start, new_range.start);
    for run in &runs {
        let old_start = if run.old.is_empty() {
            old_pos
        } else {
            old_spans[run.old.start].start
        };
        let new_start = if run.new.is_empty() {
            new_pos
        } else {
            new_spans[run.new.start].start
        };
        builder.push_gap(
            old.text,
            old_pos..old_start,
            new.text,
            new_pos..new_start,
            options,
        );
        if run.equal {
            for offset in 0..run.old.len() {
                let o = &old_spans[run.old.start + offset];
                let n = &new_spans[run.new.start + offset];
                if offset > 0 {
                    builder.push_gap(
                        old.text,
                        old_pos..o.start,
                        new.text,
                        new_pos..n.start,
                        options,
                    );
                }
                builder.push(true, o.clone(), n.clone());
                old_pos = o.end;
                new_pos = n.end;
            }
        } else {
            let old_end = if run.old.is_empty() {
                old_start
            } else {
                old_spans[run.old.end - 1].end
            };
            let new_end = if run.new.is_empty() {
                new_start
            } else {
                new_spans[run.new.end - 1].end
            };
            builder.push(false, old_start..old_end, new_start..new_end);
            old_pos = old_end;
            new_pos = new_end;
        }
    }
    builder.push_gap(
        old.text,
        old_pos..old_range.end,
        new.text,
        new_pos..new_range.end,
        options,
    );
    WordDiffResult {
        changes: builder.finish(old.text, new.text),
        timed_out,
    }
}

fn runs_from_ops(ops: &[DiffOp]) -> Vec<TokenRun> {
    let mut runs: Vec<TokenRun> = Vec::with_capacity(ops.len());
    for op in ops {
        let equal = matches!(op, DiffOp::Equal { .. });
        let (old, new) = (op.old_range(), op.new_range());
        match runs.last_mut() {
            Some(last) if !last.equal && !equal => {
                last.old.end = old.end;
                last.new.end = new.end;
            }
            _ => runs.push(TokenRun { equal, old, new }),
        }
    }
    runs
}

fn run_size(run: &TokenRun, old_spans: &[Range<usize>], new_spans: &[Range<usize>]) -> usize {
    let bytes = |spans: &[Range<usize>]| spans.iter().map(|s| s.len()).sum::<usize>();
    bytes(&old_spans[run.old.clone()]).max(bytes(&new_spans[run.new.clone()]))
}

/// Folds every equal run that is no longer than the changes on both sides of it into
/// one change, repeating as changes grow.
fn semantic_cleanup(
    runs: Vec<TokenRun>,
    old_spans: &[Range<usize>],
    new_spans: &[Range<usize>],
) -> Vec<TokenRun> {
    let mut out: Vec<TokenRun> = Vec::with_capacity(runs.len());
    for run in runs {
        out.push(run);
        // Fold while the tail reads change, equal, change with a small equal.
        while out.len() >= 3 {
            let n = out.len();
            let (before, equal, after) = (&out[n - 3], &out[n - 2], &out[n - 1]);
            if before.equal || !equal.equal || after.equal {
                break;
            }
            let equal_size = run_size(equal, old_spans, new_spans);
            if equal_size > run_size(before, old_spans, new_spans)
                || equal_size > run_size(after, old_spans, new_spans)
            {
                break;
            }
            let end_old = after.old.end;
            let end_new = after.new.end;
            out.truncate(n - 2);
            if let Some(merged) = out.last_mut() {
                merged.old.end = end_old;
                merged.new.end = end_new;
            }
        }
    }
    out
}

/// Collects changes, merging neighbours of the same sort.
#[derive(Default)]
struct ChangeBuilder {
    changes: Vec<WordChange>,
}

impl ChangeBuilder {
    fn push(&mut self, equal: bool, old: Range<usize>, new: Range<usize>) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        let kind = if equal {
            ChangeKind::Equal
        } else {
            ChangeKind::Replace
        };
        if let Some(last) = self.changes.last_mut()
            && (last.kind == ChangeKind::Equal) == equal
        {
            last.old.end = old.end;
            last.new.end = new.end;
            return;
        }
        self.changes.push(WordChange {
            kind,
            old,
            new,
            whitespace_only: false,
        });
    }

    fn push_gap(
        &mut self,
        old_text: &str,
        old: Range<usize>,
        new_text: &str,
        new: Range<usize>,
        options: &DiffOptions,
    ) {
        let old_gap = old_text.get(old.clone()).unwrap_or_default();
        let new_gap = new_text.get(new.clone()).unwrap_or_default();
        self.push(gaps_equal(old_gap, new_gap, options), old, new);
    }

    fn finish(mut self, old_text: &str, new_text: &str) -> Vec<WordChange> {
        for change in &mut self.changes {
            if change.kind == ChangeKind::Equal {
                continue;
            }
            change.kind = match (change.old.is_empty(), change.new.is_empty()) {
                (true, _) => ChangeKind::Insert,
                (_, true) => ChangeKind::Delete,
                _ => ChangeKind::Replace,
            };
            let blank = |text: &str, r: &Range<usize>| {
                text.get(r.clone()).unwrap_or_default().trim().is_empty()
            };
            change.whitespace_only = blank(old_text, &change.old) && blank(new_text, &change.new);
        }
        self.changes
    }
}

/// Compares the text between two tokens, skipping what the options ignore.
fn gaps_equal(old: &str, new: &str, options: &DiffOptions) -> bool {
    if old == new {
        return true;
    }
    let kept = |c: &char| {
        if c.is_whitespace() {
            !options.ignore_whitespace
        } else {
            !options.ignore_punctuation
        }
    };
    old.chars().filter(kept).eq(new.chars().filter(kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_diff(old: &str, new: &str, options: &DiffOptions) -> Vec<(ChangeKind, String, String)> {
        let mut interner = KeyInterner::new(options);
        let o = KeyedText::new(old, &[], &mut interner);
        let n = KeyedText::new(new, &[], &mut interner);
        diff_words(&o, 0..old.len(), &n, 0..new.len(), options, None)
            .changes
            .into_iter()
            .map(|c| (c.kind, old[c.old].to_owned(), new[c.new].to_owned()))
            .collect()
    }

    #[test]
    fn changed_word_is_one_replacement() {
        let d = word_diff(
            "The reporters said.",
            "The journalists said.",
            &DiffOptions::default(),
        );
        assert_eq!(
            d,
            vec![
                (ChangeKind::Equal, "The ".into(), "The ".into()),
                (
                    ChangeKind::Replace,
                    "reporters".into(),
                    "journalists".into()
                ),
                (ChangeKind::Equal, " said.".into(), " said.".into()),
            ]
        );
    }

    #[test]
    fn insertion_takes_its_whitespace() {
        let d = word_diff("A C", "A B C", &DiffOptions::default());
        assert_eq!(d[1], (ChangeKind::Insert, String::new(), " B".into()));
        let d = word_diff("A B C", "A C", &DiffOptions::default());
        assert_eq!(d[1], (ChangeKind::Delete, " B".into(), String::new()));
    }

    #[test]
    fn small_equal_between_changes_is_folded() {
        let d = word_diff("a big dog", "one large cat", &DiffOptions::default());
        assert_eq!(
            d,
            vec![(
                ChangeKind::Replace,
                "a big dog".into(),
                "one large cat".into()
            )]
        );
    }

    #[test]
    fn whitespace_change_is_reported_unless_ignored() {
        let d = word_diff("A  B", "A B", &DiffOptions::default());
        assert_eq!(d[1], (ChangeKind::Replace, "  ".into(), " ".into()));
        let ignore = DiffOptions {
            ignore_whitespace: true,
            ..DiffOptions::default()
        };
        assert!(
            word_diff("A  B", "A\nB", &ignore)
                .iter()
                .all(|c| c.0 == ChangeKind::Equal)
        );
    }

    #[test]
    fn options_ignore_case_and_punctuation() {
        let options = DiffOptions {
            ignore_case: true,
            ignore_punctuation: true,
            ..DiffOptions::default()
        };
        assert!(
            word_diff("Hello, World!", "hello world", &options)
                .iter()
                .all(|c| c.0 == ChangeKind::Equal)
        );
        let nfkc = DiffOptions {
            normalization: Normalization::Nfkc,
            ..DiffOptions::default()
        };
        assert!(
            word_diff("ﬁne", "fine", &nfkc)
                .iter()
                .all(|c| c.0 == ChangeKind::Equal)
        );
    }
}
