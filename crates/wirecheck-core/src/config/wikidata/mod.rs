//! A names and titles pack made of Wikidata's data: the JSON results of a SPARQL query for
//! position-held (P39) statements ([`HOLDERS_QUERY`], the one README gives) in, the texts of a
//! pack folder out (`Names.yml`, `Titles.yml`, `pack.yaml`). Pure: no file, clock or network.
//!
//! Precision first: a term of office is kept only when it is sure. Dropped, each counted in the
//! summary: a term without a start date, or one known only to the month or year; an end before
//! the start, or an end known only to the month or year; a statement the results give with two
//! sets of dates, or the same person's two terms of one post from the same day with different
//! ends; a person or post without an English label; a post of no one country. An exact
//! duplicate is kept once. Wikidata's end date is the last day of a term, often the successor's
//! first: a holder's `until` is the day after it, so that on a hand-over day either is accepted.
//!
//! People a shipped names pack lists already (by name or variant) are left out of `Names.yml`:
//! two rules knowing one person would report each misspelling twice. Their terms are still in
//! `Titles.yml`, which replaces the shipped titles (`replaces:` in `pack.yaml`).

mod facts;
mod pack_texts;
mod sparql_results;
mod title_phrase;

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

use facts::{DAY_PRECISION, Day, Facts, Tenure};
pub use pack_texts::PackFile;

/// The query README gives, which `packs sync` sends unless told otherwise.
pub const HOLDERS_QUERY: &str = include_str!("holders.rq");

/// The shipped rules a Wikidata pack's titles take the place of.
pub const REPLACED_RULES: &[&str] = &["names-japan.Titles", "names-world.Titles"];

/// Why results could not be made into a pack.
#[derive(Debug, thiserror::Error)]
pub enum WikidataError {
    /// The text is no JSON (or JSON cut short).
    #[error("{line}:{column}: not SPARQL JSON results: {message}")]
    Json {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// JSON, but not of the shape of SPARQL results.
    #[error("not SPARQL JSON results: {0}")]
    Shape(String),
    /// A binding whose values are not what the query gives.
    #[error("binding {number}: {message}")]
    Binding {
        /// The binding's number, from 1.
        number: usize,
        /// What is wrong.
        message: String,
    },
    /// Neither the results nor the caller say what day the data is of.
    #[error(
        "the results give no ?retrieved date (README's query binds it with BIND(NOW() AS ?retrieved)); give the day the data was read with --verified YYYY-MM-DD"
    )]
    NoDate,
    /// No term of office could be kept.
    #[error("no term of office to write: {0}")]
    Empty(String),
}

/// What the import is given besides the results.
#[derive(Clone, Debug, Default)]
pub struct WikidataImport {
    /// The day the data is of, when the results have no `?retrieved`.
    pub verified: Option<Date>,
    /// Where the results came from (a file name, an endpoint), for `pack.yaml`.
    pub origin: String,
    /// The endpoint queried, when the results were fetched.
    pub endpoint: Option<String>,
    /// The query, when known.
    pub query: Option<String>,
    /// Names (canonical or variant) of people that shipped names packs list already.
    pub known_people: Vec<String>,
}

/// Why a term of office was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DroppedTerm {
    /// No start date.
    NoStart,
    /// A start date known only to the month or year.
    VagueStart,
    /// An end date known only to the month or year.
    VagueEnd,
    /// An end before the start.
    EndBeforeStart,
    /// Two sets of dates for one statement, or two ends for one person, post and start.
    Conflicting,
    /// The same person, post and dates again.
    Duplicate,
    /// A person without an English label.
    NoPersonLabel,
    /// A post without an English label, or whose label leaves no title.
    NoPostTitle,
    /// A post of no country, or of several.
    NoCountry,
}

impl DroppedTerm {
    /// What it is, for the summary and `pack.yaml`.
    pub fn describe(self) -> &'static str {
        match self {
            DroppedTerm::NoStart => "no start date",
            DroppedTerm::VagueStart => "start date known only to the month or year",
            DroppedTerm::VagueEnd => "end date known only to the month or year",
            DroppedTerm::EndBeforeStart => "end before start",
            DroppedTerm::Conflicting => "conflicting dates",
            DroppedTerm::Duplicate => "duplicate",
            DroppedTerm::NoPersonLabel => "person without an English label",
            DroppedTerm::NoPostTitle => "post without an English title",
            DroppedTerm::NoCountry => "post of no one country",
        }
    }
}

/// Where the pack's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifiedFrom {
    /// The results' `?retrieved`.
    Retrieved,
    /// The caller's `--verified`.
    Given,
}

/// A pack made of the results, and what went into it.
#[derive(Clone, Debug)]
pub struct ImportedPack {
    /// The files of the pack folder, in the order to write them.
    pub files: Vec<PackFile>,
    /// The day the data is of: every file's `verified:`.
    pub verified: Date,
    /// Where that day came from.
    pub verified_from: VerifiedFrom,
    /// Terms of office written.
    pub holders: usize,
    /// Titles written (posts merged by title and country).
    pub posts: usize,
    /// People written to `Names.yml`.
    pub people: usize,
    /// People left out of `Names.yml` because a shipped pack lists them.
    pub people_shipped: usize,
    /// Terms left out, by reason, with their counts, in the order of [`DroppedTerm`].
    pub dropped: Vec<(DroppedTerm, usize)>,
    /// Whether the results gave the dates' precisions.
    pub has_precision: bool,
}

/// One kept term of office, ready to write.
#[derive(Clone, Debug)]
struct Kept<'a> {
    person: &'a str,
    position: &'a str,
    start: Date,
    /// The last day, as Wikidata gives it.
    end: Option<Date>,
}

/// Makes a pack of the SPARQL JSON results `results`.
pub fn import_wikidata(
    results: &str,
    import: &WikidataImport,
) -> Result<ImportedPack, WikidataError> {
    let results = sparql_results::parse(results)?;
    let facts = facts::gather(&results)?;
    let (verified, verified_from) = match (facts.retrieved, import.verified) {
        (Some(day), _) => (day, VerifiedFrom::Retrieved),
        (None, Some(day)) => (day, VerifiedFrom::Given),
        (None, None) => return Err(WikidataError::NoDate),
    };
    let mut dropped: BTreeMap<DroppedTerm, usize> = BTreeMap::new();
    let kept = keep_sure_terms(&facts, &mut dropped);
    if kept.is_empty() {
        let why = if facts.terms.is_empty() {
            format!(
                "the {} bindings name no position-held statement (?person with ?position)",
                facts.bindings
            )
        } else {
            let reasons: Vec<String> = dropped
                .iter()
                .map(|(reason, count)| format!("{count} {}", reason.describe()))
                .collect();
            format!(
                "every one of the {} was left out ({})",
                facts.terms.len(),
                reasons.join(", ")
            )
        };
        return Err(WikidataError::Empty(why));
    }
    let shipped: HashSet<String> = import
        .known_people
        .iter()
        .map(|name| fold_name(name))
        .collect();
    let texts = pack_texts::write(&facts, &kept, &shipped, verified, import, &dropped);
    Ok(ImportedPack {
        files: texts.files,
        verified,
        verified_from,
        holders: kept.len(),
        posts: texts.posts,
        people: texts.people,
        people_shipped: texts.people_shipped,
        dropped: dropped.into_iter().collect(),
        has_precision: facts.has_precision,
    })
}

/// The terms sure enough to write, each once; the others counted in `dropped`.
fn keep_sure_terms<'a>(
    facts: &'a Facts,
    dropped: &mut BTreeMap<DroppedTerm, usize>,
) -> Vec<Kept<'a>> {
    let mut drop = |reason: DroppedTerm| *dropped.entry(reason).or_default() += 1;
    let mut candidates: Vec<Kept<'a>> = Vec::new();
    for term in &facts.terms {
        match sure_dates(term) {
            Err(reason) => drop(reason),
            Ok((start, end)) => {
                if let Some(reason) = unwritable(facts, term) {
                    drop(reason);
                    continue;
                }
                candidates.push(Kept {
                    person: &term.person,
                    position: &term.position,
                    start,
                    end,
                });
            }
        }
    }
    // One person's terms of one post from one day: the same ends are one term given twice; other
    // ends contradict each other, and none is sure.
    let mut ends: HashMap<(&str, &str, Date), Vec<Option<Date>>> = HashMap::new();
    for term in &candidates {
        ends.entry((term.person, term.position, term.start))
            .or_default()
            .push(term.end);
    }
    let mut seen: HashSet<(&str, &str, Date)> = HashSet::new();
    let mut kept = Vec::new();
    for term in candidates {
        let key = (term.person, term.position, term.start);
        let given = &ends[&key];
        if given.iter().any(|end| *end != given[0]) {
            drop(DroppedTerm::Conflicting);
        } else if !seen.insert(key) {
            drop(DroppedTerm::Duplicate);
        } else {
            kept.push(term);
        }
    }
    kept
}

/// The term's start and last day when both are sure.
fn sure_dates(term: &Tenure) -> Result<(Date, Option<Date>), DroppedTerm> {
    if term.conflicting {
        return Err(DroppedTerm::Conflicting);
    }
    let vague = |day: &Day| day.precision.is_some_and(|p| p < DAY_PRECISION);
    let start = term.start.ok_or(DroppedTerm::NoStart)?;
    if vague(&start) {
        return Err(DroppedTerm::VagueStart);
    }
    match term.end {
        Some(end) if vague(&end) => Err(DroppedTerm::VagueEnd),
        Some(end) if end.date < start.date => Err(DroppedTerm::EndBeforeStart),
        end => Ok((start.date, end.map(|e| e.date))),
    }
}

/// Why the term cannot be written (its person or post lacks what the pack needs), if so.
fn unwritable(facts: &Facts, term: &Tenure) -> Option<DroppedTerm> {
    let person = facts.people.get(&term.person);
    if person.and_then(|p| p.labels.get("en")).is_none() {
        return Some(DroppedTerm::NoPersonLabel);
    }
    pack_texts::title_of_post(facts, &term.position).err()
}

/// A name folded for comparison: words lower-cased without diacritics, hyphens as spaces.
fn fold_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(crate::knowledge::name_index::fold)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical names and variants of the people the shipped `names` rules list.
pub fn shipped_people() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct NamesFile {
        extends: String,
        #[serde(default)]
        names: Vec<crate::rules::names::NameEntry>,
    }
    let mut people = Vec::new();
    for source in crate::config::packs::builtin_sources() {
        let Ok(file) = crate::yaml::from_str::<NamesFile>(&source.yaml, "rule file") else {
            continue;
        };
        if file.extends != "names" {
            continue;
        }
        for entry in file.names {
            if entry.kind().is_some_and(|kind| kind != "person") {
                continue;
            }
            people.push(entry.name().to_owned());
            people.extend(entry.variants().iter().cloned());
        }
    }
    people
}

#[cfg(test)]
mod tests;
