//! Cyrillic and Greek letters that look like Latin ones ("а" U+0430 for "a", "Ο" U+039F for
//! "O"), and the Latin letter each stands for, as Unicode's confusables data (UTS #39, through
//! the `unicode-security` crate) pairs them: a letter stands for the ASCII letter of the same case
//! whose skeleton is its own.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use unicode_security::skeleton;

/// The skeleton of each ASCII letter → the letters with it ("l" → l and I).
static LATIN_BY_SKELETON: LazyLock<FxHashMap<String, Vec<char>>> = LazyLock::new(|| {
    let mut by_skeleton: FxHashMap<String, Vec<char>> = FxHashMap::default();
    for letter in ('a'..='z').chain('A'..='Z') {
        by_skeleton
            .entry(skeleton(&letter.to_string()).collect())
            .or_default()
            .push(letter);
    }
    by_skeleton
});

/// True for a letter of the Cyrillic or Greek blocks.
fn is_cyrillic_or_greek(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' | '\u{400}'..='\u{52f}')
}

/// The Latin letter a Cyrillic or Greek `c` looks like, if any.
pub(crate) fn latin_lookalike(c: char) -> Option<char> {
    if !is_cyrillic_or_greek(c) {
        return None;
    }
    let letters = LATIN_BY_SKELETON.get(&skeleton(&c.to_string()).collect::<String>())?;
    letters
        .iter()
        .copied()
        .find(|l| l.is_uppercase() == c.is_uppercase())
        .or_else(|| letters.first().copied())
}

/// `text` with every Cyrillic or Greek look-alike replaced by its Latin letter, or `None` when
/// some Cyrillic or Greek letter in it looks like none (so no replacement makes it Latin).
pub(crate) fn to_latin(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_cyrillic_or_greek(c) {
            out.push(latin_lookalike(c)?);
        } else {
            out.push(c);
        }
    }
    (out != text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_and_greek_lookalikes_stand_for_latin_letters_of_their_case() {
        let pairs = [
            ('\u{430}', 'a'),
            ('\u{435}', 'e'),
            ('\u{43e}', 'o'),
            ('\u{440}', 'p'),
            ('\u{441}', 'c'),
            ('\u{410}', 'A'),
            ('\u{41c}', 'M'),
            ('\u{3bf}', 'o'),
            ('\u{39f}', 'O'),
            ('\u{399}', 'I'),
        ];
        for (foreign, latin) in pairs {
            assert_eq!(
                latin_lookalike(foreign),
                Some(latin),
                "U+{:04X}",
                foreign as u32
            );
        }
        assert_eq!(
            latin_lookalike('a'),
            None,
            "a Latin letter is no look-alike"
        );
        assert_eq!(latin_lookalike('λ'), None);
        assert_eq!(latin_lookalike('Д'), None);
    }

    #[test]
    fn a_word_is_made_latin_only_when_every_foreign_letter_has_a_latin_twin() {
        assert_eq!(to_latin("T\u{43e}kyo").as_deref(), Some("Tokyo"));
        assert_eq!(to_latin("w\u{430}ter").as_deref(), Some("water"));
        assert_eq!(to_latin("Tokyo"), None);
        assert_eq!(to_latin("Дom"), None);
    }
}
