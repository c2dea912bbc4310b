//! `wirecheck packs`: the rule packs a run can use (shipped, on disk, synced), each with the day
//! its facts were verified; and the commands that make packs of open data (`import`) and fetch
//! them (`sync`).

mod import;
mod list;
mod pack_folder;
mod sync;

use std::process::ExitCode;

use super::RuleOptions;

/// Arguments of `wirecheck packs`.
#[derive(clap::Args, Debug)]
pub(crate) struct PacksArgs {
    #[command(subcommand)]
    action: Option<PacksAction>,
    #[command(flatten)]
    list: list::ListArgs,
    #[command(flatten)]
    rule_options: RuleOptions,
}

#[derive(clap::Subcommand, Debug)]
enum PacksAction {
    /// Make a names and titles pack of open data (Wikidata's SPARQL results).
    Import(import::ImportArgs),
    /// Fetch the packs of open data into the user's cache folder, for later runs to use.
    Sync(sync::SyncArgs),
}

/// Runs `wirecheck packs`.
pub(crate) fn run(args: PacksArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        None => list::run(args.list, &args.rule_options),
        Some(PacksAction::Import(import)) => import::run(import),
        Some(PacksAction::Sync(sync)) => sync::run(sync, &args.rule_options),
    }
}
