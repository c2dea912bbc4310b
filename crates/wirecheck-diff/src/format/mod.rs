//! Renderings of a [`StoryDiff`](super::StoryDiff): one module per output format.
//!
//! Every renderer returns a `String`; the CLI decides where it goes.

pub mod context;
pub mod html;
pub mod json;
pub mod side_by_side;
pub mod stats;
pub mod terminal;
pub mod unified;
pub mod word;

mod breaks;
mod inline;

pub use context::{FoldedRun, ParagraphContext, Shown, shown_blocks};
pub use html::{FindingList, ScoreLine, render_html, render_html_with_findings};
pub use json::render_json;
pub use side_by_side::{
    AlignedRow, AlignedSide, AlignedText, SideBySide, render_side_by_side_html,
    render_side_by_side_json, render_side_by_side_stats, render_side_by_side_text,
};
pub use stats::render_stats;
pub use terminal::{render_terminal, render_terminal_in_context};
pub use unified::render_unified;
pub use word::{render_word, render_word_in_context};

/// Names shown for the two versions in headers and summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideNames {
    /// Name of the old version (usually its file name).
    pub old: String,
    /// Name of the new version.
    pub new: String,
}
