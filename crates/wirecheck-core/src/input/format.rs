//! Input formats and how a story's format is chosen: by extension, else by content.

use std::path::Path;

use crate::span::LineIndex;

/// How a story's bytes are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: headline on the first line, paragraphs separated by blank lines or one a line.
    Text,
    /// Markdown: headline as a `#` heading, the front matter's `title:` or the first line;
    /// optional YAML front matter (`title`, `date`, `dateline`).
    Markdown,
    /// NITF XML (IPTC News Industry Text Format).
    Nitf,
    /// IPTC ninjs JSON, versions 1.x and 2.x.
    Ninjs,
}

/// Whether a folder walk checks the files of an extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WalkedWhen {
    /// Always: the extension is a story's.
    Always,
    /// Only when the file's content is a news document of the extension's format, so that other
    /// XML and JSON files in a folder are left alone.
    IfNews,
}

/// One file extension wirecheck knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Extension {
    /// The extension, lower case, without its dot (matched case-insensitively).
    pub name: &'static str,
    /// The format a file of this extension is read as.
    pub format: InputFormat,
    /// Whether a folder walk checks such files.
    pub walked: WalkedWhen,
}

/// Every file extension wirecheck knows, the one list: which format each names and which a folder
/// walk checks. Any other extension is read as plain text, its format sniffed from its content.
pub(crate) const EXTENSIONS: &[Extension] = &[
    story("txt", InputFormat::Text),
    story("md", InputFormat::Markdown),
    story("markdown", InputFormat::Markdown),
    story("text", InputFormat::Text),
    story("nitf", InputFormat::Nitf),
    story("ninjs", InputFormat::Ninjs),
    Extension {
        name: "xml",
        format: InputFormat::Nitf,
        walked: WalkedWhen::IfNews,
    },
    Extension {
        name: "json",
        format: InputFormat::Ninjs,
        walked: WalkedWhen::IfNews,
    },
];

const fn story(name: &'static str, format: InputFormat) -> Extension {
    Extension {
        name,
        format,
        walked: WalkedWhen::Always,
    }
}

impl Extension {
    /// The entry of `path`'s extension, if wirecheck knows it.
    pub(crate) fn of(path: &Path) -> Option<&'static Extension> {
        let ext = path.extension()?.to_str()?;
        EXTENSIONS.iter().find(|e| e.name.eq_ignore_ascii_case(ext))
    }
}

/// The names of the [`EXTENSIONS`] a walk treats as `walked`, in the list's order: `N` of them.
pub(crate) const fn extension_names<const N: usize>(walked: WalkedWhen) -> [&'static str; N] {
    let mut names = [""; N];
    let (mut i, mut n) = (0, 0);
    while i < EXTENSIONS.len() {
        if EXTENSIONS[i].walked as u8 == walked as u8 {
            names[n] = EXTENSIONS[i].name;
            n += 1;
        }
        i += 1;
    }
    names
}

/// How many of the [`EXTENSIONS`] a walk treats as `walked`.
pub(crate) const fn extension_count(walked: WalkedWhen) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < EXTENSIONS.len() {
        if EXTENSIONS[i].walked as u8 == walked as u8 {
            n += 1;
        }
        i += 1;
    }
    n
}

impl InputFormat {
    /// Chooses the format from a file name's extension (`EXTENSIONS`: `.md`/`.markdown`
    /// Markdown, `.xml`/`.nitf` NITF, `.json`/`.ninjs` ninjs), anything else plain text.
    pub fn from_path(path: &Path) -> Self {
        Self::from_extension(path).unwrap_or(InputFormat::Text)
    }

    /// The format an extension names, if it names one.
    pub fn from_extension(path: &Path) -> Option<Self> {
        Extension::of(path).map(|e| e.format)
    }

    /// Chooses the format by extension, else by content ([`InputFormat::sniff`]), else plain text.
    pub fn detect(path: &Path, source: &str) -> Self {
        Self::from_extension(path)
            .or_else(|| Self::sniff(source))
            .unwrap_or(InputFormat::Text)
    }

    /// Recognises a news document by its content: a `<nitf` element near the start, or a JSON
    /// object with ninjs keys (`headline`, `headlines`, `body_text`, `body_html`, `bodies`).
    pub fn sniff(source: &str) -> Option<Self> {
        let start = source.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('<') {
            let head_end = start
                .char_indices()
                .nth(2048)
                .map_or(start.len(), |(i, _)| i);
            return start[..head_end]
                .contains("<nitf")
                .then_some(InputFormat::Nitf);
        }
        if start.starts_with('{') {
            let keys = [
                "\"body_text\"",
                "\"body_html\"",
                "\"bodies\"",
                "\"headlines\"",
                "\"headline\"",
            ];
            return keys
                .iter()
                .any(|k| start.contains(k))
                .then_some(InputFormat::Ninjs);
        }
        None
    }

    /// The format's name as users write it.
    pub const fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Nitf => "NITF",
            InputFormat::Ninjs => "ninjs",
        }
    }
}

/// A story file that could not be read as its format: malformed XML or JSON, or a document that is
/// not NITF or ninjs. Positions are in the original file.
#[derive(Debug, thiserror::Error)]
#[error("{line}:{column}: invalid {format}: {message}")]
pub struct FormatError {
    /// The format's name.
    pub format: &'static str,
    /// Byte offset of the fault.
    pub offset: usize,
    /// Line of the fault, from 1.
    pub line: usize,
    /// Column of the fault, from 1, in characters.
    pub column: usize,
    /// What the parser says.
    pub message: String,
}

impl FormatError {
    /// The fault at byte `offset` of `source`.
    pub fn at(format: InputFormat, source: &str, offset: usize, message: String) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let position = LineIndex::new(source).position(source, offset);
        Self {
            format: format.name(),
            offset,
            line: position.line,
            column: position.column,
            message,
        }
    }
}
