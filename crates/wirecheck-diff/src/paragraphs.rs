//! Paragraph alignment: which old paragraphs became which new ones.
//!
//! Paragraphs are aligned in order by dynamic programming that maximises the number of
//! shared tokens, over a word-bag similarity (Dice coefficient), allowing one-to-one
//! pairs, splits (one old paragraph became two consecutive new ones) and merges (two
//! became one). Long stories are first anchored on identical paragraphs with a patience
//! diff, and only the stretches between anchors go through the dynamic programme. Paragraphs still unmatched at the end are paired across the whole story when
//! they are similar enough: those are moves.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::words::KeyedText;

/// Least Dice similarity for an edited old paragraph to pair with a new one in place.
const PAIR_SIMILARITY: f64 = 0.35;
/// Least Dice similarity between a paragraph and the two it was split into or merged from.
const SPLIT_SIMILARITY: f64 = 0.5;
/// Least share of each part of a split or merge that must come from the other side.
const SPLIT_CONTAINMENT: f64 = 0.5;
/// Least Dice similarity for a deleted and an inserted paragraph to count as a move.
const MOVE_SIMILARITY: f64 = 0.6;
/// Largest region (old × new paragraphs) aligned by dynamic programming.
const MAX_REGION_CELLS: usize = 40_000;
/// Largest number of deleted × inserted paragraph pairs examined for moves.
const MAX_MOVE_CANDIDATES: usize = 250_000;

/// How old paragraphs correspond to new ones. Indices are into the paragraph lists
/// passed to [`diff_stories`](super::diff_stories).
#[derive(Debug, Clone, PartialEq)]
pub enum ParagraphPairing {
    /// The paragraph is the same in both versions.
    Unchanged {
        /// Old paragraph index.
        old: usize,
        /// New paragraph index.
        new: usize,
    },
    /// The paragraph was edited in place.
    Changed {
        /// Old paragraph index.
        old: usize,
        /// New paragraph index.
        new: usize,
        /// Dice similarity of the word bags, `0.0..=1.0`.
        similarity: f64,
    },
    /// One old paragraph became several consecutive new ones.
    Split {
        /// Old paragraph index.
        old: usize,
        /// New paragraph indices.
        new: Range<usize>,
    },
    /// Several consecutive old paragraphs became one new one.
    Merged {
        /// Old paragraph indices.
        old: Range<usize>,
        /// New paragraph index.
        new: usize,
    },
    /// A paragraph moved here (its new position) from elsewhere, maybe edited too.
    Moved {
        /// Old paragraph index.
        old: usize,
        /// New paragraph index.
        new: usize,
        /// Dice similarity of the word bags, `0.0..=1.0`.
        similarity: f64,
    },
    /// The old position of a moved paragraph; its diff is under [`ParagraphPairing::Moved`].
    MovedAway {
        /// Old paragraph index.
        old: usize,
        /// New paragraph index it moved to.
        new: usize,
    },
    /// An old paragraph with no counterpart.
    Deleted {
        /// Old paragraph index.
        old: usize,
    },
    /// A new paragraph with no counterpart.
    Inserted {
        /// New paragraph index.
        new: usize,
    },
    /// Text of a version that has no paragraphs at all (empty or blank text).
    Unparagraphed,
}

impl ParagraphPairing {
    /// The old paragraph indices this pairing takes its old text from.
    pub fn old_paragraphs(&self) -> Option<Range<usize>> {
        match self {
            ParagraphPairing::Unchanged { old, .. }
            | ParagraphPairing::Changed { old, .. }
            | ParagraphPairing::Split { old, .. }
            | ParagraphPairing::Moved { old, .. }
            | ParagraphPairing::MovedAway { old, .. }
            | ParagraphPairing::Deleted { old } => Some(*old..*old + 1),
            ParagraphPairing::Merged { old, .. } => Some(old.clone()),
            ParagraphPairing::Inserted { .. } | ParagraphPairing::Unparagraphed => None,
        }
    }

    /// The new paragraph indices this pairing shows.
    pub fn new_paragraphs(&self) -> Option<Range<usize>> {
        match self {
            ParagraphPairing::Unchanged { new, .. }
            | ParagraphPairing::Changed { new, .. }
            | ParagraphPairing::Merged { new, .. }
            | ParagraphPairing::Moved { new, .. }
            | ParagraphPairing::Inserted { new } => Some(*new..*new + 1),
            ParagraphPairing::Split { new, .. } => Some(new.clone()),
            ParagraphPairing::MovedAway { .. }
            | ParagraphPairing::Deleted { .. }
            | ParagraphPairing::Unparagraphed => None,
        }
    }

    /// A short lower-case name of the pairing kind (`"moved"`, `"split"`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            ParagraphPairing::Unchanged { .. } => "unchanged",
            ParagraphPairing::Changed { .. } => "changed",
            ParagraphPairing::Split { .. } => "split",
            ParagraphPairing::Merged { .. } => "merged",
            ParagraphPairing::Moved { .. } => "moved",
            ParagraphPairing::MovedAway { .. } => "moved_away",
            ParagraphPairing::Deleted { .. } => "deleted",
            ParagraphPairing::Inserted { .. } => "inserted",
            ParagraphPairing::Unparagraphed => "unparagraphed",
        }
    }
}

/// Splits text into paragraphs: blocks of non-blank lines separated by blank lines,
/// each trimmed of surrounding whitespace. Returns byte ranges into `text`.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if content.is_empty() {
            paragraphs.extend(current.take());
        } else {
            let start = offset + trimmed_start;
            let end = start + content.len();
            current = Some(match current {
                Some(range) => range.start..end,
                None => start..end,
            });
        }
        offset += line.len();
    }
    paragraphs.extend(current);
    paragraphs
}

/// Result of [`align_paragraphs`].
#[derive(Debug)]
pub struct ParagraphAlignment {
    /// Pairings in reading order.
    pub pairings: Vec<ParagraphPairing>,
    /// True if the deadline passed and some regions were left unaligned.
    pub timed_out: bool,
}

/// Paragraph word bags, sorted, for similarity measures.
struct Bags {
    old: Vec<Vec<u32>>,
    new: Vec<Vec<u32>>,
}

/// The sorted keys of every paragraph of `text` for which `needed` holds (others get none).
fn sorted_keys(text: &KeyedText<'_>, needed: impl Fn(usize) -> bool) -> Vec<Vec<u32>> {
    (0..text.paragraph_count())
        .map(|i| {
            if !needed(i) {
                return Vec::new();
            }
            let mut keys = text.paragraph_keys(i).to_vec();
            keys.sort_unstable();
            keys
        })
        .collect()
}

/// Size of the multiset intersection of two sorted key lists.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    // Without branches on the comparison, which a merge of unrelated bags mispredicts.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        count += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    count
}

fn merged(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut keys = Vec::with_capacity(a.len() + b.len());
    keys.extend_from_slice(a);
    keys.extend_from_slice(b);
    keys.sort_unstable();
    keys
}

fn dice(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * common as f64 / (a + b) as f64
    }
}

/// Common tokens between `whole` and the union of two consecutive paragraphs `first` and
/// `second`, if the three look like a split (or merge): similar overall and each part mostly
/// from `whole`. `both` is the two parts' merged bag, and the `*_common` counts are the parts'
/// intersections with `whole`, which the caller already has.
fn split_score(
    whole: &[u32],
    (first, first_common): (&[u32], usize),
    (second, second_common): (&[u32], usize),
    both: &[u32],
) -> Option<usize> {
    let part_ok = |part: &[u32], common: usize| {
        !part.is_empty() && common as f64 >= SPLIT_CONTAINMENT * part.len() as f64
    };
    if !part_ok(first, first_common) || !part_ok(second, second_common) {
        return None;
    }
    // The union shares at most what the parts share apiece.
    let most = (first_common + second_common).min(whole.len());
    if dice(most, whole.len(), both.len()) < SPLIT_SIMILARITY {
        return None;
    }
    let common = intersection(whole, both);
    (dice(common, whole.len(), both.len()) >= SPLIT_SIMILARITY).then_some(common)
}

/// Aligns the paragraphs of two keyed texts.
pub fn align_paragraphs(
    old: &KeyedText<'_>,
    new: &KeyedText<'_>,
    deadline: Option<Instant>,
) -> ParagraphAlignment {
    let mut ids: FxHashMap<&[u32], u32> = FxHashMap::default();
    let mut id_of = |keys| {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        *ids.entry(keys).or_insert(next)
    };
    let old_ids: Vec<u32> = (0..old.paragraph_count())
        .map(|i| id_of(old.paragraph_keys(i)))
        .collect();
    let new_ids: Vec<u32> = (0..new.paragraph_count())
        .map(|i| id_of(new.paragraph_keys(i)))
        .collect();
    let (m, n) = (old_ids.len(), new_ids.len());
    let small = (m + 1).saturating_mul(n + 1) <= MAX_REGION_CELLS;
    let whole = small.then(|| {
        let bags = Bags {
            old: sorted_keys(old, |_| true),
            new: sorted_keys(new, |_| true),
        };
        let pairings = align_region(&bags, 0..m, 0..n, deadline);
        (bags, pairings)
    });
    if let Some((bags, Some(mut pairings))) = whole {
        // Small enough to align as a whole: the most shared text stays in place.
        for pairing in &mut pairings {
            if let ParagraphPairing::Changed { old, new, .. } = *pairing
                && old_ids[old] == new_ids[new]
            {
                *pairing = ParagraphPairing::Unchanged { old, new };
            }
        }
        detect_moves(&bags, &mut pairings);
        return ParagraphAlignment {
            pairings,
            timed_out: false,
        };
    }
    // Large story: anchor on identical paragraphs first, then align what lies between.
    let ops = capture_diff_slices_deadline(Algorithm::Patience, &old_ids, &new_ids, deadline);
    // Anchored paragraphs are never compared: only those between anchors need their bags.
    let (mut old_between, mut new_between) = (vec![false; m], vec![false; n]);
    for op in ops.iter().filter(|op| !matches!(op, DiffOp::Equal { .. })) {
        old_between[op.old_range()].fill(true);
        new_between[op.new_range()].fill(true);
    }
    let bags = Bags {
        old: sorted_keys(old, |i| old_between[i]),
        new: sorted_keys(new, |j| new_between[j]),
    };
    let mut pairings = Vec::with_capacity(old_ids.len().max(new_ids.len()));
    let mut timed_out = false;
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                pairings.extend((0..len).map(|k| ParagraphPairing::Unchanged {
                    old: old_index + k,
                    new: new_index + k,
                }));
            }
            _ => {
                let aligned = align_region(&bags, op.old_range(), op.new_range(), deadline);
                timed_out |= aligned.is_none();
                pairings.extend(aligned.unwrap_or_else(|| {
                    op.old_range()
                        .map(|old| ParagraphPairing::Deleted { old })
                        .chain(op.new_range().map(|new| ParagraphPairing::Inserted { new }))
                        .collect()
                }));
            }
        }
    }
    detect_moves(&bags, &mut pairings);
    ParagraphAlignment {
        pairings,
        timed_out,
    }
}

/// The step the dynamic programme took to reach a cell.
#[derive(Clone, Copy)]
enum Step {
    Start,
    Delete,
    Insert,
    Pair,
    Split,
    Merge,
}

/// Order-preserving alignment of old paragraphs `olds` with new paragraphs `news`,
/// maximising the number of shared tokens. `None` if the region is too big or time ran out.
fn align_region(
    bags: &Bags,
    olds: Range<usize>,
    news: Range<usize>,
    deadline: Option<Instant>,
) -> Option<Vec<ParagraphPairing>> {
    let (m, n) = (olds.len(), news.len());
    if (m + 1).saturating_mul(n + 1) > MAX_REGION_CELLS {
        return None;
    }
    let old = |i: usize| bags.old[olds.start + i].as_slice();
    let new = |j: usize| bags.new[news.start + j].as_slice();
    // The bags of every two consecutive paragraphs, for splits and merges.
    let old_twos: Vec<Vec<u32>> = (1..m).map(|i| merged(old(i - 1), old(i))).collect();
    let new_twos: Vec<Vec<u32>> = (1..n).map(|j| merged(new(j - 1), new(j))).collect();
    let width = n + 1;
    let mut score = vec![0usize; (m + 1) * width];
    let mut step = vec![Step::Start; (m + 1) * width];
    // `common[j]`: tokens old paragraph i - 1 shares with new paragraph j - 1, for the
    // current row i and (in `previous`) for the row before.
    let mut common = vec![0usize; width];
    let mut previous = vec![0usize; width];
    for i in 0..=m {
        if deadline.is_some_and(|d| Instant::now() > d) {
            return None;
        }
        std::mem::swap(&mut common, &mut previous);
        for j in 0..=n {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (0, Step::Start);
            let mut consider = |value: usize, s: Step| {
                if value > best.0 || matches!(best.1, Step::Start) {
                    best = (value, s);
                }
            };
            if i > 0 {
                consider(score[(i - 1) * width + j], Step::Delete);
            }
            if j > 0 {
                consider(score[i * width + j - 1], Step::Insert);
            }
            if i > 0 && j > 0 {
                let shared = intersection(old(i - 1), new(j - 1));
                common[j] = shared;
                if dice(shared, old(i - 1).len(), new(j - 1).len()) >= PAIR_SIMILARITY {
                    consider(score[(i - 1) * width + j - 1] + shared, Step::Pair);
                }
            }
            if i > 0
                && j > 1
                && let Some(shared) = split_score(
                    old(i - 1),
                    (new(j - 2), common[j - 1]),
                    (new(j - 1), common[j]),
                    &new_twos[j - 2],
                )
            {
                consider(score[(i - 1) * width + j - 2] + shared, Step::Split);
            }
            if i > 1
                && j > 0
                && let Some(shared) = split_score(
                    new(j - 1),
                    (old(i - 2), previous[j]),
                    (old(i - 1), common[j]),
                    &old_twos[i - 2],
                )
            {
                consider(score[(i - 2) * width + j - 1] + shared, Step::Merge);
            }
            score[i * width + j] = best.0;
            step[i * width + j] = best.1;
        }
    }
    let mut reversed = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        let (o, w) = (olds.start, news.start);
        match step[i * width + j] {
            Step::Start => break,
            Step::Delete => {
                reversed.push(ParagraphPairing::Deleted { old: o + i - 1 });
                i -= 1;
            }
            Step::Insert => {
                reversed.push(ParagraphPairing::Inserted { new: w + j - 1 });
                j -= 1;
            }
            Step::Pair => {
                let common = intersection(old(i - 1), new(j - 1));
                reversed.push(ParagraphPairing::Changed {
                    old: o + i - 1,
                    new: w + j - 1,
                    similarity: dice(common, old(i - 1).len(), new(j - 1).len()),
                });
                i -= 1;
                j -= 1;
            }
            Step::Split => {
                reversed.push(ParagraphPairing::Split {
                    old: o + i - 1,
                    new: w + j - 2..w + j,
                });
                i -= 1;
                j -= 2;
            }
            Step::Merge => {
                reversed.push(ParagraphPairing::Merged {
                    old: o + i - 2..o + i,
                    new: w + j - 1,
                });
                i -= 2;
                j -= 1;
            }
        }
    }
    reversed.reverse();
    Some(reversed)
}

/// Turns deleted/inserted paragraph pairs that are similar enough into moves.
fn detect_moves(bags: &Bags, pairings: &mut [ParagraphPairing]) {
    let deleted: Vec<(usize, usize)> = pairings
        .iter()
        .enumerate()
        .filter_map(|(at, p)| match p {
            ParagraphPairing::Deleted { old } => Some((at, *old)),
            _ => None,
        })
        .collect();
    let inserted: Vec<(usize, usize)> = pairings
        .iter()
        .enumerate()
        .filter_map(|(at, p)| match p {
            ParagraphPairing::Inserted { new } => Some((at, *new)),
            _ => None,
        })
        .collect();
    if deleted.is_empty()
        || inserted.is_empty()
        || deleted.len().saturating_mul(inserted.len()) > MAX_MOVE_CANDIDATES
    {
        return;
    }
    let old_bags: Vec<&[u32]> = deleted.iter().map(|&(_, old)| &bags.old[old][..]).collect();
    let new_bags: Vec<&[u32]> = inserted
        .iter()
        .map(|&(_, new)| &bags.new[new][..])
        .collect();
    let shared = shared_tokens(&old_bags, &new_bags);
    let mut candidates = Vec::new();
    for (d, a) in old_bags.iter().enumerate() {
        for (i, b) in new_bags.iter().enumerate() {
            let common = shared[d * new_bags.len() + i] as usize;
            let similarity = dice(common, a.len(), b.len());
            if similarity >= MOVE_SIMILARITY {
                candidates.push((similarity, d, i));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_deleted = vec![false; deleted.len()];
    let mut used_inserted = vec![false; inserted.len()];
    for (similarity, d, i) in candidates {
        if used_deleted[d] || used_inserted[i] {
            continue;
        }
        used_deleted[d] = true;
        used_inserted[i] = true;
        let (deleted_at, old) = deleted[d];
        let (inserted_at, new) = inserted[i];
        pairings[deleted_at] = ParagraphPairing::MovedAway { old, new };
        pairings[inserted_at] = ParagraphPairing::Moved {
            old,
            new,
            similarity,
        };
    }
}

/// Number of the most widespread keys whose counts [`shared_tokens`] keeps per bag.
const DENSE_KEYS: usize = 64;

/// The size of the multiset intersection of every deleted bag with every inserted one, row by
/// row (`shared[d * new_bags.len() + i]`), without merging every pair of bags.
///
/// The [`DENSE_KEYS`] keys found in most bags are counted in a small fixed array per bag, whose
/// elementwise minimum is cheap; every other key is rare, and is matched through an index of
/// the inserted bags that hold it. The two parts add up to the exact intersection.
fn shared_tokens(old_bags: &[&[u32]], new_bags: &[&[u32]]) -> Vec<u32> {
    // In how many bags each key occurs.
    let mut spread: FxHashMap<u32, u32> = FxHashMap::default();
    for bag in old_bags.iter().chain(new_bags) {
        for (at, &key) in bag.iter().enumerate() {
            if at == 0 || bag[at - 1] != key {
                *spread.entry(key).or_insert(0) += 1;
            }
        }
    }
    let mut widespread: Vec<(u32, u32)> = spread
        .into_iter()
        .filter(|&(_, bags)| bags > 1)
        .map(|(key, bags)| (bags, key))
        .collect();
    widespread.sort_unstable_by(|a, b| b.cmp(a));
    let slots: FxHashMap<u32, usize> = widespread
        .iter()
        .take(DENSE_KEYS)
        .enumerate()
        .map(|(slot, &(_, key))| (key, slot))
        .collect();
    // Each bag as its widespread key counts and its other keys with their counts.
    let split = |bag: &[u32]| {
        let mut dense = [0u16; DENSE_KEYS];
        let mut rare: Vec<(u32, u32)> = Vec::new();
        for &key in bag {
            match slots.get(&key) {
                Some(&slot) => dense[slot] = dense[slot].saturating_add(1),
                None => match rare.last_mut() {
                    Some((last, count)) if *last == key => *count += 1,
                    _ => rare.push((key, 1)),
                },
            }
        }
        (dense, rare)
    };
    let olds: Vec<_> = old_bags.iter().map(|bag| split(bag)).collect();
    let news: Vec<_> = new_bags.iter().map(|bag| split(bag)).collect();
    let mut holders: FxHashMap<u32, Vec<(usize, u32)>> = FxHashMap::default();
    for (i, (_, rare)) in news.iter().enumerate() {
        for &(key, count) in rare {
            holders.entry(key).or_default().push((i, count));
        }
    }
    let width = new_bags.len();
    let mut shared = vec![0u32; olds.len() * width];
    for (d, (old_dense, old_rare)) in olds.iter().enumerate() {
        let row = &mut shared[d * width..(d + 1) * width];
        for &(key, count) in old_rare {
            for &(i, other) in holders.get(&key).map_or(&[][..], Vec::as_slice) {
                row[i] += count.min(other);
            }
        }
        for ((new_dense, _), cell) in news.iter().zip(row.iter_mut()) {
            let dense: u32 = old_dense
                .iter()
                .zip(new_dense)
                .map(|(a, b)| u32::from(*a.min(b)))
                .sum();
            *cell += dense;
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DiffOptions;
    use crate::words::KeyInterner;

    fn align(old: &str, new: &str) -> Vec<ParagraphPairing> {
        let mut interner = KeyInterner::new(&DiffOptions::default());
        let o = KeyedText::new(old, &split_paragraphs(old), &mut interner);
        let n = KeyedText::new(new, &split_paragraphs(new), &mut interner);
        align_paragraphs(&o, &n, None).pairings
    }

    proptest::proptest! {
        #[test]
        fn shared_tokens_are_the_intersections(
            // Keys 0..200 in bags of up to 60: some widespread, most rare, some repeated.
            old in proptest::collection::vec(proptest::collection::vec(0u32..200, 0..60), 1..12),
            new in proptest::collection::vec(proptest::collection::vec(0u32..200, 0..60), 1..12),
        ) {
            let sorted = |bags: Vec<Vec<u32>>| -> Vec<Vec<u32>> {
                bags.into_iter().map(|mut b| { b.sort_unstable(); b }).collect()
            };
            let (old, new) = (sorted(old), sorted(new));
            let old_bags: Vec<&[u32]> = old.iter().map(Vec::as_slice).collect();
            let new_bags: Vec<&[u32]> = new.iter().map(Vec::as_slice).collect();
            let shared = shared_tokens(&old_bags, &new_bags);
            for (d, a) in old_bags.iter().enumerate() {
                for (i, b) in new_bags.iter().enumerate() {
                    proptest::prop_assert_eq!(
                        shared[d * new_bags.len() + i] as usize,
                        intersection(a, b)
                    );
                }
            }
        }
    }

    #[test]
    fn intersection_counts_repeats_once_per_pair() {
        assert_eq!(intersection(&[1, 1, 2, 5, 9], &[1, 2, 2, 5, 7, 9, 9]), 4);
        assert_eq!(intersection(&[], &[3]), 0);
    }

    #[test]
    fn splits_on_blank_lines_and_trims() {
        let text = "\n  First line\nsecond line  \n \n\nThird\n";
        let ranges = split_paragraphs(text);
        let parts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, vec!["First line\nsecond line", "Third"]);
        assert!(split_paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn recognises_split_merge_and_move() {
        let old = "Alpha beta gamma delta. Epsilon zeta eta theta.\n\nOne two three four five.\n\nSix seven eight nine ten.\n\nRed green blue. Cyan magenta.";
        let new = "Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n\nSix seven eight nine ten.\n\nRed green blue cyan magenta.\n\nOne two three four five.";
        let names: Vec<&str> = align(old, new).iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            vec!["split", "moved_away", "unchanged", "changed", "moved"]
        );
        let merged = align(new, old);
        assert_eq!(merged[0].name(), "merged");
    }
}
