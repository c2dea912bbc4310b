//! `names`: known names of people, places and organisations, and their near-miss misspellings.
//!
//! ```yaml
//! extends: names
//! message: "'%s' is close to the known name '%s' (%s)"
//! level: error
//! names:
//!   - name: Sanae Takaichi
//!     kind: person
//!     note: Prime Minister of Japan since 2025-10-21
//!     variants: [Takaichi Sanae]
//!     native: {ja: 高市早苗, zh: 高市早苗}
//!   - Tokyo
//! allow: [Ishida]
//! ```
//! Any capitalised word that is not a known spelling but lies within a small edit distance of a
//! token of a canonical name is flagged, suggesting the canonical token (see [`crate::knowledge::name_index`]).
//! Misspellings are never listed: they are found. `variants` are other correct spellings; `allow`
//! lists words that are close to a name but are not it. The message gets the word found, the
//! suggested token, and the full name with its note.
//!
//! A name that joins a particle to its surname with a hyphen ("Mohammed Shia al-Sudani") is
//! known by the surname alone too, and a word written so ("al-Sudany", "Al-Sudany") is looked up
//! by its surname.
//!
//! A near miss is flagged on its own only when nothing else explains it. Beside evidence that the
//! word is that person (another token of the same name, across its particles, "Ursula von der
//! Leyden"; an initial; a title the person holds or held, as the `titles` rules list them: see
//! [`evidence`]), and only then, these are flagged too:
//! - a word that is already something else: a common English word ("Copper" near "Cooper"), a
//!   common proper name ("Leiden"), a known place or a word of one's name ("Marino" in "San
//!   Marino"; the gazetteer's and the configuration's places), a Slavic feminine form of the
//!   surname ("Medvedeva", a woman of her own), or a word of `allow`;
//! - a word near a short token (six letters or fewer) of a person's name: "Motegie" alone may be
//!   anyone, "Toshimitsu Motegie" is not, nor is a later "Motegie" in the same story (wire copy
//!   names a person in full once, by surname after);
//! - a word that is one syllable of a romanization system near another syllable of the same
//!   system ("Zhong" near "Zheng", see [`crate::knowledge::romanization`]); there a neighbour
//!   that is itself such a syllable is no evidence ("Li Qian" is not "Li Qiang").
//!
//! `native` gives the name as it is written in other languages: a map from a language code
//! (`ja`, `zh`, `ko`, `ar`, `ru`, … as [`Language::from_code`] reads them; any other is an error
//! naming the entry) to one form or a list of them. Native forms are never matched by the
//! near-miss logic above; only the `reference` kind's `native-names` comparison reads them, to see
//! that a name of an original in one script is in its translation in another (see
//! [`crate::knowledge::native_names`], which also says how a family name is given).

mod evidence;

use std::cell::RefCell;

use serde::Deserialize;

use super::{
    Check, NameMention, Reporter, Rule, RuleError, RuleHeader, RuleSource, StoryContext, match_case,
};
use crate::document::{Document, WordSlice};
use rustc_hash::{FxHashMap, FxHashSet};

use thread_local::ThreadLocal;

use crate::knowledge::gazetteer::Gazetteer;
use crate::knowledge::language::Language;
use crate::knowledge::lexicon::is_common_name;
pub(crate) use crate::knowledge::lexicon::is_common_word;
use crate::knowledge::name_index::{NameIndex, fold};
use crate::knowledge::romanization::{Systems, syllable_systems};
use crate::span::Span;
use evidence::EntryTokens;
pub(crate) use evidence::PersonTitle;

/// One `names:` entry: a bare name, or a name with details.
#[derive(Clone, Debug)]
pub enum NameEntry {
    /// `- Tokyo`
    Plain(String),
    /// `- name: Sanae Takaichi` with optional details.
    Detailed {
        /// The canonical spelling.
        name: String,
        /// Other correct spellings.
        variants: Vec<String>,
        /// What or who it is, shown in messages.
        note: Option<String>,
        /// `person`, `place` or `organization`.
        kind: Option<String>,
        /// The name's forms in other languages (`native:`), each language once, in the order
        /// written.
        native: Vec<(Language, Vec<String>)>,
    },
}

/// The keys of a detailed entry; every one known, so that a misspelt `note` is an error rather
/// than a note lost.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailedEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default, deserialize_with = "native_pairs")]
    native: Vec<(String, NativeForms)>,
}

/// One native form or a list of them, as `native:` gives them for one language.
struct NativeForms(Vec<String>);

impl<'de> Deserialize<'de> for NativeForms {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Forms;
        impl<'de> serde::de::Visitor<'de> for Forms {
            type Value = NativeForms;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a native form of the name, or a list of them")
            }

            fn visit_str<E: serde::de::Error>(self, form: &str) -> Result<NativeForms, E> {
                Ok(NativeForms(vec![form.to_owned()]))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<NativeForms, A::Error> {
                let mut forms = Vec::new();
                while let Some(form) = seq.next_element::<String>()? {
                    forms.push(form);
                }
                Ok(NativeForms(forms))
            }
        }
        deserializer.deserialize_any(Forms)
    }
}

/// Deserializes `native:` as its pairs in the order written (a map would sort them).
fn native_pairs<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(String, NativeForms)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, NativeForms)>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map from language codes to native forms, as `{ja: 高市早苗}`")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut pairs = Vec::new();
            while let Some(pair) = map.next_entry::<String, NativeForms>()? {
                pairs.push(pair);
            }
            Ok(pairs)
        }
    }
    deserializer.deserialize_map(Pairs)
}

/// The `native:` pairs of the entry `name` with each code read as a language; a code of no
/// language, an empty form or a language without forms is an error naming the entry.
fn native_forms(
    name: &str,
    pairs: Vec<(String, NativeForms)>,
) -> Result<Vec<(Language, Vec<String>)>, String> {
    let mut native: Vec<(Language, Vec<String>)> = Vec::new();
    for (code, NativeForms(forms)) in pairs {
        let Some(language) = Language::from_code(&code) else {
            let codes: Vec<&str> = crate::knowledge::language::LANGUAGES
                .iter()
                .map(|l| l.code())
                .collect();
            return Err(format!(
                "name '{name}': unknown language code '{code}' in `native` (expected one of {})",
                codes.join(", ")
            ));
        };
        if forms.is_empty() || forms.iter().any(|f| f.trim().is_empty()) {
            return Err(format!(
                "name '{name}': `native` {code} needs a non-empty form, or a list of them"
            ));
        }
        // `zh` and `zh-Hans` are one language: their forms are listed together.
        match native.iter_mut().find(|(l, _)| *l == language) {
            Some((_, known)) => known.extend(forms),
            None => native.push((language, forms)),
        }
    }
    Ok(native)
}

// By hand rather than `untagged`, which would drop a misspelt key, or say only that the entry
// matched no form.
impl<'de> Deserialize<'de> for NameEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = NameEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a name, or a mapping with `name` and `variants`, `note`, `kind` or `native`",
                )
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<NameEntry, E> {
                Ok(NameEntry::Plain(name.to_owned()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<NameEntry, A::Error> {
                let entry =
                    DetailedEntry::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                let native =
                    native_forms(&entry.name, entry.native).map_err(serde::de::Error::custom)?;
                Ok(NameEntry::Detailed {
                    name: entry.name,
                    variants: entry.variants,
                    note: entry.note,
                    kind: entry.kind,
                    native,
                })
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

impl NameEntry {
    /// The canonical spelling.
    pub fn name(&self) -> &str {
        match self {
            NameEntry::Plain(name) | NameEntry::Detailed { name, .. } => name,
        }
    }

    /// Other correct spellings.
    pub(crate) fn variants(&self) -> &[String] {
        match self {
            NameEntry::Plain(_) => &[],
            NameEntry::Detailed { variants, .. } => variants,
        }
    }

    /// `person`, `place` or `organization`, when given.
    pub(crate) fn kind(&self) -> Option<&str> {
        match self {
            NameEntry::Plain(_) => None,
            NameEntry::Detailed { kind, .. } => kind.as_deref(),
        }
    }

    /// The name's forms in other languages, by language.
    pub(crate) fn native(&self) -> &[(Language, Vec<String>)] {
        match self {
            NameEntry::Plain(_) => &[],
            NameEntry::Detailed { native, .. } => native,
        }
    }

    fn description(&self) -> String {
        match self {
            NameEntry::Detailed {
                name,
                note: Some(note),
                ..
            } => format!("{name}, {note}"),
            other => other.name().to_owned(),
        }
    }
}

#[derive(Deserialize)]
pub(super) struct Spec {
    names: Vec<NameEntry>,
    #[serde(default)]
    allow: Vec<String>,
}

/// Most words a thread remembers lookups of before starting afresh.
const CACHE_LIMIT: usize = 1 << 16;

/// Tokens of a person's name this long or shorter (folded letters) are corrected only beside
/// evidence that the word is that person: a short surname is too often someone else's.
const SHORT_TOKEN: usize = 6;

/// A word found to be a near miss: the token it misspells and that token's entries.
struct Lookup {
    token: String,
    entries: Vec<usize>,
}

/// Strings stored back to back, for lists as long as the names: one allocation, not one each.
#[derive(Default)]
struct StringList {
    text: String,
    ends: Vec<usize>,
}

impl StringList {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

struct Names {
    /// Each thread's memory of words looked up (corpora repeat their proper names across stories).
    cache: ThreadLocal<RefCell<FxHashMap<String, Option<Lookup>>>>,
    /// Every correct spelling this rule knows, shared with other rules.
    spellings: Vec<String>,
    index: NameIndex,
    /// Each entry's description, for messages.
    descriptions: StringList,
    /// The folded tokens of each entry, as [`EntryTokens`] stores them, to see whether a
    /// neighbour belongs to the same name.
    entry_tokens: StringList,
    /// Which entries are people (`kind: person`): their short tokens need evidence.
    people: Vec<bool>,
    /// The `allow:` words, folded: close to a name but not it, unless evidence says otherwise.
    allowed: FxHashSet<String>,
    /// The people's variants as sorted folded tokens, to find the entry a title's holder is
    /// when the title writes a variant (the canonical names are read from `entry_tokens`, so
    /// that a million names cost no more).
    variant_names: FxHashMap<Vec<String>, Vec<u32>>,
    /// The titles of the rule set, learnt once it is compiled, and which of them each entry
    /// holds or held.
    titles: Vec<PersonTitle>,
    titles_of: FxHashMap<u32, Vec<u32>>,
    /// The entries with native forms, for the index of native names the rule set builds.
    native_entries: Vec<NameEntry>,
    /// The particles names join to a surname with a hyphen ("al" of "al-Sudani"), folded.
    prefixes: FxHashSet<String>,
}

/// Compiles a `names` rule.
pub(crate) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    if spec.names.is_empty() {
        return Err(source.invalid("needs a non-empty 'names' list"));
    }
    check_kinds(&spec.names).map_err(|message| source.invalid(message))?;
    Ok(Box::new(Names::new(&spec.names, &spec.allow)))
}

/// A `names` rule of `entries` already read (the configuration's `names:`), with no rule file:
/// `source` gives its id and where it came from, and its text is not read.
pub(crate) fn rule_of_entries(
    source: &RuleSource,
    header: RuleHeader,
    entries: &[NameEntry],
) -> Result<Rule, RuleError> {
    check_kinds(entries).map_err(|message| source.invalid(message))?;
    Ok(Rule::from_check(
        source,
        header,
        Box::new(Names::new(entries, &[])),
    ))
}

/// Every entry's `kind` is one wirecheck knows.
fn check_kinds(entries: &[NameEntry]) -> Result<(), String> {
    for entry in entries {
        if let NameEntry::Detailed {
            name,
            kind: Some(kind),
            ..
        } = entry
            && !matches!(kind.as_str(), "person" | "place" | "organization")
        {
            return Err(format!(
                "name '{name}': unknown kind '{kind}' (expected person, place or organization)"
            ));
        }
    }
    Ok(())
}

/// A full name as its folded tokens, sorted: "Shigeru Ishiba" and "Ishiba Shigeru" are one.
/// A token joined to its particle counts as the entry's lines count it: whole, surname, particle.
fn name_key(name: &str) -> Vec<String> {
    let mut key: Vec<String> = Vec::new();
    for token in name_tokens(name) {
        key.push(fold(token));
        if let Some((particle, surname)) = joined_particle(token) {
            key.push(fold(surname));
            key.push(fold(particle));
        }
    }
    key.sort_unstable();
    key
}

impl Names {
    fn new(entries: &[NameEntry], allow: &[String]) -> Self {
        let mut index = NameIndex::new();
        let mut entry_tokens = StringList::default();
        let mut descriptions = StringList::default();
        let mut variant_names: FxHashMap<Vec<String>, Vec<u32>> = FxHashMap::default();
        let mut prefixes: FxHashSet<String> = FxHashSet::default();
        for (id, entry) in entries.iter().enumerate() {
            let tokens = name_tokens(entry.name());
            let mut lines = String::new();
            for token in &tokens {
                index.add_canonical(token, id);
                lines.push_str(&EntryTokens::line(token));
                // "al-Sudani": "Sudani" is a token too (wire copy drops the particle after the
                // first mention), and "al" a particle.
                if let Some((particle, surname)) = joined_particle(token) {
                    index.add_canonical(surname, id);
                    lines.push_str(&EntryTokens::line(surname));
                    lines.push_str(&EntryTokens::line(particle));
                    prefixes.insert(fold(particle));
                }
            }
            for variant in entry.variants() {
                for token in name_tokens(variant) {
                    index.add_known(token);
                    if let Some((_, surname)) = joined_particle(token) {
                        index.add_known(surname);
                    }
                }
            }
            if entry.kind() == Some("person") {
                for variant in entry.variants() {
                    variant_names
                        .entry(name_key(variant))
                        .or_default()
                        .push(id as u32);
                }
            }
            entry_tokens.push(&lines);
            descriptions.push(&entry.description());
        }
        // Allowed words stay out of the index's known spellings: they are looked up, and
        // corrected only beside evidence ("Ursula von der Leyden", though Leyden is a city).
        let allowed = allow
            .iter()
            .flat_map(|w| name_tokens(w))
            .map(fold)
            .collect();
        // Names share most of their tokens: each spelling is copied once.
        let distinct: FxHashSet<&str> = entries
            .iter()
            .flat_map(|e| std::iter::once(e.name()).chain(e.variants().iter().map(String::as_str)))
            .chain(allow.iter().map(String::as_str))
            .flat_map(name_tokens)
            .collect();
        let mut spellings: Vec<String> = distinct.into_iter().map(str::to_owned).collect();
        spellings.sort_unstable();
        Self {
            cache: ThreadLocal::new(),
            spellings,
            index,
            descriptions,
            entry_tokens,
            people: entries.iter().map(|e| e.kind() == Some("person")).collect(),
            allowed,
            variant_names,
            titles: Vec::new(),
            titles_of: FxHashMap::default(),
            native_entries: entries
                .iter()
                .filter(|e| !e.native().is_empty())
                .cloned()
                .collect(),
            prefixes,
        }
    }

    /// The words of `doc` to look up, in order: every capitalised word, and, for a rule whose
    /// names join particles with a hyphen, the surname of every word written so ("Sudany" of
    /// "al-Sudany" or "Al-Sudany").
    fn mentions<'d>(
        &self,
        doc: &'d Document,
        context: &StoryContext<'d>,
    ) -> Vec<(usize, &'d str, Span)> {
        let mut mentions: Vec<(usize, &'d str, Span)> = context
            .name_mentions()
            .map(|NameMention { index, word, span }| (index, word, span))
            .collect();
        if self.prefixes.is_empty() {
            return mentions;
        }
        let words = doc.words.all();
        for (at, span) in (0..words.len()).filter_map(|i| Some((i, words.get(i)?))) {
            let (written, span) = without_possessive(doc.slice(span), span);
            let Some((particle, surname)) = joined_particle(written) else {
                continue;
            };
            if !self.prefixes.contains(&fold(particle)) {
                continue;
            }
            let start = span.end - surname.len();
            let surname_span = Span::new(start, span.end);
            match mentions.iter_mut().find(|m| m.0 == at) {
                Some(mention) => *mention = (at, surname, surname_span),
                None => mentions.push((at, surname, surname_span)),
            }
        }
        mentions.sort_by_key(|m| m.0);
        mentions
    }

    /// Looks `word` up: `None` when it is a known spelling or no near miss of a name.
    fn look_up(&self, word: &str, context: &StoryContext<'_>) -> Option<Lookup> {
        // A word another rule knows is a name of its own; an allowed word of this rule is
        // looked up all the same, to be corrected beside evidence only.
        if context.known_names().contains(word) && !self.allowed.contains(&fold(word)) {
            return None;
        }
        let miss = self.index.near_miss(word)?;
        Some(Lookup {
            token: miss.token.to_owned(),
            entries: miss.entries,
        })
    }

    /// True when `word` (the word `at`, a near miss of the folded `target`) is already something
    /// else: a common English word or proper name, a place or a word of a place's name ("Marino"
    /// of "San Marino"), another person's form of the name (a Slavic feminine "Medvedeva" of
    /// "Medvedev"), or a word this rule allows. Such a word is a name's misspelling only beside
    /// evidence.
    fn is_something_else(
        &self,
        word: &str,
        target: &str,
        doc: &Document,
        words: WordSlice<'_>,
        at: usize,
        context: &StoryContext<'_>,
    ) -> bool {
        let is_place = |name: &str| {
            Gazetteer::shipped().is_place_name(name) || context.run().places.is_place_name(name)
        };
        is_common_word(word)
            || is_common_name(word)
            || is_feminine_form(&fold(word), target)
            || self.allowed.contains(&fold(word))
            || is_place(word)
            || place_names_around(doc, words, at).any(|name| is_place(&name))
    }

    /// True when what stands beside the word `at` shows it is entry `entry`, the near miss of
    /// `target` (folded); `systems` are those of which both are one syllable.
    fn has_evidence(
        &self,
        doc: &Document,
        words: WordSlice<'_>,
        at: usize,
        entry: usize,
        target: &str,
        systems: Systems,
    ) -> bool {
        let tokens = EntryTokens(self.entry_tokens.get(entry));
        if evidence::beside_own_name(doc, words, at, tokens, target, systems) {
            return true;
        }
        let titles: Vec<&PersonTitle> = self
            .titles_of
            .get(&(entry as u32))
            .into_iter()
            .flatten()
            .filter_map(|&t| self.titles.get(t as usize))
            .collect();
        evidence::after_own_title(doc, words, at, tokens, &titles)
    }
}

/// The runs of one to three words around the word `at` that contain it, joined by single spaces
/// as a place's name is written ("San Marino", "Rio de Janeiro").
fn place_names_around(
    doc: &Document,
    words: WordSlice<'_>,
    at: usize,
) -> impl Iterator<Item = String> {
    let text = doc.text();
    let first = at.saturating_sub(2);
    let mut run: Vec<Span> = Vec::new();
    for i in first..=at + 2 {
        let Some(span) = words.get(i) else { break };
        let joined = run
            .last()
            .is_none_or(|last| &text[last.end..span.start] == " ");
        if !joined {
            if i > at {
                break;
            }
            run.clear();
        }
        run.push(span);
    }
    let position = run.iter().position(|s| words.get(at) == Some(*s));
    let mut names = Vec::new();
    if let Some(p) = position {
        for len in 1..=3 {
            for start in p.saturating_sub(len - 1)..=p {
                if let Some(window) = run.get(start..start + len) {
                    names.push(text[window[0].start..window[len - 1].end].to_owned());
                }
            }
        }
    }
    names.into_iter()
}

/// A token that joins a lower-case particle to a capitalised surname with a hyphen, taken apart:
/// "al-Sudani" → ("al", "Sudani"), "Al-Sisi" → ("Al", "Sisi"); `None` for "Jae-myung".
fn joined_particle(token: &str) -> Option<(&str, &str)> {
    let (particle, surname) = token.split_once(['-', '‐'])?;
    let short_particle = (1..=4).contains(&particle.chars().count())
        && particle.chars().skip(1).all(|c| c.is_lowercase());
    let lower_or_al = particle.starts_with(char::is_lowercase)
        || particle.eq_ignore_ascii_case("al")
        || particle.eq_ignore_ascii_case("el");
    (short_particle
        && lower_or_al
        && surname.chars().count() >= 2
        && surname.starts_with(char::is_uppercase))
    .then_some((particle, surname))
}

/// True when `folded` is the Slavic feminine form of the folded surname `target`: "medvedeva" of
/// "medvedev", "peskova" of "peskov", "putina" of "putin". It is a woman's name (his wife's, a
/// skater's), not his misspelt.
fn is_feminine_form(folded: &str, target: &str) -> bool {
    folded.strip_suffix('a').is_some_and(|stem| {
        stem == target && ["ov", "ev", "in", "yn"].iter().any(|e| stem.ends_with(e))
    })
}

/// A word without its possessive ending ("Motegi's" → "Motegi"), and its span.
pub(crate) fn without_possessive(word: &str, span: Span) -> (&str, Span) {
    match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        Some(stem) if !stem.is_empty() => (stem, Span::new(span.start, span.start + stem.len())),
        _ => (word, span),
    }
}

/// True for a Latin word with Cyrillic or Greek letters in it ("Tоkyo" with a Cyrillic о): a
/// mixed-script fault, which the `wire.MixedScript` rule reports; no name lookup can fix it.
fn mixes_scripts(word: &str) -> bool {
    !word.is_ascii()
        && word.chars().any(|c| c.is_ascii_alphabetic())
        && word
            .chars()
            .any(|c| matches!(c, '\u{370}'..='\u{3ff}' | '\u{400}'..='\u{52f}'))
}

/// The tokens of a name: its words, split the way the document splits words.
fn name_tokens(name: &str) -> Vec<&str> {
    crate::document::split_words(name, Span::new(0, name.len()))
        .into_iter()
        .map(|span| span.slice(name))
        .collect()
}

impl Check for Names {
    fn known_names(&self) -> Vec<String> {
        self.spellings.clone()
    }

    fn native_entries(&self) -> &[NameEntry] {
        &self.native_entries
    }

    fn learn_titles(&mut self, titles: &[PersonTitle]) {
        self.titles.clear();
        self.titles_of.clear();
        // Each holder's name as sorted folded tokens → the titles held.
        let mut held: FxHashMap<Vec<String>, Vec<u32>> = FxHashMap::default();
        for (id, title) in titles.iter().enumerate() {
            for holder in &title.holders {
                held.entry(name_key(holder)).or_default().push(id as u32);
            }
        }
        let holder_tokens: FxHashSet<&str> = held.keys().flatten().map(String::as_str).collect();
        let mut of_entry: FxHashMap<u32, FxHashSet<u32>> = FxHashMap::default();
        for entry in (0..self.people.len()).filter(|&e| self.people[e]) {
            let lines = self.entry_tokens.get(entry);
            // Most entries have a token no holder has: no key to build.
            let tokens = lines.lines().map(|t| t.trim_start());
            if !tokens.clone().all(|t| holder_tokens.contains(t)) {
                continue;
            }
            let mut key: Vec<String> = tokens.map(str::to_owned).collect();
            key.sort_unstable();
            if let Some(ids) = held.get(&key) {
                of_entry.entry(entry as u32).or_default().extend(ids);
            }
        }
        for (key, ids) in &held {
            for &entry in self.variant_names.get(key).into_iter().flatten() {
                of_entry.entry(entry).or_default().extend(ids);
            }
        }
        // Only the titles some entry holds are kept, renumbered.
        let mut kept: FxHashMap<u32, u32> = FxHashMap::default();
        let mut entries: Vec<u32> = of_entry.keys().copied().collect();
        entries.sort_unstable();
        for entry in entries {
            let mut ids: Vec<u32> = of_entry[&entry].iter().copied().collect();
            ids.sort_unstable();
            let mine = ids
                .into_iter()
                .map(|id| {
                    *kept.entry(id).or_insert_with(|| {
                        self.titles.push(titles[id as usize].clone());
                        (self.titles.len() - 1) as u32
                    })
                })
                .collect();
            self.titles_of.insert(entry, mine);
        }
    }

    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let words = doc.words.all();
        let mut cache = self.cache.get_or_default().borrow_mut();
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        // Words corrected beside evidence so far, with their entries: wire copy names a person
        // in full once and by surname after, so a later bare "Motegie" is the same person.
        let mut named: FxHashMap<&str, usize> = FxHashMap::default();
        for (at, word, span) in self.mentions(doc, context) {
            if mixes_scripts(word) {
                continue;
            }
            let lookup = match cache.get(word) {
                Some(lookup) => lookup,
                None => {
                    let lookup = self.look_up(word, context);
                    cache.entry(word.to_owned()).or_insert(lookup)
                }
            };
            let Some(Lookup { token, entries }) = lookup else {
                continue;
            };
            let target = fold(token);
            // Two syllables of one romanization system are two names ("Zhou", "Zhao"), and a
            // word that is already something else is itself: either is a name's misspelling
            // only beside evidence, as is a word near a short token of a person's name.
            let systems = syllable_systems(word).and(syllable_systems(&target));
            let guarded = !systems.is_empty()
                || self.is_something_else(word, &target, doc, words, at, context);
            let short = target.chars().count() <= SHORT_TOKEN;
            let beside = entries
                .iter()
                .copied()
                .find(|&e| self.has_evidence(doc, words, at, e, &target, systems));
            if let Some(entry) = beside {
                named.insert(word, entry);
            }
            let entry = beside.or_else(|| {
                if guarded {
                    return None;
                }
                entries
                    .iter()
                    .copied()
                    .find(|&e| !(short && self.people[e]))
                    .or_else(|| named.get(word).copied().filter(|e| entries.contains(e)))
            });
            let Some(entry) = entry else { continue };
            let suggestion = match_case(word, token);
            out.report(
                span,
                &[word, token, self.descriptions.get(entry)],
                vec![(span, suggestion)],
            );
        }
    }
}

#[cfg(test)]
mod tests;
