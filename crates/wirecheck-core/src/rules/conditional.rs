//! `conditional`: a term that needs something else in the file (Vale's kind of the same name).
//!
//! ```yaml
//! extends: conditional
//! message: "'%s' has no definition"
//! first: '\b([A-Z]{3,5})\b'
//! second: '(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)'
//! exceptions: [ABC]
//! ```
//! Two forms, as in Vale. When `second` has capture groups, what they capture are the terms
//! defined so far in the file (units are read in order, so a definition covers what follows it),
//! and each match of `first` that is not one of them, nor an exception, is flagged. When `second`
//! has no group (Vale #1048), it need only occur somewhere in the file: every match of `first` is
//! flagged in a file where it does not. The message gets the match of `first`.

use std::collections::HashSet;

use serde::Deserialize;

use super::pattern::compile_regex;
use super::rule_regex::{BudgetExhausted, RuleRegex};
use super::scope::units_of;
use super::vocab::exceptions_regex;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;

#[derive(Deserialize)]
pub(super) struct Spec {
    first: String,
    second: String,
    #[serde(default)]
    exceptions: Vec<String>,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "super::vocab::default_vocab")]
    vocab: bool,
}

struct Conditional {
    first: RuleRegex,
    second: RuleRegex,
    /// `second` has capture groups: the terms it defines, rather than its presence, count.
    defines: bool,
    exceptions: Option<RuleRegex>,
    scopes: Vec<Scope>,
}

/// Compiles a `conditional` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let first = compile_regex(source, &spec.first, header.ignorecase)?;
    let second = compile_regex(source, &spec.second, header.ignorecase)?;
    let defines = second.captures_len() > 1;
    let exceptions = exceptions_regex(source, header, &spec.exceptions, spec.vocab)?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Conditional {
        first,
        second,
        defines,
        exceptions,
        scopes,
    }))
}

impl Conditional {
    /// What `second` gives in `text`: the terms its groups capture, and whether it matched.
    fn definitions(
        &self,
        text: &str,
        defined: &mut HashSet<String>,
    ) -> Result<bool, BudgetExhausted> {
        if !self.defines {
            return self.second.is_match(text);
        }
        for captures in self.second.captures_iter(text) {
            let captures = captures?;
            for group in 1..self.second.captures_len() {
                if let Some(span) = captures.get(group).filter(|s| !s.is_empty()) {
                    defined.insert(span.slice(text).to_owned());
                }
            }
        }
        Ok(false)
    }
}

impl Check for Conditional {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let units = units_of(&self.scopes, doc);
        let mut defined = HashSet::new();
        let mut present = false;
        if !self.defines {
            for unit in &units {
                match self.definitions(unit.text(doc), &mut defined) {
                    Ok(found) => present |= found,
                    Err(BudgetExhausted) => return out.budget_exhausted(unit.span),
                }
            }
            if present {
                return;
            }
        }
        for unit in units {
            let text = unit.text(doc);
            if self.defines
                && let Err(BudgetExhausted) = self.definitions(text, &mut defined)
            {
                out.budget_exhausted(unit.span);
                continue;
            }
            for found in self.first.find_iter(text) {
                let Ok(found) = found else {
                    out.budget_exhausted(unit.span);
                    break;
                };
                let term = found.slice(text);
                if defined.contains(term) {
                    continue;
                }
                let excepted = match &self.exceptions {
                    Some(exceptions) => exceptions.is_match(term),
                    None => Ok(false),
                };
                match excepted {
                    Ok(false) => {
                        out.report_in(unit, found.shift(unit.span.start), &[term], Vec::new())
                    }
                    Ok(true) => {}
                    Err(BudgetExhausted) => {
                        out.budget_exhausted(unit.span);
                        break;
                    }
                }
            }
        }
    }
}
