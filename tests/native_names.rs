//! The `reference` kind's `native-names` comparison, in the style of `tests/kinds.rs`: the rules of
//! `fixtures/native-names/` (a `names` rule with native forms, and the comparison) check each
//! story of `stories/` against its original in `references/`; `snapshots/` has each story's
//! findings (`<story>.snap`, each with the original's text it compares with) and, where a safe fix
//! applies, its fixed text (`<story>.fixed.snap`).
//!
//! After a deliberate change, `INSTA_UPDATE=always cargo test --test native_names` rewrites the
//! snapshots; read the diff before committing it.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use wirecheck_core::{Context, Document, Finding, InputFormat, Reference, RuleSet, RuleSource};
use wirecheck_text::span::LineIndex;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/native-names")
}

fn rules() -> RuleSet {
    let mut sources = Vec::new();
    for name in ["Names", "OriginalNames"] {
        let path = folder().join(format!("{name}.yml"));
        sources.push(RuleSource {
            files: Default::default(),
            pack: "native".to_owned(),
            name: name.to_owned(),
            origin: path.display().to_string(),
            yaml: fs::read_to_string(&path).expect("a rule file is UTF-8"),
        });
    }
    RuleSet::compile(sources).unwrap_or_else(|e| panic!("{e}"))
}

fn parse(path: &Path) -> Document {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::parse(text, InputFormat::from_path(path))
}

/// The findings of `story`, one a line, each followed by the original's text it compares with.
fn listing(story: &Document, original: &Document, findings: &[Finding]) -> String {
    let index = LineIndex::new(original.original());
    let mut out = String::new();
    for finding in findings {
        out.push_str(&support::findings_listing(
            story,
            std::slice::from_ref(finding),
        ));
        if let Some(span) = finding.reference {
            let at = index.position(original.original(), span.start);
            out.push_str(&format!(
                "    original {}:{} {:?}\n",
                at.line,
                at.column,
                span.slice(original.original())
            ));
        }
    }
    out
}

#[test]
fn each_story_gives_the_findings_and_fixes_of_its_snapshots() {
    let rules = rules();
    insta::glob!("../fixtures/native-names", "stories/*.txt", |path| {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a story's name is UTF-8");
        let story = parse(path);
        let original = parse(&folder().join("references").join(format!("{stem}.txt")));
        let context = Context {
            reference: Some(Arc::new(Reference::new(original.clone()))),
            ..Context::default()
        };
        let findings = rules.check(&story, &context);
        let (fixed, applied) = wirecheck_core::apply_safe_fixes(story.original(), &findings);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(folder().join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!(stem.to_owned(), listing(&story, &original, &findings));
            let fixed_snapshot = folder()
                .join("snapshots")
                .join(format!("{stem}.fixed.snap"));
            if applied > 0 {
                insta::assert_snapshot!(format!("{stem}.fixed"), support::text_with_end(&fixed));
            } else {
                assert!(
                    !fixed_snapshot.exists(),
                    "{}: no safe fix applies, but {} exists (delete it)",
                    path.display(),
                    fixed_snapshot.display()
                );
            }
        });
    });
}

/// The clean pairs give nothing: precision before recall.
#[test]
fn clean_pairs_give_no_finding() {
    let rules = rules();
    for stem in ["ja-clean", "ja-elsewhere", "en-to-ja-clean"] {
        let story = parse(&folder().join("stories").join(format!("{stem}.txt")));
        let original = parse(&folder().join("references").join(format!("{stem}.txt")));
        let context = Context {
            reference: Some(Arc::new(Reference::new(original))),
            ..Context::default()
        };
        let findings = rules.check(&story, &context);
        assert!(findings.is_empty(), "{stem}: {findings:#?}");
    }
}

/// Without a reference, or with a reference in the story's own language, the comparison says
/// nothing.
#[test]
fn a_story_without_an_original_in_another_script_is_not_compared() {
    let rules = rules();
    let story = parse(&folder().join("stories/ja-misspelt.txt"));
    assert!(rules.check(&story, &Context::default()).is_empty());
    let context = Context {
        reference: Some(Arc::new(Reference::new(story.clone()))),
        ..Context::default()
    };
    let findings = rules.check(&story, &context);
    assert!(
        findings
            .iter()
            .all(|f| !f.rule.starts_with("native.OriginalNames")),
        "{findings:#?}"
    );
}

#[test]
fn an_unknown_language_code_is_an_error_naming_the_entry() {
    let yaml = "extends: names\nmessage: m\nnames:\n  - name: Shinjiro Koizumi\n    native: {jp: 小泉進次郎}\n";
    let err = RuleSet::compile([RuleSource {
        files: Default::default(),
        pack: "native".to_owned(),
        name: "Names".to_owned(),
        origin: "Names.yml".to_owned(),
        yaml: yaml.to_owned(),
    }])
    .expect_err("jp is no language code");
    let message = err.to_string();
    assert!(
        message.contains("Names.yml")
            && message.contains("Shinjiro Koizumi")
            && message.contains("'jp'"),
        "{message}"
    );
}
