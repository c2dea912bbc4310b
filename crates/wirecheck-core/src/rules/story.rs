//! What a check knows of the story it checks: the document, the run's [`Context`], the story's
//! publication date, and the facts about the story that rules share — its dateline taken apart,
//! its dates, its quantities, its capitalised words, its paragraphs' alignment with the reference.
//! Each fact is computed once a story, when a rule first asks for it ([`StoryContext`]); the
//! reference version's own facts once a run ([`Reference`]).

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashSet;

use super::Context;
use super::names::without_possessive;
use super::reference::ReferenceNames;
use crate::document::Document;
use crate::knowledge::alignment::ParagraphAlignment;
use crate::knowledge::dateline::{Dateline, parse_dateline};
use crate::knowledge::dates::{DateMention, find_dates};
use crate::knowledge::numbers::{NumberMention, find_quantities};
use crate::knowledge::publication::PublicationDate;
use crate::span::Span;

/// One story as the checks see it: made once a story by [`Context::for_document`].
#[derive(Debug)]
pub struct StoryContext<'a> {
    run: &'a Context,
    doc: &'a Document,
    known_names: &'a FxHashSet<String>,
    publication: Option<PublicationDate>,
    facts: StoryFacts,
}

/// The facts of one story that more than one rule reads. The dateline is taken apart at once (the
/// publication date may be its date); the others when first asked for.
#[derive(Debug, Default)]
struct StoryFacts {
    dateline: Option<Dateline>,
    dates: OnceLock<Vec<Vec<DateMention>>>,
    quantities: OnceLock<Vec<Vec<NumberMention>>>,
    capitalised: OnceLock<Vec<usize>>,
    alignment: OnceLock<Option<ParagraphAlignment>>,
}

/// The known names of a story checked outside a rule set: none.
static NO_NAMES: LazyLock<FxHashSet<String>> = LazyLock::new(FxHashSet::default);

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
        let publication =
            PublicationDate::choose(run.publication, doc, dateline.as_ref(), run.configured_date);
        if let Some(mention) = dateline.as_mut().and_then(|d| d.date.as_mut()) {
            mention.resolve_against(publication.map(|p| p.date));
        }
        Self {
            run,
            doc,
            known_names: &NO_NAMES,
            publication,
            facts: StoryFacts {
                dateline,
                ..StoryFacts::default()
            },
        }
    }

    /// This context with the name tokens every rule of a rule set knows.
    pub(crate) fn with_known_names<'b>(self, known_names: &'b FxHashSet<String>) -> StoryContext<'b>
    where
        'a: 'b,
    {
        StoryContext {
            known_names,
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

    /// The UTC offset of the story's time zone, when given with its publication date.
    pub fn time_zone(&self) -> Option<jiff::tz::Offset> {
        self.publication.and_then(|p| p.offset)
    }

    /// Every name token any rule of the rule set knows as correct, so that one pack's name is
    /// never "corrected" towards another pack's. Empty outside a rule set.
    pub fn known_names(&self) -> &'a FxHashSet<String> {
        self.known_names
    }

    /// The reference version the story is checked against (`check --reference`), if any.
    pub fn reference(&self) -> Option<&'a Reference> {
        self.run.reference.as_deref()
    }

    /// The story's dateline taken apart, its date resolved against the publication date.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.facts.dateline.as_ref()
    }

    /// The date mentions of each paragraph, in order, outside the dateline (which has its own,
    /// [`StoryContext::dateline`]), resolved against the publication date.
    pub fn dates(&self) -> &[Vec<DateMention>] {
        self.facts.dates.get_or_init(|| {
            let doc = self.doc;
            doc.paragraphs
                .iter()
                .map(|&paragraph| {
                    let mut span = paragraph;
                    if let Some(dateline) = doc.dateline
                        && paragraph.contains(dateline)
                    {
                        span.start = dateline.end;
                    }
                    find_dates(doc.text(), span, self.publication_date())
                })
                .collect()
        })
    }

    /// The quantities of each paragraph (numbers, and dates as a month and day), as they are
    /// compared with the reference's.
    pub fn quantities(&self) -> &[Vec<NumberMention>] {
        self.facts
            .quantities
            .get_or_init(|| paragraph_quantities(self.doc))
    }

    /// The story's capitalised words, in order, without possessive endings.
    pub fn name_mentions(&self) -> impl Iterator<Item = NameMention<'_>> + '_ {
        let doc = self.doc;
        let capitalised = self
            .facts
            .capitalised
            .get_or_init(|| capitalised_words(doc));
        name_mentions(doc, capitalised)
    }

    /// Which paragraph of the reference matches which of the story; `None` without a reference.
    pub fn alignment(&self) -> Option<&ParagraphAlignment> {
        self.facts
            .alignment
            .get_or_init(|| {
                self.reference()
                    .map(|reference| ParagraphAlignment::of(reference.document(), self.doc))
            })
            .as_ref()
    }
}

/// The version a run's stories are checked against (`check --reference`), with its facts, each
/// computed once a run when a check first asks for it.
#[derive(Debug)]
pub struct Reference {
    document: Document,
    quantities: OnceLock<Vec<Vec<NumberMention>>>,
    capitalised: OnceLock<Vec<usize>>,
    names: OnceLock<ReferenceNames>,
}

impl From<Document> for Reference {
    fn from(document: Document) -> Self {
        Self::new(document)
    }
}

impl Reference {
    /// `document` as the reference version.
    pub fn new(document: Document) -> Self {
        Self {
            document,
            quantities: OnceLock::new(),
            capitalised: OnceLock::new(),
            names: OnceLock::new(),
        }
    }

    /// The reference version.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The quantities of each paragraph, as [`StoryContext::quantities`].
    pub fn quantities(&self) -> &[Vec<NumberMention>] {
        self.quantities
            .get_or_init(|| paragraph_quantities(&self.document))
    }

    /// The capitalised words, as [`StoryContext::name_mentions`].
    pub fn name_mentions(&self) -> impl Iterator<Item = NameMention<'_>> + '_ {
        let capitalised = self
            .capitalised
            .get_or_init(|| capitalised_words(&self.document));
        name_mentions(&self.document, capitalised)
    }

    /// The names of the reference, indexed for the `names` comparison.
    pub(super) fn names(&self) -> &ReferenceNames {
        self.names.get_or_init(|| ReferenceNames::of(self))
    }
}

fn paragraph_quantities(doc: &Document) -> Vec<Vec<NumberMention>> {
    doc.paragraphs
        .iter()
        .map(|&paragraph| find_quantities(doc.text(), paragraph))
        .collect()
}

/// The indices of the words of `doc` that start with a capital once a possessive ending is off.
fn capitalised_words(doc: &Document) -> Vec<usize> {
    let bytes = doc.text().as_bytes();
    doc.words
        .iter()
        .enumerate()
        .filter(|&(_, span)| {
            // Most words are lower-case ASCII: skip them on their first byte.
            if bytes
                .get(span.start)
                .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                return false;
            }
            let (word, _) = without_possessive(doc.slice(span), span);
            word.starts_with(char::is_uppercase)
        })
        .map(|(index, _)| index)
        .collect()
}

fn name_mentions<'a>(
    doc: &'a Document,
    capitalised: &'a [usize],
) -> impl Iterator<Item = NameMention<'a>> + 'a {
    let words = doc.words.all();
    capitalised.iter().filter_map(move |&index| {
        let span = words.get(index)?;
        let (word, span) = without_possessive(doc.slice(span), span);
        Some(NameMention { index, word, span })
    })
}
