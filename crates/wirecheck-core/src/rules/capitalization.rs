//! `capitalization`: a unit (a headline, a sentence…) not in the case the rule wants (Vale's kind
//! of the same name).
//!
//! ```yaml
//! extends: capitalization
//! message: "'%s' should be in title case ('%s')"
//! scope: headline
//! match: $title          # $title, $sentence, $lower, $upper, or a regex the unit must contain
//! style: AP              # or Chicago; for $title
//! exceptions: [iPhone]   # regexes kept as written (and the project's accepted terms)
//! indicators: [':']      # for $sentence: a word ending so makes the next one start a sentence
//! prefix: '^[a-z]\.\s'   # left out before the case is judged
//! threshold: 0.8         # share of words that must already be right
//! ```
//! The message gets the unit, then the case expected. The whole unit is reported; with
//! `action: {name: replace}` and no params the fix is the expected text ([`case`] converts it).

use serde::Deserialize;

use super::case::{self, CaseOptions, TitleStyle, Vocabulary};
use super::pattern::compile_regex;
use super::rule_regex::RuleRegex;
use super::scope::units_of;
use super::vocab::{default_vocab, exceptions_pattern, terms};
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(rename = "match")]
    case: String,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    threshold: Option<f64>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default = "default_vocab")]
    vocab: bool,
}

/// The case a unit must be in.
enum Wanted {
    Title(TitleStyle),
    Sentence,
    Lower,
    Upper,
    /// A regex the unit must contain (its text is the "expected" of the message).
    Pattern(RuleRegex, String),
}

struct Capitalization {
    wanted: Wanted,
    options: CaseOptions,
    scopes: Vec<Scope>,
    /// The fix is the expected text: `action: replace` without params.
    fix: bool,
}

/// Compiles a `capitalization` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let wanted = match spec.case.as_str() {
        "$title" => Wanted::Title(match spec.style.as_deref() {
            Some("Chicago") => TitleStyle::Chicago,
            None | Some("AP") => TitleStyle::Ap,
            Some(other) => {
                return Err(
                    source.invalid(format!("unknown style '{other}' (styles: AP, Chicago)"))
                );
            }
        }),
        "$sentence" => Wanted::Sentence,
        "$lower" => Wanted::Lower,
        "$upper" => Wanted::Upper,
        pattern => Wanted::Pattern(compile_regex(source, pattern, false)?, pattern.to_owned()),
    };
    let compile = |pattern: &str| compile_regex(source, pattern, false);
    let exceptions = match exceptions_pattern(header, &spec.exceptions, spec.vocab) {
        Some(pattern) => Some((compile(&pattern)?, pattern)),
        None => None,
    };
    let vocabulary = Vocabulary::new(
        terms(header, &spec.exceptions, spec.vocab)
            .into_iter()
            .map(|term| Ok((term.to_owned(), compile(term)?)))
            .collect::<Result<Vec<_>, RuleError>>()?,
    );
    let prefix = spec.prefix.as_deref().map(compile).transpose()?;
    // Vale reads a threshold of 0 as none given: 0 would pass everything.
    let threshold = spec.threshold.filter(|t| *t != 0.0).unwrap_or(0.8);
    let options = CaseOptions::new(vocabulary, exceptions, spec.indicators, prefix, threshold)
        .map_err(|e| source.invalid(e))?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    let fix = header
        .action
        .as_ref()
        .is_some_and(|a| a.name == "replace" && a.params.is_empty());
    Ok(Box::new(Capitalization {
        wanted,
        options,
        scopes,
        fix,
    }))
}

impl Check for Capitalization {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            if text.trim().is_empty() {
                continue;
            }
            let (expected, right) = match &self.wanted {
                Wanted::Title(style) => case::title(text, *style, &self.options),
                Wanted::Sentence => case::sentence(text, &self.options),
                Wanted::Lower => {
                    let lower = text.to_lowercase();
                    let right = lower == text || self.options.is_exception(text);
                    (lower, right)
                }
                Wanted::Upper => {
                    let upper = text.to_uppercase();
                    let right = upper == text || self.options.is_exception(text);
                    (upper, right)
                }
                Wanted::Pattern(regex, pattern) => {
                    let right =
                        regex.is_match(text).unwrap_or(true) || self.options.is_exception(text);
                    (pattern.clone(), right)
                }
            };
            if right {
                continue;
            }
            let fixes = match (&self.wanted, self.fix) {
                (Wanted::Title(_) | Wanted::Sentence, true) => vec![(unit.span, expected.clone())],
                _ => Vec::new(),
            };
            out.report_in(unit, unit.span, &[text, &expected], fixes);
        }
    }
}
