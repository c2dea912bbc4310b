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

use serde::Deserialize;

use super::consistency::{all_capitals, capital_initials};
use super::names::is_common_word;
use super::story::{Reference, StoryContext};
use super::{Check, DeclaredCheck, Reporter, RuleError, RuleHeader, RuleSource};
use crate::document::Document;
use crate::document::excerpt::words_within;
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::name_index::NameIndex;
use crate::knowledge::numbers::NumberMention;
use crate::span::Span;

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Comparison {
    Numbers,
    Names,
    DroppedParagraph,
    AddedParagraph,
    NativeNames,
}

#[derive(Deserialize)]
pub(super) struct Spec {
    check: Comparison,
}

struct ReferenceCheck {
    comparison: Comparison,
}

/// The named checks of `check: numbers`, in the order of [`NUMBER_CHECKS`].
#[derive(Clone, Copy, Debug)]
enum NumberCheck {
    Changed,
    Missing,
}

impl From<NumberCheck> for usize {
    fn from(check: NumberCheck) -> usize {
        check as usize
    }
}

/// The checks of `check: numbers` as a rule file names them under `checks:`.
const NUMBER_CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new("Changed", &["the story's text", "the reference's text"]),
    DeclaredCheck::new("Missing", &["the reference's text"]),
];

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
        if matches!(self.comparison, Comparison::Names) {
            return compare_names(reference, context, out);
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
            _ => &[],
        }
    }
}

fn compare_numbers(
    reference_version: &Reference,
    context: &StoryContext<'_>,
    alignment: &ParagraphAlignment,
    out: &mut Reporter<'_>,
) {
    let (reference, story) = (reference_version.document(), context.doc());
    let story_numbers: &[Vec<NumberMention>] = context.quantities();
    let mut used: Vec<Vec<bool>> = story_numbers.iter().map(|n| vec![false; n.len()]).collect();
    // A number may move between paragraphs; look in the matching one first, then everywhere.
    let mut find = |key: (&str, &str), preferred: Option<usize>| {
        let order = preferred.into_iter().chain(0..story_numbers.len());
        for p in order {
            if let Some(i) = (0..story_numbers[p].len())
                .find(|&i| !used[p][i] && story_numbers[p][i].key() == key)
            {
                used[p][i] = true;
                return true;
            }
        }
        false
    };
    let mut missing = Vec::new();
    for (r, numbers) in reference_version.quantities().iter().enumerate() {
        // A paragraph the story left out is one finding of `dropped-paragraph`, not one per number.
        if alignment.by_content && alignment.story_of[r].is_none() {
            continue;
        }
        for mention in numbers {
            if !find(mention.key(), alignment.story_of[r]) {
                missing.push((r, mention));
            }
        }
    }
    for (r, mention) in missing {
        let reference_text = reference.slice(mention.span);
        let Some(p) = alignment.story_of[r] else {
            // A story without paragraphs: only its start is left to point at.
            let at = story.headline.map_or(0, |h| h.start);
            out.named(NumberCheck::Missing).report_against(
                Span::new(at, at),
                (reference, mention.span),
                &[reference_text],
                Vec::new(),
            );
            continue;
        };
        let paragraph = story.paragraphs[p];
        let place = alignment.counterpart(story, mention.span, paragraph);
        // The changed number: an unused number of the story where the diff puts the reference's,
        // of the same kind or else any; failing that (no diff in another language, a clause moved
        // and changed), the paragraph's first unused number of the same kind.
        let unused: Vec<usize> = (0..story_numbers[p].len())
            .filter(|&i| !used[p][i])
            .collect();
        let in_place =
            |i: &usize| place.is_some_and(|place| overlaps(story_numbers[p][*i].span, place));
        let same_unit = |i: &usize| story_numbers[p][*i].unit == mention.unit;
        let changed = unused
            .iter()
            .find(|i| in_place(i) && same_unit(i))
            .or_else(|| unused.iter().find(|i| in_place(i)))
            .or_else(|| unused.iter().find(|i| same_unit(i)))
            .copied();
        match changed {
            Some(i) => {
                used[p][i] = true;
                let span = story_numbers[p][i].span;
                out.named(NumberCheck::Changed).report_against(
                    span,
                    (reference, mention.span),
                    &[story.slice(span), reference_text],
                    Vec::new(),
                );
            }
            None => {
                // Underline what replaced the number only when it is about as short; inside a
                // rewritten passage, point at the passage's start.
                let short_enough = |place: &Span| {
                    story.words_in(*place).len() <= reference.words_in(mention.span).len() + 2
                };
                let span = match place {
                    Some(place) if short_enough(&place) => place,
                    Some(place) => Span::new(place.start, place.start),
                    None => Span::new(paragraph.start, paragraph.start),
                };
                out.named(NumberCheck::Missing).report_against(
                    span,
                    (reference, mention.span),
                    &[reference_text],
                    Vec::new(),
                );
            }
        }
    }
}

/// True when two spans share at least one byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
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
    for mention in context.name_mentions() {
        let (word, span) = (mention.word, mention.span);
        if context.known_names().contains(word) {
            continue;
        }
        // "Analyst" opening a sentence is a word, whatever its capital.
        if is_common_word(word) && story.capital_is_positional(span) {
            continue;
        }
        if let Some(miss) = names.index.near_miss(word) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_number_check_is_declared_under_its_own_name() {
        let all = [NumberCheck::Changed, NumberCheck::Missing];
        assert_eq!(all.len(), NUMBER_CHECKS.len());
        for check in all {
            assert_eq!(NUMBER_CHECKS[usize::from(check)].name, format!("{check:?}"));
        }
    }
}
