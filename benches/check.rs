//! Throughput of `check` on wire-like text with the shipped packs plus a names list of 100, 1,000
//! and 10,000 entries: throughput should stay flat as the list grows.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use wirecheck_core::Config;
use wirecheck_core::builtin_sources;
use wirecheck_core::{Context, RuleSource};
use wirecheck_core::{Document, InputFormat, RuleSet};

const SYLLABLES: &[&str] = &[
    "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "ta", "chi", "to", "na", "ni", "ha", "mo",
    "ya", "ra", "ri", "ro", "wa", "el", "or", "ver", "lin", "dor", "mar", "tel", "son", "berg",
    "ov",
];

/// A deterministic pseudo-random sequence (no crate needed for a benchmark's inputs).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }

    fn word(&mut self) -> String {
        let count = 2 + self.next(3);
        let word: String = (0..count)
            .map(|_| SYLLABLES[self.next(SYLLABLES.len())])
            .collect();
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

fn names_rule(count: usize) -> RuleSource {
    let mut sequence = Sequence(7);
    let mut yaml = String::from("extends: names\nmessage: \"'%s' ~ '%s' (%s)\"\nnames:\n");
    for _ in 0..count {
        yaml.push_str(&format!("  - {} {}\n", sequence.word(), sequence.word()));
    }
    RuleSource {
        files: Default::default(),
        pack: "bench".into(),
        name: "Names".into(),
        origin: "bench".into(),
        yaml,
    }
}

fn story(sequence: &mut Sequence) -> String {
    const WORDS: &[&str] = &[
        "the",
        "government",
        "said",
        "on",
        "Friday",
        "that",
        "it",
        "would",
        "expand",
        "cooperation",
        "with",
        "allies",
        "and",
        "increase",
        "spending",
        "on",
        "defense",
        "while",
        "officials",
        "in",
        "Tokyo",
        "warned",
        "supply",
        "chains",
        "remained",
        "vulnerable",
        "Prime",
        "Minister",
        "Sanae",
        "Takaichi",
        "told",
        "reporters",
        "2.1%",
        "of",
        "GDP",
        "—",
        "“a",
        "turning",
        "point,”",
    ];
    let mut text = String::from("Allies Agree to Expand Joint Production\n\nTOKYO (AP) — ");
    for paragraph in 0..8 {
        for _ in 0..60 {
            text.push_str(WORDS[sequence.next(WORDS.len())]);
            text.push(' ');
        }
        text.push_str(&format!("said {}.\n\n", sequence.word()));
        if paragraph == 3 {
            text.push_str("Officials said the talks would resume next month in Washington.\n\n");
        }
    }
    text
}

fn bench_check(c: &mut Criterion) {
    let mut sequence = Sequence(42);
    let stories: Vec<String> = (0..200).map(|_| story(&mut sequence)).collect();
    let bytes: usize = stories.iter().map(String::len).sum();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes as u64));
    for names in [100, 1_000, 10_000] {
        let sources = builtin_sources().filter(|s| Config::default().uses_pack(&s.pack));
        let rules = RuleSet::compile(sources.chain([names_rule(names)])).expect("rules compile");
        group.bench_with_input(BenchmarkId::new("names", names), &rules, |b, rules| {
            b.iter(|| {
                let mut findings = 0;
                for text in &stories {
                    let doc = Document::parse(text.clone(), InputFormat::Text);
                    findings += rules.check(&doc, &Context::default()).len();
                }
                findings
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
