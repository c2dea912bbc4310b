//! `check: untranslated`: what a translation in another language than its original left
//! untranslated. `Text`: a run of the original's script in the translation ("防卫装备转移三原则" in
//! an English paragraph); `Paragraph`: a paragraph of the original copied unchanged, or left in
//! the original's language. Which runs and paragraphs count is [`crate::knowledge::untranslated`]'s
//! to say; this reports them, each against the original's text when it can be found there.

use super::super::story::{Reference, StoryContext};
use super::super::{DeclaredCheck, Reporter};
use super::opening;
use crate::knowledge::untranslated::{copied_paragraphs, untranslated_runs};
use crate::span::Span;

/// The named checks of `check: untranslated`, in the order of [`CHECKS`].
#[derive(Clone, Copy, Debug)]
enum UntranslatedCheck {
    Text,
    Paragraph,
}

impl From<UntranslatedCheck> for usize {
    fn from(check: UntranslatedCheck) -> usize {
        check as usize
    }
}

/// The checks of `check: untranslated` as a rule file names them under `checks:`.
pub(super) const CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new("Text", &["the text left untranslated"]),
    DeclaredCheck::new("Paragraph", &["the paragraph's opening words"]),
];

pub(super) fn report(reference: &Reference, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
    let (original, story) = (reference.document(), context.doc());
    let (original_language, language) = (reference.language(), context.language());
    if original_language == language {
        return;
    }
    for span in untranslated_runs(story, language, original_language) {
        let text = story.slice(span);
        // The same run in the original, to show beside it; a run the original does not have (a
        // translator's note in the original's script) is reported alone.
        match original.text().find(text) {
            Some(at) => out.named(UntranslatedCheck::Text).report_against(
                span,
                (original, Span::new(at, at + text.len())),
                &[text],
                Vec::new(),
            ),
            None => out
                .named(UntranslatedCheck::Text)
                .report(span, &[text], Vec::new()),
        }
    }
    for (from, p) in copied_paragraphs(original, story, original_language, language) {
        let paragraph = story.paragraphs[p];
        let words = opening(story, paragraph);
        match from.and_then(|r| original.paragraphs.get(r)) {
            Some(&source) => out.named(UntranslatedCheck::Paragraph).report_against(
                paragraph,
                (original, source),
                &[&words],
                Vec::new(),
            ),
            None => {
                out.named(UntranslatedCheck::Paragraph)
                    .report(paragraph, &[&words], Vec::new())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_is_declared_under_its_own_name() {
        let all = [UntranslatedCheck::Text, UntranslatedCheck::Paragraph];
        assert_eq!(all.len(), CHECKS.len());
        for check in all {
            assert_eq!(CHECKS[usize::from(check)].name, format!("{check:?}"));
        }
    }
}
