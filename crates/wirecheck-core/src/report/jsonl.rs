//! JSON Lines: one finding per line, each the same object as an element of the JSON report's
//! `findings`, so that consumers share code. Written file by file as each is checked; files that
//! could not be read go to standard error only.

use std::io::{self, Write};

use super::FileReport;
use super::json::findings_of;

/// Writes the findings of one file, one JSON object a line.
pub(super) fn write(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for finding in findings_of(report) {
        serde_json::to_writer(&mut *out, &finding)?;
        writeln!(out)?;
    }
    Ok(())
}
