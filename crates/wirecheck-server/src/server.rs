//! The server's loop: `initialize` (position encoding, capabilities, folders), then each message
//! of the client dispatched, until `exit`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::Sender;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidChangeWorkspaceFolders, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    ApplyWorkspaceEdit, CodeActionRequest, ExecuteCommand, HoverRequest, RegisterCapability,
    Request as _,
};
use lsp_types::{
    ApplyWorkspaceEditParams, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, ExecuteCommandOptions, ExecuteCommandParams,
    FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams,
    MessageType, OneOf, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
    WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

use crate::actions::{self, fix_all_kind};
use crate::checker::{Checker, Job, Shared, SharedState, lock};
use crate::diagnostics::Checked;
use crate::documents::{Documents, OpenDocument};
use crate::position::{Encoding, LineMap};
use crate::workspace::{Workspace, is_config_file};
use crate::{RunnerSource, uri};

/// The command that applies every safe fix of a document (argument: its URI) by sending the
/// client a `workspace/applyEdit`.
pub(crate) const FIX_ALL_COMMAND: &str = "wirecheck.fixAll";

/// How long the client must be quiet before a changed document is checked, unless the
/// initialization options' `debounceMs` says otherwise.
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(10);

/// Why the server stopped other than by the client's `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The client broke the protocol (no `initialize` first, a message that is not JSON-RPC).
    #[error("language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// Standard input or output failed, or a thread could not start.
    #[error("language server: {0}")]
    Io(#[from] std::io::Error),
    /// A message to the client could not be encoded.
    #[error("language server: {0}")]
    Json(#[from] serde_json::Error),
}

/// Serves the client on `connection` until `exit`: true when `shutdown` came first.
pub(crate) fn serve(
    connection: &Connection,
    source: Box<dyn RunnerSource>,
) -> Result<bool, ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_deref()),
    );
    let debounce = params
        .initialization_options
        .as_ref()
        .and_then(|options| options.get("debounceMs"))
        .and_then(serde_json::Value::as_u64)
        .map_or(DEFAULT_DEBOUNCE, Duration::from_millis);
    let watch_dynamically = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|workspace| workspace.did_change_watched_files.as_ref())
        .and_then(|watched| watched.dynamic_registration)
        .unwrap_or(false);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "wirecheck".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let shared = SharedState::new(std::sync::Mutex::new(Shared::default()));
    let checker = Checker::start(
        connection.sender.clone(),
        shared.clone(),
        debounce,
        encoding,
    )?;
    let mut server = Server {
        client: connection.sender.clone(),
        documents: Documents::default(),
        workspace: Workspace::new(folders(&params), source),
        shared,
        checker,
        encoding,
        next_id: 0,
    };
    if watch_dynamically {
        server.watch_config_files();
    }
    let clean = server.run(connection);
    server.checker.stop();
    Ok(clean)
}

/// What the server offers.
fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![lsp_types::CodeActionKind::QUICKFIX, fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![FIX_ALL_COMMAND.to_owned()],
            ..ExecuteCommandOptions::default()
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// The workspace folders `initialize` names (else its root URI) that are local folders.
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => folders
            .iter()
            .filter_map(|f| uri::to_path(&f.uri))
            .collect(),
        #[allow(deprecated)]
        None => params.root_uri.iter().filter_map(uri::to_path).collect(),
    }
}

struct Server {
    client: Sender<Message>,
    documents: Documents,
    workspace: Workspace,
    shared: SharedState,
    checker: Checker,
    encoding: Encoding,
    next_id: i32,
}

impl Server {
    /// Dispatches messages until `exit` (true after `shutdown`) or the end of the input.
    fn run(&mut self, connection: &Connection) -> bool {
        let mut shut_down = false;
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if shut_down {
                        self.error(
                            request.id,
                            ErrorCode::InvalidRequest,
                            "the server is shutting down",
                        );
                    } else if request.method == lsp_types::request::Shutdown::METHOD {
                        shut_down = true;
                        self.respond(request.id, serde_json::Value::Null);
                    } else {
                        self.request(request);
                    }
                }
                Message::Notification(notification) => {
                    if notification.method == lsp_types::notification::Exit::METHOD {
                        return shut_down;
                    }
                    if !shut_down {
                        self.notification(notification);
                    }
                }
                // The answers to our registrations and edits need nothing done.
                Message::Response(_) => {}
            }
        }
        false
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            CodeActionRequest::METHOD => parse(request).map(|p| self.code_actions(p)),
            HoverRequest::METHOD => parse(request).map(|p| self.hover(p)),
            ExecuteCommand::METHOD => parse(request).and_then(|p| self.execute(p)),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("no method {}", request.method),
            )),
        };
        match result {
            Ok(value) => self.respond(id, value),
            Err((code, message)) => self.error(id, code, &message),
        }
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let document = params.text_document;
                    self.documents.open(
                        document.uri.clone(),
                        OpenDocument {
                            text: document.text,
                            version: document.version,
                            language_id: document.language_id,
                        },
                    );
                    self.schedule(&document.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = params.text_document.uri;
                    if let Some(document) = self.documents.get_mut(&uri) {
                        document.apply(params.content_changes, self.encoding);
                        document.version = params.text_document.version;
                        self.schedule(&uri);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    if uri::to_path(&uri).is_some_and(|path| is_config_file(&path)) {
                        self.reload();
                    } else {
                        self.schedule(&uri);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    self.close(params.text_document.uri);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) && params
                    .changes
                    .iter()
                    .any(|change| uri::to_path(&change.uri).is_some_and(|p| is_config_file(&p)))
                {
                    self.reload();
                }
            }
            DidChangeWorkspaceFolders::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeWorkspaceFoldersParams>(
                        DidChangeWorkspaceFolders::METHOD,
                    )
                {
                    let event = params.event;
                    let removed: Vec<PathBuf> = event
                        .removed
                        .iter()
                        .filter_map(|f| uri::to_path(&f.uri))
                        .collect();
                    let added = event.added.iter().filter_map(|f| uri::to_path(&f.uri));
                    self.workspace.change_folders(&removed, added);
                    self.reload();
                }
            }
            // `initialized`, `$/cancelRequest`, `$/setTrace` and the rest need nothing done.
            _ => {}
        }
    }

    /// Queues a check of the document's current version.
    fn schedule(&mut self, uri: &Uri) {
        let Some(job) = self.job(uri) else {
            return;
        };
        lock(&self.shared).latest.insert(uri.clone(), job.version);
        self.checker.check(job);
    }

    /// A check of the document's current version, with its folder's runner (whose failure to
    /// load is told the user once).
    fn job(&mut self, uri: &Uri) -> Option<Job> {
        let document = self.documents.get(uri)?;
        let path = uri::to_path(uri);
        let name = uri::display_name(uri);
        let folder = self.workspace.folder_of(path.as_deref());
        let format = document.format(&name);
        let (version, text) = (document.version, document.text.clone());
        let runner = match self.workspace.runner(&folder) {
            Ok(runner) => runner,
            Err(message) => {
                self.show_message(MessageType::ERROR, format!("wirecheck: {message}"));
                None
            }
        };
        Some(Job {
            uri: uri.clone(),
            name,
            version,
            text,
            format,
            runner,
        })
    }

    /// The check of the document's current version: the one published, else one made now.
    fn current(&mut self, uri: &Uri) -> Option<Arc<Checked>> {
        let version = self.documents.get(uri)?.version;
        if let Some(checked) = lock(&self.shared).checked.get(uri)
            && checked.version == version
        {
            return Some(checked.clone());
        }
        let job = self.job(uri)?;
        Some(Arc::new(Checked::run(
            job.runner,
            &job.name,
            job.version,
            job.text,
            job.format,
        )))
    }

    fn close(&mut self, uri: Uri) {
        self.documents.close(&uri);
        {
            let mut shared = lock(&self.shared);
            shared.latest.remove(&uri);
            shared.checked.remove(&uri);
        }
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams::new(uri, Vec::new(), None));
    }

    /// A configuration file changed: every runner is built again, every open document checked
    /// again.
    fn reload(&mut self) {
        self.workspace.reload();
        let open: Vec<Uri> = self.documents.iter().map(|(uri, _)| uri.clone()).collect();
        for uri in open {
            self.schedule(&uri);
        }
    }

    fn code_actions(&mut self, params: CodeActionParams) -> serde_json::Value {
        let uri = params.text_document.uri;
        let Some(checked) = self.current(&uri) else {
            return serde_json::Value::Null;
        };
        let name = uri::display_name(&uri);
        let format = match self.documents.get(&uri) {
            Some(document) => document.format(&name),
            None => return serde_json::Value::Null,
        };
        let map = LineMap::new(&checked.text, self.encoding);
        let request = actions::Request {
            uri: &uri,
            text: &checked.text,
            findings: checked.findings(),
            start: map.offset(params.range.start),
            end: map.offset(params.range.end),
            only: params.context.only.as_deref(),
            format,
        };
        let found = actions::code_actions(&request, &map, |finding| {
            checked.diagnostic(finding, &map, self.encoding)
        });
        serde_json::to_value(found).unwrap_or_default()
    }

    fn hover(&mut self, params: HoverParams) -> serde_json::Value {
        let position = params.text_document_position_params;
        let Some(checked) = self.current(&position.text_document.uri) else {
            return serde_json::Value::Null;
        };
        let map = LineMap::new(&checked.text, self.encoding);
        let offset = map.offset(position.position);
        let hover =
            crate::hover::hover(checked.findings(), checked.runner.as_deref(), offset, &map);
        serde_json::to_value(hover).unwrap_or_default()
    }

    /// `wirecheck.fixAll URI`: sends the client the edit of every safe fix of the document.
    fn execute(
        &mut self,
        params: ExecuteCommandParams,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        if params.command != FIX_ALL_COMMAND {
            return Err((
                ErrorCode::InvalidParams,
                format!("no command {}", params.command),
            ));
        }
        let uri = params
            .arguments
            .first()
            .and_then(serde_json::Value::as_str)
            .and_then(|text| text.parse::<Uri>().ok())
            .ok_or_else(|| {
                (
                    ErrorCode::InvalidParams,
                    format!("{FIX_ALL_COMMAND} takes the URI of an open document"),
                )
            })?;
        let checked = self.current(&uri).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("{} is not open", uri.as_str()),
            )
        })?;
        let map = LineMap::new(&checked.text, self.encoding);
        let edits = actions::fix_all_edits(checked.findings(), &map, &checked.text);
        if !edits.is_empty() {
            let edit = ApplyWorkspaceEditParams {
                label: Some("Fix all safe (wirecheck)".to_owned()),
                edit: actions::workspace_edit(&uri, edits),
            };
            self.send_request::<ApplyWorkspaceEdit>(edit);
        }
        Ok(serde_json::Value::Null)
    }

    /// Asks the client to tell us when a configuration file changes.
    fn watch_config_files(&mut self) {
        let watchers = wirecheck_core::CONFIG_NAMES
            .iter()
            .chain(wirecheck_core::VALE_CONFIG_NAMES)
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "wirecheck-config-files".to_owned(),
            method: DidChangeWatchedFiles::METHOD.to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.send_request::<RegisterCapability>(RegistrationParams {
            registrations: vec![registration],
        });
    }

    fn show_message(&self, typ: MessageType, message: String) {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message });
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self.client.send(Message::Notification(Notification::new(
            N::METHOD.to_owned(),
            params,
        )));
    }

    fn send_request<R: lsp_types::request::Request>(&mut self, params: R::Params) {
        self.next_id += 1;
        let id = RequestId::from(format!("wirecheck-{}", self.next_id));
        let _ = self.client.send(Message::Request(Request::new(
            id,
            R::METHOD.to_owned(),
            params,
        )));
    }

    fn respond(&self, id: RequestId, result: serde_json::Value) {
        let _ = self
            .client
            .send(Message::Response(Response::new_ok(id, result)));
    }

    fn error(&self, id: RequestId, code: ErrorCode, message: &str) {
        let _ = self.client.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message.to_owned(),
        )));
    }
}

/// A request's parameters, or the error to answer with.
fn parse<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|err| {
        (
            ErrorCode::InvalidParams,
            format!("{}: {err}", request.method),
        )
    })
}
