//! Linting one file as Vale does: the rules its settings and each block's scope let run, every
//! alert placed back in the file, none reported twice at one place.

use rustc_hash::{FxHashMap, FxHashSet};

use super::markup::{ValeFile, scope_matches};
use crate::document::Document;
use crate::finding::{Finding, Suggestion};
use crate::rules::{Context, Rule};

/// Every alert of the `running` rules (each with its `scope:` selectors) in `file`, as findings
/// in the bytes of the file's text, in the order Vale finds them.
pub(super) fn lint_file(
    running: &[(&Rule, &[String])],
    file: &ValeFile,
    context: &Context,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Vale reports one alert of a rule at one place, whichever block found it.
    let mut reported: FxHashSet<(usize, usize, String)> = FxHashSet::default();
    // A file has a handful of distinct block scopes: which rules read each is worked out once.
    let mut readers: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut found = Vec::new();
    let counts = std::sync::Arc::new(file.metrics().clone());
    for index in 0..file.blocks().len() {
        let block = &file.blocks()[index];
        let doc = Document::of_markup_block(block.text.clone(), counts.clone());
        let rules_here = readers.entry(block.scope.clone()).or_insert_with(|| {
            (0..running.len())
                .filter(|&i| scope_matches(running[i].1, &block.scope))
                .collect()
        });
        let story = context.for_document(&doc);
        for &(rule, _) in rules_here.iter().map(|&i| &running[i]) {
            if !file.rule_on(index, &rule.id) {
                continue;
            }
            found.clear();
            rule.run(&story, &mut found);
            if found.is_empty() {
                continue;
            }
            let Some(mut locator) = file.locator(index) else {
                continue;
            };
            for finding in found.drain(..) {
                let matched = finding.span.slice(doc.original());
                let Some(location) = locator.locate(finding.span, matched, &[]) else {
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
                // The severity is the rule's, the `.vale.ini`'s levels applied when it loaded.
                findings.push(Finding {
                    span,
                    suggestions,
                    ..finding
                });
            }
        }
    }
    findings
}
