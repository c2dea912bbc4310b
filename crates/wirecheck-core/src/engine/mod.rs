//! The rule set: every loaded rule compiled once, run over a document to give its findings.

use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::filters::suppress::{apply_suppressions, find_suppressions};
use crate::finding::{Finding, Severity, Suggestion};
use crate::rules::{Context, Rule, RuleError, RuleSource, StoryContext};

/// The rule id of an unused suppression comment (`--report-unused-suppressions`).
pub const UNUSED_SUPPRESSION: &str = "wirecheck.UnusedSuppression";

/// Compiled rules, ready to check any number of documents (from any number of threads).
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    skipped: Vec<String>,
    vocabulary: FxHashSet<String>,
    /// Every name token any rule knows as correct, lent to each story's checks.
    known_names: FxHashSet<String>,
}

impl RuleSet {
    /// Compiles every source. Later sources with the same id replace earlier ones, so a user's rule
    /// can override a shipped one.
    pub fn compile(sources: impl IntoIterator<Item = RuleSource>) -> Result<Self, RuleError> {
        let mut set = RuleSet::default();
        for source in sources {
            match Rule::compile(&source)? {
                Some(rule) => {
                    set.rules.retain(|r| r.id != rule.id);
                    set.rules.push(rule);
                }
                None => set.skipped.push(source.origin.clone()),
            }
        }
        set.known_names = set.rules.iter().flat_map(Rule::known_names).collect();
        Ok(set)
    }

    /// The rules, in load order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Rule files skipped because their Vale kind is not implemented.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// Finds a rule by id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Sets a rule's severity, or turns it off with `None`. Returns false for an unknown id.
    pub fn set_severity(&mut self, id: &str, severity: Option<Severity>) -> bool {
        let Some(position) = self.rules.iter().position(|r| r.id == id) else {
            return false;
        };
        match severity {
            Some(level) => self.rules[position].severity = level,
            None => {
                self.rules.remove(position);
            }
        }
        true
    }

    /// Adds words that are never reported, whatever rule matches them (Vale's accepted vocabulary).
    pub fn accept_words(&mut self, words: impl IntoIterator<Item = String>) {
        self.vocabulary.extend(words);
    }

    /// Every finding of every rule in `doc`, ordered by position then rule id.
    pub fn check(&self, doc: &Document, context: &Context) -> Vec<Finding> {
        self.check_story(context.for_document(doc))
    }

    /// Every finding of every rule in the story of `story` (made by [`Context::for_document`]),
    /// ordered by position then rule id.
    pub fn check_story(&self, story: StoryContext<'_>) -> Vec<Finding> {
        let date_readers = self.rules.iter().filter(|r| r.kind == "dates").count();
        let context = story.for_rules(&self.known_names, date_readers);
        let doc = context.doc();
        let mut findings = Vec::new();
        for rule in &self.rules {
            rule.run(&context, &mut findings);
        }
        if !self.vocabulary.is_empty() {
            findings.retain(|f| !self.vocabulary.contains(f.span.slice(doc.original())));
        }
        // Suppression comments are rare: look for them only when the story has a comment at all.
        if memchr::memmem::find(doc.original().as_bytes(), b"<!--").is_some() {
            let suppressions = find_suppressions(doc.original());
            let unused = apply_suppressions(&mut findings, &suppressions);
            if context.run().report_unused_suppressions {
                findings.extend(unused.into_iter().map(|comment| Finding {
                    rule: UNUSED_SUPPRESSION.to_owned(),
                    severity: Severity::Warning,
                    message: "This suppression covers no finding; remove it.".to_owned(),
                    span: comment,
                    suggestions: vec![Suggestion {
                        span: comment,
                        replacement: String::new(),
                    }],
                    link: None,
                    reference: None,
                    safe_fix: false,
                }));
            }
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings
    }
}
