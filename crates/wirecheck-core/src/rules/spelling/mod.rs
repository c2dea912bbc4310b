//! `spelling`: reports words no dictionary knows (Vale's kind of the same name).
//!
//! ```yaml
//! extends: spelling
//! message: "Did you really mean '%s'?"
//! dictionaries: [en_US, en_medical]   # NAME.aff and NAME.dic, looked for in dicpath first
//! dicpath: dictionaries
//! append: true        # check with the shipped en_US too
//! ignore: [house/words.txt]
//! filters: ['[pP]y.*\b']
//! custom: false       # false: Vale's default filters apply too
//! ```
//! Words are split as Vale splits them ([`words`]). A word is skipped when a filter matches
//! anywhere in it (`filters`, and unless `custom: true` Vale's defaults: camelCase words, words
//! ending in capitals, and any word with a character other than an ASCII letter, `_` or `'`,
//! which skips numbers, hyphenated and accented words); accepted when an `exceptions` regex
//! matches in it (case-insensitively), when a word list has it as written or in lower case, when
//! any dictionary has it, or when it is a number form Vale accepts ([`dictionary`]). With no
//! dictionary named, or with `append: true`, the shipped en_US dictionary (SCOWL) is used. The
//! message's `%s` is the word; with `action: {name: suggest}` each finding carries the
//! dictionaries' suggestions.
//!
//! The files are read when the rule is loaded, never when it checks: the configuration code
//! fills the rule source's [`RuleFiles`] (see `crate::config::rule_files`). A rule compiled
//! from text alone can use only the shipped dictionary.

mod dictionary;
mod files;
mod words;

pub use files::{DictionaryFiles, FileBytes, RuleFiles, SpellingFileKeys};

use std::sync::{Arc, RwLock};

use regex::RegexSet;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use spellbook::Dictionary;

use super::pattern::compile_regex;
use super::rule_regex::RuleRegex;
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::Document;

/// Vale's default filters, applied unless `custom: true`: camelCase words, words that end in
/// capitals, and words with anything but ASCII letters, `_` and `'`.
const DEFAULT_FILTERS: &[&str] = &[r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[A-Z]+$", r"[^a-zA-Z_']"];

/// How many suggestions a finding carries at most.
const MAX_SUGGESTIONS: usize = 5;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    filters: Vec<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    dictionaries: Vec<String>,
    /// Read by the configuration code, which finds the dictionaries.
    #[serde(default)]
    #[allow(dead_code)]
    dicpath: Option<String>,
    #[serde(default)]
    aff: Option<String>,
    #[serde(default)]
    dic: Option<String>,
    #[serde(default)]
    ignore: files::OneOrMany,
    /// Read by Vale and used by nothing in it; accepted for the same files.
    #[serde(default)]
    #[allow(dead_code)]
    threshold: Option<i64>,
    #[serde(default)]
    custom: bool,
    #[serde(default)]
    append: bool,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "crate::rules::vocab::default_vocab")]
    vocab: bool,
}

struct Spelling {
    scopes: Vec<Scope>,
    filters: RegexSet,
    exceptions: Option<RuleRegex>,
    /// Words the word lists accept, as written.
    accepted: FxHashSet<String>,
    dictionaries: Vec<Arc<Dictionary>>,
    /// Suggestions for a word, computed once a run (each costs about a millisecond); `None` when
    /// the rule gives none.
    suggestions: Option<RwLock<FxHashMap<String, Vec<String>>>>,
}

/// Compiles a `spelling` rule from its YAML and the files read for it.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    let mut patterns = spec.filters.clone();
    if !spec.custom {
        patterns.extend(DEFAULT_FILTERS.iter().map(|f| (*f).to_owned()));
    }
    // Vale compiles filters with Go's regexp (no look-around), so `regex` takes them all.
    let filters = RegexSet::new(&patterns).map_err(|err| {
        let message = err.to_string();
        let first_line = message.lines().last().unwrap_or_default().trim();
        source.invalid(format!("invalid regex in filters: {first_line}"))
    })?;
    // A project's accepted terms (its vocabularies) are exceptions too, as in Vale.
    let mut excepted = spec.exceptions.clone();
    if spec.vocab {
        excepted.extend(header.accepted.iter().cloned());
    }
    let exceptions = if excepted.is_empty() {
        None
    } else {
        Some(compile_regex(source, &excepted.join("|"), true)?)
    };
    let files = &source.files;
    // A dictionary given by `aff:` and `dic:` is used alone, as in Vale.
    let by_paths = files.dictionaries.iter().any(|d| d.name.is_empty());
    for name in spec.dictionaries.iter().filter(|_| !by_paths) {
        if !files.dictionaries.iter().any(|d| &d.name == name) {
            return Err(source.invalid(format!(
                "dictionary '{name}' was not read for this rule ({name}.aff and {name}.dic are \
                 looked for in dicpath, then StylesPath/config/dictionaries, then $DICPATH)"
            )));
        }
    }
    if spec.aff.is_some() != spec.dic.is_some() {
        return Err(source.invalid("aff and dic name one dictionary together: give both"));
    }
    let load_error = |err: dictionary::DictionaryError| source.invalid(format!("dictionary {err}"));
    let mut dictionaries = Vec::new();
    for files in &files.dictionaries {
        dictionaries.push(Arc::new(dictionary::load(files).map_err(load_error)?));
    }
    if !by_paths && (dictionaries.is_empty() || spec.append) {
        dictionaries.insert(0, dictionary::shipped().map_err(load_error)?);
    }
    let mut accepted = FxHashSet::default();
    for list in &files.word_lists {
        dictionary::read_word_list(list, &mut accepted)
            .map_err(|err| source.invalid(format!("word list {err}")))?;
    }
    if files.word_lists.is_empty() && !spec.ignore.paths().is_empty() {
        return Err(source.invalid(format!(
            "word list '{}' was not read for this rule (ignore: is read relative to the \
             StylesPath, then StylesPath/config/ignore)",
            spec.ignore.paths().join("', '")
        )));
    }
    let suggests = header.action.as_ref().is_some_and(|a| a.name == "suggest");
    Ok(Box::new(Spelling {
        scopes,
        filters,
        exceptions,
        accepted,
        dictionaries,
        suggestions: suggests.then(RwLock::default),
    }))
}

impl Spelling {
    /// True when `word` is spelt right, or is not to be checked.
    fn accepts(&self, word: &str) -> bool {
        if self.filters.is_match(word) || self.dictionaries.iter().any(|d| d.check(word)) {
            return true;
        }
        let listed = !self.accepted.is_empty()
            && (self.accepted.contains(word) || self.accepted.contains(&word.to_lowercase()));
        // A pattern that runs out of budget accepts nothing.
        let excepted = self
            .exceptions
            .as_ref()
            .is_some_and(|e| e.is_match(word) == Ok(true));
        listed
            || excepted
            || dictionary::is_number_like(word)
            || dictionary::number_units(word)
                .is_some_and(|units| self.dictionaries.iter().any(|d| d.check(units)))
    }

    /// The dictionaries' suggestions for `word`, best first, computed once a run.
    fn suggest(&self, cache: &RwLock<FxHashMap<String, Vec<String>>>, word: &str) -> Vec<String> {
        if let Some(known) = cache.read().ok().and_then(|c| c.get(word).cloned()) {
            return known;
        }
        let mut all = Vec::new();
        for dictionary in &self.dictionaries {
            let mut these = Vec::new();
            // Hunspell's n-gram suggestions cost tens of milliseconds a word; the edits alone
            // (a letter added, dropped, swapped or replaced, a REP entry) one.
            dictionary
                .suggester()
                .with_ngram_suggestions(false)
                .suggest(word, &mut these);
            all.extend(these.into_iter().filter(|s| !s.contains(' ')));
        }
        let mut seen = FxHashSet::default();
        all.retain(|s| seen.insert(s.clone()));
        all.truncate(MAX_SUGGESTIONS);
        if let Ok(mut cache) = cache.write() {
            cache.insert(word.to_owned(), all.clone());
        }
        all
    }
}

impl Check for Spelling {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for word in words::words(text) {
                if self.accepts(&word.text) {
                    continue;
                }
                let span = word.span.shift(unit.span.start);
                let fixes = match &self.suggestions {
                    Some(cache) => self
                        .suggest(cache, &word.text)
                        .into_iter()
                        .map(|s| (span, s))
                        .collect(),
                    None => Vec::new(),
                };
                out.report_in(unit, span, &[&word.text], fixes);
            }
        }
    }
}
