//! Vale's command-line flags on `wirecheck check`, spelt as Vale spells them: `--output`,
//! `--sort`, `--relative`, `--normalize`, `--minAlertLevel`, `--ext`, `--config` naming a
//! `.vale.ini`, `--no-global`, `--vale-only`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// A doubled word (an error) and a double space (a warning).
const STORY: &str = "Headline\n\nThe the minister spoke  on Friday.\n";

fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(dir).env("NO_COLOR", "1").arg("check");
    cmd
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> (String, String, i32) {
    let mut cmd = cmd(dir);
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let output = cmd.output().expect("runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
        output.status.code().unwrap_or(-1),
    )
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("b")).unwrap();
    fs::write(dir.path().join("b/z.txt"), STORY).unwrap();
    fs::write(dir.path().join("a.txt"), STORY).unwrap();
    dir
}

#[test]
fn output_line_and_json_are_the_line_and_vale_json_formats() {
    let dir = project();
    let line = run(
        dir.path(),
        &["--no-config", "--format", "line", "a.txt"],
        None,
    );
    let alias = run(dir.path(), &["--no-config", "--output=line", "a.txt"], None);
    assert_eq!(alias, line);
    assert!(
        line.0.starts_with("a.txt:3:1:wire.DoubledWord:"),
        "{}",
        line.0
    );
    let json = run(
        dir.path(),
        &["--no-config", "--format", "vale-json", "a.txt"],
        None,
    );
    assert_eq!(
        run(dir.path(), &["--no-config", "--output=JSON", "a.txt"], None),
        json
    );
    let (_, stderr, code) = run(
        dir.path(),
        &["--no-config", "--output=my.tmpl", "a.txt"],
        None,
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("Vale's templates are not supported"),
        "{stderr}"
    );
}

#[test]
fn sort_relative_and_normalize_show_paths_as_vale_does() {
    let dir = project();
    let (plain, _, _) = run(
        dir.path(),
        &["--no-config", "--format", "line", "b", "."],
        None,
    );
    assert!(plain.contains("./a.txt:"), "{plain}");
    let (vale, _, code) = run(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "line",
            "--sort",
            "--relative",
            "--normalize",
            "b",
            ".",
        ],
        None,
    );
    assert_eq!(code, 1);
    let paths: Vec<&str> = vale.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(paths, ["a.txt", "a.txt", "b/z.txt", "b/z.txt"], "{vale}");
}

#[test]
fn min_alert_level_drops_findings_below_it_and_from_the_exit_code() {
    let dir = project();
    let all = run(
        dir.path(),
        &["--no-config", "--format", "line", "a.txt"],
        None,
    )
    .0;
    assert!(all.contains("wire.DoubleSpace"), "{all}");
    for flag in ["--minAlertLevel=error", "--min-alert-level=error"] {
        let (out, _, _) = run(
            dir.path(),
            &["--no-config", "--format", "line", flag, "a.txt"],
            None,
        );
        assert!(
            !out.contains("wire.DoubleSpace") && out.contains("wire.DoubledWord"),
            "{out}"
        );
    }
    fs::write(
        dir.path().join("w.txt"),
        "Headline\n\nThe minister spoke  on Friday.\n",
    )
    .unwrap();
    let (out, _, code) = run(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "line",
            "--minAlertLevel",
            "error",
            "w.txt",
        ],
        None,
    );
    assert_eq!((out.as_str(), code), ("", 0));
    let (_, stderr, code) = run(
        dir.path(),
        &["--no-config", "--minAlertLevel", "loud", "w.txt"],
        None,
    );
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn ext_reads_standard_input_as_that_extension() {
    let dir = project();
    for ext in [".md", "md"] {
        let (out, _, code) = run(
            dir.path(),
            &["--no-config", "--format", "line", "--ext", ext],
            Some(STORY),
        );
        assert_eq!(code, 1);
        assert!(out.starts_with("stdin.md:3:1:wire.DoubledWord:"), "{out}");
    }
}

#[test]
fn config_naming_a_vale_ini_is_not_read_as_wirecheck_yaml() {
    let dir = project();
    fs::write(
        dir.path().join(".vale.ini"),
        "StylesPath = .\n\n[*]\nBasedOnStyles = Vale\n",
    )
    .unwrap();
    fs::write(dir.path().join("_vale"), "MinAlertLevel = error\n").unwrap();
    for config in [".vale.ini", "_vale"] {
        let (out, stderr, code) = run(
            dir.path(),
            &[
                "--config",
                config,
                "--no-global",
                "--format",
                "line",
                "a.txt",
            ],
            None,
        );
        assert_eq!(code, 1, "{stderr}");
        assert!(out.contains("wire.DoubledWord"), "{out}");
    }
    let (_, stderr, code) = run(
        dir.path(),
        &["--vale-config", ".vale.ini", "--format", "line", "a.txt"],
        None,
    );
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn vale_only_leaves_the_shipped_packs_out() {
    let dir = project();
    let (out, stderr, code) = run(
        dir.path(),
        &["--no-config", "--vale-only", "--format", "line", "a.txt"],
        None,
    );
    assert_eq!((out.as_str(), code), ("", 0), "{stderr}");
}
