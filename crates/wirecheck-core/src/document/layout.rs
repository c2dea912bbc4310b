//! Layout heuristics: which lines of a story are its headline, front lines (labels, bylines, the
//! headline again) and body paragraphs.

use super::{FrontLine, FrontLineKind};
use crate::input::InputFormat;
use crate::input::extract::Role;
use crate::knowledge::dateline::find_dateline;
use crate::span::Span;

/// A non-empty line of content: its span without line ending, and whether a blank line precedes it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    pub(super) span: Span,
    pub(super) after_blank: bool,
}

/// True when the first content line is a Markdown `#` heading.
pub(super) fn starts_with_heading(text: &str, lines: &[Line]) -> bool {
    lines.first().is_some_and(|line| {
        let line_start = text[..line.span.start].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..line.span.start]
            .trim_start()
            .starts_with('#')
    })
}

/// The non-empty lines from `skip` on, with Markdown heading marks trimmed from the span.
pub(super) fn content_lines(text: &str, skip: usize, format: InputFormat) -> Vec<Line> {
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
pub(super) struct Layout {
    pub(super) headline: Option<Span>,
    pub(super) front: Vec<FrontLine>,
    pub(super) paragraphs: Vec<Span>,
    /// A dateline given on its own line (structured formats).
    pub(super) dateline: Option<Span>,
}

/// A story has at most this many lines between its headline and its body.
const MAX_FRONT_LINES: usize = 6;
/// Fewest words of a line after the headline that ends like a sentence and so starts the story.
const MIN_LEDE_WORDS: usize = 3;

impl Layout {
    pub(super) fn of(text: &str, lines: &[Line]) -> Self {
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
    pub(super) fn of_roles(text: &str, lines: &[Line], roles: &[Role]) -> Self {
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
    pub(super) fn front_lines<'a>(
        text: &str,
        headline: Span,
        mut rest: &'a [Line],
        front: &mut Vec<FrontLine>,
    ) -> &'a [Line] {
        let mut added = 0;
        while let Some((line, tail)) = rest.split_first() {
            let line_text = line.span.slice(text);
            // The headline again, maybe with the outlet that published it as a web page's title
            // has ("Ministers Agree - Gulf Times").
            let repeats_headline = same_words(
                web_title_text(line_text),
                web_title_text(headline.slice(text)),
            );
            // A line that ends like a sentence ("Will Japan raise taxes?", a quote) is the story's
            // first paragraph, unless it is the headline again (which may end in "?") or a kicker
            // of a word or two ("Exclusive!").
            let lede = !repeats_headline
                && match line_text.trim_end_matches(CLOSING_QUOTES).chars().last() {
                    // CJK text has no spaces to count words by; its full stops are enough.
                    Some('。' | '！' | '？' | '．') => true,
                    Some('.' | '!' | '?' | '…' | '؟' | '۔') => {
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
pub(super) fn group_paragraphs(text: &str, lines: &[Line]) -> Vec<Span> {
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

/// A headline, kicker or byline: short, and not ending like a sentence; or a web page's title of
/// any length ("Title words here - Outlet Name - Site.com").
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (words <= 20 && !line.ends_with(['.', ':', '。', '：', '．', '۔'])) || is_web_title(line)
}

/// What separates the parts of a web page's title: "Title - Outlet | Site.com".
const TITLE_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " -- ", " | ", " · ", " :: "];
/// Most words a part of a title's tail (an outlet's name, a site's, a section's) has.
const MAX_TAIL_PART_WORDS: usize = 12;
/// Lowercase words an outlet's or a section's name may contain ("Latest News from Egypt and the
/// World").
const TAIL_CONNECTORS: &[&str] = &[
    "a", "an", "and", "at", "de", "du", "el", "for", "from", "in", "la", "of", "on", "the", "to",
    "&",
];

/// True when `line` is a web page's title as scraped copy carries it: a title, then after a
/// spaced dash or bar the outlet or site that published it ("Japan, US Agree on Missiles - The
/// Japan Times - Japantimes.co.jp", "Title | Asia News Network").
fn is_web_title(line: &str) -> bool {
    web_title_text(line).len() < line.len()
}

/// `line` without the outlet or site a web page's title gives after its text: "Ministers Agree"
/// for "Ministers Agree - Gulf Times"; `line` itself when it is no such title.
fn web_title_text(line: &str) -> &str {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|separator| line.find(separator).map(|at| (at, separator.len())))
        .min()
        .filter(|&(at, len)| at > 0 && is_site_tail(&line[at + len..]))
        .map_or(line, |(at, _)| &line[..at])
}

/// True when `tail`, the text after a dash, names the outlet or site a title was published by
/// rather than starting a story: parts of a few capitalised words or a domain ("Gulf Times",
/// "Sada Elbalad English - Latest News, Breaking News from Egypt and the World", "Site.com"),
/// separated as a title's parts are, and no sentence.
pub(crate) fn is_site_tail(tail: &str) -> bool {
    let tail = tail.trim();
    if tail.is_empty() || ends_sentence(tail) {
        return false;
    }
    let mut parts = vec![tail];
    for separator in TITLE_SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts.into_iter().all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (1..=MAX_TAIL_PART_WORDS).contains(&words.len())
            && words.iter().all(|word| {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
                word.is_empty()
                    || word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || TAIL_CONNECTORS.contains(&word)
                    || is_domain(word)
            })
    })
}

/// True for a web address's host written bare: "japantimes.co.jp", "asianews.network".
fn is_domain(word: &str) -> bool {
    let labels: Vec<&str> = word.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Quotes and brackets that may open a sentence.
pub(super) const OPENING_QUOTES: &[char] = &['"', '\'', '“', '‘', '(', '«', '['];
/// Quotes and brackets that may close a sentence after its full stop.
pub(super) const CLOSING_QUOTES: &[char] =
    &['"', '\'', '”', '’', ')', '»', ']', '」', '』', '）', '】'];

/// True when `line` ends like a sentence: `.`, `!`, `?` or `…` (or their CJK full-width forms, or
/// the Arabic `؟` and `۔`), before any closing quotes.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(CLOSING_QUOTES);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '．', '؟', '۔'])
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
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    fold_words(a).eq(fold_words(b))
}

/// The words of `text`, lowercased, for comparisons that ignore case, punctuation and spacing.
pub(crate) fn fold_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// A scraped web page's title is the headline, whatever its length, and the line that repeats
    /// it, with or without the outlet's name, is the headline again, never the story's dateline.
    #[test]
    fn web_page_titles_are_headlines_not_datelines() {
        let long = "Japan Protests Chinese Drills Near Okinawa - SadaNews - Sada Elbalad English \
                    - Latest News, Breaking News from Egypt and the World";
        for (story, headline) in [
            (
                format!("{long}\n\nTOKYO (AP) — Japan protested on Friday.\n"),
                long,
            ),
            (
                "Ministers Agree on Missiles - Gulf Times\n\nMinisters Agree on Missiles - Gulf \
                 Times\n\nTOKYO (AP) — The ministers agreed on Friday.\n"
                    .to_owned(),
                "Ministers Agree on Missiles - Gulf Times",
            ),
            (
                "Ministers Agree on Missiles\n\nMinisters Agree on Missiles – Kyodo News\n\nTOKYO \
                 (AP) — The ministers agreed on Friday.\n"
                    .to_owned(),
                "Ministers Agree on Missiles",
            ),
            (
                "Japan, US To Expand Missile Output | Asia News Network | Asianews.network\n\n\
                 TOKYO (AP) — The ministers agreed on Friday.\n"
                    .to_owned(),
                "Japan, US To Expand Missile Output | Asia News Network | Asianews.network",
            ),
        ] {
            let doc = Document::parse(story.clone(), InputFormat::Text);
            assert_eq!(doc.headline.map(|h| h.slice(&story)), Some(headline));
            assert!(
                doc.front
                    .iter()
                    .all(|line| line.kind == FrontLineKind::RepeatedHeadline),
                "{story}"
            );
            assert_eq!(
                doc.dateline.map(|d| d.slice(&story)),
                Some("TOKYO (AP) —"),
                "{story}"
            );
        }
    }

    #[test]
    fn site_tails() {
        for tail in [
            "Gulf Times",
            " The Japan Times - Japantimes.co.jp",
            "SadaNews | Sada Elbalad English - Latest News, Breaking News from Egypt and the World",
            "asianews.network",
        ] {
            assert!(is_site_tail(tail), "{tail}");
        }
        for tail in [
            "",
            "Japan and the United States agreed on Friday.",
            "Tokyo and Washington agreed on Friday to expand joint production",
            "Shares Rose.",
        ] {
            assert!(!is_site_tail(tail), "{tail}");
        }
        assert!(!is_web_title(
            "TOKYO (AP) — Japan said on Friday that it would act."
        ));
        assert!(!is_web_title("- Gulf Times"));
        assert_eq!(
            web_title_text("Ministers Agree - Gulf Times | Gulf-times.com"),
            "Ministers Agree"
        );
        assert_eq!(
            web_title_text("TOKYO (AP) — Japan said."),
            "TOKYO (AP) — Japan said."
        );
    }
}
