//! Fixture stories and their expected findings: every story under `fixtures/stories/` is checked
//! with the shipped packs, and all its findings must equal its `.expected` sidecar exactly.
//!
//! Sidecar lines: `line:col-end_line:end_col rule severity "match" => "fix" | "fix2" :: message`
//! (`=> delete` for an empty replacement, no `=>` without a fix). A story with no findings has an
//! empty sidecar. `WIRECHECK_BLESS=1 cargo test --test fixtures` rewrites the sidecars; review the
//! diff before committing it.
//!
//! A story may have a `<story>.options.yaml` sidecar: `date:` as given with `--date`, and any
//! `wirecheck.yaml` keys (`enable: [dateline-ap]`, `packs:`, `dateline_style:`, `date:` under
//! `config:`), e.g. `{date: 2026-01-16, config: {enable: [dates-ap]}}`.

use std::fs;
use std::path::{Path, PathBuf};

use wirecheck_core::config::Config;
use wirecheck_core::knowledge::publication::{DateSource, PublicationDate};
use wirecheck_core::rules::{Context, Reference};
use wirecheck_core::{Document, InputFormat, RuleSet};
use wirecheck_text::span::LineIndex;

fn stories() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/stories");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures/stories exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    paths
}

/// A story's options sidecar.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Options {
    /// As `--date`.
    #[serde(default)]
    date: Option<String>,
    /// `wirecheck.yaml` keys.
    #[serde(default)]
    config: Config,
    /// As `--reference`: a file name under `fixtures/reference/`.
    #[serde(default)]
    reference: Option<String>,
}

/// The rules and context a story is checked with: the shipped defaults, or its sidecar's.
fn setup(path: &Path) -> (Option<RuleSet>, Context) {
    let sidecar = path.with_extension("options.yaml");
    let Ok(text) = fs::read_to_string(&sidecar) else {
        return (None, Context::default());
    };
    let mut options: Options =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
    options.config.root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut context = options.config.context().expect("sidecar config is valid");
    if let Some(date) = &options.date {
        let date = PublicationDate::parse(date, DateSource::CommandLine).expect("valid date");
        context.publication = Some(date);
    }
    if let Some(name) = &options.reference {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/reference")
            .join(name);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let format = InputFormat::from_path(&path);
        context.reference = Some(std::sync::Arc::new(Reference::new(Document::parse(
            text, format,
        ))));
    }
    let rules = options.config.rule_set(&[]).expect("sidecar packs compile");
    (Some(rules), context)
}

fn describe(default_rules: &RuleSet, path: &Path) -> String {
    let source = fs::read_to_string(path).expect("fixture is UTF-8");
    let doc = Document::parse(source, InputFormat::from_path(path));
    let index = LineIndex::new(doc.original());
    let (own_rules, context) = setup(path);
    let rules = own_rules.as_ref().unwrap_or(default_rules);
    let mut out = String::new();
    for finding in rules.check(&doc, &context) {
        let start = index.position(doc.original(), finding.span.start);
        let end = index.position(doc.original(), finding.span.end);
        let matched = finding.span.slice(doc.original());
        out.push_str(&format!(
            "{}:{}-{}:{} {} {} {:?}",
            start.line, start.column, end.line, end.column, finding.rule, finding.severity, matched
        ));
        if !finding.suggestions.is_empty() {
            let fixes: Vec<String> = finding
                .suggestions
                .iter()
                .map(|s| {
                    if s.replacement.is_empty() {
                        "delete".to_owned()
                    } else {
                        format!("{:?}", s.replacement)
                    }
                })
                .collect();
            out.push_str(&format!(" => {}", fixes.join(" | ")));
        }
        out.push_str(&format!(" :: {}\n", finding.message));
    }
    out
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let rules = Config::default()
        .rule_set(&[])
        .expect("shipped packs compile");
    let bless = std::env::var_os("WIRECHECK_BLESS").is_some();
    let stories = stories();
    assert!(
        stories.len() >= 13,
        "expected at least 13 fixture stories, found {}",
        stories.len()
    );
    let mut failures = Vec::new();
    for story in &stories {
        let actual = describe(&rules, story);
        let sidecar = story.with_extension("expected");
        if bless {
            fs::write(&sidecar, &actual).expect("sidecar is writable");
            continue;
        }
        let expected = fs::read_to_string(&sidecar)
            .unwrap_or_else(|_| panic!("{} has no sidecar {}", story.display(), sidecar.display()));
        if expected != actual {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                story.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixtures differ:\n{}",
        failures.join("\n")
    );
}

#[test]
fn clean_fixtures_exist_and_are_clean() {
    let clean: Vec<_> = stories()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("clean-"))
        })
        .collect();
    assert!(
        clean.len() >= 4,
        "expected at least 4 clean fixtures, found {}",
        clean.len()
    );
    for story in clean {
        let expected = fs::read_to_string(story.with_extension("expected")).unwrap_or_default();
        assert!(
            expected.is_empty(),
            "{} is a clean fixture but expects findings",
            story.display()
        );
    }
}
