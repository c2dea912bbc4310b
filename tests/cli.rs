//! The `wirecheck` binary as users run it: output formats, exit codes, and every error path of bad
//! input, bad rules and bad config.
//!
//! Most cases are data: `tests/cmd/<case>.toml` gives the arguments (and standard input), the exit
//! code, and the files the command reads in `<case>.in/` (its working directory; otherwise the
//! project root); `<case>.stdout` and `<case>.stderr` are what it must print, exactly (`...` on a
//! line of its own stands for any lines, `[..]` for any text within one). `<case>.trycmd` runs
//! several commands in turn, in a scratch copy of `<case>.in/`, and `<case>.out/` holds the files
//! they must leave. After a deliberate change, `TRYCMD=overwrite cargo test --test cli` rewrites
//! the expected output (review the diff); `cargo test --test cli -- cli_cases trycmd=<name>` runs
//! the cases whose file names contain `<name>`.
//!
//! The Rust tests below are the cases that need files made at run time or a check over many runs.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("wirecheck", Path::new(env!("CARGO_BIN_EXE_wirecheck")))
        .env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", TODAY)
        // No packs synced on this machine: the cases see the shipped packs alone.
        .env("WIRECHECK_CACHE_DIR", NO_CACHE)
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.trycmd");
}

/// The day the cases take for today, so that their output does not change with the day the tests
/// run: an undated story is published on it.
const TODAY: &str = "2026-12-01";

/// A cache folder that does not exist: no synced packs.
const NO_CACHE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/no-cache-in-tests");

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", TODAY)
        .env("WIRECHECK_CACHE_DIR", NO_CACHE);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("UTF-8 output")
}

const FAULTY: &str = "Headline\n\nThe the minister spoke.\n";

/// A `.gitignore` cannot be a committed input (it would hide its own neighbours from git), so the
/// folder is made here.
#[test]
fn folders_are_walked_respecting_gitignore_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join(".gitignore"), "ignored.txt\n").unwrap();
    for name in ["a.txt", "ignored.txt", "drafts/b.md", "notes.csv"] {
        fs::write(dir.path().join(name), FAULTY).unwrap();
    }
    let line_check = || {
        let mut cmd = cmd();
        cmd.args(["check", "--no-config", "--format", "line"]);
        cmd
    };
    let out = stdout_of(line_check().arg(dir.path()));
    let mut files: Vec<&str> = out
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default())
        .collect();
    files.sort();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("drafts/b.md");
    assert_eq!(
        files,
        [a.to_str().unwrap(), b.to_str().unwrap()],
        "not ignored.txt, not notes.csv:\n{out}"
    );
    let out = stdout_of(
        line_check()
            .args(["--exclude", "drafts/**"])
            .arg(dir.path()),
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("a.txt"), "{out}");
    let out = stdout_of(line_check().args(["--glob", "*.md"]).arg(dir.path()));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("b.md"), "{out}");
}

/// The baseline is written by one run and read by the next, after the story is edited.
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

/// Three shards of a folder of 30 stories: each the same on a second run, together every story
/// exactly once (tests/cmd/shard-out-of-range.toml has the bad shard).
#[test]
fn shards_split_a_folder_stably_and_completely() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        fs::write(dir.path().join(format!("{i:02}.txt")), FAULTY).unwrap();
    }
    let shard = |which: &str| {
        stdout_of(
            cmd()
                .args(["check", "--no-config", "--format", "line", "--shard", which])
                .arg(dir.path()),
        )
    };
    let mut seen = Vec::new();
    for which in ["1/3", "2/3", "3/3"] {
        let out = shard(which);
        assert_eq!(out, shard(which), "a shard is stable");
        seen.extend(out.lines().map(str::to_owned));
    }
    let total = seen.len();
    seen.sort();
    seen.dedup();
    assert_eq!(
        (seen.len(), total),
        (30, 30),
        "the shards cover every file exactly once"
    );
}

/// Runs `check --verbose` on an undated story with `time_zone: <zone>` in the configuration and
/// the clock not replaced; the day the note says it takes for today.
fn today_in(zone: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("wirecheck.yaml"),
        format!("time_zone: {zone}\n"),
    )
    .unwrap();
    fs::write(
        dir.path().join("s.txt"),
        "Talks Resume\n\nTOKYO (AP) — Talks resumed.\n",
    )
    .unwrap();
    let output = cmd()
        .current_dir(dir.path())
        .env_remove("WIRECHECK_TODAY")
        .args(["check", "--verbose", "s.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let note = stderr
        .lines()
        .find_map(|line| {
            line.strip_prefix("note: s.txt: no publication date given; taking today, ")
        })
        .unwrap_or_else(|| panic!("no note of today in:\n{stderr}"));
    let (day, rest) = note.split_once(' ').unwrap();
    assert_eq!(rest, format!("({zone}), as the publication date"));
    day.to_owned()
}

#[test]
fn undated_copy_is_published_today_in_the_configured_time_zone() {
    // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: never on the same day.
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        let before = jiff::Timestamp::now()
            .in_tz(zone)
            .unwrap()
            .date()
            .to_string();
        let taken = today_in(zone);
        let after = jiff::Timestamp::now()
            .in_tz(zone)
            .unwrap()
            .date()
            .to_string();
        assert!(taken == before || taken == after, "{zone}: {taken}");
    }
    assert_ne!(
        today_in("Pacific/Kiritimati"),
        today_in("Pacific/Pago_Pago")
    );
}

#[test]
fn an_invalid_wirecheck_today_is_an_error() {
    for bad in ["2026-02-30", "01/12/2026", "today", "2026-12-01T09:00"] {
        let output = cmd()
            .env("WIRECHECK_TODAY", bad)
            .args(["check", "--no-config", "-"])
            .write_stdin("Talks Resume\n\nTOKYO (AP) — Talks resumed.\n")
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: invalid WIRECHECK_TODAY '{bad}': "))
                && stderr.trim_end().ends_with("(expected YYYY-MM-DD)")
                && stderr.lines().count() == 1,
            "{bad}: {stderr}"
        );
    }
}

#[test]
fn output_file_gets_the_whole_report_and_standard_output_nothing() {
    let work = tempfile::tempdir().unwrap();
    let story = "fixtures/stories/doubled-words.txt";
    let expected = cmd()
        .args(["check", "--no-config", "--format", "json", story])
        .output()
        .unwrap();
    let report = work.path().join("report.json");
    let written = cmd()
        .args(["check", "--no-config", "--format", "json", "--output-file"])
        .arg(&report)
        .arg(story)
        .output()
        .unwrap();
    assert_eq!(written.status.code(), Some(1));
    assert!(written.stdout.is_empty());
    assert_eq!(std::fs::read(&report).unwrap(), expected.stdout);
    // A folder that does not exist: a one-line error, exit 2, and no file anywhere.
    let nowhere = work.path().join("missing").join("report.json");
    let failed = cmd()
        .args(["check", "--no-config", "--output-file"])
        .arg(&nowhere)
        .arg(story)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot write the report to ") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(!nowhere.exists());
    let names: Vec<_> = std::fs::read_dir(work.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "only the first report: {names:?}");
}
