//! The workspace folders and the runner each uses: built on first use by the binary's
//! [`RunnerSource`](crate::RunnerSource), kept until a configuration file changes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use wirecheck_core::Runner;

use crate::RunnerSource;

/// The names of the files whose change reloads the configuration.
pub(crate) fn is_config_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    wirecheck_core::CONFIG_NAMES.contains(&name)
        || wirecheck_core::VALE_CONFIG_NAMES.contains(&name)
}

/// Folders and their runners.
pub(crate) struct Workspace {
    folders: Vec<PathBuf>,
    runners: HashMap<PathBuf, Option<Arc<Runner>>>,
    source: Box<dyn RunnerSource>,
}

impl Workspace {
    /// A workspace of `folders` whose runners `source` builds.
    pub(crate) fn new(folders: Vec<PathBuf>, source: Box<dyn RunnerSource>) -> Self {
        Self {
            folders,
            runners: HashMap::new(),
            source,
        }
    }

    /// The folder whose configuration a document uses: the innermost workspace folder holding
    /// it, else its own folder; a document with no path uses the first workspace folder, else
    /// the working directory.
    pub(crate) fn folder_of(&self, path: Option<&Path>) -> PathBuf {
        match path {
            Some(path) => self
                .folders
                .iter()
                .filter(|folder| path.starts_with(folder))
                .max_by_key(|folder| folder.components().count())
                .cloned()
                .or_else(|| path.parent().map(Path::to_path_buf))
                .unwrap_or_default(),
            None => self
                .folders
                .first()
                .cloned()
                .or_else(|| std::env::current_dir().ok())
                .unwrap_or_default(),
        }
    }

    /// The runner of `folder`, built when first asked for; `Err` with the one-line reason when
    /// its configuration fails to load (asked again, it is `Ok(None)` until the next reload, so
    /// that the reason is said once).
    pub(crate) fn runner(&mut self, folder: &Path) -> Result<Option<Arc<Runner>>, String> {
        if let Some(runner) = self.runners.get(folder) {
            return Ok(runner.clone());
        }
        match self.source.runner_for(folder) {
            Ok(runner) => {
                let runner = Arc::new(runner);
                self.runners
                    .insert(folder.to_path_buf(), Some(runner.clone()));
                Ok(Some(runner))
            }
            Err(message) => {
                self.runners.insert(folder.to_path_buf(), None);
                Err(message)
            }
        }
    }

    /// Applies a change of the client's workspace folders.
    pub(crate) fn change_folders(
        &mut self,
        removed: &[PathBuf],
        added: impl IntoIterator<Item = PathBuf>,
    ) {
        self.folders.retain(|folder| !removed.contains(folder));
        self.folders.extend(added);
    }

    /// Forgets every runner: the configuration is read again on next use.
    pub(crate) fn reload(&mut self) {
        self.runners.clear();
    }
}
