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
    /// Score a translation against one or more references (BLEU, chrF, chrF++, TER), as sacreBLEU does.
    Score(commands::score::ScoreArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Score(args) => commands::score::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
