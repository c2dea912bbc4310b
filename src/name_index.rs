//! A fuzzy index of known names: finds the known name token a misspelled word is closest to.
//!
//! Words are compared folded (lower case, diacritics stripped) by Damerau-Levenshtein distance, with
//! a threshold scaled by length: none below 5 letters, 1 up to 8, 2 from 9. Japanese long-vowel
//! spellings ("Kouno", "Oono") also match their short form ("Kono", "Ono"). Lookups cost the same
//! whatever the number of names: candidates come from a table of deletions (SymSpell's method),
//! keyed by hash, and only those are measured.

use std::hash::{BuildHasher, Hash, Hasher};

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The largest edit distance any word is allowed.
const MAX_DISTANCE: usize = 2;

/// True when folded token `found` is `expected` or a near miss of it.
pub fn is_close(found: &str, expected: &str) -> bool {
    if found == expected {
        return true;
    }
    let len = found.chars().count().min(expected.chars().count());
    let limit = allowed_distance(len);
    limit > 0 && strsim::damerau_levenshtein(found, expected) <= limit
}

/// How many edits a word of `len` letters may differ by and still be a near miss.
pub fn allowed_distance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => MAX_DISTANCE,
    }
}

/// `word` in lower case with diacritics and invisible characters stripped: "Kōno" → "kono".
pub fn fold(word: &str) -> String {
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

/// One name token in the index: its spelling and the entry (person, place) it belongs to.
#[derive(Clone, Debug)]
struct Target {
    token: String,
    folded: String,
    long_vowels: String,
    entry: usize,
}

/// The best known token for a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss<'a> {
    /// The known token's spelling.
    pub token: &'a str,
    /// The entries that token belongs to.
    pub entries: Vec<usize>,
    /// The edit distance between the folded forms.
    pub distance: usize,
}

/// Known name tokens, indexed for exact and fuzzy lookup.
#[derive(Debug, Default)]
pub struct NameIndex {
    targets: Vec<Target>,
    /// Every known spelling, exactly as written.
    known: FxHashSet<String>,
    /// Every known spelling, folded: a word that folds to one of these differs only in case or
    /// diacritics.
    known_folded: FxHashSet<String>,
    /// Hash of a deletion variant (or long-vowel form) → targets that produce it.
    deletions: FxHashMap<u64, Vec<u32>>,
}

impl NameIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a token of entry `entry` that misspellings should be corrected to.
    pub fn add_canonical(&mut self, token: &str, entry: usize) {
        self.add_known(token);
        if token.chars().count() < 2 || !token.starts_with(char::is_uppercase) {
            return;
        }
        // Entries are added one after another, so a repeat within an entry is among the last few.
        if self
            .targets
            .iter()
            .rev()
            .take_while(|t| t.entry == entry)
            .any(|t| t.token == token)
        {
            return;
        }
        let folded = fold(token);
        let long_vowels = fold_long_vowels(&folded);
        let id = self.targets.len() as u32;
        let budget = allowed_distance(folded.chars().count());
        let mut keys = FxHashSet::default();
        keys.insert(key(&long_vowels, b'L'));
        deletion_variants(&folded, budget, &mut |variant| {
            keys.insert(key(variant, b'D'));
        });
        for k in keys {
            self.deletions.entry(k).or_default().push(id);
        }
        self.targets.push(Target {
            token: token.to_owned(),
            folded,
            long_vowels,
            entry,
        });
    }

    /// Adds a spelling that is correct but not a correction target (a variant, an allowed word).
    pub fn add_known(&mut self, token: &str) {
        self.known.insert(token.to_owned());
        self.known_folded.insert(fold(token));
    }

    /// True when `word` is a known spelling, ignoring case and diacritics.
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(word) || self.known_folded.contains(&fold(word))
    }

    /// The known token `word` most likely misspells, or `None` when it is known, too far from every
    /// token, or equally close to two different tokens.
    pub fn near_miss(&self, word: &str) -> Option<NearMiss<'_>> {
        if self.known.contains(word) {
            return None;
        }
        let folded = fold(word);
        if self.known_folded.contains(&folded) {
            return None;
        }
        let long_vowels = fold_long_vowels(&folded);
        let len = folded.chars().count();
        let mut candidates: FxHashSet<u32> = FxHashSet::default();
        let mut collect = |k: u64| {
            if let Some(ids) = self.deletions.get(&k) {
                candidates.extend(ids.iter().copied());
            }
        };
        collect(key(&long_vowels, b'L'));
        deletion_variants(&folded, allowed_distance(len), &mut |variant| {
            collect(key(variant, b'D'))
        });

        let first = folded.chars().next();
        let mut best: Option<NearMiss<'_>> = None;
        for id in candidates {
            let target = &self.targets[id as usize];
            if target.folded.chars().next() != first {
                continue;
            }
            let distance = if target.long_vowels == long_vowels {
                0
            } else {
                let limit = allowed_distance(len.min(target.folded.chars().count()));
                let distance = strsim::damerau_levenshtein(&folded, &target.folded);
                if distance > limit {
                    continue;
                }
                distance
            };
            match &mut best {
                Some(b) if b.distance < distance => {}
                Some(b) if b.distance == distance && b.token == target.token => {
                    b.entries.push(target.entry);
                }
                Some(b) if b.distance == distance => {
                    // Two different names are equally close: no safe correction.
                    b.token = "";
                }
                _ => {
                    best = Some(NearMiss {
                        token: &target.token,
                        entries: vec![target.entry],
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

fn key(variant: &str, tag: u8) -> u64 {
    let mut hasher = FxBuildHasher.build_hasher();
    tag.hash(&mut hasher);
    variant.hash(&mut hasher);
    hasher.finish()
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
    fn equally_close_different_names_give_no_correction() {
        let index = index(&["Ishiba", "Ishida"]);
        assert_eq!(index.near_miss("Ishiha"), None);
    }
}
