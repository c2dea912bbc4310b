//! The Go string functions Vale's locator is written with, with Go's semantics: byte offsets,
//! rune counts, `strings.Fields`, `strings.SplitAfter` and Vale's `Substitute`.

/// `utf8.RuneCountInString` (Vale's `nlp.StrLen`).
pub(super) fn str_len(s: &str) -> usize {
    s.chars().count()
}

/// `strings.Index`: the byte offset of the first `needle` in `hay` (0 for an empty needle).
pub(super) fn index(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// `strings.Fields`: the runs of non-space characters.
pub(super) fn fields(s: &str) -> impl Iterator<Item = &str> {
    s.split(char::is_whitespace).filter(|f| !f.is_empty())
}

/// `strings.SplitAfter(s, "\n")`: the pieces keep their newline, and a text ending with one
/// has an empty last piece.
pub(super) fn split_after_newline(s: &str) -> Vec<&str> {
    let mut pieces: Vec<&str> = s.split_inclusive('\n').collect();
    if s.is_empty() || s.ends_with('\n') {
        pieces.push("");
    }
    pieces
}

/// Vale's `core.Substitute`: the first `sub` in `src` with each of its characters but newlines
/// replaced by `mask` (so the byte length may change, the rune count does not); `None` where
/// `sub` does not occur.
pub(super) fn substitute(src: &str, sub: &str, mask: char) -> Option<String> {
    let at = index(src, sub)?;
    let mut out = String::with_capacity(src.len());
    out.push_str(&src[..at]);
    out.extend(sub.chars().map(|c| if c == '\n' { c } else { mask }));
    out.push_str(&src[at + sub.len()..]);
    Some(out)
}

/// [`substitute`], or `src` unchanged.
pub(super) fn substituted(src: &str, sub: &str, mask: char) -> String {
    substitute(src, sub, mask).unwrap_or_else(|| src.to_owned())
}

/// Every character of `s` but newlines as `mask` (`Substitute(s, s, mask)`).
pub(super) fn masked(s: &str, mask: char) -> String {
    s.chars()
        .map(|c| if c == '\n' { c } else { mask })
        .collect()
}

/// `ctx[..end]` as Go slices it, clamped to the text and to a character boundary.
pub(super) fn prefix(ctx: &str, end: usize) -> &str {
    let mut end = end.min(ctx.len());
    while !ctx.is_char_boundary(end) {
        end -= 1;
    }
    &ctx[..end]
}

/// Whether `b` is a word byte for RE2's ASCII `\b`.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_after_keeps_a_last_empty_piece_as_go_does() {
        assert_eq!(split_after_newline("a\nb\n"), ["a\n", "b\n", ""]);
        assert_eq!(split_after_newline("a\nb"), ["a\n", "b"]);
        assert_eq!(split_after_newline(""), [""]);
    }

    #[test]
    fn substitute_masks_runes_not_bytes() {
        assert_eq!(substitute("xé yé", "é y", '@').as_deref(), Some("x@@@é"));
        assert_eq!(substitute("abc", "z", '@'), None);
        assert_eq!(masked("a\nb", '*'), "*\n*");
    }
}
