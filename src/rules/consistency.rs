//! `consistency`: one story, one spelling (Vale's kind of the same name).
//!
//! ```yaml
//! extends: consistency
//! message: "Inconsistent spelling: '%s' here, '%s' elsewhere in the story."
//! ignorecase: true
//! either:
//!   adviser: advisor
//!   '(?:Kyiv)': Kiev
//! ```
//! When both forms of a pair occur in one scope unit (the whole story by default), every
//! occurrence of the less frequent form is flagged, suggesting the other; on a tie the form that
//! appears first wins.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;

use super::pattern::{compile_regex, word_alternation};
use super::scope::units_of;
use super::{Check, Context, Reporter, RuleError, RuleHeader, RuleSource, Scope, match_case};
use crate::document::Document;
use crate::span::Span;

#[derive(Deserialize)]
struct Spec {
    either: BTreeMap<String, String>,
}

struct Consistency {
    pairs: Vec<(Regex, Regex)>,
    scopes: Vec<Scope>,
}

/// Compiles a `consistency` rule.
pub fn compile(source: &RuleSource, header: &RuleHeader) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let form = |pattern: &String| {
        compile_regex(
            source,
            &word_alternation(std::slice::from_ref(pattern), header.nonword),
            header.ignorecase,
        )
    };
    let pairs = spec
        .either
        .iter()
        .map(|(a, b)| Ok((form(a)?, form(b)?)))
        .collect::<Result<_, RuleError>>()?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Consistency { pairs, scopes }))
}

impl Check for Consistency {
    fn check(&self, doc: &Document, _context: &Context, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for (a, b) in &self.pairs {
                let first: Vec<Span> = a.find_iter(text).map(|m| Span::from(m.range())).collect();
                let second: Vec<Span> = b.find_iter(text).map(|m| Span::from(m.range())).collect();
                let (Some(a0), Some(b0)) = (first.first(), second.first()) else {
                    continue;
                };
                let second_is_minority = second.len() < first.len()
                    || (second.len() == first.len() && a0.start < b0.start);
                let (minority, majority) = if second_is_minority {
                    (&second, &first)
                } else {
                    (&first, &second)
                };
                let preferred = majority[0].slice(text);
                for found in minority {
                    let found_text = found.slice(text);
                    let span = found.shift(unit.span.start);
                    let fix = match_case(found_text, preferred);
                    out.report_in(unit, span, &[found_text, preferred], vec![(span, fix)]);
                }
            }
        }
    }
}
