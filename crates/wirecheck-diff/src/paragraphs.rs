//! Paragraph alignment: which old paragraphs became which new ones.
//!
//! Paragraphs are aligned in order by dynamic programming that maximises the number of
//! shared tokens, over a word-bag similarity (Dice coefficient) of case-folded words, allowing
//! one-to-one pairs, splits (one old paragraph became two to four consecutive new ones) and
//! merges (two to four became one). Long stories are first cut into small regions between
//! anchors ([`anchors`](super::anchors)), and only the regions go through the dynamic
//! programme. Paragraphs still unmatched at the end are paired across the whole story when
//! they are similar enough: those are moves, paragraphs whose order really changed.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::anchors;
use super::words::KeyedText;

/// Least Dice similarity for an edited old paragraph to pair with a new one in place.
const PAIR_SIMILARITY: f64 = 0.35;
/// Least Dice similarity between a paragraph and the two it was split into or merged from.
const SPLIT_SIMILARITY: f64 = 0.5;
/// Least share of each part of a split or merge that must come from the other side.
const SPLIT_CONTAINMENT: f64 = 0.5;
/// Least Dice similarity for a deleted and an inserted paragraph to count as a move.
const MOVE_SIMILARITY: f64 = 0.6;
/// Largest region (old × new paragraphs) aligned by dynamic programming in one piece.
const MAX_REGION_CELLS: usize = 40_000;
/// Most paragraphs one paragraph may be split into or merged from.
const MAX_PARTS: usize = 4;
/// Least Dice similarity for the first paragraphs of both versions to pair.
const FIRST_PAIR_SIMILARITY: f64 = 0.25;
/// Least Dice similarity of an anchor pair.
const ANCHOR_SIMILARITY: f64 = 0.5;
/// What one sure pairing (a similar pair, a split or a merge) is worth in the dynamic
/// programme, in shared tokens: more than any paragraph's tokens, so the number of sure
/// pairings comes first. A split counts once, as a pair does: joining a paragraph that a pair
/// and a deletion also explain gains nothing.
const PARAGRAPH_WEIGHT: usize = 1 << 24;
/// Paragraphs in a piece of a region that no anchor divides.
const CHUNK: usize = 150;
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

fn dice(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * common as f64 / (a + b) as f64
    }
}

/// Common tokens between `whole` and the union `union` of consecutive paragraphs `parts`, if
/// they look like a split (or merge): similar overall, each part mostly from `whole`, and each
/// part bringing text of its own rather than words the other parts match too (a headline
/// whose few words recur in the lead is not merged into it). Each part comes with its
/// intersection with `whole`, which the caller already has.
fn split_score(whole: &[u32], parts: &[(&[u32], usize)], union: &[u32]) -> Option<usize> {
    let carries = |part: &[u32], common: usize| {
        !part.is_empty() && common as f64 >= SPLIT_CONTAINMENT * part.len() as f64
    };
    if !parts.iter().all(|&(part, common)| carries(part, common)) {
        return None;
    }
    let sum: usize = parts.iter().map(|&(_, common)| common).sum();
    // The union shares at most what the parts share apiece.
    if dice(sum.min(whole.len()), whole.len(), union.len()) < SPLIT_SIMILARITY {
        return None;
    }
    let common = intersection(whole, union);
    if dice(common, whole.len(), union.len()) < SPLIT_SIMILARITY {
        return None;
    }
    // What `whole` shares with the union beyond what the other parts could account for.
    let own_share_ok = parts
        .iter()
        .all(|&(part, own)| carries(part, common.saturating_sub(sum - own)));
    own_share_ok.then_some(common)
}

/// Aligns the paragraphs of two keyed texts. `folds` maps every key to its case-folded key
/// (see [`KeyInterner::case_folds`](super::words::KeyInterner::case_folds)): pairing compares
/// folded words, so that a headline in Title Case still pairs with its sentence-case version.
///
/// A story small enough is aligned as a whole by dynamic programming. A longer one is first
/// anchored on identical paragraphs (patience diff); what lies between is cut between
/// consecutive anchors (see [`anchors`](super::anchors)), recursively, into regions
/// small enough for the dynamic programme; a region no anchor divides is cut in proportional
/// chunks. The work is about linear in the paragraphs for monotone text. `timed_out` is set
/// only when `deadline` passed.
pub fn align_paragraphs(
    old: &KeyedText<'_>,
    new: &KeyedText<'_>,
    folds: &[u32],
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
    // A long story is first anchored on identical paragraphs (patience diff), cheaply: only
    // the paragraphs between them need bags, sketches and the finer alignment.
    let ops = if small {
        vec![DiffOp::Replace {
            old_index: 0,
            old_len: m,
            new_index: 0,
            new_len: n,
        }]
    } else {
        capture_diff_slices_deadline(Algorithm::Patience, &old_ids, &new_ids, deadline)
    };
    let (mut old_between, mut new_between) = (vec![false; m], vec![false; n]);
    for op in ops.iter().filter(|op| !matches!(op, DiffOp::Equal { .. })) {
        old_between[op.old_range()].fill(true);
        new_between[op.new_range()].fill(true);
    }
    let fold = |key: &u32| folds.get(*key as usize).copied().unwrap_or(*key);
    let folded = |text: &KeyedText<'_>, needed: &[bool]| -> Vec<Vec<u32>> {
        (0..text.paragraph_count())
            .map(|i| {
                if needed[i] {
                    text.paragraph_keys(i).iter().map(fold).collect()
                } else {
                    Vec::new()
                }
            })
            .collect()
    };
    let (old_keys, new_keys) = (folded(old, &old_between), folded(new, &new_between));
    let sorted = |keys: &[Vec<u32>]| -> Vec<Vec<u32>> {
        keys.iter()
            .map(|k| {
                let mut k = k.clone();
                k.sort_unstable();
                k
            })
            .collect()
    };
    let bags = Bags {
        old: sorted(&old_keys),
        new: sorted(&new_keys),
    };
    let features = if small {
        (Vec::new(), Vec::new())
    } else {
        let sketch = |keys: &[Vec<u32>]| -> Vec<Vec<u64>> {
            keys.iter().map(|k| anchors::features(k)).collect()
        };
        (sketch(&old_keys), sketch(&new_keys))
    };
    let mut pairings = Vec::with_capacity(m.max(n));
    let mut timed_out = false;
    for op in ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            pairings.extend((0..len).map(|k| ParagraphPairing::Unchanged {
                old: old_index + k,
                new: new_index + k,
            }));
            continue;
        }
        let mut regions = Vec::new();
        cut_regions(
            &bags,
            &features,
            op.old_range(),
            op.new_range(),
            0,
            &mut regions,
        );
        for (olds, news) in regions {
            match align_region(&bags, olds.clone(), news.clone(), deadline) {
                Some(aligned) => pairings.extend(aligned),
                None => {
                    timed_out = true;
                    pairings.extend(olds.map(|old| ParagraphPairing::Deleted { old }));
                    pairings.extend(news.map(|new| ParagraphPairing::Inserted { new }));
                }
            }
        }
    }
    for pairing in &mut pairings {
        if let ParagraphPairing::Changed { old, new, .. } = *pairing
            && old_ids[old] == new_ids[new]
        {
            *pairing = ParagraphPairing::Unchanged { old, new };
        }
    }
    detect_moves(&bags, &mut pairings);
    ParagraphAlignment {
        pairings,
        timed_out,
    }
}

/// Deepest recursion of [`cut_regions`] before it falls back to proportional chunks.
const MAX_CUT_DEPTH: usize = 4;

/// Cuts old paragraphs `olds` and new paragraphs `news` into consecutive regions small enough
/// for [`align_region`], pushed to `out` in order.
///
/// Cuts fall between two consecutive anchors `(i, j)` and `(i + 1, j + 1)`: nothing can be
/// split or merged across such a cut, since both sides of it pair one to one. Inside a region
/// still too big the anchors are sought again: features unique there may not be unique in the
/// whole story, as in histogram diff.
fn cut_regions(
    bags: &Bags,
    features: &(Vec<Vec<u64>>, Vec<Vec<u64>>),
    olds: Range<usize>,
    news: Range<usize>,
    depth: usize,
    out: &mut Vec<(Range<usize>, Range<usize>)>,
) {
    if (olds.len() + 1).saturating_mul(news.len() + 1) <= MAX_REGION_CELLS {
        out.push((olds, news));
        return;
    }
    let chain = if depth < MAX_CUT_DEPTH {
        anchors::anchor_chain(
            &features.0,
            &features.1,
            olds.clone(),
            news.clone(),
            |i, j| {
                let (a, b) = (&bags.old[i], &bags.new[j]);
                dice(intersection(a, b), a.len(), b.len()) >= ANCHOR_SIMILARITY
            },
        )
    } else {
        Vec::new()
    };
    let cuts: Vec<(usize, usize)> = chain
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1 && w[1].1 == w[0].1 + 1)
        .map(|w| w[1])
        .collect();
    if cuts.is_empty() {
        // No anchor divides the region: align it in proportional pieces.
        let pieces = olds.len().max(news.len()).div_ceil(CHUNK).max(1);
        let at = |range: &Range<usize>, k: usize| range.start + range.len() * k / pieces;
        for k in 0..pieces {
            out.push((
                at(&olds, k)..at(&olds, k + 1),
                at(&news, k)..at(&news, k + 1),
            ));
        }
        return;
    }
    let (mut i, mut j) = (olds.start, news.start);
    for (ci, cj) in cuts
        .into_iter()
        .chain(std::iter::once((olds.end, news.end)))
    {
        cut_regions(bags, features, i..ci, j..cj, depth + 1, out);
        (i, j) = (ci, cj);
    }
}

/// The step the dynamic programme took to reach a cell.
#[derive(Clone, Copy)]
enum Step {
    Start,
    Delete,
    Insert,
    Pair,
    /// One old paragraph became this many new ones.
    Split(usize),
    /// This many old paragraphs became one new one.
    Merge(usize),
}

/// The merged bags of every `k` consecutive paragraphs, for `k` in `2..=MAX_PARTS`:
/// `groups[k - 2][start]`.
fn groups<'b>(count: usize, bag: impl Fn(usize) -> &'b [u32]) -> Vec<Vec<Vec<u32>>> {
    (2..=MAX_PARTS)
        .map(|k| {
            (0..(count + 1).saturating_sub(k))
                .map(|start| {
                    let mut keys: Vec<u32> = (start..start + k).flat_map(&bag).copied().collect();
                    keys.sort_unstable();
                    keys
                })
                .collect()
        })
        .collect()
}

/// Order-preserving alignment of old paragraphs `olds` with new paragraphs `news`,
/// maximising the number of paragraphs surely paired (so that a paragraph moved past a few
/// short ones is the one reported moved, not the short ones), then the shared tokens.
/// `None` if time ran out.
fn align_region(
    bags: &Bags,
    olds: Range<usize>,
    news: Range<usize>,
    deadline: Option<Instant>,
) -> Option<Vec<ParagraphPairing>> {
    let (m, n) = (olds.len(), news.len());
    let old = |i: usize| bags.old[olds.start + i].as_slice();
    let new = |j: usize| bags.new[news.start + j].as_slice();
    let pair_threshold = |i: usize, j: usize| {
        // The first paragraphs of both versions (headline, dateline) are short, so their
        // similarity is noisy: they pair with each other on less.
        if olds.start + i == 0 && news.start + j == 0 {
            FIRST_PAIR_SIMILARITY
        } else {
            PAIR_SIMILARITY
        }
    };
    let old_groups = groups(m, old);
    let new_groups = groups(n, new);
    let width = n + 1;
    let mut score = vec![0usize; (m + 1) * width];
    let mut step = vec![Step::Start; (m + 1) * width];
    // `rows[i % MAX_PARTS][j]`: tokens old paragraph i - 1 shares with new paragraph j - 1,
    // for the current row i and the rows before it that merges need.
    let mut rows = vec![vec![0usize; width]; MAX_PARTS];
    for i in 0..=m {
        if deadline.is_some_and(|d| Instant::now() > d) {
            return None;
        }
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
                rows[i % MAX_PARTS][j] = shared;
                let similarity = dice(shared, old(i - 1).len(), new(j - 1).len());
                if similarity >= pair_threshold(i - 1, j - 1) {
                    // Only a sure pair counts as paired paragraphs: a weak one must not win
                    // over a split or a move by number alone.
                    let weight = if similarity >= MOVE_SIMILARITY {
                        2 * PARAGRAPH_WEIGHT
                    } else {
                        0
                    };
                    consider(score[(i - 1) * width + j - 1] + weight + shared, Step::Pair);
                }
            }
            let mut parts: [(&[u32], usize); MAX_PARTS] = [(&[], 0); MAX_PARTS];
            for k in 2..=MAX_PARTS {
                if i > 0 && j >= k {
                    for (slot, at) in parts.iter_mut().zip(j - k..j) {
                        *slot = (new(at), rows[i % MAX_PARTS][at + 1]);
                    }
                    let union = &new_groups[k - 2][j - k];
                    if let Some(shared) = split_score(old(i - 1), &parts[..k], union) {
                        let value = 2 * PARAGRAPH_WEIGHT + shared;
                        consider(score[(i - 1) * width + j - k] + value, Step::Split(k));
                    }
                }
                if j > 0 && i >= k {
                    for (slot, at) in parts.iter_mut().zip(i - k..i) {
                        *slot = (old(at), rows[(at + 1) % MAX_PARTS][j]);
                    }
                    let union = &old_groups[k - 2][i - k];
                    if let Some(shared) = split_score(new(j - 1), &parts[..k], union) {
                        let value = 2 * PARAGRAPH_WEIGHT + shared;
                        consider(score[(i - k) * width + j - 1] + value, Step::Merge(k));
                    }
                }
            }
            score[i * width + j] = best.0;
            step[i * width + j] = best.1;
        }
    }
    let mut reversed = Vec::new();
    let (mut i, mut j) = (m, n);
    let (o, w) = (olds.start, news.start);
    while i > 0 || j > 0 {
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
            Step::Split(k) => {
                reversed.push(ParagraphPairing::Split {
                    old: o + i - 1,
                    new: w + j - k..w + j,
                });
                i -= 1;
                j -= k;
            }
            Step::Merge(k) => {
                reversed.push(ParagraphPairing::Merged {
                    old: o + i - k..o + i,
                    new: w + j - 1,
                });
                i -= k;
                j -= 1;
            }
        }
    }
    reversed.reverse();
    Some(reversed)
}

/// Turns deleted/inserted paragraph pairs that are similar enough into moves.
///
/// A weak in-place pair (less similar than a move must be) is open to moves too: when the
/// in-order alignment paired a moved paragraph's old place with an unrelated paragraph
/// sharing only common words, the move wins and the unrelated one stands alone.
fn detect_moves(bags: &Bags, pairings: &mut Vec<ParagraphPairing>) {
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    for (at, pairing) in pairings.iter().enumerate() {
        match *pairing {
            ParagraphPairing::Deleted { old } => deleted.push((at, old)),
            ParagraphPairing::Inserted { new } => inserted.push((at, new)),
            ParagraphPairing::Changed {
                old,
                new,
                similarity,
            } if similarity < MOVE_SIMILARITY => {
                deleted.push((at, old));
                inserted.push((at, new));
            }
            _ => {}
        }
    }
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
    if candidates.is_empty() {
        return;
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_deleted = vec![false; deleted.len()];
    let mut used_inserted = vec![false; inserted.len()];
    // What the old and the new side of a pairing became, by its position.
    let mut old_side: FxHashMap<usize, ParagraphPairing> = FxHashMap::default();
    let mut new_side: FxHashMap<usize, ParagraphPairing> = FxHashMap::default();
    for (similarity, d, i) in candidates {
        if used_deleted[d] || used_inserted[i] {
            continue;
        }
        used_deleted[d] = true;
        used_inserted[i] = true;
        let (deleted_at, old) = deleted[d];
        let (inserted_at, new) = inserted[i];
        old_side.insert(deleted_at, ParagraphPairing::MovedAway { old, new });
        new_side.insert(
            inserted_at,
            ParagraphPairing::Moved {
                old,
                new,
                similarity,
            },
        );
    }
    let before = std::mem::take(pairings);
    for (at, pairing) in before.into_iter().enumerate() {
        let (gone, came) = (old_side.remove(&at), new_side.remove(&at));
        match pairing {
            ParagraphPairing::Changed { old, new, .. } if gone.is_some() || came.is_some() => {
                pairings.push(gone.unwrap_or(ParagraphPairing::Deleted { old }));
                pairings.push(came.unwrap_or(ParagraphPairing::Inserted { new }));
            }
            ParagraphPairing::Deleted { .. } if gone.is_some() => pairings.extend(gone),
            ParagraphPairing::Inserted { .. } if came.is_some() => pairings.extend(came),
            other => pairings.push(other),
        }
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
        align_paragraphs(&o, &n, &interner.case_folds(), None).pairings
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
