//! YAML, read through one crate: `serde_norway`, the maintained fork of serde_yaml 0.9 (same
//! libyaml-based parser, same messages and positions, on the maintained `unsafe-libyaml-norway`).
//! No other module names the crate.
//!
//! Errors are as wirecheck prints them: the position once (as `:line:column` after the file name,
//! not again as "at line … column …"), a file that is no mapping of keys described without quoting
//! it (it may not be the file the user meant: `--rules secret.env`), long values cut short, and a
//! "did you mean" for a misspelt key or value.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use crate::document::excerpt::shorten_quotes;

/// A YAML error ready to print after a file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// Line of the problem, from 1.
    pub line: Option<usize>,
    /// Column of the problem, from 1.
    pub column: Option<usize>,
    /// Byte offset of the problem in the text parsed.
    pub offset: Option<usize>,
    /// What is wrong, naming the key (`severity.wire.DoubleSpace: …`) when there is one.
    pub message: String,
}

impl YamlError {
    /// `:line:column`, `:line` or nothing.
    pub fn location(&self) -> String {
        location(self.line, self.column)
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "{} (line {line}, column {column})", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for YamlError {}

/// `:line:column`, `:line` or nothing.
pub fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(":{line}:{column}"),
        (Some(line), None) => format!(":{line}"),
        _ => String::new(),
    }
}

/// Reads `text` as `T`; `what` names the kind of file ("rule file", "wirecheck config") for an
/// error about a document that is no mapping at all.
pub fn from_str<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, YamlError> {
    serde_norway::from_str(text).map_err(|err| describe(&err, what))
}

/// Reads `text` as `T`, like [`from_str`], and gives the top-level keys that `T` does not read,
/// in order (their values are parsed, not kept).
pub fn from_str_with_unread_keys<T: DeserializeOwned>(
    text: &str,
    what: &str,
) -> Result<(T, Vec<String>), YamlError> {
    let mut unread = Vec::new();
    let value = serde_ignored::deserialize(serde_norway::Deserializer::from_str(text), |path| {
        if let serde_ignored::Path::Map {
            parent: serde_ignored::Path::Root,
            key,
        } = path
        {
            unread.push(key);
        }
    })
    .map_err(|err| describe(&err, what))?;
    Ok((value, unread))
}

/// `value` as YAML text, as the packs wirecheck writes are written.
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, YamlError> {
    serde_norway::to_string(value).map_err(|err| YamlError {
        line: None,
        column: None,
        offset: None,
        message: err.to_string(),
    })
}

/// The keys a struct read from YAML has (its fields' names as serde knows them).
pub fn keys_of<T: DeserializeOwned>() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<T>()
}

/// Where the first top-level `key` of `text` starts, as (line, column) from 1.
pub fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    refused_at(text, Target::Key(key))
}

/// Where the value of the first top-level `key:` of `text` starts, as (line, column) from 1.
pub fn value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    refused_at(text, Target::ValueOf(key))
}

/// Where the text `value` is written in the value of the first top-level `key:` of `text` (that
/// value itself, an item of its list, or a key or value of its mapping, however deep), as (line,
/// column) from 1.
pub fn text_position(text: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    refused_at(text, Target::TextUnder(key, value))
}

/// What [`refused_at`] looks for.
#[derive(Clone, Copy)]
enum Target<'a> {
    /// This top-level key.
    Key(&'a str),
    /// The value of this top-level key.
    ValueOf(&'a str),
    /// This text in the value of this top-level key.
    TextUnder(&'a str, &'a str),
}

/// Where `target` is in `text`.
///
/// The parser gives no positions of what it reads well, only of errors, and an error raised
/// while a key or value is read carries its position: so the target is refused, and the position
/// read from the error. Only what is reported to the user is looked up, so a file is parsed again
/// only when something is wrong with it.
fn refused_at(text: &str, target: Target<'_>) -> Option<(usize, usize)> {
    /// Accepts nothing: every value is of the wrong type for it.
    struct Refuse;
    impl<'de> Visitor<'de> for Refuse {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("nothing")
        }
    }
    impl<'de> DeserializeSeed<'de> for Refuse {
        type Value = ();

        fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(Refuse)
        }
    }
    /// Reads a key, and tells whether it is `wanted`; with `refuse`, a match is an error, which
    /// the parser places at the key.
    struct KeyIs<'a> {
        wanted: &'a str,
        refuse: bool,
    }
    impl KeyIs<'_> {
        fn matched<E: de::Error>(&self, key: &str) -> Result<bool, E> {
            match key == self.wanted {
                true if self.refuse => Err(E::custom("the key looked for")),
                matched => Ok(matched),
            }
        }
    }
    impl<'de> Visitor<'de> for KeyIs<'_> {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
            self.matched(key)
        }

        fn visit_bool<E: de::Error>(self, key: bool) -> Result<bool, E> {
            self.matched(&key.to_string())
        }

        fn visit_i64<E: de::Error>(self, key: i64) -> Result<bool, E> {
            self.matched(&key.to_string())
        }

        fn visit_u64<E: de::Error>(self, key: u64) -> Result<bool, E> {
            self.matched(&key.to_string())
        }

        fn visit_f64<E: de::Error>(self, key: f64) -> Result<bool, E> {
            self.matched(&key.to_string())
        }

        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }

        // A list or mapping as a key is never the text looked for.
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(false)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(false)
        }
    }
    impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
        type Value = bool;

        fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    /// Looks through a value for a scalar written as this text, and refuses it.
    #[derive(Clone, Copy)]
    struct FindText<'a>(&'a str);
    impl FindText<'_> {
        fn scalar<E: de::Error>(self, found: &str) -> Result<(), E> {
            match found == self.0 {
                true => Err(E::custom("the text looked for")),
                false => Ok(()),
            }
        }
    }
    impl<'de> Visitor<'de> for FindText<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any value")
        }

        fn visit_str<E: de::Error>(self, found: &str) -> Result<(), E> {
            self.scalar(found)
        }

        fn visit_bool<E: de::Error>(self, found: bool) -> Result<(), E> {
            self.scalar(&found.to_string())
        }

        fn visit_i64<E: de::Error>(self, found: i64) -> Result<(), E> {
            self.scalar(&found.to_string())
        }

        fn visit_u64<E: de::Error>(self, found: u64) -> Result<(), E> {
            self.scalar(&found.to_string())
        }

        fn visit_f64<E: de::Error>(self, found: f64) -> Result<(), E> {
            self.scalar(&found.to_string())
        }

        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Ok(())
        }

        fn visit_some<D: de::Deserializer<'de>>(self, inner: D) -> Result<(), D::Error> {
            inner.deserialize_any(self)
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(self)?.is_some() {}
            Ok(())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while map.next_key_seed(self)?.is_some() {
                map.next_value_seed(self)?;
            }
            Ok(())
        }
    }
    impl<'de> DeserializeSeed<'de> for FindText<'_> {
        type Value = ();

        fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }
    struct Walk<'a>(Target<'a>);
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a mapping of keys to values")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let (wanted, refuse) = match self.0 {
                Target::Key(wanted) => (wanted, true),
                Target::ValueOf(wanted) | Target::TextUnder(wanted, _) => (wanted, false),
            };
            while let Some(matched) = map.next_key_seed(KeyIs { wanted, refuse })? {
                // Each value is read whole: a mapping left half read is an error of its own.
                match self.0 {
                    _ if !matched => drop(map.next_value::<IgnoredAny>()?),
                    Target::TextUnder(_, text) => map.next_value_seed(FindText(text))?,
                    _ => return map.next_value_seed(Refuse),
                }
            }
            Ok(())
        }
    }
    let err =
        de::Deserializer::deserialize_map(serde_norway::Deserializer::from_str(text), Walk(target))
            .err()?;
    let at = err.location()?;
    Some((at.line(), at.column()))
}

/// A value at the top of a mapping, as a story's metadata reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar {
    /// Text.
    Text(String),
    /// A number, as YAML writes it back.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// Anything else: nothing, a list, a mapping, a tagged value.
    Other,
}

/// What a YAML document holds at its top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopLevel {
    /// Nothing (an empty document or `~`).
    Nothing,
    /// A mapping: its keys (`None` for a key that is no text) and values, in order.
    Mapping(Vec<(Option<String>, Scalar)>),
    /// A scalar or a list.
    Other,
}

/// Reads what `text` holds at its top. The error's message is the parser's own, without the
/// position it gives separately; a position it quotes in the message (where the construct that
/// failed began) is left in.
pub fn top_level(text: &str) -> Result<TopLevel, YamlError> {
    use serde_norway::Value;
    let value: Value = serde_norway::from_str(text).map_err(|err| {
        let (line, column, offset, message) = without_position(&err);
        YamlError {
            line,
            column,
            offset,
            message,
        }
    })?;
    Ok(match value {
        Value::Null => TopLevel::Nothing,
        Value::Mapping(mapping) => TopLevel::Mapping(
            mapping
                .into_iter()
                .map(|(key, value)| {
                    let value = match value {
                        Value::String(text) => Scalar::Text(text),
                        Value::Number(number) => Scalar::Number(number.to_string()),
                        Value::Bool(flag) => Scalar::Bool(flag),
                        _ => Scalar::Other,
                    };
                    (key.as_str().map(str::to_owned), value)
                })
                .collect(),
        ),
        _ => TopLevel::Other,
    })
}

/// The error's position, and its message without that position.
fn without_position(
    err: &serde_norway::Error,
) -> (Option<usize>, Option<usize>, Option<usize>, String) {
    let position = err.location();
    let mut message = err.to_string();
    if let Some(at) = &position {
        for said in [
            format!(" at line {} column {}", at.line(), at.column()),
            format!("line {} column {}: ", at.line(), at.column()),
        ] {
            if let Some(found) = message.find(&said) {
                message.replace_range(found..found + said.len(), "");
            }
        }
    }
    (
        position.as_ref().map(|p| p.line()),
        position.as_ref().map(|p| p.column()),
        position.as_ref().map(|p| p.index()),
        message,
    )
}

/// Describes `err`, met reading a `what` ("rule file", "wirecheck config").
fn describe(err: &serde_norway::Error, what: &str) -> YamlError {
    let (line, column, offset, message) = without_position(err);
    YamlError {
        line,
        column,
        offset,
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
        from_str::<Settings>(yaml, "settings file").unwrap_err()
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

    #[test]
    fn unread_keys_come_in_order_and_keys_and_values_are_found() {
        #[derive(Debug, serde::Deserialize)]
        struct Header {
            #[allow(dead_code)]
            a: std::collections::BTreeMap<String, Vec<String>>,
        }
        let text = "b: 1\na:\n  nested: [x]\n'quoted key': {c: 2}\n3: y\n";
        let (_, unread) = from_str_with_unread_keys::<Header>(text, "file").unwrap();
        assert_eq!(unread, ["b", "quoted key", "3"]);
        assert_eq!(key_position(text, "b"), Some((1, 1)));
        assert_eq!(key_position(text, "a"), Some((2, 1)));
        assert_eq!(key_position(text, "quoted key"), Some((4, 1)));
        assert_eq!(key_position(text, "3"), Some((5, 1)));
        assert_eq!(key_position(text, "c"), None);
        assert_eq!(
            key_position("[1, 2]: x\n? {a: 1}\n: y\na: z\n", "a"),
            Some((4, 1))
        );
        let flow = "{extends: existence,  tokens: [a]}";
        assert_eq!(key_position(flow, "tokens"), Some((1, 23)));
        assert_eq!(value_position(flow, "extends"), Some((1, 11)));
        assert_eq!(value_position(text, "a"), Some((3, 3)));
        assert_eq!(value_position(text, "b"), Some((1, 4)));
        assert_eq!(value_position(text, "z"), None);
        assert_eq!(text_position(text, "a", "x"), Some((3, 12)));
        assert_eq!(text_position(text, "quoted key", "c"), Some((4, 16)));
        assert_eq!(text_position(text, "quoted key", "2"), Some((4, 19)));
        assert_eq!(text_position(text, "a", "nested"), Some((3, 3)));
        assert_eq!(text_position(text, "b", "x"), None);
        let err = from_str_with_unread_keys::<Header>("- a\n", "rule file").unwrap_err();
        assert!(err.message.starts_with("not a rule file"), "{err:?}");
    }

    #[test]
    fn the_top_level_of_front_matter_is_read_as_scalars() {
        assert_eq!(top_level("").unwrap(), TopLevel::Nothing);
        assert_eq!(top_level("- a\n").unwrap(), TopLevel::Other);
        let TopLevel::Mapping(entries) =
            top_level("title: x\ncount: 3\nflag: true\nlist: [1]\n1: one\n").unwrap()
        else {
            panic!("a mapping");
        };
        assert_eq!(
            entries,
            [
                (Some("title".to_owned()), Scalar::Text("x".to_owned())),
                (Some("count".to_owned()), Scalar::Number("3".to_owned())),
                (Some("flag".to_owned()), Scalar::Bool(true)),
                (Some("list".to_owned()), Scalar::Other),
                (None, Scalar::Text("one".to_owned())),
            ]
        );
        let err = top_level("a: [1\n").unwrap_err();
        assert!(!err.message.contains(" at line 2"), "{err:?}");
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn texts_are_found_under_their_key_as_a_config_names_them() {
        let text = "enable: [names-world]\ndisable:\n  - wire\n  - names-world\n";
        assert_eq!(text_position(text, "disable", "names-world"), Some((4, 5)));
        assert_eq!(text_position(text, "enable", "names-world"), Some((1, 10)));
        assert_eq!(text_position(text, "disable", "names"), None);
        assert_eq!(text_position(text, "packs", "wire"), None);
        let text = "severity:\n  wire.Doubled: off\n  wire.DoubledWord: off\n";
        assert_eq!(
            text_position(text, "severity", "wire.DoubledWord"),
            Some((3, 3))
        );
    }
}
