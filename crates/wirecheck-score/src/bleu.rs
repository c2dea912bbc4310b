//! BLEU (Papineni et al., 2002) exactly as sacreBLEU 2.6.0 computes it:
//! n-gram statistics per segment (clipped by the maximum count over all
//! references, closest reference length with ties going to the shorter
//! one), summed over the corpus, then smoothed and combined.

use std::fmt;

use rustc_hash::FxHashMap;

use super::ScoreError;
use super::ngrams::{PrefixKeys, max_union, sorted_intersection};
use super::per_segment;
use super::pytext::{py_lower, py_rstrip, py_split};
use super::signature::Signature;
use super::tokenize::Tokenizer;

/// BLEU's maximum n-gram order (sacreBLEU's default, not configurable on its
/// command line either).
pub const MAX_NGRAM_ORDER: usize = 4;

/// How zero n-gram matches are smoothed (Chen & Cherry, 2014).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Smoothing {
    /// No smoothing.
    None,
    /// Method 1: a zero match count becomes the given value (default 0.1).
    Floor(f64),
    /// Method 2: the given value is added to counts and totals of orders ≥ 2
    /// (default 1).
    AddK(f64),
    /// Method 3, NIST's geometric smoothing (sacreBLEU's default).
    #[default]
    Exp,
}

impl Smoothing {
    /// Builds a smoothing from sacreBLEU's method name and optional value;
    /// `floor` and `add-k` fall back to their defaults (0.1 and 1) without
    /// a value, `none` and `exp` ignore it.
    pub fn from_name(method: &str, value: Option<f64>) -> Result<Self, ScoreError> {
        match method {
            "none" => Ok(Smoothing::None),
            "exp" => Ok(Smoothing::Exp),
            "floor" => Ok(Smoothing::Floor(value.unwrap_or(0.1))),
            "add-k" => Ok(Smoothing::AddK(value.unwrap_or(1.0))),
            _ => Err(ScoreError::UnknownSmoothing(method.to_owned())),
        }
    }

    /// The signature value, e.g. `exp` or `floor[0.10]`.
    pub fn signature(self) -> String {
        match self {
            Smoothing::None => "none".to_owned(),
            Smoothing::Exp => "exp".to_owned(),
            Smoothing::Floor(value) => format!("floor[{value:.2}]"),
            Smoothing::AddK(value) => format!("add-k[{value:.2}]"),
        }
    }
}

/// BLEU settings (sacreBLEU's `BLEU` constructor arguments).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BleuConfig {
    /// Lowercase hypotheses and references before tokenizing.
    pub lowercase: bool,
    /// The tokenizer (default `13a`).
    pub tokenizer: Tokenizer,
    /// The smoothing method (default `exp`).
    pub smoothing: Smoothing,
    /// Ignore n-gram orders beyond the longest one with a hypothesis n-gram;
    /// sacreBLEU turns this on for sentence-level scores.
    pub effective_order: bool,
}

impl BleuConfig {
    /// The sacreBLEU signature for these settings and `nrefs` references.
    pub fn signature(&self, nrefs: usize) -> Signature {
        Signature::new(nrefs)
            .with("case", if self.lowercase { "lc" } else { "mixed" })
            .with("eff", if self.effective_order { "yes" } else { "no" })
            .with("tok", self.tokenizer.signature())
            .with("smooth", self.smoothing.signature())
    }
}

/// The sufficient statistics of one segment (or, summed, of a corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BleuStats {
    /// Hypothesis length in tokens.
    pub hyp_len: u64,
    /// The chosen (closest) reference length in tokens.
    pub ref_len: u64,
    /// Clipped n-gram matches for orders 1..=4.
    pub correct: [u64; MAX_NGRAM_ORDER],
    /// Hypothesis n-gram counts for orders 1..=4.
    pub total: [u64; MAX_NGRAM_ORDER],
}

impl std::ops::AddAssign for BleuStats {
    fn add_assign(&mut self, other: Self) {
        self.hyp_len += other.hyp_len;
        self.ref_len += other.ref_len;
        for n in 0..MAX_NGRAM_ORDER {
            self.correct[n] += other.correct[n];
            self.total[n] += other.total[n];
        }
    }
}

/// A BLEU score with the numbers sacreBLEU prints after it.
#[derive(Debug, Clone, PartialEq)]
pub struct BleuScore {
    /// The score in [0, 100].
    pub score: f64,
    /// The n-gram precisions in percent.
    pub precisions: [f64; MAX_NGRAM_ORDER],
    /// The brevity penalty.
    pub bp: f64,
    /// Hypothesis length divided by reference length (0 without reference).
    pub ratio: f64,
    /// The statistics the score was computed from (before any `add-k`
    /// adjustment).
    pub stats: BleuStats,
}

impl BleuScore {
    /// sacreBLEU's verbose part, e.g.
    /// `82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)`.
    pub fn verbose(&self) -> String {
        let precisions: Vec<String> = self.precisions.iter().map(|p| format!("{p:.1}")).collect();
        format!(
            "{} (BP = {:.3} ratio = {:.3} hyp_len = {} ref_len = {})",
            precisions.join("/"),
            self.bp,
            self.ratio,
            self.stats.hyp_len,
            self.stats.ref_len
        )
    }
}

impl fmt::Display for BleuScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2} {}", self.score, self.verbose())
    }
}

/// sacreBLEU's `my_log`: the natural logarithm, with log(0) floored.
fn floored_log(value: f64) -> f64 {
    if value == 0.0 {
        -9_999_999_999.0
    } else {
        value.ln()
    }
}

/// Computes BLEU from (summed) statistics, as sacreBLEU's `compute_bleu`.
pub fn compute_bleu(stats: &BleuStats, smoothing: Smoothing, effective_order: bool) -> BleuScore {
    let sys_len = stats.hyp_len;
    let ref_len = stats.ref_len;
    let mut bp = 1.0;
    if sys_len < ref_len {
        bp = if sys_len > 0 {
            (1.0 - ref_len as f64 / sys_len as f64).exp()
        } else {
            0.0
        };
    }
    let ratio = if ref_len > 0 {
        sys_len as f64 / ref_len as f64
    } else {
        0.0
    };
    let mut precisions = [0.0; MAX_NGRAM_ORDER];
    let done = |score, precisions| BleuScore {
        score,
        precisions,
        bp,
        ratio,
        stats: *stats,
    };
    // No match at all (sacreBLEU issue #141): the score is 0 whatever the
    // smoothing.
    if stats.correct.iter().all(|&c| c == 0) {
        return done(0.0, precisions);
    }

    let mut correct = stats.correct.map(|c| c as f64);
    let mut total = stats.total.map(|t| t as f64);
    let mut smooth_mteval = 1.0;
    let mut eff_order = MAX_NGRAM_ORDER;
    for n in 0..MAX_NGRAM_ORDER {
        if let Smoothing::AddK(k) = smoothing
            && n > 0
        {
            correct[n] += k;
            total[n] += k;
        }
        if total[n] == 0.0 {
            break;
        }
        if effective_order {
            eff_order = n + 1;
        }
        if correct[n] == 0.0 {
            match smoothing {
                Smoothing::Exp => {
                    smooth_mteval *= 2.0;
                    precisions[n] = 100.0 / (smooth_mteval * total[n]);
                }
                Smoothing::Floor(value) => precisions[n] = 100.0 * value / total[n],
                Smoothing::None | Smoothing::AddK(_) => {}
            }
        } else {
            precisions[n] = 100.0 * correct[n] / total[n];
        }
    }
    // Summed left to right from 0 like Python's (pre-3.12) `sum`.
    let log_sum = precisions[..eff_order]
        .iter()
        .fold(0.0, |acc, &p| acc + floored_log(p));
    let score = bp * (log_sum / eff_order as f64).exp();
    done(score, precisions)
}

/// The reference length closest to `hyp_len`; on ties the shorter wins.
fn closest_ref_len(hyp_len: usize, ref_lens: &[usize]) -> usize {
    let mut best: Option<(usize, usize)> = None;
    for &ref_len in ref_lens {
        let diff = hyp_len.abs_diff(ref_len);
        best = match best {
            Some((best_diff, best_len))
                if diff > best_diff || (diff == best_diff && ref_len >= best_len) =>
            {
                Some((best_diff, best_len))
            }
            _ => Some((diff, ref_len)),
        };
    }
    best.map_or(0, |(_, len)| len)
}

/// BLEU's per-segment preprocessing: optional lowercasing, then tokenizing
/// the right-stripped line.
fn preprocess(config: &BleuConfig, line: &str) -> String {
    if config.lowercase {
        config
            .tokenizer
            .tokenize_for_split(py_rstrip(&py_lower(line)))
    } else {
        config.tokenizer.tokenize_for_split(py_rstrip(line))
    }
}

/// Computes the statistics of one hypothesis against its references.
pub fn segment_stats(config: &BleuConfig, hyp: &str, refs: &[&str]) -> BleuStats {
    let hyp = preprocess(config, hyp);
    let refs: Vec<String> = refs.iter().map(|r| preprocess(config, r)).collect();

    // Token ids are local to the segment: equal ids mean equal tokens.
    let mut vocabulary: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(64, Default::default());
    let mut ngrams_of = |text| {
        let ids: Vec<u32> = py_split(text)
            .map(|token| {
                let next = vocabulary.len() as u32;
                *vocabulary.entry(token).or_insert(next)
            })
            .collect();
        (ids.len(), PrefixKeys::new(&ids, MAX_NGRAM_ORDER, 32))
    };
    let (ref_lens, ref_ngrams): (Vec<usize>, Vec<PrefixKeys>) =
        refs.iter().map(|r| ngrams_of(r)).unzip();
    let (hyp_len, hyp_ngrams) = ngrams_of(&hyp);

    let mut stats = BleuStats {
        hyp_len: hyp_len as u64,
        ref_len: closest_ref_len(hyp_len, &ref_lens) as u64,
        ..BleuStats::default()
    };
    let mut merged = Vec::new();
    let mut union = Vec::new();
    for n in 1..=MAX_NGRAM_ORDER {
        stats.total[n - 1] = hyp_ngrams.count(n);
        // Clipped matches: the multiset intersection of hypothesis n-grams
        // with the per-n-gram maximum over references.
        stats.correct[n - 1] = match ref_ngrams.as_slice() {
            [] => 0,
            [single] => hyp_ngrams.matches(single, n),
            [first, rest @ ..] => {
                merged.clear();
                merged.extend(first.ngrams(n));
                for other in rest {
                    let theirs: Vec<u128> = other.ngrams(n).collect();
                    max_union(&merged, &theirs, &mut union);
                    std::mem::swap(&mut merged, &mut union);
                }
                sorted_intersection(hyp_ngrams.ngrams(n), merged.iter().copied())
            }
        };
    }
    stats
}

/// Computes the statistics of every segment, in parallel.
///
/// `refs` holds one stream per reference, each aligned with `hyps`.
pub fn corpus_stats(
    config: &BleuConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<BleuStats>, ScoreError> {
    per_segment(hyps, refs, |hyp, line_refs| {
        segment_stats(config, hyp, line_refs)
    })
}

/// Corpus-level BLEU: statistics summed over all segments.
pub fn corpus_bleu(
    config: &BleuConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<BleuScore, ScoreError> {
    let mut sum = BleuStats::default();
    for stats in corpus_stats(config, hyps, refs)? {
        sum += stats;
    }
    Ok(compute_bleu(&sum, config.smoothing, config.effective_order))
}

/// Sentence-level BLEU for every segment.
pub fn sentence_bleu(
    config: &BleuConfig,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<BleuScore>, ScoreError> {
    Ok(corpus_stats(config, hyps, refs)?
        .iter()
        .map(|stats| compute_bleu(stats, config.smoothing, config.effective_order))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_reference_length_prefers_shorter_on_ties() {
        assert_eq!(closest_ref_len(5, &[7, 3]), 3);
        assert_eq!(closest_ref_len(5, &[3, 7]), 3);
        assert_eq!(closest_ref_len(5, &[9, 6, 4]), 4);
        assert_eq!(closest_ref_len(5, &[]), 0);
    }

    #[test]
    fn multiple_references_clip_by_maximum_count() {
        let config = BleuConfig {
            tokenizer: Tokenizer::None,
            ..BleuConfig::default()
        };
        let stats = segment_stats(&config, "a a a b", &["a b", "a a c"]);
        assert_eq!(stats.correct[0], 3);
        assert_eq!(stats.total, [4, 3, 2, 1]);
        assert_eq!(stats.correct[1], 2);
        assert_eq!(stats.ref_len, 3);
    }
}
