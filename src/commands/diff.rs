//! `wirecheck diff OLD NEW`: readable word diff of two versions of a story.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use wirecheck::InputFormat;
use wirecheck::diff::{self, DiffOptions, Normalization, format};

use super::check::InputFormatArg;

/// Output format of `wirecheck diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Inline words: coloured on a terminal, wdiff-style markers otherwise.
    Inline,
    /// wdiff-style `[-deleted-]{+inserted+}` text.
    Word,
    /// Unified diff of lines (changed words emphasised when coloured).
    Unified,
    /// Operations with byte spans and line:column in both files.
    Json,
    /// Self-contained side-by-side HTML page.
    Html,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Unicode normalisation before comparing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum NormalizeForm {
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
}

/// Arguments of `wirecheck diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The old version (reference or earlier revision).
    pub old: PathBuf,
    /// The new version (translation or later revision).
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Inline)]
    pub format: DiffFormat,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Compare words case-insensitively.
    #[arg(long)]
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Do not report whitespace-only changes.
    #[arg(long)]
    pub ignore_whitespace: bool,
    /// Unicode normalisation applied before comparing.
    #[arg(long, value_enum)]
    pub normalize: Option<NormalizeForm>,
    /// Print word statistics like `wdiff -s` after the diff.
    #[arg(long, short = 's')]
    pub stats: bool,
    /// Lines of context in the unified format.
    #[arg(long, default_value_t = 3)]
    pub context: usize,
    /// Time budget in milliseconds before the diff degrades to coarser changes.
    #[arg(long, default_value_t = 2000)]
    pub timeout_ms: u64,
    /// Read both inputs as this format instead of choosing by extension or content.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
}

/// The text to compare: a plain text or Markdown story as written; for NITF and ninjs, the story
/// text taken out of the XML or JSON (headline, byline, dateline and paragraphs, one a paragraph).
fn read_story(path: &std::path::Path, forced: Option<InputFormatArg>) -> anyhow::Result<String> {
    let document = wirecheck::input::read_document(path, forced.map(InputFormat::from))?;
    Ok(if document.is_extracted() {
        document.text().to_owned()
    } else {
        document.original().to_owned()
    })
}

fn colour_enabled(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}

/// Runs `wirecheck diff`: exit code 0 when the stories are the same, 1 when they differ.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let old = read_story(&args.old, args.input_format)?;
    let new = read_story(&args.new, args.input_format)?;
    let options = DiffOptions {
        ignore_case: args.ignore_case,
        ignore_punctuation: args.ignore_punctuation,
        ignore_whitespace: args.ignore_whitespace,
        normalization: match args.normalize {
            None => Normalization::None,
            Some(NormalizeForm::Nfc) => Normalization::Nfc,
            Some(NormalizeForm::Nfkc) => Normalization::Nfkc,
        },
        timeout: Duration::from_millis(args.timeout_ms),
    };
    let story = diff::diff_stories(
        &old,
        &diff::split_paragraphs(&old),
        &new,
        &diff::split_paragraphs(&new),
        &options,
    )?;
    let names = format::SideNames {
        old: args.old.display().to_string(),
        new: args.new.display().to_string(),
    };
    let colour = colour_enabled(args.color);
    let mut output = match args.format {
        DiffFormat::Inline => format::render_terminal(&story, colour),
        DiffFormat::Word => format::render_word(&story),
        DiffFormat::Unified => {
            format::render_unified(&old, &new, &names, args.context, colour, options.timeout)
        }
        DiffFormat::Json => format::render_json(&story, &names),
        DiffFormat::Html => format::render_html(&story, &names, &[]),
    };
    let textual = matches!(args.format, DiffFormat::Inline | DiffFormat::Word);
    if textual && !output.is_empty() && !output.ends_with('\n') {
        output.push('\n');
    }
    if args.stats && !matches!(args.format, DiffFormat::Json | DiffFormat::Html) {
        output.push_str(&format::render_stats(&story.statistics(), &names));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write to standard output")?,
    }
    Ok(ExitCode::from(u8::from(story.has_changes())))
}
