//! `wirecheck rules`: lists the loaded rules, or explains one.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use wirecheck::rules::Rule;

use super::RuleOptions;

/// Arguments of `wirecheck rules`.
#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    #[command(subcommand)]
    action: Option<RulesAction>,
    #[command(flatten)]
    rule_options: RuleOptions,
}

#[derive(clap::Subcommand, Debug)]
enum RulesAction {
    /// Prints a rule's description, examples and source file.
    Explain {
        /// The rule's id, `pack.Name`.
        id: String,
    },
}

/// Runs `wirecheck rules`.
pub fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let (_, rules) = args.rule_options.load()?;
    // Buffered: standard output alone writes each line with its own system call.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.action {
        None => {
            let width = rules.rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
            writeln!(
                out,
                "{:<14} {:<width$} {:<13} {:<10} DESCRIPTION",
                "PACK", "ID", "KIND", "SEVERITY"
            )?;
            for rule in rules.rules() {
                writeln!(
                    out,
                    "{:<14} {:<width$} {:<13} {:<10} {}",
                    rule.pack,
                    rule.id,
                    rule.kind,
                    rule.severity,
                    rule.summary()
                )?;
            }
            let unused: Vec<&str> = wirecheck::packs::optional_pack_names()
                .into_iter()
                .filter(|pack| !rules.rules().iter().any(|r| r.pack == *pack))
                .collect();
            if !unused.is_empty() {
                writeln!(
                    out,
                    "\nOff by default (turn on with --enable or `enable:` in wirecheck.yaml): {}",
                    unused.join(", ")
                )?;
            }
        }
        Some(RulesAction::Explain { id }) => {
            let Some(rule) = rules.get(&id) else {
                bail!("no rule '{id}' is loaded (see 'wirecheck rules' for the list)");
            };
            explain(rule, &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn explain(rule: &Rule, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}  ({}, {})", rule.id, rule.kind, rule.severity)?;
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
