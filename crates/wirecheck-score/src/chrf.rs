//! chrF (Popović, 2015) and chrF++ (Popović, 2017) exactly as sacreBLEU
//! 2.6.0 computes them: character n-grams over the text with whitespace
//! removed, optionally word n-grams over words with leading/trailing
//! punctuation split off, per-segment statistics taken from the reference
//! with the best segment F-score, summed over the corpus.

use rustc_hash::FxHashMap;

use super::ScoreError;
use super::ngrams::PrefixKeys;
use super::per_segment;
use super::pytext::{py_lower, py_split};
use super::signature::Signature;

/// The largest character n-gram order supported (n-grams are packed into
/// 128-bit keys, 21 bits per character).
pub const MAX_CHAR_ORDER: usize = 6;
/// The largest word n-gram order supported (32 bits per word id).
pub const MAX_WORD_ORDER: usize = 4;

/// chrF settings (sacreBLEU's `CHRF` constructor arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChrfConfig {
    /// Character n-gram order (default 6).
    pub char_order: usize,
    /// Word n-gram order: 0 for chrF, 2 for chrF++.
    pub word_order: usize,
    /// Recall is `beta` times as important as precision (default 2).
    pub beta: u32,
    /// Lowercase before extracting n-grams.
    pub lowercase: bool,
    /// Keep whitespace inside character n-grams.
    pub whitespace: bool,
    /// Use chrF++.py's epsilon smoothing instead of sacreBLEU's effective
    /// order averaging.
    pub eps_smoothing: bool,
}

impl Default for ChrfConfig {
    fn default() -> Self {
        ChrfConfig {
            char_order: 6,
            word_order: 0,
            beta: 2,
            lowercase: false,
            whitespace: false,
            eps_smoothing: false,
        }
    }
}

impl ChrfConfig {
    /// The chrF++ defaults: chrF with word bigrams.
    pub fn chrf_plus_plus() -> Self {
        ChrfConfig {
            word_order: 2,
            ..ChrfConfig::default()
        }
    }

    /// Checks the orders fit the n-gram key packing.
    pub fn validate(&self) -> Result<(), ScoreError> {
        if !(1..=MAX_CHAR_ORDER).contains(&self.char_order) {
            return Err(ScoreError::UnsupportedOrder {
                what: "chrF character",
                order: self.char_order,
                max: MAX_CHAR_ORDER,
            });
        }
        if self.word_order > MAX_WORD_ORDER {
            return Err(ScoreError::UnsupportedOrder {
                what: "chrF word",
                order: self.word_order,
                max: MAX_WORD_ORDER,
            });
        }
        Ok(())
    }

    /// The metric name sacreBLEU prints, e.g. `chrF2` or `chrF2++`.
    pub fn name(&self) -> String {
        format!("chrF{}{}", self.beta, "+".repeat(self.word_order))
    }

    /// The sacreBLEU signature for these settings and `nrefs` references.
    pub fn signature(&self, nrefs: usize) -> Signature {
        let yes_no = |flag: bool| if flag { "yes" } else { "no" };
        Signature::new(nrefs)
            .with("case", if self.lowercase { "lc" } else { "mixed" })
            .with("eff", yes_no(!self.eps_smoothing))
            .with("nc", self.char_order.to_string())
            .with("nw", self.word_order.to_string())
            .with("space", yes_no(self.whitespace))
    }

    fn orders(&self) -> usize {
        self.char_order + self.word_order
    }
}

/// Per-order statistics of a segment or corpus: for each character order
/// then each word order, the hypothesis n-gram count (0 when the reference
/// has no n-gram of that order), the reference n-gram count and the
/// matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChrfStats {
    /// `[hyp, ref, match]` per order.
    pub orders: Vec<[u64; 3]>,
}

impl ChrfStats {
    fn add(&mut self, other: &ChrfStats) {
        if self.orders.len() < other.orders.len() {
            self.orders.resize(other.orders.len(), [0; 3]);
        }
        for (sum, stats) in self.orders.iter_mut().zip(&other.orders) {
            for k in 0..3 {
                sum[k] += stats[k];
            }
        }
    }
}

/// A chrF score.
#[derive(Debug, Clone, PartialEq)]
pub struct ChrfScore {
    /// The score in [0, 100].
    pub score: f64,
    /// The statistics it was computed from.
    pub stats: ChrfStats,
}

/// The F-beta score of summed statistics (sacreBLEU's `_compute_f_score`).
pub fn compute_f_score(config: &ChrfConfig, stats: &ChrfStats) -> f64 {
    const EPS: f64 = 1e-16;
    let factor = f64::from(config.beta * config.beta);
    let mut eps_score = 0.0;
    let mut effective_order = 0u32;
    let (mut avg_prec, mut avg_rec) = (0.0, 0.0);
    for &[n_hyp, n_ref, n_match] in &stats.orders {
        let prec = if n_hyp > 0 {
            n_match as f64 / n_hyp as f64
        } else {
            EPS
        };
        let rec = if n_ref > 0 {
            n_match as f64 / n_ref as f64
        } else {
            EPS
        };
        let denom = factor * prec + rec;
        eps_score += if denom > 0.0 {
            (1.0 + factor) * prec * rec / denom
        } else {
            EPS
        };
        // sacreBLEU < 2.0 style: only orders seen on both sides count.
        if n_hyp > 0 && n_ref > 0 {
            avg_prec += prec;
            avg_rec += rec;
            effective_order += 1;
        }
    }
    if config.eps_smoothing {
        return 100.0 * eps_score / config.orders() as f64;
    }
    if effective_order == 0 {
        avg_prec = 0.0;
        avg_rec = 0.0;
    } else {
        avg_prec /= f64::from(effective_order);
        avg_rec /= f64::from(effective_order);
    }
    if avg_prec + avg_rec != 0.0 {
        let score = (1.0 + factor) * avg_prec * avg_rec;
        100.0 * (score / (factor * avg_prec + avg_rec))
    } else {
        0.0
    }
}

/// chrF++'s primitive word splitting: a trailing (or else leading) ASCII
/// punctuation character of a multi-character word becomes its own word.
fn split_punctuation(text: &str) -> Vec<&str> {
    let is_punct = |c: char| c.is_ascii_punctuation();
    let mut words = Vec::new();
    for word in py_split(text) {
        let mut chars = word.chars();
        let first = chars.next();
        let last = chars.next_back();
        match (first, last) {
            // A one-character word (no `last`) stays as it is.
            (Some(_), None) | (None, _) => words.push(word),
            (Some(first), Some(last)) => {
                if is_punct(last) {
                    let cut = word.len() - last.len_utf8();
                    words.push(&word[..cut]);
                    words.push(&word[cut..]);
                } else if is_punct(first) {
                    let cut = first.len_utf8();
                    words.push(&word[..cut]);
                    words.push(&word[cut..]);
                } else {
                    words.push(word);
                }
            }
        }
    }
    words
}

/// The character and word n-grams of one side of a segment.
struct SegmentNgrams {
    chars: PrefixKeys,
    words: Option<PrefixKeys>,
}

fn extract_ngrams<'a>(
    config: &ChrfConfig,
    text: &'a str,
    vocabulary: &mut FxHashMap<&'a str, u32>,
) -> SegmentNgrams {
    let chars: Vec<u32> = if config.whitespace {
        text.chars().map(u32::from).collect()
    } else {
        py_split(text).flat_map(str::chars).map(u32::from).collect()
    };
    let words = (config.word_order > 0).then(|| {
        let ids: Vec<u32> = split_punctuation(text)
            .into_iter()
            .map(|word| {
                let next = vocabulary.len() as u32;
                *vocabulary.entry(word).or_insert(next)
            })
            .collect();
        PrefixKeys::new(&ids, config.word_order, 32)
    });
    SegmentNgrams {
        chars: PrefixKeys::new(&chars, config.char_order, 21),
        words,
    }
}

/// `[hyp, ref, match]` of one order; hypothesis n-grams only count when
/// the reference has n-grams of that order.
fn order_stats(hyp: &PrefixKeys, reference: &PrefixKeys, n: usize) -> [u64; 3] {
    let ref_count = reference.count(n);
    let hyp_count = if ref_count == 0 { 0 } else { hyp.count(n) };
    [hyp_count, ref_count, hyp.matches(reference, n)]
}

/// Computes the statistics of one hypothesis against its references,
/// keeping those of the reference with the best F-score (the first one on
/// ties).
pub fn segment_stats(config: &ChrfConfig, hyp: &str, refs: &[&str]) -> ChrfStats {
    let lowered;
    let (hyp, refs): (&str, Vec<String>) = if config.lowercase {
        lowered = py_lower(hyp);
        (&lowered, refs.iter().map(|r| py_lower(r)).collect())
    } else {
        (hyp, refs.iter().map(|r| (*r).to_owned()).collect())
    };
    let mut vocabulary = FxHashMap::default();
    let hyp_ngrams = extract_ngrams(config, hyp, &mut vocabulary);
    let mut best: Option<(f64, ChrfStats)> = None;
    for reference in &refs {
        let ref_ngrams = extract_ngrams(config, reference, &mut vocabulary);
        let mut orders: Vec<[u64; 3]> = (1..=config.char_order)
            .map(|n| order_stats(&hyp_ngrams.chars, &ref_ngrams.chars, n))
            .collect();
        if let (Some(hyp_words), Some(ref_words)) = (&hyp_ngrams.words, &ref_ngrams.words) {
            orders.extend((1..=config.word_order).map(|n| order_stats(hyp_words, ref_words, n)));
        }
        let stats = ChrfStats { orders };
        let f_score = compute_f_score(config, &stats);
        if best.as_ref().is_none_or(|(best_f, _)| f_score > *best_f) {
            best = Some((f_score, stats));
        }
    }
    best.map(|(_, stats)| stats).unwrap_or_default()
}

/// Computes the statistics of every segment, in parallel.
pub fn corpus_stats(
    config: &ChrfConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<ChrfStats>, ScoreError> {
    config.validate()?;
    per_segment(hyps, refs, |hyp, line_refs| {
        segment_stats(config, hyp, line_refs)
    })
}

/// Corpus-level chrF: statistics summed over all segments.
pub fn corpus_chrf(
    config: &ChrfConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<ChrfScore, ScoreError> {
    let mut sum = ChrfStats::default();
    for stats in corpus_stats(config, hyps, refs)? {
        sum.add(&stats);
    }
    Ok(ChrfScore {
        score: compute_f_score(config, &sum),
        stats: sum,
    })
}

/// Sentence-level chrF for every segment.
pub fn sentence_chrf(
    config: &ChrfConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<ChrfScore>, ScoreError> {
    Ok(corpus_stats(config, hyps, refs)?
        .into_iter()
        .map(|stats| ChrfScore {
            score: compute_f_score(config, &stats),
            stats,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_split_matches_sacrebleu() {
        assert_eq!(
            split_punctuation("(hi) \"x ! ab. .a a.b é,"),
            [
                "(hi", ")", "\"", "x", "!", "ab", ".", ".", "a", "a.b", "é", ","
            ]
        );
    }
}
