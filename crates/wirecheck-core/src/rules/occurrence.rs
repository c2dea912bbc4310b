//! `occurrence`: limits how often a token occurs in each scope unit (Vale's kind of the same name).
//!
//! ```yaml
//! extends: occurrence
//! message: "More than %s exclamation marks in one paragraph."
//! scope: paragraph
//! max: 1
//! token: '!'
//! ```
//! With `max`, the first occurrence past the limit is flagged; with `min`, a unit with too few is
//! flagged as a whole. The message gets the limit, then the count.

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
            let count = matches.len().to_string();
            if let Some(max) = self.max
                && let Some(extra) = matches.get(max)
            {
                out.report_in(
                    unit,
                    extra.shift(unit.span.start),
                    &[&max.to_string(), &count],
                    Vec::new(),
                );
            }
            if let Some(min) = self.min
                && matches.len() < min
            {
                out.report_in(unit, unit.span, &[&min.to_string(), &count], Vec::new());
            }
        }
    }
}
