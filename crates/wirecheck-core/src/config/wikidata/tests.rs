use serde_json::{Value, json};

use super::*;

const VARS: &[&str] = &[
    "statement",
    "person",
    "familyName",
    "position",
    "positionLabel",
    "jurisdiction",
    "jurisdictionLabel",
    "demonym",
    "start",
    "startPrecision",
    "end",
    "endPrecision",
    "label",
    "alias",
    "retrieved",
];

fn iri(id: &str) -> Value {
    json!({"type": "uri", "value": format!("http://www.wikidata.org/entity/{id}")})
}

fn text(value: &str, lang: &str) -> Value {
    json!({"type": "literal", "value": value, "xml:lang": lang})
}

fn date(day: &str) -> Value {
    json!({
        "type": "literal",
        "value": format!("{day}T00:00:00Z"),
        "datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
    })
}

fn precision(value: u8) -> Value {
    json!({
        "type": "literal",
        "value": value.to_string(),
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    })
}

/// A term of office of `person` as Japan's prime minister (post Q274948), with its dates.
fn term(
    statement: &str,
    person: &str,
    start: Option<(&str, u8)>,
    end: Option<(&str, u8)>,
) -> Value {
    let mut row = json!({
        "statement": iri(statement),
        "person": iri(person),
        "position": iri("Q274948"),
        "positionLabel": text("Prime Minister of Japan", "en"),
        "jurisdiction": iri("Q17"),
        "jurisdictionLabel": text("Japan", "en"),
        "demonym": text("Japanese", "en"),
        "retrieved": date("2026-11-28"),
    });
    if let Some((day, p)) = start {
        row["start"] = date(day);
        row["startPrecision"] = precision(p);
    }
    if let Some((day, p)) = end {
        row["end"] = date(day);
        row["endPrecision"] = precision(p);
    }
    row
}

fn label(person: &str, value: &str, lang: &str) -> Value {
    json!({"person": iri(person), "label": text(value, lang)})
}

fn results(rows: Vec<Value>) -> String {
    json!({"head": {"vars": VARS}, "results": {"bindings": rows}}).to_string()
}

fn import(rows: Vec<Value>) -> Result<ImportedPack, WikidataError> {
    import_wikidata(
        &results(rows),
        &WikidataImport {
            origin: "test.json".to_owned(),
            ..WikidataImport::default()
        },
    )
}

fn file<'a>(pack: &'a ImportedPack, name: &str) -> &'a str {
    &pack
        .files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .text
}

fn dropped(pack: &ImportedPack) -> Vec<(DroppedTerm, usize)> {
    pack.dropped.clone()
}

#[test]
fn only_terms_with_sure_dates_are_kept() {
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        term("S2", "Q2", Some(("2024-01-01", 9)), None),
        term("S3", "Q3", None, None),
        term(
            "S4",
            "Q4",
            Some(("2024-10-01", 11)),
            Some(("2024-09-30", 11)),
        ),
        term(
            "S5",
            "Q5",
            Some(("2021-10-04", 11)),
            Some(("2024-10-01", 10)),
        ),
        label("Q1", "Sanae Takaichi", "en"),
        label("Q2", "Someone Vague", "en"),
        label("Q3", "Someone Undated", "en"),
        label("Q4", "Someone Backwards", "en"),
        label("Q5", "Someone Monthly", "en"),
    ])
    .unwrap();
    assert_eq!(pack.holders, 1);
    assert_eq!(
        dropped(&pack),
        [
            (DroppedTerm::NoStart, 1),
            (DroppedTerm::VagueStart, 1),
            (DroppedTerm::VagueEnd, 1),
            (DroppedTerm::EndBeforeStart, 1),
        ]
    );
    let titles = file(&pack, "Titles.yml");
    assert!(titles.contains("name: Sanae Takaichi"), "{titles}");
    for left_out in ["Vague", "Undated", "Backwards", "Monthly"] {
        assert!(!titles.contains(left_out), "{titles}");
    }
}

#[test]
fn until_is_the_day_after_the_last_day() {
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        term(
            "S2",
            "Q2",
            Some(("2024-10-01", 11)),
            Some(("2025-10-21", 11)),
        ),
        // A one-day term is a term.
        term(
            "S3",
            "Q3",
            Some(("2024-09-30", 11)),
            Some(("2024-09-30", 11)),
        ),
        label("Q1", "Sanae Takaichi", "en"),
        label("Q2", "Shigeru Ishiba", "en"),
        label("Q3", "Acting Holder", "en"),
    ])
    .unwrap();
    let titles = file(&pack, "Titles.yml");
    let expected = "  - name: Sanae Takaichi\n    since: 2025-10-21\n  \
                    - name: Shigeru Ishiba\n    since: 2024-10-01\n    until: 2025-10-22\n  \
                    - name: Acting Holder\n    since: 2024-09-30\n    until: 2024-10-01\n";
    assert!(titles.contains(expected), "{titles}");
}

#[test]
fn duplicates_are_kept_once_and_contradictions_not_at_all() {
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        // The same statement's row again (one row a label): one term.
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        // Another statement with the same dates: a duplicate.
        term("S2", "Q1", Some(("2025-10-21", 11)), None),
        // One statement with two start dates.
        term("S3", "Q2", Some(("2024-10-01", 11)), None),
        term("S3", "Q2", Some(("2024-10-02", 11)), None),
        // One person, post and start, two ends.
        term(
            "S4",
            "Q3",
            Some(("2021-10-04", 11)),
            Some(("2024-10-01", 11)),
        ),
        term("S5", "Q3", Some(("2021-10-04", 11)), None),
        label("Q1", "Sanae Takaichi", "en"),
        label("Q2", "Two Starts", "en"),
        label("Q3", "Two Ends", "en"),
    ])
    .unwrap();
    assert_eq!(pack.holders, 1);
    assert_eq!(
        dropped(&pack),
        [(DroppedTerm::Conflicting, 3), (DroppedTerm::Duplicate, 1)]
    );
    assert_eq!(
        file(&pack, "Titles.yml").matches("Sanae Takaichi").count(),
        1
    );
}

#[test]
fn the_date_is_the_data_s_then_the_caller_s_else_an_error() {
    let rows = || {
        vec![
            term("S1", "Q1", Some(("2025-10-21", 11)), None),
            label("Q1", "Sanae Takaichi", "en"),
        ]
    };
    let given = WikidataImport {
        verified: Some(Date::constant(2026, 1, 2)),
        ..WikidataImport::default()
    };
    let pack = import_wikidata(&results(rows()), &given).unwrap();
    assert_eq!(pack.verified, Date::constant(2026, 11, 28));
    assert_eq!(pack.verified_from, VerifiedFrom::Retrieved);
    assert!(file(&pack, "Titles.yml").contains("\nverified: 2026-11-28\n"));
    let undated: Vec<Value> = rows()
        .into_iter()
        .map(|mut row| {
            row.as_object_mut().unwrap().remove("retrieved");
            row
        })
        .collect();
    let pack = import_wikidata(&results(undated.clone()), &given).unwrap();
    assert_eq!(pack.verified, Date::constant(2026, 1, 2));
    assert_eq!(pack.verified_from, VerifiedFrom::Given);
    let err = import_wikidata(&results(undated), &WikidataImport::default()).unwrap_err();
    assert!(matches!(err, WikidataError::NoDate), "{err:?}");
    assert!(err.to_string().contains("--verified"), "{err}");
}

#[test]
fn people_and_posts_without_english_labels_are_left_out() {
    let mut no_post_label = term("S2", "Q2", Some(("2024-10-01", 11)), None);
    no_post_label["position"] = iri("Q999");
    no_post_label["positionLabel"] = text("Q999", "en");
    let mut no_country = term("S3", "Q3", Some(("2024-10-01", 11)), None);
    no_country["position"] = iri("Q998");
    no_country.as_object_mut().unwrap().remove("jurisdiction");
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        // The label service's id for an entity without an English label.
        json!({"person": iri("Q1"), "label": text("Q1", "en")}),
        no_post_label,
        no_country,
        label("Q2", "Someone", "en"),
        label("Q3", "Someone Else", "en"),
        term("S4", "Q4", Some(("2025-10-21", 11)), None),
        label("Q4", "Sanae Takaichi", "en"),
    ])
    .unwrap();
    assert_eq!(
        dropped(&pack),
        [
            (DroppedTerm::NoPersonLabel, 1),
            (DroppedTerm::NoPostTitle, 1),
            (DroppedTerm::NoCountry, 1),
        ]
    );
    let err = import(vec![term("S1", "Q1", Some(("2025-10-21", 11)), None)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no term of office to write: every one of the 1 was left out (1 person without an English label)"
    );
}

#[test]
fn a_bad_value_is_an_error_naming_its_binding() {
    let mut bad = term("S2", "Q2", None, None);
    bad["start"] = json!({"type": "literal", "value": "last Tuesday"});
    let err = import(vec![term("S1", "Q1", Some(("2025-10-21", 11)), None), bad]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "binding 2: ?start: not a date: 'last Tuesday' (expected an xsd:dateTime, as 2025-10-21T00:00:00Z)"
    );
    let mut bad = term("S1", "Q1", Some(("2025-10-21", 11)), None);
    bad["person"] = text("Sanae Takaichi", "en");
    let err = import(vec![bad]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("binding 1: ?person: expected an entity's IRI"),
        "{err}"
    );
    // An unknown value (the service's blank-node IRI) is no date: the term has no start.
    let mut unknown = term("S1", "Q1", None, None);
    unknown["start"] =
        json!({"type": "uri", "value": "http://www.wikidata.org/.well-known/genid/1"});
    let err = import(vec![unknown, label("Q1", "Sanae Takaichi", "en")]).unwrap_err();
    assert!(err.to_string().contains("1 no start date"), "{err}");
}

#[test]
fn family_names_give_the_surname_and_the_other_order() {
    let mut xi = term("S2", "Q2", Some(("2013-03-14", 11)), None);
    xi["position"] = iri("Q655407");
    xi["positionLabel"] = text("President of the People's Republic of China", "en");
    xi["jurisdiction"] = iri("Q148");
    xi["jurisdictionLabel"] = text("People's Republic of China", "en");
    xi["demonym"] = text("Chinese", "en");
    xi["familyName"] = text("Xi", "en");
    let mut takaichi = term("S1", "Q1", Some(("2025-10-21", 11)), None);
    takaichi["familyName"] = text("Takaichi", "en");
    let pack = import(vec![
        takaichi,
        xi,
        label("Q1", "Sanae Takaichi", "en"),
        label("Q2", "Xi Jinping", "en"),
    ])
    .unwrap();
    let titles = file(&pack, "Titles.yml");
    assert!(
        titles.contains(
            "  - name: Sanae Takaichi\n    since: 2025-10-21\n  - name: Takaichi Sanae\n"
        ),
        "{titles}"
    );
    assert!(
        titles.contains("  - name: Xi Jinping\n    surname: Xi\n"),
        "{titles}"
    );
    let names = file(&pack, "Names.yml");
    assert!(
        names.contains("  variants:\n  - Takaichi Sanae\n"),
        "{names}"
    );
}

#[test]
fn posts_of_one_title_and_country_are_one_title() {
    let mut other_post = term(
        "S2",
        "Q2",
        Some(("2024-10-01", 11)),
        Some(("2025-10-21", 11)),
    );
    other_post["position"] = iri("Q5000");
    other_post["positionLabel"] = text("Japanese Prime Minister", "en");
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        other_post,
        label("Q1", "Sanae Takaichi", "en"),
        label("Q2", "Shigeru Ishiba", "en"),
    ])
    .unwrap();
    assert_eq!(pack.posts, 1);
    let titles = file(&pack, "Titles.yml");
    assert_eq!(titles.matches("- title:").count(), 1, "{titles}");
}

#[test]
fn names_get_variants_native_forms_and_a_note_unless_shipped() {
    let mut ended = term(
        "S2",
        "Q2",
        Some(("2024-10-01", 11)),
        Some(("2025-10-21", 11)),
    );
    ended["person"] = iri("Q2");
    let rows = vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        ended,
        label("Q1", "Sanae Takaichi", "en"),
        label("Q1", "高市早苗", "ja"),
        label("Q1", "高市早苗", "zh-hans"),
        label("Q1", "高市早苗", "zh-hant"),
        label("Q1", "다카이치 사나에", "ko"),
        label("Q1", "Sanae Takaichi", "de"),
        label("Q1", "Sanae Takaïchi", "fr"),
        label("Q1", "Sanae Takaichi", "ru"),
        json!({"person": iri("Q1"), "alias": text("Takaichi Sanae", "en")}),
        json!({"person": iri("Q1"), "alias": text("ST", "en")}),
        json!({"person": iri("Q1"), "alias": text("高市", "en")}),
        json!({"person": iri("Q1"), "alias": text("Sanae TAKAICHI", "en")}),
        label("Q2", "Shigeru Ishiba", "en"),
    ];
    let pack = import(rows.clone()).unwrap();
    let names = file(&pack, "Names.yml");
    let expected = "- name: Sanae Takaichi\n  kind: person\n  variants:\n  - Takaichi Sanae\n  \
                    note: Prime Minister of Japan since 2025-10-21 (Wikidata, 2026-11-28)\n  \
                    native:\n    zh: 高市早苗\n    ja: 高市早苗\n    ko: 다카이치 사나에\n";
    assert!(names.contains(expected), "{names}");
    assert!(
        names.contains(
            "note: Prime Minister of Japan 2024-10-01 to 2025-10-21 (Wikidata, 2026-11-28)"
        )
    );
    let pack = import_wikidata(
        &results(rows),
        &WikidataImport {
            known_people: vec!["Shigeru Ishiba".to_owned()],
            ..WikidataImport::default()
        },
    )
    .unwrap();
    assert_eq!((pack.people, pack.people_shipped), (1, 1));
    assert!(!file(&pack, "Names.yml").contains("Ishiba"));
    assert!(file(&pack, "Titles.yml").contains("Ishiba"));
}

#[test]
fn the_pack_compiles_and_its_manifest_reads_back() {
    let pack = import(vec![
        term("S1", "Q1", Some(("2025-10-21", 11)), None),
        label("Q1", "Sanae Takaichi", "en"),
    ])
    .unwrap();
    let sources: Vec<crate::rules::RuleSource> = pack
        .files
        .iter()
        .filter(|f| f.name.ends_with(".yml"))
        .map(|f| crate::rules::RuleSource {
            files: Default::default(),
            pack: "wikidata".to_owned(),
            name: f.name.trim_end_matches(".yml").to_owned(),
            origin: f.name.clone(),
            yaml: f.text.clone(),
        })
        .collect();
    assert_eq!(sources.len(), 2);
    crate::RuleSet::compile(sources).unwrap();
    let manifest: crate::config::synced::PackManifest =
        crate::yaml::from_str(file(&pack, "pack.yaml"), "pack manifest").unwrap();
    assert_eq!(manifest.verified, Date::constant(2026, 11, 28));
    assert_eq!(manifest.replaces, REPLACED_RULES);
    assert!(manifest.licence.starts_with("CC0"));
}

#[test]
fn shipped_people_are_read_from_the_shipped_names_packs() {
    let people = shipped_people();
    assert!(people.iter().any(|p| p == "Sanae Takaichi"), "{people:?}");
    assert!(!people.iter().any(|p| p == "Tokyo"), "{people:?}");
}

#[test]
fn the_query_binds_every_variable_the_import_reads() {
    for var in VARS {
        assert!(HOLDERS_QUERY.contains(&format!("?{var}")), "?{var}");
    }
    assert!(HOLDERS_QUERY.contains("BIND(NOW() AS ?retrieved)"));
}
