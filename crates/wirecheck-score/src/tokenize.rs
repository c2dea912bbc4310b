//! BLEU tokenizers, ported from sacreBLEU 2.6.0 so that token boundaries are
//! identical: `none`, `13a` (mteval-v13a, the default), `intl`
//! (mteval-v14 international), `char` and `zh`.
//!
//! Not implemented: `ja-mecab`, `ko-mecab` (need the MeCab analyser and its
//! dictionaries) and the SentencePiece tokenizers `spm`, `flores101`,
//! `flores200`, `spBLEU-1K` (need downloaded models).
//!
//! The regular expressions of sacreBLEU are all of the form "a character of
//! class A followed by one of class B", applied left to right without
//! overlap, so they are implemented as explicit character scans
//! (`pad_pairs`) rather than with a regex engine: this is both faster and
//! makes the matching order obvious.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use super::ScoreError;
use super::pytext::{py_collapse_whitespace, py_strip};

/// The BLEU tokenizers that `wirecheck score` supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tokenizer {
    /// No tokenization at all (`tok:none`).
    None,
    /// The mteval-v13a tokenizer used by WMT (`tok:13a`), sacreBLEU's default.
    #[default]
    Thirteen,
    /// The mteval-v14 international tokenizer (`tok:intl`).
    International,
    /// Every character is a token (`tok:char`).
    Char,
    /// Chinese characters are tokens, the rest is tokenized as 13a (`tok:zh`).
    Chinese,
}

impl Tokenizer {
    /// The name sacreBLEU uses in signatures and on its command line.
    pub fn signature(self) -> &'static str {
        match self {
            Tokenizer::None => "none",
            Tokenizer::Thirteen => "13a",
            Tokenizer::International => "intl",
            Tokenizer::Char => "char",
            Tokenizer::Chinese => "zh",
        }
    }

    /// Tokenizes one line exactly as sacreBLEU does: tokens are separated
    /// by single spaces (except for `none`, which returns the line
    /// unchanged, and `char`, which puts a space between any two
    /// characters, spaces included).
    pub fn tokenize(self, line: &str) -> String {
        match self {
            Tokenizer::None | Tokenizer::Char => self.tokenize_for_split(line),
            _ => py_collapse_whitespace(&self.tokenize_for_split(line)),
        }
    }

    /// Like [`Tokenizer::tokenize`] but without collapsing whitespace runs:
    /// splitting the result with [`py_split`](super::pytext::py_split)
    /// gives the same tokens, one pass cheaper. BLEU only ever splits.
    pub fn tokenize_for_split(self, line: &str) -> String {
        match self {
            Tokenizer::None => line.to_owned(),
            Tokenizer::Thirteen => tokenize_13a(line),
            Tokenizer::International => tokenize_intl(line),
            Tokenizer::Char => tokenize_char(line),
            Tokenizer::Chinese => tokenize_zh(line),
        }
    }
}

impl fmt::Display for Tokenizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.signature())
    }
}

impl FromStr for Tokenizer {
    type Err = ScoreError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "none" => Ok(Tokenizer::None),
            "13a" => Ok(Tokenizer::Thirteen),
            "intl" => Ok(Tokenizer::International),
            "char" => Ok(Tokenizer::Char),
            "zh" => Ok(Tokenizer::Chinese),
            "ja-mecab" | "ko-mecab" | "spm" | "flores101" | "flores200" | "spBLEU-1K" => {
                Err(ScoreError::UnsupportedTokenizer(name.to_owned()))
            }
            _ => Err(ScoreError::UnknownTokenizer(name.to_owned())),
        }
    }
}

/// The character class `[\{-\~\[-\` -\&\(-\+\:-\@\/]` of mteval-v13a: ASCII
/// punctuation and symbols except `'`, `,`, `-` and `.` (and the space,
/// which the class also contains).
pub(crate) fn is_13a_symbol(c: char) -> bool {
    matches!(c, '{'..='~' | '['..='`' | ' '..='&' | '('..='+' | ':'..='@' | '/')
}

/// Applies a sacreBLEU substitution `([A])([B])` → `<before>\1<middle>\2<after>`
/// to every non-overlapping match, scanning left to right as `re.sub` does.
pub(crate) fn pad_pairs(
    text: &str,
    first: impl Fn(char) -> bool,
    second: impl Fn(char) -> bool,
    [before, middle, after]: [&str; 3],
) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if first(c) && second(next) => {
                chars.next();
                out.push_str(before);
                out.push(c);
                out.push_str(middle);
                out.push(next);
                out.push_str(after);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Surrounds every character for which `pad` is true with spaces.
fn pad_chars(text: &str, pad: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if pad(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// [`pad_pairs`] on UTF-8 bytes, for patterns whose classes are ASCII or
/// "not an ASCII digit".
///
/// Working on bytes gives the same result as on characters: a pair can only
/// match where one side is an ASCII byte, so matches always sit on
/// character boundaries, and bytes of a multi-byte character never match
/// an ASCII class.
fn pad_byte_pairs(
    input: &[u8],
    first: impl Fn(u8) -> bool,
    second: impl Fn(u8) -> bool,
    [before, middle, after]: [&[u8]; 3],
    out: &mut Vec<u8>,
) {
    out.clear();
    let mut i = 0;
    while i < input.len() {
        let c = input[i];
        if i + 1 < input.len() && first(c) && second(input[i + 1]) {
            out.extend_from_slice(before);
            out.push(c);
            out.extend_from_slice(middle);
            out.push(input[i + 1]);
            out.extend_from_slice(after);
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// The language-dependent regular expressions shared by `13a` and `zh`
/// (sacreBLEU's `TokenizerRegexp`), without its final whitespace collapsing.
fn tokenize_western_punctuation(line: &str) -> String {
    let is_digit = |c: u8| c.is_ascii_digit();
    let is_period_or_comma = |c: u8| c == b'.' || c == b',';
    let mut padded = Vec::with_capacity(line.len() + 32);
    for &c in line.as_bytes() {
        if c.is_ascii() && is_13a_symbol(char::from(c)) {
            padded.extend_from_slice(&[b' ', c, b' ']);
        } else {
            padded.push(c);
        }
    }
    let mut scratch = Vec::with_capacity(padded.len() + 32);
    // The pair rules only fire around their ASCII trigger bytes; skipping
    // a pass when its trigger is absent cannot change the result.
    if padded.iter().any(|&c| is_period_or_comma(c)) {
        // Period and comma are tokens unless preceded by a digit ...
        pad_byte_pairs(
            &padded,
            |c| !is_digit(c),
            is_period_or_comma,
            [b"", b" ", b" "],
            &mut scratch,
        );
        // ... or unless followed by a digit.
        pad_byte_pairs(
            &scratch,
            is_period_or_comma,
            |c| !is_digit(c),
            [b" ", b" ", b""],
            &mut padded,
        );
    }
    if padded.contains(&b'-') {
        // A dash is a token when preceded by a digit.
        pad_byte_pairs(
            &padded,
            is_digit,
            |c| c == b'-',
            [b"", b" ", b" "],
            &mut scratch,
        );
        std::mem::swap(&mut padded, &mut scratch);
    }
    // Only ASCII spaces were inserted next to ASCII bytes, so the text is
    // still valid UTF-8 and the lossy fallback never replaces anything.
    String::from_utf8(padded)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// Undoes the XML escapes mteval handles, in mteval's order (so that
/// `&amp;lt;` becomes `<`, as in sacreBLEU).
pub(crate) fn unescape_xml(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The mteval-v13a tokenizer.
fn tokenize_13a(line: &str) -> String {
    // The replacements rarely apply; skip their allocations when they don't.
    let mut text = Cow::Borrowed(line);
    if text.contains("<skipped>") {
        text = Cow::Owned(text.replace("<skipped>", ""));
    }
    if text.contains('\n') {
        text = Cow::Owned(text.replace("-\n", "").replace('\n', " "));
    }
    if text.contains('&') {
        text = Cow::Owned(unescape_xml(&text));
    }
    tokenize_western_punctuation(&format!(" {text} "))
}

/// The mteval-v14 international tokenizer (Unicode punctuation and symbols).
fn tokenize_intl(line: &str) -> String {
    // Patterns compiled once; they are constant so compilation cannot fail.
    static RULES: LazyLock<[(Regex, &'static str); 3]> = LazyLock::new(|| {
        let compile = |pattern: &str| Regex::new(pattern).unwrap_or_else(|e| panic!("{e}"));
        [
            // Punctuation preceded by a non-digit.
            (compile(r"(\P{N})(\p{P})"), "${1} ${2} "),
            // Punctuation followed by a non-digit.
            (compile(r"(\p{P})(\P{N})"), " ${1} ${2}"),
            // Symbols.
            (compile(r"(\p{S})"), " ${1} "),
        ]
    });
    let mut text = line.to_owned();
    for (pattern, replacement) in RULES.iter() {
        text = pattern.replace_all(&text, *replacement).into_owned();
    }
    text
}

/// Every character becomes a token.
fn tokenize_char(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    for (i, c) in line.chars().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Whether sacreBLEU's `zh` tokenizer treats `c` as a Chinese character.
///
/// sacreBLEU compares one-character strings against range bounds; two of its
/// bounds (`'\u20000'` and `'\u2f800'`, meant as astral code points) are in
/// fact two-character strings, so the effective ranges below (obtained by
/// enumerating every code point through sacreBLEU's function) differ from
/// the ones its comments name.
fn is_zh_char(c: char) -> bool {
    matches!(
        c,
        '\u{2001}'..='\u{2A6D}'
            | '\u{2E80}'..='\u{2FDF}'
            | '\u{2FF0}'..='\u{303F}'
            | '\u{3100}'..='\u{312F}'
            | '\u{31A0}'..='\u{31EF}'
            | '\u{3200}'..='\u{4DB5}'
            | '\u{4E00}'..='\u{9FBB}'
            | '\u{F900}'..='\u{FA2D}'
            | '\u{FA30}'..='\u{FA6A}'
            | '\u{FA70}'..='\u{FAD9}'
            | '\u{FE10}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
    )
}

/// The `zh` tokenizer: Chinese characters become tokens, the rest goes
/// through the 13a punctuation rules (without 13a's unescaping).
fn tokenize_zh(line: &str) -> String {
    let spaced = pad_chars(py_strip(line), is_zh_char);
    tokenize_western_punctuation(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirteen_a_tokenizes_punctuation_but_not_numbers() {
        assert_eq!(
            Tokenizer::Thirteen.tokenize("It cost $3,000.50, (approx.) 1990-2000."),
            "It cost $ 3,000.50 , ( approx . ) 1990 - 2000 ."
        );
        assert_eq!(
            Tokenizer::Thirteen.tokenize("&quot;Hi&quot; &amp;lt; don't"),
            "\" Hi \" < don't"
        );
    }

    #[test]
    fn international_splits_unicode_punctuation_and_symbols() {
        assert_eq!(
            Tokenizer::International.tokenize("«Ça coûte 3,5 €»."),
            "« Ça coûte 3,5 € » ."
        );
    }

    #[test]
    fn zh_splits_han_characters() {
        assert_eq!(
            Tokenizer::Chinese.tokenize(" 我爱你, ok."),
            "我 爱 你 , ok ."
        );
    }

    #[test]
    fn char_tokenizer_spaces_every_character() {
        assert_eq!(Tokenizer::Char.tokenize("ab c"), "a b   c");
    }

    #[test]
    fn names_round_trip_and_unsupported_are_errors() {
        for name in ["none", "13a", "intl", "char", "zh"] {
            let tokenizer: Tokenizer = name.parse().unwrap();
            assert_eq!(tokenizer.signature(), name);
        }
        assert!(matches!(
            "ja-mecab".parse::<Tokenizer>(),
            Err(ScoreError::UnsupportedTokenizer(_))
        ));
        assert!(matches!(
            "foo".parse::<Tokenizer>(),
            Err(ScoreError::UnknownTokenizer(_))
        ));
    }
}
