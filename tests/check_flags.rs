//! `check`'s ruff- and Vale-style flags, run as users run them: `--min-level` in every kind of
//! output and in the exit code, `--unsafe-fixes`, `--fix` on standard input, `--quiet`.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

fn check() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", "2026-01-16")
        .env("WIRECHECK_CACHE_DIR", "/nonexistent/wirecheck-cache")
        .args(["check", "--no-config"]);
    cmd
}

/// A doubled word (an error) and a double space (a warning).
const ERROR_AND_WARNING: &str = "Talks\n\nTOKYO (AP) — The the minister spoke  on Friday.\n";
/// A double space (a warning) alone.
const WARNING_ONLY: &str = "Talks\n\nTOKYO (AP) — The minister spoke  on Friday.\n";

fn stdout_of(cmd: &mut Command) -> (String, i32) {
    let output = cmd.output().expect("runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8"),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn min_level_drops_findings_below_it_in_every_output_and_from_the_exit_code() {
    for format in [
        "human", "json", "jsonl", "line", "github", "rdjsonl", "junit",
    ] {
        let (out, code) = stdout_of(
            check()
                .args(["--min-level", "error", "--format", format, "-"])
                .write_stdin(ERROR_AND_WARNING),
        );
        assert!(out.contains("wire.DoubledWord"), "{format}: {out}");
        assert!(!out.contains("wire.DoubleSpace"), "{format}: {out}");
        assert_eq!(code, 1, "{format}");
        let (out, code) = stdout_of(
            check()
                .args(["--min-level", "error", "--format", format, "-"])
                .write_stdin(WARNING_ONLY),
        );
        assert!(!out.contains("wire.DoubleSpace"), "{format}: {out}");
        assert_eq!(code, 0, "{format}: a warning below the level does not fail");
    }
    // Without it, the warning is reported and fails the run.
    let (out, code) = stdout_of(
        check()
            .args(["--format", "line", "-"])
            .write_stdin(WARNING_ONLY),
    );
    assert!(out.contains("wire.DoubleSpace"), "{out}");
    assert_eq!(code, 1);
}

#[test]
fn min_level_applies_to_statistics_and_the_output_file() {
    let (out, code) = stdout_of(
        check()
            .args(["--min-level", "error", "--statistics", "-"])
            .write_stdin(ERROR_AND_WARNING),
    );
    assert!(
        out.contains("wire.DoubledWord") && !out.contains("wire.DoubleSpace"),
        "{out}"
    );
    assert_eq!(code, 1);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    check()
        .args(["--min-level=warning", "--format", "line", "--output-file"])
        .arg(&report)
        .arg("-")
        .write_stdin(ERROR_AND_WARNING)
        .assert()
        .code(1);
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.contains("wire.DoubleSpace") && written.contains("wire.DoubledWord"));
    check()
        .args([
            "--min-alert-level=error",
            "--format",
            "line",
            "--output-file",
        ])
        .arg(&report)
        .arg("-")
        .write_stdin(WARNING_ONLY)
        .assert()
        .code(0);
    assert_eq!(fs::read_to_string(&report).unwrap(), "");
}

#[test]
fn min_level_leaves_the_findings_below_it_unfixed() {
    check()
        .args(["--min-level", "error", "--fix", "--diff", "-"])
        .write_stdin(ERROR_AND_WARNING)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("+TOKYO (AP) — The minister spoke  on Friday.")
                .and(predicate::str::contains("-TOKYO (AP) — The the minister")),
        );
}

#[test]
fn min_level_rejects_an_unknown_level() {
    check()
        .args(["--min-level", "loud", "-"])
        .write_stdin(WARNING_ONLY)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--min-level"));
}

/// The shipped story's faults: two safe fixes, and a name the names pack fixes unsafely.
const FAULTY: &str = "Talks Resume\r\n\r\nTOKYO (AP) — The the talks resumed  on Friday, officials said.\r\n\r\nJapanese Prime Minister Sanae Takaiichi spoke.\r\n";
const SAFELY_FIXED: &str = "Talks Resume\r\n\r\nTOKYO (AP) — The talks resumed on Friday, officials said.\r\n\r\nJapanese Prime Minister Sanae Takaiichi spoke.\r\n";

fn story(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn unsafe_fixes_apply_the_name_fix_and_show_each_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = story(&dir, "story.txt", FAULTY);
    let output = check()
        .current_dir(dir.path())
        .args(["--fix", "--unsafe-fixes", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "fixed (unsafe): story.txt:5:31 names-japan.Names: 'Takaiichi' → 'Takaichi'\n\
         fixed: story.txt: 3 fixes\n"
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "No findings in 1 file.\n"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        SAFELY_FIXED.replace("Takaiichi", "Takaichi")
    );
}

#[test]
fn without_unsafe_fixes_the_name_is_left_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = story(&dir, "story.txt", FAULTY);
    check()
        .current_dir(dir.path())
        .args(["--fix", "story.txt"])
        .assert()
        .code(1)
        .stderr("fixed: story.txt: 2 fixes\n")
        .stdout(
            predicate::str::contains("names-japan.Names").and(predicate::str::ends_with(
                "Found 1 finding (1 error, 0 warnings, 0 suggestions) in 1 file.\n\
                 1 more fix available with --unsafe-fixes.\n",
            )),
        );
    assert_eq!(fs::read_to_string(&path).unwrap(), SAFELY_FIXED);
    // The diff leaves it out too, and says so on standard error.
    check()
        .current_dir(dir.path())
        .args(["--fix", "--diff", "story.txt"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("note: 1 more fix available with --unsafe-fixes.\n");
    check()
        .current_dir(dir.path())
        .args(["--fix", "--diff", "--unsafe-fixes", "story.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "+Japanese Prime Minister Sanae Takaichi spoke.",
        ))
        .stderr("");
}

#[test]
fn the_config_turns_unsafe_fixes_on_and_the_command_line_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = story(&dir, "story.txt", FAULTY);
    fs::write(dir.path().join("wirecheck.yaml"), "unsafe_fixes: true\n").unwrap();
    let mut cmd = Command::cargo_bin("wirecheck").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", "2026-01-16")
        .env("WIRECHECK_CACHE_DIR", "/nonexistent/wirecheck-cache")
        .current_dir(dir.path());
    cmd.args(["check", "--fix", "--no-unsafe-fixes", "story.txt"])
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&path).unwrap(), SAFELY_FIXED);
    let mut cmd = Command::cargo_bin("wirecheck").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", "2026-01-16")
        .env("WIRECHECK_CACHE_DIR", "/nonexistent/wirecheck-cache")
        .current_dir(dir.path());
    cmd.args(["check", "--fix", "story.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed (unsafe): story.txt:5:31"));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("Takaichi spoke")
    );
}
