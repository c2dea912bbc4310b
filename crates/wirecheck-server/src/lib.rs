//! wirecheck's language server: the findings of `wirecheck check` as diagnostics while a story
//! is edited, their suggestions as quick fixes, every safe fix at once as a source action,
//! suppression comments as code actions, and `wirecheck rules explain` on hover.
//!
//! It speaks the Language Server Protocol over standard input and output (rust-analyzer's
//! `lsp-server`, synchronous). It never checks a story itself: the binary hands it a
//! [`RunnerSource`], which builds the same [`Runner`] `wirecheck check` uses for a workspace
//! folder, and each document is checked with [`Runner::check_text`].
//!
//! The protocol's moving parts, one module each: [`position`] (byte offsets to positions, in
//! UTF-16 or UTF-8), [`uri`] (file URIs), `documents` (open documents and incremental changes),
//! `checker` (the debounced checking thread), [`diagnostics`], [`actions`], [`hover`] and
//! `workspace` (folders, their runners, configuration reloads). The loop that dispatches the
//! client's messages is `server`.

pub mod actions;
mod checker;
pub mod diagnostics;
mod documents;
pub mod hover;
pub mod position;
mod server;
pub mod uri;
mod workspace;

use std::path::Path;

use wirecheck_core::Runner;

pub use server::ServerError;

/// Builds the runner for the stories of a workspace folder, as `wirecheck check` would run in it:
/// its configuration discovered from the folder up.
pub trait RunnerSource: Send {
    /// The runner for `folder`, or the one-line reason its configuration cannot be loaded.
    fn runner_for(&self, folder: &Path) -> Result<Runner, String>;
}

/// Serves one client over standard input and output until it says `exit`. True when it asked
/// to shut down first (the process then exits 0, else 1, as the protocol asks).
pub fn run_stdio(source: impl RunnerSource + 'static) -> Result<bool, ServerError> {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let clean = server::serve(&connection, Box::new(source))?;
    drop(connection);
    io_threads.join().map_err(ServerError::Io)?;
    Ok(clean)
}
