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
    let accepted = if vocab { &header.accepted[..] } else { &[] };
    let mut terms: Vec<&str> = exceptions
        .iter()
        .chain(accepted)
        .map(String::as_str)
        .collect();
    if terms.is_empty() {
        return Ok(None);
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
    let pattern = format!(r"\b(?:{})\b", alternation.join("|"));
    compile_regex(source, &pattern, false).map(Some)
}

/// `vocab:`'s default: the project's vocabulary applies.
pub(super) fn default_vocab() -> bool {
    true
}
