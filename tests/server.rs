//! `wirecheck server` end to end: the real binary spawned, spoken to over its standard input and
//! output as an editor does (JSON-RPC with Content-Length framing), its diagnostics, code
//! actions, commands, hover, configuration reloads and exit asserted.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The day the server takes for today (as tests/cli.rs).
const TODAY: &str = "2026-12-01";

/// No packs synced on this machine: the server sees the shipped packs alone.
const NO_CACHE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/no-cache-in-tests");

/// How long a test waits for a message before it fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// A story with a doubled word after curly quotes, CJK and an emoji on its line: the finding is
/// at code point 60, UTF-16 unit 61 and UTF-8 byte 71 of line 2.
const STORY: &str = "Japan approves budget\n\nTOKYO (Reuters) - The cabinet of “Takaichi” (高市) 👍 approved the the budget on Tuesday.\n";

/// The diagnostic of [`STORY`]'s doubled word, from UTF-16 (or UTF-8) column `start`.
fn doubled_word(start: u32) -> Value {
    json!({
        "range": {
            "start": {"line": 2, "character": start},
            "end": {"line": 2, "character": start + 7},
        },
        "severity": 1,
        "code": "wire.DoubledWord",
        "source": "wirecheck",
        "message": "'the' is repeated.",
    })
}

/// A language client: the server's process, its input, and the messages it has sent and the
/// test has not looked at yet.
struct Client {
    child: Child,
    input: Option<ChildStdin>,
    incoming: Receiver<Value>,
    unread: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `wirecheck server --stdio` in `folder` and initializes it: with `utf8`, the client
    /// offers UTF-8 positions besides UTF-16; `watch` says it can watch files for the server.
    fn start(folder: &Path, utf8: bool, watch: bool) -> (Self, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_wirecheck"))
            .args(["server", "--stdio"])
            .current_dir(folder)
            .env("WIRECHECK_TODAY", TODAY)
            .env("WIRECHECK_CACHE_DIR", NO_CACHE)
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("wirecheck server starts");
        let output = child.stdout.take().expect("a piped standard output");
        let (sender, incoming) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        let input = child.stdin.take();
        let mut client = Client {
            child,
            input,
            incoming,
            unread: Vec::new(),
            next_id: 0,
        };
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let folder_uri = file_uri(folder);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": folder_uri,
                "workspaceFolders": [{"uri": folder_uri, "name": "stories"}],
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {
                        "didChangeWatchedFiles": {"dynamicRegistration": watch},
                        "applyEdit": true,
                    },
                },
                "initializationOptions": {"debounceMs": 10},
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let input = self.input.as_mut().expect("the server's input is open");
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("the server reads");
        input.flush().expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response's result (failing on an error response).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.wait_for(&format!("the response to {method}"), |message| {
            message["id"] == json!(id) && message.get("method").is_none()
        });
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The first message, unread or to come, that `wanted` accepts; the test fails when none
    /// comes within [`PATIENCE`].
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.unread.iter().position(&wanted) {
            return self.unread.remove(index);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.unread.push(message),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {what} within {PATIENCE:?}; unread: {:#?}", self.unread)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server ended before {what}; unread: {:#?}", self.unread)
                }
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        });
        message["params"]["diagnostics"]
            .as_array()
            .expect("a list of diagnostics")
            .clone()
    }

    fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    fn replace_all(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn code_actions(&mut self, uri: &str, diagnostic: &Value) -> Vec<Value> {
        let result = self.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic]},
            }),
        );
        result.as_array().expect("a list of code actions").clone()
    }

    /// `shutdown` then `exit`: the process's exit code.
    fn shut_down(mut self) -> Option<i32> {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        self.exit_code()
    }

    fn exit_code(&mut self) -> Option<i32> {
        self.input = None;
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the server can be waited for") {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One framed message, or `None` at the end of the output.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn file_uri(path: &Path) -> String {
    let path = path.canonicalize().expect("the path exists");
    format!("file://{}", path.display())
}

/// A workspace folder with a story in it.
fn workspace() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(folder.path().join("story.txt"), STORY).expect("the story is written");
    folder
}

/// The text with the LSP text edits applied (positions in `utf16` units, else UTF-8 bytes).
fn apply_edits(text: &str, edits: &[Value], utf16: bool) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().expect("a line") as usize;
        let character = position["character"].as_u64().expect("a character") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        let mut units = 0;
        for (index, ch) in rest.char_indices() {
            if units >= character {
                return start + index;
            }
            units += if utf16 { ch.len_utf16() } else { ch.len_utf8() };
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            (
                offset(&edit["range"]["start"]),
                offset(&edit["range"]["end"]),
                edit["newText"].as_str().expect("new text").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|span| std::cmp::Reverse(span.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

/// The edits of `uri` in a workspace edit.
fn edits_of(edit: &Value, uri: &str) -> Vec<Value> {
    edit["changes"][uri]
        .as_array()
        .unwrap_or_else(|| panic!("no edits of {uri} in {edit}"))
        .clone()
}

fn action<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action '{title}' in {actions:#?}"))
}

#[test]
fn utf16_positions_by_default_and_diagnostics_on_open_and_change() {
    let folder = workspace();
    let (mut client, init) = Client::start(folder.path(), false, false);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    assert_eq!(client.diagnostics(&uri, 1), vec![doubled_word(61)]);
    // An incremental change deleting the second "the " (UTF-16 columns 65..69).
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": 2, "character": 65}, "end": {"line": 2, "character": 69}},
                "text": "",
            }],
        }),
    );
    assert_eq!(client.diagnostics(&uri, 2), Vec::<Value>::new());
    // Two quick changes: only the last version's diagnostics are published.
    client.replace_all(&uri, 3, &STORY.replace("the the", "a a"));
    client.replace_all(&uri, 4, STORY);
    assert_eq!(client.diagnostics(&uri, 4), vec![doubled_word(61)]);
    assert!(
        !client.unread.iter().any(|m| m["params"]["version"] == 3),
        "stale diagnostics of version 3 were published: {:#?}",
        client.unread
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = client.wait_for("diagnostics cleared on close", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(cleared["params"].get("version").is_none_or(Value::is_null));
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let folder = workspace();
    let (mut client, init) = Client::start(folder.path(), true, false);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    assert_eq!(client.diagnostics(&uri, 1), vec![doubled_word(71)]);
    // An incremental change in UTF-8 bytes: the second "the " is at 75..79.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{
                "range": {"start": {"line": 2, "character": 75}, "end": {"line": 2, "character": 79}},
                "text": "",
            }],
        }),
    );
    assert_eq!(client.diagnostics(&uri, 2), Vec::<Value>::new());
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn code_actions_fix_and_disable_and_the_result_is_clean() {
    let folder = workspace();
    let (mut client, _) = Client::start(folder.path(), false, false);
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    let diagnostic = client.diagnostics(&uri, 1).remove(0);
    let actions = client.code_actions(&uri, &diagnostic);

    let quick_fix = action(&actions, "Replace with 'the'");
    assert_eq!(quick_fix["kind"], "quickfix");
    assert_eq!(quick_fix["isPreferred"], true);
    let edits = edits_of(&quick_fix["edit"], &uri);
    assert_eq!(
        edits,
        vec![json!({"range": diagnostic["range"], "newText": "the"})]
    );
    let fixed = apply_edits(STORY, &edits, true);
    assert_eq!(fixed, STORY.replace("the the", "the"));

    let fix_all = action(&actions, "Fix all safe (wirecheck)");
    assert_eq!(fix_all["kind"], "source.fixAll.wirecheck");
    assert_eq!(edits_of(&fix_all["edit"], &uri), edits);

    let disable_line = action(&actions, "Disable wire.DoubledWord for this line");
    let line_edits = edits_of(&disable_line["edit"], &uri);
    assert_eq!(
        line_edits,
        vec![json!({
            "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
            "newText": "<!-- wirecheck-disable-next-line wire.DoubledWord -->\n",
        })]
    );
    let disable_file = action(&actions, "Disable wire.DoubledWord for this file");
    let file_edits = edits_of(&disable_file["edit"], &uri);
    assert_eq!(
        file_edits,
        vec![json!({
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "newText": "<!-- wirecheck-disable wire.DoubledWord -->\n",
        })]
    );

    // Each edit applied and checked again: the finding is gone.
    let mut version = 1;
    for edits in [&edits, &line_edits, &file_edits] {
        version += 1;
        client.replace_all(&uri, version, &apply_edits(STORY, edits, true));
        assert_eq!(client.diagnostics(&uri, version), Vec::<Value>::new());
    }

    // Only the source actions, when the client asks for them.
    let only = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    assert_eq!(only, json!([]), "the story is clean now: nothing to fix");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn the_fix_all_command_sends_the_client_an_edit() {
    let folder = workspace();
    let (mut client, init) = Client::start(folder.path(), false, false);
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!(["wirecheck.fixAll"])
    );
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    let diagnostic = client.diagnostics(&uri, 1).remove(0);
    let result = client.request(
        "workspace/executeCommand",
        json!({"command": "wirecheck.fixAll", "arguments": [uri]}),
    );
    assert_eq!(result, Value::Null);
    let apply = client.wait_for("workspace/applyEdit", |m| {
        m["method"] == "workspace/applyEdit"
    });
    let edits = edits_of(&apply["params"]["edit"], &uri);
    assert_eq!(
        edits,
        vec![json!({"range": diagnostic["range"], "newText": "the"})]
    );
    let id = apply["id"].clone();
    client.send(&json!({"jsonrpc": "2.0", "id": id, "result": {"applied": true}}));
    assert_eq!(
        apply_edits(STORY, &edits, true),
        STORY.replace("the the", "the")
    );
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn hover_on_a_finding_explains_its_rule() {
    let folder = workspace();
    let (mut client, _) = Client::start(folder.path(), false, false);
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    let diagnostic = client.diagnostics(&uri, 1).remove(0);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 63}}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert_eq!(hover["range"], diagnostic["range"]);
    let explained = Command::new(env!("CARGO_BIN_EXE_wirecheck"))
        .args(["rules", "explain", "wire.DoubledWord"])
        .current_dir(folder.path())
        .env("WIRECHECK_CACHE_DIR", NO_CACHE)
        .output()
        .expect("rules explain runs");
    let explained = String::from_utf8(explained.stdout).expect("UTF-8");
    assert!(explained.starts_with("wire.DoubledWord"), "{explained}");
    let value = hover["contents"]["value"].as_str().expect("hover text");
    assert!(
        value.contains(&explained),
        "the hover has not `rules explain`:\n{value}\n---\n{explained}"
    );
    // Nothing to say away from a finding.
    let none = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(none, Value::Null);
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn a_changed_configuration_is_read_again() {
    let folder = workspace();
    let (mut client, _) = Client::start(folder.path(), false, true);
    let registration = client.wait_for("client/registerCapability", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(
        watchers
            .as_array()
            .is_some_and(|w| w.iter().any(|w| w["globPattern"] == "**/wirecheck.yaml")),
        "{registration}"
    );
    let id = registration["id"].clone();
    client.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
    let uri = file_uri(&folder.path().join("story.txt"));
    client.open(&uri, "plaintext", 1, STORY);
    assert_eq!(client.diagnostics(&uri, 1), vec![doubled_word(61)]);

    // The pack of the doubled word disabled: its finding goes.
    let config = folder.path().join("wirecheck.yaml");
    std::fs::write(&config, "disable: [wire]\n").expect("the config is written");
    let config_uri = file_uri(&config);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 1}]}),
    );
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    // A configuration that does not load: said once, no diagnostics, no crash.
    std::fs::write(&config, "disable: [no-such-pack]\n").expect("the config is written");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let shown = client.wait_for("window/showMessage", |m| {
        m["method"] == "window/showMessage"
    });
    assert_eq!(shown["params"]["type"], 1);
    let message = shown["params"]["message"].as_str().expect("a message");
    assert!(message.contains("no-such-pack"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    // Put right: the finding is back.
    std::fs::write(&config, "disable: []\n").expect("the config is written");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&uri, 1), vec![doubled_word(61)]);
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn markdown_nitf_and_unreadable_documents() {
    let folder = workspace();
    let (mut client, _) = Client::start(folder.path(), false, false);

    // Markdown, after front matter: the disable-for-file comment goes after it.
    let markdown = "---\ntitle: Japan approves budget\n---\n\n# Japan approves budget\n\nTOKYO (Reuters) - The cabinet approved the the budget on Tuesday.\n";
    let md_uri = file_uri(&folder.path().join("story.txt")).replace("story.txt", "story.md");
    client.open(&md_uri, "markdown", 1, markdown);
    let diagnostics = client.diagnostics(&md_uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "wire.DoubledWord");
    assert_eq!(
        diagnostics[0]["range"],
        json!({"start": {"line": 6, "character": 39}, "end": {"line": 6, "character": 46}})
    );
    let actions = client.code_actions(&md_uri, &diagnostics[0]);
    let file_edits = edits_of(
        &action(&actions, "Disable wire.DoubledWord for this file")["edit"],
        &md_uri,
    );
    assert_eq!(
        file_edits[0]["range"]["start"],
        json!({"line": 3, "character": 0})
    );
    client.replace_all(&md_uri, 2, &apply_edits(markdown, &file_edits, true));
    assert_eq!(client.diagnostics(&md_uri, 2), Vec::<Value>::new());

    // NITF: the doubled word in a paragraph; no disable actions (a comment would be text).
    let nitf = "<?xml version=\"1.0\"?>\n<nitf>\n<body>\n<body.head><hedline><hl1>Japan approves budget</hl1></hedline></body.head>\n<body.content>\n<p>TOKYO (Reuters) - The cabinet approved the the budget on Tuesday.</p>\n</body.content>\n</body>\n</nitf>\n";
    let xml_uri = md_uri.replace("story.md", "story.xml");
    client.open(&xml_uri, "xml", 1, nitf);
    let diagnostics = client.diagnostics(&xml_uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "wire.DoubledWord");
    assert_eq!(
        diagnostics[0]["range"],
        json!({"start": {"line": 5, "character": 42}, "end": {"line": 5, "character": 49}})
    );
    let actions = client.code_actions(&xml_uri, &diagnostics[0]);
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, ["Replace with 'the'", "Fix all safe (wirecheck)"]);

    // Broken NITF: one diagnostic at the fault, and the server goes on.
    let broken = "<?xml version=\"1.0\"?>\n<nitf>\n<body>\n<p>TOKYO</b>\n</nitf>\n";
    client.replace_all(&xml_uri, 2, broken);
    let diagnostics = client.diagnostics(&xml_uri, 2);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["severity"], 1);
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 3);
    let message = diagnostics[0]["message"].as_str().expect("a message");
    assert!(message.contains("story.xml:4:"), "{message}");

    // ninjs by its language id.
    let ninjs = r#"{"uri": "x", "headline": "Japan approves budget", "body_text": "TOKYO (Reuters) - The cabinet approved the the budget on Tuesday."}"#;
    let json_uri = md_uri.replace("story.md", "story.json");
    client.open(&json_uri, "json", 1, ninjs);
    let diagnostics = client.diagnostics(&json_uri, 1);
    let codes: Vec<&Value> = diagnostics.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, [&json!("wire.DoubledWord")], "{diagnostics:#?}");
    assert_eq!(client.shut_down(), Some(0));
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let folder = workspace();
    let (mut client, _) = Client::start(folder.path(), false, false);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), Some(1));
}

#[test]
fn neovim_shows_the_diagnostics() {
    let found = Command::new("nvim").arg("--version").output();
    if !found.is_ok_and(|output| output.status.success()) {
        eprintln!("note: nvim is not installed; the Neovim test is skipped (.ci/run installs it)");
        return;
    }
    let folder = workspace();
    let story = "Japan approves budget\n\nTOKYO (Reuters) - The cabinet approved the the budget on Tuesday.\n";
    std::fs::write(folder.path().join("story.txt"), story).expect("the story is written");
    let out = folder.path().join("diagnostics.txt");
    let init = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/server/nvim-init.lua");
    let status = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-c"])
        .arg(format!("luafile {}", init.display()))
        .arg("story.txt")
        .current_dir(folder.path())
        .env("WIRECHECK_BIN", env!("CARGO_BIN_EXE_wirecheck"))
        .env("WIRECHECK_NVIM_OUT", &out)
        .env("WIRECHECK_TODAY", TODAY)
        .env("WIRECHECK_CACHE_DIR", NO_CACHE)
        .stdin(Stdio::null())
        .status()
        .expect("nvim runs");
    assert!(status.success(), "nvim: {status}");
    let shown = std::fs::read_to_string(&out).expect("nvim wrote the diagnostics");
    assert_eq!(
        shown,
        "2:39-2:46 wirecheck wire.DoubledWord 'the' is repeated.\n"
    );
}

#[test]
fn a_document_outside_every_folder_uses_its_own_folders_configuration() {
    let folder = workspace();
    let elsewhere = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(elsewhere.path().join("wirecheck.yaml"), "disable: [wire]\n")
        .expect("the config is written");
    std::fs::write(elsewhere.path().join("story.txt"), STORY).expect("the story is written");
    let (mut client, _) = Client::start(folder.path(), false, false);
    let inside = file_uri(&folder.path().join("story.txt"));
    let outside = file_uri(&elsewhere.path().join("story.txt"));
    client.open(&outside, "plaintext", 1, STORY);
    assert_eq!(client.diagnostics(&outside, 1), Vec::<Value>::new());
    client.open(&inside, "plaintext", 1, STORY);
    assert_eq!(client.diagnostics(&inside, 1), vec![doubled_word(61)]);
    // Saved: checked again, the same findings.
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": inside}}),
    );
    assert_eq!(client.diagnostics(&inside, 1), vec![doubled_word(61)]);
    assert_eq!(client.shut_down(), Some(0));
}
