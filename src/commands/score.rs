//! `wirecheck score`: corpus and sentence quality scores.

use std::process::ExitCode;

/// Arguments of `wirecheck score`.
#[derive(clap::Args)]
pub struct ScoreArgs {}

/// Runs `wirecheck score`.
pub fn run(_args: ScoreArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("wirecheck score is not implemented yet")
}
