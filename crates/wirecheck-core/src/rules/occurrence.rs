//! `occurrence`: limits how often a token occurs in each scope unit (Vale's kind of the same name).
//!
//! ```yaml
//! extends: occurrence
//! message: "More than %s exclamation marks in one paragraph."
//! scope: paragraph
//! max: 1
//! token: '!'
//! ```
//! A unit with more than `max` or fewer than `min` matches is flagged, as Vale flags it: at its
//! first match, or where it starts when it has none. The message's `%s` (or `%d`) is the count.

use serde::Deserialize;

use super::pattern::compile_regex;
use super::rule_regex::RuleRegex;
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    token: String,
    #[serde(default)]
    max: Option<usize>,
    #[serde(default)]
    min: Option<usize>,
}

struct Occurrence {
    token: RuleRegex,
    max: Option<usize>,
    min: Option<usize>,
    scopes: Vec<Scope>,
}

/// Compiles an `occurrence` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    if spec.max.is_none() && spec.min.is_none() {
        return Err(source.invalid("needs 'max' or 'min'"));
    }
    let token = compile_regex(source, &spec.token, header.ignorecase)?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Occurrence {
        token,
        max: spec.max,
        min: spec.min,
        scopes,
    }))
}

impl Check for Occurrence {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            let Ok(matches) = self.token.find_iter(text).collect::<Result<Vec<Span>, _>>() else {
                out.budget_exhausted(unit.span);
                continue;
            };
            let count = matches.len();
            let too_many = self.max.is_some_and(|max| max > 0 && count > max);
            let too_few = self.min.is_some_and(|min| min > 0 && count < min);
            if !(too_many || too_few) {
                continue;
            }
            // As Vale does: at the first match that is neither blank nor code (Vale's markup
            // scoping writes code as `*`), or where the unit starts when there is none.
            let is_code = |m: &str| m.chars().all(|c| c == '*' || c == '@');
            let at = matches
                .iter()
                .find(|m| !m.slice(text).trim().is_empty() && !is_code(m.slice(text)))
                .map_or(Span::new(0, 0), |m| *m);
            let count = count.to_string();
            out.report_in(unit, at.shift(unit.span.start), &[&count], Vec::new());
        }
    }
}
