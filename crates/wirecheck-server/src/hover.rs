//! Hover on a finding: its message and the rule's explanation, the text `wirecheck rules
//! explain` prints.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use wirecheck_core::{Finding, Runner};

use crate::position::LineMap;

/// The hover for byte `offset`: every finding whose span holds it, each with its explanation.
pub fn hover(
    findings: &[Finding],
    runner: Option<&Runner>,
    offset: usize,
    map: &LineMap<'_>,
) -> Option<Hover> {
    let here: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.span.start <= offset && offset <= f.span.end)
        .collect();
    let first = here.first()?;
    let mut value = String::new();
    for finding in &here {
        if !value.is_empty() {
            value.push_str("\n---\n\n");
        }
        value.push_str(&format!("**{}** `{}`\n\n", finding.message, finding.rule));
        if let Some(text) = runner.and_then(|runner| explanation(runner, &finding.rule)) {
            // Fenced: the explanation's examples are indented and must stay as they are.
            value.push_str("```text\n");
            value.push_str(&text);
            value.push_str("```\n");
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(map.range(first.span.start, first.span.end)),
    })
}

/// What `wirecheck rules explain RULE` says of a rule of the run.
pub fn explanation(runner: &Runner, rule: &str) -> Option<String> {
    let rules = runner.rules();
    let mut out = Vec::new();
    let written = if let Some(reported) = rules.reported_id(rule) {
        wirecheck_core::report::write_id_explanation(reported, None, &mut out)
    } else {
        wirecheck_core::report::write_rule_explanation(rules.get(rule)?, None, &mut out)
    };
    written.ok()?;
    String::from_utf8(out).ok()
}
