//! `wirecheck diff --format unified` is a patch: applied by `patch` and by `git apply` to OLD it
//! gives NEW byte for byte, whatever the line endings (LF, CRLF, mixed, a lone `\r`, a missing
//! final newline), for empty files and non-ASCII text. Each case is skipped with a note when
//! `patch` or `git` is not installed.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use proptest::prelude::*;

/// Whether `program --version` runs.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The patch `wirecheck diff --format unified a/story.txt b/story.txt` prints, run in `dir`
/// (where `a/` and `b/` hold OLD and NEW), and its exit code.
fn unified_patch(dir: &Path, extra: &[&str]) -> (Vec<u8>, i32) {
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(dir)
        .args(["diff", "--format", "unified", "--color", "never"])
        .args(extra)
        .args(["a/story.txt", "b/story.txt"])
        .output()
        .expect("wirecheck runs");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (output.stdout, output.status.code().unwrap_or(-1))
}

/// A work folder with `a/story.txt` (OLD), `b/story.txt` (NEW) and the patch between them.
struct Pair {
    dir: tempfile::TempDir,
    patch: Vec<u8>,
}

impl Pair {
    fn new(old: &[u8], new: &[u8]) -> Pair {
        let dir = tempfile::tempdir().expect("temp dir");
        for (side, text) in [("a", old), ("b", new)] {
            std::fs::create_dir(dir.path().join(side)).expect("side folder");
            std::fs::write(dir.path().join(side).join("story.txt"), text).expect("write");
        }
        let (patch, code) = unified_patch(dir.path(), &[]);
        let expected_code = i32::from(old != new);
        assert_eq!(code, expected_code, "exit code for {old:?} → {new:?}");
        assert_eq!(
            patch.is_empty(),
            old == new,
            "{}",
            String::from_utf8_lossy(&patch)
        );
        Pair { dir, patch }
    }

    /// A fresh copy of OLD in its own folder, named as the patch's paths say after `-p1`.
    fn work_copy(&self, name: &str) -> std::path::PathBuf {
        let work = self.dir.path().join(name);
        std::fs::create_dir(&work).expect("work folder");
        std::fs::copy(self.dir.path().join("a/story.txt"), work.join("story.txt"))
            .expect("copy OLD");
        std::fs::write(self.dir.path().join("story.patch"), &self.patch).expect("patch file");
        work
    }

    fn new_text(&self) -> Vec<u8> {
        std::fs::read(self.dir.path().join("b/story.txt")).expect("NEW")
    }

    /// What `patch -p1` makes of OLD with the patch: `Err` with patch's messages if it fails.
    fn through_patch(&self) -> Result<Vec<u8>, String> {
        let work = self.work_copy("by-patch");
        let output = Command::new("patch")
            .current_dir(&work)
            .args([
                "-p1",
                "--batch",
                "--silent",
                "--no-backup-if-mismatch",
                "-i",
            ])
            .arg(self.dir.path().join("story.patch"))
            .output()
            .expect("patch runs");
        if !output.status.success() {
            return Err(format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(std::fs::read(work.join("story.txt")).expect("patched"))
    }

    /// What `git apply` (in a repository of its own, no line-ending conversion) makes of OLD.
    fn through_git_apply(&self) -> Result<Vec<u8>, String> {
        let work = self.work_copy("by-git");
        let git = |args: &[&str]| {
            Command::new("git")
                .current_dir(&work)
                .args(["-c", "core.autocrlf=false", "-c", "core.safecrlf=false"])
                .args(args)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .output()
                .expect("git runs")
        };
        let init = git(&["init", "-q"]);
        assert!(init.status.success(), "git init: {init:?}");
        let patch = self.dir.path().join("story.patch");
        let patch = patch.to_str().expect("UTF-8 temp path");
        let output = git(&["apply", "--whitespace=nowarn", patch]);
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned());
        }
        Ok(std::fs::read(work.join("story.txt")).expect("patched"))
    }
}

/// Checks that both tools rebuild NEW from OLD with the patch, byte for byte.
fn assert_round_trip(old: &str, new: &str) {
    let pair = Pair::new(old.as_bytes(), new.as_bytes());
    if old == new {
        return;
    }
    let patch = String::from_utf8_lossy(&pair.patch).into_owned();
    if installed("patch") {
        let rebuilt = pair
            .through_patch()
            .unwrap_or_else(|e| panic!("patch failed on {old:?} → {new:?}: {e}\n{patch:?}"));
        assert_eq!(
            rebuilt,
            pair.new_text(),
            "patch: {old:?} → {new:?}\n{patch:?}"
        );
    } else {
        eprintln!("note: `patch` is not installed; the patch round trip is skipped");
    }
    if installed("git") {
        let rebuilt = pair
            .through_git_apply()
            .unwrap_or_else(|e| panic!("git apply failed on {old:?} → {new:?}: {e}\n{patch:?}"));
        assert_eq!(
            rebuilt,
            pair.new_text(),
            "git apply: {old:?} → {new:?}\n{patch:?}"
        );
    } else {
        eprintln!("note: `git` is not installed; the git apply round trip is skipped");
    }
}

const LF: &str = "Storm closes schools\n\nATHENS, Dec 2 (Wire) - Snow closed schools.\nRoads were shut.\n\nThe army cleared the road.\n";

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn lf_to_crlf_and_back() {
    assert_round_trip(LF, &crlf(LF));
    assert_round_trip(&crlf(LF), LF);
}

#[test]
fn lf_to_crlf_shows_the_carriage_returns_in_the_added_lines() {
    let pair = Pair::new(b"one\ntwo\n", b"one\r\ntwo\r\n");
    assert_eq!(
        String::from_utf8_lossy(&pair.patch),
        "--- a/story.txt\n+++ b/story.txt\n@@ -1,2 +1,2 @@\n-one\n-two\n+one\r\n+two\r\n"
    );
}

#[test]
fn mixed_endings() {
    let mixed = "Storm closes schools\r\n\nATHENS - Snow closed schools.\r\nRoads were shut.\n\r\nThe army cleared the road.\r\n";
    assert_round_trip(mixed, LF);
    assert_round_trip(LF, mixed);
    assert_round_trip(mixed, &crlf(LF));
    // A lone `\r` is inside a line for patch and git, not a line end.
    assert_round_trip("one\rtwo\nthree\n", "one\rtwo\nthree\r\n");
}

#[test]
fn missing_final_newline_either_side() {
    let cut = LF.trim_end_matches('\n');
    assert_round_trip(LF, cut);
    assert_round_trip(cut, LF);
    assert_round_trip(&crlf(LF), crlf(LF).trim_end_matches('\n'));
    assert_round_trip(crlf(LF).trim_end_matches(['\r', '\n']), &crlf(LF));
}

#[test]
fn changed_final_line() {
    assert_round_trip(LF, &LF.replace("the road.\n", "the main road.\n"));
    assert_round_trip(LF, &LF.replace("the road.\n", "the main road."));
    assert_round_trip(&crlf(LF), &crlf(LF).replace("road.\r\n", "road!\r\n"));
}

#[test]
fn empty_old_or_new_file() {
    assert_round_trip("", LF);
    assert_round_trip(LF, "");
    assert_round_trip("", "no newline");
    assert_round_trip("\r\n", "");
}

#[test]
fn non_ascii_text() {
    let old = "Βροχή στην Αθήνα\n\n雪が降った。\r\nŞoför «güvende» dedi — 3,5 km.\n";
    let new = "Χιόνι στην Αθήνα\n\n雪が降った。\nŞoför «güvende» dedi — 3,5 km.\r\n";
    assert_round_trip(old, new);
}

#[test]
fn a_byte_order_mark_is_kept() {
    assert_round_trip("\u{feff}one\ntwo\n", "one\ntwo\n");
    assert_round_trip("one\n", "\u{feff}one\n");
}

#[test]
fn markup_is_patched_as_stored() {
    // A NITF file's patch is of its XML, not of the story text taken out of it.
    let old = "<nitf><body><body.content><p>Snow fell.</p></body.content></body></nitf>\n";
    let new = "<nitf><body><body.content><p>Snow fell.</p></body.content></body></nitf>\r\n";
    let dir = tempfile::tempdir().expect("temp dir");
    for (side, text) in [("a", old), ("b", new)] {
        std::fs::create_dir(dir.path().join(side)).expect("side folder");
        std::fs::write(dir.path().join(side).join("story.xml"), text).expect("write");
    }
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(dir.path())
        .args(["diff", "--format", "unified", "--color", "never"])
        .args(["a/story.xml", "b/story.xml"])
        .output()
        .expect("wirecheck runs");
    assert_eq!(output.status.code(), Some(1));
    let patch = String::from_utf8_lossy(&output.stdout);
    assert!(patch.contains("\n+<nitf><body>"), "{patch}");
    assert!(patch.ends_with("</nitf>\r\n"), "{patch:?}");
}

#[test]
fn ignore_options_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (side, text) in [("a", "One two.\n"), ("b", "one two\n")] {
        std::fs::create_dir(dir.path().join(side)).expect("side folder");
        std::fs::write(dir.path().join(side).join("story.txt"), text).expect("write");
    }
    for option in [
        "--ignore-case",
        "--ignore-punctuation",
        "--ignore-whitespace",
        "--normalize=nfc",
    ] {
        let output = cargo_bin_cmd!("wirecheck")
            .current_dir(dir.path())
            .args(["diff", "--format", "unified", option])
            .args(["a/story.txt", "b/story.txt"])
            .output()
            .expect("wirecheck runs");
        assert_eq!(output.status.code(), Some(2), "{option}");
        assert!(output.stdout.is_empty(), "{option}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let name = option.split('=').next().unwrap_or(option);
        assert!(
            stderr.contains("exact patch") && stderr.contains(name),
            "{option}: {stderr}"
        );
    }
}

/// A line of a generated text: words (some not ASCII) and one of the endings `patch` meets.
fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "snow",
        "Snow",
        "road",
        "3,5",
        "Αθήνα",
        "雪",
        "«güvende»",
        "—",
        "",
        "\t",
    ]);
    let ending = prop::sample::select(vec!["\n", "\r\n", "\n", "\r\n", "\r", ""]);
    (prop::collection::vec(word, 0..4), ending)
        .prop_map(|(words, ending)| format!("{}{ending}", words.join(" ")))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..8).prop_map(|lines| lines.concat())
}

/// An edit of `old`: each of its lines kept, dropped, given another ending or replaced.
fn edited(old: String) -> impl Strategy<Value = (String, String)> {
    let lines: Vec<String> = old.split_inclusive('\n').map(str::to_owned).collect();
    let count = lines.len();
    (
        prop::collection::vec((0..4u8, line()), count..=count),
        prop::collection::vec(line(), 0..3),
    )
        .prop_map(move |(edits, tail)| {
            let mut new = String::new();
            for (line, (edit, other)) in lines.iter().zip(edits) {
                match edit {
                    0 => new.push_str(line),
                    1 => {}
                    2 => {
                        let body = line.trim_end_matches(['\r', '\n']);
                        let ending = if line.ends_with("\r\n") { "\n" } else { "\r\n" };
                        new.push_str(body);
                        new.push_str(ending);
                    }
                    _ => new.push_str(&other),
                }
            }
            new.push_str(&tail.concat());
            (old.clone(), new)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_texts_round_trip((old, new) in text().prop_flat_map(edited)) {
        assert_round_trip(&old, &new);
    }
}

#[test]
fn git_diff_with_the_unified_driver_is_a_patch_git_applies() {
    if !installed("git") {
        eprintln!("note: `git` is not installed; the git driver round trip is skipped");
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    let work = home.path().join("stories");
    std::fs::create_dir(&work).expect("work tree");
    let driver = format!(
        "'{}' diff --format unified --color never --git-external",
        env!("CARGO_BIN_EXE_wirecheck")
    );
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.com"])
            .args(["-c", "core.autocrlf=false"])
            .args(args)
            .current_dir(&work)
            .env("HOME", home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_EXTERNAL_DIFF", &driver)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        output.stdout
    };
    let write = |path: &str, text: &str| std::fs::write(work.join(path), text).expect("write");
    git(&["init", "-q", "."]);
    write("story.txt", LF);
    write("gone.txt", "A paragraph to delete.\n");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "first"]);
    let revised = crlf(LF).replace("Roads", "All roads");
    write("story.txt", &revised);
    write("added.txt", "Βροχή: a new story\r\nwithout a final newline");
    std::fs::remove_file(work.join("gone.txt")).expect("delete");
    git(&["add", "-A"]);
    let patch = git(&["diff", "--cached", "--ext-diff"]);
    let text = String::from_utf8_lossy(&patch);
    assert!(text.contains("--- /dev/null\n+++ b/added.txt\n"), "{text}");
    assert!(text.contains("--- a/gone.txt\n+++ /dev/null\n"), "{text}");
    std::fs::write(home.path().join("revision.patch"), &patch).expect("patch file");
    git(&["reset", "-q", "--hard", "HEAD"]);
    git(&["clean", "-q", "-f"]);
    let patch_path = home.path().join("revision.patch");
    git(&[
        "apply",
        "--whitespace=nowarn",
        patch_path.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(
        std::fs::read_to_string(work.join("story.txt")).expect("story"),
        revised
    );
    assert_eq!(
        std::fs::read_to_string(work.join("added.txt")).expect("added"),
        "Βροχή: a new story\r\nwithout a final newline"
    );
    assert!(!work.join("gone.txt").exists());
}
