//! Text pulled out of a structured story file (NITF XML, ninjs JSON) with a map from every byte of
//! the extracted text back to the bytes of the file it came from.
//!
//! An input format decodes each piece it uses (headline, byline, dateline, paragraphs) into a
//! [`MappedText`]: characters copied as written map byte for byte, while an escape (`&amp;`,
//! `\u2014`) decodes to one character whose span maps to the whole escape. The pieces are then
//! joined one per line with blank lines between, so every rule reads the story as it reads plain
//! text, and [`MappedText::to_original`] takes each finding back to the file.

use crate::span::Span;

/// A run of the extracted text and the bytes of the original it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    extracted: Span,
    original: Span,
    /// Copied as written: the run and its original have the same bytes, so offsets map one to
    /// one. Otherwise the run is one unit (an escape, a folded run of white space, the break
    /// between two pieces) and an offset inside it widens to the whole original.
    verbatim: bool,
}

/// Text with a map back to the original file.
#[derive(Clone, Debug, Default)]
pub(crate) struct MappedText {
    text: String,
    segments: Vec<Segment>,
}

impl MappedText {
    /// Empty text.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The extracted text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// True when no text has been added.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `text`, written as is at `original_start` in the file.
    pub(crate) fn push_verbatim(&mut self, text: &str, original_start: usize) {
        if text.is_empty() {
            return;
        }
        let extracted = Span::new(self.text.len(), self.text.len() + text.len());
        let original = Span::new(original_start, original_start + text.len());
        self.text.push_str(text);
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && last.extracted.end == extracted.start
            && last.original.end == original.start
        {
            last.extracted.end = extracted.end;
            last.original.end = original.end;
            return;
        }
        self.segments.push(Segment {
            extracted,
            original,
            verbatim: true,
        });
    }

    /// Appends `text` standing for the whole of `original`: a decoded escape, folded white space.
    pub(crate) fn push_unit(&mut self, text: &str, original: Span) {
        if text.is_empty() {
            return;
        }
        let extracted = Span::new(self.text.len(), self.text.len() + text.len());
        self.text.push_str(text);
        self.segments.push(Segment {
            extracted,
            original,
            verbatim: false,
        });
    }

    /// Appends bytes `range` of `other` with their mapping. `range` must lie on character
    /// boundaries; a unit cut by it is kept whole.
    pub(crate) fn append(&mut self, other: &MappedText, range: Span) {
        for segment in &other.segments {
            let start = segment.extracted.start.max(range.start);
            let end = segment.extracted.end.min(range.end);
            if start >= end {
                continue;
            }
            let text = &other.text[start..end];
            if segment.verbatim {
                let original_start = segment.original.start + (start - segment.extracted.start);
                self.push_verbatim(text, original_start);
            } else {
                self.push_unit(text, segment.original);
            }
        }
    }

    /// The bytes of the original that the whole text came from.
    pub(crate) fn original_extent(&self) -> Option<Span> {
        let first = self.segments.first()?;
        let last = self.segments.last()?;
        Some(Span::new(first.original.start, last.original.end))
    }

    /// The text without leading and trailing white space, with every run of white space that holds
    /// a line break or a tab folded to one space (mapped to the whole run). Runs of spaces inside a
    /// line are kept as written, so a double space is still there for the rules to see.
    pub(crate) fn fold_whitespace(&self) -> MappedText {
        let text = self.text.as_str();
        let mut folded = MappedText::new();
        let mut copied = text.len() - text.trim_start().len();
        let end = text.trim_end().len();
        let mut chars = text[..end].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if i < copied || !c.is_whitespace() {
                continue;
            }
            let mut run_end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                run_end = j + d.len_utf8();
                chars.next();
            }
            let run = &text[i..run_end];
            if run.chars().all(|r| r == ' ') || run == "\u{a0}" {
                continue;
            }
            folded.append(self, Span::new(copied, i));
            let original = self.to_original(Span::new(i, run_end));
            folded.push_unit(" ", original);
            copied = run_end;
        }
        if copied < end {
            folded.append(self, Span::new(copied, end));
        }
        folded
    }

    /// Splits the text at blank lines (a line break, optional white space, a line break) into
    /// pieces, each with its mapping. Empty pieces are left out.
    pub(crate) fn split_blank_lines(&self) -> Vec<MappedText> {
        let text = self.text.as_str();
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            if line.trim().is_empty() && line_start > start {
                let mut piece = MappedText::new();
                piece.append(self, Span::new(start, line_start));
                if !piece.text.trim().is_empty() {
                    pieces.push(piece);
                }
                start = offset;
            }
        }
        let mut piece = MappedText::new();
        piece.append(self, Span::new(start, text.len()));
        if !piece.text.trim().is_empty() {
            pieces.push(piece);
        }
        pieces
    }

    /// Maps a span of the extracted text to the original file. A boundary inside a unit widens to
    /// the whole unit; a span starting where one run ends and another begins starts at the later
    /// run, and a span ending there ends with the earlier one, so markup between runs is left
    /// out of a span's ends.
    pub(crate) fn to_original(&self, span: Span) -> Span {
        let start = self.map_offset(span.start, false);
        let end = self.map_offset(span.end, true);
        Span::new(start, end.max(start))
    }

    fn map_offset(&self, offset: usize, is_end: bool) -> usize {
        let index = if is_end {
            // The segment with start < offset <= end.
            self.segments
                .partition_point(|s| s.extracted.end < offset)
                .min(self.segments.len().saturating_sub(1))
        } else {
            // The segment with start <= offset < end.
            self.segments.partition_point(|s| s.extracted.end <= offset)
        };
        let Some(segment) = self.segments.get(index).or(self.segments.last()) else {
            return 0;
        };
        if offset >= segment.extracted.end {
            return segment.original.end;
        }
        if offset <= segment.extracted.start {
            return segment.original.start;
        }
        if segment.verbatim {
            segment.original.start + (offset - segment.extracted.start)
        } else if is_end {
            segment.original.end
        } else {
            segment.original.start
        }
    }
}

/// What a piece of a structured story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    /// The headline (`hl1`, `headline`).
    Headline,
    /// Who wrote the story (`byline`, `by`).
    Byline,
    /// A dateline given on its own (`dateline`, `located`, front matter `dateline:`).
    Dateline,
    /// A body paragraph.
    Paragraph,
}

/// The pieces of a structured story, in reading order, and its metadata.
#[derive(Debug, Default)]
pub(crate) struct Extraction {
    /// Headline, byline, dateline and paragraphs, each with its mapping.
    pub pieces: Vec<(Role, MappedText)>,
    /// Keys such as `date` (the publication date) and `dateline`.
    pub metadata: Vec<(String, String)>,
}

impl Extraction {
    /// Adds a piece, with its white space folded; a piece with no text is left out.
    pub(crate) fn push(&mut self, role: Role, text: &MappedText) {
        let folded = text.fold_whitespace();
        if !folded.is_empty() {
            self.pieces.push((role, folded));
        }
    }

    /// Joins the pieces one a line, headline first, then byline, dateline and paragraphs (each
    /// kind in file order), with a blank line between pieces; the break maps to the bytes between
    /// the two pieces in the file. Gives the text and the role of each line.
    pub(crate) fn assemble(mut self) -> (MappedText, Vec<Role>) {
        self.pieces.sort_by_key(|(role, _)| *role);
        let mut text = MappedText::new();
        let mut roles = Vec::with_capacity(self.pieces.len());
        let mut previous_end: Option<usize> = None;
        for (role, piece) in &self.pieces {
            let Some(extent) = piece.original_extent() else {
                continue;
            };
            if let Some(end) = previous_end {
                text.push_unit("\n\n", Span::new(end, extent.start.max(end)));
            }
            text.append(piece, Span::new(0, piece.text.len()));
            roles.push(*role);
            previous_end = Some(extent.end);
        }
        (text, roles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<p>Arab &amp; International</p>` with the piece starting at byte 3.
    fn arab() -> (&'static str, MappedText) {
        let original = "<p>Arab &amp;\n   International</p>";
        let mut text = MappedText::new();
        text.push_verbatim("Arab ", 3);
        text.push_unit("&", Span::new(8, 13));
        text.push_verbatim("\n   International", 13);
        (original, text)
    }

    #[test]
    fn escapes_map_to_the_whole_escape() {
        let (original, text) = arab();
        assert_eq!(text.as_str(), "Arab &\n   International");
        let amp = Span::new(5, 6);
        assert_eq!(text.to_original(amp).slice(original), "&amp;");
        let all = Span::new(0, text.as_str().len());
        assert_eq!(
            text.to_original(all).slice(original),
            "Arab &amp;\n   International"
        );
        let word = Span::new(10, 23);
        assert_eq!(text.to_original(word).slice(original), "International");
    }

    #[test]
    fn folded_white_space_maps_to_the_run() {
        let (original, text) = arab();
        let folded = text.fold_whitespace();
        assert_eq!(folded.as_str(), "Arab & International");
        let space = Span::new(6, 7);
        assert_eq!(folded.to_original(space).slice(original), "\n   ");
        let word = Span::new(7, 20);
        assert_eq!(folded.to_original(word).slice(original), "International");
    }

    #[test]
    fn pieces_join_with_breaks_mapped_to_the_markup_between() {
        let original = "<hl1>Head</hl1><p>One.</p>";
        let mut head = MappedText::new();
        head.push_verbatim("Head", 5);
        let mut para = MappedText::new();
        para.push_verbatim("One.", 18);
        let mut extraction = Extraction::default();
        extraction.push(Role::Paragraph, &para);
        extraction.push(Role::Headline, &head);
        let (text, roles) = extraction.assemble();
        assert_eq!(text.as_str(), "Head\n\nOne.");
        assert_eq!(roles, [Role::Headline, Role::Paragraph]);
        assert_eq!(
            text.to_original(Span::new(4, 6)).slice(original),
            "</hl1><p>"
        );
        assert_eq!(text.to_original(Span::new(6, 10)).slice(original), "One.");
        assert_eq!(
            text.to_original(Span::new(0, 10)).slice(original),
            "Head</hl1><p>One."
        );
    }

    #[test]
    fn splits_at_blank_lines() {
        let mut text = MappedText::new();
        text.push_verbatim("One.\n\nTwo.\n \nThree.", 10);
        let pieces: Vec<_> = text
            .split_blank_lines()
            .iter()
            .map(|p| (p.as_str().trim().to_owned(), p.original_extent()))
            .collect();
        assert_eq!(pieces[0].0, "One.");
        assert_eq!(pieces[1].0, "Two.");
        assert_eq!(pieces[2], ("Three.".to_owned(), Some(Span::new(23, 29))));
    }
}
