//! Reports: findings of checked files, printed for people (`human`) or machines (`json`, `line`).

mod human;
mod json;
mod line;

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::span::LineIndex;

/// The findings of one checked file, with its text for positions and excerpts.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user named it (`<stdin>` for standard input).
    pub path: String,
    /// The file's text as read.
    pub source: String,
    /// Its findings, in position order.
    pub findings: Vec<Finding>,
    /// The reference version it was checked against (`check --reference`), for the positions of
    /// the findings' reference spans.
    pub reference: Option<std::sync::Arc<ReferenceFile>>,
}

/// A reference version as read: where it is and its text.
#[derive(Debug)]
pub struct ReferenceFile {
    /// The path as the user named it.
    pub path: String,
    /// The file's text.
    pub source: String,
}

impl FileReport {
    /// A line index of the source, for positions.
    pub fn line_index(&self) -> LineIndex {
        LineIndex::new(&self.source)
    }
}

/// A file that could not be checked, and why.
#[derive(Debug)]
pub struct FileError {
    /// The file.
    pub path: String,
    /// The one-line reason, naming file, line and column where known.
    pub message: String,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with the line and the text underlined.
    Human,
    /// One JSON document (schema in README.md).
    Json,
    /// Vale's line format: `path:line:col:Rule.Id:Message`.
    Line,
}

/// Counts of a run, for summaries and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Findings at each severity: suggestion, warning, error.
    pub by_severity: [usize; 3],
    /// Files that could not be checked.
    pub errors: usize,
}

impl Summary {
    /// Counts `reports` and `errors`.
    pub fn of(reports: &[FileReport], errors: &[FileError]) -> Self {
        let mut summary = Summary {
            files: reports.len(),
            errors: errors.len(),
            ..Summary::default()
        };
        for finding in reports.iter().flat_map(|r| &r.findings) {
            summary.by_severity[finding.severity as usize] += 1;
        }
        summary
    }

    /// All findings.
    pub fn findings(&self) -> usize {
        self.by_severity.iter().sum()
    }

    /// Findings at `level` or above.
    pub fn at_or_above(&self, level: Severity) -> usize {
        self.by_severity[level as usize..].iter().sum()
    }
}

/// Writes the report of a run in `format`; `styled` turns on colour (the caller decides whether the
/// terminal wants it).
pub fn write(
    format: Format,
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
    styled: bool,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(reports, errors, out, styled),
        Format::Json => json::write(reports, errors, out),
        Format::Line => line::write(reports, out),
    }
}
