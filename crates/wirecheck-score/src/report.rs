//! Rendering of scores the way sacreBLEU prints them (text lines, aligned
//! on `=`), and as JSON (schema documented in the [parent module](super)).

use serde::Serialize;
use serde_json::{Map, Value};

use super::{MetricScore, ScoreDetails};

/// Formats `value` with `width` decimals, as Python's `f"{value:.{width}f}"`
/// (both round the exact binary value half-to-even).
pub fn format_fixed(value: f64, width: usize) -> String {
    format!("{value:.width$}")
}

/// sacreBLEU's text line for one score:
/// `NAME|SIGNATURE = SCORE[ VERBOSE]`, or only `SCORE` with `score_only`.
pub fn format_line(score: &MetricScore, width: usize, score_only: bool) -> String {
    let value = format_fixed(score.score, width);
    if score_only {
        return value;
    }
    let mut line = format!("{}|{} = {value}", score.name, score.signature);
    if let ScoreDetails::Bleu(bleu) = &score.details {
        line.push(' ');
        line.push_str(&bleu.verbose());
    }
    line
}

/// Right-aligns several score lines on their ` = ` as sacreBLEU does when it
/// prints more than one metric; lines without `=` (score-only) are left
/// unchanged.
pub fn align_lines(lines: &[String]) -> Vec<String> {
    if lines.len() < 2 {
        return lines.to_vec();
    }
    // The part before the space preceding '=' is padded (sacreBLEU counts
    // characters, not bytes; names and signatures are ASCII anyway).
    let split_at = |line: &str| line.find('=').map(|i| i.saturating_sub(1));
    let width = lines
        .iter()
        .filter_map(|line| split_at(line).map(|i| line[..i].chars().count()))
        .max()
        .unwrap_or(0);
    lines
        .iter()
        .map(|line| match split_at(line) {
            Some(i) => format!("{:>width$}{}", &line[..i], &line[i..]),
            None => line.clone(),
        })
        .collect()
}

/// Metric-specific numbers of a [`JsonScore`].
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum JsonDetails {
    /// BLEU's precisions, brevity penalty, lengths and n-gram counts.
    #[allow(missing_docs)]
    Bleu {
        precisions: Vec<f64>,
        bp: f64,
        ratio: f64,
        hyp_len: u64,
        ref_len: u64,
        counts: Vec<u64>,
        totals: Vec<u64>,
    },
    /// chrF's orders, beta and `[hyp, ref, match]` per order.
    #[allow(missing_docs)]
    Chrf {
        char_order: usize,
        word_order: usize,
        beta: u32,
        stats: Vec<[u64; 3]>,
    },
    /// TER's edits and (average) reference length.
    #[allow(missing_docs)]
    Ter { num_edits: u64, ref_length: f64 },
}

/// The JSON record of one score; serializing it keeps the field order below
/// (signature fields come last, sorted by key).
#[derive(Debug, Clone, Serialize)]
pub struct JsonScore {
    /// sacreBLEU's metric name.
    pub name: String,
    /// The score rounded to the requested decimals.
    pub score: f64,
    /// The signature string.
    pub signature: String,
    /// BLEU's verbose text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verbose_score: Option<String>,
    /// 1-based line number, in sentence mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The unrounded score.
    pub exact_score: f64,
    /// Metric-specific numbers.
    pub details: JsonDetails,
    /// The signature's fields.
    #[serde(flatten)]
    pub signature_fields: Map<String, Value>,
}

/// The JSON record of one score; `line` is the 1-based line number in
/// sentence mode.
pub fn to_json(score: &MetricScore, width: usize, line: Option<usize>) -> JsonScore {
    let rounded = format_fixed(score.score, width);
    let (verbose_score, details) = match &score.details {
        ScoreDetails::Bleu(bleu) => (
            Some(bleu.verbose()),
            JsonDetails::Bleu {
                precisions: bleu.precisions.to_vec(),
                bp: bleu.bp,
                ratio: bleu.ratio,
                hyp_len: bleu.stats.hyp_len,
                ref_len: bleu.stats.ref_len,
                counts: bleu.stats.correct.to_vec(),
                totals: bleu.stats.total.to_vec(),
            },
        ),
        ScoreDetails::Chrf(chrf, config) => (
            None,
            JsonDetails::Chrf {
                char_order: config.char_order,
                word_order: config.word_order,
                beta: config.beta,
                stats: chrf.stats.orders.clone(),
            },
        ),
        ScoreDetails::Ter(ter) => (
            None,
            JsonDetails::Ter {
                num_edits: ter.stats.num_edits,
                ref_length: ter.stats.ref_length,
            },
        ),
    };
    JsonScore {
        name: score.name.clone(),
        // Like sacreBLEU: the rounded text parsed back into a number.
        score: rounded.parse().unwrap_or(score.score),
        signature: score.signature.to_string(),
        verbose_score,
        line,
        exact_score: score.score,
        details,
        signature_fields: score
            .signature
            .fields()
            .map(|(key, value)| (key.to_owned(), Value::String(value.to_owned())))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_on_equals_sign() {
        let lines = vec![
            "AB|x = 1.0".to_owned(),
            "A|y = 2.0 z".to_owned(),
            "3.0".to_owned(),
        ];
        assert_eq!(align_lines(&lines), ["AB|x = 1.0", " A|y = 2.0 z", "3.0"]);
    }

    #[test]
    fn rounding_matches_python() {
        assert_eq!(format_fixed(0.125, 2), "0.12");
        assert_eq!(format_fixed(48.530827009929865, 1), "48.5");
    }
}
