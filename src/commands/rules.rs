//! `wirecheck rules`: lists every rule, those the run leaves off included, or explains one.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use wirecheck_core::RuleSet;
use wirecheck_core::config::Config;
use wirecheck_core::rules::Rule;

use super::RuleOptions;

/// Arguments of `wirecheck rules`.
#[derive(clap::Args, Debug)]
pub(crate) struct RulesArgs {
    #[command(subcommand)]
    action: Option<RulesAction>,
    #[command(flatten)]
    rule_options: RuleOptions,
}

#[derive(clap::Subcommand, Debug)]
enum RulesAction {
    /// Print a rule's description, examples and source file (shipped rules that are off too).
    Explain {
        /// The rule's id, `pack.Name`.
        id: String,
    },
}

/// Runs `wirecheck rules`.
pub(crate) fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let (config, rules) = args.rule_options.load()?;
    // Every shipped rule, so that those of packs left off can be listed and explained too.
    let shipped = RuleSet::compile(wirecheck_core::config::packs::builtin_sources())?;
    // Buffered: standard output alone writes each line with its own system call.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.action {
        None => list(&rules, &shipped, &mut out)?,
        Some(RulesAction::Explain { id }) => {
            if let Some(rule) = rules.get(&id) {
                explain(rule, None, &mut out)?;
            } else if let Some(rule) = shipped.get(&id) {
                explain(rule, Some(&why_off(rule, &config)), &mut out)?;
            } else {
                let ids = shipped
                    .rules()
                    .iter()
                    .chain(rules.rules())
                    .map(|rule| rule.id.as_str());
                let hint = wirecheck_core::config::suggest::did_you_mean(&id, ids, '\'')
                    .map(|h| format!("{h} "))
                    .unwrap_or_default();
                bail!(
                    "no rule '{}' is loaded ({hint}see 'wirecheck rules' for the list)",
                    wirecheck_core::document::excerpt::excerpt(&id)
                );
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the table: every rule of the run at its severity and every shipped rule the run leaves
/// off as `off`, by pack; columns as wide as their widest cell, descriptions whole.
fn list(rules: &RuleSet, shipped: &RuleSet, out: &mut dyn Write) -> std::io::Result<()> {
    let row = |rule: &Rule, severity: &'static str| {
        [
            rule.pack.clone(),
            rule.id.clone(),
            rule.kind.clone(),
            severity.to_owned(),
            rule.summary(),
        ]
    };
    let mut rows: Vec<[String; 5]> = rules
        .rules()
        .iter()
        .map(|rule| row(rule, rule.severity.as_str()))
        .collect();
    let off: Vec<&Rule> = shipped
        .rules()
        .iter()
        .filter(|rule| rules.get(&rule.id).is_none())
        .collect();
    rows.extend(
        off.iter()
            .map(|rule| row(rule, wirecheck_core::severity::RULE_OFF)),
    );
    rows.sort_by(|a, b| (&a[0], &a[1]).cmp(&(&b[0], &b[1])));
    let header = ["PACK", "ID", "KIND", "SEVERITY", "DESCRIPTION"].map(str::to_owned);
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
        let mut packs: Vec<&str> = off.iter().map(|rule| rule.pack.as_str()).collect();
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

/// Why a shipped rule is not in this run, and how to turn it on.
fn why_off(rule: &Rule, config: &Config) -> String {
    let pack = &rule.pack;
    if config.uses_pack(pack) {
        format!(
            "off in this run: `severity:` in the configuration sets {} to off",
            rule.id
        )
    } else if wirecheck_core::config::packs::is_default_pack(pack) {
        format!(
            "off in this run: the configuration or --packs leaves out the pack {pack} (see `packs:` and `disable:`)"
        )
    } else {
        format!(
            "off by default: turn it on with --enable {pack}, or `enable: [{pack}]` in wirecheck.yaml"
        )
    }
}

fn explain(rule: &Rule, off: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
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
    writeln!(out, "message: {}", rule.header.message)?;
    let examples = &rule.header.examples;
    if !examples.bad.is_empty() {
        writeln!(out, "\nflagged:")?;
        for example in &examples.bad {
            writeln!(out, "  {}", example.trim_end())?;
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
