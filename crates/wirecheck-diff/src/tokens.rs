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
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let mut tokens = Vec::with_capacity(slice.len() / 3);
    let mut chars = slice.char_indices().peekable();
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
                if is_word_char(next) {
                    end = i + next.len_utf8();
                    last = next;
                    chars.next();
                } else if (next == '.' || next == ',') && last.is_ascii_digit() {
                    // Keep a decimal or thousands separator only when a digit follows it.
                    let after = slice[i + 1..].chars().next();
                    if after.is_some_and(|d| d.is_ascii_digit()) {
                        end = i + 1;
                        last = next;
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Punctuation
        };
        tokens.push(Token {
            kind,
            span: base + start..base + end,
        });
    }
    tokens
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

    #[test]
    fn bad_range_gives_no_tokens() {
        assert!(tokenize("é", 1..2).is_empty());
        assert!(tokenize("abc", 2..9).is_empty());
    }
}
