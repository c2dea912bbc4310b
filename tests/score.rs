//! `wirecheck score` against sacreBLEU 2.6.0: its published test values,
//! a generated fixture scored by the real sacreBLEU
//! (`scripts/score_fixture.py`), CLI output snapshots and error paths.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use wirecheck_score::bleu::{self, BleuConfig, BleuStats, Smoothing, compute_bleu};
use wirecheck_score::chrf::{self, ChrfConfig};
use wirecheck_score::report::format_line;
use wirecheck_score::ter;
use wirecheck_score::ter_normalize::TerConfig;
use wirecheck_score::tokenize::Tokenizer;
use wirecheck_score::{
    Metric, ScoreError, ScoreOptions, lines_from_text, score_corpus, score_sentences,
};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/score")
}

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|s| (*s).to_owned()).collect()
}

fn assert_close(actual: f64, expected: f64, epsilon: f64) {
    assert!(
        (actual - expected).abs() < epsilon,
        "{actual} differs from {expected} by more than {epsilon}"
    );
}

// ---------------------------------------------------------------------------
// sacreBLEU's README example and its own test files
// (test_bleu.py, test_sentence_bleu.py, test_chrf.py, test_ter.py).
// ---------------------------------------------------------------------------

fn readme_hyps() -> Vec<String> {
    strings(&[
        "The dog bit the man.",
        "It wasn't surprising.",
        "The man had just bitten him.",
    ])
}

fn readme_refs() -> Vec<Vec<String>> {
    vec![
        strings(&[
            "The dog bit the man.",
            "It was not unexpected.",
            "The man bit him first.",
        ]),
        strings(&[
            "The dog had bit the man.",
            "No one was surprised.",
            "The man had bitten the dog.",
        ]),
    ]
}

#[test]
fn readme_example_matches_published_scores() {
    let scores = score_corpus(
        &[Metric::Bleu, Metric::Chrf, Metric::Ter],
        &ScoreOptions::default(),
        &readme_hyps(),
        &readme_refs(),
    )
    .unwrap();
    assert_close(scores[0].score, 48.530827, 1e-6);
    assert_close(scores[1].score, 59.727518, 1e-6);
    assert_close(scores[2].score, 40.0, 1e-9);
    assert_eq!(
        format_line(&scores[0], 2, false),
        "BLEU|nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 48.53 \
         82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"
    );
}

fn corpus_bleu_score(hyps: &[String], refs: &[Vec<String>], config: BleuConfig) -> f64 {
    bleu::corpus_bleu(&config, hyps, refs).unwrap().score
}

#[test]
fn test_bleu_corpus_cases() {
    let (hyps, refs) = (readme_hyps(), readme_refs());
    let with = |tokenizer, smoothing| BleuConfig {
        tokenizer,
        smoothing,
        ..BleuConfig::default()
    };
    let cases = [
        (with(Tokenizer::Thirteen, Smoothing::Exp), 48.530827),
        (with(Tokenizer::None, Smoothing::Exp), 49.1919566),
        (with(Tokenizer::International, Smoothing::Exp), 43.91623493),
        (with(Tokenizer::Thirteen, Smoothing::None), 48.530827),
    ];
    for (config, expected) in cases {
        assert_close(corpus_bleu_score(&hyps, &refs, config), expected, 1e-6);
    }
    // Empty hypotheses are kept (and score 0).
    let empty = strings(&["", "", ""]);
    assert_eq!(corpus_bleu_score(&empty, &refs, BleuConfig::default()), 0.0);
}

/// sacreBLEU's `raw_corpus_bleu`: no tokenization, floor smoothing,
/// effective order.
fn raw_bleu(hyp: &str, reference: &str, floor: f64) -> bleu::BleuScore {
    let config = BleuConfig {
        tokenizer: Tokenizer::None,
        smoothing: Smoothing::Floor(floor),
        effective_order: true,
        lowercase: false,
    };
    bleu::corpus_bleu(&config, &strings(&[hyp]), &[strings(&[reference])]).unwrap()
}

#[test]
fn test_bleu_statistics_offsets_and_effective_order() {
    let hyp = "am I am a character sequence";
    let reference = "I am a symbol string sequence a a";
    let score = raw_bleu(hyp, reference, 0.01);
    assert_eq!(score.stats.correct, [4, 2, 1, 0]);
    assert_eq!(score.stats.total, [6, 5, 4, 3]);
    assert_eq!(raw_bleu(hyp, reference, 0.0).score, 0.0);
    assert_close(
        raw_bleu(hyp, reference, 0.1).score / 100.0,
        0.1555722182,
        1e-8,
    );

    assert_close(
        raw_bleu("test", "a test", 0.01).score / 100.0,
        0.3678794411714425,
        1e-8,
    );
    assert_close(raw_bleu("a test", "a test", 0.01).score / 100.0, 1.0, 1e-8);
    assert_close(
        raw_bleu("a little test", "a test", 0.01).score / 100.0,
        0.03218297948685433,
        1e-8,
    );
}

#[test]
fn test_bleu_scoring_and_degenerate_statistics() {
    let stats = |correct, total, hyp_len, ref_len| BleuStats {
        hyp_len,
        ref_len,
        correct,
        total,
    };
    let score = compute_bleu(
        &stats([9, 7, 5, 3], [10, 8, 6, 4], 11, 11),
        Smoothing::None,
        false,
    );
    assert_close(score.score / 100.0, 0.8375922397, 1e-8);

    let degenerate = [
        (stats([0, 0, 0, 0], [4, 4, 2, 1], 0, 1), 0.0),
        (stats([0, 0, 0, 0], [10, 11, 12, 0], 14, 10), 0.0),
        (stats([0, 0, 0, 0], [0, 0, 0, 0], 0, 0), 0.0),
        (stats([6, 5, 4, 0], [6, 5, 4, 3], 6, 6), 0.0),
        (stats([0, 0, 0, 0], [0, 0, 0, 0], 0, 0), 0.1),
        (stats([0, 0, 0, 0], [0, 0, 0, 0], 1, 5), 0.01),
    ];
    for (stats, floor) in degenerate {
        assert_eq!(
            compute_bleu(&stats, Smoothing::Floor(floor), false).score,
            0.0
        );
    }
}

#[test]
fn test_sentence_bleu_romanian_example() {
    let hyp = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
    let reference = "producţia de zahăr brut se exprimă în zahăr alb;";
    let cases = [
        ("exp", None, false, "13a", 8.493),
        ("none", None, false, "13a", 0.0),
        ("floor", None, false, "13a", 4.51688),
        ("floor", Some(0.1), false, "13a", 4.51688),
        ("floor", Some(0.5), false, "13a", 10.10),
        ("add-k", None, false, "13a", 14.882),
        ("add-k", Some(1.0), false, "13a", 14.882),
        ("add-k", Some(2.0), false, "13a", 21.389),
        ("exp", None, false, "none", 7.347),
        ("exp", None, false, "intl", 8.493),
        ("exp", None, false, "char", 40.8759),
        ("exp", None, true, "char", 42.0267),
    ];
    for (method, value, lowercase, tokenizer, expected) in cases {
        let config = BleuConfig {
            lowercase,
            tokenizer: tokenizer.parse().unwrap(),
            smoothing: Smoothing::from_name(method, value).unwrap(),
            effective_order: true,
        };
        let scores =
            bleu::sentence_bleu(&config, &strings(&[hyp]), &[strings(&[reference])]).unwrap();
        assert_close(scores[0].score, expected, 1e-3);
    }
    // sacreBLEU issue #141: no match at all is 0 whatever the smoothing.
    for (method, value) in [
        ("exp", None),
        ("none", None),
        ("floor", None),
        ("add-k", Some(1.0)),
    ] {
        let config = BleuConfig {
            smoothing: Smoothing::from_name(method, value).unwrap(),
            effective_order: true,
            ..BleuConfig::default()
        };
        let scores = bleu::sentence_bleu(
            &config,
            &strings(&["this is a cat"]),
            &[strings(&["okay thanks"])],
        )
        .unwrap();
        assert_eq!(scores[0].score, 0.0);
    }
}

fn corpus_chrf_score(hyps: &[&str], refs: &[&str], config: ChrfConfig) -> f64 {
    chrf::corpus_chrf(&config, &strings(hyps), &[strings(refs)])
        .unwrap()
        .score
}

#[test]
fn test_chrf_cases() {
    let eps = ChrfConfig {
        beta: 3,
        eps_smoothing: true,
        ..ChrfConfig::default()
    };
    let eps_cases: [(&[&str], &[&str], f64); 13] = [
        (&["abcdefg"], &["hijklmnop"], 0.0),
        (&["a"], &["b"], 0.0),
        (&[""], &["b"], 0.0),
        (&[""], &["ref"], 0.0),
        (&[""], &["reference"], 0.0),
        (&["aa"], &["ab"], 8.3333),
        (&["a", "b"], &["a", "c"], 8.3333),
        (&["a"], &["a"], 16.6667),
        (&["a b c"], &["a b c"], 50.0),
        (&["a b c"], &["abc"], 50.0),
        (
            &[
                " risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
            ],
            &[
                "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .",
            ],
            63.361730,
        ),
        (
            &[" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
            &["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."],
            64.1302698,
        ),
        (
            &["Niemand hat die Absicht, eine Mauer zu errichten"],
            &["Niemand hat die Absicht, eine Mauer zu errichten"],
            100.0,
        ),
    ];
    for (hyps, refs, expected) in eps_cases {
        assert_close(corpus_chrf_score(hyps, refs, eps), expected, 1e-4);
    }

    let effective = ChrfConfig {
        beta: 3,
        ..ChrfConfig::default()
    };
    let effective_cases: [(&[&str], &[&str], f64); 7] = [
        (&["a"], &["a"], 100.0),
        (&[""], &["reference"], 0.0),
        (&["a b c"], &["a b c"], 100.0),
        (&["a b c"], &["abc"], 100.0),
        (&[""], &["c"], 0.0),
        (&["a", "b"], &["a", "c"], 50.0),
        (&["aa"], &["ab"], 25.0),
    ];
    for (hyps, refs, expected) in effective_cases {
        assert_close(corpus_chrf_score(hyps, refs, effective), expected, 1e-4);
    }

    let whitespace = ChrfConfig {
        beta: 3,
        whitespace: true,
        ..ChrfConfig::default()
    };
    assert_close(
        corpus_chrf_score(
            &["Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."],
            &["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."],
            whitespace,
        ),
        67.3481606,
        1e-4,
    );
    assert_close(
        corpus_chrf_score(
            &[
                "risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
            ],
            &[
                "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .",
            ],
            whitespace,
        ),
        65.2414427,
        1e-4,
    );
}

#[test]
fn test_chrf_sentence_level() {
    let config = ChrfConfig {
        eps_smoothing: true,
        ..ChrfConfig::default()
    };
    let cases = [
        (
            "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
            "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.",
            39.14078509,
        ),
        (
            "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
            "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.",
            31.22557079,
        ),
        (
            "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
            "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.",
            57.15704367,
        ),
    ];
    for (hyp, reference, expected) in cases {
        let scores =
            chrf::sentence_chrf(&config, &strings(&[hyp]), &[strings(&[reference])]).unwrap();
        assert_close(scores[0].score, expected, 1e-4);
    }
}

#[test]
fn test_ter_cases() {
    let config = TerConfig::default();
    let simple: [(&str, &str, f64); 4] = [
        ("aaaa bbbb cccc dddd", "aaaa bbbb cccc dddd", 0.0),
        ("dddd eeee ffff", "aaaa bbbb cccc", 1.0),
        ("", "a", 1.0),
        ("d e f g h a b c", "a b c d e f g h", 1.0 / 8.0),
    ];
    for (hyp, reference, expected) in simple {
        let score = ter::corpus_ter(&config, &strings(&[hyp]), &[strings(&[reference])]).unwrap();
        assert_close(score.score, 100.0 * expected, 1e-3);
    }

    let hyps = strings(&[
        "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die andere Größe .",
        "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
        "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und geben Sie Werte für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" ein .",
        "Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne enthält .",
        "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
    ]);
    let refs = vec![strings(&[
        "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit die Darstellung des Bildes in einer anderen Größe beibehalten wird .",
        "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
        "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und geben Sie für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" niedrigere Werte ein .",
        "Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich über die Bühne bewegt .",
        "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
    ])];
    let score = ter::corpus_ter(&config, &hyps, &refs).unwrap();
    assert_close(score.score, 13.6, 1e-3 * 100.0);
}

// ---------------------------------------------------------------------------
// The generated fixture, scored by sacreBLEU 2.6.0.
// ---------------------------------------------------------------------------

fn read_fixture_lines(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(data_dir().join(name)).unwrap();
    lines_from_text(&text)
}

fn options_from(metric: &str, options: &Value) -> (Metric, ScoreOptions) {
    let flag = |key: &str| options.get(key).and_then(Value::as_bool).unwrap_or(false);
    let number = |key: &str| options.get(key).and_then(Value::as_f64);
    let mut score_options = ScoreOptions::default();
    match metric {
        "bleu" => {
            score_options.bleu = BleuConfig {
                lowercase: flag("lowercase"),
                tokenizer: options
                    .get("tokenize")
                    .and_then(Value::as_str)
                    .unwrap_or("13a")
                    .parse()
                    .unwrap(),
                smoothing: Smoothing::from_name(
                    options
                        .get("smooth_method")
                        .and_then(Value::as_str)
                        .unwrap_or("exp"),
                    number("smooth_value"),
                )
                .unwrap(),
                effective_order: false,
            };
            (Metric::Bleu, score_options)
        }
        "chrf" | "chrf++" => {
            let config = ChrfConfig {
                char_order: number("char_order").map_or(6, |n| n as usize),
                word_order: number("word_order").map_or(0, |n| n as usize),
                beta: number("beta").map_or(2, |n| n as u32),
                lowercase: flag("lowercase"),
                whitespace: flag("whitespace"),
                eps_smoothing: flag("eps_smoothing"),
            };
            if metric == "chrf" {
                score_options.chrf = config;
                (Metric::Chrf, score_options)
            } else {
                score_options.chrf_plus_plus = config;
                (Metric::ChrfPlusPlus, score_options)
            }
        }
        "ter" => {
            score_options.ter = TerConfig {
                normalized: flag("normalized"),
                no_punct: flag("no_punct"),
                asian_support: flag("asian_support"),
                case_sensitive: flag("case_sensitive"),
            };
            (Metric::Ter, score_options)
        }
        other => panic!("unknown metric {other} in fixture"),
    }
}

/// Compares one score with sacreBLEU's: the printed line must be identical
/// and the float within 1e-9. Returns a description of any difference.
fn compare(
    what: &str,
    actual: &wirecheck_score::MetricScore,
    name: &str,
    signature: &str,
    expected_score: f64,
    expected_text: &str,
) -> Option<String> {
    let expected_line = format!("{name}|{signature} = {expected_text}");
    let actual_line = format_line(actual, 1, false);
    if actual_line != expected_line {
        return Some(format!(
            "{what}:\n  expected {expected_line}\n  actual   {actual_line}"
        ));
    }
    if (actual.score - expected_score).abs() > 1e-9 {
        return Some(format!(
            "{what}: score {} != {expected_score}",
            actual.score
        ));
    }
    None
}

#[test]
fn fixture_matches_sacrebleu_digit_for_digit() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(data_dir().join("expected.json")).unwrap())
            .unwrap();
    let hyps = read_fixture_lines("hyp.txt");
    let ref_streams = [
        read_fixture_lines("ref1.txt"),
        read_fixture_lines("ref2.txt"),
    ];
    assert!(hyps.len() >= 500, "fixture has only {} lines", hyps.len());
    assert_eq!(expected["lines"].as_u64(), Some(hyps.len() as u64));

    let results = expected["results"].as_array().unwrap();
    assert_eq!(results.len(), 5 * 2 * 4, "every config × nrefs × metric");
    let mut mismatches = Vec::new();
    let mut compared = 0usize;
    for result in results {
        let config = result["config"].as_str().unwrap();
        let metric_name = result["metric"].as_str().unwrap();
        let nrefs = result["nrefs"].as_u64().unwrap() as usize;
        let name = result["name"].as_str().unwrap();
        let (metric, options) = options_from(metric_name, &result["options"]);
        let refs = &ref_streams[..nrefs];
        let label = format!("{config}/{metric_name}/nrefs={nrefs}");

        let corpus = score_corpus(&[metric], &options, &hyps, refs).unwrap();
        compared += 1;
        mismatches.extend(compare(
            &format!("{label} corpus"),
            &corpus[0],
            name,
            result["corpus_signature"].as_str().unwrap(),
            result["corpus"]["score"].as_f64().unwrap(),
            result["corpus"]["text"].as_str().unwrap(),
        ));

        let sentences = score_sentences(&[metric], &options, &hyps, refs).unwrap();
        let expected_sentences = result["sentences"].as_array().unwrap();
        assert_eq!(sentences[0].len(), expected_sentences.len());
        let signature = result["sentence_signature"].as_str().unwrap();
        for (i, (actual, expected)) in sentences[0].iter().zip(expected_sentences).enumerate() {
            compared += 1;
            mismatches.extend(compare(
                &format!("{label} line {}", i + 1),
                actual,
                name,
                signature,
                expected[0].as_f64().unwrap(),
                expected[1].as_str().unwrap(),
            ));
        }
    }
    assert!(compared > 20_000, "only {compared} scores compared");
    assert!(
        mismatches.is_empty(),
        "{} of {compared} scores differ from sacreBLEU:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------------------
// Library error paths.
// ---------------------------------------------------------------------------

#[test]
fn library_reports_misaligned_references() {
    let err = score_corpus(
        &[Metric::Bleu],
        &ScoreOptions::default(),
        &strings(&["a", "b"]),
        &[strings(&["a"])],
    )
    .unwrap_err();
    assert_eq!(
        err,
        ScoreError::LineCountMismatch {
            reference: 1,
            ref_lines: 1,
            hyp_lines: 2
        }
    );
    assert_eq!(
        score_corpus(
            &[Metric::Ter],
            &ScoreOptions::default(),
            &strings(&["a"]),
            &[]
        )
        .unwrap_err(),
        ScoreError::NoReferences
    );
}

#[test]
fn lines_are_read_like_sacrebleu() {
    assert_eq!(lines_from_text(""), Vec::<String>::new());
    assert_eq!(lines_from_text("a\n"), ["a"]);
    assert_eq!(lines_from_text("a\r\n\nb \u{1c}"), ["a", "", "b"]);
    assert_eq!(lines_from_text("\n"), [""]);
    // U+2028 and U+0085 do not end lines (sacreBLEU opens files with
    // newline="\n"), but are stripped at the end of one.
    assert_eq!(lines_from_text("a\u{2028}b\u{85}\n"), ["a\u{2028}b"]);
}

// ---------------------------------------------------------------------------
// The command line: snapshots and error paths.
// ---------------------------------------------------------------------------

fn wirecheck() -> Command {
    Command::cargo_bin("wirecheck").unwrap()
}

fn readme_args(extra: &[&str]) -> Vec<String> {
    let dir = data_dir().join("readme");
    let mut args: Vec<String> = vec!["score".into()];
    for name in ["ref1.txt", "ref2.txt"] {
        args.push("--ref".into());
        args.push(dir.join(name).display().to_string());
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.push(dir.join("hyp.txt").display().to_string());
    args
}

fn run_ok(extra: &[&str]) -> String {
    let output = wirecheck().args(readme_args(extra)).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn cli_text_output() {
    insta::assert_snapshot!("text_default", run_ok(&[]));
    insta::assert_snapshot!(
        "text_width3_score_only",
        run_ok(&["-w", "3", "--score-only"])
    );
    insta::assert_snapshot!(
        "text_options",
        run_ok(&[
            "--tokenize",
            "intl",
            "--lowercase",
            "--smooth",
            "add-k",
            "--smooth-value",
            "2",
            "--chrf-word-order",
            "1",
            "--normalized",
            "--no-punct",
            "--asian-support",
            "--case-sensitive",
        ])
    );
    insta::assert_snapshot!("text_sentence", run_ok(&["--sentence", "-m", "bleu,ter"]));
}

#[test]
fn cli_json_output() {
    insta::assert_snapshot!("json_corpus", run_ok(&["--format", "json"]));
    insta::assert_snapshot!(
        "json_sentence",
        run_ok(&["--format", "json", "--sentence", "--metrics", "chrf++"])
    );
    // The JSON parses and carries the exact score next to the rounded one.
    let records: Value =
        serde_json::from_str(&run_ok(&["--format", "json", "-m", "bleu"])).unwrap();
    assert_eq!(records[0]["score"].as_f64(), Some(48.5));
    assert_close(records[0]["exact_score"].as_f64().unwrap(), 48.530827, 1e-6);
    assert_eq!(records[0]["details"]["hyp_len"].as_u64(), Some(17));
}

#[test]
fn cli_rejects_mismatched_line_counts() {
    let dir = tempfile::tempdir().unwrap();
    let hyp = dir.path().join("hyp.txt");
    let reference = dir.path().join("ref.txt");
    std::fs::write(&hyp, "a\nb\nc\n").unwrap();
    std::fs::write(&reference, "a\nb\n").unwrap();
    let output = wirecheck()
        .args(["score", "--ref"])
        .arg(&reference)
        .arg(&hyp)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "hypothesis {} has 3 lines but reference {} has 2",
            hyp.display(),
            reference.display()
        )),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn cli_rejects_empty_hypothesis() {
    let dir = tempfile::tempdir().unwrap();
    let hyp = dir.path().join("empty.txt");
    std::fs::write(&hyp, "").unwrap();
    let output = wirecheck()
        .args(["score", "--ref"])
        .arg(&hyp)
        .arg(&hyp)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("hypothesis {} contains no lines", hyp.display())),
        "{stderr}"
    );
}

#[test]
fn cli_rejects_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let hyp = dir.path().join("hyp.txt");
    let reference = dir.path().join("bad.txt");
    std::fs::write(&hyp, "a\n").unwrap();
    std::fs::write(&reference, b"ok\xff\n").unwrap();
    let output = wirecheck()
        .args(["score", "--ref"])
        .arg(&reference)
        .arg(&hyp)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{} is not valid UTF-8", reference.display())),
        "{stderr}"
    );
}

#[test]
fn cli_rejects_unknown_options_values() {
    for args in [
        &["--tokenize", "ja-mecab"][..],
        &["--tokenize", "nope"],
        &["--smooth", "nope"],
        &["--metrics", "bleu,meteor"],
        &["--chrf-char-order", "7"],
    ] {
        let output = wirecheck().args(readme_args(args)).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}");
    }
    let output = wirecheck()
        .args([
            "score",
            "--ref",
            "/nonexistent/ref.txt",
            "/nonexistent/hyp.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/"));
}

/// Long segments (100 to 2,000 words: block moves, very unequal lengths, repetitive text) scored
/// by sacreBLEU's TER (`scripts/ter_long_fixture.py`): the banded matrix, the rows cut short
/// once they resynchronise and the candidates abandoned past the best gain change no edit count.
#[test]
fn ter_of_long_segments_matches_sacrebleu() {
    let dir = data_dir().join("ter-long");
    let read = |name: &str| lines_from_text(&std::fs::read_to_string(dir.join(name)).unwrap());
    let (hyps, refs) = (read("hyp.txt"), read("ref.txt"));
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let expected = expected["segments"].as_array().unwrap();
    assert_eq!((hyps.len(), expected.len()), (30, 30));
    for (line, ((hyp, reference), expected)) in hyps.iter().zip(&refs).zip(expected).enumerate() {
        let stats = ter::segment_stats(&TerConfig::default(), hyp, &[reference]).unwrap();
        assert_eq!(
            (stats.num_edits, stats.ref_length),
            (
                expected["num_edits"].as_u64().unwrap(),
                expected["ref_length"].as_f64().unwrap()
            ),
            "line {}",
            line + 1
        );
    }
}
