//! Rule kinds: the YAML schema of rule files and the compiled checks they become.
//!
//! A rule file is YAML in Vale's format: `extends` names the kind, the common keys (`message`,
//! `level`, `scope`, `link`, …) are read by [`RuleHeader`], and each kind reads its own keys in its
//! own module, from its `Spec`. Every key is known: one that is neither common nor read by the
//! kind is an error naming the file, line, column and key, unless Vale defines it for the kind,
//! when it is a warning. To add a kind, write `src/rules/<kind>.rs` with a `Spec` and a `compile`
//! function, add one line to [`KINDS`] (a key added to a `Spec` is known at once), and give it a
//! fixture folder `fixtures/kinds/<kind>/` (tests/kinds.rs). A kind that finds several distinct
//! things declares them as named checks, each reported under its own id (see [`checks`]).

mod capitalization;
mod case;
mod checks;
mod conditional;
mod consistency;
mod dateline;
mod dates;
mod examples;
mod existence;
mod formula;
mod headline;
pub(crate) mod ids;
mod labels;
mod metric;
pub(crate) mod names;
mod occurrence;
mod pattern;
mod prose_stats;
mod readability;
mod reference;
mod repetition;
mod rule_regex;
mod scope;
mod spelling;
mod story;
mod substitution;
mod titles;
mod vocab;

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

pub(crate) use checks::DeclaredCheck;
pub use checks::{ReportedId, RuleCheck};
pub use examples::{BadExample, Examples};
pub(crate) use scope::{Scope, Unit};
pub use spelling::{DictionaryFiles, FileBytes, RuleFiles, SpellingFileKeys};
pub(crate) use story::NameMention;
pub use story::{Reference, StoryContext};

use crate::document::Document;
use crate::finding::{Finding, Severity, Suggestion};
use crate::knowledge::gazetteer::Gazetteer;
use crate::knowledge::publication::PublicationDate;
use crate::span::Span;
use crate::yaml::{keys_of, location};

/// A compile function: turns a rule file's text and its header into a check.
type CompileFn = fn(&RuleSource, &RuleHeader) -> Result<Box<dyn Check>, RuleError>;

/// A rule kind: its `extends` name, its compile function, the keys its own `Spec` reads, and the
/// keys Vale defines for the kind that wirecheck does not implement yet (each a warning, never an
/// error and never silent).
struct Kind {
    name: &'static str,
    compile: CompileFn,
    keys: fn() -> &'static [&'static str],
    vale_only: &'static [&'static str],
}

impl Kind {
    /// The kind `name`, whose own keys are those `Spec` reads.
    const fn of<Spec: DeserializeOwned>(
        name: &'static str,
        compile: CompileFn,
        vale_only: &'static [&'static str],
    ) -> Kind {
        Kind {
            name,
            compile,
            keys: keys_of::<Spec>,
            vale_only,
        }
    }
}

/// Every rule kind wirecheck knows, by its `extends` name, with the keys Vale defines for it that
/// wirecheck does not implement.
#[rustfmt::skip]
const KINDS: &[Kind] = &[
    Kind::of::<existence::Spec>("existence", existence::compile, &[]),
    Kind::of::<substitution::Spec>("substitution", substitution::compile, &["pos"]),
    Kind::of::<repetition::Spec>("repetition", repetition::compile, &[]),
    Kind::of::<consistency::Spec>("consistency", consistency::compile, &[]),
    Kind::of::<occurrence::Spec>("occurrence", occurrence::compile, &[]),
    Kind::of::<conditional::Spec>("conditional", conditional::compile, &[]),
    Kind::of::<metric::Spec>("metric", metric::compile, &[]),
    Kind::of::<capitalization::Spec>("capitalization", capitalization::compile, &[]),
    Kind::of::<readability::Spec>("readability", readability::compile, &[]),
    Kind::of::<names::Spec>("names", names::compile, &[]),
    Kind::of::<titles::Spec>("titles", titles::compile, &[]),
    Kind::of::<headline::Spec>("headline", headline::compile, &[]),
    Kind::of::<labels::Spec>("labels", labels::compile, &[]),
    Kind::of::<reference::Spec>("reference", reference::compile, &[]),
    Kind::of::<dateline::Spec>("dateline", dateline::compile, &[]),
    Kind::of::<dates::Spec>("dates", dates::compile, &[]),
    Kind::of::<spelling::Spec>("spelling", spelling::compile, &[]),
];

/// Vale kinds that wirecheck does not implement: rule files of these kinds are skipped with a
/// warning, so that a Vale style pack still loads.
const UNSUPPORTED_VALE_KINDS: &[&str] = &["script", "sequence"];

/// The text of one rule file and where it came from.
#[derive(Clone, Debug)]
pub struct RuleSource {
    /// The pack (Vale's "style") the rule belongs to: its folder name.
    pub pack: String,
    /// The rule's name: its file name without extension.
    pub name: String,
    /// Where the file is, for messages: a path, or `builtin:rules/…` for shipped packs.
    pub origin: String,
    /// The YAML text.
    pub yaml: String,
    /// The files the rule reads besides its YAML (a spelling rule's dictionaries and word
    /// lists), read by the configuration code when the rule is loaded; empty for most rules.
    pub files: RuleFiles,
}

impl RuleSource {
    /// The rule's id, `pack.Name`.
    pub fn id(&self) -> String {
        format!("{}.{}", self.pack, self.name)
    }

    /// Reads this file's YAML as `T`, with errors that name the file, line, column and key, and
    /// quote no more than a short excerpt of it.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RuleError> {
        crate::yaml::from_str(&self.yaml, "rule file").map_err(|err| self.yaml_error(err))
    }

    fn yaml_error(&self, err: crate::yaml::YamlError) -> RuleError {
        RuleError::Yaml {
            origin: self.origin.clone(),
            line: err.line,
            column: err.column,
            message: err.message,
        }
    }

    /// Reads the common keys, and the top-level keys they are not, in order.
    fn parse_header(&self) -> Result<(RuleHeader, Vec<String>), RuleError> {
        crate::yaml::from_str_with_unread_keys(&self.yaml, "rule file")
            .map_err(|err| self.yaml_error(err))
    }

    /// Checks that every key `others` (the top-level keys that are not common ones) is one `kind`
    /// reads, and gives a warning for each that Vale defines for the kind but wirecheck does not
    /// implement.
    fn check_keys(&self, kind: &Kind, others: &[String]) -> Result<Vec<RuleWarning>, RuleError> {
        let own = (kind.keys)();
        let mut warnings = Vec::new();
        // `checks:` is read for every kind by `checks::resolve`, which says when a kind has none.
        let read_elsewhere = |key: &str| key == "checks";
        for key in others
            .iter()
            .filter(|key| !own.contains(&key.as_str()) && !read_elsewhere(key))
        {
            let at = crate::yaml::key_position(&self.yaml, key);
            let location = location(at.map(|(line, _)| line), at.map(|(_, column)| column));
            if kind.vale_only.contains(&key.as_str()) {
                warnings.push(RuleWarning {
                    origin: self.origin.clone(),
                    location,
                    rule: self.id(),
                    key: key.clone(),
                    kind: kind.name,
                });
                continue;
            }
            let common = keys_of::<RuleHeader>();
            let known = own.iter().chain(common).copied();
            let hint = crate::config::suggest::did_you_mean(key, known, '\'');
            return Err(RuleError::UnknownKey {
                origin: self.origin.clone(),
                location,
                rule: self.id(),
                message: format!(
                    "unknown key '{}' ({}keys of {} rules: {}; of every rule: {})",
                    crate::document::excerpt::excerpt(key),
                    hint.map(|h| format!("{h} ")).unwrap_or_default(),
                    kind.name,
                    own.join(", "),
                    common.join(", ")
                ),
            });
        }
        Ok(warnings)
    }

    /// An error about the value of the top-level `key`, at its line and column when found.
    fn invalid_at(&self, key: &str, message: String) -> RuleError {
        let at = crate::yaml::value_position(&self.yaml, key);
        RuleError::Yaml {
            origin: self.origin.clone(),
            line: at.map(|(line, _)| line),
            column: at.map(|(_, column)| column),
            message: format!("rule {}: {message}", self.id()),
        }
    }

    /// An error about this rule's content; values it quotes are cut short.
    pub fn invalid(&self, message: impl Into<String>) -> RuleError {
        RuleError::Invalid {
            origin: self.origin.clone(),
            rule: self.id(),
            message: crate::document::excerpt::shorten_quotes(&message.into()),
        }
    }
}

/// Why a rule file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The YAML is malformed or a key has the wrong type.
    #[error("{origin}{}: {message}", location(*line, *column))]
    Yaml {
        /// The rule file.
        origin: String,
        /// Line of the problem, from 1.
        line: Option<usize>,
        /// Column of the problem, from 1.
        column: Option<usize>,
        /// What the YAML parser said, which names the key.
        message: String,
    },
    /// `extends` names no kind wirecheck knows.
    #[error("{origin}{location}: unknown rule kind 'extends: {kind}' ({hint}valid kinds: {valid})")]
    UnknownKind {
        /// The rule file.
        origin: String,
        /// `:line:column` of `extends`'s value, when found.
        location: String,
        /// What `extends` said, cut short.
        kind: String,
        /// `did you mean …? ` for a near miss, else empty.
        hint: String,
        /// The kinds wirecheck knows.
        valid: String,
    },
    /// A key is neither a common one nor one the rule's kind reads.
    #[error("{origin}{location}: rule {rule}: {message}")]
    UnknownKey {
        /// The rule file.
        origin: String,
        /// `:line:column` of the key, when found.
        location: String,
        /// The rule id.
        rule: String,
        /// `unknown key '…'`, a "did you mean" for a near miss, and the keys the rule may have.
        message: String,
    },
    /// The rule's content is invalid: a bad regex, a missing key, an impossible value.
    #[error("{origin}: rule {rule}: {message}")]
    Invalid {
        /// The rule file.
        origin: String,
        /// The rule id.
        rule: String,
        /// What is wrong.
        message: String,
    },
}

/// A key of a rule file that is read but not acted on: Vale defines it for the rule's kind, and
/// wirecheck does not implement it yet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{origin}{location}: rule {rule}: key '{key}' of Vale's {kind} rules is not implemented by \
     wirecheck; ignored"
)]
pub struct RuleWarning {
    /// The rule file.
    pub origin: String,
    /// `:line:column` of the key, when found.
    pub location: String,
    /// The rule id.
    pub rule: String,
    /// The key.
    pub key: String,
    /// The rule's kind.
    pub kind: &'static str,
}

/// A Vale-style `action`: how to fix a finding.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// `remove`, `replace`, `suggest` or `edit`.
    #[serde(default)]
    pub name: String,
    /// The action's parameters; for `replace`, the replacements.
    #[serde(default)]
    pub params: Vec<String>,
}

/// The keys every rule file has, whatever its kind.
#[derive(Clone, Debug, Deserialize)]
pub struct RuleHeader {
    /// The rule kind.
    pub extends: String,
    /// The finding's message; `%s` placeholders are filled by the kind.
    #[serde(default)]
    pub message: String,
    /// Severity: `suggestion`, `warning` or `error`.
    #[serde(default = "default_level")]
    pub level: Severity,
    /// Which parts of the story the rule reads.
    #[serde(default)]
    pub scope: scope::ScopeSpec,
    /// A page that explains the rule.
    #[serde(default)]
    pub link: Option<String>,
    /// What the rule checks and why, for `rules explain`.
    #[serde(default)]
    pub description: Option<String>,
    /// Match case-insensitively.
    #[serde(default)]
    pub ignorecase: bool,
    /// Do not wrap tokens in word boundaries.
    #[serde(default)]
    pub nonword: bool,
    /// How to fix a finding.
    #[serde(default)]
    pub action: Option<Action>,
    /// Examples, for `rules explain` and the tests.
    #[serde(default)]
    pub examples: Examples,
    /// The rule's first suggestion is safe to apply without review (`check --fix`).
    #[serde(default)]
    pub safe_fix: bool,
    /// When the rule file was written, for a rule that records facts (names, titles).
    #[serde(default)]
    pub written: Option<String>,
    /// The day the rule's facts were last verified as true.
    #[serde(default)]
    pub verified: Option<String>,
    /// The project's accepted terms (Vale's vocabulary), which kinds that take exceptions add to
    /// them unless the rule says `vocab: false`; given by the caller, never by the rule file.
    #[serde(skip)]
    pub accepted: std::sync::Arc<[String]>,
    /// Report at most this many findings of the rule a story, the first ones (Vale's `limit`);
    /// 0 or none for no limit.
    #[serde(default)]
    pub limit: usize,
}

impl RuleHeader {
    /// The header of a rule of kind `extends` that gives no other key: every key at its default.
    pub fn of_kind(extends: &str) -> RuleHeader {
        RuleHeader {
            extends: extends.to_owned(),
            message: String::new(),
            level: default_level(),
            scope: scope::ScopeSpec::default(),
            link: None,
            description: None,
            ignorecase: false,
            nonword: false,
            action: None,
            examples: Examples::default(),
            safe_fix: false,
            written: None,
            verified: None,
            accepted: std::sync::Arc::from(Vec::new()),
            limit: 0,
        }
    }
}

fn default_level() -> Severity {
    Severity::Warning
}

/// What every story of a run is checked with: the publication date the caller gives, the
/// configuration's date and house style, the user's places, the reference version. Each is built
/// once a run; [`Context::for_document`] makes of it the [`StoryContext`] a story's checks read.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The publication date the caller gives (`--date`), with its source: it wins over every other
    /// source. A story's own is [`StoryContext::publication`].
    pub publication: Option<PublicationDate>,
    /// The configuration's `date:`, used when neither the caller nor the story gives one.
    pub configured_date: Option<PublicationDate>,
    /// Today: the publication date of a story that gives none (copy checked before publication is
    /// published today), and the day a dateline date written without a year is read against.
    /// `None`, the default, leaves such a story undated.
    pub today: Option<jiff::civil::Date>,
    /// What `today` was read from, for notes: the time zone's name (`Asia/Tokyo`), or
    /// `WIRECHECK_TODAY`.
    pub today_source: Option<String>,
    /// How long after their verified date a pack's facts are trusted (`pack_grace_days:`,
    /// `check --pack-grace`); past it, a `titles` mismatch is a warning without a fix.
    pub pack_grace: crate::knowledge::freshness::PackGrace,
    /// The dateline house style the configuration requires (`dateline_style:`), by key.
    pub dateline_style: Option<String>,
    /// The places the configuration adds to the gazetteer (`places:`), indexed once a run.
    pub places: std::sync::Arc<Gazetteer>,
    /// The reference version the stories are checked against (`check --reference`), if any.
    pub reference: Option<std::sync::Arc<Reference>>,
}

impl Context {
    /// The context of one story: its publication date chosen, in order, from
    /// [`Context::publication`], the story's metadata, its dateline, and
    /// [`Context::configured_date`]; its facts computed when a check first asks for them. Made once
    /// a story, so that every check shares them.
    pub fn for_document<'a>(&'a self, doc: &'a Document) -> StoryContext<'a> {
        StoryContext::new(self, doc)
    }
}

/// A compiled check of one rule kind.
pub(crate) trait Check: Send + Sync {
    /// Reports every finding of this rule in `doc`, the story of `context` (given apart, as every
    /// check reads it).
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>);

    /// Name tokens this rule knows as correct spellings, shared with every rule through
    /// [`StoryContext::known_names`].
    fn known_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// The entries of this rule that give native forms (`native:` of a `names` rule), from which
    /// the rule set builds [`StoryContext::native_names`].
    fn native_entries(&self) -> &[names::NameEntry] {
        &[]
    }

    /// The oldest day this rule's facts are as of, for a rule whose findings soften once the
    /// publication date is past it by more than the grace ([`Context::pack_grace`]); `None` for
    /// a rule that does not.
    fn facts_as_of(&self) -> Option<jiff::civil::Date> {
        None
    }

    /// The titles this rule knows the holders of (a `titles` rule's), which the rule set lends
    /// to every rule through [`Check::learn_titles`].
    fn person_titles(&self) -> Vec<names::PersonTitle> {
        Vec::new()
    }

    /// Learns the titles of every rule of the set (a `names` rule, to see whose name a title
    /// stands before); called again whenever the set changes.
    fn learn_titles(&mut self, _titles: &[names::PersonTitle]) {}

    /// What this rule cannot check without a publication date, for `--verbose`; `None` when it
    /// needs none. (A rule with named checks declares this for each check instead.)
    fn needs_publication_date(&self) -> Option<&'static str> {
        None
    }

    /// The checks this rule gives under ids of their own (`pack.Rule.Check`), each reported
    /// through [`Reporter::named`] by its position here; empty for a rule with one message.
    fn named_checks(&self) -> &'static [DeclaredCheck] {
        &[]
    }
}

/// A loaded rule: its identity and settings, and its compiled check.
pub struct Rule {
    /// `pack.Name`.
    pub id: String,
    /// The pack it came from.
    pub pack: String,
    /// The kind named by `extends`.
    pub kind: String,
    /// Severity of its findings.
    pub severity: Severity,
    /// Where the rule file is.
    pub origin: String,
    /// The common keys as written.
    pub header: RuleHeader,
    /// Its named checks, each with its own id, message and severity; empty for a rule that
    /// reports under its own id.
    pub checks: Vec<RuleCheck>,
    /// Keys of the rule file that are read but not acted on, until the rule set takes them.
    pub(crate) warnings: Vec<RuleWarning>,
    /// The day the rule's facts were verified (`verified:`), read as a date.
    pub verified: Option<jiff::civil::Date>,
    check: Box<dyn Check>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish()
    }
}

impl Rule {
    /// Compiles a rule file. `Ok(None)` for a Vale kind wirecheck skips.
    pub fn compile(source: &RuleSource) -> Result<Option<Rule>, RuleError> {
        Rule::compile_accepting(source, std::sync::Arc::from(Vec::new()))
    }

    /// Compiles a rule file for a project whose vocabulary accepts `accepted` (Vale's
    /// `accept.txt`): the kinds that take exceptions take these too, unless the rule says
    /// `vocab: false`. `Ok(None)` for a Vale kind wirecheck skips.
    pub fn compile_accepting(
        source: &RuleSource,
        accepted: std::sync::Arc<[String]>,
    ) -> Result<Option<Rule>, RuleError> {
        let (mut header, others) = source.parse_header()?;
        header.accepted = accepted;
        let Some(kind) = KINDS.iter().find(|kind| kind.name == header.extends) else {
            if UNSUPPORTED_VALE_KINDS.contains(&header.extends.as_str()) {
                return Ok(None);
            }
            let position = crate::yaml::value_position(&source.yaml, "extends");
            let hint = crate::config::suggest::did_you_mean(&header.extends, kind_names(), '\'');
            return Err(RuleError::UnknownKind {
                origin: source.origin.clone(),
                location: location(
                    position.map(|(line, _)| line),
                    position.map(|(_, column)| column),
                ),
                kind: crate::document::excerpt::excerpt(&header.extends),
                hint: hint.map(|h| format!("{h} ")).unwrap_or_default(),
                valid: kind_names().collect::<Vec<_>>().join(", "),
            });
        };
        let warnings = source.check_keys(kind, &others)?;
        header
            .scope
            .validate()
            .map_err(|message| source.invalid(message))?;
        let verified = header
            .verified
            .as_deref()
            .map(crate::knowledge::freshness::parse_verified)
            .transpose()
            .map_err(|message| source.invalid_at("verified", message))?;
        let check = (kind.compile)(source, &header)?;
        let checks = checks::resolve(source, &header, check.named_checks())?;
        let mut rule = Rule::from_check(source, header, check);
        rule.checks = checks;
        rule.warnings = warnings;
        rule.verified = verified;
        Ok(Some(rule))
    }

    /// A rule of `check`, made without a rule file of its own (the configuration's `names:`):
    /// `source` gives its id and origin, and its text is not read.
    pub(crate) fn from_check(
        source: &RuleSource,
        header: RuleHeader,
        check: Box<dyn Check>,
    ) -> Rule {
        Rule {
            id: source.id(),
            pack: source.pack.clone(),
            kind: header.extends.clone(),
            severity: header.level,
            origin: source.origin.clone(),
            header,
            checks: Vec::new(),
            warnings: Vec::new(),
            verified: None,
            check,
        }
    }

    /// One line saying what the rule does: its description's first sentence (whole, its lines
    /// joined), or its message.
    pub fn summary(&self) -> String {
        summary_of(self.header.description.as_deref(), &self.header.message)
    }

    /// The ids the rule reports under: its own, or each of its named checks'.
    pub fn reported_ids(&self) -> impl Iterator<Item = ReportedId<'_>> {
        let own = self.checks.is_empty().then_some(ReportedId {
            rule: self,
            check: None,
        });
        let checks = self.checks.iter().map(|check| ReportedId {
            rule: self,
            check: Some(check),
        });
        own.into_iter().chain(checks)
    }

    /// Name tokens the rule knows as correct.
    pub fn known_names(&self) -> Vec<String> {
        self.check.known_names()
    }

    /// The oldest day the rule's facts were verified: for a `titles` rule, the oldest of its
    /// titles' dates (a title's own `verified:` when later than the rule's); else `verified:`.
    pub fn facts_verified(&self) -> Option<jiff::civil::Date> {
        self.check.facts_as_of().or(self.verified)
    }

    /// The day the facts of a rule that softens its findings past the grace are as of (a
    /// `titles` rule's oldest title); `None` for other rules.
    pub fn softened_when_stale(&self) -> Option<jiff::civil::Date> {
        self.check.facts_as_of()
    }

    /// The rule's name entries with native forms.
    pub(crate) fn native_entries(&self) -> &[names::NameEntry] {
        self.check.native_entries()
    }

    /// The titles the rule knows the holders of.
    pub(crate) fn person_titles(&self) -> Vec<names::PersonTitle> {
        self.check.person_titles()
    }

    /// Lends the rule the titles of the whole set.
    pub(crate) fn learn_titles(&mut self, titles: &[names::PersonTitle]) {
        self.check.learn_titles(titles);
    }

    /// What the rule cannot check without a publication date, as (id, what) for each id of it
    /// that is on and needs one.
    pub fn needs_publication_date(&self) -> Vec<(&str, &'static str)> {
        if self.checks.is_empty() {
            let what = self.check.needs_publication_date();
            return what
                .map(|what| (self.id.as_str(), what))
                .into_iter()
                .collect();
        }
        self.checks
            .iter()
            .filter(|check| check.severity.is_some())
            .filter_map(|check| Some((check.id.as_str(), check.needs_date?)))
            .collect()
    }

    /// Runs the rule over the story of `context`, appending findings to `out`.
    pub fn run(&self, context: &StoryContext<'_>, out: &mut Vec<Finding>) {
        let doc = context.doc();
        let before = out.len();
        let mut reporter = Reporter {
            rule: self,
            doc,
            out: &mut *out,
            target: None,
        };
        self.check.check(doc, context, &mut reporter);
        if self.header.limit > 0 {
            out.truncate(before + self.header.limit.min(out.len() - before));
        }
    }
}

/// One line saying what a rule or check does: its description's first sentence (whole, its lines
/// joined), or its message.
fn summary_of(description: Option<&str>, message: &str) -> String {
    let first_paragraph = description
        .unwrap_or_default()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|p| !p.is_empty());
    match first_paragraph {
        Some(paragraph) => first_sentence(&paragraph).to_owned(),
        None => message.trim().to_owned(),
    }
}

/// The first sentence of `text`: up to a full stop followed by a capital letter, outside brackets
/// (so "Jan. 16" and "(e.g. Feb. 30)" do not end it).
fn first_sentence(text: &str) -> &str {
    let mut depth = 0_i32;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '.' if depth <= 0 => {
                let rest = &text[at + 1..];
                if rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase) {
                    return &text[..=at];
                }
            }
            _ => {}
        }
    }
    text
}

/// The names of every kind wirecheck implements.
pub fn kind_names() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|kind| kind.name)
}

/// Where a check sends its findings: fills in the rule's id, severity and message, and maps spans
/// from the normalised text back to the original bytes.
pub(crate) struct Reporter<'a> {
    rule: &'a Rule,
    doc: &'a Document,
    out: &'a mut Vec<Finding>,
    /// The named check being reported, and its message; the rule's own when `None`.
    target: Option<(&'a RuleCheck, &'a str)>,
}

impl<'a> Reporter<'a> {
    /// Reports, once a story, that the rule's backtracking pattern ran out of its budget at
    /// `span` (see [`rule_regex`]): from there on the rule did not check the story. An error, so
    /// that the run does not pass as if the story were checked.
    pub(crate) fn budget_exhausted(&mut self, span: Span) {
        let rule = self.rule.id.clone();
        let message = format!(
            "rule {rule} stopped here: its pattern took more than {} backtracking steps, so it \
             did not check the rest of this story (simplify its look-around or back-references)",
            rule_regex::BACKTRACK_BUDGET
        );
        if self
            .out
            .iter()
            .any(|f| f.rule == rule && f.message == message)
        {
            return;
        }
        self.out.push(Finding {
            rule,
            severity: Severity::Error,
            message,
            span,
            suggestions: Vec::new(),
            link: self.rule.header.link.clone(),
            reference: None,
            safe_fix: false,
        });
    }

    /// True when the rule's named check `check` (its position in [`Check::named_checks`]) is on
    /// in this run: listed in the rule file and not turned off.
    pub(crate) fn is_on(&self, check: impl Into<usize>) -> bool {
        self.named_check(check.into()).is_some()
    }

    /// Reports for the rule's named check `check`: under its id, at its severity, with its
    /// message. What is reported for a check that is off is dropped.
    pub(crate) fn named(&mut self, check: impl Into<usize>) -> NamedReporter<'_, 'a> {
        let check = self.named_check(check.into());
        NamedReporter {
            reporter: self,
            check,
            without_date: false,
        }
    }

    fn named_check(&self, index: usize) -> Option<&'a RuleCheck> {
        let rule: &'a Rule = self.rule;
        rule.checks
            .iter()
            .find(|c| c.index == index && c.severity.is_some())
    }

    /// Reports `span` of the normalised text; `args` fill the message's `%s` placeholders in order;
    /// `fixes` are (span, replacement) pairs in the normalised text.
    pub(crate) fn report(&mut self, span: Span, args: &[&str], fixes: Vec<(Span, String)>) {
        let doc = self.doc;
        let suggestions = fixes
            .into_iter()
            .map(|(span, replacement)| Suggestion {
                span: doc.to_original(span),
                replacement,
            })
            .collect();
        self.push(doc.to_original(span), args, suggestions);
    }

    /// Reports `span` as [`Reporter::report_with_message`] does, at `cap` when the rule's
    /// severity is above it: a finding the rule is less sure of than of its others.
    pub(crate) fn report_capped(
        &mut self,
        cap: Severity,
        span: Span,
        template: &str,
        args: &[&str],
        fixes: Vec<(Span, String)>,
    ) {
        self.report_with_message(span, template, args, fixes);
        if let Some(finding) = self.out.last_mut() {
            finding.severity = finding.severity.min(cap);
        }
    }

    /// The message the rule's findings are given, before its `%s` are filled.
    pub(crate) fn message(&self) -> &'a str {
        self.rule.header.message.as_str()
    }

    /// Reports `span` as [`Reporter::report`] does, with `template` for the rule's message.
    pub(crate) fn report_with_message(
        &mut self,
        span: Span,
        template: &str,
        args: &[&str],
        fixes: Vec<(Span, String)>,
    ) {
        self.report(span, args, fixes);
        if let Some(finding) = self.out.last_mut() {
            finding.message = fill_message(template, args);
        }
    }

    /// Reports `span` of the story together with `reference`, the span of the reference version it
    /// is compared with (both in the normalised texts of their documents).
    pub(crate) fn report_against(
        &mut self,
        span: Span,
        reference: (&Document, Span),
        args: &[&str],
        fixes: Vec<(Span, String)>,
    ) {
        self.report(span, args, fixes);
        if let Some(finding) = self.out.last_mut() {
            finding.reference = Some(reference.0.to_original(reference.1));
        }
    }

    /// Reports `span` found in `unit`: of the original bytes for a raw unit, else of the
    /// normalised text.
    pub(crate) fn report_in(
        &mut self,
        unit: Unit,
        span: Span,
        args: &[&str],
        fixes: Vec<(Span, String)>,
    ) {
        if !unit.raw {
            return self.report(span, args, fixes);
        }
        let suggestions = fixes
            .into_iter()
            .map(|(span, replacement)| Suggestion { span, replacement })
            .collect();
        self.push(span, args, suggestions);
    }

    fn push(&mut self, span: Span, args: &[&str], suggestions: Vec<Suggestion>) {
        let suggestions_empty = suggestions.is_empty();
        let (rule, severity, template) = match self.target {
            Some((check, message)) => (
                check.id.clone(),
                check.severity.unwrap_or(self.rule.severity),
                message,
            ),
            None => (
                self.rule.id.clone(),
                self.rule.severity,
                self.rule.header.message.as_str(),
            ),
        };
        self.out.push(Finding {
            rule,
            severity,
            message: fill_message(template, args),
            span,
            suggestions,
            link: self.rule.header.link.clone(),
            reference: None,
            safe_fix: self.rule.header.safe_fix && !suggestions_empty,
        });
    }
}

/// A [`Reporter`] for one named check of its rule ([`Reporter::named`]).
pub(crate) struct NamedReporter<'r, 'a> {
    reporter: &'r mut Reporter<'a>,
    /// The check, when it is on.
    check: Option<&'a RuleCheck>,
    without_date: bool,
}

impl NamedReporter<'_, '_> {
    /// Reports with the check's message for a story without a publication date
    /// (`message_without_date:`), whose slots are declared apart.
    pub(crate) fn without_date(mut self) -> Self {
        self.without_date = true;
        self
    }

    /// As [`Reporter::report`], for this check.
    pub(crate) fn report(self, span: Span, args: &[&str], fixes: Vec<(Span, String)>) {
        self.reporting(|out| out.report(span, args, fixes));
    }

    /// As [`Reporter::report_against`], for this check.
    pub(crate) fn report_against(
        self,
        span: Span,
        reference: (&Document, Span),
        args: &[&str],
        fixes: Vec<(Span, String)>,
    ) {
        self.reporting(|out| out.report_against(span, reference, args, fixes));
    }

    fn reporting(self, report: impl FnOnce(&mut Reporter<'_>)) {
        let Some(check) = self.check else { return };
        let message = match (&check.message_without_date, self.without_date) {
            (Some(undated), true) => undated.as_str(),
            _ => check.message.as_str(),
        };
        self.reporter.target = Some((check, message));
        report(self.reporter);
        self.reporter.target = None;
    }
}

/// Fills `%s` placeholders in order, as Vale does; `%%` is a literal percent sign.
pub(crate) fn fill_message(template: &str, args: &[&str]) -> String {
    let mut message = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        message.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        // Vale's messages write a count as `%d` too.
        if let Some(tail) = after.strip_prefix('s').or_else(|| after.strip_prefix('d')) {
            message.push_str(args.next().copied().unwrap_or(""));
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('%') {
            message.push('%');
            rest = tail;
        } else {
            message.push('%');
            rest = after;
        }
    }
    message.push_str(rest);
    message
}

/// Adjusts `replacement` to the case pattern of `found`: "FOO" → upper case, "Foo" → capitalised.
pub(crate) fn match_case(found: &str, replacement: &str) -> String {
    let mut letters = found.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return replacement.to_owned();
    };
    let rest_upper = letters.clone().all(char::is_uppercase);
    let has_more = letters.next().is_some();
    if first.is_uppercase() && has_more && rest_upper {
        return replacement.to_uppercase();
    }
    if first.is_uppercase() {
        let mut chars = replacement.chars();
        if let Some(initial) = chars.next() {
            return initial.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fill_placeholders_in_order() {
        assert_eq!(
            fill_message("Use '%s' instead of '%s'.", &["a", "b"]),
            "Use 'a' instead of 'b'."
        );
        assert_eq!(fill_message("100%% sure: %s", &["x"]), "100% sure: x");
        assert_eq!(fill_message("%s and %s", &["only"]), "only and ");
    }

    #[test]
    fn replacements_follow_the_case_of_the_match() {
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(match_case("UTILIZE", "use"), "USE");
        assert_eq!(match_case("utilize", "use"), "use");
        assert_eq!(match_case("I", "me"), "Me");
    }

    #[test]
    fn every_kind_lists_its_keys_and_no_vale_key_it_reads() {
        let common = keys_of::<RuleHeader>();
        assert!(common.contains(&"extends") && common.contains(&"examples"));
        for kind in KINDS {
            let own = (kind.keys)();
            // An empty list would mean the kind's `Spec` is no plain struct serde can list.
            assert!(!own.is_empty(), "{}", kind.name);
            for key in kind.vale_only {
                assert!(
                    !own.contains(key) && !common.contains(key),
                    "{}: '{key}' is read, so it is no unimplemented Vale key",
                    kind.name
                );
            }
        }
    }

    #[test]
    fn a_summary_is_the_first_whole_sentence() {
        assert_eq!(
            first_sentence("A date (Feb. 30) on Jan. 16 is wrong. It was a Friday."),
            "A date (Feb. 30) on Jan. 16 is wrong."
        );
        assert_eq!(first_sentence("No full stop at all"), "No full stop at all");
        let source = RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "R".into(),
            origin: "test".into(),
            yaml: "extends: existence\nmessage: m\ntokens: [x]\ndescription: |\n  A word written\n  twice. More.\n".into(),
        };
        let rule = Rule::compile(&source).unwrap().unwrap();
        assert_eq!(rule.summary(), "A word written twice.");
    }
}
