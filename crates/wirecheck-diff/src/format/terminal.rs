//! Coloured inline words for a terminal: deletions red and struck through, insertions
//! green, notes cyan. Without colour this falls back to the word format. Control
//! characters of the texts are shown as visible symbols, never sent to the terminal.

use anstyle::{AnsiColor, Effects, Style};

use super::context::{ParagraphContext, shown_blocks};
use super::inline::{InlineSink, render_inline};
use crate::StoryDiff;
use wirecheck_text::visible::escape_controls;

const DELETED: Style = AnsiColor::Red.on_default().effects(Effects::STRIKETHROUGH);
const INSERTED: Style = AnsiColor::Green.on_default();
const NOTE: Style = AnsiColor::Cyan.on_default().effects(Effects::ITALIC);

struct TerminalSink(String);

impl TerminalSink {
    fn styled(&mut self, style: Style, text: &str) {
        let text = escape_controls(text);
        // Style each line on its own so a pager never sees a style span a newline.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.0.push('\n');
            }
            if !line.is_empty() {
                self.0.push_str(&format!("{style}{line}{style:#}"));
            }
        }
    }
}

impl InlineSink for TerminalSink {
    fn text(&mut self, text: &str) {
        self.0.push_str(&escape_controls(text));
    }
    fn deleted(&mut self, text: &str) {
        self.styled(DELETED, text);
    }
    fn inserted(&mut self, text: &str) {
        self.styled(INSERTED, text);
    }
    fn note(&mut self, text: &str) {
        self.styled(NOTE, text);
    }
}

/// Renders the diff as coloured inline words (ANSI escapes) when `colour` is true,
/// else as [`render_word`](super::render_word) does. Every paragraph is shown.
pub fn render_terminal(diff: &StoryDiff<'_>, colour: bool) -> String {
    render_terminal_in_context(diff, colour, ParagraphContext::Full)
}

/// [`render_terminal`] showing only `context` unchanged paragraphs around each change, a
/// longer run of them folded into one line (in the notes' colour), as
/// [`render_word_in_context`](super::render_word_in_context) does without colour.
pub fn render_terminal_in_context(
    diff: &StoryDiff<'_>,
    colour: bool,
    context: ParagraphContext,
) -> String {
    if !colour {
        return super::render_word_in_context(diff, context);
    }
    let mut sink = TerminalSink(String::with_capacity(diff.new.len() * 2));
    render_inline(diff, &shown_blocks(diff, context), &mut sink);
    sink.0
}
