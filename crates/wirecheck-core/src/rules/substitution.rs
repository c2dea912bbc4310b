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
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    swap: BTreeMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
}

struct Substitution {
    /// How the swaps are found.
    matcher: SwapMatcher,
    /// For each swap, its replacements.
    swaps: Vec<Vec<String>>,
    exceptions: Option<RuleRegex>,
    scopes: Vec<Scope>,
    ignorecase: bool,
}

/// How a rule's swaps are found: as Vale finds them, one alternation inside word boundaries, each
/// key a choice.
enum SwapMatcher {
    /// Every key is linear: the alternation is one regex, each key in a capture group (group
    /// `groups[i]` marks swap `i`), whose groups are taken only where a match starts.
    Groups {
        regex: RuleRegex,
        groups: Vec<usize>,
    },
    /// Some key needs look-around: each key is its own choice, so that only those backtrack.
    Choices(Alternation),
}

impl SwapMatcher {
    /// Each match in `text`: the index of its swap and its span.
    fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> Box<dyn Iterator<Item = Result<(usize, Span), BudgetExhausted>> + 't> {
        match self {
            SwapMatcher::Groups { regex, groups } => {
                Box::new(regex.captures_iter(text).filter_map(move |captures| {
                    let captures = match captures {
                        Ok(captures) => captures,
                        Err(exhausted) => return Some(Err(exhausted)),
                    };
                    groups
                        .iter()
                        .enumerate()
                        .find_map(|(swap, group)| Some(Ok((swap, captures.get(*group)?))))
                }))
            }
            SwapMatcher::Choices(alternation) => Box::new(
                alternation
                    .find_iter(text)
                    .map(|found| found.map(|Found { pattern, span }| (pattern, span))),
            ),
        }
    }
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
    let mut alternatives = Vec::with_capacity(spec.swap.len());
    let mut swaps = Vec::with_capacity(spec.swap.len());
    for (pattern, replacement) in &spec.swap {
        alternatives.push(format!("({pattern})"));
        swaps.push(replacement.split('|').map(str::to_owned).collect());
    }
    let regex = compile_regex(
        source,
        &word_alternation(&alternatives, header.nonword),
        header.ignorecase,
    )?;
    let matcher = match regex {
        RuleRegex::Linear(_) => {
            // Each key is its own group; keys may hold groups of their own, so count them.
            let mut parser = regex_syntax::ParserBuilder::new()
                .case_insensitive(header.ignorecase)
                .multi_line(true)
                .build();
            let mut groups = Vec::with_capacity(spec.swap.len());
            let mut group = 1;
            for pattern in spec.swap.keys() {
                groups.push(group);
                let inner = parser
                    .parse(pattern)
                    .map_or(0, |hir| hir.properties().explicit_captures_len());
                group += 1 + inner;
            }
            SwapMatcher::Groups { regex, groups }
        }
        RuleRegex::Backtracking(_) => {
            let choices: Vec<String> = alternatives
                .iter()
                .map(|choice| word_alternation(std::slice::from_ref(choice), header.nonword))
                .collect();
            let alternation = Alternation::new(&choices, header.ignorecase, LIMITS)
                .map_err(|(_, err)| source.invalid(format!("invalid regex: {}", one_line(&err))))?;
            SwapMatcher::Choices(alternation)
        }
    };
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
        matcher,
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
            for found in self.matcher.find_iter(text) {
                let Ok((swap, found)) = found else {
                    out.budget_exhausted(unit.span);
                    break;
                };
                let replacements = &self.swaps[swap];
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
