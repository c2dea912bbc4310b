//! The INI syntax of `.vale.ini` as Vale's INI library reads it (a fork of go-ini, loaded with
//! shadows and "a space before an inline comment"): `[section]` headers, `key = value` or
//! `key: value` lines, `#` and `;` comment lines, ` #`/` ;` inline comments, a trailing `\` that
//! continues a value on the next line, `"""` values over several lines, and surrounding quotes
//! stripped. A key given twice keeps both values ("shadows"); a section given twice is one section.
//! Only the syntax lives here; what the keys mean is `config.rs`'s job.

use std::path::{Path, PathBuf};

/// One `key = value` line (or a key given several times: its values in order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IniKey {
    /// The key as written (case-sensitive, as Vale reads it).
    pub(crate) name: String,
    /// Its values in the order they were given; the first is the key's value, the rest shadows.
    pub(crate) values: Vec<IniValue>,
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IniValue {
    /// The value, trimmed, without inline comment or surrounding quotes.
    pub(crate) text: String,
    /// The file it came from.
    pub(crate) file: PathBuf,
    /// Its line (1-based).
    pub(crate) line: usize,
}

impl IniKey {
    /// The key's value as go-ini's `String()` gives it: the first one given.
    pub(crate) fn first(&self) -> &IniValue {
        // A key is only made with a value (see `IniSection::add`).
        &self.values[0]
    }

    /// Every value (first and shadows) split at `,`, each trimmed, empty ones and repeats
    /// dropped: Vale's `mergeValues(StringsWithShadows(","))`.
    pub(crate) fn merged_list(&self) -> Vec<String> {
        let mut list: Vec<String> = Vec::new();
        for value in &self.values {
            for entry in value.text.split(',').map(str::trim) {
                if !entry.is_empty() && !list.iter().any(|seen| seen == entry) {
                    list.push(entry.to_owned());
                }
            }
        }
        list
    }
}

/// A section: `""` for the keys before the first header, else the header's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IniSection {
    /// The name between the brackets, trimmed.
    pub(crate) name: String,
    /// The file and line of its first header (none for the unnamed section).
    pub(crate) header: Option<(PathBuf, usize)>,
    /// Its keys, in the order each was first given.
    pub(crate) keys: Vec<IniKey>,
}

impl IniSection {
    fn add(&mut self, name: String, value: IniValue) {
        match self.keys.iter_mut().find(|key| key.name == name) {
            Some(key) => key.values.push(value),
            None => self.keys.push(IniKey {
                name,
                values: vec![value],
            }),
        }
    }

    /// The key called `name`, if given.
    pub(crate) fn key(&self, name: &str) -> Option<&IniKey> {
        self.keys.iter().find(|key| key.name == name)
    }
}

/// One or more INI files read in turn into one set of sections, as go-ini's `Append` does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ini {
    /// The sections in the order each was first seen; the first is always the unnamed one.
    pub(crate) sections: Vec<IniSection>,
}

/// A line the INI syntax does not allow.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", file.display())]
pub struct IniSyntaxError {
    /// The file.
    pub file: PathBuf,
    /// The line (1-based).
    pub line: usize,
    /// What is wrong, in a phrase.
    pub message: String,
}

impl Default for Ini {
    fn default() -> Self {
        Ini {
            sections: vec![IniSection {
                name: String::new(),
                header: None,
                keys: Vec::new(),
            }],
        }
    }
}

impl Ini {
    /// The section called `name` (`""` for the keys before any header), if present.
    pub(crate) fn section(&self, name: &str) -> Option<&IniSection> {
        self.sections.iter().find(|section| section.name == name)
    }

    fn section_mut(&mut self, name: &str, header: Option<(PathBuf, usize)>) -> &mut IniSection {
        let index = match self.sections.iter().position(|s| s.name == name) {
            Some(index) => index,
            None => {
                self.sections.push(IniSection {
                    name: name.to_owned(),
                    header,
                    keys: Vec::new(),
                });
                self.sections.len() - 1
            }
        };
        &mut self.sections[index]
    }

    /// Reads `text` (the contents of `file`) into these sections.
    pub(crate) fn append(&mut self, file: &Path, text: &str) -> Result<(), IniSyntaxError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let error = |line: usize, message: String| IniSyntaxError {
            file: file.to_owned(),
            line,
            message,
        };
        // go-ini puts the keys before any header in the section called DEFAULT, the unnamed one.
        let mut current = String::new();
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        while let Some((number, raw)) = lines.next() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let Some(close) = rest.rfind(']') else {
                    return Err(error(number, format!("unclosed section: {line}")));
                };
                let name = rest[..close].trim();
                if name.is_empty() {
                    return Err(error(number, format!("empty section name: {line}")));
                }
                current = if name == "DEFAULT" {
                    String::new()
                } else {
                    name.to_owned()
                };
                self.section_mut(&current, Some((file.to_owned(), number)));
                continue;
            }
            let Some(delimiter) = line.find(['=', ':']) else {
                return Err(error(
                    number,
                    format!("key-value delimiter not found: {line}"),
                ));
            };
            let name = unquote_key(line[..delimiter].trim());
            if name.is_empty() {
                return Err(error(number, format!("empty key name: {line}")));
            }
            let rest = line[delimiter + 1..].trim_start();
            let text = if let Some(opened) = rest.strip_prefix(r#"""""#) {
                read_triple_quoted(opened, &mut lines)
                    .ok_or_else(|| error(number, format!("unclosed \"\"\" value of {name}")))?
            } else if let Some(opened) = rest.strip_prefix('`') {
                match opened.find('`') {
                    Some(close) => opened[..close].to_owned(),
                    None => return Err(error(number, format!("unclosed ` value of {name}"))),
                }
            } else {
                read_plain(rest, &mut lines)
            };
            let value = IniValue {
                text,
                file: file.to_owned(),
                line: number,
            };
            self.section_mut(&current, None).add(name, value);
        }
        Ok(())
    }
}

/// A key name without the quotes go-ini allows around it.
fn unquote_key(key: &str) -> String {
    for quote in [r#"""""#, "`", "\""] {
        if let Some(inner) = key.strip_prefix(quote).and_then(|k| k.strip_suffix(quote)) {
            return inner.to_owned();
        }
    }
    key.to_owned()
}

/// A `"""` value: up to the next `"""`, over as many lines as it takes; `None` if never closed.
fn read_triple_quoted<'a>(
    opened: &str,
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
) -> Option<String> {
    if let Some(close) = opened.find(r#"""""#) {
        return Some(opened[..close].to_owned());
    }
    let mut value = opened.to_owned();
    for (_, line) in lines {
        value.push('\n');
        if let Some(close) = line.find(r#"""""#) {
            value.push_str(&line[..close]);
            return Some(value);
        }
        value.push_str(line);
    }
    None
}

/// A plain value: continued while a line ends in `\`, then cut at an inline comment (` #` or
/// ` ;`), trimmed, and without surrounding quotes.
fn read_plain<'a>(first: &str, lines: &mut impl Iterator<Item = (usize, &'a str)>) -> String {
    let mut value = first.trim_end().to_owned();
    while value.ends_with('\\') {
        value.pop();
        match lines.next() {
            Some((_, next)) => value.push_str(next.trim()),
            None => break,
        }
    }
    if let Some(comment) = value.find(" #").or_else(|| value.find(" ;")) {
        value.truncate(comment);
    }
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
            && !inner.contains(quote)
        {
            return inner.to_owned();
        }
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Ini, IniSyntaxError> {
        let mut ini = Ini::default();
        ini.append(Path::new("t.ini"), text)?;
        Ok(ini)
    }

    fn value(ini: &Ini, section: &str, key: &str) -> String {
        ini.section(section)
            .unwrap()
            .key(key)
            .unwrap()
            .first()
            .text
            .clone()
    }

    #[test]
    fn keys_before_a_header_are_in_the_unnamed_section() {
        let ini = parse("StylesPath = styles\n\n[*.md]\nBasedOnStyles = Vale\n").unwrap();
        assert_eq!(value(&ini, "", "StylesPath"), "styles");
        assert_eq!(value(&ini, "*.md", "BasedOnStyles"), "Vale");
    }

    #[test]
    fn comments_quotes_and_colons_are_read_as_go_ini_reads_them() {
        let ini = parse(
            "# comment\n; comment\nA = x # inline\nB = x#not-a-comment\nC = \"quoted\"\nD: colon\nE = 'single'\n",
        )
        .unwrap();
        assert_eq!(value(&ini, "", "A"), "x");
        assert_eq!(value(&ini, "", "B"), "x#not-a-comment");
        assert_eq!(value(&ini, "", "C"), "quoted");
        assert_eq!(value(&ini, "", "D"), "colon");
        assert_eq!(value(&ini, "", "E"), "single");
    }

    #[test]
    fn a_trailing_backslash_continues_the_value() {
        let ini = parse("[*]\nBlockIgnores = (a), \\\n   (b)\nNext = 1\n").unwrap();
        assert_eq!(value(&ini, "*", "BlockIgnores"), "(a), (b)");
        assert_eq!(value(&ini, "*", "Next"), "1");
    }

    #[test]
    fn triple_quoted_values_span_lines() {
        let ini = parse("[*]\nTokenIgnores = \"\"\"one\ntwo\"\"\"\nX = y\n").unwrap();
        assert_eq!(value(&ini, "*", "TokenIgnores"), "one\ntwo");
        assert_eq!(value(&ini, "*", "X"), "y");
    }

    #[test]
    fn repeated_keys_are_shadows_and_the_first_is_the_value() {
        let ini =
            parse("[*]\nBasedOnStyles = a, b\nBasedOnStyles = b, c\n[x]\n[*]\nK = 1\n").unwrap();
        let key = ini.section("*").unwrap().key("BasedOnStyles").unwrap();
        assert_eq!(key.first().text, "a, b");
        assert_eq!(key.merged_list(), ["a", "b", "c"]);
        assert_eq!(value(&ini, "*", "K"), "1");
        assert_eq!(ini.sections.len(), 3);
    }

    #[test]
    fn a_line_without_a_delimiter_is_an_error_naming_its_line() {
        let error = parse("StylesPath = x\n\nBasedOnStyles\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert_eq!(
            error.to_string(),
            "t.ini:3: key-value delimiter not found: BasedOnStyles"
        );
    }

    #[test]
    fn an_unclosed_header_is_an_error() {
        let error = parse("[*.md\nA = b\n").unwrap_err();
        assert_eq!(error.to_string(), "t.ini:1: unclosed section: [*.md");
    }
}
