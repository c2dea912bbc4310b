//! Linting one file as Vale does: the rules its settings and each block's scope let run, every
//! alert placed back in the file, none reported twice at one place.

use rustc_hash::{FxHashMap, FxHashSet};

use super::markup::{ValeFile, scope_matches};
use crate::document::Document;
use crate::engine::RuleSet;
use crate::finding::{Finding, Severity, Suggestion};
use crate::rules::{Context, Rule};

/// `Style.Rule = YES | NO | level` of a `.vale.ini` section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RuleSwitch {
    /// `YES`: on, even outside the file's `BasedOnStyles`.
    On,
    /// `NO`: off.
    Off,
    /// A level: on, at that level.
    Level(Severity),
}

/// What a `.vale.ini` lets run on one file.
#[derive(Clone, Debug, Default)]
pub(crate) struct FileRules {
    /// The styles whose every rule runs (`BasedOnStyles`).
    pub(crate) styles: Vec<String>,
    /// Rules switched on, off or to a level, by id (`Style.Rule`), in the order given; the last
    /// word wins.
    pub(crate) switches: Vec<(String, RuleSwitch)>,
    /// Alerts below this level are not reported (`MinAlertLevel`).
    pub(crate) min_level: Option<Severity>,
}

impl FileRules {
    /// The level `rule` runs at on the file, or `None` when it does not run (Vale's
    /// `shouldRun`, less the scope and comment tests made per block).
    fn level_of(&self, rule: &Rule) -> Option<Severity> {
        let switch = self
            .switches
            .iter()
            .rev()
            .find(|(id, _)| *id == rule.id)
            .map(|(_, switch)| *switch);
        let level = match switch {
            Some(RuleSwitch::Off) => return None,
            Some(RuleSwitch::Level(level)) => level,
            Some(RuleSwitch::On) => rule.severity,
            None if self.styles.iter().any(|s| *s == rule.pack) => rule.severity,
            None => return None,
        };
        self.min_level
            .is_none_or(|min| level >= min)
            .then_some(level)
    }

    /// True when no rule runs on the file.
    pub(crate) fn is_empty(&self) -> bool {
        self.styles.is_empty() && !self.switches.iter().any(|(_, s)| *s != RuleSwitch::Off)
    }
}

/// Every alert of `rules` in `file` (scoped from `content`), as findings in `content`'s bytes,
/// in the order Vale finds them.
pub(crate) fn lint_file(
    rules: &RuleSet,
    settings: &FileRules,
    file: &ValeFile,
    context: &Context,
) -> Vec<Finding> {
    let running: Vec<(&Rule, Severity, Vec<String>)> = rules
        .rules()
        .iter()
        .filter_map(|rule| {
            let level = settings.level_of(rule)?;
            Some((rule, level, rule.header.scope.names()))
        })
        .collect();
    let mut findings = Vec::new();
    // Vale reports one alert of a rule at one place, whichever block found it.
    let mut reported: FxHashSet<(usize, usize, String)> = FxHashSet::default();
    // A file has a handful of distinct block scopes: which rules read each is worked out once.
    let mut readers: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut found = Vec::new();
    for index in 0..file.blocks().len() {
        let block = &file.blocks()[index];
        let doc = Document::of_markup_block(block.text.clone());
        let rules_here = readers.entry(block.scope.clone()).or_insert_with(|| {
            (0..running.len())
                .filter(|&i| scope_matches(&running[i].2, &block.scope))
                .collect()
        });
        let rules_here = rules_here.clone();
        let story = context.for_document(&doc);
        for (rule, level, _) in rules_here.iter().map(|&i| &running[i]) {
            if !file.rule_on(index, &rule.id) {
                continue;
            }
            found.clear();
            rule.run(&story, &mut found);
            let Some(mut locator) = file.locator(index) else {
                continue;
            };
            for finding in found.drain(..) {
                let matched = finding.span.slice(doc.original()).to_owned();
                let Some(location) = locator.locate(finding.span, &matched, &[]) else {
                    continue;
                };
                let span = location.span;
                if !reported.insert((span.start, span.end, finding.rule.clone())) {
                    continue;
                }
                let suggestions = finding
                    .suggestions
                    .into_iter()
                    .filter(|s| s.span == finding.span)
                    .map(|s| Suggestion {
                        span,
                        replacement: s.replacement,
                    })
                    .collect();
                findings.push(Finding {
                    span,
                    severity: *level,
                    suggestions,
                    ..finding
                });
            }
        }
    }
    findings
}
