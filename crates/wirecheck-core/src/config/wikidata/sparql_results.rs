//! SPARQL 1.1 Query Results JSON (W3C): `head.vars` and `results.bindings`, each binding a map
//! from a variable to an RDF term `{type, value, xml:lang?, datatype?}`. Read into rows of
//! [`Term`]s, with errors that say where: the text's line and column for JSON that does not
//! parse, the binding's number (from 1) for a term of the wrong shape.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::WikidataError;

/// One RDF term as the results give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Term {
    /// `uri`, `literal` (`typed-literal` in older servers' output is read as `literal`) or
    /// `bnode`.
    pub(super) kind: TermKind,
    /// The IRI, the literal's lexical form, or the blank node's label.
    pub(super) value: String,
    /// The language tag of a literal (`xml:lang`), lower-cased.
    pub(super) lang: Option<String>,
    /// The datatype IRI of a typed literal.
    pub(super) datatype: Option<String>,
}

/// What kind of RDF term a [`Term`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TermKind {
    /// An IRI.
    Uri,
    /// A literal, plain, language-tagged or typed.
    Literal,
    /// A blank node.
    BlankNode,
}

/// A results document: its variables and its bindings, in order.
#[derive(Debug)]
pub(super) struct Results {
    /// `head.vars`.
    pub(super) vars: Vec<String>,
    /// `results.bindings`, each a map from a variable to its term.
    pub(super) bindings: Vec<BTreeMap<String, Term>>,
}

#[derive(Deserialize)]
struct RawResults {
    head: RawHead,
    results: Option<RawBindings>,
    boolean: Option<bool>,
}

#[derive(Deserialize)]
struct RawHead {
    #[serde(default)]
    vars: Vec<String>,
}

#[derive(Deserialize)]
struct RawBindings {
    bindings: Vec<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "xml:lang")]
    lang: Option<String>,
    datatype: Option<String>,
}

/// Reads `text` as SPARQL JSON results.
pub(super) fn parse(text: &str) -> Result<Results, WikidataError> {
    let raw: RawResults = serde_json::from_str(text).map_err(|err| {
        // serde_json's message ends with " at line L column C": the position is given once.
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        WikidataError::Json {
            line: err.line(),
            column: err.column(),
            message,
        }
    })?;
    let Some(results) = raw.results else {
        return Err(WikidataError::Shape(match raw.boolean {
            Some(_) => "the results of an ASK query, not of a SELECT query".to_owned(),
            None => "no `results.bindings`".to_owned(),
        }));
    };
    let mut bindings = Vec::with_capacity(results.bindings.len());
    for (index, binding) in results.bindings.into_iter().enumerate() {
        let number = index + 1;
        let mut row = BTreeMap::new();
        for (var, value) in binding {
            let term = term(value).map_err(|message| WikidataError::Binding {
                number,
                message: format!("?{var}: {message}"),
            })?;
            row.insert(var, term);
        }
        bindings.push(row);
    }
    Ok(Results {
        vars: raw.head.vars,
        bindings,
    })
}

/// One term, or what is wrong with it.
fn term(value: serde_json::Value) -> Result<Term, String> {
    let raw: RawTerm = serde_json::from_value(value)
        .map_err(|err| format!("not an RDF term {{type, value, xml:lang?, datatype?}}: {err}"))?;
    let kind = match raw.kind.as_str() {
        "uri" => TermKind::Uri,
        "literal" | "typed-literal" => TermKind::Literal,
        "bnode" => TermKind::BlankNode,
        other => {
            return Err(format!(
                "unknown term type '{}' (expected uri, literal or bnode)",
                crate::document::excerpt::excerpt(other)
            ));
        }
    };
    Ok(Term {
        kind,
        value: raw.value,
        lang: raw.lang.map(|lang| lang.to_ascii_lowercase()),
        datatype: raw.datatype,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_of_every_type_are_read() {
        let text = r#"{"head": {"vars": ["a", "b", "c"]}, "results": {"bindings": [
            {"a": {"type": "uri", "value": "http://www.wikidata.org/entity/Q17"},
             "b": {"type": "literal", "value": "日本", "xml:lang": "ja"},
             "c": {"type": "typed-literal", "value": "11",
                   "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
            {}]}}"#;
        let results = parse(text).unwrap();
        assert_eq!(results.vars, ["a", "b", "c"]);
        assert_eq!(results.bindings.len(), 2);
        let row = &results.bindings[0];
        assert_eq!(row["a"].kind, TermKind::Uri);
        assert_eq!(row["b"].lang.as_deref(), Some("ja"));
        assert_eq!(row["c"].kind, TermKind::Literal);
        assert!(row["c"].datatype.as_deref().unwrap().ends_with("#integer"));
        assert!(results.bindings[1].is_empty());
    }

    #[test]
    fn errors_say_where() {
        let err = parse("{\"head\": {\"vars\": []},\n \"results\": {\"bindings\": [").unwrap_err();
        assert!(
            matches!(&err, WikidataError::Json { line: 2, .. }),
            "{err:?}"
        );
        assert!(!err.to_string().contains(" at line "), "{err}");
        let err = parse(
            r#"{"head": {"vars": ["a"]}, "results": {"bindings": [
            {"a": {"type": "uri", "value": "x"}}, {"a": {"type": "iri", "value": "x"}}]}}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "binding 2: ?a: unknown term type 'iri' (expected uri, literal or bnode)"
        );
        let err = parse(r#"{"head": {}, "boolean": true}"#).unwrap_err();
        assert!(err.to_string().contains("ASK"), "{err}");
        let err = parse("<html>502 Bad Gateway</html>").unwrap_err();
        assert!(
            matches!(err, WikidataError::Json { line: 1, .. }),
            "{err:?}"
        );
    }
}
