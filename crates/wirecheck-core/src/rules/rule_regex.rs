//! Rule regexes as Vale accepts them. A pattern the linear-time `regex` crate can compile is
//! compiled with it; one that needs look-around or a back-reference (`(?=…)`, `(?<!…)`, `\1`),
//! which `regex` refuses, is compiled with the backtracking `fancy-regex` under a budget of
//! backtracking steps per match attempt, so that no pattern can hang a run. A search that
//! exhausts the budget ends with [`BudgetExhausted`], which the rule reports once per story.

mod alternation;
mod prefiltered;

pub(crate) use alternation::Alternation;
pub(crate) use prefiltered::{Found, Limits, Prefiltered};

use crate::span::Span;

/// Most backtracking steps one match attempt of a backtracking pattern may take (fancy-regex's
/// default): enough for the look-around of real packs, which take a few dozen.
pub(crate) const BACKTRACK_BUDGET: usize = 1_000_000;

/// A compiled rule pattern.
#[derive(Debug)]
pub(crate) enum RuleRegex {
    /// Compiled by `regex`: linear time, no look-around; searched through [`Prefiltered`].
    Linear(Box<Linear>),
    /// Compiled by `fancy-regex`, with a backtracking budget.
    Backtracking(fancy_regex::Regex),
}

/// A pattern `regex` accepts: its `regex` build gives the groups, its [`Prefiltered`] build finds
/// the matches.
#[derive(Debug)]
pub(crate) struct Linear {
    regex: regex::Regex,
    finder: Prefiltered,
}

/// A search of a backtracking pattern took more than [`BACKTRACK_BUDGET`] steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BudgetExhausted;

impl RuleRegex {
    /// Wraps `regex`, compiled from `pattern` with these flags and limits, for fast search.
    pub(crate) fn linear(
        regex: regex::Regex,
        pattern: &str,
        ignorecase: bool,
        limits: Limits,
    ) -> Result<Self, String> {
        let finder = Prefiltered::one(pattern, ignorecase, limits)?;
        Ok(RuleRegex::Linear(Box::new(Linear { regex, finder })))
    }

    /// `pattern` compiled with `regex`, case-sensitive, with [`Limits`] for tests.
    #[cfg(test)]
    pub(crate) fn for_test(pattern: &str) -> Self {
        let limits = Limits {
            size: 8 << 20,
            dfa: 64 << 20,
        };
        let regex = regex::Regex::new(pattern).expect("a test pattern compiles");
        Self::linear(regex, pattern, false, limits).expect("a test pattern compiles")
    }

    /// Compiles `pattern` with the backtracking engine, for syntax `regex` does not accept.
    pub(crate) fn backtracking(
        pattern: &str,
        ignorecase: bool,
    ) -> Result<Self, Box<fancy_regex::Error>> {
        fancy_regex::RegexBuilder::new(pattern)
            .case_insensitive(ignorecase)
            .multi_line(true)
            .backtrack_limit(BACKTRACK_BUDGET)
            .build()
            .map(RuleRegex::Backtracking)
            .map_err(Box::new)
    }

    /// The spans of every match in `text`, left to right; a search that runs out of budget ends
    /// the iteration with `Err`.
    pub(crate) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> Box<dyn Iterator<Item = Result<Span, BudgetExhausted>> + 't> {
        match self {
            RuleRegex::Linear(linear) => {
                Box::new(linear.finder.find_iter(text).map(|found| Ok(found.span)))
            }
            RuleRegex::Backtracking(regex) => Box::new(until_exhausted(
                regex
                    .find_iter(text)
                    .map(|m| m.map(|m| Span::new(m.start(), m.end()))),
            )),
        }
    }

    /// The first match in `text`.
    pub(crate) fn find(&self, text: &str) -> Result<Option<Span>, BudgetExhausted> {
        self.find_iter(text).next().transpose()
    }

    /// True when `text` holds a match.
    pub(crate) fn is_match(&self, text: &str) -> Result<bool, BudgetExhausted> {
        match self {
            RuleRegex::Linear(linear) => Ok(linear.regex.is_match(text)),
            RuleRegex::Backtracking(regex) => regex.is_match(text).map_err(|_| BudgetExhausted),
        }
    }

    /// The group spans of every match in `text` (group 0 the whole match), left to right.
    pub(crate) fn captures_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> Box<dyn Iterator<Item = Result<Groups, BudgetExhausted>> + 't> {
        let len = self.captures_len();
        match self {
            // Groups cost a search far more than finding the match (a swap list of hundreds of
            // groups runs in a slower engine): find each match with the fast engines, then take
            // its groups from where it starts.
            RuleRegex::Linear(linear) => {
                Box::new(linear.finder.find_iter(text).filter_map(move |found| {
                    let groups = linear.finder.groups_within(text, found.span)?;
                    Some(Ok(Groups(groups)))
                }))
            }
            RuleRegex::Backtracking(regex) => {
                Box::new(until_exhausted(regex.captures_iter(text).map(move |c| {
                    c.map(|captures| Groups::of(len, |i| captures.get(i).map(|m| m.range())))
                })))
            }
        }
    }

    /// The groups of this regex's match spanning exactly `span` of `text`, searched for only
    /// there (the text around it still read by `\b`); `None` when it has no such match, and for a
    /// backtracking regex, which is never asked.
    pub(crate) fn groups_at(&self, text: &str, span: Span) -> Option<Groups> {
        match self {
            RuleRegex::Linear(linear) => {
                let groups = Groups(linear.finder.groups_within(text, span)?);
                (groups.get(0) == Some(span)).then_some(groups)
            }
            RuleRegex::Backtracking(_) => None,
        }
    }

    /// The number of groups, the whole match included.
    pub(crate) fn captures_len(&self) -> usize {
        match self {
            RuleRegex::Linear(linear) => linear.regex.captures_len(),
            RuleRegex::Backtracking(regex) => regex.captures_len(),
        }
    }

    /// The index of the group named `name`.
    pub(crate) fn group_named(&self, name: &str) -> Option<usize> {
        match self {
            RuleRegex::Linear(linear) => linear.regex.capture_names().position(|n| n == Some(name)),
            RuleRegex::Backtracking(regex) => regex.capture_names().position(|n| n == Some(name)),
        }
    }
}

/// The spans of one match's groups; `None` for a group that did not take part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Groups(Vec<Option<Span>>);

impl Groups {
    /// The spans of `len` groups, group `i`'s byte range given by `group(i)`.
    fn of(len: usize, group: impl Fn(usize) -> Option<std::ops::Range<usize>>) -> Self {
        Groups((0..len).map(|i| group(i).map(Span::from)).collect())
    }

    /// Group `i`'s span, if it took part.
    pub(crate) fn get(&self, i: usize) -> Option<Span> {
        self.0.get(i).copied().flatten()
    }
}

/// The items of `results` up to and including the first error, which becomes [`BudgetExhausted`]
/// (the only error a compiled fancy-regex search gives).
fn until_exhausted<T>(
    results: impl Iterator<Item = Result<T, fancy_regex::Error>>,
) -> impl Iterator<Item = Result<T, BudgetExhausted>> {
    let mut failed = false;
    results.map_while(move |result| {
        if failed {
            return None;
        }
        failed = result.is_err();
        Some(result.map_err(|_| BudgetExhausted))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_around_and_back_references_match_as_vale_matches_them() {
        let regex = RuleRegex::backtracking(r"\b(\w+) \1\b|\bfoo(?!bar)", false).unwrap();
        let text = "the the foobar foo";
        let found: Vec<_> = regex
            .find_iter(text)
            .map(|m| m.unwrap().slice(text))
            .collect();
        assert_eq!(found, ["the the", "foo"]);
    }

    #[test]
    fn a_pattern_that_exhausts_its_budget_ends_the_search_with_an_error() {
        // Each `a` may be taken two ways, and the `b` fails them all: 2^30 paths.
        let regex = RuleRegex::backtracking(r"^((?=a)a|a)*$", false).unwrap();
        let text = format!("{}b", "a".repeat(30));
        let results: Vec<_> = regex.find_iter(&text).collect();
        assert_eq!(results, [Err(BudgetExhausted)]);
        assert_eq!(regex.is_match(&text), Err(BudgetExhausted));
    }
}
