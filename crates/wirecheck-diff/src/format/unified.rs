//! `--format unified`: a unified diff of lines that `patch` and `git apply` apply exactly, with
//! the changed words inside changed lines emphasised when colour is on.
//!
//! Lines end at `\n` only, as `patch` and git read them: a `\r` before it (CRLF) or anywhere else
//! is part of the line, so an LF → CRLF change is a changed line and the patch rebuilds the new
//! file byte for byte. A last line without `\n` is followed by `\ No newline at end of file`.
//! Coloured output is for a terminal, so its control characters (the `\r` of CRLF among them,
//! shown as `␍`) are made visible; plain output keeps the texts' bytes, as a patch must.

use std::fmt::Write as _;
use std::time::Duration;

use anstyle::{AnsiColor, Effects, Style};
use similar::{ChangeTag, TextDiff, udiff::UnifiedHunkHeader};

use super::SideNames;
use wirecheck_text::visible::escape_controls;

const DELETED: Style = AnsiColor::Red.on_default();
const INSERTED: Style = AnsiColor::Green.on_default();
const EMPHASIS: Effects = Effects::INVERT;
const HUNK: Style = AnsiColor::Cyan.on_default();
const HEADER: Style = Style::new().effects(Effects::BOLD);

/// The marker `diff`, `patch` and git use after a last line that has no `\n`.
const NO_NEWLINE: &str = "\\ No newline at end of file";

/// Splits `text` into lines as `patch` reads them: each ends after its `\n` (kept), the last
/// may have none.
fn patch_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Renders a unified diff (`--- old`, `+++ new`, `@@` hunks with `context` lines of
/// context) of the two texts, the names as given. With `colour`, removed lines are red, added
/// lines green, and within a changed line the words that differ are shown in reverse video.
/// The line diff gives up refining after `timeout` and falls back to coarser hunks, still a
/// patch that applies. Identical texts give an empty string.
pub fn render_unified(
    old: &str,
    new: &str,
    names: &SideNames,
    context: usize,
    colour: bool,
    timeout: Duration,
) -> String {
    let (old_lines, new_lines) = (patch_lines(old), patch_lines(new));
    let diff = TextDiff::configure()
        .timeout(timeout)
        .diff_slices(&old_lines, &new_lines);
    let mut out = String::new();
    let groups = diff.grouped_ops(context);
    if groups.is_empty() {
        return out;
    }
    let paint = |style: Style, text: &str| {
        if colour {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let _ = writeln!(out, "{}", paint(HEADER, &format!("--- {}", names.old)));
    let _ = writeln!(out, "{}", paint(HEADER, &format!("+++ {}", names.new)));
    for group in &groups {
        let _ = writeln!(
            out,
            "{}",
            paint(HUNK, &UnifiedHunkHeader::new(group).to_string())
        );
        for op in group {
            for change in diff.iter_inline_changes(op) {
                let (sign, style) = match change.tag() {
                    ChangeTag::Equal => (' ', Style::new()),
                    ChangeTag::Delete => ('-', DELETED),
                    ChangeTag::Insert => ('+', INSERTED),
                };
                let mut line = String::new();
                line.push(sign);
                let mut ends_with_newline = false;
                for (emphasised, value) in change.iter_strings_lossy() {
                    ends_with_newline = value.ends_with('\n');
                    if !colour {
                        // The line's bytes, `\r` and all: this is what `patch` compares.
                        line.push_str(&value);
                        continue;
                    }
                    let value = value.strip_suffix('\n').unwrap_or(&value);
                    // A `\r` before the line's end stands alone now: escaped, it shows as `␍`.
                    let value = escape_controls(value);
                    if emphasised {
                        let strong = style.effects(EMPHASIS);
                        line.push_str(&format!("{strong}{value}{strong:#}{style}"));
                    } else {
                        line.push_str(&value);
                    }
                }
                if colour {
                    if change.tag() != ChangeTag::Equal {
                        line = format!("{style}{line}{style:#}");
                    }
                    line.push('\n');
                } else if !ends_with_newline {
                    line.push('\n');
                }
                out.push_str(&line);
                if !ends_with_newline {
                    out.push_str(NO_NEWLINE);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        let names = SideNames {
            old: "a/story.txt".into(),
            new: "b/story.txt".into(),
        };
        render_unified(old, new, &names, 3, false, Duration::from_secs(5))
    }

    #[test]
    fn crlf_lines_keep_their_carriage_return() {
        assert_eq!(
            plain("one\ntwo\n", "one\r\ntwo\n"),
            "--- a/story.txt\n+++ b/story.txt\n@@ -1,2 +1,2 @@\n-one\n+one\r\n two\n"
        );
    }

    #[test]
    fn a_lone_carriage_return_does_not_end_a_line() {
        assert_eq!(
            plain("a\rb\n", "a\rc\n"),
            "--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-a\rb\n+a\rc\n"
        );
    }

    #[test]
    fn a_missing_final_newline_is_marked_on_its_side() {
        assert_eq!(
            plain("one\r\n", "one\r"),
            "--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-one\r\n+one\r\n\\ No newline at end of file\n"
        );
        assert_eq!(
            plain("", "new\n"),
            "--- a/story.txt\n+++ b/story.txt\n@@ -0,0 +1 @@\n+new\n"
        );
    }

    #[test]
    fn colour_shows_the_carriage_return() {
        let names = SideNames {
            old: "old".into(),
            new: "new".into(),
        };
        let out = render_unified("one\n", "one\r\n", &names, 3, true, Duration::from_secs(5));
        assert!(out.contains('␍'), "{out:?}");
        assert!(!out.contains('\r'), "{out:?}");
    }
}
