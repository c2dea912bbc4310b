//! `check --statistics`: how many findings each rule gave over a run, most first, as `ruff check
//! --statistics` prints them: the count, the rule id, `[*]` when a safe fix (`--fix`) applies to
//! some of them (`[-]` when only fixes not marked safe do, which `--unsafe-fixes` applies), and
//! the severity.
//!
//! ```text
//!  3  wire.DoubledWord    [*]  warning
//!  1  names-japan.Titles       error
//! Found 4 findings: 3 fixable with --fix ([*]).
//! ```

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::FileReport;
use crate::finding::Severity;

/// One rule's share of a run's findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCount<'a> {
    /// The rule's id (a named check's own id).
    pub rule: &'a str,
    /// How many findings it gave.
    pub count: usize,
    /// How many of them a safe fix applies to.
    pub fixable: usize,
    /// How many of them only a fix not marked safe applies to (`--unsafe-fixes`).
    pub unsafe_fixable: usize,
    /// The highest severity among them.
    pub severity: Severity,
}

/// The findings of `reports` counted by rule: most first, then by id.
pub fn count_by_rule(reports: &[FileReport]) -> Vec<RuleCount<'_>> {
    let mut counts: BTreeMap<&str, RuleCount<'_>> = BTreeMap::new();
    for finding in reports.iter().flat_map(|report| &report.findings) {
        let entry = counts.entry(&finding.rule).or_insert(RuleCount {
            rule: &finding.rule,
            count: 0,
            fixable: 0,
            unsafe_fixable: 0,
            severity: finding.severity,
        });
        entry.count += 1;
        entry.fixable += usize::from(finding.safe_fix && !finding.suggestions.is_empty());
        entry.unsafe_fixable += usize::from(crate::fix::has_unsafe_fix(finding));
        entry.severity = entry.severity.max(finding.severity);
    }
    let mut counts: Vec<RuleCount<'_>> = counts.into_values().collect();
    // Stable: equal counts stay in id order.
    counts.sort_by_key(|c| std::cmp::Reverse(c.count));
    counts
}

/// Writes the counts of `reports` as aligned columns; nothing for a run without findings.
pub fn write_statistics(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let counts = count_by_rule(reports);
    let count_width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(0);
    let rule_width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    for count in &counts {
        let fixable = match (count.fixable, count.unsafe_fixable) {
            (0, 0) => "   ",
            (0, _) => "[-]",
            _ => "[*]",
        };
        writeln!(
            out,
            "{:>count_width$}  {:<rule_width$}  {fixable}  {}",
            count.count,
            count.rule,
            count.severity.as_str()
        )?;
    }
    let total: usize = counts.iter().map(|c| c.count).sum();
    let fixable: usize = counts.iter().map(|c| c.fixable).sum();
    let unsafe_fixable: usize = counts.iter().map(|c| c.unsafe_fixable).sum();
    let findings = match total {
        0 => return Ok(()),
        1 => "1 finding".to_owned(),
        _ => format!("{total} findings"),
    };
    write!(out, "Found {findings}: {fixable} fixable with --fix ([*])")?;
    if unsafe_fixable > 0 {
        write!(out, ", {unsafe_fixable} more with --unsafe-fixes ([-])")?;
    }
    writeln!(out, ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Suggestion};
    use crate::span::Span;

    fn finding(rule: &str, severity: Severity, safe_fix: bool) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity,
            message: String::new(),
            span: Span::new(0, 1),
            suggestions: vec![Suggestion {
                span: Span::new(0, 1),
                replacement: String::new(),
            }],
            link: None,
            reference: None,
            safe_fix,
        }
    }

    #[test]
    fn rules_are_counted_most_first_with_their_fixable_share_and_highest_severity() {
        let report = FileReport {
            path: "a.txt".to_owned(),
            source: "x".to_owned(),
            encoding: Default::default(),
            findings: Vec::new(),
            reference: None,
        };
        let report = FileReport {
            findings: vec![
                finding("wire.B", Severity::Warning, true),
                finding("wire.A", Severity::Warning, false),
                finding("wire.B", Severity::Error, false),
                finding("wire.C", Severity::Suggestion, false),
            ],
            ..report
        };
        let counts = count_by_rule(std::slice::from_ref(&report));
        let rows: Vec<(&str, usize, usize, usize, Severity)> = counts
            .iter()
            .map(|c| (c.rule, c.count, c.fixable, c.unsafe_fixable, c.severity))
            .collect();
        assert_eq!(
            rows,
            [
                ("wire.B", 2, 1, 1, Severity::Error),
                ("wire.A", 1, 0, 1, Severity::Warning),
                ("wire.C", 1, 0, 1, Severity::Suggestion),
            ]
        );
        let mut out = Vec::new();
        write_statistics(std::slice::from_ref(&report), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "2  wire.B  [*]  error\n1  wire.A  [-]  warning\n1  wire.C  [-]  suggestion\n\
             Found 4 findings: 1 fixable with --fix ([*]), 3 more with --unsafe-fixes ([-]).\n"
        );
        let mut empty = Vec::new();
        write_statistics(&[], &mut empty).unwrap();
        assert!(empty.is_empty());
    }
}
