//! `wirecheck rules` as a first-time user reads it: one aligned row per rule, shipped rules that
//! are off included, descriptions whole; and `rules explain` for every rule it lists.

use std::path::Path;
use std::process::Command;

fn wirecheck(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("wirecheck runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

/// The rows of the table (header first), each cut into its five cells at the header's columns.
fn table(out: &str) -> Vec<Vec<String>> {
    let mut lines = out.lines().take_while(|line| !line.is_empty());
    let header = lines.next().expect("a header line");
    let starts: Vec<usize> = ["PACK", "ID", "KIND", "SEVERITY", "DESCRIPTION"]
        .iter()
        .map(|name| {
            header
                .find(&format!("{name} "))
                .or_else(|| header.find(name))
                .expect("header names the column")
        })
        .collect();
    std::iter::once(header)
        .chain(lines)
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            let cell = |from: usize, to: usize| -> String {
                chars[from.min(chars.len())..to.min(chars.len())]
                    .iter()
                    .collect()
            };
            let mut cells = Vec::new();
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).copied().unwrap_or(chars.len());
                // A cell must start exactly at its column, after a blank.
                assert!(
                    start == 0 || chars.get(start - 1) == Some(&' '),
                    "column {i} does not start at {start} in: {line}"
                );
                cells.push(cell(start, end));
            }
            for c in &cells[..4] {
                assert!(
                    c.ends_with(' ') && !c.starts_with(' '),
                    "unaligned cell {c:?} in: {line}"
                );
            }
            cells.iter().map(|c| c.trim().to_owned()).collect()
        })
        .collect()
}

fn shipped_rule_ids() -> Vec<String> {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut ids = Vec::new();
    for pack in std::fs::read_dir(&rules).expect("rules/") {
        let pack = pack.expect("entry").path();
        let name = pack.file_name().unwrap().to_string_lossy().into_owned();
        if !pack.is_dir() || name == "data" {
            continue;
        }
        for file in std::fs::read_dir(&pack).expect("pack folder") {
            let file = file.expect("entry").path();
            if file.extension().is_some_and(|e| e == "yml") {
                let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
                ids.push(format!("{name}.{stem}"));
            }
        }
    }
    ids.sort();
    ids
}

#[test]
fn every_shipped_rule_is_listed_in_aligned_columns_with_its_whole_first_sentence() {
    let (code, out, stderr) = wirecheck(&["rules", "--no-config"]);
    assert_eq!(code, 0, "{stderr}");
    let rows = table(&out);
    let listed: Vec<&str> = rows[1..].iter().map(|row| row[1].as_str()).collect();
    // A rule is listed by its id, or by its named checks' ids under it.
    for id in shipped_rule_ids() {
        let under = format!("{id}.");
        assert!(
            listed
                .iter()
                .any(|listed| *listed == id || listed.starts_with(&under)),
            "{id} is not listed:\n{out}"
        );
    }
    for row in &rows[1..] {
        let (id, severity, summary) = (&row[1], &row[3], &row[4]);
        assert!(id.starts_with(&format!("{}.", row[0])), "{row:?}");
        let (_, explained, _) = wirecheck(&["rules", "explain", id, "--no-config"]);
        let description: String = explained
            .split("\n\n")
            .nth(1)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            description.starts_with(summary.as_str()) && summary.ends_with('.'),
            "{id}: the summary {summary:?} is not a whole first sentence of {description:?}"
        );
        let pack = &row[0];
        if pack.starts_with("dateline-") || pack == "dates-ap" {
            assert_eq!(severity, "off", "{row:?}");
        } else {
            assert!(
                ["error", "warning", "suggestion"].contains(&severity.as_str()),
                "{row:?}"
            );
        }
    }
}

#[test]
fn a_rule_of_a_pack_that_is_off_is_explained_with_how_to_turn_it_on() {
    let (code, out, stderr) =
        wirecheck(&["rules", "explain", "dateline-ap.Dateline", "--no-config"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        out.starts_with("dateline-ap.Dateline  (dateline, ")
            && out.contains("--enable dateline-ap")
            && out.contains("source: builtin:rules/dateline-ap/Dateline.yml"),
        "{out}"
    );
    // Once enabled it is an ordinary rule of the run, at its own severity.
    let (_, out, _) = wirecheck(&["rules", "--no-config", "--enable", "dateline-ap"]);
    let rows = table(&out);
    let row = rows
        .iter()
        .find(|r| r[1] == "dateline-ap.Dateline.Missing")
        .expect("listed");
    assert_ne!(row[3], "off", "{row:?}");
    let (_, out, _) = wirecheck(&[
        "rules",
        "explain",
        "dateline-ap.Dateline",
        "--no-config",
        "--enable",
        "dateline-ap",
    ]);
    assert!(!out.contains("off by default"), "{out}");
}

#[test]
fn a_pack_left_out_by_the_command_line_is_listed_as_off_and_says_why() {
    let (_, out, _) = wirecheck(&["rules", "--no-config", "--packs", "wire"]);
    let rows = table(&out);
    let row = rows
        .iter()
        .find(|r| r[1] == "names-japan.Names")
        .expect("listed");
    assert_eq!(row[3], "off", "{row:?}");
    let (code, out, _) = wirecheck(&[
        "rules",
        "explain",
        "names-japan.Names",
        "--no-config",
        "--packs",
        "wire",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("leaves out the pack names-japan"), "{out}");
}

/// `rules --format json` lists the very rows of the table, each with where its rule comes from.
#[test]
fn the_json_list_has_the_tables_rows_and_each_rules_origin() {
    let (code, human, _) = wirecheck(&["rules", "--no-config"]);
    assert_eq!(code, 0);
    let (code, json, stderr) = wirecheck(&["rules", "--no-config", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&json).expect("one JSON document");
    let rules = document["rules"].as_array().expect("a list of rules");
    let rows = table(&human);
    assert_eq!(rules.len(), rows.len() - 1, "one entry a row of the table");
    for (rule, row) in rules.iter().zip(&rows[1..]) {
        let cells = ["pack", "id", "kind", "severity", "description"].map(|key| {
            rule[key]
                .as_str()
                .unwrap_or_else(|| panic!("{key} in {rule}"))
        });
        assert_eq!(cells.as_slice(), row.as_slice(), "{rule}");
        let origin = rule["origin"].as_str().expect("an origin");
        let pack = cells[0];
        assert!(
            origin.starts_with(&format!("builtin:rules/{pack}/")),
            "{origin}"
        );
    }
    let outlet = rules
        .iter()
        .find(|rule| rule["id"] == "wire.Dateline.Outlet")
        .expect("wire.Dateline.Outlet is listed");
    assert_eq!(outlet["severity"], "warning");
}
