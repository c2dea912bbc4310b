//! `file:` URIs to paths and back. Documents with another scheme (an unsaved buffer) have no
//! path: they are checked by their name and discover no configuration of their own.

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use lsp_types::Uri;
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// The local path a `file:` URI names; `None` for another scheme or a remote host.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///p`, or `file://localhost/p`; another host is not this machine's.
    let path = match rest.strip_prefix("localhost") {
        Some(path) => path,
        None => rest,
    };
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    Some(PathBuf::from(decoded.as_ref()))
}

/// The characters a path segment keeps encoded in a URI.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    if !text.starts_with('/') {
        return None;
    }
    Uri::from_str(&format!("file://{}", utf8_percent_encode(text, PATH))).ok()
}

/// The name a document is checked under: its path, else the URI's last segment (so that its
/// extension still chooses the format).
pub fn display_name(uri: &Uri) -> String {
    match to_path(uri) {
        Some(path) => path.display().to_string(),
        None => {
            let text = uri.as_str();
            let last = text.rsplit(['/', ':']).next().unwrap_or(text);
            percent_decode_str(last).decode_utf8_lossy().into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        Uri::from_str(text).unwrap_or_else(|err| panic!("{text}: {err:?}"))
    }

    #[test]
    fn file_uris_are_paths_decoded() {
        assert_eq!(
            to_path(&uri("file:///tmp/a%20story.md")),
            Some(PathBuf::from("/tmp/a story.md"))
        );
        assert_eq!(
            to_path(&uri("file://localhost/tmp/x.txt")),
            Some(PathBuf::from("/tmp/x.txt"))
        );
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(display_name(&uri("untitled:Untitled-1")), "Untitled-1");
    }

    #[test]
    fn paths_round_trip_through_uris() {
        let path = Path::new("/tmp/東京 #1/story?.txt");
        let made = from_path(path).unwrap_or_else(|| panic!("no URI"));
        assert_eq!(to_path(&made).as_deref(), Some(path));
    }
}
