//! A rule file's `examples:`: texts the rule must flag, texts it must leave alone, and, for a
//! flagged text, what the text becomes once the rule's suggestions are applied.
//!
//! ```yaml
//! examples:
//!   bad:
//!     - "Headline\n\nThe the minister spoke.\n"             # flagged
//!     - text: "Headline\n\nThe the minister spoke.\n"       # flagged, and fixed to:
//!       fixed: "Headline\n\nThe minister spoke.\n"
//!   good:
//!     - "Headline\n\nThe minister spoke.\n"
//! ```

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// Example texts a rule must flag (`bad`) and must leave alone (`good`); shown by `rules explain`
/// and run by the test suite.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// The reference version the examples are checked against, for `reference` rules.
    #[serde(default)]
    pub reference: Option<String>,
    /// The publication date the examples are checked with (as `--date`), for checks that need
    /// one.
    #[serde(default)]
    pub date: Option<jiff::civil::Date>,
    /// Texts that produce at least one finding.
    #[serde(default)]
    pub bad: Vec<BadExample>,
    /// Texts that produce none.
    #[serde(default)]
    pub good: Vec<String>,
}

/// A text the rule flags: a plain string, or `{text, fixed}` with the text it becomes when the
/// first suggestion of each of the rule's findings in it is applied (what `check --fix` writes
/// for a rule marked `safe_fix`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadExample {
    /// The flagged text.
    pub text: String,
    /// The text after the rule's fixes, when the example states it.
    pub fixed: Option<String>,
}

impl<'de> Deserialize<'de> for BadExample {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BadExampleVisitor)
    }
}

/// The map form of a bad example; both keys are required, so that a misspelt key is an error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextAndFix {
    text: String,
    fixed: String,
}

struct BadExampleVisitor;

impl<'de> Visitor<'de> for BadExampleVisitor {
    type Value = BadExample;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a story's text, or a map with `text` and `fixed`")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<BadExample, E> {
        Ok(BadExample {
            text: text.to_owned(),
            fixed: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BadExample, A::Error> {
        let TextAndFix { text, fixed } =
            TextAndFix::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(BadExample {
            text,
            fixed: Some(fixed),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<Examples, crate::yaml::YamlError> {
        crate::yaml::from_str(yaml, "examples")
    }

    #[test]
    fn a_bad_example_is_a_string_or_a_text_with_its_fix() {
        let examples = parse("bad:\n  - \"a a\"\n  - text: \"b b\"\n    fixed: \"b\"\ngood: [c]\n")
            .expect("valid examples");
        assert_eq!(
            examples.bad,
            [
                BadExample {
                    text: "a a".into(),
                    fixed: None
                },
                BadExample {
                    text: "b b".into(),
                    fixed: Some("b".into())
                }
            ]
        );
        assert_eq!(examples.good, ["c"]);
    }

    #[test]
    fn a_misspelt_or_missing_key_is_an_error_that_names_it() {
        let err = parse("bad:\n  - text: \"b b\"\n    fix: \"b\"\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `fix`"), "{err}");
        let err = parse("bad:\n  - text: \"b b\"\n").unwrap_err();
        assert!(err.to_string().contains("missing field `fixed`"), "{err}");
        let err = parse("bad:\n  - [a]\n").unwrap_err();
        assert!(
            err.to_string().contains("a map with `text` and `fixed`"),
            "{err}"
        );
        let err = parse("bda: [a]\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `bda`"), "{err}");
    }
}
