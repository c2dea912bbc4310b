//! A post's title as wire copy writes it before a name, made from the post's Wikidata label and
//! its country: "Prime Minister of Japan" → title "Prime Minister", country Japan, qualifiers
//! [Japanese, "Japan's", Japan]; "United States Secretary of State" → "Secretary of State".
//!
//! Wire style names some posts otherwise than their labels do ("Foreign Minister" for "Minister
//! for Foreign Affairs"): a short table adds those forms. A label from which no country can be
//! taken is kept whole, still with the country's qualifiers: a title is only ever checked with
//! its country, so a generic phrase cannot stand for every country's post.

/// A post's title phrases with the country they belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TitleShape {
    /// The phrases, the label's own first.
    pub(super) phrases: Vec<String>,
    /// The country, as its label gives it.
    pub(super) country: String,
    /// The words that put the title in the country: demonyms, "Japan's", the country.
    pub(super) qualifiers: Vec<String>,
}

/// Wire-style forms of posts' titles: a title the label gives (after its country is taken off)
/// and the forms wire copy also writes for it.
const WIRE_FORMS: &[(&[&str], &[&str])] = &[
    (
        &[
            "Minister of Foreign Affairs",
            "Minister for Foreign Affairs",
            "Foreign Minister",
        ],
        &["Foreign Minister"],
    ),
    (
        &[
            "Minister of Defense",
            "Minister of Defence",
            "Minister for Defence",
            "Minister of National Defense",
            "Minister of National Defence",
            "Defense Minister",
            "Defence Minister",
        ],
        &["Defense Minister", "Defence Minister"],
    ),
    (
        &[
            "Minister of Finance",
            "Minister for Finance",
            "Finance Minister",
        ],
        &["Finance Minister"],
    ),
    (&["Federal Chancellor"], &["Chancellor"]),
];

/// The title of the post labelled `label` in the country labelled `country`, whose people are
/// called `demonyms`; `None` when the label leaves no title (it is the country's name alone).
pub(super) fn title_of(label: &str, country: &str, demonyms: &[String]) -> Option<TitleShape> {
    let label = label.trim();
    let base = without_country(label, country, demonyms).unwrap_or(label);
    let base = capitalised(base.trim());
    let names_the_country = base == country || demonyms.contains(&base);
    if !base.starts_with(char::is_uppercase) || names_the_country {
        return None;
    }
    let base = base.as_str();
    let mut phrases = vec![base.to_owned()];
    for (given, forms) in WIRE_FORMS {
        if given.contains(&base) {
            for form in *forms {
                if !phrases.iter().any(|p| p == form) {
                    phrases.push((*form).to_owned());
                }
            }
        }
    }
    let mut qualifiers: Vec<String> = Vec::new();
    for demonym in demonyms {
        let demonym = demonym.trim();
        if demonym.starts_with(char::is_uppercase) && !qualifiers.iter().any(|q| q == demonym) {
            qualifiers.push(demonym.to_owned());
        }
    }
    qualifiers.push(possessive(country));
    qualifiers.push(country.to_owned());
    Some(TitleShape {
        phrases,
        country: country.to_owned(),
        qualifiers,
    })
}

/// The label without its country: "X of Japan", "X of the United States", "X (Japan)",
/// "Japan X", "Japanese X".
fn without_country<'a>(label: &'a str, country: &str, demonyms: &[String]) -> Option<&'a str> {
    for suffix in [
        format!(" of {country}"),
        format!(" of the {country}"),
        format!(" ({country})"),
    ] {
        if let Some(base) = label.strip_suffix(suffix.as_str()) {
            return Some(base);
        }
    }
    std::iter::once(country)
        .chain(demonyms.iter().map(String::as_str))
        .find_map(|prefix| {
            label
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix(' '))
        })
}

/// Words that stay lower-case inside a title ("Minister of State for Foreign Affairs").
const SMALL_WORDS: &[&str] = &["of", "for", "the", "and", "on", "in", "to", "at"];

/// The title as written before a name, every word but the small ones capitalised: Wikidata
/// writes generic posts in lower case ("minister of defence"), wire copy capitalises a title
/// before a name.
fn capitalised(title: &str) -> String {
    title
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if i == 0 || !SMALL_WORDS.contains(&word) => {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// "Japan's"; "United States'" for a name ending in s.
fn possessive(country: &str) -> String {
    if country.ends_with('s') {
        format!("{country}'")
    } else {
        format!("{country}'s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(label: &str, country: &str, demonyms: &[&str]) -> Option<TitleShape> {
        let demonyms: Vec<String> = demonyms.iter().map(|d| (*d).to_owned()).collect();
        title_of(label, country, &demonyms)
    }

    #[test]
    fn the_country_is_taken_off_the_label() {
        let pm = shape("Prime Minister of Japan", "Japan", &["Japanese"]).unwrap();
        assert_eq!(pm.phrases, ["Prime Minister"]);
        assert_eq!(pm.country, "Japan");
        assert_eq!(pm.qualifiers, ["Japanese", "Japan's", "Japan"]);
        let president = shape(
            "President of the United States",
            "United States",
            &["American"],
        )
        .unwrap();
        assert_eq!(president.phrases, ["President"]);
        assert_eq!(
            president.qualifiers,
            ["American", "United States'", "United States"]
        );
        let secretary = shape("United States Secretary of State", "United States", &[]).unwrap();
        assert_eq!(secretary.phrases, ["Secretary of State"]);
        let french = shape("French Minister of Finance", "France", &["French"]).unwrap();
        assert_eq!(french.phrases, ["Minister of Finance", "Finance Minister"]);
        let bracketed = shape("Minister of Defence (Australia)", "Australia", &[]).unwrap();
        assert_eq!(
            bracketed.phrases,
            [
                "Minister of Defence",
                "Defense Minister",
                "Defence Minister"
            ]
        );
    }

    #[test]
    fn wire_forms_are_added_and_other_labels_kept_whole() {
        let foreign = shape("Minister for Foreign Affairs of Japan", "Japan", &[]).unwrap();
        assert_eq!(
            foreign.phrases,
            ["Minister for Foreign Affairs", "Foreign Minister"]
        );
        let chancellor = shape("Federal Chancellor of Germany", "Germany", &["German"]).unwrap();
        assert_eq!(chancellor.phrases, ["Federal Chancellor", "Chancellor"]);
        let exchequer = shape(
            "Chancellor of the Exchequer",
            "United Kingdom",
            &["British"],
        )
        .unwrap();
        assert_eq!(exchequer.phrases, ["Chancellor of the Exchequer"]);
        assert_eq!(exchequer.country, "United Kingdom");
        // A demonym that is no capitalised word is no qualifier.
        let odd = shape(
            "President of Argentina",
            "Argentina",
            &["Argentine", "argentino"],
        )
        .unwrap();
        assert_eq!(odd.qualifiers, ["Argentine", "Argentina's", "Argentina"]);
    }

    #[test]
    fn a_title_is_capitalised_as_before_a_name() {
        let emperor = shape("emperor of Japan", "Japan", &[]).unwrap();
        assert_eq!(emperor.phrases, ["Emperor"]);
        let minister = shape("minister of defence", "Japan", &[]).unwrap();
        assert_eq!(minister.phrases[0], "Minister of Defence");
        assert_eq!(shape("Japan", "Japan", &[]), None);
        assert_eq!(shape("Japanese", "Japan", &["Japanese"]), None);
        assert_eq!(shape("2nd Japan", "Japan", &[]), None);
    }
}
