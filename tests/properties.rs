//! Laws that hold for any input: parsing and checking never panic, every span lies on character
//! boundaries inside the text, and applying a finding's suggestion keeps the text valid.

use proptest::prelude::*;
use wirecheck::config::Config;
use wirecheck::rules::Context;
use wirecheck::{Document, InputFormat, RuleSet};

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
                prop_assert!(text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
                let mut fixed = text.clone();
                fixed.replace_range(fix.span.start..fix.span.end, &fix.replacement);
                prop_assert!(fixed.len() + fix.span.len() == text.len() + fix.replacement.len());
            }
        }
    }

    #[test]
    fn reference_findings_lie_inside_story_and_reference(story in story_text(), reference in story_text(), digits in "[0-9 .,%$]{0,12}") {
        let story = format!("{story}{digits}");
        let reference = Document::parse(format!("{reference}{digits}1"), InputFormat::Text);
        let context = Context { reference: Some(std::sync::Arc::new(reference.clone())), ..Context::default() };
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
        let quoted = wirecheck::excerpt::words_within(&text, limit);
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
        let spans = doc.headline.iter().chain(&doc.dateline).chain(&doc.paragraphs).chain(&doc.words);
        for span in spans.chain(doc.sentences.iter().map(|s| &s.span)) {
            prop_assert!(span.end <= len && doc.text().is_char_boundary(span.start) && doc.text().is_char_boundary(span.end));
        }
    }
}
