//! Every key of a rule file is known: a misspelt one is an error naming the file, line, column and
//! key with a "did you mean", at the top of the file or inside a value (`action`, `examples`, a
//! `names` entry, a title holder, a dateline place, the config's `names:` and `places:`). Keys Vale
//! defines that wirecheck does not implement are one warning each. The public Vale packs and
//! Vale's own test styles load with no unknown-key error.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use wirecheck_core::RuleSet;
use wirecheck_core::{RuleError, RuleSource};

const STORY: &str = "Headline\n\nThe minister utilize the plan.\n";

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `check` with the rule file `house/Broken.yml` holding `yaml`; exit code and standard error.
fn check_with_rule(yaml: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("house")).unwrap();
    fs::write(dir.path().join("house/Broken.yml"), yaml).unwrap();
    fs::write(dir.path().join("story.txt"), STORY).unwrap();
    let output = cmd()
        .current_dir(dir.path())
        .args(["check", "--no-config", "--format", "line"])
        .args(["--rules", "house/Broken.yml", "story.txt"])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn an_unknown_key_is_an_error_at_its_place_with_a_suggestion() {
    let cases = [
        (
            "extends: existence\nmessage: x\ntokens: [utilize]\nexeptions: [b]\n",
            "house/Broken.yml:4:1: rule house.Broken: unknown key 'exeptions' (did you mean \
             'exceptions'? keys of existence rules: tokens, raw, exceptions, append, vocab, \
             fix_lookalikes; of every rule: extends, message, level, ",
        ),
        (
            "extends: substitution\nmessage: x\nlevle: error\nswap: {utilize: use}\n",
            "house/Broken.yml:3:1: rule house.Broken: unknown key 'levle' (did you mean 'level'? \
             keys of substitution rules: swap, exceptions, vocab, capitalize; ",
        ),
        (
            "{extends: occurrence, message: x, token: a,   mx: 3}\n",
            "house/Broken.yml:1:47: rule house.Broken: unknown key 'mx' (did you mean 'max'? ",
        ),
        (
            "extends: headline\nmessage: x\ncheck: all-caps\nzzz: 1\n",
            "house/Broken.yml:4:1: rule house.Broken: unknown key 'zzz' (keys of headline rules: \
             check; ",
        ),
        // A key Vale has for another kind is no key of this one.
        (
            "extends: names\nmessage: x\nnames: [Tokyo]\nswap: {a: b}\n",
            "house/Broken.yml:4:1: rule house.Broken: unknown key 'swap' (keys of names rules: \
             names, allow; ",
        ),
    ];
    for (yaml, expected) in cases {
        let (code, stderr) = check_with_rule(yaml);
        assert_eq!(code, Some(2), "{yaml}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {expected}")),
            "{yaml}\nexpected: {expected}\nfound:    {stderr}"
        );
    }
}

#[test]
fn an_unknown_key_inside_a_value_is_an_error_at_its_place() {
    let cases = [
        (
            "extends: existence\nmessage: x\ntokens: [a]\naction: {nme: remove}\n",
            "house/Broken.yml:4:10: action: unknown field `nme`, expected `name` or `params` \
             (did you mean `name`?)",
        ),
        (
            "extends: existence\nmessage: x\ntokens: [a]\nexamples:\n  bda: [a]\n",
            "house/Broken.yml:5:3: examples: unknown field `bda`",
        ),
        (
            "extends: names\nmessage: x\nnames:\n  - Tokyo\n  - name: Jane Doe\n    nite: ours\n",
            "house/Broken.yml:6:5: names[1]: unknown field `nite`, expected one of `name`, \
             `variants`, `note`, `kind`, `native` (did you mean `note`?)",
        ),
        (
            "extends: titles\nmessage: x\ntitles:\n  - title: Prime Minister\n    holders:\n      \
             - name: Jane Doe\n        sinse: 2025-01-01\n",
            "house/Broken.yml:7:9: titles[0].holders[0]: unknown field `sinse`",
        ),
        (
            "extends: dateline\nmessage: x\nplaces:\n  - {name: Kesennuma, country: Japan, \
             standalon: true}\n",
            "house/Broken.yml:4:39: places[0]: unknown field `standalon`",
        ),
    ];
    for (yaml, expected) in cases {
        let (code, stderr) = check_with_rule(yaml);
        assert_eq!(code, Some(2), "{yaml}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {expected}")),
            "{yaml}\nexpected: {expected}\nfound:    {stderr}"
        );
    }
}

#[test]
fn the_configs_names_and_places_know_their_keys() {
    let cases = [
        (
            "names:\n  - name: Jane Doe\n    nite: ours\n",
            "wirecheck.yaml:3:5: names[0]: unknown field `nite`",
        ),
        (
            "places:\n  - {name: Kesennuma, country: Japan, standalon: true}\n",
            "wirecheck.yaml:2:39: places[0]: unknown field `standalon`",
        ),
    ];
    for (config, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("wirecheck.yaml"), config).unwrap();
        fs::write(dir.path().join("story.txt"), STORY).unwrap();
        let output = cmd()
            .current_dir(dir.path())
            .args(["check", "--config", "wirecheck.yaml", "story.txt"])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{config}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {expected}")),
            "{config}\nexpected: {expected}\nfound:    {stderr}"
        );
    }
}

#[test]
fn a_vale_key_wirecheck_does_not_implement_is_one_warning_each() {
    // `max` is Vale's and implemented: three in a row with `max: 1` is one finding, no warning.
    let (code, stderr) = check_with_rule(
        "extends: repetition\nmessage: \"'%s' thrice\"\ntokens: ['[a-z]+']\nmax: 1\n",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stderr, "");
    let (code, stderr) =
        check_with_rule("extends: substitution\nmessage: x\nswap: {utilize: use}\npos: 'VB'\n");
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "warning: house/Broken.yml:4:1: rule house.Broken: key 'pos' of Vale's \
         substitution rules is not implemented by wirecheck; ignored"
    );
}

#[test]
fn every_shipped_rule_knows_all_its_keys() {
    let rules =
        RuleSet::compile(wirecheck_core::builtin_sources()).expect("the shipped rules compile");
    assert!(rules.rules().len() > 20);
    assert_eq!(rules.warnings(), []);
}

/// Every rule file (`*.yml`) under `dir`, sorted.
fn rule_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{}: {e} (tests read ../shared)", folder.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_vale_packs_and_vales_test_styles_load_with_no_unknown_key() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut compiled = 0;
    let mut warnings = Vec::new();
    let mut unknown = Vec::new();
    for root in ["vale-packs", "vale-testdata/styles"] {
        let files = rule_files(&shared.join(root));
        assert!(files.len() > 100, "{root}: {} rule files", files.len());
        for file in files {
            let source = RuleSource {
                files: Default::default(),
                pack: file
                    .parent()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                name: file.file_stem().unwrap().to_string_lossy().into_owned(),
                origin: file.strip_prefix(&shared).unwrap().display().to_string(),
                yaml: fs::read_to_string(&file).unwrap(),
            };
            // Other errors (a look-around regex, a Vale scope, a file that is no rule) are not
            // this test's business; a key wirecheck does not know is.
            match RuleSet::compile([source]) {
                Ok(set) => {
                    compiled += set.rules().len();
                    warnings.extend(set.warnings().iter().cloned());
                }
                Err(err @ RuleError::UnknownKey { .. }) => unknown.push(err.to_string()),
                Err(err) if err.to_string().contains("unknown field") => {
                    unknown.push(err.to_string())
                }
                Err(_) => {}
            }
        }
    }
    assert_eq!(unknown, Vec::<String>::new());
    assert!(compiled > 200, "{compiled} rules compiled");
    let warned: Vec<String> = warnings
        .iter()
        .map(|w| format!("{} {}", w.rule, w.key))
        .collect();
    // No warning: every Vale key these files use (`limit`, substitution's `capitalize`, …) is
    // implemented.
    assert_eq!(warned, Vec::<String>::new(), "{warnings:#?}");
}
