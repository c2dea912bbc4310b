//! `wirecheck score`: corpus and sentence quality scores (BLEU, chrF, chrF++,
//! TER) identical to sacreBLEU 2.6.0's. Parses arguments, reads the files and
//! prints what [`wirecheck_score`] computes.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use wirecheck_score::bleu::{BleuConfig, Smoothing};
use wirecheck_score::chrf::ChrfConfig;
use wirecheck_score::report::{align_lines, format_line, to_json};
use wirecheck_score::ter_normalize::TerConfig;
use wirecheck_score::{Metric, ScoreOptions, lines_from_text, score_corpus, score_sentences};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// sacreBLEU's text lines.
    Text,
    /// A JSON array of score objects.
    Json,
}

/// Arguments of `wirecheck score`.
#[derive(clap::Args, Debug)]
pub(crate) struct ScoreArgs {
    /// The hypothesis (translation) file, one segment per line.
    pub hyp: PathBuf,
    /// A reference file aligned line by line with the hypothesis; repeat
    /// for several references.
    #[arg(long = "ref", short = 'r', required = true, value_name = "REF")]
    pub refs: Vec<PathBuf>,
    /// Metrics to compute, comma-separated: bleu, chrf, chrf++, ter.
    #[arg(
        long,
        short = 'm',
        value_delimiter = ',',
        default_value = "bleu,chrf,chrf++,ter"
    )]
    pub metrics: Vec<String>,
    /// Score every line instead of the corpus (BLEU then uses effective order).
    #[arg(long)]
    pub sentence: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Decimals of the printed score.
    #[arg(long, short = 'w', default_value_t = 1)]
    pub width: usize,
    /// Print only the score numbers (text format).
    #[arg(long, short = 'b')]
    pub score_only: bool,
    /// BLEU tokenizer: none, 13a, intl, char or zh.
    #[arg(long, default_value = "13a")]
    pub tokenize: String,
    /// Lowercase for BLEU.
    #[arg(long)]
    pub lowercase: bool,
    /// BLEU smoothing: none, floor, add-k or exp.
    #[arg(long, default_value = "exp")]
    pub smooth: String,
    /// Value for floor (default 0.1) and add-k (default 1) smoothing.
    #[arg(long)]
    pub smooth_value: Option<f64>,
    /// Word n-gram order of chrF++.
    #[arg(long, default_value_t = 2)]
    pub chrf_word_order: usize,
    /// Character n-gram order of chrF and chrF++ (at most 6).
    #[arg(long, default_value_t = 6)]
    pub chrf_char_order: usize,
    /// chrF beta.
    #[arg(long, default_value_t = 2)]
    pub chrf_beta: u32,
    /// Lowercase for chrF and chrF++.
    #[arg(long)]
    pub chrf_lowercase: bool,
    /// Keep whitespace in chrF character n-grams.
    #[arg(long)]
    pub chrf_whitespace: bool,
    /// chrF epsilon smoothing instead of effective order.
    #[arg(long)]
    pub chrf_eps_smoothing: bool,
    /// TER: normalize punctuation and XML entities.
    #[arg(long)]
    pub normalized: bool,
    /// TER: remove punctuation.
    #[arg(long)]
    pub no_punct: bool,
    /// TER: treat CJK characters and punctuation specially.
    #[arg(long)]
    pub asian_support: bool,
    /// TER: do not lowercase.
    #[arg(long)]
    pub case_sensitive: bool,
}

impl ScoreArgs {
    fn options(&self) -> anyhow::Result<ScoreOptions> {
        let chrf = ChrfConfig {
            char_order: self.chrf_char_order,
            word_order: 0,
            beta: self.chrf_beta,
            lowercase: self.chrf_lowercase,
            whitespace: self.chrf_whitespace,
            eps_smoothing: self.chrf_eps_smoothing,
        };
        Ok(ScoreOptions {
            bleu: BleuConfig {
                lowercase: self.lowercase,
                tokenizer: self.tokenize.parse()?,
                smoothing: Smoothing::from_name(&self.smooth, self.smooth_value)?,
                effective_order: false,
            },
            chrf,
            chrf_plus_plus: ChrfConfig {
                word_order: self.chrf_word_order,
                ..chrf
            },
            ter: TerConfig {
                normalized: self.normalized,
                no_punct: self.no_punct,
                asian_support: self.asian_support,
                case_sensitive: self.case_sensitive,
            },
        })
    }

    fn metrics(&self) -> anyhow::Result<Vec<Metric>> {
        let mut metrics = self
            .metrics
            .iter()
            .map(|name| name.trim().parse::<Metric>())
            .collect::<Result<Vec<_>, _>>()?;
        metrics.sort();
        metrics.dedup();
        Ok(metrics)
    }
}

/// Reads a file as sacreBLEU does: UTF-8, lines split on `\n`, each line
/// right-stripped.
fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })?;
    Ok(lines_from_text(&text))
}

/// Runs `wirecheck score`.
pub(crate) fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let options = args.options()?;
    let metrics = args.metrics()?;
    let hyps = read_lines(&args.hyp)?;
    if hyps.is_empty() {
        // sacreBLEU refuses empty input too (chrF would fail on it).
        bail!("hypothesis {} contains no lines", args.hyp.display());
    }
    let mut refs = Vec::with_capacity(args.refs.len());
    for path in &args.refs {
        let lines = read_lines(path)?;
        if lines.len() != hyps.len() {
            bail!(
                "line count mismatch: hypothesis {} has {} lines but reference {} has {}",
                args.hyp.display(),
                hyps.len(),
                path.display(),
                lines.len()
            );
        }
        refs.push(lines);
    }

    let output = if args.sentence {
        let per_metric = score_sentences(&metrics, &options, &hyps, &refs)?;
        match args.format {
            OutputFormat::Text => per_metric
                .iter()
                .flatten()
                .map(|score| format_line(score, args.width, args.score_only))
                .collect::<Vec<_>>()
                .join("\n"),
            OutputFormat::Json => {
                let records: Vec<_> = per_metric
                    .iter()
                    .flat_map(|scores| {
                        scores
                            .iter()
                            .enumerate()
                            .map(|(i, score)| to_json(score, args.width, Some(i + 1)))
                    })
                    .collect();
                serde_json::to_string_pretty(&records)?
            }
        }
    } else {
        let scores = score_corpus(&metrics, &options, &hyps, &refs)?;
        match args.format {
            OutputFormat::Text => {
                let lines: Vec<String> = scores
                    .iter()
                    .map(|score| format_line(score, args.width, args.score_only))
                    .collect();
                align_lines(&lines).join("\n")
            }
            OutputFormat::Json => {
                let records: Vec<_> = scores
                    .iter()
                    .map(|s| to_json(s, args.width, None))
                    .collect();
                serde_json::to_string_pretty(&records)?
            }
        }
    };
    if !output.is_empty() {
        // Not `println!`, which panics when the reader has gone (`wirecheck score … | head -1`).
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{output}")?;
        stdout.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
