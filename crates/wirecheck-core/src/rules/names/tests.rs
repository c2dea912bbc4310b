//! The laws of the `names` rule, each on the smallest rule set that shows it.

use crate::document::Document;
use crate::engine::RuleSet;
use crate::input::InputFormat;
use crate::rules::{Context, RuleSource};

const NAMES: &str = r#"extends: names
message: "'%s' is close to '%s' (%s)"
names:
  - name: Yvette Cooper
    kind: person
  - name: Toshimitsu Motegi
    kind: person
  - name: Han Zheng
    kind: person
  - name: Li Qiang
    kind: person
  - name: Ursula von der Leyen
    kind: person
  - name: Khalid bin Salman
    kind: person
  - name: David Lammy
    kind: person
  - name: Naoto Kan
    kind: person
  - name: Jeremy Hunt
    kind: person
  - name: Sanae Takaichi
    kind: person
  - name: Okinawa
    kind: place
  - name: Dmitry Medvedev
    kind: person
  - name: Mario Draghi
    kind: person
  - name: Mohammed Shia al-Sudani
    kind: person
  - name: Lee Jae-myung
    kind: person
  - name: Richardsen Group
    kind: organization
  - name: Antalia Grup
    kind: organization
allow: [Leyden, Davis]
"#;

const TITLES: &str = r#"extends: titles
message: "%s is %s, not '%s'"
titles:
  - title: [Vice President]
    qualifiers: [Chinese, "China's"]
    holders:
      - name: Han Zheng
  - title: [Premier]
    qualifiers: [Chinese, "China's"]
    holders:
      - name: Li Qiang
  - title: [Foreign Minister]
    unqualified: true
    holders:
      - name: Toshimitsu Motegi
  - title: [Iraqi Prime Minister]
    unqualified: true
    holders:
      - name: Mohammed Shia al-Sudani
  - title: [Commission President]
    unqualified: true
    holders:
      - name: Ursula von der Leyen
"#;

fn source(name: &str, yaml: &str) -> RuleSource {
    RuleSource {
        files: Default::default(),
        pack: "p".into(),
        name: name.into(),
        origin: "test".into(),
        yaml: yaml.into(),
    }
}

/// The names findings of `text` as (word, fix), with the titles rule loaded too.
fn corrections(text: &str) -> Vec<(String, String)> {
    let rules = RuleSet::compile([source("Names", NAMES), source("Titles", TITLES)])
        .expect("rules compile");
    let doc = Document::parse(format!("Headline\n\n{text}\n"), InputFormat::Text);
    rules
        .check(&doc, &Context::default())
        .into_iter()
        .filter(|f| f.rule == "p.Names")
        .map(|f| {
            let fix = f.suggestions.first().map(|s| s.replacement.clone());
            (doc.slice(f.span).to_owned(), fix.unwrap_or_default())
        })
        .collect()
}

fn pair(word: &str, fix: &str) -> Vec<(String, String)> {
    vec![(word.to_owned(), fix.to_owned())]
}

#[test]
fn a_plain_near_miss_is_corrected_alone() {
    assert_eq!(
        corrections("Takaiichi said on Friday."),
        pair("Takaiichi", "Takaichi")
    );
    assert_eq!(
        corrections("They flew to Okinwa."),
        pair("Okinwa", "Okinawa")
    );
}

#[test]
fn a_common_word_or_name_or_place_is_no_near_miss_alone() {
    // "Copper" is an English word, "Richardson" a common name, "Antalya" a city.
    assert_eq!(corrections("Copper prices rose."), []);
    assert_eq!(corrections("Richardson said the talks went well."), []);
    assert_eq!(corrections("Antalya hosted the talks."), []);
    assert_eq!(
        corrections("Antalya's mayor spoke."),
        [],
        "in the possessive too"
    );
    assert_eq!(corrections("Yvette Copper said."), pair("Copper", "Cooper"));
    assert_eq!(
        corrections("Richardson Group said."),
        pair("Richardson", "Richardsen")
    );
    assert_eq!(
        corrections("Antalya Grup said."),
        pair("Antalya", "Antalia")
    );
    assert_eq!(
        corrections("Richardsun said."),
        pair("Richardsun", "Richardsen")
    );
}

#[test]
fn a_short_surname_needs_a_given_name_an_initial_or_a_title() {
    assert_eq!(corrections("Motegie said the talks went well."), []);
    assert_eq!(
        corrections("Toshimitsu Motegie said."),
        pair("Motegie", "Motegi")
    );
    assert_eq!(corrections("T. Motegie said."), pair("Motegie", "Motegi"));
    assert_eq!(
        corrections("Foreign Minister Motegie said."),
        pair("Motegie", "Motegi")
    );
    assert_eq!(
        corrections("Trade Minister Motegie said."),
        [],
        "a title he does not hold is no evidence"
    );
    assert_eq!(
        corrections("Toshimitsu Motegie said. Motegie left."),
        [
            ("Motegie".into(), "Motegi".into()),
            ("Motegie".into(), "Motegi".into())
        ],
        "named in full, he is the same person by surname later"
    );
    assert_eq!(
        corrections("Motegie said. Toshimitsu Motegie left."),
        pair("Motegie", "Motegi"),
        "only later mentions"
    );
}

#[test]
fn a_syllable_is_not_corrected_to_another_of_its_system_alone() {
    assert_eq!(corrections("Zhong said the plan was ready."), []);
    assert_eq!(corrections("Han Zhong said the plan was ready."), []);
    assert_eq!(corrections("Li Qiong won the final."), []);
    assert_eq!(
        corrections("Chinese Premier Li Qiong said."),
        pair("Qiong", "Qiang"),
        "his title makes her him"
    );
    assert_eq!(
        corrections("Chinese Vice President Han Zhong said."),
        pair("Zhong", "Zheng")
    );
    assert_eq!(
        corrections("Vice President Zhong of the company said."),
        [],
        "without its qualifier the title is anyone's"
    );
}

#[test]
fn names_with_particles_are_checked_across_them() {
    assert_eq!(
        corrections("Ursula von der Leyden said."),
        pair("Leyden", "Leyen")
    );
    assert_eq!(
        corrections("Commission President von der Leyden said."),
        pair("Leyden", "Leyen")
    );
    assert_eq!(
        corrections("Commission President Leyden said."),
        pair("Leyden", "Leyen")
    );
    assert_eq!(
        corrections("Khalid bin Salmon said."),
        pair("Salmon", "Salman")
    );
    assert_eq!(corrections("The university of Leyden said."), []);
}

#[test]
fn a_slavic_feminine_form_is_a_woman_of_her_own() {
    assert_eq!(corrections("Skater Evgenia Medvedeva won."), []);
    assert_eq!(corrections("Medvedeva won."), []);
    assert_eq!(
        corrections("Dmitry Medvedeva said."),
        pair("Medvedeva", "Medvedev")
    );
    assert_eq!(
        corrections("Medvedevv said."),
        pair("Medvedevv", "Medvedev")
    );
}

#[test]
fn a_surname_joined_to_its_particle_is_checked_on_its_own() {
    assert_eq!(
        corrections("Mohammed Shia al-Sudany said."),
        pair("Sudany", "Sudani")
    );
    assert_eq!(
        corrections("Mohammed Shia Al-Sudany's office said."),
        pair("Sudany", "Sudani")
    );
    assert_eq!(
        corrections("Mohammed Shia al-Sudani said. Sudani left."),
        []
    );
    assert_eq!(corrections("Sudany said."), [], "a short surname alone");
    assert_eq!(
        corrections("Iraqi Prime Minister al-Sudany said."),
        pair("Sudany", "Sudani")
    );
    assert_eq!(
        corrections("Lee Jae-myoung said."),
        pair("Jae-myoung", "Jae-myung")
    );
}

#[test]
fn an_allowed_word_is_corrected_only_beside_evidence() {
    assert_eq!(corrections("Davis said."), []);
    assert_eq!(
        corrections("David Davis said."),
        [],
        "the token it would become is no evidence"
    );
}
