//! Named checks: one rule file, several ids. A kind that finds several distinct faults (the
//! `dateline` kind: a missing dateline, an outlet for a place, the wrong dash, …) reports each
//! under its own id, `pack.Rule.Check`, with the message, description, examples and level the
//! rule file gives it under `checks:`:
//!
//! ```yaml
//! extends: dateline
//! level: warning                 # the level of every check that sets none
//! checks:
//!   Outlet:
//!     message: "The dateline names '%s', an outlet, where the place … should be, as in '%s'"
//!     description: A news outlet where the place should be.
//!     level: error               # suggestion, warning, error, or off
//!     examples:
//!       bad: ["Headline\n\nSadaNews - Tokyo and Washington agreed.\n"]
//! ```
//! A check left out of `checks:`, or `level: off`, does not run. The kind declares the checks it
//! can give ([`DeclaredCheck`]) and what fills each message's `%s` slots, in order; the rule file
//! says what the message says.

use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, SeqAccess, Visitor};

use super::{Examples, Rule, RuleError, RuleHeader, RuleSource};
use crate::finding::Severity;
use crate::severity::RuleLevel;

/// A check a kind can give under its own id, as the kind declares it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DeclaredCheck {
    /// Its name, the last segment of its id: `Outlet`.
    pub name: &'static str,
    /// What its message's `%s` slots get, in order.
    pub slots: &'static [&'static str],
    /// The slots of its message for a story without a publication date
    /// (`message_without_date:`), when it has that second form.
    pub slots_without_date: Option<&'static [&'static str]>,
    /// What it cannot find without a publication date, for `--verbose`; `None` when it needs
    /// none.
    pub needs_date: Option<&'static str>,
}

impl DeclaredCheck {
    /// A check whose message's slots get `slots` and that needs no publication date.
    pub(crate) const fn new(name: &'static str, slots: &'static [&'static str]) -> Self {
        Self {
            name,
            slots,
            slots_without_date: None,
            needs_date: None,
        }
    }

    /// This check, which cannot find `what` without a publication date.
    pub(crate) const fn needing_date(self, what: &'static str) -> Self {
        Self {
            needs_date: Some(what),
            ..self
        }
    }

    /// This check, with a second message for stories without a publication date, whose slots get
    /// `slots`.
    pub(crate) const fn with_undated_message(self, slots: &'static [&'static str]) -> Self {
        Self {
            slots_without_date: Some(slots),
            ..self
        }
    }
}

/// One of a rule's named checks, as its rule file and the configuration set it.
#[derive(Clone, Debug)]
pub struct RuleCheck {
    /// Its name, the last segment of its id: `Outlet`.
    pub name: &'static str,
    /// Its id, `pack.Rule.Check`.
    pub id: String,
    /// Severity of its findings; `None` when it is off.
    pub severity: Option<Severity>,
    /// The message; the kind fills its `%s` slots.
    pub message: String,
    /// The message for a story without a publication date, for checks that have one.
    pub message_without_date: Option<String>,
    /// What it finds and why, for `rules explain` and SARIF.
    pub description: Option<String>,
    /// Texts it must flag and texts it must leave alone.
    pub examples: Examples,
    /// What the message's `%s` slots get, in order.
    pub slots: &'static [&'static str],
    /// What it cannot find without a publication date.
    pub(crate) needs_date: Option<&'static str>,
    /// The rule file turns it off (`level: off`).
    pub off_in_file: bool,
    /// Its position in the kind's declarations: what the kind reports it by.
    pub(crate) index: usize,
}

impl RuleCheck {
    /// One line saying what the check finds: its description's first sentence, or its message.
    pub fn summary(&self) -> String {
        super::summary_of(self.description.as_deref(), &self.message)
    }
}

/// A check's block under `checks:`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckYaml {
    message: String,
    #[serde(default)]
    message_without_date: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    level: Option<RuleLevel>,
    #[serde(default)]
    examples: Examples,
}

/// The `checks:` mapping, in the order written.
struct CheckTable(Vec<(String, CheckYaml)>);

impl<'de> Deserialize<'de> for CheckTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TableVisitor;
        impl<'de> Visitor<'de> for TableVisitor {
            type Value = CheckTable;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a mapping of check names to their message, description, level and examples",
                )
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CheckTable, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, CheckYaml>()? {
                    entries.push(entry);
                }
                Ok(CheckTable(entries))
            }

            // The list form (`checks: [outlet, place]`) chose checks whose messages Rust wrote.
            fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<CheckTable, A::Error> {
                Err(serde::de::Error::custom(
                    "checks: is a mapping of each check's name to its message, description, level \
                     and examples (`checks: {Outlet: {message: \"…\"}}`), not a list; see docs/rules.md",
                ))
            }
        }
        deserializer.deserialize_any(TableVisitor)
    }
}

/// The only key read here.
#[derive(Deserialize)]
struct ChecksKey {
    #[serde(default)]
    checks: Option<CheckTable>,
}

/// The checks of the rule in `source`, whose kind declares `declared`: those `checks:` lists, in
/// the kind's order. Empty for a kind without named checks.
pub(super) fn resolve(
    source: &RuleSource,
    header: &RuleHeader,
    declared: &'static [DeclaredCheck],
) -> Result<Vec<RuleCheck>, RuleError> {
    let written = crate::yaml::key_position(&source.yaml, "checks").is_some();
    if declared.is_empty() {
        if written {
            return Err(source.invalid(format!(
                "`checks:` names the checks of a rule that finds several things (dateline, dates, \
                 reference numbers); a `{}` rule has one, whose message is `message:`",
                header.extends
            )));
        }
        return Ok(Vec::new());
    }
    let names = || {
        declared
            .iter()
            .map(|d| d.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !header.message.trim().is_empty() {
        return Err(source.invalid(format!(
            "a `{}` rule has a message for each check: write it under `checks: <Check>: message:` \
             instead of `message:` (checks: {})",
            header.extends,
            names()
        )));
    }
    let table = if written {
        source.parse::<ChecksKey>()?.checks
    } else {
        None
    };
    let Some(CheckTable(entries)) = table else {
        return Err(source.invalid(format!(
            "a `{}` rule lists the checks it runs under `checks:`, each with its message (checks: {})",
            header.extends,
            names()
        )));
    };
    let mut checks: Vec<RuleCheck> = Vec::with_capacity(entries.len());
    for (name, yaml) in entries {
        let Some(index) = declared.iter().position(|d| d.name == name) else {
            let hint =
                crate::config::suggest::did_you_mean(&name, declared.iter().map(|d| d.name), '\'')
                    .map(|h| format!("{h} "))
                    .unwrap_or_default();
            return Err(check_error(
                source,
                &name,
                format!(
                    "rule {}: unknown check '{}' ({hint}checks of `{}`: {})",
                    source.id(),
                    crate::document::excerpt::excerpt(&name),
                    header.extends,
                    names()
                ),
            ));
        };
        let declaration = &declared[index];
        let id = format!("{}.{}", source.id(), declaration.name);
        if checks.iter().any(|c| c.index == index) {
            return Err(check_error(
                source,
                &name,
                format!("rule {}: check {name} is given twice", source.id()),
            ));
        }
        check_slots(source, &id, "message", &yaml.message, declaration.slots)?;
        match (&yaml.message_without_date, declaration.slots_without_date) {
            (Some(message), Some(slots)) => {
                check_slots(source, &id, "message_without_date", message, slots)?;
            }
            (None, Some(_)) => {
                return Err(check_error(
                    source,
                    &name,
                    format!(
                        "rule {}: check {name} needs `message_without_date:`, its message for a \
                         story without a publication date",
                        source.id()
                    ),
                ));
            }
            (Some(_), None) => {
                return Err(check_error(
                    source,
                    &name,
                    format!(
                        "rule {}: check {name} has one message; `message_without_date:` is only \
                         for checks that report differently without a publication date",
                        source.id()
                    ),
                ));
            }
            (None, None) => {}
        }
        let severity = match yaml.level {
            None => Some(header.level),
            Some(RuleLevel(level)) => level,
        };
        checks.push(RuleCheck {
            name: declaration.name,
            id,
            severity,
            message: yaml.message,
            message_without_date: yaml.message_without_date,
            description: yaml.description,
            examples: yaml.examples,
            slots: declaration.slots,
            needs_date: declaration.needs_date,
            off_in_file: severity.is_none(),
            index,
        });
    }
    checks.sort_by_key(|c| c.index);
    Ok(checks)
}

/// An error about the check `name` of `source`, at its key under `checks:` when it is found.
fn check_error(source: &RuleSource, name: &str, message: String) -> RuleError {
    let position = position_of_check(&source.yaml, name);
    RuleError::Yaml {
        origin: source.origin.clone(),
        line: position.map(|(line, _)| line),
        column: position.map(|(_, column)| column),
        message,
    }
}

/// A message with more `%s` than the check fills would print empty slots: an error at load.
fn check_slots(
    source: &RuleSource,
    id: &str,
    key: &str,
    message: &str,
    slots: &[&str],
) -> Result<(), RuleError> {
    let used = message.replace("%%", "").matches("%s").count();
    if used <= slots.len() {
        return Ok(());
    }
    let name = id.rsplit('.').next().unwrap_or(id);
    let filled = if slots.is_empty() {
        "no slots".to_owned()
    } else {
        format!("{} '%s' ({})", slots.len(), slots.join(", "))
    };
    Err(check_error(
        source,
        name,
        format!("rule {id}: {key} has {used} '%s' but the check fills {filled}"),
    ))
}

/// Where the key `name:` stands under the top-level `checks:` of `yaml`, as (line, column) from
/// 1, when written in block style.
fn position_of_check(yaml: &str, name: &str) -> Option<(usize, usize)> {
    let mut lines = yaml.lines().enumerate();
    lines.find(|(_, line)| line.starts_with("checks:"))?;
    for (index, line) in lines {
        let key = line.trim_start();
        let indent = line.len() - key.len();
        if indent == 0 && !key.is_empty() && !key.starts_with('#') {
            return None;
        }
        let unquoted = key.trim_start_matches(['\'', '"']);
        if unquoted
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start_matches(['\'', '"']).starts_with(':'))
        {
            let column = line[..indent].chars().count() + 1;
            return Some((index + 1, column));
        }
    }
    None
}

/// One id a rule reports under, with what describes it: the rule itself when it has no named
/// checks, else one of its checks.
#[derive(Clone, Copy, Debug)]
pub struct ReportedId<'a> {
    /// The rule.
    pub rule: &'a Rule,
    /// The check, for a rule with named checks.
    pub check: Option<&'a RuleCheck>,
}

impl<'a> ReportedId<'a> {
    /// `pack.Rule`, or `pack.Rule.Check`.
    pub fn id(&self) -> &'a str {
        self.check.map_or(&self.rule.id, |c| &c.id)
    }

    /// The severity of its findings; `None` for a check that is off.
    pub fn severity(&self) -> Option<Severity> {
        self.check.map_or(Some(self.rule.severity), |c| c.severity)
    }

    /// Its message template.
    pub fn message(&self) -> &'a str {
        self.check.map_or(&self.rule.header.message, |c| &c.message)
    }

    /// What it finds and why.
    pub fn description(&self) -> Option<&'a str> {
        match self.check {
            Some(check) => check.description.as_deref(),
            None => self.rule.header.description.as_deref(),
        }
    }

    /// Its examples.
    pub fn examples(&self) -> &'a Examples {
        self.check
            .map_or(&self.rule.header.examples, |c| &c.examples)
    }

    /// One line saying what it finds.
    pub fn summary(&self) -> String {
        self.check
            .map_or_else(|| self.rule.summary(), RuleCheck::summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECLARED: &[DeclaredCheck] = &[
        DeclaredCheck::new("Alpha", &["the word"]),
        DeclaredCheck::new("Beta", &[]).with_undated_message(&[]),
    ];

    fn resolved(yaml: &str) -> Result<Vec<RuleCheck>, String> {
        let source = RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "R".into(),
            origin: "p/R.yml".into(),
            yaml: yaml.into(),
        };
        let header: RuleHeader = source.parse().map_err(|e| e.to_string())?;
        resolve(&source, &header, DECLARED).map_err(|e| e.to_string())
    }

    #[test]
    fn each_check_gets_its_id_message_and_level() {
        let checks = resolved(
            "extends: dates\nlevel: error\nchecks:\n  Beta:\n    message: b\n    message_without_date: b0\n    level: off\n  Alpha:\n    message: \"a %s\"\n",
        )
        .unwrap();
        let ids: Vec<(&str, Option<Severity>)> =
            checks.iter().map(|c| (c.id.as_str(), c.severity)).collect();
        assert_eq!(
            ids,
            [("p.R.Alpha", Some(Severity::Error)), ("p.R.Beta", None)]
        );
        assert_eq!(checks[0].message, "a %s");
        assert_eq!(checks[1].message_without_date.as_deref(), Some("b0"));
    }

    #[test]
    fn mistakes_are_errors_that_say_where() {
        let error = resolved("extends: dates\nchecks:\n  Alph:\n    message: a\n").unwrap_err();
        assert_eq!(
            error,
            "p/R.yml:3:3: rule p.R: unknown check 'Alph' (did you mean 'Alpha'? checks of `dates`: Alpha, Beta)"
        );
        let error =
            resolved("extends: dates\nchecks:\n  Alpha:\n    message: '%s %s'\n").unwrap_err();
        assert_eq!(
            error,
            "p/R.yml:3:3: rule p.R.Alpha: message has 2 '%s' but the check fills 1 '%s' (the word)"
        );
        let error = resolved("extends: dates\nchecks:\n  Beta:\n    message: b\n").unwrap_err();
        assert!(
            error.starts_with("p/R.yml:3:3: rule p.R: check Beta needs `message_without_date:`"),
            "{error}"
        );
        let error = resolved("extends: dates\nchecks:\n  Alpha:\n    mesage: a\n").unwrap_err();
        assert!(
            error.starts_with("p/R.yml:4:5: checks.Alpha: unknown field `mesage`"),
            "{error}"
        );
        let error = resolved("extends: dates\nchecks: [alpha]\n").unwrap_err();
        assert!(error.contains("not a list"), "{error}");
        let error = resolved("extends: dates\nmessage: '%s'\nchecks:\n  Alpha:\n    message: a\n")
            .unwrap_err();
        assert!(error.contains("a message for each check"), "{error}");
        let error = resolved("extends: dates\n").unwrap_err();
        assert!(
            error.contains("lists the checks it runs under `checks:`"),
            "{error}"
        );
    }
}
