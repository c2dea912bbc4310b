//! The words a `spelling` rule checks, split as Vale 3 splits them (its `nlp` word tokenizer):
//! text is cut at white space; from each piece, opening `$ ( " [ '` and closing
//! `, ) " ] ! ; . ? : '` are stripped one at a time (never the last character), unless the piece
//! is an emoticon or an abbreviation such as `U.S.` or `Mr.`, which is kept whole; a piece
//! without a letter is no word. Nothing else splits a word: `matter-of-factly`, `and/or`,
//! `don't` and `` `code` `` are one word each. Curly quotes count as straight ones (Vale
//! replaces them before it splits), so the word given for `’tis` is `'tis`.

use std::borrow::Cow;

use crate::span::Span;

/// One word: where it is in the text, and its text with curly quotes made straight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Word<'t> {
    pub(super) span: Span,
    pub(super) text: Cow<'t, str>,
}

/// Leading characters stripped from a piece (Vale's `prefixes`).
const PREFIXES: &[char] = &['$', '(', '"', '[', '\''];
/// Trailing characters stripped from a piece (Vale's `suffixes`).
const SUFFIXES: &[char] = &[',', ')', '"', ']', '!', ';', '.', '?', ':', '\''];

/// Emoticons Vale keeps whole (they have letters, so some would be words).
const EMOTICONS: &[&str] = &[
    "(-8",
    "(-;",
    "(-_-)",
    "(._.)",
    "(:",
    "(=",
    "(o:",
    "(¬_¬)",
    "(ಠ_ಠ)",
    "(╯°□°）╯︵┻━┻",
    "-__-",
    "8-)",
    "8-D",
    "8D",
    ":(",
    ":((",
    ":(((",
    ":()",
    ":)))",
    ":-)",
    ":-))",
    ":-)))",
    ":-*",
    ":-/",
    ":-X",
    ":-]",
    ":-o",
    ":-p",
    ":-x",
    ":-|",
    ":-}",
    ":0",
    ":3",
    ":P",
    ":]",
    ":`(",
    ":`)",
    ":`-(",
    ":o",
    ":o)",
    "=(",
    "=)",
    "=D",
    "=|",
    "@_@",
    "O.o",
    "O_o",
    "V_V",
    "XDD",
    "[-:",
    "^___^",
    "o_0",
    "o_O",
    "o_o",
    "v_v",
    "xD",
    "xDD",
    "¯\\(ツ)/¯",
];

/// Every word of `text`, in order, with spans relative to `text`.
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                split_piece(text, Span::new(from, at), &mut out);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The characters of a piece as Vale sees them: curly single and double quotes are straight.
fn plain(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        other => other,
    }
}

/// Splits one white-space-free piece as Vale's `doSplit` does, pushing its word, if any.
fn split_piece<'t>(text: &'t str, mut span: Span, out: &mut Vec<Word<'t>>) {
    loop {
        let piece = span.slice(text);
        if is_special(piece) {
            break;
        }
        let mut chars = piece.chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
            break;
        };
        // Vale strips only from a piece longer than the character stripped.
        if PREFIXES.contains(&plain(first)) {
            span = Span::new(span.start + first.len_utf8(), span.end);
        } else if SUFFIXES.contains(&plain(last)) {
            span = Span::new(span.start, span.end - last.len_utf8());
        } else {
            break;
        }
    }
    let piece = span.slice(text);
    if !piece.chars().any(char::is_alphabetic) {
        return;
    }
    let text = if piece.contains(['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']) {
        Cow::Owned(piece.chars().map(plain).collect())
    } else {
        Cow::Borrowed(piece)
    };
    out.push(Word { span, text });
}

/// An emoticon, or an abbreviation Vale keeps whole: letters each followed by a full stop
/// (`U.S.`, `e.g.`), or a capital and one or two small letters and a full stop (`Mr.`, `Mrs.`).
fn is_special(piece: &str) -> bool {
    let plain: Cow<'_, str> = if piece.is_ascii() {
        Cow::Borrowed(piece)
    } else {
        Cow::Owned(piece.chars().map(plain).collect())
    };
    if EMOTICONS.contains(&plain.as_ref()) {
        return true;
    }
    let bytes = plain.as_bytes();
    let dotted = bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes
            .chunks(2)
            .all(|pair| pair[0].is_ascii_alphabetic() && pair[1] == b'.');
    let title = matches!(bytes.len(), 3 | 4)
        && bytes[0].is_ascii_uppercase()
        && bytes[1..bytes.len() - 1].iter().all(u8::is_ascii_lowercase)
        && bytes[bytes.len() - 1] == b'.';
    dotted || title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .map(|w| w.text.into_owned())
            .collect()
    }

    #[test]
    fn words_split_as_vales_tokenizer_splits_them() {
        // Vale's own tokenizer tests.
        assert_eq!(
            texts("Don't copy this sentence."),
            ["Don't", "copy", "this", "sentence"]
        );
        assert_eq!(
            texts("no 'automatic' before it."),
            ["no", "automatic", "before", "it"]
        );
        assert_eq!(
            texts("I matter-of-factly said no."),
            ["I", "matter-of-factly", "said", "no"]
        );
        assert_eq!(
            texts("* `foof` - A string slice"),
            ["`foof`", "A", "string", "slice"]
        );
    }

    #[test]
    fn abbreviations_and_emoticons_are_kept_whole() {
        assert_eq!(
            texts("(U.S.) and Mr. Smith :P"),
            ["U.S.", "and", "Mr.", "Smith", ":P"]
        );
        assert_eq!(texts("($100) 3.5 -- ..."), Vec::<String>::new());
    }

    #[test]
    fn curly_quotes_are_straight_and_spans_index_the_text() {
        let text = "“That doesn’t,” she said";
        let found = words(text);
        assert_eq!(texts(text), ["That", "doesn't", "she", "said"]);
        assert_eq!(found[1].span.slice(text), "doesn’t");
        assert_eq!(found[0].span.slice(text), "That");
    }
}
