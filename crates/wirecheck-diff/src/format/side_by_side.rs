//! An original and its translation in another language, shown as aligned paragraphs rather than
//! a word diff (which has no words in common to diff): one after the other in text, as a
//! two-column table in HTML, as beads with both spans in JSON.
//!
//! The alignment itself is computed elsewhere (wirecheck-core aligns by length and anchors);
//! this module takes it as plain data, byte ranges into the two texts.
//!
//! # JSON schema (version 1)
//!
//! ```text
//! {
//!   "format": "wirecheck-aligned", "version": 1,
//!   "original":    {"name": str, "language": str, "bytes": int, "paragraphs": int},
//!   "translation": {"name": str, "language": str, "bytes": int, "paragraphs": int},
//!   "dropped": int, "added": int,     // paragraphs of one side with no counterpart
//!   "beads": [{                       // reading order
//!     "kind": "paired" | "split" | "merged" | "regrouped" | "dropped" | "added",
//!     "original_paragraphs": [int], "translation_paragraphs": [int],   // 0-based
//!     "original": Span | null, "translation": Span | null
//!   }]
//! }
//! ```
//!
//! `Span` is as in the word diff's JSON (`--format json`).

use std::fmt::Write as _;
use std::ops::Range;

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;
use wirecheck_text::Positions;
use wirecheck_text::visible::escape_controls;

use super::html::{FindingList, escaped, finding_lists};
use super::json::{JsonSpan, span};

/// One side of a row: which paragraphs (0-based, of that side) and the text they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedSide {
    /// The paragraphs, as indexes into that side's paragraphs.
    pub paragraphs: Range<usize>,
    /// The bytes they cover in that side's text, from the first's start to the last's end.
    pub span: Range<usize>,
}

/// One row of the alignment: paragraphs of the original and the translation's that say the same;
/// one side is `None` where a paragraph was dropped or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedRow {
    /// The original's paragraphs in the row.
    pub original: Option<AlignedSide>,
    /// The translation's paragraphs in the row.
    pub translation: Option<AlignedSide>,
}

impl AlignedRow {
    /// What the row is: `paired` (one with one), `split` (one with more), `merged` (more with
    /// one), `regrouped` (more with more), `dropped` (nothing in translation), `added`.
    pub fn kind(&self) -> &'static str {
        let count = |side: &Option<AlignedSide>| side.as_ref().map_or(0, |s| s.paragraphs.len());
        match (count(&self.original), count(&self.translation)) {
            (_, 0) => "dropped",
            (0, _) => "added",
            (1, 1) => "paired",
            (1, _) => "split",
            (_, 1) => "merged",
            _ => "regrouped",
        }
    }
}

/// One of the two texts: its name (a file name), its language (a code) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedText<'a> {
    /// The name shown for it.
    pub name: String,
    /// Its language's code, as `zh` or `en`.
    pub language: String,
    /// The text the rows' spans index.
    pub text: &'a str,
}

/// An original, its translation, and their paragraphs aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideBySide<'a> {
    /// The original.
    pub original: AlignedText<'a>,
    /// The translation.
    pub translation: AlignedText<'a>,
    /// The rows, in reading order.
    pub rows: Vec<AlignedRow>,
}

impl SideBySide<'_> {
    /// How many rows are of `kind` (see [`AlignedRow::kind`]).
    pub fn count(&self, kind: &str) -> usize {
        self.rows.iter().filter(|row| row.kind() == kind).count()
    }

    /// True when a paragraph of either side has no counterpart.
    pub fn has_unmatched(&self) -> bool {
        self.rows
            .iter()
            .any(|row| row.original.is_none() || row.translation.is_none())
    }

    fn paragraphs(&self, side: impl Fn(&AlignedRow) -> &Option<AlignedSide>) -> usize {
        self.rows
            .iter()
            .filter_map(|row| side(row).as_ref())
            .map(|s| s.paragraphs.end)
            .max()
            .unwrap_or(0)
    }

    fn original_paragraphs(&self) -> usize {
        self.paragraphs(|row| &row.original)
    }

    fn translation_paragraphs(&self) -> usize {
        self.paragraphs(|row| &row.translation)
    }

    /// How many rows are of each kind, in words: "5 paired, 1 dropped, 0 added, …".
    fn row_counts(&self) -> String {
        ["paired", "dropped", "added", "split", "merged", "regrouped"]
            .map(|kind| format!("{} {kind}", self.count(kind)))
            .join(", ")
    }
}

/// `¶3` or `¶3-4` (1-based).
fn paragraph_numbers(paragraphs: &Range<usize>) -> String {
    match paragraphs.len() {
        0 | 1 => format!("¶{}", paragraphs.start + 1),
        _ => format!("¶{}-{}", paragraphs.start + 1, paragraphs.end),
    }
}

/// The header of a row in text: `original ¶2 | translation ¶2-3 (split)`.
fn text_header(row: &AlignedRow) -> String {
    let side = |label: &str, side: &Option<AlignedSide>, missing: &str| match side {
        Some(side) => format!("{label} {}", paragraph_numbers(&side.paragraphs)),
        None => missing.to_owned(),
    };
    let original = side("original", &row.original, "(added)");
    let translation = side("translation", &row.translation, "(dropped)");
    match row.kind() {
        kind @ ("split" | "merged" | "regrouped") => {
            format!("{original} | {translation} ({kind})")
        }
        _ => format!("{original} | {translation}"),
    }
}

const HEADER: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
const DROPPED: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
const ADDED: Style = AnsiColor::Green.on_default().effects(Effects::BOLD);

/// Renders the rows one after the other: a header naming the paragraphs of each side
/// (`original ¶N | translation ¶M`), then the original's lines after `< ` and the
/// translation's after `> `, as `diff` marks the two sides. `colour` styles the headers (a
/// dropped or added row's in red or green). Control characters are shown as visible symbols.
pub fn render_side_by_side_text(aligned: &SideBySide<'_>, colour: bool) -> String {
    let mut out = String::new();
    for (k, row) in aligned.rows.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let header = text_header(row);
        if colour {
            let style = match row.kind() {
                "dropped" => DROPPED,
                "added" => ADDED,
                _ => HEADER,
            };
            let _ = writeln!(out, "{style}{header}{style:#}");
        } else {
            let _ = writeln!(out, "{header}");
        }
        for (side, text, marker) in [
            (&row.original, aligned.original.text, "<"),
            (&row.translation, aligned.translation.text, ">"),
        ] {
            let Some(side) = side else { continue };
            let piece = text.get(side.span.clone()).unwrap_or_default();
            for line in piece.trim_end().lines() {
                let line = line.trim_end_matches('\r');
                if line.is_empty() {
                    let _ = writeln!(out, "{marker}");
                } else {
                    let _ = writeln!(out, "{marker} {}", escape_controls(line));
                }
            }
        }
    }
    out
}

/// The counts of the alignment, for `--stats`: each side's paragraphs and language, then how
/// many rows are of each kind.
pub fn render_side_by_side_stats(aligned: &SideBySide<'_>) -> String {
    format!(
        "{}: {} paragraphs ({})\n{}: {} paragraphs ({})\n{}\n",
        escape_controls(&aligned.original.name),
        aligned.original_paragraphs(),
        escape_controls(&aligned.original.language),
        escape_controls(&aligned.translation.name),
        aligned.translation_paragraphs(),
        escape_controls(&aligned.translation.language),
        aligned.row_counts(),
    )
}

const STYLE: &str = "\
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.3em;margin:0 0 .6em}
h2{font-size:1.1em;margin:1.4em 0 .4em}
table{border-collapse:collapse}
.aligned{width:100%;table-layout:fixed;margin-top:1.2em}
.aligned th{background:#f3f3f3;text-align:left;padding:.3em .5em}
.aligned td{vertical-align:top;padding:.4em .6em;border-top:1px solid #e5e5e5;white-space:pre-wrap;overflow-wrap:anywhere}
.num{display:block;color:#777;font-size:.85em;white-space:normal}
.badge{display:inline-block;font-size:.8em;padding:0 .35em;border-radius:.3em;background:#eef;color:#335}
tr.dropped td.original{background:#fff3f2}tr.added td.translation{background:#f0fbf2}
td.missing{color:#82071e;font-style:italic}tr.added td.missing{color:#055d20}
.legend{list-style:none;padding:0;margin:.8em 0 0;font-size:.9em}
.legend li{display:inline-block;margin:0 1.2em .2em 0}
.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;border:1px solid #ccc}
.swatch.dropped{background:#fff3f2}.swatch.added{background:#f0fbf2}
";

/// What the rows and numbers of the aligned table mean, as a list.
const LEGEND: &str = "<ul class=\"legend\" aria-label=\"legend\">\n\
<li><span class=\"swatch dropped\"></span> a paragraph of the original dropped from the translation</li>\n\
<li><span class=\"swatch added\"></span> a paragraph the translation added</li>\n\
<li>¶N: paragraph numbers; a range such as ¶2-3 on one side is a split or merge, on both sides a regrouping</li>\n\
</ul>\n";

/// One cell: the paragraph numbers, then the text, escaped; or the note of a missing side.
fn cell(
    out: &mut String,
    class: &str,
    text: &AlignedText<'_>,
    side: &Option<AlignedSide>,
    missing: &str,
) {
    match side {
        Some(side) => {
            let language = escaped(&text.language);
            let _ = write!(
                out,
                "<td class=\"{class}\" lang=\"{language}\" dir=\"auto\"><span class=\"num\">{}</span>{}</td>",
                paragraph_numbers(&side.paragraphs),
                escaped(
                    text.text
                        .get(side.span.clone())
                        .unwrap_or_default()
                        .trim_end()
                )
            );
        }
        None => {
            let _ = write!(out, "<td class=\"missing\">{missing}</td>");
        }
    }
}

/// Renders a self-contained HTML page: a summary, then a two-column table (original,
/// translation) with one row per bead, dropped and added rows marked; `findings` are listed after
/// it, as in the word diff's page.
pub fn render_side_by_side_html(aligned: &SideBySide<'_>, findings: &[FindingList]) -> String {
    let (original, translation) = (&aligned.original, &aligned.translation);
    let (original_name, translation_name) = (escaped(&original.name), escaped(&translation.name));
    let (original_language, translation_language) =
        (escaped(&original.language), escaped(&translation.language));
    let mut out = String::with_capacity(original.text.len() + translation.text.len() + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"wirecheck diff\">\n\
         <title>wirecheck diff: {original_name} → {translation_name}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>{original_name} ({original_language}) → {translation_name} ({translation_language})</h1>\n"
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} paragraphs of the original, {} of the translation: {}.</p>",
        aligned.original_paragraphs(),
        aligned.translation_paragraphs(),
        aligned.row_counts(),
    );
    let _ = write!(
        out,
        "{LEGEND}<table class=\"aligned\">\n<thead><tr><th scope=\"col\">{original_name} ({original_language})</th>\
         <th scope=\"col\">{translation_name} ({translation_language})</th></tr></thead>\n<tbody>\n"
    );
    for row in &aligned.rows {
        let kind = row.kind();
        let _ = write!(out, "<tr class=\"{kind}\">");
        cell(
            &mut out,
            "original",
            original,
            &row.original,
            "added in translation",
        );
        cell(
            &mut out,
            "translation",
            translation,
            &row.translation,
            "dropped in translation",
        );
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    finding_lists(findings, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

#[derive(Serialize)]
struct JsonAligned<'a> {
    format: &'static str,
    version: u32,
    original: JsonText<'a>,
    translation: JsonText<'a>,
    dropped: usize,
    added: usize,
    beads: Vec<JsonBead<'a>>,
}

#[derive(Serialize)]
struct JsonText<'a> {
    name: &'a str,
    language: &'a str,
    bytes: usize,
    paragraphs: usize,
}

#[derive(Serialize)]
struct JsonBead<'a> {
    kind: &'static str,
    original_paragraphs: Vec<usize>,
    translation_paragraphs: Vec<usize>,
    original: Option<JsonSpan<'a>>,
    translation: Option<JsonSpan<'a>>,
}

fn json_text<'a>(side: &'a AlignedText<'_>, paragraphs: usize) -> JsonText<'a> {
    JsonText {
        name: &side.name,
        language: &side.language,
        bytes: side.text.len(),
        paragraphs,
    }
}

/// Renders the alignment as pretty-printed JSON following the schema in the module docs.
pub fn render_side_by_side_json(aligned: &SideBySide<'_>) -> String {
    let mut original_positions = Positions::new(aligned.original.text);
    let mut translation_positions = Positions::new(aligned.translation.text);
    let indexes = |side: &Option<AlignedSide>| -> Vec<usize> {
        side.as_ref()
            .map_or_else(Vec::new, |s| s.paragraphs.clone().collect())
    };
    let beads = aligned
        .rows
        .iter()
        .map(|row| JsonBead {
            kind: row.kind(),
            original_paragraphs: indexes(&row.original),
            translation_paragraphs: indexes(&row.translation),
            original: row
                .original
                .as_ref()
                .map(|s| span(&mut original_positions, &s.span)),
            translation: row
                .translation
                .as_ref()
                .map(|s| span(&mut translation_positions, &s.span)),
        })
        .collect();
    let document = JsonAligned {
        format: "wirecheck-aligned",
        version: 1,
        original: json_text(&aligned.original, aligned.original_paragraphs()),
        translation: json_text(&aligned.translation, aligned.translation_paragraphs()),
        dropped: aligned.count("dropped"),
        added: aligned.count("added"),
        beads,
    };
    let mut out = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(paragraphs: Range<usize>, span: Range<usize>) -> Option<AlignedSide> {
        Some(AlignedSide { paragraphs, span })
    }

    /// An original of three paragraphs, the second left out of the translation and the third
    /// split in two, with markup and a control character in the texts.
    fn example() -> SideBySide<'static> {
        let original = "标题 <b>\n\n第二段。\n\n第三段，很长。\n";
        let translation = "Title <b> & \u{1b}[2J\n\nThird, \n\nvery long.\n";
        SideBySide {
            original: AlignedText {
                name: "zh.txt".into(),
                language: "zh".into(),
                text: original,
            },
            translation: AlignedText {
                name: "en <1>.txt".into(),
                language: "en".into(),
                text: translation,
            },
            rows: vec![
                AlignedRow {
                    original: side(0..1, 0..10),
                    translation: side(0..1, 0..16),
                },
                AlignedRow {
                    original: side(1..2, 12..24),
                    translation: None,
                },
                AlignedRow {
                    original: side(2..3, 26..47),
                    translation: side(1..3, 18..37),
                },
            ],
        }
    }

    #[test]
    fn rows_are_told_by_their_paragraph_counts() {
        let aligned = example();
        let kinds: Vec<&str> = aligned.rows.iter().map(AlignedRow::kind).collect();
        assert_eq!(kinds, ["paired", "dropped", "split"]);
        let added = AlignedRow {
            original: None,
            translation: side(0..1, 0..1),
        };
        let merged = AlignedRow {
            original: side(0..2, 0..1),
            translation: side(0..1, 0..1),
        };
        let regrouped = AlignedRow {
            original: side(0..2, 0..1),
            translation: side(0..2, 0..1),
        };
        assert_eq!(
            [added.kind(), merged.kind(), regrouped.kind()],
            ["added", "merged", "regrouped"]
        );
        assert!(aligned.has_unmatched());
    }

    #[test]
    fn text_pairs_each_row_under_a_header_with_controls_made_visible() {
        let text = render_side_by_side_text(&example(), false);
        assert_eq!(
            text,
            "original ¶1 | translation ¶1\n< 标题 <b>\n> Title <b> & ␛[2J\n\n\
             original ¶2 | (dropped)\n< 第二段。\n\n\
             original ¶3 | translation ¶2-3 (split)\n< 第三段，很长。\n> Third, \n>\n> very long.\n"
        );
        let coloured = render_side_by_side_text(&example(), true);
        assert!(
            coloured.contains("\u{1b}[1m\u{1b}[31moriginal ¶2 | (dropped)"),
            "{coloured:?}"
        );
        assert!(!coloured.contains("\u{1b}[2J"));
    }

    #[test]
    fn html_escapes_every_cell_and_marks_the_dropped_row() {
        let page = render_side_by_side_html(&example(), &[]);
        assert!(page.contains("<td class=\"original\" lang=\"zh\" dir=\"auto\"><span class=\"num\">¶1</span>标题 &lt;b&gt;</td>"), "{page}");
        assert!(
            page.contains("Title &lt;b&gt; &amp; \u{1b}[2J</td>"),
            "{page}"
        );
        assert!(
            page.contains("<tr class=\"dropped\"><td class=\"original\""),
            "{page}"
        );
        assert!(page.contains("<td class=\"missing\">dropped in translation</td></tr>"));
        assert!(page.contains("en &lt;1&gt;.txt (en)"));
        assert!(
            page.contains(
                "3 paragraphs of the original, 3 of the translation: 1 paired, 1 dropped"
            )
        );
        assert!(!page.contains("<b>"));
    }

    #[test]
    fn json_gives_both_spans_of_each_bead() {
        let json: serde_json::Value =
            serde_json::from_str(&render_side_by_side_json(&example())).expect("valid JSON");
        assert_eq!(json["format"], "wirecheck-aligned");
        assert_eq!(json["original"]["paragraphs"], 3);
        assert_eq!(json["translation"]["paragraphs"], 3);
        assert_eq!(json["dropped"], 1);
        let beads = json["beads"].as_array().expect("beads");
        assert_eq!(beads[1]["kind"], "dropped");
        assert_eq!(beads[1]["original"]["text"], "第二段。");
        assert_eq!(beads[1]["original"]["line"], 3);
        assert!(beads[1]["translation"].is_null());
        assert_eq!(
            beads[2]["translation_paragraphs"],
            serde_json::json!([1, 2])
        );
        assert_eq!(beads[2]["translation"]["text"], "Third, \n\nvery long.");
    }

    #[test]
    fn stats_count_each_kind() {
        assert_eq!(
            render_side_by_side_stats(&example()),
            "zh.txt: 3 paragraphs (zh)\nen <1>.txt: 3 paragraphs (en)\n\
             1 paired, 1 dropped, 0 added, 1 split, 0 merged, 0 regrouped\n"
        );
    }
}
