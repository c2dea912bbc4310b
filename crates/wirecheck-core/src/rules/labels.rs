//! `labels`: CMS and section labels left in copy — a kicker like "Arab & International" between
//! the headline and the story, or a line like "Advertisement" or "Read more" inside the body.
//!
//! ```yaml
//! extends: labels
//! message: "Leftover label '%s'."
//! ignorecase: true
//! tokens: ['Advertisement', 'Read more(?: here)?', 'Related(?: stories| articles)?:?']
//! ```
//! Every short line between the headline and the body that is neither a byline nor the headline
//! again is a label. A body paragraph is one when it wholly matches a token. The fix deletes the
//! line.

use serde::Deserialize;

use super::pattern::compile_regex;
use super::rule_regex::RuleRegex;
use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::{Document, FrontLineKind};

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    tokens: Vec<String>,
}

struct Labels {
    body_labels: Option<RuleRegex>,
}

/// Compiles a `labels` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let body_labels = if spec.tokens.is_empty() {
        None
    } else {
        let whole_line = format!(r"\A\W*(?:{})\W*\z", spec.tokens.join("|"));
        Some(compile_regex(source, &whole_line, header.ignorecase)?)
    };
    Ok(Box::new(Labels { body_labels }))
}

impl Check for Labels {
    fn check(&self, doc: &Document, _context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let front = doc
            .front
            .iter()
            .filter(|l| l.kind == FrontLineKind::Label)
            .map(|l| l.span);
        let mut body = Vec::new();
        if let Some(labels) = &self.body_labels {
            for &paragraph in &doc.paragraphs {
                match labels.is_match(doc.slice(paragraph)) {
                    Ok(true) => body.push(paragraph),
                    Ok(false) => {}
                    Err(_) => {
                        out.budget_exhausted(paragraph);
                        break;
                    }
                }
            }
        }
        for span in front.chain(body) {
            out.report(
                span,
                &[doc.slice(span)],
                vec![(doc.line_removal(span), String::new())],
            );
        }
    }
}
