//! The CI output formats of `wirecheck check`: a snapshot of each on the real story, and each
//! validated against its format's schema (SARIF 2.1.0, reviewdog's Diagnostic Format), parsed by a
//! real XML parser (JUnit), or compared to exact strings (GitHub workflow commands).

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

const STORY: &str = "fixtures/stories/sadanews-tokyo-washington-defense.txt";

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        // The real story is undated: it is published on the day the tests take for today.
        .env("WIRECHECK_TODAY", "2026-12-01");
    cmd
}

/// Standard output of `wirecheck check --no-config --format <format> <args…>` run in `dir`.
fn check_in(dir: &Path, format: &str, args: &[&str]) -> String {
    let output = cmd()
        .current_dir(dir)
        .args(["check", "--no-config", "--format", format])
        .args(args)
        .output()
        .expect("runs");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn check(format: &str, args: &[&str]) -> String {
    check_in(Path::new(env!("CARGO_MANIFEST_DIR")), format, args)
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    json_of(&fs::read_to_string(path).expect("vendored schema"))
}

/// The schema's complaints about `instance`, one a line; empty when it is valid.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> String {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}\n", e, e.instance_path()))
        .collect()
}

/// A folder with the story under a name full of characters formats must escape, the story with a
/// multi-byte dash before a finding, and a file that is not UTF-8.
fn awkward_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(STORY)).unwrap();
    fs::write(dir.path().join("wire,50%:a&b <c>.txt"), &story).unwrap();
    let dashed = story.replace("Relations between", "Relations — between");
    assert_ne!(
        dashed, story,
        "the fixture still has the sentence this test edits"
    );
    fs::write(dir.path().join("dashed.txt"), dashed).unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Headline\n\nCaf\xe9 society.\n",
    )
    .unwrap();
    dir
}

// --- snapshots -------------------------------------------------------------------------------

#[test]
fn snapshots_of_each_format_on_the_real_story() {
    for format in ["sarif", "junit", "github", "rdjson", "rdjsonl", "jsonl"] {
        insta::assert_snapshot!(format, check(format, &[STORY]));
    }
}

// --- SARIF -----------------------------------------------------------------------------------

fn sarif_validator() -> jsonschema::Validator {
    // The schema's `language` patterns have a stray `]`: ECMAScript reads it as a literal, Rust's
    // regex engines reject it, and checking formats checks the schema's own patterns too. Escape it.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let text = fs::read_to_string(path).expect("vendored schema");
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(stray).count(),
        2,
        "the schema still has the patterns"
    );
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&json_of(&text))
        .expect("the SARIF schema compiles")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    let log = json_of(&check("sarif", &[STORY]));
    assert_eq!(violations(&validator, &log), "");
    let dir = awkward_files();
    let log = json_of(&check_in(dir.path(), "sarif", &["."]));
    assert_eq!(violations(&validator, &log), "");
}

#[test]
fn the_sarif_check_can_fail() {
    let validator = sarif_validator();
    let mut log = json_of(&check("sarif", &[STORY]));
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    assert_ne!(violations(&validator, &log), "");
    let mut log = json_of(&check("sarif", &[STORY]));
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        json!(0);
    assert_ne!(violations(&validator, &log), "");
    let mut log = json_of(&check("sarif", &[STORY]));
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        json!("a story.txt");
    assert_ne!(violations(&validator, &log), "", "formats are checked");
}

#[test]
fn sarif_results_name_their_rules_and_regions() {
    let log = json_of(&check("sarif", &[STORY]));
    let findings = json_of(&check("json", &[STORY]))["findings"].clone();
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), findings.as_array().unwrap().len());
    for (result, finding) in results.iter().zip(findings.as_array().unwrap()) {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["rule"]);
        assert!(rules[index]["shortDescription"]["text"].is_string());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], STORY);
        let region = &location["region"];
        assert_eq!(region["startLine"], finding["line"]);
        assert_eq!(region["startColumn"], finding["column"]);
        assert_eq!(region["endLine"], finding["end_line"]);
        assert_eq!(region["endColumn"], finding["end_column"]);
        let fixes = result["fixes"].as_array().map_or(0, Vec::len);
        assert_eq!(fixes, finding["suggestions"].as_array().unwrap().len());
    }
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    // The undated story is published today, past the grace of the pack that knows its titles.
    assert_eq!(levels, ["warning", "error", "warning", "warning", "error"]);
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_notes_unreadable_files_and_encodes_paths() {
    let dir = awkward_files();
    let log = json_of(&check_in(dir.path(), "sarif", &["."]));
    let run = &log["runs"][0];
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 1);
    assert_eq!(
        notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "latin1.txt"
    );
    assert!(
        notifications[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8")
    );
    let uris: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"wire%2C50%25%3Aa%26b%20%3Cc%3E.txt"),
        "{uris:?}"
    );
    assert!(uris.contains(&"dashed.txt"), "{uris:?}");
}

// --- JUnit -----------------------------------------------------------------------------------

#[test]
fn junit_is_well_formed_xml_with_a_test_case_per_file() {
    let dir = awkward_files();
    let xml = check_in(dir.path(), "junit", &["."]);
    let document = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 1);
    let suite = suites[0];
    assert_eq!(suite.tag_name().name(), "testsuite");
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let attr = |name: &str| suite.attribute(name).unwrap().parse::<usize>().unwrap();
    assert_eq!(attr("tests"), 3);
    assert_eq!(attr("tests"), cases.len());
    assert_eq!(attr("errors"), 1);
    assert_eq!(attr("failures"), 2);
    for name in ["tests", "failures", "errors"] {
        assert_eq!(root.attribute(name), suite.attribute(name));
    }

    let case = |path: &str| {
        *cases
            .iter()
            .find(|c| c.attribute("name") == Some(path))
            .unwrap_or_else(|| panic!("no test case for {path}: {xml}"))
    };
    let awkward = case("./wire,50%:a&b <c>.txt");
    assert_eq!(awkward.attribute("classname"), awkward.attribute("name"));
    let failures: Vec<_> = awkward
        .children()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 5);
    assert_eq!(
        failures[0].attribute("message"),
        Some("wire.SectionLabel: Leftover label 'Arab & International' in the copy.")
    );
    assert_eq!(failures[0].attribute("type"), Some("warning"));
    assert_eq!(failures[0].text(), Some("./wire,50%:a&b <c>.txt:2:1"));
    assert_eq!(failures[1].attribute("type"), Some("error"));

    let unreadable = case("./latin1.txt");
    let errors: Vec<_> = unreadable
        .children()
        .filter(|n| n.has_tag_name("error"))
        .collect();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .attribute("message")
            .unwrap()
            .contains("invalid UTF-8")
    );
}

// --- GitHub ----------------------------------------------------------------------------------

#[test]
fn github_commands_escape_properties_and_data() {
    let dir = awkward_files();
    let pack = dir.path().join("rules/house");
    fs::create_dir_all(&pack).unwrap();
    fs::write(
        pack.join("Percent.yml"),
        "extends: existence\nmessage: \"'%s' at 100%, line one\\nline two: done\"\nlevel: suggestion\ntokens:\n  - Okinawa\n",
    )
    .unwrap();
    let out = check_in(
        dir.path(),
        "github",
        &[
            "--rules",
            "rules/house",
            "wire,50%:a&b <c>.txt",
            "latin1.txt",
        ],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.contains(
            &"::warning file=wire%2C50%25%3Aa&b <c>.txt,line=2,col=1,endLine=2,endColumn=21,\
              title=wire.SectionLabel::Leftover label 'Arab & International' in the copy."
        ),
        "{out}"
    );
    assert!(
        lines.contains(
            &"::notice file=wire%2C50%25%3Aa&b <c>.txt,line=18,col=69,endLine=18,endColumn=76,\
              title=house.Percent::'Okinawa' at 100%25, line one%0Aline two: done"
        ),
        "{out}"
    );
    let error = lines
        .iter()
        .find(|l| l.contains("latin1.txt"))
        .expect("{out}");
    assert!(
        error.starts_with("::error file=latin1.txt,title=wirecheck::latin1.txt:3:4: invalid UTF-8"),
        "{error}"
    );
}

// --- reviewdog -------------------------------------------------------------------------------

fn reviewdog_validator() -> jsonschema::Validator {
    // References name definitions by their draft-04 `id`, as protoc-gen-jsonschema writes them.
    jsonschema::draft4::new(&schema("reviewdog-DiagnosticResult.jsonschema"))
        .expect("the reviewdog schema compiles")
}

/// The bytes a reviewdog range covers: lines from 1, columns in UTF-8 bytes from 1, end exclusive.
fn byte_range<'a>(text: &'a str, range: &Value) -> &'a str {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let column = position["column"].as_u64().unwrap() as usize;
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum();
        line_start + column - 1
    };
    &text[offset(&range["start"])..offset(&range["end"])]
}

#[test]
fn rdjson_is_valid_against_reviewdogs_schema_with_byte_columns() {
    let validator = reviewdog_validator();
    let dir = awkward_files();
    let result = json_of(&check_in(dir.path(), "rdjson", &["dashed.txt"]));
    assert_eq!(violations(&validator, &result), "");
    let mut broken = result.clone();
    broken["diagnostics"][0]["message"] = json!(["not", "a", "string"]);
    assert_ne!(violations(&validator, &broken), "", "the check can fail");
    let mut broken = result.clone();
    broken["diagnostics"][0]["location"]["range"]["start"]["line"] = json!("two");
    assert_ne!(violations(&validator, &broken), "", "references resolve");

    let text = fs::read_to_string(dir.path().join("dashed.txt")).unwrap();
    let findings = json_of(&check_in(dir.path(), "json", &["dashed.txt"]))["findings"].clone();
    let diagnostics = result["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), findings.as_array().unwrap().len());
    for (diagnostic, finding) in diagnostics.iter().zip(findings.as_array().unwrap()) {
        assert_eq!(diagnostic["code"]["value"], finding["rule"]);
        assert!(
            ["ERROR", "WARNING", "INFO"].contains(&diagnostic["severity"].as_str().unwrap()),
            "{diagnostic}"
        );
        assert_eq!(
            byte_range(&text, &diagnostic["location"]["range"]),
            finding["match"].as_str().unwrap()
        );
        for (suggestion, expected) in diagnostic["suggestions"]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .zip(finding["suggestions"].as_array().unwrap())
        {
            assert_eq!(suggestion["text"], expected["replacement"]);
            let span = &expected["span"];
            let (start, end) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            assert_eq!(
                byte_range(&text, &suggestion["range"]),
                &text[start as usize..end as usize]
            );
        }
    }
    let takaiichi = &diagnostics[4]["location"]["range"]["start"];
    assert_eq!(
        takaiichi["column"].as_u64(),
        Some(findings[4]["column"].as_u64().unwrap() + 2)
    );
}

#[test]
fn rdjsonl_lines_are_the_rdjson_diagnostics_and_each_valid() {
    let validator = reviewdog_validator();
    let document = json_of(&check("rdjson", &[STORY]));
    let lines = check("rdjsonl", &[STORY]);
    let diagnostics: Vec<Value> = lines.lines().map(json_of).collect();
    assert_eq!(document["diagnostics"].as_array().unwrap(), &diagnostics);
    for diagnostic in diagnostics {
        let wrapped = json!({ "diagnostics": [diagnostic] });
        assert_eq!(violations(&validator, &wrapped), "");
    }
}

// --- JSON Lines ------------------------------------------------------------------------------

#[test]
fn jsonl_lines_are_the_json_reports_findings() {
    let document = json_of(&check("json", &[STORY]));
    let lines: Vec<Value> = check("jsonl", &[STORY]).lines().map(json_of).collect();
    assert_eq!(document["findings"].as_array().unwrap(), &lines);
}

#[test]
fn jsonl_streams_every_file_and_keeps_exit_codes() {
    let dir = awkward_files();
    let output = cmd()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "jsonl", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "an unreadable file exits 2");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("latin1.txt:3:4: invalid UTF-8"), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut streamed: Vec<Value> = stdout.lines().map(json_of).collect();
    let mut collected = json_of(&check_in(dir.path(), "json", &["."]))["findings"].clone();
    let key = |v: &Value| format!("{}{}{}", v["path"], v["span"]["start"], v["rule"]);
    streamed.sort_by_key(key);
    let collected = collected.as_array_mut().unwrap();
    collected.sort_by_key(key);
    assert_eq!(&streamed, collected);
    assert_eq!(streamed.len(), 10);

    cmd()
        .args(["check", "--no-config", "--format", "jsonl", STORY])
        .assert()
        .code(1);
}

// --- Vale's JSON -----------------------------------------------------------------------------

#[test]
fn vale_json_is_vale_s_shape_key_order_and_escaping() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a&b.txt"),
        "Headline\n\nThe the minister spoke  on Friday.\n",
    )
    .unwrap();
    fs::write(dir.path().join("clean.txt"), "Headline here\n").unwrap();
    let out = check_in(dir.path(), "vale-json", &["a&b.txt", "clean.txt"]);
    // Go's MarshalIndent: two spaces, one array element a line, `&` escaped.
    let head = "{\n  \"a\\u0026b.txt\": [\n    {\n      \"Action\": {\n        \"Name\": \"\",\n        \"Params\": null\n      },\n      \"Span\": [\n        1,\n        7\n      ],\n      \"Check\": \"wire.DoubledWord\",\n";
    assert!(out.starts_with(head), "{out}");
    let value = json_of(&out);
    let files: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(files, ["a&b.txt"], "files without alerts are left out");
    let alerts = value["a&b.txt"].as_array().unwrap();
    for alert in alerts {
        let keys: Vec<&String> = alert.as_object().unwrap().keys().collect();
        let vale = [
            "Action",
            "Span",
            "Check",
            "Description",
            "Link",
            "Message",
            "Severity",
            "Match",
            "Line",
        ];
        assert_eq!(keys, vale);
    }
    let double = alerts
        .iter()
        .find(|a| a["Check"] == "wire.DoubleSpace")
        .unwrap();
    assert_eq!(
        double["Span"],
        serde_json::json!([23, 24]),
        "1-based, last column inclusive"
    );
    assert_eq!(double["Match"], "  ");
    assert_eq!(double["Line"], 3);
    assert_eq!(double["Action"]["Name"], "replace");
    assert_eq!(double["Severity"], "warning");

    assert_eq!(check_in(dir.path(), "vale-json", &["clean.txt"]), "{}\n");
}
