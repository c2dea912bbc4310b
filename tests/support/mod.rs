//! What the fixture tests share: a story's findings written one a line, and a text written so that
//! a snapshot keeps its line endings.
// Each test binary that includes this module uses part of it.
#![allow(dead_code)]

use wirecheck_core::{Document, Finding};
use wirecheck_text::span::LineIndex;

/// `findings` of `doc`, one a line:
/// `line:col-end_line:end_col rule severity "match" => "fix" | "fix2" :: message`, with `=> delete`
/// for an empty replacement and no `=>` without a fix; empty when there are none.
pub(crate) fn findings_listing(doc: &Document, findings: &[Finding]) -> String {
    let index = LineIndex::new(doc.original());
    let mut out = String::new();
    for finding in findings {
        let start = index.position(doc.original(), finding.span.start);
        let end = index.position(doc.original(), finding.span.end);
        let matched = finding.span.slice(doc.original());
        out.push_str(&format!(
            "{}:{}-{}:{} {} {} {:?}",
            start.line, start.column, end.line, end.column, finding.rule, finding.severity, matched
        ));
        if !finding.suggestions.is_empty() {
            let fixes: Vec<String> = finding
                .suggestions
                .iter()
                .map(|s| {
                    if s.replacement.is_empty() {
                        "delete".to_owned()
                    } else {
                        format!("{:?}", s.replacement)
                    }
                })
                .collect();
            out.push_str(&format!(" => {}", fixes.join(" | ")));
        }
        out.push_str(&format!(" :: {}\n", finding.message));
    }
    out
}

/// Marks the end of a text in a snapshot: insta trims trailing white space, which would hide a
/// fix that drops or doubles the final newline.
pub(crate) const END_OF_TEXT: &str = "<end of text>";

/// `text` as a snapshot shows it exactly: carriage returns written as `\r`, and [`END_OF_TEXT`]
/// after the last byte.
pub(crate) fn text_with_end(text: &str) -> String {
    format!("{}{END_OF_TEXT}", text.replace('\r', "\\r"))
}
