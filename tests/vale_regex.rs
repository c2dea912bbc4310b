//! Vale's regular expressions: look-around and back-references, which the linear-time `regex`
//! crate refuses, compile with a backtracking engine under a budget. Every rule of the six public
//! Vale packs compiles (Google and Microsoft used to stop the run); a look-around rule finds what
//! Vale finds; a pattern that runs out of its budget on a story says so once, naming the rule, and
//! the run does not pass.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use wirecheck_core::{RuleSet, RuleSource};

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Every `.yml` rule of pack folder `pack`, compiled alone: the errors, one a line.
fn errors_of_pack(pack: &Path) -> (usize, Vec<String>) {
    let mut compiled = 0;
    let mut errors = Vec::new();
    let mut files: Vec<_> = fs::read_dir(pack)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    for file in files {
        let source = RuleSource {
            files: Default::default(),
            pack: pack.file_name().unwrap().to_string_lossy().into_owned(),
            name: file.file_stem().unwrap().to_string_lossy().into_owned(),
            origin: file.display().to_string(),
            yaml: fs::read_to_string(&file).unwrap(),
        };
        match RuleSet::compile([source]) {
            Ok(set) => compiled += set.rules().len(),
            Err(err) => errors.push(err.to_string()),
        }
    }
    (compiled, errors)
}

#[test]
fn every_rule_of_the_public_vale_packs_with_look_around_compiles() {
    let packs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vale-packs");
    for pack in ["Google", "Microsoft"] {
        let (compiled, errors) = errors_of_pack(&packs.join(pack));
        assert!(compiled > 20, "{pack}: {compiled} rules");
        assert_eq!(errors, Vec::<String>::new(), "{pack}");
    }
}

/// Runs `check` on `story` with one rule file `house/Rule.yml`; exit code and standard output.
fn check_with_rule(yaml: &str, story: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("house")).unwrap();
    fs::write(dir.path().join("house/Rule.yml"), yaml).unwrap();
    fs::write(dir.path().join("story.txt"), story).unwrap();
    let output = cmd()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--disable",
            "wire,names-japan,names-world",
        ])
        .args(["--format", "line", "--rules", "house", "story.txt"])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn look_ahead_look_behind_and_back_references_match() {
    let yaml = "extends: existence\nmessage: \"'%s'\"\nlevel: warning\nnonword: true\n\
                tokens:\n  - '\\b(\\w+) \\1\\b'\n  - '(?<!pre)view\\b'\n  - '\\bdata(?= is)'\n";
    let story = "Talks\n\nWe saw the the data is in the preview and the view of data.\n";
    let (code, out) = check_with_rule(yaml, story);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(
        out,
        "story.txt:3:8:house.Rule:'the the'\n\
         story.txt:3:16:house.Rule:'data'\n\
         story.txt:3:47:house.Rule:'view'\n"
    );
}

#[test]
fn a_pattern_that_runs_out_of_budget_is_reported_once_and_fails_the_run() {
    // Each `a` may be taken two ways and the `b` fails them all: 2^30 paths on each of two lines;
    // the budget stops the first, and the rule says so once.
    let yaml = "extends: existence\nmessage: \"'%s'\"\nlevel: suggestion\nnonword: true\n\
                raw: ['^((?=a)a|a)+$']\n";
    let line = format!("{}b", "a".repeat(30));
    let story = format!("Talks\n\n{line}\n\n{line}\n");
    let (code, out) = check_with_rule(yaml, &story);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("story.txt:1:1:house.Rule:rule house.Rule stopped here: its pattern took more than 1000000 backtracking steps"),
        "{out}"
    );
}
