//! The text `wirecheck diff --format unified` makes its patch of: a file's characters as stored,
//! so that `patch` and `git apply` rebuild the new file byte for byte.

use std::borrow::Cow;
use std::path::Path;

use anyhow::Context as _;

/// The bytes of a UTF-8 byte-order mark, which reading a story drops.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `path` as a patch must see it: the document as written (NITF and ninjs markup
/// included), after the UTF-8 byte-order mark the file starts with, if any. A UTF-16 or UTF-32
/// file is refused: a patch of its decoded text would not apply to its bytes.
pub(crate) fn patch_text<'a>(path: &Path, text: &'a str) -> anyhow::Result<Cow<'a, str>> {
    // Only a regular file can be read again: a pipe (`-`, `<(…)`) has been read to its end.
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if !regular {
        return Ok(Cow::Borrowed(text));
    }
    let mut head = [0u8; 4];
    let read = {
        use std::io::Read as _;
        let mut file = std::fs::File::open(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let mut filled = 0;
        while filled < head.len() {
            match file.read(&mut head[filled..])? {
                0 => break,
                n => filled += n,
            }
        }
        filled
    };
    let head = &head[..read];
    if head.starts_with(UTF8_BOM) {
        return Ok(Cow::Owned(format!("\u{feff}{text}")));
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || head == b"\0\0\xFE\xFF" {
        anyhow::bail!(
            "{}: stored as UTF-16 or UTF-32, which a unified patch cannot rebuild; \
             use --format word, inline, json or html",
            path.display()
        );
    }
    Ok(Cow::Borrowed(text))
}
