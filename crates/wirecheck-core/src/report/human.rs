//! The report for people: each finding as rustc and ruff show a diagnostic — severity, rule id and
//! message, `path:line:col`, the source line with the span underlined, and the suggested fix.
//! Control characters are shown as visible symbols: the renderer replaces C0 controls in what it
//! lays out, and C1 controls, which it leaves, are replaced in its output (they are one column
//! wide either way, so underlines stay aligned).

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{FileError, FileReport, HumanOptions, Summary};
use crate::finding::{Finding, Severity};
use crate::span::{Positions, Span};
use crate::visible::escape_controls;

/// Bytes of context shown on each side of a finding on a very long line; the renderer trims
/// further to the terminal width, and this keeps rendering cost independent of the line's length.
const CONTEXT_BYTES: usize = 2048;

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
    options: HumanOptions,
) -> io::Result<()> {
    let renderer = if options.styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports.iter().filter(|r| !r.findings.is_empty()) {
        let mut positions = Positions::new(&report.source);
        // Indexed once for the report, not once for each finding that points into it.
        let mut reference_positions = report
            .reference
            .as_deref()
            .map(|file| Positions::new(&file.source));
        for finding in &report.findings {
            let rendered = render(
                &renderer,
                report,
                &mut positions,
                reference_positions.as_mut(),
                finding,
            );
            writeln!(out, "{}\n", without_c1_controls(&rendered))?;
        }
    }
    for error in errors {
        let message = escape_controls(&error.message);
        let title = Group::with_title(Level::ERROR.primary_title(message.as_ref()));
        writeln!(out, "{}\n", renderer.render(&[title]))?;
    }
    if options.quiet {
        return Ok(());
    }
    let summary = Summary::of(reports, errors);
    writeln!(out, "{}", summary_line(&summary))?;
    if !options.unsafe_fixes && summary.unsafe_fixes > 0 {
        writeln!(out, "{}", unsafe_fixes_hint(summary.unsafe_fixes))?;
    }
    Ok(())
}

/// What ruff says of the fixes it holds back: `2 more fixes available with --unsafe-fixes.`
pub fn unsafe_fixes_hint(count: usize) -> String {
    let noun = if count == 1 { "fix" } else { "fixes" };
    format!("{count} more {noun} available with --unsafe-fixes.")
}

/// `text` with C1 controls (U+0080 to U+009F) replaced by `�`. Styles are 7-bit escape
/// sequences, so the renderer's own output has none.
fn without_c1_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if text.contains(is_c1) {
        text.replace(is_c1, "\u{FFFD}").into()
    } else {
        text.into()
    }
}

fn render(
    renderer: &Renderer,
    report: &FileReport,
    positions: &mut Positions<'_>,
    reference_positions: Option<&mut Positions<'_>>,
    finding: &Finding,
) -> String {
    let source = &report.source;
    let (start, _) = positions.span(finding.span);
    let excerpt = excerpt(positions, finding.span);
    let local =
        finding.span.start - excerpt.start..finding.span.end.min(excerpt.end) - excerpt.start;
    let message = escape_controls(&finding.message);
    let path = escape_controls(&report.path);
    let title = level_of(finding.severity)
        .primary_title(message.as_ref())
        .id(&finding.rule);
    let snippet = Snippet::source(excerpt.slice(source))
        .line_start(start.line)
        .annotation(AnnotationKind::Primary.span(local));
    let clipped = excerpt.start != positions.line_span_of(finding.span).start;
    let mut group = if clipped {
        // The renderer would count the column from the cut; name the true one.
        let origin = Origin::path(path.as_ref())
            .line(start.line)
            .char_column(start.column);
        title.element(origin).element(snippet)
    } else {
        title.element(snippet.path(path.as_ref()))
    };
    let help: Vec<String> = finding
        .suggestions
        .iter()
        .map(|s| escape_controls(&describe_fix(source, finding, s)).into_owned())
        .collect();
    for line in &help {
        group = group.element(Level::HELP.message(line));
    }
    let reference_note = finding
        .reference
        .zip(report.reference.as_deref())
        .zip(reference_positions)
        .map(|((span, file), reference_positions)| {
            let position = reference_positions.at(span.start);
            let text = crate::document::excerpt::words_within(span.slice(&file.source), 80);
            escape_controls(&format!(
                "reference: {}:{}:{}: '{text}'",
                file.path, position.line, position.column
            ))
            .into_owned()
        });
    if let Some(note) = &reference_note {
        group = group.element(Level::NOTE.message(note));
    }
    if let Some(link) = &finding.link {
        group = group.element(Level::NOTE.message(format!("see {link}")));
    }
    renderer.render(&[group])
}

/// The text shown for a finding: the lines it covers, cut to some context around it on a long line.
fn excerpt(positions: &Positions<'_>, span: Span) -> Span {
    let text = positions.text();
    let lines = positions.line_span_of(span);
    let mut start = lines.start.max(span.start.saturating_sub(CONTEXT_BYTES));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = lines
        .end
        .min(span.end.saturating_add(CONTEXT_BYTES))
        .max(span.end.min(text.len()));
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
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
    let mut line = if summary.findings() == 0 {
        format!("No findings in {}.", plural(summary.files, "file"))
    } else {
        // Most serious first.
        let counts: Vec<String> = Severity::ALL
            .iter()
            .rev()
            .map(|&level| plural(summary.count(level), level.as_str()))
            .collect();
        format!(
            "Found {} ({}) in {}.",
            plural(summary.findings(), "finding"),
            counts.join(", "),
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
