//! Vale's JSON report (`--format vale-json`), exactly as `vale --output=JSON` prints it, for tools
//! that read Vale's output: one object keyed by path (sorted, as Go sorts map keys), each a list
//! of alerts in position order with Vale's field names and order (`Action`, `Span`, `Check`,
//! `Description`, `Link`, `Message`, `Severity`, `Match`, `Line`), indented by two spaces, `<`,
//! `>`, `&`, U+2028 and U+2029 escaped as Go escapes them. No alerts print `{}`; files without
//! findings are left out.
//!
//! `Span` is `[first, last]` column of the match on its line, 1-based, in code points, the last
//! inclusive and no further than the line's end ([`vale_columns`]).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, RuleInfo};
use crate::span::{Positions, Span};

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Alert<'a> {
    action: Action<'a>,
    span: [usize; 2],
    check: &'a str,
    description: &'a str,
    link: &'a str,
    message: String,
    severity: String,
    #[serde(rename = "Match")]
    matched: &'a str,
    line: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Action<'a> {
    name: &'a str,
    /// Vale prints `null` for a rule without an action.
    params: Option<Vec<&'a str>>,
}

/// Line and Vale's `[first, last]` columns of `span`: columns from 1, in code points; the last is
/// the first plus the match's length less one, kept within the line (its ending included) and
/// at least 1.
pub fn vale_columns(positions: &mut Positions<'_>, span: Span) -> (usize, [usize; 2]) {
    let text = positions.text();
    let start = positions.at(span.start);
    let matched = text.get(span.start..span.end).unwrap_or_default();
    let line_start = text
        .get(..span.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |newline| newline + 1);
    let line_end = text
        .get(span.start..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |newline| span.start + newline + 1);
    let extent = text
        .get(line_start..line_end)
        .map_or(0, |line| line.chars().count());
    let last = (start.column + matched.chars().count())
        .saturating_sub(1)
        .clamp(1, extent.max(1));
    (start.line, [start.column, last])
}

/// A message as Vale prints it: each line break a space, other spaces kept (Vale 3.15.1 prints
/// "Use  instead of 'obvious'." for an empty replacement).
pub fn vale_message(message: &str) -> String {
    message.replace('\n', " ")
}

/// Go's `encoding/json` escapes these even inside strings; serde_json does not.
fn go_escape(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn write(
    reports: &[FileReport],
    rules: &[RuleInfo],
    out: &mut dyn Write,
) -> io::Result<()> {
    let rule = |id: &str| rules.iter().find(|r| r.id == id);
    let mut by_path: BTreeMap<&str, Vec<Alert<'_>>> = BTreeMap::new();
    for report in reports.iter().filter(|r| !r.findings.is_empty()) {
        let mut positions = Positions::new(&report.source);
        let alerts = by_path.entry(report.path.as_str()).or_default();
        for finding in &report.findings {
            let (line, span) = vale_columns(&mut positions, finding.span);
            let info = rule(&finding.rule);
            let action_name = info
                .and_then(|r| r.action.as_ref())
                .map_or("", |a| a.name.as_str());
            let params: Option<Vec<&str>> = info.and_then(|r| r.action.as_ref()).map(|a| {
                if a.name == "replace" && a.params.is_empty() {
                    finding
                        .suggestions
                        .iter()
                        .map(|s| s.replacement.as_str())
                        .collect()
                } else {
                    a.params.iter().map(String::as_str).collect()
                }
            });
            alerts.push(Alert {
                action: Action {
                    name: action_name,
                    params,
                },
                span,
                check: &finding.rule,
                description: info.and_then(|r| r.description.as_deref()).unwrap_or(""),
                link: finding
                    .link
                    .as_deref()
                    .or(info.and_then(|r| r.link.as_deref()))
                    .unwrap_or(""),
                // Vale turns every run of white space in a message into one space.
                message: finding
                    .message
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                severity: finding.severity.to_string(),
                matched: report
                    .source
                    .get(finding.span.start..finding.span.end)
                    .unwrap_or_default(),
                line,
            });
        }
        alerts.sort_by_key(|a| (a.line, a.span[0]));
    }
    let json = serde_json::to_string_pretty(&by_path).map_err(io::Error::other)?;
    writeln!(out, "{}", go_escape(&json))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(text: &str, start: usize, end: usize) -> (usize, [usize; 2]) {
        vale_columns(&mut Positions::new(text), Span::new(start, end))
    }

    #[test]
    fn columns_are_code_points_from_one_with_the_last_inclusive() {
        assert_eq!(columns("a very big", 2, 6), (1, [3, 6]));
        assert_eq!(columns("x\nél très", 6, 11), (2, [4, 7]));
    }

    #[test]
    fn a_match_over_a_line_end_stops_at_the_line_s_extent() {
        // "ab\n" is three code points with its ending.
        assert_eq!(columns("ab\ncd", 1, 5), (1, [2, 3]));
        assert_eq!(columns("", 0, 0), (1, [1, 1]));
    }

    #[test]
    fn messages_lose_line_breaks_but_keep_their_spaces() {
        assert_eq!(vale_message("a  b\nc \n d\te"), "a  b c   d\te");
    }

    #[test]
    fn go_escapes_html_characters_and_line_separators() {
        assert_eq!(
            go_escape("<a & b>\u{2028}"),
            "\\u003ca \\u0026 b\\u003e\\u2028"
        );
    }
}
