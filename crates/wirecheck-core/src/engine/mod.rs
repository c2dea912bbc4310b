//! The engine: the rule set (every loaded rule compiled once, run over a document to give its
//! findings) and the [`runner::Runner`] that drives a whole run: read, check, filter, fix.

mod notice;
pub(crate) mod runner;
mod selection;

pub use notice::{NoStory, Notice, NoticeLevel};
pub use selection::{Selected, Shard, select_files};

use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::knowledge::native_names::NativeNames;
use crate::rules::ids::{covers, depth};
use crate::rules::{Context, ReportedId, Rule, RuleError, RuleSource, RuleWarning, StoryContext};

/// Compiled rules, ready to check any number of documents (from any number of threads).
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    skipped: Vec<String>,
    warnings: Vec<RuleWarning>,
    /// Every name token any rule knows as correct, lent to each story's checks.
    known_names: FxHashSet<String>,
    /// The native forms of every rule's names, lent to each story's checks.
    native_names: NativeNames,
}

impl RuleSet {
    /// Compiles every source. Later sources with the same id replace earlier ones, so a user's rule
    /// can override a shipped one.
    pub fn compile(sources: impl IntoIterator<Item = RuleSource>) -> Result<Self, RuleError> {
        RuleSet::compile_accepting(sources, std::sync::Arc::from(Vec::new()))
    }

    /// As [`RuleSet::compile`], for a project whose vocabulary accepts `accepted`
    /// ([`Rule::compile_accepting`]).
    pub fn compile_accepting(
        sources: impl IntoIterator<Item = RuleSource>,
        accepted: std::sync::Arc<[String]>,
    ) -> Result<Self, RuleError> {
        let mut set = RuleSet::default();
        for source in sources {
            match Rule::compile_accepting(&source, accepted.clone())? {
                Some(rule) => set.push(rule),
                None => set.skipped.push(source.origin.clone()),
            }
        }
        set.refresh_known_names();
        Ok(set)
    }

    /// Adds a rule compiled elsewhere, after the others; it replaces a rule of the same id.
    pub fn add(&mut self, rule: Rule) {
        self.push(rule);
        self.refresh_known_names();
    }

    fn push(&mut self, mut rule: Rule) {
        // Warnings are kept even when a later rule replaces this one: the key was still written.
        self.warnings.append(&mut rule.warnings);
        self.rules.retain(|r| r.id != rule.id);
        self.rules.push(rule);
    }

    fn refresh_known_names(&mut self) {
        self.known_names = self.rules.iter().flat_map(Rule::known_names).collect();
        self.native_names = NativeNames::new(self.rules.iter().flat_map(Rule::native_entries));
        // A title shows whose name follows it, to a `names` rule as to a `titles` one.
        let titles: Vec<_> = self.rules.iter().flat_map(Rule::person_titles).collect();
        for rule in &mut self.rules {
            rule.learn_titles(&titles);
        }
    }

    /// The rules, in load order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Rule files skipped because their Vale kind is not implemented.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// Keys of the loaded rule files that are read but not acted on (Vale's keys that wirecheck
    /// does not implement yet), in load order.
    pub fn warnings(&self) -> &[RuleWarning] {
        &self.warnings
    }

    /// Finds a rule by id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Finds the rule or named check that reports under `id` (`wire.Dateline.Outlet`).
    pub fn reported_id(&self, id: &str) -> Option<ReportedId<'_>> {
        self.rules
            .iter()
            .flat_map(Rule::reported_ids)
            .find(|reported| reported.id() == id)
    }

    /// Every name a rule can be given by in `severity:`: each rule's id and each of its named
    /// checks' ids.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().flat_map(|rule| {
            std::iter::once(rule.id.as_str()).chain(rule.checks.iter().map(|c| c.id.as_str()))
        })
    }

    /// Sets a rule's severity, or turns it off with `None`. Returns false when `id` names no rule
    /// or check. See [`RuleSet::set_severities`].
    pub fn set_severity(&mut self, id: &str, severity: Option<Severity>) -> bool {
        self.set_severities([(id, severity)]).is_ok()
    }

    /// Sets severities, or turns rules off with `None`, by name: a name covers the ids at and
    /// below it ([`crate::rules::ids::covers`]: `wire`, `wire.Dateline`, `wire.Dateline.Outlet`),
    /// and the more specific name wins, whatever the order given. A level given to a parent
    /// does not turn on a check its rule file turns off (`level: off`); the check's own id does.
    /// A rule every id of which is off is dropped. Returns the first name that covers nothing; then nothing is changed.
    pub fn set_severities<'n>(
        &mut self,
        overrides: impl IntoIterator<Item = (&'n str, Option<Severity>)>,
    ) -> Result<(), &'n str> {
        let mut overrides: Vec<(&str, Option<Severity>)> = overrides.into_iter().collect();
        if let Some(&(unknown, _)) = overrides
            .iter()
            .find(|(name, _)| !self.ids().any(|id| covers(name, id)))
        {
            return Err(unknown);
        }
        overrides.sort_by_key(|(name, _)| depth(name));
        let mut off = vec![false; self.rules.len()];
        for (name, severity) in overrides {
            for (rule, off) in self.rules.iter_mut().zip(&mut off) {
                if covers(name, &rule.id) {
                    *off = severity.is_none();
                    if let Some(level) = severity {
                        rule.severity = level;
                    }
                }
                for check in &mut rule.checks {
                    // A level given to a parent leaves a check its rule file turns off alone.
                    let turns_on = severity.is_some() && check.off_in_file && name != check.id;
                    if covers(name, &check.id) && !turns_on {
                        check.severity = severity;
                    }
                }
            }
        }
        let mut off = off.into_iter();
        self.rules.retain(|rule| {
            let rule_off = off.next().unwrap_or(false);
            let every_check_off =
                !rule.checks.is_empty() && rule.checks.iter().all(|c| c.severity.is_none());
            let own_id_off = rule.checks.is_empty() && rule_off;
            !(own_id_off || every_check_off)
        });
        Ok(())
    }

    /// Keeps the rules and checks `selection` enables ([`crate::RuleSelection`]); a rule is on
    /// by default unless `on_by_default` says otherwise (a rule of a pack not in use, loaded for
    /// the selection to decide on). A check a rule file or `severity:` turns off is turned on
    /// only by a selector naming it exactly; a check turned on that way takes its rule's level.
    pub fn apply_selection(
        &mut self,
        selection: &crate::RuleSelection,
        on_by_default: impl Fn(&Rule) -> bool,
    ) {
        if selection.is_empty() {
            return;
        }
        self.rules.retain_mut(|rule| {
            let default = on_by_default(rule);
            if rule.checks.is_empty() {
                return selection.decide(&rule.id, default).enabled;
            }
            let level = rule.severity;
            for check in &mut rule.checks {
                let decision = selection.decide(&check.id, default && check.severity.is_some());
                if !decision.enabled {
                    check.severity = None;
                } else if check.severity.is_none() && decision.by == Some(check.id.as_str()) {
                    check.severity = Some(level);
                }
            }
            rule.checks.iter().any(|c| c.severity.is_some())
        });
        self.refresh_known_names();
    }

    /// Every finding of every rule in `doc`, ordered by position then rule id; nothing filtered
    /// (that is the filters' stage).
    pub fn check(&self, doc: &Document, context: &Context) -> Vec<Finding> {
        self.check_story(context.for_document(doc))
    }

    /// Every finding of every rule in the story of `story` (made by [`Context::for_document`]),
    /// ordered by position then rule id.
    pub fn check_story(&self, story: StoryContext<'_>) -> Vec<Finding> {
        let date_readers = self.rules.iter().filter(|r| r.kind == "dates").count();
        let context = story.for_rules(&self.known_names, &self.native_names, date_readers);
        let mut findings = Vec::new();
        for rule in &self.rules {
            rule.run(&context, &mut findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates_rules() -> RuleSet {
        let yaml = "extends: dates\nstyle: any\nchecks:\n  Weekday:\n    message: w\n  NoSuchDay:\n    message: n\n    level: off\n";
        RuleSet::compile([RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "Dates".into(),
            origin: "test".into(),
            yaml: yaml.into(),
        }])
        .unwrap()
    }

    fn levels(set: &RuleSet) -> Vec<(String, Option<Severity>)> {
        let rules = set.rules().iter();
        rules
            .flat_map(|r| r.checks.iter().map(|c| (c.name.to_owned(), c.severity)))
            .collect()
    }

    #[test]
    fn a_parent_sets_the_checks_that_are_on_and_a_check_id_turns_one_on() {
        let mut set = dates_rules();
        set.set_severities([("p", Some(Severity::Error))]).unwrap();
        assert_eq!(
            levels(&set),
            [
                ("Weekday".into(), Some(Severity::Error)),
                ("NoSuchDay".into(), None)
            ]
        );
        let mut set = dates_rules();
        set.set_severities([
            ("p.Dates.NoSuchDay", Some(Severity::Suggestion)),
            ("p.Dates", Some(Severity::Error)),
        ])
        .unwrap();
        assert_eq!(
            levels(&set),
            [
                ("Weekday".into(), Some(Severity::Error)),
                ("NoSuchDay".into(), Some(Severity::Suggestion))
            ]
        );
        let mut set = dates_rules();
        set.set_severities([("p.Dates.Weekday", None)]).unwrap();
        assert!(set.rules().is_empty(), "every check off drops the rule");
        assert_eq!(
            dates_rules().set_severities([("p.Date", None)]),
            Err("p.Date")
        );
    }

    fn selection(select: &[&str], ignore: &[&str]) -> crate::RuleSelection {
        let owned = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        crate::RuleSelection::new([crate::SelectionLayer {
            select: Some(owned(select)),
            extend_select: Vec::new(),
            ignore: owned(ignore),
        }])
    }

    #[test]
    fn a_selection_keeps_checks_off_in_file_unless_named_and_drops_rules_left_empty() {
        let rule_level = dates_rules().rules()[0].severity;
        let mut set = dates_rules();
        set.apply_selection(&selection(&["p"], &[]), |_| true);
        assert_eq!(
            levels(&set),
            [
                ("Weekday".into(), Some(rule_level)),
                ("NoSuchDay".into(), None)
            ]
        );
        let mut set = dates_rules();
        set.apply_selection(&selection(&["p.Dates.NoSuchDay"], &[]), |_| true);
        assert_eq!(
            levels(&set),
            [
                ("Weekday".into(), None),
                ("NoSuchDay".into(), Some(rule_level))
            ]
        );
        let mut set = dates_rules();
        set.apply_selection(&selection(&["p"], &["p.Dates.Weekday"]), |_| true);
        assert!(set.rules().is_empty(), "no check left on drops the rule");
        let mut set = dates_rules();
        set.apply_selection(&selection(&["q"], &[]), |_| true);
        assert!(
            set.rules().is_empty(),
            "a select of another pack leaves it out"
        );
    }
}
