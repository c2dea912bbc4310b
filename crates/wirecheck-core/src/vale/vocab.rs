//! Vale's vocabularies: `StylesPath/config/vocabularies/NAME/` (or the older `StylesPath/Vocab/
//! NAME/`), each with an `accept.txt` and a `reject.txt` at any depth, a term a line. A term is
//! a regex, case-sensitive unless it starts with `(?i)`; empty lines and lines starting `# ` are
//! skipped. Accepted terms become `Vale.Terms` swaps and exceptions of every rule; rejected ones
//! the tokens of `Vale.Avoid` (see `builtin.rs`).

use std::fs;
use std::path::{Path, PathBuf};

/// Where vocabularies are looked for under each styles folder, newest first.
const VOCAB_DIRS: &[&str] = &["config/vocabularies", "Vocab"];

/// The terms of the vocabularies a configuration names, in the order read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Vocabulary {
    /// Terms from every `accept.txt`.
    pub(crate) accepted: Vec<String>,
    /// Terms from every `reject.txt`.
    pub(crate) rejected: Vec<String>,
}

impl Vocabulary {
    /// Reads vocabulary `name` from the first styles folder that has it; the error is Vale's.
    pub(crate) fn load(&mut self, name: &str, styles_paths: &[PathBuf]) -> Result<(), String> {
        let bases: Vec<PathBuf> = if styles_paths.is_empty() {
            vec![PathBuf::new()]
        } else {
            styles_paths.to_vec()
        };
        let folder = VOCAB_DIRS
            .iter()
            .flat_map(|dir| bases.iter().map(move |base| base.join(dir).join(name)))
            .find(|folder| folder.is_dir())
            .ok_or_else(|| format!("Vocab: '{}/{name}' directory does not exist", VOCAB_DIRS[0]))?;
        self.read_folder(&folder)
    }

    fn read_folder(&mut self, folder: &Path) -> Result<(), String> {
        let mut entries: Vec<PathBuf> = fs::read_dir(folder)
            .map_err(|err| format!("{}: {err}", folder.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                self.read_folder(&path)?;
            } else if name == "accept.txt" || name == "reject.txt" {
                let text = fs::read_to_string(&path)
                    .map_err(|err| format!("{}: {err}", path.display()))?;
                let list = if name == "accept.txt" {
                    &mut self.accepted
                } else {
                    &mut self.rejected
                };
                list.extend(terms(&text));
            }
        }
        Ok(())
    }
}

/// The terms of one word list.
pub(crate) fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("# "))
        .map(str::to_owned)
}

/// Whether an accepted term is a plain phrase (letters, digits, spaces and hyphens), the kind
/// `Vale.Terms` turns into a swap.
pub(crate) fn is_phrase(term: &str) -> bool {
    term.chars()
        .all(|c| c.is_alphabetic() || c.is_numeric() || c == ' ' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_comments_and_blanks_skipped() {
        let got: Vec<String> = terms("  Foo \n\n# a comment\n#notacomment\n(?i)bar\n").collect();
        assert_eq!(got, ["Foo", "#notacomment", "(?i)bar"]);
    }

    #[test]
    fn phrases_are_letters_digits_spaces_and_hyphens() {
        assert!(is_phrase("High-Def Render Pipeline"));
        assert!(is_phrase("Größe 3"));
        assert!(!is_phrase("(?i)foo"));
        assert!(!is_phrase("e.g."));
    }

    #[test]
    fn the_suite_vocabularies_load_from_both_locations() {
        let styles = PathBuf::from("../../../shared/vale-testdata/fixtures/vocab/styles");
        assert!(
            styles.is_dir(),
            "the suite is read from ../shared: {}",
            styles.display()
        );
        let mut vocabulary = Vocabulary::default();
        vocabulary
            .load("Basic", std::slice::from_ref(&styles))
            .unwrap();
        assert!(vocabulary.accepted.iter().any(|t| !t.is_empty()));
        let error = vocabulary.load("Nope", &[styles]).unwrap_err();
        assert_eq!(
            error,
            "Vocab: 'config/vocabularies/Nope' directory does not exist"
        );
    }
}
