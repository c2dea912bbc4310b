//! TER (Snover et al., 2006) exactly as sacreBLEU 2.6.0 computes it: its
//! port of tercom, a greedy search for block shifts followed by a beam
//! edit distance.
//!
//! The search is reproduced step for step, including the parts that affect
//! results: the pseudo-diagonal beam (width 25, wider for very unequal
//! lengths) with cells outside it treated as unreachable, the preference
//! of substitution/match over deletion over insertion, the candidate order
//! (largest gain, then longest block, then earliest hypothesis position,
//! then earliest target), the limits on shift size (10) and distance (50),
//! and the global cap of 1000 evaluated candidates per segment after which
//! the pending shift is discarded.
//!
//! References are prepared (lowercased, normalized) twice, as sacreBLEU
//! does by accident; hypotheses once.
//!
//! What differs is only how the work is done: words are integer ids, and
//! instead of sacreBLEU's prefix-tree cache of matrix rows, each candidate
//! reuses the rows of the current hypothesis up to the first position the
//! shift changes. Both are exact because row `i` of the matrix depends only
//! on the first `i` hypothesis words (all candidates have the same length,
//! so the beam is the same).

use rustc_hash::FxHashMap;

use super::ScoreError;
use super::per_segment;
use super::pytext::{py_rstrip, py_split};
use super::signature::Signature;
use super::ter_normalize::TerConfig;

const MAX_SHIFT_SIZE: usize = 10;
const MAX_SHIFT_DIST: usize = 50;
const BEAM_WIDTH: usize = 25;
const MAX_SHIFT_CANDIDATES: usize = 1000;
/// Cost of cells outside the beam (sacreBLEU uses 10^16; any value far above
/// real costs behaves the same since such cells are never improved upon by
/// adding to them).
const UNREACHABLE: u32 = 1 << 30;

/// Edit operation of a matrix cell, as seen when rewriting the hypothesis
/// into the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditOp {
    /// Words are equal.
    Match,
    /// Words differ.
    Substitute,
    /// A hypothesis word is dropped (sacreBLEU's `d`).
    DropHyp,
    /// A reference word is added (sacreBLEU's `i`).
    AddRef,
    /// Outside the beam.
    Undefined,
}

impl TerConfig {
    /// The sacreBLEU signature for these settings and `nrefs` references.
    pub fn signature(&self, nrefs: usize) -> Signature {
        let yes_no = |flag: bool| if flag { "yes" } else { "no" };
        Signature::new(nrefs)
            .with("case", if self.case_sensitive { "mixed" } else { "lc" })
            .with("tok", "tercom")
            .with("norm", yes_no(self.normalized))
            .with("punct", yes_no(!self.no_punct))
            .with("asian", yes_no(self.asian_support))
    }
}

/// Statistics of a segment or corpus.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TerStats {
    /// Edits (shifts included) against the closest reference.
    pub num_edits: u64,
    /// Average reference length in words (summed over segments).
    pub ref_length: f64,
}

/// A TER score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TerScore {
    /// Edits per reference word, in percent (can exceed 100).
    pub score: f64,
    /// The statistics it was computed from.
    pub stats: TerStats,
}

/// The score of (summed) statistics.
pub fn compute_ter(stats: &TerStats) -> TerScore {
    let score = if stats.ref_length > 0.0 {
        stats.num_edits as f64 / stats.ref_length
    } else if stats.num_edits > 0 {
        // Empty reference(s) and a non-empty hypothesis.
        1.0
    } else {
        0.0
    };
    TerScore {
        score: 100.0 * score,
        stats: *stats,
    }
}

/// The beam edit distance against one reference, for hypotheses of one
/// fixed length.
struct BeamEditDistance<'r> {
    reference: &'r [u32],
    /// `[min_j, max_j)` of the cells computed in each row (row 0 is full).
    row_bounds: Vec<(usize, usize)>,
    /// Costs of the last fully computed hypothesis, row-major.
    costs: Vec<u32>,
    /// Operations of the last fully computed hypothesis, row-major.
    ops: Vec<EditOp>,
    /// Rolling rows for candidate evaluation.
    scratch: [Vec<u32>; 2],
}

impl<'r> BeamEditDistance<'r> {
    fn new(reference: &'r [u32], hyp_len: usize) -> Self {
        let width = reference.len() + 1;
        let length_ratio = if hyp_len > 0 {
            reference.len() as f64 / hyp_len as f64
        } else {
            1.0
        };
        // With very different lengths the beam would not overlap between
        // consecutive rows, so it is widened.
        let beam = if (BEAM_WIDTH as f64) < length_ratio / 2.0 {
            (length_ratio / 2.0 + BEAM_WIDTH as f64).ceil() as usize
        } else {
            BEAM_WIDTH
        };
        let mut row_bounds = vec![(0, width)];
        for i in 1..=hyp_len {
            let pseudo_diagonal = (i as f64 * length_ratio).floor() as usize;
            let min_j = pseudo_diagonal.saturating_sub(beam);
            let max_j = if i == hyp_len {
                width
            } else {
                width.min(pseudo_diagonal + beam)
            };
            row_bounds.push((min_j, max_j));
        }
        let mut costs = vec![UNREACHABLE; width * (hyp_len + 1)];
        let mut ops = vec![EditOp::Undefined; width * (hyp_len + 1)];
        for j in 0..width {
            costs[j] = j as u32;
            ops[j] = EditOp::AddRef;
        }
        BeamEditDistance {
            reference,
            row_bounds,
            costs,
            ops,
            scratch: [vec![UNREACHABLE; width], vec![UNREACHABLE; width]],
        }
    }

    /// Fills row `i` of the full matrix (with operations) from row `i - 1`.
    fn fill_row(&mut self, hyp: &[u32], i: usize) {
        let width = self.reference.len() + 1;
        let (prev_rows, cur_rows) = self.costs.split_at_mut(i * width);
        let prev = &prev_rows[(i - 1) * width..];
        let cur = &mut cur_rows[..width];
        let ops = &mut self.ops[i * width..(i + 1) * width];
        cur.fill(UNREACHABLE);
        ops.fill(EditOp::Undefined);
        let (min_j, max_j) = self.row_bounds[i];
        let word = hyp[i - 1];
        for j in min_j..max_j {
            if j == 0 {
                cur[0] = prev[0] + 1;
                ops[0] = EditOp::DropHyp;
                continue;
            }
            let (sub_cost, sub_op) = if word == self.reference[j - 1] {
                (prev[j - 1], EditOp::Match)
            } else {
                (prev[j - 1] + 1, EditOp::Substitute)
            };
            // Strict comparisons in this order reproduce the preference:
            // match/substitution, then dropping, then adding.
            let (mut cost, mut op) = (UNREACHABLE, EditOp::Undefined);
            for (candidate, candidate_op) in [
                (sub_cost, sub_op),
                (prev[j] + 1, EditOp::DropHyp),
                (cur[j - 1] + 1, EditOp::AddRef),
            ] {
                if cost > candidate {
                    cost = candidate;
                    op = candidate_op;
                }
            }
            cur[j] = cost;
            ops[j] = op;
        }
    }

    /// Computes the full matrix of `hyp`, reusing the rows of the previous
    /// hypothesis up to `reuse_rows`, and returns the distance and the
    /// operation trace (hypothesis-to-reference order).
    fn full(&mut self, hyp: &[u32], reuse_rows: usize) -> Result<(u32, Vec<EditOp>), ScoreError> {
        for i in reuse_rows + 1..=hyp.len() {
            self.fill_row(hyp, i);
        }
        let width = self.reference.len() + 1;
        let (mut i, mut j) = (hyp.len(), self.reference.len());
        let mut trace = Vec::with_capacity(i + j);
        while i > 0 || j > 0 {
            let op = self.ops[i * width + j];
            trace.push(op);
            match op {
                EditOp::Match | EditOp::Substitute => {
                    i -= 1;
                    j -= 1;
                }
                EditOp::AddRef => j -= 1,
                EditOp::DropHyp => i -= 1,
                EditOp::Undefined => return Err(ScoreError::TerBeamExhausted),
            }
        }
        trace.reverse();
        Ok((self.costs[hyp.len() * width + self.reference.len()], trace))
    }

    /// The distance of `hyp`, whose first `prefix` words equal those of the
    /// last fully computed hypothesis.
    fn distance(&mut self, hyp: &[u32], prefix: usize) -> u32 {
        let width = self.reference.len() + 1;
        let [prev, cur] = &mut self.scratch;
        prev.copy_from_slice(&self.costs[prefix * width..(prefix + 1) * width]);
        for i in prefix + 1..=hyp.len() {
            cur.fill(UNREACHABLE);
            let (min_j, max_j) = self.row_bounds[i];
            let word = hyp[i - 1];
            for j in min_j..max_j {
                if j == 0 {
                    cur[0] = prev[0] + 1;
                    continue;
                }
                let sub = prev[j - 1] + u32::from(word != self.reference[j - 1]);
                cur[j] = UNREACHABLE.min(sub).min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            std::mem::swap(prev, cur);
        }
        prev[self.reference.len()]
    }
}

/// Moves `words[start..start + length]` before position `target`, with
/// sacreBLEU's slicing (including its clamping when `target` lies inside
/// the block's span).
fn perform_shift(words: &[u32], start: usize, length: usize, target: usize, out: &mut Vec<u32>) {
    // Python slices clamp out-of-range bounds and are empty when reversed.
    let slice = |from: usize, to: usize| {
        let from = from.min(words.len());
        &words[from..to.clamp(from, words.len())]
    };
    out.clear();
    if target < start {
        out.extend_from_slice(slice(0, target));
        out.extend_from_slice(slice(start, start + length));
        out.extend_from_slice(slice(target, start));
        out.extend_from_slice(slice(start + length, words.len()));
    } else if target > start + length {
        out.extend_from_slice(slice(0, start));
        out.extend_from_slice(slice(start + length, target));
        out.extend_from_slice(slice(start, start + length));
        out.extend_from_slice(slice(target, words.len()));
    } else {
        out.extend_from_slice(slice(0, start));
        out.extend_from_slice(slice(start + length, length + target));
        out.extend_from_slice(slice(start, start + length));
        out.extend_from_slice(slice(length + target, words.len()));
    }
}

/// The ranking key of a shift candidate: larger is better.
type ShiftRank = (i64, usize, i64, i64);

/// One round of tercom's shift search: the best shift of `hyp`, if any,
/// with its gain. `checked` counts evaluated candidates across rounds.
fn best_shift(
    hyp: &[u32],
    reference: &[u32],
    distance: &mut BeamEditDistance<'_>,
    reuse_rows: usize,
    checked: &mut usize,
) -> Result<(i64, Option<Vec<u32>>), ScoreError> {
    let (pre_score, trace) = distance.full(hyp, reuse_rows)?;

    // Alignment of reference positions to hypothesis positions, and which
    // positions on each side are in error.
    let mut align = vec![0i64; reference.len()];
    let mut hyp_errors = Vec::with_capacity(hyp.len() + 1);
    let mut ref_errors = Vec::with_capacity(reference.len() + 1);
    // Prefix sums make "any error in this span" O(1).
    hyp_errors.push(0usize);
    ref_errors.push(0usize);
    let (mut pos_hyp, mut pos_ref) = (-1i64, -1i64);
    for op in trace {
        let bump = |errors: &mut Vec<usize>, error: bool| {
            let last = errors.last().copied().unwrap_or(0);
            errors.push(last + usize::from(error));
        };
        match op {
            EditOp::Match | EditOp::Substitute => {
                pos_hyp += 1;
                pos_ref += 1;
                align[pos_ref as usize] = pos_hyp;
                let error = op == EditOp::Substitute;
                bump(&mut hyp_errors, error);
                bump(&mut ref_errors, error);
            }
            EditOp::DropHyp => {
                pos_hyp += 1;
                bump(&mut hyp_errors, true);
            }
            EditOp::AddRef => {
                pos_ref += 1;
                align[pos_ref as usize] = pos_hyp;
                bump(&mut ref_errors, true);
            }
            EditOp::Undefined => return Err(ScoreError::TerBeamExhausted),
        }
    }

    let mut best: Option<(ShiftRank, Vec<u32>)> = None;
    let mut shifted = Vec::with_capacity(hyp.len());
    'pairs: for start_h in 0..hyp.len() {
        for start_r in 0..reference.len() {
            if start_h.abs_diff(start_r) > MAX_SHIFT_DIST {
                continue;
            }
            let mut length = 0;
            while length < MAX_SHIFT_SIZE
                && start_h + length < hyp.len()
                && start_r + length < reference.len()
                && hyp[start_h + length] == reference[start_r + length]
            {
                length += 1;
                // Only shift words that are wrong to where they are missing.
                if hyp_errors[start_h + length] == hyp_errors[start_h]
                    || ref_errors[start_r + length] == ref_errors[start_r]
                {
                    continue;
                }
                // Don't shift within the block itself.
                let aligned = align[start_r];
                if start_h as i64 <= aligned && aligned < (start_h + length) as i64 {
                    continue;
                }
                let mut prev_target = -1i64;
                for offset in -1..length as i64 {
                    let pos = start_r as i64 + offset;
                    let target = if pos == -1 {
                        0
                    } else if (pos as usize) < reference.len() {
                        // Insert before the word following the aligned one.
                        align[pos as usize] + 1
                    } else {
                        break;
                    };
                    if target == prev_target {
                        continue;
                    }
                    prev_target = target;
                    let target = target as usize;
                    perform_shift(hyp, start_h, length, target, &mut shifted);
                    let prefix = hyp.iter().zip(&shifted).take_while(|(a, b)| a == b).count();
                    let cost = if prefix == hyp.len() {
                        pre_score
                    } else {
                        distance.distance(&shifted, prefix)
                    };
                    let rank = (
                        i64::from(pre_score) - i64::from(cost),
                        length,
                        -(start_h as i64),
                        -(target as i64),
                    );
                    *checked += 1;
                    if best.as_ref().is_none_or(|(best_rank, _)| rank > *best_rank) {
                        best = Some((rank, shifted.clone()));
                    }
                }
                if *checked >= MAX_SHIFT_CANDIDATES {
                    break 'pairs;
                }
            }
        }
    }
    Ok(match best {
        Some(((gain, ..), words)) => (gain, Some(words)),
        None => (0, None),
    })
}

/// Edits needed to turn `hyp` into `reference` (shifts count one each),
/// and the reference length.
pub fn translation_edit_rate(hyp: &[u32], reference: &[u32]) -> Result<(u64, usize), ScoreError> {
    if reference.is_empty() {
        return Ok((hyp.len() as u64, 0));
    }
    let mut distance = BeamEditDistance::new(reference, hyp.len());
    let mut words = hyp.to_vec();
    let mut shifts = 0u64;
    let mut checked = 0usize;
    // Rows of `distance`'s matrix still valid for `words`.
    let mut reuse_rows = 0;
    loop {
        let (gain, shifted) =
            best_shift(&words, reference, &mut distance, reuse_rows, &mut checked)?;
        if checked >= MAX_SHIFT_CANDIDATES || gain <= 0 {
            break;
        }
        let Some(shifted) = shifted else { break };
        reuse_rows = words
            .iter()
            .zip(&shifted)
            .take_while(|(a, b)| a == b)
            .count();
        shifts += 1;
        words = shifted;
    }
    let (edit_distance, _) = distance.full(&words, reuse_rows)?;
    Ok((shifts + u64::from(edit_distance), reference.len()))
}

/// Computes the statistics of one hypothesis against its references.
pub fn segment_stats(config: &TerConfig, hyp: &str, refs: &[&str]) -> Result<TerStats, ScoreError> {
    let hyp = config.normalize(py_rstrip(hyp));
    // sacreBLEU prepares references twice (once when caching them, once
    // when extracting their words); with `normalized` the second pass can
    // split further, e.g. `the's` followed by a non-space separator.
    let refs: Vec<String> = refs
        .iter()
        .map(|r| config.normalize(py_rstrip(&config.normalize(py_rstrip(r)))))
        .collect();
    let mut vocabulary: FxHashMap<&str, u32> = FxHashMap::default();
    let mut intern = |text| -> Vec<u32> {
        py_split(text)
            .map(|word| {
                let next = vocabulary.len() as u32;
                *vocabulary.entry(word).or_insert(next)
            })
            .collect()
    };
    let hyp_ids = intern(&hyp);
    let mut ref_lengths = 0usize;
    let mut best_edits = u64::MAX;
    for reference in &refs {
        let ref_ids = intern(reference);
        let (edits, ref_len) = translation_edit_rate(&hyp_ids, &ref_ids)?;
        ref_lengths += ref_len;
        best_edits = best_edits.min(edits);
    }
    Ok(TerStats {
        num_edits: if refs.is_empty() { 0 } else { best_edits },
        ref_length: ref_lengths as f64 / refs.len().max(1) as f64,
    })
}

/// Computes the statistics of every segment, in parallel.
pub fn corpus_stats(
    config: &TerConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<TerStats>, ScoreError> {
    per_segment(hyps, refs, |hyp, line_refs| {
        segment_stats(config, hyp, line_refs)
    })?
    .into_iter()
    .collect()
}

/// Corpus-level TER: edits and reference lengths summed over segments.
pub fn corpus_ter(
    config: &TerConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<TerScore, ScoreError> {
    let mut sum = TerStats::default();
    // Summed in segment order, as floating-point addition is not associative.
    for stats in corpus_stats(config, hyps, refs)? {
        sum.num_edits += stats.num_edits;
        sum.ref_length += stats.ref_length;
    }
    Ok(compute_ter(&sum))
}

/// Sentence-level TER for every segment.
pub fn sentence_ter(
    config: &TerConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<TerScore>, ScoreError> {
    Ok(corpus_stats(config, hyps, refs)?
        .iter()
        .map(compute_ter)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, vocabulary: &mut Vec<String>) -> Vec<u32> {
        text.split_whitespace()
            .map(|w| match vocabulary.iter().position(|v| v == w) {
                Some(i) => i as u32,
                None => {
                    vocabulary.push(w.to_owned());
                    (vocabulary.len() - 1) as u32
                }
            })
            .collect()
    }

    fn edits(hyp: &str, reference: &str) -> (u64, usize) {
        let mut vocabulary = Vec::new();
        let hyp = ids(hyp, &mut vocabulary);
        let reference = ids(reference, &mut vocabulary);
        translation_edit_rate(&hyp, &reference).unwrap()
    }

    #[test]
    fn single_shift_fixes_rotation() {
        assert_eq!(edits("d e f g h a b c", "a b c d e f g h"), (1, 8));
    }

    #[test]
    fn empty_sides() {
        assert_eq!(edits("", "a"), (1, 1));
        assert_eq!(edits("a b", ""), (2, 0));
        assert_eq!(edits("", ""), (0, 0));
    }

    #[test]
    fn shift_slicing_clamps_like_python() {
        let mut out = Vec::new();
        perform_shift(&[0, 1, 2, 3, 4], 1, 2, 0, &mut out);
        assert_eq!(out, [1, 2, 0, 3, 4]);
        perform_shift(&[0, 1, 2, 3, 4], 0, 2, 4, &mut out);
        assert_eq!(out, [2, 3, 0, 1, 4]);
        perform_shift(&[0, 1, 2, 3, 4], 2, 2, 3, &mut out);
        assert_eq!(out, [0, 1, 4, 2, 3]);
    }
}
