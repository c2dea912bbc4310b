//! Token patterns as Vale builds them: `tokens` joined into one alternation inside word boundaries
//! (unless `nonword`), `raw` pieces concatenated as they are, `(?i)` for `ignorecase`, and
//! `exceptions` that a match must not equal.
//!
//! Rule patterns come from users, so their cost is bounded when they are compiled: a compiled
//! regex may take at most 8 MiB (a swap list of 5,000 words takes under 4 MiB), and counted
//! repetitions may expand to at most 1,000 copies of what they repeat, nested ones multiplied
//! (`a{1000}` and `(?:ab){10}{50}` are allowed, `a{1001}` and `(?:a{100}){11}` are not). A
//! longer repetition makes the search slow down with the square of its count on long lines
//! (`a{10000}` takes a second per megabyte of `a`s, `(?:a{1000}){1000}` minutes), and one past the
//! limits is an error naming the rule.

use regex::RegexBuilder;
use regex_syntax::hir::{Class, Hir, HirKind};

use super::rule_regex::{Alternation, BudgetExhausted, Limits, RuleRegex};
use super::{RuleError, RuleHeader, RuleSource};
use crate::span::Span;

/// Most memory a rule's compiled regex may take: twice what a 5,000-word case-insensitive swap
/// list needs.
const REGEX_SIZE_LIMIT: usize = 8 << 20;

/// Most memory the lazy DFA of a rule's regex may cache per thread.
const DFA_SIZE_LIMIT: usize = 64 << 20;

/// The limits of every rule regex.
pub(super) const LIMITS: Limits = Limits {
    size: REGEX_SIZE_LIMIT,
    dfa: DFA_SIZE_LIMIT,
};

/// Most copies counted repetitions may make of what they repeat, summed over the pattern.
const MAX_REPETITION_COPIES: u64 = 1000;

/// A compiled token pattern with its exceptions.
#[derive(Debug)]
pub(super) struct TokenPattern {
    regex: RuleRegex,
    /// Where the tokens need the backtracking engine and have no `flag` group: each token as its
    /// own choice, so that only those with look-around backtrack.
    tokens: Option<Alternation>,
    exceptions: Option<RuleRegex>,
    /// Index of the `(?P<flag>…)` group, whose span is reported instead of the whole match.
    flag: Option<usize>,
    /// Every match lies within one line and holds a non-ASCII character ("а" inside a Latin word,
    /// a zero-width space): lines of plain ASCII cannot match and are skipped.
    non_ascii_lines_only: bool,
}

impl TokenPattern {
    /// Builds the pattern of an `existence`-style rule.
    pub(super) fn new(
        source: &RuleSource,
        header: &RuleHeader,
        tokens: &[String],
        raw: &[String],
        exceptions: &[String],
    ) -> Result<Self, RuleError> {
        if tokens.is_empty() && raw.is_empty() {
            return Err(source.invalid("needs 'tokens' or 'raw'"));
        }
        let mut pattern = raw.concat();
        if !tokens.is_empty() {
            pattern.push_str(&word_alternation(tokens, header.nonword));
        }
        let regex = compile_regex(source, &pattern, header.ignorecase)?;
        let flag = regex.group_named("flag");
        let tokens = match &regex {
            RuleRegex::Backtracking(_) if raw.is_empty() && flag.is_none() => {
                let choices: Vec<String> = tokens
                    .iter()
                    .map(|token| word_alternation(std::slice::from_ref(token), header.nonword))
                    .collect();
                Alternation::new(&choices, header.ignorecase, LIMITS).ok()
            }
            _ => None,
        };
        let non_ascii_lines_only = regex_syntax::ParserBuilder::new()
            .case_insensitive(header.ignorecase)
            .multi_line(true)
            .build()
            .parse(&pattern)
            .is_ok_and(|hir| requires_non_ascii(&hir) && !may_match_newline(&hir));
        let exceptions = if exceptions.is_empty() {
            None
        } else {
            let alternation = format!("^(?:{})$", exceptions.join("|"));
            Some(compile_regex(source, &alternation, header.ignorecase)?)
        };
        Ok(Self {
            regex,
            tokens,
            exceptions,
            flag,
            non_ascii_lines_only,
        })
    }

    /// The spans (relative to `text`) of every match that is not an exception; a search that
    /// runs out of its backtracking budget ends with `Err`.
    pub(super) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Result<Span, BudgetExhausted>> + 't {
        // Where a pattern can only match non-ASCII text within a line, search only the lines that
        // have some: most wire copy is ASCII but for a dash or a quote here and there.
        let lines: Box<dyn Iterator<Item = (usize, &'t str)>> = if self.non_ascii_lines_only {
            let mut offset = 0;
            Box::new(text.split_inclusive('\n').filter_map(move |line| {
                let start = offset;
                offset += line.len();
                (!line.is_ascii()).then_some((start, line))
            }))
        } else {
            Box::new(std::iter::once((0, text)))
        };
        lines.flat_map(move |(start, line)| {
            self.matches(line)
                .map(move |found| found.map(|span| span.shift(start)))
        })
    }

    fn matches<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = Result<Span, BudgetExhausted>> + 't {
        // Only a pattern with a `flag` group needs its groups, which cost a search more.
        let found: Box<dyn Iterator<Item = Result<Span, BudgetExhausted>> + 't> = match self.flag {
            None if self.tokens.is_some() => Box::new(
                self.tokens
                    .iter()
                    .flat_map(move |tokens| tokens.find_iter(text))
                    .map(|found| found.map(|found| found.span)),
            ),
            None => self.regex.find_iter(text),
            Some(flag) => Box::new(self.regex.captures_iter(text).filter_map(move |captures| {
                captures
                    .map(|captures| captures.get(flag).or_else(|| captures.get(0)))
                    .transpose()
            })),
        };
        found.filter_map(move |reported| {
            let reported = match reported {
                Ok(reported) => reported,
                Err(exhausted) => return Some(Err(exhausted)),
            };
            match self.is_exception(reported.slice(text)) {
                Ok(true) => None,
                Ok(false) => Some(Ok(reported)),
                Err(exhausted) => Some(Err(exhausted)),
            }
        })
    }

    /// True when `found` is one of the rule's exceptions.
    pub(super) fn is_exception(&self, found: &str) -> Result<bool, BudgetExhausted> {
        match &self.exceptions {
            Some(exceptions) => exceptions.is_match(found),
            None => Ok(false),
        }
    }
}

/// `tokens` as one alternation, inside word boundaries unless `nonword`.
pub(super) fn word_alternation(tokens: &[String], nonword: bool) -> String {
    let joined = tokens.join("|");
    if nonword {
        format!("(?:{joined})")
    } else {
        format!(r"\b(?:{joined})\b")
    }
}

/// Compiles `pattern` for a rule, in multi-line mode, with an error that names the rule: with
/// `regex` where it accepts the pattern, else (look-around, back-references) with the
/// backtracking engine ([`RuleRegex`]).
pub(super) fn compile_regex(
    source: &RuleSource,
    pattern: &str,
    ignorecase: bool,
) -> Result<RuleRegex, RuleError> {
    // A pattern that does not parse is left to the regex crate, whose error says why.
    if let Ok(hir) = regex_syntax::ParserBuilder::new()
        .case_insensitive(ignorecase)
        .multi_line(true)
        .build()
        .parse(pattern)
    {
        let copies = repetition_copies(&hir);
        if copies > MAX_REPETITION_COPIES {
            return Err(source.invalid(format!(
                "regex repeats too much: its counted repetitions make {copies} copies of what \
                 they repeat, more than the {MAX_REPETITION_COPIES} allowed (a repetition this \
                 long makes searches on long lines take minutes); use a smaller count, or + or *"
            )));
        }
    }
    let linear = RegexBuilder::new(pattern)
        .case_insensitive(ignorecase)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build();
    match linear {
        Ok(regex) => RuleRegex::linear(regex, pattern, ignorecase, LIMITS)
            .map_err(|err| source.invalid(format!("invalid regex: {}", one_line(&err)))),
        Err(regex::Error::CompiledTooBig(_)) => Err(source.invalid(format!(
            "regex too large: compiled, it would take more than the {} MiB allowed (a very \
             long word list, or a repetition of a large class such as \\w{{1000}}); split \
             the rule or shorten its pattern",
            REGEX_SIZE_LIMIT >> 20
        ))),
        // Syntax `regex` refuses may be Vale's look-around or back-references.
        Err(other) => RuleRegex::backtracking(pattern, ignorecase).map_err(|_| {
            source.invalid(format!("invalid regex: {}", one_line(&other.to_string())))
        }),
    }
}

/// How many copies the counted repetitions (`{n}`, `{n,m}`, `{n,}`) of `hir` make of the
/// characters and classes they repeat: `x{n,m}` compiles to `m` copies of `x`, a repetition inside
/// another multiplies, and `?`, `*` and `+` make one.
fn repetition_copies(hir: &Hir) -> u64 {
    /// Characters and classes in `hir` once counted repetitions are written out.
    fn expanded(hir: &Hir) -> u64 {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => 0,
            HirKind::Literal(literal) => literal.0.len() as u64,
            HirKind::Class(_) => 1,
            HirKind::Repetition(repetition) => {
                count(repetition).saturating_mul(expanded(&repetition.sub))
            }
            HirKind::Capture(capture) => expanded(&capture.sub),
            HirKind::Concat(parts) | HirKind::Alternation(parts) => {
                parts.iter().map(expanded).fold(0, u64::saturating_add)
            }
        }
    }
    fn count(repetition: &regex_syntax::hir::Repetition) -> u64 {
        u64::from(repetition.max.unwrap_or(repetition.min).max(1))
    }
    match hir.kind() {
        HirKind::Repetition(repetition) if count(repetition) > 1 => expanded(hir),
        HirKind::Repetition(repetition) => repetition_copies(&repetition.sub),
        HirKind::Capture(capture) => repetition_copies(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts
            .iter()
            .map(repetition_copies)
            .fold(0, u64::saturating_add),
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => 0,
    }
}

/// Regex errors span several lines with a caret diagram; a one-line error keeps the essentials.
pub(super) fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.chars().all(|c| c == '^' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when every match of `hir` holds at least one non-ASCII character.
fn requires_non_ascii(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => !literal.0.is_ascii(),
        HirKind::Class(Class::Unicode(class)) => {
            class.ranges().iter().all(|r| !r.start().is_ascii())
        }
        HirKind::Class(Class::Bytes(class)) => class.ranges().iter().all(|r| !r.start().is_ascii()),
        HirKind::Repetition(repetition) => {
            repetition.min > 0 && requires_non_ascii(&repetition.sub)
        }
        HirKind::Capture(capture) => requires_non_ascii(&capture.sub),
        HirKind::Concat(parts) => parts.iter().any(requires_non_ascii),
        HirKind::Alternation(choices) => choices.iter().all(requires_non_ascii),
    }
}

/// True when some match of `hir` may contain a line break.
fn may_match_newline(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(repetition) => may_match_newline(&repetition.sub),
        HirKind::Capture(capture) => may_match_newline(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(may_match_newline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_only(pattern: &str) -> bool {
        let hir = regex_syntax::ParserBuilder::new()
            .multi_line(true)
            .build()
            .parse(pattern)
            .unwrap();
        requires_non_ascii(&hir) && !may_match_newline(&hir)
    }

    fn copies(pattern: &str) -> u64 {
        repetition_copies(&regex_syntax::Parser::new().parse(pattern).unwrap())
    }

    #[test]
    fn counted_repetitions_are_counted_in_copies() {
        assert_eq!(
            copies(r"\b(?:cat|dog|bird)\b"),
            0,
            "a word list repeats nothing"
        );
        assert_eq!(copies(r"\w+\s*(?:ab)?"), 0);
        assert_eq!(copies("a{1000}"), 1000);
        assert_eq!(copies("(?:ab){10}{50}"), 1000);
        assert_eq!(copies("(?:a{1000}){1000}"), 1_000_000);
        assert_eq!(copies("x{2,5}y{3,}z"), 8);
        assert_eq!(copies(r"(?:\w+\s+){0,10}said"), 20);
        assert_eq!(copies("a{600}b{600}"), 1200, "repetitions add up");
    }

    #[test]
    fn patterns_that_need_non_ascii_within_a_line_are_recognised() {
        assert!(lines_only(
            r"\w*(?:\p{Latin}\p{Cyrillic}|\p{Cyrillic}\p{Latin})\w*"
        ));
        assert!(lines_only(r"[\x{200B}\x{FEFF}]+"));
        assert!(lines_only(r"\bcaf[éè]\b"));
        assert!(!lines_only(r"\bcafe\b"), "ASCII text can match");
        assert!(!lines_only(r"[é\s]+"), "may be all white space");
        assert!(!lines_only(r"é\s*è"), "may span lines");
        assert!(!lines_only(r"é|e"), "one choice is ASCII");
    }
}
