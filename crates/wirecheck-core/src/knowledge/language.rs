//! The language a story is written in, told from its script (and, between the Latin-script
//! languages, from its commonest words), so that an original and its translation can each be read
//! in its own language: its numerals, its dates, its punctuation.

use std::fmt;

/// A language wirecheck reads wire copy in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// English.
    English,
    /// Chinese, simplified or traditional.
    Chinese,
    /// Japanese.
    Japanese,
    /// Korean.
    Korean,
    /// Arabic.
    Arabic,
    /// Russian.
    Russian,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
}

/// Every language, in the order of their codes in messages.
pub const LANGUAGES: [Language; 9] = [
    Language::English,
    Language::Chinese,
    Language::Japanese,
    Language::Korean,
    Language::Arabic,
    Language::Russian,
    Language::German,
    Language::French,
    Language::Spanish,
];

/// The writing systems wirecheck tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters, with their accented forms.
    Latin,
    /// Chinese characters (also written in Japanese, as kanji).
    Han,
    /// Japanese hiragana and katakana.
    Kana,
    /// Korean hangul.
    Hangul,
    /// Arabic letters (also Persian and Urdu).
    Arabic,
    /// Cyrillic letters.
    Cyrillic,
}

impl Language {
    /// The language's ISO 639-1 code: `en`, `zh`, `ja`, `ko`, `ar`, `ru`, `de`, `fr`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Chinese => "zh",
            Language::Japanese => "ja",
            Language::Korean => "ko",
            Language::Arabic => "ar",
            Language::Russian => "ru",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// The language of a code or BCP 47 tag (`ja`, `zh-Hant`, `pt_BR` is none), case-insensitive.
    pub fn from_code(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        LANGUAGES
            .into_iter()
            .find(|language| primary.eq_ignore_ascii_case(language.code()))
    }

    /// The script the language is mostly written in (Japanese: [`Script::Kana`], with kanji).
    pub fn script(self) -> Script {
        match self {
            Language::English | Language::German | Language::French | Language::Spanish => {
                Script::Latin
            }
            Language::Chinese => Script::Han,
            Language::Japanese => Script::Kana,
            Language::Korean => Script::Hangul,
            Language::Arabic => Script::Arabic,
            Language::Russian => Script::Cyrillic,
        }
    }

    /// Whether a comma marks the decimals and a point (or a space) groups the thousands, as in
    /// "1.234,5" (German, French, Spanish, Russian).
    pub fn decimal_comma(self) -> bool {
        matches!(
            self,
            Language::German | Language::French | Language::Spanish | Language::Russian
        )
    }

    /// Whether text in the language is written without spaces between words (Chinese, Japanese).
    pub fn unspaced(self) -> bool {
        matches!(self, Language::Chinese | Language::Japanese)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The script of a letter, or `None` for digits, punctuation, space and symbols.
pub fn script_of(c: char) -> Option<Script> {
    let script = match c {
        'a'..='z' | 'A'..='Z' => Script::Latin,
        _ if c.is_ascii() => return None,
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' if c.is_alphabetic() => Script::Latin,
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        // Arabic-Indic digits and punctuation are not letters.
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
            if c.is_alphabetic() =>
        {
            Script::Arabic
        }
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' if c.is_alphabetic() => Script::Arabic,
        '\u{3040}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Script::Kana,
        '\u{FF66}'..='\u{FF9D}' => Script::Kana,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
            Script::Hangul
        }
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '々'
        | '〆' => Script::Han,
        _ => return None,
    };
    Some(script)
}

/// How many letters of each script a text has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Latin letters.
    pub latin: usize,
    /// Chinese characters.
    pub han: usize,
    /// Hiragana and katakana.
    pub kana: usize,
    /// Hangul.
    pub hangul: usize,
    /// Arabic letters.
    pub arabic: usize,
    /// Cyrillic letters.
    pub cyrillic: usize,
}

impl ScriptCounts {
    /// The letters of `text`, counted by script.
    pub fn of(text: &str) -> Self {
        let mut counts = Self::default();
        for c in text.chars() {
            match script_of(c) {
                Some(Script::Latin) => counts.latin += 1,
                Some(Script::Han) => counts.han += 1,
                Some(Script::Kana) => counts.kana += 1,
                Some(Script::Hangul) => counts.hangul += 1,
                Some(Script::Arabic) => counts.arabic += 1,
                Some(Script::Cyrillic) => counts.cyrillic += 1,
                None => {}
            }
        }
        counts
    }

    /// Adds the letters `other` counted.
    fn add(&mut self, other: &Self) {
        self.latin += other.latin;
        self.han += other.han;
        self.kana += other.kana;
        self.hangul += other.hangul;
        self.arabic += other.arabic;
        self.cyrillic += other.cyrillic;
    }

    /// The script with the most letters; `None` for a text without letters. Kana and Han count
    /// together as Japanese when kana are more than a twentieth of them: Japanese prose is rarely
    /// under a fifth kana, and Chinese has none.
    pub fn main_script(&self) -> Option<Script> {
        let cjk = self.han + self.kana;
        let candidates = [
            (self.latin, Script::Latin),
            (
                cjk,
                if self.kana * 20 > cjk {
                    Script::Kana
                } else {
                    Script::Han
                },
            ),
            (self.hangul, Script::Hangul),
            (self.arabic, Script::Arabic),
            (self.cyrillic, Script::Cyrillic),
        ];
        candidates
            .into_iter()
            .filter(|(count, _)| *count > 0)
            .max_by_key(|(count, _)| *count)
            .map(|(_, script)| script)
    }
}

/// The language `text` is written in, from its script and, for Latin script, its commonest words;
/// `None` for a text without letters. Latin text without telling words is taken for English.
pub fn detect_language(text: &str) -> Option<Language> {
    Some(language_of(ScriptCounts::of(text).main_script()?, text))
}

/// The language of `text`, whose main script is `script`.
fn language_of(script: Script, text: &str) -> Language {
    match script {
        Script::Latin => latin_language(text),
        Script::Han => Language::Chinese,
        Script::Kana => Language::Japanese,
        Script::Hangul => Language::Korean,
        Script::Arabic => Language::Arabic,
        Script::Cyrillic => Language::Russian,
    }
}

/// Texts up to this many bytes are read whole by [`detect_language_sampled`].
const SAMPLED_ABOVE: usize = 64 * 1024;
/// Bytes of each window [`detect_language_sampled`] counts scripts in.
const SAMPLE_WINDOW: usize = 4 * 1024;
/// Windows [`detect_language_sampled`] reads, the first at the start and the last at the end.
const SAMPLE_WINDOWS: usize = 16;

/// [`detect_language`] of a long text from a sample: its scripts counted in
/// [`SAMPLE_WINDOWS`] windows spread evenly over it (64 KB of a megabyte story), which give a
/// story of one script the same answer as counting all of it. A text whose windows hold no
/// letters is scanned whole. (The Latin-script languages are told from the first few thousand
/// words in either case.)
pub(crate) fn detect_language_sampled(text: &str) -> Option<Language> {
    if text.len() <= SAMPLED_ABOVE {
        return detect_language(text);
    }
    let step = (text.len() - SAMPLE_WINDOW) / (SAMPLE_WINDOWS - 1);
    let mut counts = ScriptCounts::default();
    for window in 0..SAMPLE_WINDOWS {
        let start = char_boundary_at_or_before(text, window * step);
        let end = char_boundary_at_or_before(text, window * step + SAMPLE_WINDOW);
        counts.add(&ScriptCounts::of(&text[start..end]));
    }
    match counts.main_script() {
        Some(script) => Some(language_of(script, text)),
        None => detect_language(text),
    }
}

/// The last character boundary of `text` at or before byte `at` (`str::floor_char_boundary`,
/// newer than the crate's minimum Rust).
fn char_boundary_at_or_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words frequent in one Latin-script language of wire copy and rare in the others. Words two
/// languages share ("la", "en", "des") are left out: they tell nothing.
const TELLING_WORDS: [(Language, &[&str]); 4] = [
    (
        Language::English,
        &[
            "the", "and", "of", "to", "said", "is", "was", "for", "with", "that", "on", "at", "by",
            "from", "has", "have", "were", "it",
        ],
    ),
    (
        Language::German,
        &[
            "der", "die", "und", "das", "nicht", "mit", "den", "von", "ist", "sich", "dem", "auf",
            "für", "ein", "eine", "sagte", "wurde", "auch", "nach",
        ],
    ),
    (
        Language::French,
        &[
            "le", "les", "et", "du", "une", "est", "dans", "pour", "qui", "sur", "au", "aux", "a",
            "été", "sont", "selon", "avec", "il", "elle",
        ],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "y", "del", "por", "una", "con", "para", "según", "fue", "está",
            "como", "más", "al", "su", "sus", "dijo",
        ],
    ),
];

/// The words that tell `language` apart from the other Latin-script languages (see
/// [`detect_language`]); none for a language of another script.
pub(crate) fn telling_words(language: Language) -> &'static [&'static str] {
    TELLING_WORDS
        .iter()
        .find(|(l, _)| *l == language)
        .map_or(&[], |(_, words)| *words)
}

fn latin_language(text: &str) -> Language {
    let mut scores = [0usize; TELLING_WORDS.len()];
    // A few thousand words tell the language as well as the whole story would.
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000);
    for word in words {
        if word.len() > 6 {
            continue;
        }
        let lower = word.to_lowercase();
        for (score, (_, telling)) in scores.iter_mut().zip(TELLING_WORDS) {
            if telling.contains(&lower.as_str()) {
                *score += 1;
            }
        }
    }
    let best = (0..scores.len()).max_by_key(|&i| (scores[i], usize::from(i == 0)));
    match best {
        Some(i) if scores[i] > 0 => TELLING_WORDS[i].0,
        _ => Language::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words of one script's letters, with digits, punctuation and (rarely) a word of another
    /// script, as a story of that script quotes names and figures.
    fn story_of_one_script() -> impl Strategy<Value = String> {
        let letters = prop_oneof![
            Just("a-zé"),
            Just("\u{4e00}-\u{4e80}"),
            Just("\u{3041}-\u{3093}\u{4e00}-\u{4e20}"),
            Just("\u{ac00}-\u{ac80}"),
            Just("\u{0627}-\u{064a}"),
            Just("\u{0430}-\u{044f}"),
        ];
        letters.prop_flat_map(|letters| {
            let word = proptest::string::string_regex(&format!("[{letters}]{{1,8}}"))
                .expect("a valid pattern");
            let filler = prop_oneof![
                8 => word,
                1 => "[0-9.,;:!?() \n]{1,4}",
                1 => Just("the".to_owned()),
                1 => Just("NATO".to_owned()),
            ];
            (
                proptest::collection::vec(filler, 1..200),
                70_000usize..300_000,
            )
                .prop_map(|(words, length)| {
                    let paragraph = words.join(" ");
                    let mut text = String::with_capacity(length + paragraph.len());
                    while text.len() < length {
                        text.push_str(&paragraph);
                        text.push_str("\n\n");
                    }
                    text
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn a_sample_tells_a_story_of_one_script_as_the_whole_does(text in story_of_one_script()) {
            prop_assert_eq!(detect_language_sampled(&text), detect_language(&text));
        }
    }

    #[test]
    fn a_sample_without_letters_falls_back_to_the_whole_text() {
        // Letters only between the windows: the sample alone would tell no language.
        let mut text = "1 ".repeat(SAMPLED_ABOVE);
        let middle = text.len() / 2 + SAMPLE_WINDOW * 2;
        text.replace_range(middle..middle + 6, "Москва");
        assert_eq!(detect_language_sampled(&text), Some(Language::Russian));
        assert_eq!(detect_language_sampled("12 34"), None);
    }

    #[test]
    fn each_script_tells_its_language() {
        let cases = [
            ("日美同意加强国防装备联合生产。", Language::Chinese),
            ("高市首相は３日、ワシントンで会談した。", Language::Japanese),
            ("이재명 대통령은 3일 서울에서 말했다.", Language::Korean),
            ("قال الوزير إن الخطة تبدأ في مايو.", Language::Arabic),
            (
                "Министр заявил, что план начнется в мае.",
                Language::Russian,
            ),
            (
                "Der Minister sagte, dass der Plan im Mai beginnt.",
                Language::German,
            ),
            (
                "Le ministre a déclaré que le plan commence en mai.",
                Language::French,
            ),
            (
                "El ministro dijo que el plan comienza en mayo.",
                Language::Spanish,
            ),
            (
                "The minister said the plan starts in May.",
                Language::English,
            ),
        ];
        for (text, language) in cases {
            assert_eq!(detect_language(text), Some(language), "{text}");
        }
    }

    #[test]
    fn text_without_letters_has_no_language() {
        assert_eq!(detect_language("3,000 — 12%"), None);
        assert_eq!(detect_language("Tokyo"), Some(Language::English));
    }

    #[test]
    fn codes_read_back() {
        for language in LANGUAGES {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("zh-Hant"), Some(Language::Chinese));
        assert_eq!(Language::from_code("JA_jp"), Some(Language::Japanese));
        assert_eq!(Language::from_code("pt"), None);
    }
}
