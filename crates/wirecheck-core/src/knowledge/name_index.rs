//! A fuzzy index of known names: finds the known name token a misspelled word is closest to.
//!
//! Words are compared folded (lower case, diacritics stripped) by Damerau-Levenshtein distance, with
//! a threshold scaled by length: none below 5 letters, 1 up to 8, 2 from 9. Japanese long-vowel
//! spellings ("Kouno", "Oono") also match their short form ("Kono", "Ono"). Lookups cost the same
//! whatever the number of names: candidates come from a table of deletions (SymSpell's method),
//! keyed by hash, and only those are measured.
//!
//! Memory: about 8 bytes per deletion variant of each distinct token (a token of up to 4 letters
//! has 1, of 5 to 8 letters one more than its length, of 9 or more about its length squared),
//! plus its spellings: a rule with 1,000,000 two-word names (400,000 distinct tokens) loads in
//! about 4 CPU-seconds and 420 MB, the parsed YAML included (`benches/bounds.sh`).

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::OnceLock;

use rayon::slice::ParallelSliceMut as _;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The largest edit distance any word is allowed.
const MAX_DISTANCE: usize = 2;

/// True when folded token `found` is `expected` or a near miss of it.
pub(crate) fn is_close(found: &str, expected: &str) -> bool {
    if found == expected {
        return true;
    }
    let len = found.chars().count().min(expected.chars().count());
    let limit = allowed_distance(len);
    limit > 0 && strsim::damerau_levenshtein(found, expected) <= limit
}

/// How many edits a word of `len` letters may differ by and still be a near miss.
pub(crate) fn allowed_distance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => MAX_DISTANCE,
    }
}

/// `word` in lower case with diacritics and invisible characters stripped: "Kōno" → "kono".
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|&c| !is_combining_mark(c) && !crate::document::is_invisible(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A folded word with Japanese long vowels shortened: "kouno" → "kono", "oohashi" → "ohashi".
fn fold_long_vowels(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut previous = '\0';
    for c in folded.chars() {
        let long = matches!((previous, c), ('o', 'u') | ('o', 'o') | ('u', 'u'));
        if !long {
            out.push(c);
        }
        previous = if long { '\0' } else { c };
    }
    out
}

/// One distinct name token in the index: where its spellings are in [`NameIndex::text`].
#[derive(Clone, Debug)]
struct Target {
    /// Start of the token as written; its folded form follows it, then its long-vowel form.
    start: usize,
    token_end: usize,
    folded_end: usize,
    long_vowels_end: usize,
}

/// The best known token for a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NearMiss<'a> {
    /// The known token's spelling.
    pub token: &'a str,
    /// The entries that token belongs to.
    pub entries: Vec<usize>,
    /// The edit distance between the folded forms.
    pub distance: usize,
}

/// Known name tokens, indexed for exact and fuzzy lookup.
///
/// Built compactly, since a names list may have a million entries: each distinct token is stored
/// once however many names share it, its spellings back to back in one string, and the table of
/// deletions is a sorted array of (key, token) pairs of 8 bytes with a directory of buckets, built
/// when the first fuzzy lookup needs it.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// Every target's token, folded form and long-vowel form, back to back.
    text: String,
    targets: Vec<Target>,
    /// Hash of a token → its target (a token whose hash another token has is simply added again,
    /// which changes no answer).
    target_of: FxHashMap<u64, u32>,
    /// (target, entry) for every time a token was added.
    memberships: Vec<(u32, u32)>,
    /// Every known spelling, exactly as written.
    known: FxHashSet<Box<str>>,
    /// Every known spelling, folded: a word that folds to one of these differs only in case or
    /// diacritics.
    known_folded: FxHashSet<Box<str>>,
    /// The lookup tables, built on the first fuzzy lookup after a change.
    tables: OnceLock<Tables>,
}

/// The parts of the index fuzzy lookups use, derived from the targets.
#[derive(Debug, Default)]
struct Tables {
    /// The entries of target `t` are `entries[entry_starts[t]..entry_starts[t + 1]]`, ascending.
    entry_starts: Vec<u32>,
    entries: Vec<u32>,
    /// (hash of a deletion variant or long-vowel form, target), sorted and without repeats. Two
    /// variants with the same hash only add a candidate, which is then measured and dropped.
    deletions: Vec<(u32, u32)>,
    /// `deletions[buckets[b]..buckets[b + 1]]` holds the keys whose top bits are `b`.
    buckets: Vec<u32>,
    /// How far a key is shifted right to give its bucket.
    shift: u32,
}

impl Tables {
    fn build(index: &NameIndex) -> Tables {
        let mut memberships = index.memberships.clone();
        memberships.sort_unstable();
        memberships.dedup();
        let mut entry_starts = Vec::with_capacity(index.targets.len() + 1);
        let mut entries = Vec::with_capacity(memberships.len());
        let mut next = memberships.iter().peekable();
        for target in 0..index.targets.len() as u32 {
            entry_starts.push(entries.len() as u32);
            while let Some(&(_, entry)) = next.next_if(|(t, _)| *t == target) {
                entries.push(entry);
            }
        }
        entry_starts.push(entries.len() as u32);

        // Reserved exactly: `deletion_variants` visits 1 + n + n(n - 1) strings with budget 2,
        // 1 + n with budget 1, and 1 with none (n characters); one more for the long-vowel form.
        let visits: usize = index
            .targets
            .iter()
            .map(|target| {
                let n = index.folded(target).chars().count();
                2 + match allowed_distance(n) {
                    0 => 0,
                    1 => n,
                    _ => n + n * n.saturating_sub(1),
                }
            })
            .sum();
        let mut deletions = Vec::with_capacity(visits);
        for (id, target) in index.targets.iter().enumerate() {
            let id = id as u32;
            let folded = index.folded(target);
            deletions.push((key(index.long_vowels(target), b'L'), id));
            let budget = allowed_distance(folded.chars().count());
            deletion_variants(folded, budget, &mut |variant| {
                deletions.push((key(variant, b'D'), id));
            });
        }
        deletions.par_sort_unstable();
        deletions.dedup();
        deletions.shrink_to_fit();
        // About one bucket per two pairs, so that the directory costs at most 2 bytes a pair.
        let bits = (usize::BITS - (deletions.len() / 2).leading_zeros()).clamp(1, 31);
        let shift = 32 - bits;
        let mut buckets = vec![0u32; (1 << bits) + 1];
        for &(k, _) in &deletions {
            buckets[(k >> shift) as usize + 1] += 1;
        }
        for b in 1..buckets.len() {
            buckets[b] += buckets[b - 1];
        }
        Tables {
            entry_starts,
            entries,
            deletions,
            buckets,
            shift,
        }
    }

    /// The targets with a variant of hash `k`.
    fn targets_with(&self, k: u32) -> impl Iterator<Item = u32> + '_ {
        let bucket = (k >> self.shift) as usize;
        let range = match (self.buckets.get(bucket), self.buckets.get(bucket + 1)) {
            (Some(&from), Some(&to)) => from as usize..to as usize,
            _ => 0..0,
        };
        self.deletions[range]
            .iter()
            .filter(move |(key, _)| *key == k)
            .map(|&(_, target)| target)
    }

    fn entries_of(&self, target: u32) -> &[u32] {
        let t = target as usize;
        &self.entries[self.entry_starts[t] as usize..self.entry_starts[t + 1] as usize]
    }
}

impl NameIndex {
    /// An empty index.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    fn token(&self, target: &Target) -> &str {
        &self.text[target.start..target.token_end]
    }

    fn folded(&self, target: &Target) -> &str {
        &self.text[target.token_end..target.folded_end]
    }

    fn long_vowels(&self, target: &Target) -> &str {
        &self.text[target.folded_end..target.long_vowels_end]
    }

    /// Adds a token of entry `entry` that misspellings should be corrected to.
    pub(crate) fn add_canonical(&mut self, token: &str, entry: usize) {
        if token.chars().count() < 2 || !token.starts_with(char::is_uppercase) {
            self.add_known(token);
            return;
        }
        let hash = full_key(token);
        let id = match self.target_of.get(&hash).copied() {
            // Already a target, so already known.
            Some(id) if self.token(&self.targets[id as usize]) == token => id,
            existing => {
                self.add_known(token);
                let id = self.targets.len() as u32;
                let folded = fold(token);
                let long_vowels = fold_long_vowels(&folded);
                let start = self.text.len();
                self.text.push_str(token);
                let token_end = self.text.len();
                self.text.push_str(&folded);
                let folded_end = self.text.len();
                self.text.push_str(&long_vowels);
                self.targets.push(Target {
                    start,
                    token_end,
                    folded_end,
                    long_vowels_end: self.text.len(),
                });
                if existing.is_none() {
                    self.target_of.insert(hash, id);
                }
                id
            }
        };
        self.memberships.push((id, entry as u32));
        self.tables.take();
    }

    /// Adds a spelling that is correct but not a correction target (a variant, an allowed word).
    pub(crate) fn add_known(&mut self, token: &str) {
        if !self.known.contains(token) {
            self.known.insert(token.into());
        }
        let folded = fold(token);
        if !self.known_folded.contains(folded.as_str()) {
            self.known_folded.insert(folded.into_boxed_str());
        }
    }

    /// True when `word` is a known spelling, ignoring case and diacritics.
    pub(crate) fn is_known(&self, word: &str) -> bool {
        self.known.contains(word) || self.known_folded.contains(fold(word).as_str())
    }

    /// The known token `word` most likely misspells, or `None` when it is known, too far from every
    /// token, or equally close to two different tokens.
    pub(crate) fn near_miss(&self, word: &str) -> Option<NearMiss<'_>> {
        if self.known.contains(word) {
            return None;
        }
        let folded = fold(word);
        if self.known_folded.contains(folded.as_str()) {
            return None;
        }
        let tables = self.tables.get_or_init(|| Tables::build(self));
        let long_vowels = fold_long_vowels(&folded);
        let len = folded.chars().count();
        let mut candidates: FxHashSet<u32> = FxHashSet::default();
        let mut collect = |k: u32| candidates.extend(tables.targets_with(k));
        collect(key(&long_vowels, b'L'));
        deletion_variants(&folded, allowed_distance(len), &mut |variant| {
            collect(key(variant, b'D'))
        });

        let first = folded.chars().next();
        let mut best: Option<NearMiss<'_>> = None;
        for id in candidates {
            let target = &self.targets[id as usize];
            let target_folded = self.folded(target);
            if target_folded.chars().next() != first {
                continue;
            }
            let distance = if self.long_vowels(target) == long_vowels {
                0
            } else {
                let limit = allowed_distance(len.min(target_folded.chars().count()));
                let distance = strsim::damerau_levenshtein(&folded, target_folded);
                if distance > limit {
                    continue;
                }
                distance
            };
            let token = self.token(target);
            match &mut best {
                Some(b) if b.distance < distance => {}
                Some(b) if b.distance == distance && b.token == token => {
                    b.entries
                        .extend(tables.entries_of(id).iter().map(|&e| e as usize));
                }
                Some(b) if b.distance == distance => {
                    // Two different names are equally close: no safe correction.
                    b.token = "";
                }
                _ => {
                    let entries = tables.entries_of(id).iter().map(|&e| e as usize).collect();
                    best = Some(NearMiss {
                        token,
                        entries,
                        distance,
                    });
                }
            }
        }
        best.filter(|b| !b.token.is_empty()).map(|mut b| {
            b.entries.sort_unstable();
            b.entries.dedup();
            b
        })
    }
}

/// The 64-bit hash of a whole token, to find its target again.
fn full_key(token: &str) -> u64 {
    FxBuildHasher.hash_one(token)
}

/// The 32-bit hash of a deletion variant (`tag` `D`) or long-vowel form (`L`).
fn key(variant: &str, tag: u8) -> u32 {
    let mut hasher = FxBuildHasher.build_hasher();
    tag.hash(&mut hasher);
    variant.hash(&mut hasher);
    // Fx's high bits are its best mixed.
    (hasher.finish() >> 32) as u32
}

/// Calls `visit` with `word` and every string made by deleting up to `budget` (at most 2)
/// characters from it (some more than once).
fn deletion_variants(word: &str, budget: usize, visit: &mut dyn FnMut(&str)) {
    visit(word);
    if budget == 0 {
        return;
    }
    let mut once = String::with_capacity(word.len());
    let mut twice = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        remove_char(word, i, c, &mut once);
        visit(&once);
        if budget < 2 {
            continue;
        }
        for (j, d) in once.char_indices() {
            remove_char(&once, j, d, &mut twice);
            visit(&twice);
        }
    }
}

/// Writes `word` without the character `c` at byte `at` into `out`.
fn remove_char(word: &str, at: usize, c: char, out: &mut String) {
    out.clear();
    out.push_str(&word[..at]);
    out.push_str(&word[at + c.len_utf8()..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&str]) -> NameIndex {
        let mut index = NameIndex::new();
        for (entry, name) in names.iter().enumerate() {
            for token in name.split_whitespace() {
                index.add_canonical(token, entry);
            }
        }
        index
    }

    #[test]
    fn finds_near_misses_of_known_tokens() {
        let index = index(&["Sanae Takaichi", "Shinjiro Koizumi", "Taro Kono"]);
        let miss = index.near_miss("Takaiichi").unwrap();
        assert_eq!(
            (miss.token, miss.distance, miss.entries),
            ("Takaichi", 1, vec![0])
        );
        assert_eq!(index.near_miss("Koizumii").unwrap().token, "Koizumi");
        assert_eq!(index.near_miss("Kouno").unwrap().token, "Kono");
    }

    #[test]
    fn known_spellings_and_distant_words_are_not_near_misses() {
        let index = index(&["Sanae Takaichi", "Taro Kono"]);
        assert_eq!(index.near_miss("Takaichi"), None);
        assert_eq!(index.near_miss("TAKAICHI"), None);
        assert_eq!(
            index.near_miss("Kōno"),
            None,
            "diacritics alone are not a misspelling"
        );
        assert_eq!(index.near_miss("Tokyo"), None);
        assert_eq!(index.near_miss("Kona"), None, "four letters allow no edit");
        assert_eq!(index.near_miss("Makaichi"), None, "first letters differ");
    }

    #[test]
    fn a_token_shared_by_many_entries_is_stored_once_with_all_of_them() {
        let mut index = NameIndex::new();
        for entry in 0..1000 {
            index.add_canonical("Tanaka", entry);
            index.add_canonical("Tanaka", entry);
        }
        assert_eq!(index.targets.len(), 1);
        let miss = index.near_miss("Tanakka").unwrap();
        assert_eq!(miss.entries, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn names_added_after_a_lookup_are_found() {
        let mut index = index(&["Sanae Takaichi"]);
        assert_eq!(index.near_miss("Takaiichi").unwrap().token, "Takaichi");
        assert_eq!(index.near_miss("Koizumii"), None);
        index.add_canonical("Koizumi", 1);
        assert_eq!(index.near_miss("Koizumii").unwrap().entries, [1]);
    }

    #[test]
    fn equally_close_different_names_give_no_correction() {
        let index = index(&["Ishiba", "Ishida"]);
        assert_eq!(index.near_miss("Ishiha"), None);
    }
}
