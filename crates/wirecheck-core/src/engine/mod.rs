//! The engine: the rule set (every loaded rule compiled once, run over a document to give its
//! findings) and the [`runner::Runner`] that drives a whole run: read, check, filter, fix.

mod notice;
pub mod runner;
mod selection;

pub use notice::{NoStory, Notice, NoticeLevel};
pub use selection::{Selected, Shard, select_files};

use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule, RuleError, RuleSource};

/// Compiled rules, ready to check any number of documents (from any number of threads).
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    skipped: Vec<String>,
    known_names: Arc<FxHashSet<String>>,
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
        set.known_names = Arc::new(set.rules.iter().flat_map(Rule::known_names).collect());
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

    /// Every finding of every rule in `doc`, ordered by position then rule id; nothing filtered
    /// (that is [`crate::filters`]' stage).
    pub fn check(&self, doc: &Document, context: &Context) -> Vec<Finding> {
        let mut context = context.for_document(doc);
        context.known_names = Arc::clone(&self.known_names);
        let mut findings = Vec::new();
        for rule in &self.rules {
            rule.run(doc, &context, &mut findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings
    }
}
