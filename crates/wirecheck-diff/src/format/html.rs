//! `--format html`: one self-contained page (inline CSS, no external assets) showing
//! the two versions side by side, changed words highlighted, moved paragraphs linked
//! both ways, and a summary of counts (and optional scores, each explained) at the top, then a
//! legend of the marks. Runs of unchanged paragraphs away from the changes are folded into a
//! `<details>` element that a click opens, as GitHub folds unchanged lines.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::SideNames;
use super::breaks::{BreakChange, break_change};
use super::context::{FoldedRun, ParagraphContext, Shown, shown_blocks};
use crate::{ChangeKind, ParagraphDiff, ParagraphPairing, StoryDiff};

const STYLE: &str = "\
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.3em;margin:0 0 .6em}
h2{font-size:1.1em;margin:1.4em 0 .4em}
table{border-collapse:collapse}
.summary td,.summary th,.scores td,.scores th{padding:.15em .8em;text-align:right;border-bottom:1px solid #ddd}
.summary th:first-child,.scores th:first-child,.scores td.meaning{text-align:left}
.scores code{font-size:.8em;color:#555}
.legend{list-style:none;padding:0;margin:.8em 0 0;font-size:.9em}
.legend li{display:inline-block;margin:0 1.2em .2em 0}
.diff{width:100%;table-layout:fixed;margin-top:1.2em}
.diff col.num{width:3.2em}
.diff th{background:#f3f3f3;text-align:left;padding:.3em .5em}
.diff th.num{text-align:right}
.diff td{vertical-align:top;padding:.4em .6em;border-top:1px solid #e5e5e5;white-space:pre-wrap;overflow-wrap:anywhere}
.diff td.num{color:#777;font-size:.85em;white-space:normal;text-align:right;padding-left:.2em;padding-right:.3em}
.diff td.folded{padding:0}
.diff .diff{margin:0}
summary{cursor:pointer;padding:.3em .6em;color:#555;background:#fafafa;font-style:italic}
.badge{display:inline-block;font-size:.75em;padding:0 .3em;border-radius:.3em;background:#eef;color:#335}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccf3d6;color:#055d20;text-decoration:none}
tr.inserted td.new{background:#f0fbf2}tr.deleted td.old{background:#fff3f2}
tr.moved td.old{opacity:.65}
a.move{display:block;font-size:.85em;margin-bottom:.2em}
:target{outline:2px solid #f0b400}
";

/// Appends `text` to `out` with markup escaped (`<`, `>`, `&` and both quotes) by quick-xml: safe
/// in the page's text and attributes alike.
fn escape(text: &str, out: &mut String) {
    out.push_str(&escaped(text));
}

/// `text` with markup escaped by quick-xml, its line breaks made `\n` first as an HTML parser
/// would read them: quick-xml writes a `\r` as `&#13;` (XML would drop the raw byte), which
/// would put into the page a carriage return that the story's own line break never does.
pub(crate) fn escaped(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        Cow::Owned(quick_xml::escape::escape(&text).into_owned())
    } else {
        quick_xml::escape::escape(text)
    }
}

/// Which side of the table a cell shows.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Old,
    New,
}

fn cell_content(diff: &StoryDiff<'_>, block: &ParagraphDiff, side: Side, out: &mut String) {
    for change in &block.changes {
        let (text, range) = match side {
            Side::Old => (diff.old, &change.old),
            Side::New => (diff.new, &change.new),
        };
        let piece = text.get(range.clone()).unwrap_or_default();
        // A break a merge removed shows in the old column, one a split added in the new, as
        // the word format's `[-¶-]` and `{+¶+}`.
        match (break_change(diff, block, change), side) {
            (Some(BreakChange::Removed), Side::Old) => out.push_str("<del class=\"break\">¶</del>"),
            (Some(BreakChange::Added), Side::New) => out.push_str("<ins class=\"break\">¶</ins>"),
            _ => {}
        }
        if piece.is_empty() {
            continue;
        }
        let tag = match (change.kind, side) {
            (ChangeKind::Equal, _) => None,
            (_, _) if change.whitespace_only => None,
            (_, Side::Old) => Some("del"),
            (_, Side::New) => Some("ins"),
        };
        match tag {
            Some(tag) => {
                let _ = write!(out, "<{tag}>");
                escape(piece, out);
                let _ = write!(out, "</{tag}>");
            }
            None => escape(piece, out),
        }
    }
}

/// Drops the whitespace the cell just written ends with: the blank lines after a paragraph, which
/// `white-space:pre-wrap` would show as empty lines at the foot of every row. (The text before a
/// cell's content ends in `>`, so nothing else is trimmed.)
fn trim_cell_end(out: &mut String) {
    let end = out.trim_end().len();
    out.truncate(end);
}

fn anchors(prefix: &str, paragraphs: Option<std::ops::Range<usize>>, out: &mut String) {
    for index in paragraphs.into_iter().flatten() {
        let _ = write!(out, "<a id=\"{prefix}-{}\"></a>", index + 1);
    }
}

fn numbers(paragraphs: Option<std::ops::Range<usize>>) -> String {
    paragraphs
        .into_iter()
        .flatten()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(diff: &StoryDiff<'_>, block: &ParagraphDiff, out: &mut String) {
    let pairing = &block.pairing;
    let badge = match pairing {
        ParagraphPairing::Unchanged { .. } | ParagraphPairing::Changed { .. } => String::new(),
        other => format!(
            " <span class=\"badge\">{}</span>",
            other.name().replace('_', " ")
        ),
    };
    let _ = write!(out, "<tr class=\"{}\">", pairing.name());
    // Old side.
    let old_numbers = numbers(pairing.old_paragraphs());
    let _ = write!(
        out,
        "<td class=\"num\">{old_numbers}{badge}</td><td class=\"old\">"
    );
    match pairing {
        ParagraphPairing::MovedAway { old, new } => {
            anchors("old", Some(*old..*old + 1), out);
            let _ = write!(
                out,
                "<a class=\"move\" href=\"#new-{0}\">moved to ¶{0} ↓</a>",
                new + 1
            );
            escape(
                diff.old.get(block.old_extent.clone()).unwrap_or_default(),
                out,
            );
        }
        ParagraphPairing::Moved { .. } => cell_content(diff, block, Side::Old, out),
        _ => {
            anchors("old", pairing.old_paragraphs(), out);
            cell_content(diff, block, Side::Old, out);
        }
    }
    trim_cell_end(out);
    // New side.
    let new_numbers = numbers(pairing.new_paragraphs());
    let _ = write!(
        out,
        "</td><td class=\"num\">{new_numbers}</td><td class=\"new\">"
    );
    if let ParagraphPairing::Moved { old, new, .. } = pairing {
        anchors("new", Some(*new..*new + 1), out);
        let _ = write!(
            out,
            "<a class=\"move\" href=\"#old-{0}\">moved from ¶{0} ↑</a>",
            old + 1
        );
    } else {
        anchors("new", pairing.new_paragraphs(), out);
    }
    cell_content(diff, block, Side::New, out);
    trim_cell_end(out);
    out.push_str("</td></tr>\n");
}

/// The columns of a diff table: a narrow paragraph-number column before each side's text.
const COLUMNS: &str = "<colgroup><col class=\"num\"/><col class=\"old\"/><col class=\"num\"/><col class=\"new\"/></colgroup>\n";

/// The rows of the `shown` pieces, each folded run one row holding a `<details>` whose
/// table has the run's rows (the same columns, so they line up with the rest when opened).
fn rows(diff: &StoryDiff<'_>, shown: &[Shown], out: &mut String) {
    for piece in shown {
        match piece {
            Shown::Block(index) => {
                if let Some(block) = diff.blocks.get(*index) {
                    row(diff, block, out);
                }
            }
            Shown::Folded(run) => folded_rows(diff, run, out),
        }
    }
}

fn folded_rows(diff: &StoryDiff<'_>, run: &FoldedRun, out: &mut String) {
    let _ = write!(
        out,
        "<tr class=\"folded\"><td class=\"folded\" colspan=\"4\"><details><summary>{}</summary>\n<table class=\"diff\">\n{COLUMNS}<tbody>\n",
        escaped(&run.label())
    );
    for block in diff.blocks.get(run.blocks.clone()).unwrap_or_default() {
        row(diff, block, out);
    }
    out.push_str("</tbody>\n</table>\n</details></td></tr>\n");
}

/// One score shown in the page's summary, with what its numbers mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreLine {
    /// The metric's name, e.g. `BLEU`.
    pub name: String,
    /// The value as shown, e.g. `41.2`.
    pub value: String,
    /// How to read it, e.g. `0–100, higher is closer to the reference`.
    pub meaning: String,
    /// The signature that lets the score be reproduced (sacreBLEU's), if any.
    pub signature: Option<String>,
}

/// A button opening every folded run at once; the one script of the page, and the folds open
/// one by one without it.
const SHOW_ALL: &str = "<p><button type=\"button\" onclick=\"for(const d of document.querySelectorAll('details'))d.open=true\">Show all unchanged paragraphs</button></p>\n";

/// What the marks and colours of the diff table mean, as a list.
const LEGEND: &str = "<ul class=\"legend\" aria-label=\"legend\">\n\
<li><del>struck out in red</del>: words deleted from the old version</li>\n\
<li><ins>green</ins>: words inserted in the new version</li>\n\
<li><span class=\"badge\">inserted</span> / <span class=\"badge\">deleted</span>: a paragraph only in the new / the old version</li>\n\
<li><span class=\"badge\">moved</span>: a paragraph moved here, linked to <span class=\"badge\">moved away</span> at its old place</li>\n\
<li><span class=\"badge\">split</span>: one old paragraph became several, each new break marked <ins>¶</ins></li>\n\
<li><span class=\"badge\">merged</span>: several old paragraphs became one, each removed break marked <del>¶</del></li>\n\
<li>¶: paragraph numbers, old and new; a grey line folds unchanged paragraphs (click to show them)</li>\n\
</ul>\n";

/// A titled list of findings shown in the page after the diff, such as those NEW
/// introduced (`diff --check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingList {
    /// The heading, e.g. `Findings introduced (new.txt)`.
    pub title: String,
    /// One line per finding, e.g. `new.txt:3:5: warning[pack.Rule] message`.
    pub findings: Vec<String>,
}

/// Renders a self-contained HTML page of the diff, unchanged paragraphs folded as
/// [`ParagraphContext::default`] says.
///
/// `scores` are shown in a table under the summary, each with its meaning and signature; pass
/// an empty slice when there are none.
pub fn render_html(diff: &StoryDiff<'_>, names: &SideNames, scores: &[ScoreLine]) -> String {
    render_html_with_findings(diff, names, scores, &[], ParagraphContext::default())
}

/// [`render_html`] with lists of findings shown after the diff, inside the page, and
/// `context` unchanged paragraphs kept open around each change.
pub fn render_html_with_findings(
    diff: &StoryDiff<'_>,
    names: &SideNames,
    scores: &[ScoreLine],
    findings: &[FindingList],
    context: ParagraphContext,
) -> String {
    let stats = diff.statistics();
    let (old_name, new_name) = (escaped(&names.old), escaped(&names.new));
    let mut out = String::with_capacity(diff.old.len() + diff.new.len() + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"wirecheck diff\">\n\
         <title>wirecheck diff: {old_name} → {new_name}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>{old_name} → {new_name}</h1>\n"
    );
    let pct = |part: usize, whole: usize| {
        if whole == 0 {
            0
        } else {
            (200 * part + whole) / (2 * whole)
        }
    };
    let _ = write!(
        out,
        "<table class=\"summary\">\n<tr><td></td><th scope=\"col\">words</th><th scope=\"col\">common</th><th scope=\"col\">deleted / inserted</th><th scope=\"col\">changed</th></tr>\n\
         <tr><th scope=\"row\">{old_name}</th><td>{}</td><td>{} ({}%)</td><td>{} ({}%)</td><td>{} ({}%)</td></tr>\n\
         <tr><th scope=\"row\">{new_name}</th><td>{}</td><td>{} ({}%)</td><td>{} ({}%)</td><td>{} ({}%)</td></tr>\n\
         <tr><th scope=\"row\">paragraphs</th><td colspan=\"4\">{} inserted, {} deleted, {} changed, {} split, {} merged, {} moved</td></tr>\n</table>\n",
        stats.old_words,
        stats.common_words,
        pct(stats.common_words, stats.old_words),
        stats.deleted_words,
        pct(stats.deleted_words, stats.old_words),
        stats.changed_old_words,
        pct(stats.changed_old_words, stats.old_words),
        stats.new_words,
        stats.common_words,
        pct(stats.common_words, stats.new_words),
        stats.inserted_words,
        pct(stats.inserted_words, stats.new_words),
        stats.changed_new_words,
        pct(stats.changed_new_words, stats.new_words),
        stats.inserted_paragraphs,
        stats.deleted_paragraphs,
        stats.changed_paragraphs,
        stats.split_paragraphs,
        stats.merged_paragraphs,
        stats.moved_paragraphs,
    );
    if !scores.is_empty() {
        out.push_str(
            "<table class=\"scores\">\n<tr><th scope=\"col\">score</th><th scope=\"col\">value</th>\
             <th scope=\"col\">how to read it</th><th scope=\"col\">signature</th></tr>\n",
        );
        for score in scores {
            let signature = score
                .signature
                .as_deref()
                .map(|s| format!("<code>{}</code>", escaped(s)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"meaning\">{}</td><td class=\"meaning\">{signature}</td></tr>",
                escaped(&score.name),
                escaped(&score.value),
                escaped(&score.meaning),
            );
        }
        out.push_str("</table>\n");
    }
    if diff.timed_out {
        out.push_str("<p><strong>Note:</strong> the diff ran out of time; some changes are coarser than they could be.</p>\n");
    }
    if diff.has_changes() {
        let shown = shown_blocks(diff, context);
        let _ = write!(
            out,
            "{LEGEND}{}<table class=\"diff\">\n{COLUMNS}<thead><tr><th scope=\"col\" class=\"num\">¶</th><th scope=\"col\">{old_name}</th><th scope=\"col\" class=\"num\">¶</th><th scope=\"col\">{new_name}</th></tr></thead>\n<tbody>\n",
            if shown.iter().any(|piece| matches!(piece, Shown::Folded(_))) {
                SHOW_ALL
            } else {
                ""
            }
        );
        rows(diff, &shown, &mut out);
        out.push_str("</tbody>\n</table>\n");
    } else {
        out.push_str("<p class=\"identical\">The two versions are identical.</p>\n");
    }
    finding_lists(findings, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// Appends each list of findings to the page: its title, then one item per finding.
pub(crate) fn finding_lists(findings: &[FindingList], out: &mut String) {
    for list in findings {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<ul class=\"findings\">\n",
            escaped(&list.title)
        );
        for finding in &list.findings {
            let _ = writeln!(out, "<li>{}</li>", escaped(finding));
        }
        out.push_str("</ul>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DiffOptions, diff_stories, split_paragraphs};

    #[test]
    fn markup_is_escaped_and_line_breaks_read_as_html_reads_them() {
        assert_eq!(
            escaped("a\r\nb\rc <i>&</i> \"q\" 'a'"),
            "a\nb\nc &lt;i&gt;&amp;&lt;/i&gt; &quot;q&quot; &apos;a&apos;"
        );
        assert!(matches!(escaped("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_story_with_crlf_line_breaks_gives_the_page_of_its_lf_twin() {
        let page = |old: &str, new: &str| {
            let diff = diff_stories(
                old,
                &split_paragraphs(old),
                new,
                &split_paragraphs(new),
                &DiffOptions::default(),
            )
            .expect("diffs");
            let names = SideNames {
                old: "a <1>.txt".into(),
                new: "b & c.txt".into(),
            };
            render_html(&diff, &names, &[])
        };
        let old = "Head\n\nTOKYO — It's \"so\" <b>bold</b>.\n\nMoved away.\n";
        let new = "Head\n\nMoved away.\n\nTOKYO — It's \"so\" <b>bolder</b> & more.\n";
        let lf = page(old, new);
        let crlf = page(&old.replace('\n', "\r\n"), &new.replace('\n', "\r\n"));
        assert!(!crlf.contains('\r') && !crlf.contains("&#13;"), "{crlf}");
        assert_eq!(crlf, lf);
        assert!(
            lf.contains("&lt;b&gt;") && lf.contains("a &lt;1&gt;.txt"),
            "{lf}"
        );
    }
}
