//! Packs of open data that `wirecheck packs sync` fetched into the user's cache folder: each a
//! pack folder with a `pack.yaml` ([`PackManifest`]) saying where its data came from, the day
//! it is of, and the shipped rules it replaces. The caller says where the folder is
//! ([`crate::Config::synced_packs_dir`]); this module reads what is there and nothing else.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::config::packs::PackError;

/// The name of a pack folder's manifest.
pub const MANIFEST_NAME: &str = "pack.yaml";

/// A pack of open data's `pack.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackManifest {
    /// Where the facts come from ("Wikidata").
    pub source: String,
    /// The data's licence.
    pub licence: String,
    /// The day the data is of.
    pub verified: Date,
    /// The results the pack was made of: a file, or the endpoint queried.
    pub results: String,
    /// The SPARQL endpoint, when the data was fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The query, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Shipped rules (`pack.Rule`) this pack takes the place of, when synced.
    #[serde(default)]
    pub replaces: Vec<String>,
    /// Terms of office written.
    #[serde(default)]
    pub holders: usize,
    /// Titles written.
    #[serde(default)]
    pub posts: usize,
    /// People written to `Names.yml`.
    #[serde(default)]
    pub people: usize,
    /// People left out of `Names.yml` because a shipped pack lists them.
    #[serde(default)]
    pub people_in_shipped_packs: usize,
    /// Terms left out, by reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dropped: BTreeMap<String, usize>,
    /// The program that wrote the pack.
    #[serde(default)]
    pub generator: String,
}

impl PackManifest {
    /// Reads the manifest of the pack folder `dir`.
    pub fn load(dir: &Path) -> Result<PackManifest, PackError> {
        let path = dir.join(MANIFEST_NAME);
        let error = |message: String| PackError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| error(e.to_string()))?;
        crate::yaml::from_str(&text, "pack manifest").map_err(|e| PackError {
            path: format!("{}{}", path.display(), e.location()),
            message: e.message,
        })
    }
}

/// Where `packs sync` fetches from: the config's `sync:`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncSettings {
    /// The SPARQL endpoint (default: Wikidata's).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// A file holding the query to send, relative to the config file (default: README's).
    #[serde(default)]
    pub query: Option<PathBuf>,
    /// A contact (a URL or an e-mail address) for the User-Agent, as Wikimedia's policy asks of
    /// a client: the newsroom's, so that the service's operators can reach whoever runs it.
    #[serde(default)]
    pub contact: Option<String>,
}

/// A synced pack found in the cache folder.
#[derive(Clone, Debug)]
pub struct SyncedPack {
    /// Its name: its folder's.
    pub name: String,
    /// Its folder.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest: PackManifest,
}

/// The synced packs in `dir`, by name: every folder with a `pack.yaml` (folders starting with a
/// dot are a sync's work in progress or an old pack being replaced, and are passed over). No
/// folder: no packs.
pub(crate) fn find_synced(dir: &Path) -> Result<Vec<SyncedPack>, PackError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => {
            return Err(PackError {
                path: dir.display().to_string(),
                message: err.to_string(),
            });
        }
    };
    let mut packs = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with('.') || !path.join(MANIFEST_NAME).is_file() {
            continue;
        }
        packs.push(SyncedPack {
            name: name.to_owned(),
            manifest: PackManifest::load(&path)?,
            dir: path,
        });
    }
    packs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(packs)
}

/// Compiles the rules of the pack folder `dir` as a run loads them, and gives how many there
/// are: a pack is put in place only when this passes.
pub fn check_pack_folder(dir: &Path) -> Result<usize, crate::config::SetupError> {
    let sources = crate::config::packs::load_path(dir)?;
    let set = crate::RuleSet::compile(sources)?;
    Ok(set.rules().len())
}
