//! In-text suppressions: HTML comments that turn rules off for part of a story, in wirecheck's own
//! form and in Vale's.
//!
//! ```text
//! <!-- wirecheck-disable wire.DoubledWord -->   … <!-- wirecheck-enable wire.DoubledWord -->
//! <!-- wirecheck-disable-next-line names-japan -->
//! <!-- vale off -->                              … <!-- vale on -->
//! <!-- vale wire.DoubledWord = NO -->            … <!-- vale wire.DoubledWord = YES -->
//! ```
//! A rule is named by its id, by a check's id (`wire.Dateline.Outlet`), or by a parent of it: the
//! rule's id (`wire.Dateline` covers all its checks) or its pack (`wire` covers `wire.*`); no name
//! means every rule.

use std::sync::LazyLock;

use regex::Regex;

use crate::finding::{Finding, Severity, Suggestion};
use crate::rules::ids::covers;
use crate::span::Span;

/// The rule id of an unused suppression comment (`--report-unused-suppressions`).
pub const UNUSED_SUPPRESSION: &str = "wirecheck.UnusedSuppression";

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*(wirecheck-disable-next-line|wirecheck-disable|wirecheck-enable|vale)\b([^>]*?)\s*-->")
        .unwrap_or_else(|err| unreachable!("the suppression pattern is valid: {err}"))
});

/// One suppression: which rules, where, and the comment that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// Rule ids or packs; empty for every rule.
    pub rules: Vec<String>,
    /// The bytes where the rules are off.
    pub region: Span,
    /// The comment, for reporting an unused suppression.
    pub comment: Span,
}

impl Suppression {
    fn covers(&self, finding: &Finding) -> bool {
        self.region.contains(finding.span) && self.names(&finding.rule)
    }

    fn names(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|name| covers(name, rule))
    }
}

/// Every suppression comment in `text` (original bytes).
pub(crate) fn find_suppressions(text: &str) -> Vec<Suppression> {
    let mut found = Vec::new();
    // Regions still open: (rules, start of the region, comment).
    let mut open: Vec<(Vec<String>, usize, Span)> = Vec::new();
    for captures in COMMENT.captures_iter(text) {
        let (Some(whole), Some(kind)) = (captures.get(0), captures.get(1)) else {
            continue;
        };
        let comment = Span::new(whole.start(), whole.end());
        let argument = captures.get(2).map_or("", |m| m.as_str()).trim();
        let (disable, rules) = match kind.as_str() {
            "wirecheck-disable-next-line" => {
                let next_line = next_line(text, comment.end);
                found.push(Suppression {
                    rules: rule_list(argument),
                    region: next_line,
                    comment,
                });
                continue;
            }
            "wirecheck-disable" => (true, rule_list(argument)),
            "wirecheck-enable" => (false, rule_list(argument)),
            _ => match vale_switch(argument) {
                Some(switch) => switch,
                None => continue,
            },
        };
        if disable {
            open.push((rules, comment.end, comment));
        } else {
            // Close the regions this comment names (all of them when it names none).
            let mut index = 0;
            while index < open.len() {
                if rules.is_empty() || open[index].0 == rules {
                    let (rules, start, comment_of) = open.remove(index);
                    found.push(Suppression {
                        rules,
                        region: Span::new(start, comment.start),
                        comment: comment_of,
                    });
                } else {
                    index += 1;
                }
            }
        }
    }
    for (rules, start, comment) in open {
        found.push(Suppression {
            rules,
            region: Span::new(start, text.len()),
            comment,
        });
    }
    found
}

/// Vale's `off`, `on`, `Rule = NO` and `Rule = YES`: (disable?, rules).
fn vale_switch(argument: &str) -> Option<(bool, Vec<String>)> {
    match argument {
        "off" => return Some((true, Vec::new())),
        "on" => return Some((false, Vec::new())),
        _ => {}
    }
    let (rule, value) = argument.split_once('=')?;
    let disable = match value.trim() {
        "NO" | "no" => true,
        "YES" | "yes" => false,
        _ => return None,
    };
    Some((disable, vec![rule.trim().to_owned()]))
}

fn rule_list(argument: &str) -> Vec<String> {
    argument
        .split([',', ' '])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The line after the one that holds `offset` (skipping blank lines, so a comment may stand on a
/// line of its own above a paragraph).
fn next_line(text: &str, offset: usize) -> Span {
    let mut start = text[offset..]
        .find('\n')
        .map_or(text.len(), |i| offset + i + 1);
    while start < text.len() && text[start..].starts_with(['\n', '\r']) {
        start += 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Span::new(start, end)
}

/// Removes the findings `suppressions` cover; returns the comments that covered none.
pub(crate) fn apply_suppressions(
    findings: &mut Vec<Finding>,
    suppressions: &[Suppression],
) -> Vec<Span> {
    let mut used = vec![false; suppressions.len()];
    findings.retain(|finding| {
        let covering: Vec<usize> = suppressions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.covers(finding))
            .map(|(i, _)| i)
            .collect();
        for &i in &covering {
            used[i] = true;
        }
        covering.is_empty()
    });
    suppressions
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(s, _)| s.comment)
        .collect()
}

/// Removes from `findings` (in position order) those the suppression comments of `text` cover;
/// with `report_unused`, adds a finding for each comment that covered none, keeping the order.
pub(crate) fn filter(text: &str, findings: &mut Vec<Finding>, report_unused: bool) {
    // Suppression comments are rare: look for them only when the story has a comment at all.
    if memchr::memmem::find(text.as_bytes(), b"<!--").is_none() {
        return;
    }
    let unused = apply_suppressions(findings, &find_suppressions(text));
    if !report_unused || unused.is_empty() {
        return;
    }
    findings.extend(unused.into_iter().map(|comment| Finding {
        rule: UNUSED_SUPPRESSION.to_owned(),
        severity: Severity::Warning,
        message: "This suppression covers no finding; remove it.".to_owned(),
        span: comment,
        suggestions: vec![Suggestion {
            span: comment,
            replacement: String::new(),
        }],
        link: None,
        reference: None,
        safe_fix: false,
    }));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, text: &str, needle: &str) -> Finding {
        let start = text.find(needle).unwrap();
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message: String::new(),
            span: Span::new(start, start + needle.len()),
            suggestions: Vec::new(),
            link: None,
            reference: None,
            safe_fix: false,
        }
    }

    #[test]
    fn regions_next_lines_and_vale_switches() {
        let text = "A x.\n<!-- wirecheck-disable wire.Doubled -->\nB x.\n<!-- wirecheck-enable wire.Doubled -->\nC x.\n<!-- wirecheck-disable-next-line wire -->\n\nD x.\n<!-- vale off -->\nE x.\n<!-- vale on -->\nF x. <!-- vale names.Names = NO -->G x.";
        let suppressions = find_suppressions(text);
        let mut findings: Vec<Finding> = ["A", "B", "C", "D", "E", "F"]
            .iter()
            .map(|l| finding("wire.Doubled", text, &format!("{l} x")))
            .chain([
                finding("names.Names", text, "G x"),
                finding("other.Rule", text, "D x"),
            ])
            .collect();
        let unused = apply_suppressions(&mut findings, &suppressions);
        let left: Vec<&str> = findings.iter().map(|f| f.span.slice(text)).collect();
        assert_eq!(
            left,
            ["A x", "C x", "F x", "D x"],
            "other.Rule is not in the wire pack"
        );
        assert!(unused.is_empty());
    }

    #[test]
    fn a_check_id_covers_that_check_and_a_rule_id_all_its_checks() {
        let text = "<!-- wirecheck-disable-next-line wire.Dates.Weekday -->\nA x. B x.\n<!-- vale wire.Dates = NO -->C x. D x.";
        let mut findings = vec![
            finding("wire.Dates.Weekday", text, "A x"),
            finding("wire.Dates.NoSuchDay", text, "B x"),
            finding("wire.Dates.Weekday", text, "C x"),
            finding("wire.DatesX.Weekday", text, "D x"),
        ];
        apply_suppressions(&mut findings, &find_suppressions(text));
        let left: Vec<&str> = findings.iter().map(|f| f.span.slice(text)).collect();
        assert_eq!(left, ["B x", "D x"]);
    }

    #[test]
    fn a_suppression_that_covers_nothing_is_reported() {
        let text = "<!-- wirecheck-disable-next-line wire.Doubled -->\nclean line\n";
        let unused = apply_suppressions(&mut Vec::new(), &find_suppressions(text));
        assert_eq!(unused.len(), 1);
    }
}
