//! An original and its translation in another language, told apart by their languages and
//! aligned paragraph by paragraph: what `wirecheck diff` shows side by side when the two versions
//! are not in one language.

use std::ops::Range;

use super::{AlignUnit, Bead, align_units, text_length};
use crate::knowledge::language::{Language, detect_language_sampled};
use crate::knowledge::quantity::{Quantity, QuantityValue, find_quantities};
use crate::span::Span;

/// The languages of an original and its translation, and which of their blocks match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslationAlignment {
    /// The original's language (given, or detected from its text).
    pub original_language: Language,
    /// The translation's language, detected from its text.
    pub translation_language: Language,
    /// The blocks of each side that match, as indexes into the blocks passed in, in order.
    pub beads: Vec<Bead>,
}

/// Aligns the blocks (headline, front lines, paragraphs: byte ranges) of an `original` and of its
/// `translation` when the two are in different languages; `None` when they are in one language,
/// or when either has no letters to tell its language by. `original_language` overrides the
/// detection of the original's language. A range that does not lie in its text counts as empty.
///
/// Anchors are the values of the quantities each block states ([`quantity_anchors`]), read in
/// each one's language: `1200万美元` and `$12 million` are one anchor.
pub fn align_translation(
    original: &str,
    original_blocks: &[Range<usize>],
    translation: &str,
    translation_blocks: &[Range<usize>],
    original_language: Option<Language>,
) -> Option<TranslationAlignment> {
    // Both texts are read whole later; their languages are told from a sample of each.
    let original_language = original_language.or_else(|| detect_language_sampled(original))?;
    let translation_language = detect_language_sampled(translation)?;
    if original_language == translation_language {
        return None;
    }
    let units = |text: &str, blocks: &[Range<usize>], language: Language| -> Vec<AlignUnit> {
        blocks
            .iter()
            .map(|block| {
                // A range that does not lie in the text is an empty block.
                let span = match text.get(block.clone()) {
                    Some(_) => Span::new(block.start, block.end),
                    None => Span::new(0, 0),
                };
                AlignUnit {
                    length: text_length(span.slice(text), language),
                    anchors: quantity_anchors(text, span, language),
                }
            })
            .collect()
    };
    let beads = align_units(
        &units(original, original_blocks, original_language),
        &units(translation, translation_blocks, translation_language),
    );
    Some(TranslationAlignment {
        original_language,
        translation_language,
        beads,
    })
}

/// What the firm quantities of `span` of `text`, written in `language`, anchor an alignment by:
/// a hash of each one's value that the same quantity in another language shares (a number's
/// amount, a date's month and day): "1200万美元" and "$12 million" give one anchor.
pub(crate) fn quantity_anchors(text: &str, span: Span, language: Language) -> Vec<u64> {
    find_quantities(text, span, language)
        .iter()
        .filter(|q| q.firm)
        .filter_map(quantity_anchor)
        .collect()
}

/// The anchor of one quantity; `None` for one that says too little (a date without a day).
pub(crate) fn quantity_anchor(quantity: &Quantity) -> Option<u64> {
    Some(match quantity.value {
        QuantityValue::Number { amount, .. } => anchor_hash((0u8, amount)),
        QuantityValue::Date(date) => anchor_hash((1u8, date.month?, date.day?)),
    })
}

/// The hash of an anchor's value (numbers, dates and names each tagged apart).
pub(crate) fn anchor_hash(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_quantity_in_two_languages_is_one_anchor() {
        let anchors =
            |text: &str, language| quantity_anchors(text, Span::new(0, text.len()), language);
        assert_eq!(
            anchors("耗资1200万美元，涉及3000名工人", Language::Chinese),
            anchors(
                "costs $12 million and involves 3,000 workers",
                Language::English
            )
        );
        assert_eq!(
            anchors("٣٠٠٠ عامل", Language::Arabic),
            anchors("3000 workers", Language::English)
        );
        assert_ne!(
            anchors("3000名", Language::Chinese),
            anchors("300 workers", Language::English)
        );
        assert_eq!(anchors("no numbers", Language::English), Vec::<u64>::new());
    }

    /// The blocks of a text of one block, `range`.
    fn one_block(range: Range<usize>) -> Vec<Range<usize>> {
        std::iter::once(range).collect()
    }

    #[test]
    fn one_language_is_no_translation() {
        let text = "Headline\n\nThe minister said.\n";
        let headline = one_block(0..8);
        assert_eq!(
            align_translation(text, &headline, text, &headline, None),
            None
        );
        let numbers = one_block(0..5);
        assert_eq!(
            align_translation("3 — 4", &numbers, text, &headline, None),
            None
        );
    }

    #[test]
    fn a_chinese_original_aligns_with_its_english_translation() {
        let original = "日美同意加强合作\n\n该计划耗资1200万美元，涉及3000名工人。\n";
        let translation = "Japan and U.S. agree to cooperate\n\nThe plan costs $12 million and involves 3,000 workers.\n";
        let alignment = align_translation(
            original,
            &[0..24, 26..original.len() - 1],
            translation,
            &[0..33, 35..translation.len() - 1],
            None,
        )
        .expect("two languages");
        assert_eq!(alignment.original_language, Language::Chinese);
        assert_eq!(alignment.translation_language, Language::English);
        assert_eq!(
            alignment.beads,
            vec![
                Bead {
                    original: 0..1,
                    translation: 0..1
                },
                Bead {
                    original: 1..2,
                    translation: 1..2
                }
            ]
        );
        // The language given for the original is taken as it is.
        let headline = one_block(0..33);
        let forced = align_translation(
            translation,
            &headline,
            translation,
            &headline,
            Some(Language::German),
        );
        assert_eq!(forced.map(|a| a.original_language), Some(Language::German));
        // Ranges that are not in the text (inside a character, past its end) are empty blocks,
        // not a panic.
        let outside = [1..2, 0..999];
        assert!(
            align_translation(original, &outside, translation, &one_block(1..2), None).is_some()
        );
    }
}
