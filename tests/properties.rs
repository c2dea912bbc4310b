//! Laws that hold for any input: parsing and checking never panic, every span lies on character
//! boundaries inside the text, every finding and fix points at exactly the bytes the rules read
//! (whatever NFC had to compose), and a safe fix changes only its own span and fixes its finding.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use wirecheck_core::Config;
use wirecheck_core::apply_safe_fixes;
use wirecheck_core::{Context, Reference};
use wirecheck_core::{Document, Finding, InputFormat, RuleSet, Span};

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        Config::default()
            .rule_set(&[])
            .expect("shipped packs compile")
    })
}

/// Story-like text: words (some misspelt names, some doubled), punctuation, dashes, combining
/// marks, invisible characters and line breaks in random order.
fn story_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Takaiichi ".to_owned()),
        Just("Sanae Takaichi ".to_owned()),
        Just("Japanese Defense Minister Shingo Kiyozumi ".to_owned()),
        Just("the the ".to_owned()),
        Just("TOKYO (AP) — ".to_owned()),
        Just("Ko\u{304}no ".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("  ".to_owned()),
        Just(". ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("[TN: note] ".to_owned()),
        Just("—".to_owned()),
        Just("Japan’s Prime Minister ".to_owned()),
        Just("former Foreign Minister ".to_owned()),
        Just("Motegie's ".to_owned()),
        Just("Taka\u{200b}ichi ".to_owned()),
        "[a-zA-Z]{1,9} ",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn checking_any_text_gives_findings_with_valid_spans(text in story_text(), markdown in any::<bool>()) {
        let format = if markdown { InputFormat::Markdown } else { InputFormat::Text };
        let doc = Document::parse(text.clone(), format);
        for finding in rules().check(&doc, &Context::default()) {
            let span = finding.span;
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            for fix in &finding.suggestions {
                prop_assert!(fix.span.start <= fix.span.end && fix.span.end <= text.len());
                prop_assert!(text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
            }
        }
    }

    /// Findings of a text and of its NFC form are the same, and each span of the text is exactly
    /// the bytes whose NFC is the span the rules saw: nothing next to a decomposed accent, a
    /// no-break space, a curly quote, a CRLF or an invisible character is taken in.
    #[test]
    fn spans_map_to_exactly_the_bytes_the_rules_read(text in hostile_text()) {
        let nfc: String = text.nfc().collect();
        let seams = Seams::new(&text, &nfc);
        let (written, composed) = paired_findings(&text, &nfc);
        prop_assert_eq!(written.len(), composed.len());
        for (finding, seen) in written.iter().zip(&composed) {
            prop_assert_eq!(&finding.rule, &seen.rule);
            prop_assert_eq!(&finding.message, &seen.message);
            prop_assert_eq!(finding.span, seams.original(seen.span), "{}", finding.rule);
            prop_assert_eq!(finding.suggestions.len(), seen.suggestions.len());
            for (fix, seen_fix) in finding.suggestions.iter().zip(&seen.suggestions) {
                prop_assert_eq!(fix.span, seams.original(seen_fix.span), "{} fix", finding.rule);
                prop_assert!(fix.replacement.nfc().eq(seen_fix.replacement.chars()));
            }
        }
    }

    /// Each safe fix, applied alone, changes only the bytes of its own span; what it leaves is,
    /// in NFC, what the same fix leaves in the NFC text; and checking the fixed text again finds
    /// fewer findings of that rule on that text.
    #[test]
    fn a_safe_fix_changes_only_its_span_and_fixes_its_finding(text in hostile_text()) {
        let nfc: String = text.nfc().collect();
        let (written, composed) = paired_findings(&text, &nfc);
        prop_assume!(written.len() == composed.len());
        for (finding, seen) in written.iter().zip(&composed).filter(|(f, _)| f.safe_fix) {
            let fix = &finding.suggestions[0];
            let (fixed, applied) = apply_safe_fixes(&text, std::slice::from_ref(finding));
            prop_assert_eq!(applied, 1);
            prop_assert_eq!(&fixed[..fix.span.start], &text[..fix.span.start]);
            prop_assert_eq!(&fixed[fix.span.start..fixed.len() - (text.len() - fix.span.end)], fix.replacement.as_str());
            prop_assert_eq!(&fixed[fixed.len() - (text.len() - fix.span.end)..], &text[fix.span.end..]);
            let (fixed_nfc, _) = apply_safe_fixes(&nfc, std::slice::from_ref(seen));
            prop_assert_eq!(fixed.nfc().collect::<String>(), fixed_nfc.nfc().collect::<String>(), "{}", finding.rule);
            // The fixed finding is not reported again: no finding of the fixed text, mapped back
            // through the edit, stands where it stood. (Another line of the same text may become a
            // label once a line before it is gone: that is a new finding, not the old one.)
            let again = check(&fixed, InputFormat::Text).into_iter().find(|f| {
                f.rule == finding.rule
                    && before_edit(f.span.start, fix, false) == Some(finding.span.start)
                    && before_edit(f.span.end, fix, true) == Some(finding.span.end)
            });
            prop_assert!(again.is_none(), "{} on {:?} is still reported after its fix: {:?}", finding.rule, finding.span.slice(&text), fixed);
        }
    }

    #[test]
    fn reference_findings_lie_inside_story_and_reference(story in story_text(), reference in story_text(), digits in "[0-9 .,%$]{0,12}") {
        let story = format!("{story}{digits}");
        let reference = Document::parse(format!("{reference}{digits}1"), InputFormat::Text);
        let context = Context { reference: Some(std::sync::Arc::new(Reference::new(reference.clone()))), ..Context::default() };
        let doc = Document::parse(story.clone(), InputFormat::Text);
        for finding in rules().check(&doc, &context) {
            let span = finding.span;
            prop_assert!(span.start <= span.end && span.end <= story.len());
            prop_assert!(story.is_char_boundary(span.start) && story.is_char_boundary(span.end));
            if let Some(at) = finding.reference {
                let source = reference.original();
                prop_assert!(at.start <= at.end && at.end <= source.len());
                prop_assert!(source.is_char_boundary(at.start) && source.is_char_boundary(at.end));
            }
        }
    }

    #[test]
    fn quotations_are_whole_words_within_their_limit(text in story_text(), limit in 1usize..80) {
        let quoted = wirecheck_core::words_within(&text, limit);
        let body = quoted.strip_suffix('…').unwrap_or(&quoted);
        prop_assert!(body.chars().count() <= limit);
        let words: Vec<&str> = text.split_whitespace().collect();
        let kept: Vec<&str> = body.split_whitespace().collect();
        // Every word kept is the text's own, in order; only a first word too long to fit is cut.
        if kept.len() > 1 || words.first().is_some_and(|w| w.chars().count() <= limit) {
            for (i, word) in kept.iter().enumerate() {
                let last = i + 1 == kept.len();
                prop_assert!(*word == words[i] || (last && words[i].starts_with(word)), "{:?} from {:?}", quoted, text);
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC*") {
        let doc = Document::parse(text, InputFormat::Text);
        let _ = rules().check(&doc, &Context::default());
    }

    #[test]
    fn document_spans_lie_inside_the_normalized_text(text in story_text()) {
        let doc = Document::parse(text, InputFormat::Text);
        let len = doc.text().len();
        let spans = doc.headline.iter().chain(&doc.dateline).chain(&doc.paragraphs).copied().chain(&doc.words);
        for span in spans.chain(doc.sentences.iter().map(|s| s.span)) {
            prop_assert!(span.end <= len && doc.text().is_char_boundary(span.start) && doc.text().is_char_boundary(span.end));
        }
    }
}

/// Story-like text full of what NFC composes and what sits beside it: decomposed accents, marks
/// out of canonical order, no-break spaces, curly quotes, CRLF line ends, invisible characters,
/// and the faults that have safe fixes (doubled words, double spaces, notes, labels, a repeated
/// headline, duplicate paragraphs).
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("cafe\u{301} ".to_owned()),
        Just("cafe\u{301}".to_owned()),
        Just("cafe\u{301} cafe\u{301}".to_owned()),
        Just("We met at the cafe\u{301} cafe\u{301}".to_owned()),
        Just("Ko\u{304}no Ko\u{304}no".to_owned()),
        Just("Ko\u{304}no ".to_owned()),
        Just("a\u{301}\u{323}".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{201c}".to_owned()),
        Just("\u{201d}".to_owned()),
        Just("\u{2019}s ".to_owned()),
        Just("\u{2014} ".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{ad}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r\n\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("the the ".to_owned()),
        Just("  ".to_owned()),
        Just(". ".to_owned()),
        Just("[TN: note] ".to_owned()),
        Just("Advertisement".to_owned()),
        Just("Arab & International".to_owned()),
        Just("Talks Resume".to_owned()),
        Just("The ministers met on Friday to talk about trade and tariffs. ".to_owned()),
        Just("TOKYO (AP) \u{2014} ".to_owned()),
        Just("Sanae Takaiichi ".to_owned()),
        "[a-zA-Z]{1,7} ",
    ];
    let story = prop::collection::vec(piece, 0..50).prop_map(|pieces| pieces.concat());
    // A headline first, often: the front-line and repeated-headline rules need one.
    (any::<bool>(), story).prop_map(|(headline, story)| {
        if headline {
            format!("Talks Resume\n{story}")
        } else {
            story
        }
    })
}

/// Findings of `text` as `format`.
fn check(text: &str, format: InputFormat) -> Vec<Finding> {
    rules().check(
        &Document::parse(text.to_owned(), format),
        &Context::default(),
    )
}

/// The findings of `text` and of `nfc` (its NFC form), in the same order: by rule, message and
/// position, which the map between the two keeps.
fn paired_findings(text: &str, nfc: &str) -> (Vec<Finding>, Vec<Finding>) {
    let sorted = |mut findings: Vec<Finding>| {
        findings.sort_by(|a, b| (&a.rule, &a.message, a.span).cmp(&(&b.rule, &b.message, b.span)));
        findings
    };
    (
        sorted(check(text, InputFormat::Text)),
        sorted(check(nfc, InputFormat::Text)),
    )
}

/// How many findings of `text` are of `rule` on `matched` (compared in NFC).
/// Where offset `at` of the text after `fix` stood before it: unchanged before the replacement,
/// shifted after it, and nowhere inside it (at the replacement's edges, an `end` offset is taken
/// as after it and a start offset as before it).
fn before_edit(at: usize, fix: &wirecheck_core::Suggestion, end: bool) -> Option<usize> {
    let replaced_end = fix.span.start + fix.replacement.len();
    if at < fix.span.start || (at == fix.span.start && !end) {
        Some(at)
    } else if at > replaced_end || (at == replaced_end && end) {
        Some(at - replaced_end + fix.span.end)
    } else if at == replaced_end {
        Some(fix.span.end)
    } else {
        None
    }
}

/// The seams of a text and its NFC form: the offsets `i` of the text and `j` of the NFC text
/// where NFC of the text before `i` is the NFC text before `j`, and NFC of the rest is the rest.
/// Found by brute force, independently of the normaliser under test.
struct Seams {
    /// (NFC offset, text offset), in order.
    pairs: Vec<(usize, usize)>,
}

impl Seams {
    fn new(text: &str, nfc: &str) -> Self {
        let mut pairs = Vec::new();
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before: String = text[..i].nfc().collect();
            let j = before.len();
            if nfc.starts_with(&before) && text[i..].nfc().eq(nfc[j..].chars()) {
                pairs.push((j, i));
            }
        }
        Self { pairs }
    }

    /// The bytes of the text that `span` of the NFC text came from: exactly, where its ends are
    /// seams; else the smallest stretch between seams that covers it.
    fn original(&self, span: Span) -> Span {
        let start = self
            .pairs
            .iter()
            .rev()
            .find(|&&(j, _)| j <= span.start)
            .map_or(0, |&(_, i)| i);
        let end = self
            .pairs
            .iter()
            .find(|&&(j, _)| j >= span.end)
            .map_or(usize::MAX, |&(_, i)| i);
        Span::new(start, end)
    }
}
