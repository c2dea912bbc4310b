//! The files a `spelling` rule reads besides its YAML: Hunspell dictionaries (`.aff` and
//! `.dic`) and word lists (`ignore:`). Rules never read files: the configuration code reads them
//! when the rule is loaded (`crate::config::rule_files`) and hands their bytes over in
//! [`RuleFiles`], the `files` of the rule's [`super::super::RuleSource`].

use std::sync::Arc;

use serde::Deserialize;

/// The bytes of one file and where they were read from, for messages.
#[derive(Clone, Debug)]
pub struct FileBytes {
    /// Where the file is: its path as found.
    pub path: String,
    /// Its contents.
    pub bytes: Arc<[u8]>,
}

/// A Hunspell dictionary: its name (`en_US`, the file names without extension) and its files.
#[derive(Clone, Debug)]
pub struct DictionaryFiles {
    /// The name the rule's `dictionaries:` gives it; empty for one given by `aff:` and `dic:`.
    pub name: String,
    /// The `.aff` file.
    pub aff: FileBytes,
    /// The `.dic` file.
    pub dic: FileBytes,
}

/// Files a rule reads, read for it when it is loaded. Empty for a rule that reads none, or one
/// compiled from text in memory.
#[derive(Clone, Debug, Default)]
pub struct RuleFiles {
    /// Every dictionary the rule checks with, besides the shipped one: those its
    /// `dictionaries:` names (or its `aff:` and `dic:`), and, for Vale's `Vale.Spelling`, every
    /// one in `StylesPath/config/dictionaries`.
    pub dictionaries: Vec<DictionaryFiles>,
    /// Word lists whose words are accepted (`ignore:`; for `Vale.Spelling`, every `.txt` under
    /// `StylesPath/config/ignore`).
    pub word_lists: Vec<FileBytes>,
}

/// `ignore:` as written: one path or a list of paths.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(untagged)]
pub(crate) enum OneOrMany {
    /// No word list.
    #[default]
    None,
    /// `ignore: words.txt`
    One(String),
    /// `ignore: [a.txt, b.txt]`
    Many(Vec<String>),
}

impl OneOrMany {
    /// The paths, in order.
    pub(crate) fn paths(&self) -> Vec<&str> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(one) => vec![one.as_str()],
            OneOrMany::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

/// The keys of a spelling rule that name files, for the configuration code to resolve.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SpellingFileKeys {
    /// Where named dictionaries are looked for first.
    #[serde(default)]
    pub dicpath: Option<String>,
    /// Dictionary names, each `NAME.aff` and `NAME.dic`.
    #[serde(default)]
    pub dictionaries: Vec<String>,
    /// One dictionary by its two paths (both or neither).
    #[serde(default)]
    pub aff: Option<String>,
    /// See `aff`.
    #[serde(default)]
    pub dic: Option<String>,
    /// Word lists.
    #[serde(default)]
    ignore: OneOrMany,
}

impl SpellingFileKeys {
    /// The word lists `ignore:` names, in order.
    pub fn ignore(&self) -> Vec<&str> {
        self.ignore.paths()
    }
}
