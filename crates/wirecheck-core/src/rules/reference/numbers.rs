//! `check: numbers`: every number, date and weekday of the reference must be in the story, with
//! the same value ([`QuantityValue::agrees`]), whatever language and numeral system each version
//! writes it in. One of the reference's that the story lacks is `Changed` when the story's
//! matching paragraph has an unmatched one of the same kind in its place, else `Missing`.

use super::super::story::{Reference, StoryContext};
use super::super::{DeclaredCheck, Reporter};
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::quantity::Quantity;
use crate::span::Span;

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
pub(super) const NUMBER_CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new("Changed", &["the story's text", "the reference's text"]),
    DeclaredCheck::new("Missing", &["the reference's text"]),
];

/// Which of the story's quantities are already matched with one of the reference's.
struct Matches<'a> {
    story: &'a [Vec<Quantity>],
    used: Vec<Vec<bool>>,
}

impl<'a> Matches<'a> {
    fn new(story: &'a [Vec<Quantity>]) -> Self {
        let used = story.iter().map(|q| vec![false; q.len()]).collect();
        Self { story, used }
    }

    /// Takes an unmatched quantity of the story that agrees with `wanted`: in paragraph
    /// `preferred` first (a number may move between paragraphs), then anywhere.
    fn take_agreeing(&mut self, wanted: &Quantity, preferred: Option<usize>) -> bool {
        let order = preferred.into_iter().chain(0..self.story.len());
        for p in order {
            let found = (0..self.story[p].len())
                .find(|&i| !self.used[p][i] && self.story[p][i].value.agrees(&wanted.value));
            if let Some(i) = found {
                self.used[p][i] = true;
                return true;
            }
        }
        false
    }

    /// The unmatched firm quantities of paragraph `p`, by index.
    fn unmatched_firm(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.story[p].len()).filter(move |&i| !self.used[p][i] && self.story[p][i].firm)
    }
}

pub(super) fn compare_numbers(
    reference_version: &Reference,
    context: &StoryContext<'_>,
    alignment: &ParagraphAlignment,
    out: &mut Reporter<'_>,
) {
    let (reference, story) = (reference_version.document(), context.doc());
    let mut matches = Matches::new(context.quantities());
    let compared = |r: usize| !alignment.by_content || alignment.story_of[r].is_some();
    // A paragraph the story left out is one finding of `dropped-paragraph`, not one per number.
    let paragraphs = reference_version.quantities().iter().enumerate();
    let wanted: Vec<(usize, &Quantity)> = paragraphs
        .filter(|(r, _)| compared(*r))
        .flat_map(|(r, quantities)| quantities.iter().map(move |q| (r, q)))
        .collect();
    // Firm quantities first: a day of the month alone ("3日") must not take the "May 3" that a
    // whole date of the reference needs.
    let mut missing = Vec::new();
    for firm in [true, false] {
        for &(r, mention) in wanted.iter().filter(|(_, q)| q.firm == firm) {
            if !matches.take_agreeing(mention, alignment.story_of[r]) && firm {
                missing.push((r, mention));
            }
        }
    }
    missing.sort_by_key(|(_, mention)| mention.span);
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
        // The changed quantity: an unmatched one of the story where the word diff puts the
        // reference's, of the same kind or else any; failing that (no word diff between two
        // languages, a clause moved and changed), the one of the same kind nearest the place the
        // reference's has in its paragraph.
        let quantities = &matches.story[p];
        let unmatched: Vec<usize> = matches.unmatched_firm(p).collect();
        let in_place = |i: &usize| place.is_some_and(|place| overlaps(quantities[*i].span, place));
        let same_kind = |i: &usize| quantities[*i].value.same_kind(&mention.value);
        let reference_paragraph = reference.paragraphs[r];
        let wanted_at = relative_place(mention.span, reference_paragraph);
        let nearest = unmatched.iter().filter(|i| same_kind(i)).min_by(|a, b| {
            let distance =
                |i: usize| (relative_place(quantities[i].span, paragraph) - wanted_at).abs();
            distance(**a).total_cmp(&distance(**b))
        });
        let changed = unmatched
            .iter()
            .find(|i| in_place(i) && same_kind(i))
            .or_else(|| unmatched.iter().find(|i| in_place(i)))
            .or(nearest)
            .copied();
        match changed {
            Some(i) => {
                matches.used[p][i] = true;
                let span = quantities[i].span;
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

/// Where `span` starts in `paragraph`, from 0 (its start) to 1 (its end).
fn relative_place(span: Span, paragraph: Span) -> f64 {
    let length = paragraph.len().max(1) as f64;
    span.start.saturating_sub(paragraph.start) as f64 / length
}

/// True when two spans share at least one byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
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
