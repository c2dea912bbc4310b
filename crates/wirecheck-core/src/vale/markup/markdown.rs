//! Markdown as Vale reads it (`internal/lint/md.go`): the file's ignore patterns applied, the
//! result rendered to HTML as goldmark renders it (GFM, footnotes, raw HTML kept), and the
//! file's own text prepared as the walk's context, with info strings, link labels and list
//! numbers masked so that a match is not placed inside them.

use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use regex::Regex;

use super::MarkupError;
use super::gostr::str_len;

/// The HTML goldmark gives for `source`, in the points that decide Vale's blocks: `<br>`,
/// `<img …>` and task-list boxes as start tags (not self-closing ones).
pub(super) fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut events = Vec::new();
    let mut image: Option<(String, String, String)> = None;
    // Inside a link or a code block, where a URL stays text.
    let mut plain_depth = 0_usize;
    for event in Parser::new_ext(source, options) {
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let (src, title, alt) = image.take().unwrap_or_default();
                    let mut tag = format!("<img src=\"{}\" alt=\"{}\"", escape(&src), escape(&alt));
                    if !title.is_empty() {
                        tag.push_str(&format!(" title=\"{}\"", escape(&title)));
                    }
                    tag.push('>');
                    events.push(Event::InlineHtml(CowStr::from(tag)));
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push('\n'),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some((dest_url.to_string(), title.to_string(), String::new()));
            }
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::CodeBlock(_)) => {
                plain_depth += 1;
                events.push(event);
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::CodeBlock) => {
                plain_depth = plain_depth.saturating_sub(1);
                events.push(event);
            }
            // goldmark's GFM linkify makes a bare URL a link (whose text Vale then masks).
            Event::Text(text) if plain_depth == 0 && BARE_URL.is_match(&text) => {
                let mut rest = 0;
                for url in BARE_URL.find_iter(&text) {
                    if url.start() > rest {
                        events.push(Event::Text(text[rest..url.start()].to_owned().into()));
                    }
                    let href = if url.as_str().starts_with("www.") {
                        format!("http://{}", url.as_str())
                    } else {
                        url.as_str().to_owned()
                    };
                    events.push(Event::InlineHtml(
                        format!("<a href=\"{}\">", escape(&href)).into(),
                    ));
                    events.push(Event::Text(url.as_str().to_owned().into()));
                    events.push(Event::InlineHtml("</a>".into()));
                    rest = url.end();
                }
                if rest < text.len() {
                    events.push(Event::Text(text[rest..].to_owned().into()));
                }
            }
            Event::HardBreak => events.push(Event::InlineHtml("<br>\n".into())),
            Event::TaskListMarker(checked) => {
                let tag = if checked {
                    "<input checked=\"\" disabled=\"\" type=\"checkbox\"> "
                } else {
                    "<input disabled=\"\" type=\"checkbox\"> "
                };
                events.push(Event::InlineHtml(tag.into()));
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Escapes an attribute value.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A URL GFM's extended autolinks make a link: `http(s)://` or `www.` up to white space or
/// `<`, without closing punctuation.
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?:https?://|www\.)[^\s<]*[^\s<?!.,:*_~)'"]"#).expect("valid"));

static INFO_STRING: LazyLock<Regex> = LazyLock::new(|| Regex::new("`{3,}.+").expect("valid"));
static LINK_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\[(?:[^\]\n]+)\]").expect("valid"));
static LINK_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(?:[^\]\n]+)\]:").expect("valid"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^[0-9]+\.").expect("valid"));

/// The walk's context for a Markdown file: `content` with code-fence info strings, reference
/// link labels and ordered-list numbers masked with `*` (Vale's issues 248 and 271).
pub(super) fn context(content: &str) -> String {
    let body = INFO_STRING.replace_all(content, |c: &regex::Captures<'_>| {
        let m = &c[0];
        let parts: Vec<&str> = m.split('`').collect();
        let ticks = "`".repeat(parts.len() - 1);
        let rest = "*".repeat(str_len(parts.last().copied().unwrap_or_default()));
        ticks + &rest
    });
    let body = LINK_REF.replace_all(&body, |c: &regex::Captures<'_>| {
        format!("][{}]", "*".repeat(str_len(&c[0]).saturating_sub(3)))
    });
    let body = LINK_DEF.replace_all(&body, |c: &regex::Captures<'_>| {
        format!("[{}]:", "*".repeat(str_len(&c[0]).saturating_sub(3)))
    });
    let body = NUMBERED.replace_all(&body, |c: &regex::Captures<'_>| "*".repeat(str_len(&c[0])));
    body.into_owned()
}

static FRONT_MATTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?s)(?:---|\+\+\+)\n(.+?)\n(?:---|\+\+\+)").expect("valid"));

/// Vale's `applyPatterns` for Markdown: front matter and each `BlockIgnores` match become fenced
/// code, each `TokenIgnores` match inline code.
pub(super) fn apply_patterns(
    content: &str,
    block_ignores: &[String],
    token_ignores: &[String],
) -> Result<String, MarkupError> {
    let mut s = FRONT_MATTER
        .replace_all(content, "\n```\n$1\n```\n")
        .into_owned();
    for pattern in block_ignores {
        s = replace_all(&s, pattern, "\n```\n$1\n```\n")?;
    }
    for pattern in token_ignores {
        s = replace_all(&s, pattern, "`$1`")?;
    }
    Ok(s)
}

/// Every match of `pattern` (Vale compiles ignore patterns with a backtracking engine)
/// replaced by `with`, `$1` standing for its first group.
fn replace_all(s: &str, pattern: &str, with: &str) -> Result<String, MarkupError> {
    let regex = fancy_regex::RegexBuilder::new(pattern)
        .backtrack_limit(1_000_000)
        .build()
        .map_err(|e| MarkupError::Pattern {
            pattern: pattern.to_owned(),
            reason: e.to_string(),
        })?;
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for caps in regex.captures_iter(s) {
        let caps = caps.map_err(|e| MarkupError::Pattern {
            pattern: pattern.to_owned(),
            reason: e.to_string(),
        })?;
        let Some(whole) = caps.get(0) else { continue };
        out.push_str(&s[last..whole.start()]);
        let group = caps.get(1).map_or("", |g| g.as_str());
        out.push_str(&with.replace("$1", group));
        last = whole.end();
    }
    out.push_str(&s[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_masks_info_strings_labels_and_numbers() {
        assert_eq!(context("```json\n{}\n```\n"), "```****\n{}\n```\n");
        assert_eq!(
            context("see [it][ref] now\n[ref]: x\n"),
            "see [it][***] now\n[***]: x\n"
        );
        assert_eq!(context("1. one\n22. two\n"), "** one\n*** two\n");
    }

    #[test]
    fn html_uses_start_tags_for_breaks_and_images() {
        let html = to_html("a  \nb ![alt *x*](p.png \"t\")\n");
        assert!(html.contains("<br>\n"), "{html}");
        assert!(
            html.contains("<img src=\"p.png\" alt=\"alt x\" title=\"t\">"),
            "{html}"
        );
    }

    #[test]
    fn front_matter_and_ignores_become_code() {
        let s = apply_patterns(
            "---\ntitle: x\n---\nHi {{x}}\n",
            &[],
            &[r"(\{\{[^}]+\}\})".into()],
        )
        .expect("valid patterns");
        assert_eq!(s, "\n```\ntitle: x\n```\n\nHi `{{x}}`\n");
    }
}
