//! Numbers in copy — amounts, percentages, money, quantities — found with their spans and reduced
//! to a comparable key, so that a story's "2.2%" can be matched against its reference's "2.1
//! percent".

use std::sync::LazyLock;

use regex::Regex;

use crate::knowledge::calendar::find_calendar_dates;
use crate::knowledge::language::Language;
use crate::knowledge::quantity::{Amount, Currency, Measure, Quantity, QuantityValue, Unit};
use crate::span::Span;

/// One number written in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NumberMention {
    /// The number with its currency, scale and unit as written ("$5.2 billion", "2.1%").
    pub(crate) span: Span,
    /// The value without thousands separators ("1,200" → "1200"; a decimal comma becomes a point).
    pub(crate) value: String,
    /// What it counts, normalised: "%", "billion usd", "yen", "" for a bare number.
    pub(crate) unit: String,
}

impl NumberMention {
    /// The mention as a value: its magnitude applied, its unit read.
    fn to_quantity(&self) -> Option<Quantity> {
        let (whole, fraction) = self.value.split_once('.').unwrap_or((&self.value, ""));
        let digits = format!("{whole}{fraction}");
        let exponent = -i32::try_from(fraction.len()).ok()?;
        let mut amount = Amount::new(digits.parse().ok()?, exponent);
        let mut unit = Unit::Count;
        for word in self.unit.split(' ') {
            match word {
                "million" => amount = amount.times_ten_to(6),
                "billion" => amount = amount.times_ten_to(9),
                "trillion" => amount = amount.times_ten_to(12),
                "%" => unit = Unit::Percent,
                "pp" => unit = Unit::PercentagePoint,
                "usd" => unit = Unit::Money(Currency::UsDollar),
                "eur" => unit = Unit::Money(Currency::Euro),
                "gbp" => unit = Unit::Money(Currency::Pound),
                "jpy" => unit = Unit::Money(Currency::Yen),
                "cny" => unit = Unit::Money(Currency::Yuan),
                "krw" => unit = Unit::Money(Currency::Won),
                "inr" => unit = Unit::Money(Currency::Rupee),
                "km" => unit = Unit::Measure(Measure::Kilometre),
                "kg" => unit = Unit::Measure(Measure::Kilogram),
                "t" => unit = Unit::Measure(Measure::Tonne),
                "m" => unit = Unit::Measure(Measure::Metre),
                "mi" => unit = Unit::Measure(Measure::Mile),
                _ => {}
            }
        }
        Some(Quantity {
            span: self.span,
            value: QuantityValue::Number { amount, unit },
            firm: true,
        })
    }
}

// ASCII word boundaries keep this on the regex crate's fast engine (see `dates.rs`).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?x)
        (?P<currency>US\$|\$|€|£|¥|RMB\s?|USD\s?|EUR\s?|JPY\s?)?
        (?-u:\b)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?-u:\b)
        (?:\s?(?P<scale>million|billion|trillion|bn|mln|tn)(?-u:\b))?
        (?:\s?(?P<unit>%|percent(?:age\ points?)?|per\ cent|percentage\ points?|yen|dollars|euros|yuan|won|rupees|pounds
            |km|kilometers|kilometres|miles|kg|kilograms|tons|tonnes|meters|metres|people|troops|soldiers)(?-u:\b)?)?";
    Regex::new(pattern).unwrap_or_else(|err| unreachable!("the number pattern is valid: {err}"))
});

/// The quantities of `span` of `text`, written in `language`, in order, as two versions of a
/// story are compared: its dates and weekdays, and its numbers outside them.
pub(crate) fn find_quantities(text: &str, span: Span, language: Language) -> Vec<Quantity> {
    let dates = find_calendar_dates(text, span, language);
    let mut found: Vec<Quantity> = find_numbers(text, span)
        .into_iter()
        .filter(|number| !dates.iter().any(|date| overlaps(date.span, number.span)))
        .filter_map(|number| number.to_quantity())
        .collect();
    found.extend(dates);
    found.sort_by_key(|m| m.span);
    found
}

/// True when two spans share at least one byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The numbers in `span` of `text`. Years and days of dates are numbers too: a changed date is a
/// changed number.
pub(crate) fn find_numbers(text: &str, span: Span) -> Vec<NumberMention> {
    let haystack = span.slice(text);
    NUMBER
        .captures_iter(haystack)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let number = captures.name("number")?.as_str();
            let currency = captures.name("currency").map(|m| m.as_str().trim());
            let scale = captures.name("scale").map(|m| scale_word(m.as_str()));
            let unit = captures.name("unit").map(|m| unit_word(m.as_str()));
            let unit = [scale, currency.map(currency_word).or(unit)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            Some(NumberMention {
                span: Span::new(whole.start(), whole.end()).shift(span.start),
                value: plain_value(number),
                unit,
            })
        })
        .collect()
}

/// "1,200" → "1200", "2,5" (a decimal comma) → "2.5", "2.50" → "2.5".
fn plain_value(number: &str) -> String {
    let thousands = number.len() > 4 && number.matches(',').all(|_| true) && {
        let groups: Vec<&str> = number.split('.').next().unwrap_or("").split(',').collect();
        groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3)
    };
    let plain = if thousands {
        number.replace(',', "")
    } else {
        number.replace(',', ".")
    };
    if plain.contains('.') {
        plain.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        plain
    }
}

fn scale_word(scale: &str) -> &'static str {
    match scale {
        "million" | "mln" => "million",
        "billion" | "bn" => "billion",
        _ => "trillion",
    }
}

fn currency_word(currency: &str) -> &'static str {
    match currency {
        "$" | "US$" | "USD" => "usd",
        "€" | "EUR" => "eur",
        "£" => "gbp",
        "¥" | "JPY" => "jpy",
        _ => "cny",
    }
}

fn unit_word(unit: &str) -> &'static str {
    match unit {
        "%" | "percent" | "per cent" => "%",
        u if u.starts_with("percentage") || u.starts_with("percent") => "pp",
        "yen" => "jpy",
        "dollars" => "usd",
        "euros" => "eur",
        "yuan" => "cny",
        "won" => "krw",
        "rupees" => "inr",
        "pounds" => "gbp",
        "km" | "kilometers" | "kilometres" => "km",
        "kg" | "kilograms" => "kg",
        "tons" | "tonnes" => "t",
        "meters" | "metres" => "m",
        "miles" => "mi",
        _ => "people",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, String)> {
        find_numbers(text, Span::new(0, text.len()))
            .into_iter()
            .map(|m| (m.value, m.unit))
            .collect()
    }

    #[test]
    fn equal_quantities_written_differently_share_a_key() {
        assert_eq!(keys("2.1%"), keys("2.1 percent"));
        assert_eq!(keys("$5 billion"), keys("5 billion dollars"));
        assert_eq!(
            keys("1,200 troops"),
            [("1200".to_owned(), "people".to_owned())]
        );
        assert_eq!(keys("2.50%"), keys("2.5%"));
    }

    #[test]
    fn different_quantities_differ() {
        assert_ne!(keys("2.1%"), keys("2.2%"));
        assert_ne!(keys("5 billion yen"), keys("5 million yen"));
        assert_ne!(keys("5%"), keys("5 percentage points"));
    }

    #[test]
    fn spans_cover_what_was_written() {
        let text = "Spending rose to $5.2 billion, up 3 percent.";
        let spans: Vec<&str> = find_numbers(text, Span::new(0, text.len()))
            .iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(spans, ["$5.2 billion", "3 percent"]);
    }
}
