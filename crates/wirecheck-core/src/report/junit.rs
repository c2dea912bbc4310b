//! JUnit XML, which CI systems (Jenkins, GitLab, Azure Pipelines, CircleCI) show as test results:
//! a `<testcase>` per checked file (name and classname are its path), a `<failure>` per finding
//! (message `Rule.Id: message`, type the severity, body `path:line:col`), and an `<error>` test
//! case per file that could not be read. `failures` counts failing files, as `tests` counts files.

use std::io::{self, Write};

use super::{FileError, FileReport, Summary, TOOL};
use crate::span::Positions;

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = Summary::of(reports, errors);
    let tests = summary.files + summary.errors;
    let failures = reports.iter().filter(|r| !r.findings.is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    let counts = format!(
        r#"tests="{tests}" failures="{failures}" errors="{}" skipped="0""#,
        summary.errors
    );
    writeln!(out, r#"<testsuites name="{TOOL}" {counts}>"#)?;
    writeln!(out, r#"  <testsuite name="{TOOL}" {counts}>"#)?;
    for report in reports {
        let path = escape(&report.path);
        write!(out, r#"    <testcase name="{path}" classname="{path}""#)?;
        if report.findings.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        let mut positions = Positions::new(&report.source);
        for finding in &report.findings {
            let start = positions.at(finding.span.start);
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{path}:{}:{}</failure>"#,
                escape(&format!("{}: {}", finding.rule, finding.message)),
                finding.severity,
                start.line,
                start.column,
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    for error in errors {
        let path = escape(&error.path);
        writeln!(out, r#"    <testcase name="{path}" classname="{path}">"#)?;
        writeln!(
            out,
            r#"      <error message="{}" type="unreadable">{path}</error>"#,
            escape(&error.message)
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML 1.0 attributes (in double quotes) and content: `&`, `<`, `>`, `"`, line breaks and
/// tabs as character references (so attributes keep them), and characters XML 1.0 cannot carry at
/// all as U+FFFD.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' => escaped.push_str("&#9;"),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_line_breaks_and_forbidden_characters() {
        assert_eq!(
            escape("Arab & <Intl> \"x\" 'y'\n\u{1}"),
            "Arab &amp; &lt;Intl&gt; &quot;x&quot; 'y'&#10;\u{FFFD}"
        );
    }
}
