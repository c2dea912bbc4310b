//! News formats in, same findings out: the real story as NITF, ninjs 1.x and ninjs 2.x gives the
//! findings of its plain text version, each pointing at the right bytes of the XML or JSON file;
//! malformed files are one-line errors that do not stop the run; `diff` reads NITF.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use wirecheck_core::Config;
use wirecheck_core::Context;
use wirecheck_core::{DateSource, PublicationDate};
use wirecheck_core::{Document, InputFormat};

const TEXT: &str = "fixtures/stories/sadanews-tokyo-washington-defense.txt";
const NITF: &str = "fixtures/formats/sadanews-tokyo-washington-defense.xml";
const NINJS1: &str = "fixtures/formats/sadanews-tokyo-washington-defense.ninjs";
const NINJS2: &str = "fixtures/formats/sadanews-tokyo-washington-defense.ninjs2.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Document {
    let path = root().join(path);
    let source = fs::read_to_string(&path).expect("fixture is UTF-8");
    let format = InputFormat::detect(&path, &source);
    Document::read(source, format).expect("fixture parses")
}

/// The text a span of the file stands for: JSON escapes and XML/HTML entities decoded.
fn decoded(raw: &str) -> String {
    let mut text = raw.to_owned();
    if text.contains('\\') {
        text = serde_json::from_str(&format!("\"{text}\"")).expect("whole JSON escapes");
    }
    text.replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Rule, message (line numbers masked: they are the file's own) and matched text of each finding.
fn findings(doc: &Document) -> Vec<(String, String, String)> {
    let rules = Config::default().rule_set(&[]).expect("shipped packs");
    let line_number = regex::Regex::new(r"line \d+").unwrap();
    rules
        .check(doc, &Context::default())
        .into_iter()
        .map(|f| {
            let message = line_number.replace_all(&f.message, "line N").into_owned();
            (f.rule, message, decoded(f.span.slice(doc.original())))
        })
        .collect()
}

#[test]
fn every_format_gives_the_findings_of_the_text_version() {
    let expected = findings(&read(TEXT));
    assert_eq!(expected.len(), 5, "{expected:#?}");
    for path in [NITF, NINJS1, NINJS2] {
        let doc = read(path);
        assert!(doc.is_extracted(), "{path}");
        assert_eq!(findings(&doc), expected, "{path}");
    }
}

#[test]
fn structured_documents_have_the_text_layout() {
    let text = read(TEXT);
    for path in [NITF, NINJS1, NINJS2] {
        let doc = read(path);
        assert_eq!(
            doc.headline.map(|h| doc.slice(h)),
            text.headline.map(|h| text.slice(h)),
            "{path}"
        );
        assert_eq!(doc.front.len(), text.front.len(), "{path}");
        assert_eq!(doc.paragraphs.len(), text.paragraphs.len(), "{path}");
        assert_eq!(doc.sentences.len(), text.sentences.len(), "{path}");
        assert_eq!(doc.words.len(), text.words.len(), "{path}");
        for (&mine, &theirs) in doc.paragraphs.iter().zip(&text.paragraphs) {
            assert_eq!(doc.slice(mine), text.slice(theirs), "{path}");
            // Every paragraph maps to its own bytes in the file.
            let original = doc.to_original(mine).slice(doc.original());
            assert_eq!(decoded(original), text.slice(theirs), "{path}");
        }
    }
}

#[test]
fn the_file_gives_the_publication_date() {
    for path in [NITF, NINJS1, NINJS2] {
        let doc = read(path);
        let chosen = PublicationDate::choose(None, &doc, None, None, None).expect("a date");
        assert_eq!(chosen.date.to_string(), "2026-01-16", "{path}");
        assert_eq!(chosen.source, DateSource::Metadata, "{path}");
        assert_eq!(chosen.offset.map(|o| o.seconds()), Some(9 * 3600), "{path}");
    }
}

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

fn line_output(path: &str) -> String {
    let out = cmd()
        .args(["check", "--no-config", "--format", "line", path])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{path}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn line_output_of_nitf() {
    insta::assert_snapshot!("nitf_line", line_output(NITF));
}

#[test]
fn line_output_of_ninjs_1() {
    insta::assert_snapshot!("ninjs1_line", line_output(NINJS1));
}

#[test]
fn line_output_of_ninjs_2() {
    insta::assert_snapshot!("ninjs2_line", line_output(NINJS2));
}

#[test]
fn input_format_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story.dat");
    fs::copy(root().join(NITF), &story).unwrap();
    // Sniffed as NITF from its content.
    let sniffed = cmd()
        .args(["check", "--no-config", "--format", "line"])
        .arg(&story)
        .output()
        .unwrap();
    let sniffed = String::from_utf8(sniffed.stdout).unwrap();
    assert!(sniffed.contains(":22:110:names-japan.Names:"), "{sniffed}");
    // Forced with --input-format: the same findings.
    let forced = cmd()
        .args([
            "check",
            "--no-config",
            "--format",
            "line",
            "--input-format",
            "nitf",
        ])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(forced.stdout).unwrap(), sniffed);
}

#[test]
fn malformed_files_are_one_line_errors_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.xml"),
        "<nitf>\n<body><body.content>\n<p>Text</b>\n</body.content></body></nitf>\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("bad.ninjs"),
        "{\n  \"headline\": \"Head\",\n  \"body_text\": \"Text\n}\n",
    )
    .unwrap();
    fs::copy(root().join(TEXT), dir.path().join("good.txt")).unwrap();
    let out = cmd()
        .args(["check", "--no-config", "--format", "line"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("good.txt:10:101:names-japan.Names:"),
        "{stdout}"
    );
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    let xml = errors
        .iter()
        .find(|l| l.contains("bad.xml"))
        .expect("XML error");
    assert!(xml.contains("bad.xml:3:8: invalid NITF: "), "{xml}");
    let json = errors
        .iter()
        .find(|l| l.contains("bad.ninjs"))
        .expect("JSON error");
    assert!(json.contains("bad.ninjs:3:"), "{json}");
    assert!(json.contains(": invalid ninjs: "), "{json}");
}

#[test]
fn folders_take_xml_and_json_only_when_they_are_news() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join(NITF), dir.path().join("story.xml")).unwrap();
    fs::copy(root().join(NINJS2), dir.path().join("story.json")).unwrap();
    fs::write(dir.path().join("feed.xml"), "<rss><channel/></rss>\n").unwrap();
    fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}\n").unwrap();
    let out = cmd()
        .args(["check", "--no-config", "--format", "line"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("story.xml:"), "{stdout}");
    assert!(stdout.contains("story.json:"), "{stdout}");
    assert!(!stdout.contains("feed.xml") && !stdout.contains("package.json"));
}

#[test]
fn diff_of_two_nitf_files() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.xml");
    let source = fs::read_to_string(root().join(NITF)).unwrap();
    fs::write(&new, source.replace("Takaiichi", "Takaichi")).unwrap();
    let out = cmd()
        .args(["diff", "--format", "word", NITF])
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("[-Takaiichi-]{+Takaichi+}"), "{stdout}");
    assert!(!stdout.contains("<p>"), "markup is not compared: {stdout}");
    let same = cmd().args(["diff", NITF, NITF]).output().unwrap();
    assert_eq!(same.status.code(), Some(0));
}
