//! `titles`: who holds which title. A title followed by a name that is not its holder's is flagged,
//! suggesting the holder: "Japanese Defense Minister Shingo Kiyozumi" → "Shinjiro Koizumi".
//!
//! ```yaml
//! extends: titles
//! message: "%s is %s, not '%s'"
//! level: error
//! titles:
//!   - title: [Defense Minister, Defence Minister]
//!     country: Japan
//!     qualifiers: [Japanese, "Japan's", Japan]
//!     holders:
//!       - name: Shinjiro Koizumi
//!         since: 2025-10-21
//!       - name: Gen Nakatani
//!         since: 2024-10-01
//!         until: 2025-10-21
//! ```
//! Titles match as capitalised before a name ("Prime Minister Sanae Takaichi", AP and Reuters
//! style). A title counts only with its country: a qualifier right before it, or "of `<country>`" after the
//! name, unless `unqualified: true`. With a publication date, the holder on that day is expected;
//! without one, any listed holder is accepted and the current one is suggested. A bare surname of
//! the holder is accepted. The message gets the title as written, the holder with dates, and the
//! name found.
//!
//! A pack's holders are as of the day they were verified: the rule's `verified:` (a date,
//! `YYYY-MM-DD`), or a title's own `verified:` when later. A story published more than the grace
//! after that day (`pack_grace_days:` in `wirecheck.yaml`, `check --pack-grace`, 90 days by
//! default) may name a holder who took office since, whom a stale pack must never "correct": a
//! mismatch is then reported at `warning` (or the rule's level, when lower), with no suggestion,
//! and with `stale_message:`, whose `%s` get the title as written, the day the holders are as of,
//! the pack's holder, and the name found (default: "%s: the pack's holder as of %s is %s; the
//! post may have changed"). A rule or title without a verified date is never stale.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use jiff::civil::Date;
use serde::Deserialize;

use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext};
use crate::document::{Document, split_words};
use crate::finding::Severity;
use crate::knowledge::dates::{MONTH_NAMES, WEEKDAY_NAMES};
use crate::knowledge::lexicon::is_english_word;
use crate::knowledge::name_index::{fold, is_close};
use crate::span::Span;

/// A key that takes one string or a list.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Holder {
    name: String,
    #[serde(default)]
    since: Option<Date>,
    #[serde(default)]
    until: Option<Date>,
    /// The token used when the name is written alone; the last token by default.
    #[serde(default)]
    surname: Option<String>,
}

impl Holder {
    fn held_on(&self, day: Date) -> bool {
        self.since.is_none_or(|since| since <= day) && self.until.is_none_or(|until| day < until)
    }

    fn surname(&self) -> &str {
        self.surname
            .as_deref()
            .or_else(|| self.name.split_whitespace().last())
            .unwrap_or(&self.name)
    }

    /// The holder with the dates of office, for messages.
    fn described(&self) -> String {
        match (self.since, self.until) {
            (Some(since), Some(until)) => format!("{} ({since} to {until})", self.name),
            (Some(since), None) => format!("{} (since {since})", self.name),
            (None, Some(until)) => format!("{} (until {until})", self.name),
            (None, None) => self.name.clone(),
        }
    }

    /// True when `found` (a sequence of folded name tokens) names this holder: the full name, the
    /// full name followed by more, a run of its tokens, one token alone (the surname, or a family
    /// name written first), or initials with the family name. Near misses count: a misspelt holder is the `names` rule's finding, not a wrong holder.
    fn is_named_by(&self, found: &[String]) -> bool {
        let holder = name_tokens(&self.name);
        let (Some(first), Some(last)) = (holder.first(), holder.last()) else {
            return false;
        };
        if found.len() == 1 {
            let surname = fold(self.surname());
            return holder
                .iter()
                .chain([&surname])
                .any(|token| is_close(&found[0], token));
        }
        let close = |f: &[String], h: &[String]| f.iter().zip(h).all(|(f, h)| is_close(f, h));
        // The full name, perhaps followed by more, or a run of it ("Ricardo Trevilla" for
        // "Ricardo Trevilla Trejo", "Lula da Silva" for "Luiz Inácio Lula da Silva").
        let full = if found.len() >= holder.len() {
            close(&found[..holder.len()], &holder)
        } else {
            holder.windows(found.len()).any(|run| close(found, run))
        };
        // Initials or a shortened given name: same family name, same initial ("S. Jaishankar").
        let shortened = found.last().is_some_and(|f| is_close(f, last))
            && found[0].chars().next() == first.chars().next();
        full || shortened
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleSpec {
    title: OneOrMany,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    qualifiers: Vec<String>,
    #[serde(default)]
    unqualified: bool,
    /// The day this title's holders were last verified, when later than the rule's `verified:`.
    #[serde(default)]
    verified: Option<Date>,
    holders: Vec<Holder>,
}

impl TitleSpec {
    /// True when `found` (folded name tokens) names any holder the title lists.
    fn names_a_holder(&self, found: &[String]) -> bool {
        self.holders.iter().any(|h| h.is_named_by(found))
    }
}

#[derive(Deserialize)]
pub(super) struct Spec {
    titles: Vec<TitleSpec>,
    /// The message of a mismatch once the holders are stale: title, date, holder, name found.
    #[serde(default = "default_stale_message")]
    stale_message: String,
}

fn default_stale_message() -> String {
    "%s: the pack's holder as of %s is %s; the post may have changed".to_owned()
}

struct Titles {
    /// Finds every title phrase; phrase `i` is `phrases[i]`.
    finder: PhraseFinder,
    /// For each phrase, the titles it belongs to.
    phrases: Vec<Vec<usize>>,
    titles: Vec<TitleSpec>,
    /// The day the rule's facts were verified (`verified:`).
    verified: Option<Date>,
    /// The oldest day any title's holders are as of.
    oldest_as_of: Option<Date>,
    stale_message: String,
}

/// Finds title phrases by their last word: a few distinct words ("Minister", "President") make a
/// small automaton that skips through text fast, and each hit is checked backwards against the
/// phrases that end with it. A space in a phrase also matches a no-break space.
struct PhraseFinder {
    last_words: AhoCorasick,
    /// For each last word, the phrases ending with it, longest first, as (phrase index, bytes).
    by_last_word: Vec<Vec<(usize, Vec<u8>)>>,
}

impl PhraseFinder {
    fn new(phrases: &[String]) -> Result<Self, aho_corasick::BuildError> {
        let mut words: Vec<&str> = Vec::new();
        let mut by_last_word: Vec<Vec<(usize, Vec<u8>)>> = Vec::new();
        for (index, phrase) in phrases.iter().enumerate() {
            let last = phrase.rsplit(' ').next().unwrap_or(phrase);
            let slot = match words.iter().position(|w| *w == last) {
                Some(slot) => slot,
                None => {
                    words.push(last);
                    by_last_word.push(Vec::new());
                    words.len() - 1
                }
            };
            by_last_word[slot].push((index, phrase.as_bytes().to_vec()));
        }
        for candidates in &mut by_last_word {
            candidates.sort_by_key(|(_, bytes)| std::cmp::Reverse(bytes.len()));
        }
        let last_words = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)?;
        Ok(Self {
            last_words,
            by_last_word,
        })
    }

    /// Every phrase in `text` that starts and ends at word boundaries: (start, end, phrase index).
    fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        let bytes = text.as_bytes();
        self.last_words.find_iter(text).filter_map(move |hit| {
            let end = hit.end();
            if text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            self.by_last_word[hit.pattern().as_usize()]
                .iter()
                .find_map(|(index, phrase)| {
                    let start = matches_backwards(bytes, end, phrase)?;
                    let at_word_start = text
                        .get(..start)?
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    at_word_start.then_some((start, end, *index))
                })
        })
    }
}

/// Where `phrase` starts when it ends at `end` in `text`, a space in it matching a space or a
/// no-break space (U+00A0, bytes C2 A0).
fn matches_backwards(text: &[u8], end: usize, phrase: &[u8]) -> Option<usize> {
    let mut at = end;
    for &byte in phrase.iter().rev() {
        if byte == b' ' && at >= 2 && text[at - 2..at] == [0xC2, 0xA0] {
            at -= 2;
        } else if at >= 1 && text[at - 1] == byte {
            at -= 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// Compiles a `titles` rule.
pub(super) fn compile(
    source: &RuleSource,
    header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let verified = header
        .verified
        .as_deref()
        .map(crate::knowledge::freshness::parse_verified)
        .transpose()
        .map_err(|message| source.invalid(message))?;
    let mut patterns: Vec<String> = Vec::new();
    let mut phrases: Vec<Vec<usize>> = Vec::new();
    let mut titles = Vec::with_capacity(spec.titles.len());
    for (id, title) in spec.titles.into_iter().enumerate() {
        if title.holders.is_empty() {
            return Err(source.invalid(format!("title {:?} lists no holders", title.title)));
        }
        if !title.unqualified && title.qualifiers.is_empty() && title.country.is_none() {
            return Err(source.invalid(format!(
                "title {:?} needs 'qualifiers', 'country' or 'unqualified: true'",
                title.title
            )));
        }
        for phrase in title.title.clone().into_vec() {
            match patterns.iter().position(|p| *p == phrase) {
                Some(i) => phrases[i].push(id),
                None => {
                    patterns.push(phrase);
                    phrases.push(vec![id]);
                }
            }
        }
        titles.push(title);
    }
    let finder = PhraseFinder::new(&patterns)
        .map_err(|err| source.invalid(format!("cannot index titles: {err}")))?;
    let oldest_as_of = titles.iter().filter_map(|t| verified.max(t.verified)).min();
    Ok(Box::new(Titles {
        finder,
        phrases,
        titles,
        verified,
        oldest_as_of,
        stale_message: spec.stale_message,
    }))
}

/// Lower-case words that may stand inside a personal name.
const NAME_PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin",
    "bint", "al", "la", "le",
];

/// Capitalised words that end a name rather than continue it (besides month and weekday names).
const NOT_NAMES: &[&str] = &[
    "The", "And", "On", "In", "At", "To", "For", "Of", "But", "As", "He", "She", "It", "They",
    "Said",
];

/// Most bytes a personal name with its honorifics takes.
const MAX_NAME_BYTES: usize = 160;

/// Most tokens a personal name has.
const MAX_NAME_TOKENS: usize = 5;

/// Honorifics and ranks that may stand before a name and are not part of it.
const HONORIFICS: &[&str] = &[
    "Prince", "Princess", "Sheikh", "King", "Queen", "Crown", "Dr", "Mr", "Mrs", "Ms", "Gen",
    "General", "Lt", "Col", "Adm", "Admiral", "Sen", "Rep", "Gov", "Sir", "Dame", "Lord", "Lady",
    "Dato", "Datuk",
];

/// A name written after a title.
struct NameAfter {
    /// The name, without a possessive "'s".
    span: Span,
    /// Its folded tokens.
    tokens: Vec<String>,
    /// The honorific right before it when written without a period ("Gen", "Sen"), which may be
    /// a given name instead: "Defense Minister Gen Nakatani".
    bare_honorific: Option<Span>,
}

impl NameAfter {
    /// The name read with its bare honorific as its first token ("Gen Nakatani"), if it has one.
    fn with_honorific(&self, doc: &Document) -> Option<(Span, Vec<String>)> {
        let honorific = self.bare_honorific?;
        let mut tokens = vec![fold(doc.slice(honorific))];
        tokens.extend(self.tokens.iter().cloned());
        Some((Span::new(honorific.start, self.span.end), tokens))
    }
}

/// The name written right after `at`: capitalised words, with particles ("da", "bin") and initials
/// ("S. Jaishankar") inside it and honorifics ("Prince", "Gen.") before it left out.
fn name_after(doc: &Document, at: usize) -> Option<NameAfter> {
    let text = doc.text();
    let rest = &text[at..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if gap == 0 {
        return None;
    }
    let window_start = at + gap;
    // A name is a few words: look no further than this, so a huge line costs no more than a short one.
    let mut limit = (window_start + MAX_NAME_BYTES).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window_end = text[window_start..limit]
        .find(['\n', ',', ';', ':', '(', ')', '"', '“', '”'])
        .map_or(limit, |i| window_start + i);
    let mut tokens = Vec::new();
    let mut start = window_start;
    let mut end = window_start;
    let mut cursor = window_start;
    // A period may follow an initial or an abbreviated honorific ("Gen. Ricardo Trevilla").
    let mut period_allowed = false;
    let mut bare_honorific = None;
    for word in split_words(text, Span::new(window_start, window_end)) {
        let between = &text[cursor..word.start];
        let joined = between
            .chars()
            .all(|c| c.is_whitespace() || (c == '.' && period_allowed));
        if !joined || (cursor == window_start && word.start != window_start) {
            break;
        }
        let token = doc.slice(word);
        if tokens.is_empty() && HONORIFICS.contains(&token) {
            bare_honorific = (!text[word.end..].starts_with('.')).then_some(word);
            cursor = word.end;
            start = text[cursor..window_end]
                .find(|c: char| c.is_alphanumeric())
                .map_or(window_end, |i| cursor + i);
            period_allowed = true;
            continue;
        }
        // Particles join a name only between capitalised words: `end` does not move past them.
        if NAME_PARTICLES.contains(&token) && !tokens.is_empty() {
            cursor = word.end;
            period_allowed = false;
            continue;
        }
        if !token.starts_with(char::is_uppercase)
            || NOT_NAMES.contains(&token)
            || MONTH_NAMES.contains(&token)
            || WEEKDAY_NAMES.contains(&token)
            || tokens.len() == MAX_NAME_TOKENS
        {
            break;
        }
        let name = token
            .strip_suffix("'s")
            .or_else(|| token.strip_suffix("’s"))
            .unwrap_or(token);
        tokens.push(fold(name));
        end = word.start + name.len();
        cursor = word.end;
        period_allowed = name.chars().count() == 1;
        if name.len() != token.len() {
            break; // "Trump's": the name ends at the possessive
        }
    }
    (!tokens.is_empty()).then(|| NameAfter {
        span: Span::new(start, end),
        tokens,
        bare_honorific,
    })
}

/// A name's folded tokens, without particles: "Luiz Inácio Lula da Silva" → luiz, inacio, lula, silva.
fn name_tokens(name: &str) -> Vec<String> {
    split_words(name, Span::new(0, name.len()))
        .into_iter()
        .map(|span| span.slice(name))
        .filter(|token| !NAME_PARTICLES.contains(token))
        .map(fold)
        .collect()
}

impl Titles {
    /// The day the holders of `title` are as of: its own `verified:` when later than the rule's.
    fn as_of(&self, title: &TitleSpec) -> Option<Date> {
        self.verified.max(title.verified)
    }

    /// True when the text before `at` ends with one of the title's qualifiers, or the name is
    /// followed by "of <country>".
    fn qualified(
        &self,
        title: &TitleSpec,
        doc: &Document,
        title_start: usize,
        name_end: usize,
    ) -> bool {
        if title.unqualified || qualifier_before(title, doc.text(), title_start).is_some() {
            return true;
        }
        let after = doc.text()[name_end..].trim_start();
        title.country.as_ref().is_some_and(|country| {
            after
                .strip_prefix("of ")
                .is_some_and(|rest| rest.trim_start().starts_with(country.as_str()))
        })
    }
}

/// Words that put a title in the past: "former Prime Minister Shinzo Abe" is no claim about the
/// holder.
const PAST_MARKERS: &[&str] = &[
    "former",
    "then",
    "ex",
    "late",
    "onetime",
    "one-time",
    "previous",
    "erstwhile",
];

/// True when the title (with its qualifier) starting at `start` is marked as a past one.
fn is_past_title(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let before = before.strip_suffix(['-', '‑']).unwrap_or(before);
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    PAST_MARKERS
        .iter()
        .any(|marker| marker.eq_ignore_ascii_case(word))
}

/// Where the title's qualifier starts, when one stands right before the title ("Japan's" written
/// with a straight or a curly apostrophe).
fn qualifier_before(title: &TitleSpec, text: &str, title_start: usize) -> Option<usize> {
    let before = text[..title_start].trim_end_matches([' ', '\u{a0}']);
    title
        .qualifiers
        .iter()
        .chain(&title.country)
        .find_map(|qualifier| {
            let curly = qualifier.replace('\'', "’");
            [qualifier.as_str(), curly.as_str()]
                .into_iter()
                .find_map(|q| {
                    let start = before
                        .len()
                        .checked_sub(q.len())
                        .filter(|&i| before.is_char_boundary(i))?;
                    let at_word_start = before[..start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    (before.ends_with(q) && at_word_start).then_some(start)
                })
        })
}

impl Check for Titles {
    fn person_titles(&self) -> Vec<super::names::PersonTitle> {
        self.titles
            .iter()
            .map(|title| super::names::PersonTitle {
                phrases: title.title.clone().into_vec(),
                qualifiers: title
                    .qualifiers
                    .iter()
                    .chain(&title.country)
                    .cloned()
                    .collect(),
                unqualified: title.unqualified,
                holders: title.holders.iter().map(|h| h.name.clone()).collect(),
            })
            .collect()
    }

    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        for (start, end, phrase) in self.finder.find_iter(text) {
            let Some(name) = name_after(doc, end) else {
                continue;
            };
            if reads_as_words(doc, name.span, context) {
                continue;
            }
            for &id in &self.phrases[phrase] {
                let title = &self.titles[id];
                // "Gen Nakatani" is a holder's name, not General Nakatani.
                let (name_span, tokens) = match name.with_honorific(doc) {
                    Some((span, tokens)) if title.names_a_holder(&tokens) => (span, tokens),
                    _ => (name.span, name.tokens.clone()),
                };
                if !self.qualified(title, doc, start, name_span.end)
                    || is_past_title(text, qualifier_start(title, text, start))
                {
                    continue;
                }
                let expected: Vec<&Holder> = match context.publication_date() {
                    Some(day) => title.holders.iter().filter(|h| h.held_on(day)).collect(),
                    None => title.holders.iter().collect(),
                };
                if expected.is_empty() || expected.iter().any(|h| h.is_named_by(&tokens)) {
                    continue;
                }
                let holder = expected
                    .iter()
                    .find(|h| h.until.is_none())
                    .unwrap_or(&expected[0]);
                let replacement = if tokens.len() == 1 {
                    holder.surname()
                } else {
                    holder.name.as_str()
                };
                let title_start = qualifier_start(title, text, start);
                let title_text = &text[title_start..end];
                let found_name = doc.slice(name_span);
                // Past the grace the pack may not know the holder: say whom it knows, fix nothing.
                if let Some(stale) = self.as_of(title).and_then(|day| context.staleness(day)) {
                    out.report_capped(
                        Severity::Warning,
                        name_span,
                        &self.stale_message,
                        &[
                            title_text,
                            &stale.verified.to_string(),
                            &holder.name,
                            found_name,
                        ],
                        Vec::new(),
                    );
                    break;
                }
                out.report(
                    name_span,
                    &[title_text, &holder.described(), found_name],
                    vec![(name_span, replacement.to_owned())],
                );
                break;
            }
        }
    }

    fn facts_as_of(&self) -> Option<Date> {
        self.oldest_as_of
    }
}

/// True when the "name" after a title is words of English that no rule knows as a name: a
/// title-case headline ("Chinese Vice President Meets Business Leaders") goes on with a verb, not
/// with a person.
fn reads_as_words(doc: &Document, span: Span, context: &StoryContext<'_>) -> bool {
    split_words(doc.text(), span).into_iter().all(|word| {
        let word = doc.slice(word);
        is_english_word(word) && !context.known_names().contains(word)
    })
}

/// Where the title as written starts: at its qualifier when one stands right before it.
fn qualifier_start(title: &TitleSpec, text: &str, title_start: usize) -> usize {
    qualifier_before(title, text, title_start).unwrap_or(title_start)
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use crate::document::Document;
    use crate::engine::RuleSet;
    use crate::finding::{Finding, Severity};
    use crate::input::InputFormat;
    use crate::knowledge::freshness::PackGrace;
    use crate::knowledge::publication::{DateSource, PublicationDate};
    use crate::rules::{Context, RuleSource};

    /// A defense-minister rule verified on 2025-11-01 at `level`, its title verified on
    /// `title_verified` when given.
    fn rules(level: &str, title_verified: Option<&str>) -> RuleSet {
        let title_verified = title_verified
            .map(|day| format!("    verified: {day}\n"))
            .unwrap_or_default();
        let yaml = format!(
            "extends: titles\nmessage: \"%s is %s, not '%s'\"\nlevel: {level}\nverified: 2025-11-01\n\
             titles:\n  - title: [Defense Minister]\n    qualifiers: [Japanese]\n{title_verified}    \
             holders:\n      - name: Shinjiro Koizumi\n        since: 2025-10-21\n      - name: Gen \
             Nakatani\n        since: 2024-10-01\n        until: 2025-10-21\n"
        );
        RuleSet::compile([RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "Titles".into(),
            origin: "test".into(),
            yaml,
        }])
        .unwrap()
    }

    fn found(rules: &RuleSet, sentence: &str, day: Option<&str>, grace: u32) -> Vec<Finding> {
        let doc = Document::parse(
            format!("Talks\n\nTOKYO (AP) — {sentence}\n"),
            InputFormat::Text,
        );
        let context = Context {
            publication: day.map(|day| PublicationDate {
                date: day.parse::<Date>().unwrap(),
                time: None,
                offset: None,
                source: DateSource::CommandLine,
            }),
            pack_grace: PackGrace::days(grace),
            ..Context::default()
        };
        rules.check(&doc, &context)
    }

    /// Severity, message and first fix of each finding.
    fn described(findings: &[Finding]) -> Vec<(Severity, String, Option<String>)> {
        findings
            .iter()
            .map(|f| {
                let fix = f.suggestions.first().map(|s| s.replacement.clone());
                (f.severity, f.message.clone(), fix)
            })
            .collect()
    }

    const SUCCESSOR: &str = "Japanese Defense Minister Itsunori Onodera spoke.";

    #[test]
    fn past_the_grace_a_mismatch_is_a_warning_naming_the_packs_holder_without_a_fix() {
        let rules = rules("error", None);
        let stale = found(&rules, SUCCESSOR, Some("2026-03-01"), 90);
        assert_eq!(
            described(&stale),
            [(
                Severity::Warning,
                "Japanese Defense Minister: the pack's holder as of 2025-11-01 is Shinjiro \
                 Koizumi; the post may have changed"
                    .to_owned(),
                None
            )]
        );
        assert!(!stale[0].safe_fix);
        // Within the grace (2026-01-30 is its last day), as undated: an error with the fix.
        for day in [Some("2026-01-30"), None] {
            let fresh = found(&rules, SUCCESSOR, day, 90);
            assert_eq!(fresh[0].severity, Severity::Error, "{day:?}");
            assert_eq!(
                fresh[0].suggestions[0].replacement, "Shinjiro Koizumi",
                "{day:?}"
            );
        }
        assert_eq!(
            found(&rules, SUCCESSOR, Some("2026-03-01"), 200)[0].severity,
            Severity::Error
        );
        // The pack's own holder is still accepted past the grace.
        let holder = "Japanese Defense Minister Shinjiro Koizumi spoke.";
        assert!(found(&rules, holder, Some("2027-03-01"), 90).is_empty());
    }

    #[test]
    fn a_title_case_headline_goes_on_with_words_not_a_person() {
        let rules = rules("error", None);
        for sentence in [
            "Japanese Defense Minister Meets Business Leaders",
            "Japanese Defense Minister Vows Swift Action on Drones",
        ] {
            assert!(found(&rules, sentence, None, 90).is_empty(), "{sentence}");
        }
        // A person among the words is still a person: "Onodera" is no English word.
        let named = found(
            &rules,
            "Japanese Defense Minister Itsunori Onodera Meets",
            None,
            90,
        );
        assert_eq!(named.len(), 1);
    }

    #[test]
    fn a_stale_finding_is_never_above_the_rules_level() {
        let stale = found(
            &rules("suggestion", None),
            SUCCESSOR,
            Some("2026-03-01"),
            90,
        );
        assert_eq!(stale[0].severity, Severity::Suggestion);
    }

    #[test]
    fn a_titles_own_later_verified_date_keeps_it_fresh() {
        let rules = rules("error", Some("2026-02-15"));
        let fresh = found(&rules, SUCCESSOR, Some("2026-03-01"), 90);
        assert_eq!(fresh[0].severity, Severity::Error);
        let stale = found(&rules, SUCCESSOR, Some("2026-06-01"), 90);
        assert_eq!(
            (
                stale[0].severity,
                stale[0].message.contains("as of 2026-02-15")
            ),
            (Severity::Warning, true)
        );
        // An earlier one changes nothing: the rule's date stands.
        let rules = super::super::Rule::compile(&RuleSource {
            files: Default::default(),
            pack: "p".into(),
            name: "Titles".into(),
            origin: "test".into(),
            yaml: "extends: titles\nverified: 2025-11-01\ntitles:\n  - title: [Mayor]\n    \
                   qualifiers: [Osaka]\n    verified: 2025-01-01\n    holders:\n      - name: A B\n"
                .into(),
        })
        .unwrap()
        .unwrap();
        assert_eq!(rules.facts_verified(), "2025-11-01".parse().ok());
    }

    #[test]
    fn a_given_name_that_is_also_an_honorific_is_read_as_the_name() {
        let rules = rules("error", None);
        let former = "Japanese Defense Minister Gen Nakatani spoke.";
        // He held the post on this day: no finding, and not read as "General Nakatani".
        assert!(found(&rules, former, Some("2025-01-10"), 90).is_empty());
        let after = found(&rules, former, Some("2025-12-01"), 90);
        assert_eq!(
            after[0].suggestions[0].replacement, "Shinjiro Koizumi",
            "the whole name is replaced, not the surname after 'Gen'"
        );
        // With its period, "Gen." is a rank before a name.
        let rank = "Japanese Defense Minister Gen. Nakatani spoke.";
        assert_eq!(
            found(&rules, rank, Some("2025-12-01"), 90)[0].suggestions[0].replacement,
            "Koizumi"
        );
    }
}
