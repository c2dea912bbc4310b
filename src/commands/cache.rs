//! The user's cache folder, where `wirecheck packs sync` puts the packs it fetched and later runs
//! find them: `$WIRECHECK_CACHE_DIR` when set, else the platform's cache folder
//! (`$XDG_CACHE_HOME/wirecheck`, by default `~/.cache/wirecheck`), with the packs in `packs/`.

use std::path::PathBuf;

use etcetera::BaseStrategy as _;
use jiff::civil::Date;
use wirecheck_core::Config;

/// The environment variable that names the cache folder instead of the platform's.
pub(crate) const CACHE_DIR_VAR: &str = "WIRECHECK_CACHE_DIR";

/// wirecheck's cache folder.
pub(crate) fn cache_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let strategy = etcetera::choose_base_strategy().map_err(|err| {
        anyhow::anyhow!("cannot find the user's cache folder ({err}); set {CACHE_DIR_VAR}")
    })?;
    Ok(strategy.cache_dir().join("wirecheck"))
}

/// The folder of synced packs.
pub(crate) fn synced_packs_dir() -> anyhow::Result<PathBuf> {
    Ok(cache_dir()?.join("packs"))
}

/// "3 days old", "today", "1 day old"; a date after today is "dated in the future".
pub(crate) fn age(of: Date, today: Date) -> String {
    match (today - of).get_days() {
        0 => "from today".to_owned(),
        1 => "1 day old".to_owned(),
        days if days < 0 => "dated after today".to_owned(),
        days => format!("{days} days old"),
    }
}

/// What `--verbose` says of the synced packs in use: each with its age, and the shipped rules it
/// turns off.
pub(crate) fn synced_pack_notes(config: &Config) -> Vec<String> {
    let Ok(packs) = config.synced_packs() else {
        // The error itself is the run's: loading the rules reports it.
        return Vec::new();
    };
    let today = crate::commands::today::today(config)
        .ok()
        .map(|today| today.date);
    let mut notes = Vec::new();
    for pack in packs {
        let verified = pack.manifest.verified;
        let age = today.map_or_else(String::new, |today| format!(", {}", age(verified, today)));
        notes.push(format!(
            "synced pack '{}': data as of {verified}{age} ({})",
            pack.name,
            pack.dir.display()
        ));
        let replaced: Vec<&str> = pack
            .manifest
            .replaces
            .iter()
            .map(String::as_str)
            .filter(|id| {
                id.split_once('.')
                    .is_some_and(|(shipped, _)| config.uses_pack(shipped))
            })
            .collect();
        if !replaced.is_empty() {
            notes.push(format!(
                "synced pack '{}' replaces {}: turned off",
                pack.name,
                replaced.join(", ")
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_said_in_days() {
        let today = Date::constant(2026, 12, 1);
        assert_eq!(age(Date::constant(2026, 11, 28), today), "3 days old");
        assert_eq!(age(Date::constant(2026, 11, 30), today), "1 day old");
        assert_eq!(age(today, today), "from today");
        assert_eq!(age(Date::constant(2026, 12, 2), today), "dated after today");
        assert_eq!(age(Date::constant(2025, 12, 1), today), "365 days old");
    }
}
