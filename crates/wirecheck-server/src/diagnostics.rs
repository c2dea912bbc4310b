//! A document's check as the client sees it: each finding a diagnostic (range, severity, rule id
//! as the code, its link, the reference span as related information), and a document wirecheck
//! cannot read one diagnostic at the fault.

use std::str::FromStr as _;
use std::sync::Arc;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};
use wirecheck_core::report::ReferenceFile;
use wirecheck_core::{Finding, Runner, Severity};

use crate::position::{Encoding, LineMap};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "wirecheck";

/// What checking one version of a document gave.
#[derive(Debug)]
pub struct Checked {
    /// The version checked.
    pub version: i32,
    /// The text checked; the spans point into it.
    pub text: String,
    /// The findings, or why the document could not be checked.
    pub outcome: Result<Vec<Finding>, String>,
    /// The reference version findings compare against, if one is configured.
    pub reference: Option<Arc<ReferenceFile>>,
    /// The runner that checked it, for the rules' explanations.
    pub runner: Option<Arc<Runner>>,
}

impl Checked {
    /// Checks `text` with `runner` under `name` (a path, for the format and the baseline), read
    /// as `format`; with no runner (its configuration failed to load) there is nothing.
    pub fn run(
        runner: Option<Arc<Runner>>,
        name: &str,
        version: i32,
        text: String,
        format: wirecheck_core::InputFormat,
    ) -> Self {
        let Some(checker) = runner.as_deref() else {
            return Self {
                version,
                text,
                outcome: Ok(Vec::new()),
                reference: None,
                runner: None,
            };
        };
        // `check_text` takes the text and hands it back in the report.
        let outcome = checker.check_text(name, text.clone(), Some(format));
        let (outcome, reference) = match outcome.result {
            Ok(report) => (Ok(report.findings), report.reference),
            Err(error) => (Err(error.message), None),
        };
        Self {
            version,
            text,
            outcome,
            reference,
            runner,
        }
    }

    /// The findings (none for a document that could not be read).
    pub fn findings(&self) -> &[Finding] {
        self.outcome.as_deref().unwrap_or_default()
    }

    /// The diagnostics of this check, with positions in `encoding`.
    pub fn diagnostics(&self, name: &str, encoding: Encoding) -> Vec<Diagnostic> {
        let map = LineMap::new(&self.text, encoding);
        match &self.outcome {
            Ok(findings) => findings
                .iter()
                .map(|finding| self.diagnostic(finding, &map, encoding))
                .collect(),
            Err(message) => vec![error_diagnostic(name, message, &self.text, &map)],
        }
    }

    /// The diagnostic of one of its findings.
    pub fn diagnostic(
        &self,
        finding: &Finding,
        map: &LineMap<'_>,
        encoding: Encoding,
    ) -> Diagnostic {
        let related =
            finding
                .reference
                .zip(self.reference.as_deref())
                .and_then(|(span, reference)| {
                    let uri = reference_uri(&reference.path)?;
                    let map = LineMap::new(&reference.source, encoding);
                    Some(vec![DiagnosticRelatedInformation {
                        location: Location::new(uri, map.range(span.start, span.end)),
                        message: "the reference version".to_owned(),
                    }])
                });
        Diagnostic {
            range: map.range(finding.span.start, finding.span.end),
            severity: Some(severity(finding.severity)),
            code: Some(NumberOrString::String(finding.rule.clone())),
            code_description: finding
                .link
                .as_deref()
                .and_then(|link| Uri::from_str(link).ok())
                .map(|href| CodeDescription { href }),
            source: Some(SOURCE.to_owned()),
            message: finding.message.clone(),
            related_information: related,
            tags: None,
            data: None,
        }
    }
}

/// wirecheck's levels as the protocol's.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Suggestion => DiagnosticSeverity::INFORMATION,
    }
}

/// The URI of the reference file, named as the configuration names it (relative to the
/// server's working directory).
fn reference_uri(path: &str) -> Option<Uri> {
    let path = std::path::Path::new(path);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    crate::uri::from_path(&absolute)
}

/// The one diagnostic of a document that could not be checked: at the line and column its
/// message names after `name:` (`story.xml:3:7: …`, columns in characters), else at the start.
fn error_diagnostic(name: &str, message: &str, text: &str, map: &LineMap<'_>) -> Diagnostic {
    let offset = message
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line: usize = parts.next()?.trim().parse().ok()?;
            let column: usize = parts.next()?.trim().parse().ok()?;
            Some(char_offset(text, line, column))
        })
        .unwrap_or(0);
    let at = map.position(offset);
    Diagnostic {
        range: lsp_types::Range::new(at, at),
        severity: Some(DiagnosticSeverity::ERROR),
        code: None,
        code_description: None,
        source: Some(SOURCE.to_owned()),
        message: message.to_owned(),
        related_information: None,
        tags: None,
        data: None,
    }
}

/// The byte offset of 1-based `line` (ending at `\n`) and character `column`, clamped.
fn char_offset(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    let line_text = rest.split('\n').next().unwrap_or_default();
    start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_is_a_diagnostic_with_its_link_and_reference_span() {
        let finding = Finding {
            rule: "reference.Number".to_owned(),
            severity: Severity::Suggestion,
            message: "12 is 21 in the reference".to_owned(),
            span: wirecheck_core::Span::new(9, 11),
            suggestions: Vec::new(),
            link: Some("https://example.com/rules#number".to_owned()),
            reference: Some(wirecheck_core::Span::new(10, 12)),
            safe_fix: false,
        };
        let checked = Checked {
            version: 3,
            text: "Headline\n12 ships".to_owned(),
            outcome: Ok(vec![finding]),
            reference: Some(Arc::new(ReferenceFile {
                path: "/desk/original.txt".to_owned(),
                source: "一\n二三21艘".to_owned(),
                encoding: wirecheck_core::TextEncoding::Utf8,
            })),
            runner: None,
        };
        let diagnostics = checked.diagnostics("s.txt", Encoding::Utf16);
        let value = serde_json::to_value(&diagnostics).unwrap_or_default();
        assert_eq!(
            value,
            serde_json::json!([{
                "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 2}},
                "severity": 3,
                "code": "reference.Number",
                "codeDescription": {"href": "https://example.com/rules#number"},
                "source": "wirecheck",
                "message": "12 is 21 in the reference",
                "relatedInformation": [{
                    "location": {
                        "uri": "file:///desk/original.txt",
                        "range": {
                            "start": {"line": 1, "character": 2},
                            "end": {"line": 1, "character": 4},
                        },
                    },
                    "message": "the reference version",
                }],
            }])
        );
    }

    #[test]
    fn an_unreadable_document_is_one_diagnostic_at_its_fault() {
        let text = "<nitf>\n  <body>é<oops\n";
        let map = LineMap::new(text, Encoding::Utf16);
        let diagnostic = error_diagnostic("s.xml", "s.xml:2:10: bad tag", text, &map);
        assert_eq!(diagnostic.range.start, lsp_types::Position::new(1, 9));
        assert_eq!(diagnostic.message, "s.xml:2:10: bad tag");
        let unplaced = error_diagnostic("s.xml", "s.xml: no story", text, &map);
        assert_eq!(unplaced.range.start, lsp_types::Position::new(0, 0));
    }
}
