//! What a rule reports: a finding with its severity, span, message and suggested fixes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is; Vale's three levels, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A matter of style worth a look.
    Suggestion,
    /// Probably wrong; the default level at which `check` fails.
    Warning,
    /// Wrong; must be fixed before publication.
    Error,
}

impl Severity {
    /// All levels, lowest first.
    pub const ALL: [Severity; 3] = [Severity::Suggestion, Severity::Warning, Severity::Error];

    /// The level's name as written in rule files and output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
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
        match s {
            "suggestion" => Ok(Severity::Suggestion),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown level '{other}' (expected suggestion, warning or error)"
            )),
        }
    }
}

/// A proposed edit: replace the finding's span (or another span) with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Bytes to replace, in the original input.
    pub span: Span,
    /// The text to put there; empty to delete.
    pub replacement: String,
}

/// One problem found in one document by one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id, `pack.Rule`.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, for people.
    pub message: String,
    /// The offending bytes in the original input.
    pub span: Span,
    /// Proposed fixes, best first.
    pub suggestions: Vec<Suggestion>,
    /// Where to read more, if the rule names a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The span of the reference version this finding compares against (`check --reference`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Span>,
}

impl Finding {
    /// Orders findings by position, then rule, for stable output.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, &self.rule)
    }
}
