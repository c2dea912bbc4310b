//! `repetition`: a word written twice in a row, "the the" (Vale's kind of the same name).
//!
//! ```yaml
//! extends: repetition
//! message: "'%s' is repeated."
//! ignorecase: true
//! exceptions: [that, had]
//! ```
//! Two words count as repeated when only white space stands between them, within one block (not
//! across a blank line or from the headline into the story); capitalised reduplicated names
//! ("Pago Pago", "Walla Walla": a known place, or a word that is no common English word) are not
//! doubled words, but a capitalised common word doubled is ("Secretary Secretary"). `tokens`, if given,
//! limits the check to words that fully match one of them. The fix keeps one copy.

use serde::Deserialize;

use super::pattern::compile_regex;
use super::rule_regex::{BudgetExhausted, RuleRegex};
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;
use crate::knowledge::gazetteer::Gazetteer;
use crate::knowledge::lexicon::is_english_word;
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// Only alphabetic words (Vale's `alpha`).
    #[serde(default)]
    alpha: bool,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "super::vocab::default_vocab")]
    vocab: bool,
    /// Repeats allowed before one is flagged (Vale's `max`, read in Vale mode).
    #[serde(default)]
    max: usize,
}

struct Repetition {
    tokens: Option<RuleRegex>,
    /// The tokens as Vale searches for them, `(a|b)`, for Vale mode.
    vale_tokens: Option<RuleRegex>,
    max: usize,
    exceptions: Vec<String>,
    alpha: bool,
    ignorecase: bool,
    scopes: Vec<Scope>,
}

/// Compiles a `repetition` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let tokens = if spec.tokens.is_empty() {
        None
    } else {
        Some(compile_regex(
            source,
            &format!("^(?:{})$", spec.tokens.join("|")),
            header.ignorecase,
        )?)
    };
    let vale_tokens = if spec.tokens.is_empty() {
        None
    } else {
        Some(compile_regex(
            source,
            &format!("({})", spec.tokens.join("|")),
            header.ignorecase,
        )?)
    };
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    if scopes.contains(&Scope::Raw) {
        return Err(source.invalid("repetition reads words; scope 'raw' has none"));
    }
    Ok(Box::new(Repetition {
        tokens,
        vale_tokens,
        max: spec.max,
        exceptions: super::vocab::terms(header, &spec.exceptions, spec.vocab)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        alpha: spec.alpha,
        ignorecase: header.ignorecase,
        scopes,
    }))
}

impl Repetition {
    fn same(&self, a: &str, b: &str) -> bool {
        // Most neighbouring words differ in length; ASCII case folding keeps lengths.
        if a.len() != b.len() && a.is_ascii() && b.is_ascii() {
            return false;
        }
        if !self.ignorecase {
            a == b
        } else if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    }

    fn counts(&self, word: &str) -> Result<bool, BudgetExhausted> {
        let token = match &self.tokens {
            Some(tokens) => tokens.is_match(word)?,
            None => true,
        };
        Ok((!self.alpha || word.chars().all(char::is_alphabetic))
            && token
            && !self.exceptions.iter().any(|e| e.eq_ignore_ascii_case(word)))
    }
}

/// True when the two words stand in different blocks: across a blank line, or from the headline or a
/// front line to the next line ("… in Tokyo" / "TOKYO (AP) —").
fn crosses_a_block(doc: &Document, first: Span, between: &str) -> bool {
    let breaks = between.matches('\n').count();
    breaks >= 2
        || (breaks == 1
            && doc
                .headline
                .iter()
                .chain(doc.front.iter().map(|l| &l.span))
                .any(|s| s.contains(first)))
}

/// Function words that are a mistake when doubled even with capitals ("The The").
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "and", "for", "is", "was", "it",
];

/// True for a capitalised reduplicated name: a known place ("Walla Walla", in the gazetteer or the
/// configuration's places) or a word that is no common English word ("Pago Pago", "Bora Bora",
/// "Xiao Xiao"). A capitalised common word doubled is a doubled word: "the General Secretary
/// Secretary".
fn is_reduplicated_name(a: &str, b: &str, context: &StoryContext<'_>) -> bool {
    if !a.starts_with(char::is_uppercase)
        || !b.starts_with(char::is_uppercase)
        || FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(a))
    {
        return false;
    }
    let doubled = format!("{a} {b}");
    Gazetteer::shipped().is_place_name(&doubled)
        || context.run().places.is_place_name(&doubled)
        || !is_english_word(a)
}

/// True when the capitalised word of `first` and `second` stands a third time right before or
/// after them: "Go Go Go" is a chant or a slogan, where a slip of the keyboard doubles a word once.
fn is_chant(doc: &Document, first: Span, second: Span) -> bool {
    let text = doc.text();
    let word = doc.slice(first);
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let same = |other: &str| other.eq_ignore_ascii_case(word) || other == word;
    let after = text[second.end..].trim_start_matches([' ', '\u{a0}']);
    let next = after.split(|c: char| !c.is_alphanumeric()).next();
    let before = text[..first.start].trim_end_matches([' ', '\u{a0}']);
    let previous = before.rsplit(|c: char| !c.is_alphanumeric()).next();
    next.is_some_and(same) || previous.is_some_and(same)
}

/// Punctuation that closes a word rather than belonging to it.
const CLOSING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?'];

impl Repetition {
    /// Vale's algorithm, for a block Vale mode has scoped: each match of the tokens against the
    /// one before it, flagged past `max` repeats when no line break stands between them.
    fn check_as_vale(&self, tokens: &RuleRegex, doc: &Document, out: &mut Reporter<'_>) {
        let text = doc.text();
        let mut previous: Option<(Span, &str)> = None;
        let mut count = 0;
        for found in tokens.find_iter(text) {
            let Ok(found) = found else {
                out.budget_exhausted(Span::new(0, text.len()));
                return;
            };
            let written = found.slice(text).trim();
            // Vale 3.15.1 flags "completes completes." but not "Redis. Redis" (its suite's
            // checks/Repetition): a word's closing punctuation is not part of it, and a word
            // that ends a sentence is not repeated by the next.
            let current = written.trim_end_matches(CLOSING_PUNCTUATION);
            let hit = previous.is_some_and(|(_, before)| self.same(current, before))
                && !current.is_empty()
                && (!self.alpha || current.chars().all(char::is_alphabetic));
            if hit {
                count += 1;
            }
            if let Some((before, _)) = previous.filter(|_| hit && count > self.max) {
                let span = Span::new(before.start, found.end);
                let excepted = self
                    .exceptions
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(current));
                if !span.slice(text).contains('\n') && !excepted {
                    let kept = before.slice(text).trim().to_owned();
                    out.report(span, &[current], vec![(span, kept)]);
                    count = 0;
                }
            }
            previous = (!written.ends_with(['.', '!', '?'])).then_some((found, current));
        }
    }
}

impl Check for Repetition {
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        if let Some(tokens) = self.vale_tokens.as_ref().filter(|_| doc.markup_block) {
            return self.check_as_vale(tokens, doc, out);
        }
        for unit in units_of(&self.scopes, doc) {
            let bytes = doc.text().as_bytes();
            // Repeats in a row so far, the last one ending at `run_end` (Vale's `max`).
            let (mut run, mut run_end) = (0_usize, usize::MAX);
            for (first, second) in doc.words_in(unit.span).pairs() {
                // Cheap rejections first: most neighbours differ in length or first letter.
                let (a0, b0) = (bytes[first.start], bytes[second.start]);
                if a0.is_ascii()
                    && b0.is_ascii()
                    && (first.len() != second.len() || !a0.eq_ignore_ascii_case(&b0))
                {
                    continue;
                }
                let (a, b) = (doc.slice(first), doc.slice(second));
                let between = &doc.text()[first.end..second.start];
                // Numbers repeat legitimately ("1 1/2"); only words are doubled by mistake.
                if !self.same(a, b)
                    || !between.chars().all(char::is_whitespace)
                    || !a.chars().any(char::is_alphabetic)
                {
                    continue;
                }
                match self.counts(a) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(BudgetExhausted) => {
                        out.budget_exhausted(first);
                        break;
                    }
                }
                if crosses_a_block(doc, first, between)
                    || is_reduplicated_name(a, b, context)
                    || is_chant(doc, first, second)
                {
                    continue;
                }
                run = if first.end == run_end { run + 1 } else { 1 };
                run_end = second.end;
                if run <= self.max {
                    continue;
                }
                run = 0;
                let span = Span::new(first.start, second.end);
                // The word kept as the user wrote it: a fix leaves an accent's encoding alone.
                out.report(span, &[a], vec![(span, doc.as_written(first).to_owned())]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::engine::RuleSet;
    use crate::input::InputFormat;
    use crate::rules::{Context, RuleSource};

    /// The doubled words of `text` (each finding's text), as `wire.DoubledWord` is set up.
    fn doubled(text: &str) -> Vec<String> {
        let yaml = "extends: repetition\nmessage: \"'%s' is repeated.\"\nignorecase: true\nalpha: true\nexceptions: [that, had]\n";
        let rules = RuleSet::compile([RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "Doubled".into(),
            origin: "test".into(),
            yaml: yaml.into(),
        }])
        .expect("the rule compiles");
        let doc = Document::parse(format!("Headline\n\n{text}\n"), InputFormat::Text);
        rules
            .check(&doc, &Context::default())
            .iter()
            .map(|f| doc.slice(f.span).to_owned())
            .collect()
    }

    #[test]
    fn a_doubled_capitalised_common_word_is_a_doubled_word() {
        assert_eq!(
            doubled("He met the General Secretary Secretary on Monday."),
            ["Secretary Secretary"]
        );
        assert_eq!(doubled("The Vice Vice President spoke."), ["Vice Vice"]);
        assert_eq!(doubled("The The talks"), ["The The"]);
    }

    #[test]
    fn reduplicated_names_and_places_are_not_doubled_words() {
        assert_eq!(
            doubled("Officials flew from Pago Pago and Bora Bora."),
            Vec::<String>::new()
        );
        assert_eq!(doubled("Walla Walla and Xiao Xiao."), Vec::<String>::new());
    }

    #[test]
    fn a_capitalised_word_three_times_is_a_chant() {
        assert_eq!(doubled("The motto was Go Go Go."), Vec::<String>::new());
        assert_eq!(doubled("The motto was Go Go."), ["Go Go"]);
    }
}
