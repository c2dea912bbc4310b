//! The library's runner driven directly, with no process: on text in memory, as an editor server
//! would, and on a folder, as the command line does. The shipped packs are the rules.

use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;

use wirecheck_core::Config;
use wirecheck_core::Context;
use wirecheck_core::FileSelection;
use wirecheck_core::UNUSED_SUPPRESSION;
use wirecheck_core::{FileOutcome, FixMode, RunOptions, Runner};
use wirecheck_core::{Finding, InputFormat};
use wirecheck_core::{NoStory, Notice, NoticeLevel, select_files};

/// A story with a doubled word (a safe fix) and a misspelt name (no safe fix).
const STORY: &str = "Talks Resume\n\nTOKYO (AP) — The the talks resumed on Friday.\n\nJapanese Prime Minister Sanae Takaiichi spoke.\n";

/// A Markdown story whose first doubled word is suppressed, with a second suppression that covers
/// nothing.
const SUPPRESSED: &str = "# Talks Resume\n\n<!-- wirecheck-disable-next-line wire.DoubledWord -->\nTOKYO (AP) — The the talks resumed on Friday.\n\nWe we left.\n\n<!-- wirecheck-disable names-japan -->\nNothing here.\n";

fn runner(options: RunOptions) -> Runner {
    let rules = Config::default()
        .rule_set(&[])
        .expect("the shipped packs compile");
    Runner::new(rules, Context::default(), options).expect("the options name no file")
}

fn findings(outcome: &FileOutcome) -> &[Finding] {
    match &outcome.result {
        Ok(report) => &report.findings,
        Err(error) => panic!("not checked: {}", error.message),
    }
}

/// What the run said of the file besides the notes for `--verbose`.
fn said(outcome: &FileOutcome) -> Vec<Notice> {
    let notices = outcome.notices.iter();
    notices
        .filter(|n| n.level() != NoticeLevel::Note)
        .cloned()
        .collect()
}

/// Each finding as `rule "match"`.
fn described(outcome: &FileOutcome) -> Vec<String> {
    let source = &outcome.result.as_ref().expect("checked").source;
    findings(outcome)
        .iter()
        .map(|f| format!("{} {:?}", f.rule, f.span.slice(source)))
        .collect()
}

/// An undated story with a former Japanese prime minister after the title.
const FORMER_PM: &str =
    "Aid Pledged\n\nTOKYO (AP) — Japanese Prime Minister Fumio Kishida pledged aid.\n";

#[test]
fn undated_copy_is_published_today_and_each_stale_pack_is_noted_once_a_run() {
    let rules = Config::default().rule_set(&[]).unwrap();
    let context = Context {
        today: "2026-12-01".parse().ok(),
        today_source: Some("Asia/Tokyo".to_owned()),
        ..Context::default()
    };
    let runner = Runner::new(rules, context, RunOptions::default()).unwrap();
    let first = runner.check_text("a.txt", FORMER_PM.to_owned(), None);
    let notes: Vec<String> = first.notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "a.txt: no publication date given; taking today, 2026-12-01 (Asia/Tokyo), as the \
             publication date",
            "names-japan.Titles: facts verified 2025-11-01, 395 days before the publication \
             date; mismatches are warnings without a fix",
            "names-world.Titles: facts verified 2025-11-01, 395 days before the publication \
             date; mismatches are warnings without a fix",
        ]
    );
    let finding = &findings(&first)[0];
    assert_eq!(
        (
            finding.rule.as_str(),
            finding.severity,
            finding.suggestions.len()
        ),
        ("names-japan.Titles", wirecheck_core::Severity::Warning, 0)
    );
    // The next story of the run is dated today too; the packs are not named again.
    let second = runner.check_text("b.txt", FORMER_PM.to_owned(), None);
    assert!(
        matches!(&second.notices[..], [Notice::PublishedToday { path, .. }] if path == "b.txt"),
        "{:?}",
        second.notices
    );
    // A story dated within the grace is checked as before, with no note of stale packs (in a run
    // of its own, which has named no pack yet).
    let runner = Runner::new(
        Config::default().rule_set(&[]).unwrap(),
        Context {
            today: "2026-12-01".parse().ok(),
            ..Context::default()
        },
        RunOptions::default(),
    )
    .unwrap();
    let dated = format!("---\ndate: 2025-12-01\n---\n{FORMER_PM}");
    let third = runner.check_text("c.md", dated, None);
    assert!(matches!(
        &third.notices[..],
        [Notice::PublicationDate { .. }]
    ));
    let finding = &findings(&third)[0];
    assert_eq!(
        (
            finding.severity,
            finding.suggestions[0].replacement.as_str()
        ),
        (wirecheck_core::Severity::Error, "Sanae Takaichi")
    );
}

#[test]
fn text_in_memory_is_checked_with_the_filters() {
    let outcome = runner(RunOptions::default()).check_text("desk/s.txt", STORY.to_owned(), None);
    assert_eq!(
        described(&outcome),
        [
            "wire.DoubledWord \"The the\"",
            "names-japan.Names \"Takaiichi\""
        ]
    );
    let report = outcome.result.as_ref().unwrap();
    assert_eq!(
        (report.path.as_str(), report.source.as_str()),
        ("desk/s.txt", STORY)
    );
    // Undated: the note says which rules were skipped.
    assert!(
        matches!(&outcome.notices[..], [Notice::NoPublicationDate { path, skipped }]
            if path == "desk/s.txt" && skipped.iter().any(|r| r.starts_with("wire.Dateline"))),
        "{:?}",
        outcome.notices
    );

    let accepting = runner(RunOptions {
        accepted_words: vec!["Takaiichi".to_owned()],
        ..RunOptions::default()
    });
    let outcome = accepting.check_text("s.txt", STORY.to_owned(), None);
    assert_eq!(described(&outcome), ["wire.DoubledWord \"The the\""]);

    let plain = runner(RunOptions::default());
    let outcome = plain.check_text("s.md", SUPPRESSED.to_owned(), None);
    assert_eq!(described(&outcome), ["wire.DoubledWord \"We we\""]);
    let reporting = runner(RunOptions {
        report_unused_suppressions: true,
        ..RunOptions::default()
    });
    let outcome = reporting.check_text("s.md", SUPPRESSED.to_owned(), None);
    assert_eq!(
        described(&outcome),
        [
            "wire.DoubledWord \"We we\"".to_owned(),
            format!("{UNUSED_SUPPRESSION} \"<!-- wirecheck-disable names-japan -->\""),
        ]
    );
}

#[test]
fn text_in_memory_is_fixed_in_its_report() {
    let fixing = runner(RunOptions {
        fix: FixMode::Write,
        ..RunOptions::default()
    });
    let outcome = fixing.check_text("buffer.txt", STORY.to_owned(), None);
    assert_eq!(
        said(&outcome),
        [Notice::Fixed {
            path: "buffer.txt".to_owned(),
            count: 1
        }]
    );
    let report = outcome.result.as_ref().unwrap();
    assert_eq!(report.source, STORY.replace("The the", "The"));
    assert_eq!(described(&outcome), ["names-japan.Names \"Takaiichi\""]);

    let diffing = runner(RunOptions {
        fix: FixMode::Diff,
        ..RunOptions::default()
    });
    let outcome = diffing.check_text("buffer.txt", STORY.to_owned(), None);
    let diff = outcome.fix_diff.as_deref().expect("a diff");
    assert!(
        diff.starts_with("--- buffer.txt\n+++ buffer.txt\n"),
        "{diff}"
    );
    assert!(diff.contains("\n+TOKYO (AP) — The talks resumed"), "{diff}");
    assert_eq!(outcome.result.unwrap().source, STORY, "nothing applied");

    // NITF would need escaping: pointed out, not fixed.
    let nitf = "<nitf><body><body.head><hedline><hl1>Talks</hl1></hedline></body.head><body.content><p>The the talks resumed.</p></body.content></body></nitf>";
    let outcome = fixing.check_text("s.xml", nitf.to_owned(), None);
    assert_eq!(
        said(&outcome),
        [Notice::NotFixed {
            path: "s.xml".to_owned(),
            format: InputFormat::Nitf
        }]
    );
    assert_eq!(outcome.result.unwrap().source, nitf);
}

#[test]
fn text_that_is_no_story_or_not_its_format_is_an_error() {
    let runner = runner(RunOptions::default());
    let outcome = runner.check_text("empty.txt", " \n".to_owned(), None);
    let error = outcome.result.unwrap_err();
    assert_eq!(error.path, "empty.txt");
    assert_eq!(
        error.message,
        "empty.txt: no story (the file is empty); not checked"
    );
    let outcome = runner.check_text("s.json", "{\"headline\": ".to_owned(), None);
    let error = outcome.result.unwrap_err();
    assert!(
        error.message.starts_with("s.json:1:"),
        "names file, line and column: {}",
        error.message
    );
}

/// A folder: the files found, each checked once and fixed on disk from the text already read;
/// a placeholder pointed out once; a path that does not exist is an error among the outcomes.
#[test]
fn a_folder_is_walked_checked_and_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("desk")).unwrap();
    fs::write(root.join("desk/a.txt"), STORY).unwrap();
    fs::write(root.join("desk/b.md"), SUPPRESSED).unwrap();
    fs::write(root.join("desk/note.md"), "<!-- The the desk -->\n").unwrap();
    fs::write(root.join("desk/notes.yaml"), "not: a story\n").unwrap();
    let paths = [root.join("desk"), root.join("nosuch.txt")];
    let selected = select_files(&paths, &FileSelection::default(), None).unwrap();
    assert_eq!(selected.notices, []);
    let fixing = runner(RunOptions {
        fix: FixMode::Write,
        ..RunOptions::default()
    });
    let finished = Mutex::new(0);
    let outcomes = fixing.check_all(&selected.files, |_| {
        *finished.lock().unwrap() += 1;
    });
    assert_eq!(*finished.lock().unwrap(), 4);
    let names: Vec<String> = outcomes
        .iter()
        .map(|o| match &o.result {
            Ok(report) => report.path.clone(),
            Err(error) => error.path.clone(),
        })
        .collect();
    let name = |rest: &str| root.join(rest).display().to_string();
    assert_eq!(
        names,
        [
            name("desk/a.txt"),
            name("desk/b.md"),
            name("desk/note.md"),
            name("nosuch.txt")
        ]
    );

    assert_eq!(
        fs::read_to_string(root.join("desk/a.txt")).unwrap(),
        STORY.replace("The the", "The")
    );
    assert_eq!(described(&outcomes[0]), ["names-japan.Names \"Takaiichi\""]);
    assert_eq!(
        said(&outcomes[0]),
        [Notice::Fixed {
            path: name("desk/a.txt"),
            count: 1
        }]
    );
    assert_eq!(
        fs::read_to_string(root.join("desk/b.md")).unwrap(),
        SUPPRESSED.replace("We we", "We"),
        "the suppressed doubled word is left"
    );
    let no_story = Notice::NoStory {
        path: name("desk/note.md"),
        what: NoStory::NoContent,
    };
    let said = &outcomes[2].notices;
    assert_eq!(
        said.iter().filter(|n| **n == no_story).count(),
        1,
        "{said:?}"
    );
    let error = outcomes[3].result.as_ref().unwrap_err();
    assert!(
        error.message.contains("No such file or directory"),
        "{}",
        error.message
    );
}

/// Outcomes are handed over one by one, and the first error the caller returns stops the run.
#[test]
fn outcomes_stream_and_a_callers_error_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        fs::write(dir.path().join(format!("{i:02}.txt")), STORY).unwrap();
    }
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let selected = select_files(
        &[dir.path().to_path_buf(), empty.clone()],
        &FileSelection::default(),
        None,
    )
    .unwrap();
    assert_eq!(
        selected.notices,
        [Notice::NoStoriesFound {
            folder: empty,
            globbed: false
        }]
    );
    let runner = runner(RunOptions::default());
    let seen = Mutex::new(Vec::<PathBuf>::new());
    let streamed = runner.try_for_each(&selected.files, |outcome| {
        let report = outcome.result.map_err(|e| e.message)?;
        seen.lock().unwrap().push(report.path.into());
        Ok::<(), String>(())
    });
    assert_eq!(streamed, Ok(()));
    assert_eq!(seen.lock().unwrap().len(), 20);

    let stopped = runner.try_for_each(&selected.files, |_| Err("stop"));
    assert_eq!(stopped, Err("stop"));
}

/// A baseline is a filter like the others: what it records is neither reported nor fixed.
#[test]
fn a_baselined_finding_is_not_reported_or_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("s.txt");
    fs::write(&story, STORY).unwrap();
    let baseline = dir.path().join("b.json");
    let entry = format!(
        r#"{{"path": "{}", "rule": "wire.DoubledWord", "match": "The the", "count": 1}}"#,
        story.display()
    );
    fs::write(
        &baseline,
        format!(r#"{{"version": 1, "findings": [{entry}]}}"#),
    )
    .unwrap();
    let runner = runner(RunOptions {
        baseline: Some(baseline),
        fix: FixMode::Write,
        ..RunOptions::default()
    });
    let selected = select_files(
        std::slice::from_ref(&story),
        &FileSelection::default(),
        None,
    )
    .unwrap();
    let outcomes = runner.check_all(&selected.files, |_| {});
    assert_eq!(described(&outcomes[0]), ["names-japan.Names \"Takaiichi\""]);
    assert_eq!(said(&outcomes[0]), []);
    assert_eq!(fs::read_to_string(&story).unwrap(), STORY);
}
