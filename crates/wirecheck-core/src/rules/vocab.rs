//! Exceptions as Vale builds them for `conditional`, `capitalization` and the other kinds that
//! take a project's vocabulary: the rule's `exceptions` and, unless `vocab: false`, the project's
//! accepted terms ([`super::RuleHeader::accepted`]), as one regex `\b(?:…)\b` that a found text
//! need only contain. Each term is case-sensitive unless it starts with `(?i)`, whatever the
//! rule's `ignorecase` (Vale's `updateExceptions`), and longer terms come first, so that the
//! alternation takes the longest.

use super::pattern::compile_regex;
use super::rule_regex::RuleRegex;
use super::{RuleError, RuleHeader, RuleSource};

/// The exceptions of a rule, `None` when it has none.
pub(super) fn exceptions_regex(
    source: &RuleSource,
    header: &RuleHeader,
    exceptions: &[String],
    vocab: bool,
) -> Result<Option<RuleRegex>, RuleError> {
    match exceptions_pattern(header, exceptions, vocab) {
        Some(pattern) => compile_regex(source, &pattern, false).map(Some),
        None => Ok(None),
    }
}

/// The pattern of [`exceptions_regex`].
pub(super) fn exceptions_pattern(
    header: &RuleHeader,
    exceptions: &[String],
    vocab: bool,
) -> Option<String> {
    let mut terms = terms(header, exceptions, vocab);
    if terms.is_empty() {
        return None;
    }
    terms.sort_by_key(|term| std::cmp::Reverse(term.len()));
    let alternation: Vec<String> = terms
        .iter()
        .map(|term| {
            if term.starts_with("(?i)") {
                (*term).to_owned()
            } else {
                format!("(?-i){term}")
            }
        })
        .collect();
    Some(format!(r"\b(?:{})\b", alternation.join("|")))
}

/// The rule's exceptions, then, unless `vocab: false`, the project's accepted terms.
pub(super) fn terms<'h>(
    header: &'h RuleHeader,
    exceptions: &'h [String],
    vocab: bool,
) -> Vec<&'h str> {
    let accepted = if vocab { &header.accepted[..] } else { &[] };
    exceptions
        .iter()
        .chain(accepted)
        .map(String::as_str)
        .collect()
}

/// `vocab:`'s default: the project's vocabulary applies.
pub(super) fn default_vocab() -> bool {
    true
}
