//! `substitution`: flags a term and suggests its replacement (Vale's kind of the same name).
//!
//! ```yaml
//! extends: substitution
//! message: "Use '%s' instead of '%s'."
//! ignorecase: true
//! swap:
//!   utilize: use
//!   '(?:in order to)': to
//! ```
//! Keys are regexes, values the replacement (`a|b` offers both). The message gets the
//! replacement, then the text found. Suggestions follow the case of the text found.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::pattern::{LIMITS, compile_regex, one_line, word_alternation};
use super::rule_regex::{Alternation, BudgetExhausted, Found, RuleRegex};
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext, match_case};
use crate::document::Document;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    swap: BTreeMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
}

struct Substitution {
    /// The swaps' patterns, one choice each, in the order of `swaps`.
    alternation: Alternation,
    /// For each swap, its replacements.
    swaps: Vec<Vec<String>>,
    exceptions: Option<RuleRegex>,
    scopes: Vec<Scope>,
    ignorecase: bool,
}

/// Compiles a `substitution` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    if spec.swap.is_empty() {
        return Err(source.invalid("needs a non-empty 'swap' map"));
    }
    // The swaps are matched as Vale matches them, one alternation inside word boundaries; that
    // regex is compiled once to check the rule (its errors and size), and the search runs each
    // key as its own choice, so that the match names its swap without capture groups.
    let mut alternatives = Vec::with_capacity(spec.swap.len());
    let mut choices = Vec::with_capacity(spec.swap.len());
    let mut swaps = Vec::with_capacity(spec.swap.len());
    for (pattern, replacement) in &spec.swap {
        alternatives.push(format!("({pattern})"));
        choices.push(word_alternation(&[format!("({pattern})")], header.nonword));
        swaps.push(replacement.split('|').map(str::to_owned).collect());
    }
    compile_regex(
        source,
        &word_alternation(&alternatives, header.nonword),
        header.ignorecase,
    )?;
    let alternation = Alternation::new(&choices, header.ignorecase, LIMITS)
        .map_err(|(_, err)| source.invalid(format!("invalid regex: {}", one_line(&err))))?;
    let exceptions = if spec.exceptions.is_empty() {
        None
    } else {
        Some(compile_regex(
            source,
            &format!("^(?:{})$", spec.exceptions.join("|")),
            header.ignorecase,
        )?)
    };
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Substitution {
        alternation,
        swaps,
        exceptions,
        scopes,
        ignorecase: header.ignorecase,
    }))
}

impl Check for Substitution {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for found in self.alternation.find_iter(text) {
                let Ok(Found {
                    pattern,
                    span: found,
                }) = found
                else {
                    out.budget_exhausted(unit.span);
                    break;
                };
                let replacements = &self.swaps[pattern];
                let found_text = found.slice(text);
                let excepted = match &self.exceptions {
                    Some(exceptions) => exceptions.is_match(found_text),
                    None => Ok(false),
                };
                match excepted {
                    Ok(false) => {}
                    Ok(true) => continue,
                    Err(BudgetExhausted) => {
                        out.budget_exhausted(unit.span);
                        break;
                    }
                }
                let unchanged = replacements.iter().any(|r| {
                    if self.ignorecase {
                        r.eq_ignore_ascii_case(found_text)
                    } else {
                        r == found_text
                    }
                });
                if unchanged {
                    continue;
                }
                let span = found.shift(unit.span.start);
                let fixes = replacements
                    .iter()
                    .map(|r| (span, match_case(found_text, r)))
                    .collect();
                let expected = replacements.join("' or '");
                out.report_in(unit, span, &[&expected, found_text], fixes);
            }
        }
    }
}
