//! Fixes: applying the suggestions rules mark as safe, and writing files so that a crash leaves
//! each one either old or new, never half-written.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::finding::Finding;
use crate::span::Span;

/// Why a fix could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// The file changed between reading and writing: nothing was written.
    #[error("{path}: changed since it was read; not fixed (run again)")]
    Changed {
        /// The file.
        path: String,
    },
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The system's error.
        source: io::Error,
    },
}

/// The text with every safe fix of `findings` applied, and how many were applied. Findings whose
/// fix overlaps one applied before it are left for the next run.
pub fn apply_safe_fixes(source: &str, findings: &[Finding]) -> (String, usize) {
    let mut edits: Vec<(Span, &str)> = findings
        .iter()
        .filter(|f| f.safe_fix)
        .filter_map(|f| f.suggestions.first())
        .map(|s| (s.span, s.replacement.as_str()))
        .collect();
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    let mut fixed = String::with_capacity(source.len());
    let mut copied = 0;
    let mut applied = 0;
    for (span, replacement) in edits {
        if span.start < copied || span.end > source.len() {
            continue;
        }
        fixed.push_str(&source[copied..span.start]);
        fixed.push_str(replacement);
        copied = span.end;
        applied += 1;
    }
    fixed.push_str(&source[copied..]);
    (fixed, applied)
}

/// Writes `contents` to `path` atomically: into a temporary file in the same folder (so the rename
/// cannot cross file systems), flushed to disk, with the original's permissions, then renamed over
/// the original.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".wirecheck-")
        .tempfile_in(folder)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    if let Ok(metadata) = fs::metadata(path) {
        fs::set_permissions(temporary.path(), metadata.permissions())?;
    }
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `fixed` over `path` unless the file no longer holds `read` (someone edited it since).
pub fn write_fixed(path: &Path, read: &str, fixed: &str) -> Result<(), FixError> {
    let io_error = |source| FixError::Io {
        path: path.display().to_string(),
        source,
    };
    let now = fs::read(path).map_err(io_error)?;
    if now != read.as_bytes() {
        return Err(FixError::Changed {
            path: path.display().to_string(),
        });
    }
    write_atomically(path, fixed.as_bytes()).map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Severity, Suggestion};

    fn finding(start: usize, end: usize, replacement: &str, safe: bool) -> Finding {
        Finding {
            rule: "r.R".into(),
            severity: Severity::Warning,
            message: String::new(),
            span: Span::new(start, end),
            suggestions: vec![Suggestion {
                span: Span::new(start, end),
                replacement: replacement.into(),
            }],
            link: None,
            reference: None,
            safe_fix: safe,
        }
    }

    #[test]
    fn only_safe_non_overlapping_fixes_are_applied() {
        let text = "the the cat  sat";
        let findings = [
            finding(0, 7, "the", true),
            finding(4, 7, "X", true),
            finding(11, 13, " ", true),
            finding(8, 11, "dog", false),
        ];
        assert_eq!(
            apply_safe_fixes(text, &findings),
            ("the cat sat".to_owned(), 2)
        );
    }

    /// Fixes that touch without overlapping (one ends where the next starts) are all applied.
    #[test]
    fn adjacent_fixes_are_all_applied() {
        let text = "ab  cd";
        let findings = [
            finding(0, 2, "A", true),
            finding(2, 4, " ", true),
            finding(4, 6, "C", true),
        ];
        assert_eq!(apply_safe_fixes(text, &findings), ("A C".to_owned(), 3));
    }

    #[test]
    fn atomic_writes_keep_permissions_and_refuse_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, "old\r\ntext\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_fixed(&path, "old\r\ntext\r\n", "new\r\ntext\r\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\ntext\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let err = write_fixed(&path, "old\r\ntext\r\n", "newer").unwrap_err();
        assert!(matches!(err, FixError::Changed { .. }));
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\ntext\r\n");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
