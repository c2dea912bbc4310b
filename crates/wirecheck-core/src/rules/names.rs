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
//!   - Tokyo
//! allow: [Ishida]
//! ```
//! Any capitalised word that is not a known spelling but lies within a small edit distance of a
//! token of a canonical name is flagged, suggesting the canonical token (see [`crate::knowledge::name_index`]).
//! Misspellings are never listed: they are found. `variants` are other correct spellings; `allow`
//! lists words that are close to a name but are not it. A common English word ("Copper" near
//! "Cooper") is flagged only next to another token of the same name ("Yvette Copper"). The message
//! gets the word found, the suggested token, and the full name with its note.

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
}

// By hand rather than `untagged`, which would drop a misspelt key, or say only that the entry
// matched no form.
impl<'de> Deserialize<'de> for NameEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = NameEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name, or a mapping with `name` and `variants`, `note` or `kind`")
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
                Ok(NameEntry::Detailed {
                    name: entry.name,
                    variants: entry.variants,
                    note: entry.note,
                    kind: entry.kind,
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

    fn variants(&self) -> &[String] {
        match self {
            NameEntry::Plain(_) => &[],
            NameEntry::Detailed { variants, .. } => variants,
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
