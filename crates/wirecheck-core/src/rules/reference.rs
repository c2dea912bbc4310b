//! `reference`: checks a story against its reference version (`check --reference REF STORY`): the
//! original wire, or a reference translation. Without a reference the rule does nothing.
//!
//! ```yaml
//! extends: reference
//! check: names          # or numbers, dropped-paragraph, added-paragraph
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

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use serde::Deserialize;

use super::consistency::{all_capitals, capital_initials};
use super::names::{is_common_word, without_possessive};
use super::{Check, Context, DeclaredCheck, Reporter, RuleError, RuleHeader, RuleSource};
use crate::document::Document;
use crate::document::excerpt::words_within;
use crate::knowledge::dates::find_dates;
use crate::knowledge::name_index::NameIndex;
use crate::knowledge::numbers::{NumberMention, find_numbers};
use crate::span::Span;
use wirecheck_diff::{ChangeKind, DiffOptions, ParagraphPairing, WordChange, diff_stories};

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Comparison {
    Numbers,
    Names,
    DroppedParagraph,
    AddedParagraph,
}

#[derive(Deserialize)]
pub(super) struct Spec {
    check: Comparison,
}

struct Reference {
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
    Ok(Box::new(Reference {
        comparison: spec.check,
    }))
}

impl Check for Reference {
    fn check(&self, doc: &Document, context: &Context, out: &mut Reporter<'_>) {
        let Some(reference) = context.reference.as_deref() else {
            return;
        };
        match self.comparison {
            Comparison::Numbers => compare_numbers(reference, doc, out),
            Comparison::Names => compare_names(reference, doc, context, out),
            Comparison::DroppedParagraph | Comparison::AddedParagraph => {
                let alignment = Alignment::cached(reference, doc);
                if !alignment.by_content {
                    return;
                }
                if matches!(self.comparison, Comparison::DroppedParagraph) {
                    report_dropped(reference, doc, &alignment, out);
                } else {
                    report_added(doc, &alignment, out);
                }
            }
        }
    }

    fn named_checks(&self) -> &'static [DeclaredCheck] {
        match self.comparison {
            Comparison::Numbers => NUMBER_CHECKS,
            _ => &[],
        }
    }
}

/// The share of words two paragraphs must have in common to count as one paragraph edited.
const MIN_SIMILARITY: f64 = 0.4;

/// Which paragraph of one version matches which of the other.
struct Alignment {
    /// For each reference paragraph, the story paragraph that matches it.
    story_of: Vec<Option<usize>>,
    /// For each story paragraph, whether any reference paragraph matches it.
    matched_story: Vec<bool>,
    /// True when paragraphs were matched by their words; false when by position.
    by_content: bool,
    /// The word changes (not `Equal`) inside matched paragraphs, as byte ranges of both texts.
    changes: Vec<WordChange>,
}

/// What identifies a (reference, story) pair: a hash of both texts and their paragraph counts.
type AlignmentKey = (u64, usize, usize);

thread_local! {
    /// The last alignment computed on this thread: the `reference` rules of one story run one
    /// after another on the same thread, and the alignment (a full word diff) is computed once.
    static LAST_ALIGNMENT: RefCell<Option<(AlignmentKey, Rc<Alignment>)>> = const { RefCell::new(None) };
}

impl Alignment {
    /// [`Alignment::of`], reused while the same story is checked against the same reference.
    fn cached(reference: &Document, story: &Document) -> Rc<Alignment> {
        let mut hasher = rustc_hash::FxHasher::default();
        reference.text().hash(&mut hasher);
        story.text().hash(&mut hasher);
        // The paragraph counts make a stale alignment impossible to index out of range.
        let key = (
            hasher.finish(),
            reference.paragraphs.len(),
            story.paragraphs.len(),
        );
        LAST_ALIGNMENT.with(|last| {
            let mut last = last.borrow_mut();
            if let Some((cached_key, alignment)) = last.as_ref()
                && *cached_key == key
            {
                return Rc::clone(alignment);
            }
            let alignment = Rc::new(Alignment::of(reference, story));
            *last = Some((key, Rc::clone(&alignment)));
            alignment
        })
    }

    fn of(reference: &Document, story: &Document) -> Self {
        let ranges = |doc: &Document| {
            doc.paragraphs
                .iter()
                .map(|p| p.start..p.end)
                .collect::<Vec<_>>()
        };
        let mut story_of = vec![None; reference.paragraphs.len()];
        let mut matched_story = vec![false; story.paragraphs.len()];
        let mut changes = Vec::new();
        let options = DiffOptions {
            ignore_case: true,
            ..DiffOptions::default()
        };
        if let Ok(diff) = diff_stories(
            reference.text(),
            &ranges(reference),
            story.text(),
            &ranges(story),
            &options,
        ) {
            for block in &diff.blocks {
                let pairs: Vec<(usize, usize)> = match &block.pairing {
                    ParagraphPairing::Unchanged { old, new } => vec![(*old, *new)],
                    // A paragraph rewritten beyond recognition is one dropped and another added.
                    ParagraphPairing::Changed {
                        old,
                        new,
                        similarity,
                    }
                    | ParagraphPairing::Moved {
                        old,
                        new,
                        similarity,
                    } if *similarity >= MIN_SIMILARITY => {
                        vec![(*old, *new)]
                    }
                    ParagraphPairing::Split { old, new } => {
                        new.clone().map(|n| (*old, n)).collect()
                    }
                    ParagraphPairing::Merged { old, new } => {
                        old.clone().map(|o| (o, *new)).collect()
                    }
                    _ => Vec::new(),
                };
                if !pairs.is_empty() {
                    let changed = block.changes.iter().filter(|c| c.kind != ChangeKind::Equal);
                    changes.extend(changed.cloned());
                }
                for (old, new) in pairs {
                    story_of[old].get_or_insert(new);
                    matched_story[new] = true;
                }
            }
        }
        let by_content = matched_story.iter().any(|&m| m);
        if !by_content && !story.paragraphs.is_empty() {
            // Nothing in common (another language): pair paragraphs by their place in the story.
            let (n, m) = (reference.paragraphs.len(), story.paragraphs.len());
            for (i, slot) in story_of.iter_mut().enumerate() {
                *slot = Some((i * m / n.max(1)).min(m - 1));
            }
        }
        Self {
            story_of,
            matched_story,
            by_content,
            changes,
        }
    }

    /// What stands in story `paragraph` where the reference has `span`, by the word diff: the
    /// story text that replaced it, or an empty span (before the next word) where it was left out.
    /// `None` when the diff records no change there.
    fn counterpart(&self, story: &Document, span: Span, paragraph: Span) -> Option<Span> {
        let mut place: Option<Span> = None;
        for change in &self.changes {
            let overlaps = change.old.start < span.end && span.start < change.old.end;
            let inside = paragraph.start <= change.new.start && change.new.end <= paragraph.end;
            if overlaps && inside {
                let new = Span::new(change.new.start, change.new.end);
                place = Some(place.map_or(new, |p| {
                    Span::new(p.start.min(new.start), p.end.max(new.end))
                }));
            }
        }
        let place = place?;
        let text = place.slice(story.text());
        let lead = text.len() - text.trim_start().len();
        let start = if lead == text.len() {
            // Nothing but space where the reference has text: point at the next word.
            let rest = &story.text()[place.end..paragraph.end];
            place.end + (rest.len() - rest.trim_start().len())
        } else {
            place.start + lead
        };
        let end = (place.start + text.trim_end().len()).max(start);
        Some(Span::new(start, end))
    }
}

fn compare_numbers(reference: &Document, story: &Document, out: &mut Reporter<'_>) {
    let alignment = Alignment::cached(reference, story);
    let numbers = |doc: &Document, span: Span| quantities(doc, span);
    let story_numbers: Vec<Vec<NumberMention>> = story
        .paragraphs
        .iter()
        .map(|&p| numbers(story, p))
        .collect();
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
    for (r, &paragraph) in reference.paragraphs.iter().enumerate() {
        // A paragraph the story left out is one finding of `dropped-paragraph`, not one per number.
        if alignment.by_content && alignment.story_of[r].is_none() {
            continue;
        }
        for mention in numbers(reference, paragraph) {
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

/// The numbers and dates of `span`: a date ("Jan. 16") counts as one quantity, its month and day,
/// and the numbers inside it are not counted again.
fn quantities(doc: &Document, span: Span) -> Vec<NumberMention> {
    let dates: Vec<NumberMention> = find_dates(doc.text(), span, None)
        .into_iter()
        .filter_map(|mention| {
            let (month, day) = (mention.month?.value, mention.day?.value);
            Some(NumberMention {
                span: mention.span,
                value: format!("{month}-{day}"),
                unit: "date".to_owned(),
            })
        })
        .collect();
    let mut found: Vec<NumberMention> = find_numbers(doc.text(), span)
        .into_iter()
        .filter(|number| !dates.iter().any(|date| date.span.contains(number.span)))
        .collect();
    found.extend(dates);
    found.sort_by_key(|m| m.span);
    found
}

fn compare_names(
    reference: &Document,
    story: &Document,
    context: &Context,
    out: &mut Reporter<'_>,
) {
    let mut index = NameIndex::new();
    let mut first_seen: Vec<Span> = Vec::new();
    for span in &reference.words {
        let (word, span) = without_possessive(reference.slice(span), span);
        if !word.starts_with(char::is_uppercase) || index.is_known(word) {
            continue;
        }
        // The dateline's and a headline's capitals are typography, not spelling.
        let token = if all_capitals(word) && reference.in_display_lines(span) {
            capital_initials(word)
        } else {
            word.to_owned()
        };
        index.add_canonical(&token, first_seen.len());
        first_seen.push(span);
    }
    for span in &story.words {
        let (word, span) = without_possessive(story.slice(span), span);
        if !word.starts_with(char::is_uppercase) || context.known_names.contains(word) {
            continue;
        }
        // "Analyst" opening a sentence is a word, whatever its capital.
        if is_common_word(word) && story.capital_is_positional(span) {
            continue;
        }
        if let Some(miss) = index.near_miss(word) {
            let reference_span = first_seen[miss.entries[0]];
            let fix = crate::rules::match_case(word, miss.token);
            out.report_against(
                span,
                (reference, reference_span),
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
    alignment: &Alignment,
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

fn report_added(story: &Document, alignment: &Alignment, out: &mut Reporter<'_>) {
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
