//! End-to-end tests of `wirecheck diff`: snapshots of every format on the fixture pair,
//! replay properties on random texts, comparisons with dwdiff and git, and error paths.

use std::ops::Range;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use proptest::prelude::*;
use wirecheck_diff::format::{self, SideNames};
use wirecheck_diff::{ChangeKind, DiffOptions, StoryDiff, diff_stories, split_paragraphs};

const OLD: &str = include_str!("../fixtures/diff/old.txt");
const NEW: &str = include_str!("../fixtures/diff/new.txt");
const OLD_PATH: &str = "fixtures/diff/old.txt";
const NEW_PATH: &str = "fixtures/diff/new.txt";

fn story<'a>(old: &'a str, new: &'a str, options: &DiffOptions) -> StoryDiff<'a> {
    diff_stories(
        old,
        &split_paragraphs(old),
        new,
        &split_paragraphs(new),
        options,
    )
    .expect("split_paragraphs gives valid ranges")
}

fn names() -> SideNames {
    SideNames {
        old: "old.txt".into(),
        new: "new.txt".into(),
    }
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_word_format() {
    insta::assert_snapshot!(format::render_word(&story(
        OLD,
        NEW,
        &DiffOptions::default()
    )));
}

#[test]
fn snapshot_terminal_colour() {
    let out = format::render_terminal(&story(OLD, NEW, &DiffOptions::default()), true);
    insta::assert_snapshot!(out.replace('\u{1b}', "␛"));
}

#[test]
fn snapshot_unified_format() {
    let out = format::render_unified(
        OLD,
        NEW,
        &names(),
        3,
        false,
        std::time::Duration::from_secs(1),
    );
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_json_format() {
    insta::assert_snapshot!(format::render_json(
        &story(OLD, NEW, &DiffOptions::default()),
        &names()
    ));
}

#[test]
fn snapshot_html_format() {
    let scores = [format::ScoreLine {
        name: "BLEU".to_owned(),
        value: "41.2".to_owned(),
        meaning: "0–100, higher is closer".to_owned(),
        signature: Some("nrefs:1|case:mixed".to_owned()),
    }];
    insta::assert_snapshot!(format::render_html(
        &story(OLD, NEW, &DiffOptions::default()),
        &names(),
        &scores
    ));
}

#[test]
fn snapshot_stats() {
    let diff = story(OLD, NEW, &DiffOptions::default());
    insta::assert_snapshot!(format::render_stats(&diff.statistics(), &names()));
}

#[test]
fn fixture_pairings_are_recognised() {
    let diff = story(OLD, NEW, &DiffOptions::default());
    let names: Vec<&str> = diff.blocks.iter().map(|b| b.pairing.name()).collect();
    for expected in ["changed", "moved", "moved_away", "split", "merged"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
}

#[test]
fn html_links_moves_both_ways_and_is_self_contained() {
    let html = format::render_html(&story(OLD, NEW, &DiffOptions::default()), &names(), &[]);
    assert!(html.contains("href=\"#new-2\"") && html.contains("id=\"new-2\""));
    assert!(html.contains("href=\"#old-6\"") && html.contains("id=\"old-6\""));
    assert!(!html.contains("src=") && !html.contains("<link") && !html.contains("http"));
}

#[test]
fn json_spans_point_into_the_files() {
    let json = format::render_json(&story(OLD, NEW, &DiffOptions::default()), &names());
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
    let number = |v: &serde_json::Value| v.as_u64().expect("number") as usize;
    for block in value["blocks"].as_array().expect("blocks") {
        for op in block["operations"].as_array().expect("operations") {
            for (side, text) in [("old", OLD), ("new", NEW)] {
                let span = &op[side];
                let (start, end) = (number(&span["start"]), number(&span["end"]));
                assert_eq!(&text[start..end], span["text"].as_str().expect("text"));
                assert_eq!(
                    number(&span["line"]),
                    text[..start].matches('\n').count() + 1
                );
            }
        }
    }
}

// ---------------------------------------------------------------- replay properties

/// Replays the diff: old text of equal changes, new text of the others, in block order.
fn replay(diff: &StoryDiff<'_>) -> String {
    diff.changes()
        .map(|c| match c.kind {
            ChangeKind::Equal => &diff.old[c.old.clone()],
            _ => &diff.new[c.new.clone()],
        })
        .collect()
}

fn assert_partition(mut ranges: Vec<Range<usize>>, len: usize, sort: bool) {
    ranges.retain(|r| !r.is_empty());
    if sort {
        ranges.sort_by_key(|r| r.start);
    }
    let mut at = 0;
    for r in ranges {
        assert_eq!(r.start, at, "gap or overlap at byte {at}");
        at = r.end;
    }
    assert_eq!(at, len);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec!["the", "vote", "Minister", "said", "é", "3.5", "naïve", "l'été", "東京", "reporters"]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![" ", " ", "  ", "\n", "\n\n", "\t", " \n\n "]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![",", ".", "\"", "«", "»", "-", "%", ";"]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

fn check_replay(old: &str, new: &str) {
    let diff = story(old, new, &DiffOptions::default());
    assert_eq!(replay(&diff), new);
    for change in diff.changes() {
        if change.kind == ChangeKind::Equal {
            assert_eq!(&old[change.old.clone()], &new[change.new.clone()]);
        }
    }
    assert_partition(
        diff.changes().map(|c| c.new.clone()).collect(),
        new.len(),
        false,
    );
    assert_partition(
        diff.changes().map(|c| c.old.clone()).collect(),
        old.len(),
        true,
    );
    assert_eq!(diff.has_changes(), old != new);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn replaying_the_diff_gives_the_new_text(old in text_strategy(), new in text_strategy()) {
        check_replay(&old, &new);
    }

    #[test]
    fn replaying_an_edit_gives_the_new_text(
        old in text_strategy(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), text_strategy()), 0..4),
    ) {
        // Small edits of one text, closer to real revisions than two random texts.
        let mut new = old.clone();
        for (at, insert) in edits {
            let mut cut = at.index(new.len() + 1);
            while !new.is_char_boundary(cut) {
                cut -= 1;
            }
            new.insert_str(cut, &insert.chars().take(8).collect::<String>());
        }
        check_replay(&old, &new);
    }

    #[test]
    fn identical_texts_have_no_change(text in text_strategy()) {
        let diff = story(&text, &text, &DiffOptions::default());
        prop_assert!(!diff.has_changes());
        prop_assert!(diff.changes().all(|c| c.kind == ChangeKind::Equal));
    }
}

#[test]
fn fixture_replays_exactly() {
    check_replay(OLD, NEW);
    check_replay(NEW, OLD);
}

// ---------------------------------------------------------------- comparisons

/// Change hunks in wdiff-style output: runs of `[-…-]`/`{+…+}` markers separated by
/// whitespace at most. Paragraph-break markers (`¶`) are layout, not word changes.
fn hunks(output: &str) -> Vec<(usize, usize)> {
    let marker = regex::Regex::new(r"(?s)\[-(.*?)-\]|\{\+(.*?)\+\}").expect("regex");
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in marker.find_iter(output) {
        if matches!(m.as_str(), "[-¶-]" | "{+¶+}") {
            continue;
        }
        match found.last_mut() {
            Some(last) if output[last.1..m.start()].trim().is_empty() => last.1 = m.end(),
            _ => found.push((m.start(), m.end())),
        }
    }
    found
}

/// The output of an external tool to compare with, or `None` (after saying so) when it is not
/// installed. The note goes straight to standard error, not through `eprintln!`, which the test
/// harness swallows for passing tests: a skipped comparison shows in `cargo test`'s output. With
/// `CI` set (as CI services do; `.ci/run` installs the tools) a missing tool fails the test, so a
/// pipeline never passes without the comparison.
fn tool_output(program: &str, args: &[&str]) -> Option<String> {
    match Command::new(program).args(args).output() {
        // Both tools exit 1 when the files differ; 2 or more is trouble.
        Ok(out) if out.status.code().is_some_and(|code| code <= 1) => {
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Ok(out) => panic!(
            "`{program}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let note = format!(
                "`{program}` is not installed, so tests/diff.rs skips its comparison with it \
                 (install it: apt-get install {program})"
            );
            if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
                panic!("{note}; CI is set, where a skipped comparison must not pass");
            }
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "SKIPPED: {note}");
            None
        }
        Err(err) => panic!("cannot run `{program}`: {err}"),
    }
}

/// A skipped comparison is visible in the test output, and fails when `CI` is set: runs this
/// test binary's dwdiff comparison again with a `PATH` where no tool can be found.
#[test]
fn a_comparison_without_its_tool_says_it_is_skipped() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let run = |ci: Option<&str>| {
        let mut command = Command::new(std::env::current_exe().expect("the test binary"));
        command
            .args(["--exact", "no_more_hunks_than_dwdiff", "--test-threads=1"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("PATH", empty.path())
            .env_remove("CI");
        if let Some(ci) = ci {
            command.env("CI", ci);
        }
        command.output().expect("the test binary runs")
    };
    let local = run(None);
    let stderr = String::from_utf8_lossy(&local.stderr);
    assert!(local.status.success(), "{stderr}");
    assert!(
        stderr.contains("SKIPPED: `dwdiff` is not installed"),
        "the skip is not shown: {stderr}"
    );
    let ci = run(Some("true"));
    assert!(
        !ci.status.success(),
        "with CI set, a missing tool passed: {}",
        String::from_utf8_lossy(&ci.stdout)
    );
}

fn assert_not_worse_than(reference: &str, tool: &str) {
    let ours = format::render_word(&story(OLD, NEW, &DiffOptions::default()));
    let (our_hunks, their_hunks) = (hunks(&ours).len(), hunks(reference).len());
    assert!(
        our_hunks <= their_hunks,
        "wirecheck has {our_hunks} hunks, {tool} {their_hunks}:\n{ours}\n---\n{reference}"
    );
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (start, end) in hunks(&ours) {
        let before = ours[..start].chars().next_back();
        let first = ours[start + 2..].chars().next();
        let last = ours[..end - 2].chars().next_back();
        let after = ours[end..].chars().next();
        assert!(
            !(word(before) && word(first)),
            "hunk splits a word: {}",
            &ours[start..end]
        );
        assert!(
            !(word(last) && word(after)),
            "hunk splits a word: {}",
            &ours[start..end]
        );
    }
}

#[test]
fn no_more_hunks_than_dwdiff() {
    if let Some(reference) = tool_output("dwdiff", &["-P", OLD_PATH, NEW_PATH]) {
        assert_not_worse_than(&reference, "dwdiff -P");
    }
}

#[test]
fn no_more_hunks_than_git_word_diff() {
    let args = [
        "diff",
        "--no-index",
        "--no-color",
        "--word-diff=plain",
        "--word-diff-regex=[[:alnum:]]+|[^[:space:][:alnum:]]",
        OLD_PATH,
        NEW_PATH,
    ];
    if let Some(reference) = tool_output("git", &args) {
        let body = reference
            .lines()
            .skip_while(|l| !l.starts_with("@@"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_not_worse_than(&body, "git diff --word-diff");
    }
}

// ---------------------------------------------------------------- CLI and exit codes

#[test]
fn identical_files_exit_zero_and_print_nothing() {
    // Like `git diff`: no change, no output.
    let out = cargo_bin_cmd!("wirecheck")
        .args(["diff", "--format", "word", OLD_PATH, OLD_PATH])
        .assert()
        .code(0);
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), "");
}

#[test]
fn different_files_exit_one() {
    let out = cargo_bin_cmd!("wirecheck")
        .args(["diff", "--format", "word", OLD_PATH, NEW_PATH])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.contains("[-reporters-]{+journalists+}"));
}

#[test]
fn colour_follows_the_color_option_and_no_color() {
    let coloured = cargo_bin_cmd!("wirecheck")
        .args(["diff", "--color", "always", OLD_PATH, NEW_PATH])
        .assert()
        .code(1);
    assert!(coloured.get_output().stdout.contains(&0x1b));
    let plain = cargo_bin_cmd!("wirecheck")
        .env("NO_COLOR", "1")
        .args(["diff", OLD_PATH, NEW_PATH])
        .assert()
        .code(1);
    assert!(!plain.get_output().stdout.contains(&0x1b));
}

#[test]
fn stats_follow_the_diff() {
    let out = cargo_bin_cmd!("wirecheck")
        .args(["diff", "--format", "word", "--stats", OLD_PATH, NEW_PATH])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!("{OLD_PATH}: 104 words")),
        "{stdout}"
    );
}

#[test]
fn ignore_options_hide_case_punctuation_and_whitespace_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Headline\n\nThe Vote, said  the minister.\n").expect("write");
    std::fs::write(&b, "Headline\n\nthe vote said the\nminister\n").expect("write");
    cargo_bin_cmd!("wirecheck")
        .args([
            "diff",
            "--ignore-case",
            "--ignore-punctuation",
            "--ignore-whitespace",
        ])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(0);
    cargo_bin_cmd!("wirecheck")
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1);
}

fn assert_one_line_error(args: &[&Path], needle: &str) {
    let out = cargo_bin_cmd!("wirecheck")
        .arg("diff")
        .args(args)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn missing_file_is_an_error_naming_it() {
    assert_one_line_error(
        &[Path::new(OLD_PATH), Path::new("no/such/story.txt")],
        "no/such/story.txt",
    );
}

#[test]
fn invalid_utf8_and_binary_files_are_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").expect("write");
    assert_one_line_error(
        &[Path::new(OLD_PATH), &latin1],
        "latin1.txt:1:4: invalid UTF-8 (byte 0xe9 at offset 3)",
    );
    let binary = dir.path().join("image.bin");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").expect("write");
    assert_one_line_error(&[&binary, Path::new(NEW_PATH)], "image.bin: binary file");
}
