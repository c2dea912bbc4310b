//! Reading text out of XML and HTML with `quick-xml`, keeping each character's place in the file:
//! shared by NITF (the file is XML) and ninjs `body_html` (an HTML string inside JSON).

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use crate::input::extract::MappedText;
use crate::span::Span;

/// A fault in markup: where (a byte offset into the markup's source) and what.
#[derive(Debug)]
pub(crate) struct MarkupError {
    /// Byte offset into the markup text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Appends the text an event stands for — character data, a CDATA section, an entity or character
/// reference — to `out`. `source` is the markup with its own map to the file; `span` is where the
/// event lies in it. Other events append nothing.
pub(super) fn push_event_text(
    out: &mut MappedText,
    source: &MappedText,
    event: &Event<'_>,
    span: Span,
) -> Result<(), MarkupError> {
    let text = source.as_str();
    match event {
        Event::Text(_) => out.append(source, span),
        Event::CData(_) => {
            let inner = Span::new(span.start + "<![CDATA[".len(), span.end - "]]>".len());
            if inner.start <= inner.end && text.get(inner.start..inner.end).is_some() {
                out.append(source, inner);
            }
        }
        Event::GeneralRef(reference) => {
            let decoded = match reference.resolve_char_ref() {
                Ok(Some(c)) => Some(c.to_string()),
                Ok(None) => {
                    quick_xml::escape::resolve_predefined_entity(reference).map(str::to_owned)
                }
                Err(err) => {
                    return Err(MarkupError {
                        offset: span.start,
                        message: err.to_string(),
                    });
                }
            };
            match decoded {
                Some(decoded) => out.push_unit(&decoded, source.to_original(span)),
                // An entity the reader does not know (declared in a DTD it does not read) is
                // kept as written.
                None => out.append(source, span),
            }
        }
        _ => {}
    }
    Ok(())
}

/// A reader over `text` that gives every event's byte span.
pub(super) struct SpannedReader<'a> {
    reader: Reader<&'a [u8]>,
}

impl<'a> SpannedReader<'a> {
    /// A strict XML reader (end tags must match).
    pub(super) fn xml(text: &'a str) -> Self {
        Self {
            reader: Reader::from_str(text),
        }
    }

    /// A forgiving reader for HTML: void elements (`<br>`), unmatched end tags and bare `&`.
    pub(super) fn html(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
        Self { reader }
    }

    /// The next event and its span, or the fault.
    pub(super) fn next(&mut self) -> Result<(Event<'a>, Span), MarkupError> {
        let start = self.position();
        match self.reader.read_event() {
            Ok(event) => Ok((event, Span::new(start, self.position()))),
            Err(err) => Err(MarkupError {
                offset: usize::try_from(self.reader.error_position()).unwrap_or(start),
                message: err.to_string(),
            }),
        }
    }

    fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }
}

/// The local name of an element (without namespace prefix), lowercased.
pub(super) fn local_name(name: &str) -> String {
    let local = name.rsplit(':').next().unwrap_or(name);
    local.to_ascii_lowercase()
}

/// Elements whose text is never story text.
const SKIPPED: &[&str] = &["script", "style", "head", "figcaption", "table"];

/// The paragraphs of an HTML body: the text of each `<p>` (inline tags dropped, `<br>` a space).
/// A body with no `<p>` gives its text split at blank lines.
pub(super) fn html_paragraphs(source: &MappedText) -> Result<Vec<MappedText>, MarkupError> {
    let mut reader = SpannedReader::html(source.as_str());
    let mut paragraphs = Vec::new();
    let mut loose = MappedText::new();
    let mut current: Option<MappedText> = None;
    let mut skipping = 0usize;
    loop {
        let (event, span) = reader.next()?;
        match &event {
            Event::Eof => break,
            Event::Start(tag) => {
                let name = local_name(tag.name().as_ref());
                if SKIPPED.contains(&name.as_str()) {
                    skipping += 1;
                } else if name == "br" {
                    let target = current.as_mut().unwrap_or(&mut loose);
                    target.push_unit("\n", source.to_original(span));
                } else if name == "p" && skipping == 0 {
                    if let Some(open) = current.take() {
                        paragraphs.push(open);
                    }
                    current = Some(MappedText::new());
                }
            }
            Event::End(tag) => {
                let name = local_name(tag.name().as_ref());
                if SKIPPED.contains(&name.as_str()) {
                    skipping = skipping.saturating_sub(1);
                } else if (name == "p" || is_block(&name))
                    && let Some(open) = current.take()
                {
                    paragraphs.push(open);
                }
            }
            Event::Empty(tag) if local_name(tag.name().as_ref()) == "br" => {
                let target = current.as_mut().unwrap_or(&mut loose);
                target.push_unit("\n", source.to_original(span));
            }
            _ if skipping > 0 => {}
            _ => {
                let target = current.as_mut().unwrap_or(&mut loose);
                push_event_text(target, source, &event, span)?;
            }
        }
    }
    if let Some(open) = current.take() {
        paragraphs.push(open);
    }
    if paragraphs.is_empty() {
        return Ok(loose.split_blank_lines());
    }
    Ok(paragraphs)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "div" | "blockquote" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}
