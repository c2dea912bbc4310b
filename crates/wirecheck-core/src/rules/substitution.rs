//! `substitution`: flags a term and suggests its replacement (Vale's kind of the same name).
//!
//! ```yaml
//! extends: substitution
//! message: "Use '%s' instead of '%s'."
//! ignorecase: true
//! swap:
//!   utilize: use
//!   '(?:in order to)': to
//! ```
//! Keys are regexes, values the replacement (`a|b` offers both). The message gets the
//! replacement, then the text found (with `capitalize: true`, capitalised when the text found is).
//! Suggestions follow the case of the text found. The project's accepted terms are exceptions
//! too unless `vocab: false`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::pattern::{LIMITS, compile_regex, one_line, word_alternation};
use super::rule_regex::{Alternation, BudgetExhausted, Found, RuleRegex};
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext, match_case};
use crate::document::Document;
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    swap: BTreeMap<String, String>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "super::vocab::default_vocab")]
    vocab: bool,
    /// A replacement for a capitalised match is capitalised in the message too.
    #[serde(default)]
    capitalize: bool,
}

struct Substitution {
    /// How the swaps are found.
    matcher: SwapMatcher,
    /// For each swap, its replacements.
    swaps: Vec<Vec<String>>,
    /// Each swap as Vale reads it in Vale mode: its key, and its replacement as written.
    vale_swaps: Vec<ValeSwap>,
    /// `action: replace` without parameters: Vale quotes each replacement in the message.
    replace_action: bool,
    exceptions: Option<RuleRegex>,
    scopes: Vec<Scope>,
    ignorecase: bool,
    capitalize: bool,
}

/// A swap as Vale reads it: the replacement as written (`a|b`), and the key compiled to expand
/// the `$1` a replacement refers to in the text found.
struct ValeSwap {
    replacement: String,
    expansion: Option<regex::Regex>,
    /// The replacement read as a regex that the text found must match whole to be left alone
    /// (Vale's `matchToken`), compiled once; `None` for a phrase or a replacement with `$1`.
    expected: Option<regex::Regex>,
}

impl ValeSwap {
    /// True when `observed` is already what `expected` (this swap's replacement for it) asks.
    fn is_expected(&self, expected: &str, observed: &str) -> bool {
        match &self.expected {
            Some(pattern) if expected == self.replacement => pattern.is_match(observed),
            _ => already_expected(expected, observed),
        }
    }

    /// The replacement for `observed` (Vale's `subMsg`): `$1` and the like taken from it.
    fn expected(&self, observed: &str) -> String {
        match &self.expansion {
            Some(key) => key
                .replace_all(observed, self.replacement.as_str())
                .into_owned(),
            None => self.replacement.clone(),
        }
    }
}

/// Vale's `IsPhrase`: letters, digits, spaces and hyphens only.
fn is_phrase(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_alphabetic() || c.is_numeric() || c == ' ' || c == '-')
}

/// Vale's `matchToken`: the text found is what the replacement asks for — the same text for a
/// phrase, else a whole match of the replacement read as a regex (case counts in both).
fn already_expected(expected: &str, observed: &str) -> bool {
    if is_phrase(expected) {
        return expected == observed;
    }
    match regex::Regex::new(&format!("^(?:{expected})$")) {
        Ok(pattern) => pattern.is_match(observed),
        Err(_) => expected == observed,
    }
}

/// Vale's `CapFirst`: the first letter in capitals.
fn cap_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Vale's `convertMessage`: a message that quotes both slots (`'%s'` twice) loses the first
/// quotes, since the replacements come quoted.
fn unquote_first_slot(message: &str) -> String {
    for slot in ["'%s'", "\"%s\""] {
        if message.matches(slot).count() == 2 {
            return message.replacen(slot, "%s", 1);
        }
    }
    message.to_owned()
}

/// How a rule's swaps are found: as Vale finds them, one alternation inside word boundaries, each
/// key a choice.
enum SwapMatcher {
    /// Every key is linear: the alternation is one regex, each key in a capture group (group
    /// `groups[i]` marks swap `i`), whose groups are taken only where a match starts.
    Groups {
        regex: RuleRegex,
        groups: Vec<usize>,
    },
    /// Some key needs look-around: each key is its own choice, so that only those backtrack.
    Choices(Alternation),
    /// A long linear list: one regex without a group per key finds the matches, and the keys,
    /// a chunk of groups at a time, say which swap each is (a group per key over thousands of
    /// keys makes the groups engine's tables gigabytes).
    Chunked {
        finder: RuleRegex,
        chunks: Vec<SwapChunk>,
    },
}

/// Keys `first..first + groups.len()` of a long swap list, each in its own group of `regex`.
struct SwapChunk {
    regex: RuleRegex,
    groups: Vec<usize>,
    first: usize,
}

/// How many keys share one regex of groups in a long list.
const KEYS_PER_CHUNK: usize = 256;

/// The group of each key in an alternation of `(key)` groups: keys may hold groups of their own,
/// so they are counted.
fn key_groups<'k>(keys: impl Iterator<Item = &'k str>, ignorecase: bool) -> Vec<usize> {
    let mut parser = regex_syntax::ParserBuilder::new()
        .case_insensitive(ignorecase)
        .multi_line(true)
        .build();
    let mut group = 1;
    keys.map(|key| {
        let at = group;
        let inner = parser
            .parse(key)
            .map_or(0, |hir| hir.properties().explicit_captures_len());
        group += 1 + inner;
        at
    })
    .collect()
}

impl SwapMatcher {
    /// Each match in `text`: the index of its swap and its span.
    fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> Box<dyn Iterator<Item = Result<(usize, Span), BudgetExhausted>> + 't> {
        match self {
            SwapMatcher::Groups { regex, groups } => {
                Box::new(regex.captures_iter(text).filter_map(move |captures| {
                    let captures = match captures {
                        Ok(captures) => captures,
                        Err(exhausted) => return Some(Err(exhausted)),
                    };
                    groups
                        .iter()
                        .enumerate()
                        .find_map(|(swap, group)| Some(Ok((swap, captures.get(*group)?))))
                }))
            }
            SwapMatcher::Choices(alternation) => Box::new(
                alternation
                    .find_iter(text)
                    .map(|found| found.map(|Found { pattern, span }| (pattern, span))),
            ),
            SwapMatcher::Chunked { finder, chunks } => {
                Box::new(finder.find_iter(text).filter_map(move |found| {
                    let span = match found {
                        Ok(span) => span,
                        Err(exhausted) => return Some(Err(exhausted)),
                    };
                    // The alternation takes the first key that matches where the match starts,
                    // so the first chunk to match exactly there holds it.
                    chunks.iter().find_map(|chunk| {
                        let groups = chunk.regex.groups_at(text, span)?;
                        chunk
                            .groups
                            .iter()
                            .enumerate()
                            .find_map(|(i, &group)| Some(Ok((chunk.first + i, groups.get(group)?))))
                    })
                }))
            }
        }
    }
}

/// Compiles a `substitution` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    if spec.swap.is_empty() {
        return Err(source.invalid("needs a non-empty 'swap' map"));
    }
    // Vale tries the longest key first, so that "MPL 2.0" wins over "MPL".
    let mut keyed: Vec<(&String, &String)> = spec.swap.iter().collect();
    keyed.sort_by_key(|(key, _)| std::cmp::Reverse(key.len()));
    let mut alternatives = Vec::with_capacity(keyed.len());
    let mut swaps = Vec::with_capacity(keyed.len());
    let mut vale_swaps = Vec::with_capacity(keyed.len());
    for &(pattern, replacement) in &keyed {
        alternatives.push(format!("({pattern})"));
        swaps.push(replacement.split('|').map(str::to_owned).collect());
        let refers_to_groups = replacement.contains('$');
        let expected = (!refers_to_groups && !is_phrase(replacement))
            .then(|| regex::Regex::new(&format!("^(?:{replacement})$")).ok())
            .flatten();
        vale_swaps.push(ValeSwap {
            expected,
            replacement: replacement.clone(),
            expansion: refers_to_groups
                .then(|| {
                    let case = if header.ignorecase { "(?i)" } else { "" };
                    regex::Regex::new(&format!("{case}{pattern}")).ok()
                })
                .flatten(),
        });
    }
    let keys = || keyed.iter().map(|(key, _)| key.as_str());
    // A long list is first compiled without a group per key: whether it is linear is all that
    // is needed to choose, and its groups would be the cost.
    let long = keyed.len() > KEYS_PER_CHUNK;
    let regex = if long {
        let plain: Vec<String> = keys().map(|key| format!("(?:{key})")).collect();
        compile_regex(
            source,
            &word_alternation(&plain, header.nonword),
            header.ignorecase,
        )?
    } else {
        compile_regex(
            source,
            &word_alternation(&alternatives, header.nonword),
            header.ignorecase,
        )?
    };
    let matcher = match regex {
        RuleRegex::Linear(_) if long => {
            let mut chunks = Vec::new();
            for (n, chunk) in alternatives.chunks(KEYS_PER_CHUNK).enumerate() {
                let first = n * KEYS_PER_CHUNK;
                chunks.push(SwapChunk {
                    regex: compile_regex(
                        source,
                        &word_alternation(chunk, header.nonword),
                        header.ignorecase,
                    )?,
                    groups: key_groups(keys().skip(first).take(chunk.len()), header.ignorecase),
                    first,
                });
            }
            SwapMatcher::Chunked {
                finder: regex,
                chunks,
            }
        }
        RuleRegex::Linear(_) => SwapMatcher::Groups {
            regex,
            groups: key_groups(keys(), header.ignorecase),
        },
        RuleRegex::Backtracking(_) => {
            let choices: Vec<String> = alternatives
                .iter()
                .map(|choice| word_alternation(std::slice::from_ref(choice), header.nonword))
                .collect();
            let alternation = Alternation::new(&choices, header.ignorecase, LIMITS)
                .map_err(|(_, err)| source.invalid(format!("invalid regex: {}", one_line(&err))))?;
            SwapMatcher::Choices(alternation)
        }
    };
    let exception_terms = super::vocab::terms(header, &spec.exceptions, spec.vocab);
    let exceptions = if exception_terms.is_empty() {
        None
    } else {
        Some(compile_regex(
            source,
            &format!("^(?:{})$", exception_terms.join("|")),
            header.ignorecase,
        )?)
    };
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    let replace_action = header
        .action
        .as_ref()
        .is_some_and(|a| a.name == "replace" && a.params.is_empty());
    Ok(Box::new(Substitution {
        matcher,
        swaps,
        vale_swaps,
        replace_action,
        exceptions,
        scopes,
        ignorecase: header.ignorecase,
        capitalize: spec.capitalize,
    }))
}

impl Substitution {
    /// Reports `observed`, found by swap `swap` at `span`, as Vale does in a block Vale mode has
    /// scoped: unless it is already what the replacement asks for (case counts), with the
    /// replacement in the message quoted when the rule's action is a bare `replace`.
    fn report_as_vale(&self, swap: usize, found: &str, span: Span, out: &mut Reporter<'_>) {
        let observed = found.trim();
        let mut expected = self.vale_swaps[swap].expected(observed);
        let capitalized = self.capitalize && observed == cap_first(observed);
        if capitalized {
            expected = cap_first(&expected);
        }
        if self.vale_swaps[swap].is_expected(&expected, observed) {
            return;
        }
        let params: Vec<String> = expected
            .split('|')
            .map(|p| {
                if capitalized {
                    cap_first(p)
                } else {
                    p.to_owned()
                }
            })
            .collect();
        let fixes = params.iter().map(|p| (span, p.clone())).collect();
        // The message shows the text found as matched, spaces and all ("'vs '").
        if !self.replace_action {
            return out.report(span, &[&expected, found], fixes);
        }
        if expected.is_empty() {
            let message = unquote_first_slot(out.message());
            return out.report_with_message(span, &message, &["", found], fixes);
        }
        let quoted = match params.as_slice() {
            [one] => format!("'{one}'"),
            [first, second] => format!("'{first}' or '{second}'"),
            [rest @ .., last] => {
                let rest: Vec<String> = rest.iter().map(|p| format!("'{p}'")).collect();
                format!("{}, or '{last}'", rest.join(", "))
            }
            [] => String::new(),
        };
        let message = unquote_first_slot(out.message());
        out.report_with_message(span, &message, &[&quoted, found], fixes);
    }
}

impl Check for Substitution {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for found in self.matcher.find_iter(text) {
                let Ok((swap, found)) = found else {
                    out.budget_exhausted(unit.span);
                    break;
                };
                let replacements = &self.swaps[swap];
                let found_text = found.slice(text);
                let excepted = match &self.exceptions {
                    Some(exceptions) => exceptions.is_match(found_text),
                    None => Ok(false),
                };
                match excepted {
                    Ok(false) => {}
                    Ok(true) => continue,
                    Err(BudgetExhausted) => {
                        out.budget_exhausted(unit.span);
                        break;
                    }
                }
                if doc.markup_block {
                    let span = found.shift(unit.span.start);
                    self.report_as_vale(swap, found_text, span, out);
                    continue;
                }
                let unchanged = replacements.iter().any(|r| {
                    if self.ignorecase {
                        r.eq_ignore_ascii_case(found_text)
                    } else {
                        r == found_text
                    }
                });
                if unchanged {
                    continue;
                }
                let span = found.shift(unit.span.start);
                let fixes = replacements
                    .iter()
                    .map(|r| (span, match_case(found_text, r)))
                    .collect();
                let capitalized = self.capitalize && found_text.starts_with(char::is_uppercase);
                let expected = replacements
                    .iter()
                    .map(|r| {
                        if capitalized {
                            match_case(found_text, r)
                        } else {
                            r.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("' or '");
                out.report_in(unit, span, &[&expected, found_text], fixes);
            }
        }
    }
}
