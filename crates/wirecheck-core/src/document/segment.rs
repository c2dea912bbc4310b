//! Splitting text into words and sentences, with byte spans.

use unicode_normalization::char::is_combining_mark;

use crate::span::Span;

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Characters that join two word characters into one word: "don't", "Jae-myung", and the
/// invisible characters a paste leaves inside words ("Taka\u{200b}ichi" is one word with a fault).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐') || is_invisible(c)
}

/// Zero-width spaces and joiners, word joiners, soft hyphens and byte-order marks: characters that
/// show nothing but split words for a machine.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// The words of `text` inside `within`: runs of letters, digits and combining marks, joined across
/// single apostrophes and hyphens.
pub(crate) fn split_words(text: &str, within: Span) -> Vec<Span> {
    let mut words = Vec::with_capacity(within.len() / 6);
    split_words_into(text, within, |word| words.push(word));
    words
}

/// [`split_words`], giving each word to `push` in order rather than collecting them.
pub(crate) fn split_words_into(text: &str, within: Span, mut push: impl FnMut(Span)) {
    let slice = within.slice(text);
    // Words never span lines: take each line on the fast ASCII path when it can be.
    let mut offset = within.start;
    for line in slice.split_inclusive('\n') {
        if line.is_ascii() {
            split_ascii_words(line.as_bytes(), offset, &mut push);
        } else {
            split_unicode_words(line, offset, &mut push);
        }
        offset += line.len();
    }
}

fn split_unicode_words(slice: &str, offset: usize, push: &mut impl FnMut(Span)) {
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start {
            let joins = is_joiner(c) && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
            if !joins {
                push(Span::new(s, i).shift(offset));
                start = None;
            }
        }
    }
    if let Some(s) = start {
        push(Span::new(s, slice.len()).shift(offset));
    }
}

/// [`split_words`] for ASCII text, byte by byte.
fn split_ascii_words(bytes: &[u8], offset: usize, push: &mut impl FnMut(Span)) {
    let mut start: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start {
            let joins = matches!(b, b'\'' | b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if !joins {
                push(Span::new(s + offset, i + offset));
                start = None;
            }
        }
    }
    if let Some(s) = start {
        push(Span::new(s + offset, bytes.len() + offset));
    }
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "mt", "ft", "no", "nos", "co", "corp", "inc", "ltd",
    "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "est", "fig", "vol", "pp", "ph", "u.s", "u.k", "u.n", "e.u", "a.m",
    "p.m",
];

/// The sentences of `paragraph`: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets) before white space and a capital, digit or opening quote, unless the period ends an
/// abbreviation or an initial.
pub(crate) fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let body = paragraph.slice(text);
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let has_ellipsis = body.contains('…');
    while let Some(i) = next_terminator(body, pos, has_ellipsis) {
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        let mut end = i + c.len_utf8();
        while let Some(next) = body[end..].chars().next() {
            if !matches!(
                next,
                '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '.' | '!' | '?'
            ) {
                break;
            }
            end += next.len_utf8();
        }
        pos = end;
        let after = &body[end..];
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            continue;
        }
        let opens_sentence = after[gap..].chars().next().is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '«')
        });
        if !opens_sentence || (c == '.' && ends_abbreviation(&body[start..i])) {
            continue;
        }
        sentences.push(Span::new(start, end).shift(paragraph.start));
        start = end + gap;
    }
    if start < body.len() {
        let rest = body[start..].trim_end();
        if !rest.is_empty() {
            sentences.push(Span::new(start, start + rest.len()).shift(paragraph.start));
        }
    }
    sentences
}

/// The byte offset of the next `.`, `!`, `?` (or `…`, when the text has one) at or after `from`.
fn next_terminator(body: &str, from: usize, has_ellipsis: bool) -> Option<usize> {
    let bytes = &body.as_bytes()[from..];
    let ascii = memchr::memchr3(b'.', b'!', b'?', bytes);
    let ellipsis = if has_ellipsis {
        memchr::memmem::find(bytes, "…".as_bytes())
    } else {
        None
    };
    match (ascii, ellipsis) {
        (Some(a), Some(e)) => Some(from + a.min(e)),
        (a, e) => a.or(e).map(|i| from + i),
    }
}

fn ends_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    let single_letter =
        matches!((letters.next(), letters.next()), (Some(l), None) if l.is_uppercase());
    single_letter || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split_words(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn words_join_apostrophes_and_hyphens() {
        assert_eq!(
            words("Japan's Lee Jae-myung - don't, 2.1% Kōno"),
            ["Japan's", "Lee", "Jae-myung", "don't", "2", "1", "Kōno"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        assert_eq!(
            sentences(
                "Mr. Smith met U.S. officials. \"It went well.\" He left at 5 p.m. Friday. 2025 was calm."
            ),
            [
                "Mr. Smith met U.S. officials.",
                "\"It went well.\"",
                "He left at 5 p.m. Friday.",
                "2025 was calm."
            ]
        );
    }
}
