//! `wirecheck packs sync`: fetches the packs of open data into the user's cache folder.

use std::process::ExitCode;

use super::RuleOptions;

/// Arguments of `packs sync`.
#[derive(clap::Args, Debug)]
pub(crate) struct SyncArgs {}

/// Runs `packs sync`.
pub(crate) fn run(_args: SyncArgs, _rule_options: &RuleOptions) -> anyhow::Result<ExitCode> {
    anyhow::bail!("packs sync: not built yet")
}
