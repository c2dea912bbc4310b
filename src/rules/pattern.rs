//! Token patterns as Vale builds them: `tokens` joined into one alternation inside word boundaries
//! (unless `nonword`), `raw` pieces concatenated as they are, `(?i)` for `ignorecase`, and
//! `exceptions` that a match must not equal.

use regex::{Regex, RegexBuilder};

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
        })
    }

    /// The spans (relative to `text`) of every match that is not an exception.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
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
