//! English numbers spelt out: "three", "twenty-five", "three hundred", "a dozen", and the
//! article or "one" before a magnitude ("a million", "one billion"). A translation writes them
//! for digits of the original and the other way round; they are read so that they can match,
//! never as firm numbers.

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

/// The number spelt out from byte `start` of `text` (a word start); `None` when the word there
/// is no number word.
pub(super) fn read_spelled(text: &str, start: usize) -> Option<Spelled> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, &str, Needs)> {
        let spelled = read_spelled(text, 0)?;
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
}
