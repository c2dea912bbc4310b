//! Temporary files this process is writing, removed if it is interrupted.
//!
//! `check --fix` and `--write-baseline` write each file as a temporary file beside it, then rename
//! it over the original. Should SIGINT or SIGTERM arrive in between, the handler installed with the
//! first temporary file removes every one still registered and exits 130 or 143 (128 + the
//! signal, what a shell reports for a process killed by it). A file is registered in the same
//! critical section that creates it, and unregistered in the one that renames or removes it, so no
//! signal can fall between the two and leave a file behind.

use std::collections::BTreeSet;
use std::fs::{File, Permissions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use tempfile::NamedTempFile;

/// How the names of wirecheck's temporary files start; a folder walk never checks such a file.
pub(crate) const PREFIX: &str = ".wirecheck-";

/// How the names of wirecheck's temporary files end.
pub(crate) const SUFFIX: &str = ".tmp";

/// The temporary files that exist now.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A thread that panicked holding the lock left the set consistent: each change is one call.
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// True when `path` names one of wirecheck's temporary files (of this run or one killed earlier).
pub(crate) fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(PREFIX))
}

/// A temporary file that is removed when dropped, when the process is interrupted, or renamed
/// over its target by [`TempFile::persist`].
#[derive(Debug)]
pub(crate) struct TempFile {
    file: Option<NamedTempFile>,
}

impl TempFile {
    /// Creates an empty temporary file in `folder`, with `permissions` (masked by the umask, as
    /// for any new file).
    pub(crate) fn create_in(
        folder: &Path,
        permissions: Option<Permissions>,
    ) -> io::Result<TempFile> {
        install_handler();
        let mut builder = tempfile::Builder::new();
        builder.prefix(PREFIX).suffix(SUFFIX);
        if let Some(permissions) = permissions {
            builder.permissions(permissions);
        }
        let mut live = live();
        let file = builder.tempfile_in(folder)?;
        live.insert(file.path().to_owned());
        Ok(TempFile { file: Some(file) })
    }

    /// The open file, to write to.
    pub(crate) fn as_file(&self) -> &File {
        self.named().as_file()
    }

    /// Where the file is.
    pub(crate) fn path(&self) -> &Path {
        self.named().path()
    }

    fn named(&self) -> &NamedTempFile {
        // Only `persist` and `drop` take the file, and both consume `self`.
        self.file.as_ref().expect("a live temporary file")
    }

    /// Renames the file over `target`; on failure the temporary file is removed.
    pub(crate) fn persist(mut self, target: &Path) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let mut live = live();
        let path = file.path().to_owned();
        // On failure the error holds the file, dropped (so removed) here, under the lock.
        let result = file.persist(target).map(drop).map_err(|e| e.error);
        live.remove(&path);
        result
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = live();
            let path = file.path().to_owned();
            drop(file);
            live.remove(&path);
        }
    }
}

/// Installs, once, the handler that removes the live temporary files on SIGINT and SIGTERM.
fn install_handler() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGINT, SIGTERM};
            // Without a handler the signal still stops the run, as by default; only the
            // temporary file can be left.
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held until exit: no writer can create or rename a file after this.
                    let live = live();
                    for path in live.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    std::process::exit(128 + signal);
                }
            });
        }
    });
}

/// Test hook, in debug builds only: `WIRECHECK_TEST_HOLD_TEMP_MS=N` keeps each temporary file,
/// written, for N milliseconds before it is renamed, so that a test can interrupt a write.
pub(crate) fn hold_for_tests() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("WIRECHECK_TEST_HOLD_TEMP_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> usize {
        std::fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn files_are_registered_while_they_live() {
        let dir = tempfile::tempdir().unwrap();
        let file = TempFile::create_in(dir.path(), None).unwrap();
        assert!(is_temporary(file.path()));
        assert!(live().contains(file.path()));
        let path = file.path().to_owned();
        drop(file);
        assert!(!path.exists());
        assert!(!live().contains(&path));
        assert_eq!(entries(dir.path()), 0);

        let file = TempFile::create_in(dir.path(), None).unwrap();
        let path = file.path().to_owned();
        let target = dir.path().join("story.txt");
        file.persist(&target).unwrap();
        assert!(!live().contains(&path));
        assert!(target.exists());
        assert_eq!(entries(dir.path()), 1);
    }

    #[test]
    fn only_wirecheck_temporary_names_count() {
        assert!(is_temporary(Path::new("a/.wirecheck-x1Y2.tmp")));
        assert!(is_temporary(Path::new(".wirecheck-old")));
        assert!(!is_temporary(Path::new("a/wirecheck-x.tmp")));
        assert!(!is_temporary(Path::new(".wirecheck-x/story.txt")));
    }
}
