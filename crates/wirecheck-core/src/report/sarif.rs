//! SARIF 2.1.0, the Static Analysis Results Interchange Format that code-scanning services (GitHub,
//! Azure DevOps, GitLab) import: one run whose driver lists every rule that ran, a result per
//! finding with its region and fixes, and an invocation noting the files that could not be read.
//!
//! Columns count Unicode code points from 1 (the run says `"columnKind": "unicodeCodePoints"`;
//! they differ from SARIF's default UTF-16 units only after characters beyond U+FFFF); `endColumn`
//! is the column just past the region. Paths are relative URIs with forward slashes as given on
//! the command line; absolute paths become `file://` URIs.

use std::io::{self, Write};

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::{Value, json};

use super::{FileError, FileReport, RuleInfo, TOOL, tool_url};
use crate::finding::{Finding, Severity};
use crate::span::{Positions, Span};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub(super) fn write(
    reports: &[FileReport],
    errors: &[FileError],
    rules: &[RuleInfo],
    out: &mut dyn Write,
) -> io::Result<()> {
    let index: FxHashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| (rule.id.as_str(), i))
        .collect();
    let notifications: Vec<Value> = errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": {"text": error.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(&error.path)},
                }}],
            })
        })
        .collect();
    let mut driver = json!({
        "name": TOOL,
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules.iter().map(rule_descriptor).collect::<Vec<_>>(),
    });
    if let Some(url) = tool_url() {
        driver["informationUri"] = json!(url);
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: json!({"driver": driver}),
            invocations: json!([{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }]),
            column_kind: "unicodeCodePoints",
            results: Results {
                reports,
                index: &index,
            },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The SARIF log, its fields in the order they are written.
#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    invocations: Value,
    column_kind: &'static str,
    results: Results<'a>,
}

/// The results, each built as it is written: a report of any number of findings is never held
/// as one document in memory.
struct Results<'a> {
    reports: &'a [FileReport],
    /// Rule id → its index in the driver's rules.
    index: &'a FxHashMap<&'a str, usize>,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut results = serializer.serialize_seq(None)?;
        for report in self.reports {
            let uri = artifact_uri(&report.path);
            let mut positions = Positions::new(&report.source);
            for finding in &report.findings {
                results.serialize_element(&result(finding, &uri, &mut positions, self.index))?;
            }
        }
        results.end()
    }
}

/// The SARIF result of one finding.
fn result(
    finding: &Finding,
    uri: &str,
    positions: &mut Positions<'_>,
    index: &FxHashMap<&str, usize>,
) -> Value {
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region(positions, finding.span),
        }}],
    });
    if let Some(&i) = index.get(finding.rule.as_str()) {
        result["ruleIndex"] = json!(i);
    }
    if !finding.suggestions.is_empty() {
        let fixes: Vec<Value> = finding
            .suggestions
            .iter()
            .map(|suggestion| {
                json!({
                    "description": {"text": describe_fix(&suggestion.replacement)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": region(positions, suggestion.span),
                            "insertedContent": {"text": suggestion.replacement},
                        }],
                    }],
                })
            })
            .collect();
        result["fixes"] = json!(fixes);
    }
    result
}

fn rule_descriptor(rule: &RuleInfo) -> Value {
    let mut descriptor = json!({
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
    });
    let longer = |d: &&String| d.split_whitespace().collect::<Vec<_>>().join(" ") != rule.summary;
    if let Some(description) = rule.description.as_ref().filter(longer) {
        descriptor["fullDescription"] = json!({"text": description});
    }
    // `helpUri` must be an absolute URI; a pack's link that is not one is left out.
    if let Some(link) = rule.link.as_deref().filter(|l| is_web_url(l)) {
        descriptor["helpUri"] = json!(link);
    }
    descriptor["defaultConfiguration"] = json!({"level": level(rule.severity)});
    descriptor
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

fn region(positions: &mut Positions<'_>, span: Span) -> Value {
    let (start, end) = positions.span(span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn describe_fix(replacement: &str) -> String {
    if replacement.is_empty() {
        "Delete the text".to_owned()
    } else {
        format!("Replace with '{replacement}'")
    }
}

fn is_web_url(link: &str) -> bool {
    (link.starts_with("https://") || link.starts_with("http://"))
        && !link.contains(char::is_whitespace)
}

/// The path as a URI reference: forward slashes, `file://` when absolute, and every byte outside
/// RFC 3986's unreserved set and `/` percent-encoded.
fn artifact_uri(path: &str) -> String {
    let slashed = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let slashed = slashed.strip_prefix("./").unwrap_or(&slashed);
    let mut uri = String::with_capacity(slashed.len());
    let windows_drive = slashed.as_bytes().get(1) == Some(&b':');
    if slashed.starts_with('/') {
        uri.push_str("file://");
    } else if windows_drive {
        uri.push_str("file:///");
    }
    for (i, byte) in slashed.bytes().enumerate() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            b':' if windows_drive && i == 1 => uri.push(':'),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_percent_encoded() {
        assert_eq!(artifact_uri("stories/a b.txt"), "stories/a%20b.txt");
        assert_eq!(artifact_uri("./stories/été.md"), "stories/%C3%A9t%C3%A9.md");
        assert_eq!(artifact_uri("/srv/wire/a.txt"), "file:///srv/wire/a.txt");
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
    }
}
