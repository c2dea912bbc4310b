//! `readability`: a reading grade above the one allowed (Vale's kind of the same name).
//!
//! ```yaml
//! extends: readability
//! message: "Grade level (%s) too high!"
//! grade: 8
//! metrics: [Flesch-Kincaid, Gunning Fog]
//! ```
//! The grade is the mean of the `metrics` named (Gunning Fog, Coleman-Liau, Flesch-Kincaid,
//! SMOG, Automated Readability) over the story's body (Vale reads this kind in its `summary`
//! scope whatever `scope:` says), with the counts of [`super::prose_stats`]. The message gets the
//! grade with two decimals; the story is reported at its start. A story without words is not
//! checked.

use serde::Deserialize;

use super::metric::{body_text, report_at_start};
use super::prose_stats::ProseStats;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::Document;

#[derive(Deserialize)]
pub(super) struct Spec {
    metrics: Vec<String>,
    grade: f64,
}

/// A readability formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Formula {
    GunningFog,
    ColemanLiau,
    FleschKincaid,
    Smog,
    AutomatedReadability,
}

/// The formulas by their names in rule files.
const FORMULAS: &[(&str, Formula)] = &[
    ("Gunning Fog", Formula::GunningFog),
    ("Coleman-Liau", Formula::ColemanLiau),
    ("Flesch-Kincaid", Formula::FleschKincaid),
    ("SMOG", Formula::Smog),
    ("Automated Readability", Formula::AutomatedReadability),
];

impl Formula {
    fn grade(self, stats: &ProseStats) -> f64 {
        match self {
            Formula::GunningFog => stats.gunning_fog(),
            Formula::ColemanLiau => stats.coleman_liau(),
            Formula::FleschKincaid => stats.flesch_kincaid(),
            Formula::Smog => stats.smog(),
            Formula::AutomatedReadability => stats.automated_readability(),
        }
    }
}

struct Readability {
    formulas: Vec<Formula>,
    grade: f64,
}

/// Compiles a `readability` rule.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    if spec.metrics.is_empty() {
        return Err(source.invalid("needs at least one of 'metrics'"));
    }
    let names = || FORMULAS.iter().map(|(name, _)| *name);
    let formulas = spec
        .metrics
        .iter()
        .map(|name| {
            FORMULAS
                .iter()
                .find(|(known, _)| known == name)
                .map(|(_, formula)| *formula)
                .ok_or_else(|| {
                    let hint = crate::config::suggest::did_you_mean(name, names(), '\'')
                        .map(|h| format!("{h} "))
                        .unwrap_or_default();
                    source.invalid(format!(
                        "unknown metric '{name}' ({hint}metrics: {})",
                        names().collect::<Vec<_>>().join(", ")
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Box::new(Readability {
        formulas,
        grade: spec.grade,
    }))
}

impl Check for Readability {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let stats = ProseStats::of(&body_text(doc));
        if stats.words == 0.0 {
            return;
        }
        // Each metric named counts once in the mean, even if named twice, as in Vale.
        let sum: f64 = FORMULAS
            .iter()
            .filter(|(_, f)| self.formulas.contains(f))
            .map(|(_, f)| f.grade(&stats))
            .sum();
        let grade = sum / self.formulas.len() as f64;
        if grade > self.grade {
            report_at_start(doc, out, grade);
        }
    }
}
