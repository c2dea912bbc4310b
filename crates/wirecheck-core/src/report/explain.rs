//! The text of `wirecheck rules explain`: a rule's or a check's id, kind and severity, why it is
//! off, its source and link, description, message, named checks and examples. The command line
//! prints it; the language server shows it on hover.

use std::io::Write;

use crate::rules::{Examples, ReportedId, Rule};
use crate::severity::Severity;

/// Explains one id: a rule's own, or one of its named checks'.
pub fn write_id_explanation(
    reported: ReportedId<'_>,
    off: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(check) = reported.check else {
        return write_rule_explanation(reported.rule, off, out);
    };
    let rule = reported.rule;
    let severity = check.severity.map_or("off", Severity::as_str);
    writeln!(out, "{}  ({}, {severity})", check.id, rule.kind)?;
    if let Some(off) = off {
        writeln!(out, "{off}")?;
    }
    writeln!(
        out,
        "source: {} (check {} of {})",
        rule.origin, check.name, rule.id
    )?;
    if let Some(link) = &rule.header.link {
        writeln!(out, "link: {link}")?;
    }
    writeln!(out)?;
    if let Some(description) = &check.description {
        writeln!(out, "{}\n", description.trim_end())?;
    }
    writeln!(out, "message: {}", check.message)?;
    if let Some(undated) = &check.message_without_date {
        writeln!(out, "message without a publication date: {undated}")?;
    }
    if !check.slots.is_empty() {
        writeln!(out, "%s slots: {}", check.slots.join("; "))?;
    }
    examples(&check.examples, out)
}

/// Explains a rule: for one with named checks, its description and a line per check.
pub fn write_rule_explanation(
    rule: &Rule,
    off: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{}  ({}, {})", rule.id, rule.kind, rule.severity)?;
    if let Some(off) = off {
        writeln!(out, "{off}")?;
    }
    writeln!(out, "source: {}", rule.origin)?;
    if let Some(link) = &rule.header.link {
        writeln!(out, "link: {link}")?;
    }
    writeln!(out)?;
    if let Some(description) = &rule.header.description {
        writeln!(out, "{}\n", description.trim_end())?;
    }
    if rule.checks.is_empty() {
        writeln!(out, "message: {}", rule.header.message)?;
    } else {
        writeln!(
            out,
            "checks (each its own id; `wirecheck rules explain ID` for one):"
        )?;
        let width = rule.checks.iter().map(|c| c.id.chars().count()).max();
        for check in &rule.checks {
            let severity = check.severity.map_or("off", Severity::as_str);
            let width = width.unwrap_or_default();
            writeln!(
                out,
                "  {:<width$}  {severity:<10}  {}",
                check.id,
                check.summary()
            )?;
        }
    }
    examples(&rule.header.examples, out)
}

fn examples(examples: &Examples, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(date) = examples.date {
        writeln!(out, "\nexamples published on {date}")?;
    }
    if !examples.bad.is_empty() {
        writeln!(out, "\nflagged:")?;
        for example in &examples.bad {
            writeln!(out, "  {}", example.text.trim_end())?;
            if let Some(fixed) = &example.fixed {
                writeln!(out, "  fixed to: {}", fixed.trim_end())?;
            }
        }
    }
    if !examples.good.is_empty() {
        writeln!(out, "\naccepted:")?;
        for example in &examples.good {
            writeln!(out, "  {}", example.trim_end())?;
        }
    }
    Ok(())
}
