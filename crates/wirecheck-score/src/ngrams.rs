//! Sorted n-gram multisets shared by BLEU and chrF: all n-grams of every
//! order of a sequence of integer units from a single sort, and multiset
//! intersection and max-union over them.

/// All n-grams up to some order of a unit sequence (characters or words),
/// as one sorted list of prefix keys.
///
/// The key of position `i` packs units `i..i + max_order` most significant
/// first (each stored +1 in `bits` bits, 0 past the end). Sorting these
/// keys once sorts the n-grams of *every* order n ≤ `max_order`: the
/// n-gram at `i` is the key's top n lanes, and equal prefixes of sorted
/// keys are contiguous. One sort replaces one per order.
pub struct PrefixKeys {
    keys: Vec<u128>,
    len: usize,
    max_order: usize,
    bits: usize,
}

impl PrefixKeys {
    /// Builds the keys of `units` for n-grams up to `max_order`, with
    /// `bits` bits per unit (`max_order * bits` must not exceed 128 and
    /// every unit must fit in `bits` bits after adding 1).
    pub fn new(units: &[u32], max_order: usize, bits: usize) -> Self {
        let mut keys: Vec<u128> = (0..units.len())
            .map(|i| {
                units[i..(i + max_order).min(units.len())]
                    .iter()
                    .enumerate()
                    .fold(0u128, |key, (k, &unit)| {
                        key | (u128::from(unit) + 1) << (bits * (max_order - 1 - k))
                    })
            })
            .collect();
        keys.sort_unstable();
        PrefixKeys {
            keys,
            len: units.len(),
            max_order,
            bits,
        }
    }

    /// Number of n-grams of order `n`.
    pub fn count(&self, n: usize) -> u64 {
        (self.len + 1).saturating_sub(n) as u64
    }

    /// The sorted n-grams of order `n` (prefixes too short to be one are
    /// skipped).
    pub fn ngrams(&self, n: usize) -> impl Iterator<Item = u128> + '_ {
        let shift = self.bits * (self.max_order - n);
        let last_lane = (1u128 << self.bits) - 1;
        self.keys
            .iter()
            .map(move |key| key >> shift)
            .filter(move |prefix| prefix & last_lane != 0)
    }

    /// Size of the multiset intersection of the order-`n` n-grams of both
    /// sides: the sum over n-grams of the smaller of the two counts.
    pub fn matches(&self, other: &PrefixKeys, n: usize) -> u64 {
        sorted_intersection(self.ngrams(n), other.ngrams(n))
    }
}

/// Size of the multiset intersection of two sorted sequences.
pub fn sorted_intersection(
    mine: impl Iterator<Item = u128>,
    theirs: impl Iterator<Item = u128>,
) -> u64 {
    let mut mine = mine.peekable();
    let mut theirs = theirs.peekable();
    let mut matches = 0;
    while let (Some(&a), Some(&b)) = (mine.peek(), theirs.peek()) {
        match a.cmp(&b) {
            std::cmp::Ordering::Equal => {
                matches += 1;
                mine.next();
                theirs.next();
            }
            std::cmp::Ordering::Less => {
                mine.next();
            }
            std::cmp::Ordering::Greater => {
                theirs.next();
            }
        }
    }
    matches
}

/// The union of two sorted multisets keeping the larger count of each
/// element (BLEU clips hypothesis counts by the maximum over references).
pub fn max_union(a: &[u128], b: &[u128], out: &mut Vec<u128>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_keys_count_every_order() {
        let hyp = PrefixKeys::new(&[1, 1, 2, 1, 1], 3, 21);
        let reference = PrefixKeys::new(&[1, 1, 1, 2], 3, 21);
        // Unigrams: {1: 4, 2: 1} vs {1: 3, 2: 1}.
        assert_eq!(hyp.matches(&reference, 1), 4);
        // Bigrams: 11, 12, 21, 11 vs 11, 11, 12.
        assert_eq!(hyp.matches(&reference, 2), 3);
        // Trigrams: 112, 121, 211 vs 111, 112.
        assert_eq!(hyp.matches(&reference, 3), 1);
        assert_eq!(hyp.count(3), 3);
        assert_eq!(PrefixKeys::new(&[1], 3, 21).count(2), 0);
    }

    #[test]
    fn max_union_keeps_larger_counts() {
        let mut out = Vec::new();
        max_union(&[1, 1, 2, 7], &[1, 2, 2, 3], &mut out);
        assert_eq!(out, [1, 1, 2, 2, 3, 7]);
    }
}
