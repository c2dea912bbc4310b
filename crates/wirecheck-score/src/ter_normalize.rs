//! TER's text preparation (sacreBLEU's `TercomTokenizer`, a port of
//! tercom's `Normalizer.java`): lowercasing, optional normalization of
//! punctuation and CJK characters, optional punctuation removal.

use super::pytext::{py_collapse_whitespace, py_lower};
use super::tokenize::{is_13a_symbol, pad_pairs, unescape_xml};

/// TER settings (sacreBLEU's `TER` constructor arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerConfig {
    /// Tokenize punctuation and unescape XML entities (`norm:yes`).
    pub normalized: bool,
    /// Remove punctuation (`punct:no`).
    pub no_punct: bool,
    /// With `normalized`, split CJK characters; with `no_punct`, also
    /// remove CJK and full-width punctuation (`asian:yes`).
    pub asian_support: bool,
    /// Do not lowercase (`case:mixed`); TER is case-insensitive by default.
    pub case_sensitive: bool,
}

/// CJK punctuation tercom treats specially.
fn is_asian_punct(c: char) -> bool {
    matches!(
        c,
        '\u{3001}'
            | '\u{3002}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301F}'
            | '\u{FF61}'..='\u{FF65}'
            | '\u{30FB}'
    )
}

/// Full-width punctuation tercom treats specially.
fn is_full_width_punct(c: char) -> bool {
    matches!(
        c,
        '\u{FF0E}'
            | '\u{FF0C}'
            | '\u{FF1F}'
            | '\u{FF1A}'
            | '\u{FF1B}'
            | '\u{FF01}'
            | '\u{FF02}'
            | '\u{FF08}'
            | '\u{FF09}'
    )
}

/// Characters `asian_support` normalization surrounds with spaces: CJK
/// ideographs, strokes, radicals, compatibility forms, enclosed letters and
/// the punctuation above.
///
/// tercom's Hiragana/Katakana rules are anchored at both ends of the
/// sentence, which by then always starts and ends with a space, so they
/// never apply and are not reproduced.
fn is_asian_split_char(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{31C0}'..='\u{31EF}'
            | '\u{2E80}'..='\u{2EFF}'
            | '\u{3300}'..='\u{33FF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{3200}'..='\u{3F22}'
    ) || is_asian_punct(c)
        || is_full_width_punct(c)
}

/// tercom's language-independent and Western normalization.
fn normalize_general_and_western(text: &str) -> String {
    // Strip end-of-line hyphenation and join lines, then unescape.
    let text = unescape_xml(&text.replace("\n-", "").replace('\n', " "));
    let mut padded = String::with_capacity(text.len() + 16);
    padded.push(' ');
    for c in text.chars() {
        if is_13a_symbol(c) {
            padded.push(' ');
            padded.push(c);
            padded.push(' ');
        } else {
            padded.push(c);
        }
    }
    padded.push(' ');
    // Possessives. tercom's second rule (`'s` at the very end) cannot match
    // because the text now ends with a space.
    let text = padded.replace("'s ", " 's ");
    let is_digit = |c: char| c.is_ascii_digit();
    let is_period_or_comma = |c: char| c == '.' || c == ',';
    let text = pad_pairs(&text, |c| !is_digit(c), is_period_or_comma, ["", " ", " "]);
    let text = pad_pairs(&text, is_period_or_comma, |c| !is_digit(c), [" ", " ", ""]);
    pad_pairs(&text, is_digit, |c| c == '-', ["", " ", " "])
}

impl TerConfig {
    /// Prepares a (right-stripped) segment: the result's words are
    /// separated by single spaces.
    pub fn normalize(&self, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        let mut text = if self.case_sensitive {
            text.to_owned()
        } else {
            py_lower(text)
        };
        if self.normalized {
            text = normalize_general_and_western(&text);
            if self.asian_support {
                let mut spaced = String::with_capacity(text.len() + 16);
                for c in text.chars() {
                    if is_asian_split_char(c) {
                        spaced.push(' ');
                        spaced.push(c);
                        spaced.push(' ');
                    } else {
                        spaced.push(c);
                    }
                }
                text = spaced;
            }
        }
        if self.no_punct {
            text.retain(|c| {
                !matches!(c, '.' | ',' | '?' | ':' | ';' | '!' | '"' | '(' | ')')
                    && !(self.asian_support && (is_asian_punct(c) || is_full_width_punct(c)))
            });
        }
        py_collapse_whitespace(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_only_lowercases_and_collapses() {
        let config = TerConfig::default();
        assert_eq!(config.normalize("  The Dog,  bit. "), "the dog, bit.");
    }

    #[test]
    fn normalized_tokenizes_punctuation_and_possessives() {
        let config = TerConfig {
            normalized: true,
            ..TerConfig::default()
        };
        assert_eq!(
            config.normalize("John's car cost $3,000.50, &quot;ok&quot;."),
            "john 's car cost $ 3,000.50 , \" ok \" ."
        );
    }

    #[test]
    fn no_punct_with_asian_support() {
        let config = TerConfig {
            no_punct: true,
            asian_support: true,
            case_sensitive: true,
            ..TerConfig::default()
        };
        assert_eq!(config.normalize("Hi, (you)。好！"), "Hi you好");
    }
}
