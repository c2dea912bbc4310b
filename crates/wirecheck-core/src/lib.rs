//! wirecheck checks translated news wire copy before it is published.
//!
//! A story is parsed once into a [`Document`] (headline, front lines, dateline, paragraphs,
//! sentences, words, all byte spans); a [`RuleSet`] compiled from YAML rule packs runs over it and
//! gives [`Finding`]s, which the reporters print. A whole run (read, check, filter, fix, over
//! files or text in memory) is an [`engine::runner::Runner`].
//!
//! ```
//! use wirecheck_core::{Context, Document, InputFormat, RuleSet, RuleSource};
//!
//! let rule = RuleSource {
//!     files: Default::default(),
//!     pack: "house".into(),
//!     name: "Doubled".into(),
//!     origin: "example".into(),
//!     yaml: "extends: repetition\nignorecase: true\nmessage: \"'%s' is repeated\"\n".into(),
//! };
//! let rules = RuleSet::compile([rule]).unwrap();
//! let story = Document::parse("Headline\n\nThe the minister spoke.\n".into(), InputFormat::Text);
//! let findings = rules.check(&story, &Context::default());
//! assert_eq!(findings[0].message, "'The' is repeated");
//! ```

mod config;
mod document;
mod engine;
mod filters;
mod finding;
mod fix;
mod input;
mod knowledge;
pub mod report;
mod rules;
mod severity;
mod vale;
pub mod yaml;

pub(crate) use wirecheck_text::{span, visible};

pub use config::packs::{
    builtin_pack_names, builtin_sources, check_pack_name, is_default_pack, optional_pack_names,
};
pub use config::rule_files::{read_rule_files, vale_spelling_files};
pub use config::rule_selection::{Decision, RuleSelection, SelectionLayer, SelectorKind};
pub use config::suggest::did_you_mean;
pub use config::synced::{
    MANIFEST_NAME, PackManifest, SyncSettings, SyncedPack, check_pack_folder,
};
pub use config::wikidata::{
    DroppedTerm, HOLDERS_QUERY, ImportedPack, PackFile, REPLACED_RULES, VerifiedFrom,
    WikidataError, WikidataImport, import_wikidata, shipped_people,
};
pub use config::{CONFIG_NAMES, Config};
pub use document::excerpt::{excerpt, words_within};
pub use document::{Document, StoryText};
pub use engine::runner::{FileOutcome, FixMode, RunOptions, Runner};
pub use engine::{NoStory, Notice, NoticeLevel, RuleSet, Selected, Shard, select_files};
pub use filters::baseline::Baseline;
pub use filters::suppress::UNUSED_SUPPRESSION;
pub use finding::{Finding, RevisionFindings, Suggestion};
pub use fix::{apply_fixes, apply_safe_fixes, chosen_fixes, has_unsafe_fix, write_atomically};
pub use input::encoding::TextEncoding;
pub use input::metadata::front_matter_len;
pub use input::{
    FileSelection, FormatError, Input, InputError, InputFormat, read_document, read_story_text,
};
pub use knowledge::dateline::{Dateline, parse_dateline};
pub use knowledge::dates::{WEEKDAY_NAMES, find_dates, weekday_name};
pub use knowledge::freshness::{PackGrace, Staleness};
pub use knowledge::house_style::HouseStyles;
pub use knowledge::language::{
    LANGUAGES, Language, Script, ScriptCounts, detect_language, script_of,
};
pub use knowledge::parallel::{AlignUnit, Bead, TranslationAlignment, align_translation};
pub use knowledge::publication::{DateSource, PublicationDate};
pub use knowledge::quantity::{
    Amount, CalendarDate, Currency, Measure, Quantity, QuantityValue, Unit,
};
pub use rules::ids::covers;
pub use rules::{
    BadExample, Context, Examples, Reference, ReportedId, Rule, RuleCheck, RuleError, RuleSource,
    StoryContext, kind_names,
};
pub use rules::{DictionaryFiles, FileBytes, RuleFiles, SpellingFileKeys};
pub use severity::{FailLevel, RULE_OFF, Severity};
pub use vale::ValeProject;
pub use vale::builtin::STYLE as VALE_BUILTIN_STYLE;
pub use vale::config::{
    ConfigError as ValeConfigError, FileSettings as ValeFileSettings, Section as ValeSection,
    VALE_CONFIG_NAMES, ValeConfig, ValeGlob, ValeLoadOptions, ValeRunOptions,
};
pub use vale::ini::IniSyntaxError;
pub use wirecheck_text::Span;
