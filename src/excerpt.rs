//! Short excerpts of what a user wrote, for error messages: a value quoted in an error is cut to
//! a few characters, so that pointing wirecheck at the wrong file (`--rules secret.env`) never
//! prints that file.

/// The most characters of a quoted value an error shows.
pub const MAX_CHARS: usize = 24;

/// `text` cut to [`MAX_CHARS`] characters, with `…` when cut.
pub fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// `message` with every quoted value longer than [`MAX_CHARS`] cut short: values in `"…"` (Rust
/// debug quoting, with `\` escapes), in `` `…` `` (serde) and in `'…'` (wirecheck's own messages;
/// an apostrophe inside a word opens no quotation).
pub fn shorten_quotes(message: &str) -> String {
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
