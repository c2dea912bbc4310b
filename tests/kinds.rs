//! Every rule kind shown by its own fixture folder, `fixtures/kinds/<kind>/` (as ruff's
//! `test_case(Rule, path)` does): its rule files (`*.yml`, the pack `<kind>`), the stories that
//! exercise them (`stories/*.txt`, `stories/*.md`: findings, and near misses that must not be
//! found), and, in `snapshots/`, each story's findings (`<story>.snap`) and, where the kind fixes,
//! its text after the safe fixes (`<story>.fixed.snap`). A `reference` story is checked against
//! `references/<story>.txt`, as with `check --reference`.
//!
//! Only the folder's rules are loaded, no shipped pack (files they name, such as a spelling
//! rule's dictionaries, are found with the folder as Vale's StylesPath); a story's publication date is its own
//! (front matter or dateline), as in `wirecheck check`. A new kind needs only its folder: the test
//! finds it, and fails for a kind in the registry without one.
//!
//! After a deliberate change, `INSTA_UPDATE=always cargo test --test kinds` rewrites the snapshots
//! (or `cargo insta test --review`); read the diff before committing it.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use wirecheck_core::{Context, Reference, RuleSource};
use wirecheck_core::{Document, InputFormat, RuleSet};

fn kinds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/kinds")
}

/// The files of `dir` whose names end in one of `extensions`, sorted.
fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    files
}

/// The rules of a kind's folder, as the pack named after it.
fn rules_of(kind_dir: &Path) -> RuleSet {
    let pack = kind_dir
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a kind folder's name is UTF-8");
    let sources: Vec<RuleSource> = files_in(kind_dir, &["yml", "yaml"])
        .into_iter()
        .map(|path| {
            let mut source = RuleSource {
                files: Default::default(),
                pack: pack.to_owned(),
                name: path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .expect("a rule file's name is UTF-8")
                    .to_owned(),
                origin: path.display().to_string(),
                yaml: fs::read_to_string(&path).expect("a rule file is UTF-8"),
            };
            // The files a rule names (a spelling rule's dictionaries and word lists) are found
            // with the kind's folder as the StylesPath.
            wirecheck_core::read_rule_files(&mut source, Some(kind_dir))
                .unwrap_or_else(|e| panic!("{e}"));
            source
        })
        .collect();
    assert!(
        !sources.is_empty(),
        "{} has no rule file",
        kind_dir.display()
    );
    let rules = RuleSet::compile(sources).unwrap_or_else(|e| panic!("{e}"));
    for rule in rules.rules() {
        assert_eq!(
            rule.kind, pack,
            "{} is in the folder of another kind",
            rule.origin
        );
    }
    rules
}

fn parse(path: &Path) -> Document {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::parse(text, InputFormat::from_path(path))
}

#[test]
fn every_kind_has_a_fixture_folder_and_every_folder_is_a_kind() {
    let kinds: Vec<&str> = wirecheck_core::kind_names().collect();
    let mut folders: Vec<String> = fs::read_dir(kinds_dir())
        .expect("fixtures/kinds exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    folders.sort();
    for kind in &kinds {
        let dir = kinds_dir().join(kind);
        assert!(
            folders.iter().any(|f| f == kind),
            "the kind '{kind}' has no fixture folder fixtures/kinds/{kind}/"
        );
        assert!(
            !files_in(&dir.join("stories"), &["txt", "md"]).is_empty(),
            "fixtures/kinds/{kind}/stories/ has no story"
        );
    }
    for folder in &folders {
        assert!(
            kinds.contains(&folder.as_str()),
            "fixtures/kinds/{folder}/ is not a rule kind ({})",
            kinds.join(", ")
        );
    }
}

#[test]
fn every_kind_gives_the_findings_and_fixes_of_its_snapshots() {
    insta::glob!("../fixtures/kinds", "*/stories/*.{txt,md}", |story| {
        let kind_dir = story
            .parent()
            .and_then(Path::parent)
            .expect("stories are two levels down");
        let stem = story
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a story's name is UTF-8");
        let rules = rules_of(kind_dir);
        let doc = parse(story);
        let reference = kind_dir.join("references").join(format!("{stem}.txt"));
        let context = Context {
            reference: reference
                .exists()
                .then(|| Arc::new(Reference::new(parse(&reference)))),
            ..Context::default()
        };
        let findings = rules.check(&doc, &context);
        let (fixed, applied) = wirecheck_core::apply_safe_fixes(doc.original(), &findings);

        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(kind_dir.join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(stem.to_owned(), support::findings_listing(&doc, &findings));
            let fixed_snapshot = kind_dir
                .join("snapshots")
                .join(format!("{stem}.fixed.snap"));
            if applied > 0 {
                insta::assert_snapshot!(format!("{stem}.fixed"), support::text_with_end(&fixed));
            } else {
                assert!(
                    !fixed_snapshot.exists(),
                    "{}: no safe fix applies, but {} exists (delete it)",
                    story.display(),
                    fixed_snapshot.display()
                );
            }
        });
    });
}
