//! A story read for its text and blocks alone: what `wirecheck diff` compares. It is laid out
//! exactly as [`Document`] lays it out, but its sentences and words are never segmented, which
//! is most of a reading's time on a long story and nothing a diff reads.

use std::ops::Range;

use super::{Document, Segmentation};
use crate::input::{FormatError, InputFormat};

/// A story's text as a diff reads it, and its blocks in it.
#[derive(Clone, Debug)]
pub struct StoryText {
    document: Document,
    /// True when the document was read whole (sentences and words too), so rules may read it.
    segmented: bool,
    blocks: Vec<Range<usize>>,
}

impl StoryText {
    /// Reads `source` as `format` for its layout only; a malformed NITF or ninjs file is an
    /// error with its position, as with [`Document::read`].
    pub fn read(source: String, format: InputFormat) -> Result<Self, FormatError> {
        Document::read_segmented(source, format, Segmentation::LayoutOnly)
            .map(|document| Self::new(document, false))
    }

    /// The text and blocks of a document read whole, which stays available to the rules.
    pub fn of_document(document: Document) -> Self {
        Self::new(document, true)
    }

    fn new(document: Document, segmented: bool) -> Self {
        let blocks = if document.is_extracted() {
            document
                .block_spans()
                .into_iter()
                .map(|s| s.start..s.end)
                .collect()
        } else {
            document.blocks()
        };
        Self {
            document,
            segmented,
            blocks,
        }
    }

    /// The text compared: the story text taken out of a NITF or ninjs file, else the file's
    /// text as written.
    pub fn text(&self) -> &str {
        if self.document.is_extracted() {
            self.document.text()
        } else {
            self.document.original()
        }
    }

    /// The file's text as read (markup and all), which a patch of the file is made of.
    pub fn original(&self) -> &str {
        self.document.original()
    }

    /// The blocks (headline, front lines, paragraphs) in reading order, as byte ranges of
    /// [`StoryText::text`].
    pub fn blocks(&self) -> &[Range<usize>] {
        &self.blocks
    }

    /// The whole document, for the rules; `None` when it was read for its layout alone.
    pub fn document(&self) -> Option<&Document> {
        self.segmented.then_some(&self.document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The light reading's text and blocks, and the full reading's.
    fn both(source: &str, format: InputFormat) -> [(String, Vec<Range<usize>>); 2] {
        let light = StoryText::read(source.to_owned(), format).expect("light reading");
        let full = StoryText::of_document(
            Document::read(source.to_owned(), format).expect("full reading"),
        );
        assert!(light.document().is_none());
        assert!(full.document().is_some());
        [light, full].map(|s| (s.text().to_owned(), s.blocks().to_vec()))
    }

    #[test]
    fn fixture_stories_have_the_same_blocks_read_light_or_whole() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut read = 0;
        for dir in [
            "stories",
            "diff",
            "diff-long",
            "diff-translation",
            "formats",
        ] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let format = match path.extension().and_then(|e| e.to_str()) {
                    Some("txt") => InputFormat::Text,
                    Some("md") => InputFormat::Markdown,
                    Some("xml") => InputFormat::Nitf,
                    Some("json") => InputFormat::Ninjs,
                    _ => continue,
                };
                let Ok(source) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if Document::read(source.clone(), format).is_err() {
                    continue;
                }
                let [light, full] = both(&source, format);
                assert_eq!(light, full, "{}", path.display());
                read += 1;
            }
        }
        assert!(read >= 40, "only {read} fixture stories read");
    }

    #[test]
    fn structured_and_front_matter_stories_have_the_same_blocks() {
        let nitf = "<nitf><body><body.head><hedline><hl1>Talks end</hl1></hedline>\
                    </body.head><body.content><p>TOKYO (AP) — Talks ended.</p>\
                    <p>Second one.</p></body.content></body></nitf>";
        let markdown = "---\ntitle: Talks end\ndateline: TOKYO\n---\nTalks ended.\n\nMore.\n";
        let [light, full] = both(nitf, InputFormat::Nitf);
        assert_eq!(light, full);
        assert!(light.1.len() >= 2, "{light:?}");
        let [light, full] = both(markdown, InputFormat::Markdown);
        assert_eq!(light, full);
    }

    proptest! {
        #[test]
        fn light_and_full_readings_give_the_same_blocks(
            lines in proptest::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    Just("# Headline".to_owned()),
                    Just("By Jane Doe".to_owned()),
                    Just("TOKYO (AP) — Talks ended on Friday.".to_owned()),
                    "[A-Za-z ,.é\u{301}]{0,40}",
                    "[\u{4e00}-\u{4e10}。，]{0,12}",
                ],
                0..16,
            ),
            markdown in any::<bool>(),
        ) {
            let source = lines.join("\n");
            let format = if markdown { InputFormat::Markdown } else { InputFormat::Text };
            let [light, full] = both(&source, format);
            prop_assert_eq!(light, full);
        }
    }
}
