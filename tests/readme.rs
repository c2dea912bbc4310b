//! README.md cannot drift from the program: every fenced block is run, loaded or compared.
//!
//! - `console` blocks show a command (`$ wirecheck …`, from the project root), its exit code
//!   (`? 1`) and exactly what it prints: trycmd runs them ([`every_console_block_prints_what_it_shows`]);
//!   `TRYCMD=overwrite cargo test --test readme` rewrites the output after a deliberate change
//!   (review the diff).
//! - `sh` blocks: each line is a command, run by `sh` in a scratch folder with the built binary
//!   first on `PATH` (`cargo run --release --` stands for it too). It must exit 0 or 1 (findings)
//!   and print no error. The files the examples name are made from fixtures ([`PLACEHOLDERS`]);
//!   commands that are not run say why in [`NOT_RUN`].
//! - `yaml` blocks: the GitHub Actions job is replayed step by step as Actions would run it; a rule
//!   example (`extends:`) is loaded and run; the configuration example is used as `wirecheck.yaml`.
//! - `markdown` blocks (suppression comments) are syntax illustrations, checked by
//!   tests/cmd/suppressions.toml.
#![cfg(unix)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Files and folders the README's examples name, and the fixtures they are made from (relative
/// to the project root; a folder is made of the files listed after it).
const PLACEHOLDERS: &[(&str, &[&str])] = &[
    (
        "story.txt",
        &["fixtures/stories/sadanews-tokyo-washington-defense.txt"],
    ),
    ("original.txt", &["fixtures/reference/reference.txt"]),
    ("ref.txt", &["tests/data/score/readme/ref1.txt"]),
    ("ref1.txt", &["tests/data/score/readme/ref1.txt"]),
    ("ref2.txt", &["tests/data/score/readme/ref2.txt"]),
    ("hyp.txt", &["tests/data/score/readme/hyp.txt"]),
    ("holders.json", &["tests/data/wikidata/holders.json"]),
    (
        "desk",
        &[
            "fixtures/stories/cms-leftovers.txt",
            "fixtures/stories/clean-korea-japan-summit.md",
            "fixtures/stories/dateline-outlet.txt",
        ],
    ),
    (
        "desk/archive",
        &["fixtures/stories/dateline-unknown-place.txt"],
    ),
    (
        "stories",
        &[
            "fixtures/stories/sadanews-tokyo-washington-defense.txt",
            "fixtures/stories/cms-leftovers.txt",
            "fixtures/stories/clean-weather-early-snow.txt",
        ],
    ),
];

/// Environment the examples expect: `SHARD` is the CI job's number in the sharding example;
/// today is pinned.
const ENVIRONMENT: &[(&str, &str)] = &[("SHARD", "1"), ("WIRECHECK_TODAY", TODAY)];

/// The day the blocks take for today, so that what they print does not change with the day the
/// tests run: an undated story is published on it.
const TODAY: &str = "2026-12-01";

/// Commands of `sh` blocks that are not run, and why.
const NOT_RUN: &[(&str, &str)] = &[
    (
        "cargo test",
        "it runs this test; .ci/run runs it (see ci_runs_the_readme_test_command)",
    ),
    (
        "wirecheck packs sync",
        "it fetches from Wikidata; tests/packs.rs runs it against a server on 127.0.0.1",
    ),
    (
        "cargo install --locked --path .",
        "it builds a release binary (minutes); the test runs the binary cargo built instead",
    ),
];

/// A fenced block of README.md.
struct Block {
    /// The info string: `sh`, `json`, …
    lang: String,
    /// The line of README.md the block's text starts on (1-based).
    line: usize,
    text: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).expect("README.md")
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in readme.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(lang)) => {
                open = Some(Block {
                    lang: lang.trim().to_owned(),
                    line: index + 2,
                    text: String::new(),
                });
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "README.md ends inside a fenced block");
    blocks
}

/// The commands of an `sh` block, each with the README line it starts on: its lines without
/// comments, `\`-continued lines joined.
fn commands(block: &Block) -> Vec<(usize, String)> {
    let mut commands = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (offset, line) in block.text.lines().enumerate() {
        let line = line.trim();
        if pending.is_none() && (line.is_empty() || line.starts_with('#')) {
            continue;
        }
        let (_, command) = pending.get_or_insert_with(|| (block.line + offset, String::new()));
        match line.strip_suffix('\\') {
            Some(start) => command.push_str(start),
            None => {
                command.push_str(line);
                commands.extend(pending.take());
            }
        }
    }
    commands
}

/// A scratch folder holding the placeholders, `fixtures/` (linked), and a `bin/` with
/// `wirecheck`.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).expect("bin/");
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_wirecheck"), bin.join("wirecheck"))
            .expect("bin/wirecheck");
        std::os::unix::fs::symlink(root().join("fixtures"), dir.path().join("fixtures"))
            .expect("fixtures/");
        for (name, sources) in PLACEHOLDERS {
            let target = dir.path().join(name);
            if let [source] = sources
                && name.contains('.')
            {
                fs::copy(root().join(source), &target).expect("copy a fixture");
                continue;
            }
            fs::create_dir_all(&target).expect("a placeholder folder");
            for source in *sources {
                let file = Path::new(source).file_name().expect("a file name");
                fs::copy(root().join(source), target.join(file)).expect("copy a fixture");
            }
        }
        let house = dir.path().join("house");
        fs::create_dir(&house).expect("house/");
        fs::write(
            house.join("Utilize.yml"),
            "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  utilize: use\n",
        )
        .expect("a house rule");
        Workspace { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `script` as Actions or a terminal would, in `dir`, with `wirecheck` on `PATH`.
    fn run(&self, shell: &[&str], script: &str, dir: &Path) -> Output {
        let path = format!(
            "{}:{}",
            self.path().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new(shell[0])
            .args(&shell[1..])
            .arg(script)
            .current_dir(dir)
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .env("WIRECHECK_CACHE_DIR", self.path().join("cache"))
            .env_remove("CLICOLOR_FORCE")
            .envs(ENVIRONMENT.iter().copied())
            .output()
            .expect("the shell runs")
    }
}

/// Why a command's run is not acceptable, if it is not: it must exit 0 (clean) or 1 (findings) and
/// print no error or panic.
fn problem(output: &Output) -> Option<String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let bad_code = !matches!(output.status.code(), Some(0 | 1));
    let bad_stderr = stderr
        .lines()
        .any(|line| line.starts_with("error") || line.contains("panicked"));
    (bad_code || bad_stderr).then(|| format!("exit {:?}, stderr:\n{stderr}", output.status.code()))
}

fn as_run(command: &str) -> String {
    match command.strip_prefix("cargo run --release --") {
        Some(rest) => format!("wirecheck{rest}"),
        None => command.to_owned(),
    }
}

#[test]
fn every_console_block_prints_what_it_shows() {
    trycmd::TestCases::new()
        .register_bin("wirecheck", Path::new(env!("CARGO_BIN_EXE_wirecheck")))
        .env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", TODAY)
        .case("README.md");
}

#[test]
fn every_command_runs_and_every_block_is_checked() {
    let readme = readme();
    let blocks = blocks(&readme);
    let workspace = Workspace::new();
    let mut failures = String::new();
    for block in &blocks {
        match block.lang.as_str() {
            "sh" => {
                let commands = commands(block);
                for (line, command) in &commands {
                    if command.starts_with("wirecheck ")
                        && NOT_RUN.iter().any(|(c, _)| c == command)
                    {
                        continue;
                    }
                    if command.starts_with("cargo ") && !command.starts_with("cargo run ") {
                        if !NOT_RUN.iter().any(|(c, _)| c == command) {
                            let _ = writeln!(
                                failures,
                                "README.md:{line}: `{command}` is neither run nor listed in NOT_RUN"
                            );
                        }
                        continue;
                    }
                    let output = workspace.run(&["sh", "-c"], &as_run(command), workspace.path());
                    if let Some(problem) = problem(&output) {
                        let _ = writeln!(failures, "README.md:{line}: `{command}`: {problem}");
                    }
                }
            }
            // Run by every_console_block_prints_what_it_shows.
            "console" => {}
            "yaml" => {
                if let Err(problem) = check_yaml(block, &workspace) {
                    let _ = writeln!(failures, "README.md:{}: {problem}", block.line);
                }
            }
            "markdown" => {}
            // The query `packs sync` sends, which must be the one README gives.
            "sparql" => {
                if block.text != wirecheck_core::HOLDERS_QUERY {
                    let _ = writeln!(
                        failures,
                        "README.md:{}: the SPARQL query is not the one `packs sync` sends \
                         (crates/wirecheck-core/src/config/wikidata/holders.rq)",
                        block.line
                    );
                }
            }
            other => {
                let _ = writeln!(
                    failures,
                    "README.md:{}: tests/readme.rs does not know what to do with a `{other}` block",
                    block.line
                );
            }
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

fn check_yaml(block: &Block, workspace: &Workspace) -> Result<(), String> {
    let value: serde_json::Value = wirecheck_core::yaml::from_str(&block.text, "YAML block")
        .map_err(|e| format!("invalid YAML: {e}"))?;
    if value.get("jobs").is_some() {
        replay_actions_job(&value, workspace)
    } else if value.get("extends").is_some() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let rule = dir.path().join(format!("Example{}.yml", block.line));
        fs::write(&rule, &block.text).map_err(|e| e.to_string())?;
        let script = format!(
            "wirecheck check --no-config --rules '{}' story.txt",
            rule.display()
        );
        let output = workspace.run(&["sh", "-c"], &script, workspace.path());
        problem(&output).map_or(Ok(()), |p| Err(format!("the rule example: {p}")))
    } else {
        // The configuration example, in a folder with what it names.
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        fs::write(dir.path().join("wirecheck.yaml"), &block.text).map_err(|e| e.to_string())?;
        for rules in value
            .get("rules")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            let folder = dir.path().join(rules.as_str().unwrap_or_default());
            fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
            fs::copy(
                workspace.path().join("house/Utilize.yml"),
                folder.join("Utilize.yml"),
            )
            .map_err(|e| e.to_string())?;
        }
        fs::copy(
            workspace.path().join("story.txt"),
            dir.path().join("story.txt"),
        )
        .map_err(|e| e.to_string())?;
        let output = workspace.run(&["sh", "-c"], "wirecheck check story.txt", dir.path());
        problem(&output).map_or(Ok(()), |p| Err(format!("the configuration example: {p}")))
    }
}

/// Runs the job's steps in order as GitHub Actions does (`bash -e`, stopping at the first step
/// that fails), in a checkout whose `stories/` has findings.
fn replay_actions_job(workflow: &serde_json::Value, workspace: &Workspace) -> Result<(), String> {
    let jobs = workflow["jobs"].as_object().ok_or("`jobs` is not a map")?;
    for (name, job) in jobs {
        let steps = job["steps"].as_array().ok_or("a job without steps")?;
        for (index, step) in steps.iter().enumerate() {
            let number = index + 1;
            if let Some(script) = step["run"].as_str() {
                if let Some(path) = script.trim().strip_prefix("cargo install --locked --path ") {
                    // The install section's command, from the folder the checkout put wirecheck
                    // in; the binary cargo built stands for what it installs.
                    if path.trim().is_empty() {
                        return Err(format!("job {name}, step {number}: no path to install"));
                    }
                    continue;
                }
                let output = workspace.run(&["bash", "-e", "-c"], script, workspace.path());
                let code = output.status.code();
                if code != Some(0) {
                    if let Some(problem) = problem(&output) {
                        return Err(format!("job {name}, step {number} `{script}`: {problem}"));
                    }
                    if number < steps.len() {
                        return Err(format!(
                            "job {name}, step {number} `{}` exits {code:?} on findings, so \
                             GitHub skips the {} steps after it",
                            script.trim(),
                            steps.len() - number
                        ));
                    }
                }
            } else if let Some(action) = step["uses"].as_str() {
                if action.starts_with("actions/checkout@") {
                    continue;
                }
                if action.starts_with("github/codeql-action/upload-sarif@") {
                    let file = step["with"]["sarif_file"]
                        .as_str()
                        .ok_or("upload-sarif without `sarif_file`")?;
                    let text = fs::read_to_string(workspace.path().join(file))
                        .map_err(|e| format!("job {name}, step {number}: {file}: {e}"))?;
                    let sarif: serde_json::Value = serde_json::from_str(&text)
                        .map_err(|e| format!("job {name}, step {number}: {file}: {e}"))?;
                    if sarif["version"] != "2.1.0"
                        || sarif["runs"][0]["results"]
                            .as_array()
                            .is_none_or(Vec::is_empty)
                    {
                        return Err(format!(
                            "job {name}, step {number}: {file} is not a SARIF 2.1.0 log with results"
                        ));
                    }
                    continue;
                }
                return Err(format!(
                    "job {name}, step {number}: tests/readme.rs does not know the action {action}"
                ));
            } else {
                return Err(format!(
                    "job {name}, step {number}: neither `run` nor `uses`"
                ));
            }
        }
    }
    Ok(())
}

/// The install section names the `rust-version` of Cargo.toml, and it is the one cargo checks.
#[test]
fn the_minimum_rust_version_is_the_one_in_cargo_toml() {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = "))
        .expect("Cargo.toml sets rust-version")
        .trim_matches('"');
    let readme = readme();
    assert!(
        readme.contains(&format!("with Rust {version} or newer")),
        "README.md does not say the minimum Rust version is {version}"
    );
}

/// .ci/run runs the README's test command (with `--locked`, which only refuses a stale
/// Cargo.lock), after `cargo fmt --check` and clippy.
#[test]
fn ci_runs_the_readme_test_command() {
    let readme = readme();
    let test_command = blocks(&readme)
        .iter()
        .filter(|b| b.lang == "sh")
        .flat_map(commands)
        .map(|(_, command)| command)
        .find(|c| c.starts_with("cargo test"))
        .expect("README.md shows how to run the tests");
    let ci = fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    let ci_commands: Vec<String> = ci
        .lines()
        .filter(|l| l.starts_with("cargo "))
        .map(|l| l.replace(" --locked", ""))
        .collect();
    for expected in [
        "cargo fmt --check",
        "cargo clippy --all-targets -- -D warnings",
    ] {
        assert!(
            ci_commands.iter().any(|c| c == expected),
            "{expected} missing: {ci_commands:?}"
        );
    }
    assert_eq!(
        ci_commands.last(),
        Some(&test_command),
        ".ci/run does not end with it"
    );
}
