//! `check --fix`: safe fixes are written atomically, keep line endings, refuse nothing silently,
//! and a run killed mid-write leaves every file either old or new. Every fixture story, fixed,
//! equals its insta snapshot `fixtures/stories/snapshots/<story>.fixed.snap`
//! (`INSTA_UPDATE=always cargo test --test fix` rewrites them; review the diff).

mod support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

const FAULTY: &str = "Talks Resume\r\n\r\nTOKYO (AP) — The the talks resumed  on Friday, officials said.\r\n\r\nJapanese Prime Minister Sanae Takaiichi spoke.\r\n";

#[test]
fn fix_applies_safe_fixes_keeps_crlf_and_reports_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, FAULTY).unwrap();
    cmd()
        .args(["check", "--no-config", "--fix", "--format", "line"])
        .arg(&story)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("names-japan.Names")
                .and(predicate::str::contains("DoubledWord").not()),
        );
    let fixed = fs::read_to_string(&story).unwrap();
    assert_eq!(
        fixed,
        "Talks Resume\r\n\r\nTOKYO (AP) — The talks resumed on Friday, officials said.\r\n\r\nJapanese Prime Minister Sanae Takaiichi spoke.\r\n",
        "the doubled word and the double space are fixed; the name, not marked safe, is not"
    );
}

#[test]
fn fix_diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, FAULTY).unwrap();
    let output = cmd()
        .args(["check", "--no-config", "--fix", "--diff"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8(output.stdout).unwrap();
    assert!(
        diff.contains("-TOKYO (AP) — The the talks resumed  on Friday"),
        "{diff}"
    );
    assert!(
        diff.contains("+TOKYO (AP) — The talks resumed on Friday"),
        "{diff}"
    );
    assert_eq!(fs::read_to_string(&story).unwrap(), FAULTY);
    cmd()
        .args(["check", "--no-config", "--diff"])
        .arg(&story)
        .assert()
        .code(2);
}

/// Files of a few hundred kilobytes each, so that writing them takes long enough to be cut off.
fn write_corpus(dir: &Path, files: usize) {
    let paragraph =
        "TOKYO (AP) — The the ministers met on Friday  to discuss trade, officials said.\n\n";
    for i in 0..files {
        let story = format!("Story {i}\n\n{}", paragraph.repeat(3000));
        fs::write(dir.join(format!("{i:03}.txt")), story).unwrap();
    }
}

#[test]
fn a_run_killed_mid_write_leaves_every_file_old_or_new() {
    let killed = tempfile::tempdir().unwrap();
    let finished = tempfile::tempdir().unwrap();
    let files = 40;
    write_corpus(killed.path(), files);
    write_corpus(finished.path(), files);
    let originals: Vec<Vec<u8>> = (0..files)
        .map(|i| fs::read(killed.path().join(format!("{i:03}.txt"))).unwrap())
        .collect();
    cmd()
        .args(["check", "--no-config", "--fix", "--fail-level", "none"])
        .arg(finished.path())
        .assert()
        .code(0);

    let binary = assert_cmd::cargo::cargo_bin("wirecheck");
    for delay in [20, 60, 150] {
        let mut child = std::process::Command::new(&binary)
            .args(["check", "--no-config", "--fix", "--format", "line"])
            .arg(killed.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        for (i, original) in originals.iter().enumerate() {
            let name = format!("{i:03}.txt");
            let now = fs::read(killed.path().join(&name)).unwrap();
            let new = fs::read(finished.path().join(&name)).unwrap();
            assert!(
                now == *original || now == new,
                "{name} is neither old nor new after a kill at {delay} ms"
            );
        }
    }
}

/// Runs `check --fix` on a copy of `text` named `name`, and gives the file's text afterwards.
fn fixed(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join(name);
    fs::write(&story, text).unwrap();
    cmd()
        .args(["check", "--no-config", "--fix", "--fail-level", "none"])
        .arg(&story)
        .assert()
        .code(0);
    fs::read_to_string(&story).unwrap()
}

/// A decomposed accent (e + U+0301) followed by another non-ASCII character: the doubled word's
/// fix replaces the two words with the first as written and changes nothing after them.
#[test]
fn a_fix_next_to_a_decomposed_accent_changes_only_its_span() {
    for after in [
        "\u{201d} he said.",
        "\u{a0}Tokyo he said.",
        "\u{2026} he said.",
        "\u{2014} he said.",
    ] {
        let text = format!("Headline here\n\nWe met at the cafe\u{301} cafe\u{301}{after}\n");
        assert_eq!(
            fixed("s.txt", &text),
            format!("Headline here\n\nWe met at the cafe\u{301}{after}\n"),
            "{after:?}"
        );
    }
}

/// Two safe fixes that touch (a doubled word, then a double space starting where it ends) are
/// both applied in one run.
#[test]
fn adjacent_safe_fixes_both_apply() {
    assert_eq!(
        fixed("s.txt", "Headline\n\nThe the  cat sat.\n"),
        "Headline\n\nThe cat sat.\n"
    );
}

/// The SadaNews story: deleting the section label and the repeated headline leaves the headline,
/// one blank line and the body: the story without lines 2 to 4.
#[test]
fn fix_on_the_sadanews_story_keeps_its_paragraphs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stories");
    let story = fs::read_to_string(dir.join("sadanews-tokyo-washington-defense.txt")).unwrap();
    let expected: String = story
        .split_inclusive('\n')
        .enumerate()
        .filter(|(index, _)| !(1..=3).contains(index))
        .map(|(_, line)| line)
        .collect();
    assert_ne!(expected, story);
    assert_eq!(fixed("sadanews.txt", &story), expected);
}

/// Every fixture story, fixed: the result must equal its snapshot `<story>.fixed.snap`, and a
/// story without one must be left as it is.
#[test]
fn every_fixture_story_is_fixed_to_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stories");
    let mut changed = 0;
    insta::glob!("../fixtures/stories", "*.{txt,md}", |story| {
        let name = story.file_name().unwrap().to_str().unwrap();
        if name == "README.md" {
            return;
        }
        let stem = story.file_stem().unwrap().to_str().unwrap();
        let text = fs::read_to_string(story).unwrap();
        let after = fixed(name, &text);
        let snapshot = dir.join("snapshots").join(format!("{stem}.fixed.snap"));
        if after == text {
            assert!(
                !snapshot.exists(),
                "{name} is not changed by --fix, but {} exists (delete it)",
                snapshot.display()
            );
            return;
        }
        changed += 1;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir.join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(format!("{stem}.fixed"), support::text_with_end(&after));
        });
    });
    assert!(changed >= 8, "only {changed} stories are changed by --fix");
}

/// A file found in a folder that holds no story is pointed out once, even when a fix is written
/// to it and the fixed text checked again.
#[test]
fn a_placeholder_with_a_fix_is_pointed_out_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("note.md"), "<!-- The the desk -->\n").unwrap();
    fs::write(dir.path().join("story.txt"), FAULTY).unwrap();
    let output = cmd()
        .args(["check", "--no-config", "--fix", "--fail-level", "none"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.matches("no story").count(), 1, "{stderr}");
    assert!(
        stderr.contains("note.md: no story (no headline or paragraph)"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("fixed: ").count(), 2, "{stderr}");
}

/// A finding the baseline records, like one a comment suppresses, is accepted: `--fix` leaves it
/// as it is, and `--fix --diff` shows no fix for it.
#[test]
fn fix_leaves_baselined_and_suppressed_findings_alone() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n\n<!-- wirecheck-disable-next-line wire.DoubledWord -->\nThey they met.\n";
    fs::write(dir.path().join("s.txt"), story).unwrap();
    cmd()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--write-baseline",
            "b.json",
            "s.txt",
        ])
        .assert()
        .code(0);
    let recorded = fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(recorded.contains("\"The the\""), "{recorded}");
    let with_baseline = ["check", "--no-config", "--baseline", "b.json", "--fix"];
    cmd()
        .current_dir(dir.path())
        .args(with_baseline)
        .args(["--diff", "s.txt"])
        .assert()
        .code(0)
        .stdout("");
    cmd()
        .current_dir(dir.path())
        .args(with_baseline)
        .arg("s.txt")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed").not());
    assert_eq!(fs::read_to_string(dir.path().join("s.txt")).unwrap(), story);
    // Without the baseline the recorded finding is fixed; the suppressed one still is not.
    cmd()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--fix",
            "--fail-level",
            "none",
            "s.txt",
        ])
        .assert()
        .code(0)
        .stderr("fixed: s.txt: 1 fix\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("s.txt")).unwrap(),
        story.replace("The the", "The")
    );
}

/// What is reported after a fix is of the fixed text itself, not of the file read a second time:
/// `/dev/stdin` redirected from a story is fixed through its link, and reading it again would give
/// the open file, the text as it was before the fix.
#[cfg(target_os = "linux")]
#[test]
fn what_is_left_after_a_fix_is_found_in_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, FAULTY).unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("wirecheck"))
        .args([
            "check",
            "--no-config",
            "--fix",
            "--format",
            "line",
            "/dev/stdin",
        ])
        .stdin(fs::File::open(&story).unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        fs::read_to_string(&story).unwrap(),
        FAULTY
            .replace("The the", "The")
            .replace("resumed  on", "resumed on")
    );
    assert!(stdout.contains("names-japan.Names"), "{stdout}");
    assert!(
        !stdout.contains("DoubledWord"),
        "reported the text before the fix: {stdout}"
    );
    assert_eq!(output.status.code(), Some(1));
}
