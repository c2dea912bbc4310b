//! A list of rule patterns matched as one alternation (`a|b|c`), each match naming the choice
//! that matched: a swap list, or the tokens of an `existence` rule.
//!
//! Written as one regex, a single choice with look-around (`it is(?!\.)`) would put every choice
//! in the backtracking engine. Here the choices `regex` accepts share one [`Prefiltered`]
//! automaton and each other choice has its own backtracking regex; their next matches are merged
//! as the alternation orders them: the leftmost start, and at one start the first choice. The
//! matches are the alternation's, since `X(?:A|B)Y` tries `XAY` before `XBY`.
//!
//! Where every backtracking choice can be loosened into a pattern `regex` accepts (look-around
//! taken out, so it matches wherever the choice does and more), one loose automaton over all the
//! choices finds where a match may start, and only there are the choices tried, anchored: the
//! backtracking engine then runs only at candidate starts. Otherwise (a back-reference), or once
//! the loose search has read too much, each part searches on its own and the next matches merge.

use std::sync::Arc;

use fancy_regex::{Assertion, Expr};
use regex_automata::Input;

use super::prefiltered::{Found, Limits, Prefiltered, loose_automaton, next_char};
use super::{BACKTRACK_BUDGET, BudgetExhausted};
use crate::span::Span;

/// Choices matched as one alternation.
#[derive(Debug)]
pub(crate) struct Alternation {
    /// The choices `regex` accepts, and the index of each among all the choices.
    linear: Option<(Prefiltered, Vec<usize>)>,
    /// The other choices, each with its index.
    backtracking: Vec<(usize, fancy_regex::Regex)>,
    /// The backtracking choices anchored where the search starts (`\G`), in the same order.
    anchored: Vec<fancy_regex::Regex>,
    /// All the choices loosened, in order, where each backtracking choice can be.
    loose: Option<regex_automata::meta::Regex>,
}

impl Alternation {
    /// Compiles `choices`; an error gives the index of the choice that fails and why.
    pub(crate) fn new(
        choices: &[String],
        ignorecase: bool,
        limits: Limits,
    ) -> Result<Self, (usize, String)> {
        let mut linear = Vec::new();
        let mut backtracking = Vec::new();
        let mut anchored = Vec::new();
        let mut loosened: Option<Vec<String>> = Some(Vec::with_capacity(choices.len()));
        for (index, choice) in choices.iter().enumerate() {
            // What `regex` parses it compiles, up to the size limit the automaton enforces.
            let parsed = regex_syntax::ParserBuilder::new()
                .case_insensitive(ignorecase)
                .multi_line(true)
                .build()
                .parse(choice);
            match parsed {
                Ok(_) => {
                    linear.push((index, choice.as_str()));
                    if let Some(loosened) = &mut loosened {
                        loosened.push(choice.clone());
                    }
                }
                Err(_) => {
                    let compile = |pattern: &str| {
                        fancy_regex::RegexBuilder::new(pattern)
                            .case_insensitive(ignorecase)
                            .multi_line(true)
                            .backtrack_limit(BACKTRACK_BUDGET)
                            .build()
                            .map_err(|err| (index, err.to_string()))
                    };
                    backtracking.push((index, compile(choice)?));
                    anchored.push(compile(&format!(r"\G(?:{choice})"))?);
                    loosened = loosened.and_then(|mut loosened| {
                        loosened.push(loosen(choice, ignorecase)?);
                        Some(loosened)
                    });
                }
            }
        }
        let linear = if linear.is_empty() {
            None
        } else {
            let patterns: Vec<&str> = linear.iter().map(|(_, p)| *p).collect();
            let matcher = Prefiltered::many(&patterns, ignorecase, limits)
                .map_err(|err| (linear[0].0, err))?;
            Some((matcher, linear.iter().map(|(i, _)| *i).collect()))
        };
        // Only worth it where some choice backtracks: else the linear automaton is the search.
        let loose = match loosened {
            Some(loosened) if !backtracking.is_empty() => {
                let patterns: Vec<&str> = loosened.iter().map(String::as_str).collect();
                loose_automaton(&patterns, ignorecase, limits).ok()
            }
            _ => None,
        };
        Ok(Self {
            linear,
            backtracking,
            anchored,
            loose,
        })
    }

    /// The first choice that matches exactly at `start`, where the loose automaton says choice
    /// `first` is the first that may.
    fn anchored_at(
        &self,
        text: &str,
        start: usize,
        first: usize,
    ) -> Result<Option<Found>, BudgetExhausted> {
        let mut best = self.linear.as_ref().and_then(|(matcher, indices)| {
            matcher.anchored_at(text, start).map(|f| Found {
                pattern: indices[f.pattern],
                ..f
            })
        });
        for ((index, _), regex) in self.backtracking.iter().zip(&self.anchored) {
            if *index < first {
                continue;
            }
            if best.is_some_and(|b| b.pattern < *index) {
                break;
            }
            if let Some(m) = regex
                .find_from_pos(text, start)
                .map_err(|_| BudgetExhausted)?
            {
                best = Some(Found {
                    pattern: *index,
                    span: Span::new(m.start(), m.end()),
                });
                break;
            }
        }
        Ok(best)
    }

    /// The leftmost match at or after `at`, through the loose automaton; `None` inside when the
    /// loose searches have read more than `budget` allows (the caller then merges instead).
    fn find_loosely(
        &self,
        loose: &regex_automata::meta::Regex,
        text: &str,
        mut at: usize,
        budget: &mut usize,
    ) -> Result<Option<Option<Found>>, BudgetExhausted> {
        loop {
            if *budget == 0 {
                return Ok(None);
            }
            let Some(candidate) = loose.search(&Input::new(text).span(at..text.len())) else {
                return Ok(Some(None));
            };
            *budget = budget.saturating_sub(candidate.end() - at + 1);
            let start = candidate.start();
            if let Some(found) = self.anchored_at(text, start, candidate.pattern().as_usize())? {
                return Ok(Some(Some(found)));
            }
            match next_char(text, start) {
                Some(next) => at = next,
                None => return Ok(Some(None)),
            }
        }
    }

    /// The matches in `text`, left to right, not overlapping, as the alternation's `find_iter`
    /// gives them; a backtracking choice that runs out of budget ends them with `Err`.
    pub(crate) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Result<Found, BudgetExhausted>> + 't {
        let mut linear = self
            .linear
            .as_ref()
            .map(|(matcher, indices)| (matcher.find_iter(text), indices, None::<Option<Found>>));
        // Each backtracking choice's next match at or after `at`, once searched.
        let mut next_backtracking: Vec<Option<Option<Found>>> = vec![None; self.backtracking.len()];
        let mut at = 0;
        let mut last_end: Option<usize> = None;
        let mut failed = false;
        let mut loose_budget = text.len().saturating_mul(8).saturating_add(4096);
        std::iter::from_fn(move || {
            if failed {
                return None;
            }
            loop {
                if at > text.len() {
                    return None;
                }
                if let Some(loose) = self.loose.as_ref().filter(|_| loose_budget > 0) {
                    match self.find_loosely(loose, text, at, &mut loose_budget) {
                        Ok(Some(found)) => {
                            let found = found?;
                            if found.span.is_empty() && Some(found.span.end) == last_end {
                                at = next_char(text, found.span.end).unwrap_or(text.len() + 1);
                                continue;
                            }
                            at = found.span.end;
                            last_end = Some(found.span.end);
                            return Some(Ok(found));
                        }
                        // Out of budget: merge from here on.
                        Ok(None) => {}
                        Err(exhausted) => {
                            failed = true;
                            return Some(Err(exhausted));
                        }
                    }
                }
                let mut best: Option<Found> = None;
                let mut consider = |found: Found| {
                    let better = best.is_none_or(|b| {
                        (found.span.start, found.pattern) < (b.span.start, b.pattern)
                    });
                    if better {
                        best = Some(found);
                    }
                };
                if let Some((matches, indices, next)) = &mut linear {
                    if next.is_none_or(|n| n.is_some_and(|f| f.span.start < at)) {
                        *next = Some(matches.next_from(at).map(|f| Found {
                            pattern: indices[f.pattern],
                            ..f
                        }));
                    }
                    if let Some(Some(found)) = next {
                        consider(*found);
                    }
                }
                for ((index, regex), next) in self.backtracking.iter().zip(&mut next_backtracking) {
                    if next.is_none_or(|n| n.is_some_and(|f| f.span.start < at)) {
                        match regex.find_from_pos(text, at) {
                            Ok(found) => {
                                *next = Some(found.map(|m| Found {
                                    pattern: *index,
                                    span: Span::new(m.start(), m.end()),
                                }));
                            }
                            Err(_) => {
                                failed = true;
                                return Some(Err(BudgetExhausted));
                            }
                        }
                    }
                    if let Some(Some(found)) = next {
                        consider(*found);
                    }
                }
                let found = best?;
                // As `regex` does: an empty match where the previous one ended is skipped.
                if found.span.is_empty() && Some(found.span.end) == last_end {
                    at = next_char(text, found.span.end).unwrap_or(text.len() + 1);
                    continue;
                }
                at = found.span.end;
                last_end = Some(found.span.end);
                return Some(Ok(found));
            }
        })
    }
}

/// `pattern` with its look-around taken out, written for `regex`, if it has nothing else that
/// `regex` lacks: it matches wherever `pattern` does (with the same flags), and perhaps more.
fn loosen(pattern: &str, ignorecase: bool) -> Option<String> {
    let flags = if ignorecase { "(?im)" } else { "(?m)" };
    let tree = Expr::parse_tree(&format!("{flags}{pattern}")).ok()?;
    let loose = without_look_around(&tree.expr)?;
    let mut written = String::new();
    loose.to_str(&mut written, 0);
    Some(written)
}

/// `expr` with look-around and `\G` made empty; `None` for what has no loose form here
/// (back-references, conditionals, atomic groups, …).
fn without_look_around(expr: &Expr) -> Option<Expr> {
    let all = |exprs: &[Expr]| {
        exprs
            .iter()
            .map(without_look_around)
            .collect::<Option<Vec<_>>>()
    };
    Some(match expr {
        Expr::LookAround(..) | Expr::ContinueFromPreviousMatchEnd => Expr::Empty,
        Expr::Empty | Expr::Any { .. } | Expr::Literal { .. } | Expr::Delegate { .. } => {
            expr.clone()
        }
        Expr::Assertion(
            Assertion::StartText
            | Assertion::EndText
            | Assertion::StartLine { .. }
            | Assertion::EndLine { .. }
            | Assertion::WordBoundary
            | Assertion::NotWordBoundary
            | Assertion::LeftWordBoundary
            | Assertion::RightWordBoundary,
        ) => expr.clone(),
        Expr::Concat(children) => Expr::Concat(all(children)?),
        Expr::Alt(children) => Expr::Alt(all(children)?),
        Expr::Group(child) => Expr::Group(Arc::new(without_look_around(child)?)),
        Expr::Repeat {
            child,
            lo,
            hi,
            greedy,
        } => Expr::Repeat {
            child: Box::new(without_look_around(child)?),
            lo: *lo,
            hi: *hi,
            greedy: *greedy,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LIMITS: Limits = Limits {
        size: 8 << 20,
        dfa: 64 << 20,
    };

    /// What the alternation of `choices`, compiled as one backtracking regex, finds, each match
    /// with the index of the first choice that matches where it starts.
    fn one_regex(choices: &[String], ignorecase: bool, text: &str) -> Vec<(usize, Span)> {
        let compile = |pattern: &str| {
            fancy_regex::RegexBuilder::new(pattern)
                .case_insensitive(ignorecase)
                .multi_line(true)
                .build()
                .unwrap()
        };
        let groups: Vec<String> = choices.iter().map(|c| format!("(?:{c})")).collect();
        let regex = compile(&groups.join("|"));
        let anchored: Vec<_> = choices
            .iter()
            .map(|c| compile(&format!(r"\G(?:{c})")))
            .collect();
        regex
            .find_iter(text)
            .map(|m| {
                let m = m.unwrap();
                let which = anchored
                    .iter()
                    .position(|a| a.find_from_pos(text, m.start()).unwrap().is_some())
                    .unwrap();
                (which, Span::new(m.start(), m.end()))
            })
            .collect()
    }

    fn found(choices: &[String], ignorecase: bool, text: &str) -> Vec<(usize, Span)> {
        Alternation::new(choices, ignorecase, LIMITS)
            .unwrap()
            .find_iter(text)
            .map(|f| f.map(|f| (f.pattern, f.span)).unwrap())
            .collect()
    }

    #[test]
    fn look_around_choices_keep_their_place_in_the_alternation() {
        let choices: Vec<String> = [r"\bit is(?!\.)", r"\bit\b", r"(?<=, )so\b", r"\bis not\b"]
            .map(str::to_owned)
            .into();
        let text = "It is. It is here, so it is not — it, “it is” so";
        assert_eq!(found(&choices, true, text), one_regex(&choices, true, text));
        let alternation = Alternation::new(&choices, true, LIMITS).unwrap();
        assert!(alternation.loose.is_some(), "look-around loosens");
        let backreference = [r"\b(\w+) \1\b".to_owned(), "é".to_owned()];
        assert!(
            Alternation::new(&backreference, false, LIMITS)
                .unwrap()
                .loose
                .is_none()
        );
        let text = "the the é";
        assert_eq!(
            found(&backreference, false, text),
            one_regex(&backreference, false, text)
        );
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            r"\b", "a", "b", "é", "東", " ", r"\w", r"\s", "a?", r"\w+", "(?=a)", "(?!é)",
            "(?<=b)", "(?<! )", "(?>a|ab)", "^", "$", "(?:a|é)", "(b)",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #[test]
        fn the_alternation_finds_exactly_what_one_backtracking_regex_finds(
            choices in prop::collection::vec(
                prop::collection::vec(piece(), 1..5).prop_map(|p| p.concat()),
                1..5,
            ),
            text in prop::collection::vec(
                prop::sample::select(vec!["a", "b", "é", "東", " ", "\n", "ab", "aa"]),
                0..30,
            ).prop_map(|parts| parts.concat()),
            ignorecase in any::<bool>(),
        ) {
            prop_assert_eq!(found(&choices, ignorecase, &text), one_regex(&choices, ignorecase, &text));
        }
    }
}
