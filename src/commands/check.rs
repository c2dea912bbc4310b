//! `wirecheck check`: runs the rules over stories and reports the findings.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use wirecheck_core::Baseline;
use wirecheck_core::Config;
use wirecheck_core::Context;
use wirecheck_core::InputFormat;
use wirecheck_core::Language;
use wirecheck_core::report::{self, FileError, FileReport, Format, RuleInfo, Summary};
use wirecheck_core::{DateSource, PublicationDate};
use wirecheck_core::{FileOutcome, FixMode, RunOptions, Runner};
use wirecheck_core::{FileSelection, Input, InputError};
use wirecheck_core::{Notice, NoticeLevel, Shard, select_files};

use super::RuleOptions;
use super::library_values::{FailLevelArg, FormatArg};

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
    /// Files or folders to check (folders are walked respecting .gitignore); `-` reads standard
    /// input. Default: `.`, or standard input with `--ext`.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg(Format::Human))]
    format: FormatArg,
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum)]
    fail_level: Option<FailLevelArg>,
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
    /// metadata `date:`, its dateline's date, the config's `date:`, or today (in the config's
    /// `time_zone:`; `WIRECHECK_TODAY=YYYY-MM-DD` replaces the clock).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<PublicationDate>,
    /// Days a pack's facts are trusted after their `verified:` date (default: the config's
    /// `pack_grace_days:`, else 90); past it a titles mismatch is a warning without a fix.
    #[arg(long, value_name = "DAYS")]
    pack_grace: Option<u32>,
    /// Print the findings and errors, nothing else: no summary line, no warnings or fixes on
    /// standard error (as `ruff --quiet`).
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print no findings either: the exit code alone says how the run went (as `ruff
    /// --silent`); errors are still shown, and `--output-file` and the fixed text of `--fix -`
    /// still written.
    #[arg(long, short, conflicts_with = "verbose")]
    silent: bool,
    /// Print notes to standard error: the configuration file and rule folders in use, each
    /// story's publication date and where it came from, and the checks skipped for want of one.
    #[arg(long, short)]
    verbose: bool,
    /// Also check each story against this reference version (the original wire or a reference
    /// translation): numbers, names and paragraphs that differ or are missing.
    #[arg(long, value_name = "REF")]
    reference: Option<PathBuf>,
    /// The language the reference is written in (en, zh, ja, ko, ar, ru, de, fr, es), when its
    /// script does not tell it.
    #[arg(long, value_name = "LANG", requires = "reference", value_parser = parse_language)]
    reference_lang: Option<Language>,
    /// Apply every suggestion that its rule marks safe, writing files atomically; findings left
    /// are reported. Standard input (`-`) is written to standard output, fixed (unchanged when
    /// nothing is to be fixed, and for NITF and ninjs), and the report then goes to standard
    /// error.
    #[arg(long)]
    fix: bool,
    /// With --fix, also apply the fixes rules do not mark safe (names, titles: they may be
    /// wrong), each one shown on standard error (as `ruff --unsafe-fixes`; the config's
    /// `unsafe_fixes: true` does the same).
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    unsafe_fixes: bool,
    /// Apply only the safe fixes, whatever the config's `unsafe_fixes:` says.
    #[arg(long, overrides_with = "unsafe_fixes")]
    no_unsafe_fixes: bool,
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
    shard: Option<Shard>,
    /// With --fix, print the fixes as a unified diff instead of writing them.
    #[arg(long, requires = "fix")]
    diff: bool,
    /// Print how many findings each rule gave, most first (as `ruff check --statistics`), instead
    /// of the findings; `[*]` marks rules with safe fixes. The exit code is the same.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    statistics: bool,
    /// Write the report to this file instead of standard output, whole or not at all (it is
    /// written beside, then moved into place); notes and errors still go to standard error.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["diff", "write_baseline"])]
    output_file: Option<PathBuf>,
    /// Report no finding below this level (suggestion, warning, error): it is neither shown, nor
    /// counted for the exit code, nor fixed. Vale's `--minAlertLevel` and `--min-alert-level`
    /// are other names of it.
    #[arg(long, visible_alias = "min-alert-level", alias = "minAlertLevel", value_name = "LEVEL", value_parser = parse_level)]
    min_level: Option<wirecheck_core::Severity>,
    #[command(flatten)]
    rule_options: RuleOptions,
    #[command(flatten)]
    vale: Box<ValeArgs>,
}

/// Vale's command-line flags, spelt as Vale spells them, so that a Vale command line runs.
#[derive(clap::Args, Debug)]
#[command(next_help_heading = "Vale compatibility")]
pub(crate) struct ValeArgs {
    /// Use this .vale.ini (`--config` naming a .vale.ini, `_vale` or `.vale` does the same).
    #[arg(long, value_name = "FILE")]
    vale_config: Option<PathBuf>,
    /// Read neither Vale's global configuration nor its global styles folder.
    #[arg(long)]
    no_global: bool,
    /// Read standard input, and every file named, as this extension (`.md`); with no path,
    /// standard input is read.
    #[arg(long, value_name = "EXT")]
    ext: Option<String>,
    /// Vale's `--output`: `line` (`--format line`), `JSON` (`--format vale-json`) or `CLI`
    /// (`--format human`).
    #[arg(long, value_name = "STYLE", conflicts_with = "format", value_parser = parse_output)]
    output: Option<FormatArg>,
    /// Report files in path order.
    #[arg(long)]
    sort: bool,
    /// Show paths relative to the working directory.
    #[arg(long)]
    relative: bool,
    /// Show paths with `/` separators.
    #[arg(long)]
    normalize: bool,
    /// Run only the Vale styles, not wirecheck's own shipped packs.
    #[arg(long)]
    vale_only: bool,
    /// Read every file as plain text, line by line (Vale's `--ignore-syntax`).
    #[arg(long)]
    ignore_syntax: bool,
}

impl ValeArgs {
    /// The options the runner gets; `config` is `--config` when it names a Vale file.
    fn options(
        &self,
        config: Option<PathBuf>,
        min_level: Option<wirecheck_core::Severity>,
    ) -> wirecheck_core::ValeRunOptions {
        wirecheck_core::ValeRunOptions {
            load: wirecheck_core::ValeLoadOptions {
                config: self.vale_config.clone().or(config),
                no_global: self.no_global,
            },
            min_alert_level: min_level,
            ext: self
                .ext
                .as_ref()
                .map(|ext| format!(".{}", ext.trim_start_matches('.'))),
            sort: self.sort,
            relative: self.relative,
            normalize: self.normalize,
            vale_only: self.vale_only,
            ignore_syntax: self.ignore_syntax,
            glob: None,
        }
    }
}

/// Whether `path` names a Vale configuration rather than a `wirecheck.yaml`.
fn is_vale_config(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    wirecheck_core::VALE_CONFIG_NAMES.contains(&name)
        || path.extension().is_some_and(|e| e == "ini")
}

fn parse_level(text: &str) -> Result<wirecheck_core::Severity, String> {
    text.parse()
        .map_err(|err: <wirecheck_core::Severity as std::str::FromStr>::Err| err.to_string())
}

/// Vale's `--output` styles; a template file is not supported.
fn parse_output(text: &str) -> Result<FormatArg, String> {
    match text {
        "line" => Ok(FormatArg(Format::Line)),
        "JSON" => Ok(FormatArg(Format::ValeJson)),
        "CLI" => Ok(FormatArg(Format::Human)),
        _ => Err(format!(
            "'{text}' is not an output style wirecheck has (line, JSON, CLI); Vale's templates are not supported"
        )),
    }
}

/// Vale's flags applied to the arguments: `--output` chooses the format, a `--config` naming a
/// `.vale.ini` is Vale's, `--vale-only` leaves the shipped packs out, `--ext` with no path reads
/// standard input and chooses the input format.
fn apply_vale_args(args: &mut CheckArgs) -> wirecheck_core::ValeRunOptions {
    if let Some(format) = args.vale.output {
        args.format = format;
    }
    let vale_config = args
        .rule_options
        .config
        .take_if(|path| is_vale_config(path));
    if args.vale.vale_only {
        args.rule_options.packs = Some(Vec::new());
        args.rule_options.enable.clear();
        args.rule_options.no_synced = true;
    }
    let mut options = args.vale.options(vale_config, args.min_level);
    if let [glob] = args.glob.as_slice() {
        options.glob = Some(glob.clone());
    }
    if args.paths.is_empty() {
        let default = if options.ext.is_some() { "-" } else { "." };
        args.paths = vec![PathBuf::from(default)];
    }
    if let Some(ext) = &options.ext {
        if args.stdin_filename.is_none() {
            args.stdin_filename = Some(PathBuf::from(format!("stdin{ext}")));
        }
        if args.input_format.is_none() {
            args.input_format = match ext.as_str() {
                ".md" | ".markdown" | ".mdown" | ".markdn" => Some(InputFormatArg::Markdown),
                ".txt" => Some(InputFormatArg::Text),
                _ => None,
            };
        }
    }
    if options.ignore_syntax && args.input_format.is_none() {
        args.input_format = Some(InputFormatArg::Text);
    }
    options
}

/// The Vale project the run uses, if any, with what its configuration asks that is not done
/// said once.
fn vale_project(
    options: &wirecheck_core::ValeRunOptions,
    start: &Path,
    quiet: bool,
) -> anyhow::Result<Option<std::sync::Arc<wirecheck_core::ValeProject>>> {
    let project = wirecheck_core::ValeProject::load(start, options)?;
    if let Some(project) = project.as_ref().filter(|_| !quiet) {
        for warning in project.warnings() {
            say("warning", warning);
        }
    }
    Ok(project.map(std::sync::Arc::new))
}

/// A report's path as `--relative` and `--normalize` show it.
fn vale_path(path: &str, options: &ValeArgs) -> String {
    let mut path = path.to_owned();
    if options.relative {
        if let Ok(cwd) = std::env::current_dir()
            && let Ok(rest) = Path::new(&path).strip_prefix(&cwd)
        {
            path = rest.display().to_string();
        }
        while let Some(rest) = path.strip_prefix("./") {
            path = rest.to_owned();
        }
    }
    if options.normalize {
        path = path.replace('\\', "/");
    }
    path
}

/// Runs `wirecheck check`: builds the runner from the arguments, runs it, prints what it gives.
pub(crate) fn run(mut args: CheckArgs) -> anyhow::Result<ExitCode> {
    let vale = apply_vale_args(&mut args);
    let (config, rules) = args.rule_options.load_from(None, !is_quiet(&args))?;
    if args.verbose {
        for note in setup_notes(&config, &args.rule_options) {
            say("note", note);
        }
    }
    // `--no-config` reads no `.vale.ini` either, unless `--vale-config` names one.
    let vale = if args.rule_options.no_config && vale.load.config.is_none() {
        None
    } else {
        vale_project(&vale, Path::new("."), is_quiet(&args))?
    };
    // A Vale project fails as Vale does, on errors only, unless told otherwise.
    if vale.is_some() && args.fail_level.is_none() && config.fail_level.is_none() {
        args.fail_level = Some(FailLevelArg(wirecheck_core::FailLevel::At(
            wirecheck_core::Severity::Error,
        )));
    }
    let selection = FileSelection {
        vale: vale.clone(),
        ..file_selection(&config, &args)
    };
    let selected = select_files(&args.paths, &selection, args.shard)?;
    say_warnings(&selected.notices, &args);
    let files = selected.files;
    let progress = progress_bar(files.len());
    let runner = Runner::new(
        rules,
        run_context(&config, &args)?,
        RunOptions {
            vale,
            ..run_options(&config, &args)
        },
    )?;
    let ended = match Output::of(&args) {
        Output::Streamed => stream(&runner, &files, &config, &args, &progress)?,
        Output::FixDiff => print_fix_diffs(
            check_all(&runner, &files, &args, &progress)?,
            &config,
            &args,
        )?,
        Output::WriteBaseline(path) => {
            write_baseline(check_all(&runner, &files, &args, &progress)?, path, &args)?
        }
        Output::Report => {
            let run = check_all(&runner, &files, &args, &progress)?;
            print_report(run, &runner, &config, &args)?
        }
    };
    // The one way out: the errors not shown yet, then the exit code.
    for error in &ended.unshown {
        say("error", &error.message);
    }
    Ok(ExitCode::from(ended.code))
}

/// The runner `wirecheck check` with no flags uses for stories in `folder`: the same
/// configuration (discovered from `folder` up), packs, synced packs, Vale project, today and
/// options, fixes off. The language server checks an editor's buffers with it.
pub(crate) fn runner_for_folder(folder: &Path) -> anyhow::Result<Runner> {
    #[derive(clap::Parser)]
    struct NoFlags {
        #[command(flatten)]
        check: CheckArgs,
    }
    let mut args = <NoFlags as clap::Parser>::try_parse_from(["check"])?.check;
    let vale = apply_vale_args(&mut args);
    let (config, rules) = args.rule_options.load_from(Some(folder), true)?;
    let vale = vale_project(&vale, folder, false)?;
    let options = RunOptions {
        vale,
        ..run_options(&config, &args)
    };
    Ok(Runner::new(rules, run_context(&config, &args)?, options)?)
}

/// What a run prints, chosen by its flags.
enum Output<'a> {
    /// A streamed format: each file's part written as soon as it is checked.
    Streamed,
    /// `--fix --diff`: the fixes as a unified diff.
    FixDiff,
    /// `--write-baseline`: every finding recorded in this file.
    WriteBaseline(&'a Path),
    /// A report of the whole run, written at its end.
    Report,
}

impl<'a> Output<'a> {
    fn of(args: &'a CheckArgs) -> Self {
        if args.fix && args.diff {
            Output::FixDiff
        } else if let Some(path) = &args.write_baseline {
            Output::WriteBaseline(path)
        } else if args.format.0.is_streamed() && !args.statistics && args.output_file.is_none() {
            Output::Streamed
        } else {
            Output::Report
        }
    }
}

/// How a run's output ended: the errors it has not shown, and the exit code.
struct Ended {
    unshown: Vec<FileError>,
    code: u8,
}

/// The outcomes of a run kept to its end, in the order of the files.
struct Collected {
    reports: Vec<FileReport>,
    errors: Vec<FileError>,
    fix_diffs: String,
}

impl Collected {
    fn of(outcomes: Vec<FileOutcome>) -> Self {
        let mut run = Collected {
            reports: Vec::with_capacity(outcomes.len()),
            errors: Vec::new(),
            fix_diffs: String::new(),
        };
        for outcome in outcomes {
            run.fix_diffs
                .push_str(outcome.fix_diff.as_deref().unwrap_or_default());
            match outcome.result {
                Ok(report) => run.reports.push(report),
                Err(error) => run.errors.push(error),
            }
        }
        run
    }
}

/// Which files the paths name: the command line's globs and the config's `ignore:`.
fn file_selection(config: &Config, args: &CheckArgs) -> FileSelection {
    FileSelection {
        globs: args.glob.clone(),
        excludes: args.exclude.clone(),
        ignores: config.ignore.clone(),
        ignore_root: config.root.clone(),
        force_exclude: args.force_exclude,
        vale: None,
    }
}

/// The context every story starts from: the config's, with the command line's date and grace,
/// and today (the publication date of undated copy).
fn run_context(config: &Config, args: &CheckArgs) -> anyhow::Result<Context> {
    let mut context = config.context()?;
    context.publication = args.date;
    let today = super::today::today(config)?;
    context.today = Some(today.date);
    context.today_source = Some(today.source);
    if let Some(days) = args.pack_grace {
        context.pack_grace = wirecheck_core::PackGrace::days(days);
    }
    Ok(context)
}

/// How the runner reads, filters and fixes, from the arguments and the config.
fn run_options(config: &Config, args: &CheckArgs) -> RunOptions {
    RunOptions {
        input_format: args.input_format.map(InputFormat::from),
        stdin_name: args.stdin_filename.clone(),
        reference: args.reference.clone(),
        reference_language: args.reference_lang,
        baseline: args.baseline.clone(),
        accepted_words: config.accept.clone(),
        report_unused_suppressions: args.report_unused_suppressions,
        min_level: args.min_level,
        unsafe_fixes: unsafe_fixes(config, args),
        fix: match (args.fix, args.diff) {
            (false, _) => FixMode::Off,
            (true, false) => FixMode::Write,
            (true, true) => FixMode::Diff,
        },
        vale: None,
    }
}

/// Whether the run applies unsafe fixes: `--unsafe-fixes`, else not with `--no-unsafe-fixes`,
/// else the config's `unsafe_fixes:`.
fn unsafe_fixes(config: &Config, args: &CheckArgs) -> bool {
    if args.unsafe_fixes || args.no_unsafe_fixes {
        args.unsafe_fixes
    } else {
        config.unsafe_fixes == Some(true)
    }
}

/// 2 when a file could not be checked; else 1 when a finding is at or above the fail level (the
/// command line's, else the config's, else warnings); else 0.
fn findings_code(summary: &Summary, config: &Config, args: &CheckArgs) -> u8 {
    let fail_level = args
        .fail_level
        .map(|arg| arg.0)
        .or(config.fail_level)
        .unwrap_or_default();
    if summary.errors > 0 {
        2
    } else {
        u8::from(
            fail_level
                .threshold()
                .is_some_and(|level| summary.at_or_above(level) > 0),
        )
    }
}

/// Writes each file's part of the report as soon as it is checked, keeping no reports: bounded
/// memory however many stories a run checks. Files finish in any order; each file's lines stay
/// together, and its error is shown as it comes.
fn stream(
    runner: &Runner,
    files: &[Result<Input, InputError>],
    config: &Config,
    args: &CheckArgs,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<Ended> {
    let out = Mutex::new((BufWriter::new(report_stream(args)), Summary::default()));
    runner.try_for_each(files, |outcome| -> std::io::Result<()> {
        if !progress.is_hidden() {
            progress.inc(1);
        }
        write_fixed_text(&outcome)?;
        say_warnings(&outcome.notices, args);
        if args.verbose {
            say_notes(&outcome.notices);
        }
        let mut guard = out.lock().unwrap_or_else(PoisonError::into_inner);
        let (out, summary) = &mut *guard;
        match outcome.result {
            Ok(mut report) => {
                shown_as_vale_asks(&mut report, &args.vale);
                summary.add_report(&report);
                if let Some(written) = report::write_file(args.format.0, &report, out) {
                    written?;
                }
                out.flush()?;
            }
            Err(error) => {
                summary.errors += 1;
                say("error", &error.message);
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    let (_, summary) = out.into_inner().unwrap_or_else(PoisonError::into_inner);
    Ok(Ended {
        unshown: Vec::new(),
        code: findings_code(&summary, config, args),
    })
}

/// Checks every file, keeping the outcomes to the end of the run: warnings are shown as each file
/// is done, the notes `--verbose` shows at the end, in the order of the files.
fn check_all(
    runner: &Runner,
    files: &[Result<Input, InputError>],
    args: &CheckArgs,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<Collected> {
    let outcomes = runner.check_all(files, |outcome| {
        say_warnings(&outcome.notices, args);
        if !progress.is_hidden() {
            progress.inc(1);
        }
    });
    progress.finish_and_clear();
    if args.verbose {
        for outcome in &outcomes {
            say_notes(&outcome.notices);
        }
    }
    for outcome in &outcomes {
        write_fixed_text(outcome)?;
    }
    Ok(Collected::of(outcomes))
}

/// True with `--quiet` or `--silent`: nothing but findings and errors is printed.
fn is_quiet(args: &CheckArgs) -> bool {
    args.quiet || args.silent
}

/// True when `--fix` writes standard input's fixed text to standard output (as `ruff check --fix
/// -`): the report then goes to standard error.
fn fixes_stdin(args: &CheckArgs) -> bool {
    args.fix && !args.diff && args.paths.iter().any(|path| path.as_os_str() == "-")
}

/// Where the report goes: standard output, or standard error when that carries a fixed story.
fn report_stream(args: &CheckArgs) -> Box<dyn Write + Send> {
    if args.silent {
        Box::new(std::io::sink())
    } else if fixes_stdin(args) {
        Box::new(std::io::stderr())
    } else {
        Box::new(std::io::stdout())
    }
}

/// Writes standard input's story, fixed or as read, to standard output.
fn write_fixed_text(outcome: &FileOutcome) -> std::io::Result<()> {
    let Some(text) = &outcome.fixed_text else {
        return Ok(());
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}

/// `--fix --diff` shows the fixes, like `ruff --diff`: exit 1 when there are any.
fn print_fix_diffs(run: Collected, config: &Config, args: &CheckArgs) -> anyhow::Result<Ended> {
    if !args.silent {
        let mut out = anstream::AutoStream::new(std::io::stdout().lock(), color_choice(args));
        out.write_all(run.fix_diffs.as_bytes())?;
        out.flush()?;
    }
    // As `ruff --diff` says it: the fixes the diff leaves out.
    let held_back = Summary::of(&run.reports, &[]).unsafe_fixes;
    if held_back > 0 && !unsafe_fixes(config, args) && !is_quiet(args) {
        say("note", report::unsafe_fixes_hint(held_back));
    }
    let code = if run.errors.is_empty() {
        u8::from(!run.fix_diffs.is_empty())
    } else {
        2
    };
    Ok(Ended {
        unshown: run.errors,
        code,
    })
}

/// `--write-baseline`: records every finding of the run, and exits 0 unless a file could not be
/// checked.
fn write_baseline(run: Collected, path: &Path, args: &CheckArgs) -> anyhow::Result<Ended> {
    let mut baseline = Baseline::default();
    for report in &run.reports {
        baseline.record(&report.path, &report.source, &report.findings);
    }
    baseline.save(path)?;
    let path = path.display().to_string();
    let path = wirecheck_text::visible::escape_controls(&path);
    if !is_quiet(args) {
        eprintln!("wrote {} findings to {path}", baseline.len());
    }
    let code = if run.errors.is_empty() { 0 } else { 2 };
    Ok(Ended {
        unshown: run.errors,
        code,
    })
}

/// Writes the report of the whole run; the human format shows the errors in it, the others leave
/// them to standard error.
fn print_report(
    run: Collected,
    runner: &Runner,
    config: &Config,
    args: &CheckArgs,
) -> anyhow::Result<Ended> {
    let mut run = run;
    for report in &mut run.reports {
        shown_as_vale_asks(report, &args.vale);
    }
    if args.vale.sort {
        run.reports.sort_by(|a, b| a.path.cmp(&b.path));
    }
    let rule_infos: Vec<RuleInfo> = runner
        .rules()
        .rules()
        .iter()
        .flat_map(RuleInfo::all_of)
        .collect();
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        if args.statistics {
            report::write_statistics(&run.reports, out)
        } else {
            let options = report::HumanOptions {
                styled: true,
                quiet: is_quiet(args),
                unsafe_fixes: unsafe_fixes(config, args),
            };
            report::write_with(
                args.format.0,
                &run.reports,
                &run.errors,
                &rule_infos,
                out,
                options,
            )
        }
    };
    match &args.output_file {
        Some(path) => {
            // A file gets no colour, and never a half-written report.
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            wirecheck_core::write_atomically(path, &bytes).map_err(|err| {
                anyhow::anyhow!("cannot write the report to {}: {err}", path.display())
            })?;
        }
        None if args.silent => {}
        None if fixes_stdin(args) => {
            let mut out = anstream::AutoStream::new(std::io::stderr().lock(), color_choice(args));
            write(&mut out)?;
            out.flush()?;
        }
        None => {
            let mut out = anstream::AutoStream::new(std::io::stdout().lock(), color_choice(args));
            write(&mut out)?;
            out.flush()?;
        }
    }
    let code = findings_code(&Summary::of(&run.reports, &run.errors), config, args);
    let unshown = if args.format.0 == Format::Human && !args.statistics && !args.silent {
        Vec::new()
    } else {
        run.errors
    };
    Ok(Ended { unshown, code })
}

/// A report as Vale's flags show its paths (`--relative`, `--normalize`); `--min-level` is the
/// runner's.
fn shown_as_vale_asks(report: &mut FileReport, vale: &ValeArgs) {
    report.path = vale_path(&report.path, vale);
}

fn color_choice(args: &CheckArgs) -> anstream::ColorChoice {
    match args.color {
        ColorArg::Auto => anstream::ColorChoice::Auto,
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
    }
}

/// `I/N` with 1 ≤ I ≤ N.
fn parse_shard(text: &str) -> Result<Shard, String> {
    let bad = || format!("expected I/N with 1 <= I <= N, got '{text}'");
    let (index, count) = text.split_once('/').ok_or_else(bad)?;
    let (index, count): (u64, u64) = (
        index.trim().parse().map_err(|_| bad())?,
        count.trim().parse().map_err(|_| bad())?,
    );
    Shard::new(index, count).ok_or_else(bad)
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

fn parse_date(text: &str) -> Result<PublicationDate, String> {
    PublicationDate::parse(text, DateSource::CommandLine).map_err(|e| e.to_string())
}

/// A language code, for `--reference-lang`.
pub(crate) fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| {
        let codes: Vec<&str> = wirecheck_core::LANGUAGES.iter().map(|l| l.code()).collect();
        format!(
            "unknown language '{code}': expected one of {}",
            codes.join(", ")
        )
    })
}

/// What `--verbose` says of a run's setup: the configuration file, the shipped packs and every
/// rule file or folder loaded.
fn setup_notes(config: &wirecheck_core::Config, options: &RuleOptions) -> Vec<String> {
    let mut notes = vec![match &config.path {
        Some(path) => format!("configuration: {}", path.display()),
        None if options.no_config => "configuration: none (--no-config)".to_owned(),
        None => "configuration: none found; using the defaults".to_owned(),
    }];
    let packs: Vec<&str> = wirecheck_core::builtin_pack_names()
        .into_iter()
        .filter(|pack| config.uses_pack(pack))
        .collect();
    notes.push(format!("shipped packs: {}", packs.join(", ")));
    let file = wirecheck_core::SelectionLayer {
        select: config.select.clone(),
        extend_select: config.extend_select.clone(),
        ignore: config.ignore_rules.clone(),
    };
    let layers = [
        (file, "from the configuration"),
        (
            config.command_line_selection.clone(),
            "from the command line",
        ),
    ];
    for (layer, from) in layers.iter().filter(|(layer, _)| !layer.is_empty()) {
        let said: Vec<String> = [
            ("select", layer.select.clone().unwrap_or_default()),
            ("extend-select", layer.extend_select.clone()),
            ("ignore", layer.ignore.clone()),
        ]
        .into_iter()
        .filter(|(kind, names)| !names.is_empty() || (*kind == "select" && layer.select.is_some()))
        .map(|(kind, names)| format!("{kind} {}", names.join(",")))
        .collect();
        notes.push(format!("rule selection: {} ({from})", said.join("; ")));
    }
    for path in config.rule_paths() {
        notes.push(format!(
            "rules: {} (from the configuration)",
            path.display()
        ));
    }
    for path in &options.rules {
        notes.push(format!("rules: {} (from --rules)", path.display()));
    }
    notes.extend(super::cache::synced_pack_notes(config));
    notes
}

/// Prints the notices shown unless `--quiet`: warnings, and the fixes written.
fn say_warnings(notices: &[Notice], args: &CheckArgs) {
    if is_quiet(args) {
        return;
    }
    for notice in notices.iter().filter(|n| n.level() != NoticeLevel::Note) {
        say(notice.level().name(), notice);
    }
}

/// Prints the notes `--verbose` shows.
fn say_notes(notices: &[Notice]) {
    for notice in notices.iter().filter(|n| n.level() == NoticeLevel::Note) {
        say(notice.level().name(), notice);
    }
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
