//! reviewdog's Diagnostic Format (`rdjson`: one `DiagnosticResult` document; `rdjsonl`: one
//! `Diagnostic` a line), for `reviewdog -f=rdjson` / `-f=rdjsonl` to post as review comments with
//! suggested changes. Lines count from 1; columns count **UTF-8 bytes** from 1, as the format
//! specifies; ranges end just past the last character. Files that could not be read go to standard
//! error only.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, TOOL, tool_url};
use crate::finding::{Finding, Severity};
use crate::span::{LineIndex, Span};

#[derive(Serialize)]
struct DiagnosticResult<'a> {
    source: Source,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    source: Source,
    code: Code<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<RdSuggestion<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'static str>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct RdSuggestion<'a> {
    range: Range,
    text: &'a str,
}

/// Writes one `DiagnosticResult` document.
pub(super) fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let result = DiagnosticResult {
        source: source(),
        diagnostics: reports.iter().flat_map(diagnostics_of).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &result)?;
    writeln!(out)
}

/// Writes one `Diagnostic` a line.
pub(super) fn write_lines(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for diagnostic in reports.iter().flat_map(diagnostics_of) {
        serde_json::to_writer(&mut *out, &diagnostic)?;
        writeln!(out)?;
    }
    Ok(())
}

fn source() -> Source {
    Source {
        name: TOOL,
        url: tool_url(),
    }
}

fn diagnostics_of(report: &FileReport) -> Vec<Diagnostic<'_>> {
    let index = report.line_index();
    let range = |span: Span| Range {
        start: position(&index, &report.source, span.start),
        end: position(&index, &report.source, span.end),
    };
    report
        .findings
        .iter()
        .map(|finding: &Finding| Diagnostic {
            message: &finding.message,
            location: Location {
                path: &report.path,
                range: range(finding.span),
            },
            severity: match finding.severity {
                Severity::Error => "ERROR",
                Severity::Warning => "WARNING",
                Severity::Suggestion => "INFO",
            },
            source: source(),
            code: Code {
                value: &finding.rule,
                url: finding.link.as_deref(),
            },
            suggestions: finding
                .suggestions
                .iter()
                .map(|s| RdSuggestion {
                    range: range(s.span),
                    text: &s.replacement,
                })
                .collect(),
        })
        .collect()
}

/// Line from 1 and column in UTF-8 bytes from 1 of byte `offset`.
fn position(index: &LineIndex, text: &str, offset: usize) -> Position {
    let at = index.byte_position(text, offset);
    Position {
        line: at.line,
        column: at.column,
    }
}
