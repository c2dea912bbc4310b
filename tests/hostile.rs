//! Hostile and large inputs: work stays bounded (TER of megabyte lines, the HTML diff of a
//! megabyte story, reports of many findings, huge names lists, rule regexes that repeat too
//! much) and nothing from a story is injected into a terminal or past the end of a page. The
//! time and memory figures themselves are measured by `benches/bounds.sh`.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use wirecheck_core::report::{self, FileReport, Format};
use wirecheck_core::{Finding, Severity};
use wirecheck_score::ter;
use wirecheck_score::ter_normalize::TerConfig;
use wirecheck_text::span::Span;

/// A deterministic stream of words from a vocabulary of 2,000, like running text.
fn words(count: usize, seed: u64) -> Vec<String> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            format!("w{}", (state >> 33) % 2000)
        })
        .collect()
}

/// Paragraphs of about `bytes` bytes in all, a headline first.
fn story(bytes: usize, seed: u64) -> String {
    let mut text = String::from("Talks Resume After Two Months\n\n");
    let mut paragraph = 0u64;
    while text.len() < bytes {
        text.push_str(&words(60, seed + paragraph).join(" "));
        text.push_str(".\n\n");
        paragraph += 1;
    }
    text
}

// ------------------------------------------------------------------------------------- TER

/// Two lines of 150,000 words. The old full matrix would need 90 GB: more than any machine
/// here has, so it failed to allocate and aborted.
#[test]
fn ter_of_megabyte_lines_is_computed() {
    let reference = words(150_000, 7);
    let mut hypothesis = reference.clone();
    // An isolated substitution every 1,000 words, by a word found nowhere else: no shift can
    // help, so the edits are exactly these.
    for (n, word) in hypothesis.iter_mut().step_by(1000).enumerate() {
        *word = format!("novel{n}");
    }
    let stats = ter::segment_stats(
        &TerConfig::default(),
        &hypothesis.join(" "),
        &[&reference.join(" ")],
    )
    .expect("scored");
    assert_eq!((stats.num_edits, stats.ref_length), (150, 150_000.0));
}

// ------------------------------------------------------------------------------------ diff

/// The value shown for score `name` in an HTML diff.
fn html_score(html: &str, name: &str) -> Option<f64> {
    html.split(&format!("<tr><th scope=\"row\">{name}</th><td>"))
        .nth(1)?
        .split('<')
        .next()?
        .parse()
        .ok()
}

/// The old HTML summary scored the whole story as one segment: a megabyte story took a 90 GB
/// TER matrix and aborted.
#[test]
fn html_diff_of_a_megabyte_story_scores_aligned_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let old = story(1_000_000, 1);
    let (headline, body) = old.split_once("\n\n").unwrap();
    // Paragraphs swapped far apart: each aligned pair is identical, so scores over aligned
    // paragraphs are perfect, while one story-long segment would not be (TER shifts at most 10
    // words by at most 50).
    let mut paragraphs: Vec<&str> = body.split_terminator("\n\n").collect();
    assert!(paragraphs.len() > 3000);
    for (a, b) in [(10, 500), (1000, 1500), (2000, 2900)] {
        paragraphs.swap(a, b);
    }
    let new = format!("{headline}\n\n{}\n\n", paragraphs.join("\n\n"));
    fs::write(dir.path().join("old.txt"), &old).unwrap();
    fs::write(dir.path().join("new.txt"), &new).unwrap();
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(dir.path())
        .args(["diff", "--format", "html", "old.txt", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.ends_with("</html>\n"));
    assert_eq!(html_score(&html, "TER"), Some(0.0));
    assert_eq!(html_score(&html, "BLEU"), Some(100.0));
}

#[test]
fn html_diff_check_puts_the_findings_inside_the_page() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("old.txt"),
        "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("new.txt"),
        "Talks Resume\n\nTOKYO (AP) — The talks resumed on Friday  in Tokyo.\n",
    )
    .unwrap();
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(dir.path())
        .args(["diff", "--check", "--no-config", "--format", "html"])
        .args(["old.txt", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.ends_with("</body>\n</html>\n"), "{html}");
    let body = &html[..html.find("</body>").unwrap()];
    assert!(body.contains("<h2>Findings introduced (1)</h2>"), "{html}");
    assert!(body.contains("new.txt:3:") && body.contains("wire.DoubleSpace"));
    assert!(body.contains("<h2>Findings resolved (1)</h2>") && body.contains("wire.DoubledWord"));
}

#[test]
fn diff_of_identical_files_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), story(2_000, 3)).unwrap();
    for format in ["inline", "word", "unified"] {
        let output = cargo_bin_cmd!("wirecheck")
            .current_dir(dir.path())
            .args([
                "diff", "--color", "always", "--format", format, "a.txt", "a.txt",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert!(output.stdout.is_empty(), "{format}: {output:?}");
    }
    let output = cargo_bin_cmd!("wirecheck")
        .current_dir(dir.path())
        .args(["diff", "--format", "html", "a.txt", "a.txt"])
        .output()
        .unwrap();
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains("The two versions are identical."));
    assert!(!html.contains("class=\"diff\""), "no side-by-side table");
}

// ---------------------------------------------------------------------------------- writers

/// Counts the writes that reach it: each is a system call on standard output.
#[derive(Default)]
struct CountingWriter {
    writes: usize,
    bytes: usize,
}

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writes += 1;
        self.bytes += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn every_report_format_is_written_in_a_few_large_writes() {
    let source = "Headline\n\n".to_owned() + &"flagged word ".repeat(2000) + "\n";
    let findings = (0..2000)
        .map(|i| Finding {
            rule: "house.Flagged".into(),
            severity: Severity::Warning,
            message: "'flagged' is flagged.".into(),
            span: Span::new(10 + 13 * i, 17 + 13 * i),
            suggestions: Vec::new(),
            link: None,
            reference: None,
            safe_fix: false,
        })
        .collect();
    let reports = [FileReport {
        path: "story.txt".into(),
        source,
        findings,
        reference: None,
        encoding: wirecheck_core::TextEncoding::Utf8,
    }];
    for format in Format::ALL {
        let mut out = CountingWriter::default();
        report::write(format, &reports, &[], &[], &mut out, false).unwrap();
        let at_most = out.bytes / (32 << 10) + 2;
        assert!(
            out.writes <= at_most,
            "{format:?}: {} writes for {} bytes",
            out.writes,
            out.bytes
        );
    }
}

// ------------------------------------------------------------------------------- injection

/// A rule that quotes what it finds, and a story with terminal controls in a flagged word.
fn hostile_story(dir: &Path) {
    fs::write(
        dir.join("Quote.yml"),
        "extends: existence\nmessage: \"found %s\"\nlevel: warning\nnonword: true\n\
         tokens: ['flagged\\S*']\n",
    )
    .unwrap();
    fs::write(
        dir.join("story.txt"),
        "Headline\n\nThe flagged\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}word here.\n",
    )
    .unwrap();
}

/// True when `output` holds none of the story's control characters.
fn no_controls(output: &str) -> bool {
    !output.contains(['\u{7}', '\u{9b}', '\u{202e}'])
        && !output.contains("\u{1b}]")
        && !output.contains("\u{1b}[2J")
}

#[test]
fn text_reports_show_control_characters_visibly_whether_coloured_or_not() {
    let dir = tempfile::tempdir().unwrap();
    hostile_story(dir.path());
    for format in ["line", "github", "human"] {
        for colour in ["always", "never"] {
            let output = cargo_bin_cmd!("wirecheck")
                .current_dir(dir.path())
                .args([
                    "check",
                    "--no-config",
                    "--rules",
                    "Quote.yml",
                    "--color",
                    colour,
                ])
                .args(["--format", format, "story.txt"])
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(
                text.contains("flagged␛]0;pwned␇␛[2J�31m�word"),
                "{format} {colour}: {text:?}"
            );
            assert!(no_controls(&text), "{format} {colour}: {text:?}");
        }
    }
}

#[test]
fn messages_about_files_show_control_characters_visibly() {
    let dir = tempfile::tempdir().unwrap();
    // A file that does not exist (an error) and one with no story (a warning in a walk, an error
    // when named), each named with a terminal escape.
    fs::create_dir(dir.path().join("desk")).unwrap();
    fs::write(dir.path().join("desk/\u{1b}[2Jempty.txt"), "").unwrap();
    for args in [
        vec!["check", "--no-config", "\u{1b}]0;pwned\u{7}.txt"],
        vec!["check", "--no-config", "desk"],
        vec!["check", "--no-config", "desk/\u{1b}[2Jempty.txt"],
    ] {
        let output = cargo_bin_cmd!("wirecheck")
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        // The human report lists read errors with its findings; the rest go to standard error.
        let text = String::from_utf8([output.stdout, output.stderr].concat()).unwrap();
        assert!(text.contains('␛'), "{args:?}: {text:?}");
        assert!(no_controls(&text), "{args:?}: {text:?}");
    }
}

#[test]
fn diff_shows_control_characters_visibly() {
    let dir = tempfile::tempdir().unwrap();
    hostile_story(dir.path());
    fs::write(
        dir.path().join("old.txt"),
        "Headline\n\nThe plain word here.\n",
    )
    .unwrap();
    for args in [
        &["--format", "inline", "--color", "always"][..],
        &["--format", "word"],
        &["--format", "unified", "--color", "always"],
        &[
            "--format",
            "word",
            "--check",
            "--no-config",
            "--rules",
            "Quote.yml",
        ],
    ] {
        let output = cargo_bin_cmd!("wirecheck")
            .current_dir(dir.path())
            .arg("diff")
            .args(args)
            .args(["old.txt", "story.txt"])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("␛]0;pwned␇"), "{args:?}: {text:?}");
        assert!(no_controls(&text), "{args:?}: {text:?}");
    }
}

// ------------------------------------------------------------------------------------ rules

fn check_with_rule(dir: &Path, yaml: &str) -> std::process::Output {
    fs::write(dir.join("Heavy.yml"), yaml).unwrap();
    fs::write(dir.join("story.txt"), "Headline\n\nShort text.\n").unwrap();
    cargo_bin_cmd!("wirecheck")
        .current_dir(dir)
        .args(["check", "--no-config", "--rules", "Heavy.yml", "story.txt"])
        .output()
        .unwrap()
}

#[test]
fn a_regex_that_repeats_too_much_is_an_error_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let output = check_with_rule(
        dir.path(),
        "extends: existence\nmessage: x\nlevel: warning\nnonword: true\n\
         tokens: ['(?:a{1000}){1000}']\n",
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("Heavy.yml: rule")
            && stderr.contains("Heavy")
            && stderr.contains("1000000 copies")
            && stderr.contains("1000 allowed"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

#[test]
fn a_regex_too_large_to_compile_is_an_error_naming_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    // 40,000 case-insensitive words compile to about 30 MiB.
    let list: Vec<String> = words(40_000, 11)
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{w}x{i}"))
        .collect();
    let output = check_with_rule(
        dir.path(),
        &format!(
            "extends: existence\nmessage: x\nlevel: warning\nignorecase: true\ntokens: [{}]\n",
            list.join(", ")
        ),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("Heavy.yml: rule") && stderr.contains("more than the 8 MiB allowed"),
        "{stderr}"
    );
}
