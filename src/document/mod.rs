//! The document model: one parse of a story into headline, front lines, dateline, paragraphs,
//! sentences and words, each a byte span into the NFC-normalised text. All rules share it.
//!
//! Plain text and Markdown are read as they are. Structured formats (NITF XML, ninjs JSON) are
//! first reduced to their pieces — headline, byline, dateline, paragraphs — joined one a line with
//! blank lines between, so the rules read them as plain text; a second map takes every span of
//! that text back to the bytes of the XML or JSON file.

mod extract;
mod markup;
mod metadata;
mod ninjs;
mod nitf;
mod normalize;
mod segment;
mod words;

use std::path::Path;

pub use extract::MappedText;
pub use metadata::Metadata;
pub use normalize::NormalizedText;
pub use segment::{is_invisible, split_sentences, split_words, split_words_into};
pub use words::{WordIter, WordSlice, Words};

use crate::span::{LineIndex, Span};
use extract::{Extraction, Role};

/// How a story's bytes are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: headline on the first line, paragraphs separated by blank lines or one a line.
    Text,
    /// Markdown: headline as a `#` heading, the front matter's `title:` or the first line;
    /// optional YAML front matter (`title`, `date`, `dateline`).
    Markdown,
    /// NITF XML (IPTC News Industry Text Format).
    Nitf,
    /// IPTC ninjs JSON, versions 1.x and 2.x.
    Ninjs,
}

impl InputFormat {
    /// Chooses the format from a file name's extension: `.md`/`.markdown` Markdown, `.xml`/`.nitf`
    /// NITF, `.json`/`.ninjs` ninjs, anything else plain text.
    pub fn from_path(path: &Path) -> Self {
        Self::from_extension(path).unwrap_or(InputFormat::Text)
    }

    /// The format an extension names, if it names one.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())?
            .to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => InputFormat::Markdown,
            "xml" | "nitf" => InputFormat::Nitf,
            "json" | "ninjs" => InputFormat::Ninjs,
            "txt" | "text" => InputFormat::Text,
            _ => return None,
        })
    }

    /// Chooses the format by extension, else by content ([`InputFormat::sniff`]), else plain text.
    pub fn detect(path: &Path, source: &str) -> Self {
        Self::from_extension(path)
            .or_else(|| Self::sniff(source))
            .unwrap_or(InputFormat::Text)
    }

    /// Recognises a news document by its content: a `<nitf` element near the start, or a JSON
    /// object with ninjs keys (`headline`, `headlines`, `body_text`, `body_html`, `bodies`).
    pub fn sniff(source: &str) -> Option<Self> {
        let start = source.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('<') {
            let head_end = start
                .char_indices()
                .nth(2048)
                .map_or(start.len(), |(i, _)| i);
            return start[..head_end]
                .contains("<nitf")
                .then_some(InputFormat::Nitf);
        }
        if start.starts_with('{') {
            let keys = [
                "\"body_text\"",
                "\"body_html\"",
                "\"bodies\"",
                "\"headlines\"",
                "\"headline\"",
            ];
            return keys
                .iter()
                .any(|k| start.contains(k))
                .then_some(InputFormat::Ninjs);
        }
        None
    }

    /// The format's name as users write it.
    pub const fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Nitf => "NITF",
            InputFormat::Ninjs => "ninjs",
        }
    }
}

/// A story file that could not be read as its format: malformed XML or JSON, or a document that is
/// not NITF or ninjs. Positions are in the original file.
#[derive(Debug, thiserror::Error)]
#[error("{line}:{column}: invalid {format}: {message}")]
pub struct FormatError {
    /// The format's name.
    pub format: &'static str,
    /// Byte offset of the fault.
    pub offset: usize,
    /// Line of the fault, from 1.
    pub line: usize,
    /// Column of the fault, from 1, in characters.
    pub column: usize,
    /// What the parser says.
    pub message: String,
}

impl FormatError {
    /// The fault at byte `offset` of `source`.
    pub fn at(format: InputFormat, source: &str, offset: usize, message: String) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let position = LineIndex::new(source).position(source, offset);
        Self {
            format: format.name(),
            offset,
            line: position.line,
            column: position.column,
            message,
        }
    }
}

/// A line between the headline and the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrontLine {
    /// The line's text, without its line ending.
    pub span: Span,
    /// What the line is.
    pub kind: FrontLineKind,
}

/// What a line between the headline and the body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontLineKind {
    /// The headline again.
    RepeatedHeadline,
    /// "By …": who wrote the story, with the lines that continue it ("Associated Press").
    Byline,
    /// Any other short line: a kicker, a section label, a CMS leftover.
    Label,
}

/// One sentence of a body paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text.
    pub span: Span,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// One parsed story.
#[derive(Clone, Debug)]
pub struct Document {
    original: String,
    /// For structured formats: the text extracted from the file, mapped to the file's bytes.
    extracted: Option<MappedText>,
    normalized: NormalizedText,
    /// The story's own metadata: a Markdown story's front matter; NITF's `date.issue` and
    /// `dateline`; ninjs's `firstcreated`/`versioncreated` and `located` (as `date`, `dateline`).
    pub metadata: Metadata,
    /// The headline, if the story has one.
    pub headline: Option<Span>,
    /// Lines between the headline and the body.
    pub front: Vec<FrontLine>,
    /// The lead-in of the first paragraph up to and including its dash ("TOKYO (AP) —").
    pub dateline: Option<Span>,
    /// Body paragraphs (the first one includes its dateline).
    pub paragraphs: Vec<Span>,
    /// Sentences of the body paragraphs.
    pub sentences: Vec<Sentence>,
    /// Every word of the story, headline included, in order.
    pub words: Words,
}

impl Document {
    /// Reads `source` as `format`; a malformed NITF or ninjs file is an error with its position.
    pub fn read(source: String, format: InputFormat) -> Result<Self, FormatError> {
        let extraction = match format {
            InputFormat::Markdown => {
                if let Some((offset, message)) = metadata::front_matter_fault(&source) {
                    return Err(FormatError::at(format, &source, offset, message));
                }
                return Ok(Self::parse(source, format));
            }
            InputFormat::Text => return Ok(Self::parse(source, format)),
            InputFormat::Nitf => nitf::extract(&source)
                .map_err(|e| FormatError::at(format, &source, e.offset, e.message))?,
            InputFormat::Ninjs => ninjs::extract(&source)
                .map_err(|e| FormatError::at(format, &source, e.offset, e.message))?,
        };
        Ok(Self::from_extraction(source, extraction))
    }

    /// Parses `source` as `format`. A NITF or ninjs file that cannot be read as such is read as
    /// plain text; use [`Document::read`] to get the fault instead.
    pub fn parse(source: String, format: InputFormat) -> Self {
        let extraction = match format {
            InputFormat::Text | InputFormat::Markdown => None,
            InputFormat::Nitf => nitf::extract(&source).ok(),
            InputFormat::Ninjs => ninjs::extract(&source).ok(),
        };
        match extraction {
            Some(extraction) => Self::from_extraction(source, extraction),
            None if format == InputFormat::Markdown => Self::parse_plain(source, format),
            None => Self::parse_plain(source, InputFormat::Text),
        }
    }

    /// A structured story from its extracted pieces.
    fn from_extraction(source: String, mut extraction: Extraction) -> Self {
        let metadata = Metadata::from_pairs(extraction.metadata.drain(..));
        // A dateline element is only used when the first paragraph has no dateline of its own.
        let first_has_dateline = extraction
            .pieces
            .iter()
            .find(|(role, _)| *role == Role::Paragraph)
            .is_some_and(|(_, p)| {
                find_dateline(p.as_str(), Span::new(0, p.as_str().len())).is_some()
            });
        if first_has_dateline {
            extraction
                .pieces
                .retain(|(role, _)| *role != Role::Dateline);
        }
        let (extracted, roles) = extraction.assemble();
        let normalized = NormalizedText::new(extracted.as_str());
        let text = normalized.composed().unwrap_or(extracted.as_str());
        let lines = content_lines(text, 0, InputFormat::Text);
        let layout = Layout::of_roles(text, &lines, &roles);
        let paragraphs = layout.paragraphs;
        let dateline = paragraphs
            .first()
            .and_then(|&p| find_dateline(text, p))
            .or(layout.dateline);
        let sentences = sentences_of(text, &paragraphs);
        let words = words_of(text, &[], Span::new(0, text.len()));
        Self {
            metadata,
            headline: layout.headline,
            front: layout.front,
            dateline,
            paragraphs,
            sentences,
            words,
            original: source,
            extracted: Some(extracted),
            normalized,
        }
    }

    /// A plain text or Markdown story.
    fn parse_plain(source: String, format: InputFormat) -> Self {
        let normalized = NormalizedText::new(&source);
        let text = normalized.composed().unwrap_or(&source);
        let skip = match format {
            InputFormat::Markdown => front_matter_len(text),
            _ => 0,
        };
        let metadata = if skip > 0 {
            Metadata::from_front_matter(front_matter_body(text, skip))
        } else {
            Metadata::default()
        };
        let lines = content_lines(text, skip, format);
        // Front matter `title:` is the headline when the story has no `#` heading first.
        let title = (skip > 0 && !starts_with_heading(text, &lines))
            .then(|| front_matter_value(text, skip, "title", &metadata))
            .flatten();
        let layout = match title {
            Some(title) => {
                let mut front = Vec::new();
                let rest = Layout::front_lines(text, title, &lines, &mut front);
                Layout {
                    headline: Some(title),
                    front,
                    paragraphs: group_paragraphs(text, rest),
                    dateline: None,
                }
            }
            None => Layout::of(text, &lines),
        };
        let paragraphs = layout.paragraphs;
        let mut dateline = paragraphs.first().and_then(|&p| find_dateline(text, p));
        // Front matter values that stand for the story's pieces have words too.
        let mut front_matter = Vec::new();
        if let Some(title) = title {
            front_matter.push(title);
        }
        // Front matter `dateline:` stands in for a dateline the first paragraph lacks.
        if dateline.is_none() && skip > 0 {
            dateline = front_matter_value(text, skip, "dateline", &metadata);
            front_matter.extend(dateline);
        }
        let sentences = sentences_of(text, &paragraphs);
        let words = words_of(text, &front_matter, Span::new(skip, text.len()));
        Self {
            metadata,
            headline: layout.headline,
            front: layout.front,
            dateline,
            paragraphs,
            sentences,
            words,
            original: source,
            extracted: None,
            normalized,
        }
    }

    /// True when the document holds no story: no headline, front line or paragraph.
    pub fn is_empty(&self) -> bool {
        self.headline.is_none() && self.front.is_empty() && self.paragraphs.is_empty()
    }

    /// Offset in the original text of the value of `key` in a Markdown story's front matter, for
    /// messages about it; `None` when the story has no such line.
    pub fn metadata_offset(&self, key: &str) -> Option<usize> {
        if self.extracted.is_some() {
            return None;
        }
        metadata::front_matter_key_offset(&self.original, key)
    }

    /// The bytes as the user wrote them.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The bytes as the user wrote them, without a copy: for keeping the text once the document
    /// has been checked.
    pub fn into_original(self) -> String {
        self.original
    }

    /// The NFC-normalised text that every span of the document points into.
    pub fn text(&self) -> &str {
        let before = match &self.extracted {
            Some(extracted) => extracted.as_str(),
            None => &self.original,
        };
        self.normalized.composed().unwrap_or(before)
    }

    /// The text a span of the normalised text covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(self.text())
    }

    /// Maps a span of the normalised text to the original bytes: through NFC normalisation, and
    /// for NITF and ninjs from the extracted text to the XML or JSON it came from.
    pub fn to_original(&self, span: Span) -> Span {
        let span = self.normalized.to_original(span);
        match &self.extracted {
            Some(extracted) => extracted.to_original(span),
            None => span,
        }
    }

    /// The text of `span` as the user wrote it, for a replacement that keeps a word: the original
    /// bytes (before NFC) of a plain or Markdown story; the extracted text of a NITF or ninjs one
    /// (whose bytes are XML or JSON).
    pub fn as_written(&self, span: Span) -> &str {
        match self.extracted {
            Some(_) => self.slice(span),
            None => self.to_original(span).slice(&self.original),
        }
    }

    /// True when the text was taken out of a structured file (NITF, ninjs) rather than being the
    /// file itself.
    pub fn is_extracted(&self) -> bool {
        self.extracted.is_some()
    }

    /// True when normalised and original text are the same bytes.
    pub fn is_normalized(&self) -> bool {
        self.normalized.is_identity() && self.extracted.is_none()
    }

    /// The 1-based line of the original file that holds `offset` of the normalised text.
    pub fn original_line(&self, offset: usize) -> usize {
        let at = self.to_original(Span::new(offset, offset)).start;
        let at = at.min(self.original.len());
        memchr::memchr_iter(b'\n', &self.original.as_bytes()[..at]).count() + 1
    }

    /// The span to delete to remove the line(s) holding `span` cleanly: see [`line_removal`].
    pub fn line_removal(&self, span: Span) -> Span {
        line_removal(self.text(), span)
    }

    /// The story's blocks in reading order — headline, front lines, paragraphs — as byte ranges of
    /// the original text: the units a diff aligns.
    pub fn blocks(&self) -> Vec<std::ops::Range<usize>> {
        self.block_spans()
            .into_iter()
            .map(|s| self.to_original(s))
            .map(|s| s.start..s.end)
            .collect()
    }

    /// The story's blocks in reading order, as spans of the normalised text.
    pub fn block_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self.headline.into_iter().collect();
        spans.extend(self.front.iter().map(|line| line.span));
        spans.extend(self.paragraphs.iter().copied());
        spans.sort_unstable();
        spans
    }

    /// True when `span` lies in the headline, a front line or the dateline: lines often set in
    /// capitals or title case.
    pub fn in_display_lines(&self, span: Span) -> bool {
        let within = |outer: &Span| outer.start <= span.start && span.end <= outer.end;
        self.headline.iter().chain(&self.dateline).any(within)
            || self.front.iter().any(|line| within(&line.span))
    }

    /// True when a capital letter at the start of `span` says nothing about the word: the span lies
    /// in the headline (often in title case or capitals), a front line or the dateline, or starts a
    /// sentence.
    pub fn capital_is_positional(&self, span: Span) -> bool {
        if self.in_display_lines(span) {
            return true;
        }
        let text = self.text();
        let Some(before) = text.get(..span.start) else {
            return false;
        };
        let before =
            before.trim_end_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c));
        let after_dateline = self.dateline.is_some_and(|d| d.end == before.len());
        after_dateline
            || before.is_empty()
            || before.ends_with('\n')
            || before.ends_with(['.', '!', '?', '…'])
            || (before.ends_with(CLOSING_QUOTES) && ends_sentence(before))
    }

    /// The words lying inside `span`, as a run of [`Document::words`].
    pub fn words_in(&self, span: Span) -> WordSlice<'_> {
        self.words.all().inside(span)
    }
}

/// The span to delete to remove the line(s) of `text` holding `span` cleanly, keeping the paragraph
/// breaks around them: the lines with their line ending; with the blank lines before them when
/// blank lines (or the end of the text) follow, so one break stays where there were two; with
/// the blank lines after them at the start of the text. Lines removed one after another this way
/// give adjacent spans that together leave the same structure.
pub fn line_removal(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let next_content = skip_blank_lines(text, end);
    let blanks_start = blank_lines_before(text, start);
    if blanks_start == 0 {
        // Nothing but blank lines before: the text starts at the next line with content.
        Span::new(0, next_content)
    } else if next_content == text.len() {
        Span::new(blanks_start, text.len())
    } else if next_content > end {
        Span::new(blanks_start, end)
    } else {
        Span::new(start, end)
    }
}

/// The start of the first non-blank line at or after `at` (a line start), or the end of `text`.
fn skip_blank_lines(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let next_line = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if !text[at..next_line].trim().is_empty() {
            break;
        }
        at = next_line;
    }
    at
}

/// The start of the blank lines that end just before `at` (a line start): `at` itself when the
/// line before is not blank, 0 when only blank lines come before.
fn blank_lines_before(text: &str, mut at: usize) -> usize {
    while at > 0 {
        let line_start = text[..at - 1].rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..at].trim().is_empty() {
            break;
        }
        at = line_start;
    }
    at
}

/// The words of `text`: those of the `front_matter` spans (before `body`), then those of `body`.
fn words_of(text: &str, front_matter: &[Span], body: Span) -> Words {
    let mut front_matter = front_matter.to_vec();
    front_matter.sort_unstable();
    // About one word in six bytes of news copy; the spare room is given back below.
    let mut words = Words::with_capacity(text.len(), body.len() / 5);
    for &span in &front_matter {
        split_words_into(text, span, |word| words.push(word));
    }
    split_words_into(text, body, |word| words.push(word));
    words.shrink_to_fit();
    words
}

/// The sentences of every paragraph.
fn sentences_of(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(index, &paragraph)| {
            split_sentences(text, paragraph)
                .into_iter()
                .map(move |span| Sentence {
                    span,
                    paragraph: index,
                })
        })
        .collect()
}

/// True when the first content line is a Markdown `#` heading.
fn starts_with_heading(text: &str, lines: &[Line]) -> bool {
    lines.first().is_some_and(|line| {
        let line_start = text[..line.span.start].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..line.span.start]
            .trim_start()
            .starts_with('#')
    })
}

/// The span of a scalar `key: value` line in the front matter of `len` bytes, when the value as
/// written (unquoted, or quoted without escapes) is the value YAML reads.
fn front_matter_value(text: &str, len: usize, key: &str, metadata: &Metadata) -> Option<Span> {
    let expected = metadata.get(key)?;
    let mut offset = 0;
    for line in text[..len].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let value_start = line_start + key.len() + 1 + (rest.len() - rest.trim_start().len());
        let mut value = Span::new(value_start, line_start + line.trim_end().len());
        let written = value.slice(text);
        for quote in ['"', '\''] {
            if written.len() >= 2 && written.starts_with(quote) && written.ends_with(quote) {
                value = Span::new(value.start + 1, value.end - 1);
            }
        }
        return (value.slice(text) == expected && !value.is_empty()).then_some(value);
    }
    None
}

/// A non-empty line of content: its span without line ending, and whether a blank line precedes it.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    after_blank: bool,
}

/// Length of a YAML front matter block (`---` … `---`) at the start of a Markdown text, or 0.
pub(crate) fn front_matter_len(text: &str) -> usize {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let mut offset = text.len() - rest.len();
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return offset;
        }
    }
    0
}

/// The YAML inside a front matter block of `len` bytes: without its opening and closing lines.
pub(crate) fn front_matter_body(text: &str, len: usize) -> &str {
    let block = &text[..len];
    let body_start = block.find('\n').map_or(len, |i| i + 1);
    let body_end = block
        .trim_end_matches(['\n', '\r'])
        .rfind('\n')
        .map_or(body_start, |i| i + 1)
        .max(body_start);
    &block[body_start..body_end]
}

/// The non-empty lines from `skip` on, with Markdown heading marks trimmed from the span.
fn content_lines(text: &str, skip: usize, format: InputFormat) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = skip;
    let mut after_blank = false;
    for raw in text[skip..].split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        // A line that is one HTML comment (a suppression, an editor's note to the CMS) is not copy.
        if trimmed.starts_with("<!--")
            && trimmed.ends_with("-->")
            && trimmed[4..].find("-->") == Some(trimmed.len() - 7)
        {
            continue;
        }
        let mut begin = start + (content.len() - content.trim_start().len());
        let end = start + content.trim_end().len();
        if format == InputFormat::Markdown {
            let hashes = text[begin..end].bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes) && text[begin + hashes..end].starts_with(' ') {
                begin += hashes + 1;
                begin += text[begin..end].len() - text[begin..end].trim_start().len();
            }
        }
        lines.push(Line {
            span: Span::new(begin, end),
            after_blank,
        });
        after_blank = false;
    }
    lines
}

/// The split of a story's lines into headline, front lines and body paragraphs.
struct Layout {
    headline: Option<Span>,
    front: Vec<FrontLine>,
    paragraphs: Vec<Span>,
    /// A dateline given on its own line (structured formats).
    dateline: Option<Span>,
}

/// A story has at most this many lines between its headline and its body.
const MAX_FRONT_LINES: usize = 6;
/// Fewest words of a line after the headline that ends like a sentence and so starts the story.
const MIN_LEDE_WORDS: usize = 3;

impl Layout {
    fn of(text: &str, lines: &[Line]) -> Self {
        let mut rest = lines;
        let mut headline = None;
        let mut front = Vec::new();
        if let Some((first, tail)) = rest.split_first()
            && looks_like_heading(first.span.slice(text))
        {
            headline = Some(first.span);
            rest = Self::front_lines(text, first.span, tail, &mut front);
        }
        Self {
            headline,
            front,
            paragraphs: group_paragraphs(text, rest),
            dateline: None,
        }
    }

    /// The layout of a structured story, whose lines each have a known role: the headline, byline
    /// and dateline are what the file says; leading body paragraphs that look like labels or the
    /// headline again are front lines, as in plain text; every other line is a paragraph.
    fn of_roles(text: &str, lines: &[Line], roles: &[Role]) -> Self {
        let mut headline = None;
        let mut front = Vec::new();
        let mut dateline = None;
        let mut body = Vec::new();
        for (line, role) in lines.iter().zip(roles) {
            match role {
                Role::Headline if headline.is_none() => headline = Some(line.span),
                Role::Byline => front.push(FrontLine {
                    span: line.span,
                    kind: FrontLineKind::Byline,
                }),
                Role::Dateline if dateline.is_none() => dateline = Some(line.span),
                Role::Headline | Role::Dateline | Role::Paragraph => body.push(*line),
            }
        }
        let rest = match headline {
            Some(headline) => Self::front_lines(text, headline, &body, &mut front),
            None => &body,
        };
        Self {
            headline,
            front,
            paragraphs: rest.iter().map(|line| line.span).collect(),
            dateline,
        }
    }

    /// Takes the front lines after `headline` from the start of `rest` into `front`; gives the
    /// lines left.
    fn front_lines<'a>(
        text: &str,
        headline: Span,
        mut rest: &'a [Line],
        front: &mut Vec<FrontLine>,
    ) -> &'a [Line] {
        let mut added = 0;
        while let Some((line, tail)) = rest.split_first() {
            let line_text = line.span.slice(text);
            let repeats_headline = same_words(line_text, headline.slice(text));
            // A line that ends like a sentence ("Will Japan raise taxes?", a quote) is the story's
            // first paragraph, unless it is the headline again (which may end in "?") or a kicker
            // of a word or two ("Exclusive!").
            let lede = !repeats_headline
                && match line_text.trim_end_matches(CLOSING_QUOTES).chars().last() {
                    // CJK text has no spaces to count words by; its full stops are enough.
                    Some('。' | '！' | '？') => true,
                    Some('.' | '!' | '?' | '…') => {
                        line_text.split_whitespace().count() >= MIN_LEDE_WORDS
                    }
                    _ => false,
                };
            if added == MAX_FRONT_LINES
                || !looks_like_heading(line_text)
                || lede
                || line_text.starts_with(char::is_lowercase)
                || find_dateline(text, line.span).is_some()
            {
                break;
            }
            let after_byline = front.last().is_some_and(|l: &FrontLine| {
                l.kind == FrontLineKind::Byline && is_byline(l.span.slice(text))
            });
            let credit = after_byline && !line.after_blank && is_credit(line_text);
            let kind = if repeats_headline {
                FrontLineKind::RepeatedHeadline
            } else if is_byline(line_text) || credit {
                FrontLineKind::Byline
            } else {
                FrontLineKind::Label
            };
            front.push(FrontLine {
                span: line.span,
                kind,
            });
            added += 1;
            rest = tail;
        }
        rest
    }
}

/// Groups lines into paragraphs: a blank line always separates; inside a block, lines that each end a
/// sentence are one paragraph a line (wire copy often comes that way), otherwise the block is one
/// hard-wrapped paragraph.
fn group_paragraphs(text: &str, lines: &[Line]) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut flush = |block: &mut Vec<Line>| {
        let Some(last) = block.last() else { return };
        let all_end_sentences = block[..block.len() - 1]
            .iter()
            .all(|line| ends_sentence(line.span.slice(text)));
        if block.len() > 1 && all_end_sentences {
            paragraphs.extend(block.iter().map(|line| line.span));
        } else {
            paragraphs.push(Span::new(block[0].span.start, last.span.end));
        }
        block.clear();
    };
    for &line in lines {
        if line.after_blank {
            flush(&mut block);
        }
        block.push(line);
    }
    flush(&mut block);
    paragraphs
}

/// A headline, kicker or byline: short, and not ending like a sentence.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 20 && !line.ends_with(['.', ':', '。', '：'])
}

/// Quotes and brackets that may open a sentence.
const OPENING_QUOTES: &[char] = &['"', '\'', '“', '‘', '(', '«', '['];
/// Quotes and brackets that may close a sentence after its full stop.
const CLOSING_QUOTES: &[char] = &['"', '\'', '”', '’', ')', '»', ']', '」', '』', '）'];

/// True when `line` ends like a sentence: `.`, `!`, `?` or `…` (or their CJK full-width forms),
/// before any closing quotes.
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(CLOSING_QUOTES);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn is_byline(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    ["by ", "from ", "reporting by ", "written by "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A byline's second line: the agency or the writer's role ("Associated Press", "Tokyo
/// correspondent").
fn is_credit(line: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "associated press",
        "the associated press",
        "ap",
        "reuters",
        "afp",
        "agence france-presse",
        "kyodo",
        "kyodo news",
        "jiji press",
        "bloomberg",
        "xinhua",
        "yonhap",
        "dpa",
        "efe",
        "ansa",
    ];
    let lower = line.trim().to_lowercase();
    AGENCIES.contains(&lower.as_str())
        || ["correspondent", "writer", "reporter", "staff", "editor"]
            .iter()
            .any(|r| lower.contains(r))
}

/// True when two lines have the same words, ignoring case, punctuation and spacing.
pub fn same_words(a: &str, b: &str) -> bool {
    fold_words(a).eq(fold_words(b))
}

/// The words of `text`, lowercased, for comparisons that ignore case, punctuation and spacing.
pub fn fold_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Longest dateline lead-in, in characters, before its dash.
const MAX_DATELINE_CHARS: usize = 80;
/// Most words a dateline lead-in has.
const MAX_DATELINE_WORDS: usize = 10;

/// Lowercase words a place name in a dateline may contain ("RIO DE JANEIRO" written "Rio de Janeiro").
const DATELINE_CONNECTORS: &[&str] = &[
    "de", "da", "do", "del", "la", "el", "al", "of", "am", "upon", "on",
];

/// Finds the dateline at the start of `paragraph`: a short lead-in ending in a spaced dash
/// ("TOKYO (AP) —", "TOKYO, Nov 21 (Reuters) -", "SadaNews -"). Returns the lead-in and its dash.
pub fn find_dateline(text: &str, paragraph: Span) -> Option<Span> {
    let body = paragraph.slice(text);
    let window_end = body
        .char_indices()
        .nth(MAX_DATELINE_CHARS + 3)
        .map_or(body.len(), |(i, _)| i);
    let window = &body[..window_end];
    for (i, c) in window.char_indices() {
        if !matches!(c, '-' | '–' | '—') || i == 0 {
            continue;
        }
        let mut dash_end = i + c.len_utf8();
        if c == '-' && window[dash_end..].starts_with('-') {
            dash_end += 1;
        }
        let lead = &window[..i];
        let spaced_before = lead.ends_with(char::is_whitespace);
        let spaced_after = window[dash_end..].starts_with(char::is_whitespace);
        // An en or em dash may touch its words ("TOKYO (AP)—"); a hyphen must be spaced.
        let spaced = if c == '-' {
            spaced_before && spaced_after
        } else {
            spaced_before || spaced_after || lead.ends_with(')')
        };
        if !spaced {
            continue;
        }
        let lead = lead.trim_end();
        let words = lead.split_whitespace().count();
        if words == 0 || words > MAX_DATELINE_WORDS || lead.contains(['"', '“', ':', '!', '?']) {
            return None;
        }
        // Place names, dates and agencies are capitalised; prose before a dash is not.
        let capitalised = lead.split_whitespace().all(|word| {
            word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '(')
                || DATELINE_CONNECTORS.contains(&word)
        });
        if !capitalised {
            return None;
        }
        return Some(Span::new(paragraph.start, paragraph.start + dash_end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Tokyo and Washington Agree\nArab & International\n\nTokyo and Washington Agree\n\nSadaNews - Tokyo and Washington agreed on Friday. They met.\n\nSecond paragraph here.\n";

    #[test]
    fn parses_headline_front_lines_and_dateline() {
        let doc = Document::parse(STORY.to_owned(), InputFormat::Text);
        assert_eq!(
            doc.slice(doc.headline.unwrap()),
            "Tokyo and Washington Agree"
        );
        let front: Vec<_> = doc
            .front
            .iter()
            .map(|l| (doc.slice(l.span), l.kind))
            .collect();
        assert_eq!(
            front,
            [
                ("Arab & International", FrontLineKind::Label),
                (
                    "Tokyo and Washington Agree",
                    FrontLineKind::RepeatedHeadline
                )
            ]
        );
        assert_eq!(doc.slice(doc.dateline.unwrap()), "SadaNews -");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.slice(doc.sentences[1].span), "They met.");
    }

    #[test]
    fn short_lines_that_end_like_sentences_are_no_front_lines() {
        for lede in [
            "Will Japan raise taxes?",
            "Japan says no!",
            "And then there were none…",
            "\"We will not back down.\"",
            "“We will not back down?”",
            "(Updated with new figures.)",
            "防衛省は金曜日、予算を要求した。",
            "「予算は足りるのか？」",
        ] {
            let text = format!("Japan Weighs Tax Rise\n\n{lede}\n\nTOKYO (AP) — Japan said.\n");
            let doc = Document::parse(text, InputFormat::Text);
            assert_eq!(doc.front, [], "{lede}");
            assert_eq!(doc.slice(doc.paragraphs[0]), lede);
        }
        let text = "Is Japan Ready?\nExclusive!\nIs Japan ready?\n\nTOKYO (AP) — Japan said.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Text);
        let kinds: Vec<_> = doc.front.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [FrontLineKind::Label, FrontLineKind::RepeatedHeadline]
        );
        assert_eq!(doc.slice(doc.dateline.unwrap()), "TOKYO (AP) —");
    }

    #[test]
    fn positional_capitals() {
        let text =
            "Adviser Quits\n\nKYIV (AP) — Kyiv said. \"Officials in Kyiv agreed,\" he said.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Text);
        let positional = |word: &str, nth: usize| {
            let at = text.match_indices(word).nth(nth).unwrap().0;
            doc.capital_is_positional(Span::new(at, at + word.len()))
        };
        assert!(positional("Adviser", 0), "headline");
        assert!(positional("KYIV", 0), "dateline");
        assert!(positional("Kyiv", 0), "after the dateline");
        assert!(positional("Officials", 0), "after an opening quote");
        assert!(!positional("Kyiv", 1), "inside a sentence");
    }

    #[test]
    fn wire_datelines() {
        for (line, lead) in [
            ("TOKYO (AP) — Japan said", "TOKYO (AP) —"),
            (
                "TOKYO, Nov 21 (Reuters) - Japan said",
                "TOKYO, Nov 21 (Reuters) -",
            ),
            ("Tokyo (AFP) - Japan said", "Tokyo (AFP) -"),
            ("WASHINGTON (AP)—The U.S. said", "WASHINGTON (AP)—"),
        ] {
            let span = find_dateline(line, Span::new(0, line.len()));
            assert_eq!(span.map(|s| s.slice(line)), Some(lead), "{line}");
        }
        let line =
            "Japan's well-known leader said - after a long pause, and then some more words - that";
        assert_eq!(find_dateline(line, Span::new(0, line.len())), None);
    }

    #[test]
    fn one_paragraph_a_line_and_hard_wrapped_blocks() {
        let text = "Headline\n\nFirst sentence ends.\nSecond line ends too.\n\nA hard wrapped\nparagraph ends here.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Text);
        let paragraphs: Vec<_> = doc.paragraphs.iter().map(|&p| doc.slice(p)).collect();
        assert_eq!(
            paragraphs,
            [
                "First sentence ends.",
                "Second line ends too.",
                "A hard wrapped\nparagraph ends here."
            ]
        );
    }

    #[test]
    fn markdown_heading_and_front_matter() {
        let text = "---\ntitle: x\n---\n# The Headline\n\nBody text here.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Markdown);
        assert_eq!(doc.slice(doc.headline.unwrap()), "The Headline");
        assert_eq!(doc.paragraphs.len(), 1);
        assert!(doc.words.iter().all(|w| doc.slice(w) != "title"));
        assert_eq!(doc.metadata.get("title"), Some("x"));
        let text = "---\ndate: 2026-01-16T09:30+09:00\ntags: [a]\n---\nHeadline\n\nBody.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Markdown);
        assert_eq!(doc.metadata.date(), Some("2026-01-16T09:30+09:00"));
        assert_eq!(doc.metadata.get("tags"), None);
    }

    #[test]
    fn front_matter_title_and_dateline() {
        let text = "---\ntitle: \"The Headline\"\ndateline: TOKYO\n---\nArab & International\n\nBody text here. More text follows.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Markdown);
        assert_eq!(doc.slice(doc.headline.unwrap()), "The Headline");
        assert_eq!(doc.front.len(), 1);
        assert_eq!(doc.front[0].kind, FrontLineKind::Label);
        assert_eq!(doc.slice(doc.dateline.unwrap()), "TOKYO");
        assert_eq!(doc.paragraphs.len(), 1);
        assert!(doc.words.iter().any(|w| doc.slice(w) == "Headline"));
        assert!(doc.words.all().pairs().all(|(a, b)| a.start < b.start));
        // A `#` heading wins over the title; the body's own dateline over `dateline:`.
        let text = "---\ntitle: T\ndateline: TOKYO\n---\n# Real\n\nOSAKA (AP) \u{2014} Body.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Markdown);
        assert_eq!(doc.slice(doc.headline.unwrap()), "Real");
        assert_eq!(doc.slice(doc.dateline.unwrap()), "OSAKA (AP) \u{2014}");
    }

    /// Removing a line keeps the breaks around it: a blank line stays wherever one side had one.
    #[test]
    fn line_removal_keeps_paragraph_breaks() {
        for (text, line, fixed) in [
            ("P\nL\nN\n", "L", "P\nN\n"),
            ("P\n\nL\nN\n", "L", "P\n\nN\n"),
            ("P\nL\n\nN\n", "L", "P\n\nN\n"),
            ("P\n\nL\n\nN\n", "L", "P\n\nN\n"),
            ("P\r\n\r\nL\r\n\r\nN\r\n", "L", "P\r\n\r\nN\r\n"),
            ("L\n\nN\n", "L", "N\n"),
            ("\n\nL\nN\n", "L", "N\n"),
            ("P\n\nL\n", "L", "P\n"),
            ("P\n\nL\n\n\n", "L", "P\n"),
            ("P\nL", "L", "P\n"),
        ] {
            let start = text.find(line).unwrap();
            let span = line_removal(text, Span::new(start, start + line.len()));
            let mut after = text.to_owned();
            after.replace_range(span.start..span.end, "");
            assert_eq!(after, fixed, "{text:?}");
        }
    }

    /// Lines removed together give adjacent spans that keep the structure: a kicker and the
    /// headline again, between the headline and the body.
    #[test]
    fn neighbouring_line_removals_touch_and_keep_the_break() {
        let text = "H\nKicker\n\nH again\n\nBody.\n";
        let kicker = line_removal(text, Span::new(2, 8));
        let again = line_removal(text, Span::new(10, 17));
        assert_eq!(kicker.end, again.start);
        assert_eq!(
            format!("{}{}", &text[..kicker.start], &text[again.end..]),
            "H\n\nBody.\n"
        );
    }

    #[test]
    fn structured_spans_map_to_the_file() {
        let source = "<nitf><body><body.head><hedline><hl1>Head</hl1></hedline><dateline>TOKYO</dateline></body.head><body.content><p>Kōno &amp; Abe met.</p></body.content></body></nitf>";
        let doc = Document::read(source.to_owned(), InputFormat::Nitf).unwrap();
        assert_eq!(doc.text(), "Head\n\nTOKYO\n\nKōno & Abe met.");
        assert_eq!(doc.slice(doc.dateline.unwrap()), "TOKYO");
        let at = doc.text().find('&').unwrap();
        let span = doc.to_original(Span::new(at - "Kōno ".len(), at + 5));
        assert_eq!(span.slice(source), "Kōno &amp; Abe");
        assert_eq!(doc.original_line(at), 1);
        let broken = Document::read("<nitf><p>".to_owned(), InputFormat::Nitf).unwrap_err();
        assert_eq!(broken.to_string(), "1:7: invalid NITF: <p> is never closed");
    }
}
