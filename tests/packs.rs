//! Packs of open data: `packs import wikidata` on the recorded results in tests/data/wikidata/
//! (README there), `packs sync` against a server on 127.0.0.1 started here, and later runs
//! using the synced pack in place of the shipped titles.

use std::fs;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use assert_cmd::Command;

/// The recorded results: three posts, an ended term, a term without a start, a start known only
/// to the month, a person with aliases and labels in several languages.
fn recorded() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wikidata/holders.json")
}

/// The binary, with today pinned, no colour, and the cache folder `cache`.
fn wirecheck(cache: &Path) -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", "2026-12-01")
        .env("WIRECHECK_CACHE_DIR", cache);
    cmd
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The files of a folder, by name, with their bytes.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = if p.is_dir() {
                Vec::new()
            } else {
                fs::read(&p).unwrap()
            };
            (p.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

/// The recorded results imported into `work/wikidata`, which is returned.
fn imported_pack(work: &Path) -> PathBuf {
    let pack = work.join("wikidata");
    wirecheck(work)
        .args(["packs", "import", "wikidata"])
        .arg(recorded())
        .arg("-o")
        .arg(&pack)
        .assert()
        .success();
    pack
}

#[test]
fn import_writes_names_titles_and_a_manifest() {
    let work = tempfile::tempdir().unwrap();
    let output = wirecheck(work.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "packs",
            "import",
            "wikidata",
            "tests/data/wikidata/holders.json",
            "-o",
        ])
        .arg(work.path().join("wikidata"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stderr = stderr_of(&output).replace(&work.path().display().to_string(), "[TMP]");
    insta::assert_snapshot!("import-summary", stderr);
    let dir = work.path().join("wikidata");
    let names: Vec<String> = files_of(&dir).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Names.yml", "Titles.yml", "pack.yaml"]);
    for name in names {
        let text = fs::read_to_string(dir.join(&name)).unwrap();
        insta::assert_snapshot!(format!("import-{name}"), text);
    }
}

#[test]
fn the_imported_pack_loads_and_checks() {
    let work = tempfile::tempdir().unwrap();
    let pack = imported_pack(work.path());
    let story = work.path().join("story.txt");
    fs::write(
        &story,
        "Japan reviews missile plan\n\n\
         TOKYO, Nov 30 (Kyodo) -- Japanese Defense Minister Shinjiro Koizumi said on Sunday \
         that the government would review the plan.\n\n\
         Prime Minister Sanae Takaichi of Japan backed the review.\n",
    )
    .unwrap();
    let clean = wirecheck(work.path())
        .args(["check", "--no-config", "--date", "2026-11-30", "--rules"])
        .arg(&pack)
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0), "{}", stderr_of(&clean));
    fs::write(
        &story,
        "Japan reviews missile plan\n\n\
         TOKYO, Nov 30 (Kyodo) -- Japanese Defense Minister Yasukazu Hamada said on Sunday \
         that the government would review the plan.\n",
    )
    .unwrap();
    let dirty = wirecheck(work.path())
        .args([
            "check",
            "--no-config",
            "--date",
            "2026-11-30",
            "--format",
            "json",
        ])
        .args(["--disable", "names-japan", "--rules"])
        .arg(&pack)
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(dirty.status.code(), Some(1), "{}", stderr_of(&dirty));
    let report: serde_json::Value = serde_json::from_slice(&dirty.stdout).unwrap();
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["wikidata.Titles"]);
    assert_eq!(
        report["findings"][0]["suggestions"][0]["replacement"],
        "Shinjiro Koizumi"
    );
}

#[test]
fn bad_results_are_one_line_errors_and_the_old_pack_is_kept() {
    let work = tempfile::tempdir().unwrap();
    let pack = imported_pack(work.path());
    let before = files_of(&pack);
    let full = fs::read_to_string(recorded()).unwrap();
    let undated = full
        .lines()
        .map(|line| {
            match line
                .find(", \"retrieved\"")
                .filter(|_| line.starts_with(" {"))
            {
                Some(at) => format!(
                    "{}}}{}",
                    &line[..at],
                    if line.ends_with(',') { "," } else { "" }
                ),
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let undated_text = undated.clone();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "truncated",
            full[..full.len() / 2].to_owned(),
            "bad.json:12:759: not SPARQL JSON results: EOF while parsing a string",
        ),
        (
            "not JSON",
            "<html>502 Bad Gateway</html>\n".to_owned(),
            "bad.json:1:1: not SPARQL JSON results",
        ),
        (
            "undated",
            undated.clone(),
            "bad.json: the results give no ?retrieved date",
        ),
        (
            "a bad date",
            full.replacen("2025-10-21T00:00:00Z", "21 October 2025", 1),
            "bad.json: binding 1: ?start: not a date: '21 October 2025'",
        ),
    ];
    for (case, text, expected) in cases {
        let bad = work.path().join("bad.json");
        fs::write(&bad, text).unwrap();
        let output = wirecheck(work.path())
            .current_dir(work.path())
            .args(["packs", "import", "wikidata", "bad.json", "-o"])
            .arg(&pack)
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{case}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{case}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {expected}")),
            "{case}: {stderr}"
        );
        assert_eq!(files_of(&pack), before, "{case}: the old pack changed");
    }
    // Undated results take the day given.
    let bad = work.path().join("bad.json");
    fs::write(&bad, &undated_text).unwrap();
    wirecheck(work.path())
        .current_dir(work.path())
        .args([
            "packs",
            "import",
            "wikidata",
            "bad.json",
            "--verified",
            "2026-11-20",
            "-o",
        ])
        .arg(&pack)
        .assert()
        .success();
    let manifest = fs::read_to_string(pack.join("pack.yaml")).unwrap();
    assert!(manifest.contains("\nverified: 2026-11-20\n"), "{manifest}");
    // A folder that holds no pack is never replaced.
    let other = work.path().join("notes");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("todo.txt"), "keep me").unwrap();
    let output = wirecheck(work.path())
        .args(["packs", "import", "wikidata"])
        .arg(recorded())
        .arg("-o")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("is no pack made by `packs import`"));
    assert_eq!(
        fs::read_to_string(other.join("todo.txt")).unwrap(),
        "keep me"
    );
}

/// What the test server sends.
#[derive(Clone, Copy)]
enum Answer {
    /// The recorded results.
    Results,
    /// The results, after longer than the client waits.
    Slow,
    /// HTTP 500 with a message.
    ServerError,
    /// Half the results, with a Content-Length of the whole.
    Truncated,
    /// An HTML page.
    NotJson,
}

/// A server on 127.0.0.1 that answers one request, and the request it received.
struct Server {
    url: String,
    request: Arc<Mutex<String>>,
    thread: thread::JoinHandle<()>,
}

fn serve(answer: Answer) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/sparql", listener.local_addr().unwrap());
    let request = Arc::new(Mutex::new(String::new()));
    let seen = Arc::clone(&request);
    let body = fs::read_to_string(recorded()).unwrap();
    let thread = thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
            head.push_str(&line);
        }
        let mut form = vec![0; length];
        reader.read_exact(&mut form).unwrap_or_default();
        *seen.lock().unwrap() = format!("{head}\r\n{}", String::from_utf8_lossy(&form));
        let mut stream = stream;
        let json = "application/sparql-results+json";
        let reply = match answer {
            Answer::Results | Answer::Slow => {
                if matches!(answer, Answer::Slow) {
                    thread::sleep(Duration::from_secs(3));
                }
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                )
            }
            Answer::ServerError => {
                let said = "java.util.concurrent.TimeoutException\nat ...\n";
                format!(
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Length: {}\r\n\r\n{said}",
                    said.len()
                )
            }
            Answer::Truncated => format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\nContent-Length: {}\r\n\r\n{}",
                body.len(),
                &body[..body.len() / 2]
            ),
            Answer::NotJson => {
                let page = "<!DOCTYPE html><html><body>Rate limited</body></html>";
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{page}",
                    page.len()
                )
            }
        };
        let _ = stream.write_all(reply.as_bytes());
        let _ = stream.flush();
        // Closing the connection ends a truncated body early.
        let _ = stream.shutdown(std::net::Shutdown::Both);
    });
    Server {
        url,
        request,
        thread,
    }
}

fn sync(cache: &Path, server: &Server) -> std::process::Output {
    let work = tempfile::tempdir().unwrap();
    wirecheck(cache)
        .current_dir(work.path())
        .args(["packs", "sync", "--timeout", "1", "--endpoint", &server.url])
        .output()
        .unwrap()
}

#[test]
fn sync_fetches_with_a_user_agent_and_installs_the_pack() {
    let cache = tempfile::tempdir().unwrap();
    let server = serve(Answer::Results);
    let output = sync(cache.path(), &server);
    let request = server.request.lock().unwrap().clone();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let head = request.to_ascii_lowercase();
    assert!(head.starts_with("post /sparql http/1.1\r\n"), "{request}");
    assert!(
        head.contains("\r\naccept: application/sparql-results+json\r\n"),
        "{request}"
    );
    let agent = request
        .lines()
        .find_map(|l| {
            l.strip_prefix("user-agent: ")
                .or(l.strip_prefix("User-Agent: "))
        })
        .unwrap_or_default();
    assert!(agent.starts_with("wirecheck/0.1.0 ("), "{request}");
    assert!(
        head.contains("content-type: application/x-www-form-urlencoded"),
        "{request}"
    );
    assert!(request.contains("\r\n\r\nquery=%23+wirecheck"), "{request}");
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("wrote 9 holders of 3 posts and 1 name to "),
        "{stderr}"
    );
    assert!(
        stderr.contains("synced pack 'wikidata': data as of 2026-11-28, 3 days old"),
        "{stderr}"
    );
    let pack = cache.path().join("packs/wikidata");
    let manifest = fs::read_to_string(pack.join("pack.yaml")).unwrap();
    assert!(
        manifest.contains(&format!("endpoint: {}\n", server.url)),
        "{manifest}"
    );
    assert!(manifest.contains("query: |"), "{manifest}");
    // Only the pack is left in the cache: no work folder.
    let left: Vec<String> = files_of(&cache.path().join("packs"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(left, ["wikidata"]);
    server.thread.join().unwrap();
}

#[test]
fn a_failed_sync_is_a_one_line_error_and_keeps_the_old_pack() {
    let cache = tempfile::tempdir().unwrap();
    let good = serve(Answer::Results);
    assert_eq!(sync(cache.path(), &good).status.code(), Some(0));
    good.thread.join().unwrap();
    let pack = cache.path().join("packs/wikidata");
    let before = files_of(&pack);
    let cases = [
        (Answer::Slow, "no complete answer within 1 s (--timeout)"),
        (
            Answer::ServerError,
            "answered HTTP 500 Internal Server Error: java.util.concurrent.TimeoutException",
        ),
        (Answer::Truncated, "sparql: the answer was cut short (io: "),
        (
            Answer::NotJson,
            "1:1: not SPARQL JSON results: expected value",
        ),
    ];
    for (answer, expected) in cases {
        let server = serve(answer);
        let output = sync(cache.path(), &server);
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: packs sync: http://127.0.0.1:"),
            "{stderr}"
        );
        assert!(stderr.contains(expected), "{stderr}");
        assert!(
            stderr.trim_end().ends_with(&format!(
                "; the synced pack in {} is kept as it was",
                pack.display()
            )),
            "{stderr}"
        );
        assert_eq!(files_of(&pack), before, "{stderr}");
        server.thread.join().unwrap();
    }
}

#[test]
fn sync_refuses_plain_http_beyond_this_machine() {
    let cache = tempfile::tempdir().unwrap();
    let output = wirecheck(cache.path())
        .args([
            "packs",
            "sync",
            "--endpoint",
            "http://query.wikidata.org/sparql",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("plain http is refused"),
        "{}",
        stderr_of(&output)
    );
    assert!(!cache.path().join("packs").exists());
}

/// A cache folder with the recorded results synced into it.
fn synced_cache() -> tempfile::TempDir {
    let cache = tempfile::tempdir().unwrap();
    let server = serve(Answer::Results);
    assert_eq!(sync(cache.path(), &server).status.code(), Some(0));
    server.thread.join().unwrap();
    cache
}

/// The rules of the findings of `check` on `story` in `dir` (no config there), with `args`.
fn rules_found(cache: &Path, dir: &Path, args: &[&str]) -> (Vec<String>, String) {
    let output = wirecheck(cache)
        .current_dir(dir)
        .args(["check", "--format", "json", "--date", "2026-11-30"])
        .args(args)
        .arg("story.txt")
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    (rules, stderr_of(&output))
}

#[test]
fn later_runs_use_the_synced_pack_in_place_of_the_shipped_titles() {
    let cache = synced_cache();
    let work = tempfile::tempdir().unwrap();
    fs::write(
        work.path().join("story.txt"),
        "Japan reviews missile plan\n\n\
         TOKYO, Nov 30 (Kyodo) -- Japanese Defense Minister Gen Nakatani said on Sunday that \
         the government would review the plan.\n",
    )
    .unwrap();
    let (rules, stderr) = rules_found(cache.path(), work.path(), &["--verbose"]);
    assert_eq!(rules, ["wikidata.Titles"], "{stderr}");
    let pack = cache.path().join("packs/wikidata");
    assert!(
        stderr.contains(&format!(
            "note: synced pack 'wikidata': data as of 2026-11-28, 3 days old ({})\n",
            pack.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "note: synced pack 'wikidata' replaces names-japan.Titles, names-world.Titles: turned off\n"
        ),
        "{stderr}"
    );
    // Without the synced pack, the shipped titles check the story.
    let (rules, _) = rules_found(cache.path(), work.path(), &["--no-synced"]);
    assert_eq!(rules, ["names-japan.Titles"]);
    let (rules, _) = rules_found(cache.path(), work.path(), &["--no-config"]);
    assert_eq!(rules, ["names-japan.Titles"]);
    fs::write(work.path().join("wirecheck.yaml"), "synced: false\n").unwrap();
    let (rules, _) = rules_found(cache.path(), work.path(), &[]);
    assert_eq!(rules, ["names-japan.Titles"]);
    // A synced rule's origin is its file.
    fs::remove_file(work.path().join("wirecheck.yaml")).unwrap();
    let listing = wirecheck(cache.path())
        .current_dir(work.path())
        .args(["rules", "explain", "wikidata.Titles"])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    let titles = pack.join("Titles.yml").display().to_string();
    assert!(listing.contains(&titles), "{listing}");
}
