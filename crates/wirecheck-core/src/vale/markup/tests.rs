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
                let Some(loc) = locator.locate(Span::new(m.start(), m.end()), m.as_str(), &[])
                else {
                    continue;
                };
                if seen.insert((loc.line, loc.column, rule.name)) {
                    out.push((
                        loc.line,
                        loc.column,
                        format!("{}:{}:{}:{}", loc.line, loc.column, rule.name, m.as_str()),
                    ));
                }
            }
        }
    }
    out.sort();
    out.into_iter().map(|(_, _, s)| s).collect()
}

fn fixture(path: &str) -> String {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/vale-testdata/fixtures");
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn annotations() -> Existence {
    Existence::new(
        "vale.Annotations",
        &["XXX", "FIXME", "TODO", "NOTE"],
        &["text"],
    )
}

fn positions(content: &str, ext: &str, rules: &[Existence]) -> Vec<String> {
    let file = ValeFile::parse(content, ext, &MarkupOptions::default()).expect("parses");
    lint(&file, rules)
}

#[test]
fn lint_feature_markdown() {
    let got = positions(&fixture("formats/test.md"), ".md", &[annotations()]);
    assert_eq!(
        got,
        [
            "3:1:vale.Annotations:NOTE",
            "32:1:vale.Annotations:XXX",
            "34:29:vale.Annotations:TODO",
            "36:3:vale.Annotations:TODO",
            "36:10:vale.Annotations:XXX",
            "36:16:vale.Annotations:FIXME",
            "40:21:vale.Annotations:FIXME",
            "44:5:vale.Annotations:TODO",
            "46:3:vale.Annotations:TODO",
        ]
    );
}

fn todo_tokens(name: &'static str, scope: &[&str]) -> Existence {
    Existence::new(name, &["XXX", "FIXME", "TODO", "NOTE"], scope)
}

#[test]
fn lint_feature_text() {
    let got = positions(&fixture("formats/test.txt"), ".txt", &[annotations()]);
    assert_eq!(
        got,
        [
            "1:27:vale.Annotations:NOTE",
            "4:12:vale.Annotations:XXX",
            "4:66:vale.Annotations:TODO",
        ]
    );
}

fn heading_rules() -> Vec<Existence> {
    vec![
        todo_tokens("rules.Heading", &["heading"]),
        Existence::new("rules.H2", &["TWO"], &["heading.h2"]),
        Existence::new("rules.H3", &["THREE"], &["heading.h3"]),
        Existence::new(
            "rules.HN",
            &["FOUR"],
            &["heading.h1", "heading.h2", "heading.h3"],
        ),
    ]
}

#[test]
fn scopes_feature_heading_markdown() {
    let got = positions(&fixture("scopes/heading/test.md"), ".md", &heading_rules());
    assert_eq!(
        got,
        [
            "1:21:rules.Heading:XXX",
            "1:35:rules.HN:FOUR",
            "3:5:rules.Heading:TODO",
            "3:19:rules.H2:TWO",
            "3:29:rules.HN:FOUR",
            "9:6:rules.Heading:TODO",
            "9:20:rules.H3:THREE",
            "9:26:rules.HN:FOUR",
        ]
    );
}

#[test]
fn scopes_feature_heading_html() {
    // HN is assigned to Markdown files only.
    let got = positions(
        &fixture("scopes/heading/test.html"),
        ".html",
        &heading_rules()[..3],
    );
    assert_eq!(got, ["39:96:rules.Heading:TODO", "59:99:rules.Heading:XXX"]);
}

#[test]
fn scopes_feature_list() {
    let rules = [todo_tokens("rules.List", &["list"])];
    assert_eq!(
        positions(&fixture("scopes/list/test.md"), ".md", &rules),
        [
            "7:3:rules.List:TODO",
            "8:3:rules.List:TODO",
            "12:4:rules.List:XXX",
        ]
    );
    assert_eq!(
        positions(&fixture("scopes/list/test.html"), ".html", &rules),
        ["14:12:rules.List:TODO", "20:12:rules.List:TODO",]
    );
}

#[test]
fn scopes_feature_table() {
    let rules = [todo_tokens("rules.Table", &["table.cell", "table.caption"])];
    assert_eq!(
        positions(&fixture("scopes/table/test.md"), ".md", &rules),
        ["12:10:rules.Table:TODO", "20:12:rules.Table:TODO",]
    );
    assert_eq!(
        positions(&fixture("scopes/table/test.html"), ".html", &rules),
        ["24:69:rules.Table:TODO",]
    );
}

fn todo(content: &str, ext: &str) -> Vec<String> {
    positions(content, ext, &[annotations()])
}

#[test]
fn inline_code_is_masked_and_code_blocks_are_skipped() {
    let md = "Some `TODO` here.\n\n```TODO\nTODO in code\n```\n\nA TODO after.\n";
    assert_eq!(todo(md, ".md"), ["7:3:vale.Annotations:TODO"]);
}

#[test]
fn link_targets_are_not_text_but_link_text_is() {
    let md = "See [the TODO list](http://x.org/TODO) and <http://x.org/NOTE>.\n";
    assert_eq!(todo(md, ".md"), ["1:10:vale.Annotations:TODO"]);
}

#[test]
fn alt_text_is_its_own_scope() {
    let md = "An image: ![a NOTE here](img.png)\n";
    let file = ValeFile::parse(md, ".md", &MarkupOptions::default()).expect("parses");
    let alt: Vec<&str> = file
        .blocks()
        .iter()
        .filter(|b| b.scope == "text.attr.alt")
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(alt, ["a NOTE here"]);
    let rules = [Existence::new("r.Alt", &["NOTE"], &["alt"])];
    assert_eq!(lint(&file, &rules), ["1:15:r.Alt:NOTE"]);
}

#[test]
fn block_quotes_headings_and_entities() {
    let md = "# H1 TODO\n\n###### H6 &amp; XXX\n\n> Quoted FIXME\n";
    let file = ValeFile::parse(md, ".md", &MarkupOptions::default()).expect("parses");
    let scopes: Vec<&str> = file.blocks().iter().map(|b| b.scope.as_str()).collect();
    assert!(scopes.contains(&"text.heading.h1.md"), "{scopes:?}");
    assert!(scopes.contains(&"text.heading.h6.md"), "{scopes:?}");
    assert!(scopes.contains(&"text.blockquote.md"), "{scopes:?}");
    assert!(file.blocks().iter().any(|b| b.text == "H6 & XXX"));
    assert_eq!(file.metrics().get("heading.h1"), Some(&1));
    assert_eq!(
        todo(md, ".md"),
        [
            "1:6:vale.Annotations:TODO",
            "3:17:vale.Annotations:XXX",
            "5:10:vale.Annotations:FIXME"
        ]
    );
}

#[test]
fn columns_count_runes() {
    assert_eq!(
        todo("Ça été très TODO.\n", ".md"),
        ["1:13:vale.Annotations:TODO"]
    );
    assert_eq!(
        todo("Ça été très TODO.\n", ".txt"),
        ["1:13:vale.Annotations:TODO"]
    );
    let file =
        ValeFile::parse("Ça été très TODO.\n", ".txt", &MarkupOptions::default()).expect("parses");
    let text = &file.blocks()[0].text;
    let at = text.find("TODO").expect("there");
    let loc = file
        .locate(0, Span::new(at, at + 4), "TODO")
        .expect("placed");
    assert_eq!((loc.line, loc.column, loc.end_column), (1, 13, 16));
    assert_eq!(&"Ça été très TODO.\n"[loc.span.start..loc.span.end], "TODO");
}

#[test]
fn crlf_files_and_no_final_newline() {
    let crlf = "First line.\r\n\r\nA NOTE here\r\nand TODO";
    assert_eq!(
        todo(crlf, ".md"),
        ["3:3:vale.Annotations:NOTE", "4:5:vale.Annotations:TODO"]
    );
    assert_eq!(
        todo(crlf, ".txt"),
        ["3:3:vale.Annotations:NOTE", "4:5:vale.Annotations:TODO"]
    );
    let file = ValeFile::parse(crlf, ".txt", &MarkupOptions::default()).expect("parses");
    let block = file
        .blocks()
        .iter()
        .position(|b| b.scope == "text.txt")
        .expect("a text block");
    let at = file.blocks()[block].text.find("TODO").expect("there");
    let loc = file
        .locate(block, Span::new(at, at + 4), "TODO")
        .expect("placed");
    assert_eq!(&crlf[loc.span.start..loc.span.end], "TODO");
}

#[test]
fn empty_files_have_only_the_raw_block() {
    for ext in [".md", ".html", ".txt", ".rst2"] {
        let file = ValeFile::parse("", ext, &MarkupOptions::default()).expect("parses");
        assert!(todo("", ext).is_empty());
        assert_eq!(
            file.blocks().last().map(|b| b.scope.clone()),
            Some(format!("raw{ext}"))
        );
    }
}

#[test]
fn comments_switch_rules_off_and_on() {
    let md = "TODO one.\n\n<!-- vale off -->\n\nTODO two.\n\n<!-- vale on -->\n\nTODO three.\n\n\
              <!-- vale vale.Annotations = NO -->\n\nTODO four.\n";
    assert_eq!(
        todo(md, ".md"),
        ["1:1:vale.Annotations:TODO", "9:1:vale.Annotations:TODO"]
    );
}

#[test]
fn unsupported_formats_are_errors() {
    let err =
        ValeFile::parse("= Title\n", ".adoc", &MarkupOptions::default()).expect_err("unsupported");
    assert_eq!(err.to_string(), "Vale's adoc format is not supported");
}

#[test]
fn a_long_single_line_is_read_in_one_pass() {
    // 1 MB on one line, with inline markup every few words: the walk stays near-linear.
    let mut md = String::new();
    while md.len() < 1_000_000 {
        md.push_str("some *words* and `code` here ");
    }
    md.push_str("TODO\n");
    let got = todo(&md, ".md");
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("1:"), "{got:?}");
}
