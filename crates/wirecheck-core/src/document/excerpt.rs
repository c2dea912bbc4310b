//! Short quotations of longer text: whole-word excerpts for findings' notes, and values cut to a few
//! characters for error messages, so that pointing wirecheck at the wrong file (`--rules
//! secret.env`) never prints that file.

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

/// The most characters of a quoted value an error shows.
pub(crate) const MAX_CHARS: usize = 24;

/// `text` cut to `MAX_CHARS` characters, with `…` when cut.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// `message` with every quoted value longer than [`MAX_CHARS`] cut short: values in `"…"` (Rust
/// debug quoting, with `\` escapes), in `` `…` `` (serde) and in `'…'` (wirecheck's own messages;
/// an apostrophe inside a word opens no quotation).
pub(crate) fn shorten_quotes(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len());
    let mut i = 0;
    while i < chars.len() {
        let quote = chars[i];
        let opens = match quote {
            '"' | '`' => true,
            '\'' => i == 0 || !chars[i - 1].is_alphanumeric(),
            _ => false,
        };
        if !opens {
            out.push(quote);
            i += 1;
            continue;
        }
        let end = closing(&chars, i, quote);
        let inner: String = chars[i + 1..end.unwrap_or(chars.len())].iter().collect();
        out.push(quote);
        if inner.chars().count() > MAX_CHARS {
            let mut cut = excerpt(&inner);
            if quote == '"' {
                // Never end on half an escape such as `\"`.
                let body = cut.trim_end_matches('…');
                let backslashes = body.len() - body.trim_end_matches('\\').len();
                if backslashes % 2 == 1 {
                    cut = format!("{}…", &body[..body.len() - 1]);
                }
            }
            out.push_str(&cut);
        } else {
            out.push_str(&inner);
        }
        match end {
            Some(end) => {
                out.push(quote);
                i = end + 1;
            }
            None => i = chars.len(),
        }
    }
    out
}

/// Where the quotation opened at `start` closes, if it does.
fn closing(chars: &[char], start: usize, quote: char) -> Option<usize> {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if quote == '"' => i += 2,
            c if c == quote => {
                if quote != '\'' || chars.get(i + 1).is_none_or(|c| !c.is_alphanumeric()) {
                    return Some(i);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
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

    #[test]
    fn long_quoted_values_are_cut() {
        let long = "k".repeat(100);
        assert_eq!(
            shorten_quotes(&format!("invalid type: string \"{long}\", expected a map")),
            format!(
                "invalid type: string \"{}…\", expected a map",
                "k".repeat(24)
            )
        );
        assert_eq!(
            shorten_quotes(&format!("unknown variant `{long}`, expected `a`")),
            format!("unknown variant `{}…`, expected `a`", "k".repeat(24))
        );
        assert_eq!(
            shorten_quotes(&format!("unknown scope '{long}' (valid scopes: a)")),
            format!("unknown scope '{}…' (valid scopes: a)", "k".repeat(24))
        );
    }

    #[test]
    fn short_values_apostrophes_and_escapes_are_kept() {
        let message = "'wire' isn't known: \"a\\\"b\" and `c`";
        assert_eq!(shorten_quotes(message), message);
        let escaped = format!("string \"{}\\\"{}\"", "a".repeat(23), "b".repeat(30));
        assert_eq!(
            shorten_quotes(&escaped),
            format!("string \"{}…\"", "a".repeat(23))
        );
        assert_eq!(excerpt("ünïcödé"), "ünïcödé");
        assert_eq!(excerpt(&"é".repeat(30)), format!("{}…", "é".repeat(24)));
    }
}
