//! `wirecheck diff` under git: the arguments git passes an external diff driver
//! (`diff.<driver>.command`, `GIT_EXTERNAL_DIFF`), and the story text for a textconv
//! (`diff.<driver>.textconv`), one block per line so that git's line diffs compare the story and
//! not its markup.

use std::borrow::Cow;
use std::path::PathBuf;

use anyhow::bail;
use wirecheck_core::Document;

/// What git asked an external diff driver to compare.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum GitExternal {
    /// Two versions of a file: the files holding them, and the names git shows for them
    /// (`a/PATH`, `b/PATH`; `/dev/null` for the side of an added or deleted file).
    Pair {
        old_file: PathBuf,
        new_file: PathBuf,
        old_name: String,
        new_name: String,
    },
    /// A path with unresolved merge conflicts: git gives no versions to compare.
    Unmerged { path: String },
}

const DEV_NULL: &str = "/dev/null";

impl GitExternal {
    /// Reads git's arguments: `PATH` alone for an unmerged path; `PATH OLD-FILE OLD-HEX OLD-MODE
    /// NEW-FILE NEW-HEX NEW-MODE`, and after them `NEW-PATH` and a header for a rename or copy.
    pub(crate) fn from_args(args: &[String]) -> anyhow::Result<Self> {
        let name = |prefix: &str, file: &str, path: &str| {
            if file == DEV_NULL {
                DEV_NULL.to_owned()
            } else {
                format!("{prefix}/{path}")
            }
        };
        match args {
            [path] => Ok(GitExternal::Unmerged { path: path.clone() }),
            [path, old_file, _, _, new_file, _, _, rest @ ..]
                if rest.is_empty() || rest.len() == 2 =>
            {
                let new_path = rest.first().unwrap_or(path);
                Ok(GitExternal::Pair {
                    old_name: name("a", old_file, path),
                    new_name: name("b", new_file, new_path),
                    old_file: PathBuf::from(old_file),
                    new_file: PathBuf::from(new_file),
                })
            }
            _ => bail!(
                "--git-external takes the 1, 7 or 9 arguments git gives an external diff \
                 (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), not {}",
                args.len()
            ),
        }
    }
}

/// The story text of `document` as a textconv gives it to git: the headline, front lines and
/// paragraphs it is diffed by, each on one line (its line breaks made spaces), markup left out:
/// NITF and ninjs come out of their markup already; a `markdown` story's blocks lose their
/// inline marks (emphasis, link targets, code ticks, inline HTML) here.
pub(crate) fn textconv(document: &Document, markdown: bool) -> String {
    let text = document.text();
    let mut out = String::with_capacity(text.len() + 1);
    for span in document.block_spans() {
        let block = text.get(span.start..span.end).unwrap_or_default();
        let plain = if markdown {
            Cow::Owned(markdown_text(block))
        } else {
            Cow::Borrowed(block)
        };
        let mut words = plain.split_whitespace();
        if let Some(first) = words.next() {
            out.push_str(first);
            for word in words {
                out.push(' ');
                out.push_str(word);
            }
            out.push('\n');
        }
    }
    out
}

/// The text of one Markdown block without its marks: what a reader sees of it.
fn markdown_text(block: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::with_capacity(block.len());
    for event in Parser::new(block) {
        match event {
            Event::Text(piece) | Event::Code(piece) => text.push_str(&piece),
            // A break between blocks (list items, say) parts words; the end of an emphasis
            // does not (`**win**ter` is one word).
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn seven_arguments_name_both_sides_by_the_path() {
        let external = GitExternal::from_args(&args(&[
            "story.txt",
            "/tmp/x_story.txt",
            "1234",
            "100644",
            "story.txt",
            "5678",
            "100644",
        ]));
        assert_eq!(
            external.ok(),
            Some(GitExternal::Pair {
                old_file: "/tmp/x_story.txt".into(),
                new_file: "story.txt".into(),
                old_name: "a/story.txt".into(),
                new_name: "b/story.txt".into(),
            })
        );
    }

    #[test]
    fn an_added_file_is_compared_with_dev_null_and_a_rename_names_the_new_path() {
        let added = GitExternal::from_args(&args(&[
            "new.txt", DEV_NULL, ".", ".", "new.txt", "5678", "100644",
        ]));
        assert!(
            matches!(&added, Ok(GitExternal::Pair { old_name, new_name, .. })
                if old_name == DEV_NULL && new_name == "b/new.txt"),
            "{added:?}"
        );
        let renamed = GitExternal::from_args(&args(&[
            "old.txt",
            "/tmp/a",
            "1",
            "100644",
            "/tmp/b",
            "2",
            "100644",
            "new.txt",
            "similarity index 90%\nrename from old.txt\nrename to new.txt\n",
        ]));
        assert!(
            matches!(&renamed, Ok(GitExternal::Pair { old_name, new_name, .. })
                if old_name == "a/old.txt" && new_name == "b/new.txt"),
            "{renamed:?}"
        );
    }

    #[test]
    fn markdown_blocks_lose_their_inline_marks() {
        let plain = |block: &str| {
            let text = markdown_text(block);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert_eq!(
            plain("A **winter** storm closed [ports](http://x.example) on\n`Wednesday`."),
            "A winter storm closed ports on Wednesday."
        );
        assert_eq!(plain("**Win**ter came"), "Winter came");
        assert_eq!(
            plain("- one *item*\n- two <b>items</b>"),
            "one item two items"
        );
        assert_eq!(plain(r"a \*literal\* star"), "a *literal* star");
    }

    #[test]
    fn other_counts_are_an_error_naming_the_forms() {
        for count in [2, 6, 8, 10] {
            let list: Vec<String> = (0..count).map(|i| i.to_string()).collect();
            let message = GitExternal::from_args(&list)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains("1, 7 or 9"), "{count}: {message}");
        }
    }
}
