//! `--format json`: the diff as machine-readable operations with spans in both files.
//!
//! # Schema (version 1)
//!
//! ```text
//! {
//!   "format": "wirecheck-diff", "version": 1,
//!   "old": {"name": str, "bytes": int, "paragraphs": int},
//!   "new": {"name": str, "bytes": int, "paragraphs": int},
//!   "identical": bool,          // no reported difference (exit code 0)
//!   "timed_out": bool,          // the time budget ran out; parts are coarser
//!   "statistics": {old_words, new_words, common_words, deleted_words, inserted_words,
//!                  changed_old_words, changed_new_words, deleted_paragraphs,
//!                  inserted_paragraphs, changed_paragraphs, split_paragraphs,
//!                  merged_paragraphs, moved_paragraphs},          // all ints
//!   "blocks": [{                // reading order
//!     "pairing": "unchanged" | "changed" | "split" | "merged" | "moved" | "moved_away"
//!              | "deleted" | "inserted" | "unparagraphed",
//!     "old_paragraphs": [int], "new_paragraphs": [int],   // 0-based indices
//!     "similarity": float | null,                          // changed and moved only
//!     "old": Span, "new": Span,                            // the block's extents
//!     "operations": [{
//!       "op": "equal" | "delete" | "insert" | "replace",
//!       "whitespace_only": bool,
//!       "old": Span, "new": Span
//!     }]
//!   }]
//! }
//! Span = {"start": int, "end": int,          // byte offsets, end exclusive
//!         "line": int, "column": int,        // 1-based position of start
//!         "end_line": int, "end_column": int,// 1-based position of end
//!         "text": str}
//! ```
//!
//! Columns count Unicode scalar values. Operations of a block are contiguous and cover
//! both extents; a `moved_away` block has no operations (they are under the matching
//! `moved` block, whose old spans point at the old position).

use serde::Serialize;

use super::SideNames;
use crate::{ChangeKind, DiffStatistics, ParagraphPairing, StoryDiff};
use wirecheck_text::{Positions, Span};

#[derive(Serialize)]
struct JsonDiff<'a> {
    format: &'static str,
    version: u32,
    old: JsonSide<'a>,
    new: JsonSide<'a>,
    identical: bool,
    timed_out: bool,
    statistics: DiffStatistics,
    blocks: Vec<JsonBlock<'a>>,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    name: &'a str,
    bytes: usize,
    paragraphs: usize,
}

#[derive(Serialize)]
struct JsonBlock<'a> {
    pairing: &'static str,
    old_paragraphs: Vec<usize>,
    new_paragraphs: Vec<usize>,
    similarity: Option<f64>,
    old: JsonSpan<'a>,
    new: JsonSpan<'a>,
    operations: Vec<JsonOperation<'a>>,
}

#[derive(Serialize)]
struct JsonOperation<'a> {
    op: ChangeKind,
    whitespace_only: bool,
    old: JsonSpan<'a>,
    new: JsonSpan<'a>,
}

#[derive(Serialize)]
pub(crate) struct JsonSpan<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
}

/// The span `range` of the text `positions` reads, with its lines and columns.
pub(crate) fn span<'a>(
    positions: &mut Positions<'a>,
    range: &std::ops::Range<usize>,
) -> JsonSpan<'a> {
    let (start, end) = positions.span(Span::from(range.clone()));
    JsonSpan {
        start: range.start,
        end: range.end,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        text: positions.text().get(range.clone()).unwrap_or_default(),
    }
}

/// Renders the diff as pretty-printed JSON following the schema in the module docs.
pub fn render_json(diff: &StoryDiff<'_>, names: &SideNames) -> String {
    let mut old_positions = Positions::new(diff.old);
    let mut new_positions = Positions::new(diff.new);
    let blocks = diff
        .blocks
        .iter()
        .map(|block| {
            let pairing = &block.pairing;
            let (old_paragraphs, new_paragraphs) = match pairing {
                ParagraphPairing::MovedAway { old, new } => (vec![*old], vec![*new]),
                _ => (
                    pairing
                        .old_paragraphs()
                        .map_or_else(Vec::new, |r| r.collect()),
                    pairing
                        .new_paragraphs()
                        .map_or_else(Vec::new, |r| r.collect()),
                ),
            };
            let similarity = match pairing {
                ParagraphPairing::Changed { similarity, .. }
                | ParagraphPairing::Moved { similarity, .. } => {
                    Some((similarity * 1000.0).round() / 1000.0)
                }
                _ => None,
            };
            JsonBlock {
                pairing: pairing.name(),
                old_paragraphs,
                new_paragraphs,
                similarity,
                old: span(&mut old_positions, &block.old_extent),
                new: span(&mut new_positions, &block.new_extent),
                operations: block
                    .changes
                    .iter()
                    .map(|change| JsonOperation {
                        op: change.kind,
                        whitespace_only: change.whitespace_only && change.kind != ChangeKind::Equal,
                        old: span(&mut old_positions, &change.old),
                        new: span(&mut new_positions, &change.new),
                    })
                    .collect(),
            }
        })
        .collect();
    let document = JsonDiff {
        format: "wirecheck-diff",
        version: 1,
        old: JsonSide {
            name: &names.old,
            bytes: diff.old.len(),
            paragraphs: diff.old_paragraphs.len(),
        },
        new: JsonSide {
            name: &names.new,
            bytes: diff.new.len(),
            paragraphs: diff.new_paragraphs.len(),
        },
        identical: !diff.has_changes(),
        timed_out: diff.timed_out,
        statistics: diff.statistics(),
        blocks,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_else(|err| {
        // Serialising plain structs of strings and numbers cannot fail; keep output valid anyway.
        format!("{{\"error\": \"{err}\"}}")
    });
    out.push('\n');
    out
}
