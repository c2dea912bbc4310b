//! The document model: one parse of a story into headline, front lines, dateline, paragraphs,
//! sentences and words, each a byte span into the NFC-normalised text. All rules share it.
//!
//! Plain text and Markdown are read as they are. Structured formats (NITF XML, ninjs JSON) are
//! first reduced to their pieces — headline, byline, dateline, paragraphs — joined one a line with
//! blank lines between, so the rules read them as plain text; a second map takes every span of
//! that text back to the bytes of the XML or JSON file.

pub(crate) mod excerpt;
mod layout;
mod normalize;
pub(crate) mod segment;
mod story_text;
mod words;

pub(crate) use layout::{ends_sentence, is_site_tail, same_words};
pub(crate) use normalize::NormalizedText;
pub(crate) use segment::{is_invisible, split_sentences, split_words, split_words_into};
pub use story_text::StoryText;
pub(crate) use words::{WordIter, WordSlice, Words};

use crate::input::extract::{Extraction, Role};
use crate::input::metadata::{front_matter_body, front_matter_len, front_matter_value};
use crate::input::{FormatError, InputFormat, MappedText, Metadata, metadata, ninjs, nitf};
use crate::knowledge::dateline::find_dateline;
use crate::knowledge::source_datelines::is_source_dateline;
use crate::span::Span;
use layout::{
    CLOSING_QUOTES, Layout, OPENING_QUOTES, content_lines, group_paragraphs, starts_with_heading,
};

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

/// How much of a story a reading segments: everything the rules read, or only its layout
/// (headline, front lines, paragraphs) for a diff, which never reads sentences or words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segmentation {
    /// Sentences and words too.
    Full,
    /// Layout alone: `sentences` and `words` are left empty.
    LayoutOnly,
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
    /// True for one block of a markup file that Vale mode has scoped (a heading, a paragraph, a
    /// list item…): every scope a rule names reads the whole text, as Vale's rules read a block.
    pub(crate) markup_block: bool,
    /// For a markup block: how many blocks of each kind its file has (Vale's `f.Metrics`).
    pub(crate) markup_counts: Option<std::sync::Arc<std::collections::BTreeMap<String, usize>>>,
}

impl Document {
    /// Reads `source` as `format`; a malformed NITF or ninjs file is an error with its position.
    pub fn read(source: String, format: InputFormat) -> Result<Self, FormatError> {
        Self::read_segmented(source, format, Segmentation::Full)
    }

    /// [`Document::read`], segmenting as much as `segmentation` asks.
    fn read_segmented(
        source: String,
        format: InputFormat,
        segmentation: Segmentation,
    ) -> Result<Self, FormatError> {
        let extraction = match format {
            InputFormat::Markdown => {
                if let Some((offset, message)) = metadata::front_matter_fault(&source) {
                    return Err(FormatError::at(format, &source, offset, message));
                }
                return Ok(Self::parse_plain(source, format, segmentation));
            }
            InputFormat::Text => return Ok(Self::parse_plain(source, format, segmentation)),
            InputFormat::Nitf => nitf::extract(&source)
                .map_err(|e| FormatError::at(format, &source, e.offset, e.message))?,
            InputFormat::Ninjs => ninjs::extract(&source)
                .map_err(|e| FormatError::at(format, &source, e.offset, e.message))?,
        };
        Ok(Self::from_extraction(source, extraction, segmentation))
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
            Some(extraction) => Self::from_extraction(source, extraction, Segmentation::Full),
            None if format == InputFormat::Markdown => {
                Self::parse_plain(source, format, Segmentation::Full)
            }
            None => Self::parse_plain(source, InputFormat::Text, Segmentation::Full),
        }
    }

    /// A structured story from its extracted pieces.
    fn from_extraction(
        source: String,
        mut extraction: Extraction,
        segmentation: Segmentation,
    ) -> Self {
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
        let (sentences, words) = match segmentation {
            Segmentation::Full => (
                sentences_of(text, &paragraphs, dateline),
                words_of(text, &[], Span::new(0, text.len())),
            ),
            Segmentation::LayoutOnly => (Vec::new(), Words::with_capacity(text.len(), 0)),
        };
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
            markup_block: false,
            markup_counts: None,
        }
    }

    /// A plain text or Markdown story.
    fn parse_plain(source: String, format: InputFormat, segmentation: Segmentation) -> Self {
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
        let (sentences, words) = match segmentation {
            Segmentation::Full => (
                sentences_of(text, &paragraphs, dateline),
                words_of(text, &front_matter, Span::new(skip, text.len())),
            ),
            Segmentation::LayoutOnly => (Vec::new(), Words::with_capacity(text.len(), 0)),
        };
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
            markup_block: false,
            markup_counts: None,
        }
    }

    /// One block of a markup file, already scoped by Vale mode (`crate::vale`): its text is one
    /// paragraph, and every scope reads all of it.
    pub(crate) fn of_markup_block(
        text: String,
        counts: std::sync::Arc<std::collections::BTreeMap<String, usize>>,
    ) -> Self {
        // Vale reads text as written, without normalising it.
        let whole = Span::new(0, text.len());
        let words = words_of(&text, &[], whole);
        Self {
            metadata: Metadata::default(),
            headline: None,
            front: Vec::new(),
            dateline: None,
            paragraphs: vec![whole],
            sentences: Vec::new(),
            words,
            original: text,
            extracted: None,
            normalized: NormalizedText::default(),
            markup_block: true,
            markup_counts: Some(counts),
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

    /// The span to delete to remove the line(s) holding `span` cleanly: see the function `line_removal` of this module.
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
pub(crate) fn line_removal(text: &str, span: Span) -> Span {
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

/// The sentences of every paragraph. A dateline in another language's wire form may end in a
/// full stop ("МОСКВА, 3 мая. /ТАСС/."); it is not a sentence but the start of the first one.
fn sentences_of(text: &str, paragraphs: &[Span], dateline: Option<Span>) -> Vec<Sentence> {
    let mut sentences: Vec<Sentence> = paragraphs
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
        .collect();
    let lead_in = dateline.filter(|&d| is_source_dateline(text, d));
    if let Some(lead_in) = lead_in
        && let [first, second, ..] = sentences.as_slice()
        && first.paragraph == second.paragraph
        && first.span.start <= lead_in.start
        && first.span.end <= lead_in.end
    {
        let merged = Span::new(first.span.start, second.span.end);
        sentences[1].span = merged;
        sentences.remove(0);
    }
    sentences
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

    /// A story in each language an English desk translates from: its headline, the dateline of
    /// its own wire form, its paragraphs and the first paragraph's sentences.
    #[test]
    fn stories_in_other_languages() {
        for (story, headline, dateline, paragraphs, sentences) in [
            (
                "日美同意加强国防装备联合生产\n\n新华社北京5月3日电（记者 张三）日本和美国3日同意加强国防装备联合生产。该计划耗资1200万美元。\n\n双方将于5月开始合作。\n",
                "日美同意加强国防装备联合生产",
                "新华社北京5月3日电（记者 张三）",
                2,
                2,
            ),
            (
                "日美同意加强国防装备联合生产\n\n【共同社东京5月3日电】日本政府3日决定。美国表示欢迎。\n\n双方将于5月开始合作。\n",
                "日美同意加强国防装备联合生产",
                "【共同社东京5月3日电】",
                2,
                2,
            ),
            (
                "日米、防衛装備の共同生産強化で合意\n\n【ワシントン共同】日米両政府は３日、防衛装備品の共同生産を強化することで合意した。総額は１２００万ドル。\n\n協力は５月に始まる。\n",
                "日米、防衛装備の共同生産強化で合意",
                "【ワシントン共同】",
                2,
                2,
            ),
            (
                "한미, 방산 공동생산 강화 합의\n\n(서울=연합뉴스) 홍길동 기자 = 한국과 미국은 3일 방산 공동생산을 강화하기로 합의했다. 사업비는 1200만 달러다.\n\n협력은 5월에 시작된다.\n",
                "한미, 방산 공동생산 강화 합의",
                "(서울=연합뉴스) 홍길동 기자 =",
                2,
                2,
            ),
            (
                "اليابان والولايات المتحدة تتفقان على تعزيز الإنتاج المشترك\n\nالقاهرة (رويترز) - اتفقت اليابان والولايات المتحدة على تعزيز الإنتاج المشترك. وتبلغ تكلفة الخطة ١٢ مليون دولار.\n\nويبدأ التعاون في مايو.\n",
                "اليابان والولايات المتحدة تتفقان على تعزيز الإنتاج المشترك",
                "القاهرة (رويترز) -",
                2,
                2,
            ),
            (
                "اليابان والولايات المتحدة تتفقان على تعزيز الإنتاج المشترك\n\nالرياض 16 ذو القعدة 1447 هـ الموافق 3 مايو 2026 م واس اتفقت اليابان والولايات المتحدة على تعزيز الإنتاج. هل ينجح التعاون؟\n\nويبدأ التعاون في مايو.\n",
                "اليابان والولايات المتحدة تتفقان على تعزيز الإنتاج المشترك",
                "الرياض 16 ذو القعدة 1447 هـ الموافق 3 مايو 2026 م واس",
                2,
                2,
            ),
            (
                "Япония и США договорились о совместном производстве\n\nМОСКВА, 3 мая. /ТАСС/. Япония и США договорились о совместном производстве. План стоит $12 млн.\n\nСотрудничество начнется в мае.\n",
                "Япония и США договорились о совместном производстве",
                "МОСКВА, 3 мая. /ТАСС/.",
                2,
                2,
            ),
            (
                "Japan und USA vereinbaren gemeinsame Produktion\n\nBerlin (dpa) - Japan und die USA haben sich auf eine gemeinsame Produktion geeinigt. Der Plan kostet 12 Millionen Dollar.\n\nDie Zusammenarbeit beginnt im Mai.\n",
                "Japan und USA vereinbaren gemeinsame Produktion",
                "Berlin (dpa) -",
                2,
                2,
            ),
            (
                "Le Japon et les États-Unis renforcent leur production commune\n\nPARIS (AFP) - Le Japon et les États-Unis ont convenu de renforcer leur production. Le plan coûte 12 millions de dollars.\n\nLa coopération commence en mai.\n",
                "Le Japon et les États-Unis renforcent leur production commune",
                "PARIS (AFP) -",
                2,
                2,
            ),
            (
                "Le Japon et les États-Unis renforcent leur production commune\n\nPARIS, 3 mai (Reuters) - Le Japon et les États-Unis ont convenu de renforcer leur production. Le plan coûte 12 millions de dollars.\n\nLa coopération commence en mai.\n",
                "Le Japon et les États-Unis renforcent leur production commune",
                "PARIS, 3 mai (Reuters) -",
                2,
                2,
            ),
            (
                "Japón y EEUU acuerdan reforzar la producción conjunta\n\nMadrid, 3 may (EFE).- Japón y Estados Unidos acordaron reforzar la producción conjunta. El plan cuesta 12 millones de dólares.\n\nLa cooperación comienza en mayo.\n",
                "Japón y EEUU acuerdan reforzar la producción conjunta",
                "Madrid, 3 may (EFE).-",
                2,
                2,
            ),
        ] {
            let doc = Document::parse(story.to_owned(), InputFormat::Text);
            assert_eq!(
                doc.headline.map(|h| doc.slice(h)),
                Some(headline),
                "{story}"
            );
            assert_eq!(doc.front, [], "{story}");
            assert_eq!(
                doc.dateline.map(|d| doc.slice(d)),
                Some(dateline),
                "{story}"
            );
            assert_eq!(doc.paragraphs.len(), paragraphs, "{story}");
            assert!(
                doc.slice(doc.paragraphs[0]).starts_with(dateline),
                "{story}"
            );
            let first: Vec<_> = doc.sentences.iter().filter(|s| s.paragraph == 0).collect();
            assert_eq!(first.len(), sentences, "{story}");
        }
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
