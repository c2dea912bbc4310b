//! House styles of datelines and dates (AP, Reuters, AFP, Kyodo, Xinhua, generic), as data: the
//! shipped `rules/data/house-styles.yaml`, with the month forms of each style and the news outlets
//! a dateline must not name in place of a place.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::knowledge::name_index::fold;

/// The shipped styles' YAML.
const SHIPPED: &str = include_str!("../../../../rules/data/house-styles.yaml");

/// How a style writes the place of a dateline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceCase {
    /// In capitals: "TOKYO".
    Upper,
    /// In title case: "Tokyo".
    Title,
    /// Either.
    #[default]
    Any,
}

/// Whether a style's dateline carries a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePolicy {
    /// Never: "TOKYO (AP) —".
    None,
    /// With or without.
    #[default]
    Optional,
    /// Always: "TOKYO, Nov 21 (Reuters) -".
    Required,
}

/// One house style of datelines.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    /// Its key in the styles file: `ap`, `reuters`, …
    #[serde(skip)]
    pub id: String,
    /// Its name for messages: "AP".
    pub name: String,
    /// A dateline in this style, for messages.
    pub example: String,
    /// How the place is written.
    #[serde(default)]
    pub place_case: PlaceCase,
    /// A city stands alone only when the gazetteer says it may; otherwise its country follows.
    #[serde(default)]
    pub standalone_only: bool,
    /// Whether the dateline carries a date.
    #[serde(default)]
    pub date: DatePolicy,
    /// The key of the month forms used with a day (`months_with_day`), or `any`.
    pub months: String,
    /// The agencies the style allows; empty allows any.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// The agency in brackets (`true`), bare (`false`), or either (absent).
    #[serde(default)]
    pub brackets: Option<bool>,
    /// The dashes that may end the dateline; the first is suggested.
    pub dashes: Vec<String>,
    /// How the style writes a U.S. state after a city ("Alabama" → "Ala."); a state or province
    /// not listed is written in full.
    #[serde(default)]
    pub states: BTreeMap<String, String>,
}

impl HouseStyle {
    /// True when `agency` is one of the style's agencies (any agency when it lists none).
    pub fn allows_agency(&self, agency: &str) -> bool {
        self.agencies.is_empty() || self.agencies.iter().any(|a| a.eq_ignore_ascii_case(agency))
    }

    /// The dash to suggest.
    pub fn dash(&self) -> &str {
        self.dashes.first().map_or("—", String::as_str)
    }

    /// The U.S. state or Canadian province `state` (in full) as the style writes it after a city.
    pub fn state_form<'a>(&'a self, state: &'a str) -> &'a str {
        self.states.get(state).map_or(state, String::as_str)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StylesFile {
    styles: BTreeMap<String, HouseStyle>,
    months_with_day: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    outlets: Vec<String>,
}

/// Every house style, the month forms, and the known outlets.
#[derive(Debug, Default)]
pub struct HouseStyles {
    styles: Vec<HouseStyle>,
    months_with_day: BTreeMap<String, Vec<String>>,
    outlets: Vec<String>,
}

/// Why a styles file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("house styles: {0}")]
pub struct HouseStyleError(String);

static SHIPPED_STYLES: LazyLock<HouseStyles> =
    LazyLock::new(|| HouseStyles::from_yaml(SHIPPED).unwrap_or_default());

impl HouseStyles {
    /// The shipped styles.
    pub fn shipped() -> &'static HouseStyles {
        &SHIPPED_STYLES
    }

    /// Reads a styles file (the format of `rules/data/house-styles.yaml`).
    pub fn from_yaml(yaml: &str) -> Result<HouseStyles, HouseStyleError> {
        let file: StylesFile =
            crate::yaml::from_str(yaml, "data file").map_err(|e| HouseStyleError(e.to_string()))?;
        for (key, months) in &file.months_with_day {
            if months.len() != 12 {
                return Err(HouseStyleError(format!(
                    "months_with_day.{key} has {} months, not 12",
                    months.len()
                )));
            }
        }
        let styles = file
            .styles
            .into_iter()
            .map(|(id, mut style)| {
                style.id = id;
                style
            })
            .collect::<Vec<_>>();
        for style in &styles {
            if style.months != "any" && !file.months_with_day.contains_key(&style.months) {
                return Err(HouseStyleError(format!(
                    "style {} uses unknown months '{}'",
                    style.id, style.months
                )));
            }
        }
        Ok(HouseStyles {
            styles,
            months_with_day: file.months_with_day,
            outlets: file.outlets,
        })
    }

    /// The style with key `id` (`ap`, `reuters`, …), ignoring case.
    pub fn get(&self, id: &str) -> Option<&HouseStyle> {
        self.styles.iter().find(|s| s.id.eq_ignore_ascii_case(id))
    }

    /// The keys of every style.
    pub fn ids(&self) -> Vec<&str> {
        self.styles.iter().map(|s| s.id.as_str()).collect()
    }

    /// The style whose agency list names `agency`.
    pub fn by_agency(&self, agency: &str) -> Option<&HouseStyle> {
        self.styles.iter().find(|s| {
            !s.agencies.is_empty() && s.agencies.iter().any(|a| a.eq_ignore_ascii_case(agency))
        })
    }

    /// How month `month` (1 to 12) is written with a day in month forms `key` (`ap`, `reuters`,
    /// `full`); `None` for `any` or an unknown key.
    pub fn month_with_day(&self, key: &str, month: i8) -> Option<&str> {
        let index = usize::try_from(month - 1).ok()?;
        self.months_with_day
            .get(key)?
            .get(index)
            .map(String::as_str)
    }

    /// True when `name` is a known news outlet or agency.
    pub fn is_outlet(&self, name: &str) -> bool {
        let name = fold(name);
        self.outlets.iter().any(|o| fold(o) == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_styles_read() {
        let styles = HouseStyles::from_yaml(SHIPPED).unwrap();
        assert_eq!(
            styles.ids(),
            ["afp", "ap", "generic", "kyodo", "reuters", "xinhua"]
        );
        assert_eq!(
            styles.by_agency("Reuters").map(|s| s.name.as_str()),
            Some("Reuters")
        );
        assert_eq!(styles.month_with_day("ap", 9), Some("Sept."));
        assert_eq!(styles.month_with_day("reuters", 11), Some("Nov"));
        assert_eq!(styles.month_with_day("any", 1), None);
        assert!(styles.is_outlet("al jazeera") && !styles.is_outlet("Tokyo"));
        let ap = styles.get("ap").unwrap();
        assert_eq!(
            (ap.state_form("Alabama"), ap.state_form("Texas")),
            ("Ala.", "Texas")
        );
        assert_eq!(ap.state_form("Nova Scotia"), "Nova Scotia");
    }

    #[test]
    fn a_misspelt_key_of_a_styles_file_is_an_error() {
        let err = HouseStyles::from_yaml("styles: {}\nmonths_with_day: {}\noutlet: [x]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `outlets`?"), "{err}");
        let style =
            "styles:\n  x: {name: X, example: X, months: any, dashes: [-], brakets: true}\n";
        let err = HouseStyles::from_yaml(&format!("{style}months_with_day: {{}}\n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `brackets`?"), "{err}");
    }
}
