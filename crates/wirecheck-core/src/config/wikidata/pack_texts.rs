//! The texts of a Wikidata pack folder: `Titles.yml` (a `titles` rule: each post's title with its
//! country and holders), `Names.yml` (a `names` rule: each person with variants, native forms
//! and a note of their posts) and `pack.yaml` (where the data came from, its date and licence,
//! and the shipped rules it replaces). YAML is written through [`crate::yaml`].

use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use super::facts::Facts;
use super::title_phrase::{TitleShape, title_of};
use super::{DroppedTerm, Kept, REPLACED_RULES, WikidataImport, fold_name};
use crate::config::synced::PackManifest;

/// One file of a pack folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackFile {
    /// Its name in the folder.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The texts, with the counts the summary gives.
pub(super) struct Texts {
    pub(super) files: Vec<PackFile>,
    pub(super) posts: usize,
    pub(super) people: usize,
    pub(super) people_shipped: usize,
}

/// The title of the post `position`, or why it has none.
pub(super) fn title_of_post(facts: &Facts, position: &str) -> Result<TitleShape, DroppedTerm> {
    let post = facts.posts.get(position).ok_or(DroppedTerm::NoPostTitle)?;
    let label = post.label.as_deref().ok_or(DroppedTerm::NoPostTitle)?;
    let mut jurisdictions = post.jurisdictions.iter();
    let (Some(jurisdiction), None) = (jurisdictions.next(), jurisdictions.next()) else {
        return Err(DroppedTerm::NoCountry);
    };
    let place = facts
        .jurisdictions
        .get(jurisdiction)
        .ok_or(DroppedTerm::NoCountry)?;
    let country = place.label.as_deref().ok_or(DroppedTerm::NoCountry)?;
    title_of(label, country, &place.demonyms).ok_or(DroppedTerm::NoPostTitle)
}

#[derive(Serialize)]
struct TitlesFile {
    extends: &'static str,
    message: &'static str,
    level: &'static str,
    description: String,
    verified: Date,
    titles: Vec<TitleOut>,
}

#[derive(Serialize)]
struct TitleOut {
    title: Vec<String>,
    country: String,
    qualifiers: Vec<String>,
    holders: Vec<HolderOut>,
}

#[derive(Clone, PartialEq, Eq, Serialize)]
struct HolderOut {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    surname: Option<String>,
    since: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<Date>,
}

#[derive(Serialize)]
struct NamesFile {
    extends: &'static str,
    message: &'static str,
    level: &'static str,
    description: String,
    verified: Date,
    names: Vec<NameOut>,
}

#[derive(Serialize)]
struct NameOut {
    name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    variants: Vec<String>,
    note: String,
    #[serde(skip_serializing_if = "NativeForms::is_empty")]
    native: NativeForms,
}

/// `native:` as a mapping in the order of [`NATIVE_LANGUAGES`].
struct NativeForms(Vec<(&'static str, String)>);

impl NativeForms {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for NativeForms {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (code, form) in &self.0 {
            map.serialize_entry(code, form)?;
        }
        map.end()
    }
}

/// The languages of native forms, as the packs write them, each with the Wikidata label
/// languages read for it, best first (simplified Chinese before a `zh` label of either script),
/// and whether its script is Latin (then a form is kept only when it differs from the English
/// name beyond diacritics).
const NATIVE_LANGUAGES: &[(&str, &[&str], bool)] = &[
    ("zh", &["zh-hans", "zh-cn", "zh"], false),
    ("ja", &["ja"], false),
    ("ko", &["ko"], false),
    ("ar", &["ar"], false),
    ("ru", &["ru"], false),
    ("de", &["de"], true),
    ("fr", &["fr"], true),
    ("es", &["es"], true),
];

/// A person's name as the pack gives it: the English label, the family name when it comes first
/// ("Xi Jinping", for a surname alone: "President Xi"), and the name in the other order when the
/// family name comes last in a two-word name ("Takaichi Sanae" for "Sanae Takaichi").
struct PersonName {
    name: String,
    surname: Option<String>,
    reversed: Option<String>,
}

fn person_name(facts: &Facts, person: &str) -> Option<PersonName> {
    let entry = facts.people.get(person)?;
    let name = entry.labels.get("en")?.clone();
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut families = entry.family_names.iter();
    let family = match (families.next(), families.next()) {
        (Some(family), None) => Some(family.as_str()),
        _ => None,
    };
    let (mut surname, mut reversed) = (None, None);
    if let Some(family) = family {
        if words.len() >= 2 && words[0] == family {
            surname = Some(family.to_owned());
        } else if let [given, last] = words[..]
            && last == family
        {
            reversed = Some(format!("{last} {given}"));
        }
    }
    Some(PersonName {
        name,
        surname,
        reversed,
    })
}

/// The texts of the pack of the `kept` terms.
pub(super) fn write(
    facts: &Facts,
    kept: &[Kept<'_>],
    shipped: &HashSet<String>,
    verified: Date,
    import: &WikidataImport,
    dropped: &BTreeMap<DroppedTerm, usize>,
) -> Texts {
    let titles = titles(facts, kept);
    let (names, people_shipped) = names(facts, kept, shipped, verified);
    let posts = titles.len();
    let people = names.len();
    let header = |what: &str| {
        format!(
            "# {what}, made by `wirecheck packs import wikidata`\n\
             # from Wikidata's data as of {verified} (CC0 1.0:\n\
             # https://creativecommons.org/publicdomain/zero/1.0/). Do not edit: import or\n\
             # sync again. Where the data came from: pack.yaml.\n"
        )
    };
    let mut files = Vec::new();
    let titles_file = TitlesFile {
        extends: "titles",
        message: "%s is %s, not '%s'",
        level: "error",
        description: format!(
            "Flags a title followed by someone other than its holder on the story's date, by \
             Wikidata's data as of {verified}."
        ),
        verified,
        titles,
    };
    files.push(PackFile {
        name: "Titles.yml".to_owned(),
        text: header("Titles of posts and their holders") + &yaml(&titles_file),
    });
    if !names.is_empty() {
        let names_file = NamesFile {
            extends: "names",
            message: "'%s' is close to the known name '%s' (%s)",
            level: "error",
            description: format!(
                "Names of office holders in Wikidata's data as of {verified}, and their \
                 near-miss misspellings."
            ),
            verified,
            names,
        };
        files.push(PackFile {
            name: "Names.yml".to_owned(),
            text: header("Office holders' names") + &yaml(&names_file),
        });
    }
    let manifest = PackManifest {
        source: "Wikidata".to_owned(),
        licence: "CC0 1.0 (Wikidata's structured data is in the public domain: \
                  https://creativecommons.org/publicdomain/zero/1.0/)"
            .to_owned(),
        verified,
        results: import.origin.clone(),
        endpoint: import.endpoint.clone(),
        query: import.query.clone(),
        replaces: REPLACED_RULES.iter().map(|r| (*r).to_owned()).collect(),
        holders: kept.len(),
        posts,
        people,
        people_in_shipped_packs: people_shipped,
        dropped: dropped
            .iter()
            .map(|(reason, count)| (reason.describe().to_owned(), *count))
            .collect(),
        generator: format!("wirecheck {}", env!("CARGO_PKG_VERSION")),
    };
    files.push(PackFile {
        name: "pack.yaml".to_owned(),
        text: "# A pack of open data: where it came from, its date, and the shipped rules it \
               replaces.\n"
            .to_owned()
            + &yaml(&manifest),
    });
    Texts {
        files,
        posts,
        people,
        people_shipped,
    }
}

/// YAML of a value whose every part serializes (strings, numbers, dates, lists, maps).
fn yaml<T: Serialize>(value: &T) -> String {
    // Nothing here can fail to serialize; were it to, the file would say so and not load.
    crate::yaml::to_string(value).unwrap_or_else(|err| format!("error: {err}\n"))
}

/// The titles: each post's, posts of one country that share a phrase merged into one title (two
/// titles of one phrase would each flag the other's holders), holders newest first.
fn titles(facts: &Facts, kept: &[Kept<'_>]) -> Vec<TitleOut> {
    let mut titles: Vec<TitleOut> = Vec::new();
    for term in kept {
        let (Ok(shape), Some(name)) = (
            title_of_post(facts, term.position),
            person_name(facts, term.person),
        ) else {
            continue;
        };
        let at = titles.iter().position(|t| {
            t.country == shape.country && t.title.iter().any(|p| shape.phrases.contains(p))
        });
        let title = match at {
            Some(at) => {
                let title = &mut titles[at];
                extend_unique(&mut title.title, shape.phrases);
                extend_unique(&mut title.qualifiers, shape.qualifiers);
                title
            }
            None => {
                titles.push(TitleOut {
                    title: shape.phrases,
                    country: shape.country,
                    qualifiers: shape.qualifiers,
                    holders: Vec::new(),
                });
                let last = titles.len() - 1;
                &mut titles[last]
            }
        };
        // `until` is exclusive: the day after the last day in office.
        let until = term.end.map(|end| end.tomorrow().unwrap_or(end));
        let mut holders = vec![HolderOut {
            name: name.name,
            surname: name.surname,
            since: term.start,
            until,
        }];
        if let Some(reversed) = name.reversed {
            holders.push(HolderOut {
                name: reversed,
                surname: None,
                since: term.start,
                until,
            });
        }
        for holder in holders {
            if !title.holders.contains(&holder) {
                title.holders.push(holder);
            }
        }
    }
    for title in &mut titles {
        // Newest first; the current holder is the one suggested.
        title.holders.sort_by(|a, b| {
            b.since
                .cmp(&a.since)
                .then(a.until.is_some().cmp(&b.until.is_some()))
        });
    }
    titles.sort_by(|a, b| (&a.country, &a.title[0]).cmp(&(&b.country, &b.title[0])));
    titles
}

fn extend_unique(list: &mut Vec<String>, more: Vec<String>) {
    for item in more {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// The names: each person with a kept term whom no shipped pack lists, sorted by name; and how
/// many were left to the shipped packs.
fn names(
    facts: &Facts,
    kept: &[Kept<'_>],
    shipped: &HashSet<String>,
    verified: Date,
) -> (Vec<NameOut>, usize) {
    // Each person's posts, newest first.
    let mut posts: BTreeMap<&str, Vec<&Kept<'_>>> = BTreeMap::new();
    for term in kept {
        posts.entry(term.person).or_default().push(term);
    }
    let mut names: BTreeMap<String, NameOut> = BTreeMap::new();
    let mut people_shipped = 0;
    for (person, mut terms) in posts {
        let (Some(entry), Some(name)) = (facts.people.get(person), person_name(facts, person))
        else {
            continue;
        };
        let english = name.name.clone();
        let variants = variants(&english, &entry.aliases, name.reversed.as_deref());
        let known = std::iter::once(&english)
            .chain(&variants)
            .any(|n| shipped.contains(&fold_name(n)));
        if known {
            people_shipped += 1;
            continue;
        }
        terms.sort_by_key(|term| std::cmp::Reverse(term.start));
        let held: Vec<String> = terms
            .iter()
            .filter_map(|term| {
                let post = post_named(facts, term.position)?;
                Some(match term.end {
                    Some(end) => format!("{post} {} to {end}", term.start),
                    None => format!("{post} since {}", term.start),
                })
            })
            .collect();
        let note = format!("{} (Wikidata, {verified})", held.join("; "));
        let native = NativeForms(
            NATIVE_LANGUAGES
                .iter()
                .filter_map(|(code, langs, latin)| {
                    let form = langs.iter().find_map(|lang| entry.labels.get(*lang))?;
                    native_form_kept(&english, form, *latin).then(|| (*code, form.clone()))
                })
                .collect(),
        );
        match names.get_mut(&english) {
            // Two people of one name: one entry, both notes.
            Some(known) => known.note = format!("{}; {note}", known.note),
            None => {
                names.insert(
                    english.clone(),
                    NameOut {
                        name: english,
                        kind: "person",
                        variants,
                        note,
                        native,
                    },
                );
            }
        }
    }
    (names.into_values().collect(), people_shipped)
}

/// The post's label, with its country when the label does not name it ("Minister of Defense
/// (Japan)").
fn post_named(facts: &Facts, position: &str) -> Option<String> {
    let label = facts.posts.get(position)?.label.as_deref()?;
    match title_of_post(facts, position) {
        Ok(shape) if !label.contains(shape.country.as_str()) => {
            Some(format!("{label} ({})", shape.country))
        }
        _ => Some(label.to_owned()),
    }
}

/// The aliases that are other spellings of the name in Latin letters, with the name in the other
/// order: no nicknames in other scripts, no initials alone, no lower-case phrases.
fn variants(name: &str, aliases: &[String], reversed: Option<&str>) -> Vec<String> {
    let folded = fold_name(name);
    let mut variants: Vec<String> = Vec::new();
    for alias in reversed
        .into_iter()
        .chain(aliases.iter().map(String::as_str))
    {
        let alias = alias.trim();
        let latin = alias.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(c, 'À'..='ɏ' | 'Ḁ'..='ỿ')
                || matches!(c, ' ' | '-' | '\'' | '’' | '.')
        });
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        if latin
            && letters >= 3
            && alias.starts_with(char::is_uppercase)
            && fold_name(alias) != folded
            && !variants.iter().any(|v| fold_name(v) == fold_name(alias))
        {
            variants.push(alias.to_owned());
        }
    }
    variants
}

/// Whether `form`, a label in another language, is a native form worth writing: in its own
/// script for a non-Latin language, and not the English name again (beyond diacritics) for a
/// Latin one.
fn native_form_kept(english: &str, form: &str, latin: bool) -> bool {
    if latin {
        fold_name(form) != fold_name(english)
    } else {
        !form.chars().any(|c| c.is_ascii_alphabetic())
    }
}
