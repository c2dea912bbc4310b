//! Anchors for long stories: old and new paragraphs that surely correspond, found without
//! comparing every paragraph with every other.
//!
//! Every paragraph is sketched by its words and word pairs (case-folded keys, hashed). A
//! feature found in exactly one old and exactly one new paragraph votes for that pair, as
//! patience and histogram diff use unique lines and sentence aligners rare tokens. A pair
//! that is each other's best vote and similar enough is a candidate; the longest chain of
//! candidates increasing on both sides (a longest increasing subsequence, `O(k log k)`) is
//! the anchor chain. Candidates off the chain are where the order really changed.

use rustc_hash::FxHashMap;
use std::ops::Range;

/// Least votes (shared unique features) for a pair to be a candidate anchor.
const LEAST_VOTES: u32 = 2;

/// The features of one paragraph: its keys and its pairs of consecutive keys, hashed,
/// sorted and without repeats.
pub(crate) fn features(keys: &[u32]) -> Vec<u64> {
    let mut out: Vec<u64> = keys.iter().map(|&k| u64::from(k)).collect();
    out.extend(keys.windows(2).map(|w| {
        // Word pairs live above every single key (keys are u32).
        (1 << 63) | (u64::from(w[0]) << 32) ^ u64::from(w[1]).wrapping_mul(0x9e37_79b9)
    }));
    out.sort_unstable();
    out.dedup();
    out
}

/// The anchor chain of old paragraphs `olds` against new paragraphs `news`: pairs
/// `(old, new)` increasing on both sides, each the other's best match by unique features
/// and accepted by `similar_enough`.
pub(crate) fn anchor_chain(
    old_features: &[Vec<u64>],
    new_features: &[Vec<u64>],
    olds: Range<usize>,
    news: Range<usize>,
    similar_enough: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    // Per feature: (old holders, new holders, last old holder, last new holder).
    let mut seen: FxHashMap<u64, (u32, u32, usize, usize)> = FxHashMap::default();
    for i in olds.clone() {
        for &f in &old_features[i] {
            let entry = seen.entry(f).or_insert((0, 0, i, 0));
            entry.0 += 1;
            entry.2 = i;
        }
    }
    for j in news.clone() {
        for &f in &new_features[j] {
            if let Some(entry) = seen.get_mut(&f) {
                entry.1 += 1;
                entry.3 = j;
            }
        }
    }
    let mut votes: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(a, b, _, _)| a == 1 && b == 1)
        .map(|(_, _, i, j)| (i, j))
        .collect();
    votes.sort_unstable();
    // (old, new, votes) for every voted pair.
    let mut pairs: Vec<(usize, usize, u32)> = Vec::new();
    for (i, j) in votes {
        match pairs.last_mut() {
            Some(last) if last.0 == i && last.1 == j => last.2 += 1,
            _ => pairs.push((i, j, 1)),
        }
    }
    let mut best_old: FxHashMap<usize, (u32, usize)> = FxHashMap::default();
    let mut best_new: FxHashMap<usize, (u32, usize)> = FxHashMap::default();
    for &(i, j, v) in &pairs {
        let o = best_old.entry(i).or_insert((0, j));
        if v > o.0 {
            *o = (v, j);
        }
        let n = best_new.entry(j).or_insert((0, i));
        if v > n.0 {
            *n = (v, i);
        }
    }
    let candidates: Vec<(usize, usize)> = pairs
        .iter()
        .filter(|&&(i, j, v)| {
            v >= LEAST_VOTES
                && best_old.get(&i).is_some_and(|b| b.1 == j)
                && best_new.get(&j).is_some_and(|b| b.1 == i)
                && similar_enough(i, j)
        })
        .map(|&(i, j, _)| (i, j))
        .collect();
    longest_increasing(&candidates)
}

/// The longest subsequence of `pairs` (sorted by old index, each old index once) whose new
/// indices increase, by patience sorting.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // `tails[k]`: index into `pairs` of the smallest new index ending a chain of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (at, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        before[at] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(at);
        } else {
            tails[k] = at;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        chain.push(pairs[k]);
        at = before[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_is_the_longest_increasing_run() {
        let pairs = [(0, 3), (1, 0), (2, 1), (3, 5), (4, 2), (5, 6)];
        assert_eq!(
            longest_increasing(&pairs),
            vec![(1, 0), (2, 1), (4, 2), (5, 6)]
        );
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn unique_shared_features_anchor_in_order() {
        let old = vec![
            features(&[1, 2, 3]),
            features(&[4, 5, 6]),
            features(&[7, 8, 9]),
        ];
        // The last two swapped: only one of them can be on the chain.
        let new = vec![
            features(&[1, 2, 3]),
            features(&[7, 8, 9]),
            features(&[4, 5, 6]),
        ];
        let chain = anchor_chain(&old, &new, 0..3, 0..3, |_, _| true);
        assert_eq!(chain.len(), 2);
        assert_eq!(chain[0], (0, 0));
    }
}
