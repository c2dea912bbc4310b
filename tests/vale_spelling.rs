//! Vale's `spelling` rules from Vale 3.15.1's own test suite (`../shared/vale-testdata`), run
//! through `wirecheck check --format line` one rule at a time, as the suite's `.vale.ini` assigns
//! them to files, and compared with the findings its feature files expect. (The `.vale.ini`
//! itself, markup scoping and `Vale.Spelling`'s place in a run are Vale mode's; here each rule
//! file is given with `--rules`, its StylesPath being the folder of its pack folder.)

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vale-testdata")
}

/// Runs `rule` (a file of Vale's test styles) over `file` of fixture folder `fixture`: the
/// exit code and the line-format findings.
fn run(fixture: &str, rule: &str, file: &str) -> (Option<i32>, String) {
    let output = Command::cargo_bin("wirecheck")
        .expect("binary is built")
        .current_dir(testdata().join("fixtures").join(fixture))
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--no-config",
            "--disable",
            "wire,names-japan,names-world",
        ])
        .args(["--format", "line", "--rules"])
        .arg(testdata().join("styles").join(rule))
        .arg(file)
        .output()
        .expect("wirecheck runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{fixture}/{file} with {rule}: {stderr}");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// The lines of `feature`'s scenario `scenario` whose file is `file` and rule `rule`.
fn expected(feature: &str, scenario: &str, file: &str, rule: &str) -> String {
    let text = std::fs::read_to_string(testdata().join("features").join(feature)).unwrap();
    let body = text
        .split("Scenario: ")
        .find(|s| s.starts_with(scenario))
        .unwrap_or_else(|| panic!("{feature} has no scenario {scenario}"));
    body.lines()
        .map(str::trim)
        .filter(|line| line.starts_with(&format!("{file}:")) && line.contains(&format!(":{rule}:")))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn vales_spelling_scenario_gives_vales_findings_rule_by_rule() {
    // fixtures/spelling/.vale.ini: `*.md` Spelling.Ignore; `*.dic.md` Spelling.Test only;
    // `*.txt` Spelling.GB. (`*.html` and `*.adoc` need markup and converters.)
    let cases = [
        ("test.md", "Spelling/Ignore.yml", "Spelling.Ignore"),
        ("test.dic.md", "Spelling/Test.yml", "Spelling.Test"),
        ("test.txt", "Spelling/GB.yml", "Spelling.GB"),
    ];
    for (file, rule, id) in cases {
        let want = expected("misc.feature", "Spelling", file, id);
        assert!(!want.is_empty(), "{file}: the scenario expects findings");
        let (code, found) = run("spelling", rule, file);
        assert_eq!(found, want, "{file} with {rule}");
        assert_eq!(code, Some(1), "{file}");
    }
}

#[test]
fn a_word_list_accepts_a_word_in_any_case_and_without_filters_hyphens_are_checked() {
    // Spelling.Ignores (custom, no dictionary named: the shipped one) with base.txt (`nginx`)
    // and second.txt (`httpie`, `cli`): Nginx, HTTPie and CLI are accepted as Vale accepts them.
    let (code, found) = run("spelling", "Spelling/Ignores.yml", "test.md");
    assert_eq!(
        found,
        "test.md:3:96:Spelling.Ignores:Did you really mean 'human-friendly'?\n\
         test.md:11:1:Spelling.Ignores:Did you really mean 'abdominocentesis'?\n"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn vale_spelling_reads_every_dictionary_and_word_list_of_the_styles_path() {
    // spellingv3: `Vale.Spelling` with the shipped dictionary, every dictionary in
    // config/dictionaries (en_medical knows abdominocentesis), every word list under
    // config/ignore (nginx, httpie, cli) and the accepted words of Vocab `Cap` (HTTPied).
    let styles = testdata().join("styles");
    let accepted = std::fs::read_to_string(styles.join("config/vocabularies/Cap/accept.txt"))
        .unwrap()
        .lines()
        .map(|l| format!("  - '{l}'\n"))
        .collect::<String>();
    let source = wirecheck_core::RuleSource {
        pack: "Vale".into(),
        name: "Spelling".into(),
        origin: "internal".into(),
        yaml: format!(
            "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nlevel: error\nappend: true\nexceptions:\n{accepted}"
        ),
        files: wirecheck_core::vale_spelling_files(&styles).unwrap(),
    };
    let names: Vec<&str> = source
        .files
        .dictionaries
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names, ["en-GB", "en_US", "en_medical", "test"]);
    let rules = wirecheck_core::RuleSet::compile([source]).unwrap();
    for file in ["test.md", "test.dic.md"] {
        let path = testdata().join("fixtures/spellingv3").join(file);
        let doc = wirecheck_core::Document::parse(
            std::fs::read_to_string(&path).unwrap(),
            wirecheck_core::InputFormat::from_path(&path),
        );
        let findings = rules.check(&doc, &wirecheck_core::Context::default());
        let words: Vec<&str> = findings
            .iter()
            .map(|f| f.span.slice(doc.original()))
            .collect();
        assert_eq!(words, Vec::<&str>::new(), "{file}");
    }
}

#[test]
fn the_demo_styles_spelling_rules_give_vales_findings() {
    // styles.feature "Lint against demo": demo.Spellcheck (a filter) and demo.Filters
    // (`custom: true` and a filter that leaves only words without small letters) on
    // fixtures/styles/demo/test.md, a Markdown file whose findings need no markup scoping.
    for (rule, id) in [
        ("demo/Spellcheck.yml", "demo.Spellcheck"),
        ("demo/Filters.yml", "demo.Filters"),
    ] {
        let want = expected("styles.feature", "Lint against demo", "test.md", id);
        assert!(!want.is_empty(), "{id}: the scenario expects findings");
        let (code, found) = run("styles/demo", rule, "test.md");
        assert_eq!(found, want, "{id}");
        assert_eq!(code, Some(1), "{id}");
    }
}
