//! `wirecheck.yaml`: found by walking up from the working directory, it chooses packs, adds rules,
//! changes severities, ignores paths, and adds names and accepted words.
//!
//! ```yaml
//! packs: [wire, names-japan]        # shipped packs to use (default: those on by default)
//! enable: [dateline-ap, dates-ap]   # packs to add to those (house styles are off by default)
//! disable: [names-world]            # shipped packs to leave out
//! rules: [house-style/]             # more rule files or folders, relative to this file
//! severity:
//!   wire.DoubleSpace: off           # a level, or off
//!   names-japan.Names: warning
//! ignore: ["archive/**"]            # paths never checked
//! names:                            # extra known names (a `names` rule, config.Names)
//!   - name: Jane Doe
//!     note: our Tokyo correspondent
//! accept: [Ishida]                  # words never reported, whatever the rule
//! fail_level: warning             # suggestion, warning, error, or none (never fail on findings)
//! date: 2026-01-16T09:30+09:00      # publication date when neither --date nor the story gives one
//! dateline_style: ap                # the dateline style required: turns on dateline-ap, and
//!                                   # every dateline rule checks this style
//! places:                           # places added to the dateline gazetteer
//!   - name: Kesennuma
//!     country: Japan
//!     standalone: true
//! ```

pub mod packs;
pub mod suggest;
pub mod yaml_error;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::Severity;
use crate::rules::names::NameEntry;

/// The file names looked for, in order, in each folder.
pub const CONFIG_NAMES: &[&str] = &[
    "wirecheck.yaml",
    ".wirecheck.yaml",
    "wirecheck.yml",
    ".wirecheck.yml",
];

/// A severity override: a level, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelOverride {
    /// Report as a suggestion.
    Suggestion,
    /// Report as a warning.
    Warning,
    /// Report as an error.
    Error,
    /// Do not run the rule.
    Off,
}

impl LevelOverride {
    /// The level, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            LevelOverride::Suggestion => Some(Severity::Suggestion),
            LevelOverride::Warning => Some(Severity::Warning),
            LevelOverride::Error => Some(Severity::Error),
            LevelOverride::Off => None,
        }
    }
}

/// The lowest severity that makes `check` fail, or `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    /// Any finding fails.
    Suggestion,
    /// Warnings and errors fail.
    Warning,
    /// Only errors fail.
    Error,
    /// Never fail on findings.
    None,
}

impl FailLevel {
    /// The lowest severity that fails, or `None` for `none`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailLevel::Suggestion => Some(Severity::Suggestion),
            FailLevel::Warning => Some(Severity::Warning),
            FailLevel::Error => Some(Severity::Error),
            FailLevel::None => None,
        }
    }
}

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
    /// Per-rule severity overrides.
    #[serde(default)]
    pub severity: BTreeMap<String, LevelOverride>,
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
    /// The dateline house style required of every story (`ap`, `reuters`, …).
    #[serde(default)]
    pub dateline_style: Option<String>,
    /// Places added to the dateline gazetteer.
    #[serde(default)]
    pub places: Vec<crate::knowledge::gazetteer::Place>,
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
            serde_yaml::from_str(&text).map_err(|e| {
                let described = crate::config::yaml_error::describe(&e, "wirecheck config");
                ConfigError {
                    path: path.display().to_string(),
                    location: described.location(),
                    message: described.message,
                }
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

    /// What the checks of a run know from the configuration: its publication date, dateline
    /// style and places.
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
        Ok(crate::rules::Context {
            configured_date,
            dateline_style: self.dateline_style.clone(),
            places: std::sync::Arc::new(crate::knowledge::gazetteer::Gazetteer::from_places(
                &self.places,
            )),
            ..crate::rules::Context::default()
        })
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
    fn problem(&self, message: String) -> SetupError {
        self.problem_at("", None, message)
    }

    /// An error about the value `value` of the top-level `key`, at its position in the file
    /// when it can be found there.
    fn problem_at(&self, key: &str, value: Option<&str>, message: String) -> SetupError {
        let path = self
            .path
            .as_ref()
            .map_or_else(|| "configuration".to_owned(), |p| p.display().to_string());
        let location = value
            .and_then(|value| position_of_value(&self.text, key, value))
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
        let mut sources: Vec<_> = crate::config::packs::builtin_sources()
            .filter(|s| self.uses_pack(&s.pack))
            .collect();
        for path in self.rule_paths().iter().chain(extra_rule_paths) {
            sources.extend(crate::config::packs::load_path(path)?);
        }
        if !self.names.is_empty() {
            sources.push(self.names_rule()?);
        }
        let mut set = crate::RuleSet::compile(sources)?;
        for (id, level) in &self.severity {
            if !set.set_severity(id, level.severity()) {
                let ids = set.rules().iter().map(|rule| rule.id.as_str());
                let hint = crate::config::suggest::did_you_mean(id, ids, '\'')
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
        }
        set.accept_words(self.accept.iter().cloned());
        Ok(set)
    }

    /// The config's `names:` as a `names` rule, `config.Names`.
    fn names_rule(&self) -> Result<crate::rules::RuleSource, SetupError> {
        #[derive(serde::Serialize)]
        struct NamesRule<'a> {
            extends: &'a str,
            message: &'a str,
            level: &'a str,
            description: &'a str,
            names: &'a [NameEntry],
        }
        let rule = NamesRule {
            extends: "names",
            message: "'%s' is close to the known name '%s' (%s)",
            level: "error",
            description: "Names listed in the configuration file, and their near-miss misspellings.",
            names: &self.names,
        };
        let yaml = serde_yaml::to_string(&rule).map_err(|e| self.problem(format!("names: {e}")))?;
        let origin = self
            .path
            .as_ref()
            .map_or_else(|| "configuration".to_owned(), |p| p.display().to_string());
        Ok(crate::rules::RuleSource {
            pack: "config".to_owned(),
            name: "Names".to_owned(),
            origin,
            yaml,
        })
    }
}

/// Where `value` is written under the top-level `key` of a YAML `text`, as (line, column) from 1:
/// its first appearance as a whole word after `key:`.
fn position_of_value(text: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    if value.is_empty() {
        return None;
    }
    let key_at = text
        .match_indices(&format!("{key}:"))
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'))?;
    let part_of_word = |c: char| c.is_alphanumeric() || "-_.".contains(c);
    let after_key = key_at + key.len() + 1;
    let at = text[after_key..]
        .match_indices(value)
        .map(|(at, _)| after_key + at)
        .find(|&at| {
            !text[..at].ends_with(part_of_word)
                && !text[at + value.len()..].starts_with(part_of_word)
        })?;
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = text[..at].matches('\n').count() + 1;
    let column = text[line_start..at].chars().count() + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_under_their_key() {
        let text = "enable: [names-world]\ndisable:\n  - wire\n  - names-world\n";
        assert_eq!(
            position_of_value(text, "disable", "names-world"),
            Some((4, 5))
        );
        assert_eq!(
            position_of_value(text, "enable", "names-world"),
            Some((1, 10))
        );
        assert_eq!(position_of_value(text, "disable", "names"), None);
        assert_eq!(position_of_value(text, "packs", "wire"), None);
        let text = "severity:\n  wire.Doubled: off\n  wire.DoubledWord: off\n";
        assert_eq!(
            position_of_value(text, "severity", "wire.DoubledWord"),
            Some((3, 3))
        );
    }
}
