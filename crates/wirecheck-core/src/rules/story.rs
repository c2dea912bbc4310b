//! What a check knows of the story it checks: the document, the run's [`Context`], the story's
//! publication date (and how stale a pack's facts are on it), and the facts about the story that
//! rules share — its dateline taken apart, its dates, its quantities, its paragraphs' alignment
//! with the reference — each computed once a story, when a rule first asks for it
//! ([`StoryContext`]); the reference version's own facts once a run ([`Reference`]). What a name
//! mention is is defined here too, but the mentions are found afresh by each check: a pass over
//! the words costs less than holding them.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashSet;

use super::Context;
use super::names::without_possessive;
use super::reference::ReferenceNames;
use crate::document::{Document, WordIter};
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::dateline::{Dateline, parse_dateline};
use crate::knowledge::dates::{DateMention, find_dates};
use crate::knowledge::freshness::Staleness;
use crate::knowledge::language::{Language, Script, detect_language};
use crate::knowledge::native_names::NativeNames;
use crate::knowledge::parallel::{
    AlignUnit, align_units, anchor_hash, paragraph_alignment, quantity_anchor, text_length,
};
use crate::knowledge::publication::PublicationDate;
use crate::knowledge::quantity::{Quantity, find_quantities};
use crate::span::Span;

/// One story as the checks see it: made once a story by [`Context::for_document`].
#[derive(Debug)]
pub struct StoryContext<'a> {
    run: &'a Context,
    doc: &'a Document,
    known_names: &'a FxHashSet<String>,
    native_names: &'a NativeNames,
    publication: Option<PublicationDate>,
    facts: StoryFacts,
}

/// The facts of one story that more than one rule reads. The dateline is taken apart at once (the
/// publication date may be its date); the others when first asked for.
#[derive(Debug)]
struct StoryFacts {
    dateline: Option<Dateline>,
    /// Whether the dates are kept once found: they can take a third of the story's size (32 MB for
    /// the 100 MB story of `benches/memory.sh`), worth holding only for more than one reader.
    keep_dates: bool,
    dates: OnceLock<ParagraphDates>,
    language: OnceLock<Language>,
    quantities: OnceLock<Vec<Vec<Quantity>>>,
    alignment: OnceLock<Option<ParagraphAlignment>>,
}

/// The date mentions of every paragraph in one list (a list each would cost a 100 MB story a
/// hundred megabytes of spare capacity): paragraph `p`'s are `mentions[starts[p]..starts[p + 1]]`.
#[derive(Debug)]
struct ParagraphDates {
    mentions: Vec<DateMention>,
    starts: Vec<usize>,
}

/// The known names of a story checked outside a rule set: none.
static NO_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(FxHashSet::default);

/// The native names of a story checked outside a rule set: none.
static NO_NATIVE_NAMES: LazyLock<NativeNames> = LazyLock::new(NativeNames::default);

/// A capitalised word of a story without its possessive ending ("Motegi's" → "Motegi"): a word
/// the name checks look up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMention<'a> {
    /// Its index in [`Document::words`].
    pub index: usize,
    /// The word, without its possessive ending.
    pub word: &'a str,
    /// Where that is in the normalised text.
    pub span: Span,
}

impl<'a> StoryContext<'a> {
    /// The context of `doc` in the run of `run`: see [`Context::for_document`].
    pub(super) fn new(run: &'a Context, doc: &'a Document) -> Self {
        // A dateline's date without a year is read against the configured date (or today) to
        // choose the publication date, then against the date chosen, as the rules read it.
        let anchor = run.configured_date.map(|c| c.date).or(run.today);
        let mut dateline = doc
            .dateline
            .map(|span| parse_dateline(doc.text(), span, anchor));
        let publication = PublicationDate::choose(
            run.publication,
            doc,
            dateline.as_ref(),
            run.configured_date,
            run.today,
        );
        if let Some(mention) = dateline.as_mut().and_then(|d| d.date.as_mut()) {
            mention.resolve_against(publication.map(|p| p.date));
        }
        Self {
            run,
            doc,
            known_names: &NO_NAMES,
            native_names: &NO_NATIVE_NAMES,
            publication,
            facts: StoryFacts {
                dateline,
                keep_dates: true,
                dates: OnceLock::new(),
                language: OnceLock::new(),
                quantities: OnceLock::new(),
                alignment: OnceLock::new(),
            },
        }
    }

    /// This context for the rules of a rule set: the name tokens they know, their names' native
    /// forms, and how many of them read the dates.
    pub(crate) fn for_rules<'b>(
        self,
        known_names: &'b FxHashSet<String>,
        native_names: &'b NativeNames,
        date_readers: usize,
    ) -> StoryContext<'b>
    where
        'a: 'b,
    {
        StoryContext {
            known_names,
            native_names,
            facts: StoryFacts {
                keep_dates: date_readers > 1,
                ..self.facts
            },
            ..self
        }
    }

    /// The story.
    pub fn doc(&self) -> &'a Document {
        self.doc
    }

    /// The run's settings.
    pub fn run(&self) -> &'a Context {
        self.run
    }

    /// How many blocks of each markup kind the story has, as Vale's `metric` rules read them
    /// (`pre`, `list`, `blockquote`, `heading.h1` … `heading.h6`, by Vale's names); `None` for a
    /// story read without markup, whose counts are all zero.
    pub fn markup_counts(&self) -> Option<&std::collections::BTreeMap<String, usize>> {
        self.doc().markup_counts.as_deref()
    }

    /// The dateline house style the configuration requires (`dateline_style:`), by key.
    pub fn dateline_style(&self) -> Option<&'a str> {
        self.run.dateline_style.as_deref()
    }

    /// The story's publication date with its time, UTC offset and source, when known.
    pub fn publication(&self) -> Option<PublicationDate> {
        self.publication
    }

    /// The day the story is published, when known.
    pub fn publication_date(&self) -> Option<jiff::civil::Date> {
        self.publication.map(|p| p.date)
    }

    /// How stale facts verified on `verified` are on the publication date: `None` within the
    /// run's grace ([`Context::pack_grace`]) or for a story without a publication date.
    pub fn staleness(&self, verified: jiff::civil::Date) -> Option<Staleness> {
        self.run
            .pack_grace
            .staleness(verified, self.publication_date()?)
    }

    /// The UTC offset of the story's time zone, when given with its publication date.
    pub fn time_zone(&self) -> Option<jiff::tz::Offset> {
        self.publication.and_then(|p| p.offset)
    }

    /// Every name token any rule of the rule set knows as correct, so that one pack's name is
    /// never "corrected" towards another pack's. Empty outside a rule set.
    pub fn known_names(&self) -> &'a FxHashSet<String> {
        self.known_names
    }

    /// The native forms of the names every rule of the rule set knows (`native:`), indexed once a
    /// rule set. Empty outside a rule set.
    pub(crate) fn native_names(&self) -> &'a NativeNames {
        self.native_names
    }

    /// The reference version the story is checked against (`check --reference`), if any.
    pub fn reference(&self) -> Option<&'a Reference> {
        self.run.reference.as_deref()
    }

    /// The story's dateline taken apart, its date resolved against the publication date.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.facts.dateline.as_ref()
    }

    /// The date mentions of paragraph `paragraph` (an index in [`Document::paragraphs`]), in
    /// order, outside the dateline (which has its own, [`StoryContext::dateline`]), resolved
    /// against the publication date. Found once a story when more than one rule reads them.
    pub fn dates_in(&self, paragraph: usize) -> Cow<'_, [DateMention]> {
        if !self.facts.keep_dates {
            return Cow::Owned(self.find_dates_in(paragraph));
        }
        let dates = self.facts.dates.get_or_init(|| {
            let mut dates = ParagraphDates {
                mentions: Vec::new(),
                starts: Vec::with_capacity(self.doc.paragraphs.len() + 1),
            };
            for p in 0..self.doc.paragraphs.len() {
                dates.starts.push(dates.mentions.len());
                dates.mentions.extend(self.find_dates_in(p));
            }
            dates.starts.push(dates.mentions.len());
            dates
        });
        match (dates.starts.get(paragraph), dates.starts.get(paragraph + 1)) {
            (Some(&start), Some(&end)) => Cow::Borrowed(&dates.mentions[start..end]),
            _ => Cow::Borrowed(&[]),
        }
    }

    fn find_dates_in(&self, paragraph: usize) -> Vec<DateMention> {
        let doc = self.doc;
        let Some(&paragraph) = doc.paragraphs.get(paragraph) else {
            return Vec::new();
        };
        let mut span = paragraph;
        if let Some(dateline) = doc.dateline
            && paragraph.contains(dateline)
        {
            span.start = dateline.end;
        }
        find_dates(doc.text(), span, self.publication_date())
    }

    /// The language the story is written in, told from its text (English when it has no letters).
    pub fn language(&self) -> Language {
        *self.facts.language.get_or_init(|| language_of(self.doc))
    }

    /// The quantities of each paragraph (numbers, dates and weekdays), read in the story's
    /// language, as they are compared with the reference's.
    pub fn quantities(&self) -> &[Vec<Quantity>] {
        self.facts
            .quantities
            .get_or_init(|| paragraph_quantities(self.doc, self.language()))
    }

    /// The story's capitalised words, in order, without possessive endings. Found afresh for
    /// each check that asks: a pass over the words costs less than holding them all.
    pub fn name_mentions(&self) -> impl Iterator<Item = NameMention<'a>> + use<'a> {
        name_mentions(self.doc)
    }

    /// The paragraphs of a reference in another language matched with the story's by their
    /// lengths and the quantities they share (Gale–Church, with anchors).
    fn align_across_languages(&self, reference: &Reference) -> ParagraphAlignment {
        let names = self.native_names;
        let both_latin = reference.language().script() == Script::Latin
            && self.language().script() == Script::Latin;
        let units = |doc: &Document, language: Language, quantities: &[Vec<Quantity>]| {
            doc.paragraphs
                .iter()
                .zip(quantities)
                .map(|(&paragraph, quantities)| {
                    let mut anchors: Vec<u64> = quantities
                        .iter()
                        .filter(|q| q.firm)
                        .filter_map(quantity_anchor)
                        .collect();
                    // The people and places the name packs know, in either script.
                    let named = if language.script() == Script::Latin {
                        names
                            .latin_hits(doc, paragraph, true)
                            .into_iter()
                            .map(|hit| hit.entry)
                            .collect::<Vec<_>>()
                    } else {
                        names
                            .find(doc.text(), paragraph, language)
                            .into_iter()
                            .map(|(_, entry)| entry)
                            .collect()
                    };
                    anchors.extend(named.into_iter().map(|entry| anchor_hash((2u8, entry))));
                    // Between two Latin-script languages a capitalised word ("Barrot", "Tokyo")
                    // is most often written alike on both sides.
                    if both_latin {
                        let words = doc.words_in(paragraph);
                        let capitalised = words.iter().skip(1).map(|w| doc.slice(w)).filter(|w| {
                            w.chars().count() >= 4
                                && w.chars().next().is_some_and(char::is_uppercase)
                        });
                        anchors.extend(capitalised.map(|w| anchor_hash((3u8, w.to_lowercase()))));
                    }
                    AlignUnit {
                        length: text_length(doc.slice(paragraph), language),
                        anchors,
                    }
                })
                .collect::<Vec<_>>()
        };
        let original = units(
            reference.document(),
            reference.language(),
            reference.quantities(),
        );
        let translation = units(self.doc, self.language(), self.quantities());
        let beads = align_units(&original, &translation);
        paragraph_alignment(&beads, original.len(), translation.len())
    }

    /// Which paragraph of the reference matches which of the story; `None` without a reference.
    pub fn alignment(&self) -> Option<&ParagraphAlignment> {
        self.facts
            .alignment
            .get_or_init(|| {
                self.reference().map(|reference| {
                    if reference.language() == self.language() {
                        ParagraphAlignment::of(reference.document(), self.doc)
                    } else {
                        self.align_across_languages(reference)
                    }
                })
            })
            .as_ref()
    }
}

/// The version a run's stories are checked against (`check --reference`), with its facts, each
/// computed once a run when a check first asks for it.
#[derive(Debug)]
pub struct Reference {
    document: Document,
    language: Language,
    quantities: OnceLock<Vec<Vec<Quantity>>>,
    names: OnceLock<ReferenceNames>,
}

impl From<Document> for Reference {
    fn from(document: Document) -> Self {
        Self::new(document)
    }
}

impl Reference {
    /// `document` as the reference version, its language told from its text.
    pub fn new(document: Document) -> Self {
        let language = language_of(&document);
        Self::in_language(document, language)
    }

    /// `document` as the reference version, written in `language` (`--reference-lang`).
    pub fn in_language(document: Document, language: Language) -> Self {
        Self {
            document,
            language,
            quantities: OnceLock::new(),
            names: OnceLock::new(),
        }
    }

    /// The reference version.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The language the reference is written in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The quantities of each paragraph, as [`StoryContext::quantities`].
    pub fn quantities(&self) -> &[Vec<Quantity>] {
        self.quantities
            .get_or_init(|| paragraph_quantities(&self.document, self.language))
    }

    /// The capitalised words, as [`StoryContext::name_mentions`].
    pub fn name_mentions(&self) -> impl Iterator<Item = NameMention<'_>> + '_ {
        name_mentions(&self.document)
    }

    /// The names of the reference, indexed for the `names` comparison.
    pub(super) fn names(&self) -> &ReferenceNames {
        self.names.get_or_init(|| ReferenceNames::of(self))
    }
}

fn paragraph_quantities(doc: &Document, language: Language) -> Vec<Vec<Quantity>> {
    doc.paragraphs
        .iter()
        .map(|&paragraph| find_quantities(doc.text(), paragraph, language))
        .collect()
}

/// The language of a story's text; English when it has no letters to tell by.
fn language_of(doc: &Document) -> Language {
    detect_language(doc.text()).unwrap_or(Language::English)
}

/// The words of `doc` that start with a capital once a possessive ending is off.
fn name_mentions(doc: &Document) -> NameMentions<'_> {
    NameMentions {
        doc,
        words: doc.words.iter().enumerate(),
    }
}

/// The iterator of [`StoryContext::name_mentions`].
struct NameMentions<'a> {
    doc: &'a Document,
    words: std::iter::Enumerate<WordIter<'a>>,
}

impl<'a> Iterator for NameMentions<'a> {
    type Item = NameMention<'a>;

    #[inline]
    fn next(&mut self) -> Option<NameMention<'a>> {
        let bytes = self.doc.text().as_bytes();
        loop {
            let (index, span) = self.words.next()?;
            // Most words are lower-case ASCII: skip them on their first byte.
            if bytes
                .get(span.start)
                .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                continue;
            }
            let (word, span) = without_possessive(self.doc.slice(span), span);
            if word.starts_with(char::is_uppercase) {
                return Some(NameMention { index, word, span });
            }
        }
    }
}
