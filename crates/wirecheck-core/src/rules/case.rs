//! Title case and sentence case as Vale judges them (its `strcase` converters and the threshold
//! test of its `capitalization` kind): a text is converted to the case wanted, and it passes when
//! enough of its words already equal the converted ones.
//!
//! Title case capitalises every word but, away from the start and end, the small words (`a`,
//! `and`, `of`, `the`, …; Chicago style also prepositions such as `with`, `from`, `about`) when
//! they follow a space, hyphen or slash and no colon. AP style lowercases `to` before a noun,
//! which Vale finds with a part-of-speech tagger; wirecheck has none and treats `to` as a small
//! word. Sentence case capitalises the first word, and the word after an indicator (a word
//! ending in one of `indicators`, or a numbered-list marker such as `1.` first), and lowercases
//! the others. Vocabulary terms keep their own case in both.

use std::sync::LazyLock;

use regex::Regex;

use super::rule_regex::RuleRegex;

/// Which title-case rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TitleStyle {
    /// The Associated Press's.
    Ap,
    /// The Chicago Manual of Style's.
    Chicago,
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "v", "v.",
];

const PREPOSITIONS: &[&str] = &[
    "with",
    "from",
    "into",
    "during",
    "including",
    "until",
    "against",
    "among",
    "throughout",
    "despite",
    "towards",
    "upon",
    "concerning",
    "about",
    "over",
    "through",
    "before",
    "between",
    "after",
    "since",
    "without",
    "under",
    "within",
    "along",
    "following",
    "across",
    "beyond",
    "around",
    "down",
    "near",
    "above",
];

/// Terms that keep their own case: each regex with the text it was written as, longest first.
pub(super) struct Vocabulary(Vec<(String, RuleRegex)>);

impl Vocabulary {
    pub(super) fn new(mut terms: Vec<(String, RuleRegex)>) -> Self {
        terms.sort_by_key(|(term, _)| std::cmp::Reverse(term.len()));
        Vocabulary(terms)
    }

    /// The form `word` takes: the term as written when it is the term in another case, `word`
    /// itself when a term's regex matches it, `None` when no term applies.
    fn form_of<'w>(&'w self, word: &'w str) -> Option<&'w str> {
        self.0.iter().find_map(|(term, regex)| {
            if term.to_lowercase() == word.to_lowercase() {
                Some(term.as_str())
            } else if regex.is_match(word).unwrap_or(false) {
                Some(word)
            } else {
                None
            }
        })
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn alternation(&self) -> String {
        self.0
            .iter()
            .map(|(term, _)| term.as_str())
            .collect::<Vec<_>>()
            .join("|")
    }
}

/// A capitalization rule's settings.
pub(super) struct CaseOptions {
    vocabulary: Vocabulary,
    /// The exceptions regex and its pattern (words it matches count as right).
    exceptions: Option<(RuleRegex, String)>,
    indicators: Vec<String>,
    prefix: Option<RuleRegex>,
    threshold: f64,
    /// The words of a text, the exceptions' matches first: what the threshold counts.
    words: Regex,
    /// The words of a sentence, vocabulary terms first.
    sentence_words: Regex,
}

static TITLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{N}\p{L}]+[^\s\-/]*").expect("the title word pattern is valid")
});

static NUMBER_LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+\.").expect("the list marker pattern is valid"));

const WORD: &str = r"[\p{N}\p{L}*]+[^\s]*";

impl CaseOptions {
    pub(super) fn new(
        vocabulary: Vocabulary,
        exceptions: Option<(RuleRegex, String)>,
        indicators: Vec<String>,
        prefix: Option<RuleRegex>,
        threshold: f64,
    ) -> Result<Self, String> {
        let words = match &exceptions {
            Some((_, pattern)) => format!("{pattern}|{WORD}"),
            None => WORD.to_owned(),
        };
        let sentence_words = if vocabulary.is_empty() {
            format!("(?i){WORD}")
        } else {
            format!(r"(?i)\b(?:{})\b|{WORD}", vocabulary.alternation())
        };
        let build = |p: &str| {
            Regex::new(p).map_err(|e| format!("exceptions do not make a valid pattern: {e}"))
        };
        Ok(CaseOptions {
            words: build(&words)?,
            sentence_words: build(&sentence_words)?,
            vocabulary,
            exceptions,
            indicators,
            prefix,
            threshold,
        })
    }

    /// True when `text` contains an exception.
    pub(super) fn is_exception(&self, text: &str) -> bool {
        self.exceptions
            .as_ref()
            .is_some_and(|(regex, _)| regex.is_match(text).unwrap_or(false))
    }

    /// `text` without the prefix the rule leaves out, and that prefix.
    fn split_prefix<'t>(&self, text: &'t str) -> (&'t str, &'t str) {
        let found = self
            .prefix
            .as_ref()
            .and_then(|p| p.find(text).ok().flatten())
            .filter(|span| span.start == 0);
        match found {
            Some(span) => (&text[..span.end], &text[span.end..]),
            None => ("", text),
        }
    }
}

/// `text` in title case.
pub(super) fn to_title(text: &str, style: TitleStyle, options: &CaseOptions) -> String {
    let (prefix, text) = options.split_prefix(text);
    // Positions are judged on the text with typographic quotes and dashes made plain.
    let plain = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .replace('\u{2026}', "...");
    let plain = plain.as_bytes();
    let byte_at = |i: isize| -> u8 {
        // Out of range reads the first byte, as Vale's helper does.
        usize::try_from(i)
            .ok()
            .and_then(|i| plain.get(i).copied())
            .unwrap_or_else(|| plain.first().copied().unwrap_or(b' '))
    };
    let end = plain.len() as isize;
    let mut from: isize = 0;
    let mut out = String::with_capacity(prefix.len() + text.len());
    out.push_str(prefix);
    let mut last = 0;
    for word in TITLE_WORDS.find_iter(text) {
        out.push_str(&text[last..word.start()]);
        last = word.end();
        let m = word.as_str();
        let lower = m.to_lowercase();
        let start = usize::try_from(from).unwrap_or(0).min(plain.len());
        let pos =
            find_bytes(&plain[start..], m.as_bytes()).map_or(from - 1, |at| (at + start) as isize);
        let chars = m.chars().count() as isize;
        from = pos + chars;
        let bounding = pos == 0 || from == end;
        let small = !bounding
            && (SMALL_WORDS.contains(&lower.as_str())
                || (style == TitleStyle::Chicago && PREPOSITIONS.contains(&lower.as_str())));
        let before = byte_at(pos - 1);
        if let Some(form) = options.vocabulary.form_of(m) {
            out.push_str(form);
        } else if small
            && matches!(before, b' ' | b'-' | b'/')
            && byte_at(pos - 2) != b':'
            && byte_at(pos - 2) != b'-'
            && (byte_at(pos + chars) != b'-' || before == b'-')
        {
            out.push_str(&lower);
        } else {
            out.push_str(&capitalize(m, false));
        }
    }
    out.push_str(&text[last..]);
    out
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `word` with its first letter in upper case; with `rest_lower`, the rest in lower case.
fn capitalize(word: &str, rest_lower: bool) -> String {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest: String = chars.collect();
    let rest = if rest_lower {
        rest.to_lowercase()
    } else {
        rest
    };
    first.to_uppercase().chain(rest.chars()).collect()
}

/// `text` in sentence case (its words joined by single spaces, as Vale makes it).
pub(super) fn to_sentence(text: &str, options: &CaseOptions) -> String {
    let (prefix, text) = options.split_prefix(text);
    let tokens: Vec<&str> = options
        .sentence_words
        .find_iter(text)
        .map(|m| m.as_str())
        .collect();
    let made: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            if let Some(form) = options.vocabulary.form_of(token) {
                form.to_owned()
            } else if i == 0 || is_indicator(tokens[i - 1], i - 1, &options.indicators) {
                capitalize(token, true)
            } else {
                token.to_lowercase()
            }
        })
        .collect();
    format!("{prefix}{}", made.join(" "))
}

fn is_indicator(word: &str, index: usize, indicators: &[String]) -> bool {
    indicators.iter().any(|s| word.ends_with(s.as_str()))
        || (index == 0 && NUMBER_LIST.is_match(word))
}

/// Each word of `text` with its index and the word at the same place in `expected` (its
/// converted form), if it has as many.
fn words_beside<'t>(
    options: &CaseOptions,
    text: &'t str,
    expected: &'t str,
) -> Vec<(usize, &'t str, Option<&'t str>)> {
    let wanted: Vec<&str> = options
        .words
        .find_iter(expected)
        .map(|m| m.as_str())
        .collect();
    options
        .words
        .find_iter(text)
        .map(|m| m.as_str())
        .enumerate()
        .map(|(i, word)| (i, word, wanted.get(i).copied()))
        .collect()
}

/// `text` in title case, and whether it is close enough: at least the threshold's share of its
/// words equal the title-cased ones, are exceptions, or are in capitals.
pub(super) fn title(text: &str, style: TitleStyle, options: &CaseOptions) -> (String, bool) {
    let expected = to_title(text, style, options);
    let (mut right, mut words) = (0.0, 0.0);
    for (_, word, wanted) in words_beside(options, text, &expected) {
        if wanted.is_none_or(|w| w == word)
            || options.is_exception(word)
            || word == word.to_uppercase()
        {
            right += 1.0;
        }
        words += 1.0;
    }
    let close = right / words >= options.threshold;
    (expected, close)
}

/// `text` in sentence case, and whether it is close enough: its first word capitalised (or an
/// exception), and at least the threshold's share of its words equal to the converted ones or
/// exceptions.
pub(super) fn sentence(text: &str, options: &CaseOptions) -> (String, bool) {
    let expected = to_sentence(text, options);
    let (mut right, mut words) = (0.0, 0.0);
    for (i, word, wanted) in words_beside(options, text, &expected) {
        if wanted.is_none_or(|w| w == word) || options.is_exception(word) {
            right += 1.0;
        } else if i == 0 && word != go_title(&word.to_lowercase()) {
            return (expected, false);
        }
        words += 1.0;
    }
    let close = right / words >= options.threshold;
    (expected, close)
}

/// Each word of `text` with its first letter in upper case, a word starting after any character
/// that is not a letter, digit or `_` (Go's `strings.Title`).
fn go_title(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_separator = true;
    for c in text.chars() {
        if after_separator {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        after_separator = if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            c.is_whitespace()
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn options(
        exceptions: &[&str],
        indicators: &[&str],
        prefix: Option<&str>,
        threshold: f64,
    ) -> CaseOptions {
        let regex = |p: &str| RuleRegex::for_test(p);
        let vocabulary = Vocabulary::new(
            exceptions
                .iter()
                .map(|t| ((*t).to_owned(), regex(t)))
                .collect(),
        );
        let exceptions = (!exceptions.is_empty()).then(|| {
            let alternation: Vec<String> = exceptions.iter().map(|t| format!("(?-i){t}")).collect();
            let pattern = format!(r"\b(?:{})\b", alternation.join("|"));
            (regex(&pattern), pattern)
        });
        CaseOptions::new(
            vocabulary,
            exceptions,
            indicators.iter().map(|s| (*s).to_owned()).collect(),
            prefix.map(regex),
            threshold,
        )
        .expect("valid options")
    }

    #[test]
    fn title_case_keeps_small_words_low_inside_the_title() {
        let plain = options(&[], &[], None, 0.8);
        assert_eq!(
            to_title(
                "the fall of the yen and the rise of gold",
                TitleStyle::Ap,
                &plain
            ),
            "The Fall of the Yen and the Rise of Gold"
        );
        assert_eq!(
            to_title(
                "talks with china end in a deal",
                TitleStyle::Chicago,
                &plain
            ),
            "Talks with China End in a Deal"
        );
        assert_eq!(
            to_title("talks with china end in a deal", TitleStyle::Ap, &plain),
            "Talks With China End in a Deal"
        );
        // A small word after a colon, and the last word, are capitalised.
        assert_eq!(
            to_title(
                "markets: a week to forget about",
                TitleStyle::Chicago,
                &plain
            ),
            "Markets: A Week to Forget About"
        );
    }

    #[test]
    fn title_case_passes_capitals_and_vocabulary() {
        let vocab = options(&["iPhone"], &[], None, 0.8);
        assert_eq!(
            to_title("apple unveils new iphone", TitleStyle::Ap, &vocab),
            "Apple Unveils New iPhone"
        );
        assert!(
            title(
                "Apple Unveils New iPhone at NASA Event",
                TitleStyle::Ap,
                &vocab
            )
            .1
        );
        assert!(!title("Apple unveils new iPhone at event", TitleStyle::Ap, &vocab).1);
    }

    #[test]
    fn sentence_case_follows_vale() {
        let demo = options(&["Axon Server"], &[":"], Some(r"^[a-z]\.\s"), 0.8);
        assert!(sentence("An unimportant heading", &demo).1);
        assert!(!sentence("An unimportant Heading", &demo).1);
        assert!(!sentence("B. An unimportant heading", &demo).1);
        assert!(sentence("a. An unimportant heading", &demo).1);
        assert!(sentence("1. An important heading", &demo).1);
        assert!(sentence("Axon Server connection", &demo).1);
        assert!(sentence("Warning: Check the gauge", &demo).1);
        assert!(!sentence("this isn't in sentence case", &demo).1);
        assert_eq!(
            to_sentence("This Does Not Comply", &demo),
            "This does not comply"
        );
    }

    proptest! {
        #[test]
        fn title_case_is_idempotent(text in "[a-zA-Z :/-]{0,40}") {
            let plain = options(&[], &[], None, 0.8);
            let once = to_title(&text, TitleStyle::Chicago, &plain);
            prop_assert_eq!(to_title(&once, TitleStyle::Chicago, &plain), once.clone());
        }

        #[test]
        fn sentence_case_is_idempotent(text in "[a-zA-Z ]{0,40}") {
            let plain = options(&[], &[":"], None, 0.8);
            let once = to_sentence(&text, &plain);
            prop_assert_eq!(to_sentence(&once, &plain), once.clone());
        }

        #[test]
        fn converted_text_passes_its_own_check(text in "[a-z][a-z ]{0,30}") {
            let plain = options(&[], &[], None, 0.8);
            let expected = to_title(&text, TitleStyle::Ap, &plain);
            prop_assert!(title(&expected, TitleStyle::Ap, &plain).1);
        }
    }
}
