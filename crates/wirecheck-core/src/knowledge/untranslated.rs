//! Text a translation left untranslated: runs of the original's script in a translation written
//! in another ("小泉進次郎" in an English paragraph), and paragraphs of the original copied into the
//! translation unchanged or left in the original's language.
//!
//! Precision comes first: a name given in its own script in brackets after its translation
//! ("Sanae Takaichi (高市早苗)"), a quoted slogan with its translation beside it, a single letter
//! (円), a paragraph of names, numbers or a link, a line that is only a dateline or a headline, and
//! a paragraph written in the translation's own language are never reported.

use rustc_hash::FxHashMap;

use crate::document::{Document, ends_sentence};
use crate::knowledge::language::{
    Language, Script, ScriptCounts, detect_language, script_of, telling_words,
};
use crate::span::Span;

/// Fewest letters of the original's script a run must have.
const MIN_RUN_LETTERS: usize = 2;
/// Fewest words of a Latin-script run left in a translation in another script: a phrase, not a
/// name, an acronym or a brand, which such translations keep.
const MIN_LATIN_RUN_WORDS: usize = 3;
/// Fewest lowercase words of such a run: prose rather than a name.
const MIN_LATIN_RUN_LOWERCASE: usize = 2;
/// Fewest letters of a paragraph that can be reported as copied.
const MIN_COPIED_LETTERS: usize = 20;
/// Fewest lowercase words of a paragraph in a script with capitals: prose, not a list of names.
const MIN_COPIED_LOWERCASE: usize = 2;
/// Fewest words of a paragraph told to be in the original's language by its words.
const MIN_LANGUAGE_WORDS: usize = 8;
/// Fewest words telling the original's language in such a paragraph.
const MIN_TELLING_WORDS: usize = 3;
/// Fewer words than this, on one line and not ending like a sentence: a headline.
const MAX_HEADLINE_WORDS: usize = 12;
/// Share of a paragraph's words an original paragraph must have to be the one it was left from.
const MIN_SHARED_WORDS: f64 = 0.5;

/// Scripts written together: kanji are Chinese characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Latin,
    Cjk,
    Hangul,
    Arabic,
    Cyrillic,
}

impl Family {
    fn of_script(script: Script) -> Self {
        match script {
            Script::Latin => Family::Latin,
            Script::Han | Script::Kana => Family::Cjk,
            Script::Hangul => Family::Hangul,
            Script::Arabic => Family::Arabic,
            Script::Cyrillic => Family::Cyrillic,
        }
    }

    fn of_language(language: Language) -> Self {
        Self::of_script(language.script())
    }

    fn has(self, c: char) -> bool {
        script_of(c).is_some_and(|script| Self::of_script(script) == self)
    }
}

/// Runs of the original's script left in a translation in another script: "小泉進次郎" in
/// an English paragraph. Spans into `translation.text()`.
pub(crate) fn untranslated_runs(
    translation: &Document,
    translation_language: Language,
    original_language: Language,
) -> Vec<Span> {
    let original = Family::of_language(original_language);
    let own = Family::of_language(translation_language);
    let letters = match (original_language, translation_language) {
        // Chinese has no kana: kana in a Chinese translation of Japanese were left in it.
        (Language::Japanese, Language::Chinese) => Letters::Kana,
        _ if original == own => return Vec::new(),
        _ => Letters::Family(original),
    };
    // Korean prose keeps single hanja and two-hanja abbreviations ("美中", "韓日").
    let min_letters = if own == Family::Hangul && original == Family::Cjk {
        MIN_RUN_LETTERS + 1
    } else {
        MIN_RUN_LETTERS
    };
    let text = translation.text();
    let mut runs = Vec::new();
    for block in translation.block_spans() {
        for (run, count) in script_runs(text, block, letters) {
            let phrase = original != Family::Latin || is_latin_phrase(run.slice(text));
            if count >= min_letters && phrase && !is_deliberate(text, block, run, own) {
                runs.push(run);
            }
        }
    }
    runs
}

/// The letters a run is made of.
#[derive(Clone, Copy)]
enum Letters {
    /// Letters of the scripts of one family.
    Family(Family),
    /// Hiragana and katakana alone.
    Kana,
}

impl Letters {
    fn has(self, c: char) -> bool {
        match self {
            Letters::Family(family) => family.has(c),
            Letters::Kana => script_of(c) == Some(Script::Kana),
        }
    }
}

/// The runs of `letters` in `block`, joined across spaces, digits, marks, commas and the
/// punctuation inside names (・, ·, -, '), each from its first letter to its last, with at least
/// [`MIN_RUN_LETTERS`] letters, and how many letters each has.
fn script_runs(text: &str, block: Span, letters: Letters) -> Vec<(Span, usize)> {
    let mut runs = Vec::new();
    let mut current: Option<(Span, usize)> = None;
    let mut close = |current: &mut Option<(Span, usize)>| {
        if let Some((run, count)) = current.take()
            && count >= MIN_RUN_LETTERS
        {
            runs.push((run, count));
        }
    };
    for (at, c) in block.slice(text).char_indices() {
        let at = block.start + at;
        if letters.has(c) {
            let end = at + c.len_utf8();
            match &mut current {
                Some((run, count)) => {
                    run.end = end;
                    *count += 1;
                }
                None => current = Some((Span::new(at, end), 1)),
            }
        } else if !joins_a_run(c) {
            close(&mut current);
        }
    }
    close(&mut current);
    runs
}

/// Characters a run goes on across when letters of its script follow them.
fn joins_a_run(c: char) -> bool {
    c.is_whitespace()
        || c.is_numeric()
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(
            c,
            '\u{200c}'
                | '\u{200d}'
                | 'ـ'
                | '・'
                | '·'
                | '-'
                | '‐'
                | '\''
                | '’'
                | ','
                | '、'
                | '，'
                | '；'
                | '：'
                | '،'
                | '؛'
        )
}

/// True when a Latin-script run is a phrase of prose: enough words, enough of them lowercase.
fn is_latin_phrase(run: &str) -> bool {
    let words: Vec<&str> = run.split_whitespace().collect();
    let lowercase = words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    words.len() >= MIN_LATIN_RUN_WORDS && lowercase >= MIN_LATIN_RUN_LOWERCASE
}

/// Brackets and quotes that enclose text.
fn closer_of(open: char) -> Option<char> {
    let close = match open {
        '(' => ')',
        '（' => '）',
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '〔' => '〕',
        '「' => '」',
        '『' => '』',
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        '„' => '“',
        '"' => '"',
        _ => return None,
    };
    Some(close)
}

/// True when `run` is given on purpose: inside brackets or quotes that directly follow text of
/// the translation's script ("Sanae Takaichi (高市早苗)", `the slogan "日本を取り戻す"`), or
/// beside brackets or quotes holding such text (`"日本を取り戻す" ("Take back Japan")`).
fn is_deliberate(text: &str, block: Span, run: Span, own: Family) -> bool {
    let Some((open, close)) = enclosure(text, block, run) else {
        return false;
    };
    // Brackets and quotes may nest and follow one another: `"Take back Japan" ("日本を取り戻す")`.
    let before = text[block.start..open.start].trim_end_matches(|c: char| {
        c.is_whitespace() || is_closing_or_separator(c) || closer_of(c).is_some()
    });
    let follows_own_text = before
        .chars()
        .next_back()
        .is_some_and(|c| own.has(c) || c.is_numeric());
    let after = text[close.end..block.end]
        .trim_start_matches(|c: char| c.is_whitespace() || is_closing_or_separator(c));
    let next = after.chars().next();
    let beside_own_text = next.and_then(closer_of).is_some_and(|closer| {
        let inner = &after[next.map_or(0, char::len_utf8)..];
        let inner = inner.find(closer).map_or(inner, |end| &inner[..end]);
        inner.chars().any(|c| own.has(c))
    });
    follows_own_text || beside_own_text
}

/// Closing brackets and quotes, and the commas and colons between a text and a bracket after it.
fn is_closing_or_separator(c: char) -> bool {
    matches!(
        c,
        ')' | '）'
            | ']'
            | '］'
            | '】'
            | '〕'
            | '」'
            | '』'
            | '”'
            | '’'
            | '»'
            | '"'
            | ','
            | ':'
            | ';'
            | '，'
            | '：'
    )
}

/// The innermost brackets or quotes of `block` around `run`: the opening and the closing one.
fn enclosure(text: &str, block: Span, run: Span) -> Option<(Span, Span)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in text[block.start..run.start].char_indices() {
        if open.last().is_some_and(|&(_, o)| closer_of(o) == Some(c)) {
            open.pop();
        } else if closer_of(c).is_some() {
            open.push((block.start + at, c));
        }
    }
    let &(at, opener) = open.last()?;
    let closer = closer_of(opener)?;
    let mut depth = 0usize;
    for (offset, c) in text[run.end..block.end].char_indices() {
        if c == closer && depth == 0 {
            let close_at = run.end + offset;
            return Some((
                Span::new(at, at + opener.len_utf8()),
                Span::new(close_at, close_at + c.len_utf8()),
            ));
        }
        if c == closer {
            depth -= 1;
        } else if c == opener {
            depth += 1;
        }
    }
    None
}

/// Paragraphs of the translation that are paragraphs of the original copied unchanged (or
/// left in the original's language, for two Latin-script languages): (original paragraph
/// index or None, translation paragraph index).
pub(crate) fn copied_paragraphs(
    original: &Document,
    translation: &Document,
    original_language: Language,
    translation_language: Language,
) -> Vec<(Option<usize>, usize)> {
    if original_language == translation_language {
        return Vec::new();
    }
    let latin = original_language.script() == Script::Latin
        && translation_language.script() == Script::Latin;
    let original_bodies: Vec<&str> = (0..original.paragraphs.len())
        .map(|i| paragraph_body(original, i))
        .collect();
    let mut by_folded: FxHashMap<String, usize> = FxHashMap::default();
    for (i, body) in original_bodies.iter().enumerate() {
        by_folded.entry(fold(body)).or_insert(i);
    }
    let headlines: Vec<String> = [original, translation]
        .iter()
        .filter_map(|doc| doc.headline.map(|h| fold(doc.slice(h))))
        .collect();
    let mut copied = Vec::new();
    for j in 0..translation.paragraphs.len() {
        let body = paragraph_body(translation, j);
        let folded = fold(body);
        if !means_something(body) || headlines.contains(&folded) || looks_like_headline(body) {
            continue;
        }
        if let Some(&i) = by_folded.get(&folded) {
            if !in_own_language(body, original_language, translation_language) {
                copied.push((Some(i), j));
            }
            continue;
        }
        if latin && left_in_language(body, original_language, translation_language) {
            copied.push((closest_paragraph(&original_bodies, body), j));
        }
    }
    copied
}

/// The text of paragraph `index` of `doc`, without its dateline.
fn paragraph_body(doc: &Document, index: usize) -> &str {
    let paragraph = doc.paragraphs[index];
    let start = doc
        .dateline
        .filter(|d| paragraph.start <= d.start && d.end <= paragraph.end)
        .map_or(paragraph.start, |d| d.end);
    doc.slice(Span::new(start, paragraph.end)).trim()
}

/// `text` lowercased, without white space.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of `text` that are not links or addresses.
fn words_without_links(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().filter(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        !(w.contains("://") || w.starts_with("www.") || (w.contains('@') && w.contains('.')))
    })
}

/// True when a paragraph is long enough to mean something: enough letters (a CJK character or a
/// hangul syllable, which say as much as a short word, counting two), not counting links, and in
/// a script with capitals, more than names.
fn means_something(body: &str) -> bool {
    let (mut letters, mut cased) = (0, 0);
    let mut lowercase_words = 0;
    for word in words_without_links(body) {
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            let syllabic = matches!(
                script_of(c),
                Some(Script::Han | Script::Kana | Script::Hangul)
            );
            letters += if syllabic { 2 } else { 1 };
            cased += usize::from(c.is_lowercase() || c.is_uppercase());
        }
        let first = word.chars().find(|c| c.is_alphabetic());
        lowercase_words += usize::from(first.is_some_and(char::is_lowercase));
    }
    let names_only = cased * 2 > letters && lowercase_words < MIN_COPIED_LOWERCASE;
    letters >= MIN_COPIED_LETTERS && !names_only
}

/// True for a line that reads like a headline: one line, few words, no sentence end.
fn looks_like_headline(body: &str) -> bool {
    // Unspaced CJK text has no words to count; its headlines are found by their text alone.
    let unspaced = matches!(
        ScriptCounts::of(body).main_script(),
        Some(Script::Han | Script::Kana)
    );
    !unspaced
        && !body.contains('\n')
        && body.split_whitespace().count() < MAX_HEADLINE_WORDS
        && !ends_sentence(body)
}

/// True when a paragraph found in both versions is written in the translation's language: a
/// quotation the original gave in it, kept as it was.
fn in_own_language(body: &str, original: Language, translation: Language) -> bool {
    if original.script() == Script::Latin && translation.script() == Script::Latin {
        let (in_original, in_translation) = telling_counts(body, original, translation);
        return in_translation >= in_original;
    }
    let own = Family::of_language(translation);
    if Family::of_language(original) == own {
        // Chinese and Japanese: kana tell Japanese.
        return detect_language(body) != Some(original);
    }
    ScriptCounts::of(body)
        .main_script()
        .is_some_and(|script| Family::of_script(script) == own)
}

/// How many words of `text` tell `original`, and how many tell `translation`.
fn telling_counts(text: &str, original: Language, translation: Language) -> (usize, usize) {
    let (original_words, translation_words) = (telling_words(original), telling_words(translation));
    let mut counts = (0, 0);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        counts.0 += usize::from(original_words.contains(&lower.as_str()));
        counts.1 += usize::from(translation_words.contains(&lower.as_str()));
    }
    counts
}

/// True when a paragraph of a translation into a language of the same script is in the original's
/// language: long enough, told so by its words, and with few words of the translation's.
fn left_in_language(body: &str, original: Language, translation: Language) -> bool {
    if body.split_whitespace().count() < MIN_LANGUAGE_WORDS
        || detect_language(body) != Some(original)
    {
        return false;
    }
    let (in_original, in_translation) = telling_counts(body, original, translation);
    in_original >= MIN_TELLING_WORDS && in_original >= 2 * in_translation
}

/// The original paragraph that shares the most of `body`'s words, if it shares enough of them.
fn closest_paragraph(original_bodies: &[&str], body: &str) -> Option<usize> {
    let words = |text: &str| -> rustc_hash::FxHashSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(body);
    if wanted.is_empty() {
        return None;
    }
    original_bodies
        .iter()
        .enumerate()
        .map(|(i, other)| {
            let shared = words(other).intersection(&wanted).count();
            (i, shared as f64 / wanted.len() as f64)
        })
        .filter(|&(_, share)| share >= MIN_SHARED_WORDS)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputFormat;
    use Language::*;

    fn doc(text: &str) -> Document {
        Document::parse(text.to_owned(), InputFormat::Text)
    }

    /// The runs found in the body `paragraph` of an English translation of a story in `original`.
    fn runs(paragraph: &str, original: Language) -> Vec<String> {
        let translation = doc(&format!("Headline Here\n\n{paragraph}\n"));
        untranslated_runs(&translation, English, original)
            .iter()
            .map(|&s| translation.slice(s).to_owned())
            .collect()
    }

    #[test]
    fn runs_of_the_original_script() {
        assert_eq!(
            runs("Defence minister 小泉進次郎 said on Friday.", Japanese),
            ["小泉進次郎"]
        );
        assert_eq!(
            runs(
                "The plan costs $12 million, 该计划耗资1200万美元, officials said.",
                Chinese
            ),
            ["该计划耗资1200万美元"]
        );
        assert_eq!(
            runs("The minister, ساناي تاكايتشي, spoke.", Arabic),
            ["ساناي تاكايتشي"]
        );
        assert_eq!(
            runs("Talks were held in Москва on Friday.", Russian),
            ["Москва"]
        );
        assert_eq!(runs("President 이재명 said.", Korean), ["이재명"]);
        // A whole sentence left in the original.
        assert_eq!(
            runs("日米両政府は３日、合意した。米国は歓迎した。", Japanese),
            ["日米両政府は３日、合意した", "米国は歓迎した"]
        );
        // A run in quotes with nothing before it, and one in brackets after a full stop.
        assert_eq!(
            runs("“日本を取り戻す” was the slogan. (共同)", Japanese),
            ["日本を取り戻す", "共同"]
        );
    }

    #[test]
    fn deliberate_forms_give_nothing() {
        for paragraph in [
            "Prime Minister Sanae Takaichi (高市早苗) said on Friday.",
            "Prime Minister Sanae Takaichi （高市早苗） said on Friday.",
            "Prime Minister Sanae Takaichi (Japanese: 高市早苗) said on Friday.",
            "The slogan “日本を取り戻す” (“Take back Japan”) returned.",
            "The slogan \"Take back Japan\" (\"日本を取り戻す\") returned.",
            "“日本を取り戻す” (“Take back Japan”) was the slogan.",
            "「日本を取り戻す」（Take back Japan） was the slogan.",
            "The yen (円) fell, and 1 円 bought less.",
            "The year 2026 (令和8年) began.",
        ] {
            assert_eq!(
                runs(paragraph, Japanese),
                Vec::<String>::new(),
                "{paragraph}"
            );
        }
        assert_eq!(
            runs("Minister Sanae Takaichi (ساناي تاكايتشي) spoke.", Arabic),
            Vec::<String>::new()
        );
        // Same-script languages have no runs of another script to find.
        let translation = doc("Headline\n\nDie Regierung hat am Montag beschlossen.\n");
        assert_eq!(untranslated_runs(&translation, English, German), []);
        let translation = doc("見出し\n\n日本政府は３日、発表した。\n");
        assert_eq!(untranslated_runs(&translation, Japanese, Chinese), []);
    }

    #[test]
    fn latin_runs_in_a_translation_in_another_script_are_phrases_only() {
        let translation = doc(
            "标题\n\n日本和美国同意加强合作，NATO和G7表示欢迎，Sanae Takaichi出席。the minister said the plan would start in May。\n",
        );
        let found: Vec<_> = untranslated_runs(&translation, Chinese, English)
            .iter()
            .map(|&s| translation.slice(s))
            .collect();
        assert_eq!(found, ["the minister said the plan would start in May"]);
    }

    #[test]
    fn paragraphs_copied_unchanged() {
        let original = doc(
            "日美同意加强合作\n\n新华社北京5月3日电 日本和美国3日同意加强国防装备联合生产，该计划耗资1200万美元。\n\n双方将于5月开始合作，并在东京举行会谈。\n\n“We will work together,” Takaichi said in English at the meeting.\n",
        );
        let translation = doc(
            "Japan, U.S. Agree\n\nBEIJING, May 3 (Xinhua) -- Japan and the United States agreed on Saturday to boost joint production of defence equipment.\n\n双方将于5月开始合作，并在东京举行会谈。\n\n“We will work together,” Takaichi said in English at the meeting.\n",
        );
        assert_eq!(
            copied_paragraphs(&original, &translation, Chinese, English),
            [(Some(1), 1)]
        );
        // The same paragraph copied with its dateline changed is the paragraph copied.
        let translation = doc(
            "Japan, U.S. Agree\n\nBEIJING, May 3 (Xinhua) -- 日本和美国3日同意加强国防装备联合生产，该计划耗资1200万美元。\n",
        );
        assert_eq!(
            copied_paragraphs(&original, &translation, Chinese, English),
            [(Some(0), 0)]
        );
    }

    #[test]
    fn paragraphs_left_in_a_latin_script_original_language() {
        let original = doc(
            "Japan und USA vereinbaren Produktion\n\nBerlin (dpa) - Japan und die USA haben sich am Montag auf eine gemeinsame Produktion geeinigt.\n\nDie Zusammenarbeit soll im Mai beginnen, sagte ein Sprecher der Regierung in Berlin.\n",
        );
        let translation = doc(
            "Japan and US Agree on Production\n\nBERLIN (AP) — Japan and the United States agreed on Monday on joint production.\n\nDie Zusammenarbeit soll im Mai beginnen, sagte ein Sprecher der Regierung.\n\nThe paper wrote \"Die Regierung ist sich einig\" on Monday, and the talks went on.\n",
        );
        assert_eq!(
            copied_paragraphs(&original, &translation, German, English),
            [(Some(1), 1)]
        );
        // Copied unchanged, by equality: a paragraph too short to be told by its words.
        let translation = doc(
            "Japan and US Agree on Production\n\nBerlin (dpa) - Japan und die USA haben sich am Montag auf eine gemeinsame Produktion geeinigt.\n",
        );
        assert_eq!(
            copied_paragraphs(&original, &translation, German, English),
            [(Some(0), 0)]
        );
    }

    #[test]
    fn lines_that_are_no_copied_paragraph() {
        let original = doc(
            "Japan und USA vereinbaren gemeinsame Produktion\n\nBerlin (dpa) - Sanae Takaichi, Shinjiro Koizumi und Toshimitsu Motegi.\n\nhttps://www.example.com/japan/usa/produktion-2026\n\nJapan und USA vereinbaren gemeinsame Produktion\n\n12.000 Arbeiter, 1.200.000 Euro, 3,5 Prozent\n\n\"We will not back down from this agreement,\" Takaichi said.\n",
        );
        let translation = doc(
            "Japan and US Agree\n\nBERLIN (AP) — Sanae Takaichi, Shinjiro Koizumi und Toshimitsu Motegi.\n\nhttps://www.example.com/japan/usa/produktion-2026\n\nJapan und USA vereinbaren gemeinsame Produktion\n\n12.000 Arbeiter, 1.200.000 Euro, 3,5 Prozent\n\n\"We will not back down from this agreement,\" Takaichi said.\n\nBerlin (dpa) -\n",
        );
        assert_eq!(
            copied_paragraphs(&original, &translation, German, English),
            []
        );
        // Nothing is copied between two versions in one language.
        assert_eq!(copied_paragraphs(&original, &original, German, German), []);
    }

    #[test]
    fn kana_in_chinese_and_hanja_in_korean() {
        let translation = doc("标题\n\n日本首相高市早苗さん3日表示，将与美国合作。\n");
        let found: Vec<_> = untranslated_runs(&translation, Chinese, Japanese)
            .iter()
            .map(|&s| translation.slice(s))
            .collect();
        assert_eq!(found, ["さん"]);
        let translation = doc("제목\n\n美中 정상은 3일 高市早苗 총리와 만났다.\n");
        let found: Vec<_> = untranslated_runs(&translation, Korean, Japanese)
            .iter()
            .map(|&s| translation.slice(s))
            .collect();
        assert_eq!(found, ["高市早苗"]);
    }

    #[test]
    fn copied_between_chinese_and_japanese() {
        let original = doc(
            "见出し\n\n日米両政府は３日、防衛装備品の共同生産を強化することで合意した。\n\n高市早苗首相与美国总统会谈并发表联合声明表示欢迎。\n",
        );
        let translation = doc(
            "标题\n\n日米両政府は３日、防衛装備品の共同生産を強化することで合意した。\n\n高市早苗首相与美国总统会谈并发表联合声明表示欢迎。\n",
        );
        // The Japanese paragraph was left in Japanese; the one in Chinese characters alone may be
        // Chinese, and is not reported.
        assert_eq!(
            copied_paragraphs(&original, &translation, Japanese, Chinese),
            [(Some(0), 0)]
        );
    }

    proptest::proptest! {
        /// Runs lie inside the translation's text on character boundaries and hold letters of
        /// the original's script; copied paragraphs name paragraphs both versions have.
        #[test]
        fn runs_and_copies_point_into_the_stories(
            original in "([a-zA-Z]|[日本語高市早苗さんは。]|[قالالوزير.]|[ \n()“”\"])*",
            translation in "([a-zA-Z]|[日本語高市早苗さんは。]|[قالالوزير.]|[ \n()“”\"])*",
        ) {
            let (original, translation) = (doc(&original), doc(&translation));
            for (o, t) in [(Japanese, English), (Arabic, English), (English, Japanese), (Japanese, Chinese), (German, English)] {
                for run in untranslated_runs(&translation, t, o) {
                    let slice = translation.text().get(run.start..run.end);
                    proptest::prop_assert!(slice.is_some_and(|s| s.chars().filter(|&c| script_of(c).is_some()).count() >= MIN_RUN_LETTERS));
                }
                for (i, j) in copied_paragraphs(&original, &translation, o, t) {
                    proptest::prop_assert!(i.is_none_or(|i| i < original.paragraphs.len()));
                    proptest::prop_assert!(j < translation.paragraphs.len());
                }
            }
        }
    }
}
