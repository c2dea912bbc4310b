//! Benchmark: `check --reference` of a translation against its original in another language,
//! with the shipped packs: a 5 KB English story against its 5 KB Chinese original (the bound:
//! under 5 ms) and the same for Japanese. What is timed is what a run does for one story: the
//! original's facts (its language, quantities and names, found once a run) and the story's
//! checks, every rule of the shipped packs included.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use wirecheck_core::{Config, Context, Document, InputFormat, Reference, RuleSet, builtin_sources};

/// About `bytes` of a story made of a fixture's headline and its body again and again, each
/// repetition's paragraphs numbered so that they are paragraphs of their own.
fn repeated(text: &str, bytes: usize, mark: &dyn Fn(usize) -> String) -> String {
    let (headline, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut story = format!("{headline}\n\n");
    let mut k = 0;
    while story.len() < bytes {
        for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            // The first repetition keeps its dateline; the others are body paragraphs.
            story.push_str(&format!(
                "{paragraph}{}\n\n",
                if k == 0 { String::new() } else { mark(k) }
            ));
        }
        k += 1;
    }
    story
}

fn bench_translation(c: &mut Criterion) {
    let sources = builtin_sources().filter(|s| Config::default().uses_pack(&s.pack));
    let rules = RuleSet::compile(sources).expect("the shipped packs compile");
    let mut group = c.benchmark_group("check-reference");
    let pairs = [
        (
            "zh",
            include_str!("../fixtures/translations/zh/original.txt"),
            include_str!("../fixtures/translations/zh/errors.txt"),
        ),
        (
            "ja",
            include_str!("../fixtures/translations/ja/original.txt"),
            include_str!("../fixtures/translations/ja/errors.txt"),
        ),
    ];
    for (language, original, story) in pairs {
        let original = repeated(original, 5_000, &|k| format!("（{k}）"));
        let story = repeated(story, 5_000, &|k| format!(" ({k})"));
        group.bench_function(format!("{language}-5KB"), |b| {
            b.iter(|| {
                let reference = Document::parse(original.clone(), InputFormat::Text);
                let context = Context {
                    reference: Some(Arc::new(Reference::new(reference))),
                    ..Context::default()
                };
                let doc = Document::parse(story.clone(), InputFormat::Text);
                black_box(rules.check(&doc, &context).len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_translation);
criterion_main!(benches);
