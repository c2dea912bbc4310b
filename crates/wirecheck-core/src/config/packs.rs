//! Where rules come from: the packs shipped inside the binary, and rule files or folders on disk.

use std::fs;
use std::path::Path;

use crate::rules::RuleSource;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Why rule files could not be read from disk.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct PackError {
    /// The file or folder.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The names of the shipped packs, in order.
pub fn builtin_pack_names() -> Vec<&'static str> {
    BUILTIN_PACKS.iter().map(|(pack, _)| *pack).collect()
}

/// `Ok` when `pack` names a shipped pack; else what to say about it: the closest names and the
/// list.
pub fn check_pack_name(pack: &str) -> Result<(), String> {
    let known = builtin_pack_names();
    if known.contains(&pack) {
        return Ok(());
    }
    let hint = crate::config::suggest::did_you_mean(pack, known.iter().copied(), '\'')
        .map(|h| format!("{h} "))
        .unwrap_or_default();
    Err(format!(
        "unknown pack '{}' ({hint}shipped packs: {})",
        crate::document::excerpt::excerpt(pack),
        known.join(", ")
    ))
}

/// True when the shipped pack `pack` is on unless the configuration leaves it out. Packs that
/// contradict each other (house styles) are off unless chosen: their folder's `pack.yaml` says
/// `default: false`.
pub fn is_default_pack(pack: &str) -> bool {
    BUILTIN_PACKS
        .iter()
        .any(|(name, on_by_default)| *name == pack && *on_by_default)
}

/// The shipped packs that are off unless chosen, in order.
pub fn optional_pack_names() -> Vec<&'static str> {
    BUILTIN_PACKS
        .iter()
        .filter(|(_, on_by_default)| !on_by_default)
        .map(|(pack, _)| *pack)
        .collect()
}

/// The rules of the shipped packs.
pub fn builtin_sources() -> impl Iterator<Item = RuleSource> {
    BUILTIN_RULES.iter().map(|(pack, name, yaml)| RuleSource {
        files: Default::default(),
        pack: (*pack).to_owned(),
        name: (*name).to_owned(),
        origin: format!("builtin:rules/{pack}/{name}.yml"),
        yaml: (*yaml).to_owned(),
    })
}

/// True for a rule file: a YAML file other than a pack's manifest (`pack.yaml`).
fn is_rule_file(path: &Path) -> bool {
    path.is_file()
        && path
            .file_name()
            .is_none_or(|name| name != crate::config::synced::MANIFEST_NAME)
        && matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml")
        )
}

/// Reads the rules at `path`: a rule file (its pack is its folder's name), a pack folder of rule
/// files, or a folder of pack folders (Vale's `StylesPath`).
pub(crate) fn load_path(path: &Path) -> Result<Vec<RuleSource>, PackError> {
    let error = |message: String| PackError {
        path: path.display().to_string(),
        message,
    };
    let metadata = fs::metadata(path).map_err(|e| error(e.to_string()))?;
    if metadata.is_file() {
        let pack = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty())
            .unwrap_or("local");
        return Ok(vec![read_rule(path, pack)?]);
    }
    let mut sources = Vec::new();
    let pack = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("local")
        .to_owned();
    for entry in sorted_entries(path)? {
        if is_rule_file(&entry) {
            sources.push(read_rule(&entry, &pack)?);
        } else if entry.is_dir() {
            let sub_pack = entry
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("local")
                .to_owned();
            for file in sorted_entries(&entry)?
                .into_iter()
                .filter(|p| is_rule_file(p))
            {
                sources.push(read_rule(&file, &sub_pack)?);
            }
        }
    }
    if sources.is_empty() {
        return Err(error("no rule files (*.yml, *.yaml) found".to_owned()));
    }
    Ok(sources)
}

fn sorted_entries(dir: &Path) -> Result<Vec<std::path::PathBuf>, PackError> {
    let entries = fs::read_dir(dir).map_err(|e| PackError {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    Ok(paths)
}

fn read_rule(path: &Path, pack: &str) -> Result<RuleSource, PackError> {
    let error = |message: String| PackError {
        path: path.display().to_string(),
        message,
    };
    let bytes = fs::read(path).map_err(|e| error(e.to_string()))?;
    let yaml = String::from_utf8(bytes).map_err(|e| error(format!("not UTF-8: {e}")))?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("rule")
        .to_owned();
    let mut source = RuleSource {
        files: Default::default(),
        pack: pack.to_owned(),
        name,
        origin: path.display().to_string(),
        yaml,
    };
    // The StylesPath is the folder of the rule's pack folder.
    let styles_path = path.parent().and_then(Path::parent);
    crate::config::rule_files::read_rule_files(&mut source, styles_path)?;
    Ok(source)
}
