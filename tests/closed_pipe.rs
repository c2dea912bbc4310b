//! Every command ends quietly when its reader goes away (`wirecheck … | head -1`), as ripgrep
//! does: no panic, nothing on standard error, the exit code it would have had or 0.

use std::io::pipe;
use std::path::Path;
use std::process::{Command, Stdio};

const STORY: &str = "fixtures/stories/sadanews-tokyo-washington-defense.txt";

/// Runs the binary in `dir` with standard output a pipe whose reading end is already closed, so
/// its first write fails with a broken pipe, whatever the timing.
fn run_into_closed_pipe(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("wirecheck runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let story = root.join(STORY);
    let story = story.to_str().expect("UTF-8 path");
    let old = root.join("fixtures/diff/old.txt");
    let new = root.join("fixtures/diff/new.txt");
    let (old, new) = (old.to_str().expect("UTF-8"), new.to_str().expect("UTF-8"));
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["--version"],
        vec!["help", "check"],
        vec!["check", "--help"],
        vec!["man"],
        vec!["rules"],
        vec!["rules", "explain", "wire.DoubledWord"],
        vec!["check", "--fix", "--diff", story],
        vec!["diff", old, new],
        vec!["diff", "--stats", old, new],
        vec!["score", "--ref", old, new],
        vec!["score", "--ref", old, new, "--sentence"],
        vec!["score", "--ref", old, new, "--format", "json"],
    ];
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        commands.push(vec!["completions", shell]);
    }
    let formats = [
        "human",
        "line",
        "json",
        "jsonl",
        "sarif",
        "junit",
        "github",
        "rdjson",
        "rdjsonl",
        "vale-json",
    ];
    for format in formats {
        commands.push(vec!["check", "--format", format, story]);
    }
    for format in ["word", "unified", "json", "html"] {
        commands.push(vec!["diff", "--format", format, old, new]);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut failures = Vec::new();
    for args in &commands {
        let (code, stderr) = run_into_closed_pipe(dir.path(), args);
        // `diff` says "different" with 1 whether or not anyone read the diff.
        let expected = if args[0] == "diff" { 1 } else { 0 };
        if code != Some(expected) || !stderr.is_empty() {
            failures.push(format!(
                "wirecheck {}: exit {code:?} (want {expected}), stderr: {stderr}",
                args.join(" ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
