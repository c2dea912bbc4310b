//! Vale 3.15.1's own test suite, run through wirecheck: every scenario of
//! `../shared/vale-testdata/features/*.feature` (Gherkin) that is in scope runs as
//! `wirecheck check --format line --sort --normalize --relative --no-global --vale-only ARGS` in
//! the step's working directory (the suite README's step table), and its output (standard output
//! then standard error, as Cucumber's aruba takes it) and exit code are compared exactly.
//!
//! The set of passing scenarios must equal `tests/vale_suite_passing.txt` (one `feature: scenario`
//! a line): a scenario that stops passing fails the test, and so does one that starts passing
//! until the list is updated (`VALE_SUITE_BLESS=1 cargo test --test vale_suite` rewrites it), so
//! the count README.md gives stays true. `VALE_SUITE_VERBOSE=1` prints a table of every scenario
//! and a unified diff of each failure. Scenarios out of scope are listed, with the reason, in
//! [`OUT_OF_SCOPE`].
//!
//! Aruba runs a scenario in `testdata/tmp/aruba`, writes its `Given a file named` files there,
//! and its steps `cd` to `../../fixtures/…`. Here a fresh temporary folder stands in for
//! `testdata`: its `tmp/aruba` is real, everything else links to the suite, so a scenario writes
//! nothing into `../shared`. It sits two folders deep so that the one scenario that climbs out of
//! the suite (`/../../..`) lands in an empty folder, not in `/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

/// The flags every scenario runs with (what the suite's `steps.rb` gives `vale`, plus
/// `--vale-only`: wirecheck's own packs stay out of Vale's expected output).
const COMMON: &[&str] = &[
    "check",
    "--format",
    "line",
    "--sort",
    "--normalize",
    "--relative",
    "--no-global",
    "--vale-only",
];

/// Steps and file types out of scope for wirecheck (the suite README's list), and why.
const OUT_OF_SCOPE: &[(Scope, &str)] = &[
    (
        Scope::Step("lint AsciiDoc"),
        "AsciiDoc needs Asciidoctor, an external converter",
    ),
    (
        Scope::Step("lint reStructuredText"),
        "reStructuredText needs rst2html, an external converter",
    ),
    (
        Scope::Step("lint Sphinx"),
        "Sphinx builds need Sphinx, an external converter",
    ),
    (
        Scope::Step("test plugins for"),
        "plugins are external programs",
    ),
    (Scope::Step("test template"), "Go output templates"),
    (
        Scope::Step("sync pkg"),
        "`vale sync` downloads packages over the network",
    ),
    (
        Scope::Step("fix"),
        "`vale fix` (an alert on standard input) is not a wirecheck command",
    ),
    (
        Scope::Ext(&["adoc", "asciidoc", "asc"]),
        "AsciiDoc needs Asciidoctor, an external converter",
    ),
    (
        Scope::Ext(&["rst", "rest"]),
        "reStructuredText needs rst2html, an external converter",
    ),
    (
        Scope::Ext(&["xml", "dita"]),
        "XML and DITA need xsltproc or the DITA Open Toolkit",
    ),
    (Scope::Ext(&["mdx"]), "MDX needs an external converter"),
    (
        Scope::Ext(&["org"]),
        "Org mode is not a format wirecheck reads",
    ),
    (
        Scope::Ext(&[
            "py", "cc", "c", "cpp", "h", "hpp", "cs", "go", "java", "js", "jsx", "ts", "tsx", "rs",
            "rb", "php", "lua", "hs", "r", "R", "ps1", "clj", "jl", "proto", "css", "swift",
            "scala", "sass", "less", "pl", "pm", "sql", "sh",
        ]),
        "Vale lints comments in source code; wirecheck reads prose",
    ),
];

/// What an out-of-scope entry matches.
#[derive(Clone, Copy)]
enum Scope {
    /// A `When I …` step beginning so.
    Step(&'static str),
    /// A file named in the step's arguments with one of these extensions.
    Ext(&'static [&'static str]),
}

/// The suite's data, read where the project reads it.
fn suite() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vale-testdata");
    assert!(
        path.join("features").is_dir(),
        "Vale's suite is read from ../shared/vale-testdata: {}",
        path.display()
    );
    path
}

fn passing_list() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vale_suite_passing.txt")
}

// --- Gherkin ---------------------------------------------------------------------------------

/// One step of a scenario.
#[derive(Clone, Debug)]
enum Step {
    /// `Given a file named "NAME" with:` and its text.
    File { name: String, text: String },
    /// A `When` step: where to run, what to run with, and standard input.
    Run {
        step: String,
        cd: Option<String>,
        args: String,
        stdin: Option<String>,
    },
    /// `Then the output should contain exactly:`.
    OutputIs(String),
    /// `Then the output should contain:`.
    OutputHas(String),
    /// `the output should not contain "TEXT"`.
    OutputLacks(String),
    /// `the exit status should be N`.
    Status(i32),
    /// `Given on Unix`: nothing to do here.
    Nothing,
    /// A step this harness does not know.
    Unknown(String),
}

#[derive(Clone, Debug)]
struct Scenario {
    /// `feature: scenario name`, unique.
    id: String,
    steps: Vec<Step>,
}

/// The quoted arguments of a step (`"a" "b"`).
fn quoted(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The `When` step `text` (without `When I `) as a working directory and arguments, following
/// the suite README's step table.
fn when(text: &str) -> Step {
    let q = quoted(text);
    let first = q.first().cloned().unwrap_or_default();
    let fixtures = |dir: &str| Some(format!("../../fixtures/{dir}"));
    let (cd, args, stdin) = match text {
        t if t.starts_with("test scope ") => {
            (fixtures(&format!("scopes/{first}")), ".".into(), None)
        }
        t if t.starts_with("test comments for ") => {
            (fixtures("comments"), format!("test{first}"), None)
        }
        t if t.starts_with("test patterns for ") => (fixtures("patterns"), first, None),
        t if t.starts_with("test plugins for ") => (fixtures("plugins"), first, None),
        t if t.starts_with("test template ") => {
            (fixtures("templates"), format!("--output='{first}' ."), None)
        }
        t if t.starts_with("test dir glob ") => {
            (fixtures("glob"), format!("--glob='{first}' ."), None)
        }
        t if t.starts_with("test glob ") => {
            (fixtures("formats"), format!("--glob='{first}' ."), None)
        }
        t if t.starts_with("test ") => (fixtures(&first), ".".into(), None),
        t if t.starts_with("apply style ") => {
            (fixtures(&format!("styles/{first}")), ".".into(), None)
        }
        t if t.starts_with("use Vocab ") => (fixtures(&format!("vocab/{first}")), ".".into(), None),
        t if t.starts_with("use filter file ") => (
            fixtures("filters"),
            format!("--filter=\"{first}.expr\" ."),
            None,
        ),
        t if t.starts_with("use filter expr ") => {
            (fixtures("filters"), format!("--filter=\"{first}\" ."), None)
        }
        t if t.starts_with("lint simple ") => (
            fixtures("formats"),
            format!("--ignore-syntax {first}"),
            None,
        ),
        t if t.starts_with("lint path with exclusions") => (fixtures("folders"), ".".into(), None),
        t if t.starts_with("lint path ") => {
            (fixtures(&format!("formats/{first}")), ".".into(), None)
        }
        t if t.starts_with("lint AsciiDoc ") => (fixtures("formats/adoc"), first, None),
        t if t.starts_with("lint reStructuredText ") => (fixtures("formats/rst"), first, None),
        t if t.starts_with("lint Sphinx ") => (fixtures("formats/Sphinx"), first, None),
        t if t.starts_with("lint file ") => {
            let ext = q.get(1).cloned().unwrap_or_default();
            (fixtures("formats"), format!("--ext='{ext}' {first}"), None)
        }
        t if t.starts_with("lint with config ") => (
            fixtures("formats"),
            format!("--config='{first}' test.md"),
            None,
        ),
        t if t.starts_with("lint string ") => (fixtures("formats"), format!("'{first}'"), None),
        t if t.starts_with("lint ") => (fixtures("formats"), first, None),
        t if t.starts_with("run command ") => (fixtures("formats"), first, None),
        t if t.starts_with("run cat ") => {
            let ext = q.get(1).cloned().unwrap_or_default();
            (fixtures("formats"), format!("--ext=\"{ext}\""), Some(first))
        }
        t if t.starts_with("run vale ") => (None, first, None),
        t if t.starts_with("assign minAlertLevel ") => {
            let file = q.get(1).cloned().unwrap_or_default();
            (None, format!("--minAlertLevel='{first}' {file}"), None)
        }
        t if t.starts_with("inherit from ") => {
            let config = q.get(1).cloned().unwrap_or_default();
            (
                Some(first),
                format!("--mode-compat --config='{config}' test.md"),
                None,
            )
        }
        t if t.starts_with("check inherited config ") => (
            fixtures("configs"),
            format!("--mode-compat --config='{first}' dc"),
            None,
        ),
        t if t.starts_with("overwrite sources ") || t.starts_with("inherit sources ") => (
            fixtures("configs"),
            format!("--sources='{first}' test.md"),
            None,
        ),
        t if t.starts_with("fix ") => (fixtures("actions"), format!("fix {first}"), None),
        t if t.starts_with("sync pkg ") => {
            (fixtures(&format!("pkg/{first}")), "test.md".into(), None)
        }
        _ => return Step::Unknown(format!("When I {text}")),
    };
    Step::Run {
        step: text.to_owned(),
        cd,
        args,
        stdin,
    }
}

/// A doc string's text: the lines up to the closing `"""`, less the opening mark's indentation.
fn doc_string<'a>(indent: usize, lines: &mut impl Iterator<Item = &'a str>) -> String {
    let mut text = Vec::new();
    for line in lines.by_ref() {
        if line.trim() == "\"\"\"" {
            break;
        }
        let strip = line.len() - line.trim_start_matches(' ').len();
        text.push(&line[strip.min(indent)..]);
    }
    text.join("\n")
}

/// The scenarios of one feature file, each with the Background's steps first.
fn parse_feature(feature: &str, text: &str) -> Vec<Scenario> {
    let mut background = Vec::new();
    let mut scenarios: Vec<Scenario> = Vec::new();
    let mut in_background = false;
    let mut lines = text.lines();
    while let Some(raw) = lines.next() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('@') {
            continue;
        }
        if line.starts_with("Background:") {
            in_background = true;
            continue;
        }
        if let Some(name) = line.strip_prefix("Scenario:") {
            in_background = false;
            let mut id = format!("{feature}: {}", name.trim());
            let base = id.clone();
            let mut n = 2;
            while scenarios.iter().any(|s| s.id == id) {
                id = format!("{base} ({n})");
                n += 1;
            }
            scenarios.push(Scenario {
                id,
                steps: background.clone(),
            });
            continue;
        }
        let Some((_, step)) = ["Given ", "When ", "Then ", "And ", "But "]
            .iter()
            .find_map(|k| line.strip_prefix(k).map(|rest| (k, rest)))
        else {
            continue;
        };
        let step = step.trim();
        let parsed = if step.ends_with(':') {
            let indent = lines
                .clone()
                .next()
                .map_or(0, |l| l.len() - l.trim_start_matches(' ').len());
            // Skip the opening `"""`.
            lines.next();
            let text = doc_string(indent, &mut lines);
            if step.starts_with("a file named ") {
                Step::File {
                    name: quoted(step).first().cloned().unwrap_or_default(),
                    text,
                }
            } else if step == "the output should contain exactly:" {
                Step::OutputIs(text)
            } else if step == "the output should contain:" {
                Step::OutputHas(text)
            } else {
                Step::Unknown(step.to_owned())
            }
        } else if let Some(rest) = step.strip_prefix("I ") {
            when(rest)
        } else if let Some(status) = step.strip_prefix("the exit status should be ") {
            status
                .trim()
                .parse()
                .map_or_else(|_| Step::Unknown(step.to_owned()), Step::Status)
        } else if step.starts_with("the output should not contain ") {
            Step::OutputLacks(quoted(step).first().cloned().unwrap_or_default())
        } else if step == "on Unix" {
            Step::Nothing
        } else {
            Step::Unknown(step.to_owned())
        };
        if in_background {
            background.push(parsed);
        } else if let Some(scenario) = scenarios.last_mut() {
            scenario.steps.push(parsed);
        }
    }
    scenarios
}

fn all_scenarios() -> Vec<Scenario> {
    let mut features: Vec<PathBuf> = fs::read_dir(suite().join("features"))
        .expect("features folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "feature"))
        .collect();
    features.sort();
    features
        .iter()
        .flat_map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            parse_feature(&name, &fs::read_to_string(path).expect("feature file"))
        })
        .collect()
}

/// Why `scenario` is out of scope, if it is: a step out of scope, or a file of a type out of
/// scope named in a step's arguments or in the output it expects (a folder's code files).
fn out_of_scope(scenario: &Scenario) -> Option<&'static str> {
    let expected: Vec<String> = scenario
        .steps
        .iter()
        .filter_map(|step| match step {
            Step::OutputIs(text) | Step::OutputHas(text) => Some(text),
            _ => None,
        })
        .flat_map(|text| {
            text.lines()
                .filter_map(|l| l.split(':').next())
                .map(str::to_owned)
        })
        .collect();
    scenario.steps.iter().find_map(|step| {
        let Step::Run {
            step, args, stdin, ..
        } = step
        else {
            return None;
        };
        let words = shlex::split(args).unwrap_or_default();
        let named: Vec<&str> = words
            .iter()
            .chain(&expected)
            .map(String::as_str)
            .chain(stdin.as_deref())
            .collect();
        OUT_OF_SCOPE.iter().find_map(|(scope, reason)| match scope {
            Scope::Step(prefix) => step.starts_with(prefix).then_some(*reason),
            Scope::Ext(exts) => named
                .iter()
                .flat_map(|word| word.split('='))
                .filter_map(|word| Path::new(word.trim_matches('\'')).extension())
                .any(|ext| exts.iter().any(|e| ext == *e))
                .then_some(*reason),
        })
    })
}

// --- running ---------------------------------------------------------------------------------

/// `path` with `.` and `..` resolved by name, as Ruby's `File.expand_path` resolves them.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// How one scenario went: `Ok` when every step held, else what differed.
fn run_scenario(scenario: &Scenario) -> Result<(), String> {
    let root = tempfile::tempdir().map_err(|e| e.to_string())?;
    let testdata = root.path().join("x/testdata");
    let aruba = testdata.join("tmp/aruba");
    fs::create_dir_all(&aruba).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(suite()).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = fs::canonicalize(entry.path()).map_err(|e| e.to_string())?;
        std::os::unix::fs::symlink(target, testdata.join(entry.file_name()))
            .map_err(|e| e.to_string())?;
    }
    let mut cwd = aruba.clone();
    let mut last: Option<(String, i32)> = None;
    for step in &scenario.steps {
        match step {
            Step::File { name, text } => {
                if !cwd.starts_with(&aruba) {
                    return Err(format!("harness: would write {name} into the suite"));
                }
                let path = cwd.join(name);
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                }
                fs::write(path, text).map_err(|e| e.to_string())?;
            }
            Step::Run {
                cd, args, stdin, ..
            } => {
                if let Some(dir) = cd {
                    cwd = lexical(&cwd.join(dir));
                }
                let words =
                    shlex::split(args).ok_or_else(|| format!("harness: cannot split {args}"))?;
                let mut cmd =
                    assert_cmd::Command::cargo_bin("wirecheck").map_err(|e| e.to_string())?;
                cmd.current_dir(&cwd)
                    .args(COMMON)
                    .args(&words)
                    .env("HOME", root.path())
                    .env("NO_COLOR", "1")
                    .env_remove("VALE_CONFIG_PATH")
                    .env_remove("VALE_STYLES_PATH")
                    .env_remove("XDG_CONFIG_HOME")
                    .env_remove("XDG_DATA_HOME")
                    .timeout(std::time::Duration::from_secs(60));
                match stdin {
                    Some(file) => {
                        let input = fs::read(cwd.join(file)).map_err(|e| format!("{file}: {e}"))?;
                        cmd.write_stdin(input);
                    }
                    None => {
                        cmd.write_stdin(Vec::new());
                    }
                }
                let output = cmd.output().map_err(|e| e.to_string())?;
                let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
                text.push_str(&String::from_utf8_lossy(&output.stderr));
                last = Some((text, output.status.code().unwrap_or(-1)));
            }
            Step::OutputIs(expected) => {
                let (got, _) = last.as_ref().ok_or("harness: no command ran")?;
                if got.trim_end() != expected.trim_end() {
                    return Err(diff(expected.trim_end(), got.trim_end()));
                }
            }
            Step::OutputHas(expected) => {
                let (got, _) = last.as_ref().ok_or("harness: no command ran")?;
                if !got.contains(expected.trim_end()) {
                    return Err(format!("output lacks:\n{expected}\n--- output:\n{got}"));
                }
            }
            Step::OutputLacks(unexpected) => {
                let (got, _) = last.as_ref().ok_or("harness: no command ran")?;
                if got.contains(unexpected.as_str()) {
                    return Err(format!("output has {unexpected:?}:\n{got}"));
                }
            }
            Step::Status(expected) => {
                let (got, code) = last.as_ref().ok_or("harness: no command ran")?;
                if code != expected {
                    return Err(format!(
                        "exit status {code}, expected {expected}; output:\n{got}"
                    ));
                }
            }
            Step::Nothing => {}
            Step::Unknown(step) => return Err(format!("harness: unknown step: {step}")),
        }
    }
    Ok(())
}

/// A scenario run (`Ok`: passed, or what differed) or out of scope (`Err`: why).
type Outcome = Result<Result<(), String>, &'static str>;

fn diff(expected: &str, got: &str) -> String {
    similar::TextDiff::from_lines(
        format!("{expected}\n").as_str(),
        format!("{got}\n").as_str(),
    )
    .unified_diff()
    .header("expected (Vale)", "wirecheck")
    .to_string()
}

#[test]
fn vale_suite_scenarios_pass_as_listed() {
    let scenarios = all_scenarios();
    assert!(
        scenarios.len() > 100,
        "only {} scenarios parsed",
        scenarios.len()
    );
    let outcomes: Vec<(&Scenario, Outcome)> = scenarios
        .par_iter()
        .map(|s| match out_of_scope(s) {
            Some(reason) => (s, Err(reason)),
            None => (s, Ok(run_scenario(s))),
        })
        .collect();

    let passing: BTreeSet<String> = outcomes
        .iter()
        .filter(|(_, outcome)| matches!(outcome, Ok(Ok(()))))
        .map(|(s, _)| s.id.clone())
        .collect();
    let in_scope = outcomes.iter().filter(|(_, o)| o.is_ok()).count();
    let verbose = std::env::var_os("VALE_SUITE_VERBOSE").is_some();
    if verbose {
        println!("| scenario | result |\n|---|---|");
        for (scenario, outcome) in &outcomes {
            let result = match outcome {
                Ok(Ok(())) => "pass".to_owned(),
                Ok(Err(_)) => "FAIL".to_owned(),
                Err(reason) => format!("out of scope: {reason}"),
            };
            println!("| {} | {result} |", scenario.id);
        }
        for (scenario, outcome) in &outcomes {
            if let Ok(Err(why)) = outcome {
                println!("\n=== {}\n{why}", scenario.id);
            }
        }
    }
    println!(
        "Vale's suite: {} of {in_scope} in-scope scenarios pass ({} scenarios, {} out of scope)",
        passing.len(),
        outcomes.len(),
        outcomes.len() - in_scope
    );

    if std::env::var_os("VALE_SUITE_BLESS").is_some() {
        let mut text = String::new();
        for id in &passing {
            text.push_str(id);
            text.push('\n');
        }
        fs::write(passing_list(), text).expect("writes the list");
        return;
    }
    let listed: BTreeSet<String> = fs::read_to_string(passing_list())
        .expect("tests/vale_suite_passing.txt (VALE_SUITE_BLESS=1 writes it)")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let regressed: Vec<&String> = listed.difference(&passing).collect();
    let newly: Vec<&String> = passing.difference(&listed).collect();
    assert!(
        regressed.is_empty() && newly.is_empty(),
        "the passing scenarios differ from tests/vale_suite_passing.txt \
         (VALE_SUITE_VERBOSE=1 shows why; VALE_SUITE_BLESS=1 updates the list)\n\
         no longer passing: {regressed:#?}\nnow passing, not listed: {newly:#?}"
    );
}

#[test]
fn feature_files_parse_into_steps_the_harness_knows() {
    let scenarios = all_scenarios();
    let unknown: Vec<String> = scenarios
        .iter()
        .flat_map(|s| {
            s.steps.iter().filter_map(move |step| match step {
                Step::Unknown(text) => Some(format!("{}: {text}", s.id)),
                _ => None,
            })
        })
        .collect();
    assert_eq!(unknown, Vec::<String>::new());
    let config = scenarios
        .iter()
        .find(|s| s.id == "config: MinAlertLevel = warning")
        .expect("a known scenario");
    let steps: Vec<String> = config.steps.iter().map(|s| format!("{s:?}")).collect();
    // Background files first, then the scenario's own, its run, and what it expects.
    assert!(
        steps[0].starts_with("File { name: \"test.md\""),
        "{steps:?}"
    );
    assert!(steps.iter().any(|s| s.contains("name: \".vale\", text: \"StylesPath = ../../styles/\\nMinAlertLevel = warning\\n\\n[*]\\nBasedOnStyles = vale\"")), "{steps:?}");
    assert!(matches!(config.steps.last(), Some(Step::Status(0))));
    assert!(matches!(
        &config.steps[config.steps.len() - 2],
        Step::OutputIs(text) if text == "test.md:1:11:vale.Editorializing:Consider removing 'very'"
    ));
}
