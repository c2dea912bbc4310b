//! Rule kinds: the YAML schema of rule files and the compiled checks they become.
//!
//! A rule file is YAML in Vale's format: `extends` names the kind, the common keys (`message`,
//! `level`, `scope`, `link`, …) are read by [`RuleHeader`], and each kind reads its own keys in its
//! own module. To add a kind, write `src/rules/<kind>.rs` with a `compile` function and add one line
//! to [`KINDS`].

mod consistency;
mod dateline;
mod dates;
mod existence;
mod headline;
mod labels;
pub mod names;
mod occurrence;
mod pattern;
mod reference;
mod repetition;
mod scope;
mod story;
mod substitution;
mod titles;

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

pub use scope::{Scope, Unit};
pub use story::{NameMention, Reference, StoryContext};

use crate::config::yaml_error::location;
use crate::document::Document;
use crate::finding::{Finding, Severity, Suggestion};
use crate::knowledge::gazetteer::Gazetteer;
use crate::knowledge::publication::PublicationDate;
use crate::span::Span;

/// A compile function: turns a rule file's text and its header into a check.
type CompileFn = fn(&RuleSource, &RuleHeader) -> Result<Box<dyn Check>, RuleError>;

/// Every rule kind wirecheck knows, by its `extends` name.
const KINDS: &[(&str, CompileFn)] = &[
    ("existence", existence::compile),
    ("substitution", substitution::compile),
    ("repetition", repetition::compile),
    ("consistency", consistency::compile),
    ("occurrence", occurrence::compile),
    ("names", names::compile),
    ("titles", titles::compile),
    ("headline", headline::compile),
    ("labels", labels::compile),
    ("reference", reference::compile),
    ("dateline", dateline::compile),
    ("dates", dates::compile),
];

/// Vale kinds that wirecheck does not implement: rule files of these kinds are skipped with a
/// warning, so that a Vale style pack still loads.
const UNSUPPORTED_VALE_KINDS: &[&str] = &[
    "capitalization",
    "conditional",
    "metric",
    "readability",
    "script",
    "sequence",
    "spelling",
];

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
}

impl RuleSource {
    /// The rule's id, `pack.Name`.
    pub fn id(&self) -> String {
        format!("{}.{}", self.pack, self.name)
    }

    /// Reads this file's YAML as `T`, with errors that name the file, line, column and key, and
    /// quote no more than a short excerpt of it.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, RuleError> {
        serde_yaml::from_str(&self.yaml).map_err(|err| {
            let described = crate::config::yaml_error::describe(&err, "rule file");
            RuleError::Yaml {
                origin: self.origin.clone(),
                line: described.line,
                column: described.column,
                message: described.message,
            }
        })
    }

    /// An error about this rule's content; values it quotes are cut short.
    pub fn invalid(&self, message: impl Into<String>) -> RuleError {
        RuleError::Invalid {
            origin: self.origin.clone(),
            rule: self.id(),
            message: crate::document::excerpt::shorten_quotes(&message.into()),
        }
    }

    /// Where the top-level `key:`'s value starts, as (line, column) from 1, when it is on a line
    /// of its own.
    fn position_of_key(&self, key: &str) -> Option<(usize, usize)> {
        self.yaml.lines().enumerate().find_map(|(index, line)| {
            let value = line.strip_prefix(key)?.strip_prefix(':')?;
            let blanks = value.len() - value.trim_start().len();
            let column = key.chars().count() + 1 + value[..blanks].chars().count() + 1;
            Some((index + 1, column))
        })
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
        /// What serde_yaml said, which names the key.
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

/// A Vale-style `action`: how to fix a finding.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Action {
    /// `remove`, `replace`, `suggest` or `edit`.
    #[serde(default)]
    pub name: String,
    /// The action's parameters; for `replace`, the replacements.
    #[serde(default)]
    pub params: Vec<String>,
}

/// Example texts a rule must flag (`bad`) and must leave alone (`good`); shown by `rules explain`
/// and run by the test suite.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Examples {
    /// The reference version the examples are checked against, for `reference` rules.
    #[serde(default)]
    pub reference: Option<String>,
    /// Texts that produce at least one finding.
    #[serde(default)]
    pub bad: Vec<String>,
    /// Texts that produce none.
    #[serde(default)]
    pub good: Vec<String>,
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
    /// Today, to infer the year of a dateline date written without one.
    pub today: Option<jiff::civil::Date>,
    /// The dateline house style the configuration requires (`dateline_style:`), by key.
    pub dateline_style: Option<String>,
    /// The places the configuration adds to the gazetteer (`places:`), indexed once a run.
    pub places: std::sync::Arc<Gazetteer>,
    /// The reference version the stories are checked against (`check --reference`), if any.
    pub reference: Option<std::sync::Arc<Reference>>,
    /// Report suppression comments that cover no finding.
    pub report_unused_suppressions: bool,
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
pub trait Check: Send + Sync {
    /// Reports every finding of this rule in `doc`, the story of `context` (given apart, as every
    /// check reads it).
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>);

    /// Name tokens this rule knows as correct spellings, shared with every rule through
    /// [`StoryContext::known_names`].
    fn known_names(&self) -> Vec<String> {
        Vec::new()
    }

    /// What this rule cannot check without a publication date, for `--verbose`; `None` when it
    /// needs none.
    fn needs_publication_date(&self) -> Option<&'static str> {
        None
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
        let header: RuleHeader = source.parse()?;
        let Some(&(_, compile)) = KINDS.iter().find(|(name, _)| *name == header.extends) else {
            if UNSUPPORTED_VALE_KINDS.contains(&header.extends.as_str()) {
                return Ok(None);
            }
            let position = source.position_of_key("extends");
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
        header
            .scope
            .validate()
            .map_err(|message| source.invalid(message))?;
        let check = compile(source, &header)?;
        Ok(Some(Rule {
            id: source.id(),
            pack: source.pack.clone(),
            kind: header.extends.clone(),
            severity: header.level,
            origin: source.origin.clone(),
            header,
            check,
        }))
    }

    /// One line saying what the rule does: its description's first sentence (whole, its lines
    /// joined), or its message.
    pub fn summary(&self) -> String {
        let description = self.header.description.as_deref().unwrap_or_default();
        let first_paragraph = description
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|p| !p.is_empty());
        match first_paragraph {
            Some(paragraph) => first_sentence(&paragraph).to_owned(),
            None => self.header.message.trim().to_owned(),
        }
    }

    /// Name tokens the rule knows as correct.
    pub fn known_names(&self) -> Vec<String> {
        self.check.known_names()
    }

    /// What the rule cannot check without a publication date; `None` when it needs none.
    pub fn needs_publication_date(&self) -> Option<&'static str> {
        self.check.needs_publication_date()
    }

    /// Runs the rule over the story of `context`, appending findings to `out`.
    pub fn run(&self, context: &StoryContext<'_>, out: &mut Vec<Finding>) {
        let doc = context.doc();
        let mut reporter = Reporter {
            rule: self,
            doc,
            out,
        };
        self.check.check(doc, context, &mut reporter);
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
    KINDS.iter().map(|(name, _)| *name)
}

/// Where a check sends its findings: fills in the rule's id, severity and message, and maps spans
/// from the normalised text back to the original bytes.
pub struct Reporter<'a> {
    rule: &'a Rule,
    doc: &'a Document,
    out: &'a mut Vec<Finding>,
}

impl Reporter<'_> {
    /// Reports `span` of the normalised text; `args` fill the message's `%s` placeholders in order;
    /// `fixes` are (span, replacement) pairs in the normalised text.
    pub fn report(&mut self, span: Span, args: &[&str], fixes: Vec<(Span, String)>) {
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

    /// Reports `span` of the story together with `reference`, the span of the reference version it
    /// is compared with (both in the normalised texts of their documents).
    pub fn report_against(
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
    pub fn report_in(&mut self, unit: Unit, span: Span, args: &[&str], fixes: Vec<(Span, String)>) {
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
        self.out.push(Finding {
            rule: self.rule.id.clone(),
            severity: self.rule.severity,
            message: fill_message(&self.rule.header.message, args),
            span,
            suggestions,
            link: self.rule.header.link.clone(),
            reference: None,
            safe_fix: self.rule.header.safe_fix && !suggestions_empty,
        });
    }
}

/// Fills `%s` placeholders in order, as Vale does; `%%` is a literal percent sign.
pub fn fill_message(template: &str, args: &[&str]) -> String {
    let mut message = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        message.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('s') {
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
pub fn match_case(found: &str, replacement: &str) -> String {
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
    fn a_summary_is_the_first_whole_sentence() {
        assert_eq!(
            first_sentence("A date (Feb. 30) on Jan. 16 is wrong. It was a Friday."),
            "A date (Feb. 30) on Jan. 16 is wrong."
        );
        assert_eq!(first_sentence("No full stop at all"), "No full stop at all");
        let source = RuleSource {
            pack: "p".into(),
            name: "R".into(),
            origin: "test".into(),
            yaml: "extends: existence\nmessage: m\ntokens: [x]\ndescription: |\n  A word written\n  twice. More.\n".into(),
        };
        let rule = Rule::compile(&source).unwrap().unwrap();
        assert_eq!(rule.summary(), "A word written twice.");
    }
}
