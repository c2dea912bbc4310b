//! `headline`: text printed twice — the headline again at the top or in the body, a duplicate
//! paragraph, a duplicate sentence. A CMS paste often leaves these behind.
//!
//! ```yaml
//! extends: headline
//! check: repeated-headline   # or duplicate-paragraph, duplicate-sentence
//! message: "The headline is printed twice: on line %s and again here on line %s."
//! ```
//! Text is compared after NFC normalisation and white-space folding; the repeated headline is
//! also found when case and punctuation differ. The fix deletes the later copy. Messages get: for
//! `repeated-headline` the headline's line, this line and the headline; for `duplicate-paragraph`
//! the number of the first copy; for `duplicate-sentence` the sentence.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Check, Context, Reporter, RuleError, RuleHeader, RuleSource};
use crate::document::{Document, FrontLineKind, same_words};
use crate::span::Span;

/// Sentences shorter than this are too common to call duplicates ("He declined to comment.").
const MIN_SENTENCE_WORDS: usize = 6;

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Repeat {
    RepeatedHeadline,
    DuplicateParagraph,
    DuplicateSentence,
}

#[derive(Deserialize)]
struct Spec {
    check: Repeat,
}

struct Headline {
    repeat: Repeat,
}

/// Compiles a `headline` rule.
pub fn compile(source: &RuleSource, _header: &RuleHeader) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    Ok(Box::new(Headline { repeat: spec.check }))
}

impl Check for Headline {
    fn check(&self, doc: &Document, _context: &Context, out: &mut Reporter<'_>) {
        match self.repeat {
            Repeat::RepeatedHeadline => repeated_headline(doc, out),
            Repeat::DuplicateParagraph => duplicate_paragraphs(doc, out),
            Repeat::DuplicateSentence => duplicate_sentences(doc, out),
        }
    }
}

fn repeated_headline(doc: &Document, out: &mut Reporter<'_>) {
    let Some(headline) = doc.headline else { return };
    let headline_text = doc.slice(headline);
    let front = doc.front.iter().filter(|l| l.kind == FrontLineKind::RepeatedHeadline).map(|l| l.span);
    let body = doc.paragraphs.iter().copied().filter(|&p| same_words(doc.slice(p), headline_text));
    let first_line = line_number(doc, headline.start);
    for span in front.chain(body) {
        let line = line_number(doc, span.start);
        out.report(span, &[&first_line, &line, headline_text], vec![(doc.line_removal(span), String::new())]);
    }
}

/// The 1-based line number of `offset` (NFC never changes line breaks, so it holds for the file).
fn line_number(doc: &Document, offset: usize) -> String {
    (doc.text()[..offset].bytes().filter(|&b| b == b'\n').count() + 1).to_string()
}

/// Text with runs of white space folded to one space, for comparing copies.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn duplicate_paragraphs(doc: &Document, out: &mut Reporter<'_>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, &paragraph) in doc.paragraphs.iter().enumerate() {
        let key = folded(doc.slice(paragraph));
        if let Some(&first) = seen.get(&key) {
            let number = (first + 1).to_string();
            out.report(paragraph, &[&number], vec![(doc.line_removal(paragraph), String::new())]);
        } else {
            seen.insert(key, index);
        }
    }
}

fn duplicate_sentences(doc: &Document, out: &mut Reporter<'_>) {
    let mut paragraphs_seen: HashMap<String, ()> = HashMap::new();
    let duplicate_paragraph: Vec<bool> = doc
        .paragraphs
        .iter()
        .map(|&p| paragraphs_seen.insert(folded(doc.slice(p)), ()).is_some())
        .collect();
    let mut seen: HashMap<String, Span> = HashMap::new();
    for sentence in &doc.sentences {
        let text = doc.slice(sentence.span);
        if text.split_whitespace().count() < MIN_SENTENCE_WORDS {
            continue;
        }
        let key = folded(text);
        if seen.contains_key(&key) {
            // A whole duplicate paragraph is reported once, by duplicate-paragraph.
            if !duplicate_paragraph[sentence.paragraph] {
                out.report(sentence.span, &[text], vec![(removal(doc, sentence.span), String::new())]);
            }
        } else {
            seen.insert(key, sentence.span);
        }
    }
}

/// The sentence with the white space after it, so deleting it leaves clean spacing.
fn removal(doc: &Document, sentence: Span) -> Span {
    let after = &doc.text()[sentence.end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    Span::new(sentence.start, sentence.end + spaces)
}
