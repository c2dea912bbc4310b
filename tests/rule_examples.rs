//! Every shipped rule's own examples: each `bad` example gives at least one finding of that rule,
//! each `good` example gives none, and a `bad` example that states its `fixed` text becomes
//! exactly that text when the first suggestion of each of the rule's findings is applied. Every
//! shipped pack is loaded, those off by default included.

use wirecheck_core::config::Config;

use wirecheck_core::rules::{Context, Rule};
use wirecheck_core::{Document, Finding, InputFormat, RuleSet};

fn every_pack() -> Config {
    Config {
        packs: Some(
            wirecheck_core::config::packs::builtin_pack_names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        ),
        ..Config::default()
    }
}

/// The context a rule's examples are checked in: its example reference version, if any.
fn context_of(rule: &Rule) -> Context {
    Context {
        reference: rule
            .header
            .examples
            .reference
            .as_ref()
            .map(|text| std::sync::Arc::new(Document::parse(text.clone(), InputFormat::Text))),
        ..Context::default()
    }
}

/// The findings of `rule` alone in `text`.
fn findings_of(rules: &RuleSet, rule: &Rule, text: &str) -> Vec<Finding> {
    let doc = Document::parse(text.to_owned(), InputFormat::Text);
    rules
        .check(&doc, &context_of(rule))
        .into_iter()
        .filter(|f| f.rule == rule.id)
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
    wirecheck_core::fix::apply_safe_fixes(text, &as_safe).0
}

#[test]
fn shipped_rules_flag_their_bad_examples_and_pass_their_good_ones() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        let examples = &rule.header.examples;
        for (text, expect_finding) in examples
            .bad
            .iter()
            .map(|b| (&b.text, true))
            .chain(examples.good.iter().map(|t| (t, false)))
        {
            let found = findings_of(&rules, rule, text);
            assert_eq!(
                !found.is_empty(),
                expect_finding,
                "{}: example {:?} gave {:?}",
                rule.id,
                text,
                found
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} examples checked");
}

#[test]
fn bad_examples_that_state_their_fix_are_fixed_to_it() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        for example in &rule.header.examples.bad {
            let Some(expected) = &example.fixed else {
                continue;
            };
            assert_ne!(
                expected, &example.text,
                "{}: a stated fix must change the text",
                rule.id
            );
            let found = findings_of(&rules, rule, &example.text);
            assert_eq!(
                &fixed(&example.text, &found),
                expected,
                "{}: example {:?} is not fixed as stated (findings: {found:?})",
                rule.id,
                example.text
            );
            checked += 1;
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
            rule.header.examples.bad.iter().any(|b| b.fixed.is_some()),
            "{} is marked safe_fix but no bad example states its fixed text",
            rule.id
        );
    }
}

#[test]
fn every_shipped_rule_has_a_description_and_a_bad_example() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    for rule in rules.rules() {
        assert!(
            rule.header.description.is_some(),
            "{} has no description",
            rule.id
        );
        assert!(
            !rule.header.examples.bad.is_empty(),
            "{} has no bad example",
            rule.id
        );
    }
}
