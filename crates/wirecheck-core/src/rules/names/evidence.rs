//! What stands beside a word that is a near miss of a known name, and whether it says the word is
//! that person: another token of the same name ("Yvette" before "Copper"), across the name's
//! particles ("Ursula von der Leyden"), the name's whole run of particles ("von der Leyden"), an
//! initial of another token ("U. von der Leyden"), or a title that person holds or held, as a
//! `titles` rule lists it, written as that rule counts it (with its qualifier unless it needs
//! none: "Chinese Vice President Han Zhen").
//!
//! A neighbour proves nothing when it is the very token the word would become ("David Davis" is
//! no "David David"), and, between syllables of one romanization system, a neighbour that is
//! itself a syllable of it proves nothing either: "Li Qian" is a person of her own, not "Li
//! Qiang" misspelt; only his title makes her him.

use crate::document::{Document, WordSlice};
use crate::knowledge::name_index::fold;
use crate::knowledge::romanization::{Systems, syllable_systems};
use crate::span::Span;

/// A title and its holders, as a `titles` rule knows them, lent to the `names` rules so that a
/// title can show whose name follows it.
#[derive(Clone, Debug, Default)]
pub(crate) struct PersonTitle {
    /// The title's phrases ("Vice President").
    pub(crate) phrases: Vec<String>,
    /// The words that give it its country ("Chinese", "China's"), its country among them.
    pub(crate) qualifiers: Vec<String>,
    /// True when the title counts without a qualifier.
    pub(crate) unqualified: bool,
    /// Everyone who held it, in any period.
    pub(crate) holders: Vec<String>,
}

/// The folded tokens of one name entry, as [`super::Names`] stores them: one a line, a particle
/// (a word the name writes in lower case: "von", "der", "bin") after a space.
#[derive(Clone, Copy)]
pub(super) struct EntryTokens<'a>(pub(super) &'a str);

impl<'a> EntryTokens<'a> {
    /// The line that stores `token` (written as in the name), and whether it is a particle.
    pub(super) fn line(token: &str) -> String {
        let folded = fold(token);
        if token.starts_with(char::is_lowercase) {
            format!(" {folded}\n")
        } else {
            format!("{folded}\n")
        }
    }

    fn names(self) -> impl Iterator<Item = &'a str> {
        self.0.lines().filter(|t| !t.starts_with(' '))
    }

    fn is_particle(self, folded: &str) -> bool {
        self.0
            .lines()
            .filter_map(|t| t.strip_prefix(' '))
            .any(|t| t == folded)
    }

    fn particle_count(self) -> usize {
        self.0.lines().filter(|t| t.starts_with(' ')).count()
    }

    /// True when `folded` is a token of the name other than `target`, and tells more than a
    /// syllable of `systems` would.
    fn is_other_token(self, folded: &str, target: &str, systems: Systems) -> bool {
        folded != target
            && self.names().any(|t| t == folded)
            && syllable_systems(folded).and(systems).is_empty()
    }

    /// True when `letter` (upper case) is the initial of a token of the name other than `target`,
    /// or one of the letters of a token written in initials ("JD").
    fn has_initial(self, letter: char, target: &str) -> bool {
        let letter = letter.to_lowercase().next().unwrap_or(letter);
        self.names()
            .filter(|t| *t != target)
            .any(|t| t.starts_with(letter) || (t.len() <= 3 && t.contains(letter)))
    }
}

/// The word beside a name, taken apart only as far as evidence needs.
struct Neighbour<'d> {
    span: Span,
    folded: String,
    written: &'d str,
}

fn neighbour<'d>(doc: &'d Document, words: WordSlice<'_>, i: usize) -> Option<Neighbour<'d>> {
    let span = words.get(i)?;
    let written = doc.slice(span);
    Some(Neighbour {
        span,
        folded: fold(written),
        written,
    })
}

/// True when only spaces (a no-break space too) stand between two words of one name.
fn joined(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// True when `between` joins an initial to the next word: "U. von", "U von".
fn joined_after_initial(between: &str) -> bool {
    joined(between.strip_prefix('.').unwrap_or(between))
}

/// A single capital letter standing as a word: an initial.
fn initial_of(written: &str) -> Option<char> {
    let mut chars = written.chars();
    let first = chars.next()?;
    (chars.next().is_none() && first.is_uppercase()).then_some(first)
}

/// Evidence that the word `at` names the entry of `tokens`, whose near miss `target` (folded) it
/// is; `systems` are the romanization systems of which both are one syllable.
pub(super) fn beside_own_name(
    doc: &Document,
    words: WordSlice<'_>,
    at: usize,
    tokens: EntryTokens<'_>,
    target: &str,
    systems: Systems,
) -> bool {
    let text = doc.text();
    let Some(word) = words.get(at) else {
        return false;
    };
    // Leftwards, across the name's particles.
    let mut right = word;
    let mut particles = 0;
    let mut i = at;
    while i > 0 {
        let Some(left) = neighbour(doc, words, i - 1) else {
            break;
        };
        let between = &text[left.span.end..right.start];
        if let Some(letter) = initial_of(left.written) {
            if joined_after_initial(between) && systems.is_empty() {
                return tokens.has_initial(letter, target);
            }
            break;
        }
        if !joined(between) {
            break;
        }
        if tokens.is_particle(&left.folded) {
            particles += 1;
            right = left.span;
            i -= 1;
            continue;
        }
        if tokens.is_other_token(&left.folded, target, systems) {
            return true;
        }
        break;
    }
    // The name's whole run of two particles or more ("von der", "de la") is its own.
    if particles >= 2 && particles == tokens.particle_count() && systems.is_empty() {
        return true;
    }
    // Rightwards: a family name after a given name, or the rest of the name.
    let mut left = word;
    let mut i = at + 1;
    while let Some(next) = neighbour(doc, words, i) {
        if !joined(&text[left.end..next.span.start]) {
            break;
        }
        if tokens.is_particle(&next.folded) {
            left = next.span;
            i += 1;
            continue;
        }
        return tokens.is_other_token(&next.folded, target, systems);
    }
    false
}

/// Where the name that ends with the word `at` starts: before the tokens, particles and initials
/// of the entry written right before it.
fn start_of_name(
    doc: &Document,
    words: WordSlice<'_>,
    at: usize,
    tokens: EntryTokens<'_>,
) -> usize {
    let text = doc.text();
    let Some(word) = words.get(at) else {
        return 0;
    };
    let mut start = word;
    let mut i = at;
    while i > 0 {
        let Some(left) = neighbour(doc, words, i - 1) else {
            break;
        };
        let between = &text[left.span.end..start.start];
        let of_name = if initial_of(left.written).is_some() {
            joined_after_initial(between)
        } else {
            joined(between)
                && (tokens.is_particle(&left.folded) || tokens.names().any(|t| t == left.folded))
        };
        if !of_name {
            break;
        }
        start = left.span;
        i -= 1;
    }
    start.start
}

/// True when one of `titles` stands right before the name that ends with the word `at`, counted
/// as the `titles` rule counts it: with one of its qualifiers before it, unless it needs none.
pub(super) fn after_own_title(
    doc: &Document,
    words: WordSlice<'_>,
    at: usize,
    tokens: EntryTokens<'_>,
    titles: &[&PersonTitle],
) -> bool {
    if titles.is_empty() {
        return false;
    }
    let text = doc.text();
    let before = text[..start_of_name(doc, words, at, tokens)].trim_end_matches([' ', '\u{a0}']);
    titles.iter().any(|title| {
        title.phrases.iter().any(|phrase| {
            ends_with_phrase(before, phrase).is_some_and(|phrase_start| {
                title.unqualified || {
                    let before_title = before[..phrase_start].trim_end_matches([' ', '\u{a0}']);
                    title
                        .qualifiers
                        .iter()
                        .any(|q| ends_with_phrase(before_title, q).is_some())
                }
            })
        })
    })
}

/// Where `phrase` starts when `text` ends with it at a word's start: a space in it matching a
/// no-break space too, a straight apostrophe a curly one.
fn ends_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    let mut at = text.len();
    for wanted in phrase.chars().rev() {
        let found = text[..at].chars().next_back()?;
        let same = found == wanted
            || (wanted == ' ' && found == '\u{a0}')
            || (wanted == '\'' && found == '’');
        if !same {
            return None;
        }
        at -= found.len_utf8();
    }
    let at_word_start = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    at_word_start.then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::InputFormat;
    use crate::knowledge::romanization::syllable_systems;

    fn tokens(name: &str) -> String {
        name.split(' ').map(EntryTokens::line).collect()
    }

    /// Evidence for the word `word` of `text` as a near miss of `target` in `name`.
    fn beside(text: &str, word: &str, name: &str, target: &str) -> bool {
        let doc = Document::parse(format!("Headline\n\n{text}\n"), InputFormat::Text);
        let words = doc.words.all();
        let at = (0..words.len())
            .find(|&i| words.get(i).is_some_and(|w| doc.slice(w) == word))
            .expect("the word is in the text");
        let systems = syllable_systems(word).and(syllable_systems(target));
        let tokens = tokens(name);
        beside_own_name(
            &doc,
            words,
            at,
            EntryTokens(&tokens),
            &fold(target),
            systems,
        )
    }

    #[test]
    fn another_token_of_the_name_on_either_side_is_evidence() {
        assert!(beside(
            "Yvette Copper said",
            "Copper",
            "Yvette Cooper",
            "Cooper"
        ));
        assert!(beside("Copper Yvette", "Copper", "Yvette Cooper", "Cooper"));
        assert!(!beside(
            "the Copper said",
            "Copper",
            "Yvette Cooper",
            "Cooper"
        ));
        assert!(
            !beside("Yvette, Copper said", "Copper", "Yvette Cooper", "Cooper"),
            "a comma parts them"
        );
    }

    #[test]
    fn the_token_the_word_would_become_is_no_evidence() {
        assert!(!beside("David Davis said", "Davis", "David Lammy", "David"));
    }

    #[test]
    fn particles_are_crossed_and_their_whole_run_is_evidence() {
        let name = "Ursula von der Leyen";
        assert!(beside(
            "Ursula von der Leyden said",
            "Leyden",
            name,
            "Leyen"
        ));
        assert!(beside(
            "President von der Leyden said",
            "Leyden",
            name,
            "Leyen"
        ));
        assert!(
            !beside("the der Leyden said", "Leyden", name, "Leyen"),
            "one particle of two is not the name's run"
        );
        assert!(
            !beside("Salman bin Salmon", "Salmon", "Khalid bin Salman", "Salman"),
            "a single particle proves nothing, and Salman is the target"
        );
        assert!(beside(
            "Khalid bin Salmon",
            "Salmon",
            "Khalid bin Salman",
            "Salman"
        ));
    }

    #[test]
    fn an_initial_of_another_token_is_evidence() {
        assert!(beside(
            "U. von der Leyden",
            "Leyden",
            "Ursula von der Leyen",
            "Leyen"
        ));
        assert!(beside("Y. Copper", "Copper", "Yvette Cooper", "Cooper"));
        assert!(!beside("K. Copper", "Copper", "Yvette Cooper", "Cooper"));
    }

    #[test]
    fn a_syllable_beside_a_syllable_of_the_same_system_proves_nothing() {
        assert!(!beside("Li Qian won", "Qian", "Li Qiang", "Qiang"));
        assert!(!beside("Han Zhong said", "Zhong", "Han Zheng", "Zheng"));
        assert!(beside("Xi Jinpin said", "Jinpin", "Xi Jinping", "Jinping"));
    }

    fn titled(text: &str, word: &str, name: &str, title: &PersonTitle) -> bool {
        let doc = Document::parse(format!("Headline\n\n{text}\n"), InputFormat::Text);
        let words = doc.words.all();
        let at = (0..words.len())
            .find(|&i| words.get(i).is_some_and(|w| doc.slice(w) == word))
            .expect("the word is in the text");
        let tokens = tokens(name);
        after_own_title(&doc, words, at, EntryTokens(&tokens), &[title])
    }

    #[test]
    fn a_title_counts_with_its_qualifier_unless_it_needs_none() {
        let title = PersonTitle {
            phrases: vec!["Vice President".into()],
            qualifiers: vec!["Chinese".into(), "China's".into()],
            unqualified: false,
            holders: vec!["Han Zheng".into()],
        };
        let name = "Han Zheng";
        assert!(titled(
            "Chinese Vice President Han Zhen",
            "Zhen",
            name,
            &title
        ));
        assert!(titled(
            "China’s Vice President Zhong",
            "Zhong",
            name,
            &title
        ));
        assert!(titled(
            "Chinese Vice\u{a0}President Zhong",
            "Zhong",
            name,
            &title
        ));
        assert!(!titled("Vice President Zhong", "Zhong", name, &title));
        assert!(!titled(
            "Chinese Vice President Wei Zhong",
            "Zhong",
            name,
            &title
        ));
        let unqualified = PersonTitle {
            unqualified: true,
            ..title
        };
        assert!(titled("Vice President Zhong", "Zhong", name, &unqualified));
        assert!(!titled(
            "Senior Vice Presidents Zhong",
            "Zhong",
            name,
            &unqualified
        ));
    }
}
