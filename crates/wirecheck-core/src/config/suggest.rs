//! "Did you mean": the known names closest to one a user misspelt (a pack, rule id, rule kind,
//! config key or value), for error messages.

/// The known names `given` most likely stands for, at most three, in `known`'s order: those a
/// few edits away (a third of its length, at least one; case ignored; two letters swapped are one
/// edit, so `levle` is one from `level`), or whose first part before a `-` or `.` is (`nams` for
/// `names-world`); the fewest edits win.
pub(crate) fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let given_lower = given.to_lowercase();
    let allowed = (given_lower.chars().count() / 3).max(1);
    let like: Vec<(usize, &str)> = known
        .into_iter()
        .filter(|name| *name != given)
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let whole = strsim::osa_distance(&given_lower, &lower);
            let first_part = lower
                .split(['-', '.'])
                .next()
                .filter(|part| part.len() < lower.len())
                .map_or(usize::MAX, |part| strsim::osa_distance(&given_lower, part));
            let edits = whole.min(first_part);
            (edits <= allowed).then_some((edits, name))
        })
        .collect();
    let fewest = like.iter().map(|(edits, _)| *edits).min();
    let mut names: Vec<&str> = Vec::new();
    // A name may be known twice (a rule both shipped and loaded): it is suggested once.
    for (_, name) in like.into_iter().filter(|(edits, _)| Some(*edits) == fewest) {
        if names.len() < 3 && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// `did you mean 'a'?` (or `'a' or 'b'?`) for the names closest to `given`, quoted with `quote`;
/// `None` when no known name is close.
pub fn did_you_mean<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str>,
    quote: char,
) -> Option<String> {
    did_you_mean_of(&closest(given, known), quote)
}

/// As [`did_you_mean`], for an id that may be a prefix: when no whole name is close, the names
/// whose beginning (as long as `given`) is close are suggested whole (`wire.Dubled` finds
/// `wire.DoubledWord`).
pub(crate) fn did_you_mean_id<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
    quote: char,
) -> Option<String> {
    if let Some(hint) = did_you_mean(given, known.clone(), quote) {
        return Some(hint);
    }
    let length = given.chars().count();
    let heads: Vec<(String, &str)> = known
        .into_iter()
        .filter(|name| name.chars().count() > length)
        .map(|name| (name.chars().take(length).collect(), name))
        .collect();
    let close = closest(given, heads.iter().map(|(head, _)| head.as_str()));
    let mut whole: Vec<&str> = Vec::new();
    // A name may be known twice (a rule both shipped and loaded): it is suggested once.
    for (_, name) in heads
        .iter()
        .filter(|(head, _)| close.contains(&head.as_str()))
    {
        if whole.len() < 3 && !whole.contains(name) {
            whole.push(name);
        }
    }
    did_you_mean_of(&whole, quote)
}

fn did_you_mean_of(names: &[&str], quote: char) -> Option<String> {
    let names: Vec<String> = names
        .iter()
        .map(|name| format!("{quote}{name}{quote}"))
        .collect();
    let (last, rest) = names.split_last()?;
    Some(if rest.is_empty() {
        format!("did you mean {last}?")
    } else {
        format!("did you mean {} or {last}?", rest.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKS: &[&str] = &[
        "dateline-afp",
        "dateline-ap",
        "dateline-generic",
        "wire",
        "names-japan",
        "names-world",
    ];

    #[test]
    fn the_fewest_edits_among_similar_names_win() {
        assert_eq!(closest("wirex", PACKS.iter().copied()), ["wire"]);
        assert_eq!(
            closest("dateline-xp", PACKS.iter().copied()),
            ["dateline-ap"]
        );
        assert_eq!(
            closest("nams", PACKS.iter().copied()),
            ["names-japan", "names-world"]
        );
        assert_eq!(closest("WIRE", PACKS.iter().copied()), ["wire"]);
        assert_eq!(closest("levle", ["level", "link", "limit"]), ["level"]);
        assert_eq!(
            closest("exeptions", ["exceptions", "tokens"]),
            ["exceptions"]
        );
        assert_eq!(closest("wire", PACKS.iter().copied()), Vec::<&str>::new());
        let ids = ["wire.Dates", "wire.DoubleSpace", "wire.DoubledWord"];
        assert_eq!(closest("wire.DubleSpace", ids), ["wire.DoubleSpace"]);
        assert_eq!(closest("wire.Zzz", ids), Vec::<&str>::new());
        assert_eq!(
            closest("klingon", PACKS.iter().copied()),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn suggestions_read_as_a_question() {
        assert_eq!(
            did_you_mean("nams", PACKS.iter().copied(), '\'').as_deref(),
            Some("did you mean 'names-japan' or 'names-world'?")
        );
        assert_eq!(
            did_you_mean("of", ["suggestion", "off"], '`').as_deref(),
            Some("did you mean `off`?")
        );
        assert_eq!(did_you_mean("zzz", ["wire"], '\''), None);
        assert_eq!(
            did_you_mean(
                "wire.DoubledWrd",
                ["wire.DoubledWord", "wire.DoubledWord"],
                '\''
            )
            .as_deref(),
            Some("did you mean 'wire.DoubledWord'?")
        );
    }

    #[test]
    fn an_id_is_also_matched_by_the_beginnings_of_longer_ones() {
        let ids = ["wire.DoubledWord", "wire.DoubleSpace", "wire.Dateline"];
        assert_eq!(
            did_you_mean_id("wire.Dubled", ids, '\''),
            Some("did you mean 'wire.DoubledWord' or 'wire.DoubleSpace'?".to_owned())
        );
        assert_eq!(
            did_you_mean_id("wire.DoubleWrd", ids, '\''),
            Some("did you mean 'wire.DoubledWord'?".to_owned())
        );
        assert_eq!(
            did_you_mean_id("wire.Datelin", ids, '\''),
            Some("did you mean 'wire.Dateline'?".to_owned())
        );
        assert_eq!(did_you_mean_id("zzz", ids, '\''), None);
    }
}
