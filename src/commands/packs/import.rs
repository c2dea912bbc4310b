//! `wirecheck packs import`: a names and titles pack made of open data.

use std::process::ExitCode;

/// Arguments of `packs import`.
#[derive(clap::Args, Debug)]
pub(crate) struct ImportArgs {}

/// Runs `packs import`.
pub(crate) fn run(_args: ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("packs import: not built yet")
}
