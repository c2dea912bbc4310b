//! Benchmark: word diff of a generated 1 MB story pair (revision with scattered edits,
//! a moved paragraph, a split and a merge).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wirecheck_diff::{DiffOptions, diff_stories, format, split_paragraphs};

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "talks",
    "would",
    "resume",
    "in",
    "Geneva",
    "after",
    "a",
    "pause",
    "of",
    "three",
    "weeks",
    "officials",
    "negotiators",
    "agreement",
    "vote",
    "parliament",
    "reporters",
    "country",
    "economy",
    "grew",
    "percent",
    "year",
    "market",
    "prices",
];

/// Deterministic pseudo-random generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

/// About `bytes` of old story and a revised copy of it.
fn story_pair(bytes: usize) -> (String, String) {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut paragraphs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut paragraph = String::new();
        for s in 0..(2 + rng.next() % 4) {
            if s > 0 {
                paragraph.push(' ');
            }
            for w in 0..(8 + rng.next() % 18) {
                if w > 0 {
                    paragraph.push(' ');
                }
                paragraph.push_str(WORDS[rng.next() % WORDS.len()]);
            }
            paragraph.push_str(if rng.next().is_multiple_of(5) {
                ", 3.5 percent."
            } else {
                "."
            });
        }
        total += paragraph.len() + 2;
        paragraphs.push(paragraph);
    }
    let old = paragraphs.join("\n\n") + "\n";
    let mut revised: Vec<String> = paragraphs
        .iter()
        .map(|p| {
            if !rng.next().is_multiple_of(3) {
                return p.clone();
            }
            p.split(' ')
                .map(|w| {
                    if rng.next().is_multiple_of(12) {
                        WORDS[rng.next() % WORDS.len()]
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let moved = revised.remove(10);
    revised.insert(revised.len() - 10, moved);
    let merged = format!("{} {}", revised[20], revised[21]);
    revised.splice(20..22, [merged]);
    let (first, second) = revised[30].split_at(revised[30].find(". ").map_or(0, |i| i + 2));
    let split = [first.trim_end().to_owned(), second.to_owned()];
    revised.splice(30..31, split);
    (old, revised.join("\n\n") + "\n")
}

fn bench_diff(c: &mut Criterion) {
    let (old, new) = story_pair(1_000_000);
    let (old_paragraphs, new_paragraphs) = (split_paragraphs(&old), split_paragraphs(&new));
    let options = DiffOptions::default();
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function("diff_stories 1 MB", |b| {
        b.iter(|| {
            diff_stories(
                black_box(&old),
                &old_paragraphs,
                black_box(&new),
                &new_paragraphs,
                &options,
            )
        })
    });
    group.bench_function("diff_stories + word format 1 MB", |b| {
        b.iter(|| {
            let diff = diff_stories(
                &old,
                &split_paragraphs(&old),
                &new,
                &split_paragraphs(&new),
                &options,
            );
            diff.map(|d| format::render_word(&d).len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);
