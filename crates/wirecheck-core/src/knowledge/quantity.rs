//! What a number, a date or a weekday of copy means, whatever language and numeral system wrote
//! it: "1200万美元" and "$12 million" are one [`Quantity`], "5月3日" and "May 3" one date. Two
//! versions of a story are compared through these values, never through their text.

use std::cmp::Ordering;
use std::fmt;

use jiff::civil::Weekday;

use crate::knowledge::calendar::find_calendar_dates;
use crate::knowledge::language::Language;
use crate::knowledge::numerals::find_numbers;
use crate::span::Span;

/// An exact decimal number: `mantissa × 10^exponent`, kept normalised (the mantissa ends in no
/// zero digit, and zero is `0 × 10^0`), so that equal values are equal as data: 1.2亿, 120
/// million and 120,000,000 are one `Amount`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    mantissa: i128,
    exponent: i32,
}

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount {
        mantissa: 0,
        exponent: 0,
    };

    /// `mantissa × 10^exponent`, normalised.
    pub fn new(mantissa: i128, exponent: i32) -> Self {
        if mantissa == 0 {
            return Self::ZERO;
        }
        let (mut mantissa, mut exponent) = (mantissa, exponent);
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        Self { mantissa, exponent }
    }

    /// A whole number.
    pub fn integer(value: i128) -> Self {
        Self::new(value, 0)
    }

    /// The mantissa, with no trailing zero digit.
    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The power of ten the mantissa is multiplied by.
    pub fn exponent(self) -> i32 {
        self.exponent
    }

    /// This amount times `10^power` ("12" and 6: twelve million).
    pub fn times_ten_to(self, power: i32) -> Self {
        if self.mantissa == 0 {
            return self;
        }
        Self::new(self.mantissa, self.exponent.saturating_add(power))
    }

    /// This amount times a whole number; `None` on overflow.
    pub fn checked_mul(self, factor: i128) -> Option<Self> {
        Some(Self::new(self.mantissa.checked_mul(factor)?, self.exponent))
    }

    /// The exact sum ("3万5千": 30,000 + 5,000); `None` when it does not fit.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        if self.mantissa == 0 {
            return Some(other);
        }
        if other.mantissa == 0 {
            return Some(self);
        }
        let exponent = self.exponent.min(other.exponent);
        let scale = |a: Amount| -> Option<i128> {
            let shift = u32::try_from(a.exponent - exponent).ok()?;
            a.mantissa.checked_mul(10i128.checked_pow(shift)?)
        };
        Some(Self::new(
            scale(self)?.checked_add(scale(other)?)?,
            exponent,
        ))
    }

    /// The value as a whole number, when it is one and fits.
    pub fn as_integer(self) -> Option<i128> {
        let shift = u32::try_from(self.exponent).ok()?;
        self.mantissa.checked_mul(10i128.checked_pow(shift)?)
    }
}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Amount {
    fn cmp(&self, other: &Self) -> Ordering {
        // Compare as exact decimals: widen the one with the larger exponent when it fits; an
        // amount too large to widen is the larger in magnitude.
        let exponent = self.exponent.min(other.exponent);
        let widen = |a: &Amount| {
            u32::try_from(a.exponent - exponent)
                .ok()
                .and_then(|shift| 10i128.checked_pow(shift))
                .and_then(|scale| a.mantissa.checked_mul(scale))
        };
        match (widen(self), widen(other)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => (self.mantissa.signum(), self.exponent)
                .cmp(&(other.mantissa.signum(), other.exponent)),
        }
    }
}

impl fmt::Display for Amount {
    /// Plain decimal notation: "12000000", "3.5", "0.25".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if self.exponent >= 0 {
            let zeros = "0".repeat(usize::try_from(self.exponent).unwrap_or(0));
            return write!(f, "{sign}{digits}{zeros}");
        }
        let decimals = usize::try_from(-i64::from(self.exponent)).unwrap_or(0);
        if digits.len() > decimals {
            let (whole, fraction) = digits.split_at(digits.len() - decimals);
            write!(f, "{sign}{whole}.{fraction}")
        } else {
            let zeros = "0".repeat(decimals - digits.len());
            write!(f, "{sign}0.{zeros}{digits}")
        }
    }
}

/// A currency. The yen sign alone is [`Currency::YenSign`]: in Chinese copy it is the yuan, in
/// Japanese the yen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    /// US dollars ($, US$, USD, 美元, ドル, 달러, دولار, доллар, Dollar, dólar).
    UsDollar,
    /// Euros.
    Euro,
    /// Japanese yen.
    Yen,
    /// Chinese yuan (renminbi).
    Yuan,
    /// "¥" written alone: the yen or the yuan.
    YenSign,
    /// South Korean won.
    Won,
    /// Pounds sterling.
    Pound,
    /// Russian roubles.
    Rouble,
    /// Indian rupees.
    Rupee,
    /// Saudi riyals.
    Riyal,
}

impl Currency {
    /// Whether an amount in `self` may be the same money as one in `other`.
    pub fn agrees(self, other: Currency) -> bool {
        let yen_or_yuan = |c: Currency| matches!(c, Currency::Yen | Currency::Yuan);
        self == other
            || (self == Currency::YenSign && yen_or_yuan(other))
            || (other == Currency::YenSign && yen_or_yuan(self))
    }
}

/// A unit of measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Kilometres (km, 公里, キロ, км, كم).
    Kilometre,
    /// Metres.
    Metre,
    /// Miles.
    Mile,
    /// Kilograms.
    Kilogram,
    /// Tonnes.
    Tonne,
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A bare count, or a count of things or people ("3000名", "300 workers", "3 troops"): counter
    /// words and nouns are not compared, only the number.
    Count,
    /// A percentage ("3.5%", "百分之三点五", "3,5 Prozent").
    Percent,
    /// Percentage points ("3.5个百分点", "3.5 percentage points").
    PercentagePoint,
    /// Money.
    Money(Currency),
    /// A measure.
    Measure(Measure),
}

impl Unit {
    /// Whether numbers in these units may state the same quantity.
    pub fn agrees(self, other: Unit) -> bool {
        match (self, other) {
            (Unit::Money(a), Unit::Money(b)) => a.agrees(b),
            _ => self == other,
        }
    }
}

/// A date as written: any of its parts may be missing ("5月3日" has no year, "令和8年5月" no day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CalendarDate {
    /// The Gregorian year (an era year already converted: 令和8年 is 2026).
    pub year: Option<i16>,
    /// The month, 1 to 12.
    pub month: Option<i8>,
    /// The day of the month.
    pub day: Option<i8>,
    /// The weekday written with the date ("5月3日（金）").
    pub weekday: Option<Weekday>,
}

impl CalendarDate {
    /// Whether the date is a year and nothing else ("2026年", "in 2026").
    pub fn is_year_alone(&self) -> bool {
        self.year.is_some() && self.month.is_none() && self.day.is_none() && self.weekday.is_none()
    }

    /// Whether two dates may name the same day: every part both give is equal, and they share at
    /// least one part.
    pub fn agrees(&self, other: &CalendarDate) -> bool {
        fn part<T: PartialEq>(a: Option<T>, b: Option<T>) -> Option<bool> {
            Some(a? == b?)
        }
        let parts = [
            part(self.year, other.year),
            part(self.month, other.month),
            part(self.day, other.day),
            part(self.weekday, other.weekday),
        ];
        parts.iter().all(|p| p.unwrap_or(true)) && parts.iter().any(Option::is_some)
    }
}

/// What a quantity of copy says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuantityValue {
    /// A number in a unit.
    Number {
        /// The value, magnitude words applied ("1.2亿" is 120,000,000).
        amount: Amount,
        /// What it counts.
        unit: Unit,
    },
    /// A date, a year alone, or a weekday alone ("周五", "on Friday").
    Date(CalendarDate),
}

impl QuantityValue {
    /// Whether two quantities may state the same fact.
    pub fn agrees(&self, other: &QuantityValue) -> bool {
        match (self, other) {
            (
                QuantityValue::Number { amount, unit },
                QuantityValue::Number {
                    amount: other_amount,
                    unit: other_unit,
                },
            ) => amount == other_amount && unit.agrees(*other_unit),
            (QuantityValue::Date(a), QuantityValue::Date(b)) => a.agrees(b),
            // "in 2028" read as a year, "2028" as a number: one year.
            (QuantityValue::Date(date), QuantityValue::Number { amount, unit })
            | (QuantityValue::Number { amount, unit }, QuantityValue::Date(date)) => {
                *unit == Unit::Count
                    && date.is_year_alone()
                    && amount.as_integer() == date.year.map(i128::from)
            }
        }
    }

    /// Whether the two are of one kind (both dates, or numbers in agreeing units): what a changed
    /// number is looked for among.
    pub fn same_kind(&self, other: &QuantityValue) -> bool {
        match (self, other) {
            (QuantityValue::Number { unit, .. }, QuantityValue::Number { unit: other, .. }) => {
                unit.agrees(*other)
            }
            (QuantityValue::Date(_), QuantityValue::Date(_)) => true,
            _ => false,
        }
    }
}

/// One number, date or weekday written in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// What was written, with its currency, magnitude, unit or counter ("1200万美元", "3000名").
    pub span: Span,
    /// What it means.
    pub value: QuantityValue,
    /// Whether a translation must say it too. A number word ("two", "一"), an ordinal, a day of
    /// the month alone ("3日") is read, so that it can stand for a number of the other version,
    /// but is never itself reported missing: a desk stops reading a checker that cries wolf.
    pub firm: bool,
}

/// The quantities of `span` of `text`, written in `language`, in text order, as two versions of
/// a story are compared: its dates and weekdays, and its numbers outside them ("5月3日" is one
/// date, not the counts 5 and 3).
pub(crate) fn find_quantities(text: &str, span: Span, language: Language) -> Vec<Quantity> {
    let dates = find_calendar_dates(text, span, language);
    let mut found: Vec<Quantity> = find_numbers(text, span, language)
        .into_iter()
        .filter(|number| !dates.iter().any(|date| overlaps(date.span, number.span)))
        .collect();
    found.extend(dates);
    found.sort_by_key(|q| q.span);
    found
}

/// True when two spans share at least one byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
