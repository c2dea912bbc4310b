//! `wirecheck server`: the language server over standard input and output. The protocol is in
//! the `wirecheck-server` crate; this module hands it the runner `wirecheck check` would use.

use std::path::Path;
use std::process::ExitCode;

use wirecheck_core::Runner;

/// Arguments of `wirecheck server`.
#[derive(clap::Args, Debug)]
pub(crate) struct ServerArgs {
    /// Speak the protocol over standard input and output (the only transport; accepted because
    /// editors pass it).
    #[arg(long)]
    stdio: bool,
}

/// Builds runners as `wirecheck check` does, for a workspace folder.
struct CheckRunners;

impl wirecheck_server::RunnerSource for CheckRunners {
    fn runner_for(&self, folder: &Path) -> Result<Runner, String> {
        super::check::runner_for_folder(folder).map_err(|err| format!("{err:#}"))
    }
}

/// Runs the server until the client says exit: 0 after a shutdown request, 1 without one.
pub(crate) fn run(args: ServerArgs) -> anyhow::Result<ExitCode> {
    let _ = args.stdio;
    let clean = wirecheck_server::run_stdio(CheckRunners)?;
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
