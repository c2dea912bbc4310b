//! Scopes: which parts of a story a rule reads.

use serde::Deserialize;

use crate::document::Document;
use crate::span::Span;

/// A part of a story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The headline (Vale's `heading` and `title` map here).
    Headline,
    /// The dateline lead-in.
    Dateline,
    /// The body, as one unit per paragraph, without headline and front lines.
    Body,
    /// Each body paragraph.
    Paragraph,
    /// Each body sentence.
    Sentence,
    /// The whole normalised text, front lines included (the default).
    Text,
    /// The whole input exactly as written, before NFC normalisation.
    Raw,
}

/// The names accepted in `scope:`, for error messages.
const VALID: &str = "headline, dateline, body, paragraph, sentence, text, raw";

impl Scope {
    /// Parses a scope name, accepting Vale's names for the same parts. A Vale selector
    /// (`heading & ~heading.h1`, `text.md`, `~blockquote`) is read as its first part that is not
    /// negated, by its first name; Vale mode matches the whole selector itself.
    pub fn parse(name: &str) -> Option<Scope> {
        let name = name.trim();
        if name.contains(['&', '~']) {
            let wanted = name
                .split('&')
                .map(str::trim)
                .find(|part| !part.starts_with('~'));
            // Only negations (`~blockquote`): everything else, which is the story's text.
            return wanted.map_or(Some(Scope::Text), Scope::parse);
        }
        Some(match name {
            "headline" | "title" | "heading" => Scope::Headline,
            _ if name.starts_with("heading.") => Scope::Headline,
            "dateline" => Scope::Dateline,
            "body" | "list" | "blockquote" | "summary" | "alt" | "table" => Scope::Body,
            _ if ["table.", "figure.", "list.", "summary.", "blockquote."]
                .iter()
                .any(|family| name.starts_with(family)) =>
            {
                Scope::Body
            }
            "paragraph" => Scope::Paragraph,
            "sentence" => Scope::Sentence,
            "text" | "markup" => Scope::Text,
            _ if name.starts_with("text.") || name.starts_with("paragraph.") => Scope::Text,
            "raw" => Scope::Raw,
            _ if name.starts_with("raw.") => Scope::Raw,
            _ => return None,
        })
    }

    /// The units of this scope in `doc`.
    pub fn units(self, doc: &Document) -> Vec<Unit> {
        let normalized = |span| Unit { span, raw: false };
        if doc.markup_block {
            // Vale mode chose the blocks a rule reads by its scope already.
            return vec![normalized(Span::new(0, doc.text().len()))];
        }
        match self {
            Scope::Headline => doc.headline.into_iter().map(normalized).collect(),
            Scope::Dateline => doc.dateline.into_iter().map(normalized).collect(),
            Scope::Body | Scope::Paragraph => {
                doc.paragraphs.iter().copied().map(normalized).collect()
            }
            Scope::Sentence => doc.sentences.iter().map(|s| normalized(s.span)).collect(),
            Scope::Text => vec![normalized(Span::new(0, doc.text().len()))],
            Scope::Raw => vec![Unit {
                span: Span::new(0, doc.original().len()),
                raw: true,
            }],
        }
    }
}

/// One unit of a scope: a span of the normalised text, or of the original bytes for `raw`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unit {
    /// Where the unit is.
    pub span: Span,
    /// True when `span` points into the original bytes rather than the normalised text.
    pub raw: bool,
}

impl Unit {
    /// The text this unit covers.
    pub fn text(self, doc: &Document) -> &str {
        if self.raw {
            self.span.slice(doc.original())
        } else {
            doc.slice(self.span)
        }
    }
}

/// `scope:` as written: one name or a list of names.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum ScopeSpec {
    /// `scope: sentence`
    One(String),
    /// `scope: [headline, paragraph]`
    Many(Vec<String>),
}

impl Default for ScopeSpec {
    fn default() -> Self {
        ScopeSpec::One("text".to_owned())
    }
}

impl ScopeSpec {
    /// The names as written, trimmed: Vale's selectors, for Vale mode.
    pub(crate) fn names(&self) -> Vec<String> {
        match self {
            ScopeSpec::One(name) => vec![name.trim().to_owned()],
            ScopeSpec::Many(names) => names.iter().map(|n| n.trim().to_owned()).collect(),
        }
    }

    /// The scopes named, or an error naming the first unknown one.
    pub fn scopes(&self) -> Result<Vec<Scope>, String> {
        let names: Vec<&str> = match self {
            ScopeSpec::One(name) => vec![name.as_str()],
            ScopeSpec::Many(names) => names.iter().map(String::as_str).collect(),
        };
        names
            .into_iter()
            .map(|name| {
                Scope::parse(name)
                    .ok_or_else(|| format!("unknown scope '{name}' (valid scopes: {VALID})"))
            })
            .collect()
    }

    /// Checks every name is a known scope.
    pub fn validate(&self) -> Result<(), String> {
        self.scopes().map(drop)
    }
}

/// The units of every scope in `scopes`, in document order, for rules that match in each unit.
pub(super) fn units_of(scopes: &[Scope], doc: &Document) -> Vec<Unit> {
    let mut units: Vec<Unit> = scopes.iter().flat_map(|scope| scope.units(doc)).collect();
    units.sort_unstable();
    units.dedup();
    units
}
