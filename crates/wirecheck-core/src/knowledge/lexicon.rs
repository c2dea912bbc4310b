//! What a word already is in English: a common word ("copper", "secretary") or a common proper
//! name ("Cooper", "Leiden", "Yvette"). Both lists come from SCOWL as Debian's `wamerican` ships
//! it (`rules/data/README.md` gives the source, licence and command): the lowercase entries
//! (`english-words.txt`) and the capitalised ones of five letters or more (`common-names.txt`).
//! The names rules use them so that a word that is already something is never "corrected" to a
//! known name on its own, and the doubled-word rule so that a doubled common word is not taken for
//! a reduplicated name.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::name_index::fold;

/// Lower-case English words of two letters or more.
static ENGLISH_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../rules/data/english-words.txt")
        .lines()
        .collect()
});

/// Capitalised entries of five letters or more, folded: given names, surnames, places, peoples.
static COMMON_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../../../../rules/data/common-names.txt")
        .lines()
        .map(fold)
        .collect()
});

/// True for a common English word of five letters or more, in any case ("Copper", "Analysts").
pub(crate) fn is_common_word(word: &str) -> bool {
    word.len() >= 5 && is_english_word(word)
}

/// True for a common English word of any length, in any case ("Vice", "Secretary").
pub(crate) fn is_english_word(word: &str) -> bool {
    ENGLISH_WORDS.contains(word.to_lowercase().as_str())
}

/// True for a common proper name of English text, case and diacritics ignored: a given name
/// ("Yvette"), a surname ("Cooper"), a place ("Leiden") or a people ("Dutchmen").
pub(crate) fn is_common_name(word: &str) -> bool {
    COMMON_NAMES.contains(fold(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_words_of_five_letters_or_more_in_any_case() {
        assert!(is_common_word("Copper"));
        assert!(is_common_word("SECRETARY"));
        assert!(!is_common_word("Vice"), "four letters");
        assert!(!is_common_word("Takaichi"));
    }

    #[test]
    fn english_words_are_of_any_length() {
        assert!(is_english_word("Vice"));
        assert!(is_english_word("secretary"));
        assert!(!is_english_word("Pago"));
        assert!(!is_english_word("Bora"));
    }

    #[test]
    fn common_names_are_capitalised_entries_folded() {
        for name in ["Yvette", "Cooper", "Leiden", "LEIDEN", "Dmitri"] {
            assert!(is_common_name(name), "{name}");
        }
        for word in ["Takaichi", "Starmar", "copper-ish", "Leyen"] {
            assert!(!is_common_name(word), "{word}");
        }
    }
}
