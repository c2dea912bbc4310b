//! `wirecheck init`: writes a commented starter `wirecheck.yaml` in the working directory.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

/// The starter configuration: every key, commented, with the defaults it would have.
const STARTER: &str = r#"# Configuration of wirecheck, found by walking up from the working directory.
# Every key is optional; `wirecheck rules` lists the rules, `wirecheck rules explain ID` explains one.

# Shipped packs to use (default: every pack that is on by default: wire, names-japan, names-world).
# packs: [wire, names-japan, names-world]

# Packs that are off by default (house styles) to turn on.
# enable: [dateline-ap, dates-ap]

# Shipped packs to leave out.
# disable: [names-world]

# Your own rule files or folders (Vale's format), relative to this file.
# rules: [house-style/]

# Per-rule severity (suggestion, warning, error) or off.
# severity:
#   wire.DoubleSpace: off
#   names-japan.Names: warning

# Globs of paths never checked.
# ignore: ["archive/**"]

# Names your desk writes about, checked for near-miss misspellings (rule config.Names).
# names:
#   - name: Jane Doe
#     note: our Tokyo correspondent

# Words never reported, whatever the rule.
# accept: []

# The lowest severity that makes `wirecheck check` exit 1 (suggestion, warning, error), or none.
# fail_level: warning

# Dateline house style to require, a fallback publication date, and your own dateline places.
# dateline_style: ap
# date: 2026-01-16
# places:
#   - {name: Kesennuma, country: Japan, standalone: true}

# Undated copy is published today: the time zone today is taken in (default: the system's).
# time_zone: Asia/Tokyo

# Days a pack's facts are trusted after their verified date (`wirecheck packs` lists the dates).
# Past them, a titles mismatch is a warning without a fix.
# pack_grace_days: 90
"#;

/// Arguments of `wirecheck init`.
#[derive(clap::Args, Debug)]
pub(crate) struct InitArgs {
    /// Overwrite an existing `wirecheck.yaml`.
    #[arg(long)]
    force: bool,
}

/// Runs `wirecheck init`.
pub(crate) fn run(args: InitArgs) -> anyhow::Result<ExitCode> {
    let path = Path::new("wirecheck.yaml");
    if path.exists() && !args.force {
        bail!("wirecheck.yaml already exists (use --force to overwrite it)");
    }
    wirecheck_core::write_atomically(path, STARTER.as_bytes())
        .context("cannot write wirecheck.yaml")?;
    eprintln!("wrote wirecheck.yaml");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_config_parses_as_is_and_with_every_key_uncommented() {
        let as_is: wirecheck_core::Config =
            wirecheck_core::yaml::from_str(STARTER, "wirecheck config").unwrap_or_default();
        assert!(as_is.packs.is_none());
        // Prose comments start with a capital; commented-out settings with a key or indentation.
        let uncommented: String = STARTER
            .lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase() || c == ' '))
            .map(|line| format!("{line}\n"))
            .collect();
        let config: wirecheck_core::Config =
            wirecheck_core::yaml::from_str(&uncommented, "wirecheck config")
                .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(config.disable, ["names-world"]);
        assert_eq!(config.names.len(), 1);
        assert_eq!(config.time_zone.as_deref(), Some("Asia/Tokyo"));
        assert_eq!(config.pack_grace_days, Some(90));
    }
}
