//! `metric`: a formula over a story's counts, flagged when its condition holds (Vale's kind of the
//! same name).
//!
//! ```yaml
//! extends: metric
//! message: "Try to keep the Flesch-Kincaid grade level (%s) below 8."
//! formula: |
//!   (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
//! condition: "> 8"
//! ```
//! The counts are those of the story's body (Vale's `summary` scope, whatever `scope:` says):
//! `words`, `sentences`, `paragraphs`, `characters`, `syllables`, `polysyllabic_words`,
//! `complex_words`, `long_words` (see [`super::prose_stats`]), and the markup counts `pre`, `list`,
//! `blockquote`, `heading_h1` … `heading_h6` (`heading.h2` is read as `heading_h2`), zero in a
//! story without markup. The formula is in Tengo's syntax ([`super::formula`]); the condition is
//! what follows its value (`> 8`), and is read, as Vale reads it, against the value written with
//! six decimals. The message gets the value with two. A story without words is not checked.
//! Reported at the start of the story.

use serde::Deserialize;

use super::formula::{self, Expr, Value};
use super::prose_stats::ProseStats;
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    formula: String,
    condition: String,
}

/// The variables from the story's text.
const TEXT_VARIABLES: &[&str] = &[
    "words",
    "sentences",
    "paragraphs",
    "characters",
    "syllables",
    "polysyllabic_words",
    "complex_words",
    "long_words",
];

/// The variables from its markup, by the names formulas give them.
const MARKUP_VARIABLES: &[&str] = &[
    "pre",
    "list",
    "blockquote",
    "heading_h1",
    "heading_h2",
    "heading_h3",
    "heading_h4",
    "heading_h5",
    "heading_h6",
];

struct Metric {
    formula: Expr,
    condition: String,
}

/// Compiles a `metric` rule: its formula and condition parsed and type-checked.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let text = heading_names(&spec.formula);
    let formula = formula::parse(&text).map_err(|e| source.invalid(format!("formula: {e}")))?;
    for name in formula.variables() {
        if !TEXT_VARIABLES.contains(&name) && !MARKUP_VARIABLES.contains(&name) {
            return Err(source.invalid(format!(
                "formula: unknown variable '{name}' (variables: {}, {})",
                TEXT_VARIABLES.join(", "),
                MARKUP_VARIABLES.join(", ")
            )));
        }
    }
    let value = formula
        .eval(&|_| Some(1.0))
        .map_err(|e| source.invalid(format!("formula: {e}")))?;
    if value.as_f64().is_none() {
        return Err(source.invalid("formula: gives true or false, not a number"));
    }
    let metric = Metric {
        formula,
        condition: spec.condition,
    };
    match metric.holds(1.0) {
        Ok(_) => Ok(Box::new(metric)),
        Err(e) => Err(source.invalid(format!("condition: {e}"))),
    }
}

/// `heading.h2` written as the variable `heading_h2`, as Vale rewrites it.
fn heading_names(formula: &str) -> String {
    let mut text = formula.to_owned();
    for level in 1..=6 {
        text = text.replace(&format!("heading.h{level}"), &format!("heading_h{level}"));
    }
    text
}

impl Metric {
    /// Whether the condition holds of `value`.
    fn holds(&self, value: f64) -> Result<bool, String> {
        let text = format!("{value:.6} {}", self.condition);
        match formula::parse(&text)?.eval(&|_| None)? {
            Value::Bool(holds) => Ok(holds),
            other => Err(format!(
                "'{}' gives {other}, not true or false",
                self.condition.trim()
            )),
        }
    }
}

/// The body of the story as one text, its paragraphs apart.
pub(super) fn body_text(doc: &Document) -> String {
    units_of(&[Scope::Body], doc)
        .iter()
        .map(|unit| unit.text(doc))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Reports at the start of the story, where Vale reports what is true of a whole file.
pub(super) fn report_at_start(doc: &Document, out: &mut Reporter<'_>, value: f64) {
    if let Some(whole) = Scope::Text.units(doc).first() {
        let at = Span::new(whole.span.start, whole.span.start);
        out.report_in(*whole, at, &[&format!("{value:.2}")], Vec::new());
    }
}

impl Check for Metric {
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let stats = ProseStats::of(&body_text(doc));
        if stats.words == 0.0 {
            return;
        }
        let markup = context.markup_counts();
        let lookup = |name: &str| -> Option<f64> {
            Some(match name {
                "words" => stats.words,
                "sentences" => stats.sentences,
                "paragraphs" => stats.paragraphs,
                "characters" => stats.characters,
                "syllables" => stats.syllables,
                "polysyllabic_words" => stats.polysyllabic_words,
                "complex_words" => stats.complex_words,
                "long_words" => stats.long_words,
                _ => {
                    let vale_name = name.replacen("heading_", "heading.", 1);
                    markup
                        .and_then(|counts| counts.get(&vale_name))
                        .map_or(0.0, |n| *n as f64)
                }
            })
        };
        // Types were checked when the rule loaded, so only a value can fail here.
        let Some(value) = self.formula.eval(&lookup).ok().and_then(Value::as_f64) else {
            return;
        };
        if value.is_finite() && self.holds(value) == Ok(true) {
            report_at_start(doc, out, value);
        }
    }
}
