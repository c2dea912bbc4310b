//! `existence`: flags every match of its tokens (Vale's kind of the same name).
//!
//! ```yaml
//! extends: existence
//! message: "Translator's note left in copy: '%s'"
//! level: error
//! ignorecase: true
//! tokens: ['\[(?:translator.s note|TN)[^\]]*\]']
//! action: { name: remove }
//! ```
//! `tokens` are regexes joined in word boundaries (none with `nonword: true`); `raw` pieces are
//! used as written, before the tokens (after them with `append: true`). The project's accepted
//! terms are exceptions too unless `vocab: false`. A `(?P<flag>…)` group narrows the reported span to that group. With
//! `action: {name: remove}` the fix deletes the match; with `{name: replace, params: [x]}` it
//! replaces it with each parameter. With `fix_lookalikes: true` (wirecheck's own) the fix
//! replaces the Cyrillic and Greek look-alikes of Latin letters in the match by those letters
//! ("Tоkyo" with a Cyrillic о → "Tokyo"; see [`crate::knowledge::lookalikes`]), when every
//! Cyrillic or Greek letter in it has one.

use serde::Deserialize;

use super::pattern::TokenPattern;
use super::rule_regex::BudgetExhausted;
use super::scope::units_of;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, Scope, StoryContext};
use crate::document::{Document, line_removal};
use crate::span::Span;

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    raw: Vec<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// `raw` goes after `tokens` instead of before (Vale's `append`).
    #[serde(default)]
    append: bool,
    /// Whether the project's accepted terms are exceptions too (Vale's default: yes).
    #[serde(default = "super::vocab::default_vocab")]
    vocab: bool,
    /// Fix a match by making its Cyrillic and Greek look-alikes Latin.
    #[serde(default)]
    fix_lookalikes: bool,
}

struct Existence {
    pattern: TokenPattern,
    scopes: Vec<Scope>,
    /// Replacements offered for each match; empty string deletes.
    replacements: Vec<String>,
    fix_lookalikes: bool,
}

/// Compiles an `existence` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let exceptions: Vec<String> = super::vocab::terms(header, &spec.exceptions, spec.vocab)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let pattern = if spec.append && !spec.tokens.is_empty() {
        // The tokens' alternation first, then the raw pieces, as one raw pattern.
        let mut raw = vec![super::pattern::word_alternation(
            &spec.tokens,
            header.nonword,
        )];
        raw.extend(spec.raw.iter().cloned());
        TokenPattern::new(source, header, &[], &raw, &exceptions)?
    } else {
        TokenPattern::new(source, header, &spec.tokens, &spec.raw, &exceptions)?
    };
    let replacements = match header.action.as_ref().map(|a| (a.name.as_str(), &a.params)) {
        Some(("remove", _)) => vec![String::new()],
        Some(("replace", params)) => params.clone(),
        _ => Vec::new(),
    };
    let scopes = header.scope.scopes().map_err(|m| source.invalid(m))?;
    Ok(Box::new(Existence {
        pattern,
        scopes,
        replacements,
        fix_lookalikes: spec.fix_lookalikes,
    }))
}

impl Check for Existence {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        for unit in units_of(&self.scopes, doc) {
            let text = unit.text(doc);
            for found in self.pattern.find_iter(text) {
                let found = match found {
                    Ok(found) => found,
                    Err(BudgetExhausted) => {
                        out.budget_exhausted(unit.span);
                        break;
                    }
                };
                let span = found.shift(unit.span.start);
                let whole = if unit.raw { doc.original() } else { doc.text() };
                let latin = self
                    .fix_lookalikes
                    .then(|| crate::knowledge::lookalikes::to_latin(span.slice(whole)))
                    .flatten();
                let fixes: Vec<(Span, String)> = latin
                    .map(|latin| (span, latin))
                    .into_iter()
                    .chain(self.replacements.iter().map(|r| {
                        (
                            if r.is_empty() {
                                removal(whole, span)
                            } else {
                                span
                            },
                            r.clone(),
                        )
                    }))
                    .collect();
                out.report_in(unit, span, &[found.slice(text)], fixes);
            }
        }
    }
}

/// What to delete to remove `span` from `text` cleanly: the whole line when the match is all the
/// line holds (a note written as a paragraph), keeping the paragraph breaks around it; else with
/// the space before it when punctuation or the end of the line follows ("emergency [TK]." →
/// "emergency."), or with the space after it at the start of a line.
fn removal(text: &str, span: Span) -> Span {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    if !span.is_empty()
        && text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty()
    {
        return line_removal(text, span);
    }
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let closes = after.is_none_or(|c| {
        c == '\n' || c == '\r' || (c.is_ascii_punctuation() && !"([{\"'".contains(c))
    });
    if before == Some(' ') && (closes || after == Some(' ')) {
        Span::new(span.start - 1, span.end)
    } else if before.is_none_or(|c| c == '\n') && after == Some(' ') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}
