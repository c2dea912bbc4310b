//! The document model: one parse of a story into headline, front lines, dateline, paragraphs,
//! sentences and words, each a byte span into the NFC-normalised text. All rules share it.

mod metadata;
mod normalize;
mod segment;

use std::path::Path;

pub use metadata::Metadata;
pub use normalize::NormalizedText;
pub use segment::{is_invisible, split_sentences, split_words};

use crate::span::Span;

/// How a story's bytes are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: headline on the first line, paragraphs separated by blank lines or one a line.
    Text,
    /// Markdown: headline as a `#` heading or the first line, optional YAML front matter.
    Markdown,
}

impl InputFormat {
    /// Chooses the format from a file name's extension.
    pub fn from_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                InputFormat::Markdown
            }
            _ => InputFormat::Text,
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
    normalized: NormalizedText,
    /// The story's own metadata: a Markdown story's front matter.
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
    /// Every word of the story, headline included.
    pub words: Vec<Span>,
}

impl Document {
    /// Parses `source` as `format`.
    pub fn parse(source: String, format: InputFormat) -> Self {
        let normalized = NormalizedText::new(&source);
        let text = normalized.as_str();
        let skip = match format {
            InputFormat::Markdown => front_matter_len(text),
            InputFormat::Text => 0,
        };
        let metadata = if skip > 0 {
            Metadata::from_front_matter(front_matter_body(text, skip))
        } else {
            Metadata::default()
        };
        let lines = content_lines(text, skip, format);
        let layout = Layout::of(text, &lines);
        let paragraphs = layout.paragraphs;
        let dateline = paragraphs.first().and_then(|&p| find_dateline(text, p));
        let sentences = paragraphs
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
        let words = split_words(text, Span::new(skip, text.len()));
        Self {
            metadata,
            headline: layout.headline,
            front: layout.front,
            dateline,
            paragraphs,
            sentences,
            words,
            original: source,
            normalized,
        }
    }

    /// The bytes as the user wrote them.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The NFC-normalised text that every span of the document points into.
    pub fn text(&self) -> &str {
        self.normalized.as_str()
    }

    /// The text a span of the normalised text covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(self.text())
    }

    /// Maps a span of the normalised text to the original bytes.
    pub fn to_original(&self, span: Span) -> Span {
        self.normalized.to_original(span)
    }

    /// True when normalised and original text are the same bytes.
    pub fn is_normalized(&self) -> bool {
        self.normalized.is_identity()
    }

    /// The span to delete to remove the line(s) holding `span` cleanly: from the start of its first
    /// line to the start of the next non-blank line (or the end of the text).
    pub fn line_removal(&self, span: Span) -> Span {
        let text = self.text();
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let mut end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i + 1);
        while end < text.len() {
            let next_line = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
            if !text[end..next_line].trim().is_empty() {
                break;
            }
            end = next_line;
        }
        Span::new(start, end)
    }

    /// The story's blocks in reading order — headline, front lines, paragraphs — as byte ranges of
    /// the original text: the units a diff aligns.
    pub fn blocks(&self) -> Vec<std::ops::Range<usize>> {
        let mut spans: Vec<Span> = self.headline.into_iter().collect();
        spans.extend(self.front.iter().map(|line| line.span));
        spans.extend(self.paragraphs.iter().copied());
        spans.sort_unstable();
        spans
            .into_iter()
            .map(|s| self.to_original(s))
            .map(|s| s.start..s.end)
            .collect()
    }

    /// The words lying inside `span`, as a slice of [`Document::words`].
    pub fn words_in(&self, span: Span) -> &[Span] {
        let first = self.words.partition_point(|w| w.start < span.start);
        let last = self.words.partition_point(|w| w.end <= span.end);
        &self.words[first..last.max(first)]
    }
}

/// A non-empty line of content: its span without line ending, and whether a blank line precedes it.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    after_blank: bool,
}

/// Length of a YAML front matter block (`---` … `---`) at the start of a Markdown text, or 0.
fn front_matter_len(text: &str) -> usize {
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
fn front_matter_body(text: &str, len: usize) -> &str {
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
}

/// A story has at most this many lines between its headline and its body.
const MAX_FRONT_LINES: usize = 6;

impl Layout {
    fn of(text: &str, lines: &[Line]) -> Self {
        let mut rest = lines;
        let mut headline = None;
        let mut front = Vec::new();
        if let Some((first, tail)) = rest.split_first()
            && looks_like_heading(first.span.slice(text))
        {
            {
                headline = Some(first.span);
                rest = tail;
                while let Some((line, tail)) = rest.split_first() {
                    let line_text = line.span.slice(text);
                    if front.len() == MAX_FRONT_LINES
                        || !looks_like_heading(line_text)
                        || line_text.starts_with(char::is_lowercase)
                        || find_dateline(text, line.span).is_some()
                    {
                        break;
                    }
                    let after_byline = front.last().is_some_and(|l: &FrontLine| {
                        l.kind == FrontLineKind::Byline && is_byline(l.span.slice(text))
                    });
                    let credit = after_byline && !line.after_blank && is_credit(line_text);
                    let kind = if same_words(line_text, first.span.slice(text)) {
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
                    rest = tail;
                }
            }
        }
        Self {
            headline,
            front,
            paragraphs: group_paragraphs(text, rest),
        }
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
    words <= 20 && !line.ends_with(['.', ':'])
}

fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    trimmed.ends_with(['.', '!', '?', '…'])
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
        assert!(doc.words.iter().all(|w| doc.slice(*w) != "title"));
        assert_eq!(doc.metadata.get("title"), Some("x"));
        let text = "---\ndate: 2026-01-16T09:30+09:00\ntags: [a]\n---\nHeadline\n\nBody.\n";
        let doc = Document::parse(text.to_owned(), InputFormat::Markdown);
        assert_eq!(doc.metadata.date(), Some("2026-01-16T09:30+09:00"));
        assert_eq!(doc.metadata.get("tags"), None);
    }
}
