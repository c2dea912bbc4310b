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

use std::ops::Range;

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

/// The cells of one row of the matrix that lie within the beam.
#[derive(Debug, Clone, Copy)]
struct RowBand {
    /// First column in the beam.
    min_j: usize,
    /// One past the last column in the beam.
    max_j: usize,
    /// Where the row's cells start in the band storage.
    offset: usize,
}

impl RowBand {
    fn len(&self) -> usize {
        self.max_j - self.min_j
    }
}

/// The cost of column `j` of a row stored as `cells` for `band`: cells outside
/// the beam are unreachable.
fn cell(cells: &[u32], band: RowBand, j: usize) -> u32 {
    if (band.min_j..band.max_j).contains(&j) {
        cells[j - band.min_j]
    } else {
        UNREACHABLE
    }
}

/// The beam edit distance against one reference, for hypotheses of one
/// fixed length.
///
/// Only the cells within the beam are stored, so memory grows with the
/// number of hypothesis words times the beam (plus the two full rows at
/// either end), not with the product of the lengths.
struct BeamEditDistance<'r> {
    reference: &'r [u32],
    /// The beam of each row (rows 0 and `hyp_len` are full).
    bands: Vec<RowBand>,
    /// Costs of the last fully computed hypothesis, row after row.
    costs: Vec<u32>,
    /// Operations of the last fully computed hypothesis, laid out as `costs`.
    ops: Vec<EditOp>,
    /// Rolling rows for candidate evaluation, each as wide as the widest band.
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
        let mut bands = Vec::with_capacity(hyp_len + 1);
        bands.push(RowBand {
            min_j: 0,
            max_j: width,
            offset: 0,
        });
        let mut cells = width;
        for i in 1..=hyp_len {
            let pseudo_diagonal = (i as f64 * length_ratio).floor() as usize;
            // A row whose beam lies past the reference keeps an empty band
            // at its end, so that bands stay ordered.
            let min_j = pseudo_diagonal.saturating_sub(beam).min(width);
            let max_j = if i == hyp_len {
                width
            } else {
                width.min(pseudo_diagonal + beam)
            };
            let max_j = max_j.max(min_j);
            bands.push(RowBand {
                min_j,
                max_j,
                offset: cells,
            });
            cells += max_j - min_j;
        }
        let mut costs = vec![UNREACHABLE; cells];
        let mut ops = vec![EditOp::Undefined; cells];
        for j in 0..width {
            costs[j] = j as u32;
            ops[j] = EditOp::AddRef;
        }
        BeamEditDistance {
            reference,
            bands,
            costs,
            ops,
            // A row, the unreachable cell before it and the padding after it
            // fit in a full row and two more cells.
            scratch: [vec![UNREACHABLE; width + 2], vec![UNREACHABLE; width + 2]],
        }
    }

    /// The stored cells of row `i`.
    fn row(&self, i: usize) -> &[u32] {
        let band = self.bands[i];
        &self.costs[band.offset..band.offset + band.len()]
    }

    /// Fills row `i` of the stored matrix (with operations) from row `i - 1`.
    fn fill_row(&mut self, hyp: &[u32], i: usize) {
        let (prev_band, band) = (self.bands[i - 1], self.bands[i]);
        let (before, after) = self.costs.split_at_mut(band.offset);
        let prev = &before[prev_band.offset..prev_band.offset + prev_band.len()];
        let cur = &mut after[..band.len()];
        let ops = &mut self.ops[band.offset..band.offset + band.len()];
        let word = hyp[i - 1];
        for j in band.min_j..band.max_j {
            let k = j - band.min_j;
            if j == 0 {
                cur[0] = cell(prev, prev_band, 0) + 1;
                ops[0] = EditOp::DropHyp;
                continue;
            }
            let diagonal = cell(prev, prev_band, j - 1);
            let (sub_cost, sub_op) = if word == self.reference[j - 1] {
                (diagonal, EditOp::Match)
            } else {
                (diagonal + 1, EditOp::Substitute)
            };
            let left = if k > 0 { cur[k - 1] } else { UNREACHABLE };
            // Strict comparisons in this order reproduce the preference:
            // match/substitution, then dropping, then adding.
            let (mut cost, mut op) = (UNREACHABLE, EditOp::Undefined);
            for (candidate, candidate_op) in [
                (sub_cost, sub_op),
                (cell(prev, prev_band, j) + 1, EditOp::DropHyp),
                (left + 1, EditOp::AddRef),
            ] {
                if cost > candidate {
                    cost = candidate;
                    op = candidate_op;
                }
            }
            cur[k] = cost;
            ops[k] = op;
        }
    }

    /// The operation of cell `(i, j)`.
    fn op(&self, i: usize, j: usize) -> EditOp {
        let band = self.bands[i];
        if (band.min_j..band.max_j).contains(&j) {
            self.ops[band.offset + j - band.min_j]
        } else {
            EditOp::Undefined
        }
    }

    /// Computes the full matrix of `hyp`, reusing the rows of the previous
    /// hypothesis up to `reuse_rows`, and returns the distance and the
    /// operation trace (hypothesis-to-reference order).
    fn full(&mut self, hyp: &[u32], reuse_rows: usize) -> Result<(u32, Vec<EditOp>), ScoreError> {
        for i in reuse_rows + 1..=hyp.len() {
            self.fill_row(hyp, i);
        }
        let (mut i, mut j) = (hyp.len(), self.reference.len());
        let mut trace = Vec::with_capacity(i + j);
        while i > 0 || j > 0 {
            let op = self.op(i, j);
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
        let last = self.bands[hyp.len()];
        Ok((cell(self.row(hyp.len()), last, self.reference.len()), trace))
    }

    /// The distance of `hyp`, whose first `prefix` words and words from
    /// `suffix` on equal those of the last fully computed hypothesis, whose
    /// distance is `stored_distance`; `None` once it is sure to exceed
    /// `limit`.
    ///
    /// Once a row past `suffix` differs from the stored one by the same
    /// amount in every cell, every later row does too (the same words
    /// follow, and adding a constant commutes with taking minima), so the
    /// distance is the stored one plus that amount: a shift costs the rows
    /// it changes and the few after it that it takes to resynchronise.
    /// And every path to the last cell crosses each row, paying at least
    /// one edit per step of length difference left, which bounds the
    /// distance from below row by row.
    fn distance(
        &mut self,
        hyp: &[u32],
        prefix: usize,
        suffix: usize,
        stored_distance: u32,
        limit: u32,
    ) -> Option<u32> {
        // Rows in the scratch buffers start with an unreachable cell (the
        // column before the band), so that the loop below needs no tests for
        // the band's edges; the previous row is padded with unreachable cells
        // as far as the current one reads.
        let [prev, cur] = &mut self.scratch;
        let first = self.bands[prefix];
        let mut prev_band = first;
        if prefix == 0 {
            // Row 0 is the widest of all and is copied only as far as the
            // next row reads it.
            let needed = self
                .bands
                .get(1)
                .map_or(first.len(), |b| b.max_j.min(first.len()));
            prev_band.max_j = needed;
        }
        prev[0] = UNREACHABLE;
        prev[1..=prev_band.len()]
            .copy_from_slice(&self.costs[first.offset..first.offset + prev_band.len()]);
        let (hyp_len, ref_len) = (hyp.len(), self.reference.len());
        for i in prefix + 1..=hyp_len {
            let band = self.bands[i];
            let len = band.len();
            // Column j of the previous row is at prev[j + 1 - shift].
            let shift = band.min_j - prev_band.min_j;
            prev[prev_band.len() + 1..shift + len + 1].fill(UNREACHABLE);
            cur[0] = UNREACHABLE;
            let word = hyp[i - 1];
            // Where every remaining path would be diagonal: a path through
            // column j still needs |j - diagonal| insertions or deletions.
            let diagonal = (ref_len + i) as i64 - hyp_len as i64;
            let mut lower_bound = UNREACHABLE;
            let mut first_k = 0;
            if band.min_j == 0 && len > 0 {
                let cost = prev[1] + 1;
                cur[1] = cost;
                lower_bound = cost.saturating_add(diagonal.unsigned_abs() as u32);
                first_k = 1;
            }
            let mut left = cur[first_k];
            let columns = band.min_j + first_k..band.min_j + len;
            let diagonals = &prev[shift + first_k..shift + len];
            let ups = &prev[shift + first_k + 1..shift + len + 1];
            let words = &self.reference[columns.start - 1..columns.end - 1];
            for ((((out, &diagonal_cost), &up), &reference_word), j) in cur[first_k + 1..len + 1]
                .iter_mut()
                .zip(diagonals)
                .zip(ups)
                .zip(words)
                .zip(columns)
            {
                let sub = diagonal_cost + u32::from(word != reference_word);
                let cost = UNREACHABLE.min(sub).min(up + 1).min(left + 1);
                *out = cost;
                left = cost;
                let length_difference = (j as i64 - diagonal).unsigned_abs() as u32;
                lower_bound = lower_bound.min(cost.saturating_add(length_difference));
            }
            if lower_bound > limit {
                return None;
            }
            if i >= suffix && i < hyp_len {
                let stored = &self.costs[band.offset..band.offset + len];
                if let Some(offset) = constant_offset(&cur[1..=len], stored) {
                    let distance = (i64::from(stored_distance) + offset) as u32;
                    return Some(distance).filter(|&d| d <= limit);
                }
            }
            std::mem::swap(prev, cur);
            prev_band = band;
        }
        let distance = if (prev_band.min_j..prev_band.max_j).contains(&ref_len) {
            prev[ref_len - prev_band.min_j + 1]
        } else {
            UNREACHABLE
        };
        Some(distance).filter(|&distance| distance <= limit)
    }
}

/// The amount every cell of `row` exceeds the same cell of `stored` by, if
/// it is the same for all (unreachable cells must be unreachable in both).
fn constant_offset(row: &[u32], stored: &[u32]) -> Option<i64> {
    let mut offset = None;
    for (&a, &b) in row.iter().zip(stored) {
        match (a >= UNREACHABLE, b >= UNREACHABLE) {
            (true, true) => continue,
            (false, false) => {}
            _ => return None,
        }
        let difference = i64::from(a) - i64::from(b);
        if *offset.get_or_insert(difference) != difference {
            return None;
        }
    }
    // A row with no reachable cell says nothing about the distance.
    offset
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

/// The ranking key of a shift candidate: larger is better. Its gain first,
/// then the tie-break: longest block, earliest start, earliest target.
type ShiftRank = (i64, TieBreak);

/// How candidates of equal gain rank: larger is better.
type TieBreak = (usize, i64, i64);

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

    // The best candidate so far: its rank, and the shift (start, length, target).
    let mut best: Option<(ShiftRank, (usize, usize, usize))> = None;
    // `hyp` with the candidate's window shifted; restored after each one.
    let mut shifted = hyp.to_vec();
    'pairs: for start_h in 0..hyp.len() {
        // Only pairs at most MAX_SHIFT_DIST apart are considered, so only
        // they are visited.
        let nearby = start_h.saturating_sub(MAX_SHIFT_DIST)
            ..reference.len().min(start_h + MAX_SHIFT_DIST + 1);
        for start_r in nearby {
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
                    let window = shift_window(hyp.len(), start_h, length, target);
                    let mut moved = Vec::with_capacity(window.len());
                    perform_shift(
                        &hyp[window.clone()],
                        start_h - window.start,
                        length,
                        target.saturating_sub(window.start),
                        &mut moved,
                    );
                    shifted[window.clone()].copy_from_slice(&moved);
                    let same_before = moved
                        .iter()
                        .zip(&hyp[window.clone()])
                        .take_while(|(a, b)| a == b)
                        .count();
                    let same_after = moved
                        .iter()
                        .rev()
                        .zip(hyp[window.clone()].iter().rev())
                        .take_while(|(a, b)| a == b)
                        .count();
                    // Only a shift that gains something is ever made, so a
                    // candidate matters only if it gains at least 1 and
                    // outranks the best so far: its distance is needed only
                    // up to the limit that implies.
                    let tie_break: TieBreak = (length, -(start_h as i64), -(target as i64));
                    let needed_gain = match &best {
                        None => 1,
                        Some(((gain, best_tie_break), _)) => {
                            let wins_ties = tie_break > *best_tie_break;
                            (*gain + i64::from(!wins_ties)).max(1)
                        }
                    };
                    let limit = i64::from(pre_score) - needed_gain;
                    let cost = if limit < 0 {
                        None
                    } else if same_before == window.len() {
                        Some(pre_score).filter(|&c| i64::from(c) <= limit)
                    } else {
                        distance.distance(
                            &shifted,
                            window.start + same_before,
                            window.end - same_after,
                            pre_score,
                            limit as u32,
                        )
                    };
                    shifted[window.clone()].copy_from_slice(&hyp[window]);
                    *checked += 1;
                    if let Some(cost) = cost {
                        let gain = i64::from(pre_score) - i64::from(cost);
                        best = Some(((gain, tie_break), (start_h, length, target)));
                    }
                }
                if *checked >= MAX_SHIFT_CANDIDATES {
                    break 'pairs;
                }
            }
        }
    }
    Ok(match best {
        Some(((gain, ..), (start, length, target))) => {
            perform_shift(hyp, start, length, target, &mut shifted);
            (gain, Some(shifted))
        }
        None => (0, None),
    })
}

/// The positions a shift of `length` words from `start` to before `target`
/// can change in a hypothesis of `len` words; the words outside stay where
/// they are.
fn shift_window(len: usize, start: usize, length: usize, target: usize) -> Range<usize> {
    let (from, to) = if target < start {
        (target, start + length)
    } else if target > start + length {
        (start, target)
    } else {
        (start, target + length)
    };
    from.min(len)..to.min(len)
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

    /// A small deterministic generator, so that the tests need no crate.
    fn pseudo_random(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |bound| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % bound
        }
    }

    #[test]
    fn shift_windows_hold_every_changed_position() {
        for len in 0..9 {
            let words: Vec<u32> = (0..len as u32).collect();
            for start in 0..len {
                for length in 1..=len - start {
                    for target in 0..=len + 2 {
                        let mut full = Vec::new();
                        perform_shift(&words, start, length, target, &mut full);
                        let window = shift_window(len, start, length, target);
                        let mut part = Vec::new();
                        perform_shift(
                            &words[window.clone()],
                            start - window.start,
                            length,
                            target.saturating_sub(window.start),
                            &mut part,
                        );
                        let mut spliced = words.clone();
                        spliced[window.clone()].copy_from_slice(&part);
                        assert_eq!(spliced, full, "{len} {start} {length} {target}");
                    }
                }
            }
        }
    }

    #[test]
    fn distances_that_stop_at_resynchronised_rows_equal_full_ones() {
        let mut random = pseudo_random(3);
        for round in 0..300 {
            let vocabulary = 2 + random(6);
            let hyp_len = 1 + random(if round % 3 == 0 { 300 } else { 40 }) as usize;
            let ref_len = 1 + random(if round % 5 == 0 { 400 } else { 40 }) as usize;
            let hyp: Vec<u32> = (0..hyp_len).map(|_| random(vocabulary) as u32).collect();
            let reference: Vec<u32> = (0..ref_len).map(|_| random(vocabulary) as u32).collect();
            let mut stored = BeamEditDistance::new(&reference, hyp_len);
            let Ok((pre_score, _)) = stored.full(&hyp, 0) else {
                continue;
            };
            for _ in 0..20 {
                let start = random(hyp_len as u64) as usize;
                let length = 1 + random((hyp_len - start).min(10) as u64) as usize;
                let target = random(hyp_len as u64 + 1) as usize;
                let mut shifted = Vec::new();
                perform_shift(&hyp, start, length, target, &mut shifted);
                let prefix = hyp.iter().zip(&shifted).take_while(|(a, b)| a == b).count();
                if prefix == hyp_len {
                    continue;
                }
                let same_after = hyp
                    .iter()
                    .rev()
                    .zip(shifted.iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count();
                let suffix = hyp_len - same_after;
                let mut fresh = BeamEditDistance::new(&reference, hyp_len);
                let expected = match fresh.full(&shifted, 0) {
                    Ok((distance, _)) => distance,
                    // The end is out of the beam: no distance to compare.
                    Err(_) => continue,
                };
                let quick = stored
                    .distance(&shifted, prefix, suffix, pre_score, u32::MAX)
                    .unwrap_or(UNREACHABLE);
                // With a limit: the distance when it is within it, else nothing.
                let limit = random(u64::from(expected) + 3) as u32;
                let bounded = stored.distance(&shifted, prefix, suffix, pre_score, limit);
                assert_eq!(
                    bounded,
                    Some(expected).filter(|&d| d <= limit),
                    "round {round}, limit {limit}"
                );
                assert_eq!(
                    quick, expected,
                    "round {round}: {hyp:?} → {shifted:?} vs {reference:?}"
                );
            }
        }
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
