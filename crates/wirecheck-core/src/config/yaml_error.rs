//! serde_yaml's errors as wirecheck prints them: the position once (as `:line:column` after the
//! file name, not again as "at line … column …"), a file that is no mapping of keys described
//! without quoting it (it may not be the file the user meant: `--rules secret.env`), long values
//! cut short, and a "did you mean" for a misspelt key or value.

use crate::document::excerpt::shorten_quotes;

/// A YAML error ready to print after a file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Line of the problem, from 1.
    pub line: Option<usize>,
    /// Column of the problem, from 1.
    pub column: Option<usize>,
    /// What is wrong, naming the key (`severity.wire.DoubleSpace: …`) when there is one.
    pub message: String,
}

impl YamlError {
    /// `:line:column`, `:line` or nothing.
    pub fn location(&self) -> String {
        location(self.line, self.column)
    }
}

/// `:line:column`, `:line` or nothing.
pub fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

/// Describes `err`, met reading a `what` ("rule file", "wirecheck config").
pub fn describe(err: &serde_yaml::Error, what: &str) -> YamlError {
    let position = err.location();
    let mut message = err.to_string();
    if let Some(position) = &position {
        let said = format!(" at line {} column {}", position.line(), position.column());
        if let Some(at) = message.find(&said) {
            message.replace_range(at..at + said.len(), "");
        }
    }
    YamlError {
        line: position.as_ref().map(|p| p.line()),
        column: position.as_ref().map(|p| p.column()),
        message: explain(&message, what),
    }
}

/// serde's `message` (without its position), made safe and helpful to print.
fn explain(message: &str, what: &str) -> String {
    // With no key before it, the whole document is of the wrong type: the file is no rule file
    // or config at all, and what it holds is none of the message's business.
    if let Some(found) = message.strip_prefix("invalid type: ") {
        let found = match found.split([' ', ',']).next().unwrap_or_default() {
            "unit" => "nothing",
            "string" => "text",
            "sequence" => "a list",
            "integer" | "floating" => "a number",
            "boolean" => "true or false",
            _ => "something else",
        };
        return format!("not a {what}: expected keys and values (a YAML mapping), found {found}");
    }
    let mut explained = shorten_quotes(message);
    if let Some(hint) = misspelt_name_hint(message) {
        explained.push_str(&format!(" ({hint})"));
    }
    explained
}

/// "did you mean" for serde's `unknown field `x`, expected one of `a`, `b`` and `unknown
/// variant …`.
fn misspelt_name_hint(message: &str) -> Option<String> {
    let (_, rest) = message
        .split_once("unknown field `")
        .or_else(|| message.split_once("unknown variant `"))?;
    let (given, rest) = rest.split_once('`')?;
    let (_, expected) = rest.split_once("expected ")?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    crate::config::suggest::did_you_mean(given, known, '`')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Settings {
        #[serde(default)]
        severity: Option<Level>,
        #[serde(default)]
        packs: Vec<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Level {
        Warning,
        Off,
    }

    fn error_of(yaml: &str) -> YamlError {
        describe(
            &serde_yaml::from_str::<Settings>(yaml).unwrap_err(),
            "settings file",
        )
    }

    #[test]
    fn the_position_is_given_once() {
        let err = error_of("packs: 3\n");
        assert_eq!((err.line, err.column), (Some(1), Some(8)));
        assert_eq!(err.location(), ":1:8");
        assert_eq!(
            err.message,
            "packs: invalid type: integer `3`, expected a sequence"
        );
    }

    #[test]
    fn a_document_of_the_wrong_type_is_not_quoted() {
        let err = error_of("PASSWORD=hunter2\nTOKEN=abc\n");
        assert_eq!(
            err.message,
            "not a settings file: expected keys and values (a YAML mapping), found text"
        );
        assert_eq!(
            error_of("- a\n- b\n").message.split(", found ").nth(1),
            Some("a list")
        );
    }

    #[test]
    fn misspelt_keys_and_values_get_a_suggestion() {
        let err = error_of("severty: off\n");
        assert!(
            err.message.ends_with("(did you mean `severity`?)"),
            "{err:?}"
        );
        let err = error_of("severity: of\n");
        assert!(err.message.ends_with("(did you mean `off`?)"), "{err:?}");
        assert!(
            err.message.starts_with("severity: unknown variant `of`"),
            "{err:?}"
        );
    }

    #[test]
    fn long_values_are_cut() {
        let err = error_of(&format!("severity: {}\n", "x".repeat(500)));
        assert!(err.message.len() < 120, "{err:?}");
    }
}
