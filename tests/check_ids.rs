//! One id per check: a rule with named checks (`wire.Dates.Weekday`, `wire.Dateline.Outlet`)
//! reports each under its own id, and everything that keys on a rule id takes the check's id or
//! its parent's: `severity:` overrides, suppression comments (both forms), baselines, SARIF's
//! `rules[]`, `wirecheck rules` and `rules explain`; a message reworded in the rule's YAML is the
//! message reported.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// Two faults of `wire.Dates` (a wrong weekday, a day that does not exist) and one of
/// `wire.Dateline` (an outlet for a place).
const STORY: &str = "Talks End\n\nSadaNews - The talks ended on Thursday, Jan. 16, 2026.\n\nThey resume on Feb. 30.\n";

fn wirecheck(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// The rule ids of `wirecheck check --format line` on `story` in `dir`, with its config.
fn ids_found(dir: &Path, story: &str, extra: &[&str]) -> Vec<String> {
    fs::write(dir.join("story.txt"), story).unwrap();
    let output = wirecheck(dir)
        .args(["check", "--format", "line"])
        .args(extra)
        .arg("story.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.code() != Some(2), "{stderr}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split(':').nth(3).unwrap_or_default().to_owned())
        .collect()
}

fn with_config(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("wirecheck.yaml"), config).unwrap();
    dir
}

#[test]
fn each_check_reports_under_its_own_id() {
    let dir = with_config("");
    assert_eq!(
        ids_found(dir.path(), STORY, &[]),
        [
            "wire.Dateline.Outlet",
            "wire.Dates.Weekday",
            "wire.Dates.NoSuchDay"
        ]
    );
}

#[test]
fn severity_turns_off_one_check_and_leaves_its_siblings() {
    let dir = with_config("severity:\n  wire.Dates.Weekday: off\n");
    assert_eq!(
        ids_found(dir.path(), STORY, &[]),
        ["wire.Dateline.Outlet", "wire.Dates.NoSuchDay"]
    );
    let dir = with_config("severity:\n  wire.Dates: off\n");
    assert_eq!(ids_found(dir.path(), STORY, &[]), ["wire.Dateline.Outlet"]);
}

#[test]
fn the_more_specific_severity_wins_whatever_the_order() {
    let dir = with_config(
        "severity:\n  wire.Dates.NoSuchDay: suggestion\n  wire: error\n  wire.Dates.Weekday: off\n",
    );
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "--format", "json", "story.txt"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("wire.Dateline.Outlet", "error"),
        ("wire.Dates.NoSuchDay", "suggestion"),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(found, expected);
    // Off for the rule, on again for one check.
    let dir = with_config("severity:\n  wire.Dates: off\n  wire.Dates.NoSuchDay: warning\n");
    assert_eq!(
        ids_found(dir.path(), STORY, &[]),
        ["wire.Dateline.Outlet", "wire.Dates.NoSuchDay"]
    );
}

#[test]
fn a_misspelt_check_id_in_severity_is_an_error_with_a_suggestion() {
    let dir = with_config("severity:\n  wire.Dates.Weekdy: off\n");
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "wirecheck.yaml:2:3: severity: unknown rule 'wire.Dates.Weekdy' (did you mean 'wire.Dates.Weekday'?"
        ),
        "{stderr}"
    );
}

#[test]
fn suppressions_name_a_check_or_its_rule_in_both_forms() {
    let dir = with_config("");
    let paragraph = "SadaNews - The talks ended on Thursday, Jan. 16, 2026, and resume on Feb. 30.";
    let story = |comment: &str| format!("Talks End\n\n{comment}\n{paragraph}\n");
    let cases = [
        (
            "<!-- wirecheck-disable-next-line wire.Dates.Weekday -->",
            vec!["wire.Dateline.Outlet", "wire.Dates.NoSuchDay"],
        ),
        (
            "<!-- wirecheck-disable-next-line wire.Dates -->",
            vec!["wire.Dateline.Outlet"],
        ),
        (
            "<!-- vale wire.Dates.NoSuchDay = NO -->",
            vec!["wire.Dateline.Outlet", "wire.Dates.Weekday"],
        ),
        (
            "<!-- vale wire.Dateline = NO -->",
            vec!["wire.Dates.Weekday", "wire.Dates.NoSuchDay"],
        ),
    ];
    for (comment, expected) in cases {
        assert_eq!(
            ids_found(dir.path(), &story(comment), &[]),
            expected,
            "{comment}"
        );
    }
}

#[test]
fn a_baseline_records_check_ids_and_hides_only_those() {
    let dir = with_config("");
    let path = dir.path();
    fs::write(path.join("story.txt"), STORY).unwrap();
    wirecheck(path)
        .args(["check", "--write-baseline", "baseline.json", "story.txt"])
        .assert()
        .code(0);
    let baseline: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path.join("baseline.json")).unwrap()).unwrap();
    let mut recorded: Vec<&str> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap())
        .collect();
    recorded.sort_unstable();
    assert_eq!(
        recorded,
        [
            "wire.Dateline.Outlet",
            "wire.Dates.NoSuchDay",
            "wire.Dates.Weekday"
        ]
    );
    // The same text at another place is still hidden; a new fault of a sibling check is not.
    let edited = STORY.replace("Feb. 30.", "Feb. 30, or on Nov. 31.");
    assert_eq!(
        ids_found(path, &edited, &["--baseline", "baseline.json"]),
        ["wire.Dates.NoSuchDay"]
    );
}

#[test]
fn sarif_lists_each_check_with_its_own_description() {
    let dir = with_config("");
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "--format", "sarif", "story.txt"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in [
        "wire.Dateline.Outlet",
        "wire.Dateline.PlaceSpelling",
        "wire.Dateline.FutureDate",
        "wire.Dates.Weekday",
        "wire.Dates.NoSuchDay",
        "wire.Dates.NotLeapYear",
        "wire.ReferenceNumbers.Changed",
        "wire.ReferenceNumbers.Missing",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    assert!(
        !ids.contains(&"wire.Dates") && !ids.contains(&"wire.Dateline"),
        "{ids:?}"
    );
    let described = |id: &str| {
        rules.iter().find(|r| r["id"] == id).unwrap()["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(described("wire.Dates.NoSuchDay").contains("Feb. 30"));
    assert_ne!(
        described("wire.Dates.NoSuchDay"),
        described("wire.Dates.Weekday")
    );
    // Every result points at its own id's entry.
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn a_message_reworded_in_yaml_is_reported_and_a_check_can_be_turned_off_there() {
    let dir = with_config("rules: [house]\n");
    let wire = dir.path().join("house/wire");
    fs::create_dir_all(&wire).unwrap();
    // The newsroom's copy of wire.Dates: Weekday reworded, NoSuchDay off, NotLeapYear left out.
    fs::write(
        wire.join("Dates.yml"),
        "extends: dates\nlevel: error\nstyle: any\nchecks:\n  Weekday:\n    message: \"%s? %s fell on a %s.\"\n  NoSuchDay:\n    message: \"%s %s\"\n    level: off\n",
    )
    .unwrap();
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "--format", "line", "story.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(":wire.Dates.Weekday:Thursday? January 16, 2026 fell on a Friday.\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("wire.Dates.NoSuchDay"), "{stdout}");
    // The configuration turns it back on by its own id.
    fs::write(
        dir.path().join("wirecheck.yaml"),
        "rules: [house]\nseverity:\n  wire.Dates.NoSuchDay: warning\n",
    )
    .unwrap();
    assert_eq!(
        ids_found(dir.path(), STORY, &[]),
        [
            "wire.Dateline.Outlet",
            "wire.Dates.Weekday",
            "wire.Dates.NoSuchDay"
        ]
    );
}

#[test]
fn a_rule_file_with_a_bad_check_is_an_error_naming_file_line_and_column() {
    let dir = with_config("rules: [house]\n");
    let wire = dir.path().join("house/wire");
    fs::create_dir_all(&wire).unwrap();
    fs::write(
        wire.join("Dates.yml"),
        "extends: dates\nchecks:\n  Weekdays:\n    message: \"%s\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("house/wire/Dates.yml:3:3: rule wire.Dates: unknown check 'Weekdays' (did you mean 'Weekday'?"),
        "{stderr}"
    );
    // The old list form says what to write instead.
    fs::write(
        wire.join("Dates.yml"),
        "extends: dates\nmessage: \"%s\"\nchecks: [weekday]\n",
    )
    .unwrap();
    let out = wirecheck(dir.path())
        .args(["check", "story.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("house/wire/Dates.yml"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
}

#[test]
fn rules_lists_and_explains_each_check() {
    let dir = with_config("severity:\n  wire.Dateline.Outlet: off\n");
    let out = wirecheck(dir.path()).args(["rules"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let row = |id: &str| {
        stdout
            .lines()
            .find(|line| line.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("{id} not listed:\n{stdout}"))
            .to_owned()
    };
    assert!(row("wire.Dateline.Outlet").contains(" off "), "{stdout}");
    assert!(
        row("wire.Dateline.PlaceSpelling").contains(" warning "),
        "{stdout}"
    );
    let out = wirecheck(dir.path())
        .args(["rules", "explain", "wire.Dateline.PlaceSpelling"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("wire.Dateline.PlaceSpelling  (dateline, warning)\n")
            && stdout
                .contains("\nmessage: '%s' is not a place in the gazetteer: did you mean '%s'?\n")
            && stdout.contains("flagged:\n  Markets Rise\n\nTOKIO (AP)"),
        "{stdout}"
    );
    let out = wirecheck(dir.path())
        .args(["rules", "explain", "wire.Dateline.Outlet"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("`severity:` in the configuration sets wire.Dateline.Outlet to off"),
        "{stdout}"
    );
    // The parent lists its checks.
    let out = wirecheck(dir.path())
        .args(["rules", "explain", "wire.Dateline"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("  wire.Dateline.Outlet ")
            && stdout.contains("  wire.Dateline.FutureDate "),
        "{stdout}"
    );
}
