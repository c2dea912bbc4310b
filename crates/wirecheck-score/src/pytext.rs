//! Python `str` semantics that sacreBLEU's results depend on.
//!
//! sacreBLEU splits, strips and lowercases with Python's built-in string
//! methods. Their notion of whitespace differs from Rust's
//! [`char::is_whitespace`] (Python also treats the ASCII information
//! separators U+001C..U+001F as whitespace), so scores only match digit for
//! digit when these helpers are used instead of the Rust equivalents.

/// Returns whether Python's `str.isspace()` is true for `c`, i.e. whether
/// `str.split()` and `str.strip()` treat it as whitespace.
///
/// The list is CPython's `_PyUnicode_IsWhitespace` table (bidirectional
/// class WS, B or S, or general category Zs), enumerated from Python 3.11.
pub fn is_py_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{0B}'
            | '\u{0C}'
            | '\r'
            | '\u{1C}'..='\u{1F}'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Splits like Python's `str.split()` without arguments: runs of whitespace
/// separate words and empty words are never produced.
pub fn py_split(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_py_whitespace).filter(|word| !word.is_empty())
}

/// Like Python's `str.rstrip()` without arguments.
pub fn py_rstrip(text: &str) -> &str {
    text.trim_end_matches(is_py_whitespace)
}

/// Like Python's `str.strip()` without arguments.
pub fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_whitespace)
}

/// Like Python's `' '.join(text.split())`: collapses whitespace runs into
/// single spaces and trims both ends.
pub fn py_collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in py_split(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Like Python's `str.lower()`.
///
/// Rust's [`str::to_lowercase`] applies the same full Unicode mappings,
/// including the context-sensitive final sigma rule that Python applies;
/// the only possible differences stem from the Unicode version each
/// language ships.
pub fn py_lower(text: &str) -> String {
    // Fast path: most wire copy is ASCII, where lowercasing is a byte map.
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_treats_information_separators_as_whitespace() {
        let words: Vec<&str> = py_split("a\u{1C}b\u{85}c\u{2028}d  e\u{200B}f").collect();
        // U+200B (zero width space) is not whitespace for Python.
        assert_eq!(words, ["a", "b", "c", "d", "e\u{200B}f"]);
    }

    #[test]
    fn strip_and_collapse() {
        assert_eq!(py_rstrip(" a b \u{3000}\r"), " a b");
        assert_eq!(py_strip("\u{1F} a \u{A0}"), "a");
        assert_eq!(py_collapse_whitespace("  a \t b\u{2009}c  "), "a b c");
    }

    #[test]
    fn lower_handles_final_sigma_and_dotted_i() {
        assert_eq!(
            py_lower("ΟΔΟΣ ΟΔΟΣ."),
            "\u{3bf}\u{3b4}\u{3bf}\u{3c2} \u{3bf}\u{3b4}\u{3bf}\u{3c2}."
        );
        assert_eq!(py_lower("İ"), "i\u{307}");
    }
}
