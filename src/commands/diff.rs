//! `wirecheck diff OLD NEW`: readable word diff of two versions of a story, or, when OLD is an
//! original and NEW its translation in another language, their paragraphs aligned side by side.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use wirecheck_core::Context;
use wirecheck_core::{Finding, RevisionFindings};
use wirecheck_core::{InputFormat, Language, StoryText, TranslationAlignment};
use wirecheck_core::{RunOptions, Runner};
use wirecheck_diff::{DiffOptions, Normalization, format};
use wirecheck_score::{Metric, ScoreDetails, ScoreOptions, score_corpus};
use wirecheck_text::span::Positions;
use wirecheck_text::visible::escape_controls;

use super::RuleOptions;
use super::check::InputFormatArg;
use super::diff_git::{self, GitExternal};
use super::diff_unified;

/// Output format of `wirecheck diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    /// Inline words: coloured on a terminal, wdiff-style markers otherwise.
    Inline,
    /// wdiff-style `[-deleted-]{+inserted+}` text.
    Word,
    /// Unified diff of lines, a patch that `patch` and `git apply` apply exactly (changed words
    /// emphasised when coloured); it refuses the --ignore-* and --normalize options.
    Unified,
    /// Operations with byte spans and line:column in both files.
    Json,
    /// Self-contained side-by-side HTML page.
    Html,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Unicode normalisation before comparing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum NormalizeForm {
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
}

/// Arguments of `wirecheck diff`.
#[derive(clap::Args, Debug)]
pub(crate) struct DiffArgs {
    /// The old version (reference or earlier revision).
    #[arg(required_unless_present_any = ["git_external", "textconv"])]
    pub old: Option<PathBuf>,
    /// The new version (translation or later revision).
    #[arg(required_unless_present_any = ["git_external", "textconv"])]
    pub new: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Inline)]
    pub format: DiffFormat,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Compare words case-insensitively. Not with --format unified (an exact patch).
    #[arg(long)]
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison. Not with --format unified (an exact patch).
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Do not report whitespace-only changes. Not with --format unified (an exact patch).
    #[arg(long)]
    pub ignore_whitespace: bool,
    /// Unicode normalisation applied before comparing. Not with --format unified (an exact patch).
    #[arg(long, value_enum)]
    pub normalize: Option<NormalizeForm>,
    /// Print word statistics like `wdiff -s` after the diff.
    #[arg(long, short = 's')]
    pub stats: bool,
    /// Lines of context in the unified format.
    #[arg(long, default_value_t = 3)]
    pub context: usize,
    /// Unchanged paragraphs shown on each side of a change in the inline format and the HTML
    /// page (default 1); longer runs of unchanged paragraphs are folded into one line. Given,
    /// it folds the word format too, which by default shows every paragraph as wdiff does.
    #[arg(long, value_name = "N")]
    pub context_paragraphs: Option<usize>,
    /// Show every paragraph: fold no unchanged ones (and, in the unified format, every line).
    #[arg(long, conflicts_with_all = ["context_paragraphs", "context"])]
    pub full: bool,
    /// Time budget in milliseconds before the diff degrades to coarser changes.
    #[arg(long, default_value_t = 2000)]
    pub timeout_ms: u64,
    /// Also run the rules on both versions and report the findings NEW introduced and resolved.
    #[arg(long)]
    pub check: bool,
    /// Read both inputs as this format instead of choosing by extension or content.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// The language of OLD (a code: zh, ja, ko, ar, ru, de, fr, es, en) instead of the one its
    /// script tells; when NEW is in another, the paragraphs are shown aligned side by side.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub original_lang: Option<Language>,
    /// Print nothing: the exit code alone says whether the versions differ (as `git diff
    /// --quiet`). Errors are still printed.
    #[arg(long, short = 'q', conflicts_with_all = ["stats", "check"])]
    pub quiet: bool,
    /// Take the arguments git gives an external diff driver (`diff.<driver>.command`,
    /// `GIT_EXTERNAL_DIFF`) instead of OLD and NEW: the versions are named `a/PATH` and
    /// `b/PATH`, and the exit code is 0 when the diff is shown, as git expects of a driver.
    #[arg(
        long,
        num_args = 1..=9,
        value_name = "GIT_ARGS",
        allow_hyphen_values = true,
        conflicts_with_all = ["old", "new", "quiet", "textconv"]
    )]
    pub git_external: Option<Vec<String>>,
    /// Print the story text of FILE, one headline, front line or paragraph a line, its markup
    /// left out (NITF and ninjs elements, Markdown front matter and inline marks): a textconv
    /// for git (`diff.<driver>.textconv`).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["old", "new", "quiet"])]
    pub textconv: Option<PathBuf>,
    #[command(flatten)]
    pub rule_options: RuleOptions,
}

/// The two files compared and the names they are shown by.
struct Files {
    old: PathBuf,
    new: PathBuf,
    names: format::SideNames,
}

/// A language named by its code (`zh`, `ja-JP`), or an error listing the codes known.
fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = wirecheck_core::LANGUAGES.iter().map(|l| l.code()).collect();
        format!("unknown language '{code}' (known: {})", known.join(", "))
    })
}

/// BLEU, chrF and TER of NEW against OLD as its reference, for the HTML summary: each aligned
/// pair of paragraphs is a segment (an inserted paragraph against an empty reference, a deleted
/// one against an empty hypothesis), which keeps TER's work proportional to the story and says
/// more than one story-long segment would. A story that cannot be scored shows no scores.
fn scores(story: &wirecheck_diff::StoryDiff<'_>) -> Vec<format::ScoreLine> {
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut hyps = Vec::with_capacity(story.blocks.len());
    let mut refs = Vec::with_capacity(story.blocks.len());
    for block in &story.blocks {
        // A moved paragraph is scored once, at its new position.
        if matches!(
            block.pairing,
            wirecheck_diff::ParagraphPairing::MovedAway { .. }
        ) {
            continue;
        }
        hyps.push(one_line(
            story.new.get(block.new_extent.clone()).unwrap_or_default(),
        ));
        refs.push(one_line(
            story.old.get(block.old_extent.clone()).unwrap_or_default(),
        ));
    }
    let metrics = [Metric::Bleu, Metric::Chrf, Metric::Ter];
    score_corpus(&metrics, &ScoreOptions::default(), &hyps, &[refs])
        .map(|scores| {
            scores
                .into_iter()
                .map(|s| format::ScoreLine {
                    meaning: score_meaning(&s.details).to_owned(),
                    value: format!("{:.1}", s.score),
                    signature: Some(s.signature.to_string()),
                    name: s.name,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// How to read a score of NEW against OLD, for the HTML summary.
fn score_meaning(details: &ScoreDetails) -> &'static str {
    match details {
        ScoreDetails::Bleu(_) => {
            "0–100: word n-grams shared with the old version (the reference); higher is closer"
        }
        ScoreDetails::Chrf(..) => {
            "0–100: character n-gram F-score against the old version; higher is closer"
        }
        ScoreDetails::Ter(_) => {
            "edits (words inserted, deleted, replaced, shifted) per 100 words of the old \
             version, 0 for the same text; lower is closer"
        }
    }
}

/// The findings NEW introduced and resolved, each list titled, one line per finding
/// (`path:line:col: severity[rule] message`).
fn finding_lists(sides: [(&str, &str, &Vec<&Finding>); 2]) -> Vec<format::FindingList> {
    let [(old_path, old, resolved), (new_path, new, introduced)] = sides;
    let list = |title: &str, path: &str, source: &str, findings: &Vec<&Finding>| {
        let mut positions = Positions::new(source);
        format::FindingList {
            title: format!("{title} ({})", findings.len()),
            findings: findings
                .iter()
                .map(|finding| {
                    let at = positions.at(finding.span.start);
                    format!(
                        "{}:{}:{}: {}[{}] {}",
                        path, at.line, at.column, finding.severity, finding.rule, finding.message
                    )
                })
                .collect(),
        }
    };
    vec![
        list("Findings introduced", new_path, new, introduced),
        list("Findings resolved", old_path, old, resolved),
    ]
}

/// The finding lists as text after the diff, control characters made visible.
fn findings_text(lists: &[format::FindingList]) -> String {
    let mut text = String::new();
    for list in lists {
        text.push_str(&format!("\n{}:\n", escape_controls(&list.title)));
        for finding in &list.findings {
            text.push_str(&format!("  {}\n", escape_controls(finding)));
        }
    }
    text
}

/// The JSON diff with `check: {introduced, resolved}` added, each finding with its path and
/// position.
fn with_findings_json(
    diff_json: &str,
    sides: [(&str, &str, &Vec<&Finding>); 2],
) -> anyhow::Result<String> {
    let mut document: serde_json::Value = serde_json::from_str(diff_json)?;
    let describe = |(path, source, findings): (&str, &str, &Vec<&Finding>)| {
        let mut positions = Positions::new(source);
        findings
            .iter()
            .map(|finding| {
                let (start, end) = positions.span(finding.span);
                serde_json::json!({
                    "path": path,
                    "rule": finding.rule,
                    "severity": finding.severity,
                    "message": finding.message,
                    "match": finding.span.slice(source),
                    "line": start.line, "column": start.column,
                    "end_line": end.line, "end_column": end.column,
                    "span": finding.span,
                })
            })
            .collect::<Vec<_>>()
    };
    let [old_side, new_side] = sides;
    if let Some(object) = document.as_object_mut() {
        object.insert(
            "check".to_owned(),
            serde_json::json!({ "introduced": describe(new_side), "resolved": describe(old_side) }),
        );
    }
    Ok(format!("{}\n", serde_json::to_string_pretty(&document)?))
}

/// The paragraphs `format` shows: all with `--full`, in JSON (which must rebuild both files)
/// and in the word format unless `--context-paragraphs` is given (a wdiff-style text whose
/// readers expect it whole); else the context asked for or the default.
fn paragraph_context(args: &DiffArgs, format: DiffFormat) -> format::ParagraphContext {
    let folds_by_default = matches!(format, DiffFormat::Inline | DiffFormat::Html);
    match args.context_paragraphs {
        _ if args.full || format == DiffFormat::Json => format::ParagraphContext::Full,
        Some(keep) => format::ParagraphContext::Around(keep),
        None if folds_by_default => format::ParagraphContext::default(),
        None => format::ParagraphContext::Full,
    }
}

/// The line before a file's diff under `--git-external`, bold as git's `diff --git` line.
fn git_header(names: &format::SideNames, colour: bool) -> String {
    let line = format!("wirecheck diff {} {}", names.old, names.new);
    if colour {
        format!("\u{1b}[1m{line}\u{1b}[0m\n")
    } else {
        format!("{line}\n")
    }
}

fn colour_enabled(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            // git sets GIT_PAGER_IN_USE for the drivers writing to its pager, a terminal
            // behind a pipe, and colours its own output there too.
            let git_pager = std::env::var_os("GIT_PAGER_IN_USE").is_some_and(|v| v == "true");
            !no_color && (std::io::stdout().is_terminal() || git_pager)
        }
    }
}

/// Runs `wirecheck diff`: exit code 0 when the stories are the same, 1 when they differ (under
/// `--git-external`, 0 when the diff is shown); `--textconv` prints one story's text.
pub(crate) fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let forced = args.input_format.map(InputFormat::from);
    if let Some(file) = &args.textconv {
        let document = wirecheck_core::read_document(file, forced)?;
        let format = forced.unwrap_or_else(|| InputFormat::detect(file, document.original()));
        print(&diff_git::textconv(
            &document,
            format == InputFormat::Markdown,
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let files = match (&args.git_external, &args.old, &args.new) {
        (Some(git_args), _, _) => match GitExternal::from_args(git_args)? {
            GitExternal::Unmerged { path } => {
                // As git prints it for a conflicted path: there are no versions to compare.
                print(&format!("* Unmerged path {}\n", escape_controls(&path)))?;
                return Ok(ExitCode::SUCCESS);
            }
            GitExternal::Pair {
                old_file,
                new_file,
                old_name,
                new_name,
            } => Files {
                old: old_file,
                new: new_file,
                names: format::SideNames {
                    old: old_name,
                    new: new_name,
                },
            },
        },
        (None, Some(old), Some(new)) => Files {
            names: format::SideNames {
                old: old.display().to_string(),
                new: new.display().to_string(),
            },
            old: old.clone(),
            new: new.clone(),
        },
        // clap requires OLD and NEW without the other two.
        _ => anyhow::bail!("wirecheck diff needs OLD and NEW"),
    };
    let code = compare(&args, &files, forced)?;
    // git stops at the first file whose driver exits non-zero ("external diff died").
    Ok(if args.git_external.is_some() {
        ExitCode::SUCCESS
    } else {
        code
    })
}

/// Compares the two `files`: exit code 0 when the stories are the same, 1 when they differ.
fn compare(
    args: &DiffArgs,
    files: &Files,
    forced: Option<InputFormat>,
) -> anyhow::Result<ExitCode> {
    if args.format == DiffFormat::Unified {
        refuse_inexact_patch(args)?;
    }
    // The rules read whole documents; the diff alone reads the layout and skips segmenting
    // sentences and words (most of reading a long story).
    let read = |path: &std::path::Path| {
        if args.check {
            wirecheck_core::read_document(path, forced).map(StoryText::of_document)
        } else {
            wirecheck_core::read_story_text(path, forced)
        }
    };
    let old_story = read(&files.old)?;
    let new_story = read(&files.new)?;
    // NITF and ninjs are compared by the story text taken out of them; other stories as written.
    let (old, old_blocks) = (old_story.text(), old_story.blocks());
    let (new, new_blocks) = (new_story.text(), new_story.blocks());
    // An original and its translation have no words in common to diff: their paragraphs are
    // aligned instead (a unified patch is still a patch, and stays one).
    if args.format != DiffFormat::Unified {
        let alignment =
            wirecheck_core::align_translation(old, old_blocks, new, new_blocks, args.original_lang);
        if let Some(alignment) = alignment {
            // An original and its translation always differ.
            if args.quiet {
                return Ok(ExitCode::from(1));
            }
            return run_translation(
                args,
                files,
                [&old_story, &new_story],
                [(old, old_blocks), (new, new_blocks)],
                &alignment,
            );
        }
    }
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
    let story = wirecheck_diff::diff_stories(old, old_blocks, new, new_blocks, &options)?;
    // A patch is of the files as stored (markup, byte-order mark and all), not of the story text.
    let patch_texts = if args.format == DiffFormat::Unified {
        Some((
            diff_unified::patch_text(&files.old, old_story.original())?,
            diff_unified::patch_text(&files.new, new_story.original())?,
        ))
    } else {
        None
    };
    let differs = match &patch_texts {
        Some((old_bytes, new_bytes)) => old_bytes != new_bytes,
        None => story.has_changes(),
    };
    if args.quiet {
        return Ok(ExitCode::from(u8::from(differs)));
    }
    // The findings are needed before rendering: the HTML page shows them inside it.
    let check = checked(args, &files.names, [&old_story, &new_story])?;
    let changes = check.as_ref().map(|(old_findings, new_findings)| {
        RevisionFindings::compare(old_findings, old, new_findings, new)
    });
    let sides = changes.as_ref().map(|changes| {
        [
            (files.names.old.as_str(), old, &changes.resolved),
            (files.names.new.as_str(), new, &changes.introduced),
        ]
    });
    let lists = sides.map(finding_lists).unwrap_or_default();
    let names = &files.names;
    // Names printed in text go to a terminal as the story text does: made visible too.
    let text_names = format::SideNames {
        old: escape_controls(&names.old).into_owned(),
        new: escape_controls(&names.new).into_owned(),
    };
    let colour = colour_enabled(args.color);
    let identical = !story.has_changes();
    let context = paragraph_context(args, args.format);
    let mut output = match args.format {
        // Like `git diff`, nothing to show when nothing changed.
        DiffFormat::Inline | DiffFormat::Word if identical => String::new(),
        DiffFormat::Inline => format::render_terminal_in_context(&story, colour, context),
        DiffFormat::Word => format::render_word_in_context(&story, context),
        DiffFormat::Unified => {
            let (old, new) = patch_texts
                .as_ref()
                .map_or((old, new), |(o, n)| (o.as_ref(), n.as_ref()));
            let lines = if args.full {
                old.lines().count().max(new.lines().count())
            } else {
                args.context
            };
            format::render_unified(old, new, &text_names, lines, colour, options.timeout)
        }
        DiffFormat::Json => format::render_json(&story, names),
        DiffFormat::Html => {
            format::render_html_with_findings(&story, names, &scores(&story), &lists, context)
        }
    };
    let textual = matches!(args.format, DiffFormat::Inline | DiffFormat::Word);
    if textual && !output.is_empty() && !output.ends_with('\n') {
        output.push('\n');
    }
    if textual && !output.is_empty() && args.git_external.is_some() {
        // git shows each file's diff after its own header; a driver prints its own.
        output.insert_str(0, &git_header(&text_names, colour));
    }
    if args.stats && !matches!(args.format, DiffFormat::Json | DiffFormat::Html) {
        output.push_str(&format::render_stats(&story.statistics(), &text_names));
    }
    if let Some(sides) = sides {
        match args.format {
            DiffFormat::Json => output = with_findings_json(&output, sides)?,
            DiffFormat::Html => {}
            _ => output.push_str(&findings_text(&lists)),
        }
    }
    print(&output)?;
    Ok(ExitCode::from(u8::from(differs)))
}

/// `--format unified` is a patch that rebuilds NEW exactly: an option that makes the comparison
/// ignore a difference cannot apply to it, so it is refused rather than silently dropped.
fn refuse_inexact_patch(args: &DiffArgs) -> anyhow::Result<()> {
    let ignoring = [
        (args.ignore_case, "--ignore-case"),
        (args.ignore_punctuation, "--ignore-punctuation"),
        (args.ignore_whitespace, "--ignore-whitespace"),
        (args.normalize.is_some(), "--normalize"),
    ];
    if let Some((_, option)) = ignoring.iter().find(|(given, _)| *given) {
        anyhow::bail!(
            "--format unified writes an exact patch, which {option} would make inexact; \
             use it with --format inline, word, json or html"
        );
    }
    Ok(())
}

/// The findings of both versions when `--check` asks for them.
fn checked(
    args: &DiffArgs,
    names: &format::SideNames,
    stories: [&StoryText; 2],
) -> anyhow::Result<Option<(Vec<Finding>, Vec<Finding>)>> {
    if !args.check {
        return Ok(None);
    }
    // `compare` reads whole documents when `--check` is given.
    let [Some(old_doc), Some(new_doc)] = stories.map(StoryText::document) else {
        anyhow::bail!("internal error: the stories to check were read for their layout only");
    };
    let (config, rules) = args.rule_options.load()?;
    let today = super::today::today(&config)?;
    let context = Context {
        today: Some(today.date),
        today_source: Some(today.source),
        ..Context::default()
    };
    let options = RunOptions {
        accepted_words: config.accept.clone(),
        ..RunOptions::default()
    };
    let runner = Runner::new(rules, context, options)?;
    let old_findings = runner.check_document(&names.old, old_doc);
    let new_findings = runner.check_document(&names.new, new_doc);
    Ok(Some((old_findings, new_findings)))
}

/// Writes `output` to standard output; a reader that went away (a closed pipe) is no error.
fn print(output: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write to standard output")?,
    }
    Ok(())
}

/// The rows of an alignment of blocks, each side's paragraphs with the bytes they cover.
fn aligned_rows(
    alignment: &TranslationAlignment,
    old_blocks: &[std::ops::Range<usize>],
    new_blocks: &[std::ops::Range<usize>],
) -> Vec<format::AlignedRow> {
    let side = |paragraphs: &std::ops::Range<usize>, blocks: &[std::ops::Range<usize>]| {
        if paragraphs.is_empty() {
            // A paragraph the other side dropped or added.
            return None;
        }
        let first = blocks.get(paragraphs.start)?;
        let last = blocks.get(paragraphs.end.checked_sub(1)?)?;
        Some(format::AlignedSide {
            paragraphs: paragraphs.clone(),
            span: first.start..last.end,
        })
    };
    alignment
        .beads
        .iter()
        .map(|bead| format::AlignedRow {
            original: side(&bead.original, old_blocks),
            translation: side(&bead.translation, new_blocks),
        })
        .collect()
}

/// `wirecheck diff ORIGINAL TRANSLATION` of two languages: the aligned paragraphs side by side
/// (the unified format, a patch, is the one left as it is). Exit code 1: the versions differ.
fn run_translation(
    args: &DiffArgs,
    files: &Files,
    stories: [&StoryText; 2],
    sides: [(&str, &[std::ops::Range<usize>]); 2],
    alignment: &TranslationAlignment,
) -> anyhow::Result<ExitCode> {
    let [(old, old_blocks), (new, new_blocks)] = sides;
    let check = checked(args, &files.names, stories)?;
    let changes = check.as_ref().map(|(old_findings, new_findings)| {
        RevisionFindings::compare(old_findings, old, new_findings, new)
    });
    let finding_sides = changes.as_ref().map(|changes| {
        [
            (files.names.old.as_str(), old, &changes.resolved),
            (files.names.new.as_str(), new, &changes.introduced),
        ]
    });
    let lists = finding_sides.map(finding_lists).unwrap_or_default();
    let aligned = format::SideBySide {
        original: format::AlignedText {
            name: files.names.old.clone(),
            language: alignment.original_language.code().to_owned(),
            text: old,
        },
        translation: format::AlignedText {
            name: files.names.new.clone(),
            language: alignment.translation_language.code().to_owned(),
            text: new,
        },
        rows: aligned_rows(alignment, old_blocks, new_blocks),
    };
    let mut output = match args.format {
        DiffFormat::Json => format::render_side_by_side_json(&aligned),
        DiffFormat::Html => format::render_side_by_side_html(&aligned, &lists),
        _ => format::render_side_by_side_text(&aligned, colour_enabled(args.color)),
    };
    let textual = !matches!(args.format, DiffFormat::Json | DiffFormat::Html);
    if args.stats && textual {
        output.push('\n');
        output.push_str(&format::render_side_by_side_stats(&aligned));
    }
    if let Some(sides) = finding_sides {
        match args.format {
            DiffFormat::Json => output = with_findings_json(&output, sides)?,
            DiffFormat::Html => {}
            _ => output.push_str(&findings_text(&lists)),
        }
    }
    print(&output)?;
    Ok(ExitCode::from(1))
}
