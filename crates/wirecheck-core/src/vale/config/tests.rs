use std::path::{Path, PathBuf};

use super::*;

/// The suite's data, read where the project reads it (`../shared`).
fn suite() -> PathBuf {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/vale-testdata"
    ));
    assert!(
        path.is_dir(),
        "the suite is read from ../shared: {}",
        path.display()
    );
    path
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

fn load_text(text: &str) -> (tempfile::TempDir, Result<ValeConfig, ConfigError>) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("styles/Style")).unwrap();
    let ini = write(dir.path(), ".vale.ini", text);
    let config = ValeConfig::load(&ini);
    (dir, config)
}

#[test]
fn every_suite_config_parses() {
    let fixtures = suite().join("fixtures");
    let mut seen = 0;
    let mut failures = Vec::new();
    for entry in ignore::WalkBuilder::new(&fixtures).hidden(false).build() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        if !entry.path().is_file() || !VALE_CONFIG_NAMES.contains(&name.as_ref()) {
            continue;
        }
        seen += 1;
        if let Err(err) = ValeConfig::load(entry.path()) {
            let relative = entry
                .path()
                .strip_prefix(&fixtures)
                .unwrap()
                .display()
                .to_string();
            failures.push(format!(
                "{relative}: {}",
                err.to_string().rsplit(": ").next().unwrap()
            ));
        }
    }
    assert!(seen > 50, "only {seen} configurations found");
    // Vale fails there too until `vale sync` has downloaded the package that holds the
    // vocabulary (E100 [vocab]).
    let expected = ["pkg/complete/.vale.ini: 'config/vocabularies/Basic' directory does not exist"];
    assert_eq!(failures, expected);
}

#[test]
fn core_keys_and_sections_are_read() {
    let (dir, config) = load_text(
        "StylesPath = styles\nMinAlertLevel = suggestion\nIgnoredScopes = code, tt\nSkippedScopes = script\nIgnoredClasses = x\nWordTemplate = \\b(?:%s)\\b\nPackages = Google, alex\n\n[formats]\nmdx = md\n\n[*]\nBasedOnStyles = Vale\nVale.Spelling = NO\n\n[*.{md,txt}]\nBasedOnStyles = Style\nStyle.Rule = error\nBlockIgnores = (?s)a, (?s)b\nTokenIgnores = t\n",
    );
    let config = config.unwrap();
    assert_eq!(config.styles_paths, [dir.path().join("styles")]);
    assert_eq!(config.min_alert_level, Severity::Suggestion);
    assert_eq!(config.ignored_scopes, ["code", "tt"]);
    assert_eq!(config.skipped_scopes, ["script"]);
    assert_eq!(config.ignored_classes, ["x"]);
    assert_eq!(config.word_template.as_deref(), Some(r"\b(?:%s)\b"));
    assert_eq!(config.packages, ["Google", "alex"]);
    assert_eq!(config.warnings.len(), 1, "{:?}", config.warnings);
    assert!(config.warnings[0].contains(".vale.ini:7: Packages"));
    assert_eq!(config.format_of("mdx"), "md");
    assert_eq!(config.level_of("Style.Rule"), Some(Severity::Error));

    let md = config.for_file(Path::new("docs/a.md"));
    assert_eq!(md.styles, ["Style"]);
    assert_eq!(md.block_ignores, ["(?s)a", "(?s)b"]);
    assert_eq!(md.token_ignores, ["t"]);
    assert!(!md.runs("Vale.Spelling"));
    assert!(md.runs("Style.Rule"));
    assert!(md.runs("Style.Other"));

    let mdx = config.for_file(Path::new("./b.mdx"));
    assert_eq!(mdx.format, "md");
    assert_eq!(
        mdx.styles,
        ["Style"],
        "a mapped extension matches as the mapped one"
    );

    let html = config.for_file(Path::new("c.html"));
    assert_eq!(html.styles, ["Vale"]);
    assert!(html.block_ignores.is_empty());
    assert!(!html.runs("Vale.Spelling"));
    assert!(html.runs("Vale.Repetition"));
    assert!(
        !html.runs("Style.Rule"),
        "the switch is in a section *.html does not match"
    );
}

#[test]
fn later_sections_override_earlier_ones() {
    let (_dir, config) = load_text(
        "StylesPath = styles\n[*]\nBasedOnStyles = A\n[*.md]\nBasedOnStyles = B\nB.X = NO\n[docs/**/*.md]\nBasedOnStyles = C\nB.X = YES\n[!*.md]\nA.Y = NO\n",
    );
    let config = config.unwrap();
    let deep = config.for_file(Path::new("docs/x/y.md"));
    assert_eq!(deep.styles, ["C"]);
    assert_eq!(deep.switches.get("B.X"), Some(&true));
    assert!(
        deep.runs("B.X"),
        "a switch turns a rule on outside the file's styles"
    );
    assert!(!deep.runs("B.Other"));
    let top = config.for_file(Path::new("y.md"));
    assert_eq!(top.styles, ["B"]);
    assert_eq!(top.switches.get("B.X"), Some(&false));
    assert_eq!(top.switches.get("A.Y"), None);
    let txt = config.for_file(Path::new("y.txt"));
    assert_eq!(txt.styles, ["A"]);
    assert_eq!(txt.switches.get("A.Y"), Some(&false));
}

#[test]
fn globs_match_as_vale_matches_them() {
    let star = ValeGlob::new("*.md").unwrap();
    assert!(star.is_match("a/b/c.md"), "gobwas: * crosses folders");
    let double = ValeGlob::new("docs/**/*.md").unwrap();
    assert!(double.is_match("docs/a/b.md"));
    assert!(!double.is_match("other/a/b.md"));
    let alternatives = ValeGlob::new("*.{md,txt}").unwrap();
    assert!(alternatives.is_match("x.txt") && alternatives.is_match("x.md"));
    assert!(!alternatives.is_match("x.rst"));
    let negated = ValeGlob::new("!*.md").unwrap();
    assert!(negated.is_match("x.txt") && !negated.is_match("x.md"));
    assert!(ValeGlob::new("*.{md").is_err());
}

#[test]
fn misplaced_and_malformed_keys_are_errors_naming_file_and_line() {
    let cases = [
        (
            "StylesPath = styles\nBasedOnStyles = Vale\n",
            ".vale.ini:2: 'BasedOnStyles' is a syntax-specific option",
        ),
        (
            "StylesPath = styles\n[*]\nMinAlertLevel = error\n",
            ".vale.ini:3: 'MinAlertLevel' is a core option",
        ),
        (
            "MinAlertLevel = loud\n",
            ".vale.ini:1: MinAlertLevel must be 'suggestion', 'warning', or 'error'",
        ),
        (
            "StylesPath = nowhere\n",
            ".vale.ini:1: StylesPath: the path",
        ),
        (
            "StylesPath = styles\n[*]\nBasedOnStyles\n",
            ".vale.ini:3: key-value delimiter not found: BasedOnStyles",
        ),
        (
            "StylesPath = styles\n[*.md]\nCommentDelimiters = a\n",
            ".vale.ini:3: CommentDelimiters must be a comma-separated list of two",
        ),
        (
            "StylesPath = styles\n[*.{md]\nX.Y = YES\n",
            ".vale.ini:2: the glob pattern '*.{md' could not be compiled",
        ),
        (
            "StylesPath = styles\nVocab = Missing\n",
            ".vale.ini:2: Vocab: 'config/vocabularies/Missing' directory does not exist",
        ),
    ];
    for (text, expected) in cases {
        let (_dir, config) = load_text(text);
        let message = config.unwrap_err().to_string();
        assert!(message.contains(expected), "{text:?}: {message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}

#[test]
fn a_switch_to_anything_but_yes_no_or_a_level_is_off_with_a_warning() {
    let (_dir, config) = load_text("StylesPath = styles\n[*]\nStyle.Rule = yes\n");
    let config = config.unwrap();
    assert!(!config.for_file(Path::new("a.md")).runs("Style.Rule"));
    assert!(config.warnings[0].contains(".vale.ini:3: 'Style.Rule = yes' turns the rule off"));
}

#[test]
fn discovery_walks_up_and_takes_vale_s_names_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("a/b");
    fs::create_dir_all(&deep).unwrap();
    write(dir.path(), "a/_vale", "");
    write(dir.path(), "a/.vale.ini", "");
    assert_eq!(
        ValeConfig::discover(&deep),
        Some(dir.path().join("a/_vale"))
    );
    write(dir.path(), "a/b/.vale", "");
    assert_eq!(
        ValeConfig::discover(&deep),
        Some(dir.path().join("a/b/.vale"))
    );
}

#[test]
fn rule_sources_are_the_named_styles_rules_and_the_builtin_style() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "styles/A/One.yml", "extends: existence\n");
    write(
        dir.path(),
        "styles/A/nested/Two.yml",
        "extends: existence\n",
    );
    write(dir.path(), "styles/B/Three.yml", "extends: existence\n");
    write(dir.path(), "styles/B/Four.yml", "extends: existence\n");
    write(dir.path(), "styles/B/README.md", "not a rule\n");
    write(
        dir.path(),
        "styles/config/vocabularies/V/accept.txt",
        "Foo\n(?i)bar\n",
    );
    write(
        dir.path(),
        "styles/config/vocabularies/V/reject.txt",
        "Baz\n",
    );
    let ini = write(
        dir.path(),
        ".vale.ini",
        "StylesPath = styles\nVocab = V\n[*]\nBasedOnStyles = Vale, A\nB.Three = YES\nVale.Avoid = warning\n",
    );
    let config = ValeConfig::load(&ini).unwrap();
    assert_eq!(config.accepted(), ["Foo", "(?i)bar"]);
    assert_eq!(config.rejected(), ["Baz"]);
    let ids: Vec<String> = config
        .rule_sources()
        .unwrap()
        .iter()
        .map(RuleSource::id)
        .collect();
    assert_eq!(
        ids,
        [
            "Vale.Repetition",
            "Vale.Spelling",
            "Vale.Terms",
            "Vale.Avoid",
            "A.One",
            "nested.Two",
            "B.Three"
        ]
    );
    let sources = config.rule_sources().unwrap();
    let terms: serde_json::Value = serde_json::from_str(&sources[2].yaml).unwrap();
    // A regex term is swapped too, keyed as written (Vale 3.15.1's misc/Vocab swaps
    // "[Oo]bservability"); a phrase is keyed in lower case.
    assert_eq!(
        terms["swap"],
        serde_json::json!({"foo": "Foo", "(?i)bar": "(?i)bar"})
    );
    let avoid: serde_json::Value = serde_json::from_str(&sources[3].yaml).unwrap();
    assert_eq!(avoid["level"], "warning");
    assert_eq!(avoid["tokens"], serde_json::json!(["Baz"]));
}

#[test]
fn a_style_not_on_the_styles_path_is_an_error() {
    let (_dir, config) = load_text("StylesPath = styles\n[*]\nBasedOnStyles = Missing\n");
    let error = config.unwrap().rule_sources().unwrap_err().to_string();
    assert!(
        error.contains("style 'Missing' does not exist on StylesPath"),
        "{error}"
    );
}

#[test]
fn builtin_rules_compile_as_yaml() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "styles/config/vocabularies/V/accept.txt",
        "Foo\n",
    );
    write(
        dir.path(),
        "styles/config/vocabularies/V/reject.txt",
        "it's \"quoted\": yes\n",
    );
    let ini = write(
        dir.path(),
        ".vale.ini",
        "StylesPath = styles\nVocab = V\n[*]\nBasedOnStyles = Vale\n",
    );
    let config = ValeConfig::load(&ini).unwrap();
    for source in config.rule_sources().unwrap() {
        let value: serde_json::Value = crate::yaml::from_str(&source.yaml, "rule file").unwrap();
        assert!(value["extends"].is_string(), "{}", source.yaml);
        if source.name == "Avoid" {
            assert_eq!(value["tokens"][0], "it's \"quoted\": yes");
        }
    }
}

#[test]
fn lints_takes_the_glob_and_without_a_global_section_a_matching_section() {
    let (_dir, config) =
        load_text("StylesPath = styles\n[formats]\nmdx = md\n[*.md]\nBasedOnStyles = Style\n");
    let config = config.unwrap();
    assert!(config.lints(Path::new("a/b.md"), None));
    assert!(
        config.lints(Path::new("b.mdx"), None),
        "by its mapped extension"
    );
    assert!(
        !config.lints(Path::new("b.txt"), None),
        "no [*] and no section for it"
    );
    let not_md = ValeGlob::new("!*.md").unwrap();
    assert!(!config.lints(Path::new("a/b.md"), Some(&not_md)));

    let (_dir, global) = load_text("StylesPath = styles\n[*]\nStyle.Rule = YES\n");
    let global = global.unwrap();
    assert!(global.lints(Path::new("b.txt"), None));
    let only_py = ValeGlob::new("*.{py,cc}").unwrap();
    assert!(!global.lints(Path::new("b.txt"), Some(&only_py)));
    assert!(global.lints(Path::new("x/b.cc"), Some(&only_py)));
}

#[test]
fn no_configuration_found_is_vale_s_error() {
    let dir = tempfile::tempdir().unwrap();
    let options = ValeLoadOptions {
        config: None,
        no_global: true,
    };
    // The search must find nothing: no Vale configuration above the temporary folder or in the
    // home folder, and no VALE_CONFIG_PATH.
    if std::env::var_os("VALE_CONFIG_PATH").is_some() || ValeConfig::discover(dir.path()).is_some()
    {
        panic!(
            "a Vale configuration is visible from {}",
            dir.path().display()
        );
    }
    let error = ValeConfig::load_for(dir.path(), &options)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("E100 [.vale.ini not found] Runtime error: no .vale.ini file found"),
        "{error}"
    );
    assert_eq!(error.lines().count(), 1);
}
