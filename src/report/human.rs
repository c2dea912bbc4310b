//! The report for people: each finding as rustc and ruff show a diagnostic — severity, rule id and
//! message, `path:line:col`, the source line with the span underlined, and the suggested fix.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{FileError, FileReport, Summary};
use crate::finding::{Finding, Severity};
use crate::span::{LineIndex, Span};

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
    styled: bool,
) -> io::Result<()> {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports {
        let index = report.line_index();
        for finding in &report.findings {
            writeln!(out, "{}\n", render(&renderer, report, &index, finding))?;
        }
    }
    for error in errors {
        writeln!(
            out,
            "{}\n",
            renderer.render(&[Group::with_title(
                Level::ERROR.primary_title(&error.message)
            )])
        )?;
    }
    writeln!(out, "{}", summary_line(&Summary::of(reports, errors)))
}

fn render(
    renderer: &Renderer,
    report: &FileReport,
    index: &LineIndex,
    finding: &Finding,
) -> String {
    let source = &report.source;
    // Show only the lines the finding covers: whole stories would be folded anyway, and this keeps
    // rendering cost independent of the file's size.
    let first_line = index.line_of(finding.span.start);
    let last_line = index.line_of(finding.span.end.saturating_sub(1).max(finding.span.start));
    let excerpt = Span::new(
        index.line_span(source, first_line).start,
        index
            .line_span(source, last_line)
            .end
            .max(finding.span.end.min(source.len())),
    );
    let local = Span::new(
        finding.span.start - excerpt.start,
        finding.span.end.min(excerpt.end) - excerpt.start,
    );
    let level = level_of(finding.severity);
    let title = level.primary_title(&finding.message).id(&finding.rule);
    let snippet = Snippet::source(excerpt.slice(source))
        .line_start(first_line + 1)
        .path(&report.path)
        .annotation(AnnotationKind::Primary.span(local.start..local.end));
    let mut group = title.element(snippet);
    let help: Vec<String> = finding
        .suggestions
        .iter()
        .map(|s| describe_fix(source, finding, s))
        .collect();
    for line in &help {
        group = group.element(Level::HELP.message(line));
    }
    if let Some(link) = &finding.link {
        group = group.element(Level::NOTE.message(format!("see {link}")));
    }
    renderer.render(&[group])
}

fn level_of(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Suggestion => Level::INFO.with_name("suggestion"),
    }
}

fn describe_fix(source: &str, finding: &Finding, fix: &crate::finding::Suggestion) -> String {
    let replaced = fix.span.slice(source);
    if fix.replacement.is_empty() {
        if replaced.contains('\n') {
            "delete this line".to_owned()
        } else {
            format!("delete '{}'", replaced.trim())
        }
    } else if fix.span == finding.span {
        format!("replace with '{}'", fix.replacement)
    } else {
        format!("replace '{replaced}' with '{}'", fix.replacement)
    }
}

fn summary_line(summary: &Summary) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let [suggestions, warnings, errors] = summary.by_severity;
    let mut line = if summary.findings() == 0 {
        format!("No findings in {}.", plural(summary.files, "file"))
    } else {
        format!(
            "Found {} ({}, {}, {}) in {}.",
            plural(summary.findings(), "finding"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(suggestions, "suggestion"),
            plural(summary.files, "file"),
        )
    };
    if summary.errors > 0 {
        line.push_str(&format!(
            " {} could not be checked.",
            plural(summary.errors, "file")
        ));
    }
    line
}
