//! Translations checked against their original in another language, as a desk runs it:
//! `wirecheck check --reference original.txt <story> --format json` in each pair folder under
//! `fixtures/translations/` (see its README.md). For every pair, `clean.txt` (a faithful
//! translation) must give no finding at all, and `errors.txt` (the same translation with injected
//! errors) exactly the findings of `errors.expected`, in order.
//!
//! `errors.expected` has one finding a line, sorted by position in `errors.txt`:
//! `<rule id>\t<text of the finding's span in errors.txt>\t<text of the original's span>`, an
//! empty field for an empty span or a finding without one. The report's findings are compared in
//! the order of their spans (start, then end) as `(rule, match, reference.text)`.
//!
//! One test a pair, so that a failure names its language; `expectations_quote_their_files` checks
//! the fixtures themselves (every quoted text is in its file, in order), without the binary.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The rule ids `errors.expected` may name: what the issue asks each class of error to be
/// reported as.
const RULE_IDS: &[&str] = &[
    "wire.ReferenceNumbers.Changed",
    "wire.ReferenceNumbers.Missing",
    "wire.OriginalNames.Misspelt",
    "wire.OriginalNames.Missing",
    "wire.DroppedParagraph",
    "wire.AddedParagraph",
    "wire.Untranslated.Text",
    "wire.Untranslated.Paragraph",
];

/// The ids every pair's errors must exercise (a number left out, `Missing`, is in some pairs only).
/// A rule id here covers the named checks below it (`wire.Untranslated` covers `.Text`).
const IN_EVERY_PAIR: &[&str] = &[
    "wire.ReferenceNumbers.Changed",
    "wire.OriginalNames.Misspelt",
    "wire.DroppedParagraph",
    "wire.AddedParagraph",
    "wire.Untranslated",
];

/// Ids renamed since the expectations were written: (as `errors.expected` writes it, as the tool
/// reports it). A rename is one line here, not an edit of every pair.
const RENAMED: &[(&str, &str)] = &[];

macro_rules! pairs {
    ($($test:ident => $folder:literal on $date:literal,)*) => {
        /// Every pair folder, each checked by the test of the same name.
        const PAIRS: &[&str] = &[$($folder),*];
        $(
            #[test]
            fn $test() {
                check_pair($folder, $date);
            }
        )*
    };
}

// Each pair with the date its translation was published, given as `--date` (as a desk's system
// would): without it, a date without a year would be read against the day the test runs.
pairs! {
    zh => "zh" on "2026-05-06",
    ja => "ja" on "2026-05-07",
    ko => "ko" on "2026-05-07",
    ar => "ar" on "2026-05-07",
    ru => "ru" on "2026-05-07",
    de => "de" on "2026-05-07",
    fr => "fr" on "2026-04-30",
    es => "es" on "2026-05-07",
    en_zh => "en-zh" on "2026-05-09",
    en_ja => "en-ja" on "2026-05-18",
}

fn translations() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/translations")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One finding as the expectations state it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finding {
    rule: String,
    /// The text of the finding's span in the story.
    text: String,
    /// The text of the original's span; empty when the finding has none.
    reference: String,
}

impl Finding {
    fn line(&self) -> String {
        format!("{}\t{}\t{}", self.rule, self.text, self.reference)
    }
}

/// The id the tool reports for `rule` as `errors.expected` writes it.
fn renamed(rule: &str) -> &str {
    RENAMED
        .iter()
        .find(|(old, _)| *old == rule)
        .map_or(rule, |(_, new)| new)
}

/// The findings of a pair's `errors.expected`, with renamed rule ids applied.
fn expected(pair: &Path) -> Vec<Finding> {
    findings_file(&pair.join("errors.expected"))
}

/// What the tool finds today in a pair's `errors.txt`: `errors.expected`, less the injected
/// errors it does not yet find (`errors.missed`), plus what it finds besides them
/// (`errors.extra`: true of `errors.txt`, but in another class than the injected error's, such
/// as a paragraph's numbers missing where the paragraph itself was dropped). Both files are
/// optional and in the format of `errors.expected`; keeping them exact makes every gain and every
/// loss of recall fail this test until it is recorded.
fn found_today(pair: &Path) -> Vec<Finding> {
    let mut found = expected(pair);
    let optional = |name: &str| {
        let path = pair.join(name);
        if path.exists() {
            findings_file(&path)
        } else {
            Vec::new()
        }
    };
    for missed in optional("errors.missed") {
        let at = found.iter().position(|f| *f == missed).unwrap_or_else(|| {
            panic!(
                "{}: errors.missed names {missed:?}, which errors.expected does not have",
                pair.display()
            )
        });
        found.remove(at);
    }
    found.extend(optional("errors.extra"));
    found
}

/// The findings of a file in the format of `errors.expected`, with renamed rule ids applied.
fn findings_file(path: &Path) -> Vec<Finding> {
    read(path)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [rule, text, reference] = fields[..] else {
                panic!(
                    "{}:{}: expected 3 tab-separated fields, found {}: {line:?}",
                    path.display(),
                    i + 1,
                    fields.len()
                );
            };
            assert!(
                RULE_IDS.contains(&rule),
                "{}:{}: unknown rule id {rule:?} (known: {RULE_IDS:?})",
                path.display(),
                i + 1
            );
            Finding {
                rule: renamed(rule).to_owned(),
                text: text.to_owned(),
                reference: reference.to_owned(),
            }
        })
        .collect()
}

/// A run of the binary on one story of a pair: its exit code and findings, in span order, each
/// with its message (shown on failure).
struct Run {
    code: Option<i32>,
    findings: Vec<(Finding, String)>,
    errors: Vec<String>,
}

fn run(pair: &Path, story: &str, date: &str) -> Run {
    let output = Command::cargo_bin("wirecheck")
        .expect("binary is built")
        .current_dir(pair)
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--date", date])
        .args(["--reference", "original.txt", story])
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{}/{story}: the JSON report does not parse ({e}); exit {:?}\nstdout: {stdout}\nstderr: {}",
            pair.display(),
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let text = |value: &Value, key: &str| value[key].as_str().unwrap_or_default().to_owned();
    let mut findings: Vec<((u64, u64), Finding, String)> = report["findings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let at = (
                f["span"]["start"].as_u64().unwrap_or_default(),
                f["span"]["end"].as_u64().unwrap_or_default(),
            );
            let finding = Finding {
                rule: text(f, "rule"),
                text: text(f, "match"),
                // No `reference` (a finding of the story alone) reads as an empty span.
                reference: text(&f["reference"], "text"),
            };
            (at, finding, text(f, "message"))
        })
        .collect();
    // Stable: findings on one span keep the report's order.
    findings.sort_by_key(|(at, _, _)| *at);
    let errors = report["errors"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|e| text(e, "message"))
        .collect();
    Run {
        code: output.status.code(),
        findings: findings.into_iter().map(|(_, f, m)| (f, m)).collect(),
        errors,
    }
}

/// What is wrong with `run` against `expected`, as a unified diff of the lines (`-` expected,
/// `+` found) and the messages of what was found; `None` when they agree.
fn compare(story: &str, expected: &[Finding], run: &Run, code: i32) -> Option<String> {
    // Compared as sorted lists: what was missed and found besides has no place in the order.
    let sorted = |mut lines: Vec<String>| {
        lines.sort();
        lines.concat()
    };
    let want = sorted(expected.iter().map(|f| f.line() + "\n").collect());
    let got = sorted(run.findings.iter().map(|(f, _)| f.line() + "\n").collect());
    if want == got && run.errors.is_empty() && run.code == Some(code) {
        return None;
    }
    let mut out = format!(
        "{story}: exit code {:?} (expected {code}), {} finding(s) (expected {})\n",
        run.code,
        run.findings.len(),
        expected.len()
    );
    for error in &run.errors {
        out.push_str(&format!("  error: {error}\n"));
    }
    if want != got {
        let diff = similar::TextDiff::from_lines(&want, &got);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header("expected", "found")
                .to_string(),
        );
        out.push_str("found, with messages:\n");
        for (finding, message) in &run.findings {
            out.push_str(&format!(
                "  {} {:?} :: {message}\n",
                finding.rule, finding.text
            ));
        }
    }
    Some(out)
}

fn check_pair(name: &str, date: &str) {
    let pair = translations().join(name);
    let mut failures = Vec::new();
    // A clean pair gives nothing: a desk stops reading a checker that cries wolf.
    failures.extend(compare("clean.txt", &[], &run(&pair, "clean.txt", date), 0));
    failures.extend(compare(
        "errors.txt",
        &found_today(&pair),
        &run(&pair, "errors.txt", date),
        1,
    ));
    assert!(
        failures.is_empty(),
        "pair {name} (fixtures/translations/{name}):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_pair_folder_is_tested() {
    let folders: BTreeSet<String> = fs::read_dir(translations())
        .expect("fixtures/translations exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .filter_map(|p| Some(p.file_name()?.to_str()?.to_owned()))
        .collect();
    let tested: BTreeSet<String> = PAIRS.iter().map(|&p| p.to_owned()).collect();
    assert_eq!(folders, tested, "pair folders and the tests of `pairs!`");
}

/// The fixtures say what they mean: each pair has its four files, `errors.txt` differs from
/// `clean.txt`, and every text `errors.expected` quotes is in its file: a story's texts in
/// `errors.txt` in the order given, an original's in `original.txt`.
#[test]
fn expectations_quote_their_files() {
    for name in PAIRS {
        let pair = translations().join(name);
        let original = read(&pair.join("original.txt"));
        let clean = read(&pair.join("clean.txt"));
        let errors = read(&pair.join("errors.txt"));
        assert_ne!(clean, errors, "{name}: errors.txt is clean.txt");
        let expected = expected(&pair);
        assert!(!expected.is_empty(), "{name}: errors.expected is empty");
        let mut from = 0;
        for finding in &expected {
            if !finding.text.is_empty() {
                let at = errors[from..].find(&finding.text).unwrap_or_else(|| {
                    panic!(
                        "{name}: {:?} is not in errors.txt after byte {from} (out of order, or not there)",
                        finding.text
                    )
                });
                from += at;
            }
            assert!(
                finding.reference.is_empty() || original.contains(&finding.reference),
                "{name}: {:?} is not in original.txt",
                finding.reference
            );
        }
        let rules: BTreeSet<&str> = expected.iter().map(|f| f.rule.as_str()).collect();
        for rule in IN_EVERY_PAIR {
            let covered = |id: &&str| *id == *rule || id.starts_with(&format!("{rule}."));
            assert!(
                rules.iter().any(covered),
                "{name}: errors.expected has no finding of {rule}"
            );
        }
    }
}
