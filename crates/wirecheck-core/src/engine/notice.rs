//! What a run has to say besides findings and errors: warnings, fixes written, and notes for
//! `--verbose`. They are values the caller prints (or shows in an editor): the library never prints.

use std::fmt;
use std::path::PathBuf;

use crate::input::InputFormat;
use crate::knowledge::publication::PublicationDate;

/// One thing a run says about its files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A folder held no story to check: not an error, since a hook or a CI job may well have
    /// nothing to do.
    NoStoriesFound {
        /// The folder, as named.
        folder: PathBuf,
        /// True when `--glob` patterns chose the files.
        globbed: bool,
    },
    /// Every file named is excluded (`--force-exclude`): the run has nothing to check.
    NothingToCheck,
    /// A file found in a folder holds no story: it may be a placeholder, so it is only pointed out
    /// (a file named is an error instead).
    NoStory {
        /// The file.
        path: String,
        /// What it holds instead.
        what: NoStory,
    },
    /// `--fix` leaves a NITF or ninjs file alone: a replacement would need XML or JSON escaping.
    NotFixed {
        /// The file.
        path: String,
        /// Its format.
        format: InputFormat,
    },
    /// Safe fixes were applied (and, for a file, written).
    Fixed {
        /// The file.
        path: String,
        /// How many.
        count: usize,
    },
    /// A fix its rule does not mark safe was applied (`--unsafe-fixes`): each is shown, since a
    /// name or a title may be changed wrongly.
    UnsafeFixed {
        /// The file.
        path: String,
        /// The line of the text replaced, from 1.
        line: usize,
        /// Its column, from 1.
        column: usize,
        /// The rule (or check) id.
        rule: String,
        /// The text replaced.
        old: String,
        /// What replaced it.
        new: String,
    },
    /// The story's publication date and where it came from (a note).
    PublicationDate {
        /// The file.
        path: String,
        /// The date.
        date: PublicationDate,
    },
    /// The story gives no publication date, so it is taken as published today (a note).
    PublishedToday {
        /// The file.
        path: String,
        /// Today.
        date: jiff::civil::Date,
        /// What today was read from: a time zone's name, or `WIRECHECK_TODAY`.
        from: Option<String>,
    },
    /// A rule's facts are older than the grace before the publication date, so its mismatches
    /// are warnings without a fix (a note, once a run for each rule).
    StaleFacts {
        /// The rule's id.
        rule: String,
        /// The day its facts were verified.
        verified: jiff::civil::Date,
        /// How many days before the publication date that is.
        days: i64,
    },
    /// The story has no publication date, so rules that need one were skipped (a note).
    NoPublicationDate {
        /// The file.
        path: String,
        /// Each rule skipped, with what it needs the date for: `id (reason)`.
        skipped: Vec<String>,
    },
    /// A file a Vale project lints is in a format Vale reads through a program of its own
    /// (Asciidoctor, docutils, an XSLT processor…), which wirecheck does not run.
    ValeFormatSkipped {
        /// The file.
        path: String,
        /// Vale's name of the format (`adoc`, `rst`, `xml`…).
        format: String,
    },
}

/// Why a file holds no story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoStory {
    /// Nothing but white space.
    Empty,
    /// Text, but no headline or paragraph (only front matter or comments, say).
    NoContent,
}

impl NoStory {
    /// How messages put it.
    pub const fn describe(self) -> &'static str {
        match self {
            NoStory::Empty => "the file is empty",
            NoStory::NoContent => "no headline or paragraph",
        }
    }
}

/// How much a notice matters, and the word it is printed after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Always shown.
    Warning,
    /// Always shown: a user who asked for fixes wants to know what was changed.
    Fixed,
    /// Always shown: a fix that is not safe, applied because `--unsafe-fixes` asked.
    FixedUnsafe,
    /// Shown with `--verbose`.
    Note,
}

impl NoticeLevel {
    /// The words before the message: `warning`, `fixed`, `fixed (unsafe)`, `note`.
    pub const fn name(self) -> &'static str {
        match self {
            NoticeLevel::Warning => "warning",
            NoticeLevel::Fixed => "fixed",
            NoticeLevel::FixedUnsafe => "fixed (unsafe)",
            NoticeLevel::Note => "note",
        }
    }
}

impl Notice {
    /// How much it matters.
    pub fn level(&self) -> NoticeLevel {
        match self {
            Notice::NoStoriesFound { .. }
            | Notice::NothingToCheck
            | Notice::NoStory { .. }
            | Notice::NotFixed { .. } => NoticeLevel::Warning,
            Notice::Fixed { .. } => NoticeLevel::Fixed,
            Notice::UnsafeFixed { .. } => NoticeLevel::FixedUnsafe,
            // A file found in a folder, not named: Vale's suites and projects hold such files
            // by the dozen, and each is said with --verbose.
            Notice::PublicationDate { .. }
            | Notice::PublishedToday { .. }
            | Notice::StaleFacts { .. }
            | Notice::NoPublicationDate { .. }
            | Notice::ValeFormatSkipped { .. } => NoticeLevel::Note,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::NoStoriesFound { folder, globbed } => {
                write!(f, "{}: no stories found", folder.display())?;
                if *globbed {
                    write!(f, " matching --glob")
                } else {
                    write!(
                        f,
                        " (stories are {})",
                        crate::input::walked_files_described()
                    )
                }
            }
            Notice::NothingToCheck => write!(
                f,
                "no stories to check: every file named is excluded (--force-exclude)"
            ),
            Notice::NoStory { path, what } => write!(f, "{path}: no story ({})", what.describe()),
            Notice::NotFixed { path, format } => write!(
                f,
                "{path}: --fix does not edit {} files; not fixed",
                format.name()
            ),
            Notice::Fixed { path, count } => {
                let noun = if *count == 1 { "fix" } else { "fixes" };
                write!(f, "{path}: {count} {noun}")
            }
            Notice::UnsafeFixed {
                path,
                line,
                column,
                rule,
                old,
                new,
            } => write!(f, "{path}:{line}:{column} {rule}: '{old}' → '{new}'"),
            Notice::PublicationDate { path, date } => write!(
                f,
                "{path}: publication date {} from {}",
                date.date, date.source
            ),
            Notice::PublishedToday { path, date, from } => {
                write!(f, "{path}: no publication date given; taking today, {date}")?;
                if let Some(from) = from {
                    write!(f, " ({from})")?;
                }
                write!(f, ", as the publication date")
            }
            Notice::StaleFacts {
                rule,
                verified,
                days,
            } => write!(
                f,
                "{rule}: facts verified {verified}, {days} days before the publication date; \
                 mismatches are warnings without a fix"
            ),
            Notice::ValeFormatSkipped { path, format } => write!(
                f,
                "{path}: not checked: Vale reads {format} files through a program of its own, which wirecheck does not run"
            ),
            Notice::NoPublicationDate { path, skipped } => write!(
                f,
                "{path}: no publication date (give --date, a `date:` in the story's front matter or in wirecheck.yaml, or a dated dateline); skipped: {}",
                skipped.join("; ")
            ),
        }
    }
}
