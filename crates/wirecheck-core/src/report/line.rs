//! Vale's line format, `path:line:col:Rule.Id:Message`, one finding a line, the message's line
//! breaks and runs of spaces made one space as Vale makes them, control characters made visible
//! (the text may come from a hostile story and goes to a terminal).

use std::io::{self, Write};

use super::FileReport;
use crate::span::Positions;
use crate::visible::escape_controls;

pub(super) fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports.iter().filter(|r| !r.findings.is_empty()) {
        let mut positions = Positions::new(&report.source);
        let path = escape_controls(&report.path).replace('\n', " ");
        for finding in &report.findings {
            let start = positions.at(finding.span.start);
            let message = escape_controls(&super::vale_json::vale_message(&finding.message))
                .replace('\n', " ");
            writeln!(
                out,
                "{path}:{}:{}:{}:{message}",
                start.line,
                start.column,
                escape_controls(&finding.rule)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Finding;
    use crate::span::Span;

    #[test]
    fn messages_are_spaced_as_vale_spaces_them() {
        let report = FileReport {
            path: "a.md".into(),
            source: "x yz\n".into(),
            encoding: crate::input::encoding::TextEncoding::Utf8,
            findings: vec![Finding {
                rule: "S.R".into(),
                message: "Use  'yz'\nnot this.".into(),
                span: Span::new(2, 4),
                severity: crate::severity::Severity::Warning,
                suggestions: Vec::new(),
                link: None,
                reference: None,
                safe_fix: false,
            }],
            reference: None,
        };
        let mut out = Vec::new();
        write(&[report], &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.md:1:3:S.R:Use  'yz' not this.\n"
        );
    }
}
