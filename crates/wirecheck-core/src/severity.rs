//! The severity ladder, the one list of levels: how serious a finding is (`suggestion`, `warning`,
//! `error`, in increasing order), and the two settings that may name no level at all — a rule's
//! level in the configuration (`off`: the rule is not run) and the level at which `check` fails
//! ([`FailLevel`]; `none`: never on findings). Every name is spelt, and every name read, here:
//! rule files, the configuration and the command line share them, and the reports print them.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// How serious a finding is; Vale's three levels, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A matter of style worth a look.
    Suggestion,
    /// Probably wrong; the default level at which `check` fails.
    Warning,
    /// Wrong; must be fixed before publication.
    Error,
}

/// The levels' names, lowest first: `Severity::ALL[i]` is called `NAMES[i]`.
const NAMES: [&str; 3] = ["suggestion", "warning", "error"];

/// The word for "no level" of a rule's level in the configuration: the rule is not run.
pub const RULE_OFF: &str = "off";

/// The word for "no level" of a fail level.
const NEVER: &str = "none";

/// What a configured rule level may be: a level, or [`RULE_OFF`].
const RULE_LEVEL_NAMES: [&str; 4] = [NAMES[0], NAMES[1], NAMES[2], RULE_OFF];

/// What a fail level may be: a level, or [`NEVER`].
const FAIL_LEVEL_NAMES: [&str; 4] = [NAMES[0], NAMES[1], NAMES[2], NEVER];

impl Severity {
    /// All levels, lowest first.
    pub const ALL: [Severity; 3] = [Severity::Suggestion, Severity::Warning, Severity::Error];

    /// The level's name as written in rule files, the configuration, the command line and output.
    pub const fn as_str(self) -> &'static str {
        NAMES[self as usize]
    }

    /// The level called `name`, if one is.
    fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_str() == name)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::named(s).ok_or_else(|| unknown_level(s, &NAMES))
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_level(deserializer, &NAMES, Self::named)
    }
}

/// The lowest severity that makes `check` fail (exit 1), or never: `--fail-level` and the
/// configuration's `fail_level`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FailLevel {
    /// Findings at this level or above fail.
    At(Severity),
    /// Never fail on findings (`none`).
    Never,
}

impl FailLevel {
    /// Every fail level, in the order `--help` lists them.
    pub const ALL: [FailLevel; 4] = [
        FailLevel::At(Severity::Suggestion),
        FailLevel::At(Severity::Warning),
        FailLevel::At(Severity::Error),
        FailLevel::Never,
    ];

    /// The level's name on the command line and in `wirecheck.yaml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FailLevel::At(level) => level.as_str(),
            FailLevel::Never => NEVER,
        }
    }

    /// What the level means, in a line.
    pub const fn help(self) -> &'static str {
        match self {
            FailLevel::At(Severity::Suggestion) => "Any finding fails",
            FailLevel::At(Severity::Warning) => "Warnings and errors fail",
            FailLevel::At(Severity::Error) => "Only errors fail",
            FailLevel::Never => "Never fail on findings",
        }
    }

    /// The lowest severity that fails, or `None` for `none`.
    pub const fn threshold(self) -> Option<Severity> {
        match self {
            FailLevel::At(level) => Some(level),
            FailLevel::Never => None,
        }
    }
}

impl Default for FailLevel {
    /// Warnings and errors fail.
    fn default() -> Self {
        FailLevel::At(Severity::Warning)
    }
}

impl fmt::Display for FailLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FailLevel {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            NEVER => Ok(FailLevel::Never),
            _ => Severity::named(s)
                .map(FailLevel::At)
                .ok_or_else(|| unknown_level(s, &FAIL_LEVEL_NAMES)),
        }
    }
}

impl<'de> Deserialize<'de> for FailLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_level(deserializer, &FAIL_LEVEL_NAMES, |name| name.parse().ok())
    }
}

/// A rule's or a check's level as rule files and the configuration write it: a severity, or
/// `None` for `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RuleLevel(pub(crate) Option<Severity>);

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_level(deserializer, &RULE_LEVEL_NAMES, |name| match name {
            RULE_OFF => Some(RuleLevel(None)),
            _ => Severity::named(name).map(|level| RuleLevel(Some(level))),
        })
    }
}

/// Reads the configuration's `severity:` map: rule id to a level, or `None` for `off`.
pub(crate) fn deserialize_rule_levels<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<String, Option<Severity>>, D::Error> {
    let levels = std::collections::BTreeMap::<String, RuleLevel>::deserialize(deserializer)?;
    Ok(levels
        .into_iter()
        .map(|(id, level)| (id, level.0))
        .collect())
}

/// `unknown level 'x' (expected a, b or c)`.
fn unknown_level(given: &str, names: &[&str]) -> String {
    let (last, rest) = names.split_last().unwrap_or((&"", &[]));
    format!(
        "unknown level '{given}' (expected {} or {last})",
        rest.join(", ")
    )
}

/// Reads a level's name, `parse`d, as a unit enum variant would be read — a plain name, or a
/// YAML tag such as `!error` — so that a wrong value gets the message the format gives any enum
/// ("unknown variant `x`, expected one of" the `names`).
fn deserialize_level<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    names: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
) -> Result<T, D::Error> {
    struct LevelVisitor<T> {
        names: &'static [&'static str],
        parse: fn(&str) -> Option<T>,
    }

    impl<T> LevelVisitor<T> {
        fn find<E: de::Error>(&self, given: &str) -> Result<T, E> {
            (self.parse)(given).ok_or_else(|| E::unknown_variant(given, self.names))
        }
    }

    impl<'de, T> de::Visitor<'de> for LevelVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "one of {}", self.names.join(", "))
        }

        fn visit_str<E: de::Error>(self, given: &str) -> Result<T, E> {
            self.find(given)
        }

        fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<T, A::Error> {
            let (given, variant) = data.variant::<Identifier>()?;
            de::VariantAccess::unit_variant(variant)?;
            self.find(&given.0)
        }
    }

    deserializer.deserialize_enum("Severity", names, LevelVisitor { names, parse })
}

/// A variant's name, read as a derived enum reads it.
struct Identifier(String);

impl<'de> Deserialize<'de> for Identifier {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdentifierVisitor;

        impl de::Visitor<'_> for IdentifierVisitor {
            type Value = Identifier;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a level's name")
            }

            fn visit_str<E: de::Error>(self, given: &str) -> Result<Self::Value, E> {
                Ok(Identifier(given.to_owned()))
            }
        }

        deserializer.deserialize_identifier(IdentifierVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_their_levels() {
        for level in Severity::ALL {
            assert_eq!(level.as_str().parse::<Severity>(), Ok(level));
            let yaml: Severity = crate::yaml::from_str(level.as_str(), "level").unwrap();
            assert_eq!(yaml, level);
            assert_eq!(
                serde_json::to_string(&level).unwrap(),
                format!("\"{level}\"")
            );
        }
        for level in FailLevel::ALL {
            assert_eq!(level.as_str().parse::<FailLevel>(), Ok(level));
            let yaml: FailLevel = crate::yaml::from_str(level.as_str(), "level").unwrap();
            assert_eq!(yaml, level);
        }
    }

    #[test]
    fn the_ladder_is_ordered_and_the_threshold_follows_it() {
        assert!(Severity::Suggestion < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(FailLevel::default().threshold(), Some(Severity::Warning));
        assert_eq!(FailLevel::Never.threshold(), None);
    }

    #[test]
    fn each_setting_knows_only_its_own_word_for_no_level() {
        assert_eq!(
            "off".parse::<Severity>(),
            Err("unknown level 'off' (expected suggestion, warning or error)".to_owned())
        );
        assert_eq!(
            "off".parse::<FailLevel>(),
            Err("unknown level 'off' (expected suggestion, warning, error or none)".to_owned())
        );
        let levels = |yaml: &str| {
            crate::yaml::from_str::<std::collections::BTreeMap<String, RuleLevel>>(yaml, "levels")
                .map(|levels| {
                    levels
                        .into_iter()
                        .map(|(id, level)| (id, level.0))
                        .collect::<std::collections::BTreeMap<_, _>>()
                })
                .map_err(|e| e.to_string())
        };
        let read = levels("a.B: off\nc.D: error\n").unwrap();
        assert_eq!(read["a.B"], None);
        assert_eq!(read["c.D"], Some(Severity::Error));
        let err = levels("a.B: none\n").unwrap_err();
        assert!(
            err.contains(
                "unknown variant `none`, expected one of `suggestion`, `warning`, `error`, `off`"
            ),
            "{err}"
        );
        let err = crate::yaml::from_str::<FailLevel>("off", "level")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "unknown variant `off`, expected one of `suggestion`, `warning`, `error`, `none`"
            ),
            "{err}"
        );
    }
}
