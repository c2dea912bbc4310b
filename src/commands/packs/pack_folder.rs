//! Writing a pack folder whole or not at all: the files go into a new folder beside the target
//! (its name starts with a dot, so no run loads it), the rules there are compiled as a run would
//! load them, and only then does the new folder take the old one's place. Any failure before
//! that leaves the old pack as it was.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use wirecheck_core::{MANIFEST_NAME, PackFile, PackManifest};

/// Writes `files` as the pack folder `target`, replacing the pack there, if any. A folder that
/// is there and is no pack of open data (no `pack.yaml` of one) is not replaced.
pub(crate) fn write_pack_folder(target: &Path, files: &[PackFile]) -> anyhow::Result<()> {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("{}: not a folder name", target.display()))?;
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if target.exists() {
        refuse_unless_a_pack(target)?;
    }
    fs::create_dir_all(&parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .with_context(|| format!("cannot create a folder in {}", parent.display()))?;
    for file in files {
        let path = staging.path().join(&file.name);
        let mut out =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        out.write_all(file.text.as_bytes())
            .and_then(|()| out.sync_all())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    wirecheck_core::check_pack_folder(staging.path())
        .context("the pack made does not load; nothing was replaced")?;
    // The old pack is moved aside, the new one put in its place, then the old one removed; were
    // the second move to fail, the old pack is put back.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let had_old = target.exists();
    if had_old {
        fs::rename(target, &old)
            .with_context(|| format!("cannot move the old pack {} aside", target.display()))?;
    }
    let staged = staging.keep();
    if let Err(err) = fs::rename(&staged, target) {
        if had_old {
            let _ = fs::rename(&old, target);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(err).with_context(|| format!("cannot put the pack in {}", target.display()));
    }
    if had_old {
        // The new pack is in place; an old folder left behind is passed over by every run.
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// An error unless `target` is an empty folder or a pack of open data.
fn refuse_unless_a_pack(target: &Path) -> anyhow::Result<()> {
    if !target.is_dir() {
        anyhow::bail!("{}: is there and is not a folder", target.display());
    }
    let empty = fs::read_dir(target)
        .with_context(|| format!("cannot read {}", target.display()))?
        .next()
        .is_none();
    if empty || PackManifest::load(target).is_ok() {
        return Ok(());
    }
    anyhow::bail!(
        "{}: is there and is no pack made by `packs import` (no {MANIFEST_NAME} of one): not replaced; choose another folder with -o",
        target.display()
    )
}
