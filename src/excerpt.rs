//! Short quotations of longer text for messages and notes: whole words, white space folded to single
//! spaces, and an ellipsis where the text was cut.

use std::borrow::Cow;

/// Punctuation left dangling at a cut ("Yonaguni, the…" rather than "Yonaguni,…"): dropped before
/// the ellipsis.
const DANGLING: &[char] = &[',', ';', ':', '-', '–', '—', '(', '“', '"', '‘', '\''];

/// `text` on one line, cut after its last whole word within `max_chars` characters and ended with
/// "…" when anything was left out. A first word longer than `max_chars` is cut where the limit
/// falls, as nothing shorter would say anything.
pub fn words_within(text: &str, max_chars: usize) -> Cow<'_, str> {
    let text = text.trim();
    let single_line =
        !text.contains(|c: char| c.is_whitespace() && c != ' ') && !text.contains("  ");
    if single_line && text.chars().count() <= max_chars {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(max_chars.min(text.len()) + 3);
    let mut length = 0;
    for word in text.split_whitespace() {
        let added = word.chars().count() + usize::from(length > 0);
        if length + added > max_chars {
            if length == 0 {
                out.extend(word.chars().take(max_chars));
            }
            let kept = out.trim_end_matches(DANGLING).trim_end().len();
            out.truncate(kept);
            out.push('…');
            return Cow::Owned(out);
        }
        if length > 0 {
            out.push(' ');
        }
        out.push_str(word);
        length += added;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_a_word_boundary_with_an_ellipsis() {
        let text = "The ministry also plans to station about 1,500 troops on Yonaguni, the westernmost inhabited island.";
        assert_eq!(
            words_within(text, 80),
            "The ministry also plans to station about 1,500 troops on Yonaguni, the…"
        );
        assert_eq!(
            words_within(text, 66),
            "The ministry also plans to station about 1,500 troops on Yonaguni…"
        );
        assert_eq!(words_within("Short enough.", 80), "Short enough.");
        assert_eq!(words_within("Hard\nwrapped  text", 80), "Hard wrapped text");
        assert_eq!(words_within("Supercalifragilistic", 5), "Super…");
        assert_eq!(words_within("Kōno Tarō met Abe", 9), "Kōno Tarō…");
    }
}
