//! Vale's own scenarios, run with a tiny existence rule over the blocks and compared with the
//! `line:column` Vale's feature files expect.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::{MarkupOptions, ValeFile, scope_matches};
use crate::span::Span;

/// A literal-words existence rule as Vale compiles one: `(?m)\b(?:a|b)\b`, ASCII `\b`.
struct Existence {
    name: &'static str,
    regex: regex::Regex,
    scope: Vec<String>,
}

impl Existence {
    fn new(name: &'static str, tokens: &[&str], scope: &[&str]) -> Self {
        let pattern = format!(r"(?m)(?-u:\b)(?:{})(?-u:\b)", tokens.join("|"));
        Existence {
            name,
            regex: regex::Regex::new(&pattern).expect("a valid pattern"),
            scope: scope.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

/// Vale's `lintBlock` loop for `rules` over `file`: each block its rules run on, each alert
/// placed and de-duplicated by line, column and rule; sorted as `--sort` sorts.
fn lint(file: &ValeFile, rules: &[Existence]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, block) in file.blocks().iter().enumerate() {
        for rule in rules {
            if !file.rule_on(i, rule.name) || !scope_matches(&rule.scope, &block.scope) {
                continue;
            }
            let mut locator = file.locator(i).expect("a block");
            for m in rule.regex.find_iter(&block.text) {
                let Some(loc) = locator.locate(Span::new(m.start(), m.end()), m.as_str(), &[]) else {
                    continue;
                };
                if seen.insert((loc.line, loc.column, rule.name)) {
                    out.push((loc.line, loc.column, format!("{}:{}:{}:{}", loc.line, loc.column, rule.name, m.as_str())));
                }
            }
        }
    }
    out.sort();
    out.into_iter().map(|(_, _, s)| s).collect()
}

fn fixture(path: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/vale-testdata/fixtures");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn annotations() -> Existence {
    Existence::new("vale.Annotations", &["XXX", "FIXME", "TODO", "NOTE"], &["text"])
}

fn positions(content: &str, ext: &str, rules: &[Existence]) -> Vec<String> {
    let file = ValeFile::parse(content, ext, &MarkupOptions::default()).expect("parses");
    lint(&file, rules)
}

#[test]
fn lint_feature_markdown() {
    let got = positions(&fixture("formats/test.md"), ".md", &[annotations()]);
    assert_eq!(got, [
        "3:1:vale.Annotations:NOTE",
        "32:1:vale.Annotations:XXX",
        "34:29:vale.Annotations:TODO",
        "36:3:vale.Annotations:TODO",
        "36:10:vale.Annotations:XXX",
        "36:16:vale.Annotations:FIXME",
        "40:21:vale.Annotations:FIXME",
        "44:5:vale.Annotations:TODO",
        "46:3:vale.Annotations:TODO",
    ]);
}

fn todo_tokens(name: &'static str, scope: &[&str]) -> Existence {
    Existence::new(name, &["XXX", "FIXME", "TODO", "NOTE"], scope)
}

#[test]
fn lint_feature_text() {
    let got = positions(&fixture("formats/test.txt"), ".txt", &[annotations()]);
    assert_eq!(got, [
        "1:27:vale.Annotations:NOTE",
        "4:12:vale.Annotations:XXX",
        "4:66:vale.Annotations:TODO",
    ]);
}

fn heading_rules() -> Vec<Existence> {
    vec![
        todo_tokens("rules.Heading", &["heading"]),
        Existence::new("rules.H2", &["TWO"], &["heading.h2"]),
        Existence::new("rules.H3", &["THREE"], &["heading.h3"]),
        Existence::new("rules.HN", &["FOUR"], &["heading.h1", "heading.h2", "heading.h3"]),
    ]
}

#[test]
fn scopes_feature_heading_markdown() {
    let got = positions(&fixture("scopes/heading/test.md"), ".md", &heading_rules());
    assert_eq!(got, [
        "1:21:rules.Heading:XXX",
        "1:35:rules.HN:FOUR",
        "3:5:rules.Heading:TODO",
        "3:19:rules.H2:TWO",
        "3:29:rules.HN:FOUR",
        "9:6:rules.Heading:TODO",
        "9:20:rules.H3:THREE",
        "9:26:rules.HN:FOUR",
    ]);
}

#[test]
fn scopes_feature_heading_html() {
    // HN is assigned to Markdown files only.
    let got = positions(&fixture("scopes/heading/test.html"), ".html", &heading_rules()[..3]);
    assert_eq!(got, ["39:96:rules.Heading:TODO", "59:99:rules.Heading:XXX"]);
}

#[test]
fn scopes_feature_list() {
    let rules = [todo_tokens("rules.List", &["list"])];
    assert_eq!(positions(&fixture("scopes/list/test.md"), ".md", &rules), [
        "7:3:rules.List:TODO",
        "8:3:rules.List:TODO",
        "12:4:rules.List:XXX",
    ]);
    assert_eq!(positions(&fixture("scopes/list/test.html"), ".html", &rules), [
        "14:12:rules.List:TODO",
        "20:12:rules.List:TODO",
    ]);
}

#[test]
fn scopes_feature_table() {
    let rules = [todo_tokens("rules.Table", &["table.cell", "table.caption"])];
    assert_eq!(positions(&fixture("scopes/table/test.md"), ".md", &rules), [
        "12:10:rules.Table:TODO",
        "20:12:rules.Table:TODO",
    ]);
    assert_eq!(positions(&fixture("scopes/table/test.html"), ".html", &rules), [
        "24:69:rules.Table:TODO",
    ]);
}
