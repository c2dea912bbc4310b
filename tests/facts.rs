//! Facts the checks share, computed once: the dateline is taken apart in one place, so the
//! publication date read from it is the date the dateline checks see; a story's facts are its own
//! and the reference's are the run's, so stories checked one after another against one reference
//! get what each gets alone; dates kept for two rules are the dates one rule finds alone.

use std::sync::Arc;
use wirecheck_core::covers;

use assert_cmd::Command;
use jiff::civil::Date;
use predicates::prelude::*;
use proptest::prelude::*;
use wirecheck_core::Config;
use wirecheck_core::parse_dateline;
use wirecheck_core::{Context, Reference};
use wirecheck_core::{DateSource, PublicationDate};
use wirecheck_core::{Document, InputFormat, RuleSet};

fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("wirecheck").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("WIRECHECK_TODAY", "2026-12-01");
    cmd
}

#[test]
fn a_date_the_dateline_does_not_carry_is_no_publication_date() {
    // The dateline "TOKYO (Kyodo, Jan. 16) —" names the agency "Kyodo, Jan. 16" and no date: the
    // publication date was once read from it all the same, and a house style that wants a date in
    // the dateline was then told to add that very date.
    cmd()
        .args(["check", "--no-config", "--verbose", "-"])
        .write_stdin("Talks Resume\n\nTOKYO (Kyodo, Jan. 16) — Japan said it would hold talks.\n")
        .assert()
        .stderr(
            predicate::str::contains(
                "<stdin>: no publication date given; taking today, 2026-12-01",
            )
            .and(predicate::str::contains("from the dateline").not()),
        );
    cmd()
        .args(["check", "--no-config", "--verbose", "-"])
        .write_stdin("Talks Resume\n\nTOKYO, Jan. 16 (Kyodo) — Japan said it would hold talks.\n")
        .assert()
        .stderr(predicate::str::contains("-01-16 from the dateline"));
}

fn day_strategy() -> impl Strategy<Value = Date> {
    // 2000-01-01 to 2039-12-31.
    (0i32..14_610).prop_map(|offset| {
        Date::new(2000, 1, 1)
            .unwrap()
            .checked_add(jiff::Span::new().days(offset))
            .unwrap()
    })
}

/// Datelines with the date in every place one is written, in the agency's brackets, with its
/// year, and without one.
fn dateline(form: usize, date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let month = MONTHS[usize::try_from(date.month() - 1).unwrap()];
    let (day, year) = (date.day(), date.year());
    match form {
        0 => format!("TOKYO, {month} {day} (Kyodo) —"),
        1 => format!("TOKYO (Kyodo, {month} {day}) —"),
        2 => format!("FUKUSHIMA, Japan, {month} {day} Kyodo -"),
        3 => format!("BEIJING, {month} {day}, {year} (Xinhua) --"),
        4 => format!("TOKYO, {month} 30 (Reuters) -"),
        _ => "TOKYO (AP) —".to_owned(),
    }
}

proptest! {
    #[test]
    fn the_dateline_checks_read_the_date_the_publication_date_was_taken_from(
        form in 0usize..6,
        written in day_strategy(),
        configured in proptest::option::of(day_strategy()),
        today in proptest::option::of(day_strategy()),
    ) {
        let text = format!("Talks Resume\n\n{} Japan said it would hold talks.\n", dateline(form, written));
        let doc = Document::parse(text, InputFormat::Text);
        let context = Context {
            configured_date: configured.map(|date| PublicationDate {
                date,
                time: None,
                offset: None,
                source: DateSource::Config,
            }),
            today,
            ..Context::default()
        };
        let story = context.for_document(&doc);
        // The dateline the checks read is the dateline taken apart against the date chosen.
        let parsed = doc
            .dateline
            .map(|span| parse_dateline(doc.text(), span, story.publication_date()));
        prop_assert_eq!(story.dateline(), parsed.as_ref());
        let dateline_day = story.dateline().and_then(|d| d.date.as_ref()).and_then(|m| m.date);
        match story.publication() {
            Some(publication) if publication.source == DateSource::Dateline => {
                prop_assert_eq!(dateline_day, Some(publication.date));
            }
            // Had the dateline a day, the publication date would be it.
            other => prop_assert_eq!(dateline_day, None, "{:?}", other),
        }
    }
}

const REFERENCE: &str = "Talks Resume\n\nTOKYO (AP) — Japan and China will resume talks on Friday, \
Prime Minister Sanae Takaichi said.\n\nThe talks were suspended in 2023 over a dispute about 12 \
islands.\n\nOfficials expect 3 rounds of talks this year.\n";

/// A number changed.
const CHANGED: &str = "Talks Resume\n\nTOKYO (AP) — Japan and China will resume talks on Friday, \
Prime Minister Sanae Takaichi said.\n\nThe talks were suspended in 2023 over a dispute about 14 \
islands.\n\nOfficials expect 3 rounds of talks this year.\n";

/// A name misspelt and a paragraph dropped.
const CUT: &str = "Talks Resume\n\nTOKYO (AP) — Japan and China will resume talks on Friday, \
Prime Minister Sanae Takaiichi said.\n\nOfficials expect 3 rounds of talks this year.\n";

fn rules() -> RuleSet {
    Config::default()
        .rule_set(&[])
        .expect("shipped packs compile")
}

fn with_reference() -> Context {
    let reference = Document::parse(REFERENCE.to_owned(), InputFormat::Text);
    Context {
        reference: Some(Arc::new(Reference::new(reference))),
        ..Context::default()
    }
}

#[test]
fn stories_checked_against_one_reference_get_what_each_gets_alone() {
    let rules = rules();
    let story = |text: &str| Document::parse(text.to_owned(), InputFormat::Text);
    let (changed, cut) = (story(CHANGED), story(CUT));
    let alone = |doc: &Document| -> Vec<(String, usize)> {
        let findings = rules.check(doc, &with_reference());
        findings
            .into_iter()
            .map(|f| (f.rule, f.span.start))
            .collect()
    };
    let shared = with_reference();
    let in_turn = |doc: &Document| -> Vec<(String, usize)> {
        let findings = rules.check(doc, &shared);
        findings
            .into_iter()
            .map(|f| (f.rule, f.span.start))
            .collect()
    };
    let changed_alone = alone(&changed);
    let cut_alone = alone(&cut);
    assert!(
        changed_alone
            .iter()
            .any(|(rule, _)| covers("wire.ReferenceNumbers", rule)),
        "{changed_alone:?}"
    );
    assert!(
        cut_alone
            .iter()
            .any(|(rule, _)| rule == "wire.DroppedParagraph")
            && cut_alone
                .iter()
                .any(|(rule, _)| rule == "wire.ReferenceNames"),
        "{cut_alone:?}"
    );
    assert_eq!(in_turn(&changed), changed_alone);
    assert_eq!(in_turn(&cut), cut_alone);
    assert_eq!(in_turn(&changed), changed_alone);
}

#[test]
fn dates_kept_for_two_rules_are_the_dates_one_rule_finds() {
    let packs = |packs: &[&str]| Config {
        packs: Some(packs.iter().map(|p| (*p).to_owned()).collect()),
        ..Config::default()
    };
    let both = packs(&["wire", "dates-ap"]).rule_set(&[]).unwrap();
    let alone = packs(&["dates-ap"]).rule_set(&[]).unwrap();
    let text = "Talks Resume\n\nTOKYO, Jan. 16 (Kyodo) — The talks began Jan. 14 and end on \
Thursday, Jan. 16, 2026.\n\nThey were suspended in November 2025 and on Dec. 5.\n\nFeb. 30 is \
no day, and yesterday was Jan. 15.\n";
    let doc = Document::parse(text.to_owned(), InputFormat::Text);
    let context = Context {
        publication: PublicationDate::parse("2026-01-16", DateSource::CommandLine).ok(),
        ..Context::default()
    };
    let of_dates_ap = |rules: &RuleSet| -> Vec<(usize, String)> {
        let findings = rules.check(&doc, &context).into_iter();
        findings
            .filter(|f| covers("dates-ap.Dates", &f.rule))
            .map(|f| (f.span.start, f.message))
            .collect()
    };
    let found = of_dates_ap(&alone);
    assert!(found.len() >= 4, "{found:?}");
    assert_eq!(of_dates_ap(&both), found);
}
