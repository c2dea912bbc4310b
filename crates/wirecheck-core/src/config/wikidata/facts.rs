//! What the rows of a Wikidata query's results say, gathered by entity: each term of office (a
//! position-held statement with its dates), each person's labels, aliases and family names,
//! each post's label and country, each country's label and demonyms, and the day the data was
//! read.
//!
//! A row may carry any of these facts: the query in README gives each kind of fact its own rows
//! (a union), a simpler query gives them all in one row per statement; both read the same. The
//! variables are those of README's query: `?statement`, `?person`, `?position`, `?start`,
//! `?startPrecision`, `?end`, `?endPrecision`, `?label` (any language, by its `xml:lang`) or
//! `?personLabel` (English, as the label service names it), `?alias`, `?familyName`,
//! `?positionLabel`, `?jurisdiction`, `?jurisdictionLabel`, `?demonym` and `?retrieved`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;

use super::WikidataError;
use super::sparql_results::{Results, Term, TermKind};

/// A day as Wikidata gives it, with its precision when the results give one (11: the day, 10:
/// the month, 9: the year).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Day {
    pub(super) date: Date,
    pub(super) precision: Option<u8>,
}

/// Wikidata's precision of a date known to the day.
pub(super) const DAY_PRECISION: u8 = 11;

/// One term of office: a person's position-held statement.
#[derive(Clone, Debug)]
pub(super) struct Tenure {
    pub(super) person: String,
    pub(super) position: String,
    pub(super) start: Option<Day>,
    pub(super) end: Option<Day>,
    /// Another row gave the same statement other dates (two start qualifiers).
    pub(super) conflicting: bool,
}

/// What the rows say of a person.
#[derive(Clone, Debug, Default)]
pub(super) struct Person {
    /// Labels by language tag (lower-case), the first given for each.
    pub(super) labels: BTreeMap<String, String>,
    /// English aliases, in the order given, each once.
    pub(super) aliases: Vec<String>,
    /// English labels of the person's family names.
    pub(super) family_names: BTreeSet<String>,
}

/// What the rows say of a post.
#[derive(Clone, Debug, Default)]
pub(super) struct Post {
    pub(super) label: Option<String>,
    /// The countries (or unions) the post is of.
    pub(super) jurisdictions: BTreeSet<String>,
}

/// What the rows say of a country.
#[derive(Clone, Debug, Default)]
pub(super) struct Jurisdiction {
    pub(super) label: Option<String>,
    pub(super) demonyms: Vec<String>,
}

/// Every fact of a results document.
#[derive(Debug, Default)]
pub(super) struct Facts {
    /// The terms of office, in the order first read.
    pub(super) terms: Vec<Tenure>,
    pub(super) people: HashMap<String, Person>,
    pub(super) posts: HashMap<String, Post>,
    pub(super) jurisdictions: HashMap<String, Jurisdiction>,
    /// The earliest `?retrieved` day.
    pub(super) retrieved: Option<Date>,
    /// Whether the results give the dates' precisions (`?startPrecision` among the variables).
    pub(super) has_precision: bool,
    /// How many bindings were read.
    pub(super) bindings: usize,
}

/// Gathers the facts of `results`.
pub(super) fn gather(results: &Results) -> Result<Facts, WikidataError> {
    let mut facts = Facts {
        has_precision: results.vars.iter().any(|v| v == "startPrecision"),
        bindings: results.bindings.len(),
        ..Facts::default()
    };
    // Statements by key, to merge the rows of one statement.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (index, row) in results.bindings.iter().enumerate() {
        let number = index + 1;
        let row = Row { number, row };
        if let Some(day) = row.date("retrieved")? {
            facts.retrieved = Some(facts.retrieved.map_or(day, |d| d.min(day)));
        }
        let person = row.iri("person")?;
        let position = row.iri("position")?;
        let jurisdiction = row.iri("jurisdiction")?;
        if let Some(person) = &person {
            let entry = facts.people.entry(person.clone()).or_default();
            if let Some(label) = row.literal("personLabel") {
                add_label(entry, label.lang.as_deref().unwrap_or("en"), &label.value);
            }
            if let Some(label) = row.literal("label")
                && let Some(lang) = &label.lang
            {
                add_label(entry, lang, &label.value);
            }
            if let Some(alias) = row.literal("alias")
                && label_is_english(alias)
                && !entry.aliases.contains(&alias.value)
            {
                entry.aliases.push(alias.value.clone());
            }
            if let Some(family) = row.literal("familyName")
                && label_is_english(family)
            {
                entry.family_names.insert(family.value.clone());
            }
        }
        if let Some(position) = &position {
            let post = facts.posts.entry(position.clone()).or_default();
            if let Some(label) = row.literal("positionLabel")
                && label_is_english(label)
                && post.label.is_none()
                && !is_entity_id(&label.value)
            {
                post.label = Some(label.value.clone());
            }
            if let Some(jurisdiction) = &jurisdiction {
                post.jurisdictions.insert(jurisdiction.clone());
            }
        }
        if let Some(jurisdiction) = &jurisdiction {
            let place = facts.jurisdictions.entry(jurisdiction.clone()).or_default();
            if let Some(label) = row.literal("jurisdictionLabel")
                && label_is_english(label)
                && place.label.is_none()
                && !is_entity_id(&label.value)
            {
                place.label = Some(label.value.clone());
            }
            if let Some(demonym) = row.literal("demonym")
                && label_is_english(demonym)
                && !place.demonyms.contains(&demonym.value)
            {
                place.demonyms.push(demonym.value.clone());
            }
        }
        let (Some(person), Some(position)) = (person, position) else {
            continue;
        };
        // A row of a person's labels alone (README's query) names no statement; a row that
        // names one, or a simpler query's row of a person and a post, is a term of office.
        let statement = row.iri("statement")?;
        let names_a_term = statement.is_some() || !results.vars.iter().any(|v| v == "statement");
        if !names_a_term {
            continue;
        }
        let start = row.day("start", "startPrecision")?;
        let end = row.day("end", "endPrecision")?;
        let key = statement.unwrap_or_else(|| format!("{person} {position} {start:?} {end:?}"));
        match by_key.get(&key) {
            Some(&at) => {
                let known = &mut facts.terms[at];
                if known.start != start || known.end != end {
                    known.conflicting = true;
                }
            }
            None => {
                by_key.insert(key, facts.terms.len());
                facts.terms.push(Tenure {
                    person,
                    position,
                    start,
                    end,
                    conflicting: false,
                });
            }
        }
    }
    Ok(facts)
}

fn add_label(person: &mut Person, lang: &str, label: &str) {
    if !is_entity_id(label) && !label.trim().is_empty() {
        person
            .labels
            .entry(lang.to_owned())
            .or_insert_with(|| label.trim().to_owned());
    }
}

/// True for a literal in English or with no language (the label service's `?xLabel` in English).
fn label_is_english(term: &Term) -> bool {
    term.lang.as_deref().is_none_or(|lang| lang == "en")
}

/// True for "Q42": the label service gives an entity's id when it has no label in the language.
fn is_entity_id(label: &str) -> bool {
    label
        .strip_prefix('Q')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// One binding, with its number for errors.
struct Row<'a> {
    number: usize,
    row: &'a BTreeMap<String, Term>,
}

impl Row<'_> {
    fn error(&self, var: &str, message: String) -> WikidataError {
        WikidataError::Binding {
            number: self.number,
            message: format!("?{var}: {message}"),
        }
    }

    /// The IRI bound to `var`; an error when it is bound to something else.
    fn iri(&self, var: &str) -> Result<Option<String>, WikidataError> {
        match self.row.get(var) {
            None => Ok(None),
            Some(term) if term.kind == TermKind::Uri => Ok(Some(term.value.clone())),
            Some(term) => Err(self.error(
                var,
                format!(
                    "expected an entity's IRI, found the text '{}'",
                    crate::document::excerpt::excerpt(&term.value)
                ),
            )),
        }
    }

    /// The literal bound to `var` (an IRI there is no text, and is passed over).
    fn literal(&self, var: &str) -> Option<&Term> {
        self.row
            .get(var)
            .filter(|term| term.kind == TermKind::Literal)
    }

    /// The day bound to `var`, with the precision bound to `precision`.
    fn day(&self, var: &str, precision: &str) -> Result<Option<Day>, WikidataError> {
        let Some(date) = self.date(var)? else {
            return Ok(None);
        };
        Ok(Some(Day {
            date,
            precision: self.precision(precision)?,
        }))
    }

    /// The date of the dateTime bound to `var`: `None` when unbound or bound to no literal (an
    /// "unknown value", which the service gives as a blank node's IRI); an error when the
    /// literal is no date.
    fn date(&self, var: &str) -> Result<Option<Date>, WikidataError> {
        let Some(term) = self.literal(var) else {
            return Ok(None);
        };
        let text = term.value.trim();
        let date_part = text.split('T').next().unwrap_or(text);
        let date_part = date_part.strip_prefix('+').unwrap_or(date_part);
        date_part.parse::<Date>().map(Some).map_err(|_| {
            self.error(
                var,
                format!(
                    "not a date: '{}' (expected an xsd:dateTime, as 2025-10-21T00:00:00Z)",
                    crate::document::excerpt::excerpt(text)
                ),
            )
        })
    }

    /// The precision bound to `var`, an integer.
    fn precision(&self, var: &str) -> Result<Option<u8>, WikidataError> {
        let Some(term) = self.literal(var) else {
            return Ok(None);
        };
        term.value.trim().parse::<u8>().map(Some).map_err(|_| {
            self.error(
                var,
                format!(
                    "not a date precision: '{}' (expected an integer, 11 for a day)",
                    crate::document::excerpt::excerpt(&term.value)
                ),
            )
        })
    }
}
