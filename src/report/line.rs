//! Vale's line format, `path:line:col:Rule.Id:Message`, one finding a line.

use std::io::{self, Write};

use super::FileReport;
use crate::span::Positions;

pub(super) fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports.iter().filter(|r| !r.findings.is_empty()) {
        let mut positions = Positions::new(&report.source);
        for finding in &report.findings {
            let start = positions.at(finding.span.start);
            let message = finding.message.replace('\n', " ");
            writeln!(
                out,
                "{}:{}:{}:{}:{}",
                report.path, start.line, start.column, finding.rule, message
            )?;
        }
    }
    Ok(())
}
