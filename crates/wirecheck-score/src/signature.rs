//! sacreBLEU's reproducibility signatures, e.g.
//! `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`.

use std::fmt;

/// The sacreBLEU version whose results and signatures `wirecheck score`
/// reproduces.
pub const SACREBLEU_VERSION: &str = "2.6.0";

/// An ordered list of `key:value` fields; `nrefs` always comes first and
/// `version` last, as in sacreBLEU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    fields: Vec<(&'static str, String)>,
}

impl Signature {
    /// Starts a signature for a score computed against `nrefs` references.
    pub fn new(nrefs: usize) -> Self {
        Signature {
            fields: vec![("nrefs", nrefs.to_string())],
        }
    }

    /// Appends a metric-specific field.
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.fields.push((key, value.into()));
        self
    }

    /// All fields in order, including the trailing `version`.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields
            .iter()
            .map(|(key, value)| (*key, value.as_str()))
            .chain(std::iter::once(("version", SACREBLEU_VERSION)))
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (key, value)) in self.fields().enumerate() {
            if i > 0 {
                f.write_str("|")?;
            }
            write!(f, "{key}:{value}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_comes_last() {
        let signature = Signature::new(2).with("case", "lc").with("tok", "13a");
        assert_eq!(
            signature.to_string(),
            "nrefs:2|case:lc|tok:13a|version:2.6.0"
        );
    }
}
