//! Vale's line format, `path:line:col:Rule.Id:Message`, one finding a line.

use std::io::{self, Write};

use super::{FileReport, positions};

pub(super) fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports.iter().filter(|r| !r.findings.is_empty()) {
        let index = report.line_index();
        for finding in &report.findings {
            let (start, _) = positions(&index, &report.source, finding);
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
