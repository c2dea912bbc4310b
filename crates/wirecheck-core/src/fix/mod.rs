//! Fixes: applying the suggestions rules mark as safe, and writing files so that a crash leaves
//! each one either old or new, never half-written.

pub(crate) mod temp_files;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::finding::{Finding, Suggestion};
use crate::fix::temp_files::TempFile;

/// Why a fix could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FixError {
    /// The file changed between reading and writing: nothing was written.
    #[error("{path}: changed since it was read; not fixed (run again)")]
    Changed {
        /// The file.
        path: String,
    },
    /// Reading or writing failed.
    // Not `source`: the message already says it, and a chain would say it twice.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// The system's error.
        error: io::Error,
    },
}

/// The text with every safe fix of `findings` applied, and how many were applied. Findings whose
/// fix overlaps one applied before it are left for the next run.
pub fn apply_safe_fixes(source: &str, findings: &[Finding]) -> (String, usize) {
    let (fixed, applied) = apply_fixes(source, findings, |finding| finding.safe_fix);
    (fixed, applied.len())
}

/// The fixes to apply: the first suggestion of each finding `chosen` picks, in order of position,
/// without one that overlaps a fix before it (left for the next run) or ends past `source`.
/// `--fix` and the editor's "fix all" both choose with it.
pub fn chosen_fixes<'f>(
    source: &str,
    findings: &'f [Finding],
    chosen: impl Fn(&Finding) -> bool,
) -> Vec<(&'f Suggestion, &'f Finding)> {
    let mut fixes: Vec<(&Suggestion, &Finding)> = findings
        .iter()
        .filter(|f| chosen(f))
        .filter_map(|f| Some((f.suggestions.first()?, f)))
        .collect();
    fixes.sort_by_key(|(s, _)| (s.span.start, s.span.end));
    let mut copied = 0;
    fixes.retain(|(s, _)| {
        let keep = s.span.start >= copied && s.span.end <= source.len();
        if keep {
            copied = s.span.end;
        }
        keep
    });
    fixes
}

/// The text with the [`chosen_fixes`] applied, and the findings whose fix was applied.
pub fn apply_fixes<'f>(
    source: &str,
    findings: &'f [Finding],
    chosen: impl Fn(&Finding) -> bool,
) -> (String, Vec<&'f Finding>) {
    let mut fixed = String::with_capacity(source.len());
    let mut copied = 0;
    let mut applied = Vec::new();
    for (suggestion, finding) in chosen_fixes(source, findings, chosen) {
        fixed.push_str(&source[copied..suggestion.span.start]);
        fixed.push_str(&suggestion.replacement);
        copied = suggestion.span.end;
        applied.push(finding);
    }
    fixed.push_str(&source[copied..]);
    (fixed, applied)
}

/// True when a finding has a fix its rule does not mark safe: one `--unsafe-fixes` applies.
pub fn has_unsafe_fix(finding: &Finding) -> bool {
    !finding.safe_fix && !finding.suggestions.is_empty()
}

/// The unified diff from `old` to `fixed`, both files named `name` in its header (as `--fix
/// --diff` prints it).
pub(crate) fn unified_diff(name: &str, old: &str, fixed: &str) -> String {
    similar::TextDiff::from_lines(old, fixed)
        .unified_diff()
        .header(name, name)
        .to_string()
}

/// Writes `contents` to `path` atomically: into a temporary file in the same folder (so the rename
/// cannot cross file systems), flushed to disk, with the original's permissions (a new file gets
/// the usual ones, masked by the umask), then renamed over the original. A symbolic link is
/// followed: its target is written and the link kept. An interrupt removes the temporary file
/// (`fix::temp_files`).
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = follow_links(path)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let original = fs::metadata(&path).ok().map(|m| m.permissions());
    let temporary = TempFile::create_in(folder, original.clone().or_else(new_file_permissions))?;
    let mut file = temporary.as_file();
    file.write_all(contents)?;
    file.sync_all()?;
    if let Some(permissions) = original {
        // Creation masked them with the umask; the original's are kept exactly.
        fs::set_permissions(temporary.path(), permissions)?;
    }
    crate::fix::temp_files::hold_for_tests();
    temporary.persist(&path)
}

/// The permissions a new file is created with before the umask: read and write for all.
fn new_file_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    None
}

/// The file `path` stands for: itself, or the end of the chain of symbolic links it starts (which
/// need not exist yet).
fn follow_links(start: &Path) -> io::Result<PathBuf> {
    // As many links as Linux follows before it gives up with ELOOP.
    const MAX_LINKS: usize = 40;
    let mut path = start.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(format!(
        "too many levels of symbolic links from {}",
        start.display()
    )))
}

/// Writes `fixed` over `path` unless the file no longer holds `read` (someone edited it since).
pub(crate) fn write_fixed(
    path: &Path,
    read: impl AsRef<[u8]>,
    fixed: impl AsRef<[u8]>,
) -> Result<(), FixError> {
    let io_error = |error| FixError::Io {
        path: path.display().to_string(),
        error,
    };
    let now = fs::read(path).map_err(io_error)?;
    if now != read.as_ref() {
        return Err(FixError::Changed {
            path: path.display().to_string(),
        });
    }
    write_atomically(path, fixed.as_ref()).map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::span::Span;

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
    fn a_selection_of_fixes_is_applied_and_given_back() {
        let text = "the the cat  sat";
        let findings = [
            finding(0, 7, "the", true),
            finding(8, 11, "dog", false),
            finding(9, 10, "X", false),
        ];
        let (fixed, applied) = apply_fixes(text, &findings, |_| true);
        assert_eq!(fixed, "the dog  sat");
        let applied: Vec<&str> = applied
            .iter()
            .map(|f| f.suggestions[0].replacement.as_str())
            .collect();
        assert_eq!(applied, ["the", "dog"], "the overlapping fix waits");
        let (fixed, applied) = apply_fixes(text, &findings, |f| !f.safe_fix);
        assert_eq!((fixed.as_str(), applied.len()), ("the the dog  sat", 1));
        assert!(has_unsafe_fix(&findings[1]) && !has_unsafe_fix(&findings[0]));
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
