//! `wirecheck rules`: lists every rule id (each named check of a rule has its own), those the run
//! leaves off included, or explains one: a check (`wire.Dateline.Outlet`) or a whole rule
//! (`wire.Dateline`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use wirecheck_core::Config;
use wirecheck_core::report::{write_id_explanation, write_rule_explanation};
use wirecheck_core::{ReportedId, Rule};
use wirecheck_core::{RuleSet, Severity};

use super::RuleOptions;

/// Arguments of `wirecheck rules`.
#[derive(clap::Args, Debug)]
pub(crate) struct RulesArgs {
    #[command(subcommand)]
    action: Option<RulesAction>,
    /// Format of the list.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    format: ListFormat,
    #[command(flatten)]
    rule_options: RuleOptions,
}

/// How the list is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// Aligned columns.
    Human,
    /// One JSON document: the rules, each with its pack, id, kind, severity (or "off"),
    /// description and where it comes from.
    Json,
}

#[derive(clap::Subcommand, Debug)]
enum RulesAction {
    /// Print a rule's description, examples and source file (shipped rules that are off too).
    Explain {
        /// The rule's id, `pack.Name`, or a check's, `pack.Name.Check`.
        #[arg(add = clap_complete::engine::ArgValueCandidates::new(super::completions::rule_ids))]
        id: String,
    },
}

/// Runs `wirecheck rules`.
pub(crate) fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let (config, rules) = args.rule_options.load()?;
    // Every shipped rule, so that those of packs left off can be listed and explained too.
    let shipped = RuleSet::compile(wirecheck_core::builtin_sources())?;
    // Buffered: standard output alone writes each line with its own system call.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.action {
        None => list(&rules, &shipped, args.format, &mut out)?,
        Some(RulesAction::Explain { id }) => {
            if let Some(reported) = rules.reported_id(&id) {
                let off = reported
                    .severity()
                    .is_none()
                    .then(|| why_check_off(reported, &shipped, &config));
                write_id_explanation(reported, off.as_deref(), &mut out)?;
            } else if let Some(rule) = rules.get(&id) {
                write_rule_explanation(rule, None, &mut out)?;
            } else if let Some(reported) = shipped.reported_id(&id) {
                let off = why_off(reported.rule, reported.id(), &config);
                write_id_explanation(reported, Some(&off), &mut out)?;
            } else if let Some(rule) = shipped.get(&id) {
                write_rule_explanation(rule, Some(&why_off(rule, &rule.id, &config)), &mut out)?;
            } else {
                let ids = shipped.ids().chain(rules.ids());
                let hint = wirecheck_core::did_you_mean(&id, ids, '\'')
                    .map(|h| format!("{h} "))
                    .unwrap_or_default();
                bail!(
                    "no rule '{}' is loaded ({hint}see 'wirecheck rules' for the list)",
                    wirecheck_core::excerpt(&id)
                );
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the table: every id of the run at its severity (each named check of a rule has its
/// own) and every shipped id the run leaves off as `off`, by pack; columns as wide as their
/// widest cell, descriptions whole.
fn list(
    rules: &RuleSet,
    shipped: &RuleSet,
    format: ListFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let row = |reported: ReportedId<'_>, severity: &'static str| {
        [
            reported.rule.pack.clone(),
            reported.id().to_owned(),
            reported.rule.kind.clone(),
            severity.to_owned(),
            reported.summary(),
            reported.rule.origin.clone(),
        ]
    };
    let run: Vec<ReportedId<'_>> = rules.rules().iter().flat_map(Rule::reported_ids).collect();
    let mut rows: Vec<[String; 6]> = run
        .iter()
        .map(|reported| {
            row(
                *reported,
                reported.severity().map_or("off", Severity::as_str),
            )
        })
        .collect();
    let off: Vec<ReportedId<'_>> = shipped
        .rules()
        .iter()
        .flat_map(Rule::reported_ids)
        .filter(|reported| !run.iter().any(|r| r.id() == reported.id()))
        .collect();
    rows.extend(
        off.iter()
            .map(|reported| row(*reported, wirecheck_core::RULE_OFF)),
    );
    rows.sort_by(|a, b| (&a[0], &a[1]).cmp(&(&b[0], &b[1])));
    if format == ListFormat::Json {
        return write_json(&rows, out);
    }
    let header = ["PACK", "ID", "KIND", "SEVERITY", "DESCRIPTION", ""].map(str::to_owned);
    let mut widths = [0; 4];
    for cells in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(cells) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for cells in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter().zip(cells) {
            write!(out, "{cell:<width$}  ")?;
        }
        writeln!(out, "{}", cells[4])?;
    }
    if !off.is_empty() {
        let mut packs: Vec<&str> = off.iter().map(|r| r.rule.pack.as_str()).collect();
        packs.dedup();
        writeln!(
            out,
            "\nRules marked off are not used in this run (packs: {}). Turn a pack that is off by \
             default on with --enable PACK or `enable:` in wirecheck.yaml; \
             `wirecheck rules explain ID` says why a rule is off.",
            packs.join(", ")
        )?;
    }
    Ok(())
}

/// The list as one JSON document, `{"rules": [{pack, id, kind, severity, description, origin}]}`,
/// in the order of the table.
fn write_json(rows: &[[String; 6]], out: &mut dyn Write) -> std::io::Result<()> {
    let rules: Vec<serde_json::Value> = rows
        .iter()
        .map(|[pack, id, kind, severity, description, origin]| {
            serde_json::json!({
                "pack": pack,
                "id": id,
                "kind": kind,
                "severity": severity,
                "description": description,
                "origin": origin,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "rules": rules }))?;
    writeln!(out)
}

/// Why the shipped `rule` (or its check `id`) is not in this run, and how to turn it on.
fn why_off(rule: &Rule, id: &str, config: &Config) -> String {
    let pack = &rule.pack;
    if let Some(why) = why_deselected(id, config.uses_pack(pack), config) {
        why
    } else if config.uses_pack(pack) {
        format!("off in this run: `severity:` in the configuration sets {id} to off")
    } else if wirecheck_core::is_default_pack(pack) {
        format!(
            "off in this run: the configuration or --packs leaves out the pack {pack} (see `packs:` and `disable:`)"
        )
    } else {
        format!(
            "off by default: turn it on with --enable {pack}, or `enable: [{pack}]` in wirecheck.yaml"
        )
    }
}

/// Why the rule selection leaves `id` out, when it does: an ignore, or a select that does not
/// cover it; `None` when the selection leaves it as it is by default.
fn why_deselected(id: &str, on_by_default: bool, config: &Config) -> Option<String> {
    let selection = config.rule_selection();
    let decision = selection.decide(id, on_by_default);
    if decision.enabled {
        return None;
    }
    match (decision.by, decision.kind) {
        (Some(name), Some(kind)) => Some(format!(
            "off in this run: {} (or `{}:` in the configuration) leaves out {name}",
            kind.flag(),
            kind.config_key()
        )),
        _ if selection.selects() && on_by_default => Some(
            "off in this run: --select (or `select:` in the configuration) does not cover it"
                .to_owned(),
        ),
        _ => None,
    }
}

/// Why a named check of a rule in this run is off: its rule file or the configuration.
fn why_check_off(reported: ReportedId<'_>, shipped: &RuleSet, config: &Config) -> String {
    let id = reported.id();
    let off_in_file = reported.check.is_some_and(|check| check.off_in_file);
    if let Some(why) = why_deselected(id, !off_in_file, config) {
        why
    } else if off_in_file {
        let source = shipped
            .reported_id(id)
            .map_or(reported.rule.origin.as_str(), |r| r.rule.origin.as_str());
        format!(
            "off: {source} sets its `level: off`; turn it on with `severity: {{{id}: warning}}` in wirecheck.yaml"
        )
    } else {
        format!("off in this run: `severity:` in the configuration sets {id} to off")
    }
}
