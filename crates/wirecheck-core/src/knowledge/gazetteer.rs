//! The dateline gazetteer: the places a dateline may name, with their countries, looked up
//! ignoring case and diacritics, with "did you mean" for near misses. Two layers: the curated
//! `rules/data/gazetteer.yaml` (AP's stand-alone cities, every country's capital and large cities,
//! states and provinces, regions of the world), with its fuzzy index for "did you mean"; and behind
//! it the world gazetteer (`world`: GeoNames' cities of 15,000 people or more, with alternate
//! names), read on first use and looked up exactly, never fuzzily, so that a small real place is
//! never "corrected" to another. Users add places in `wirecheck.yaml` or in a dateline rule.

mod world;

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::knowledge::name_index::{NameIndex, fold};
use world::World;

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

/// The gazetteer file: stand-alone cities, countries with their cities, regions, and regions of
/// the world.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    standalone: Vec<String>,
    #[serde(default)]
    countries: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    world_regions: Vec<String>,
}

/// Why a gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer: {0}")]
pub struct GazetteerError(String);

/// Where a dateline puts a city that may not stand alone: after it, its country, or for a U.S.,
/// Canadian or British city its state, province or nation ("MOBILE, Ala.", "HALIFAX, Nova
/// Scotia", "WARRINGTON, England").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    /// The country.
    pub country: String,
    /// The U.S. state, Canadian province or British nation, in full ("Alabama", "England").
    pub state: Option<String>,
}

/// Places, countries and regions, indexed for exact and fuzzy lookup.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Folded city name → its entries in `places`.
    cities: FxHashMap<String, Vec<usize>>,
    /// Folded names of countries and regions.
    qualifiers: FxHashSet<String>,
    /// Folded names of regions of the world a dateline may name ("Middle East").
    world_regions: FxHashSet<String>,
    /// Fuzzy index of city names; entry = index in `places`.
    city_index: NameIndex,
    /// Fuzzy index of countries and regions.
    qualifier_index: NameIndex,
    /// True when the world gazetteer stands behind these places (the shipped gazetteer).
    with_world: bool,
}

/// How many times the next place of the same name a city must outnumber in people for a dateline
/// that names it alone to be taken for it ("PORTLAND" is Portland, Ore., not Portland, Maine).
const DOMINANCE: u64 = 10;

static SHIPPED_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::shipped_with(&[]));

impl Gazetteer {
    /// The shipped gazetteer.
    pub fn shipped() -> &'static Gazetteer {
        &SHIPPED_GAZETTEER
    }

    /// The shipped gazetteer (the curated places and the world gazetteer behind them) with `extra`
    /// places added.
    pub fn shipped_with(extra: &[Place]) -> Gazetteer {
        let mut gazetteer = Gazetteer::from_yaml(SHIPPED).unwrap_or_default();
        gazetteer.with_world = true;
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
        for region in &file.world_regions {
            // In the fuzzy index of places too: "MIDLE EAST" is "MIDDLE EAST" misspelt.
            gazetteer.world_regions.insert(fold(region));
            gazetteer.city_index.add_canonical(region, 0);
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

    /// The world gazetteer behind the curated places, if any, read on first use.
    fn world(&self) -> Option<&'static World> {
        self.with_world.then(World::shipped)
    }

    /// The place named `name`, ignoring case and diacritics: a curated one first (a stand-alone
    /// entry before others), else the largest place of the world gazetteer of that name.
    pub fn city(&self, name: &str) -> Option<&Place> {
        if let Some(entries) = self.cities.get(&fold(name)) {
            let mut places = entries.iter().map(|&i| &self.places[i]);
            let first = places.clone().next();
            return places.find(|p| p.standalone).or(first);
        }
        self.world()?.city(name)
    }

    /// Every place named `name`: the curated ones, then those of the world gazetteer in other
    /// countries, largest first.
    pub fn cities_named(&self, name: &str) -> Vec<&Place> {
        let mut places: Vec<&Place> = self
            .cities
            .get(&fold(name))
            .map(|entries| entries.iter().map(|&i| &self.places[i]).collect())
            .unwrap_or_default();
        if let Some(world) = self.world() {
            for found in world.cities_named(name) {
                if !places.iter().any(|p| p.country == found.place.country) {
                    places.push(found.place);
                }
            }
        }
        places
    }

    /// Where a dateline puts the city `name` when it cannot stand alone (its country, or its
    /// state, province or nation), with `true` when that is the one place a desk means by the name: the
    /// only place so named, or one that outnumbers every other of its name [`DOMINANCE`] times.
    /// Otherwise the homes of the places it may be, largest first.
    pub fn dateline_homes(&self, name: &str) -> (Vec<Home>, bool) {
        let mut homes: Vec<(Home, Option<u32>)> = Vec::new();
        if let Some(world) = self.world() {
            for found in world.cities_named(name) {
                let home = Home {
                    country: found.place.country.clone(),
                    state: found.state.map(str::to_owned),
                };
                if !homes.iter().any(|(h, _)| *h == home) {
                    homes.push((home, Some(found.population)));
                }
            }
        }
        // A curated place the world gazetteer does not have there (the user's, or a spelling of
        // its own) is one more the name may mean.
        for place in self.cities.get(&fold(name)).into_iter().flatten() {
            let country = &self.places[*place].country;
            if !homes.iter().any(|(h, _)| &h.country == country) {
                homes.push((
                    Home {
                        country: country.clone(),
                        state: None,
                    },
                    None,
                ));
            }
        }
        let dominant = match homes.as_slice() {
            [_] => true,
            [(_, Some(first)), rest @ ..] => rest.iter().all(|(_, population)| {
                population.is_some_and(|p| u64::from(*first) >= DOMINANCE * u64::from(p).max(1))
            }),
            _ => false,
        };
        (homes.into_iter().map(|(home, _)| home).collect(), dominant)
    }

    /// True for a country or region that may follow a city in a dateline ("Japan", "Calif.",
    /// "Czechia").
    pub fn is_qualifier(&self, name: &str) -> bool {
        self.qualifiers.contains(&fold(name)) || self.world().is_some_and(|w| w.is_country(name))
    }

    /// True for a region of the world or a continent, which a dateline may name in place of a
    /// city ("ASIA –", "MIDDLE EAST -").
    pub fn is_world_region(&self, name: &str) -> bool {
        // The curated list has the continents too: a dateline naming a curated city never reads
        // the world gazetteer.
        self.world_regions.contains(&fold(name))
    }

    /// True when `name` (one word or several, any case, diacritics ignored) is itself a known
    /// place: a city (by its name or an alternate name the world gazetteer keeps, in Latin script
    /// or in Chinese, Japanese, Korean, Arabic or Russian), a country, a region, a region of the
    /// world. The names rules never take such a word alone for a misspelt person's name.
    pub fn is_place_name(&self, name: &str) -> bool {
        let folded = fold(name);
        self.cities.contains_key(&folded)
            || self.qualifiers.contains(&folded)
            || self.world_regions.contains(&folded)
            || self.world().is_some_and(|w| w.is_place_name(name))
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

    /// Number of curated places (the world gazetteer's are not counted).
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

    /// The world gazetteer stands behind the curated places: real cities the curated list lacks are
    /// known (by their names, not their alternate names), with their countries; the fuzzy index
    /// stays the curated one's, so a misspelt capital is still suggested and a small real city is
    /// never "corrected" to a large one.
    #[test]
    fn the_world_gazetteer_stands_behind_the_curated_places() {
        let gazetteer = Gazetteer::shipped();
        assert!(
            Gazetteer::from_yaml(SHIPPED)
                .unwrap()
                .city("Warrington")
                .is_none()
        );
        let warrington = gazetteer.city("WARRINGTON").unwrap();
        assert_eq!(warrington.country, "United Kingdom");
        assert_eq!(gazetteer.city("Kesennuma").unwrap().country, "Japan");
        // The curated entry first: Tokyo stands alone.
        assert!(gazetteer.city("Tokyo").unwrap().standalone);
        assert_eq!(gazetteer.nearest_city("TOKIO"), Some("Tokyo"));
        assert_eq!(gazetteer.nearest_city("Kuala Lumper"), Some("Kuala Lumpur"));
        assert_eq!(gazetteer.nearest_city("Warington"), Some("Washington"));
        // Every place of a name, curated ones first.
        let countries: Vec<&str> = gazetteer
            .cities_named("Hyderabad")
            .iter()
            .map(|p| p.country.as_str())
            .collect();
        assert_eq!(&countries[..2], ["India", "Pakistan"]);
        assert!(gazetteer.is_qualifier("Czechia") && gazetteer.is_qualifier("Aruba"));
        assert!(!gazetteer.is_qualifier("Asia"));
    }

    /// What the names rules ask: a word that is itself a place, one word or several, by any name
    /// the gazetteer keeps.
    #[test]
    fn place_names_are_broad() {
        let gazetteer = Gazetteer::shipped();
        for name in [
            "Warrington",
            "KOTA KINABALU",
            "Zaporizhzhia",
            "Bombay",
            "Middle East",
            "Asia",
            "Czechia",
            "気仙沼",
            "Москва",
            "القاهرة",
            "서울",
        ] {
            assert!(gazetteer.is_place_name(name), "{name}");
        }
        for name in ["Takaichi", "Kiyozumi", "TYO", "Of"] {
            assert!(!gazetteer.is_place_name(name), "{name}");
        }
    }

    #[test]
    fn regions_of_the_world_are_dateline_places() {
        let gazetteer = Gazetteer::shipped();
        for region in [
            "ASIA",
            "MIDDLE EAST",
            "Latin America",
            "EUROPE",
            "Southeast Asia",
        ] {
            assert!(gazetteer.is_world_region(region), "{region}");
        }
        assert!(!gazetteer.is_world_region("Tokyo") && !gazetteer.is_world_region("Japan"));
        assert_eq!(gazetteer.nearest_city("MIDLE EAST"), Some("Middle East"));
    }

    /// Where a city that may not stand alone goes: its country, or its U.S. state or Canadian
    /// province; one home only when the name means one place.
    #[test]
    fn dateline_homes() {
        let gazetteer = Gazetteer::shipped();
        let home = |country: &str, state: Option<&str>| Home {
            country: country.to_owned(),
            state: state.map(str::to_owned),
        };
        let (homes, dominant) = gazetteer.dateline_homes("OSAKA");
        assert_eq!((homes[0].clone(), dominant), (home("Japan", None), true));
        let (homes, dominant) = gazetteer.dateline_homes("Mobile");
        assert_eq!(
            (homes[0].clone(), dominant),
            (home("United States", Some("Alabama")), true)
        );
        let (homes, dominant) = gazetteer.dateline_homes("HALIFAX");
        assert_eq!(
            homes[..2],
            [
                home("Canada", Some("Nova Scotia")),
                home("United Kingdom", Some("England"))
            ]
        );
        assert!(!dominant, "Halifax, England is not ten times smaller");
        // Two large cities of one name: no one home.
        let (homes, dominant) = gazetteer.dateline_homes("Hyderabad");
        assert!(!dominant);
        assert_eq!(homes[..2], [home("India", None), home("Pakistan", None)]);
        let (homes, dominant) = gazetteer.dateline_homes("Kansas City");
        assert!(!dominant);
        assert_eq!(homes[0], home("United States", Some("Missouri")));
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
