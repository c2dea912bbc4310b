//! Fast exact search for linear rule patterns, one or many at once.
//!
//! Vale's word boundaries are Unicode ones (its regexp2 counts letters, marks, digits and
//! connectors of every script as word characters), and so are `regex`'s. But `regex`'s lazy DFA
//! gives up on a Unicode `\b` as soon as it meets a non-ASCII byte, and the search then runs in
//! the PikeVM, fifty times slower: wire copy has a curly quote or a dash in nearly every
//! paragraph. So each pattern is searched in two steps, with the same matches as the pattern:
//!
//! 1. a *loose* automaton (the pattern without its Unicode word-boundary assertions, so a DFA and
//!    literal prefilters serve it on any text) finds where a match may start: every match of the
//!    pattern is a match of the loose one at the same start, so no match starts earlier;
//! 2. the exact pattern is tried *anchored* at that start, which costs only the match's length;
//!    where it fails, the loose search resumes one character on.
//!
//! Many patterns compile into one automaton ([`Prefiltered::many`]) whose match names the pattern
//! that matched, with the priority of an alternation (the leftmost match; at one start, the first
//! pattern): a swap list of hundreds of entries is one search and no capture groups.
//!
//! Should a loose pattern match far more than the exact one on some text (a loose match that runs
//! long and fails at its start again and again), the search falls back to the exact pattern alone
//! once the loose searches have read eight times the text, so it stays linear.

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind, LookSet, Repetition};

use crate::span::Span;

/// Linear patterns compiled for search: the exact automaton and, where the patterns have Unicode
/// word boundaries, the loose one that finds where a match may start.
#[derive(Debug)]
pub(crate) struct Prefiltered {
    exact: Regex,
    loose: Option<Regex>,
}

/// One match: which pattern matched, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The index of the pattern that matched.
    pub(crate) pattern: usize,
    /// Where it matched.
    pub(crate) span: Span,
}

/// Limits the compiled automata share with the `regex` builds of the same patterns.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Most memory one compiled automaton may take.
    pub(crate) size: usize,
    /// Most memory the lazy DFA of one automaton may cache per thread.
    pub(crate) dfa: usize,
}

impl Prefiltered {
    /// Compiles `pattern` (already accepted by `regex` with the same flags).
    pub(crate) fn one(pattern: &str, ignorecase: bool, limits: Limits) -> Result<Self, String> {
        Self::many(&[pattern], ignorecase, limits)
    }

    /// Compiles `patterns` into one automaton, each pattern matched as one choice of an
    /// alternation in this order.
    pub(crate) fn many(
        patterns: &[&str],
        ignorecase: bool,
        limits: Limits,
    ) -> Result<Self, String> {
        let hirs = parse(patterns, ignorecase)?;
        let exact = builder(limits)
            .build_many_from_hir(&hirs)
            .map_err(|err| err.to_string())?;
        let wants_loose = hirs
            .iter()
            .any(|hir| has_unicode_word_looks(hir.properties().look_set()));
        let loose = if wants_loose {
            let loose: Vec<Hir> = hirs.iter().map(without_unicode_word_looks).collect();
            Some(
                builder(limits)
                    .build_many_from_hir(&loose)
                    .map_err(|err| err.to_string())?,
            )
        } else {
            None
        };
        Ok(Self { exact, loose })
    }

    /// The group spans (group 0 the whole match) of the match that spans exactly `found`, a
    /// match [`Self::find_iter`] gave: the groups are searched for only within it, anchored, the
    /// text around it still read by assertions such as `\b`, so a swap list of hundreds of
    /// groups costs the match's length, not the rest of the text.
    pub(crate) fn groups_within(&self, text: &str, found: Span) -> Option<Vec<Option<Span>>> {
        let mut captures = self.exact.create_captures();
        let input = Input::new(text)
            .span(found.start..found.end)
            .anchored(Anchored::Yes);
        self.exact.search_captures(&input, &mut captures);
        if !captures.is_match() {
            return None;
        }
        Some(
            (0..captures.group_len())
                .map(|i| captures.get_group(i).map(|g| Span::new(g.start, g.end)))
                .collect(),
        )
    }

    /// The match of the first pattern that matches at `start`, if any does.
    pub(crate) fn anchored_at(&self, text: &str, start: usize) -> Option<Found> {
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        self.exact.search(&input).map(|m| Found {
            pattern: m.pattern().as_usize(),
            span: Span::new(m.start(), m.end()),
        })
    }

    /// The matches in `text`, left to right, not overlapping, as `regex`'s `find_iter` gives them.
    pub(crate) fn find_iter<'t>(&'t self, text: &'t str) -> FindIter<'t> {
        FindIter {
            matcher: self,
            text,
            at: 0,
            last_end: None,
            loose_budget: text.len().saturating_mul(8).saturating_add(4096),
        }
    }

    /// The leftmost match starting at or after `at`; `loose_budget` is how many more bytes the
    /// loose searches may read before the exact pattern searches alone.
    fn find_at(&self, text: &str, mut at: usize, loose_budget: &mut usize) -> Option<Found> {
        let found = |m: regex_automata::Match| Found {
            pattern: m.pattern().as_usize(),
            span: Span::new(m.start(), m.end()),
        };
        let Some(loose) = &self.loose else {
            return self
                .exact
                .search(&Input::new(text).span(at..text.len()))
                .map(found);
        };
        loop {
            if *loose_budget == 0 {
                return self
                    .exact
                    .search(&Input::new(text).span(at..text.len()))
                    .map(found);
            }
            let candidate = loose.search(&Input::new(text).span(at..text.len()))?;
            *loose_budget = loose_budget.saturating_sub(candidate.end() - at + 1);
            let start = candidate.start();
            let anchored = Input::new(text)
                .span(start..text.len())
                .anchored(Anchored::Yes);
            if let Some(m) = self.exact.search(&anchored) {
                return Some(found(m));
            }
            at = next_char(text, start)?;
        }
    }
}

/// The matches of a [`Prefiltered`] in one text.
#[derive(Debug)]
pub(crate) struct FindIter<'t> {
    matcher: &'t Prefiltered,
    text: &'t str,
    at: usize,
    last_end: Option<usize>,
    loose_budget: usize,
}

impl FindIter<'_> {
    /// The leftmost match starting at or after `at`, whatever matched before; for callers that
    /// merge several searches and skip empty matches themselves.
    pub(crate) fn next_from(&mut self, at: usize) -> Option<Found> {
        self.matcher.find_at(self.text, at, &mut self.loose_budget)
    }
}

impl Iterator for FindIter<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if self.at > self.text.len() {
                return None;
            }
            let found = self
                .matcher
                .find_at(self.text, self.at, &mut self.loose_budget)?;
            // As `regex` does: an empty match where the previous one ended is skipped, and the
            // search goes on from the next character.
            if found.span.is_empty() && Some(found.span.end) == self.last_end {
                self.at = next_char(self.text, found.span.end).unwrap_or(self.text.len() + 1);
                continue;
            }
            self.at = found.span.end;
            self.last_end = Some(found.span.end);
            return Some(found);
        }
    }
}

/// One automaton over `patterns` with their Unicode word boundaries taken out: where it matches,
/// pattern `i` at most as early as the automaton's pattern `i`, no pattern matches earlier.
pub(crate) fn loose_automaton(
    patterns: &[&str],
    ignorecase: bool,
    limits: Limits,
) -> Result<Regex, String> {
    let loose: Vec<Hir> = parse(patterns, ignorecase)?
        .iter()
        .map(without_unicode_word_looks)
        .collect();
    builder(limits)
        .build_many_from_hir(&loose)
        .map_err(|err| err.to_string())
}

/// `patterns` parsed with the flags of rule regexes.
fn parse(patterns: &[&str], ignorecase: bool) -> Result<Vec<Hir>, String> {
    let mut parser = regex_syntax::ParserBuilder::new()
        .case_insensitive(ignorecase)
        .multi_line(true)
        .build();
    patterns
        .iter()
        .map(|p| parser.parse(p).map_err(|err| err.to_string()))
        .collect()
}

/// A builder with the settings `regex` gives its own automata, and the rule limits.
fn builder(limits: Limits) -> meta::Builder {
    let mut builder = meta::Builder::new();
    builder
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(limits.size))
                .onepass_size_limit(Some(limits.size))
                .dfa_size_limit(Some(limits.size))
                .hybrid_cache_capacity(limits.dfa),
        )
        .syntax(syntax::Config::new().utf8(true));
    builder
}

/// The offset of the character after the one at `at`, or `None` at the end of `text`.
pub(crate) fn next_char(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    Some(at + c.len_utf8())
}

/// True when `looks` holds a Unicode word boundary (`\b`, `\B`, `\b{start}`, …).
fn has_unicode_word_looks(looks: LookSet) -> bool {
    looks.contains_word_unicode()
}

/// `hir` with its Unicode word-boundary assertions taken out (so it matches wherever `hir` does,
/// and more), and without capture groups, which the loose search does not need.
fn without_unicode_word_looks(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) if has_unicode_word_looks(LookSet::singleton(*look)) => Hir::empty(),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            min: repetition.min,
            max: repetition.max,
            greedy: repetition.greedy,
            sub: Box::new(without_unicode_word_looks(&repetition.sub)),
        }),
        HirKind::Capture(capture) => without_unicode_word_looks(&capture.sub),
        HirKind::Concat(parts) => {
            Hir::concat(parts.iter().map(without_unicode_word_looks).collect())
        }
        HirKind::Alternation(choices) => {
            Hir::alternation(choices.iter().map(without_unicode_word_looks).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        size: 8 << 20,
        dfa: 64 << 20,
    };

    fn spans(pattern: &str, text: &str) -> Vec<(usize, usize)> {
        Prefiltered::one(pattern, true, LIMITS)
            .unwrap()
            .find_iter(text)
            .map(|f| (f.span.start, f.span.end))
            .collect()
    }

    fn regex_spans(pattern: &str, text: &str) -> Vec<(usize, usize)> {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .multi_line(true)
            .build()
            .unwrap()
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    #[test]
    fn word_boundaries_are_unicode_ones_as_in_vale() {
        let text = "Un café, un cafe, cafés, «cafe», 東京cafe, naïve naive.";
        for pattern in [
            r"\bcafe\b",
            r"\bcafé\b",
            r"\bcaf\b",
            r"\bna\w+\b",
            r"\b\w+ve\b",
        ] {
            assert_eq!(
                spans(pattern, text),
                regex_spans(pattern, text),
                "{pattern}"
            );
        }
        assert_eq!(spans(r"\bcaf\b", text), [], "é is a word character");
        let cafe: Vec<_> = spans(r"\bcafe\b", text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(cafe, ["cafe", "cafe"], "«cafe» is a word, 東京cafe is not");
    }

    #[test]
    fn many_patterns_match_as_their_alternation() {
        let patterns = [r"\bin order\b", r"\bin order to\b", r"\border\b", r"\bto\b"];
        let set = Prefiltered::many(&patterns, true, LIMITS).unwrap();
        let text = "In order to — order “to” in orderly";
        let found: Vec<_> = set
            .find_iter(text)
            .map(|f| (f.pattern, &text[f.span.start..f.span.end]))
            .collect();
        assert_eq!(found, [(0, "In order"), (3, "to"), (2, "order"), (3, "to")]);
    }

    #[test]
    fn a_loose_pattern_that_keeps_failing_stays_linear() {
        // `\ba\w*z` loosens to `a\w*z`, which matches at every `a` of the run and fails the
        // boundary at all but the first: the budget hands the search to the exact pattern.
        let text = format!("é{}z {}", "a".repeat(20_000), "az");
        assert_eq!(spans(r"\ba\w*z", &text), regex_spans(r"\ba\w*z", &text));
    }

    /// Pieces of patterns: word boundaries, classes and literals in and out of ASCII.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::sample::select(vec![
            r"\b", r"\B", "a", "b", "é", "É", "東", " ", r"\w", r"\W", r"\s", r"\d", ".", "a?",
            r"\w+", "(?:a|é)", "[^a ]", "^", "$", "b*", "(é)", "1", "(a|ab)", "(b*)",
        ])
        .prop_map(str::to_owned)
    }

    fn pattern() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(prop::collection::vec(piece(), 1..5), 1..4).prop_map(|choices| {
            let choices: Vec<String> = choices.iter().map(|c| c.concat()).collect();
            choices.join("|")
        })
    }

    fn haystack() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "b", "é", "É", "東", " ", "\n", "1", "_", "—", "ab",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #[test]
        fn the_prefiltered_search_finds_exactly_what_regex_finds(
            pattern in pattern(),
            text in haystack(),
            ignorecase in proptest::bool::ANY,
        ) {
            let regex = regex::RegexBuilder::new(&pattern)
                .case_insensitive(ignorecase)
                .multi_line(true)
                .build()
                .unwrap();
            let expected: Vec<_> = regex.find_iter(&text).map(|m| m.range()).collect();
            let finder = Prefiltered::one(&pattern, ignorecase, LIMITS).unwrap();
            let found: Vec<_> = finder
                .find_iter(&text)
                .map(|f| f.span.start..f.span.end)
                .collect();
            proptest::prop_assert_eq!(found, expected);
            // The groups taken within each match are those of the whole search.
            let expected_groups: Vec<Vec<Option<(usize, usize)>>> = regex
                .captures_iter(&text)
                .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                .collect();
            let groups: Vec<Vec<Option<(usize, usize)>>> = finder
                .find_iter(&text)
                .map(|f| {
                    finder
                        .groups_within(&text, f.span)
                        .unwrap()
                        .iter()
                        .map(|g| g.map(|g| (g.start, g.end)))
                        .collect()
                })
                .collect();
            proptest::prop_assert_eq!(groups, expected_groups);
        }

        #[test]
        fn many_patterns_find_exactly_what_their_alternation_finds(
            patterns in proptest::collection::vec(pattern(), 1..5),
            text in haystack(),
        ) {
            let alternation: Vec<String> = patterns.iter().map(|p| format!("({p})")).collect();
            let regex = regex::RegexBuilder::new(&alternation.join("|"))
                .multi_line(true)
                .build()
                .unwrap();
            // The pattern whose group took part is the first group set, counting each
            // pattern's own groups.
            let mut first_group = Vec::new();
            let mut group = 1;
            for p in &patterns {
                first_group.push(group);
                group += regex::Regex::new(p).unwrap().captures_len();
            }
            let expected: Vec<_> = regex
                .captures_iter(&text)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let which = first_group.iter().position(|&g| c.get(g).is_some()).unwrap();
                    (which, m.range())
                })
                .collect();
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let found: Vec<_> = Prefiltered::many(&refs, false, LIMITS)
                .unwrap()
                .find_iter(&text)
                .map(|f| (f.pattern, f.span.start..f.span.end))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
