//! Numbers spelt out: "three", "twenty-five", "three hundred", "a dozen", "drei",
//! "dreiundzwanzig", "vingt-cinq", "treinta y cinco", "двадцать пять", "ثلاثة", Korean native
//! numerals before a counter ("세 차례"), and the article or "one" before a magnitude ("a
//! million", "eine Million", "un millón"). A translation writes them for digits of the original
//! and the other way round (German, French and Spanish copy spell out the small numbers); they
//! are read so that they can match, never as firm numbers.

use std::sync::LazyLock;

use super::words::is_word_char;
use crate::knowledge::language::{LANGUAGES, Language};
use crate::knowledge::quantity::Amount;

/// A number spelt out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Spelled {
    /// Its value.
    pub(super) amount: Amount,
    /// One past its last byte.
    pub(super) end: usize,
    /// What must follow it for it to be a number: "a" is one only before a magnitude ("a
    /// million"), "one" only before a magnitude or a unit ("one percent"); "one of them" is no
    /// number a story is checked for.
    pub(super) needs: Needs,
}

/// What must follow a spelt number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Needs {
    /// Nothing.
    Nothing,
    /// A magnitude word.
    Magnitude,
    /// A magnitude word or a unit.
    MagnitudeOrUnit,
    /// A counter after a space (Korean "세 차례", "두 명").
    Counter,
}

const ONES: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const MAGNITUDES: [&str; 4] = ["thousand", "million", "billion", "trillion"];

/// The ASCII word at byte `pos` of `text` and the byte after it.
fn word(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if len == 0 || rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((&rest[..len], pos + len))
}

/// The word after the one space at byte `pos`.
fn next_word(text: &str, pos: usize) -> Option<(&str, usize)> {
    let after = pos + text.get(pos..)?.strip_prefix(' ').map(|_| 1)?;
    word(text, after)
}

fn value_of(word: &str, list: &[&str], step: i128, first: i128) -> Option<i128> {
    let index = list.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    Some(first + step * i128::try_from(index).ok()?)
}

/// The number spelt out in `language` from byte `start` of `text` (a word start); `None` when
/// the word there is no number word.
pub(super) fn read_spelled(text: &str, start: usize, language: Language) -> Option<Spelled> {
    match language {
        Language::English => read_english(text, start),
        Language::Chinese | Language::Japanese => None,
        Language::Korean => read_korean(text, start),
        Language::Arabic
        | Language::Russian
        | Language::German
        | Language::French
        | Language::Spanish => read_listed(text, start, language),
    }
}

fn read_english(text: &str, start: usize) -> Option<Spelled> {
    let (first, mut end) = word(text, start)?;
    let is = |w: &str, expected: &str| w.eq_ignore_ascii_case(expected);
    if is(first, "a") || is(first, "an") {
        let (next, next_end) = next_word(text, end)?;
        let amount = if is(next, "dozen") {
            12
        } else if is(next, "hundred") {
            100
        } else if MAGNITUDES.iter().any(|m| is(next, m)) {
            return Some(Spelled {
                amount: Amount::integer(1),
                end,
                needs: Needs::Magnitude,
            });
        } else {
            return None;
        };
        return Some(Spelled {
            amount: Amount::integer(amount),
            end: next_end,
            needs: Needs::Nothing,
        });
    }
    let mut value = if let Some(tens) = value_of(first, &TENS, 10, 20) {
        // "twenty-five"
        let unit = text[end..]
            .strip_prefix('-')
            .and_then(|_| word(text, end + 1))
            .and_then(|(w, w_end)| Some((value_of(w, &ONES[..9], 1, 1)?, w_end)));
        match unit {
            Some((unit, unit_end)) => {
                end = unit_end;
                tens + unit
            }
            None => tens,
        }
    } else {
        value_of(first, &ONES, 1, 1)?
    };
    let mut needs = if value == 1 {
        Needs::MagnitudeOrUnit
    } else {
        Needs::Nothing
    };
    for (multiplier, factor) in [("hundred", 100), ("dozen", 12)] {
        if let Some((next, next_end)) = next_word(text, end)
            && is(next, multiplier)
        {
            value *= factor;
            end = next_end;
            needs = Needs::Nothing;
        }
    }
    Some(Spelled {
        amount: Amount::integer(value),
        end,
        needs,
    })
}

/// How a listed word counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A number ("drei", "trois").
    Number,
    /// A multiple of ten a smaller number joins ("treinta y cinco", "двадцать пять").
    Tens,
    /// "one": a number only before a magnitude or a unit.
    One,
    /// An article: one only before a magnitude ("eine Million", "un millón").
    Article,
}

use Kind::{Article, Number, One, Tens};

const GERMAN: &[(&str, i128, Kind)] = &[
    ("eine", 1, Article),
    ("einer", 1, Article),
    ("eins", 1, One),
    ("zwei", 2, Number),
    ("drei", 3, Number),
    ("vier", 4, Number),
    ("fünf", 5, Number),
    ("sechs", 6, Number),
    ("sieben", 7, Number),
    ("acht", 8, Number),
    ("neun", 9, Number),
    ("zehn", 10, Number),
    ("elf", 11, Number),
    ("zwölf", 12, Number),
    ("zwanzig", 20, Tens),
    ("dreißig", 30, Tens),
    ("vierzig", 40, Tens),
    ("fünfzig", 50, Tens),
    ("sechzig", 60, Tens),
    ("siebzig", 70, Tens),
    ("achtzig", 80, Tens),
    ("neunzig", 90, Tens),
    ("hundert", 100, Number),
    ("Dutzend", 12, Number),
];

const FRENCH: &[(&str, i128, Kind)] = &[
    ("un", 1, Article),
    ("une", 1, Article),
    ("deux", 2, Number),
    ("trois", 3, Number),
    ("quatre", 4, Number),
    ("cinq", 5, Number),
    ("six", 6, Number),
    ("sept", 7, Number),
    ("huit", 8, Number),
    ("neuf", 9, Number),
    ("dix", 10, Tens),
    ("onze", 11, Number),
    ("douze", 12, Number),
    ("treize", 13, Number),
    ("quatorze", 14, Number),
    ("quinze", 15, Number),
    ("seize", 16, Number),
    ("vingt", 20, Tens),
    ("vingts", 20, Tens),
    ("trente", 30, Tens),
    ("quarante", 40, Tens),
    ("cinquante", 50, Tens),
    ("soixante", 60, Tens),
    ("cent", 100, Number),
    ("douzaine", 12, Number),
];

const SPANISH: &[(&str, i128, Kind)] = &[
    ("un", 1, Article),
    ("una", 1, Article),
    ("uno", 1, One),
    ("dos", 2, Number),
    ("tres", 3, Number),
    ("cuatro", 4, Number),
    ("cinco", 5, Number),
    ("seis", 6, Number),
    ("siete", 7, Number),
    ("ocho", 8, Number),
    ("nueve", 9, Number),
    ("diez", 10, Number),
    ("once", 11, Number),
    ("doce", 12, Number),
    ("trece", 13, Number),
    ("catorce", 14, Number),
    ("quince", 15, Number),
    ("dieciséis", 16, Number),
    ("diecisiete", 17, Number),
    ("dieciocho", 18, Number),
    ("diecinueve", 19, Number),
    ("veinte", 20, Number),
    ("treinta", 30, Tens),
    ("cuarenta", 40, Tens),
    ("cincuenta", 50, Tens),
    ("sesenta", 60, Tens),
    ("setenta", 70, Tens),
    ("ochenta", 80, Tens),
    ("noventa", 90, Tens),
    ("cien", 100, Number),
    ("docena", 12, Number),
];

const RUSSIAN: &[(&str, i128, Kind)] = &[
    ("один", 1, One),
    ("одна", 1, One),
    ("одно", 1, One),
    ("два", 2, Number),
    ("две", 2, Number),
    ("двух", 2, Number),
    ("двум", 2, Number),
    ("двумя", 2, Number),
    ("три", 3, Number),
    ("трех", 3, Number),
    ("трёх", 3, Number),
    ("трем", 3, Number),
    ("тремя", 3, Number),
    ("четыре", 4, Number),
    ("четырех", 4, Number),
    ("четырёх", 4, Number),
    ("пять", 5, Number),
    ("пяти", 5, Number),
    ("шесть", 6, Number),
    ("шести", 6, Number),
    ("семь", 7, Number),
    ("семи", 7, Number),
    ("восемь", 8, Number),
    ("восьми", 8, Number),
    ("девять", 9, Number),
    ("девяти", 9, Number),
    ("десять", 10, Number),
    ("десяти", 10, Number),
    ("одиннадцать", 11, Number),
    ("двенадцать", 12, Number),
    ("двадцать", 20, Tens),
    ("двадцати", 20, Tens),
    ("тридцать", 30, Tens),
    ("тридцати", 30, Tens),
    ("сорок", 40, Tens),
    ("пятьдесят", 50, Tens),
    ("сто", 100, Number),
];

const ARABIC: &[(&str, i128, Kind)] = &[
    ("اثنان", 2, Number),
    ("اثنين", 2, Number),
    ("اثنتان", 2, Number),
    ("اثنتين", 2, Number),
    ("ثلاثة", 3, Number),
    ("ثلاث", 3, Number),
    ("أربعة", 4, Number),
    ("أربع", 4, Number),
    ("خمسة", 5, Number),
    ("خمس", 5, Number),
    ("ستة", 6, Number),
    ("سبعة", 7, Number),
    ("سبع", 7, Number),
    ("ثمانية", 8, Number),
    ("ثماني", 8, Number),
    ("تسعة", 9, Number),
    ("تسع", 9, Number),
    ("عشرة", 10, Number),
    ("عشر", 10, Number),
    ("عشرين", 20, Number),
    ("عشرون", 20, Number),
];

/// Korean native numerals as they stand before a counter ("두 명", "세 차례").
const KOREAN: &[(&str, i128)] = &[
    ("한", 1),
    ("두", 2),
    ("세", 3),
    ("네", 4),
    ("다섯", 5),
    ("여섯", 6),
    ("일곱", 7),
    ("여덟", 8),
    ("아홉", 9),
    ("열", 10),
    ("열한", 11),
    ("열두", 12),
    ("스무", 20),
];

/// The letters number words of `language` may start with, sorted: asked of every letter of a
/// text before anything costlier.
pub(super) fn first_letters(language: Language) -> &'static [char] {
    let index = LANGUAGES.iter().position(|&l| l == language);
    index
        .and_then(|index| FIRST_LETTERS.get(index))
        .map_or(&[], Vec::as_slice)
}

/// The letters number words of each language start with, in both cases.
static FIRST_LETTERS: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    LANGUAGES
        .into_iter()
        .map(|language| {
            let forms: Vec<&str> = match language {
                Language::English => ONES
                    .iter()
                    .chain(&TENS)
                    .chain(&["a", "an"])
                    .copied()
                    .collect(),
                Language::Korean => KOREAN.iter().map(|(form, _)| *form).collect(),
                _ => listed(language).iter().map(|(form, ..)| *form).collect(),
            };
            let mut letters: Vec<char> = forms
                .iter()
                .filter_map(|form| form.chars().next())
                .flat_map(|c| {
                    [c].into_iter()
                        .chain(c.to_lowercase())
                        .chain(c.to_uppercase())
                })
                .collect();
            letters.sort_unstable();
            letters.dedup();
            letters
        })
        .collect()
});

fn listed(language: Language) -> &'static [(&'static str, i128, Kind)] {
    match language {
        Language::German => GERMAN,
        Language::French => FRENCH,
        Language::Spanish => SPANISH,
        Language::Russian => RUSSIAN,
        Language::Arabic => ARABIC,
        _ => &[],
    }
}

/// The letters (and, in French, inner hyphens: "vingt-cinq") at byte `pos` of `text`, when they
/// make a whole word, and the byte after them.
fn letters(text: &str, pos: usize, hyphens: bool) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let mut len = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_hyphen = hyphens
            && c == '-'
            && len > 0
            && chars.peek().is_some_and(|&(_, next)| is_letter(next));
        if !(is_letter(c) || inner_hyphen) {
            break;
        }
        len = at + c.len_utf8();
    }
    if len == 0 || rest[len..].starts_with(is_word_char) {
        return None;
    }
    Some((&rest[..len], pos + len))
}

fn is_letter(c: char) -> bool {
    is_word_char(c) && !c.is_ascii_digit() && !super::digits::is_digit(c)
}

fn lookup(word: &str, language: Language) -> Option<(i128, Kind)> {
    listed(language).iter().find_map(|&(form, value, kind)| {
        (form.len() == word.len() && same_word(form, word)).then_some((value, kind))
    })
}

fn same_word(a: &str, b: &str) -> bool {
    let mut other = b.chars();
    a.chars().all(|x| {
        other
            .next()
            .is_some_and(|y| x == y || x.to_lowercase().eq(y.to_lowercase()))
    }) && other.next().is_none()
}

/// A number word of German, French, Spanish, Russian or Arabic at `start`.
fn read_listed(text: &str, start: usize, language: Language) -> Option<Spelled> {
    let (word, mut end) = letters(text, start, language == Language::French)?;
    let (mut value, kind) = match lookup(word, language) {
        Some(found) => found,
        None => (compound(word, language)?, Number),
    };
    let needs = match kind {
        Article => Needs::Magnitude,
        One => Needs::MagnitudeOrUnit,
        Number | Tens => Needs::Nothing,
    };
    // "treinta y cinco", "двадцать пять": the tens and the number after them.
    if kind == Tens {
        let joiner = match language {
            Language::Spanish => " y ",
            Language::Russian => " ",
            _ => "",
        };
        if !joiner.is_empty()
            && let Some(after) = text[end..].strip_prefix(joiner)
            && let Some((next, next_end)) = letters(after, 0, false)
            && let Some((unit, Number)) = lookup(next, language)
            && unit < 10
        {
            value += unit;
            end += joiner.len() + next_end;
        }
    }
    Some(Spelled {
        amount: Amount::integer(value),
        end,
        needs,
    })
}

/// A German number written as one word ("dreiundzwanzig") or a French one with hyphens
/// ("vingt-cinq", "dix-huit", "quatre-vingt-dix").
fn compound(word: &str, language: Language) -> Option<i128> {
    match language {
        // The shortest is "einundzwanzig".
        Language::German if word.len() >= 13 => {
            let lower = word.to_lowercase();
            let (unit, tens) = lower.split_once("und")?;
            let unit = if unit == "ein" {
                1
            } else {
                lookup(unit, language)?.0
            };
            let (tens, Tens) = lookup(tens, language)? else {
                return None;
            };
            (unit < 10).then_some(unit + tens)
        }
        Language::French if word.contains('-') => {
            let mut parts = word
                .split('-')
                .filter(|part| !part.eq_ignore_ascii_case("et"));
            let mut value = 0;
            let mut previous: Option<i128> = None;
            for part in parts.by_ref() {
                let (number, _) = lookup(part, language)?;
                value = match previous {
                    // "quatre-vingts": four twenties.
                    Some(4) if number == 20 && value == 4 => 80,
                    _ => value + number,
                };
                previous = Some(number);
            }
            (previous.is_some() && value < 100).then_some(value)
        }
        _ => None,
    }
}

/// A Korean native numeral at `start`, read only before a space and a counter.
fn read_korean(text: &str, start: usize) -> Option<Spelled> {
    let (word, end) = letters(text, start, false)?;
    let &(_, value) = KOREAN.iter().find(|(form, _)| *form == word)?;
    text[end..].starts_with(' ').then_some(Spelled {
        amount: Amount::integer(value),
        end,
        needs: Needs::Counter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, &str, Needs)> {
        let spelled = read_spelled(text, 0, Language::English)?;
        Some((
            spelled.amount.to_string(),
            &text[..spelled.end],
            spelled.needs,
        ))
    }

    #[test]
    fn spelt_numbers_read_as_their_values() {
        assert_eq!(
            read("three workers"),
            Some(("3".into(), "three", Needs::Nothing))
        );
        assert_eq!(
            read("Twenty-five people"),
            Some(("25".into(), "Twenty-five", Needs::Nothing))
        );
        assert_eq!(
            read("three hundred troops"),
            Some(("300".into(), "three hundred", Needs::Nothing))
        );
        assert_eq!(
            read("a dozen ships"),
            Some(("12".into(), "a dozen", Needs::Nothing))
        );
        assert_eq!(
            read("two dozen"),
            Some(("24".into(), "two dozen", Needs::Nothing))
        );
        assert_eq!(read("a million"), Some(("1".into(), "a", Needs::Magnitude)));
        assert_eq!(
            read("one percent"),
            Some(("1".into(), "one", Needs::MagnitudeOrUnit))
        );
        assert_eq!(
            read("twenty-something"),
            Some(("20".into(), "twenty", Needs::Nothing))
        );
    }

    #[test]
    fn other_words_are_no_numbers() {
        assert_eq!(read("a plan"), None);
        assert_eq!(read("often"), None);
        assert_eq!(read("tens"), None);
        assert_eq!(read("threes"), None);
        assert_eq!(read("an"), None);
    }

    fn read_in(text: &str, language: Language) -> Option<(String, &str)> {
        let spelled = read_spelled(text, 0, language)?;
        Some((spelled.amount.to_string(), &text[..spelled.end]))
    }

    #[test]
    fn other_languages_spell_their_numbers() {
        let cases = [
            ("drei Systeme", Language::German, "3", "drei"),
            (
                "Dreiundzwanzig Menschen",
                Language::German,
                "23",
                "Dreiundzwanzig",
            ),
            ("einundzwanzig", Language::German, "21", "einundzwanzig"),
            ("vingt-cinq soldats", Language::French, "25", "vingt-cinq"),
            ("dix-huit", Language::French, "18", "dix-huit"),
            (
                "quatre-vingt-dix",
                Language::French,
                "90",
                "quatre-vingt-dix",
            ),
            ("soixante-quinze", Language::French, "75", "soixante-quinze"),
            ("vingt-et-un", Language::French, "21", "vingt-et-un"),
            (
                "treinta y cinco años",
                Language::Spanish,
                "35",
                "treinta y cinco",
            ),
            ("tres buques", Language::Spanish, "3", "tres"),
            (
                "двадцать пять человек",
                Language::Russian,
                "25",
                "двадцать пять",
            ),
            ("трёх стран", Language::Russian, "3", "трёх"),
            ("ثلاثة أيام", Language::Arabic, "3", "ثلاثة"),
            ("세 차례", Language::Korean, "3", "세"),
        ];
        for (text, language, value, span) in cases {
            assert_eq!(
                read_in(text, language),
                Some((value.to_owned(), span)),
                "{text}"
            );
        }
        for (text, language) in [
            ("dreimal", Language::German),
            ("troisième", Language::French),
            ("vingt-quelque", Language::French),
            ("세계", Language::Korean),
            ("세", Language::Korean),
        ] {
            assert_eq!(read_in(text, language), None, "{text}");
        }
    }
}
