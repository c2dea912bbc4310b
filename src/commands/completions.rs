//! `wirecheck completions SHELL`: shell completions, generated from the clap definitions so they
//! never drift from the real options.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

/// Arguments of `wirecheck completions`.
#[derive(clap::Args, Debug)]
pub(crate) struct CompletionsArgs {
    /// The shell to write completions for.
    shell: Shell,
}

/// Writes completions for `shell` to standard output.
pub(crate) fn run<C: CommandFactory>(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = C::command();
    // clap_complete panics when its writer fails; render to memory so that a closed pipe
    // (`wirecheck completions fish | head -1`) is an error `main` can treat as the quiet end it is.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "wirecheck", &mut script);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
