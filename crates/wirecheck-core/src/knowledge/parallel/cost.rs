//! What a bead costs: the negative log-probability of its kind (Gale–Church's priors), of the
//! translation's length given the original's (Gale–Church's Gaussian, as a density so that beads
//! of different sizes compare), and the evidence of the anchors the two sides share.
//!
//! The model is Moore's (2002) generative one: every original unit has its own length whatever
//! bead it is in (so its probability is the same in every alignment and left out), and every
//! translation unit is either generated from the original units it is matched with (the
//! Gaussian) or, when added, from the length distribution of the translation's units. That is
//! what makes a long paragraph that is missing come out as dropped, not merged with its
//! neighbour: merging would ask one translated paragraph to be twice its expected length.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::AlignUnit;

/// The kinds of bead, as (original units, translation units), with their Gale–Church priors
/// (1993, table 5; the shares of 1-0 and 0-1, and of 2-1 and 1-2, split evenly).
pub(super) const KINDS: [(usize, usize, f64); 6] = [
    (1, 1, 0.89),
    (1, 0, 0.0049),
    (0, 1, 0.0049),
    (2, 1, 0.0445),
    (1, 2, 0.0445),
    (2, 2, 0.011),
];

/// The variance of a translation's length per unit of the original's, in English letters.
/// Gale and Church measured 6.8 between English, French and German; lengths weighed across
/// scripts (and paragraphs re-cut by a translator) vary more, and a wider model is the one that
/// cries wolf less: it makes a dropped paragraph need clearer evidence.
const VARIANCE_PER_LETTER: f64 = 12.0;

/// The log-likelihood ratio of one anchor shared by the two sides of a bead, when the anchor is
/// found in one unit of each side: a number or a name seen on both sides is strong evidence the
/// two say the same thing. An anchor found in several units weighs proportionally less.
const SHARED_ANCHOR: f64 = 3.0;

/// The costs of every bead of one pair of sequences.
pub(super) struct Model<'a> {
    original: &'a [AlignUnit],
    translation: &'a [AlignUnit],
    /// Translation length per original letter (the pair's own ratio).
    ratio: f64,
    /// −ln of each kind's prior, in the order of [`KINDS`].
    priors: [f64; 6],
    /// The mean length of a unit, in original letters, for the units added in translation.
    mean_length: f64,
    /// What a shared anchor is worth, by its value.
    anchor_weight: FxHashMap<u64, f64>,
    /// Each unit's anchors, sorted.
    original_anchors: Vec<Vec<u64>>,
    translation_anchors: Vec<Vec<u64>>,
}

impl<'a> Model<'a> {
    /// The model of a pair, with `ratio` the translation's length per original letter.
    pub(super) fn new(original: &'a [AlignUnit], translation: &'a [AlignUnit], ratio: f64) -> Self {
        let sorted = |units: &[AlignUnit]| -> Vec<Vec<u64>> {
            units
                .iter()
                .map(|unit| {
                    let mut anchors = unit.anchors.clone();
                    anchors.sort_unstable();
                    anchors
                })
                .collect()
        };
        let original_anchors = sorted(original);
        let translation_anchors = sorted(translation);
        // In how many units of each side an anchor is found: the more, the less it tells.
        let mut units_with: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
        for anchors in &original_anchors {
            for anchor in distinct(anchors) {
                units_with.entry(anchor).or_default().0 += 1;
            }
        }
        for anchors in &translation_anchors {
            for anchor in distinct(anchors) {
                units_with.entry(anchor).or_default().1 += 1;
            }
        }
        let anchor_weight = units_with
            .into_iter()
            .filter(|(_, (o, t))| *o > 0 && *t > 0)
            .map(|(anchor, (o, t))| (anchor, SHARED_ANCHOR / o.max(t) as f64))
            .collect();
        let total: usize = original.iter().map(|u| u.length).sum();
        let units = (original.len() + translation.len()).max(1);
        Self {
            original,
            translation,
            ratio,
            priors: KINDS.map(|(_, _, p)| -p.ln()),
            // Both sides count, the translation's in original letters (together twice the total).
            mean_length: (2.0 * total as f64 / units as f64).max(1.0),
            anchor_weight,
            original_anchors,
            translation_anchors,
        }
    }

    /// The cost of the bead of kind `kind` (an index into [`KINDS`]) that ends before original
    /// unit `i` and translation unit `j`.
    pub(super) fn cost(&self, kind: usize, i: usize, j: usize) -> f64 {
        let (di, dj, _) = KINDS[kind];
        let original = &self.original[i - di..i];
        let translation = &self.translation[j - dj..j];
        let prior = self.priors[kind];
        // Lengths in original letters, never zero: an empty unit still is one.
        let source: f64 = original.iter().map(|u| u.length.max(1) as f64).sum();
        let target: f64 = translation
            .iter()
            .map(|u| u.length.max(1) as f64 / self.ratio)
            .sum();
        match (di, dj) {
            (_, 0) => prior,
            (0, _) => prior + self.mean_length.ln() + target / self.mean_length,
            _ => {
                let variance = VARIANCE_PER_LETTER * (source + target) / 2.0;
                let gaussian = 0.5 * (2.0 * std::f64::consts::PI * variance).ln()
                    + (target - source).powi(2) / (2.0 * variance);
                // Two translation units: where the one ends and the other begins is one more
                // length to generate, uniform over the total.
                let split = if dj > 1 { target.ln() } else { 0.0 };
                prior + gaussian + split - self.shared_anchors(i - di..i, j - dj..j)
            }
        }
    }

    /// The weight of the anchors units `original` and `translation` have in common, each
    /// occurrence matched at most once.
    fn shared_anchors(&self, original: Range<usize>, translation: Range<usize>) -> f64 {
        if self.anchor_weight.is_empty() {
            return 0.0;
        }
        let a = merged(&self.original_anchors[original]);
        let b = merged(&self.translation_anchors[translation]);
        let (mut x, mut y, mut weight) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    weight += self.anchor_weight.get(&a[x]).copied().unwrap_or(0.0);
                    x += 1;
                    y += 1;
                }
            }
        }
        weight
    }
}

/// The anchors of one or two units, sorted: the unit's own list when there is one.
fn merged(lists: &[Vec<u64>]) -> Cow<'_, [u64]> {
    match lists {
        [one] => Cow::Borrowed(one),
        _ => {
            let mut all: Vec<u64> = lists.iter().flatten().copied().collect();
            all.sort_unstable();
            Cow::Owned(all)
        }
    }
}

/// The distinct values of a sorted list.
fn distinct(sorted: &[u64]) -> impl Iterator<Item = u64> + '_ {
    sorted
        .iter()
        .enumerate()
        .filter(|&(k, v)| k == 0 || sorted[k - 1] != *v)
        .map(|(_, v)| *v)
}
