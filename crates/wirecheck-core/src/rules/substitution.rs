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
//! replacement, then the text found (with `capitalize: true`, capitalised when the text found is).
//! Suggestions follow the case of the text found. The project's accepted terms are exceptions
//! too unless `vocab: false`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::pattern::{compile_regex, word_alternation};
use super::rule_regex::{BudgetExhausted, RuleRegex};
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext, match_case};
use crate::document::Document;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    swap: BTreeMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "super::vocab::default_vocab")]
    vocab: bool,
    /// A replacement for a capitalised match is capitalised in the message too.
    #[serde(default)]
    capitalize: bool,
}

struct Substitution {
    regex: RuleRegex,
    /// For each swap, the capture group that marks it and its replacements.
    swaps: Vec<(usize, Vec<String>)>,
    exceptions: Option<RuleRegex>,
    scopes: Vec<Scope>,
    ignorecase: bool,
    capitalize: bool,
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
    // Each key becomes its own group; keys may hold groups of their own, so count them.
    let mut alternatives = Vec::with_capacity(spec.swap.len());
    let mut swaps = Vec::with_capacity(spec.swap.len());
    let mut group = 1;
    for (pattern, replacement) in &spec.swap {
        let inner = compile_regex(source, pattern, header.ignorecase)?.captures_len() - 1;
        alternatives.push(format!("({pattern})"));
        swaps.push((group, replacement.split('|').map(str::to_owned).collect()));
        group += 1 + inner;
    }
    let regex = compile_regex(
        source,
        &word_alternation(&alternatives, header.nonword),
        header.ignorecase,
    )?;
    let exception_terms = super::vocab::terms(header, &spec.exceptions, spec.vocab);
    let exceptions = if exception_terms.is_empty() {
        None
    } else {
        Some(compile_regex(
            source,
            &format!("^(?:{})$", exception_terms.join("|")),
            header.ignorecase,
        )?)
    };
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Substitution {
        regex,
        swaps,
        exceptions,
        scopes,
        ignorecase: header.ignorecase,
        capitalize: spec.capitalize,
    }))
}

impl Check for Substitution {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for captures in self.regex.captures_iter(text) {
                let Ok(captures) = captures else {
                    out.budget_exhausted(unit.span);
                    break;
                };
                let Some((found, replacements)) = self
                    .swaps
                    .iter()
                    .find_map(|(group, replacements)| Some((captures.get(*group)?, replacements)))
                else {
                    continue;
                };
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
                let capitalized = self.capitalize && found_text.starts_with(char::is_uppercase);
                let expected = replacements
                    .iter()
                    .map(|r| {
                        if capitalized {
                            match_case(found_text, r)
                        } else {
                            r.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("' or '");
                out.report_in(unit, span, &[&expected, found_text], fixes);
            }
        }
    }
}
