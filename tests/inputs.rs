//! `wirecheck check` on hostile and real input, as users see it in every output format: paths
//! that are missing, unreadable, not regular files or named twice; files with no story, broken
//! front matter or a date that is not one; byte-order marks, UTF-16 and UTF-32; `ignore:` globs
//! and `--force-exclude`; and what `-v` says of the setup.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const STORY: &str = "fixtures/stories/sadanews-tokyo-washington-defense.txt";
const MARKDOWN: &str = "fixtures/stories/dateline-metadata-date.md";
const NITF: &str = "fixtures/formats/sadanews-tokyo-washington-defense.xml";
const NINJS: &str = "fixtures/formats/sadanews-tokyo-washington-defense.ninjs";

const FORMATS: &[&str] = &[
    "human",
    "json",
    "jsonl",
    "line",
    "sarif",
    "junit",
    "github",
    "rdjson",
    "rdjsonl",
    "vale-json",
];

/// A story with safe fixes (a doubled word, a double space) and a finding that is not one.
const FAULTY: &str = "Talks Resume\n\nTOKYO (AP) — The the talks resumed  on Friday, officials said.\n\nJapanese Prime Minister Sanae Takaiichi spoke.\n";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

/// Exit code, standard output and standard error of a run.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

fn check(args: &[&str]) -> Run {
    run(cmd().args(["check", "--no-config"]).args(args))
}

fn check_in(dir: &Path, args: &[&str]) -> Run {
    run(cmd()
        .current_dir(dir)
        .args(["check", "--no-config"])
        .args(args))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn fixture(path: &str) -> Vec<u8> {
    fs::read(root().join(path)).unwrap()
}

/// Asserts that the run reported `path` as a file it could not check, in `format`'s own channel,
/// with a message containing `message`.
fn assert_reported(format: &str, run: &Run, path: &str, message: &str) {
    assert_eq!(run.code, Some(2), "{format}: {}{}", run.stdout, run.stderr);
    let context = format!("{format}:\n{}\n{}", run.stdout, run.stderr);
    match format {
        "human" => assert!(
            run.stdout.contains(&format!("error: {message}")),
            "{context}"
        ),
        "json" => {
            let errors = &json(&run.stdout)["errors"];
            assert!(
                errors
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["path"] == path && e["message"].as_str().unwrap().contains(message)),
                "{context}"
            );
        }
        "sarif" => {
            let invocation = &json(&run.stdout)["runs"][0]["invocations"][0];
            assert_eq!(invocation["executionSuccessful"], false, "{context}");
            let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
            assert!(
                notes.iter().any(|n| {
                    let uri = &n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
                    uri.as_str()
                        .unwrap()
                        .ends_with(path.trim_start_matches("./"))
                        && n["message"]["text"].as_str().unwrap().contains(message)
                }),
                "{context}"
            );
        }
        "junit" => {
            let doc = roxmltree::Document::parse(&run.stdout).unwrap();
            let case = doc
                .descendants()
                .find(|n| n.has_tag_name("testcase") && n.attribute("name") == Some(path))
                .unwrap_or_else(|| panic!("{context}"));
            let error = case.children().find(|n| n.has_tag_name("error"));
            assert!(
                error.is_some_and(|e| e.attribute("message").unwrap().contains(message)),
                "{context}"
            );
        }
        "github" => assert!(
            run.stdout
                .lines()
                .any(|l| l.starts_with("::error file=") && l.contains(message)),
            "{context}"
        ),
        _ => assert!(
            run.stderr.contains(&format!("error: {message}")),
            "{context}"
        ),
    }
}

#[test]
fn a_missing_path_among_good_ones_is_reported_and_the_rest_checked_in_every_format() {
    for format in FORMATS {
        for paths in [[STORY, "nosuch.txt"], ["nosuch.txt", STORY]] {
            let run = check(&["--format", format, paths[0], paths[1]]);
            assert!(
                run.stdout.contains("wire.RepeatedHeadline"),
                "{format}: the good story is checked: {}",
                run.stdout
            );
            assert_reported(
                format,
                &run,
                "nosuch.txt",
                "nosuch.txt: No such file or directory",
            );
        }
    }
    for extra in [&["--fix", "--diff"][..], &["--write-baseline", "base.json"]] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), FAULTY).unwrap();
        let run = check_in(dir.path(), &[&["a.txt", "nosuch.txt"], extra].concat());
        assert_eq!(run.code, Some(2), "{extra:?}: {}", run.stderr);
        assert!(run.stderr.contains("error: nosuch.txt: No such file"));
    }
}

#[test]
fn pipes_devices_and_symbolic_links_are_read() {
    let expected = check(&["--format", "line", STORY]).stdout;
    let lines = |run: &Run, name: &str| run.stdout.replace(name, STORY);
    let dir = tempfile::tempdir().unwrap();
    // A named pipe, written by another process as the check reads it.
    let fifo = dir.path().join("story.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, fixture(STORY)).unwrap())
    };
    let run = check(&["--format", "line", fifo.to_str().unwrap()]);
    // A check that never opened the pipe leaves the writer waiting for a reader: be one.
    let waited = std::time::Instant::now();
    while !writer.is_finished() && waited.elapsed() < std::time::Duration::from_secs(2) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if !writer.is_finished() {
        let _ = fs::read(&fifo);
    }
    writer.join().unwrap();
    assert_eq!(
        lines(&run, fifo.to_str().unwrap()),
        expected,
        "{}",
        run.stderr
    );
    assert_eq!(run.code, Some(1));
    // Standard input by its device name, fed by a pipe.
    let run = run_stdin(&["--format", "line", "/dev/stdin"], &fixture(STORY));
    assert_eq!(lines(&run, "/dev/stdin"), expected, "{}", run.stderr);
    // Process substitution, as a shell passes it: /dev/fd/N.
    let binary = assert_cmd::cargo::cargo_bin("wirecheck");
    let script = format!(
        "'{}' check --no-config --format line <(cat '{STORY}')",
        binary.display()
    );
    let run = bash(&script);
    assert!(
        run.stdout.contains("wire.RepeatedHeadline"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, Some(1));
    // A symbolic link to a file and one to a folder.
    fs::create_dir(dir.path().join("real")).unwrap();
    fs::write(dir.path().join("real/a.txt"), fixture(STORY)).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real/a.txt"), dir.path().join("link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("folder")).unwrap();
    let run = check_in(dir.path(), &["--format", "line", "link.txt"]);
    assert_eq!(lines(&run, "link.txt"), expected);
    let run = check_in(dir.path(), &["--format", "line", "folder"]);
    assert_eq!(lines(&run, "folder/a.txt"), expected);
}

fn run_stdin(args: &[&str], input: &[u8]) -> Run {
    run(cmd()
        .args(["check", "--no-config"])
        .args(args)
        .write_stdin(input.to_vec()))
}

/// Runs a bash script in the project's folder.
fn bash(script: &str) -> Run {
    run(Command::new("bash")
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(["-c", script]))
}

#[test]
fn a_pipe_cannot_be_fixed_in_place() {
    let run = bash(&format!(
        "printf '{}' | '{}' check --no-config --fix /dev/stdin",
        FAULTY.replace('\n', "\\n"),
        assert_cmd::cargo::cargo_bin("wirecheck").display()
    ));
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("/dev/stdin: cannot --fix what is not a regular file"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_that_cannot_be_walked_is_an_error_and_the_rest_is_checked() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::write(dir.path().join("good.txt"), fixture(STORY)).unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("hidden.txt"), fixture(STORY)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let as_root = fs::metadata(dir.path()).unwrap().uid() == 0;
    for format in FORMATS {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("wirecheck"));
        command.current_dir(dir.path()).env("NO_COLOR", "1").args([
            "check",
            "--no-config",
            "--format",
            format,
            ".",
        ]);
        if as_root {
            // Root reads any folder; the check runs as nobody.
            std::os::unix::process::CommandExt::uid(&mut command, 65534);
        }
        let run = run(&mut Command::from_std(command));
        assert!(
            run.stdout.contains("wire.RepeatedHeadline"),
            "{format}: {}{}",
            run.stdout,
            run.stderr
        );
        assert_reported(format, &run, "./locked", "./locked: Permission denied");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_ignore_file_that_cannot_be_parsed_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), fixture(STORY)).unwrap();
    fs::write(dir.path().join(".gitignore"), "drafts/{a\n").unwrap();
    let run = check_in(dir.path(), &["--format", "json", "."]);
    assert_reported(
        "json",
        &run,
        "./.gitignore",
        "./.gitignore: line 1: error parsing glob 'drafts/{a'",
    );
    assert!(run.stdout.contains("wire.RepeatedHeadline"));
}

#[test]
fn files_named_with_no_story_are_errors_and_folders_without_stories_warnings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("blank.md"), "\n  \n\t\n").unwrap();
    fs::write(dir.path().join("only-front.md"), "---\nauthor: x\n---\n\n").unwrap();
    for format in FORMATS {
        for (name, why) in [
            ("empty.txt", "the file is empty"),
            ("blank.md", "the file is empty"),
            ("only-front.md", "no headline or paragraph"),
        ] {
            let run = check_in(dir.path(), &["--format", format, name]);
            assert_reported(format, &run, name, &format!("{name}: no story ({why})"));
        }
    }
    let run = run_stdin(&["--format", "json", "-"], b"");
    assert_reported(
        "json",
        &run,
        "<stdin>",
        "<stdin>: no story (the file is empty)",
    );
    // A folder: a file in it with no story, and a folder with no story file at all.
    fs::create_dir(dir.path().join("none")).unwrap();
    fs::write(dir.path().join("none/notes.csv"), "a,b\n").unwrap();
    let run = check_in(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: ./empty.txt: no story (the file is empty)")
    );
    let run = check_in(dir.path(), &["--format", "json", "none"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: none: no stories found"),
        "{}",
        run.stderr
    );
    assert_eq!(json(&run.stdout)["summary"]["files"], 0);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("wire")).unwrap();
    fs::write(dir.path().join("wire/a.txt"), fixture(STORY)).unwrap();
    let once = json(&check_in(dir.path(), &["--format", "json", "wire/a.txt"]).stdout);
    for paths in [
        &["wire/a.txt", "wire/a.txt"][..],
        &["wire/a.txt", "./wire/a.txt", "wire/../wire/a.txt"],
        &["wire", "wire/a.txt"],
        &["wire/a.txt", "wire", "./wire/"],
    ] {
        let run = check_in(dir.path(), &[&["--format", "json"], paths].concat());
        let report = json(&run.stdout);
        assert_eq!(report["summary"]["files"], 1, "{paths:?}");
        assert_eq!(report["summary"]["findings"], once["summary"]["findings"]);
        assert_eq!(report["findings"][0]["path"], "wire/a.txt", "{paths:?}");
    }
    let run = run_stdin(&["--format", "json", "-", "-"], &fixture(STORY));
    assert_eq!(json(&run.stdout)["summary"]["files"], 1, "{}", run.stderr);
}

#[test]
fn broken_front_matter_and_dates_that_are_not_dates_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "---\ntitle: Talks\ndate: [2026-01-16\n---\nTalks\n\nBody text.\n",
            "story.md:4:1: invalid Markdown: front matter: did not find expected ',' or ']', while parsing a flow sequence at line 3 column 7",
        ),
        (
            "---\ntitle: Talks\nBody text.\n",
            "story.md:1:1: invalid Markdown: front matter is never closed",
        ),
        (
            "---\n- Talks\n---\nTalks\n\nBody text.\n",
            "story.md:2:1: invalid Markdown: front matter is not a mapping",
        ),
        (
            "---\ntitle: Talks\ndate:\n---\nTalks\n\nBody text.\n",
            "story.md:3:6: invalid Markdown: front matter: date: is not a date",
        ),
        (
            "---\ntitle: Talks\ndate: next Friday\n---\nTalks\n\nBody text.\n",
            "story.md:3:7: front matter date: invalid date 'next Friday'",
        ),
        (
            "---\ntitle: Talks\ndate: 2026-02-30\n---\nTalks\n\nBody text.\n",
            "story.md:3:7: front matter date: invalid date '2026-02-30'",
        ),
    ];
    for (text, message) in cases {
        fs::write(dir.path().join("story.md"), text).unwrap();
        for format in FORMATS {
            let run = check_in(dir.path(), &["--format", format, "story.md"]);
            assert_reported(format, &run, "story.md", message);
        }
    }
    let nitf = String::from_utf8(fixture(NITF)).unwrap();
    let nitf = nitf.replace("20260116T090000+0900", "soon");
    fs::write(dir.path().join("story.xml"), nitf).unwrap();
    let run = check_in(dir.path(), &["--format", "json", "story.xml"]);
    assert_reported(
        "json",
        &run,
        "story.xml",
        "story.xml: the story's metadata date: invalid date 'soon'",
    );
    let ninjs = String::from_utf8(fixture(NINJS)).unwrap();
    let ninjs = ninjs.replace("2026-01-16T09:00:00+09:00", "2026-13-16");
    fs::write(dir.path().join("story.ninjs"), ninjs).unwrap();
    let run = check_in(dir.path(), &["--format", "json", "story.ninjs"]);
    assert_reported(
        "json",
        &run,
        "story.ninjs",
        "story.ninjs: the story's metadata date: invalid date '2026-13-16'",
    );
}

/// The report of `name` in every format, once as stored in `dir_a` and once in `dir_b`: equal,
/// but for the JSON spans, which are offsets of each file's own bytes; those must slice the file
/// to the finding's text.
fn assert_same_reports(dir_a: &Path, dir_b: &Path, name: &str, formats: &[&str]) {
    for format in formats {
        let args = ["--format", format, name];
        let (a, b) = (check_in(dir_a, &args), check_in(dir_b, &args));
        assert_eq!((a.code, &a.stderr), (b.code, &b.stderr), "{format} {name}");
        if !matches!(*format, "json" | "jsonl") {
            assert_eq!(a.stdout, b.stdout, "{format} {name}");
            continue;
        }
        let findings = |run: &Run| -> Vec<Value> {
            if *format == "json" {
                json(&run.stdout)["findings"].as_array().unwrap().clone()
            } else {
                run.stdout.lines().map(json).collect()
            }
        };
        let (found_a, found_b) = (findings(&a), findings(&b));
        assert!(!found_a.is_empty(), "{name}");
        assert_eq!(found_a.len(), found_b.len(), "{format} {name}");
        let bytes_b = fs::read(dir_b.join(name)).unwrap();
        for (mut fa, mut fb) in found_a.into_iter().zip(found_b) {
            let span = &fb["span"];
            let (start, end) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            let stored = decode_like(&bytes_b, &bytes_b[start..end]);
            // A structured file's match is its text unescaped; its span is the file's markup.
            if !name.ends_with(".xml") {
                assert_eq!(stored, fb["match"].as_str().unwrap(), "{format} {name}");
            }
            for f in [&mut fa, &mut fb] {
                f.as_object_mut().unwrap().remove("span");
                for s in f["suggestions"].as_array_mut().unwrap() {
                    s.as_object_mut().unwrap().remove("span");
                }
            }
            assert_eq!(fa, fb, "{format} {name}");
        }
    }
}

/// Decodes `part` of a file in the encoding the file's byte-order mark names.
fn decode_like(file: &[u8], part: &[u8]) -> String {
    let units = |pair: &[u8]| -> u16 {
        if file.starts_with(&[0xFF, 0xFE]) {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    };
    if file.starts_with(&[0xFF, 0xFE, 0, 0]) || file.starts_with(&[0, 0, 0xFE, 0xFF]) {
        let le = file[0] == 0xFF;
        part.chunks(4)
            .map(|u| {
                let u = [u[0], u[1], u[2], u[3]];
                let v = if le {
                    u32::from_le_bytes(u)
                } else {
                    u32::from_be_bytes(u)
                };
                char::from_u32(v).unwrap()
            })
            .collect()
    } else if file.starts_with(&[0xFF, 0xFE]) || file.starts_with(&[0xFE, 0xFF]) {
        char::decode_utf16(part.chunks(2).map(units))
            .map(Result::unwrap)
            .collect()
    } else {
        String::from_utf8(part.to_vec()).unwrap()
    }
}

#[test]
fn a_byte_order_mark_changes_no_finding_in_any_format() {
    let (plain, marked) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (fixture_path, name) in [
        (STORY, "story.txt"),
        (MARKDOWN, "story.md"),
        (NITF, "story.xml"),
        (NINJS, "story.ninjs"),
    ] {
        let bytes = fixture(fixture_path);
        fs::write(plain.path().join(name), &bytes).unwrap();
        fs::write(
            marked.path().join(name),
            [&b"\xEF\xBB\xBF"[..], &bytes].concat(),
        )
        .unwrap();
        assert_same_reports(plain.path(), marked.path(), name, FORMATS);
    }
    // Standard input too.
    let bytes = fixture(MARKDOWN);
    let args = ["--format", "line", "--stdin-filename", "story.md", "-"];
    let a = run_stdin(&args, &bytes);
    let b = run_stdin(&args, &[&b"\xEF\xBB\xBF"[..], &bytes].concat());
    assert_eq!(a.stdout, b.stdout);
    assert!(a.stdout.contains("wire.Dateline"), "{}", a.stdout);
}

/// `text` in UTF-16 or UTF-32, little- or big-endian, after its byte-order mark.
fn encode(text: &str, encoding: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    match encoding {
        "utf-16le" => {
            bytes.extend([0xFF, 0xFE]);
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        }
        "utf-16be" => {
            bytes.extend([0xFE, 0xFF]);
            bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        }
        "utf-32le" => {
            bytes.extend([0xFF, 0xFE, 0, 0]);
            bytes.extend(text.chars().flat_map(|c| (c as u32).to_le_bytes()));
        }
        "utf-32be" => {
            bytes.extend([0, 0, 0xFE, 0xFF]);
            bytes.extend(text.chars().flat_map(|c| (c as u32).to_be_bytes()));
        }
        "utf-8-bom" => {
            bytes.extend(b"\xEF\xBB\xBF");
            bytes.extend(text.as_bytes());
        }
        _ => unreachable!("{encoding}"),
    }
    bytes
}

const ENCODINGS: &[&str] = &["utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be"];

#[test]
fn utf16_and_utf32_files_are_checked_like_their_utf8() {
    let plain = tempfile::tempdir().unwrap();
    for (fixture_path, name) in [
        (STORY, "story.txt"),
        (MARKDOWN, "story.md"),
        (NITF, "story.xml"),
    ] {
        let text = String::from_utf8(fixture(fixture_path)).unwrap();
        fs::write(plain.path().join(name), &text).unwrap();
        for encoding in &ENCODINGS[1..] {
            let other = tempfile::tempdir().unwrap();
            fs::write(other.path().join(name), encode(&text, encoding)).unwrap();
            // Every format once; the byte spans of JSON in every encoding.
            let formats = if name == "story.txt" && *encoding == "utf-16le" {
                FORMATS
            } else {
                &["json", "line"]
            };
            assert_same_reports(plain.path(), other.path(), name, formats);
        }
    }
    // A folder's walk takes a UTF-16 NITF file by its content, too.
    let other = tempfile::tempdir().unwrap();
    let text = String::from_utf8(fixture(NITF)).unwrap();
    fs::write(other.path().join("story.xml"), encode(&text, "utf-16le")).unwrap();
    let run = check_in(other.path(), &["--format", "line", "."]);
    assert!(
        run.stdout.contains("wire.RepeatedHeadline"),
        "{}",
        run.stderr
    );
}

#[test]
fn fixes_are_written_back_in_the_files_own_encoding() {
    let plain = tempfile::tempdir().unwrap();
    fs::write(plain.path().join("story.txt"), FAULTY).unwrap();
    let fixed_plain = check_in(plain.path(), &["--fix", "story.txt"]);
    assert_eq!(fixed_plain.code, Some(1), "{}", fixed_plain.stderr);
    let fixed = fs::read_to_string(plain.path().join("story.txt")).unwrap();
    assert_ne!(fixed, FAULTY);
    for encoding in ENCODINGS {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        fs::write(&path, encode(FAULTY, encoding)).unwrap();
        let diff = check_in(dir.path(), &["--fix", "--diff", "story.txt"]);
        assert!(
            diff.stdout.contains("+TOKYO (AP) — The talks"),
            "{encoding}"
        );
        let run = check_in(dir.path(), &["--fix", "--format", "line", "story.txt"]);
        assert_eq!(run.code, Some(1), "{encoding}: {}", run.stderr);
        assert!(
            run.stderr.contains("fixed: story.txt: 2 fixes"),
            "{encoding}"
        );
        assert!(run.stdout.contains("names-japan.Names"), "{encoding}");
        assert_eq!(
            fs::read(&path).unwrap(),
            encode(&fixed, encoding),
            "{encoding}"
        );
    }
}

#[test]
fn utf16_without_a_mark_and_malformed_utf16_are_named_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(fixture(STORY)).unwrap();
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(dir.path().join("le.txt"), le).unwrap();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    fs::write(dir.path().join("be.txt"), be).unwrap();
    let mut broken = encode("Headline\n\nBody ", "utf-16le");
    broken.extend([0x00, 0xDC, b'x', 0]);
    fs::write(dir.path().join("broken.txt"), broken).unwrap();
    for format in FORMATS {
        let run = check_in(
            dir.path(),
            &["--format", format, "le.txt", "be.txt", "broken.txt"],
        );
        assert!(!run.stdout.contains("binary") && !run.stderr.contains("binary"));
        for (name, message) in [
            (
                "le.txt",
                "le.txt: UTF-16LE text without a byte-order mark; not checked",
            ),
            (
                "be.txt",
                "be.txt: UTF-16BE text without a byte-order mark; not checked",
            ),
            (
                "broken.txt",
                "broken.txt:3:6: invalid UTF-16LE (bytes 0x00 0xdc at offset 32)",
            ),
        ] {
            assert_reported(format, &run, name, message);
        }
    }
}

#[test]
fn config_ignores_are_relative_to_the_config_and_named_files_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path();
    for name in ["sub/archive/old.txt", "sub/new.txt", "archive/x.txt"] {
        fs::create_dir_all(base.join(name).parent().unwrap()).unwrap();
        fs::write(base.join(name), FAULTY).unwrap();
    }
    let config = |ignore: &str| fs::write(base.join("wirecheck.yaml"), ignore).unwrap();
    let checked = |cwd: &Path, args: &[&str]| -> Vec<String> {
        let run = run(cmd()
            .current_dir(cwd)
            .args(["check", "--format", "json"])
            .args(args));
        assert!(run.code != Some(2), "{}", run.stderr);
        let mut paths: Vec<String> = json(&run.stdout)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_owned())
            .collect();
        paths.dedup();
        paths
    };
    // A pattern naming a subfolder of the config's folder, whatever folder is walked.
    config("ignore: [\"sub/archive/**\"]\n");
    assert_eq!(checked(base, &["sub"]), ["sub/new.txt"]);
    assert_eq!(checked(base, &["."]), ["./archive/x.txt", "./sub/new.txt"]);
    assert_eq!(checked(&base.join("sub"), &["."]), ["./new.txt"]);
    assert_eq!(
        checked(&base.join("sub"), &[".."]),
        ["../archive/x.txt", "../sub/new.txt"]
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let config_path = base.join("wirecheck.yaml");
    let config_path = config_path.to_str().unwrap();
    let sub = base.join("sub");
    assert_eq!(
        checked(
            elsewhere.path(),
            &["--config", config_path, sub.to_str().unwrap()]
        ),
        [format!("{}/new.txt", sub.display())]
    );
    // An anchored pattern is anchored at the config's folder, not at the folder walked.
    config("ignore: [\"/archive/\"]\n");
    assert_eq!(
        checked(base, &["sub"]),
        ["sub/archive/old.txt", "sub/new.txt"]
    );
    assert_eq!(
        checked(base, &["."]),
        ["./sub/archive/old.txt", "./sub/new.txt"]
    );
    config("ignore: [\"sub/archive/**\", \"/archive/\"]\n");
    // A file named is checked, unless --force-exclude; so is one that --exclude names.
    assert_eq!(
        checked(base, &["sub/archive/old.txt", "archive/x.txt"]),
        ["sub/archive/old.txt", "archive/x.txt"]
    );
    assert_eq!(
        checked(base, &["--exclude", "*.txt", "sub/new.txt"]),
        ["sub/new.txt"]
    );
    let run = run(cmd()
        .current_dir(base)
        .args(["check", "--force-exclude", "--exclude", "new.txt"])
        .args(["sub/archive/old.txt", "archive/x.txt", "sub/new.txt"]));
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(
        run.stdout.contains("No findings in 0 files."),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("warning: no stories to check"),
        "{}",
        run.stderr
    );
}

#[test]
fn verbose_names_the_configuration_and_every_rule_folder() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  zzyzx: xyzzy\n";
    fs::create_dir_all(dir.path().join("house")).unwrap();
    fs::write(dir.path().join("house/Banned.yml"), rule).unwrap();
    fs::write(dir.path().join("extra.yml"), rule).unwrap();
    fs::write(dir.path().join("wirecheck.yaml"), "rules: [house]\n").unwrap();
    fs::write(dir.path().join("a.txt"), FAULTY).unwrap();
    let run =
        run(cmd()
            .current_dir(dir.path())
            .args(["check", "-v", "--rules", "extra.yml", "a.txt"]));
    let config = dir.path().join("wirecheck.yaml");
    for note in [
        format!("note: configuration: {}", config.display()),
        format!(
            "note: rules: {} (from the configuration)",
            dir.path().join("house").display()
        ),
        "note: rules: extra.yml (from --rules)".to_owned(),
        "note: shipped packs: ".to_owned(),
    ] {
        assert!(run.stderr.contains(&note), "{note}\n{}", run.stderr);
    }
    let run = check(&["-v", STORY]);
    assert!(
        run.stderr
            .contains("note: configuration: none (--no-config)")
    );
}
