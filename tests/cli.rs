//! The `wirecheck` binary as users run it: output formats (snapshots), exit codes, and every error
//! path of bad input, bad rules and bad config.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

const STORY: &str = "fixtures/stories/sadanews-tokyo-washington-defense.txt";

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("UTF-8 output")
}

#[test]
fn human_output_of_the_real_story() {
    let out = stdout_of(cmd().args(["check", "--no-config", STORY]));
    insta::assert_snapshot!("human", out);
}

#[test]
fn json_output_of_the_real_story() {
    let out = stdout_of(cmd().args(["check", "--no-config", "--format", "json", STORY]));
    let parsed: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(parsed["version"], 1);
    insta::assert_snapshot!("json", out);
}

#[test]
fn line_output_is_vale_format() {
    let out = stdout_of(cmd().args(["check", "--no-config", "--format", "line", STORY]));
    insta::assert_snapshot!("line", out);
    for line in out.lines() {
        let fields: Vec<&str> = line.splitn(5, ':').collect();
        assert_eq!(fields.len(), 5, "{line}");
        assert_eq!(fields[0], STORY);
        assert!(
            fields[1].parse::<usize>().is_ok() && fields[2].parse::<usize>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn the_real_story_gives_the_four_faults_the_issue_names() {
    let out = stdout_of(cmd().args(["check", "--no-config", "--format", "line", STORY]));
    assert!(out.contains(":2:1:wire.SectionLabel:"), "{out}");
    assert!(out.contains(":4:1:wire.RepeatedHeadline:"), "{out}");
    assert!(
        out.contains("names-japan.Titles:") && out.contains("Shinjiro Koizumi"),
        "{out}"
    );
    assert!(out.contains("names-japan.Names:'Takaiichi'"), "{out}");
}

#[test]
fn exit_codes_follow_the_fail_level() {
    cmd().args(["check", "--no-config", STORY]).assert().code(1);
    cmd()
        .args(["check", "--no-config", "--fail-level", "none", STORY])
        .assert()
        .code(0);
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.txt");
    fs::write(
        &clean,
        "Markets Rise\n\nTOKYO (AP) — Shares rose on Friday.\n",
    )
    .unwrap();
    cmd()
        .args(["check", "--no-config"])
        .arg(&clean)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No findings"));
    // A warning fails at the default level, not at --fail-level error.
    let warning = dir.path().join("warn.txt");
    fs::write(
        &warning,
        "Markets Rise\n\nTOKYO (AP) — Shares  rose on Friday.\n",
    )
    .unwrap();
    cmd()
        .args(["check", "--no-config"])
        .arg(&warning)
        .assert()
        .code(1);
    cmd()
        .args(["check", "--no-config", "--fail-level", "error"])
        .arg(&warning)
        .assert()
        .code(0);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    cmd()
        .args(["check", "--no-config", "--format", "line", "-"])
        .write_stdin("Headline\n\nThe the minister spoke.\n")
        .assert()
        .code(1)
        .stdout("<stdin>:3:1:wire.DoubledWord:'The' is repeated.\n");
}

#[test]
fn folders_are_walked_respecting_gitignore_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").unwrap();
    let faulty = "Headline\n\nThe the minister spoke.\n";
    for name in ["a.txt", "ignored.txt", "drafts/b.md", "notes.csv"] {
        fs::write(dir.path().join(name), faulty).unwrap();
    }
    let out = stdout_of(
        cmd()
            .args(["check", "--no-config", "--format", "line"])
            .arg(dir.path()),
    );
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("a.txt")
            && out.contains("b.md")
            && !out.contains("ignored")
            && !out.contains("csv")
    );
    let out = stdout_of(
        cmd()
            .args([
                "check",
                "--no-config",
                "--format",
                "line",
                "--exclude",
                "drafts/**",
            ])
            .arg(dir.path()),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    let out = stdout_of(
        cmd()
            .args(["check", "--no-config", "--format", "line", "--glob", "*.md"])
            .arg(dir.path()),
    );
    assert!(out.contains("b.md") && !out.contains("a.txt"), "{out}");
}

#[test]
fn input_errors_name_the_file_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .args(["check", "--no-config", "no/such/story.txt"])
        .assert()
        .code(2)
        // The human report lists the files it could not check with its findings.
        .stdout(predicate::str::contains(
            "error: no/such/story.txt: No such file",
        ));
    let bad = dir.path().join("latin1.txt");
    fs::write(&bad, b"Headline\n\nCaf\xe9 society.\n").unwrap();
    cmd()
        .args(["check", "--no-config", "--format", "line"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("latin1.txt:3:4: invalid UTF-8"));
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    cmd()
        .args(["check", "--no-config", "--format", "line"])
        .arg(&binary)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("image.txt: binary file"));
}

fn rule_error(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("house");
    fs::create_dir_all(&pack).unwrap();
    fs::write(pack.join("Broken.yml"), yaml).unwrap();
    let output = cmd()
        .args(["check", "--no-config", "--rules"])
        .arg(&pack)
        .arg(STORY)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "a bad rule exits 2");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one-line error: {stderr}");
    assert!(stderr.contains("Broken.yml"), "names the file: {stderr}");
    stderr
}

#[test]
fn malformed_rule_files_are_one_line_errors() {
    let err = rule_error("extends: existence\nmessage: x\ntokens:\n  bad: map\n");
    assert!(
        err.contains("Broken.yml:4:3") && err.contains("tokens"),
        "{err}"
    );
    let err = rule_error("extends: existence\n  message: [unclosed\n");
    assert!(err.contains("Broken.yml:"), "{err}");
    let err = rule_error("extends: grammar\nmessage: x\n");
    assert!(
        err.contains("unknown rule kind 'extends: grammar'")
            && err.contains("existence, substitution"),
        "{err}"
    );
    let err = rule_error("extends: existence\nmessage: x\ntokens: ['(unclosed']\n");
    assert!(err.contains("rule house.Broken: invalid regex"), "{err}");
    let err = rule_error("extends: existence\nmessage: x\nscope: footer\ntokens: [a]\n");
    assert!(err.contains("unknown scope 'footer'"), "{err}");
    let err = rule_error("extends: existence\nlevel: fatal\ntokens: [a]\n");
    assert!(err.contains("level"), "{err}");
}

#[test]
fn user_rules_load_from_a_file_and_vale_kinds_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("House");
    fs::create_dir_all(&pack).unwrap();
    fs::write(
        pack.join("Agree.yml"),
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nignorecase: true\nswap:\n  agreed: concurred\n",
    )
    .unwrap();
    fs::write(pack.join("Spelling.yml"), "extends: spelling\nmessage: x\n").unwrap();
    cmd()
        .args(["check", "--no-config", "--format", "line", "--rules"])
        .arg(&pack)
        .arg(STORY)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "House.Agree:Use 'concurred' instead of 'agreed'.",
        ))
        .stderr(predicate::str::contains(
            "Spelling.yml: rule kind not supported",
        ));
}

#[test]
fn config_is_discovered_from_the_working_directory_up() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("desk/today");
    fs::create_dir_all(&nested).unwrap();
    fs::write(
        dir.path().join("wirecheck.yaml"),
        "severity:\n  wire.DoubledWord: off\n  wire.DoubleSpace: error\nnames:\n  - name: Marisol Quintanilla\n    note: our correspondent\n",
    )
    .unwrap();
    fs::write(
        nested.join("s.txt"),
        "Headline\n\nThe the reporter  Marisol Quintanila filed.\n",
    )
    .unwrap();
    let mut run = Command::cargo_bin("wirecheck").unwrap();
    let out = run
        .current_dir(&nested)
        .args(["check", "--format", "line", "s.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("DoubledWord"), "{stdout}");
    assert!(stdout.contains("wire.DoubleSpace"), "{stdout}");
    assert!(
        stdout.contains("config.Names:'Quintanila' is close to the known name 'Quintanilla'"),
        "{stdout}"
    );
    let mut run = Command::cargo_bin("wirecheck").unwrap();
    run.current_dir(&nested)
        .args(["check", "--no-config", "--format", "line", "s.txt"]);
    assert!(
        String::from_utf8(run.output().unwrap().stdout)
            .unwrap()
            .contains("DoubledWord")
    );
}

#[test]
fn config_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("wirecheck.yaml");
    fs::write(&config, "severity:\n  wire.NoSuchRule: off\n").unwrap();
    cmd()
        .args(["check", "--config"])
        .arg(&config)
        .arg(STORY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "wirecheck.yaml:2:3: severity: unknown rule 'wire.NoSuchRule'",
        ));
    fs::write(&config, "packs: [wire, klingon]\n").unwrap();
    cmd()
        .args(["check", "--config"])
        .arg(&config)
        .arg(STORY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown pack 'klingon'"));
    fs::write(&config, "severty: {}\n").unwrap();
    cmd()
        .args(["check", "--config"])
        .arg(&config)
        .arg(STORY)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("wirecheck.yaml:1:1").and(predicate::str::contains("severty")),
        );
}

#[test]
fn rules_are_listed_and_explained() {
    let out = stdout_of(cmd().args(["rules", "--no-config"]));
    for id in [
        "wire.RepeatedHeadline",
        "wire.DoubledWord",
        "names-japan.Names",
        "names-japan.Titles",
    ] {
        assert!(out.contains(id), "{id} missing from:\n{out}");
    }
    let out = stdout_of(cmd().args(["rules", "explain", "wire.DoubledWord", "--no-config"]));
    assert!(
        out.contains("source: builtin:rules/wire/DoubledWord.yml") && out.contains("flagged:"),
        "{out}"
    );
    cmd()
        .args(["rules", "explain", "wire.Nope", "--no-config"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule 'wire.Nope'"));
}

#[test]
fn usage_errors_exit_2() {
    cmd().args(["check", "--format", "xml"]).assert().code(2);
    cmd().arg("frobnicate").assert().code(2);
}

#[test]
fn the_real_story_gives_its_dateline_finding_with_a_publication_date() {
    let output = cmd()
        .args([
            "check",
            "--no-config",
            "--format",
            "line",
            "--verbose",
            "--date",
            "2026-01-16",
            STORY,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains(":6:1:wire.Dateline.Outlet:The dateline names 'SadaNews', an outlet"),
        "{stdout}"
    );
    assert!(
        stderr.contains("publication date 2026-01-16 from the command line"),
        "{stderr}"
    );
    // "on Friday" and "in November" are right for a story of Friday, Jan. 16, 2026.
    let output = cmd()
        .args([
            "check",
            "--no-config",
            "--format",
            "line",
            "--enable",
            "dates-ap",
            "--date",
            "2026-01-16T09:30+09:00",
            STORY,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains("dates-ap.Dates"), "{stdout}");
}

#[test]
fn verbose_says_which_checks_lack_a_publication_date() {
    cmd()
        .args([
            "check",
            "--no-config",
            "--verbose",
            "--enable",
            "dates-ap",
            "-",
        ])
        .write_stdin("Talks\n\nTOKYO (AP) — Talks began Jan. 14.\n")
        .assert()
        .stderr(
            predicate::str::contains("<stdin>: no publication date")
                .and(predicate::str::contains(
                    "dates-ap.Dates.AmbiguousYear (unclear years); dates-ap.Dates.RecentDate (dates within the week); dates-ap.Dates.CurrentMonth (the current month)",
                )),
        );
    cmd()
        .args(["check", "--no-config", "--enable", "dates-ap", "-"])
        .write_stdin("Talks\n\nTOKYO (AP) — Talks began Jan. 14.\n")
        .assert()
        .stderr("");
    cmd()
        .args(["check", "--no-config", "--date", "16/01/2026", STORY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid date '16/01/2026'"));
}

#[test]
fn style_packs_are_off_unless_chosen() {
    let story = "Shares Rise\n\nTOKYO (Reuters) - Shares rose on Friday.\n";
    let out = stdout_of(
        cmd()
            .args(["check", "--no-config", "--format", "line", "-"])
            .write_stdin(story),
    );
    assert!(!out.contains("dateline-"), "{out}");
    let out = stdout_of(
        cmd()
            .args([
                "check",
                "--no-config",
                "--format",
                "line",
                "--enable",
                "dateline-reuters",
                "--date",
                "2026-01-16",
                "-",
            ])
            .write_stdin(story),
    );
    assert!(
        out.contains("dateline-reuters.Dateline.MissingDate:Reuters datelines carry the date"),
        "{out}"
    );
    // Listed, but as off (tests/rules_command.rs checks the table itself).
    let out = stdout_of(cmd().args(["rules", "--no-config"]));
    let row = out
        .lines()
        .find(|line| line.contains("dateline-ap.Dateline.Missing"))
        .unwrap_or_default();
    assert!(row.contains(" off "), "{out}");
}

#[test]
fn config_sets_the_date_the_dateline_style_and_places() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("wirecheck.yaml"),
        "date: 2026-01-16\ndateline_style: ap\nplaces:\n  - name: Kesennuma\n    country: Japan\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("s.txt"),
        "Port Reopens\n\nKESENNUMA, Jan. 17 (AP) — The port reopened on Friday.\n",
    )
    .unwrap();
    let mut run = Command::cargo_bin("wirecheck").unwrap();
    let out = run
        .current_dir(dir.path())
        .args(["check", "--format", "line", "--verbose", "s.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The dateline's own date comes before the config's date.
    assert!(
        stderr.contains("publication date 2026-01-17 from the dateline"),
        "{stderr}"
    );
    assert!(
        stdout.contains("dateline-ap.Dateline.ExtraDate:AP datelines carry no date"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "'KESENNUMA' is not one of AP's stand-alone dateline cities: write 'KESENNUMA, Japan'"
        ),
        "{stdout}"
    );
    fs::write(
        dir.path().join("wirecheck.yaml"),
        "dateline_style: chicago\n",
    )
    .unwrap();
    let mut run = Command::cargo_bin("wirecheck").unwrap();
    run.current_dir(dir.path())
        .args(["check", "s.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown style 'chicago'"));
}

#[test]
fn reference_checks_compare_numbers_names_and_paragraphs() {
    let args = [
        "check",
        "--no-config",
        "--format",
        "json",
        "--reference",
        "fixtures/reference/reference.txt",
        "fixtures/reference/translation.txt",
    ];
    let out = stdout_of(cmd().args(args));
    insta::assert_snapshot!("reference_json", out);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "wire.ReferenceNumbers.Changed",
            "wire.ReferenceNumbers.Missing",
            "wire.ReferenceNames",
            "wire.DroppedParagraph",
            "wire.AddedParagraph"
        ]
    );
    let changed = &json["findings"][0];
    assert_eq!(
        (
            changed["match"].as_str(),
            changed["reference"]["text"].as_str()
        ),
        (Some("3.5%"), Some("3.4%"))
    );
    // A story checked against itself differs in nothing.
    cmd()
        .args([
            "check",
            "--no-config",
            "--reference",
            "fixtures/reference/reference.txt",
        ])
        .arg("fixtures/reference/reference.txt")
        .assert()
        .code(0);
    cmd()
        .args([
            "check",
            "--no-config",
            "--reference",
            "no/such/ref.txt",
            STORY,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/ref.txt"));
}

#[test]
fn reference_notes_quote_whole_words_and_point_where_text_is_missing() {
    let out = stdout_of(cmd().args([
        "check",
        "--no-config",
        "--reference",
        "fixtures/reference/reference.txt",
        "fixtures/reference/translation.txt",
    ]));
    // The reference paragraph is quoted up to a word boundary, with an ellipsis.
    assert!(
        out.contains(
            "= note: reference: fixtures/reference/reference.txt:7:1: 'The ministry also plans to station about 1,500 troops on Yonaguni, the…'\n"
        ),
        "{out}"
    );
    // "340 billion yen" is missing between "and" and "drones": one caret there, not the sentence.
    let missing = out
        .split("\n\n")
        .find(|finding| finding.contains("Missing here"))
        .expect("a missing-number finding");
    let caret_line = missing
        .lines()
        .find(|line| line.trim_start().starts_with('|') && line.contains('^'))
        .expect("an underline");
    let column = caret_line.find('^').unwrap() - caret_line.find('|').unwrap() - 1;
    assert_eq!(caret_line.matches('^').count(), 1, "{missing}");
    let source_line = missing.lines().find(|l| l.starts_with("5 |")).unwrap();
    assert!(
        source_line["5 |".len()..][column..].starts_with("drones"),
        "{missing}"
    );
}

#[test]
fn diff_check_reports_findings_introduced_and_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    fs::write(
        &old,
        "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n",
    )
    .unwrap();
    fs::write(
        &new,
        "Talks Resume\n\nTOKYO (AP) — The talks resumed on Friday  in Tokyo.\n",
    )
    .unwrap();
    let output = cmd()
        .args(["diff", "--check", "--no-config", "--format", "word"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Findings introduced (1):") && text.contains("wire.DoubleSpace"),
        "{text}"
    );
    assert!(
        text.contains("Findings resolved (1):") && text.contains("wire.DoubledWord"),
        "{text}"
    );
    let output = cmd()
        .args(["diff", "--check", "--no-config", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["check"]["introduced"][0]["rule"], "wire.DoubleSpace");
    assert_eq!(json["check"]["resolved"][0]["rule"], "wire.DoubledWord");
    assert_eq!(json["check"]["resolved"][0]["match"], "The the");
}

#[test]
fn suppression_comments_turn_rules_off_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("s.md");
    fs::write(
        &story,
        "# Talks Resume\n\n<!-- wirecheck-disable-next-line wire.DoubledWord -->\nTOKYO (AP) — The the talks resumed on Friday.\n\n<!-- vale wire = NO -->\nThey they met again.\n<!-- vale wire = YES -->\n\nWe we left.\n\n<!-- wirecheck-disable names-japan -->\nNothing here.\n",
    )
    .unwrap();
    let out = stdout_of(
        cmd()
            .args(["check", "--no-config", "--format", "line"])
            .arg(&story),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].contains(":10:1:wire.DoubledWord:'We' is repeated."),
        "{out}"
    );
    let out = stdout_of(
        cmd()
            .args([
                "check",
                "--no-config",
                "--format",
                "line",
                "--report-unused-suppressions",
            ])
            .arg(&story),
    );
    assert!(out.contains(":12:1:wirecheck.UnusedSuppression:"), "{out}");
}

#[test]
fn a_baseline_hides_recorded_findings_even_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("s.txt");
    let baseline = dir.path().join("baseline.json");
    fs::write(
        &story,
        "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n",
    )
    .unwrap();
    cmd()
        .args(["check", "--no-config", "--write-baseline"])
        .arg(&baseline)
        .arg(&story)
        .assert()
        .code(0);
    let recorded: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(recorded["findings"][0]["rule"], "wire.DoubledWord");
    // Lines added above move the finding; a new fault is still reported.
    fs::write(&story, "Talks Resume\n\nA new first paragraph came in later.\n\nTOKYO (AP) — The the talks resumed on Friday. It it rained.\n").unwrap();
    let out = stdout_of(
        cmd()
            .args(["check", "--no-config", "--format", "line", "--baseline"])
            .arg(&baseline)
            .arg(&story),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("'It' is repeated"), "{out}");
}

#[test]
fn stdin_filename_names_the_buffer_and_shards_split_a_folder() {
    cmd()
        .args([
            "check",
            "--no-config",
            "--format",
            "line",
            "--stdin-filename",
            "desk/story.md",
            "-",
        ])
        .write_stdin("# Headline\n\nThe the minister spoke.\n")
        .assert()
        .code(1)
        .stdout("desk/story.md:3:1:wire.DoubledWord:'The' is repeated.\n");
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        fs::write(
            dir.path().join(format!("{i:02}.txt")),
            "Headline\n\nThe the minister spoke.\n",
        )
        .unwrap();
    }
    let mut seen = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let out = stdout_of(
            cmd()
                .args(["check", "--no-config", "--format", "line", "--shard", shard])
                .arg(dir.path()),
        );
        let again = stdout_of(
            cmd()
                .args(["check", "--no-config", "--format", "line", "--shard", shard])
                .arg(dir.path()),
        );
        assert_eq!(out, again, "a shard is stable");
        seen.extend(out.lines().map(str::to_owned));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 30, "the shards cover every file exactly once");
    cmd()
        .args(["check", "--no-config", "--shard", "4/3", "."])
        .assert()
        .code(2);
}

#[test]
fn init_completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut init = Command::cargo_bin("wirecheck").unwrap();
    init.current_dir(dir.path()).arg("init").assert().code(0);
    assert!(
        fs::read_to_string(dir.path().join("wirecheck.yaml"))
            .unwrap()
            .contains("# severity:")
    );
    let mut again = Command::cargo_bin("wirecheck").unwrap();
    again
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    // The starter config is valid: checking with it works.
    let mut check = Command::cargo_bin("wirecheck").unwrap();
    check
        .current_dir(dir.path())
        .args(["check", "--fail-level", "none", "."])
        .assert()
        .code(0);
    for shell in ["bash", "zsh", "fish"] {
        cmd()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("wirecheck"));
    }
    cmd()
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(".TH wirecheck"));
}
