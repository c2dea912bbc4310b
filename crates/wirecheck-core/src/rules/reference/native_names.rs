//! `check: native-names` of the `reference` kind: every person, place or organisation the
//! original names is named, correctly spelt, in a translation in another script. The names are
//! those of the `names` rules with native forms ([`crate::knowledge::native_names`]).
//!
//! An original in Chinese, Japanese, Korean, Arabic or Russian mentions an entry with one of its
//! full native forms of that language (小泉進次郎 in Japanese); an original in Latin script with its canonical name or a
//! variant (Shinjiro Koizumi), capitalised. The translation names it with any of its forms: in
//! Latin script its name, a variant or, for a person, the family name alone ("Koizumi"); in
//! another script any of its native forms, the family name alone included. Pairs in one language,
//! or both in Latin script, are left to the `names` comparison; an entry without a form in the
//! translation's language is not checked.
//!
//! Each mention is looked for in the translation's paired paragraph (the headline for the
//! headline's), then anywhere in the story:
//! - In Latin script, when the translation names the entry nowhere, a run of one to three
//!   capitalised words of the paired paragraph that resembles one of its forms (as many words,
//!   each with the same initial and mostly the same letters, not all of them names some rule
//!   knows, none a common English word: "Shingo Kiyozumi" for "Shinjiro Koizumi", "Pete Hexeth"
//!   for "Pete Hegseth") is reported as the name
//!   misspelt (named check `Misspelt`), suggesting the form it resembles.
//! - In another script, a run of the paired paragraph one letter away from a full form (same
//!   first letter; "小泉慎次郎" for "小泉進次郎") is reported as misspelt even when the name is
//!   right elsewhere: the family name alone ("小泉") would otherwise hide it.
//!
//! Otherwise, a name the translation gives nowhere is reported once (named check `Missing`), at
//! the start of the paired paragraph of its first mention, without a fix, unless it was reported
//! misspelt. One finding per entry per paragraph at most; a mention in a paragraph the translation
//! left out is the paragraph checks' finding, not this one's.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Reference, StoryContext};
use crate::document::Document;
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::language::{Language, Script, script_of};
use crate::knowledge::name_index::fold;
use crate::knowledge::native_names::{EntryId, FormRole, NativeHit, NativeNames};
use crate::rules::names::{is_common_word, without_possessive};
use crate::rules::{DeclaredCheck, Reporter, match_case};
use crate::span::Span;

/// The named checks of `check: native-names`, in the order of [`CHECKS`].
#[derive(Clone, Copy, Debug)]
enum NativeNameCheck {
    Misspelt,
    Missing,
}

impl From<NativeNameCheck> for usize {
    fn from(check: NativeNameCheck) -> usize {
        check as usize
    }
}

/// The checks of `check: native-names` as a rule file names them under `checks:`.
pub(super) const CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new(
        "Misspelt",
        &[
            "the original's text",
            "the name as the translation writes it",
            "the translation's text",
        ],
    ),
    DeclaredCheck::new(
        "Missing",
        &[
            "the original's text",
            "the name as the translation writes it",
        ],
    ),
];

/// Most words a misspelt rendering of a name has.
const MAX_RENDERING_WORDS: usize = 3;

/// Where in the translation a mention of the original is looked for first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Target {
    Headline,
    Paragraph(usize),
}

/// A finding about to be reported: of `check`, about `entry`, at `span` of the story, for the
/// `mention` of the original; the name as the translation should write it, and the fix.
struct Finding {
    check: NativeNameCheck,
    entry: EntryId,
    span: Span,
    mention: Span,
    expected: String,
    fix: Option<String>,
}

/// Compares the names of `reference`, the original, with the story, its translation.
pub(super) fn compare(
    reference: &Reference,
    context: &StoryContext<'_>,
    alignment: &ParagraphAlignment,
    out: &mut Reporter<'_>,
) {
    let names = context.native_names();
    if names.is_empty() {
        return;
    }
    let (original, story) = (reference.document(), context.doc());
    // The languages the run gives or tells (`--reference-lang` included), told once.
    let (from, to) = (reference.language(), context.language());
    if from == to || (from.script() == Script::Latin && to.script() == Script::Latin) {
        return;
    }
    let translation = Translation::new(names, story, to, context);
    let mut findings: Vec<Finding> = Vec::new();
    let mut checked: FxHashSet<(EntryId, Target)> = FxHashSet::default();
    let mut first_missing: FxHashMap<EntryId, Finding> = FxHashMap::default();
    for (mention, entry) in mentions(names, original, from) {
        if !names.entry(entry).is_written_in(to) {
            continue;
        }
        let Some((target, place)) = target_of(original, story, alignment, mention) else {
            continue;
        };
        if !checked.insert((entry, target)) {
            continue;
        }
        let expected = translation.expected(entry);
        match translation.verdict(entry, place) {
            Verdict::Named => {}
            Verdict::Misspelt { span, fix } => findings.push(Finding {
                check: NativeNameCheck::Misspelt,
                entry,
                span,
                mention,
                expected,
                fix: Some(fix),
            }),
            Verdict::Missing => {
                first_missing.entry(entry).or_insert(Finding {
                    check: NativeNameCheck::Missing,
                    entry,
                    span: Span::new(place.start, place.start),
                    mention,
                    expected,
                    fix: None,
                });
            }
        }
    }
    // A name reported misspelt is not reported missing too.
    let misspelt: FxHashSet<EntryId> = findings.iter().map(|f| f.entry).collect();
    let mut missing: Vec<Finding> = first_missing
        .into_values()
        .filter(|f| !misspelt.contains(&f.entry))
        .collect();
    missing.sort_by_key(|f| f.mention.start);
    for finding in findings.into_iter().chain(missing) {
        let found = story.slice(finding.span);
        let mut args = vec![original.slice(finding.mention), finding.expected.as_str()];
        if finding.fix.is_some() {
            args.push(found);
        }
        let fixes = finding
            .fix
            .map(|fix| vec![(finding.span, fix)])
            .unwrap_or_default();
        out.named(finding.check).report_against(
            finding.span,
            (original, finding.mention),
            &args,
            fixes,
        );
    }
}

/// The mentions of entries in the original, in order: full native forms, or, in Latin script,
/// the capitalised name or a variant.
fn mentions(names: &NativeNames, original: &Document, from: Language) -> Vec<(Span, EntryId)> {
    let whole = Span::new(0, original.text().len());
    if from.script() != Script::Latin {
        return names.find(original.text(), whole, from);
    }
    let mut found: Vec<(Span, EntryId)> = names
        .latin_hits(original, whole, true)
        .into_iter()
        .filter(|hit| hit.role == FormRole::Full)
        .map(|hit| (hit.span, hit.entry))
        .collect();
    // A name and its variant found at one place are one mention.
    found.dedup_by(|a, b| a.1 == b.1 && a.0.start < b.0.end && b.0.start < a.0.end);
    found
}

/// Where the translation should name a mention at `span` of the original: the story's headline
/// for the original's, the paired paragraph for a paragraph's. `None` for a mention elsewhere (a
/// byline), in a paragraph the translation left out, or in a headline the translation lacks.
fn target_of(
    original: &Document,
    story: &Document,
    alignment: &ParagraphAlignment,
    span: Span,
) -> Option<(Target, Span)> {
    if original.headline.is_some_and(|h| h.contains(span)) {
        return story.headline.map(|h| (Target::Headline, h));
    }
    let r = original.paragraphs.partition_point(|p| p.end <= span.start);
    if !original.paragraphs.get(r)?.contains(span) {
        return None;
    }
    let p = (*alignment.story_of.get(r)?)?;
    story
        .paragraphs
        .get(p)
        .map(|&paragraph| (Target::Paragraph(p), paragraph))
}

/// What the translation does with a mention.
enum Verdict {
    /// It names the entry.
    Named,
    /// It writes something like it at `span`: `fix` is the form it resembles.
    Misspelt { span: Span, fix: String },
    /// It does not name the entry anywhere.
    Missing,
}

/// The translation, with where it names entries.
struct Translation<'a> {
    names: &'a NativeNames,
    story: &'a Document,
    language: Language,
    context: &'a StoryContext<'a>,
    /// In another script than Latin: every native form in the story.
    native: Vec<NativeHit>,
    /// In Latin script: every Latin form in the story, in order.
    latin: Vec<crate::knowledge::native_names::LatinHit>,
}

impl<'a> Translation<'a> {
    fn new(
        names: &'a NativeNames,
        story: &'a Document,
        language: Language,
        context: &'a StoryContext<'a>,
    ) -> Self {
        let whole = Span::new(0, story.text().len());
        let latin_script = language.script() == Script::Latin;
        Self {
            names,
            story,
            language,
            context,
            native: if latin_script {
                Vec::new()
            } else {
                names.hits(story.text(), whole)
            },
            latin: if latin_script {
                names.latin_hits(story, whole, false)
            } else {
                Vec::new()
            },
        }
    }

    /// The name as the translation should write it: the canonical name, or the first full form
    /// of the translation's language.
    fn expected(&self, entry: EntryId) -> String {
        let entry = self.names.entry(entry);
        if self.language.script() == Script::Latin {
            return entry.name().to_owned();
        }
        entry
            .full_forms(self.language)
            .next()
            .unwrap_or(entry.name())
            .to_owned()
    }

    fn verdict(&self, entry: EntryId, place: Span) -> Verdict {
        if self.language.script() == Script::Latin {
            self.latin_verdict(entry, place)
        } else {
            self.native_verdict(entry, place)
        }
    }

    fn latin_verdict(&self, entry: EntryId, place: Span) -> Verdict {
        let names_it = |within: Span| {
            self.latin
                .iter()
                .any(|hit| hit.entry == entry && within.contains(hit.span))
        };
        if names_it(place) || names_it(Span::new(0, self.story.text().len())) {
            return Verdict::Named;
        }
        match self.latin_rendering(entry, place) {
            Some((span, fix)) => Verdict::Misspelt { span, fix },
            None => Verdict::Missing,
        }
    }

    fn native_verdict(&self, entry: EntryId, place: Span) -> Verdict {
        let names_it = |within: Span, role: FormRole| {
            self.native.iter().any(|&hit| {
                within.contains(hit.span)
                    && self.names.role_of(hit, entry).is_some_and(|r| r >= role)
            })
        };
        if names_it(place, FormRole::Full) {
            return Verdict::Named;
        }
        if let Some((span, fix)) = self.native_rendering(entry, place) {
            return Verdict::Misspelt { span, fix };
        }
        let whole = Span::new(0, self.story.text().len());
        if names_it(place, FormRole::Short) || names_it(whole, FormRole::Short) {
            return Verdict::Named;
        }
        Verdict::Missing
    }

    /// The run of capitalised words of `place` most like one of the entry's Latin forms, with the
    /// form it resembles (in the run's case).
    fn latin_rendering(&self, entry: EntryId, place: Span) -> Option<(Span, String)> {
        let story = self.story;
        let known = self.context.known_names();
        let words: Vec<(Span, &str)> = story
            .words_in(place)
            .iter()
            .map(|w| {
                let (word, w) = without_possessive(story.slice(w), w);
                (w, word)
            })
            .collect();
        let mut best: Option<(f64, usize, Span, String)> = None;
        let mut run_start = 0;
        for i in 0..=words.len() {
            let continues = i < words.len()
                && words[i].1.starts_with(char::is_uppercase)
                && (i == run_start
                    || story.text()[words[i - 1].0.end..words[i].0.start]
                        .chars()
                        .all(char::is_whitespace));
            if continues {
                continue;
            }
            // words[run_start..i] is a run of capitalised words, or empty.
            let run = &words[run_start..i];
            for start in 0..run.len() {
                for form in self.names.entry(entry).latin_forms() {
                    let n = form.tokens.len();
                    let Some(candidate) = run.get(start..start + n) else {
                        continue;
                    };
                    // A run of known words is another name ("Junichiro Koizumi"); a known word
                    // beside an unknown one may be part of the misspelling ("Shingo Kiyozumi").
                    if n > MAX_RENDERING_WORDS
                        || candidate.iter().all(|(_, w)| known.contains(*w))
                        || candidate.iter().any(|(_, w)| is_common_word(w))
                    {
                        continue;
                    }
                    let Some(score) = resemblance(candidate, &form.tokens) else {
                        continue;
                    };
                    // More words first: "Shingo Kiyozumi" rather than "Kiyozumi" alone.
                    if best.as_ref().is_none_or(|b| (n, score) > (b.1, b.0)) {
                        let span = Span::new(candidate[0].0.start, candidate[n - 1].0.end);
                        let fix = match_case(story.slice(span), &form.text);
                        best = Some((score, n, span, fix));
                    }
                }
            }
            // A word that is not capitalised starts no run; one that is starts the next.
            run_start = if i < words.len() && words[i].1.starts_with(char::is_uppercase) {
                i
            } else {
                i + 1
            };
        }
        best.map(|(_, _, span, fix)| (span, fix))
    }

    /// A run of `place` one letter away from a full form of the entry in the translation's
    /// language, with that form.
    fn native_rendering(&self, entry: EntryId, place: Span) -> Option<(Span, String)> {
        let text = self.story.text();
        let chars: Vec<(usize, char)> = place
            .slice(text)
            .char_indices()
            .map(|(i, c)| (place.start + i, c))
            .collect();
        let end_of = |k: usize| chars.get(k).map_or(place.end, |&(i, _)| i);
        // A run over the full name of another entry is no misspelling (a family name alone, "小泉"
        // of "小泉慎次郎", may be).
        let known = |span: Span| {
            self.native.iter().any(|&hit| {
                hit.span.start < span.end && span.start < hit.span.end && self.names.is_full(hit)
            })
        };
        let mut best: Option<(usize, Span, String)> = None;
        for form in self.names.entry(entry).full_forms(self.language) {
            let form_chars: Vec<char> = form.chars().collect();
            let n = form_chars.len();
            if n < 3 {
                continue;
            }
            let lengths: &[usize] = if n >= 4 { &[n, n - 1, n + 1] } else { &[n] };
            for s in 0..chars.len() {
                if chars[s].1 != form_chars[0] {
                    continue;
                }
                for &len in lengths {
                    let Some(window) = chars.get(s..s + len) else {
                        continue;
                    };
                    let letters = window.iter().all(|&(_, c)| {
                        form_chars.contains(&c)
                            || script_of(c).is_some_and(|script| script != Script::Latin)
                    });
                    if !letters {
                        continue;
                    }
                    let candidate: String = window.iter().map(|&(_, c)| c).collect();
                    if strsim::levenshtein(&candidate, form) != 1 {
                        continue;
                    }
                    let span = Span::new(chars[s].0, end_of(s + len));
                    if known(span) {
                        continue;
                    }
                    let rank = len.abs_diff(n);
                    if best.as_ref().is_none_or(|b| rank < b.0) {
                        best = Some((rank, span, form.to_owned()));
                    }
                }
            }
        }
        best.map(|(_, span, form)| (span, form))
    }
}

/// How much `candidate`'s words resemble a form's folded `tokens`, from 0 to 1; `None` when they
/// do not: each word must start with the token's letter and share most of its letters (a single
/// word, more of them).
fn resemblance(candidate: &[(Span, &str)], tokens: &[String]) -> Option<f64> {
    let (each, mean) = if tokens.len() == 1 {
        (0.7, 0.7)
    } else {
        (0.5, 0.6)
    };
    let mut total = 0.0;
    for ((_, word), token) in candidate.iter().zip(tokens) {
        let word = fold(word);
        if word.chars().next() != token.chars().next() || word.chars().count() < 2 {
            return None;
        }
        let similarity = strsim::normalized_damerau_levenshtein(&word, token);
        if similarity < each {
            return None;
        }
        total += similarity;
    }
    let score = total / tokens.len() as f64;
    (score >= mean).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(words: &[&str], tokens: &[&str]) -> Option<f64> {
        let candidate: Vec<(Span, &str)> = words.iter().map(|w| (Span::default(), *w)).collect();
        let tokens: Vec<String> = tokens.iter().map(|t| (*t).to_owned()).collect();
        resemblance(&candidate, &tokens)
    }

    #[test]
    fn a_rendering_resembles_a_name_word_by_word() {
        assert!(score(&["Shingo", "Kiyozumi"], &["shinjiro", "koizumi"]).is_some());
        assert!(score(&["Kiyozumi"], &["koizumi"]).is_some());
        assert!(score(&["Shigeru", "Kobayashi"], &["shinjiro", "koizumi"]).is_none());
        assert!(score(&["Kishida"], &["koizumi"]).is_none());
        // Same letters, another initial.
        assert!(score(&["Hinjiro", "Koizumi"], &["shinjiro", "koizumi"]).is_none());
    }
}
