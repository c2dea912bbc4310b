//! The documents the client has open: their text as the client last sent it, version and
//! language, with incremental changes applied in the negotiated position encoding.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{TextDocumentContentChangeEvent, Uri};
use wirecheck_core::InputFormat;

use crate::position::{Encoding, LineMap};

/// One open document.
#[derive(Clone, Debug)]
pub(crate) struct OpenDocument {
    /// Its text now.
    pub(crate) text: String,
    /// The client's version of it.
    pub(crate) version: i32,
    /// The client's language id (`markdown`, `plaintext`, …).
    pub(crate) language_id: String,
}

impl OpenDocument {
    /// Applies the client's changes in order: a change with a range replaces that range, one
    /// without replaces the whole text.
    pub(crate) fn apply(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let map = LineMap::new(&self.text, encoding);
                    let start = map.offset(range.start);
                    let end = map.offset(range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
        }
    }

    /// The format the document is read as: by its language id (markdown; plaintext or text;
    /// xml as NITF; json as ninjs), else as `check` chooses for a path: by the extension of
    /// `name`, else by the content.
    pub(crate) fn format(&self, name: &str) -> InputFormat {
        format_of_language(&self.language_id)
            .unwrap_or_else(|| InputFormat::detect(Path::new(name), &self.text))
    }
}

/// The format a client's language id names, if it names one wirecheck reads.
pub(crate) fn format_of_language(language_id: &str) -> Option<InputFormat> {
    match language_id {
        "markdown" => Some(InputFormat::Markdown),
        "plaintext" | "text" => Some(InputFormat::Text),
        "xml" | "nitf" => Some(InputFormat::Nitf),
        "json" | "ninjs" => Some(InputFormat::Ninjs),
        _ => None,
    }
}

/// The open documents by URI.
#[derive(Debug, Default)]
pub(crate) struct Documents {
    open: HashMap<Uri, OpenDocument>,
}

impl Documents {
    /// Records a document opened.
    pub(crate) fn open(&mut self, uri: Uri, document: OpenDocument) {
        self.open.insert(uri, document);
    }

    /// The document at `uri`, if open.
    pub(crate) fn get(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    /// The document at `uri`, to change it.
    pub(crate) fn get_mut(&mut self, uri: &Uri) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    /// Forgets a closed document.
    pub(crate) fn close(&mut self, uri: &Uri) -> Option<OpenDocument> {
        self.open.remove(uri)
    }

    /// Every open document.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Uri, &OpenDocument)> {
        self.open.iter()
    }
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(s, e)| Range::new(Position::new(s.0, s.1), Position::new(e.0, e.1))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order_in_the_encoding() {
        let mut doc = OpenDocument {
            text: "😀 the the cat\r\nsat".to_owned(),
            version: 1,
            language_id: "plaintext".to_owned(),
        };
        // UTF-16: the emoji is two units; delete "the " at 3..7.
        doc.apply(vec![change(Some(((0, 3), (0, 7))), "")], Encoding::Utf16);
        assert_eq!(doc.text, "😀 the cat\r\nsat");
        // UTF-8: the emoji is four bytes.
        doc.apply(
            vec![
                change(Some(((1, 0), (1, 3))), "slept"),
                change(Some(((0, 5), (0, 8))), "a"),
            ],
            Encoding::Utf8,
        );
        assert_eq!(doc.text, "😀 a cat\r\nslept");
        doc.apply(vec![change(None, "new")], Encoding::Utf8);
        assert_eq!(doc.text, "new");
    }
}
