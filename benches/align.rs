//! Benchmark: aligning the paragraphs of a Chinese original with its English translation
//! (`wirecheck_core::align_translation`, as `diff` and `check --reference` across languages call
//! it): a clean 5 KB pair (the bound: well under a millisecond), the same with a fifth of its
//! paragraphs dropped from the translation, and a 300-paragraph pair with as many dropped.
//!
//! Times are the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not the wall clock: on
//! a machine shared with other work that is the steady measure of what the aligner costs.

use std::hint::black_box;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wirecheck_core::align_translation;
use wirecheck_diff::split_paragraphs;

const ORIGINAL: &str = include_str!("../fixtures/diff-translation/zh.txt");
const TRANSLATION: &str = include_str!("../fixtures/diff-translation/en.txt");

/// About `bytes` of original, made of the fixture's paragraphs in turn, each numbered so that
/// its anchors are its own; the translation the same, the fixture's untranslated paragraph
/// left out as it is there (`dropping`) or out of both.
fn story_pair(bytes: usize, dropping: bool) -> (String, String) {
    let original: Vec<&str> = ORIGINAL.split("\n\n").map(str::trim).collect();
    let translation: Vec<&str> = TRANSLATION.split("\n\n").map(str::trim).collect();
    // The fixture's fourth original paragraph has no translation.
    let counterpart = [Some(0), Some(1), Some(2), None, Some(3)];
    let (mut old, mut new) = (String::new(), String::new());
    let mut k = 0;
    while old.len() < bytes {
        let i = k % original.len();
        if !dropping && counterpart[i].is_none() {
            k += 1;
            continue;
        }
        old.push_str(&format!("{}（第{k}段）\n\n", original[i]));
        if let Some(j) = counterpart[i] {
            new.push_str(&format!("{} (part {k})\n\n", translation[j]));
        }
        k += 1;
    }
    (old, new)
}

/// The CPU time the calling thread has used, in nanoseconds.
fn thread_cpu_nanos() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec; the clock id is one Linux and BSDs define.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "the thread's CPU clock cannot be read");
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

/// Criterion's measurement of the benchmark thread's CPU time, in nanoseconds.
struct ThreadCpuTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_nanos().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Nanoseconds shown in the unit that suits them, as criterion shows wall time.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical {
            t if t < 1e3 => (1.0, "ns (CPU)"),
            t if t < 1e6 => (1e-3, "µs (CPU)"),
            t if t < 1e9 => (1e-6, "ms (CPU)"),
            _ => (1e-9, "s (CPU)"),
        };
        for value in values {
            *value *= factor;
        }
        unit
    }
    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match *throughput {
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => n,
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n,
        };
        for value in values {
            *value = per as f64 * 1e9 / *value;
        }
        "per CPU second"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn bench_align(c: &mut Criterion<ThreadCpuTime>) {
    let mut group = c.benchmark_group("align");
    for (label, bytes, dropping) in [
        ("5 KB clean", 5_000, false),
        ("5 KB, a fifth dropped", 5_000, true),
        ("300 paragraphs, a fifth dropped", 58_000, true),
    ] {
        let (old, new) = story_pair(bytes, dropping);
        let (old_blocks, new_blocks) = (split_paragraphs(&old), split_paragraphs(&new));
        group.bench_function(format!("align_translation {label}"), |b| {
            b.iter(|| {
                align_translation(
                    black_box(&old),
                    &old_blocks,
                    black_box(&new),
                    &new_blocks,
                    None,
                )
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = bench_align
}
criterion_main!(benches);
