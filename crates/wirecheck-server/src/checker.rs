//! The debounced checker: a thread that checks the latest version of each changed document once
//! the client has been quiet for the debounce delay, and publishes its diagnostics unless a newer
//! version has come in meanwhile (or the document was closed).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{PublishDiagnosticsParams, Uri};
use wirecheck_core::{InputFormat, Runner};

use crate::diagnostics::Checked;
use crate::position::Encoding;

/// One document version to check.
pub(crate) struct Job {
    /// The document.
    pub(crate) uri: Uri,
    /// The name it is checked under.
    pub(crate) name: String,
    /// Its version.
    pub(crate) version: i32,
    /// Its text.
    pub(crate) text: String,
    /// Its format.
    pub(crate) format: InputFormat,
    /// The runner of its folder; `None` when the configuration failed to load.
    pub(crate) runner: Option<Arc<Runner>>,
}

/// What the server and the checker share: the latest version of each open document, and the
/// latest check of each.
#[derive(Default)]
pub(crate) struct Shared {
    /// The version the client last sent, by document; a closed document is not here.
    pub(crate) latest: HashMap<Uri, i32>,
    /// The newest check published, by document.
    pub(crate) checked: HashMap<Uri, Arc<Checked>>,
}

/// The shared state, locked.
pub(crate) type SharedState = Arc<Mutex<Shared>>;

/// Locks the shared state (a panic elsewhere leaves it usable: it is only maps).
pub(crate) fn lock(shared: &SharedState) -> std::sync::MutexGuard<'_, Shared> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The checker thread and the way to hand it jobs.
pub(crate) struct Checker {
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Checker {
    /// Starts the thread; it publishes on `client`.
    pub(crate) fn start(
        client: Sender<Message>,
        shared: SharedState,
        debounce: Duration,
        encoding: Encoding,
    ) -> std::io::Result<Self> {
        let (jobs, queue) = crossbeam_channel::unbounded();
        let thread = std::thread::Builder::new()
            .name("wirecheck-checker".to_owned())
            .spawn(move || work(&queue, &client, &shared, debounce, encoding))?;
        Ok(Self {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// Queues a check.
    pub(crate) fn check(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The thread only ends when the sender is dropped.
            let _ = jobs.send(job);
        }
    }

    /// Stops the thread once its queue is done.
    pub(crate) fn stop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Checker {
    fn drop(&mut self) {
        self.stop();
    }
}

fn work(
    queue: &Receiver<Job>,
    client: &Sender<Message>,
    shared: &SharedState,
    debounce: Duration,
    encoding: Encoding,
) {
    while let Ok(first) = queue.recv() {
        // By the URI's text: `Uri` caches its parts inside, so it makes a poor map key.
        let mut pending: HashMap<String, Job> = HashMap::new();
        pending.insert(first.uri.as_str().to_owned(), first);
        // Coalesce: the last job of each document wins, once the queue is quiet (or after ten
        // quiet times, so that steady typing still sees its findings).
        let deadline = Instant::now() + debounce * 10;
        let mut open = true;
        while open {
            let wait = debounce.min(deadline.saturating_duration_since(Instant::now()));
            match queue.recv_timeout(wait) {
                Ok(job) => {
                    pending.insert(job.uri.as_str().to_owned(), job);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        for (_, job) in pending {
            if !is_latest(shared, &job.uri, job.version) {
                continue;
            }
            let name = job.name.clone();
            let checked = Checked::run(job.runner, &name, job.version, job.text, job.format);
            let diagnostics = checked.diagnostics(&name, encoding);
            let mut state = lock(shared);
            // Published under the lock, so that a change or close that came in meanwhile wins.
            if state.latest.get(&job.uri) != Some(&job.version) {
                continue;
            }
            state.checked.insert(job.uri.clone(), Arc::new(checked));
            let params = PublishDiagnosticsParams::new(job.uri, diagnostics, Some(job.version));
            let _ = client.send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_owned(),
                params,
            )));
        }
        if !open {
            return;
        }
    }
}

fn is_latest(shared: &SharedState, uri: &Uri, version: i32) -> bool {
    lock(shared).latest.get(uri) == Some(&version)
}
