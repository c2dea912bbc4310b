//! `--format unified`: a unified diff of lines (patch-compatible), with the changed
//! words inside changed lines emphasised when colour is on. Coloured output is for a
//! terminal, so its control characters are shown as visible symbols; plain output keeps
//! the texts' bytes, as a patch must.

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

/// Renders a unified diff (`--- old`, `+++ new`, `@@` hunks with `context` lines of
/// context) of the two texts. With `colour`, removed lines are red, added lines green,
/// and within a changed line the words that differ are shown in reverse video.
/// The line diff gives up refining after `timeout` and falls back to coarser hunks.
pub fn render_unified(
    old: &str,
    new: &str,
    names: &SideNames,
    context: usize,
    colour: bool,
    timeout: Duration,
) -> String {
    let diff = TextDiff::configure().timeout(timeout).diff_lines(old, new);
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
                for (emphasised, value) in change.iter_strings_lossy() {
                    let value = value.trim_end_matches(['\n', '\r']);
                    let value = if colour {
                        escape_controls(value)
                    } else {
                        value.into()
                    };
                    if colour && emphasised {
                        let strong = style.effects(EMPHASIS);
                        line.push_str(&format!("{strong}{value}{strong:#}{style}"));
                    } else {
                        line.push_str(&value);
                    }
                }
                if colour && change.tag() != ChangeTag::Equal {
                    line = format!("{style}{line}{style:#}");
                }
                out.push_str(&line);
                out.push('\n');
                if change.missing_newline() {
                    out.push_str("\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}
