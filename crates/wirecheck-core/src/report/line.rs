//! Vale's line format, `path:line:col:Rule.Id:Message`, one finding a line, control characters
//! made visible (the text may come from a hostile story and goes to a terminal).

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
            let message = escape_controls(&finding.message).replace('\n', " ");
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
