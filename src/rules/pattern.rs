//! Token patterns as Vale builds them: `tokens` joined into one alternation inside word boundaries
//! (unless `nonword`), `raw` pieces concatenated as they are, `(?i)` for `ignorecase`, and
//! `exceptions` that a match must not equal.

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Class, Hir, HirKind};

use super::{RuleError, RuleHeader, RuleSource};
use crate::span::Span;

/// Compiled regexes may be large (a thousand-word swap list); keep well clear of the default limit.
const REGEX_SIZE_LIMIT: usize = 64 << 20;

/// A compiled token pattern with its exceptions.
#[derive(Debug)]
pub struct TokenPattern {
    regex: Regex,
    exceptions: Option<Regex>,
    /// Index of the `(?P<flag>…)` group, whose span is reported instead of the whole match.
    flag: Option<usize>,
    /// Every match lies within one line and holds a non-ASCII character ("а" inside a Latin word,
    /// a zero-width space): lines of plain ASCII cannot match and are skipped.
    non_ascii_lines_only: bool,
}

impl TokenPattern {
    /// Builds the pattern of an `existence`-style rule.
    pub fn new(
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
        let flag = regex.capture_names().position(|name| name == Some("flag"));
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
            exceptions,
            flag,
            non_ascii_lines_only,
        })
    }

    /// The spans (relative to `text`) of every match that is not an exception.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
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
        lines.flat_map(move |(start, line)| self.matches(line).map(move |span| span.shift(start)))
    }

    fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
        self.regex.captures_iter(text).filter_map(move |captures| {
            let whole = captures.get(0)?;
            let reported = self.flag.and_then(|i| captures.get(i)).unwrap_or(whole);
            if self.is_exception(reported.as_str()) {
                return None;
            }
            Some(Span::new(reported.start(), reported.end()))
        })
    }

    /// True when `found` is one of the rule's exceptions.
    pub fn is_exception(&self, found: &str) -> bool {
        self.exceptions.as_ref().is_some_and(|e| e.is_match(found))
    }
}

/// `tokens` as one alternation, inside word boundaries unless `nonword`.
pub fn word_alternation(tokens: &[String], nonword: bool) -> String {
    let joined = tokens.join("|");
    if nonword {
        format!("(?:{joined})")
    } else {
        format!(r"\b(?:{joined})\b")
    }
}

/// Compiles `pattern` for a rule, in multi-line mode, with an error that names the rule.
pub fn compile_regex(
    source: &RuleSource,
    pattern: &str,
    ignorecase: bool,
) -> Result<Regex, RuleError> {
    RegexBuilder::new(pattern)
        .case_insensitive(ignorecase)
        .multi_line(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| source.invalid(format!("invalid regex: {}", one_line(&err.to_string()))))
}

/// Regex errors span several lines with a caret diagram; a one-line error keeps the essentials.
fn one_line(message: &str) -> String {
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
