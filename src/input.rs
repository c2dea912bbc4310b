//! Reading stories: finding the files to check, and reading each as text with clear errors.

use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::document::{Document, FormatError, InputFormat};
use crate::span::LineIndex;

/// Extensions of the files checked when a folder is walked.
pub const STORY_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "nitf", "ninjs"];

/// Extensions of files checked in a walked folder only when their content is a news document
/// (NITF for `.xml`, ninjs for `.json`), so that other XML and JSON files are left alone.
pub const SNIFFED_EXTENSIONS: &[&str] = &["xml", "json"];

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
    /// The file holds a NUL byte: not a story.
    #[error("{path}: binary file (NUL byte at offset {offset}); not checked")]
    Binary {
        /// The file.
        path: String,
        /// Where the first NUL byte is.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}:{column}: invalid UTF-8 (byte 0x{byte:02x} at offset {offset})")]
    Encoding {
        /// The file.
        path: String,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column of the first bad byte, from 1, in characters.
        column: usize,
        /// The bad byte.
        byte: u8,
        /// Its offset.
        offset: usize,
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
    /// A `--glob` or `--exclude` pattern is malformed.
    #[error("invalid glob '{glob}': {message}")]
    Glob {
        /// The pattern.
        glob: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Decodes a story's bytes, refusing binary files and invalid UTF-8 with the position of the fault.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        // Everything before the fault is valid, so it can be indexed as text.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let position = LineIndex::new(valid).position(valid, offset);
        InputError::Encoding {
            path: path.to_owned(),
            line: position.line,
            column: position.column,
            byte: bytes[offset],
            offset,
        }
    })
}

/// Reads a story from a file, or from standard input for `-`.
pub fn read_story(path: &Path) -> Result<String, InputError> {
    let name = path.display().to_string();
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

/// Reads and parses a story: as `forced` when given, else by extension, else by content.
pub fn read_document(path: &Path, forced: Option<InputFormat>) -> Result<Document, InputError> {
    let source = read_story(path)?;
    let format = forced.unwrap_or_else(|| InputFormat::detect(path, &source));
    Document::read(source, format).map_err(|fault| InputError::Format {
        path: display_name(path),
        fault,
    })
}

/// How a path is named in messages: `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Which files to check under the paths given.
#[derive(Clone, Debug, Default)]
pub struct FileSelection {
    /// Only files matching one of these globs (all story files when empty).
    pub globs: Vec<String>,
    /// Never files matching one of these globs.
    pub excludes: Vec<String>,
}

/// The files to check: each file named as it is (whatever its extension), each folder walked
/// respecting `.gitignore` and hidden files, keeping story files that the selection admits: files
/// with a [`STORY_EXTENSIONS`] extension, and `.xml`/`.json` files whose content is NITF or ninjs.
/// Missing paths are errors; `-` stands for standard input.
pub fn collect_files(
    paths: &[PathBuf],
    selection: &FileSelection,
) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            files.push(path.clone());
            continue;
        }
        let metadata = std::fs::metadata(path).map_err(|e| InputError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if metadata.is_file() {
            if !excluded(path, selection)? {
                files.push(path.clone());
            }
            continue;
        }
        let mut overrides = OverrideBuilder::new(path);
        for glob in &selection.globs {
            overrides.add(glob).map_err(|e| glob_error(glob, e))?;
        }
        for glob in &selection.excludes {
            overrides
                .add(&format!("!{glob}"))
                .map_err(|e| glob_error(glob, e))?;
        }
        let overrides = overrides.build().map_err(|e| glob_error("", e))?;
        let mut found: Vec<PathBuf> = WalkBuilder::new(path)
            .overrides(overrides)
            .require_git(false)
            .build()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
            .map(ignore::DirEntry::into_path)
            // Another run's `--fix` may be writing one; whatever the globs, it is no story.
            .filter(|p| !crate::temp_files::is_temporary(p))
            .filter(|p| !selection.globs.is_empty() || is_story_file(p))
            .collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn is_story_file(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    if STORY_EXTENSIONS.iter().any(|s| s.eq_ignore_ascii_case(ext)) {
        return true;
    }
    SNIFFED_EXTENSIONS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(ext))
        && sniffs_as_news(path)
}

/// True when the start of the file is a NITF or ninjs document.
fn sniffs_as_news(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
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
    fn binary_files_are_refused() {
        let err = decode("x.bin", b"ab\0cd".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin: binary file (NUL byte at offset 2); not checked"
        );
    }
}
