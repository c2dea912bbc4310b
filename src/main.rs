//! The `wirecheck` command line: parses arguments, wires library stages together, sets the exit code.

mod commands;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "wirecheck",
    version,
    about = "Checks translated news wire copy before it is published"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check stories against the rules and report findings.
    Check(commands::check::CheckArgs),
    /// List every rule (with those the run leaves off), or explain one.
    Rules(commands::rules::RulesArgs),
    /// List the rule packs with the day their facts were verified; import and sync packs of open data.
    Packs(commands::packs::PacksArgs),
    /// Score a translation against one or more references (BLEU, chrF, chrF++, TER), as sacreBLEU does.
    Score(commands::score::ScoreArgs),
    /// Show a readable word diff of two versions of a story (exit 0: same, 1: different, 2: error).
    Diff(commands::diff::DiffArgs),
    /// Write a commented starter wirecheck.yaml in the working directory.
    Init(commands::init::InitArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(commands::completions::CompletionsArgs),
    /// Run the language server over standard input and output (for editors).
    Server(commands::server::ServerArgs),
    /// Print the man page (roff): every command and option, exit status, configuration.
    Man,
}

fn main() -> ExitCode {
    // `COMPLETE=bash wirecheck -- …` (what `wirecheck completions` sets up) answers the shell.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command)
        .var(commands::completions::COMPLETE_VAR)
        .bin("wirecheck")
        .complete();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Packs(args) => commands::packs::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Completions(args) => commands::completions::run::<Cli>(args),
        Command::Server(args) => commands::server::run(args),
        Command::Man => commands::man::run::<Cli>(),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`wirecheck check … | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Shown visibly: a path or a value in the message may carry terminal escapes.
            let message = format!("{err:#}");
            eprintln!(
                "error: {}",
                wirecheck_text::visible::escape_controls(&message)
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
