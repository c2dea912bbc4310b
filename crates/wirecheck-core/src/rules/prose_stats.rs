//! Counts of a text's words, sentences, characters and syllables, as Vale's readability and metric
//! rules read them (Vale takes them from its `summarize` library): words are runs of letters,
//! digits and apostrophes, or initials such as `U.S.`; a long word has more than six bytes; a
//! polysyllabic word more than two syllables, and a complex word too once `-es`, `-ed` or `-ing`
//! is taken off; characters are the words' letters and digits. Paragraphs are split at blank
//! lines and sentences by wirecheck's own sentence splitter (Vale's Punkt model is not ported,
//! so a sentence count may differ from Vale's around abbreviations).

use std::sync::LazyLock;

use regex::Regex;

use crate::document::segment::split_sentences;
use crate::span::Span;

/// The counts of one text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct ProseStats {
    pub(super) words: f64,
    pub(super) sentences: f64,
    pub(super) characters: f64,
    pub(super) syllables: f64,
    pub(super) polysyllabic_words: f64,
    pub(super) complex_words: f64,
    pub(super) long_words: f64,
    pub(super) paragraphs: f64,
}

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+").expect("the word pattern is valid")
});

impl ProseStats {
    /// The counts of `text`.
    pub(super) fn of(text: &str) -> ProseStats {
        let mut stats = ProseStats::default();
        let mut offset = 0;
        for paragraph in text.split("\n\n") {
            let span = Span::new(offset, offset + paragraph.len());
            offset += paragraph.len() + 2;
            stats.paragraphs += 1.0;
            if paragraph.trim().is_empty() {
                continue;
            }
            for sentence in split_sentences(text, span) {
                stats.sentences += 1.0;
                for word in WORD.find_iter(sentence.slice(text)) {
                    stats.add_word(word.as_str());
                }
            }
        }
        stats
    }

    fn add_word(&mut self, word: &str) {
        self.words += 1.0;
        self.characters += word.chars().filter(|c| c.is_alphanumeric()).count() as f64;
        if word.len() > 6 {
            self.long_words += 1.0;
        }
        let syllables = syllables(word);
        self.syllables += syllables as f64;
        if syllables > 2 {
            self.polysyllabic_words += 1.0;
        }
        let inflected = ["es", "ed", "ing"].iter().any(|s| word.ends_with(s));
        if syllables - usize::from(inflected) > 2 {
            self.complex_words += 1.0;
        }
    }

    /// Flesch-Kincaid grade level.
    pub(super) fn flesch_kincaid(&self) -> f64 {
        0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59
    }

    /// Gunning Fog index.
    pub(super) fn gunning_fog(&self) -> f64 {
        0.4 * (self.words / self.sentences + 100.0 * self.complex_words / self.words)
    }

    /// SMOG grade.
    pub(super) fn smog(&self) -> f64 {
        1.0430 * (self.polysyllabic_words * 30.0 / self.sentences).sqrt() + 3.1291
    }

    /// Automated Readability Index.
    pub(super) fn automated_readability(&self) -> f64 {
        4.71 * (self.characters / self.words) + 0.5 * (self.words / self.sentences) - 21.43
    }

    /// Coleman-Liau index.
    pub(super) fn coleman_liau(&self) -> f64 {
        0.0588 * (self.characters / self.words) * 100.0
            - 0.296 * (self.sentences / self.words) * 100.0
            - 15.8
    }
}

/// Words whose syllables the rules below miscount.
const SYLLABLE_EXCEPTIONS: &[(&str, usize)] = &[
    ("abalone", 4),
    ("abare", 3),
    ("abed", 2),
    ("abruzzese", 4),
    ("abbruzzese", 4),
    ("aborigine", 5),
    ("aborigines", 5),
    ("acreage", 3),
    ("adame", 3),
    ("adieu", 2),
    ("adobe", 3),
    ("anemone", 4),
    ("apache", 3),
    ("aphrodite", 4),
    ("apostrophe", 4),
    ("ariadne", 4),
    ("cafe", 2),
    ("cafes", 2),
    ("calliope", 4),
    ("catastrophe", 4),
    ("chile", 2),
    ("chloe", 2),
    ("circe", 2),
    ("coyote", 3),
    ("epitome", 4),
    ("facsimile", 4),
    ("forever", 3),
    ("gethsemane", 4),
    ("guacamole", 4),
    ("hyperbole", 4),
    ("jesse", 2),
    ("jukebox", 2),
    ("karate", 3),
    ("machete", 3),
    ("maybe", 2),
    ("people", 2),
    ("recipe", 3),
    ("sesame", 3),
    ("shoreline", 2),
    ("simile", 3),
    ("syncope", 3),
    ("tamale", 3),
    ("yosemite", 4),
    ("daphne", 2),
    ("eurydice", 4),
    ("euterpe", 3),
    ("hermione", 4),
    ("penelope", 4),
    ("persephone", 4),
    ("phoebe", 2),
    ("zoe", 2),
];

/// Prefixes and suffixes that add syllables the vowel count misses; the earlier a group, the more
/// it adds (the first prefix group two, the first suffix group three).
const PREFIX_GROUPS: &[&[&str]] = &[
    &[
        "above", "anti", "ante", "counter", "hyper", "afore", "agri", "infra", "intra", "inter",
        "over", "semi", "ultra", "under", "extra", "dia", "micro", "mega", "kilo", "pico", "nano",
        "macro",
    ],
    &[
        "un", "fore", "ware", "none", "non", "out", "post", "sub", "pre", "pro", "dis", "side",
    ],
];
const SUFFIX_GROUPS: &[&[&str]] = &[
    &["ology", "ologist", "onomy", "onomist"],
    &["fully", "berry", "woman", "women"],
    &[
        "ly", "less", "some", "ful", "er", "ers", "ness", "cian", "cians", "ment", "ments", "ette",
        "ettes", "ville", "villes", "ships", "ship", "side", "sides", "port", "ports", "shire",
        "shires", "tion", "tioned",
    ],
];

/// Endings heard as one syllable though written with more vowel groups.
const FEWER: &[&str] = &[
    concat!(
        "cia(?:l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$|[oa]gue$|",
        ".[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$|",
        "[aeiouy](?:b|c|ch|dg|f|g|gh|gn|k|l|lch|ll|lv|m|mm|n|nc|ng|nch|nn|p|r|rc|rn|rs|rv|s|sc|",
        "sk|sl|squ|ss|th|v|y|z)ed$|",
        "[aeiouy](?:b|ch|d|f|gh|gn|k|l|lch|ll|lv|m|mm|n|nch|nn|p|r|rn|rs|rv|s|sc|sk|sl|squ|ss|",
        "st|t|th|v|y)es$"
    ),
    concat!(
        "[aeiouy](?:b|c|ch|d|dg|f|g|gh|gn|k|l|ll|lv|m|mm|n|nc|ng|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|",
        "squ|ss|st|t|th|v|y|z)e$"
    ),
];

/// Letter groups heard as two syllables though written as one vowel group.
const MORE: &[&str] = &[
    concat!(
        "(?:[^aeiouy]ie(?:r|st|t)|[aeiouym]bl|eo|ism|asm|thm|dnt|uity|dea|gean|oa|ua|eings?|",
        "[aeiouy]sh?e[rsd])$"
    ),
    "[^gq]ua[^auieo]|[aeiou]{3}|^(?:ia|mc|coa[dglx].)",
    "[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|real|iell|eo[^aeiou]|[aeiou]y[aeiou]",
    "[^s]ia",
];

struct SyllableRules {
    vowel_groups: Regex,
    fewer: Vec<Regex>,
    more: Vec<Regex>,
}

static SYLLABLE_RULES: LazyLock<SyllableRules> = LazyLock::new(|| {
    let compile = |p: &str| Regex::new(p).expect("the syllable patterns are valid");
    SyllableRules {
        vowel_groups: compile("[aeiouy]+"),
        fewer: FEWER.iter().map(|p| compile(p)).collect(),
        more: MORE.iter().map(|p| compile(p)).collect(),
    }
});

/// The syllables of `word`, estimated from its spelling; at least one.
pub(super) fn syllables(word: &str) -> usize {
    let length = word.chars().count();
    if length == 0 {
        return 0;
    }
    if length < 3 {
        return 1;
    }
    let word = word.to_lowercase();
    if let Some((_, count)) = SYLLABLE_EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        return *count;
    }
    let (stem, prefix) = strip_group(&word, PREFIX_GROUPS, |w, p| w.strip_prefix(p));
    let (stem, suffix) = strip_group(stem, SUFFIX_GROUPS, |w, s| w.strip_suffix(s));
    let rules = &*SYLLABLE_RULES;
    let count_of = |re: &Regex| re.find_iter(stem).count() as isize;
    let mut count = (prefix + suffix) as isize + count_of(&rules.vowel_groups);
    count -= rules.fewer.iter().map(count_of).sum::<isize>();
    count += rules.more.iter().map(count_of).sum::<isize>();
    usize::try_from(count).unwrap_or(0).max(1)
}

/// `word` without the first affix of the first group that has one, and what that group adds.
fn strip_group<'w>(
    word: &'w str,
    groups: &[&[&str]],
    strip: impl Fn(&'w str, &str) -> Option<&'w str>,
) -> (&'w str, usize) {
    for (i, group) in groups.iter().enumerate() {
        if let Some(stem) = group.iter().find_map(|affix| strip(word, affix)) {
            return (stem, groups.len() - i);
        }
    }
    (word, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_from_spelling() {
        for (word, expected) in [
            ("a", 1),
            ("the", 1),
            ("yen", 1),
            ("market", 2),
            ("people", 2),
            ("government", 3),
            ("organization", 5),
            ("unhappy", 3),
            ("biology", 4),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn words_sentences_and_characters_are_counted() {
        let stats = ProseStats::of("The yen fell. Markets in the U.S. rose sharply.\n\nIt's over.");
        assert_eq!(stats.sentences, 3.0);
        assert_eq!(stats.words, 11.0);
        // "U.S." counts its two letters; "It's" its three.
        assert_eq!(stats.characters, 42.0);
        assert_eq!(stats.long_words, 2.0);
        assert_eq!(stats.paragraphs, 2.0);
    }
}
