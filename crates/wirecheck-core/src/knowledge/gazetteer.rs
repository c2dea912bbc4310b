//! The dateline gazetteer: the places a dateline may name, with their countries, looked up
//! ignoring case and diacritics, with "did you mean" for near misses. The shipped list is
//! `rules/data/gazetteer.yaml`; users add places in `wirecheck.yaml` or in a dateline rule.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::knowledge::name_index::{NameIndex, fold};

/// The shipped gazetteer's YAML.
const SHIPPED: &str = include_str!("../../../../rules/data/gazetteer.yaml");

/// A place a dateline may name.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place as written in a dateline, in title case: "Rio de Janeiro".
    pub name: String,
    /// Its country.
    pub country: String,
    /// True when a dateline may give it without its country (AP's stand-alone cities).
    #[serde(default)]
    pub standalone: bool,
}

/// The gazetteer file: stand-alone cities, countries with their cities, and regions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    standalone: Vec<String>,
    #[serde(default)]
    countries: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    regions: Vec<String>,
}

/// Why a gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer: {0}")]
pub struct GazetteerError(String);

/// Places, countries and regions, indexed for exact and fuzzy lookup.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Folded city name → its entries in `places`.
    cities: FxHashMap<String, Vec<usize>>,
    /// Folded names of countries and regions.
    qualifiers: FxHashSet<String>,
    /// Fuzzy index of city names; entry = index in `places`.
    city_index: NameIndex,
    /// Fuzzy index of countries and regions.
    qualifier_index: NameIndex,
}

static SHIPPED_GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::from_yaml(SHIPPED).unwrap_or_default());

impl Gazetteer {
    /// The shipped gazetteer.
    pub fn shipped() -> &'static Gazetteer {
        &SHIPPED_GAZETTEER
    }

    /// The shipped gazetteer with `extra` places added.
    pub fn shipped_with(extra: &[Place]) -> Gazetteer {
        let mut gazetteer = Gazetteer::from_yaml(SHIPPED).unwrap_or_default();
        for place in extra {
            gazetteer.add_place(place.clone());
        }
        gazetteer
    }

    /// A gazetteer of `places` alone.
    pub fn from_places(places: &[Place]) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for place in places {
            gazetteer.add_place(place.clone());
        }
        gazetteer
    }

    /// Reads a gazetteer file (the format of `rules/data/gazetteer.yaml`).
    pub fn from_yaml(yaml: &str) -> Result<Gazetteer, GazetteerError> {
        let file: GazetteerFile =
            crate::yaml::from_str(yaml, "data file").map_err(|e| GazetteerError(e.to_string()))?;
        let standalone: FxHashSet<String> = file.standalone.iter().map(|s| fold(s)).collect();
        let mut gazetteer = Gazetteer::default();
        for (country, cities) in &file.countries {
            gazetteer.add_qualifier(country);
            for city in cities {
                gazetteer.add_place(Place {
                    name: city.clone(),
                    country: country.clone(),
                    standalone: standalone.contains(&fold(city)),
                });
            }
        }
        for region in &file.regions {
            gazetteer.add_qualifier(region);
        }
        Ok(gazetteer)
    }

    /// Adds a place; its country becomes a known qualifier.
    pub fn add_place(&mut self, place: Place) {
        let entry = self.places.len();
        self.add_qualifier(&place.country);
        self.cities
            .entry(fold(&place.name))
            .or_default()
            .push(entry);
        self.city_index.add_canonical(&place.name, entry);
        self.places.push(place);
    }

    fn add_qualifier(&mut self, name: &str) {
        if self.qualifiers.insert(fold(name)) {
            self.qualifier_index.add_canonical(name, 0);
        }
    }

    /// The place named `name`, ignoring case and diacritics; a stand-alone entry first.
    pub fn city(&self, name: &str) -> Option<&Place> {
        let entries = self.cities.get(&fold(name))?;
        let mut places = entries.iter().map(|&i| &self.places[i]);
        let first = places.clone().next();
        places.find(|p| p.standalone).or(first)
    }

    /// Every place named `name`.
    pub fn cities_named(&self, name: &str) -> Vec<&Place> {
        self.cities
            .get(&fold(name))
            .map(|entries| entries.iter().map(|&i| &self.places[i]).collect())
            .unwrap_or_default()
    }

    /// True for a country or region that may follow a city in a dateline ("Japan", "Calif.").
    pub fn is_qualifier(&self, name: &str) -> bool {
        self.qualifiers.contains(&fold(name))
    }

    /// True when `name` (one word or several, any case, diacritics ignored) is itself a known
    /// place: a city, a country or a region. The names rules never take such a word alone for a
    /// misspelt person's name.
    pub fn is_place_name(&self, name: &str) -> bool {
        let folded = fold(name);
        self.cities.contains_key(&folded) || self.qualifiers.contains(&folded)
    }

    /// The known place `name` most likely misspells ("Tokio" → "Tokyo").
    pub fn nearest_city(&self, name: &str) -> Option<&str> {
        self.city_index
            .near_miss(name)
            .map(|miss| miss.token)
            .filter(|token| !token.is_empty())
    }

    /// The known country or region `name` most likely misspells ("Japna" → "Japan").
    pub fn nearest_qualifier(&self, name: &str) -> Option<&str> {
        self.qualifier_index
            .near_miss(name)
            .map(|miss| miss.token)
            .filter(|token| !token.is_empty())
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_key_of_a_gazetteer_is_an_error() {
        let err = Gazetteer::from_yaml("countrys: {Japan: [Tokyo]}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `countries`?"), "{err}");
    }

    #[test]
    fn the_shipped_gazetteer_is_broad_and_knows_countries() {
        let gazetteer = Gazetteer::from_yaml(SHIPPED).unwrap();
        assert!(gazetteer.len() > 500, "{}", gazetteer.len());
        let tokyo = gazetteer.city("TOKYO").unwrap();
        assert_eq!((tokyo.country.as_str(), tokyo.standalone), ("Japan", true));
        let osaka = gazetteer.city("Osaka").unwrap();
        assert!(!osaka.standalone);
        assert_eq!(gazetteer.city("São Paulo").unwrap().country, "Brazil");
        assert!(gazetteer.is_qualifier("Japan") && gazetteer.is_qualifier("Calif."));
        assert_eq!(gazetteer.nearest_city("TOKIO"), Some("Tokyo"));
        assert_eq!(gazetteer.nearest_qualifier("Japna"), Some("Japan"));
        assert_eq!(gazetteer.city("SadaNews"), None);
        assert!(gazetteer.is_place_name("OSAKA") && gazetteer.is_place_name("Japan"));
        assert!(!gazetteer.is_place_name("Takaichi"));
    }

    #[test]
    fn users_add_places() {
        let gazetteer = Gazetteer::shipped_with(&[Place {
            name: "Kesennuma".into(),
            country: "Japan".into(),
            standalone: true,
        }]);
        assert!(gazetteer.city("KESENNUMA").is_some_and(|p| p.standalone));
    }
}
