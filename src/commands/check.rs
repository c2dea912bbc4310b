//! `wirecheck check`: runs the rules over stories and reports the findings.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use wirecheck::input::{FileSelection, collect_files, display_name, read_document};
use wirecheck::publication::{DateSource, PublicationDate};
use wirecheck::report::{self, FileError, FileReport, Format, Summary};
use wirecheck::rules::Context;
use wirecheck::{InputFormat, RuleSet, Severity};

use super::RuleOptions;

/// The lowest severity that fails the run, or none.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FailLevel {
    /// Any finding fails.
    Suggestion,
    /// Warnings and errors fail.
    Warning,
    /// Only errors fail.
    Error,
    /// Never fail on findings.
    None,
}

/// Input formats `--input-format` can force.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum InputFormatArg {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// NITF XML.
    Nitf,
    /// IPTC ninjs JSON (1.x and 2.x).
    Ninjs,
}

impl From<InputFormatArg> for InputFormat {
    fn from(arg: InputFormatArg) -> Self {
        match arg {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
            InputFormatArg::Nitf => InputFormat::Nitf,
            InputFormatArg::Ninjs => InputFormat::Ninjs,
        }
    }
}

/// When to colour output.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `wirecheck check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check (folders are walked respecting .gitignore); `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    fail_level: Option<FailLevel>,
    /// In folders, check only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Skip files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Read every input as this format instead of choosing by extension (.md Markdown, .xml/.nitf
    /// NITF, .json/.ninjs ninjs) or, for other files, by content.
    #[arg(long, value_enum)]
    input_format: Option<InputFormatArg>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The publication date of every story, YYYY-MM-DD[THH:MM][±HH:MM]; else the story's
    /// metadata `date:`, its dateline's date, or the config's `date:`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<PublicationDate>,
    /// Print notes to standard error: each story's publication date and where it came from, and
    /// the checks skipped for want of one.
    #[arg(long, short)]
    verbose: bool,
    #[command(flatten)]
    rule_options: RuleOptions,
}

/// Runs `wirecheck check`.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (config, rules) = args.rule_options.load()?;
    let mut excludes = args.exclude.clone();
    excludes.extend(config.ignore.iter().cloned());
    let selection = FileSelection {
        globs: args.glob.clone(),
        excludes,
    };
    let files = collect_files(&args.paths, &selection)?;
    let mut context = config.context()?;
    context.publication = args.date;
    context.publication_date = args.date.map(|d| d.date);
    context.today = Some(jiff::ZonedDateTime::now().date());
    let checked: Vec<(Result<FileReport, FileError>, Vec<String>)> = files
        .par_iter()
        .map(|path| check_file(path, &rules, &context, args.input_format))
        .collect();
    let mut results = Vec::with_capacity(checked.len());
    for (result, notes) in checked {
        if args.verbose {
            for note in notes {
                eprintln!("note: {note}");
            }
        }
        results.push(result);
    }
    let (reports, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    let reports: Vec<FileReport> = reports.into_iter().filter_map(Result::ok).collect();
    let errors: Vec<FileError> = errors.into_iter().filter_map(Result::err).collect();

    let choice = match args.color {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    };
    let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
    report::write(args.format, &reports, &errors, &mut out, true)?;
    out.flush()?;
    if args.format != Format::Human {
        for error in &errors {
            eprintln!("error: {}", error.message);
        }
    }

    let summary = Summary::of(&reports, &errors);
    let fail_level = match args.fail_level {
        Some(FailLevel::Suggestion) => Some(Severity::Suggestion),
        Some(FailLevel::Warning) => Some(Severity::Warning),
        Some(FailLevel::Error) => Some(Severity::Error),
        Some(FailLevel::None) => None,
        None => Some(config.fail_level.unwrap_or(Severity::Warning)),
    };
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else if fail_level.is_some_and(|level| summary.at_or_above(level) > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn parse_date(text: &str) -> Result<PublicationDate, String> {
    PublicationDate::parse(text, DateSource::CommandLine).map_err(|e| e.to_string())
}

/// Checks one file; also gives the notes `--verbose` prints about it.
fn check_file(
    path: &std::path::Path,
    rules: &RuleSet,
    context: &Context,
    forced: Option<InputFormatArg>,
) -> (Result<FileReport, FileError>, Vec<String>) {
    let mut notes = Vec::new();
    let result = check_story(path, rules, context, forced, &mut notes);
    (result, notes)
}

fn check_story(
    path: &std::path::Path,
    rules: &RuleSet,
    context: &Context,
    forced: Option<InputFormatArg>,
    notes: &mut Vec<String>,
) -> Result<FileReport, FileError> {
    let display = display_name(path);
    let document = read_document(path, forced.map(InputFormat::from)).map_err(|e| FileError {
        path: display.clone(),
        message: e.to_string(),
    })?;
    let context = context.for_document(&document);
    match context.publication {
        Some(publication) => notes.push(format!(
            "{display}: publication date {} from {}",
            publication.date, publication.source
        )),
        None => {
            let skipped: Vec<String> = rules
                .rules()
                .iter()
                .filter_map(|rule| {
                    Some(format!("{} ({})", rule.id, rule.needs_publication_date()?))
                })
                .collect();
            if !skipped.is_empty() {
                notes.push(format!(
                    "{display}: no publication date (give --date, a `date:` in the story's front matter or in wirecheck.yaml, or a dated dateline); skipped: {}",
                    skipped.join("; ")
                ));
            }
        }
    }
    let findings = rules.check(&document, &context);
    Ok(FileReport {
        path: display,
        source: document.original().to_owned(),
        findings,
    })
}
