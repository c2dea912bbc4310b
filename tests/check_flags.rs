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

fn fix_stdin(input: &[u8], extra: &[&str]) -> (Vec<u8>, String, i32) {
    let output = check()
        .args(["--fix", "-"])
        .args(extra)
        .write_stdin(input.to_vec())
        .output()
        .unwrap();
    (
        output.stdout,
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn fix_on_stdin_writes_the_fixed_story_byte_for_byte_and_the_report_to_stderr() {
    let input = [b"\xEF\xBB\xBF".as_slice(), FAULTY.as_bytes()].concat();
    let (out, err, code) = fix_stdin(&input, &["--stdin-filename", "story.txt"]);
    let expected = [b"\xEF\xBB\xBF".as_slice(), SAFELY_FIXED.as_bytes()].concat();
    assert_eq!(out, expected, "BOM and CRLF kept, safe fixes applied");
    assert_eq!(code, 1, "the name left is an error: {err}");
    assert!(err.starts_with("fixed: <stdin>: 2 fixes\n"), "{err}");
    assert!(err.contains("error[names-japan.Names]"), "{err}");
    assert!(err.contains("--> story.txt:5:31"), "{err}");
    assert!(
        err.ends_with("1 more fix available with --unsafe-fixes.\n"),
        "{err}"
    );
    // With --unsafe-fixes, nothing is left.
    let (out, err, code) = fix_stdin(FAULTY.as_bytes(), &["--unsafe-fixes"]);
    assert_eq!(
        out,
        SAFELY_FIXED.replace("Takaiichi", "Takaichi").into_bytes()
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("fixed (unsafe): <stdin>:5:31 names-japan.Names"),
        "{err}"
    );
}

#[test]
fn fix_on_stdin_keeps_utf16_as_read() {
    let text = "Talks\r\n\r\nTOKYO (AP) — The the minister spoke.\r\n";
    let utf16 = |text: &str| {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let (out, err, code) = fix_stdin(&utf16(text), &["--format", "line"]);
    assert_eq!(out, utf16(&text.replace("The the", "The")), "{err}");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn fix_on_stdin_writes_the_story_unchanged_when_nothing_is_fixed() {
    // Nothing to fix: the story goes through as it came.
    let clean = "Talks\r\n\r\nTOKYO (AP) — The minister spoke on Friday.\r\n";
    let (out, err, code) = fix_stdin(clean.as_bytes(), &[]);
    assert_eq!((out.as_slice(), code), (clean.as_bytes(), 0), "{err}");
    assert_eq!(err, "No findings in 1 file.\n");
    // Findings without a fix: the story is unchanged, the exit code says so.
    let only_name = "Talks\n\nJapanese Prime Minister Sanae Takaiichi spoke.\n";
    let (out, err, code) = fix_stdin(only_name.as_bytes(), &["--format", "json"]);
    assert_eq!((out.as_slice(), code), (only_name.as_bytes(), 1), "{err}");
    assert!(err.contains("\"names-japan.Names\""), "{err}");
    // A NITF story is not fixed, but still passed through.
    let nitf = fs::read("fixtures/formats/sadanews-tokyo-washington-defense.xml").unwrap();
    let (out, err, _) = fix_stdin(&nitf, &["--stdin-filename", "story.xml"]);
    assert_eq!(out, nitf);
    assert!(
        err.contains("--fix does not edit NITF files; not fixed"),
        "{err}"
    );
    // A named story that is no story (front matter only) is an error, and passed through.
    let no_story = "---\ndate: 2026-01-16\n---\n";
    let (out, err, code) = fix_stdin(no_story.as_bytes(), &["--stdin-filename", "story.md"]);
    assert_eq!((out.as_slice(), code), (no_story.as_bytes(), 2), "{err}");
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let (out, code) = stdout_of(
        check()
            .args(["--quiet", "-"])
            .write_stdin(ERROR_AND_WARNING),
    );
    assert_eq!(code, 1);
    assert!(out.contains("error[wire.DoubledWord]"), "{out}");
    assert!(!out.contains("Found"), "no summary: {out}");
    // No warnings or fixes on standard error either.
    let dir = tempfile::tempdir().unwrap();
    let path = story(&dir, "story.txt", FAULTY);
    fs::create_dir(dir.path().join("empty")).unwrap();
    check()
        .current_dir(dir.path())
        .args(["-q", "--fix", "story.txt", "empty"])
        .assert()
        .code(1)
        .stderr("")
        .stdout(
            predicate::str::contains("names-japan.Names")
                .and(predicate::str::contains("Found").not()),
        );
    assert_eq!(fs::read_to_string(&path).unwrap(), SAFELY_FIXED);
    // Without it, both are said.
    check()
        .current_dir(dir.path())
        .args(["empty"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: empty: no stories found"));
    // Errors are still shown.
    check()
        .args(["-q", "no-such-story.txt"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("no-such-story.txt"));
}

#[test]
fn silent_prints_nothing_but_errors_and_keeps_the_exit_code() {
    check()
        .args(["--silent", "-"])
        .write_stdin(ERROR_AND_WARNING)
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    check()
        .args(["-s", "--format", "jsonl", "-"])
        .write_stdin(ERROR_AND_WARNING)
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    check()
        .args(["-s", "no-such-story.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no-such-story.txt"));
    // --fix - still writes the story.
    check()
        .args(["-s", "--fix", "-"])
        .write_stdin(ERROR_AND_WARNING)
        .assert()
        .code(0)
        .stdout("Talks\n\nTOKYO (AP) — The minister spoke on Friday.\n")
        .stderr("");
}
