//! `wirecheck check`: runs the rules over stories and reports the findings.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use super::report_format::FormatArg;
use rayon::prelude::*;
use std::sync::Arc;
use wirecheck_core::filters::baseline::Baseline;
use wirecheck_core::fix::{apply_safe_fixes, write_fixed};
use wirecheck_core::input::{
    Collected, FileSelection, Input, InputError, STORY_EXTENSIONS, collect_files, display_name,
    read_story_file,
};
use wirecheck_core::knowledge::publication::{DateSource, PublicationDate};
use wirecheck_core::report::{
    self, FileError, FileReport, Format, ReferenceFile, RuleInfo, Summary,
};
use wirecheck_core::rules::{Context, Reference};
use wirecheck_core::{InputFormat, RuleSet, Severity};

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

impl From<FailLevel> for wirecheck_core::config::FailLevel {
    fn from(level: FailLevel) -> Self {
        match level {
            FailLevel::Suggestion => Self::Suggestion,
            FailLevel::Warning => Self::Warning,
            FailLevel::Error => Self::Error,
            FailLevel::None => Self::None,
        }
    }
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
pub(crate) enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `wirecheck check`.
#[derive(clap::Args, Debug)]
pub(crate) struct CheckArgs {
    /// Files or folders to check (folders are walked respecting .gitignore); `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg(Format::Human))]
    format: FormatArg,
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    fail_level: Option<FailLevel>,
    /// In folders, check only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// In folders, skip files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply `--exclude` and the config's `ignore:` to files named on the command line too (as
    /// pre-commit hooks need); else a file named is always checked.
    #[arg(long)]
    force_exclude: bool,
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
    /// Print notes to standard error: the configuration file and rule folders in use, each
    /// story's publication date and where it came from, and the checks skipped for want of one.
    #[arg(long, short)]
    verbose: bool,
    /// Also check each story against this reference version (the original wire or a reference
    /// translation): numbers, names and paragraphs that differ or are missing.
    #[arg(long, value_name = "REF")]
    reference: Option<PathBuf>,
    /// Apply every suggestion that its rule marks safe, writing files atomically; findings left
    /// are reported.
    #[arg(long)]
    fix: bool,
    /// Report suppression comments (`<!-- wirecheck-disable … -->`, `<!-- vale … -->`) that cover
    /// no finding.
    #[arg(long)]
    report_unused_suppressions: bool,
    /// Do not report findings recorded in this baseline (by rule, file and matched text).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// The name of the story read from standard input (`-`): shown in findings and used to choose
    /// its format, so an editor can pipe a buffer.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Check only shard I of N (1 ≤ I ≤ N) of the files, a stable subset by path, to split a corpus
    /// over CI jobs or cluster workers.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    /// With --fix, print the fixes as a unified diff instead of writing them.
    #[arg(long, requires = "fix")]
    diff: bool,
    #[command(flatten)]
    rule_options: RuleOptions,
}

/// Runs `wirecheck check`.
pub(crate) fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (config, rules) = args.rule_options.load()?;
    if args.verbose {
        for note in setup_notes(&config, &args.rule_options) {
            say("note", note);
        }
    }
    let selection = FileSelection {
        globs: args.glob.clone(),
        excludes: args.exclude.clone(),
        ignores: config.ignore.clone(),
        ignore_root: config.root.clone(),
        force_exclude: args.force_exclude,
    };
    let collected = collect_files(&args.paths, &selection)?;
    warn_of_missing_stories(&collected, &args.glob);
    let mut files = collected.entries;
    if let Some((index, count)) = args.shard {
        // A path that cannot be read is reported by every shard: each would have checked it.
        files.retain(|entry| {
            entry
                .as_ref()
                .map_or(true, |input| shard_of(&input.path, count) == index)
        });
    }
    let progress = progress_bar(files.len());
    let mut context = config.context()?;
    context.publication = args.date;
    context.today = Some(jiff::ZonedDateTime::now().date());
    context.report_unused_suppressions = args.report_unused_suppressions;
    let reference = match &args.reference {
        Some(path) => {
            let story = read_story_file(path, args.input_format.map(InputFormat::from))?;
            let source = story.document.original().to_owned();
            context.reference = Some(Arc::new(Reference::new(story.document)));
            Some(Arc::new(ReferenceFile {
                path: display_name(path),
                source,
                encoding: story.encoding,
            }))
        }
        None => None,
    };
    let fix = match (args.fix, args.diff) {
        (false, _) => FixMode::Off,
        (true, false) => FixMode::Write,
        (true, true) => FixMode::Diff,
    };
    let choice = match args.color {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    };
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::load(path)?),
        None => None,
    };
    let check = |entry: &Result<Input, InputError>| {
        let input = match entry {
            Ok(input) => input,
            Err(error) => {
                if !progress.is_hidden() {
                    progress.inc(1);
                }
                return CheckedFile::failed(FileError {
                    path: error.path().to_owned(),
                    message: error.to_string(),
                });
            }
        };
        let path = &input.path;
        let stdin_name = args
            .stdin_filename
            .as_deref()
            .filter(|_| path.as_os_str() == "-");
        let forced = args
            .input_format
            .or_else(|| stdin_name.and_then(format_of_name));
        let mut checked = check_file(input, &rules, &context, forced, reference.clone(), fix);
        if let (Some(name), Ok(report)) = (stdin_name, &mut checked.result) {
            report.path = name.display().to_string();
        }
        if let (Some(baseline), Ok(report)) = (&baseline, &mut checked.result) {
            baseline.filter(&report.path, &report.source, &mut report.findings);
        }
        if !progress.is_hidden() {
            progress.inc(1);
        }
        checked
    };
    let print_notes = |notes: Vec<String>| {
        if args.verbose {
            for note in notes {
                say("note", note);
            }
        }
    };
    let streamed =
        args.format.0.is_streamed() && fix != FixMode::Diff && args.write_baseline.is_none();
    let summary = if streamed {
        // Write each file's part as soon as it is checked, keeping no reports: bounded memory
        // however many stories a run checks. Files finish in any order; each file's lines stay
        // together.
        let out = Mutex::new(BufWriter::new(std::io::stdout()));
        files
            .par_iter()
            .map(|entry| -> std::io::Result<Summary> {
                let CheckedFile { result, notes, .. } = check(entry);
                print_notes(notes);
                let mut summary = Summary::default();
                match result {
                    Ok(report) => {
                        summary.add_report(&report);
                        let mut out = out.lock().unwrap_or_else(PoisonError::into_inner);
                        if let Some(written) = report::write_file(args.format.0, &report, &mut *out)
                        {
                            written?;
                        }
                        out.flush()?;
                    }
                    Err(error) => {
                        summary.errors += 1;
                        say("error", &error.message);
                    }
                }
                Ok(summary)
            })
            .try_reduce(Summary::default, |a, b| Ok(a.merge(b)))
            .inspect(|_| progress.finish_and_clear())?
    } else {
        let checked: Vec<CheckedFile> = files.par_iter().map(check).collect();
        progress.finish_and_clear();
        let mut results = Vec::with_capacity(checked.len());
        let mut fix_diffs = String::new();
        for CheckedFile {
            result,
            notes,
            fix_diff,
        } in checked
        {
            fix_diffs.push_str(&fix_diff.unwrap_or_default());
            print_notes(notes);
            results.push(result);
        }
        let (reports, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
        let reports: Vec<FileReport> = reports.into_iter().filter_map(Result::ok).collect();
        let errors: Vec<FileError> = errors.into_iter().filter_map(Result::err).collect();
        let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
        if fix == FixMode::Diff {
            // `--fix --diff` shows the fixes, like `ruff --diff`: 1 when there are any.
            out.write_all(fix_diffs.as_bytes())?;
            out.flush()?;
            for error in &errors {
                say("error", &error.message);
            }
            let code = if errors.is_empty() {
                u8::from(!fix_diffs.is_empty())
            } else {
                2
            };
            return Ok(ExitCode::from(code));
        }
        if let Some(path) = &args.write_baseline {
            let mut baseline = Baseline::default();
            for report in &reports {
                baseline.record(&report.path, &report.source, &report.findings);
            }
            baseline.save(path)?;
            let path = path.display().to_string();
            let path = wirecheck_text::visible::escape_controls(&path);
            eprintln!("wrote {} findings to {path}", baseline.len());
            for error in &errors {
                say("error", &error.message);
            }
            return Ok(ExitCode::from(if errors.is_empty() { 0 } else { 2 }));
        }
        let rule_infos: Vec<RuleInfo> = rules.rules().iter().map(RuleInfo::from).collect();
        report::write(
            args.format.0,
            &reports,
            &errors,
            &rule_infos,
            &mut out,
            true,
        )?;
        out.flush()?;
        if args.format.0 != Format::Human {
            for error in &errors {
                say("error", &error.message);
            }
        }
        Summary::of(&reports, &errors)
    };

    // The command line's level, else the config's, else warnings fail.
    let fail_level = args
        .fail_level
        .map(wirecheck_core::config::FailLevel::from)
        .or(config.fail_level)
        .map_or(
            Some(Severity::Warning),
            wirecheck_core::config::FailLevel::threshold,
        );
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else if fail_level.is_some_and(|level| summary.at_or_above(level) > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Warns, on standard error, of each folder in which no story was found, and of a run left with no
/// file to check at all (`ruff`'s "No files found"): not errors, since a hook or a CI job may well
/// have nothing to do.
fn warn_of_missing_stories(collected: &Collected, globs: &[String]) {
    for folder in &collected.empty_folders {
        let looked_for = if globs.is_empty() {
            format!(
                " (stories are .{} files, and .xml or .json files holding NITF or ninjs)",
                STORY_EXTENSIONS.join(", .")
            )
        } else {
            " matching --glob".to_owned()
        };
        say(
            "warning",
            format!("{}: no stories found{looked_for}", folder.display()),
        );
    }
    if collected.entries.is_empty() && collected.empty_folders.is_empty() {
        say(
            "warning",
            "no stories to check: every file named is excluded (--force-exclude)",
        );
    }
}

/// `I/N` with 1 ≤ I ≤ N.
fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let bad = || format!("expected I/N with 1 <= I <= N, got '{text}'");
    let (index, count) = text.split_once('/').ok_or_else(bad)?;
    let (index, count): (u64, u64) = (
        index.trim().parse().map_err(|_| bad())?,
        count.trim().parse().map_err(|_| bad())?,
    );
    if index == 0 || index > count {
        return Err(bad());
    }
    Ok((index, count))
}

/// The shard (1-based) a file belongs to: a hash of its path, the same on every machine and run.
fn shard_of(path: &std::path::Path, count: u64) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    std::hash::Hasher::write(
        &mut hasher,
        path.to_string_lossy().replace('\\', "/").as_bytes(),
    );
    std::hash::Hasher::finish(&hasher) % count + 1
}

/// A progress bar on standard error for long runs; hidden when standard error is no terminal.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal as _;
    if files < 50 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

/// The format a file name implies, for `--stdin-filename`.
fn format_of_name(name: &std::path::Path) -> Option<InputFormatArg> {
    match InputFormat::from_path(name) {
        InputFormat::Markdown => Some(InputFormatArg::Markdown),
        InputFormat::Nitf => Some(InputFormatArg::Nitf),
        InputFormat::Ninjs => Some(InputFormatArg::Ninjs),
        InputFormat::Text => None,
    }
}

fn parse_date(text: &str) -> Result<PublicationDate, String> {
    PublicationDate::parse(text, DateSource::CommandLine).map_err(|e| e.to_string())
}

/// Checks one file; also gives the notes `--verbose` prints about it.
/// What `--fix` does with a file's safe fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FixMode {
    /// Nothing: only report.
    Off,
    /// Write them to the file.
    Write,
    /// Describe them as a unified diff.
    Diff,
}

fn check_file(
    input: &Input,
    rules: &RuleSet,
    context: &Context,
    forced: Option<InputFormatArg>,
    reference: Option<Arc<ReferenceFile>>,
    fix: FixMode,
) -> CheckedFile {
    let mut notes = Vec::new();
    let result = check_story(input, rules, context, forced, &mut notes).map(|report| FileReport {
        reference,
        ..report
    });
    let (result, diff) = match (fix, result) {
        (FixMode::Off, result) | (_, result @ Err(_)) => (result, None),
        (mode, Ok(report)) => fix_file(input, rules, context, forced, report, mode),
    };
    CheckedFile {
        result,
        notes,
        fix_diff: diff,
    }
}

/// One file's outcome: its report or why it could not be checked, notes for `--verbose`, and the
/// diff of its fixes for `--fix --diff`.
struct CheckedFile {
    result: Result<FileReport, FileError>,
    notes: Vec<String>,
    fix_diff: Option<String>,
}

impl CheckedFile {
    /// A file that could not be checked at all.
    fn failed(error: FileError) -> Self {
        Self {
            result: Err(error),
            notes: Vec::new(),
            fix_diff: None,
        }
    }
}

/// Applies the report's safe fixes: writes them and checks the file again, or describes them as a
/// unified diff.
fn fix_file(
    input: &Input,
    rules: &RuleSet,
    context: &Context,
    forced: Option<InputFormatArg>,
    report: FileReport,
    mode: FixMode,
) -> (Result<FileReport, FileError>, Option<String>) {
    let path = input.path.as_path();
    let format = forced
        .map(InputFormat::from)
        .unwrap_or_else(|| InputFormat::detect(path, &report.source));
    if matches!(format, InputFormat::Nitf | InputFormat::Ninjs) {
        // A replacement would need XML or JSON escaping; leave such files to the editor.
        say(
            "warning",
            format!(
                "{}: --fix does not edit {} files; not fixed",
                report.path,
                format.name()
            ),
        );
        return (Ok(report), None);
    }
    let (fixed, applied) = apply_safe_fixes(&report.source, &report.findings);
    if applied == 0 {
        return (Ok(report), None);
    }
    let error = |message: String| FileError {
        path: report.path.clone(),
        message,
    };
    if mode == FixMode::Diff {
        let diff = similar::TextDiff::from_lines(report.source.as_str(), fixed.as_str())
            .unified_diff()
            .header(&report.path, &report.path)
            .to_string();
        return (Ok(report), Some(diff));
    }
    if path == std::path::Path::new("-") {
        let message = "cannot --fix standard input; use --fix --diff".to_owned();
        return (Err(error(message)), None);
    }
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        // A pipe or device cannot be read again, nor replaced by a rename.
        let message = format!(
            "{}: cannot --fix what is not a regular file; use --fix --diff",
            report.path
        );
        return (Err(error(message)), None);
    }
    // Written back as it was stored: the same byte-order mark and encoding.
    let written = write_fixed(
        path,
        report.encoding.encode(&report.source),
        report.encoding.encode(&fixed),
    );
    if let Err(err) = written {
        return (Err(error(err.to_string())), None);
    }
    // Said whatever --verbose says: a user who asked for fixes wants to know what was changed.
    say(
        "fixed",
        format!(
            "{}: {applied} {}",
            report.path,
            if applied == 1 { "fix" } else { "fixes" }
        ),
    );
    // Let go of the old and the fixed text before reading the file again: one story held at once.
    let reference = report.reference.clone();
    drop((fixed, report));
    let rechecked = check_story(input, rules, context, forced, &mut Vec::new())
        .map(|again| FileReport { reference, ..again });
    (rechecked, None)
}

fn check_story(
    input: &Input,
    rules: &RuleSet,
    context: &Context,
    forced: Option<InputFormatArg>,
    notes: &mut Vec<String>,
) -> Result<FileReport, FileError> {
    let path = input.path.as_path();
    let display = display_name(path);
    let error = |message: String| FileError {
        path: display.clone(),
        message,
    };
    let story =
        read_story_file(path, forced.map(InputFormat::from)).map_err(|e| error(e.to_string()))?;
    let (document, encoding) = (story.document, story.encoding);
    if document.is_empty() {
        let what = if document.original().trim().is_empty() {
            "the file is empty"
        } else {
            "no headline or paragraph"
        };
        // A file named on the command line is meant to be a story; one found in a folder may be a
        // placeholder, so it is only pointed out.
        if input.named {
            return Err(error(format!("{display}: no story ({what}); not checked")));
        }
        say("warning", format!("{display}: no story ({what})"));
    }
    if let Some(fault) = metadata_date_fault(&display, &document) {
        return Err(error(fault));
    }
    let story = context.for_document(&document);
    match story.publication() {
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
    let findings = rules.check_story(story);
    Ok(FileReport {
        path: display,
        // Moved, not copied: a large story is held once.
        source: document.into_original(),
        encoding,
        findings,
        reference: None,
    })
}

/// Why the story's own `date:` (front matter, NITF `date.issue`, ninjs `firstcreated`) is not a
/// date, naming where it is; `None` when it is one or there is none.
fn metadata_date_fault(display: &str, document: &wirecheck_core::Document) -> Option<String> {
    let text = document.metadata.date()?;
    let err = PublicationDate::parse(text, DateSource::Metadata).err()?;
    Some(match document.metadata_offset("date") {
        Some(offset) => {
            let source = document.original();
            let at = wirecheck_text::span::LineIndex::new(source).position(source, offset);
            format!(
                "{display}:{}:{}: front matter date: {err}",
                at.line, at.column
            )
        }
        None => format!("{display}: the story's metadata date: {err}"),
    })
}

/// What `--verbose` says of a run's setup: the configuration file, the shipped packs and every
/// rule file or folder loaded.
fn setup_notes(config: &wirecheck_core::config::Config, options: &RuleOptions) -> Vec<String> {
    let mut notes = vec![match &config.path {
        Some(path) => format!("configuration: {}", path.display()),
        None if options.no_config => "configuration: none (--no-config)".to_owned(),
        None => "configuration: none found; using the defaults".to_owned(),
    }];
    let packs: Vec<&str> = wirecheck_core::config::packs::builtin_pack_names()
        .into_iter()
        .filter(|pack| config.uses_pack(pack))
        .collect();
    notes.push(format!("shipped packs: {}", packs.join(", ")));
    for path in config.rule_paths() {
        notes.push(format!(
            "rules: {} (from the configuration)",
            path.display()
        ));
    }
    for path in &options.rules {
        notes.push(format!("rules: {} (from --rules)", path.display()));
    }
    notes
}

/// Prints `level: message` on standard error, with control characters shown visibly: a file name
/// or an OS message may carry escape sequences meant for the terminal.
fn say(level: &str, message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!(
        "{level}: {}",
        wirecheck_text::visible::escape_controls(&message)
    );
}
