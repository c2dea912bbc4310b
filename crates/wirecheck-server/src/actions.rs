//! Code actions on a document's findings: each suggestion a quick fix, every safe fix at once
//! (`source.fixAll.wirecheck`, the same selection as `check --fix`), and suppression comments
//! that disable a rule for a line or for the file (in plain text and Markdown, where an HTML
//! comment is the story's own; in NITF and ninjs it would be text of the story).

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, NumberOrString, TextEdit, Uri,
    WorkspaceEdit,
};
use wirecheck_core::{Finding, InputFormat, Suggestion};

use crate::position::LineMap;

/// The kind of the fix-all source action.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.wirecheck")
}

/// The safe fixes `check --fix` applies, in order: each safe finding's first suggestion, by
/// position, leaving out one that overlaps a fix before it (as `apply_safe_fixes` does).
pub fn safe_fixes<'a>(text: &str, findings: &'a [Finding]) -> Vec<&'a Suggestion> {
    wirecheck_core::chosen_fixes(text, findings, |f| f.safe_fix)
        .into_iter()
        .map(|(suggestion, _)| suggestion)
        .collect()
}

/// The edits of every safe fix: one text edit per fix, none overlapping.
pub fn fix_all_edits(findings: &[Finding], map: &LineMap<'_>, text: &str) -> Vec<TextEdit> {
    safe_fixes(text, findings)
        .into_iter()
        .map(|s| TextEdit::new(map.range(s.span.start, s.span.end), s.replacement.clone()))
        .collect()
}

/// One document's edits as a workspace edit.
pub fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

/// What a code action request is about.
pub struct Request<'a> {
    /// The document.
    pub uri: &'a Uri,
    /// Its text, as checked.
    pub text: &'a str,
    /// Its findings.
    pub findings: &'a [Finding],
    /// The bytes of the range asked about.
    pub start: usize,
    /// The end of that range.
    pub end: usize,
    /// The kinds the client wants, if it says.
    pub only: Option<&'a [CodeActionKind]>,
    /// The document's format: the disable actions are offered in text and Markdown only.
    pub format: InputFormat,
}

impl Request<'_> {
    /// True when the client wants actions of `kind` (a kind covers those under it).
    fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|wanted| {
                let wanted = wanted.as_str();
                kind.as_str() == wanted
                    || kind
                        .as_str()
                        .strip_prefix(wanted)
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    }
}

/// Every action for the request: the quick fixes and disable actions of the findings that touch
/// the range, then the fix-all action when there is a safe fix.
pub fn code_actions(
    request: &Request<'_>,
    map: &LineMap<'_>,
    diagnostic_of: impl Fn(&Finding) -> Diagnostic,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    let touching = request
        .findings
        .iter()
        .filter(|f| f.span.start <= request.end && request.start <= f.span.end);
    if request.wants(&CodeActionKind::QUICKFIX) {
        for finding in touching {
            let diagnostic = diagnostic_of(finding);
            for (index, suggestion) in finding.suggestions.iter().enumerate() {
                let title = fix_title(request.text, suggestion);
                let edit = TextEdit::new(
                    map.range(suggestion.span.start, suggestion.span.end),
                    suggestion.replacement.clone(),
                );
                actions.push(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    request.uri,
                    vec![edit],
                    Some(diagnostic.clone()),
                    finding.safe_fix && index == 0,
                ));
            }
            if matches!(request.format, InputFormat::Text | InputFormat::Markdown) {
                actions.extend(disable_actions(request, finding, map, &diagnostic));
            }
        }
    }
    let kind = fix_all_kind();
    if request.wants(&kind) {
        let edits = fix_all_edits(request.findings, map, request.text);
        if !edits.is_empty() {
            actions.push(action(
                "Fix all safe (wirecheck)".to_owned(),
                kind,
                request.uri,
                edits,
                None,
                false,
            ));
        }
    }
    actions
}

/// "Replace with 'X'", or "Delete 'X'" for an empty replacement.
fn fix_title(text: &str, suggestion: &Suggestion) -> String {
    if suggestion.replacement.is_empty() {
        let old = text
            .get(suggestion.span.start..suggestion.span.end)
            .unwrap_or_default();
        format!("Delete '{}'", wirecheck_core::excerpt(old))
    } else {
        format!(
            "Replace with '{}'",
            wirecheck_core::excerpt(&suggestion.replacement)
        )
    }
}

/// "Disable RULE for this line" (a `wirecheck-disable-next-line` comment on a line of its own
/// above, indented as the line is; only for a finding on one line, the region such a comment
/// covers) and "Disable RULE for this file" (a `wirecheck-disable` comment at the top, after
/// any front matter).
fn disable_actions(
    request: &Request<'_>,
    finding: &Finding,
    map: &LineMap<'_>,
    diagnostic: &Diagnostic,
) -> Vec<CodeActionOrCommand> {
    let text = request.text;
    let rule = &finding.rule;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut actions = Vec::new();
    let line_start = text[..finding.span.start.min(text.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let on_one_line = !text
        .get(finding.span.start..finding.span.end)
        .unwrap_or_default()
        .contains(['\n', '\r']);
    if on_one_line {
        let line = &text[line_start..];
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        let at = map.position(line_start);
        actions.push(action(
            format!("Disable {rule} for this line"),
            CodeActionKind::QUICKFIX,
            request.uri,
            vec![TextEdit::new(
                lsp_types::Range::new(at, at),
                format!("{indent}<!-- wirecheck-disable-next-line {rule} -->{newline}"),
            )],
            Some(diagnostic.clone()),
            false,
        ));
    }
    let top = map.position(wirecheck_core::front_matter_len(text));
    actions.push(action(
        format!("Disable {rule} for this file"),
        CodeActionKind::QUICKFIX,
        request.uri,
        vec![TextEdit::new(
            lsp_types::Range::new(top, top),
            format!("<!-- wirecheck-disable {rule} -->{newline}"),
        )],
        Some(diagnostic.clone()),
        false,
    ));
    actions
}

fn action(
    title: String,
    kind: CodeActionKind,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diagnostic: Option<Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(workspace_edit(uri, edits)),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    })
}

/// The rule id a diagnostic carries as its code.
pub fn rule_of(diagnostic: &Diagnostic) -> Option<&str> {
    match &diagnostic.code {
        Some(NumberOrString::String(rule)) => Some(rule),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use wirecheck_core::{Severity, Span};

    use lsp_types::Position;

    use super::*;
    use crate::position::Encoding;

    fn finding(start: usize, end: usize, replacement: &str, safe: bool) -> Finding {
        Finding {
            rule: "wire.Test".to_owned(),
            severity: Severity::Warning,
            message: "m".to_owned(),
            span: Span::new(start, end),
            suggestions: vec![Suggestion {
                span: Span::new(start, end),
                replacement: replacement.to_owned(),
            }],
            link: None,
            reference: None,
            safe_fix: safe,
        }
    }

    /// Applies edits (non-overlapping) to `text`, last first.
    fn apply(text: &str, edits: &[TextEdit], map: &LineMap<'_>) -> String {
        let mut spans: Vec<(usize, usize, &str)> = edits
            .iter()
            .map(|e| {
                (
                    map.offset(e.range.start),
                    map.offset(e.range.end),
                    e.new_text.as_str(),
                )
            })
            .collect();
        spans.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut out = text.to_owned();
        for (start, end, new) in spans {
            out.replace_range(start..end, new);
        }
        out
    }

    #[test]
    fn fix_all_applies_what_check_fix_applies() {
        let text = "ab cd ef gh ij";
        // Overlapping, unsafe, out of order, and a deletion.
        let findings = vec![
            finding(6, 8, "EF", true),
            finding(0, 5, "AB CD", true),
            finding(3, 5, "xx", true),
            finding(9, 11, "", true),
            finding(12, 14, "IJ", false),
        ];
        let map = LineMap::new(text, Encoding::Utf16);
        let edits = fix_all_edits(&findings, &map, text);
        let (expected, applied) = wirecheck_core::apply_safe_fixes(text, &findings);
        assert_eq!(edits.len(), applied);
        assert_eq!(apply(text, &edits, &map), expected);
    }

    #[test]
    fn disable_comments_keep_the_line_ending_and_indent_and_skip_front_matter() {
        let text = "---\r\ntitle: T\r\n---\r\nHeadline\r\n  the the cat\r\n";
        let start = text.find("the the").unwrap_or_default();
        let findings = vec![finding(start, start + 7, "the", true)];
        let map = LineMap::new(text, Encoding::Utf16);
        let uri: Uri = "file:///s.md".parse().unwrap_or_else(|_| unreachable!());
        let request = Request {
            uri: &uri,
            text,
            findings: &findings,
            start,
            end: start,
            only: None,
            format: InputFormat::Markdown,
        };
        let diagnostic = |_: &Finding| Diagnostic::default();
        let edits: Vec<(String, TextEdit)> = code_actions(&request, &map, diagnostic)
            .into_iter()
            .filter_map(|action| match action {
                CodeActionOrCommand::CodeAction(action) => {
                    let edit = action.edit?.changes?.get(&uri)?.first()?.clone();
                    Some((action.title, edit))
                }
                CodeActionOrCommand::Command(_) => None,
            })
            .filter(|(title, _)| title.starts_with("Disable"))
            .collect();
        let line = |l, c| lsp_types::Range::new(Position::new(l, c), Position::new(l, c));
        assert_eq!(
            edits,
            vec![
                (
                    "Disable wire.Test for this line".to_owned(),
                    TextEdit::new(
                        line(4, 0),
                        "  <!-- wirecheck-disable-next-line wire.Test -->\r\n".to_owned()
                    )
                ),
                (
                    "Disable wire.Test for this file".to_owned(),
                    TextEdit::new(
                        line(3, 0),
                        "<!-- wirecheck-disable wire.Test -->\r\n".to_owned()
                    )
                ),
            ]
        );
        // In NITF, no comment is offered.
        let nitf = Request {
            format: InputFormat::Nitf,
            ..request
        };
        let titles: Vec<String> = code_actions(&nitf, &map, diagnostic)
            .into_iter()
            .filter_map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => Some(a.title),
                CodeActionOrCommand::Command(_) => None,
            })
            .collect();
        assert_eq!(titles, ["Replace with 'the'", "Fix all safe (wirecheck)"]);
    }
}
