//! `reference`: checks a story against its reference version (`check --reference REF STORY`): the
//! original wire, or a reference translation. Without a reference the rule does nothing.
//!
//! ```yaml
//! extends: reference
//! check: names          # or numbers, dropped-paragraph, added-paragraph, native-names
//! message: "'%s' is close to '%s', as the reference spells it."
//! ```
//! - `numbers`: a number, percentage, money amount, date (month and day, compared as one) or
//!   quantity of the reference that is different (named check `Changed`: "2.2%" where the
//!   reference has "2.1%"; message: the story's text and the reference's) or missing (named check
//!   `Missing`; message: the reference's text) in the story's matching paragraph. Its messages
//!   are under `checks:` (see [`crate::rules::checks`]), not `message:`.
//! - `names`: a capitalised word of the story that is a near miss of a name in the reference
//!   ("Takaiichi" where the reference has "Takaichi"). Message: the word, the reference's spelling.
//! - `dropped-paragraph`: a reference paragraph with no counterpart in the story. Message: its
//!   opening words.
//! - `added-paragraph`: a story paragraph with no counterpart in the reference. Message: its
//!   opening words.
//! - `native-names`: a name of an original in another script missing or misspelt in its
//!   translation (named checks `Misspelt` and `Missing`); see [`native_names`].
//!
//! Paragraphs are matched with the word diff's paragraph alignment; when nothing aligns (a
//! reference in another language) numbers are matched by paragraph position instead, and the
//! paragraph checks stay silent. Every finding carries the span of the reference it compares with.
//!
//! A finding covers only what differs: the changed number, the misspelt name, the added
//! paragraph. What is missing is reported as an empty span where it would stand, found through
//! the word diff (the start of the matching paragraph when paragraphs were matched by position).
//! Names are compared without possessive endings; a common word capitalised only by its place (a
//! sentence start, a title-case headline) is not taken for a name, and a name the reference has
//! only in capitals (its dateline or headline) is suggested with a capital initial.

mod native_names;
mod numbers;
mod untranslated;

use serde::Deserialize;

use super::consistency::{all_capitals, capital_initials};
use super::names::is_common_word;
use super::story::{Reference, StoryContext};
use super::{Check, DeclaredCheck, Reporter, RuleError, RuleHeader, RuleSource};
use crate::document::Document;
use crate::document::excerpt::words_within;
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::name_index::NameIndex;
use crate::span::Span;
use numbers::{NUMBER_CHECKS, compare_numbers};

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Comparison {
    Numbers,
    Names,
    DroppedParagraph,
    AddedParagraph,
    NativeNames,
    Untranslated,
}

#[derive(Deserialize)]
pub(super) struct Spec {
    check: Comparison,
}

struct ReferenceCheck {
    comparison: Comparison,
}

/// Compiles a `reference` rule.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    Ok(Box::new(ReferenceCheck {
        comparison: spec.check,
    }))
}

impl Check for ReferenceCheck {
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let Some(reference) = context.reference() else {
            return;
        };
        // The names are compared over the whole story: no alignment needed.
        match self.comparison {
            Comparison::Names => return compare_names(reference, context, out),
            Comparison::Untranslated => return untranslated::report(reference, context, out),
            _ => {}
        }
        let Some(alignment) = context.alignment() else {
            return;
        };
        match self.comparison {
            Comparison::Numbers => compare_numbers(reference, context, alignment, out),
            Comparison::NativeNames => native_names::compare(reference, context, alignment, out),
            // Paragraphs paired by position say nothing of what was dropped or added.
            Comparison::DroppedParagraph if alignment.by_content => {
                report_dropped(reference.document(), doc, alignment, out);
            }
            Comparison::AddedParagraph if alignment.by_content => {
                report_added(doc, alignment, out);
            }
            _ => {}
        }
    }

    fn named_checks(&self) -> &'static [DeclaredCheck] {
        match self.comparison {
            Comparison::Numbers => NUMBER_CHECKS,
            Comparison::NativeNames => native_names::CHECKS,
            Comparison::Untranslated => untranslated::CHECKS,
            _ => &[],
        }
    }
}

/// The names of a reference version, indexed for near misses, with where each is first written.
#[derive(Debug)]
pub(super) struct ReferenceNames {
    index: NameIndex,
    /// The span of each index entry's first mention.
    first_seen: Vec<Span>,
}

impl ReferenceNames {
    pub(super) fn of(reference: &Reference) -> Self {
        let document = reference.document();
        let mut index = NameIndex::new();
        let mut first_seen: Vec<Span> = Vec::new();
        for mention in reference.name_mentions() {
            let (word, span) = (mention.word, mention.span);
            if index.is_known(word) {
                continue;
            }
            // The dateline's and a headline's capitals are typography, not spelling.
            let token = if all_capitals(word) && document.in_display_lines(span) {
                capital_initials(word)
            } else {
                word.to_owned()
            };
            index.add_canonical(&token, first_seen.len());
            first_seen.push(span);
        }
        Self { index, first_seen }
    }
}

fn compare_names(reference: &Reference, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
    let names = reference.names();
    let story = context.doc();
    let same_language = reference.language() == context.language();
    for mention in context.name_mentions() {
        let (word, span) = (mention.word, mention.span);
        if context.known_names().contains(word) {
            continue;
        }
        // "Analyst" opening a sentence is a word, whatever its capital.
        if is_common_word(word) && story.capital_is_positional(span) {
            continue;
        }
        // Across languages a near miss is as often the other language's spelling of a word
        // ("Dezember", "Brüssel"): only a name the packs know is compared.
        let near_miss = names
            .index
            .near_miss(word)
            .filter(|miss| same_language || context.known_names().contains(miss.token));
        if let Some(miss) = near_miss {
            let reference_span = names.first_seen[miss.entries[0]];
            let fix = crate::rules::match_case(word, miss.token);
            out.report_against(
                span,
                (reference.document(), reference_span),
                &[word, miss.token],
                vec![(span, fix)],
            );
        }
    }
}

/// The first words of a paragraph, for messages: whole words up to about 60 characters.
fn opening(doc: &Document, paragraph: Span) -> String {
    words_within(doc.slice(paragraph), 60).into_owned()
}

fn report_dropped(
    reference: &Document,
    story: &Document,
    alignment: &ParagraphAlignment,
    out: &mut Reporter<'_>,
) {
    let mut previous_story = None;
    for (r, &paragraph) in reference.paragraphs.iter().enumerate() {
        match alignment.story_of[r] {
            Some(p) => previous_story = Some(p),
            None => {
                // Point where the paragraph would have stood: before the next story paragraph, or
                // after the last.
                let at = previous_story.map_or(0, |p| p + 1);
                let point = match story.paragraphs.get(at) {
                    Some(next) => next.start,
                    None => match story.paragraphs.last() {
                        Some(last) => last.end,
                        None => continue,
                    },
                };
                let span = Span::new(point, point);
                out.report_against(
                    span,
                    (reference, paragraph),
                    &[&opening(reference, paragraph)],
                    Vec::new(),
                );
            }
        }
    }
}

fn report_added(story: &Document, alignment: &ParagraphAlignment, out: &mut Reporter<'_>) {
    for (p, &paragraph) in story.paragraphs.iter().enumerate() {
        if !alignment.matched_story[p] {
            out.report(paragraph, &[&opening(story, paragraph)], Vec::new());
        }
    }
}
