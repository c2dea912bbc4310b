//! Vale's keys that apply across kinds: `limit`, a project's vocabulary (`vocab`), existence's
//! `append`, substitution's `capitalize`, and formulas that fail when their rule loads.

use std::sync::Arc;

use wirecheck_core::{Context, Document, InputFormat, RuleSet, RuleSource};

fn source(yaml: &str) -> RuleSource {
    RuleSource {
        pack: "house".into(),
        name: "Rule".into(),
        origin: "house/Rule.yml".into(),
        yaml: yaml.into(),
        files: Default::default(),
    }
}

/// The messages of the findings of `yaml`'s rule in `story`, the project accepting `accepted`.
fn messages(yaml: &str, accepted: &[&str], story: &str) -> Vec<String> {
    let accepted: Arc<[String]> = accepted.iter().map(|s| (*s).to_owned()).collect();
    let rules =
        RuleSet::compile_accepting([source(yaml)], accepted).unwrap_or_else(|e| panic!("{e}"));
    let doc = Document::parse(story.to_owned(), InputFormat::Text);
    rules
        .check(&doc, &Context::default())
        .into_iter()
        .map(|f| f.message)
        .collect()
}

const STORY: &str =
    "Yen Falls\n\nTOKYO (AP) — The NATO and IAEA envoys met. Utilize it, utilize it, utilize it.\n";

#[test]
fn limit_reports_only_the_first_findings_of_a_rule() {
    let rule = "extends: existence\nmessage: \"'%s'\"\nignorecase: true\ntokens: [utilize]\n";
    assert_eq!(messages(rule, &[], STORY).len(), 3);
    let limited = format!("{rule}limit: 2\n");
    assert_eq!(messages(&limited, &[], STORY), ["'Utilize'", "'utilize'"]);
}

#[test]
fn accepted_terms_are_exceptions_unless_the_rule_says_vocab_false() {
    let rule = "extends: conditional\nmessage: \"'%s' undefined\"\nfirst: '\\b[A-Z]{4}\\b'\n\
                second: '\\(([A-Z]{4})\\)'\n";
    assert_eq!(
        messages(rule, &[], STORY),
        ["'NATO' undefined", "'IAEA' undefined"]
    );
    assert_eq!(messages(rule, &["NATO"], STORY), ["'IAEA' undefined"]);
    let own = format!("{rule}vocab: false\n");
    assert_eq!(messages(&own, &["NATO"], STORY).len(), 2);

    let existence = "extends: existence\nmessage: \"'%s'\"\ntokens: ['[A-Z]{4}']\n";
    assert_eq!(messages(existence, &["IAEA"], STORY), ["'NATO'"]);
    let substitution = "extends: substitution\nmessage: \"'%s' not '%s'\"\nswap: {NATO: Nato}\n";
    assert_eq!(
        messages(substitution, &["NATO"], STORY),
        Vec::<String>::new()
    );
    let capitalization =
        "extends: capitalization\nmessage: \"'%s'\"\nscope: headline\nmatch: $lower\n";
    assert_eq!(messages(capitalization, &[], STORY), ["'Yen Falls'"]);
    assert_eq!(
        messages(capitalization, &["Yen"], STORY),
        Vec::<String>::new()
    );
}

#[test]
fn existence_appends_raw_after_tokens_when_asked() {
    let rule = "extends: existence\nmessage: \"'%s'\"\ntokens: [The]\nraw: ['\\s+NATO']\n";
    assert_eq!(messages(rule, &[], STORY), Vec::<String>::new());
    let appended = format!("{rule}append: true\n");
    assert_eq!(messages(&appended, &[], STORY), ["'The NATO'"]);
}

#[test]
fn substitution_capitalizes_the_replacement_of_a_capitalised_match() {
    let rule = "extends: substitution\nmessage: \"Use '%s', not '%s'\"\nignorecase: true\nswap: {utilize: use}\n";
    assert_eq!(messages(rule, &[], STORY)[0], "Use 'use', not 'Utilize'");
    let capitalized = format!("{rule}capitalize: true\n");
    let found = messages(&capitalized, &[], STORY);
    assert_eq!(found[0], "Use 'Use', not 'Utilize'");
    assert_eq!(found[1], "Use 'use', not 'utilize'");
}

#[test]
fn a_bad_formula_or_condition_is_an_error_naming_the_rule_when_it_loads() {
    for (formula, condition, expected) in [
        (
            "words / (sentences",
            "> 1",
            "formula: expected ')' at the end",
        ),
        ("words / lines", "> 1", "formula: unknown variable 'lines'"),
        (
            "math.sqrt(words, 2)",
            "> 1",
            "formula: math.sqrt takes one number",
        ),
        (
            "words > 1",
            "> 1",
            "formula: gives true or false, not a number",
        ),
        ("words", "> ", "condition: the formula ends too soon"),
        ("words", "+ 1", "condition: '+ 1' gives"),
    ] {
        let yaml = format!(
            "extends: metric\nmessage: \"%s\"\nformula: \"{formula}\"\ncondition: \"{condition}\"\n"
        );
        let error = RuleSet::compile([source(&yaml)])
            .expect_err(formula)
            .to_string();
        assert!(
            error.starts_with(&format!("house/Rule.yml: rule house.Rule: {expected}")),
            "{formula} {condition}: {error}"
        );
    }
}

#[test]
fn repetition_max_allows_that_many_repeats_in_a_row() {
    let story = "Headline\n\nIt is is fine. It was was was not.\n";
    let each = "extends: repetition\nmessage: \"'%s' repeated\"\nignorecase: true\n";
    assert_eq!(
        messages(each, &[], story),
        ["'is' repeated", "'was' repeated", "'was' repeated"]
    );
    let one_allowed = format!("{each}max: 1\n");
    assert_eq!(messages(&one_allowed, &[], story), ["'was' repeated"]);
}

#[test]
fn a_swap_list_of_ten_thousand_keys_names_the_swap_of_each_match() {
    // A group per key over thousands of keys took gigabytes; long lists find their matches
    // without groups and ask the keys a chunk at a time which swap each is.
    let mut yaml = String::from("extends: substitution\nmessage: \"Use '%s' for '%s'.\"\nswap:\n");
    for i in 0..10_000 {
        yaml.push_str(&format!("  w{i}x: r{i}\n"));
    }
    let story = "Headline\n\nThe w7x and the w4242x met w9999x, not w10000x.\n";
    assert_eq!(
        messages(&yaml, &[], story),
        [
            "Use 'r7' for 'w7x'.",
            "Use 'r4242' for 'w4242x'.",
            "Use 'r9999' for 'w9999x'."
        ]
    );
}
