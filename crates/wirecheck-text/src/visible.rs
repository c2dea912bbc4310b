//! Control characters made visible, so that text taken from a story cannot drive the terminal it
//! is printed to (move the cursor, recolour, retitle the window, ring the bell) or hide what it
//! says.
//!
//! The mapping is the human report's (annotate-snippets', after rustc): C0 controls and DEL
//! become their Unicode control pictures (ESC is `␛`), and the bidirectional embedding,
//! override and isolate controls become `�`. C1 controls (U+0080 to U+009F, among them the
//! one-character CSI), which that mapping leaves out, become `�` too. Tabs and line breaks
//! (LF, and CR before LF) are left alone: they lay text out, and each format deals with them.

use std::borrow::Cow;

/// True for a character [`escape_controls`] replaces.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True when `text` has a character [`escape_controls`] replaces (a CR before LF is kept).
fn has_escapes(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if needs_escape(c) && !(c == '\r' && chars.peek() == Some(&'\n')) {
            return true;
        }
    }
    false
}

/// `text` with its control characters replaced by visible ones (borrowed when there are none).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !has_escapes(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\u{7F}' => out.push('␡'),
            c if u32::from(c) < 0x20 && c != '\t' && c != '\n' => {
                // U+2400 + c is the control picture of C0 control c.
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'));
            }
            c if needs_escape(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn terminal_controls_become_visible() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\u{7}c\u{0}d\u{7f}e\u{9b}2Jf\u{202e}g\rh"),
            "a␛[31mb␇c␀d␡e�2Jf�g␍h"
        );
    }

    #[test]
    fn layout_and_ordinary_text_are_kept() {
        let text = "Tabs\tand lines\nand CRLF\r\nand Ünïcödé — “quotes”, 東京";
        assert_eq!(escape_controls(text), text);
        assert!(matches!(
            escape_controls(text),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
