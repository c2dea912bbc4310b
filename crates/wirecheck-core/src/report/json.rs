//! The JSON report: one document with every finding, every file error and a summary.
//!
//! Schema (version 1), stable: fields are only ever added.
//! ```json
//! {
//!   "version": 1,
//!   "findings": [{
//!     "path": "story.txt", "rule": "names-japan.Names", "severity": "error",
//!     "message": "…", "match": "Takaiichi",
//!     "line": 10, "column": 94, "end_line": 10, "end_column": 103,
//!     "span": {"start": 1203, "end": 1212},
//!     "suggestions": [{"replacement": "Takaichi", "span": {"start": 1203, "end": 1212},
//!                      "line": 10, "column": 94, "end_line": 10, "end_column": 103}],
//!     "safe_fix": false,
//!     "link": null,
//!     "reference": {"path": "ref.txt", "text": "Takaichi", "line": 9, "column": 80, …}
//!   }],
//!   "errors": [{"path": "bad.txt", "message": "bad.txt:3:7: invalid UTF-8 …"}],
//!   "summary": {"files": 1, "findings": 1, "errors": 0,
//!               "suggestion": 0, "warning": 0, "error": 1}
//! }
//! ```
//! Lines and columns count from 1, columns in Unicode code points; `end_line`/`end_column` point
//! just past the last character; spans are byte offsets into the file as stored (after a byte-order
//! mark, and in UTF-16 or UTF-32 bytes for files in those encodings). `reference` appears only on
//! findings of `check --reference`, with the span of the reference version compared against.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileError, FileReport, Summary};
use crate::input::encoding::FileOffsets;
use crate::severity::Severity;
use crate::span::{Positions, Span};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct Located {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    span: Span,
}

impl Located {
    /// Where `span` of the decoded text is: its lines and columns, and its span of the file's
    /// bytes.
    fn new(positions: &mut Positions<'_>, offsets: &mut FileOffsets<'_>, span: Span) -> Self {
        let (start, end) = positions.span(span);
        Located {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            span: Span::new(offsets.at(span.start), offsets.at(span.end)),
        }
    }
}

/// One element of the report's `findings`; also one line of the `jsonl` report.
#[derive(Serialize)]
pub(super) struct JsonFinding<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    #[serde(rename = "match")]
    matched: &'a str,
    #[serde(flatten)]
    location: Located,
    suggestions: Vec<JsonSuggestion<'a>>,
    safe_fix: bool,
    link: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<JsonReference<'a>>,
}

#[derive(Serialize)]
struct JsonReference<'a> {
    path: &'a str,
    text: &'a str,
    #[serde(flatten)]
    location: Located,
}

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    replacement: &'a str,
    #[serde(flatten)]
    location: Located,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    findings: usize,
    errors: usize,
    suggestion: usize,
    warning: usize,
    error: usize,
}

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
) -> io::Result<()> {
    let findings = reports.iter().flat_map(findings_of).collect();
    let summary = Summary::of(reports, errors);
    let document = Document {
        version: 1,
        findings,
        errors: errors
            .iter()
            .map(|e| JsonError {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
        summary: JsonSummary {
            files: summary.files,
            findings: summary.findings(),
            errors: summary.errors,
            suggestion: summary.count(Severity::Suggestion),
            warning: summary.count(Severity::Warning),
            error: summary.count(Severity::Error),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// The findings of one file as the report writes them.
pub(super) fn findings_of(report: &FileReport) -> Vec<JsonFinding<'_>> {
    let mut positions = Positions::new(&report.source);
    let mut offsets = FileOffsets::new(&report.source, report.encoding);
    // Indexed once for the report, not once for each finding that points into it.
    let mut reference = report.reference.as_deref().map(|file| {
        (
            file,
            Positions::new(&file.source),
            FileOffsets::new(&file.source, file.encoding),
        )
    });
    report
        .findings
        .iter()
        .map(|finding| JsonFinding {
            path: &report.path,
            rule: &finding.rule,
            severity: finding.severity.as_str(),
            message: &finding.message,
            matched: finding.span.slice(&report.source),
            location: Located::new(&mut positions, &mut offsets, finding.span),
            suggestions: finding
                .suggestions
                .iter()
                .map(|s| JsonSuggestion {
                    replacement: &s.replacement,
                    location: Located::new(&mut positions, &mut offsets, s.span),
                })
                .collect(),
            safe_fix: finding.safe_fix,
            link: finding.link.as_deref(),
            reference: finding.reference.zip(reference.as_mut()).map(
                |(span, (file, positions, offsets))| JsonReference {
                    path: &file.path,
                    text: span.slice(&file.source),
                    location: Located::new(positions, offsets, span),
                },
            ),
        })
        .collect()
}
