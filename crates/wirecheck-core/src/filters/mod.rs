//! Filters applied to a story's findings after the rules ran, in one stage: words the
//! configuration accepts, suppression comments in the story, and a baseline of accepted findings.
//! What they drop is neither reported nor fixed.

pub(crate) mod baseline;
pub(crate) mod suppress;

use rustc_hash::FxHashSet;

use crate::filters::baseline::Baseline;
use crate::finding::Finding;

/// The filter stage of a run: built once, applied to every story's findings.
#[derive(Debug, Default)]
pub(crate) struct Filters {
    /// Words never reported, whatever rule matches them (Vale's accepted vocabulary).
    accepted: FxHashSet<String>,
    /// Whether suppression comments that cover no finding are reported.
    report_unused_suppressions: bool,
    /// Findings recorded earlier and not reported again.
    baseline: Option<Baseline>,
}

impl Filters {
    /// Adds words that are never reported, whatever rule matches them.
    #[must_use]
    pub(crate) fn accept_words(mut self, words: impl IntoIterator<Item = String>) -> Self {
        self.accepted.extend(words);
        self
    }

    /// Reports suppression comments that cover no finding (`--report-unused-suppressions`), as
    /// [`suppress::UNUSED_SUPPRESSION`] findings.
    #[must_use]
    pub(crate) fn report_unused_suppressions(mut self, report: bool) -> Self {
        self.report_unused_suppressions = report;
        self
    }

    /// Hides the findings `baseline` records.
    #[must_use]
    pub(crate) fn baseline(mut self, baseline: Baseline) -> Self {
        self.baseline = Some(baseline);
        self
    }

    /// Filters `findings` (in position order) of the story at `path` whose text is `source`:
    /// drops accepted words, then what suppression comments cover (adding the unused comments when
    /// asked), then what the baseline records. The findings stay in position order.
    pub(crate) fn apply(&self, path: &str, source: &str, findings: &mut Vec<Finding>) {
        if !self.accepted.is_empty() {
            findings.retain(|f| !self.accepted.contains(f.span.slice(source)));
        }
        suppress::filter(source, findings, self.report_unused_suppressions);
        // Last: a baseline records what was reported, after the other filters.
        if let Some(baseline) = &self.baseline {
            baseline.filter(path, source, findings);
        }
    }
}
