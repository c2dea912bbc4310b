//! Reading stories: finding the files to check, and reading each as text with clear errors.

pub(crate) mod encoding;
pub(crate) mod extract;
mod format;
mod markup;
pub(crate) mod metadata;
pub(crate) mod ninjs;
pub(crate) mod nitf;

pub(crate) use extract::MappedText;
pub(crate) use format::{EXTENSIONS, Extension, WalkedWhen};
pub use format::{FormatError, InputFormat};
pub(crate) use metadata::Metadata;

use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::document::{Document, StoryText};
use crate::span::LineIndex;
use encoding::{DecodeFault, TextEncoding};

/// Extensions of the files checked when a folder is walked (from [`EXTENSIONS`]).
pub(crate) const STORY_EXTENSIONS: &[&str] =
    &format::extension_names::<{ format::extension_count(WalkedWhen::Always) }>(WalkedWhen::Always);

/// Extensions of files checked in a walked folder only when their content is a news document
/// (NITF for `.xml`, ninjs for `.json`), so that other XML and JSON files are left alone (from
/// [`EXTENSIONS`]).
pub(crate) const SNIFFED_EXTENSIONS: &[&str] =
    &format::extension_names::<{ format::extension_count(WalkedWhen::IfNews) }>(WalkedWhen::IfNews);

/// The files a folder walk checks, for messages: ".txt, .md, … files, and .xml or .json files
/// holding NITF or ninjs".
pub(crate) fn walked_files_described() -> String {
    let mut sniffed_formats: Vec<&str> = Vec::new();
    for extension in EXTENSIONS.iter().filter(|e| e.walked == WalkedWhen::IfNews) {
        if !sniffed_formats.contains(&extension.format.name()) {
            sniffed_formats.push(extension.format.name());
        }
    }
    format!(
        ".{} files, and .{} files holding {}",
        STORY_EXTENSIONS.join(", ."),
        SNIFFED_EXTENSIONS.join(" or ."),
        sniffed_formats.join(" or ")
    )
}

/// Why a story could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The system's message.
        message: String,
    },
    /// The file holds a NUL character: not a story.
    #[error("{path}: binary file (NUL byte at offset {offset}); not checked")]
    Binary {
        /// The file.
        path: String,
        /// Where the first NUL is, in the file's bytes.
        offset: usize,
    },
    /// The file is not valid in its encoding (UTF-8, or the UTF-16 or UTF-32 its byte-order mark
    /// names).
    #[error("{path}:{line}:{column}: invalid {encoding} ({bytes} at offset {offset})")]
    Encoding {
        /// The file.
        path: String,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column of the first bad byte, from 1, in characters.
        column: usize,
        /// The encoding the file was read in.
        encoding: &'static str,
        /// The bad bytes, as `byte 0xff` or `bytes 0x00 0xd8`.
        bytes: String,
        /// Their offset in the file.
        offset: usize,
    },
    /// The file looks like UTF-16 but has no byte-order mark to say so.
    #[error(
        "{path}: {encoding} text without a byte-order mark; not checked (save it as UTF-8, or as UTF-16 with a BOM)"
    )]
    Utf16WithoutBom {
        /// The file.
        path: String,
        /// The byte order its content suggests.
        encoding: &'static str,
    },
    /// The file is not well-formed XML or JSON, or not a NITF or ninjs document.
    // Not `source`: the message already says it, and a chain would say it twice.
    #[error("{path}:{fault}")]
    Format {
        /// The file.
        path: String,
        /// The fault, with its line and column.
        fault: FormatError,
    },
    /// A folder could not be walked: a subfolder that cannot be read, an ignore file that cannot
    /// be parsed.
    #[error("{path}: {message}")]
    Walk {
        /// The folder or file at fault.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A `--glob` or `--exclude` pattern is malformed.
    #[error("invalid glob '{glob}': {message}")]
    Glob {
        /// The pattern.
        glob: String,
        /// What is wrong with it.
        message: String,
    },
}

impl InputError {
    /// The path the error is about, as the user named it (`<stdin>` for standard input); empty
    /// for a malformed glob.
    pub fn path(&self) -> &str {
        match self {
            InputError::Io { path, .. }
            | InputError::Binary { path, .. }
            | InputError::Encoding { path, .. }
            | InputError::Utf16WithoutBom { path, .. }
            | InputError::Format { path, .. }
            | InputError::Walk { path, .. } => path,
            InputError::Glob { .. } => "",
        }
    }
}

/// Decodes a story's bytes (UTF-8, or UTF-16 or UTF-32 by their byte-order mark; the text has no
/// mark), refusing binary files and malformed text with the position of the fault.
pub(crate) fn decode(path: &str, bytes: Vec<u8>) -> Result<(String, TextEncoding), InputError> {
    encoding::decode(bytes).map_err(|fault| match fault {
        DecodeFault::Binary { offset } => InputError::Binary {
            path: path.to_owned(),
            offset,
        },
        DecodeFault::Utf16WithoutBom { encoding } => InputError::Utf16WithoutBom {
            path: path.to_owned(),
            encoding: encoding.name(),
        },
        DecodeFault::Malformed {
            encoding,
            offset,
            bytes,
            before,
        } => {
            let position = LineIndex::new(&before).position(&before, before.len());
            let hex: Vec<String> = bytes.iter().map(|b| format!("0x{b:02x}")).collect();
            let noun = if bytes.len() == 1 { "byte" } else { "bytes" };
            InputError::Encoding {
                path: path.to_owned(),
                line: position.line,
                column: position.column,
                encoding: encoding.name(),
                bytes: format!("{noun} {}", hex.join(" ")),
                offset,
            }
        }
    })
}

/// Reads a story from a file (a regular file, a named pipe, a device such as `/dev/stdin`), or
/// from standard input for `-`; gives its text and the encoding it was stored in.
pub(crate) fn read_story(path: &Path) -> Result<(String, TextEncoding), InputError> {
    let name = display_name(path);
    let io_error = |e: std::io::Error| InputError::Io {
        path: name.clone(),
        message: e.to_string(),
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(io_error)?;
    } else {
        bytes = std::fs::read(path).map_err(io_error)?;
    }
    decode(&name, bytes)
}

/// A story as read from its file: the parsed document, and how the file stores its text.
#[derive(Debug)]
pub(crate) struct StoryFile {
    /// The story, parsed; its text has no byte-order mark.
    pub document: Document,
    /// The file's encoding, to map positions back to its bytes and to write fixes back.
    pub encoding: TextEncoding,
    /// The format it was read as, so that a fixed text is read the same way.
    pub format: InputFormat,
}

/// Reads and parses a story: as `forced` when given, else by extension, else by content.
pub(crate) fn read_story_file(
    path: &Path,
    forced: Option<InputFormat>,
) -> Result<StoryFile, InputError> {
    let (source, encoding) = read_story(path)?;
    let format = forced.unwrap_or_else(|| InputFormat::detect(path, &source));
    let document = Document::read(source, format).map_err(|fault| InputError::Format {
        path: display_name(path),
        fault,
    })?;
    Ok(StoryFile {
        document,
        encoding,
        format,
    })
}

/// Reads and parses a story: as `forced` when given, else by extension, else by content.
pub fn read_document(path: &Path, forced: Option<InputFormat>) -> Result<Document, InputError> {
    read_story_file(path, forced).map(|story| story.document)
}

/// Reads a story for its text and blocks alone (what a diff compares), without segmenting its
/// sentences and words: as `forced` when given, else by extension, else by content.
pub fn read_story_text(path: &Path, forced: Option<InputFormat>) -> Result<StoryText, InputError> {
    let (source, _) = read_story(path)?;
    let format = forced.unwrap_or_else(|| InputFormat::detect(path, &source));
    StoryText::read(source, format).map_err(|fault| InputError::Format {
        path: display_name(path),
        fault,
    })
}

/// How a path is named in messages: `<stdin>` for `-`.
pub(crate) fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Which files to check under the paths given.
#[derive(Clone, Debug, Default)]
pub struct FileSelection {
    /// Only files matching one of these globs (all story files when empty), in folders.
    pub globs: Vec<String>,
    /// Never files matching one of these globs, in folders (and named files with
    /// [`FileSelection::force_exclude`]).
    pub excludes: Vec<String>,
    /// Gitignore-style patterns of paths never checked, relative to [`FileSelection::ignore_root`]
    /// (a config file's `ignore:`).
    pub ignores: Vec<String>,
    /// The folder [`FileSelection::ignores`] are relative to.
    pub ignore_root: PathBuf,
    /// Apply the excludes and ignores to files named on the command line too.
    pub force_exclude: bool,
    /// A Vale project: in folders, the files it lints are checked too, whatever their extension.
    pub vale: Option<std::sync::Arc<crate::ValeProject>>,
}

/// One file to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file as named or found (`-` for standard input).
    pub path: PathBuf,
    /// True when the command line named it, false when a folder's walk found it.
    pub named: bool,
}

/// What the paths of a run come to.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    /// In command-line order: each file to check, or why a path (or part of a folder) could not
    /// be used.
    pub entries: Vec<Result<Input, InputError>>,
    /// Folders in which no story was found.
    pub empty_folders: Vec<PathBuf>,
}

/// The files to check: each path named as it is (a file whatever its extension, a named pipe, a
/// device, `-` for standard input; symbolic links followed), each folder walked respecting
/// `.gitignore` and hidden files, keeping story files that the selection admits: files with a
/// [`STORY_EXTENSIONS`] extension, and `.xml`/`.json` files whose content is NITF or ninjs. Each
/// file is given once however often it is named. Missing paths and folders that cannot be walked
/// are errors among the entries; only a malformed glob fails the whole collection.
pub(crate) fn collect_files(
    paths: &[PathBuf],
    selection: &FileSelection,
) -> Result<Collected, InputError> {
    let ignores = Ignores::new(selection)?;
    let mut collected = Collected::default();
    // One path cannot give a file twice (a walk does not follow links); only several need the
    // memory of the files seen.
    let dedupe = paths.len() > 1;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut add = |entries: &mut Vec<_>, input: Input, key: PathBuf| {
        if !dedupe || seen.insert(key) {
            entries.push(Ok(input));
        }
    };
    for path in paths {
        if path == Path::new("-") {
            let input = Input {
                path: path.clone(),
                named: true,
            };
            add(&mut collected.entries, input, path.clone());
            continue;
        }
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) => {
                collected.entries.push(Err(InputError::Io {
                    path: path.display().to_string(),
                    message: e.to_string(),
                }));
                continue;
            }
        };
        if !metadata.is_dir() {
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            if selection.force_exclude
                && (excluded(path, selection)? || ignores.covers(&key, false))
            {
                continue;
            }
            let input = Input {
                path: path.clone(),
                named: true,
            };
            add(&mut collected.entries, input, key);
            continue;
        }
        let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let walk = walk_folder(path, &root, selection, &ignores)?;
        // A Vale project's folder with nothing to lint is no warning, as in Vale.
        if walk.files.is_empty() && walk.errors.is_empty() && selection.vale.is_none() {
            collected.empty_folders.push(path.clone());
        }
        collected.entries.extend(walk.errors.into_iter().map(Err));
        for file in walk.files {
            let key = match file.strip_prefix(path) {
                Ok(rest) => root.join(rest),
                Err(_) => file.clone(),
            };
            let input = Input {
                path: file,
                named: false,
            };
            add(&mut collected.entries, input, key);
        }
    }
    Ok(collected)
}

/// The story files a folder's walk finds, sorted, and the errors met on the way.
struct Walked {
    files: Vec<PathBuf>,
    errors: Vec<InputError>,
}

/// Walks `folder` (whose canonical path is `root`), keeping story files the selection admits.
fn walk_folder(
    folder: &Path,
    root: &Path,
    selection: &FileSelection,
    ignores: &Ignores,
) -> Result<Walked, InputError> {
    let mut overrides = OverrideBuilder::new(folder);
    for glob in &selection.globs {
        overrides.add(glob).map_err(|e| glob_error(glob, e))?;
    }
    for glob in &selection.excludes {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|e| glob_error(glob, e))?;
    }
    let overrides = overrides.build().map_err(|e| glob_error("", e))?;
    let mut walker = WalkBuilder::new(folder);
    walker.overrides(overrides).require_git(false);
    // A Vale project never has its `node_modules` walked, as Vale does not walk them.
    let skip_node_modules = selection.vale.is_some();
    if !ignores.is_empty() || skip_node_modules {
        let (ignores, folder, root) = (ignores.clone(), folder.to_owned(), root.to_owned());
        walker.filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if entry.depth() == 0 {
                return true;
            }
            if skip_node_modules && is_dir && entry.file_name() == "node_modules" {
                return false;
            }
            let Ok(rest) = entry.path().strip_prefix(&folder) else {
                return true;
            };
            ignores.is_empty() || !ignores.matches(&root.join(rest), is_dir)
        });
    }
    let mut walked = Walked {
        files: Vec::new(),
        errors: Vec::new(),
    };
    for entry in walker.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                walked.errors.push(walk_error(folder, err));
                continue;
            }
        };
        if let Some(err) = entry.error() {
            walked.errors.push(walk_error(entry.path(), err.clone()));
        }
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        let path = entry.into_path();
        // Another run's `--fix` may be writing one; whatever the globs, it is no story.
        if crate::fix::temp_files::is_temporary(&path) {
            continue;
        }
        let vale_lints = || selection.vale.as_ref().is_some_and(|v| v.lints(&path));
        if is_file && (!selection.globs.is_empty() || is_story_file(&path) || vale_lints()) {
            walked.files.push(path);
        }
    }
    walked.files.sort();
    Ok(walked)
}

/// A walk's error as an input error naming the path at fault.
fn walk_error(fallback: &Path, err: ignore::Error) -> InputError {
    fn split(err: ignore::Error) -> (Option<PathBuf>, String) {
        match err {
            ignore::Error::WithPath { path, err } => (Some(path), message(&err)),
            ignore::Error::WithDepth { err, .. } => split(*err),
            other => (None, message(&other)),
        }
    }
    /// The system's own words for an I/O error ("Permission denied (os error 13)"), without
    /// the walker's preamble that repeats the path.
    fn message(err: &ignore::Error) -> String {
        let mut cause = err
            .io_error()
            .map(|e| e as &(dyn std::error::Error + 'static));
        while let Some(error) = cause {
            let code = error
                .downcast_ref::<std::io::Error>()
                .and_then(std::io::Error::raw_os_error);
            if let Some(code) = code {
                return std::io::Error::from_raw_os_error(code).to_string();
            }
            cause = error.source();
        }
        err.to_string()
    }
    let (path, message) = split(err);
    InputError::Walk {
        path: path.as_deref().unwrap_or(fallback).display().to_string(),
        message,
    }
}

/// A config file's `ignore:` patterns, matched as `.gitignore` lines relative to its folder.
#[derive(Clone)]
struct Ignores {
    matcher: Option<std::sync::Arc<ignore::gitignore::Gitignore>>,
    root: PathBuf,
}

impl Ignores {
    fn new(selection: &FileSelection) -> Result<Self, InputError> {
        if selection.ignores.is_empty() {
            return Ok(Self {
                matcher: None,
                root: PathBuf::new(),
            });
        }
        let root = if selection.ignore_root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &selection.ignore_root
        };
        let root = std::fs::canonicalize(root)
            .or_else(|_| std::path::absolute(root))
            .unwrap_or_else(|_| root.to_owned());
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&root);
        for glob in &selection.ignores {
            builder
                .add_line(None, glob)
                .map_err(|e| glob_error(glob, e))?;
        }
        let matcher = builder.build().map_err(|e| glob_error("", e))?;
        Ok(Self {
            matcher: Some(std::sync::Arc::new(matcher)),
            root,
        })
    }

    fn is_empty(&self) -> bool {
        self.matcher.is_none()
    }

    /// True when the canonical `path` itself is ignored.
    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        // Like a .gitignore, the config's patterns say nothing of paths outside its folder.
        self.matcher
            .as_ref()
            .is_some_and(|m| path.starts_with(&self.root) && m.matched(path, is_dir).is_ignore())
    }

    /// True when the canonical `path` or a folder holding it is ignored.
    fn covers(&self, path: &Path, is_dir: bool) -> bool {
        self.matcher.as_ref().is_some_and(|m| {
            path.starts_with(&self.root) && m.matched_path_or_any_parents(path, is_dir).is_ignore()
        })
    }
}

pub(crate) fn is_story_file(path: &Path) -> bool {
    match Extension::of(path).map(|e| e.walked) {
        Some(WalkedWhen::Always) => true,
        Some(WalkedWhen::IfNews) => sniffs_as_news(path),
        None => false,
    }
}

/// True when the start of the file is a NITF or ninjs document, in whatever encoding its
/// byte-order mark names.
fn sniffs_as_news(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = match TextEncoding::of_bom(&head) {
        TextEncoding::Utf16Le => {
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(&head[2..])
                .0
        }
        TextEncoding::Utf16Be => {
            encoding_rs::UTF_16BE
                .decode_without_bom_handling(&head[2..])
                .0
        }
        TextEncoding::Utf32Le | TextEncoding::Utf32Be => {
            // The head may end inside a character; a whole number of them is decoded.
            let whole = (head.len() - 4) / 4 * 4 + 4;
            match encoding::decode(head[..whole].to_vec()) {
                Ok((text, _)) => text.into(),
                Err(_) => return false,
            }
        }
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => String::from_utf8_lossy(&head),
    };
    InputFormat::sniff(&text).is_some()
}

fn excluded(path: &Path, selection: &FileSelection) -> Result<bool, InputError> {
    for glob in &selection.excludes {
        let matcher = globset::Glob::new(glob)
            .map_err(|e| glob_error(glob, e))?
            .compile_matcher();
        if matcher.is_match(path) || path.file_name().is_some_and(|n| matcher.is_match(n)) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn glob_error(glob: &str, err: impl std::fmt::Display) -> InputError {
    InputError::Glob {
        glob: glob.to_owned(),
        message: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode("story.txt", b"Headline\nab\xffcd".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "story.txt:2:3: invalid UTF-8 (byte 0xff at offset 11)"
        );
    }

    #[test]
    fn the_walk_lists_are_the_extension_list_split_by_how_a_walk_treats_them() {
        let mut walked: Vec<&str> = STORY_EXTENSIONS
            .iter()
            .chain(SNIFFED_EXTENSIONS)
            .copied()
            .collect();
        let mut known: Vec<&str> = EXTENSIONS.iter().map(|e| e.name).collect();
        walked.sort_unstable();
        known.sort_unstable();
        assert_eq!(walked, known);
        for extension in EXTENSIONS {
            let upper = format!("story.{}", extension.name.to_ascii_uppercase());
            assert_eq!(
                InputFormat::from_extension(Path::new(&upper)),
                Some(extension.format)
            );
            let listed = match extension.walked {
                WalkedWhen::Always => STORY_EXTENSIONS,
                WalkedWhen::IfNews => SNIFFED_EXTENSIONS,
            };
            assert!(listed.contains(&extension.name), "{extension:?}");
        }
        assert_eq!(InputFormat::from_extension(Path::new("story.docx")), None);
        assert_eq!(
            walked_files_described(),
            ".txt, .md, .markdown, .text, .nitf, .ninjs files, and .xml or .json files holding NITF or ninjs"
        );
    }

    #[test]
    fn a_walk_keeps_story_files_and_only_the_news_among_xml_and_json() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let files = [
            ("a.TXT", "Head\n\nBody.\n"),
            ("b.Markdown", "# Head\n"),
            ("c.xml", "<nitf><body/></nitf>"),
            ("d.xml", "<config/>"),
            ("e.json", "{\"headline\": \"H\"}"),
            ("f.json", "{\"name\": \"package\"}"),
            ("g.docx", "Head\n"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("written");
        }
        let collected = collect_files(&[dir.path().to_path_buf()], &FileSelection::default())
            .expect("collected");
        let mut names: Vec<String> = collected
            .entries
            .iter()
            .map(|e| {
                let input = e.as_ref().expect("readable");
                input
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .collect();
        names.sort();
        assert_eq!(names, ["a.TXT", "b.Markdown", "c.xml", "e.json"]);
    }

    #[test]
    fn binary_files_are_refused() {
        let err = decode("x.bin", b"ab\0cd".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin: binary file (NUL byte at offset 2); not checked"
        );
    }
}
