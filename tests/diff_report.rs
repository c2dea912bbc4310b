//! The diff report's readability: unchanged paragraphs folded in the terminal and the HTML page
//! (with the way to see them), the page's legend, narrow paragraph-number columns and explained
//! scores. The pair in fixtures/diff-long changes ¶2 and ¶12 of a 14-paragraph story.

use assert_cmd::cargo::cargo_bin_cmd;

const OLD_PATH: &str = "fixtures/diff-long/old.txt";
const NEW_PATH: &str = "fixtures/diff-long/new.txt";
const NEW: &str = include_str!("../fixtures/diff-long/new.txt");

/// The standard output of `wirecheck diff` with `args` before the two paths; exit code 1.
fn diff(args: &[&str]) -> String {
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("diff")
        .args(args)
        .args([OLD_PATH, NEW_PATH])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The new version's paragraphs, trimmed.
fn new_paragraphs() -> Vec<&'static str> {
    NEW.split("\n\n").map(str::trim).collect()
}

/// The page's body, parsed (the page writes its body as well-formed XML, void elements closed).
fn body(page: &str) -> roxmltree::Document<'_> {
    let start = page.find("<body>").expect("a body");
    let end = page.find("</body>").expect("a closed body") + "</body>".len();
    roxmltree::Document::parse(&page[start..end]).unwrap_or_else(|e| panic!("{e}: {page}"))
}

/// All the text inside `node`.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn class_is(node: &roxmltree::Node<'_, '_>, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

/// The text of each row's new-side cell in `table`'s own rows (not those of tables inside it).
fn new_cells<'a>(table: roxmltree::Node<'a, 'a>) -> Vec<String> {
    table
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .filter(|tr| {
            tr.ancestors()
                .find(|a| a.has_tag_name("table"))
                .is_some_and(|t| t == table)
        })
        .filter_map(|tr| tr.children().find(|td| class_is(td, "new")))
        .map(|td| text_of(td).trim().to_owned())
        .collect()
}

#[test]
fn the_coloured_terminal_folds_as_the_plain_one_does() {
    let coloured = diff(&["--color", "always"]);
    assert!(
        coloured.contains("⋯ 7 unchanged paragraphs (¶ 4–10), --full shows them ⋯"),
        "{coloured}"
    );
    for hidden in &new_paragraphs()[3..10] {
        assert!(!coloured.contains(hidden), "{hidden} shown: {coloured}");
    }
    let full = diff(&["--color", "always", "--full"]);
    assert!(!full.contains('⋯'), "{full}");
    for paragraph in new_paragraphs() {
        assert!(full.contains(paragraph.split(' ').next().unwrap_or_default()));
    }
}

#[test]
fn html_folds_the_unchanged_run_into_details_holding_exactly_its_rows() {
    let page = diff(&["--format", "html"]);
    let document = body(&page);
    let details: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("details"))
        .collect();
    assert_eq!(details.len(), 1, "{page}");
    let summary = details[0]
        .children()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text());
    assert_eq!(summary, Some("7 unchanged paragraphs (¶ 4–10)"));
    let inner = details[0]
        .descendants()
        .find(|n| n.has_tag_name("table"))
        .expect("a table of the folded rows");
    assert_eq!(new_cells(inner), new_paragraphs()[3..10]);
    let outer = document
        .descendants()
        .find(|n| n.has_tag_name("table") && class_is(n, "diff"))
        .expect("the diff table");
    let mut shown = new_paragraphs()[..3].to_vec();
    shown.extend(&new_paragraphs()[10..]);
    assert_eq!(new_cells(outer), shown);

    let full = diff(&["--format", "html", "--full"]);
    assert!(!full.contains("<details"), "{full}");
    let document = body(&full);
    let table = document
        .descendants()
        .find(|n| n.has_tag_name("table") && class_is(n, "diff"))
        .expect("the diff table");
    assert_eq!(new_cells(table), new_paragraphs());
}

#[test]
fn html_has_a_legend_narrow_number_columns_and_explained_scores() {
    let page = diff(&["--format", "html"]);
    let document = body(&page);
    let legend = document
        .descendants()
        .find(|n| n.has_tag_name("ul") && class_is(n, "legend"))
        .expect("a legend list");
    let items: Vec<String> = legend
        .children()
        .filter(|n| n.has_tag_name("li"))
        .map(text_of)
        .collect();
    for mark in ["deleted", "inserted", "moved", "split", "merged", "¶"] {
        assert!(
            items.iter().any(|item| item.contains(mark)),
            "{mark}: {items:?}"
        );
    }
    // The number columns are sized by the column group, not shared out with the text columns.
    let columns: Vec<_> = document
        .descendants()
        .find(|n| n.has_tag_name("colgroup"))
        .expect("a column group")
        .children()
        .filter(|n| n.has_tag_name("col"))
        .filter_map(|n| n.attribute("class"))
        .collect();
    assert_eq!(columns, ["num", "old", "num", "new"]);
    assert!(page.contains(".diff col.num{width:3.2em}"), "{page}");
    let scores = document
        .descendants()
        .find(|n| n.has_tag_name("table") && class_is(n, "scores"))
        .expect("a scores table");
    let rows: Vec<Vec<String>> = scores
        .children()
        .filter(|n| n.has_tag_name("tr"))
        .skip(1)
        .map(|tr| {
            tr.children()
                .filter(|c| c.is_element())
                .map(text_of)
                .collect()
        })
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("{name} in {rows:?}"))
    };
    assert!(row("BLEU")[2].contains("higher is closer"), "{rows:?}");
    assert!(row("chrF2")[2].contains("higher is closer"), "{rows:?}");
    assert!(row("TER")[2].contains("lower is closer"), "{rows:?}");
    for name in ["BLEU", "chrF2", "TER"] {
        assert!(row(name)[3].contains("nrefs:1|"), "{rows:?}");
    }
}

#[test]
fn json_never_folds() {
    let folded = diff(&["--format", "json", "--context-paragraphs", "0"]);
    let value: serde_json::Value = serde_json::from_str(&folded).expect("JSON");
    assert_eq!(value["blocks"].as_array().map(Vec::len), Some(14));
    assert!(!folded.contains("unchanged paragraphs"));
}

#[test]
fn html_offers_to_show_all_folds_only_when_it_folds() {
    let button = "Show all unchanged paragraphs</button>";
    assert!(diff(&["--format", "html"]).contains(button));
    assert!(!diff(&["--format", "html", "--full"]).contains(button));
}

#[test]
fn full_gives_the_unified_format_every_line_as_context() {
    let unified = diff(&["--format", "unified", "--full"]);
    let hunks: Vec<&str> = unified.lines().filter(|l| l.starts_with("@@")).collect();
    let lines = NEW.lines().count();
    assert_eq!(hunks, [format!("@@ -1,{lines} +1,{lines} @@")], "{unified}");
    let default = diff(&["--format", "unified"]);
    assert_eq!(default.lines().filter(|l| l.starts_with("@@")).count(), 2);
}

mod laws {
    use proptest::prelude::*;
    use wirecheck_diff::format::{ParagraphContext, Shown, shown_blocks};
    use wirecheck_diff::{DiffOptions, diff_stories, split_paragraphs};

    /// A story of paragraphs drawn from a few, so that runs of unchanged ones are common.
    fn story() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(0u8..6, 0..30)
    }

    fn text(paragraphs: &[u8]) -> String {
        paragraphs
            .iter()
            .map(|p| format!("Paragraph kind {p} says {p} things.\n\n"))
            .collect()
    }

    proptest! {
        /// Folding shows every block once, in order, folds only unchanged blocks in runs of two
        /// or more paragraphs, and never folds a block within `keep` blocks of a change.
        #[test]
        fn folds_hide_only_unchanged_blocks_away_from_changes(
            old in story(), new in story(), keep in 0usize..4,
        ) {
            let (old, new) = (text(&old), text(&new));
            let diff = diff_stories(
                &old, &split_paragraphs(&old), &new, &split_paragraphs(&new),
                &DiffOptions::default(),
            ).expect("diffs");
            let shown = shown_blocks(&diff, ParagraphContext::Around(keep));
            let mut next = 0;
            let mut folded = vec![false; diff.blocks.len()];
            for piece in &shown {
                match piece {
                    Shown::Block(index) => {
                        prop_assert_eq!(*index, next);
                        next += 1;
                    }
                    Shown::Folded(run) => {
                        prop_assert_eq!(run.blocks.start, next);
                        prop_assert!(run.paragraphs() >= 2);
                        for index in run.blocks.clone() {
                            prop_assert!(!diff.blocks[index].has_changes());
                            folded[index] = true;
                        }
                        next = run.blocks.end;
                    }
                }
            }
            prop_assert_eq!(next, diff.blocks.len());
            for (index, block) in diff.blocks.iter().enumerate() {
                if block.has_changes() {
                    let near = index.saturating_sub(keep)..(index + keep + 1).min(folded.len());
                    prop_assert!(!folded[near].contains(&true), "{index} {keep} {folded:?}");
                }
            }
            let full = shown_blocks(&diff, ParagraphContext::Full);
            prop_assert_eq!(full.len(), diff.blocks.len());
        }
    }
}

#[test]
fn html_cells_end_with_their_text_not_the_blank_lines_after_it() {
    for args in [&["--format", "html"][..], &["--format", "html", "--full"]] {
        let page = diff(args);
        assert!(page.contains("below force six.</td>"), "{page}");
        assert!(
            !page.contains("\n</td>") && !page.contains(" </td>"),
            "{page}"
        );
    }
}
