//! The knowledge fixtures (`fixtures/knowledge/`, see its README.md): for every failure class, its
//! clean stories give no finding and its dirty stories exactly the findings of their `.expected`
//! files, checked as a desk runs `wirecheck check` with today pinned to 2026-12-01.
//!
//! One test a class, so that a failure names it; each prints its recall (expected findings found)
//! and the findings of its clean stories, for the closing note's figures.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The day the tests take for today: an undated story is published on it.
const TODAY: &str = "2026-12-01";

fn classes() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/knowledge")
}

/// A finding as the expectations write it: rule id, the text of its span, its severity, and its
/// first suggestion's replacement (empty for a deletion) or [`NO_FIX`].
type Row = (String, String, String, String);

/// The fourth field of a finding that suggests nothing.
const NO_FIX: &str = "no fix";

/// The findings of `story`, in the order of their spans.
fn findings(story: &Path) -> Vec<Row> {
    let args_file = story.with_extension("args");
    let extra: Vec<String> = fs::read_to_string(&args_file)
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let output = Command::cargo_bin("wirecheck")
        .unwrap()
        .current_dir(story.parent().unwrap())
        .env("WIRECHECK_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .args(["check", "--no-config", "--format", "json"])
        .args(&extra)
        .arg(story.file_name().unwrap())
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}: {}",
        story.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = fs::read_to_string(story).unwrap();
    assert_eq!(
        report["errors"],
        Value::Array(Vec::new()),
        "{}",
        story.display()
    );
    let mut rows: Vec<(usize, usize, Row)> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|finding| {
            let start = finding["span"]["start"].as_u64().unwrap_or(0) as usize;
            let end = finding["span"]["end"].as_u64().unwrap_or(0) as usize;
            let matched = text.get(start..end).unwrap_or_default().to_owned();
            let fix = match finding["suggestions"][0]["replacement"].as_str() {
                Some(replacement) => replacement.to_owned(),
                None => NO_FIX.to_owned(),
            };
            let row = (
                finding["rule"].as_str().unwrap_or_default().to_owned(),
                matched,
                finding["severity"].as_str().unwrap_or_default().to_owned(),
                fix,
            );
            (start, end, row)
        })
        .collect();
    rows.sort_by_key(|(start, end, _)| (*start, *end));
    rows.into_iter().map(|(_, _, row)| row).collect()
}

fn expected(story: &Path) -> Vec<Row> {
    let path = story.with_extension("expected");
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (a dirty story needs one)", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or_default().to_owned();
            (next(), next(), next(), next())
        })
        .collect()
}

fn stories(class: &str) -> Vec<PathBuf> {
    let mut stories: Vec<PathBuf> = fs::read_dir(classes().join(class))
        .unwrap_or_else(|e| panic!("fixtures/knowledge/{class}: {e}"))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            // Only clean-* and dirty-* files are stories: the folder's README.md is not.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("clean-") || name.starts_with("dirty-"))
                && matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md")
                )
        })
        .collect();
    stories.sort();
    stories
}

/// Checks every story of `class`; prints its figures; fails naming every story that differs.
fn check_class(class: &str) {
    let stories = stories(class);
    let (mut clean, mut dirty) = (0, 0);
    let (mut expected_total, mut found, mut clean_findings) = (0, 0, 0);
    let mut failures = Vec::new();
    for story in &stories {
        let name = story.file_name().unwrap().to_string_lossy().into_owned();
        let got = findings(story);
        let want = if name.starts_with("clean-") {
            clean += 1;
            clean_findings += got.len();
            Vec::new()
        } else {
            dirty += 1;
            let want = expected(story);
            expected_total += want.len();
            found += want.iter().filter(|row| got.contains(row)).count();
            want
        };
        if got != want {
            failures.push(format!("{name}:\n  expected {want:#?}\n  got {got:#?}"));
        }
    }
    assert!(
        clean > 0 && dirty > 0,
        "{class}: needs clean and dirty stories"
    );
    println!(
        "{class}: {clean} clean stories, {clean_findings} findings on them; \
         {dirty} dirty stories, {found}/{expected_total} expected findings found"
    );
    assert!(failures.is_empty(), "{class}:\n{}", failures.join("\n"));
}

/// Every class folder has its test below.
#[test]
fn every_class_is_tested() {
    let mut folders: Vec<String> = fs::read_dir(classes())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut tested: Vec<String> = CLASSES.iter().map(|c| c.to_string()).collect();
    tested.sort();
    assert_eq!(folders, tested);
}

macro_rules! classes {
    ($($test:ident => $folder:literal,)*) => {
        /// Every class folder, each checked by the test of the same name.
        const CLASSES: &[&str] = &[$($folder),*];
        $(
            #[test]
            fn $test() {
                check_class($folder);
            }
        )*
    };
}

classes! {
    changed_holders => "changed-holders",
    undated_holder => "undated-holder",
    stale_pack => "stale-pack",
    place_near_name => "place-near-name",
    short_surname => "short-surname",
    romanized_syllable => "romanized-syllable",
    name_particles => "name-particles",
    doubled_common_word => "doubled-common-word",
    cyrillic_letter_word => "cyrillic-letter-word",
    house_style_variants => "house-style-variants",
    web_headline => "web-headline",
    region_dateline => "region-dateline",
    agency_dateline => "agency-dateline",
    world_places => "world-places",
}
