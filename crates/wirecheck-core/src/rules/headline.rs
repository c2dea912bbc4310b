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

use std::hash::Hasher;

use rustc_hash::FxHashMap;

use serde::Deserialize;

use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::{Document, FrontLineKind, same_words};
use crate::span::Span;

/// Sentences with fewer words than this are too common to call duplicates ("He declined to comment.").
const MIN_SENTENCE_WORDS: usize = 6;

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Repeat {
    RepeatedHeadline,
    DuplicateParagraph,
    DuplicateSentence,
}

#[derive(Deserialize)]
pub(super) struct Spec {
    check: Repeat,
}

struct Headline {
    repeat: Repeat,
}

/// Compiles a `headline` rule.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    Ok(Box::new(Headline { repeat: spec.check }))
}

impl Check for Headline {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
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
    let front = doc
        .front
        .iter()
        .filter(|l| l.kind == FrontLineKind::RepeatedHeadline)
        .map(|l| l.span);
    let body = doc
        .paragraphs
        .iter()
        .copied()
        .filter(|&p| same_words(doc.slice(p), headline_text));
    let first_line = line_number(doc, headline.start);
    for span in front.chain(body) {
        let line = line_number(doc, span.start);
        out.report(
            span,
            &[&first_line, &line, headline_text],
            vec![(doc.line_removal(span), String::new())],
        );
    }
}

/// The 1-based line number of `offset` in the file as written (in the XML or JSON for NITF and
/// ninjs stories).
fn line_number(doc: &Document, offset: usize) -> String {
    doc.original_line(offset).to_string()
}

/// Words hashed at each end of a span: enough to tell nearly all different texts apart, so that
/// only real candidates are compared in full.
const KEY_WORDS: usize = 4;

/// A cheap key for the folded text of `span`: its word count and its first and last words. Equal
/// folded texts have equal keys; equal keys are confirmed with [`same_folded`].
fn copy_key(doc: &Document, span: Span) -> u64 {
    let words = doc.words_in(span);
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_usize(words.len());
    let ends = words
        .iter()
        .take(KEY_WORDS)
        .chain(words.iter().rev().take(KEY_WORDS));
    for word in ends {
        hasher.write(doc.slice(word).as_bytes());
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

/// True when `a` and `b` are equal after folding white space.
fn same_folded(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// For each of `count` spans (span `i` is `span_at(i)`), the index of the first earlier span with
/// the same folded text, if any. Indices are 32-bit (a story has fewer than 4 billion sentences)
/// to keep the table small on huge stories.
fn earlier_copies(
    doc: &Document,
    count: usize,
    span_at: impl Fn(usize) -> Span,
) -> Vec<Option<u32>> {
    // The first text seen under each key; texts whose key collides with a different text's are
    // kept aside and searched one by one (rare, and it keeps the common case allocation-free).
    let mut first_by_key: FxHashMap<u64, u32> = FxHashMap::default();
    first_by_key.reserve(count);
    let mut colliding: Vec<(u64, u32)> = Vec::new();
    let mut copies = Vec::with_capacity(count);
    for index in 0..count {
        let span = span_at(index);
        let text = doc.slice(span);
        let key = copy_key(doc, span);
        let same = |other: u32| same_folded(doc.slice(span_at(other as usize)), text);
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let first = match first_by_key.get(&key) {
            None => {
                first_by_key.insert(key, index);
                None
            }
            Some(&first) if same(first) => Some(first),
            Some(_) => {
                let earlier = colliding
                    .iter()
                    .find(|&&(k, other)| k == key && same(other))
                    .map(|&(_, other)| other);
                if earlier.is_none() {
                    colliding.push((key, index));
                }
                earlier
            }
        };
        copies.push(first);
    }
    copies
}

fn duplicate_paragraphs(doc: &Document, out: &mut Reporter<'_>) {
    let copies = earlier_copies(doc, doc.paragraphs.len(), |i| doc.paragraphs[i]);
    for (&paragraph, copy) in doc.paragraphs.iter().zip(copies) {
        if let Some(first) = copy {
            let number = (u64::from(first) + 1).to_string();
            out.report(
                paragraph,
                &[&number],
                vec![(doc.line_removal(paragraph), String::new())],
            );
        }
    }
}

fn duplicate_sentences(doc: &Document, out: &mut Reporter<'_>) {
    let long_enough = doc
        .sentences
        .iter()
        .filter(|s| doc.words_in(s.span).len() >= MIN_SENTENCE_WORDS);
    let sentences: Vec<_> = long_enough.collect();
    let copies = earlier_copies(doc, sentences.len(), |i| sentences[i].span);
    if copies.iter().all(Option::is_none) {
        return;
    }
    let duplicate_paragraph = earlier_copies(doc, doc.paragraphs.len(), |i| doc.paragraphs[i]);
    for (sentence, copy) in sentences.into_iter().zip(copies) {
        // A whole duplicate paragraph is reported once, by duplicate-paragraph.
        if copy.is_some() && duplicate_paragraph[sentence.paragraph].is_none() {
            let text = doc.slice(sentence.span);
            out.report(
                sentence.span,
                &[text],
                vec![(removal(doc, sentence.span), String::new())],
            );
        }
    }
}

/// The sentence with the white space after it, or, when it ends its line, the white space before
/// it, so deleting it leaves clean spacing (no blank at the end of the line).
fn removal(doc: &Document, sentence: Span) -> Span {
    let text = doc.text();
    let after = &text[sentence.end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if spaces > 0 || !(after.is_empty() || after.starts_with(['\n', '\r'])) {
        return Span::new(sentence.start, sentence.end + spaces);
    }
    let before = &text[..sentence.start];
    let spaces = before.len() - before.trim_end_matches([' ', '\t']).len();
    Span::new(sentence.start - spaces, sentence.end)
}
