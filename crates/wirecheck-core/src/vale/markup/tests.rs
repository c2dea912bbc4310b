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
