//! One module per subcommand: its clap arguments and the function that runs it.

pub(crate) mod cache;
pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod diff;
pub(crate) mod diff_git;
pub(crate) mod diff_unified;
pub(crate) mod init;
pub(crate) mod library_values;
pub(crate) mod man;
pub(crate) mod packs;
pub(crate) mod rules;
pub(crate) mod score;
pub(crate) mod server;
pub(crate) mod today;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap_complete::engine::ArgValueCandidates;
use wirecheck_core::Config;
use wirecheck_core::RuleSet;

/// Options that choose the rules: config file and extra rule paths.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct RuleOptions {
    /// A rule file or folder to load besides the shipped packs (repeatable).
    #[arg(long = "rules", value_name = "PATH", global = true)]
    pub rules: Vec<PathBuf>,
    /// Use this config file instead of the `wirecheck.yaml` found from the working directory up.
    #[arg(long, value_name = "FILE", global = true, conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no config file: neither a wirecheck.yaml nor a .vale.ini (unless --vale-config names
    /// one).
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Use only these shipped packs, comma-separated (replaces the config's `packs:`).
    #[arg(long, value_name = "PACKS", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::pack_names))]
    pub packs: Option<Vec<String>>,
    /// Turn on these shipped packs besides the others, comma-separated: house-style packs such as
    /// dateline-ap or dates-ap, which are off by default.
    #[arg(long, value_name = "PACKS", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::pack_names))]
    pub enable: Vec<String>,
    /// Leave out these shipped packs, comma-separated (added to the config's `disable:`).
    #[arg(long, value_name = "PACKS", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::pack_names))]
    pub disable: Vec<String>,
    /// Enable only these rules, comma-separated: rule ids (wire.DoubledWord), check ids
    /// (wire.Dateline.Outlet), packs (wire) or id prefixes, as `ruff --select`; replaces the
    /// packs' default set and the config's `select:`. A rule of a pack that is off by default is
    /// turned on.
    #[arg(long, value_name = "RULES", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::rule_selectors))]
    pub select: Option<Vec<String>>,
    /// Enable these rules besides the others, comma-separated (as `ruff --extend-select`).
    #[arg(long, value_name = "RULES", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::rule_selectors))]
    pub extend_select: Vec<String>,
    /// Disable these rules, comma-separated; where a select and an ignore both cover a rule, the
    /// more specific wins, and on a tie the ignore (as `ruff --ignore`).
    #[arg(long, value_name = "RULES", value_delimiter = ',', global = true,
        add = ArgValueCandidates::new(completions::rule_selectors))]
    pub ignore: Vec<String>,
    /// Use none of the packs `wirecheck packs sync` fetched into the cache folder (as the
    /// config's `synced: false`; --no-config uses none either).
    #[arg(long, global = true)]
    pub no_synced: bool,
}

impl RuleOptions {
    /// The config in force: the one named, the one found, or the defaults; with `--packs`,
    /// `--enable` and `--disable` applied.
    pub(crate) fn config(&self) -> anyhow::Result<Config> {
        self.config_from(None)
    }

    /// [`Self::config`], the config file discovered from `start` (else the working directory) up:
    /// an editor's workspace folder, with no change of the working directory.
    pub(crate) fn config_from(&self, start: Option<&Path>) -> anyhow::Result<Config> {
        // A misspelt pack here is the flag's fault, not the config file's.
        let named = [
            ("--packs", self.packs.as_deref().unwrap_or_default()),
            ("--enable", &self.enable),
            ("--disable", &self.disable),
        ];
        for (flag, packs) in named {
            for pack in packs {
                wirecheck_core::check_pack_name(pack)
                    .map_err(|message| anyhow::anyhow!("{flag}: {message}"))?;
            }
        }
        let mut config = self.file_config(start)?;
        if let Some(packs) = &self.packs {
            config.packs = Some(packs.clone());
        }
        config.enable.extend(self.enable.iter().cloned());
        config.disable.extend(self.disable.iter().cloned());
        config.command_line_selection = wirecheck_core::SelectionLayer {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
        };
        // Synced packs are the user's, like a config: a run with neither uses the defaults only.
        // Without a cache folder there are none to use, which is no error.
        if !self.no_synced && !self.no_config {
            config.synced_packs_dir = cache::synced_packs_dir().ok();
        }
        Ok(config)
    }

    fn file_config(&self, start: Option<&Path>) -> anyhow::Result<Config> {
        if self.no_config {
            return Ok(Config::default());
        }
        let path = match &self.config {
            Some(path) => Some(path.clone()),
            None => match start {
                Some(start) => Config::discover(start),
                None => Config::discover(
                    &std::env::current_dir().context("cannot read the working directory")?,
                ),
            },
        };
        Ok(match path {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        })
    }

    /// The config and the compiled rules.
    pub(crate) fn load(&self) -> anyhow::Result<(Config, RuleSet)> {
        self.load_from(None, true)
    }

    /// [`Self::load`] with the config discovered from `start` ([`Self::config_from`]); the
    /// warnings about the rules are printed only when `warn` (not with `check --quiet`).
    pub(crate) fn load_from(
        &self,
        start: Option<&Path>,
        warn: bool,
    ) -> anyhow::Result<(Config, RuleSet)> {
        let config = self.config_from(start)?;
        let rules = config.rule_set(&self.rules)?;
        if !warn {
            return Ok((config, rules));
        }
        for skipped in rules.skipped() {
            eprintln!("warning: {skipped}: rule kind not supported by wirecheck; skipped");
        }
        for warning in rules.warnings() {
            eprintln!("warning: {warning}");
        }
        Ok((config, rules))
    }
}
