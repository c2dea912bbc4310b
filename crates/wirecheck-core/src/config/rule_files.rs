//! Reading the files a rule names besides its YAML, when the rule is loaded: a `spelling`
//! rule's Hunspell dictionaries (`dictionaries:`, `dicpath:`, `aff:`/`dic:`) and word lists
//! (`ignore:`), found where Vale looks for them. Rules never read files; their bytes go into the
//! rule source's [`RuleFiles`].
//!
//! Where Vale looks: a dictionary `NAME` is `NAME.dic` and `NAME.aff` in `dicpath` (absolute,
//! else relative to the StylesPath, else to the working directory), then in
//! `StylesPath/config/dictionaries`, then in `$DICPATH`. A word list is read at its path as
//! given, relative to the StylesPath, and relative to `StylesPath/config/ignore`: every one of
//! those that exists. Where Vale silently goes on without a file (a word list or `aff:` found
//! nowhere), wirecheck stops with an error naming the rule and the file.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::packs::PackError;
use crate::rules::{DictionaryFiles, FileBytes, RuleFiles, RuleSource, SpellingFileKeys};

/// Vale's folder of dictionaries, under the StylesPath.
const DICTIONARY_DIR: &str = "config/dictionaries";
/// Vale's folder of word lists, under the StylesPath.
const IGNORE_DIR: &str = "config/ignore";

#[derive(Deserialize)]
struct Extends {
    #[serde(default)]
    extends: String,
}

/// Reads the files `source` names into `source.files`, resolving relative paths as Vale does
/// against `styles_path` (the folder of the rule's pack folder). A rule that names no files, or
/// whose YAML does not parse (its compilation says why), is left as it is.
pub fn read_rule_files(
    source: &mut RuleSource,
    styles_path: Option<&Path>,
) -> Result<(), PackError> {
    let is_spelling = crate::yaml::from_str::<Extends>(&source.yaml, "rule file")
        .is_ok_and(|e| e.extends == "spelling");
    if !is_spelling {
        return Ok(());
    }
    let Ok(keys) = source.parse::<SpellingFileKeys>() else {
        return Ok(());
    };
    let error = |message: String| PackError {
        path: source.origin.clone(),
        message: format!("rule {}: {message}", source.id()),
    };
    let styles = styles_path.unwrap_or(Path::new("."));
    let mut files = RuleFiles::default();
    if let (Some(aff), Some(dic)) = (&keys.aff, &keys.dic) {
        let find = |path: &str| {
            find_file(styles, path, &[Path::new(""), Path::new(DICTIONARY_DIR)])
                .ok_or_else(|| error(format!("dictionary file '{path}' not found")))
        };
        let (aff, dic) = (find(aff)?, find(dic)?);
        files.dictionaries.push(DictionaryFiles {
            name: String::new(),
            aff: read(&aff)?,
            dic: read(&dic)?,
        });
    }
    let mut roots = Vec::new();
    if let Some(dicpath) = &keys.dicpath {
        let cwd = std::env::current_dir().unwrap_or_default();
        let found = [
            PathBuf::from(dicpath),
            styles.join(dicpath),
            cwd.join(dicpath),
        ]
        .into_iter()
        .find(|p| p.is_dir())
        .ok_or_else(|| error(format!("dicpath '{dicpath}' is no folder")))?;
        roots.push(found);
    }
    roots.push(styles.join(DICTIONARY_DIR));
    if let Some(system) = std::env::var_os("DICPATH").filter(|p| !p.is_empty()) {
        roots.push(PathBuf::from(system));
    }
    // Vale uses a dictionary given by its two paths alone.
    let named = if files.dictionaries.is_empty() {
        keys.dictionaries.as_slice()
    } else {
        &[]
    };
    for name in named {
        let find = |extension: &str| {
            let file = format!("{name}.{extension}");
            roots
                .iter()
                .map(|root| root.join(&file))
                .find(|p| p.is_file())
                .ok_or_else(|| {
                    let places: Vec<String> =
                        roots.iter().map(|r| r.display().to_string()).collect();
                    error(format!(
                        "dictionary '{name}': {file} not found in {}",
                        places.join(", ")
                    ))
                })
        };
        let (dic, aff) = (find("dic")?, find("aff")?);
        files.dictionaries.push(DictionaryFiles {
            name: name.clone(),
            aff: read(&aff)?,
            dic: read(&dic)?,
        });
    }
    for list in keys.ignore() {
        let candidates = [
            PathBuf::from(list),
            styles.join(list),
            styles.join(IGNORE_DIR).join(list),
        ];
        let mut found = 0;
        for path in candidates.iter().filter(|p| p.is_file()) {
            files.word_lists.push(read(path)?);
            found += 1;
        }
        if found == 0 {
            return Err(error(format!(
                "word list '{list}' not found (looked for it as written, in {}, and in {})",
                styles.display(),
                styles.join(IGNORE_DIR).display()
            )));
        }
    }
    source.files = files;
    Ok(())
}

/// The files of Vale's built-in `Vale.Spelling`: every dictionary in
/// `StylesPath/config/dictionaries` (with the shipped one: give its rule `append: true`) and
/// every `.txt` word list under `StylesPath/config/ignore`, in name order.
pub fn vale_spelling_files(styles_path: &Path) -> Result<RuleFiles, PackError> {
    let mut files = RuleFiles::default();
    let dictionaries = styles_path.join(DICTIONARY_DIR);
    if dictionaries.is_dir() {
        for dic in sorted_files(&dictionaries)?
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "dic"))
        {
            let aff = dic.with_extension("aff");
            let name = dic
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            if !aff.is_file() {
                return Err(PackError {
                    path: dic.display().to_string(),
                    message: format!("dictionary '{name}' has no {name}.aff beside it"),
                });
            }
            files.dictionaries.push(DictionaryFiles {
                name,
                aff: read(&aff)?,
                dic: read(&dic)?,
            });
        }
    }
    let mut lists = Vec::new();
    collect_txt(&styles_path.join(IGNORE_DIR), &mut lists)?;
    lists.sort();
    for list in lists {
        files.word_lists.push(read(&list)?);
    }
    Ok(files)
}

/// `path` as given, or under `base` joined with one of `dirs`, whichever is a file first.
fn find_file(base: &Path, path: &str, dirs: &[&Path]) -> Option<PathBuf> {
    std::iter::once(PathBuf::from(path))
        .chain(dirs.iter().map(|dir| base.join(dir).join(path)))
        .find(|p| p.is_file())
}

fn read(path: &Path) -> Result<FileBytes, PackError> {
    let bytes = fs::read(path).map_err(|err| PackError {
        path: path.display().to_string(),
        message: err.to_string(),
    })?;
    Ok(FileBytes {
        path: path.display().to_string(),
        bytes: Arc::from(bytes),
    })
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>, PackError> {
    let entries = fs::read_dir(dir).map_err(|err| PackError {
        path: dir.display().to_string(),
        message: err.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    Ok(paths)
}

/// Every `.txt` file under `dir`, at any depth (Vale's `config/ignore/**/*.txt`).
fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), PackError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for path in sorted_files(dir)? {
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A StylesPath with pack `House` holding `Spelling.yml` of `yaml`, and `files` (path, text).
    fn styles(yaml: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, RuleSource) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let source = RuleSource {
            pack: "House".to_owned(),
            name: "Spelling".to_owned(),
            origin: "House/Spelling.yml".to_owned(),
            yaml: yaml.to_owned(),
            files: RuleFiles::default(),
        };
        (dir, source)
    }

    #[test]
    fn dictionaries_and_word_lists_are_found_where_vale_looks() {
        let yaml =
            "extends: spelling\ndictionaries: [house]\nignore: [names.txt, House/more.txt]\n";
        let (dir, mut source) = styles(
            yaml,
            &[
                ("config/dictionaries/house.aff", "SET UTF-8\n"),
                ("config/dictionaries/house.dic", "1\nyen\n"),
                ("config/ignore/names.txt", "Takaichi\n"),
                ("House/more.txt", "Kyodo\n"),
            ],
        );
        read_rule_files(&mut source, Some(dir.path())).unwrap();
        let names: Vec<&str> = source
            .files
            .dictionaries
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(names, ["house"]);
        let lists: Vec<&[u8]> = source.files.word_lists.iter().map(|l| &*l.bytes).collect();
        assert_eq!(lists, [b"Takaichi\n".as_slice(), b"Kyodo\n"]);
    }

    #[test]
    fn a_file_found_nowhere_is_an_error_naming_the_rule_and_the_file() {
        let cases = [
            (
                "extends: spelling\ndictionaries: [house]\n",
                "dictionary 'house': house.dic not found in ",
            ),
            (
                "extends: spelling\nignore: names.txt\n",
                "word list 'names.txt' not found",
            ),
            (
                "extends: spelling\ndicpath: nowhere\n",
                "dicpath 'nowhere' is no folder",
            ),
            (
                "extends: spelling\naff: a.aff\ndic: a.dic\n",
                "dictionary file 'a.aff' not found",
            ),
        ];
        for (yaml, message) in cases {
            let (dir, mut source) = styles(yaml, &[]);
            let err = read_rule_files(&mut source, Some(dir.path()))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(&format!(
                    "House/Spelling.yml: rule House.Spelling: {message}"
                )),
                "{err}"
            );
        }
    }

    #[test]
    fn rules_of_other_kinds_read_nothing() {
        let (dir, mut source) = styles("extends: existence\nignore: names.txt\n", &[]);
        read_rule_files(&mut source, Some(dir.path())).unwrap();
        assert!(source.files.word_lists.is_empty());
    }
}
