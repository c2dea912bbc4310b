//! Reports: findings of checked files, printed for people (`human`) or machines (`json`, `jsonl`,
//! `line`, `vale-json`) and CI systems (`sarif`, `junit`, `github`, `rdjson`, `rdjsonl`).

mod explain;
mod github;
mod human;
mod json;
mod jsonl;
mod junit;
mod line;
mod rdjson;
mod sarif;
mod statistics;
mod vale_json;

pub use explain::{write_id_explanation, write_rule_explanation};
pub use human::unsafe_fixes_hint;
pub use statistics::{RuleCount, count_by_rule, write_statistics};
pub use vale_json::{vale_columns, vale_message};

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::span::LineIndex;

/// The findings of one checked file, with its text for positions and excerpts.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user named it (`<stdin>` for standard input).
    pub path: String,
    /// The file's text as read, decoded and without a byte-order mark; spans point into it.
    pub source: String,
    /// How the file stores the text, to give spans as offsets of the file's bytes.
    pub encoding: crate::input::encoding::TextEncoding,
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
    /// The file's text, decoded.
    pub source: String,
    /// How the file stores the text.
    pub encoding: crate::input::encoding::TextEncoding,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people: each finding with the line and the text underlined.
    Human,
    /// One JSON document (schema in README.md).
    Json,
    /// One finding per line, each an element of the JSON report's `findings`, written as each file
    /// is checked.
    Jsonl,
    /// Vale's line format: `path:line:col:Rule.Id:Message`.
    Line,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// JUnit XML: a test case per file, a failure per finding.
    Junit,
    /// GitHub Actions workflow commands (`::error file=…::…`), shown as annotations.
    Github,
    /// reviewdog's Diagnostic Format, one document.
    Rdjson,
    /// reviewdog's Diagnostic Format, one diagnostic per line.
    Rdjsonl,
    /// Vale's JSON output (`vale --output=JSON`), for tools that read it.
    ValeJson,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 10] = [
        Format::Human,
        Format::Json,
        Format::Jsonl,
        Format::Line,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Rdjson,
        Format::Rdjsonl,
        Format::ValeJson,
    ];

    /// The format's name on the command line and in `wirecheck.yaml`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Line => "line",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Rdjson => "rdjson",
            Format::Rdjsonl => "rdjsonl",
            Format::ValeJson => "vale-json",
        }
    }

    /// What the format is for, in a line.
    pub const fn help(self) -> &'static str {
        match self {
            Format::Human => "For people: each finding with the line and the text underlined",
            Format::Json => "One JSON document (schema in README.md)",
            Format::Jsonl => {
                "One finding per line, each an element of the JSON report's `findings`, written as each file is checked"
            }
            Format::Line => "Vale's line format: `path:line:col:Rule.Id:Message`",
            Format::Sarif => "SARIF 2.1.0, for code-scanning uploads",
            Format::Junit => "JUnit XML: a test case per file, a failure per finding",
            Format::Github => {
                "GitHub Actions workflow commands (`::error file=…::…`), shown as annotations"
            }
            Format::Rdjson => "reviewdog's Diagnostic Format, one document",
            Format::Rdjsonl => "reviewdog's Diagnostic Format, one diagnostic per line",
            Format::ValeJson => "Vale's JSON output (`vale --output=JSON`), for tools that read it",
        }
    }

    /// True for formats written file by file as each is checked ([`write_file`]), rather than
    /// once at the end of the run ([`write`](fn@write)).
    pub fn is_streamed(self) -> bool {
        self == Format::Jsonl
    }
}

/// What reporters may say about a rule beyond its findings: SARIF lists every rule that ran,
/// one entry per id (each named check of a rule has its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// `pack.Rule`, or `pack.Rule.Check`.
    pub id: String,
    /// What the rule checks in a sentence or two: its description's first paragraph, else its
    /// message.
    pub summary: String,
    /// Its whole description, if it has one.
    pub description: Option<String>,
    /// Where to read more, if the rule names a page.
    pub link: Option<String>,
    /// Severity of its findings.
    pub severity: Severity,
    /// The rule's `action:`, if it has one (Vale's JSON reports it with each alert).
    pub action: Option<RuleAction>,
}

/// A rule's `action:` as its file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleAction {
    /// `replace`, `remove`, `suggest`, `edit`.
    pub name: String,
    /// Its parameters.
    pub params: Vec<String>,
}

impl From<&crate::rules::Rule> for RuleInfo {
    /// The rule as it reports under its own id; see [`RuleInfo::all_of`] for a rule with named
    /// checks.
    fn from(rule: &crate::rules::Rule) -> Self {
        RuleInfo::of(crate::rules::ReportedId { rule, check: None })
    }
}

impl RuleInfo {
    /// One for each id `rule` reports under in this run: its own, or each of its named checks'
    /// that is on (`wire.Dateline.Outlet`).
    pub fn all_of(rule: &crate::rules::Rule) -> Vec<RuleInfo> {
        rule.reported_ids()
            .filter(|reported| reported.severity().is_some())
            .map(RuleInfo::of)
            .collect()
    }

    fn of(reported: crate::rules::ReportedId<'_>) -> Self {
        let description = reported.description().map(str::trim);
        let first_paragraph = description.and_then(|d| d.split("\n\n").next());
        let summary = first_paragraph
            .filter(|p| !p.trim().is_empty())
            .unwrap_or(reported.message());
        RuleInfo {
            id: reported.id().to_owned(),
            summary: summary.split_whitespace().collect::<Vec<_>>().join(" "),
            description: description.filter(|d| !d.is_empty()).map(str::to_owned),
            link: reported.rule.header.link.clone(),
            severity: reported.severity().unwrap_or(reported.rule.severity),
            action: reported.rule.header.action.as_ref().map(|a| RuleAction {
                name: a.name.clone(),
                params: a.params.clone(),
            }),
        }
    }
}

/// The tool's name in reports.
const TOOL: &str = "wirecheck";

/// The tool's home page (Cargo's `repository`, else `homepage`), if the package names one.
fn tool_url() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|url| !url.is_empty())
}

/// Counts of a run, for summaries and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Findings at each severity, lowest first (indexed by `Severity as usize`; see [`Summary::count`]).
    pub by_severity: [usize; 3],
    /// Files that could not be checked.
    pub errors: usize,
    /// Findings with a fix their rule does not mark safe, which `--unsafe-fixes` applies.
    pub unsafe_fixes: usize,
}

impl Summary {
    /// Counts one checked file.
    pub fn add_report(&mut self, report: &FileReport) {
        self.files += 1;
        for finding in &report.findings {
            self.by_severity[finding.severity as usize] += 1;
        }
        self.unsafe_fixes += report
            .findings
            .iter()
            .filter(|f| crate::fix::has_unsafe_fix(f))
            .count();
    }

    /// The counts of two parts of a run together.
    pub fn merge(self, other: Summary) -> Summary {
        let mut by_severity = self.by_severity;
        for (count, more) in by_severity.iter_mut().zip(other.by_severity) {
            *count += more;
        }
        Summary {
            files: self.files + other.files,
            by_severity,
            errors: self.errors + other.errors,
            unsafe_fixes: self.unsafe_fixes + other.unsafe_fixes,
        }
    }

    /// Counts `reports` and `errors`.
    pub fn of(reports: &[FileReport], errors: &[FileError]) -> Self {
        let mut summary = Summary {
            errors: errors.len(),
            ..Summary::default()
        };
        for report in reports {
            summary.add_report(report);
        }
        summary
    }

    /// All findings.
    pub fn findings(&self) -> usize {
        self.by_severity.iter().sum()
    }

    /// Findings at `level`.
    pub fn count(&self, level: Severity) -> usize {
        self.by_severity[level as usize]
    }

    /// Findings at `level` or above.
    pub fn at_or_above(&self, level: Severity) -> usize {
        self.by_severity[level as usize..].iter().sum()
    }
}

/// Writes the report of a run in `format`; `rules` are the rules that ran, `styled` turns on colour
/// (the caller decides whether the terminal wants it). A streamed format ([`Format::is_streamed`])
/// writes here what [`write_file`] would have written for each report.
pub fn write(
    format: Format,
    reports: &[FileReport],
    errors: &[FileError],
    rules: &[RuleInfo],
    out: &mut dyn Write,
    styled: bool,
) -> io::Result<()> {
    let options = HumanOptions {
        styled,
        ..HumanOptions::default()
    };
    write_with(format, reports, errors, rules, out, options)
}

/// How the report for people is written; the other formats have no such choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HumanOptions {
    /// Colour (the caller decides whether the terminal wants it).
    pub styled: bool,
    /// The findings alone: no summary line at the end (`--quiet`).
    pub quiet: bool,
    /// The run applies unsafe fixes, so the summary does not point at `--unsafe-fixes`.
    pub unsafe_fixes: bool,
}

/// As [`write`], with the human format's options.
pub fn write_with(
    format: Format,
    reports: &[FileReport],
    errors: &[FileError],
    rules: &[RuleInfo],
    out: &mut dyn Write,
    options: HumanOptions,
) -> io::Result<()> {
    // Reporters write piece by piece; buffered, a report of any size takes a few system calls
    // instead of one or more per finding.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    let out: &mut dyn Write = &mut buffered;
    match format {
        Format::Human => human::write(reports, errors, out, options),
        Format::Json => json::write(reports, errors, out),
        Format::Jsonl => reports.iter().try_for_each(|r| jsonl::write(r, out)),
        Format::Line => line::write(reports, out),
        Format::Sarif => sarif::write(reports, errors, rules, out),
        Format::Junit => junit::write(reports, errors, out),
        Format::Github => github::write(reports, errors, out),
        Format::Rdjson => rdjson::write(reports, out),
        Format::Rdjsonl => rdjson::write_lines(reports, out),
        Format::ValeJson => vale_json::write(reports, rules, out),
    }?;
    buffered.flush()
}

/// Writes the part of a streamed format's report that belongs to one checked file, so that a run
/// need not keep its reports; `None` when `format` is not streamed.
pub fn write_file(
    format: Format,
    report: &FileReport,
    out: &mut dyn Write,
) -> Option<io::Result<()>> {
    match format {
        Format::Jsonl => Some(jsonl::write(report, out)),
        _ => None,
    }
}
