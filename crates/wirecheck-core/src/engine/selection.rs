//! The files a run checks: the paths collected as `input` finds them, one shard of them kept, and
//! a notice of each folder that held no story.

use std::path::{Path, PathBuf};

use crate::engine::Notice;
use crate::input::{FileSelection, Input, InputError, collect_files};

/// Shard `index` of `count` (1 ≤ index ≤ count): a stable subset of the files by path, to split a
/// corpus over CI jobs or cluster workers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` of `count`; `None` unless 1 ≤ index ≤ count.
    pub fn new(index: u64, count: u64) -> Option<Self> {
        (index >= 1 && index <= count).then_some(Self { index, count })
    }

    /// True when `path` falls in this shard: by a hash of its path (with `/` between folders),
    /// the same on every machine and run.
    pub fn holds(&self, path: &Path) -> bool {
        let mut hasher = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(
            &mut hasher,
            path.to_string_lossy().replace('\\', "/").as_bytes(),
        );
        std::hash::Hasher::finish(&hasher) % self.count + 1 == self.index
    }
}

/// The files of a run, and what to say of the paths given.
#[derive(Debug, Default)]
pub struct Selected {
    /// In command-line order: each file to check, or why a path could not be used.
    pub files: Vec<Result<Input, InputError>>,
    /// Folders that held no story; a run left with nothing to check.
    pub notices: Vec<Notice>,
}

/// The files under `paths` that `selection` admits (see `input::collect_files`), only those of `shard`
/// when one is given. Only a malformed glob is an error; paths that cannot be read are errors
/// among the files.
pub fn select_files(
    paths: &[PathBuf],
    selection: &FileSelection,
    shard: Option<Shard>,
) -> Result<Selected, InputError> {
    let collected = collect_files(paths, selection)?;
    let mut notices: Vec<Notice> = collected
        .empty_folders
        .iter()
        .map(|folder| Notice::NoStoriesFound {
            folder: folder.clone(),
            globbed: !selection.globs.is_empty(),
        })
        .collect();
    if collected.entries.is_empty()
        && collected.empty_folders.is_empty()
        && selection.vale.is_none()
    {
        notices.push(Notice::NothingToCheck);
    }
    let mut files = collected.entries;
    if let Some(shard) = shard {
        // A path that cannot be read is reported by every shard: each would have checked it.
        files.retain(|entry| {
            entry
                .as_ref()
                .map_or(true, |input| shard.holds(&input.path))
        });
    }
    Ok(Selected { files, notices })
}
