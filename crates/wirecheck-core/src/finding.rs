//! What a rule reports: a finding with its severity (the ladder is [`crate::severity`]), span,
//! message and suggested fixes.

use serde::Serialize;

pub(crate) use crate::severity::Severity;
use crate::span::Span;

/// A proposed edit: replace the finding's span (or another span) with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Bytes to replace, in the original input.
    pub span: Span,
    /// The text to put there; empty to delete.
    pub replacement: String,
}

/// One problem found in one document by one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id, `pack.Rule`.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, for people.
    pub message: String,
    /// The offending bytes in the original input.
    pub span: Span,
    /// Proposed fixes, best first.
    pub suggestions: Vec<Suggestion>,
    /// Where to read more, if the rule names a page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The span of the reference version this finding compares against (`check --reference`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Span>,
    /// True when the rule marks its first suggestion safe to apply without review (`--fix`).
    pub safe_fix: bool,
}

impl Finding {
    /// Orders findings by position, then rule, for stable output.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, &self.rule)
    }
}

/// Findings of one revision compared with another's: the ones it introduced and the ones it
/// resolved. Findings are matched by rule, message and the text they point at — not by position,
/// which every edit above them moves.
#[derive(Debug, Default)]
pub struct RevisionFindings<'a> {
    /// In the new revision and not in the old.
    pub introduced: Vec<&'a Finding>,
    /// In the old revision and not in the new.
    pub resolved: Vec<&'a Finding>,
}

impl<'a> RevisionFindings<'a> {
    /// Compares the findings of `old` (checked in `old_text`) with those of `new` (in `new_text`).
    pub fn compare(old: &'a [Finding], old_text: &str, new: &'a [Finding], new_text: &str) -> Self {
        let key = |finding: &Finding, text: &str| {
            (
                finding.rule.clone(),
                finding.message.clone(),
                finding.span.slice(text).to_owned(),
            )
        };
        let mut unmatched_old: Vec<Option<(String, String, String)>> =
            old.iter().map(|f| Some(key(f, old_text))).collect();
        let mut introduced = Vec::new();
        for finding in new {
            let wanted = key(finding, new_text);
            match unmatched_old
                .iter_mut()
                .find(|k| k.as_ref() == Some(&wanted))
            {
                Some(slot) => *slot = None,
                None => introduced.push(finding),
            }
        }
        let resolved = old
            .iter()
            .zip(&unmatched_old)
            .filter(|(_, k)| k.is_some())
            .map(|(f, _)| f)
            .collect();
        Self {
            introduced,
            resolved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, start: usize, end: usize) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity: Severity::Error,
            message: "m".to_owned(),
            span: Span::new(start, end),
            suggestions: Vec::new(),
            link: None,
            reference: None,
            safe_fix: false,
        }
    }

    #[test]
    fn findings_are_matched_by_text_not_position() {
        let old_text = "the the cat";
        let new_text = "A dog. the the cat sat sat";
        let old = [finding("r.Doubled", 0, 7)];
        let new = [finding("r.Doubled", 7, 14), finding("r.Doubled", 19, 26)];
        let changes = RevisionFindings::compare(&old, old_text, &new, new_text);
        assert_eq!(changes.introduced.len(), 1);
        assert_eq!(changes.introduced[0].span, Span::new(19, 26));
        assert!(changes.resolved.is_empty());
        let back = RevisionFindings::compare(&new, new_text, &old, old_text);
        assert_eq!((back.introduced.len(), back.resolved.len()), (0, 1));
    }
}
