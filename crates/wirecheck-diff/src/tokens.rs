//! Splits text into word, punctuation and whitespace tokens, each with its byte span.
//!
//! A word is a run of letters, digits and combining marks; a `.` or `,` between two
//! digits stays inside the word so `3.5` and `1,200` are one token each. Every other
//! visible character is a punctuation token of its own, and each run of whitespace is
//! one whitespace token. The tokens of a range cover it without gaps or overlaps.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

/// What a [`Token`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, digits and combining marks (with decimal separators between digits).
    Word,
    /// One visible character that is neither a letter nor a digit.
    Punctuation,
    /// A run of whitespace characters.
    Whitespace,
}

/// One token of a text: its kind and its byte span in the text it was cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What the token is made of.
    pub kind: TokenKind,
    /// Byte range of the token in the original text.
    pub span: Range<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Tokenises `text[range]`; spans are byte ranges into `text`.
///
/// `range` must lie on character boundaries of `text`; an out-of-bounds or
/// misaligned range yields no tokens rather than panicking.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let tokens = Tokens::new(text, range);
    let mut out = Vec::with_capacity(tokens.rest.len() / 3);
    out.extend(tokens);
    out
}

/// The tokens of a range, one at a time: [`tokenize`] without the vector.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    /// What is left to tokenise.
    rest: &'a str,
    /// Byte offset of `rest` in the original text.
    offset: usize,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text[range]`; none if `range` is out of bounds or misaligned.
    pub fn new(text: &'a str, range: Range<usize>) -> Self {
        let start = range.start;
        Tokens {
            rest: text.get(range).unwrap_or_default(),
            offset: start,
        }
    }
}

/// Byte length of the run of characters at the start of `s` that satisfy `keep`.
fn run_length(s: &str, keep: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Byte length of the word at the start of `s` (which starts with a word character).
fn word_length(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = 0;
    loop {
        // ASCII letters and digits are most of any word: step over them byte by byte.
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        match bytes.get(end) {
            Some(&b) if b >= 0x80 => {
                let more = run_length(&s[end..], |c| !c.is_ascii() && is_word_char(c));
                if more == 0 {
                    return end;
                }
                end += more;
            }
            // Keep a decimal or thousands separator only between two digits.
            Some(b'.' | b',')
                if end > 0
                    && bytes[end - 1].is_ascii_digit()
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) =>
            {
                end += 1;
            }
            _ => return end,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let &byte = self.rest.as_bytes().first()?;
        // ASCII first: most of any text, and classified without decoding a character.
        let (kind, len) = if byte.is_ascii_alphanumeric() {
            (TokenKind::Word, word_length(self.rest))
        } else if is_ascii_whitespace(byte) {
            (TokenKind::Whitespace, whitespace_length(self.rest))
        } else if byte.is_ascii() {
            (TokenKind::Punctuation, 1)
        } else {
            self.non_ascii()
        };
        let span = self.offset..self.offset + len;
        self.rest = &self.rest[len..];
        self.offset += len;
        Some(Token { kind, span })
    }
}

/// The ASCII characters `char::is_whitespace` accepts (`u8::is_ascii_whitespace` leaves out
/// the vertical tab).
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Byte length of the whitespace run at the start of `s`.
fn whitespace_length(s: &str) -> usize {
    let ascii = s.bytes().take_while(|&b| is_ascii_whitespace(b)).count();
    match s.as_bytes().get(ascii) {
        Some(&b) if !b.is_ascii() => ascii + run_length(&s[ascii..], char::is_whitespace),
        _ => ascii,
    }
}

impl Tokens<'_> {
    /// Kind and length of the token at the start of `rest`, which is not ASCII.
    fn non_ascii(&self) -> (TokenKind, usize) {
        let first = self.rest.chars().next().unwrap_or_default();
        if first.is_whitespace() {
            (
                TokenKind::Whitespace,
                run_length(self.rest, char::is_whitespace),
            )
        } else if is_word_char(first) {
            (TokenKind::Word, word_length(self.rest))
        } else {
            (TokenKind::Punctuation, first.len_utf8())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| (&text[t.span], t.kind))
            .collect()
    }

    #[test]
    fn words_punctuation_and_whitespace_are_separate() {
        use TokenKind::*;
        assert_eq!(
            texts("Prices rose 3.5%, to 1,200 euros."),
            vec![
                ("Prices", Word),
                (" ", Whitespace),
                ("rose", Word),
                (" ", Whitespace),
                ("3.5", Word),
                ("%", Punctuation),
                (",", Punctuation),
                (" ", Whitespace),
                ("to", Word),
                (" ", Whitespace),
                ("1,200", Word),
                (" ", Whitespace),
                ("euros", Word),
                (".", Punctuation),
            ]
        );
    }

    #[test]
    fn tokens_cover_the_range_exactly() {
        let text = "  Zürich – «Ça va?»\n\n l'été 2024.  ";
        let tokens = tokenize(text, 1..text.len() - 1);
        let joined: String = tokens.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(joined, &text[1..text.len() - 1]);
        assert!(texts("e\u{301}t\u{301}e").len() == 1);
    }

    #[test]
    fn trailing_separator_after_number_is_punctuation() {
        let text = "in 2024. Then";
        assert_eq!(texts(text)[2], ("2024", TokenKind::Word));
        assert_eq!(texts(text)[3], (".", TokenKind::Punctuation));
    }

    /// The tokeniser as first written, a character at a time: the fast one must agree.
    fn reference_tokenize(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            let kind = if c.is_whitespace() {
                while let Some(&(i, next)) = chars.peek() {
                    if !next.is_whitespace() {
                        break;
                    }
                    end = i + next.len_utf8();
                    chars.next();
                }
                TokenKind::Whitespace
            } else if is_word_char(c) {
                let mut last = c;
                while let Some(&(i, next)) = chars.peek() {
                    let separator = (next == '.' || next == ',')
                        && last.is_ascii_digit()
                        && text[i + 1..]
                            .chars()
                            .next()
                            .is_some_and(|d| d.is_ascii_digit());
                    if !is_word_char(next) && !separator {
                        break;
                    }
                    end = i + next.len_utf8();
                    last = next;
                    chars.next();
                }
                TokenKind::Word
            } else {
                TokenKind::Punctuation
            };
            tokens.push(Token {
                kind,
                span: start..end,
            });
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_reference(
            text in "[a-zA-Z0-9 .,\n\t\u{b}\u{a0}\u{2003}é\u{301}٣中–'%-]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text, 0..text.len()), reference_tokenize(&text));
        }
    }

    #[test]
    fn bad_range_gives_no_tokens() {
        assert!(tokenize("é", 1..2).is_empty());
        assert!(tokenize("abc", 2..9).is_empty());
    }
}
