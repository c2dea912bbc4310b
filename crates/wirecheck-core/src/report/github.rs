//! GitHub Actions workflow commands, one a line, which the runner shows as annotations on the
//! pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=Rule.Id::Message`
//! (`::warning` for warnings, `::notice` for suggestions). Columns count code points from 1.
//! Files that could not be read are `::error file=…,title=wirecheck::reason`. Control
//! characters other than line breaks (which the commands encode) are made visible: the runner's
//! log is a terminal that would obey them.

use std::io::{self, Write};

use super::{FileError, FileReport, TOOL};
use crate::finding::Severity;
use crate::span::Positions;
use crate::visible::escape_controls;

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    out: &mut dyn Write,
) -> io::Result<()> {
    for report in reports {
        let mut positions = Positions::new(&report.source);
        let file = escape_property(&report.path);
        for finding in &report.findings {
            let (start, end) = positions.span(finding.span);
            writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(finding.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&finding.rule),
                escape_data(&finding.message),
            )?;
        }
    }
    for error in errors {
        writeln!(
            out,
            "::error file={},title={TOOL}::{}",
            escape_property(&error.path),
            escape_data(&error.message)
        )?;
    }
    Ok(())
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "notice",
    }
}

/// Escapes a command's message as the runner expects (`%`, CR and LF).
fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// Escapes a property value: as data, and also `:` and `,`, which end it.
fn escape_property(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, property: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    // CR and LF are left to the command encoding below, which the runner decodes.
    let visible: String = text
        .split_inclusive(['\r', '\n'])
        .map(|piece| {
            let body = piece.trim_end_matches(['\r', '\n']);
            format!("{}{}", escape_controls(body), &piece[body.len()..])
        })
        .collect();
    for c in visible.chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            ':' if property => escaped.push_str("%3A"),
            ',' if property => escaped.push_str("%2C"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% sure,\r\nsaid: yes"),
            "100%25 sure,%0D%0Asaid: yes"
        );
    }

    #[test]
    fn terminal_controls_are_made_visible_and_line_breaks_encoded() {
        assert_eq!(escape_data("a\u{1b}[2Jb\r\nc\u{9b}d"), "a␛[2Jb%0D%0Ac�d");
        assert_eq!(escape_property("x\u{7}y:z"), "x␇y%3Az");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
