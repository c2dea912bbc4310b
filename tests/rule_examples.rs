//! Every shipped rule's own examples: each `bad` example gives at least one finding of that rule,
//! each `good` example gives none. Every shipped pack is loaded, those off by default included.

use wirecheck_core::config::Config;

use wirecheck_core::rules::{Context, Reference};
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

#[test]
fn shipped_rules_flag_their_bad_examples_and_pass_their_good_ones() {
    let rules = every_pack().rule_set(&[]).expect("shipped packs compile");
    let mut checked = 0;
    for rule in rules.rules() {
        let examples = &rule.header.examples;
        let context = Context {
            reference: examples.reference.as_ref().map(|text| {
                let reference = Document::parse(text.clone(), InputFormat::Text);
                std::sync::Arc::new(Reference::new(reference))
            }),
            ..Context::default()
        };
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
                .filter(|f| f.rule == rule.id)
                .collect();
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
