//! The runner: one `check` run over files or over text in memory. Each story is read once, checked
//! by the rules, filtered in one stage ([`crate::filters`]), then fixed ([`crate::fix`]) when
//! asked; each file's outcome is handed back as a value, as soon as it is done, so that a caller can
//! stream reports with bounded memory. It never prints: what it has to say besides findings comes
//! back as [`Notice`]s. The command line, the tests and an editor server share it.
//!
//! ```
//! use wirecheck_core::{Context, InputFormat, RuleSet, RuleSource, RunOptions, Runner};
//!
//! let rule = RuleSource {
//!     files: Default::default(),
//!     pack: "house".into(),
//!     name: "Doubled".into(),
//!     origin: "example".into(),
//!     yaml: "extends: repetition\nignorecase: true\nmessage: \"'%s' is repeated\"\n".into(),
//! };
//! let rules = RuleSet::compile([rule]).unwrap();
//! let runner = Runner::new(rules, Context::default(), RunOptions::default()).unwrap();
//! let text = "Headline\n\nThe the minister spoke.\n".to_owned();
//! let outcome = runner.check_text("buffer.txt", text, Some(InputFormat::Text));
//! let report = outcome.result.unwrap();
//! assert_eq!(report.findings[0].message, "'The' is repeated");
//! ```

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::document::Document;
use crate::engine::{NoStory, Notice, RuleSet};
use crate::filters::Filters;
use crate::filters::baseline::{Baseline, BaselineError};
use crate::finding::Finding;
use crate::fix::{apply_fixes, unified_diff, write_fixed};
use crate::input::encoding::TextEncoding;
use crate::input::{Input, InputError, InputFormat, display_name, read_story_file};
use crate::knowledge::freshness::Staleness;
use crate::knowledge::language::Language;
use crate::knowledge::publication::{DateSource, PublicationDate};
use crate::report::{FileError, FileReport, ReferenceFile};
use crate::rules::{Context, Reference, StoryContext};
use crate::vale::{ValeFileError, ValeProject};

/// What a run does with the safe fixes of its findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Nothing: only report.
    #[default]
    Off,
    /// Apply them: write each file atomically (text in memory is fixed in its report), then report
    /// what is left.
    Write,
    /// Describe them as a unified diff ([`FileOutcome::fix_diff`]); write nothing.
    Diff,
}

/// How a run reads, filters and fixes its stories.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Read every story as this format instead of choosing by extension, else content.
    pub input_format: Option<InputFormat>,
    /// The name of the story read from standard input (`-`): its report's path, the baseline's
    /// key, and by its extension the story's format.
    pub stdin_name: Option<PathBuf>,
    /// Check each story against this reference version (`--reference`).
    pub reference: Option<PathBuf>,
    /// The language the reference is written in; told from its text when `None`.
    pub reference_language: Option<Language>,
    /// Do not report the findings this baseline file records.
    pub baseline: Option<PathBuf>,
    /// Words never reported, whatever rule matches them (the configuration's `accept:`).
    pub accepted_words: Vec<String>,
    /// Report suppression comments that cover no finding.
    pub report_unused_suppressions: bool,
    /// Findings below this level are dropped with the filters: neither reported, counted nor
    /// fixed (`--min-level`).
    pub min_level: Option<crate::finding::Severity>,
    /// What to do with safe fixes.
    pub fix: FixMode,
    /// Also apply the fixes rules do not mark safe (names, titles), each one said in a
    /// [`Notice::UnsafeFixed`] (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
    /// A Vale project whose styles run beside the rule set (`.vale.ini`).
    pub vale: Option<Arc<ValeProject>>,
}

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The reference version could not be read.
    #[error(transparent)]
    Reference(#[from] InputError),
    /// The baseline could not be read.
    #[error(transparent)]
    Baseline(#[from] BaselineError),
}

/// One file's outcome.
#[derive(Debug)]
pub struct FileOutcome {
    /// Its report, or why it could not be checked (or fixed).
    pub result: Result<FileReport, FileError>,
    /// What the run says about it, in order.
    pub notices: Vec<Notice>,
    /// With [`FixMode::Diff`], the unified diff of its fixes, if it has any.
    pub fix_diff: Option<String>,
    /// With [`FixMode::Write`], for standard input: the story as fixed, in the encoding it was
    /// read in (byte-order mark and line endings kept), for the caller to write to standard
    /// output, as `ruff check --fix -` does. It is the story as read when nothing was fixed
    /// (no fix, a NITF or ninjs story, or one that could not be checked), so that a pipe never
    /// loses it.
    pub fixed_text: Option<Vec<u8>>,
}

impl FileOutcome {
    fn failed(error: FileError, notices: Vec<Notice>) -> Self {
        Self {
            result: Err(error),
            notices,
            fix_diff: None,
            fixed_text: None,
        }
    }
}

/// A run: the rules, the context they read, the filters and what to do with fixes, ready to check
/// any number of stories (from any number of threads).
#[derive(Debug)]
pub struct Runner {
    rules: RuleSet,
    context: Context,
    filters: Filters,
    reference: Option<Arc<ReferenceFile>>,
    input_format: Option<InputFormat>,
    stdin_name: Option<PathBuf>,
    min_level: Option<crate::finding::Severity>,
    fix: FixMode,
    unsafe_fixes: bool,
    vale: Option<Arc<ValeProject>>,
    /// The rules whose stale facts a note has named: each is named once a run.
    stale_noted: Mutex<FxHashSet<String>>,
}

/// Where a story's text came from, which says how it can be fixed.
#[derive(Clone, Copy)]
enum Origin<'a> {
    /// A file (or a pipe or device) at this path.
    File(&'a Path),
    /// Standard input.
    Stdin,
    /// Text given in memory.
    Memory,
}

/// A story being checked: its names, how it was read, where it came from.
struct Story<'a> {
    /// How messages name it (`<stdin>` for standard input).
    display: String,
    /// How its report names it: as `display`, or by the name given to standard input.
    name: String,
    /// True when it was named (on the command line, or given as text), not found in a folder.
    named: bool,
    format: InputFormat,
    encoding: TextEncoding,
    origin: Origin<'a>,
}

impl Story<'_> {
    fn error(&self, message: String) -> FileError {
        FileError {
            path: self.display.clone(),
            message,
        }
    }
}

impl Runner {
    /// A run of `rules` with `context`; reads the reference version and the baseline the options
    /// name.
    pub fn new(rules: RuleSet, context: Context, options: RunOptions) -> Result<Self, RunError> {
        let mut context = context;
        let reference = match &options.reference {
            Some(path) => {
                let story = read_story_file(path, options.input_format)?;
                let source = story.document.original().to_owned();
                let reference = match options.reference_language {
                    Some(language) => Reference::in_language(story.document, language),
                    None => Reference::new(story.document),
                };
                context.reference = Some(Arc::new(reference));
                Some(Arc::new(ReferenceFile {
                    path: display_name(path),
                    source,
                    encoding: story.encoding,
                }))
            }
            None => None,
        };
        let mut filters = Filters::default()
            .accept_words(options.accepted_words)
            .report_unused_suppressions(options.report_unused_suppressions);
        if let Some(path) = &options.baseline {
            filters = filters.baseline(Baseline::load(path)?);
        }
        Ok(Self {
            rules,
            context,
            filters,
            reference,
            input_format: options.input_format,
            stdin_name: options.stdin_name,
            min_level: options.min_level,
            fix: options.fix,
            unsafe_fixes: options.unsafe_fixes,
            vale: options.vale,
            stale_noted: Mutex::default(),
        })
    }

    /// The rules the run checks with.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Checks every file on all cores, handing each outcome to `each` as soon as the file is done
    /// (files finish in any order), so that none need be kept; stops at the first error `each`
    /// returns and gives it.
    pub fn try_for_each<E: Send>(
        &self,
        files: &[Result<Input, InputError>],
        each: impl Fn(FileOutcome) -> Result<(), E> + Sync + Send,
    ) -> Result<(), E> {
        files
            .par_iter()
            .try_for_each(|entry| each(self.check_entry(entry)))
    }

    /// Checks every file on all cores and gives the outcomes in the order of `files`; `finished`
    /// sees each as soon as its file is done (for progress, and warnings worth showing at once).
    pub fn check_all(
        &self,
        files: &[Result<Input, InputError>],
        finished: impl Fn(&FileOutcome) + Sync + Send,
    ) -> Vec<FileOutcome> {
        files
            .par_iter()
            .map(|entry| {
                let outcome = self.check_entry(entry);
                finished(&outcome);
                outcome
            })
            .collect()
    }

    /// Checks one entry of [`crate::engine::select_files`]: a file, or the reason a path could not
    /// be used (given back as the file's error).
    pub fn check_entry(&self, entry: &Result<Input, InputError>) -> FileOutcome {
        match entry {
            Ok(input) => self.check_input(input),
            Err(error) => FileOutcome::failed(
                FileError {
                    path: error.path().to_owned(),
                    message: error.to_string(),
                },
                Vec::new(),
            ),
        }
    }

    /// Reads and checks one file (`-` for standard input).
    pub fn check_input(&self, input: &Input) -> FileOutcome {
        let path = input.path.as_path();
        let display = display_name(path);
        let stdin = path == Path::new("-");
        let stdin_name = self.stdin_name.as_deref().filter(|_| stdin);
        let forced = self
            .input_format
            .or_else(|| stdin_name.and_then(format_implied_by_name))
            // A file only a Vale project lints is text to wirecheck, whatever its extension.
            .or_else(|| (!self.own_rules_apply(path, input.named)).then_some(InputFormat::Text));
        let file = match read_story_file(path, forced) {
            Ok(file) => file,
            Err(error) => {
                let error = FileError {
                    path: display,
                    message: error.to_string(),
                };
                return FileOutcome::failed(error, Vec::new());
            }
        };
        let story = Story {
            name: stdin_name.map_or_else(|| display.clone(), |name| name.display().to_string()),
            display,
            named: input.named,
            format: file.format,
            encoding: file.encoding,
            origin: if stdin {
                Origin::Stdin
            } else {
                Origin::File(path)
            },
        };
        self.check_story(&story, file.document)
    }

    /// Checks a story given as text (an editor's buffer), named `name`: as `format` when given,
    /// else as the run's input format, else by the name's extension or the content. Nothing is
    /// read or written; with [`FixMode::Write`] the report is of the fixed text.
    pub fn check_text(&self, name: &str, text: String, format: Option<InputFormat>) -> FileOutcome {
        let format = format
            .or(self.input_format)
            .unwrap_or_else(|| InputFormat::detect(Path::new(name), &text));
        let story = Story {
            display: name.to_owned(),
            name: name.to_owned(),
            named: true,
            format,
            encoding: TextEncoding::Utf8,
            origin: Origin::Memory,
        };
        match Document::read(text, format) {
            Ok(document) => self.check_story(&story, document),
            Err(fault) => {
                let message = format_error(&story, fault);
                FileOutcome::failed(story.error(message), Vec::new())
            }
        }
    }

    /// The findings of a story already parsed, named `name` (for the baseline), after the
    /// filters; nothing fixed.
    pub fn check_document(&self, name: &str, document: &Document) -> Vec<Finding> {
        let mut findings = self.rules.check_story(self.story_context(document));
        self.filters.apply(name, document.original(), &mut findings);
        findings
    }

    /// True when wirecheck's own rules check the file at `path`: always without a Vale project;
    /// with one, when there are any and the file is a story (named, or with a story's
    /// extension) rather than a file only the project lints.
    fn own_rules_apply(&self, path: &Path, named: bool) -> bool {
        self.vale.is_none()
            || (!self.rules.rules().is_empty() && (named || crate::input::is_story_file(path)))
    }

    /// The context the rules read for `document`. The one place a story's context is made.
    fn story_context<'a>(&'a self, document: &'a Document) -> StoryContext<'a> {
        self.context.for_document(document)
    }

    /// Checks a story read as `document`, then fixes it when the run asks.
    fn check_story(&self, story: &Story<'_>, document: Document) -> FileOutcome {
        let mut notices = Vec::new();
        let findings = match self.findings(story, &document, &mut notices) {
            Ok(findings) => findings,
            Err(message) => {
                let mut failed = FileOutcome::failed(story.error(message), notices);
                failed.fixed_text = self.stdin_echo(story, document.original());
                return failed;
            }
        };
        let report = FileReport {
            path: story.name.clone(),
            // Moved, not copied: a large story is held once.
            source: document.into_original(),
            encoding: story.encoding,
            findings,
            reference: self.reference.clone(),
        };
        let (result, fix_diff, fixed_text) = match self.fix {
            FixMode::Off => (Ok(report), None, None),
            FixMode::Diff => {
                let (result, diff) = self.fix(story, report, FixMode::Diff, &mut notices);
                (result, diff, None)
            }
            FixMode::Write => {
                let original = self.stdin_echo(story, &report.source);
                let (result, _) = self.fix(story, report, FixMode::Write, &mut notices);
                // Standard input's fixed text is the report's source, rechecked.
                let fixed = match (&result, original) {
                    (Ok(report), Some(_)) => {
                        Some(story.encoding.encode(&report.source).into_owned())
                    }
                    (Err(_), original) => original,
                    (Ok(_), None) => None,
                };
                (result, None, fixed)
            }
        };
        FileOutcome {
            result,
            notices,
            fix_diff,
            fixed_text,
        }
    }

    /// For standard input under [`FixMode::Write`], `text` as it was read, to be written out
    /// whatever happens; `None` otherwise.
    fn stdin_echo(&self, story: &Story<'_>, text: &str) -> Option<Vec<u8>> {
        (self.fix == FixMode::Write && matches!(story.origin, Origin::Stdin))
            .then(|| story.encoding.encode(text).into_owned())
    }

    /// The story's findings after the filters, or why it is not checked.
    fn findings(
        &self,
        story: &Story<'_>,
        document: &Document,
        notices: &mut Vec<Notice>,
    ) -> Result<Vec<Finding>, String> {
        let display = &story.display;
        // With no rule of its own to run (Vale's styles only), a file is not a story.
        let own_rules = self.own_rules_apply(Path::new(&story.display), story.named);
        if own_rules && document.is_empty() {
            let what = if document.original().trim().is_empty() {
                NoStory::Empty
            } else {
                NoStory::NoContent
            };
            // A story named is meant to be one; a file found in a folder may be a placeholder,
            // so it is only pointed out.
            if story.named {
                return Err(format!(
                    "{display}: no story ({}); not checked",
                    what.describe()
                ));
            }
            notices.push(Notice::NoStory {
                path: display.clone(),
                what,
            });
        }
        if let Some(fault) = metadata_date_fault(display, document).filter(|_| own_rules) {
            return Err(fault);
        }
        let context = self.story_context(document);
        notices.extend(self.date_note(display, &context));
        notices.extend(self.stale_notes(&context));
        let mut findings = if own_rules {
            self.rules.check_story(context)
        } else {
            Vec::new()
        };
        if let Some(vale) = &self.vale {
            match vale.check(Path::new(&story.name), document.original(), &self.context) {
                Ok(found) => findings.extend(found),
                // A file found in a folder is pointed out; one named is an error.
                Err(ValeFileError::Unsupported(format)) if !story.named => {
                    notices.push(Notice::ValeFormatSkipped {
                        path: display.clone(),
                        format,
                    });
                }
                Err(ValeFileError::Unsupported(format)) => {
                    return Err(Notice::ValeFormatSkipped {
                        path: display.clone(),
                        format,
                    }
                    .to_string());
                }
                Err(ValeFileError::Markup(message)) => return Err(message),
            }
            findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        self.filters
            .apply(&story.name, document.original(), &mut findings);
        // After the filters, so that a suppression of a finding below the level is still used.
        if let Some(floor) = self.min_level {
            findings.retain(|finding| finding.severity >= floor);
        }
        Ok(findings)
    }

    /// The notes of the rules whose facts are stale on the story's publication date, for those
    /// no story of the run has named yet.
    fn stale_notes(&self, context: &StoryContext<'_>) -> Vec<Notice> {
        let stale: Vec<(&str, Staleness)> = self
            .rules
            .rules()
            .iter()
            .filter_map(|rule| {
                let stale = context.staleness(rule.softened_when_stale()?)?;
                Some((rule.id.as_str(), stale))
            })
            .collect();
        if stale.is_empty() {
            return Vec::new();
        }
        let mut noted = self
            .stale_noted
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        stale
            .into_iter()
            .filter(|(rule, _)| noted.insert((*rule).to_owned()))
            .map(|(rule, stale)| Notice::StaleFacts {
                rule: rule.to_owned(),
                verified: stale.verified,
                days: stale.days_since_verified,
            })
            .collect()
    }

    /// The note of the story's publication date, or of the rules skipped for want of one.
    fn date_note(&self, display: &str, context: &StoryContext<'_>) -> Option<Notice> {
        if let Some(date) = context.publication()
            && date.source == DateSource::Today
        {
            return Some(Notice::PublishedToday {
                path: display.to_owned(),
                date: date.date,
                from: context.run().today_source.clone(),
            });
        }
        if let Some(date) = context.publication() {
            return Some(Notice::PublicationDate {
                path: display.to_owned(),
                date,
            });
        }
        let skipped: Vec<String> = self
            .rules
            .rules()
            .iter()
            .flat_map(|rule| rule.needs_publication_date())
            .map(|(id, what)| format!("{id} ({what})"))
            .collect();
        (!skipped.is_empty()).then(|| Notice::NoPublicationDate {
            path: display.to_owned(),
            skipped,
        })
    }

    /// Applies the report's safe fixes: writes them (for a file) and checks the fixed text, or
    /// describes them as a unified diff.
    fn fix(
        &self,
        story: &Story<'_>,
        report: FileReport,
        mode: FixMode,
        notices: &mut Vec<Notice>,
    ) -> (Result<FileReport, FileError>, Option<String>) {
        if matches!(story.format, InputFormat::Nitf | InputFormat::Ninjs) {
            // A replacement would need XML or JSON escaping; leave such files to the editor.
            notices.push(Notice::NotFixed {
                path: story.display.clone(),
                format: story.format,
            });
            return (Ok(report), None);
        }
        let unsafe_fixes = self.unsafe_fixes;
        let (fixed, applied) = apply_fixes(&report.source, &report.findings, |finding| {
            finding.safe_fix || unsafe_fixes
        });
        let unsafe_applied = unsafe_fixed_notices(&story.display, &report.source, &applied);
        let applied = applied.len();
        if applied == 0 {
            return (Ok(report), None);
        }
        if mode == FixMode::Diff {
            let diff = unified_diff(&story.display, &report.source, &fixed);
            return (Ok(report), Some(diff));
        }
        match story.origin {
            // The caller writes the fixed text out ([`FileOutcome::fixed_text`]).
            Origin::Stdin => {}
            Origin::File(path) => {
                if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                    // A pipe or device cannot be read again, nor replaced by a rename.
                    let message = format!(
                        "{}: cannot --fix what is not a regular file; use --fix --diff",
                        story.display
                    );
                    return (Err(story.error(message)), None);
                }
                // Written back as it was stored: the same byte-order mark and encoding. The file
                // is read once more to compare: one edited since this run read it is left alone.
                let written = write_fixed(
                    path,
                    story.encoding.encode(&report.source),
                    story.encoding.encode(&fixed),
                );
                if let Err(err) = written {
                    return (Err(story.error(err.to_string())), None);
                }
            }
            Origin::Memory => {}
        }
        notices.extend(unsafe_applied);
        notices.push(Notice::Fixed {
            path: story.display.clone(),
            count: applied,
        });
        // The fixed text is checked as it stands, read as the story was: the file is not read
        // again. The old text goes first, so that one story is held at once.
        let (encoding, reference) = (report.encoding, report.reference.clone());
        // Dropped here, not at the end of the function as the fields of a partial move would be.
        drop(report);
        let rechecked = Document::read(fixed, story.format)
            .map_err(|fault| story.error(format_error(story, fault)))
            .and_then(|document| {
                // What the first check said of the story is not said again.
                let findings = self
                    .findings(story, &document, &mut Vec::new())
                    .map_err(|message| story.error(message))?;
                Ok(FileReport {
                    path: story.name.clone(),
                    source: document.into_original(),
                    encoding,
                    findings,
                    reference,
                })
            });
        (rechecked, None)
    }
}

/// A notice of each fix of `applied` that its rule does not mark safe, where it is in `source`.
fn unsafe_fixed_notices(display: &str, source: &str, applied: &[&Finding]) -> Vec<Notice> {
    let unsafe_fixes: Vec<&Finding> = applied.iter().copied().filter(|f| !f.safe_fix).collect();
    if unsafe_fixes.is_empty() {
        return Vec::new();
    }
    let lines = crate::span::LineIndex::new(source);
    unsafe_fixes
        .into_iter()
        .filter_map(|finding| {
            let suggestion = finding.suggestions.first()?;
            let at = lines.position(source, suggestion.span.start);
            Some(Notice::UnsafeFixed {
                path: display.to_owned(),
                line: at.line,
                column: at.column,
                rule: finding.rule.clone(),
                old: crate::document::excerpt::excerpt(suggestion.span.slice(source)),
                new: crate::document::excerpt::excerpt(&suggestion.replacement),
            })
        })
        .collect()
}

/// The format a name's extension implies for standard input: Markdown, NITF or ninjs (a `.txt`
/// name leaves the choice to the content).
fn format_implied_by_name(name: &Path) -> Option<InputFormat> {
    match InputFormat::from_path(name) {
        InputFormat::Text => None,
        format => Some(format),
    }
}

/// The message of a story that is not valid in its format, as reading a file gives it.
fn format_error(story: &Story<'_>, fault: crate::input::FormatError) -> String {
    InputError::Format {
        path: story.display.clone(),
        fault,
    }
    .to_string()
}

/// Why the story's own `date:` (front matter, NITF `date.issue`, ninjs `firstcreated`) is not a
/// date, naming where it is; `None` when it is one or there is none.
fn metadata_date_fault(display: &str, document: &Document) -> Option<String> {
    let text = document.metadata.date()?;
    let err = PublicationDate::parse(text, DateSource::Metadata).err()?;
    Some(match document.metadata_offset("date") {
        Some(offset) => {
            let source = document.original();
            let at = crate::span::LineIndex::new(source).position(source, offset);
            format!(
                "{display}:{}:{}: front matter date: {err}",
                at.line, at.column
            )
        }
        None => format!("{display}: the story's metadata date: {err}"),
    })
}
