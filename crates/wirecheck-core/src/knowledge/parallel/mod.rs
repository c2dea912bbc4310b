//! Which paragraphs (or sentences) of an original match which of its translation in another
//! language, where no word is shared to align them by: from their lengths, as Gale and Church
//! (1993) aligned sentences, and from anchors found on both sides (numbers, dates, names), as
//! Melamed's and Hunalign's aligners use them.
//!
//! Each unit is its length in a measure comparable across scripts ([`text_length`]) and its
//! anchors; the ratio of the two texts' lengths is estimated from the pair itself: from its
//! totals, and where those may be biased by a paragraph left out, from the likeliest of
//! several ratios near them and the units its alignment matched.
//! Beads pair one unit with one, or one with two (a split or a merge); one unit
//! alone is dropped or added, which is a finding an editor acts on, so the model makes it come
//! out only where pairing it would ask a translation unit to be far from its expected length
//! (see `cost`).

mod cost;
mod length;
mod search;
#[cfg(test)]
mod tests;
mod translation;

use std::ops::Range;

pub(crate) use length::text_length;
pub use translation::{TranslationAlignment, align_translation};
pub(crate) use translation::{anchor_hash, quantity_anchor};

use crate::knowledge::alignment::ParagraphAlignment;

/// One unit of an alignment: `original` units matched with `translation` units (ranges of
/// indexes; one of the two may be empty: a unit dropped or added).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bead {
    /// The original's units in the bead.
    pub original: Range<usize>,
    /// The translation's units in the bead.
    pub translation: Range<usize>,
}

impl Bead {
    /// True when the bead is an original unit the translation leaves out.
    pub fn is_dropped(&self) -> bool {
        self.translation.is_empty()
    }

    /// True when the bead is a translation unit the original does not have.
    pub fn is_added(&self) -> bool {
        self.original.is_empty()
    }
}

/// What the aligner knows of one unit (a paragraph or a sentence).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AlignUnit {
    /// Its length, comparable across scripts: see [`text_length`].
    pub length: usize,
    /// Opaque values of what it names (numbers, dates, names), compared across the two sides.
    pub anchors: Vec<u64>,
}

/// How many times the best ratio is estimated again from the units its alignment matched.
const RATIO_ROUNDS: usize = 3;

/// The ratios tried around the totals' one, as steps of [`RATIO_STEP`] in its logarithm: more
/// above than below, for a paragraph dropped (which lowers the totals' ratio) is what matters.
const RATIO_STEPS: std::ops::RangeInclusive<i32> = -2..=4;

/// The step between the ratios tried, in their logarithm (about 7%); the best of them is then
/// refined from what its alignment matched.
const RATIO_STEP: f64 = 0.07;

/// How many units either side of the first alignment the other ratios' searches may stray.
const NEAR_WIDTH: usize = 4;

/// How far the pair's ratio of lengths (translation per original) strays from 1, as the standard
/// deviation of its logarithm: [`text_length`] puts scripts on one scale, so a pair whose totals
/// differ by much more is more likely missing a paragraph than written that much longer.
const RATIO_SPREAD: f64 = 0.35;

/// Aligns two sequences of units; beads in order, covering both sequences exactly once. A side
/// without units leaves each unit of the other dropped (or added); two empty sides, no bead.
///
/// The ratio of the two sides' lengths is the model's one parameter, and a paragraph left out
/// biases the estimate from the totals just enough to make a merge look right (or another
/// paragraph look dropped); so unless the totals' ratio pairs every unit with one, the search
/// tries ratios on a grid around it, and refines the likeliest from the units its alignment
/// matched.
pub(crate) fn align_units(original: &[AlignUnit], translation: &[AlignUnit]) -> Vec<Bead> {
    let (n, m) = (original.len(), translation.len());
    if n == 0 || m == 0 {
        let dropped = (0..n).map(|i| Bead {
            original: i..i + 1,
            translation: 0..0,
        });
        let added = (0..m).map(|j| Bead {
            original: 0..0,
            translation: j..j + 1,
        });
        return dropped.chain(added).collect();
    }
    let total = |units: &[AlignUnit]| units.iter().map(|u| u.length.max(1)).sum::<usize>() as f64;
    let from_totals = total(translation) / total(original);
    let prepared = cost::Prepared::new(original, translation);
    let align = |ratio: f64, band: &[(usize, usize)]| -> Option<(f64, Vec<Bead>)> {
        let model = cost::Model::new(&prepared, ratio);
        let (beads, cost) = search::cheapest(&model, n, m, band);
        // The cost is of the translation's lengths in original letters; in its own letters each
        // length's density is `ratio` times thinner. And the ratio's own prior.
        let score =
            cost + m as f64 * ratio.ln() + ratio.ln().powi(2) / (2.0 * RATIO_SPREAD.powi(2));
        covers(&beads, n, m).then_some((score, beads))
    };
    let diagonal = search::diagonal_band(n, m);
    let Some((score, beads)) = align(from_totals, &diagonal) else {
        return by_position(n, m);
    };
    if n == m
        && beads
            .iter()
            .all(|b| b.original.len() == 1 && b.translation.len() == 1)
    {
        // As many units on each side, each paired with one at the totals' ratio: nothing left
        // out biases that ratio, and no other would pair them better.
        return beads;
    }
    // Other ratios move the alignment only near where it is: they are tried in a band around it.
    let near = search::band_around(&beads, n, m, NEAR_WIDTH);
    let mut best = (score, from_totals, beads);
    let consider = |ratio: f64, best: &mut (f64, f64, Vec<Bead>)| {
        if let Some((score, beads)) = align(ratio, &near)
            && score < best.0
        {
            *best = (score, ratio, beads);
        }
    };
    for step in RATIO_STEPS.filter(|&step| step != 0) {
        consider(
            from_totals * (f64::from(step) * RATIO_STEP).exp(),
            &mut best,
        );
    }
    consider(1.0, &mut best);
    for _ in 0..RATIO_ROUNDS {
        let (_, ratio, beads) = &best;
        // The ratio of what was matched: a dropped or added unit no longer weighs on it.
        let (mut source, mut target) = (0.0, 0.0);
        for bead in beads.iter().filter(|b| !b.is_dropped() && !b.is_added()) {
            source += total(&original[bead.original.clone()]);
            target += total(&translation[bead.translation.clone()]);
        }
        let matched = target / source;
        if source == 0.0 || (matched / ratio - 1.0).abs() < 0.005 {
            break;
        }
        let before = best.0;
        consider(matched, &mut best);
        if best.0 == before {
            break;
        }
    }
    // The chosen ratio once more over the whole band, should the best path leave the near one.
    let (_, ratio, beads) = best;
    align(ratio, &diagonal).map_or(beads, |(_, beads)| beads)
}

/// True when `beads` cover `0..n` and `0..m` in order, each unit once.
fn covers(beads: &[Bead], n: usize, m: usize) -> bool {
    let (mut i, mut j) = (0, 0);
    for bead in beads {
        if bead.original.start != i || bead.translation.start != j {
            return false;
        }
        i = bead.original.end;
        j = bead.translation.end;
    }
    i == n && j == m
}

/// Units paired by their place, for the case the search finds no path (it always should): every
/// unit of the shorter side with one of the longer, the rest of the longer merged into them.
fn by_position(n: usize, m: usize) -> Vec<Bead> {
    let k = n.min(m);
    (0..k)
        .map(|b| Bead {
            original: b * n / k..(b + 1) * n / k,
            translation: b * m / k..(b + 1) * m / k,
        })
        .collect()
}

/// The alignment of `n_original` original paragraphs with `n_translation` translated ones, as
/// the reference checks read it: for each original paragraph its translation paragraph (the
/// first of a split), and whether each translation paragraph is matched.
pub(crate) fn paragraph_alignment(
    beads: &[Bead],
    n_original: usize,
    n_translation: usize,
) -> ParagraphAlignment {
    let mut story_of = vec![None; n_original];
    let mut matched_story = vec![false; n_translation];
    for bead in beads.iter().filter(|b| !b.is_dropped() && !b.is_added()) {
        for i in bead.original.clone() {
            if let Some(slot) = story_of.get_mut(i) {
                *slot = Some(bead.translation.start);
            }
        }
        for j in bead.translation.clone() {
            if let Some(slot) = matched_story.get_mut(j) {
                *slot = true;
            }
        }
    }
    ParagraphAlignment {
        story_of,
        matched_story,
        by_content: true,
        changes: Vec::new(),
    }
}
