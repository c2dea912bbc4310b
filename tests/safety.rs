//! Trust on hostile and real input: interrupted writes leave no temporary file, written files get
//! the usual permissions and keep symbolic links, baselines hide what they record and no more, and
//! errors about a file that is not what the user meant quote none of its contents.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A story with one safe fix (the doubled word).
const FIXABLE: &str = "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n";

fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".wirecheck-")
        })
        .collect()
}

fn stderr_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stderr).expect("UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Interrupted writes

/// Starts `wirecheck` in `dir` with each temporary file held open (a debug-build test hook), waits
/// until one exists, sends `signal` and returns the exit code.
#[cfg(unix)]
fn interrupt_while_writing(dir: &Path, args: &[&str], signal: &str) -> Option<i32> {
    let binary = assert_cmd::cargo::cargo_bin("wirecheck");
    let mut child = std::process::Command::new(binary)
        .args(args)
        .current_dir(dir)
        .env("WIRECHECK_TEST_HOLD_TEMP_MS", "30000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while temporary_files(dir).is_empty() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("no temporary file appeared in {}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let sent = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("wirecheck did not stop on {signal}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the hold hook exists in debug builds only"
)]
#[test]
fn sigint_during_a_fix_removes_the_temporary_file_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    let code = interrupt_while_writing(
        dir.path(),
        &["check", "--no-config", "--fix", "story.txt"],
        "-INT",
    );
    assert_eq!(code, Some(130));
    assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
    assert_eq!(
        fs::read_to_string(dir.path().join("story.txt")).unwrap(),
        FIXABLE,
        "the story is left as it was"
    );
}

#[cfg(unix)]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the hold hook exists in debug builds only"
)]
#[test]
fn sigterm_during_a_fix_of_many_files_removes_every_temporary_file_and_exits_143() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        fs::write(dir.path().join(format!("{i}.txt")), FIXABLE).unwrap();
    }
    let code =
        interrupt_while_writing(dir.path(), &["check", "--no-config", "--fix", "."], "-TERM");
    assert_eq!(code, Some(143));
    assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the hold hook exists in debug builds only"
)]
#[test]
fn sigterm_while_writing_a_baseline_removes_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    let code = interrupt_while_writing(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--write-baseline",
            "baseline.json",
            "story.txt",
        ],
        "-TERM",
    );
    assert_eq!(code, Some(143));
    assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
    assert!(!dir.path().join("baseline.json").exists());
}

#[test]
fn a_walk_never_checks_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("clean.txt"),
        "Talks Resume\n\nTalks resumed.\n",
    )
    .unwrap();
    // Left by a run killed mid-write, or being written by another run right now.
    fs::write(dir.path().join(".wirecheck-a1B2c3.tmp"), FIXABLE).unwrap();
    fs::write(dir.path().join(".wirecheck-Xy9"), FIXABLE).unwrap();
    for glob in [None, Some("*"), Some(".*")] {
        let mut run = cmd();
        run.args(["check", "--no-config", "--format", "line"]);
        if let Some(glob) = glob {
            run.args(["--glob", glob]);
        }
        run.arg(dir.path())
            .assert()
            .code(0)
            .stdout(predicate::str::contains("wirecheck-").not());
    }
}

// ---------------------------------------------------------------------------------------------
// Permissions and links

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Runs `wirecheck` through `sh` with `umask` set.
#[cfg(unix)]
fn run_with_umask(umask: &str, dir: &Path, args: &str) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin("wirecheck");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" {args}"))
        .arg(binary)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_new_baseline_gets_the_permissions_the_umask_allows() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    for (umask, mode) in [("022", 0o644), ("002", 0o664), ("077", 0o600)] {
        let baseline = dir.path().join(format!("baseline-{umask}.json"));
        let out = run_with_umask(
            umask,
            dir.path(),
            &format!(
                "check --no-config --write-baseline {} story.txt",
                baseline.display()
            ),
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert_eq!(mode_of(&baseline), mode, "umask {umask}");
    }
}

#[cfg(unix)]
#[test]
fn a_rewritten_baseline_and_a_fixed_story_keep_their_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    let baseline = dir.path().join("baseline.json");
    fs::write(&story, FIXABLE).unwrap();
    fs::write(&baseline, "{}").unwrap();
    fs::set_permissions(&story, fs::Permissions::from_mode(0o640)).unwrap();
    fs::set_permissions(&baseline, fs::Permissions::from_mode(0o664)).unwrap();
    let out = run_with_umask(
        "077",
        dir.path(),
        "check --no-config --write-baseline baseline.json story.txt",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = run_with_umask("077", dir.path(), "check --no-config --fix story.txt");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_ne!(fs::read_to_string(&story).unwrap(), FIXABLE, "fixed");
    assert_eq!(mode_of(&baseline), 0o664);
    assert_eq!(mode_of(&story), 0o640);
}

#[cfg(unix)]
#[test]
fn fix_through_a_symlink_writes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("desk")).unwrap();
    fs::create_dir(dir.path().join("links")).unwrap();
    let target = dir.path().join("desk/story.txt");
    fs::write(&target, FIXABLE).unwrap();
    // A relative link to a link: both are kept, the file at the end of the chain is fixed.
    let link = dir.path().join("links/story.txt");
    let second = dir.path().join("latest.txt");
    std::os::unix::fs::symlink("../desk/story.txt", &link).unwrap();
    std::os::unix::fs::symlink("links/story.txt", &second).unwrap();
    cmd()
        .args(["check", "--no-config", "--fix"])
        .arg(&second)
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&second)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "Talks Resume\n\nTOKYO (AP) — The talks resumed on Friday.\n"
    );
    assert_eq!(temporary_files(dir.path().join("desk").as_path()).len(), 0);
}

#[cfg(unix)]
#[test]
fn a_baseline_written_through_a_symlink_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("shared")).unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    let link = dir.path().join("baseline.json");
    // The link's target need not exist yet.
    std::os::unix::fs::symlink("shared/baseline.json", &link).unwrap();
    cmd()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--write-baseline",
            "baseline.json",
            "story.txt",
        ])
        .assert()
        .code(0);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = fs::read_to_string(dir.path().join("shared/baseline.json")).unwrap();
    assert!(written.contains("wire.DoubledWord"), "{written}");
}

// ---------------------------------------------------------------------------------------------
// Baselines

fn findings_left(dir: &Path, story: &str, baseline: &str) -> Vec<String> {
    let out = cmd()
        .current_dir(dir)
        .args([
            "check",
            "--no-config",
            "--format",
            "line",
            "--baseline",
            baseline,
            story,
        ])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_baseline_entry_hides_one_finding_not_every_identical_one() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, FIXABLE).unwrap();
    cmd()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--write-baseline",
            "b.json",
            "story.txt",
        ])
        .assert()
        .code(0);
    fs::write(
        &story,
        "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n\nThe the talks ended. The the end.\n",
    )
    .unwrap();
    let left = findings_left(dir.path(), "story.txt", "b.json");
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.iter().all(|l| l.contains("DoubledWord")), "{left:?}");
}

#[test]
fn a_baseline_matches_the_same_file_however_its_path_is_spelt() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("desk")).unwrap();
    fs::write(dir.path().join("desk/story.txt"), FIXABLE).unwrap();
    // Recorded by walking the folder `.`, then checked by naming the file.
    cmd()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--write-baseline", "b.json", "."])
        .assert()
        .code(0);
    for spelling in ["desk/story.txt", "./desk/story.txt", "desk/./story.txt"] {
        let left = findings_left(dir.path(), spelling, "b.json");
        assert_eq!(left, Vec::<String>::new(), "{spelling}");
    }
}

#[test]
fn a_missing_baseline_gives_its_os_error_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    let err = stderr_of(cmd().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--baseline",
        "missing.json",
        "story.txt",
    ]));
    assert_eq!(err.matches("missing.json").count(), 1, "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

// ---------------------------------------------------------------------------------------------
// Errors about files that are not what the user meant

/// Lines of a file that must never reach the terminal.
const SECRET: &str =
    "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\nDB_PASSWORD=hunter2hunter2\n";

/// Runs `check` in `dir` and gives its standard error, which must be one line, and exit code 2.
fn one_line_error(dir: &Path, args: &[&str]) -> String {
    let out = cmd()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn a_rules_path_that_is_no_rule_file_prints_none_of_its_contents() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("secret.env"), SECRET).unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    fs::write(dir.path().join("wirecheck.yaml"), "rules: [secret.env]\n").unwrap();
    let from_flag = one_line_error(
        dir.path(),
        &["--no-config", "--rules", "secret.env", "story.txt"],
    );
    let from_config = one_line_error(dir.path(), &["story.txt"]);
    for err in [from_flag, from_config] {
        assert!(err.contains("secret.env:1:1: not a rule file"), "{err}");
        for secret in ["wJalrXUtnFEMI", "hunter2", "AWS_SECRET", "DB_PASSWORD"] {
            assert!(!err.contains(secret), "quotes the file: {err}");
        }
    }
    // The same for a config file that is not one.
    let err = one_line_error(dir.path(), &["--config", "secret.env", "story.txt"]);
    assert!(
        err.contains("secret.env:1:1: not a wirecheck config"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn a_bad_value_is_quoted_as_a_short_excerpt_with_its_key_and_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    let long = "x".repeat(5000);
    for (rule, expected, most_bytes) in [
        (
            format!("extends: existence\nmessage: m\nlevel: {long}\ntokens: [a]\n"),
            "Rule.yml:3:8: level: unknown variant",
            300,
        ),
        (
            format!("extends: existence\nmessage: m\nscope: {long}\ntokens: [a]\n"),
            "unknown scope 'xxxx",
            300,
        ),
        (
            format!("extends: {long}\nmessage: m\n"),
            "Rule.yml:1:10: unknown rule kind",
            400,
        ),
    ] {
        fs::write(dir.path().join("Rule.yml"), rule).unwrap();
        let err = one_line_error(
            dir.path(),
            &["--no-config", "--rules", "Rule.yml", "story.txt"],
        );
        assert!(err.contains(expected), "{err}");
        assert!(err.len() < most_bytes, "{} bytes: {err}", err.len());
    }
}

#[test]
fn a_config_error_gives_its_position_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    for (config, position) in [
        ("fail_level: [1, 2]\n", ":1:13: fail_level:"),
        ("ignore: 3\n", ":1:9: ignore:"),
        (
            "severity:\n  wire.DoubleSpace: sometimes\n",
            ":2:21: severity.wire.DoubleSpace:",
        ),
    ] {
        fs::write(dir.path().join("wirecheck.yaml"), config).unwrap();
        let err = one_line_error(dir.path(), &["story.txt"]);
        assert!(err.contains(&format!("wirecheck.yaml{position}")), "{err}");
        assert!(!err.contains(" at line "), "position said twice: {err}");
    }
}

#[test]
fn config_fail_level_none_never_fails_on_findings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    fs::write(dir.path().join("wirecheck.yaml"), "fail_level: none\n").unwrap();
    cmd()
        .current_dir(dir.path())
        .args(["check", "--format", "line", "story.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wire.DoubledWord"));
    // --fail-level still wins over the config.
    cmd()
        .current_dir(dir.path())
        .args(["check", "--fail-level", "warning", "story.txt"])
        .assert()
        .code(1);
}

// ---------------------------------------------------------------------------------------------
// Misspelt names

#[test]
fn a_misspelt_pack_on_the_command_line_is_blamed_on_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    // A config is found, but the mistake is not in it.
    fs::write(dir.path().join("wirecheck.yaml"), "accept: [Ishida]\n").unwrap();
    for (flag, given, meant) in [
        (
            "--packs",
            "wire,nams",
            "did you mean 'names-japan' or 'names-world'?",
        ),
        ("--enable", "dateline-xp", "did you mean 'dateline-ap'?"),
        ("--disable", "names-wrld", "did you mean 'names-world'?"),
    ] {
        let err = one_line_error(dir.path(), &[flag, given, "story.txt"]);
        assert!(
            err.starts_with(&format!("error: {flag}: unknown pack")),
            "{err}"
        );
        assert!(err.contains(meant), "{err}");
        assert!(!err.contains("wirecheck.yaml"), "blames the config: {err}");
    }
}

#[test]
fn misspelt_names_in_a_config_get_a_did_you_mean_and_a_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    for (config, expected) in [
        (
            "packs: [wire, nams]\n",
            "wirecheck.yaml:1:15: packs: unknown pack 'nams'",
        ),
        (
            "enable: [wire]\ndisable: [names-wrld]\n",
            "wirecheck.yaml:2:11: disable: unknown pack 'names-wrld'",
        ),
        (
            "severity:\n  wire.DubleSpace: off\n",
            "wirecheck.yaml:2:3: severity: unknown rule 'wire.DubleSpace'",
        ),
        (
            "severty:\n  wire.DoubleSpace: off\n",
            "did you mean `severity`?",
        ),
        ("severity:\n  wire.DoubleSpace: of\n", "did you mean `off`?"),
        (
            "dateline_style: apx\n",
            "wirecheck.yaml:1:17: dateline_style: unknown style 'apx'",
        ),
    ] {
        fs::write(dir.path().join("wirecheck.yaml"), config).unwrap();
        let err = one_line_error(dir.path(), &["story.txt"]);
        assert!(err.contains(expected), "{config:?}: {err}");
        assert!(err.contains("did you mean"), "{config:?}: {err}");
    }
}

#[test]
fn misspelt_rule_ids_and_kinds_get_a_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd()
        .args(["rules", "--no-config", "explain", "wire.DubleSpace"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean 'wire.DoubleSpace'?"), "{err}");
    fs::write(dir.path().join("story.txt"), FIXABLE).unwrap();
    fs::write(
        dir.path().join("Rule.yml"),
        "message: m\nextends: existnce\ntokens: [a]\n",
    )
    .unwrap();
    let err = one_line_error(
        dir.path(),
        &["--no-config", "--rules", "Rule.yml", "story.txt"],
    );
    assert!(
        err.contains("Rule.yml:2:10: unknown rule kind 'extends: existnce'")
            && err.contains("did you mean 'existence'?"),
        "{err}"
    );
}
