//! Vale's built-in style `Vale`, as Vale 3.15 defines it: `Vale.Spelling` and
//! `Vale.Repetition` always (when a section asks for the style), `Vale.Terms` when the
//! vocabularies accept a term, `Vale.Avoid` when they reject one. Each is a [`RuleSource`] of
//! YAML text, its level the configuration's if it gives one (`Vale.Terms = warning`).

use serde_json::{Value, json};

use super::config::{ConfigError, ValeConfig};
use super::vocab::is_phrase;
use crate::rules::RuleSource;

/// The built-in style's name.
pub const STYLE: &str = "Vale";

/// Where the built-in rules come from, for messages.
const ORIGIN: &str = "builtin:Vale";

/// The built-in rules `config` turns on, in Vale's order; `Vale.Spelling` reads the
/// dictionaries and word lists of the first styles folder (`config/dictionaries`,
/// `config/ignore`).
pub(crate) fn sources(config: &ValeConfig) -> Result<Vec<RuleSource>, ConfigError> {
    let mut rules = vec![
        (
            "Repetition",
            json!({
                "extends": "repetition",
                "message": "'%s' is repeated!",
                "level": "error",
                "scope": "text",
                // Vale 3.15.1 flags "A a" (its suite's checks/Repetition).
                "ignorecase": true,
                "alpha": true,
                "action": {"name": "edit", "params": ["truncate", " "]},
                "tokens": [r"[^\s]+"],
            }),
        ),
        (
            "Spelling",
            json!({
                "extends": "spelling",
                "message": "Did you really mean '%s'?",
                "level": "error",
                "scope": "text",
                "action": {"name": "suggest", "params": ["spellings"]},
                "append": true,
            }),
        ),
    ];
    if !config.accepted().is_empty() {
        // Vale keys the swap by the lower-cased term; a later term replaces an earlier one.
        let mut swap = serde_json::Map::new();
        // Vale 3.15.1 swaps regex terms too ("[Oo]bservability", its suite's misc/Vocab); a
        // regex is keyed as written, since lower-casing would change its escapes (`\S`).
        for term in config.accepted() {
            let key = if is_phrase(term) {
                term.to_lowercase()
            } else {
                term.clone()
            };
            swap.insert(key, Value::String(term.clone()));
        }
        rules.push((
            "Terms",
            json!({
                "extends": "substitution",
                "message": "Use '%s' instead of '%s'.",
                "level": "error",
                "scope": "text",
                "ignorecase": true,
                "swap": swap,
                "vocab": false,
            }),
        ));
    }
    if !config.rejected().is_empty() {
        rules.push((
            "Avoid",
            json!({
                "extends": "existence",
                "message": "Avoid using '%s'.",
                "level": "error",
                "scope": "text",
                "ignorecase": false,
                "tokens": config.rejected(),
            }),
        ));
    }
    let spelling_files = match config.styles_paths.first() {
        Some(styles) => crate::config::rule_files::vale_spelling_files(styles)?,
        None => Default::default(),
    };
    Ok(rules
        .into_iter()
        .map(|(name, mut rule)| {
            if let Some(level) = config.level_of(&format!("{STYLE}.{name}")) {
                rule["level"] = Value::String(level.to_string());
            }
            RuleSource {
                pack: STYLE.to_owned(),
                name: name.to_owned(),
                origin: format!("{ORIGIN}.{name}"),
                // JSON is YAML: serde_json quotes every term safely.
                yaml: serde_json::to_string_pretty(&rule).unwrap_or_default(),
                files: if name == "Spelling" {
                    spelling_files.clone()
                } else {
                    Default::default()
                },
            }
        })
        .collect())
}
