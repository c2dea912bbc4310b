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
//! lists words that are close to a name but are not it. A common English word ("Copper" near
//! "Cooper") is flagged only next to another token of the same name ("Yvette Copper"). The message
//! gets the word found, the suggested token, and the full name with its note.
//!
//! `native` gives the name as it is written in other languages: a map from a language code
//! (`ja`, `zh`, `ko`, `ar`, `ru`, … as [`Language::from_code`] reads them; any other is an error
//! naming the entry) to one form or a list of them. Native forms are never matched by the
//! near-miss logic above; only the `reference` kind's `native-names` comparison reads them, to see
//! that a name of an original in one script is in its translation in another (see
//! [`crate::knowledge::native_names`], which also says how a family name is given).

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{
    Check, NameMention, Reporter, Rule, RuleError, RuleHeader, RuleSource, StoryContext, match_case,
};
use crate::document::{Document, WordSlice};
use rustc_hash::{FxHashMap, FxHashSet};

use thread_local::ThreadLocal;

use crate::knowledge::language::Language;
use crate::knowledge::name_index::NameIndex;
use crate::span::Span;

/// Lower-case English words of five letters or more (SCOWL, via Debian's wamerican).
static ENGLISH_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../rules/data/english-words.txt")
        .lines()
        .collect()
});

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

/// A word found to be a near miss: the token it misspells, that token's entries, and whether the
/// word is also a common English word.
struct Lookup {
    token: String,
    entries: Vec<usize>,
    common: bool,
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
    /// The folded tokens of each entry, each followed by a line break, to see whether a neighbour
    /// belongs to the same name.
    entry_tokens: StringList,
    /// The entries with native forms, for the index of native names the rule set builds.
    native_entries: Vec<NameEntry>,
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

impl Names {
    fn new(entries: &[NameEntry], allow: &[String]) -> Self {
        let mut index = NameIndex::new();
        let mut entry_tokens = StringList::default();
        let mut descriptions = StringList::default();
        for (id, entry) in entries.iter().enumerate() {
            let tokens = name_tokens(entry.name());
            let mut folded = String::new();
            for token in &tokens {
                index.add_canonical(token, id);
                folded.push_str(&crate::knowledge::name_index::fold(token));
                folded.push('\n');
            }
            for variant in entry.variants() {
                for token in name_tokens(variant) {
                    index.add_known(token);
                }
            }
            entry_tokens.push(&folded);
            descriptions.push(&entry.description());
        }
        for word in allow {
            for token in name_tokens(word) {
                index.add_known(token);
            }
        }
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
            native_entries: entries
                .iter()
                .filter(|e| !e.native().is_empty())
                .cloned()
                .collect(),
        }
    }

    fn neighbour_of_entry(
        &self,
        doc: &Document,
        words: WordSlice<'_>,
        at: usize,
        entry: usize,
    ) -> bool {
        let tokens = self.entry_tokens.get(entry);
        let Some(word) = words.get(at) else {
            return false;
        };
        let is_token = |i: usize| {
            words.get(i).is_some_and(|w| {
                let between = if i < at {
                    w.end..word.start
                } else {
                    word.end..w.start
                };
                doc.text()[between].chars().all(char::is_whitespace) && {
                    let folded = crate::knowledge::name_index::fold(doc.slice(w));
                    tokens.lines().any(|t| t == folded)
                }
            })
        };
        (at > 0 && is_token(at - 1)) || is_token(at + 1)
    }
}

impl Names {
    /// Looks `word` up: `None` when any rule knows it or it is no near miss of a name.
    fn look_up(&self, word: &str, context: &StoryContext<'_>) -> Option<Lookup> {
        if context.known_names().contains(word) {
            return None;
        }
        let miss = self.index.near_miss(word)?;
        let common = is_common_word(word);
        Some(Lookup {
            token: miss.token.to_owned(),
            entries: miss.entries,
            common,
        })
    }

    /// True when the word before or after `at` is a known name token.
    fn beside_known_token(&self, doc: &Document, words: WordSlice<'_>, at: usize) -> bool {
        let known = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| self.index.is_known(doc.slice(w)))
        };
        (at > 0 && known(at - 1)) || known(at + 1)
    }
}

/// True for a common English word of five letters or more, in any case ("Copper", "Analysts").
pub(crate) fn is_common_word(word: &str) -> bool {
    word.len() >= 5 && ENGLISH_WORDS.contains(word.to_lowercase().as_str())
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

    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let words = doc.words.all();
        let mut cache = self.cache.get_or_default().borrow_mut();
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        for NameMention {
            index: at,
            word,
            span,
        } in context.name_mentions()
        {
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
            let Some(Lookup {
                token,
                entries,
                common,
            }) = lookup
            else {
                continue;
            };
            // A common English word is a name's misspelling only beside another token of that name
            // ("Yvette Copper").
            if *common && !self.beside_known_token(doc, words, at) {
                continue;
            }
            let entry = entries
                .iter()
                .copied()
                .find(|&e| self.neighbour_of_entry(doc, words, at, e))
                .or_else(|| (!*common).then_some(entries[0]));
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
