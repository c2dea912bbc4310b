//! Every shipped rule's own examples, and each of its named checks': each `bad` example gives at
//! least one finding of that id (of any of the rule's ids, for the rule's own examples when it has
//! named checks), each `good` example gives none, and a `bad` example that states its `fixed` text
//! becomes exactly that text when the first suggestion of each of those findings is applied. Every
//! shipped pack is loaded, those off by default included.

use wirecheck_core::Config;

use wirecheck_core::{Context, Examples, Reference, Rule};
use wirecheck_core::{DateSource, PublicationDate};
use wirecheck_core::{Document, Finding, InputFormat, RuleSet};

fn every_pack() -> Config {
    Config {
        packs: Some(
            wirecheck_core::builtin_pack_names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
        ..Config::default()
    }
}

/// The context an id's examples are checked in: their reference version and publication date.
fn context_of(examples: &Examples) -> Context {
    Context {
        reference: examples
            .reference
            .as_ref()
            .map(|text| Document::parse(text.clone(), InputFormat::Text))
            .map(|doc| std::sync::Arc::new(Reference::new(doc))),
        publication: examples.date.map(|date| PublicationDate {
            date,
            time: None,
            offset: None,
            source: DateSource::CommandLine,
        }),
        ..Context::default()
    }
}

/// Every id a rule reports under with its examples: the rule's own, then each named check's.
fn ids_and_examples(rule: &Rule) -> impl Iterator<Item = (&str, &Examples)> {
    let own = (rule.id.as_str(), &rule.header.examples);
    let checks = rule.checks.iter().map(|c| (c.id.as_str(), &c.examples));
    std::iter::once(own).chain(checks)
}

/// The findings under `id` (or an id it covers) in `text`.
fn findings_of(rules: &RuleSet, id: &str, examples: &Examples, text: &str) -> Vec<Finding> {
    let doc = Document::parse(text.to_owned(), InputFormat::Text);
    rules
        .check(&doc, &context_of(examples))
        .into_iter()
        .filter(|f| wirecheck_core::covers(id, &f.rule))
        .collect()
}

/// `text` with the first suggestion of each finding applied, as `check --fix` applies a safe
/// rule's (a suggestion overlapping one applied before it is left, as `--fix` leaves it).
fn fixed(text: &str, findings: &[Finding]) -> String {
    let as_safe: Vec<Finding> = findings
        .iter()
        .cloned()
        .map(|f| Finding {
            safe_fix: !f.suggestions.is_empty(),
            ..f
        })
        .collect();
    wirecheck_core::apply_safe_fixes(text, &as_safe).0
}

#[test]
fn shipped_rules_flag_their_bad_examples_and_pass_their_good_ones() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        for (id, examples) in ids_and_examples(rule) {
            for (text, expect_finding) in examples
                .bad
                .iter()
                .map(|b| (&b.text, true))
                .chain(examples.good.iter().map(|t| (t, false)))
            {
                let found = findings_of(&rules, id, examples, text);
                assert_eq!(
                    !found.is_empty(),
                    expect_finding,
                    "{id}: example {text:?} gave {found:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} examples checked");
}

#[test]
fn bad_examples_that_state_their_fix_are_fixed_to_it() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        for (id, examples) in ids_and_examples(rule) {
            for example in &examples.bad {
                let Some(expected) = &example.fixed else {
                    continue;
                };
                assert_ne!(
                    expected, &example.text,
                    "{id}: a stated fix must change the text"
                );
                let found = findings_of(&rules, id, examples, &example.text);
                assert_eq!(
                    &fixed(&example.text, &found),
                    expected,
                    "{id}: example {:?} is not fixed as stated (findings: {found:?})",
                    example.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "only {checked} fixed examples checked");
}

/// A rule whose fixes `check --fix` applies says in one of its examples what they do.
#[test]
fn every_rule_with_safe_fixes_states_a_fixed_example() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    for rule in rules.rules().iter().filter(|r| r.header.safe_fix) {
        assert!(
            ids_and_examples(rule).any(|(_, e)| e.bad.iter().any(|b| b.fixed.is_some())),
            "{} is marked safe_fix but no bad example states its fixed text",
            rule.id
        );
    }
}

#[test]
fn every_shipped_rule_and_check_has_a_description_and_a_bad_example() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    for rule in rules.rules() {
        assert!(
            rule.header.description.is_some(),
            "{} has no description",
            rule.id
        );
        for reported in rule.reported_ids() {
            assert!(
                reported.description().is_some(),
                "{} has no description",
                reported.id()
            );
            assert!(
                !reported.examples().bad.is_empty(),
                "{} has no bad example",
                reported.id()
            );
        }
    }
}
