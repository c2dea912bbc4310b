//! Shell completion of rule ids and pack names: the shell runs `COMPLETE=bash wirecheck --
//! WORDS…` (what `wirecheck completions bash` registers) and offers what it prints, one candidate
//! a line.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// The candidates bash is offered for the last of `words` (`wirecheck` first), in `dir`.
fn bash_candidates(dir: &Path, words: &[&str]) -> Vec<String> {
    let output = Command::cargo_bin("wirecheck")
        .unwrap()
        .current_dir(dir)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .env("WIRECHECK_CACHE_DIR", "/nonexistent/wirecheck-cache")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn project() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn rule_selectors_complete_to_shipped_ids_checks_and_packs() {
    let dir = project();
    let got = bash_candidates(dir.path(), &["wirecheck", "check", "--select", "wire.D"]);
    assert!(got.contains(&"wire.DoubledWord".to_owned()), "{got:?}");
    assert!(got.contains(&"wire.Dateline.Outlet".to_owned()), "{got:?}");
    assert!(got.iter().all(|c| c.starts_with("wire.D")), "{got:?}");
    // After a comma, the last selector is completed, the ones before kept.
    let got = bash_candidates(
        dir.path(),
        &["wirecheck", "check", "--ignore", "wire,dateline-a"],
    );
    assert!(got.contains(&"wire,dateline-ap".to_owned()), "{got:?}");
    assert!(
        got.contains(&"wire,dateline-ap.Dateline.Case".to_owned()),
        "{got:?}"
    );
    // Packs off by default complete too, and --extend-select takes the same.
    let got = bash_candidates(
        dir.path(),
        &["wirecheck", "check", "--extend-select", "dates-"],
    );
    assert!(got.contains(&"dates-ap".to_owned()), "{got:?}");
}

#[test]
fn pack_options_complete_to_shipped_packs() {
    let dir = project();
    for flag in ["--packs", "--enable", "--disable"] {
        let got = bash_candidates(dir.path(), &["wirecheck", "check", flag, "names-"]);
        assert_eq!(got, ["names-japan", "names-world"], "{flag}");
    }
}

#[test]
fn rules_explain_completes_to_ids() {
    let dir = project();
    let got = bash_candidates(
        dir.path(),
        &["wirecheck", "rules", "explain", "names-japan."],
    );
    assert!(got.contains(&"names-japan.Names".to_owned()), "{got:?}");
    assert!(!got.contains(&"names-japan".to_owned()), "no pack: {got:?}");
}

#[test]
fn the_projects_own_rules_complete_too() {
    let dir = project();
    fs::create_dir(dir.path().join("house")).unwrap();
    fs::write(
        dir.path().join("house/Doubled.yml"),
        "extends: repetition\nmessage: \"'%s' is repeated\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("wirecheck.yaml"), "rules: [house/]\n").unwrap();
    let got = bash_candidates(dir.path(), &["wirecheck", "check", "--select", "ho"]);
    assert_eq!(got, ["house", "house.Doubled"]);
    // A broken configuration completes the shipped ids, and never fails.
    fs::write(dir.path().join("wirecheck.yaml"), "rules: [nowhere/]\n").unwrap();
    let got = bash_candidates(
        dir.path(),
        &["wirecheck", "check", "--select", "wire.Doubled"],
    );
    assert_eq!(got, ["wire.DoubledWord"]);
}

#[test]
fn the_completions_command_registers_the_dynamic_completion() {
    for (shell, marker) in [
        ("bash", "COMPLETE=\"bash\""),
        ("zsh", "COMPLETE=\"zsh\""),
        ("fish", "COMPLETE=fish"),
    ] {
        let output = Command::cargo_bin("wirecheck")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(output.status.success());
        assert!(script.contains(marker), "{shell}: {script}");
    }
}

/// The registered script, sourced by a real bash, completes an id as a user's tab would.
#[test]
fn bash_sourcing_the_script_completes_rule_ids() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("bash is not installed; skipped");
        return;
    }
    let binary = Path::new(env!("CARGO_BIN_EXE_wirecheck"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let script = r#"
        source <(wirecheck completions bash)
        COMP_WORDS=(wirecheck check --select wire.Doubled)
        COMP_CWORD=3
        _clap_complete_wirecheck wirecheck wire.Doubled check
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let output = std::process::Command::new("bash")
        .args(["-c", script])
        .env("PATH", path)
        .env("WIRECHECK_CACHE_DIR", "/nonexistent/wirecheck-cache")
        .current_dir(project().path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "wire.DoubledWord\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
