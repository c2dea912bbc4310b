//! An original and its translation in another language, told apart by their languages and
//! aligned paragraph by paragraph: what `wirecheck diff` shows side by side when the two versions
//! are not in one language.

use std::ops::Range;

use super::{AlignUnit, Bead, align_units, text_length};
use crate::knowledge::language::{Language, detect_language};

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
/// Anchors are the numbers written in digits (ASCII, full-width, Arabic-Indic), read with their
/// group separators: `3,000` and `3000` are one anchor.
pub fn align_translation(
    original: &str,
    original_blocks: &[Range<usize>],
    translation: &str,
    translation_blocks: &[Range<usize>],
    original_language: Option<Language>,
) -> Option<TranslationAlignment> {
    let original_language = original_language.or_else(|| detect_language(original))?;
    let translation_language = detect_language(translation)?;
    if original_language == translation_language {
        return None;
    }
    let units = |text: &str, blocks: &[Range<usize>], language: Language| -> Vec<AlignUnit> {
        blocks
            .iter()
            .map(|block| {
                let block = text.get(block.clone()).unwrap_or_default();
                AlignUnit {
                    length: text_length(block, language),
                    anchors: digit_anchors(block),
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

/// The value of a decimal digit of any of the digit sets wire copy uses.
fn digit_value(c: char) -> Option<u64> {
    crate::knowledge::numerals::digit_value(c).map(u64::from)
}

/// Whether `c` may separate the digit groups (or the decimals) of one number.
fn joins_digits(c: char) -> bool {
    matches!(c, ',' | '.' | '，' | '．' | '\u{066B}' | '\u{066C}')
}

/// The numbers written in digits in `text`, each as the value of its digits read together
/// (separators between digits skipped): a stand-in for the values of its quantities, and the
/// same on both sides of a translation whatever digits each writes.
pub(crate) fn digit_anchors(text: &str) -> Vec<u64> {
    let mut anchors = Vec::new();
    let mut value: Option<u64> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(digit) = digit_value(c) {
            // A number too long for 64 bits is no use as an anchor: its value is dropped.
            value = Some(
                value
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(digit))
                    .unwrap_or(u64::MAX),
            );
            continue;
        }
        let continues = joins_digits(c) && chars.peek().copied().and_then(digit_value).is_some();
        if value.is_some() && !continues {
            anchors.extend(value.take().filter(|&v| v != u64::MAX));
        }
    }
    anchors.extend(value.filter(|&v| v != u64::MAX));
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_set_read_as_one_value() {
        assert_eq!(digit_anchors("3,000 workers, 12.5%"), vec![3000, 125]);
        assert_eq!(digit_anchors("３０００名"), vec![3000]);
        assert_eq!(digit_anchors("٣٠٠٠ عامل"), vec![3000]);
        assert_eq!(digit_anchors("۱۲ million"), vec![12]);
        assert_eq!(digit_anchors("5月3日, 2026年"), vec![5, 3, 2026]);
        assert_eq!(digit_anchors("ends 7. Then"), vec![7]);
        assert_eq!(digit_anchors("99999999999999999999999 and 4"), vec![4]);
        assert_eq!(digit_anchors("no numbers"), Vec::<u64>::new());
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
