//! `consistency`: one story, one spelling (Vale's kind of the same name).
//!
//! ```yaml
//! extends: consistency
//! message: "Inconsistent spelling: '%s' here, '%s' elsewhere in the story."
//! ignorecase: true
//! either:
//!   adviser: advisor
//!   '(?:Kyiv)': Kiev
//! ```
//! When both forms of a pair occur in one scope unit (the whole story by default), every
//! occurrence of the less frequent form is flagged, suggesting the other; on a tie the form that
//! appears first wins.
//!
//! The suggestion is spelt as the other form is written in running text: an occurrence in the
//! dateline's capitals ("KYIV"), the headline's title case or at the start of a sentence says
//! nothing about case, so one inside a sentence is preferred, and a form seen only in capitals is
//! suggested with a capital initial ("Kyiv"). Punctuation at either end of a match that the
//! pattern does not need ("Kiev." matched by `Kiev\.?`) is left out of the finding.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::pattern::{compile_regex, word_alternation};
use super::rule_regex::{BudgetExhausted, RuleRegex};
use super::scope::units_of;
use super::{
    Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext, Unit, match_case,
};
use crate::document::Document;
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    either: BTreeMap<String, String>,
}

struct Consistency {
    pairs: Vec<(RuleRegex, RuleRegex)>,
    scopes: Vec<Scope>,
}

/// Compiles a `consistency` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let form = |pattern: &String| {
        compile_regex(
            source,
            &word_alternation(std::slice::from_ref(pattern), header.nonword),
            header.ignorecase,
        )
    };
    let pairs = spec
        .either
        .iter()
        .map(|(a, b)| Ok((form(a)?, form(b)?)))
        .collect::<Result<_, RuleError>>()?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Consistency { pairs, scopes }))
}

impl Check for Consistency {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for (a, b) in &self.pairs {
                let (Ok(first), Ok(second)) = (occurrences(a, text), occurrences(b, text)) else {
                    out.budget_exhausted(unit.span);
                    continue;
                };
                let (Some(a0), Some(b0)) = (first.first(), second.first()) else {
                    continue;
                };
                let second_is_minority = second.len() < first.len()
                    || (second.len() == first.len() && a0.start < b0.start);
                let (minority, majority) = if second_is_minority {
                    (&second, &first)
                } else {
                    (&first, &second)
                };
                let preferred = Preferred::choose(doc, unit, text, majority);
                for found in minority {
                    let found_text = found.slice(text);
                    let span = found.shift(unit.span.start);
                    let fix = preferred.spelt_like(found_text);
                    let quoted = if preferred.case_is_known {
                        preferred.spelling.clone()
                    } else {
                        fix.clone()
                    };
                    out.report_in(unit, span, &[found_text, &quoted], vec![(span, fix)]);
                }
            }
        }
    }
}

/// The matches of `form` in `text`, each without punctuation at its ends that the pattern does not
/// need.
fn occurrences(form: &RuleRegex, text: &str) -> Result<Vec<Span>, BudgetExhausted> {
    form.find_iter(text)
        .map(|found| found.map(|span| trim_punctuation(form, text, span)))
        .collect()
}

/// Punctuation and quotes a match may pick up at its ends.
const EDGE_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '…', '"', '\'', '“', '”', '‘', '’', '(', ')', '«', '»',
];

/// `found` without the punctuation and spaces at its ends, when the pattern still matches all of
/// what is left: "Kiev." becomes "Kiev" for `Kiev\.?`, but "U.S." stays whole for `U\.S\.`.
fn trim_punctuation(form: &RuleRegex, text: &str, found: Span) -> Span {
    let is_edge = |c: char| c.is_whitespace() || EDGE_PUNCTUATION.contains(&c);
    let whole = found.slice(text);
    let lead = whole.len() - whole.trim_start_matches(is_edge).len();
    let trimmed = whole[lead..].trim_end_matches(is_edge);
    let needed = trimmed.len() == whole.len()
        || trimmed.is_empty()
        || form.find(trimmed).map_or(true, |m| {
            m.is_none_or(|m| m.start != 0 || m.end != trimmed.len())
        });
    if needed {
        return found;
    }
    let start = found.start + lead;
    Span::new(start, start + trimmed.len())
}

/// The spelling a finding suggests: the majority form as the story writes it.
struct Preferred {
    spelling: String,
    /// False when the spelling comes from capitals or a position that capitalises any word (the
    /// headline, a sentence start): its initial is then taken from the text it replaces.
    case_is_known: bool,
}

impl Preferred {
    /// Picks the occurrence of `majority` (spans of `unit`'s `text`) whose case is most telling:
    /// one inside a sentence before one at a sentence start, in the headline or the dateline, and
    /// any before one in capitals; the first of equals.
    fn choose(doc: &Document, unit: Unit, text: &str, majority: &[Span]) -> Self {
        let rank = |found: &Span| {
            let written = found.slice(text);
            // A raw unit's spans are offsets of the original bytes, which locate the headline and
            // sentences only when normalising changed nothing.
            let positional = (!unit.raw || doc.is_normalized())
                && doc.capital_is_positional(found.shift(unit.span.start));
            (all_capitals(written), positional)
        };
        let best = majority.iter().min_by_key(|found| rank(found));
        let Some(best) = best else {
            return Self {
                spelling: String::new(),
                case_is_known: false,
            };
        };
        let (capitals, positional) = rank(best);
        let written = best.slice(text);
        let spelling = if capitals {
            capital_initials(written)
        } else {
            written.to_owned()
        };
        Self {
            spelling,
            case_is_known: !capitals && !positional,
        }
    }

    /// The spelling in the case of `found`: all capitals for capitals, a capital initial for a
    /// capitalised word, and the spelling's own case otherwise, or a small initial where that case
    /// is not known.
    fn spelt_like(&self, found: &str) -> String {
        if all_capitals(found) {
            return self.spelling.to_uppercase();
        }
        if !self.case_is_known && found.starts_with(char::is_lowercase) {
            let mut chars = self.spelling.chars();
            return match chars.next() {
                Some(initial) => initial.to_lowercase().chain(chars).collect(),
                None => String::new(),
            };
        }
        match_case(found, &self.spelling)
    }
}

/// True for a word in capitals: two letters or more, none of them small.
pub(super) fn all_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// Words in capitals with only their initials kept: "NEW DELHI" → "New Delhi".
pub(super) fn capital_initials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_word_start = true;
    for c in text.chars() {
        if at_word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        at_word_start = !c.is_alphanumeric();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_the_pattern_does_not_need_is_trimmed() {
        let optional_stop = RuleRegex::for_test(r"Kiev\.?");
        let text = "in Kiev.";
        assert_eq!(
            occurrences(&optional_stop, text).unwrap()[0].slice(text),
            "Kiev"
        );
        let abbreviation = RuleRegex::for_test(r"U\.S\.");
        let text = "the U.S. said";
        assert_eq!(
            occurrences(&abbreviation, text).unwrap()[0].slice(text),
            "U.S."
        );
    }

    #[test]
    fn capitals_keep_only_their_initials() {
        assert_eq!(capital_initials("KYIV"), "Kyiv");
        assert_eq!(capital_initials("NEW DELHI"), "New Delhi");
        assert!(all_capitals("KYIV") && !all_capitals("Kyiv") && !all_capitals("I"));
    }
}
