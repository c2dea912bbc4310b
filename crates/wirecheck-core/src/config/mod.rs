//! `wirecheck.yaml`: found by walking up from the working directory, it chooses packs, adds rules,
//! changes severities, ignores paths, and adds names and accepted words.
//!
//! ```yaml
//! packs: [wire, names-japan]        # shipped packs to use (default: those on by default)
//! enable: [dateline-ap, dates-ap]   # packs to add to those (house styles are off by default)
//! disable: [names-world]            # shipped packs to leave out
//! rules: [house-style/]             # more rule files or folders, relative to this file
//! severity:                        # by rule id, check id or pack; the most specific wins
//!   wire.DoubleSpace: off           # a level, or off
//!   names-japan.Names: warning
//!   wire.Dateline.Outlet: error     # one check of a rule (`wire.Dateline: off`: all of them)
//! select: [wire, dateline-ap.Dateline] # the rules enabled, replacing the packs' default set
//!                                   # (ids, checks, packs or id prefixes, as ruff's `select`)
//! extend_select: [dates-ap.Dates]   # rules enabled besides
//! ignore_rules: [wire.DoubleSpace]  # rules disabled; the more specific selector wins
//! unsafe_fixes: true                # --fix also applies the fixes rules do not mark safe
//! ignore: ["archive/**"]            # paths never checked
//! names:                            # extra known names (a `names` rule, config.Names)
//!   - name: Jane Doe
//!     note: our Tokyo correspondent
//! accept: [Ishida]                  # words never reported, whatever the rule
//! fail_level: warning             # suggestion, warning, error, or none (never fail on findings)
//! date: 2026-01-16T09:30+09:00      # publication date when neither --date nor the story gives one
//! time_zone: Asia/Tokyo             # the zone today is taken in, for undated copy (default: the
//!                                   # system's)
//! pack_grace_days: 90               # days a pack's facts are trusted after their `verified:`
//! dateline_style: ap                # the dateline style required: turns on dateline-ap, and
//!                                   # every dateline rule checks this style
//! places:                           # places added to the dateline gazetteer
//!   - name: Kesennuma
//!     country: Japan
//!     standalone: true
//! synced: true                      # use the packs `wirecheck packs sync` fetched (default)
//! sync:                             # where `packs sync` fetches from
//!   endpoint: https://query.wikidata.org/sparql
//!   query: queries/holders.rq       # relative to this file (default: README's query)
//! ```

pub(crate) mod packs;
pub(crate) mod rule_files;
pub(crate) mod rule_selection;
pub(crate) mod suggest;
pub(crate) mod synced;
pub(crate) mod wikidata;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::names::NameEntry;
use crate::severity::{FailLevel, Severity};

/// The file names looked for, in order, in each folder.
pub const CONFIG_NAMES: &[&str] = &[
    "wirecheck.yaml",
    ".wirecheck.yaml",
    "wirecheck.yml",
    ".wirecheck.yml",
];

/// The contents of a `wirecheck.yaml`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Shipped packs to use; those on by default when absent.
    #[serde(default)]
    pub packs: Option<Vec<String>>,
    /// Shipped packs to use besides `packs` (or the default ones): house-style packs.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Shipped packs to leave out.
    #[serde(default)]
    pub disable: Vec<String>,
    /// More rule files or folders, relative to the config file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Per-rule severity overrides: a level, or `None` for `off` (the rule is not run).
    #[serde(default, deserialize_with = "crate::severity::deserialize_rule_levels")]
    pub severity: BTreeMap<String, Option<Severity>>,
    /// Rule selectors enabling rules, replacing the default set ([`rule_selection`]).
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// Rule selectors enabling rules besides.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rule selectors disabling rules (`ignore:` is for paths).
    #[serde(default)]
    pub ignore_rules: Vec<String>,
    /// Whether `--fix` also applies the fixes rules do not mark safe.
    #[serde(default)]
    pub unsafe_fixes: Option<bool>,
    /// The command line's rule selectors, set by the caller: they override the file's, as
    /// ruff's do.
    #[serde(skip)]
    pub command_line_selection: rule_selection::SelectionLayer,
    /// Globs of paths never checked, relative to the config file's folder.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Extra known names.
    #[serde(default)]
    pub names: Vec<NameEntry>,
    /// Words never reported.
    #[serde(default)]
    pub accept: Vec<String>,
    /// The lowest severity that makes `check` fail, or `none`.
    #[serde(default)]
    pub fail_level: Option<FailLevel>,
    /// The publication date to use when neither `--date` nor the story gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// The time zone (an IANA name, `Asia/Tokyo`) in which the command line takes today, the
    /// publication date of undated copy; the system's when absent.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// How many days after their verified date a pack's facts are trusted (90 when absent).
    #[serde(default)]
    pub pack_grace_days: Option<u32>,
    /// The dateline house style required of every story (`ap`, `reuters`, …).
    #[serde(default)]
    pub dateline_style: Option<String>,
    /// Places added to the dateline gazetteer.
    #[serde(default)]
    pub places: Vec<crate::knowledge::gazetteer::Place>,
    /// Whether the packs `wirecheck packs sync` fetched are used (default: yes).
    #[serde(default)]
    pub synced: Option<bool>,
    /// Where `wirecheck packs sync` fetches from.
    #[serde(default)]
    pub sync: synced::SyncSettings,
    /// The folder of synced packs, set by the caller (the binary's cache folder); `None` uses
    /// none. Core reads no environment.
    #[serde(skip)]
    pub synced_packs_dir: Option<PathBuf>,
    /// The folder the config file is in; relative paths start there.
    #[serde(skip)]
    pub root: PathBuf,
    /// The config file, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The config file's text, to give the position of a name it misspells; empty for a config
    /// not read from a file.
    #[serde(skip)]
    pub text: String,
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}{location}: {message}")]
pub struct ConfigError {
    /// The config file.
    pub path: String,
    /// `:line:column`, when known.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Reads and parses a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.display().to_string(),
            location: String::new(),
            message: e.to_string(),
        })?;
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            crate::yaml::from_str(&text, "wirecheck config").map_err(|e| ConfigError {
                path: path.display().to_string(),
                location: e.location(),
                message: e.message,
            })?
        };
        config.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        config.text = text;
        Ok(config)
    }

    /// Finds the config file in `start` or the nearest folder above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start.ancestors().find_map(|dir| {
            CONFIG_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
    }

    /// True when the shipped pack `pack` is in use: named in `packs` (or on by default when
    /// `packs` is absent), in `enable`, or the `dateline-<style>` pack of `dateline_style`; and
    /// not in `disable`.
    pub fn uses_pack(&self, pack: &str) -> bool {
        let chosen = match &self.packs {
            Some(packs) => packs.iter().any(|p| p == pack),
            None => crate::config::packs::is_default_pack(pack),
        };
        let styled = self
            .dateline_style
            .as_ref()
            .is_some_and(|style| pack.strip_prefix("dateline-") == Some(style.as_str()));
        (chosen || styled || self.enable.iter().any(|p| p == pack))
            && !self.disable.iter().any(|p| p == pack)
    }

    /// The time zone of `time_zone:`, read from the system's time zone database; `None` when
    /// the key is absent. An unknown name is an error at its place in the file.
    pub fn time_zone(&self) -> Result<Option<jiff::tz::TimeZone>, SetupError> {
        let Some(name) = self.time_zone.as_deref() else {
            return Ok(None);
        };
        jiff::tz::TimeZone::get(name).map(Some).map_err(|_| {
            self.problem_at(
                "time_zone",
                Some(name),
                format!(
                    "time_zone: unknown time zone '{}' (expected an IANA name such as \
                     Asia/Tokyo or Europe/London)",
                    crate::document::excerpt::excerpt(name)
                ),
            )
        })
    }

    /// What the checks of a run know from the configuration: its publication date, time zone
    /// (checked here; the caller takes today in it), pack grace, dateline style and places.
    pub fn context(&self) -> Result<crate::rules::Context, SetupError> {
        use crate::knowledge::publication::{DateSource, PublicationDate};
        let configured_date = self
            .date
            .as_deref()
            .map(|text| PublicationDate::parse(text, DateSource::Config))
            .transpose()
            .map_err(|e| self.problem_at("date", self.date.as_deref(), format!("date: {e}")))?;
        if let Some(style) = &self.dateline_style {
            let styles = crate::knowledge::house_style::HouseStyles::shipped();
            if styles.get(style).is_none() {
                let hint = crate::config::suggest::did_you_mean(style, styles.ids(), '\'')
                    .map(|h| format!("{h} "))
                    .unwrap_or_default();
                return Err(self.problem_at(
                    "dateline_style",
                    Some(style),
                    format!(
                        "dateline_style: unknown style '{}' ({hint}styles: {})",
                        crate::document::excerpt::excerpt(style),
                        styles.ids().join(", ")
                    ),
                ));
            }
        }
        self.time_zone()?;
        Ok(crate::rules::Context {
            configured_date,
            pack_grace: self
                .pack_grace_days
                .map(crate::knowledge::freshness::PackGrace::days)
                .unwrap_or_default(),
            dateline_style: self.dateline_style.clone(),
            places: std::sync::Arc::new(crate::knowledge::gazetteer::Gazetteer::from_places(
                &self.places,
            )),
            ..crate::rules::Context::default()
        })
    }

    /// The synced packs in use: those in [`Config::synced_packs_dir`], unless `synced: false`.
    pub fn synced_packs(&self) -> Result<Vec<synced::SyncedPack>, SetupError> {
        match &self.synced_packs_dir {
            Some(dir) if self.synced != Some(false) => Ok(synced::find_synced(dir)?),
            _ => Ok(Vec::new()),
        }
    }

    /// The extra rule paths, resolved against the config's folder.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.rules.iter().map(|p| self.root.join(p)).collect()
    }
}

/// Why the rules of a run could not be assembled.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// A rule file or folder could not be read.
    #[error(transparent)]
    Pack(#[from] crate::config::packs::PackError),
    /// A rule file is invalid.
    #[error(transparent)]
    Rule(#[from] crate::rules::RuleError),
    /// A command-line flag names something that does not exist.
    #[error("{flag}: {message}")]
    Flag {
        /// The flag, `--select`.
        flag: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The config names something that does not exist.
    #[error("{path}{location}: {message}")]
    Config {
        /// The config file.
        path: String,
        /// `:line:column`, when known.
        location: String,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// An error about the value `value` of the top-level `key`, at its position in the file
    /// when it can be found there.
    fn problem_at(&self, key: &str, value: Option<&str>, message: String) -> SetupError {
        let path = self
            .path
            .as_ref()
            .map_or_else(|| "configuration".to_owned(), |p| p.display().to_string());
        let location = value
            .and_then(|value| crate::yaml::text_position(&self.text, key, value))
            .map(|(line, column)| format!(":{line}:{column}"))
            .unwrap_or_default();
        SetupError::Config {
            path,
            location,
            message,
        }
    }

    /// Compiles the rules of a run: the shipped packs in use, the config's rule paths and names,
    /// then `extra_rule_paths` (from `--rules`), with the config's severity overrides applied.
    pub fn rule_set(&self, extra_rule_paths: &[PathBuf]) -> Result<crate::RuleSet, SetupError> {
        let named = [
            ("packs", self.packs.as_deref().unwrap_or_default()),
            ("enable", &self.enable),
            ("disable", &self.disable),
        ];
        for (key, packs) in named {
            for pack in packs {
                crate::config::packs::check_pack_name(pack).map_err(|message| {
                    self.problem_at(key, Some(pack), format!("{key}: {message}"))
                })?;
            }
        }
        // A synced pack's rules take the place of the shipped rules it `replaces`.
        let synced = self.synced_packs()?;
        let replaced = |id: &str| {
            synced
                .iter()
                .any(|p| p.manifest.replaces.iter().any(|r| r == id))
        };
        let selection = self.rule_selection();
        // A rule of a pack not in use is loaded when a selector names it, on or off: the
        // selection decides on it, off by default.
        let mut loaded_for_selection = Vec::new();
        let mut sources: Vec<_> = crate::config::packs::builtin_sources()
            .filter(|s| {
                let id = format!("{}.{}", s.pack, s.name);
                if replaced(&id) {
                    return false;
                }
                if self.uses_pack(&s.pack) {
                    return true;
                }
                let touched = selection.touches(&id);
                if touched {
                    loaded_for_selection.push(id);
                }
                touched
            })
            .collect();
        for pack in &synced {
            sources.extend(crate::config::packs::load_path(&pack.dir)?);
        }
        for path in self.rule_paths().iter().chain(extra_rule_paths) {
            sources.extend(crate::config::packs::load_path(path)?);
        }
        let mut set = crate::RuleSet::compile(sources)?;
        if !self.names.is_empty() {
            set.add(self.names_rule()?);
        }
        // Checked before `severity:` drops the rules it turns off, which a selector may name.
        self.check_selectors(&set)?;
        let overrides = self
            .severity
            .iter()
            .map(|(id, level)| (id.as_str(), *level));
        if let Err(id) = set.set_severities(overrides) {
            let hint = crate::config::suggest::did_you_mean(id, set.ids(), '\'')
                .map(|h| format!("{h} "))
                .unwrap_or_default();
            return Err(self.problem_at(
                "severity",
                Some(id),
                format!(
                    "severity: unknown rule '{}' ({hint}see 'wirecheck rules')",
                    crate::document::excerpt::excerpt(id)
                ),
            ));
        }
        set.apply_selection(&selection, |rule| !loaded_for_selection.contains(&rule.id));
        // `accept:` is a filter, not a rule: the runner applies it (`RunOptions::accepted_words`).
        Ok(set)
    }

    /// The rule selection of a run: the file's `select:`, `extend_select:` and `ignore_rules:`,
    /// then the command line's.
    pub fn rule_selection(&self) -> rule_selection::RuleSelection {
        rule_selection::RuleSelection::new([
            self.file_selection(),
            self.command_line_selection.clone(),
        ])
    }

    /// The file's own selectors.
    fn file_selection(&self) -> rule_selection::SelectionLayer {
        rule_selection::SelectionLayer {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore_rules.clone(),
        }
    }

    /// An error for the first selector that covers no rule, check or pack of `set`, naming the
    /// flag or the file's key at its place, with the nearest names.
    fn check_selectors(&self, set: &crate::RuleSet) -> Result<(), SetupError> {
        let known = |name: &str| {
            set.ids().any(|id| crate::rules::ids::covers(name, id))
                || crate::config::packs::builtin_pack_names().contains(&name)
        };
        let unknown = |name: &str| {
            // Every name a selector can give, for the hint: loaded ids, their packs, and the shipped
            // rules and packs not in use.
            let mut names: Vec<String> = set.ids().map(str::to_owned).collect();
            names.extend(set.rules().iter().map(|r| r.pack.clone()));
            names.extend(
                crate::config::packs::builtin_sources().map(|s| format!("{}.{}", s.pack, s.name)),
            );
            names.extend(
                crate::config::packs::builtin_pack_names()
                    .into_iter()
                    .map(str::to_owned),
            );
            let hint = crate::config::suggest::did_you_mean_id(
                name,
                names.iter().map(String::as_str),
                '\'',
            )
            .map(|h| format!("{h} "))
            .unwrap_or_default();
            format!(
                "unknown rule, check or pack '{}' ({hint}see 'wirecheck rules')",
                crate::document::excerpt::excerpt(name)
            )
        };
        if let Some((kind, name)) = self
            .file_selection()
            .selectors()
            .find(|(_, name)| !known(name))
        {
            let key = kind.config_key();
            return Err(self.problem_at(key, Some(name), format!("{key}: {}", unknown(name))));
        }
        if let Some((kind, name)) = self
            .command_line_selection
            .selectors()
            .find(|(_, name)| !known(name))
        {
            return Err(SetupError::Flag {
                flag: kind.flag(),
                message: unknown(name),
            });
        }
        Ok(())
    }

    /// The config's `names:` as a `names` rule, `config.Names`, made from the entries as read.
    fn names_rule(&self) -> Result<crate::rules::Rule, SetupError> {
        let origin = self
            .path
            .as_ref()
            .map_or_else(|| "configuration".to_owned(), |p| p.display().to_string());
        let source = crate::rules::RuleSource {
            files: Default::default(),
            pack: "config".to_owned(),
            name: "Names".to_owned(),
            origin,
            yaml: String::new(),
        };
        let header = crate::rules::RuleHeader {
            message: "'%s' is close to the known name '%s' (%s)".to_owned(),
            level: Severity::Error,
            description: Some(
                "Names listed in the configuration file, and their near-miss misspellings."
                    .to_owned(),
            ),
            ..crate::rules::RuleHeader::of_kind("names")
        };
        Ok(crate::rules::names::rule_of_entries(
            &source,
            header,
            &self.names,
        )?)
    }
}
