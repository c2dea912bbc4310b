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

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::AlignUnit;

/// The kinds of bead, as (original units, translation units), with their Gale–Church priors
/// (1993, table 5; the shares of 1-0 and 0-1, and of 2-1 and 1-2, split evenly). No 2-2: two
/// paragraphs re-cut into two are rare in wire translation, and such a bead would hide a
/// paragraph dropped beside one added.
pub(super) const KINDS: [(usize, usize, f64); 5] = [
    (1, 1, 0.89),
    (1, 0, 0.0049),
    (0, 1, 0.0049),
    (2, 1, 0.0445),
    (1, 2, 0.0445),
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

/// What an anchor of one side of a bead missing from its other side costs, as a share of what
/// sharing it is worth: a translator rewrites a number now and then ("three" for 3), so missing
/// weighs less than shared.
const UNSHARED_ANCHOR: f64 = 1.0;

/// What the costs of a pair need that does not depend on the ratio, worked out once.
pub(super) struct Prepared {
    original: Side,
    translation: Side,
    /// What a shared anchor is worth, by its dense id.
    weights: Vec<f64>,
    /// The mean length of a unit, in original letters, for the units added in translation.
    mean_length: f64,
    /// Its logarithm.
    ln_mean_length: f64,
}

/// One side's units: their lengths and the anchors they share with the other side.
struct Side {
    /// The sum of the lengths of the units before each (an empty unit still counts one).
    before: Vec<f64>,
    /// Each unit's anchors found on the other side too, as dense ids, sorted.
    anchors: Vec<Vec<u32>>,
    /// The same of each unit and the next together.
    pair_anchors: Vec<Vec<u32>>,
}

impl Side {
    /// The anchors of `units` (one or two units; none for none).
    fn anchors(&self, units: Range<usize>) -> &[u32] {
        match units.len() {
            1 => &self.anchors[units.start],
            2 => &self.pair_anchors[units.start],
            _ => &[],
        }
    }

    fn length(&self, units: Range<usize>) -> f64 {
        self.before[units.end] - self.before[units.start]
    }
}

impl Prepared {
    pub(super) fn new(original: &[AlignUnit], translation: &[AlignUnit]) -> Self {
        // In how many units of each side an anchor is found: the more, the less it tells.
        let mut units_with: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
        for unit in original {
            for anchor in distinct(&unit.anchors) {
                units_with.entry(anchor).or_default().0 += 1;
            }
        }
        for unit in translation {
            for anchor in distinct(&unit.anchors) {
                units_with.entry(anchor).or_default().1 += 1;
            }
        }
        // Only anchors of both sides can be shared; each gets a dense id, in order of value.
        let mut shared: Vec<(u64, usize)> = units_with
            .into_iter()
            .filter(|(_, (o, t))| *o > 0 && *t > 0)
            .map(|(anchor, (o, t))| (anchor, o.max(t)))
            .collect();
        shared.sort_unstable();
        let ids: FxHashMap<u64, u32> = shared
            .iter()
            .enumerate()
            .map(|(id, (anchor, _))| (*anchor, id as u32))
            .collect();
        let weights = shared
            .iter()
            .map(|(_, units)| SHARED_ANCHOR / *units as f64)
            .collect();
        let side = |units: &[AlignUnit]| -> Side {
            let anchors: Vec<Vec<u32>> = units
                .iter()
                .map(|unit| {
                    let mut own: Vec<u32> = unit
                        .anchors
                        .iter()
                        .filter_map(|anchor| ids.get(anchor).copied())
                        .collect();
                    own.sort_unstable();
                    own
                })
                .collect();
            let pair_anchors = anchors
                .windows(2)
                .map(|two| {
                    let mut both = [two[0].as_slice(), two[1].as_slice()].concat();
                    both.sort_unstable();
                    both
                })
                .collect();
            Side {
                before: std::iter::once(0.0)
                    .chain(units.iter().scan(0.0, |sum, u| {
                        *sum += u.length.max(1) as f64;
                        Some(*sum)
                    }))
                    .collect(),
                anchors,
                pair_anchors,
            }
        };
        let total: usize = original.iter().map(|u| u.length).sum();
        let units = (original.len() + translation.len()).max(1);
        // Both sides count, the translation's in original letters (together twice the total).
        let mean_length = (2.0 * total as f64 / units as f64).max(1.0);
        Self {
            original: side(original),
            translation: side(translation),
            weights,
            mean_length,
            ln_mean_length: mean_length.ln(),
        }
    }

    /// The evidence of the anchors of original `units` and translation `counterparts`: the weight
    /// of those they have in common (each occurrence matched at most once), less the weight of
    /// those either has without the other, which the other side has elsewhere: "2027" in an
    /// original paragraph and in another translated paragraph than its pair says the pair is
    /// wrong as surely as a shared one says it is right.
    fn anchor_evidence(&self, units: Range<usize>, counterparts: Range<usize>) -> f64 {
        let a = self.original.anchors(units);
        let b = self.translation.anchors(counterparts);
        let (mut x, mut y, mut evidence) = (0, 0, 0.0);
        while x < a.len() || y < b.len() {
            let order = match (a.get(x), b.get(y)) {
                (Some(p), Some(q)) => p.cmp(q),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match order {
                std::cmp::Ordering::Less => {
                    evidence -= UNSHARED_ANCHOR * self.weights[a[x] as usize];
                    x += 1;
                }
                std::cmp::Ordering::Greater => {
                    evidence -= UNSHARED_ANCHOR * self.weights[b[y] as usize];
                    y += 1;
                }
                std::cmp::Ordering::Equal => {
                    evidence += self.weights[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        evidence
    }
}

/// The costs of every bead of one pair of sequences at one ratio of lengths.
pub(super) struct Model<'a> {
    prepared: &'a Prepared,
    /// Translation length per original letter (the pair's own ratio).
    ratio: f64,
    /// −ln of each kind's prior, in the order of [`KINDS`].
    priors: [f64; 5],
}

impl<'a> Model<'a> {
    /// The model of a pair, with `ratio` the translation's length per original letter.
    pub(super) fn new(prepared: &'a Prepared, ratio: f64) -> Self {
        Self {
            prepared,
            ratio,
            priors: KINDS.map(|(_, _, p)| -p.ln()),
        }
    }

    /// The cost of the bead of kind `kind` (an index into [`KINDS`]) that ends before original
    /// unit `i` and translation unit `j`.
    pub(super) fn cost(&self, kind: usize, i: usize, j: usize) -> f64 {
        let (di, dj, _) = KINDS[kind];
        let prior = self.priors[kind];
        let prepared = self.prepared;
        // Lengths in original letters.
        let source = prepared.original.length(i - di..i);
        let target = prepared.translation.length(j - dj..j) / self.ratio;
        match (di, dj) {
            (_, 0) => prior - prepared.anchor_evidence(i - di..i, j..j),
            (0, _) => {
                prior + prepared.ln_mean_length + target / prepared.mean_length
                    - prepared.anchor_evidence(i..i, j - dj..j)
            }
            _ => {
                let variance = VARIANCE_PER_LETTER * (source + target) / 2.0;
                let gaussian = 0.5 * (2.0 * std::f64::consts::PI * variance).ln()
                    + (target - source).powi(2) / (2.0 * variance);
                // Two translation units: where the one ends and the other begins is one more
                // length to generate, uniform over the total.
                let split = if dj > 1 { target.ln() } else { 0.0 };
                prior + gaussian + split - prepared.anchor_evidence(i - di..i, j - dj..j)
            }
        }
    }
}

/// The distinct values of a list.
fn distinct(anchors: &[u64]) -> impl Iterator<Item = u64> + '_ {
    anchors
        .iter()
        .enumerate()
        .filter(|&(k, v)| !anchors[..k].contains(v))
        .map(|(_, v)| *v)
}
