//! `wirecheck packs` alone: every pack with the day its facts were verified.

use std::process::ExitCode;

use super::RuleOptions;

/// Arguments of the listing.
#[derive(clap::Args, Debug)]
pub(crate) struct ListArgs {}

/// Lists the packs.
pub(crate) fn run(_args: ListArgs, rule_options: &RuleOptions) -> anyhow::Result<ExitCode> {
    let (_config, rules) = rule_options.load()?;
    let mut packs: Vec<&str> = rules
        .rules()
        .iter()
        .map(|rule| rule.pack.as_str())
        .collect();
    packs.dedup();
    for pack in packs {
        println!("{pack}");
    }
    Ok(ExitCode::SUCCESS)
}
