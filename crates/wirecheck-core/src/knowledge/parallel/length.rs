//! How long a text is in a measure comparable across scripts: each character weighed by what it
//! carries, so that a Chinese paragraph and its English translation come out about as long. The
//! aligner still calibrates the ratio of each pair from its totals; the weights only need to put
//! scripts on one scale, so that a paragraph mixing scripts (a Chinese one quoting "WHO" and
//! "2026") is measured fairly.

use crate::knowledge::language::{Language, Script, script_of};

/// Weights in tenths of an English letter.
const TENTHS: usize = 10;

/// What one letter of `script` carries, in tenths of an English letter, in a text written in
/// `language`. A Han character holds about what 2.5–3 English letters do (a little less in
/// Japanese, whose kana carry the grammar); a hangul syllable block about 2.5; Arabic, written
/// without its short vowels, a little more than a Latin letter; German, French, Spanish and
/// Russian spell out a little more than English for the same sense.
fn letter_weight(script: Script, language: Language) -> usize {
    match (script, language) {
        (Script::Han, Language::Japanese) => 26,
        (Script::Han, _) => 28,
        (Script::Kana, _) => 16,
        (Script::Hangul, _) => 26,
        (Script::Arabic, _) => 12,
        (Script::Cyrillic, Language::Russian) => 9,
        (Script::Cyrillic, _) => 10,
        (Script::Latin, Language::German | Language::French | Language::Spanish) => 9,
        (Script::Latin, _) => 10,
    }
}

/// What a combining mark or a CJK punctuation mark carries, in tenths of an English letter;
/// `None` for any other character.
fn mark_or_punctuation_weight(c: char) -> Option<usize> {
    match c {
        // Combining marks (accents, Arabic short vowels, which Unicode counts as letters) and
        // zero-width characters add nothing the letter has not.
        '\u{0300}'..='\u{036F}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{200B}'..='\u{200F}' => Some(0),
        // CJK and full-width punctuation stands for a mark and the space after it in English.
        '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' => Some(15),
        _ => None,
    }
}

/// The length of `text`, written in `language`, in English-letter equivalents (rounded).
pub(crate) fn text_length(text: &str, language: Language) -> usize {
    let tenths: usize = text
        .chars()
        .map(|c| match mark_or_punctuation_weight(c) {
            Some(weight) => weight,
            None => script_of(c).map_or(TENTHS, |script| letter_weight(script, language)),
        })
        .sum();
    (tenths + TENTHS / 2) / TENTHS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lengths of a sentence and its translation, as the ratio of the second to the first.
    fn ratio(original: (&str, Language), translation: &str) -> f64 {
        let (text, language) = original;
        text_length(translation, Language::English) as f64 / text_length(text, language) as f64
    }

    #[test]
    fn translations_measure_about_as_long_as_their_originals() {
        let english = "The plan costs $12 million, involves 3,000 workers and starts on May 3.";
        let originals = [
            (
                "该计划耗资1200万美元，涉及3000名工人，于5月3日开始。",
                Language::Chinese,
            ),
            (
                "この計画は1200万ドルの費用がかかり、3000人の労働者が関わり、5月3日に始まる。",
                Language::Japanese,
            ),
            (
                "이 계획에는 1200만 달러가 들고 3000명의 노동자가 참여하며 5월 3일에 시작된다.",
                Language::Korean,
            ),
            (
                "تبلغ تكلفة الخطة 12 مليون دولار، ويشارك فيها 3000 عامل، وتبدأ في 3 مايو.",
                Language::Arabic,
            ),
            (
                "План стоит 12 миллионов долларов, в нем заняты 3000 рабочих, он начнется 3 мая.",
                Language::Russian,
            ),
            (
                "Der Plan kostet 12 Millionen Dollar, betrifft 3000 Arbeiter und beginnt am 3. Mai.",
                Language::German,
            ),
        ];
        for (text, language) in originals {
            let r = ratio((text, language), english);
            assert!((0.7..1.4).contains(&r), "{language}: {r:.2} for {text}");
        }
    }

    #[test]
    fn raw_character_counts_would_not_compare() {
        // What the weights are for: by characters a Chinese sentence is a third of its English.
        let chinese = "该计划耗资1200万美元，涉及3000名工人，于5月3日开始。";
        let english = "The plan costs $12 million, involves 3,000 workers and starts on May 3.";
        let by_chars = english.chars().count() as f64 / chinese.chars().count() as f64;
        assert!(by_chars > 2.0, "{by_chars}");
        assert!(text_length(chinese, Language::Chinese) > 2 * chinese.chars().count() - 10);
    }

    #[test]
    fn marks_weigh_nothing_and_an_empty_text_nothing() {
        assert_eq!(text_length("", Language::Arabic), 0);
        assert_eq!(
            text_length("كَتَبَ", Language::Arabic),
            text_length("كتب", Language::Arabic)
        );
    }
}
