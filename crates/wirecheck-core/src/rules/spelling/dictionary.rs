//! Hunspell dictionaries for `spelling` rules, checked with `spellbook`, and the word lists and
//! number forms Vale accepts besides them.
//!
//! Vale's dictionary code (gospell) is not Hunspell in two ways that change findings, and this
//! module follows Vale in both: a word with a hyphen is checked whole, never as its parts
//! (`human-friendly` is not in en_US, so it is a finding: Hunspell's `BREAK` is turned off), and
//! numbers, hexadecimal and binary numbers, 40-character hashes and a number with units the
//! dictionary knows (`100GB` when `GB` is a word) are accepted. A file's `SET` encoding is used
//! only when its bytes are not UTF-8, since Vale reads every file as UTF-8 (Vale's own test
//! dictionaries say `SET ISO8859-1` and hold UTF-8).
//!
//! The shipped dictionary (SCOWL's en_US, `rules/data/dictionaries`) is embedded compressed,
//! and unpacked and parsed once a process, when a rule first needs it.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet;
use spellbook::Dictionary;

use super::files::{DictionaryFiles, FileBytes};

/// The shipped `.aff` file.
const DEFAULT_AFF: &str = include_str!("../../../../../rules/data/dictionaries/en_US.aff");
/// The shipped `.dic` file, compressed with DEFLATE by build.rs.
const DEFAULT_DIC_DEFLATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.dic.deflate"));
/// Where the shipped dictionary came from, for messages.
pub(super) const DEFAULT_ORIGIN: &str = "builtin:rules/data/dictionaries/en_US";

/// A dictionary that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}{location}: {message}")]
pub(crate) struct DictionaryError {
    /// The file.
    pub(crate) path: String,
    /// `:line` when known.
    pub(crate) location: String,
    /// What is wrong.
    pub(crate) message: String,
}

/// The shipped en_US dictionary, parsed the first time it is asked for.
pub(super) fn shipped() -> Result<Arc<Dictionary>, DictionaryError> {
    static SHIPPED: OnceLock<Result<Arc<Dictionary>, String>> = OnceLock::new();
    let parsed = SHIPPED.get_or_init(|| {
        let dic = miniz_oxide::inflate::decompress_to_vec(DEFAULT_DIC_DEFLATED)
            .map_err(|err| format!("cannot unpack: {err:?}"))?;
        let dic = String::from_utf8(dic).map_err(|err| err.to_string())?;
        parse(DEFAULT_AFF, &dic)
            .map(Arc::new)
            .map_err(|err| err.to_string())
    });
    parsed.clone().map_err(|message| DictionaryError {
        path: DEFAULT_ORIGIN.to_owned(),
        location: String::new(),
        message,
    })
}

/// Parses a dictionary from its files, with an error naming the file (and line) at fault.
pub(super) fn load(files: &DictionaryFiles) -> Result<Dictionary, DictionaryError> {
    let aff = decode(&files.aff, None)?;
    let encoding = declared_encoding(&aff);
    let dic = decode(&files.dic, encoding)?;
    parse(&aff, &dic).map_err(|err| {
        let file = match err.source {
            spellbook::ParseDictionaryErrorSource::Aff => &files.aff,
            spellbook::ParseDictionaryErrorSource::Dic => &files.dic,
        };
        DictionaryError {
            path: file.path.clone(),
            location: err.line_number.map(|l| format!(":{l}")).unwrap_or_default(),
            message: format!("not a Hunspell dictionary: {}", err.kind),
        }
    })
}

/// Parses `aff` and `dic` with Hunspell's `BREAK` turned off (see the module doc).
fn parse(aff: &str, dic: &str) -> Result<Dictionary, spellbook::ParseDictionaryError> {
    let mut without_break: String = aff
        .lines()
        .filter(|line| !line.trim_start().starts_with("BREAK"))
        .flat_map(|line| [line, "\n"])
        .collect();
    without_break.push_str("BREAK 0\n");
    Dictionary::new(&without_break, dic)
}

/// The encoding a `.aff` file's `SET` line names, if any.
fn declared_encoding(aff: &str) -> Option<&'static encoding_rs::Encoding> {
    let set = aff
        .lines()
        .find_map(|line| line.trim().strip_prefix("SET "))?
        .trim();
    // Hunspell's names (ISO8859-1, microsoft-cp1251, KOI8-R) are mostly WHATWG labels once the
    // ISO names get their hyphen.
    let label = set.replace("ISO8859", "ISO-8859").replace("microsoft-", "");
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// The text of a dictionary file: UTF-8 when its bytes are (as Vale reads it), else decoded as
/// `encoding` says; without a byte-order mark.
fn decode(
    file: &FileBytes,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<String, DictionaryError> {
    let text = match std::str::from_utf8(&file.bytes) {
        Ok(text) => text.to_owned(),
        Err(err) => match encoding {
            Some(encoding) if encoding != encoding_rs::UTF_8 => encoding
                .decode_without_bom_handling(&file.bytes)
                .0
                .into_owned(),
            _ => {
                let at = err.valid_up_to();
                let line = file.bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(DictionaryError {
                    path: file.path.clone(),
                    location: format!(":{line}"),
                    message: "not UTF-8, and its .aff file names no other encoding (SET)"
                        .to_owned(),
                });
            }
        },
    };
    Ok(text.trim_start_matches('\u{feff}').to_owned())
}

/// Words a word list accepts, as Vale reads one: a word a line, blank lines and `#` skipped.
pub(super) fn read_word_list(
    file: &FileBytes,
    into: &mut FxHashSet<String>,
) -> Result<(), DictionaryError> {
    let text = std::str::from_utf8(&file.bytes).map_err(|err| {
        let at = err.valid_up_to();
        DictionaryError {
            path: file.path.clone(),
            location: format!(
                ":{}",
                file.bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
            ),
            message: "word list is not UTF-8".to_owned(),
        }
    })?;
    into.extend(
        text.lines()
            .map(str::trim)
            .filter(|word| !word.is_empty() && *word != "#")
            .map(str::to_owned),
    );
    Ok(())
}

/// True for the forms Vale accepts whatever the dictionary: numbers (`1,000.5`, `2-3`),
/// hexadecimal (`0x1F`, `x1F`) and binary (`0b101`) numbers, and 40-character hashes.
pub(super) fn is_number_like(word: &str) -> bool {
    let bytes = word.as_bytes();
    let number = !bytes.is_empty()
        && bytes[0].is_ascii_digit()
        && bytes.windows(2).all(|pair| {
            pair[1].is_ascii_digit() || (pair[0].is_ascii_digit() && b".,-".contains(&pair[1]))
        });
    let hex = word
        .strip_prefix("0x")
        .or_else(|| word.strip_prefix('x'))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()));
    let binary = word
        .strip_prefix("0b")
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b == b'0' || b == b'1'));
    let hash = bytes.len() == 40
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
    number || hex || binary || hash
}

/// The units of a number with units (`GB` of `100GB`), which Vale accepts when they are a word.
pub(super) fn number_units(word: &str) -> Option<&str> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let units = &word[digits..];
    (digits > 0 && !units.is_empty() && units.bytes().all(|b| b.is_ascii_alphabetic()))
        .then_some(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(aff: &str, dic: &str) -> DictionaryFiles {
        let file = |path: &str, text: &str| FileBytes {
            path: path.to_owned(),
            bytes: text.as_bytes().into(),
        };
        DictionaryFiles {
            name: "t".to_owned(),
            aff: file("t.aff", aff),
            dic: file("t.dic", dic),
        }
    }

    #[test]
    fn the_shipped_dictionary_loads_and_checks_words_whole() {
        let shipped = shipped().unwrap();
        assert!(shipped.check("recording") && shipped.check("Doesn't"));
        assert!(!shipped.check("typpo"));
        // Hunspell would accept each part; Vale checks the word whole.
        assert!(!shipped.check("human-friendly"));
    }

    #[test]
    fn affixes_apply_and_a_malformed_file_is_named_with_its_line() {
        let dict = load(&files("SFX G Y 1\nSFX G 0 ing .\n", "1\ncord/G\n")).unwrap();
        assert!(dict.check("cording") && !dict.check("cords"));
        let err = load(&files("SFX G Y 1\nSFX G 0 ing .\n", "x\ncord/G\n")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.dic:1: not a Hunspell dictionary"),
            "{err}"
        );
        // The .aff file promises two suffix rows and gives one.
        let err = load(&files("SFX G Y 2\nSFX G 0 ing .\n", "1\ncord/G\n")).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("t.aff:"), "{message}");
        assert!(message.contains("not a Hunspell dictionary"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }

    #[test]
    fn a_latin_1_dictionary_is_decoded_as_its_set_line_says() {
        let mut dict = files("SET ISO8859-1\n", "1\n");
        dict.dic.bytes = b"1\ncaf\xe9\n".as_slice().into();
        assert!(load(&dict).unwrap().check("café"));
        let mut bad = files("", "1\n");
        bad.dic.bytes = b"1\ncaf\xe9\n".as_slice().into();
        assert!(
            load(&bad)
                .unwrap_err()
                .to_string()
                .starts_with("t.dic:2: not UTF-8")
        );
    }

    #[test]
    fn numbers_hashes_and_units_are_recognised_as_vale_does() {
        for word in [
            "1,000.5",
            "2-3",
            "0x1F",
            "x1f",
            "0b101",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        ] {
            assert!(is_number_like(word), "{word}");
        }
        for word in [
            "1,,0",
            "-1",
            "0x",
            "12a",
            "Da39a3ee5e6b4b0d3255bfef95601890afd80709",
        ] {
            assert!(!is_number_like(word), "{word}");
        }
        assert_eq!(number_units("100GB"), Some("GB"));
        assert_eq!(number_units("GB"), None);
        assert_eq!(number_units("100G2"), None);
    }
}
