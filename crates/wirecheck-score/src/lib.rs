//! Translation quality scores that reproduce sacreBLEU 2.6.0 digit for digit:
//! BLEU, chrF, chrF++ and TER, at corpus or sentence level, with
//! sacreBLEU's signatures and text format.
//!
//! Inputs are a hypothesis per segment and one or more reference *streams*
//! (`refs[k][i]` is reference `k` of segment `i`). Every function mirrors a
//! sacreBLEU code path; the module docs of [`bleu`], [`chrf`] and [`ter`]
//! note the behaviours that matter for exactness. Strings are processed
//! with Python's notion of whitespace ([`pytext`]).
//!
//! Floating-point sums are accumulated left to right in segment order, as
//! CPython ≤ 3.11 does (3.12 changed `sum()` of floats to a compensated
//! sum, which can move the last bits but not any printed digit).
//!
//! # JSON schema
//!
//! [`report::to_json`] renders one object per metric (and per line in
//! sentence mode), with these keys:
//!
//! - `name`: `BLEU`, `chrF2`, `chrF2++` or `TER` (sacreBLEU's names);
//! - `score`: the score rounded to the requested decimals (a number);
//! - `signature`: the sacreBLEU signature string;
//! - `verbose_score`: BLEU only, sacreBLEU's text after the score;
//! - `line`: sentence mode only, the 1-based line number;
//! - `exact_score`: the unrounded score;
//! - `details`: metric-specific numbers: for BLEU `precisions` (percent),
//!   `bp`, `ratio`, `hyp_len`, `ref_len`, `counts` and `totals` (n-gram
//!   matches and hypothesis n-grams per order); for chrF `char_order`,
//!   `word_order`, `beta` and `stats` (`[hyp, ref, match]` per order); for
//!   TER `num_edits` and `ref_length`;
//! - every signature field (`nrefs`, `case`, ..., `version`) as a string,
//!   as sacreBLEU's own JSON output does.

pub mod bleu;
pub mod chrf;
pub mod ngrams;
pub mod pytext;
pub mod report;
pub mod signature;
pub mod ter;
pub mod ter_normalize;
pub mod tokenize;

use std::str::FromStr;

use thiserror::Error;

use bleu::{BleuConfig, BleuScore};
use chrf::{ChrfConfig, ChrfScore};
use signature::Signature;
use ter::TerScore;
use ter_normalize::TerConfig;

/// Errors of the scoring library.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ScoreError {
    /// A reference stream does not have one line per hypothesis.
    #[error("reference {reference} has {ref_lines} lines but the hypothesis has {hyp_lines}")]
    LineCountMismatch {
        /// 1-based index of the reference stream.
        reference: usize,
        /// Lines in that reference stream.
        ref_lines: usize,
        /// Lines in the hypothesis.
        hyp_lines: usize,
    },
    /// No reference stream was given.
    #[error("at least one reference is required")]
    NoReferences,
    /// A tokenizer name sacreBLEU does not know.
    #[error("unknown tokenizer {0:?} (expected none, 13a, intl, char or zh)")]
    UnknownTokenizer(String),
    /// A sacreBLEU tokenizer that needs external models.
    #[error("tokenizer {0:?} is not supported (it needs MeCab or SentencePiece models)")]
    UnsupportedTokenizer(String),
    /// A smoothing method sacreBLEU does not know.
    #[error("unknown smoothing method {0:?} (expected none, floor, add-k or exp)")]
    UnknownSmoothing(String),
    /// A metric name that is not one of `bleu`, `chrf`, `chrf++`, `ter`.
    #[error("unknown metric {0:?} (expected bleu, chrf, chrf++ or ter)")]
    UnknownMetric(String),
    /// An n-gram order beyond what the implementation packs into keys.
    #[error("{what} n-gram order {order} is not supported (maximum {max})")]
    UnsupportedOrder {
        /// Which order.
        what: &'static str,
        /// The requested order.
        order: usize,
        /// The supported maximum.
        max: usize,
    },
    /// TER's beam left the optimal alignment path undefined (sacreBLEU
    /// raises an exception in this case too).
    #[error("TER beam search could not align a segment")]
    TerBeamExhausted,
}

/// Checks there is at least one reference stream and that every stream has
/// one line per hypothesis.
pub fn check_alignment(hyps: &[String], refs: &[Vec<String>]) -> Result<(), ScoreError> {
    if refs.is_empty() {
        return Err(ScoreError::NoReferences);
    }
    for (k, stream) in refs.iter().enumerate() {
        if stream.len() != hyps.len() {
            return Err(ScoreError::LineCountMismatch {
                reference: k + 1,
                ref_lines: stream.len(),
                hyp_lines: hyps.len(),
            });
        }
    }
    Ok(())
}

/// Applies `segment` to every hypothesis line with its references, in parallel, after checking
/// that every reference stream is as long as the hypotheses.
pub(crate) fn per_segment<T: Send>(
    hyps: &[String],
    refs: &[Vec<String>],
    segment: impl Fn(&str, &[&str]) -> T + Sync,
) -> Result<Vec<T>, ScoreError> {
    use rayon::prelude::*;
    check_alignment(hyps, refs)?;
    Ok(hyps
        .par_iter()
        .enumerate()
        .map(|(i, hyp)| {
            let line_refs: Vec<&str> = refs.iter().map(|stream| stream[i].as_str()).collect();
            segment(hyp, &line_refs)
        })
        .collect())
}

/// A metric `wirecheck score` can compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// BLEU.
    Bleu,
    /// chrF (character n-grams only).
    Chrf,
    /// chrF++ (character and word n-grams).
    ChrfPlusPlus,
    /// TER.
    Ter,
}

impl Metric {
    /// All metrics, in output order.
    pub const ALL: [Metric; 4] = [
        Metric::Bleu,
        Metric::Chrf,
        Metric::ChrfPlusPlus,
        Metric::Ter,
    ];
}

impl FromStr for Metric {
    type Err = ScoreError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "bleu" => Ok(Metric::Bleu),
            "chrf" => Ok(Metric::Chrf),
            "chrf++" | "chrfpp" => Ok(Metric::ChrfPlusPlus),
            "ter" => Ok(Metric::Ter),
            _ => Err(ScoreError::UnknownMetric(name.to_owned())),
        }
    }
}

/// Settings of every metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreOptions {
    /// BLEU settings.
    pub bleu: BleuConfig,
    /// chrF settings (its `word_order` should be 0).
    pub chrf: ChrfConfig,
    /// chrF++ settings (word order 2 by default).
    pub chrf_plus_plus: ChrfConfig,
    /// TER settings.
    pub ter: TerConfig,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            bleu: BleuConfig::default(),
            chrf: ChrfConfig::default(),
            chrf_plus_plus: ChrfConfig::chrf_plus_plus(),
            ter: TerConfig::default(),
        }
    }
}

/// The metric-specific part of a score.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreDetails {
    /// BLEU's precisions, brevity penalty and lengths.
    Bleu(BleuScore),
    /// chrF's statistics.
    Chrf(ChrfScore, ChrfConfig),
    /// TER's edits and reference length.
    Ter(TerScore),
}

/// One computed score with everything needed to print it.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricScore {
    /// sacreBLEU's name for the metric (`BLEU`, `chrF2`, `chrF2++`, `TER`).
    pub name: String,
    /// The unrounded score.
    pub score: f64,
    /// The reproducibility signature.
    pub signature: Signature,
    /// Metric-specific numbers.
    pub details: ScoreDetails,
}

impl MetricScore {
    fn bleu(score: BleuScore, signature: Signature) -> Self {
        MetricScore {
            name: "BLEU".to_owned(),
            score: score.score,
            signature,
            details: ScoreDetails::Bleu(score),
        }
    }

    fn chrf(score: ChrfScore, config: &ChrfConfig, nrefs: usize) -> Self {
        MetricScore {
            name: config.name(),
            score: score.score,
            signature: config.signature(nrefs),
            details: ScoreDetails::Chrf(score, *config),
        }
    }

    fn ter(score: TerScore, signature: Signature) -> Self {
        MetricScore {
            name: "TER".to_owned(),
            score: score.score,
            signature,
            details: ScoreDetails::Ter(score),
        }
    }
}

/// Corpus-level scores of the requested metrics, in the order given.
pub fn score_corpus(
    metrics: &[Metric],
    options: &ScoreOptions,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<MetricScore>, ScoreError> {
    check_alignment(hyps, refs)?;
    let nrefs = refs.len();
    metrics
        .iter()
        .map(|metric| {
            Ok(match metric {
                Metric::Bleu => MetricScore::bleu(
                    bleu::corpus_bleu(&options.bleu, hyps, refs)?,
                    options.bleu.signature(nrefs),
                ),
                Metric::Chrf => MetricScore::chrf(
                    chrf::corpus_chrf(&options.chrf, hyps, refs)?,
                    &options.chrf,
                    nrefs,
                ),
                Metric::ChrfPlusPlus => MetricScore::chrf(
                    chrf::corpus_chrf(&options.chrf_plus_plus, hyps, refs)?,
                    &options.chrf_plus_plus,
                    nrefs,
                ),
                Metric::Ter => MetricScore::ter(
                    ter::corpus_ter(&options.ter, hyps, refs)?,
                    options.ter.signature(nrefs),
                ),
            })
        })
        .collect()
}

/// Sentence-level scores: for each requested metric, one score per line.
///
/// Like sacreBLEU's `--sentence-level`, BLEU uses effective order here
/// whatever `options.bleu.effective_order` says.
pub fn score_sentences(
    metrics: &[Metric],
    options: &ScoreOptions,
    hyps: &[String],
    refs: &[Vec<String>],
) -> Result<Vec<Vec<MetricScore>>, ScoreError> {
    check_alignment(hyps, refs)?;
    let nrefs = refs.len();
    metrics
        .iter()
        .map(|metric| {
            Ok(match metric {
                Metric::Bleu => {
                    let config = BleuConfig {
                        effective_order: true,
                        ..options.bleu
                    };
                    let signature = config.signature(nrefs);
                    bleu::sentence_bleu(&config, hyps, refs)?
                        .into_iter()
                        .map(|score| MetricScore::bleu(score, signature.clone()))
                        .collect()
                }
                Metric::Chrf | Metric::ChrfPlusPlus => {
                    let config = if *metric == Metric::Chrf {
                        &options.chrf
                    } else {
                        &options.chrf_plus_plus
                    };
                    chrf::sentence_chrf(config, hyps, refs)?
                        .into_iter()
                        .map(|score| MetricScore::chrf(score, config, nrefs))
                        .collect()
                }
                Metric::Ter => {
                    let signature = options.ter.signature(nrefs);
                    ter::sentence_ter(&options.ter, hyps, refs)?
                        .into_iter()
                        .map(|score| MetricScore::ter(score, signature.clone()))
                        .collect()
                }
            })
        })
        .collect()
}

/// Splits a file's text into segments as sacreBLEU's command line reads
/// them: lines end at `\n` only (a final `\n` does not start a new line)
/// and each line is right-stripped of Python whitespace (so a trailing
/// `\r` goes away).
pub fn lines_from_text(text: &str) -> Vec<String> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    body.split('\n')
        .map(|line| pytext::py_rstrip(line).to_owned())
        .collect()
}
