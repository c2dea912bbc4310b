//! Numbers in every language and numeral system wire copy uses, read as exact values with what
//! they count: "1200万美元" and "$12 million" are both twelve million US dollars, "３．５％" and
//! "百分之三点五" both 3.5 percent, "٣٠٠٠" is 3000, "1.234,5" in German 1234.5.
//!
//! [`find_numbers`] scans a text once, left to right. Where digits, CJK numerals or a number
//! word start, it reads the number ([`digits`], [`cjk`], [`spelled`]), then the words after it
//! ([`words`]: a magnitude, a currency, a percent sign, a unit or a counter) and the currency
//! sign before it. The first number of a range or list takes the second's words ("3-5%",
//! "1～3月", "3～5万人"). Precision comes first, because a number read wrongly is reported as
//! changed:
//! - digits run into a name or a code ("G7", "F-35", "COVID-19"), times and ratios ("10:30",
//!   "24/7") and separators that do not fit the language ("1,5" in English) are not read;
//! - CJK numerals are everyday words too (一些, 统一, 十分, 万一): numerals alone are read only
//!   before a counter or a unit ("三千名", "二十五岁"), and are firm only when written with more
//!   than one character and not inside a known word; ranges ("三四百") are not read;
//! - what a translation often words otherwise is read but not firm (see [`Quantity::firm`]):
//!   spelt numbers, ordinals, multiples ("2倍"), countries ("3국"), "points", numbers of dates
//!   and times ("2026年", "3日", "10 a.m."), digits written onto unknown letters ("5G", "12m").

mod cjk;
mod digits;
mod spelled;
mod words;

pub(crate) use digits::digit_value;

#[cfg(test)]
mod tests;

use cjk::NumeralReading;
use digits::DigitReading;
use spelled::Needs;
use words::{CurrencySign, Meaning};

use crate::knowledge::language::Language;
use crate::knowledge::quantity::{Amount, Measure, Quantity, QuantityValue, Unit};
use crate::span::Span;

/// The numbers written in `span` of `text` in `language`, in text order and without overlaps,
/// each with its currency, magnitude and unit or counter in its span ("1200万美元", "$12
/// million", "3000名", "12 млн долларов"). Dates are not read as dates here, but the digits of
/// a CJK date ("5月3日", "2026年") are never firm.
pub(crate) fn find_numbers(text: &str, span: Span, language: Language) -> Vec<Quantity> {
    let Some(haystack) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut finder = Finder {
        text: haystack,
        language,
        found: Vec::new(),
        floor: 0,
        first_letters: spelled::first_letters(language),
        carried: None,
    };
    finder.run();
    finder
        .found
        .into_iter()
        .map(|quantity| Quantity {
            span: quantity.span.shift(span.start),
            ..quantity
        })
        .collect()
}

struct Finder<'t> {
    text: &'t str,
    language: Language,
    found: Vec<Quantity>,
    /// Where the last number ended: nothing before it is read again.
    floor: usize,
    /// The letters a number word of the language starts with.
    first_letters: &'static [char],
    /// The currency sign of a range's first number, for its second ("$3-5 million"), and where
    /// the second starts.
    carried: Option<(usize, CurrencySign)>,
}

/// How a number was written.
#[derive(Clone, Copy, Debug)]
enum Core {
    /// With digits, of any system.
    Digits,
    /// With CJK numerals alone, in so many characters.
    Numerals { chars: usize },
    /// Spelt out in words.
    Spelled(Needs),
}

/// A number as read before the words around it.
struct Written {
    start: usize,
    end: usize,
    amount: Amount,
    core: Core,
    /// After 第 or 제: an ordinal.
    ordinal: bool,
    /// After 百分之: a percentage.
    percent: bool,
}

impl Finder<'_> {
    fn run(&mut self) {
        let mut pos = 0;
        while let Some(c) = self.text[pos..].chars().next() {
            pos = match self.number_at(pos, c) {
                Some(end) if end > pos => end,
                _ => pos + c.len_utf8(),
            };
        }
    }

    /// Reads the number that may start at `pos` with `c`; the byte to go on from, or `None` to
    /// go on with the next character.
    fn number_at(&mut self, pos: usize, c: char) -> Option<usize> {
        if digits::is_digit(c) {
            return Some(self.digits_at(pos));
        }
        match self.language {
            Language::Chinese if c == '百' && self.text[pos..].starts_with("百分之") => {
                self.percent_of_at(pos)
            }
            Language::Chinese | Language::Japanese if cjk::starts_numeral(c) => {
                self.numerals_at(pos)
            }
            _ if self.first_letters.binary_search(&c).is_ok()
                && !self.before(pos).is_some_and(words::is_word_char) =>
            {
                self.spelled_at(pos)
            }
            _ => None,
        }
    }

    fn before(&self, pos: usize) -> Option<char> {
        self.text[..pos].chars().next_back()
    }

    /// A number written with digits at `pos`.
    fn digits_at(&mut self, pos: usize) -> usize {
        // "CNY5", "RMB5": a currency code written onto the number is no name.
        let code = words::currency_before(self.text, pos, self.floor).is_some();
        if !code && self.glued_to_name(pos) {
            return self.token_end(pos);
        }
        let (amount, end) = match self.read_digits(pos) {
            Ok(read) => read,
            Err(end) => return end,
        };
        // "10:30", "24/7", "5/3": times, ratios and dates, no counts.
        let rest = &self.text[end..];
        if rest.starts_with([':', '/']) && rest[1..].starts_with(digits::is_digit) {
            return self.token_end(pos);
        }
        let before = &self.text[..pos];
        let written = Written {
            start: pos,
            end,
            amount,
            core: Core::Digits,
            ordinal: before.ends_with('第') || before.ends_with('제'),
            percent: false,
        };
        self.finish(written).unwrap_or(end)
    }

    /// The digits at `pos` (with myriads, in CJK): their value and end, or the end of what they
    /// fail to make a number of.
    fn read_digits(&self, pos: usize) -> Result<(Amount, usize), usize> {
        if matches!(
            self.language,
            Language::Chinese | Language::Japanese | Language::Korean
        ) {
            return match cjk::read_numeral(self.text, pos, self.language) {
                Some(NumeralReading::Number(numeral)) => Ok((numeral.amount, numeral.end)),
                Some(NumeralReading::Ambiguous { end }) => Err(end),
                None => Err(self.token_end(pos)),
            };
        }
        match digits::read_digits(self.text, pos, self.language) {
            DigitReading::Number { amount, end, .. } => Ok((amount, end)),
            DigitReading::Ambiguous { end } => Err(end),
        }
    }

    /// Whether the digits at `pos` are part of a name or a code: written onto a letter ("G7",
    /// "MH17") or after a letter and a hyphen ("F-35", "COVID-19", "Су-35"). An Arabic
    /// conjunction or preposition written onto the number ("و3", "بـ3") is no name.
    fn glued_to_name(&self, pos: usize) -> bool {
        let mut before = self.text[..pos].chars().rev();
        match before.next() {
            Some('-') => before.next().is_some_and(words::is_spaced_letter),
            Some('ـ') => false,
            Some(c) if "وبلفك".contains(c) => {
                before.next().is_some_and(words::is_spaced_letter)
            }
            Some(c) => words::is_spaced_letter(c),
            None => false,
        }
    }

    /// The end of the code or name that starts at `pos`: its letters, digits and inner
    /// punctuation.
    fn token_end(&self, pos: usize) -> usize {
        let mut end = pos;
        let mut chars = self.text[pos..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let part = |c: char| digits::is_digit(c) || words::is_spaced_letter(c);
            let inner = matches!(c, '.' | ',' | ':' | '/' | '-')
                && chars.peek().is_some_and(|&(_, next)| part(next));
            if !(part(c) || inner) {
                break;
            }
            end = pos + offset + c.len_utf8();
        }
        end.max(pos + 1)
    }

    /// A number written in CJK numerals alone at `pos` ("三千名", "二十五岁").
    fn numerals_at(&mut self, pos: usize) -> Option<usize> {
        let numeral = match cjk::read_numeral(self.text, pos, self.language)? {
            NumeralReading::Number(numeral) => numeral,
            NumeralReading::Ambiguous { end } => return Some(end),
        };
        let before = &self.text[..pos];
        let after = &self.text[numeral.end..];
        // "数千人", "几十名", "十几个": some number, not one.
        let vague = ["数", "數", "几", "幾"];
        if vague
            .iter()
            .any(|w| before.ends_with(w) || after.starts_with(w))
        {
            return Some(numeral.end);
        }
        // "星期五", "周一": a weekday.
        let weekday = ["星期", "礼拜", "禮拜", "周", "週"];
        if numeral.chars == 1 && weekday.iter().any(|w| before.ends_with(w)) {
            return Some(numeral.end);
        }
        let written = Written {
            start: pos,
            end: numeral.end,
            amount: numeral.amount,
            core: Core::Numerals {
                chars: numeral.chars,
            },
            ordinal: before.ends_with('第'),
            percent: false,
        };
        Some(self.finish(written).unwrap_or(numeral.end))
    }

    /// A percentage written 百分之 and a number ("百分之三点五", "百分之3.5") at `pos`.
    fn percent_of_at(&mut self, pos: usize) -> Option<usize> {
        let start = pos + "百分之".len();
        let c = self.text[start..].chars().next()?;
        let (amount, end, core) = if digits::is_digit(c) {
            let (amount, end) = self.read_digits(start).ok()?;
            (amount, end, Core::Digits)
        } else if cjk::starts_numeral(c) {
            match cjk::read_numeral(self.text, start, self.language)? {
                NumeralReading::Number(numeral) => (
                    numeral.amount,
                    numeral.end,
                    Core::Numerals {
                        chars: numeral.chars,
                    },
                ),
                NumeralReading::Ambiguous { end } => return Some(end),
            }
        } else {
            return None;
        };
        let written = Written {
            start: pos,
            end,
            amount,
            core,
            ordinal: false,
            percent: true,
        };
        Some(self.finish(written).unwrap_or(end))
    }

    /// A number spelt out at `pos` ("three", "a dozen", "two million", "drei", "세 차례").
    fn spelled_at(&mut self, pos: usize) -> Option<usize> {
        let spelled = spelled::read_spelled(self.text, pos, self.language)?;
        let written = Written {
            start: pos,
            end: spelled.end,
            amount: spelled.amount,
            core: Core::Spelled(spelled.needs),
            ordinal: false,
            percent: false,
        };
        Some(self.finish(written).unwrap_or(spelled.end))
    }

    /// The word at `pos`, written onto the number or after one space (in English also after a
    /// hyphen: "a 12-km road"), with the byte it ends at. An ordinal ending is only written onto
    /// the number.
    fn word_after(&self, pos: usize) -> Option<(Meaning, usize)> {
        if let Some(found) = words::word_at(self.text, pos, self.language) {
            return Some(found);
        }
        let rest = &self.text[pos..];
        let gap = match words::space_len(rest) {
            0 if self.language == Language::English && rest.starts_with('-') => 1,
            gap => gap,
        };
        if gap == 0 {
            return None;
        }
        words::word_at(self.text, pos + gap, self.language)
            .filter(|(meaning, _)| *meaning != Meaning::Ordinal)
    }

    /// Reads the words around a number and records it; the byte it ends at, or `None` when it
    /// is not recorded (numerals without a counter, "one" without a unit).
    fn finish(&mut self, written: Written) -> Option<usize> {
        let mut reading = self.read_words(&written);
        if !reading.worded
            && !matches!(written.core, Core::Spelled(_))
            && let Some(partner) = self.range_partner(&written)
        {
            reading.join_range(&partner, self.core_has_units(&written));
            if let (Some(sign), None) = (reading.sign, partner.sign) {
                self.carried = Some((partner.start, sign));
            }
        }
        let recorded = match written.core {
            Core::Digits | Core::Spelled(Needs::Nothing) => true,
            Core::Numerals { .. } => reading.worded,
            Core::Spelled(Needs::Magnitude) => reading.power > 0,
            Core::Spelled(Needs::MagnitudeOrUnit) => reading.power > 0 || reading.unit_word,
            Core::Spelled(Needs::Counter) => reading.worded,
        };
        if !recorded {
            return None;
        }
        self.found.push(Quantity {
            span: Span::new(reading.start, reading.end),
            value: QuantityValue::Number {
                amount: reading.amount,
                unit: reading.unit,
            },
            firm: reading.firm,
        });
        self.floor = reading.end;
        Some(reading.end)
    }

    /// The number `written` with the currency sign before it and the words after it.
    fn read_words(&self, written: &Written) -> Reading {
        let sign = words::currency_before(self.text, written.start, self.floor).or_else(|| {
            self.carried
                .filter(|&(start, _)| start == written.start)
                .map(|(start, sign)| (sign, start))
        });
        let mut amount = written.amount;
        let mut end = written.end;
        let mut power = 0;
        let mut meaning = None;
        let mut unclear = false;
        let approximate = end + words::approximate_len(&self.text[end..], self.language);
        let first = self
            .word_after(end)
            .or_else(|| (approximate > end).then(|| self.word_after(approximate))?);
        match first {
            Some((Meaning::Magnitude(magnitude), word_end)) => {
                power = magnitude;
                end = word_end;
            }
            Some((Meaning::MoneyMagnitude(magnitude), word_end)) if sign.is_some() => {
                power = magnitude;
                end = word_end;
            }
            Some((Meaning::MetreOrMillion, word_end)) => {
                if sign.is_some() {
                    power = 6;
                    end = word_end;
                } else if word_end > end + 1 {
                    meaning = Some(Meaning::Unit(Unit::Measure(Measure::Metre)));
                    end = word_end;
                } else {
                    // "12m" without a currency: millions or metres.
                    unclear = true;
                }
            }
            // "3 won": the verb, maybe; "12mn" without a currency.
            Some((Meaning::UnitAfterMagnitude(_) | Meaning::MoneyMagnitude(_), _)) => {}
            Some((found, word_end)) => {
                meaning = Some(found);
                end = word_end;
            }
            None => {}
        }
        if power > 0 {
            amount = amount.times_ten_to(power);
            let linked = end + words::linker_len(&self.text[end..], self.language);
            let second = self
                .word_after(end)
                .or_else(|| (linked > end).then(|| self.word_after(linked))?);
            if let Some((
                found @ (Meaning::Unit(_) | Meaning::UnitAfterMagnitude(_) | Meaning::Counter),
                word_end,
            )) = second
            {
                meaning = Some(found);
                end = word_end;
            }
        }
        // "3D", "5G", "300mm": digits written onto letters that say no unit wirecheck knows.
        if end == written.end
            && self.text[end..]
                .chars()
                .next()
                .is_some_and(words::is_spaced_letter)
        {
            unclear = true;
        }
        let unit = if written.percent {
            Unit::Percent
        } else {
            match (sign, meaning) {
                (Some((CurrencySign::Other, _)), _) => Unit::Count,
                (_, Some(Meaning::Unit(unit @ Unit::Money(_)))) => unit,
                (_, Some(Meaning::UnitAfterMagnitude(unit))) => unit,
                (Some((CurrencySign::Known(currency), _)), _) => Unit::Money(currency),
                (None, Some(Meaning::Unit(unit))) => unit,
                (None, Some(Meaning::Points)) => Unit::PercentagePoint,
                _ => Unit::Count,
            }
        };
        let loose = unclear
            || written.ordinal
            || matches!(
                meaning,
                Some(Meaning::Loose | Meaning::Ordinal | Meaning::Points)
            );
        let firm = !loose
            && match written.core {
                Core::Digits => true,
                Core::Numerals { chars } => {
                    chars >= 2 && !cjk::in_known_word(self.text, written.start, written.end)
                }
                Core::Spelled(_) => false,
            };
        Reading {
            start: sign.map_or(written.start, |(_, start)| start),
            end,
            amount,
            unit,
            firm,
            power,
            worded: meaning.is_some() || written.percent || power > 0 || unclear,
            sign: sign.map(|(sign, _)| sign),
            unit_word: matches!(
                meaning,
                Some(Meaning::Unit(_) | Meaning::UnitAfterMagnitude(_))
            ),
        }
    }

    /// The second number of a range or a list the number `written` opens, when nothing follows
    /// the first ("1～3月", "3-5%", "3～5万人", "$3-5 million", "3、4月"): what its words say
    /// holds for both.
    fn range_partner(&self, written: &Written) -> Option<Reading> {
        let rest = &self.text[written.end..];
        // Ranges, and lists that share a counter ("1·2차": the first and second rounds).
        let marker = [
            "-", "–", "～", "〜", "∼", "~", "－", "至", "到", "·", "・", "、",
        ]
        .iter()
        .find(|marker| rest.starts_with(**marker))?;
        let start = written.end + marker.len();
        let c = self.text[start..].chars().next()?;
        let second = if digits::is_digit(c) {
            let (amount, end) = self.read_digits(start).ok()?;
            Written {
                start,
                end,
                amount,
                core: Core::Digits,
                ordinal: false,
                percent: false,
            }
        } else if matches!(self.language, Language::Chinese | Language::Japanese)
            && matches!(written.core, Core::Numerals { .. })
            && cjk::starts_numeral(c)
        {
            let NumeralReading::Number(numeral) =
                cjk::read_numeral(self.text, start, self.language)?
            else {
                return None;
            };
            Written {
                start,
                end: numeral.end,
                amount: numeral.amount,
                core: Core::Numerals {
                    chars: numeral.chars,
                },
                ordinal: false,
                percent: false,
            }
        } else {
            return None;
        };
        let mut partner = self.read_words(&second);
        // "3～5万": the second number's myriad is the first's too.
        if let Some(unit) = cjk::trailing_unit(&self.text[second.start..second.end], self.language)
        {
            partner.power += unit;
        }
        Some(partner)
    }

    /// Whether the number `written` has units of its own ("3万" in "3万～5万").
    fn core_has_units(&self, written: &Written) -> bool {
        cjk::has_unit(&self.text[written.start..written.end], self.language)
    }
}

/// A number with the words around it.
struct Reading {
    start: usize,
    end: usize,
    amount: Amount,
    unit: Unit,
    firm: bool,
    /// The power of ten its magnitude multiplied it by.
    power: i32,
    /// Whether a word or sign says what it counts, or how large it is.
    worded: bool,
    /// The currency sign written before it.
    sign: Option<CurrencySign>,
    /// Whether a unit word follows it (not a counter).
    unit_word: bool,
}

impl Reading {
    /// The first number of a range takes what the second's words say: "3-5%" is 3% to 5%,
    /// "1～3月" January to March, "$3-5 million" 3 to 5 million dollars.
    fn join_range(&mut self, partner: &Reading, has_units: bool) {
        if !partner.worded && partner.power == 0 {
            return;
        }
        if !has_units {
            self.amount = self.amount.times_ten_to(partner.power);
        }
        if self.sign.is_none() {
            self.unit = partner.unit;
        }
        self.firm &= partner.firm;
        self.worded = true;
    }
}
