//! Vale's prose splitting (`internal/nlp`): a prose block becomes its paragraphs, its sentences
//! and the whole text (`Info.Compute`); sentences come from a segmenter in the manner of Punkt
//! (the one Vale uses), and words from Vale's `IterTokenizer`, which its locator uses to guess
//! where a match in text with inline markup lies.

use std::sync::LazyLock;

use regex::Regex;

/// The scoped pieces of a prose block, in the order Vale lints them: each paragraph (text split
/// after blank lines, empty pieces included), each sentence (trimmed, empty ones left out), and
/// the whole text. `ext` is the file's real extension (`.md`).
pub(super) fn compute(text: &str, ext: &str) -> Vec<(String, String)> {
    let mut pieces = Vec::new();
    let mut rest = text;
    loop {
        match rest.find("\n\n") {
            Some(at) => {
                pieces.push((rest[..at + 2].to_owned(), format!("paragraph{ext}")));
                rest = &rest[at + 2..];
            }
            None => {
                pieces.push((rest.to_owned(), format!("paragraph{ext}")));
                break;
            }
        }
    }
    for sentence in segment_sentences(text) {
        let sentence = sentence.trim();
        if !sentence.is_empty() {
            pieces.push((sentence.to_owned(), format!("sentence{ext}")));
        }
    }
    pieces.push((text.to_owned(), format!("text{ext}")));
    pieces
}

/// Lower-cased abbreviations (without their final period) after which a period does not end a
/// sentence: titles, months, company forms and the like, as Punkt's English model knows them.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gov", "sgt", "no", "nos", "vs",
    "etc", "inc", "corp", "ltd", "co", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "figs", "gen", "col", "lt",
    "capt", "cmdr", "adm", "maj", "rep", "reps", "sen", "sens", "rev", "hon", "pres", "supt",
    "ave", "blvd", "rd", "ft", "vol", "vols", "ch", "pp", "al", "cf", "ca", "viz", "messrs", "mme",
    "mlle", "gen", "brig", "cpl", "pvt", "atty", "assn", "univ", "jr", "esq",
];

/// Dotted abbreviations and initials: `U.S.`, `e.g.`, `J.` (Vale adds `(?:\w\.)+\w*\.` to Punkt).
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]\.)+[A-Za-z]?$|^[A-Za-z]$").expect("a valid pattern")
});

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '*' | '_'
    )
}

/// Splits `text` into sentences as Vale's Punkt segmenter does for ordinary prose: a sentence
/// ends at a word ending in `?` or `!`, or in a period that is not an abbreviation's, an
/// initial's or an ellipsis followed by a lower-case word. The sentences are trimmed.
pub(crate) fn segment_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let words: Vec<(usize, &str)> = word_spans(text).collect();
    for (i, &(at, word)) in words.iter().enumerate() {
        let Some(&(next_at, next)) = words.get(i + 1) else {
            break;
        };
        if ends_sentence(word, next) {
            let end = at + word.len();
            sentences.push(text[start..end].trim().to_owned());
            start = next_at;
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        sentences.push(last.to_owned());
    }
    sentences
}

/// The whitespace-separated words of `text` with their byte offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0usize, |offset, piece| {
            let at = *offset;
            *offset += piece.len();
            // Every separator is one whitespace character; find its length.
            if let Some(c) = text[*offset..].chars().next() {
                *offset += c.len_utf8();
            }
            Some((at, piece))
        })
        .filter(|(_, piece)| !piece.is_empty())
}

/// Whether a sentence ends after `word`, given the word after it.
fn ends_sentence(word: &str, next: &str) -> bool {
    let core = word.trim_end_matches(is_closer);
    let next_lower = next
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if core.ends_with('?') || core.ends_with('!') {
        return !word.contains("Yahoo!");
    }
    let Some(stem) = core.strip_suffix('.') else {
        return false;
    };
    if stem.ends_with('.') || stem.is_empty() {
        // An ellipsis ends a sentence only before a capital.
        return !next_lower;
    }
    let bare = stem.trim_start_matches(|c: char| !c.is_alphanumeric());
    if DOTTED.is_match(bare) {
        return false;
    }
    let lower = bare.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    if bare.chars().all(|c| c.is_ascii_digit()) && next_lower {
        // An ordinal or a numbered item ("the 3. round") before a lower-case word.
        return false;
    }
    true
}

/// Vale's `IterTokenizer.Tokenize`: words, with leading `$ ( " [ '` and trailing punctuation
/// split off and dropped, tokens without a letter left out.
pub(super) fn tokenize_words(text: &str) -> Vec<String> {
    let clean = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace("&rsquo;", "'");
    let mut tokens = Vec::new();
    for field in clean.split(char::is_whitespace).filter(|f| !f.is_empty()) {
        split_token(field, &mut tokens);
    }
    tokens
}

/// Tokens Vale never splits: dotted abbreviations and short capitalised ones (`Mr.`).
static UNSPLITTABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$").expect("a valid pattern")
});

/// `IterTokenizer.doSplit`.
fn split_token(mut token: &str, tokens: &mut Vec<String>) {
    const PREFIXES: &[&str] = &["$", "(", "\"", "[", "'"];
    const SUFFIXES: &[&str] = &[",", ")", "\"", "]", "!", ";", ".", "?", ":", "'"];
    let mut last = 0;
    while !token.is_empty() && token.chars().count() != last {
        if UNSPLITTABLE.is_match(token) {
            push_word(token, tokens);
            break;
        }
        last = token.chars().count();
        if PREFIXES
            .iter()
            .any(|p| token.len() > p.len() && token.starts_with(p))
        {
            token = &token[1..];
        } else if SUFFIXES
            .iter()
            .any(|s| token.len() > s.len() && token.ends_with(s))
        {
            token = &token[..token.len() - 1];
        } else {
            push_word(token, tokens);
        }
    }
}

/// `addToken`: only tokens with a letter.
fn push_word(token: &str, tokens: &mut Vec<String>) {
    if token.chars().any(char::is_alphabetic) {
        tokens.push(token.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_sentences() {
        assert_eq!(
            segment_sentences("Mr. Smith went to Washington. He met Dr. Jones at 3.5 p.m. today."),
            [
                "Mr. Smith went to Washington.",
                "He met Dr. Jones at 3.5 p.m. today."
            ]
        );
        assert_eq!(
            segment_sentences("The U.S. economy grew. J. R. Ewing said so! Why? \"Because.\" Then"),
            [
                "The U.S. economy grew.",
                "J. R. Ewing said so!",
                "Why?",
                "\"Because.\"",
                "Then"
            ]
        );
        assert_eq!(
            segment_sentences("Wait... what happened... Nobody knows."),
            ["Wait... what happened...", "Nobody knows."]
        );
        assert!(segment_sentences(" ").is_empty());
    }

    #[test]
    fn words_drop_punctuation() {
        assert_eq!(
            tokenize_words("(Hello, world!) Mr. U.S. $100"),
            ["Hello", "world", "Mr.", "U.S."]
        );
    }

    #[test]
    fn compute_gives_paragraphs_sentences_then_text() {
        let blocks = compute("One. Two.\n\nThree.", ".md");
        let scopes: Vec<&str> = blocks.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            scopes,
            [
                "paragraph.md",
                "paragraph.md",
                "sentence.md",
                "sentence.md",
                "sentence.md",
                "text.md"
            ]
        );
        assert_eq!(blocks[0].0, "One. Two.\n\n");
    }
}
