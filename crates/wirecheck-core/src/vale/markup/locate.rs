//! Where an alert lies in the file: Vale's `AddAlert` (`internal/core/file.go`) with its
//! `assignLoc`, `FindLoc`, `initialPosition` and `guessLocation` (`internal/core/location.go`).
//! Vale finds the matched text again in the block's context (the file with the text consumed
//! so far masked) rather than carrying offsets through the markup; its quirks are kept, since
//! they decide which line and column Vale reports.

use super::gostr::{
    fields, index, is_word_byte, prefix, split_after_newline, str_len, substituted,
};
use super::prose::{segment_sentences, tokenize_words};

/// What the locator knows of an alert.
pub(super) struct Alert<'a> {
    /// The byte span in the block's text.
    pub(super) start: usize,
    /// The end of that span.
    pub(super) end: usize,
    /// The matched text.
    pub(super) matched: &'a str,
    /// Words to mask before looking (Vale's `Alert.Offset`).
    pub(super) offsets: Vec<String>,
}

/// What the locator knows of a block and its file.
pub(super) struct Where<'a> {
    /// The block's text.
    pub(super) text: &'a str,
    /// Vale's `Block.Line` (0-based; -1 where unknown).
    pub(super) line: i64,
    /// Whether Vale looks the alert up in the whole context (`FindLoc`) rather than on the
    /// block's line first.
    pub(super) lookup: bool,
    /// The file's lines (`f.Lines`) where the format is markup; `None`: the context's lines.
    pub(super) file_lines: Option<&'a [&'a str]>,
    /// How many lines the file has (`len(f.Lines)`).
    pub(super) line_count: usize,
    /// A searcher for `text`, built once for every alert of a rule in the block: looking the
    /// block up in its context is most of placing an alert.
    pub(super) finder: Option<&'a memchr::memmem::Finder<'a>>,
}

/// Vale's result: the 1-based line and the 1-based first and last columns (runes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RawLocation {
    pub(super) line: i64,
    pub(super) first: i64,
    pub(super) last: i64,
}

/// `AddAlert`'s placing of `alert` found in a block with context `ctx`.
pub(super) fn place(ctx: &str, at: &Where<'_>, mut alert: Alert<'_>) -> RawLocation {
    // Vale masks the words before the match where the match occurs more than once (only in a
    // small context: the cap is Vale's, for speed).
    if alert.offsets.is_empty() && ctx.len() < 1000 && count(ctx, alert.matched) > 1 {
        alert.offsets = fields(prefix(ctx, alert.start))
            .map(str::to_owned)
            .collect();
    }
    let mut found = None;
    if !at.lookup {
        found = Some(assign_loc(ctx, at, &alert));
    }
    match found {
        Some(loc) if loc.first >= 0 => loc,
        _ => find_loc(ctx, at, &alert),
    }
}

/// `strings.Count` (an empty needle counts runes plus one).
fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return str_len(hay) + 1;
    }
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).count()
}

/// `assignLoc`: the block's own line (or a line where the span reads the match) first.
fn assign_loc(ctx: &str, at: &Where<'_>, alert: &Alert<'_>) -> RawLocation {
    let (start, end) = (alert.start, alert.end);
    for (idx, line) in split_after_newline(ctx).into_iter().enumerate() {
        let exact =
            line.len() > end && line.as_bytes().get(start..end) == Some(alert.matched.as_bytes());
        if exact || idx as i64 == at.line {
            let length = str_len(line) as i64;
            let (pos, substring) = initial_position(line, at.text, at.finder, alert.matched);
            let first = pos;
            let mut last = pos + str_len(&substring) as i64 - 1;
            if last > length {
                last = length;
            } else if last <= 0 {
                last = 1;
            }
            return RawLocation {
                line: idx as i64 + 1,
                first,
                last,
            };
        }
    }
    RawLocation {
        line: at.line + 1,
        first: start as i64,
        last: end as i64,
    }
}

/// `FindLoc`: the match looked up in the whole context, its rune offset turned into a line and
/// column by the file's lines.
fn find_loc(ctx: &str, at: &Where<'_>, alert: &Alert<'_>) -> RawLocation {
    let mut ctx = ctx.to_owned();
    for word in &alert.offsets {
        ctx = substituted(&ctx, word, '@');
    }
    let (pos, substring) = initial_position(&ctx, at.text, at.finder, alert.matched);
    if pos < 0 {
        return RawLocation {
            line: pos,
            first: 0,
            last: 0,
        };
    }
    let own_lines;
    let lines: &[&str] = match at.file_lines {
        Some(lines) => lines,
        None => {
            own_lines = split_after_newline(&ctx);
            &own_lines
        }
    };
    let mut counter = 0i64;
    for (idx, line) in lines.iter().enumerate() {
        let length = str_len(line) as i64;
        if counter + length >= pos {
            let first = pos - counter;
            let mut last = first + str_len(&substring) as i64 - 1;
            if last > length {
                last = length;
            } else if last <= 0 {
                last = 1;
            }
            let line = at.line_count as i64 - (lines.len() as i64 - (idx as i64 + 1));
            return RawLocation { line, first, last };
        }
        counter += length;
    }
    RawLocation {
        line: at.line_count as i64,
        first: alert.start as i64,
        last: alert.end as i64,
    }
}

/// `initialPosition`: the 1-based rune position of `matched` in `ctx` (after the block's text,
/// where the block's text occurs in it) and the text found there.
pub(super) fn initial_position(
    ctx: &str,
    text: &str,
    finder: Option<&memchr::memmem::Finder<'_>>,
    matched: &str,
) -> (i64, String) {
    if matched.is_empty() {
        // Nothing to look for: the rule is about the whole block (readability, say).
        return (1, String::new());
    }
    let owned;
    let offset = match finder {
        Some(finder) if !text.is_empty() => finder.find(ctx.as_bytes()),
        _ => index(ctx, text),
    };
    let ctx = match offset {
        Some(offset) if offset > 0 => {
            owned = substituted(ctx, &ctx[..offset], '@');
            owned.as_str()
        }
        _ => ctx,
    };
    let sub = matched;
    let idx = match bounded_occurrence(ctx, sub) {
        Some(idx) => idx,
        None => match index(ctx, sub) {
            Some(idx) => idx,
            None => return guess_location(ctx, text, sub),
        },
    };
    let idx = if ctx[idx..].starts_with('_') {
        idx + 1
    } else {
        idx
    };
    (str_len(&ctx[..idx]) as i64 + 1, sub.to_owned())
}

/// The start of the match `(?:^|\b|_)SUB(?:_|\b|$)` (RE2, ASCII `\b`) that Vale picks: the first
/// one not next to a backtick or hyphen (which looks like inline code), else the first.
fn bounded_occurrence(ctx: &str, sub: &str) -> Option<usize> {
    let bytes = ctx.as_bytes();
    let size = bytes.len();
    let mut first = None;
    let mut from = 0;
    while let Some((start, end)) = next_bounded(bytes, sub.as_bytes(), from) {
        first.get_or_insert(start);
        let before = start.wrapping_sub(1);
        let after = end + 1;
        let near = |i: usize| bytes[i] == b'`' || bytes[i] == b'-';
        let looks_like_code = start > 1 && near(before) || after < size && near(after);
        if !looks_like_code {
            return Some(start);
        }
        from = end.max(start + 1);
    }
    first
}

/// The next leftmost-first match of `(?:^|\b|_)SUB(?:_|\b|$)` at or after `from`.
fn next_bounded(hay: &[u8], sub: &[u8], from: usize) -> Option<(usize, usize)> {
    let boundary = |i: usize| {
        let before = i > 0 && is_word_byte(hay[i - 1]);
        let after = i < hay.len() && is_word_byte(hay[i]);
        before != after
    };
    let suffix = |end: usize| -> Option<usize> {
        if hay.get(end) == Some(&b'_') {
            Some(end + 1)
        } else if end == hay.len() || boundary(end) {
            Some(end)
        } else {
            None
        }
    };
    if sub.is_empty() {
        return None;
    }
    let finder = memchr::memmem::Finder::new(sub);
    // Occurrences in order; at each start `^`/`\b` before SUB is tried before `_SUB`, and the
    // `_SUB` of an occurrence starts one byte before the occurrence itself.
    let mut search = from;
    while search <= hay.len() {
        let found = search + finder.find(&hay[search..])?;
        let end = found + sub.len();
        if found > from
            && hay[found - 1] == b'_'
            && let Some(end) = suffix(end)
        {
            return Some((found - 1, end));
        }
        if (found == 0 || boundary(found))
            && let Some(end) = suffix(end)
        {
            return Some((found, end));
        }
        search = found + 1;
    }
    None
}

/// `guessLocation`: for matches in text with inline markup, the first line of the context
/// holding every word of the sentence that holds the match.
fn guess_location(ctx: &str, text: &str, matched: &str) -> (i64, String) {
    let mut target = None;
    for sentence in segment_sentences(text) {
        if sentence == matched || index(&sentence, matched).is_some_and(|i| i > 0) {
            target = Some(sentence);
        }
    }
    let Some(target) = target else {
        return (-1, text.to_owned());
    };
    let tokens = tokenize_words(&target);
    for line in ctx.split('\n') {
        if tokens.iter().all(|t| line.contains(t.as_str())) {
            // Vale returns a byte offset here, which it then reads as a rune position.
            let at = index(ctx, line).unwrap_or(0);
            return (at as i64 + 1, line.to_owned());
        }
    }
    (-1, text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_matches_prefer_word_boundaries() {
        assert_eq!(bounded_occurrence("foobar bar", "bar"), Some(7));
        assert_eq!(bounded_occurrence("x_bar", "bar"), Some(1));
        assert_eq!(bounded_occurrence("x `bar` bar", "bar"), Some(8));
        // Vale checks the byte before a match only past the first byte of the context.
        assert_eq!(bounded_occurrence("`bar` bar", "bar"), Some(1));
        assert_eq!(bounded_occurrence("foobarx", "bar"), None);
    }

    #[test]
    fn initial_position_counts_runes_after_the_block_text() {
        assert_eq!(
            initial_position("é bar", "é bar", None, "bar"),
            (3, "bar".to_owned())
        );
        assert_eq!(initial_position("bar x bar", "x bar", None, "bar").0, 7);
        assert_eq!(initial_position("abc", "abc", None, "").0, 1);
    }
}
