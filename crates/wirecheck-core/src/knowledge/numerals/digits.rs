//! Digits in the systems wire copy writes them in (ASCII, full-width, Arabic-Indic, Persian) and
//! the separators that group and mark decimals in each language: "1,234.5" in English,
//! "1.234,5" in German, "1 234,5" in French, "١٬٢٣٤٫٥" in Arabic, "１，２３４．５" in Japanese.
//!
//! A run whose separators do not fit the language ("1,5" in English, "1.5" in German, "1,2345")
//! is [`DigitReading::Ambiguous`]: it may be a list, a date or a slip of the other convention,
//! and a wrong value would be reported as a changed number.

use crate::knowledge::language::Language;
use crate::knowledge::quantity::Amount;

/// The value of a decimal digit of any system wirecheck reads.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(zero)).ok()
}

/// Whether `c` is a digit of any system wirecheck reads.
pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// The separators of one writing convention.
struct Separators {
    /// Marks the decimals.
    decimal: &'static [char],
    /// Groups the thousands, followed by exactly three digits.
    group: &'static [char],
    /// Spaces that group the thousands ("1 234"), when the next three digits end the group.
    space: &'static [char],
}

/// No-break space, narrow no-break space, thin space: what typesetting puts between groups.
const TYPESET_SPACES: &[char] = &['\u{00A0}', '\u{202F}', '\u{2009}'];
const ANY_SPACE: &[char] = &[' ', '\u{00A0}', '\u{202F}', '\u{2009}'];

/// The separators digits starting with `first` are written with in `language`.
fn separators(language: Language, first: char) -> Separators {
    match first {
        '٠'..='٩' | '۰'..='۹' => Separators {
            decimal: &['٫', '.'],
            group: &['٬', ','],
            space: &[],
        },
        '０'..='９' => Separators {
            decimal: &['．', '.'],
            group: &['，', ','],
            space: &[],
        },
        _ => match language {
            Language::Chinese | Language::Japanese | Language::Korean => Separators {
                decimal: &['.', '．'],
                group: &[',', '，'],
                space: &[],
            },
            Language::English => Separators {
                decimal: &['.'],
                group: &[','],
                space: &['\u{202F}', '\u{2009}'],
            },
            Language::Arabic => Separators {
                decimal: &['.', '٫'],
                group: &[',', '٬'],
                space: &[],
            },
            // Swiss copy groups with an apostrophe ("1'000").
            Language::German => Separators {
                decimal: &[','],
                group: &['.', '\'', '’'],
                space: TYPESET_SPACES,
            },
            Language::French | Language::Russian | Language::Spanish => Separators {
                decimal: &[','],
                group: &['.'],
                space: ANY_SPACE,
            },
        },
    }
}

/// What a run of digits says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DigitReading {
    /// A number: its value, the byte its run ends at, and how many digits it has.
    Number {
        /// The value.
        amount: Amount,
        /// One past its last byte.
        end: usize,
        /// How many digits it is written with, decimals included.
        digits: usize,
    },
    /// Digits and separators that make no number in the language; `end` is one past the run.
    Ambiguous {
        /// One past the last byte of the run.
        end: usize,
    },
}

/// The number written at byte `start` of `text` (a digit) in `language`'s convention.
pub(super) fn read_digits(text: &str, start: usize, language: Language) -> DigitReading {
    let Some(first) = text[start..].chars().next() else {
        return DigitReading::Ambiguous { end: start };
    };
    let separators = separators(language, first);
    let mut reader = Reader {
        text,
        pos: start,
        mantissa: Some(0),
        decimals: 0,
        digits: 0,
    };
    let first_group = reader.digit_run();
    let mut group_kind: Option<char> = None;
    let mut ambiguous = false;
    // The integer part: groups after separators.
    while let Some(c) = reader.peek() {
        let after = reader.pos + c.len_utf8();
        if separators.group.contains(&c) && text[after..].starts_with(is_digit) {
            if group_kind.is_some_and(|kind| kind != c) || first_group > 3 {
                ambiguous = true;
            }
            group_kind = Some(c);
            reader.pos = after;
            if reader.digit_run() != 3 {
                ambiguous = true;
            }
        } else if separators.space.contains(&c)
            && first_group <= 3
            && group_kind.is_none_or(|kind| separators.space.contains(&kind))
            && three_digits_end_group(&text[after..])
        {
            group_kind = Some(c);
            reader.pos = after;
            reader.digit_run();
        } else {
            break;
        }
    }
    // The decimals.
    if let Some(c) = reader.peek()
        && separators.decimal.contains(&c)
        && text[reader.pos + c.len_utf8()..].starts_with(is_digit)
    {
        reader.pos += c.len_utf8();
        reader.decimals = reader.digit_run();
        // A second separator followed by digits ("1.2.3", "1,234.5" in German): no number.
        if let Some(next) = reader.peek()
            && (separators.decimal.contains(&next) || separators.group.contains(&next))
            && text[reader.pos + next.len_utf8()..].starts_with(is_digit)
        {
            ambiguous = true;
        }
    }
    if ambiguous {
        return DigitReading::Ambiguous {
            end: run_end(text, reader.pos, &separators),
        };
    }
    let decimals = i32::try_from(reader.decimals).ok();
    match (reader.mantissa, decimals) {
        (Some(mantissa), Some(decimals)) => DigitReading::Number {
            amount: Amount::new(mantissa, -decimals),
            end: reader.pos,
            digits: reader.digits,
        },
        // Too many digits to hold: no number a story compares.
        _ => DigitReading::Ambiguous { end: reader.pos },
    }
}

/// Whether `rest` starts with exactly three digits not followed by another digit.
fn three_digits_end_group(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.by_ref().take(3).filter(|&c| is_digit(c)).count() == 3
        && !chars.next().is_some_and(is_digit)
}

/// The end of the run of digits and separators (each followed by a digit) from `pos`.
fn run_end(text: &str, mut pos: usize, separators: &Separators) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        let after = pos + c.len_utf8();
        let separator = separators.decimal.contains(&c)
            || separators.group.contains(&c)
            || separators.space.contains(&c);
        if is_digit(c) || (separator && text[after..].starts_with(is_digit)) {
            pos = after;
        } else {
            break;
        }
    }
    pos
}

/// Reads digits into an exact mantissa; `None` once it overflows.
struct Reader<'t> {
    text: &'t str,
    pos: usize,
    mantissa: Option<i128>,
    decimals: usize,
    digits: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// Reads the digits at the position; returns how many there were.
    fn digit_run(&mut self) -> usize {
        let mut count = 0;
        while let Some(c) = self.peek() {
            let Some(value) = digit_value(c) else { break };
            self.mantissa = self
                .mantissa
                .and_then(|m| m.checked_mul(10))
                .and_then(|m| m.checked_add(i128::from(value)));
            self.pos += c.len_utf8();
            count += 1;
        }
        self.digits += count;
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, language: Language) -> Option<String> {
        match read_digits(text, 0, language) {
            DigitReading::Number { amount, end, .. } => Some(format!("{amount}@{end}")),
            DigitReading::Ambiguous { .. } => None,
        }
    }

    #[test]
    fn each_language_groups_and_marks_decimals_its_own_way() {
        assert_eq!(
            read("1,234.5", Language::English).as_deref(),
            Some("1234.5@7")
        );
        assert_eq!(
            read("1.234,5", Language::German).as_deref(),
            Some("1234.5@7")
        );
        assert_eq!(
            read("1.234,5", Language::Spanish).as_deref(),
            Some("1234.5@7")
        );
        assert_eq!(
            read("1 234,5", Language::French).as_deref(),
            Some("1234.5@7")
        );
        assert_eq!(
            read("1\u{202F}234,5", Language::French).as_deref(),
            Some("1234.5@9")
        );
        assert_eq!(
            read("3\u{00A0}000 рабочих", Language::Russian).as_deref(),
            Some("3000@6")
        );
        assert_eq!(read("1,234", Language::German).as_deref(), Some("1.234@5"));
        assert_eq!(
            read("1'234,5", Language::German).as_deref(),
            Some("1234.5@7")
        );
        assert_eq!(read("1’000", Language::German).as_deref(), Some("1000@7"));
        assert_eq!(read("1.234", Language::English).as_deref(), Some("1.234@5"));
    }

    #[test]
    fn other_digit_systems_read_as_ascii() {
        assert_eq!(read("٣٠٠٠", Language::Arabic).as_deref(), Some("3000@8"));
        assert_eq!(
            read("١٬٢٣٤٫٥", Language::Arabic).as_deref(),
            Some("1234.5@14")
        );
        assert_eq!(read("۳٫۵", Language::Arabic).as_deref(), Some("3.5@6"));
        assert_eq!(read("３．５", Language::Japanese).as_deref(), Some("3.5@9"));
        assert_eq!(
            read("１２，０００", Language::Chinese).as_deref(),
            Some("12000@18")
        );
        assert_eq!(
            read("1，200人", Language::Chinese).as_deref(),
            Some("1200@7")
        );
    }

    #[test]
    fn separators_that_do_not_fit_the_language_make_no_number() {
        assert_eq!(read("1,5", Language::English), None);
        assert_eq!(read("1.5", Language::German), None);
        assert_eq!(read("1,2345", Language::English), None);
        assert_eq!(read("1234,567", Language::English), None);
        assert_eq!(read("1,234.5", Language::German), None);
        assert_eq!(read("1.2.3", Language::English), None);
        assert_eq!(read("3,5", Language::Chinese), None);
        assert_eq!(
            read_digits("1,5 and more", 0, Language::English),
            DigitReading::Ambiguous { end: 3 }
        );
    }

    #[test]
    fn a_separator_not_followed_by_a_digit_ends_the_number() {
        assert_eq!(read("3,000.", Language::English).as_deref(), Some("3000@5"));
        assert_eq!(read("3, 5", Language::English).as_deref(), Some("3@1"));
        assert_eq!(read("3,5.", Language::German).as_deref(), Some("3.5@3"));
        // A space groups only three digits that end the group.
        assert_eq!(read("12 500", Language::French).as_deref(), Some("12500@6"));
        assert_eq!(
            read("2025 100", Language::French).as_deref(),
            Some("2025@4")
        );
        assert_eq!(read("3 12", Language::French).as_deref(), Some("3@1"));
        assert_eq!(read("3 1234", Language::French).as_deref(), Some("3@1"));
        assert_eq!(read("12 500", Language::English).as_deref(), Some("12@2"));
    }

    #[test]
    fn too_many_digits_are_no_number() {
        let long = "9".repeat(60);
        assert!(matches!(
            read_digits(&long, 0, Language::English),
            DigitReading::Ambiguous { end: 60 }
        ));
    }
}
