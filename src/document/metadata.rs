//! A story's own metadata: the scalar keys of a Markdown story's YAML front matter, such as
//! `date:` and `title:`, or the fields a NITF or ninjs file gives (`date`, `dateline`).

use std::collections::BTreeMap;

/// The story's metadata keys and their values as text. Keys whose values are not scalars (lists,
/// maps) are left out; front matter that is not a YAML mapping gives no keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    fields: BTreeMap<String, String>,
}

impl Metadata {
    /// Reads the YAML between a front matter block's `---` lines.
    pub fn from_front_matter(yaml: &str) -> Self {
        let Ok(mapping) = serde_yaml::from_str::<serde_yaml::Mapping>(yaml) else {
            return Self::default();
        };
        let fields = mapping
            .into_iter()
            .filter_map(|(key, value)| {
                let key = key.as_str()?.to_owned();
                let value = match value {
                    serde_yaml::Value::String(text) => text,
                    serde_yaml::Value::Number(number) => number.to_string(),
                    serde_yaml::Value::Bool(flag) => flag.to_string(),
                    _ => return None,
                };
                Some((key, value))
            })
            .collect();
        Self { fields }
    }

    /// Metadata from key/value pairs; a later value for a key replaces an earlier one.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            fields: pairs.into_iter().collect(),
        }
    }

    /// The value of `key`, when the story has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str)
    }

    /// The story's `date:`, as written.
    pub fn date(&self) -> Option<&str> {
        self.get("date")
    }

    /// True when the story has no metadata.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}
