//! Fixture stories and their expected findings: every story under `fixtures/stories/` is checked
//! with the shipped packs, and all its findings must equal its insta snapshot,
//! `fixtures/stories/snapshots/<story>.snap`, exactly.
//!
//! Snapshot lines: `line:col-end_line:end_col rule severity "match" => "fix" | "fix2" :: message`
//! (`=> delete` for an empty replacement, no `=>` without a fix). A story with no findings has an
//! empty snapshot. After a deliberate change, `INSTA_UPDATE=always cargo test --test fixtures`
//! rewrites the snapshots; review the diff before committing it.
//!
//! A story may have a `<story>.options.yaml` sidecar: `date:` as given with `--date`, and any
//! `wirecheck.yaml` keys (`enable: [dateline-ap]`, `packs:`, `dateline_style:`, `date:` under
//! `config:`), e.g. `{date: 2026-01-16, config: {enable: [dates-ap]}}`.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use wirecheck_core::Config;
use wirecheck_core::{Context, Reference};
use wirecheck_core::{DateSource, PublicationDate};
use wirecheck_core::{Document, InputFormat, RuleSet};

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
    let mut options: Options = wirecheck_core::yaml::from_str(&text, "fixture options")
        .unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
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
    let (own_rules, context) = setup(path);
    let rules = own_rules.as_ref().unwrap_or(default_rules);
    support::findings_listing(&doc, &rules.check(&doc, &context))
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let rules = Config::default()
        .rule_set(&[])
        .expect("shipped packs compile");
    let stories = stories();
    assert!(
        stories.len() >= 13,
        "expected at least 13 fixture stories, found {}",
        stories.len()
    );
    insta::glob!("../fixtures/stories", "*.{txt,md}", |story| {
        if !stories.iter().any(|s| s == story) {
            return; // the folder's README.md
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(story.with_file_name("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.set_omit_expression(true);
        let stem = story
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a story's name is UTF-8");
        settings.bind(|| insta::assert_snapshot!(stem.to_owned(), describe(&rules, story)));
    });
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
    let rules = Config::default()
        .rule_set(&[])
        .expect("shipped packs compile");
    for story in clean {
        let found = describe(&rules, &story);
        assert!(
            found.is_empty(),
            "{} is a clean fixture but gives findings:\n{found}",
            story.display()
        );
    }
}
