//! Every shipped rule's own examples: each `bad` example gives at least one finding of that rule,
//! each `good` example gives none. Every shipped pack is loaded, those off by default included.

use wirecheck_core::config::Config;

use wirecheck_core::rules::Context;
use wirecheck_core::{Document, InputFormat};

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

/// The context an id's examples are checked in: their reference version and publication date.
fn context_of(examples: &wirecheck_core::rules::Examples) -> Context {
    Context {
        reference: examples
            .reference
            .as_ref()
            .map(|text| std::sync::Arc::new(Document::parse(text.clone(), InputFormat::Text))),
        publication_date: examples.date,
        ..Context::default()
    }
}

/// Each rule's examples, and each of its named checks': a bad one gives at least one finding of
/// that id (of any of the rule's ids, for the rule's own examples when it has named checks), a
/// good one none.
#[test]
fn shipped_rules_flag_their_bad_examples_and_pass_their_good_ones() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        let own = (rule.id.as_str(), &rule.header.examples);
        let checks = rule.checks.iter().map(|c| (c.id.as_str(), &c.examples));
        for (id, examples) in std::iter::once(own).chain(checks) {
            let context = context_of(examples);
            for (text, expect_finding) in examples
                .bad
                .iter()
                .map(|t| (t, true))
                .chain(examples.good.iter().map(|t| (t, false)))
            {
                let doc = Document::parse(text.clone(), InputFormat::Text);
                let found: Vec<_> = rules
                    .check(&doc, &context)
                    .into_iter()
                    .filter(|f| wirecheck_core::rules::ids::covers(id, &f.rule))
                    .collect();
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
