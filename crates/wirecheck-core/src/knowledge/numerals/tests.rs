//! The finder on the issue's examples, language by language, and its laws: a number written in
//! any supported system reads back as itself; no text makes it panic or overlap.

use proptest::prelude::*;

use super::find_numbers;
use crate::knowledge::language::{LANGUAGES, Language};
use crate::knowledge::quantity::{Amount, Currency, Measure, Quantity, QuantityValue, Unit};
use crate::span::Span;

fn all(text: &str, language: Language) -> Vec<Quantity> {
    find_numbers(text, Span::new(0, text.len()), language)
}

/// What was read, as "span = amount unit firm|loose".
fn described(text: &str, language: Language) -> Vec<String> {
    all(text, language)
        .iter()
        .map(|q| {
            let QuantityValue::Number { amount, unit } = q.value else {
                return format!("{} = date", q.span.slice(text));
            };
            let firmness = if q.firm { "firm" } else { "loose" };
            format!("{} = {amount} {unit:?} {firmness}", q.span.slice(text))
        })
        .collect()
}

/// The one number of `text`.
fn single(text: &str, language: Language) -> Quantity {
    let found = all(text, language);
    assert_eq!(found.len(), 1, "{text}: {:?}", described(text, language));
    found[0]
}

fn value(text: &str, language: Language) -> (String, Unit) {
    match single(text, language).value {
        QuantityValue::Number { amount, unit } => (amount.to_string(), unit),
        QuantityValue::Date(_) => unreachable!("the finder reads no dates"),
    }
}

fn agree(a: (&str, Language), b: (&str, Language)) -> bool {
    single(a.0, a.1).value.agrees(&single(b.0, b.1).value)
}

const USD: Unit = Unit::Money(Currency::UsDollar);

#[test]
fn the_issues_examples() {
    let zh = "该计划耗资1200万美元，涉及3000名工人，于5月3日开始。";
    assert_eq!(
        described(zh, Language::Chinese),
        [
            "1200万美元 = 12000000 Money(UsDollar) firm",
            "3000名 = 3000 Count firm",
            "5月 = 5 Count loose",
            "3日 = 3 Count loose",
        ]
    );
    let en = "The plan costs $12 million, involves 300 workers and starts on May 4.";
    assert_eq!(
        described(en, Language::English),
        [
            "$12 million = 12000000 Money(UsDollar) firm",
            "300 = 300 Count firm",
            "4 = 4 Count firm",
        ]
    );
    assert!(agree(
        ("1200万美元", Language::Chinese),
        ("$12 million", Language::English)
    ));
    assert!(!agree(
        ("3000名", Language::Chinese),
        ("300", Language::English)
    ));
    assert_eq!(
        value("٣٠٠٠", Language::Arabic),
        ("3000".into(), Unit::Count)
    );
    assert!(agree(
        ("３．５％", Language::Japanese),
        ("3.5%", Language::English)
    ));
    assert!(agree(
        ("３．５％", Language::Japanese),
        ("百分之三点五", Language::Chinese)
    ));
    assert!(!agree(
        ("３．５％", Language::Japanese),
        ("3.6%", Language::English)
    ));
    assert_eq!(value("1.234,5", Language::German).0, "1234.5");
    assert_eq!(value("1 234,5", Language::French).0, "1234.5");
    assert_eq!(value("1,234.5", Language::English).0, "1234.5");
    assert!(agree(
        ("1.2亿人", Language::Chinese),
        ("120 million", Language::English)
    ));
    assert!(
        agree(
            ("1.2亿人", Language::Chinese),
            ("1.2 billion", Language::English)
        )
        .not()
    );
    assert_eq!(value("3万5千人", Language::Chinese).0, "35000");
    assert_eq!(value("3兆円", Language::Japanese).0, "3000000000000");
    assert_eq!(value("1억 2천만 원", Language::Korean).0, "120000000");
}

trait Not {
    fn not(self) -> bool;
}

impl Not for bool {
    fn not(self) -> bool {
        !self
    }
}

#[test]
fn money_with_magnitudes_in_every_language() {
    let twelve_million_dollars = [
        ("1200万美元", Language::Chinese),
        ("1200万ドル", Language::Japanese),
        ("1200만 달러", Language::Korean),
        ("12 مليون دولار", Language::Arabic),
        ("١٢ مليون دولار", Language::Arabic),
        ("12 млн долларов", Language::Russian),
        ("12 миллионов долларов", Language::Russian),
        ("12 Millionen Dollar", Language::German),
        ("12 Mio. Dollar", Language::German),
        ("12 Mio. US-Dollar", Language::German),
        ("12 millions de dollars", Language::French),
        ("12 millones de dólares", Language::Spanish),
        ("$12 million", Language::English),
        ("US$12 million", Language::English),
        ("12 million dollars", Language::English),
        ("USD 12 million", Language::English),
        ("$12m", Language::English),
        ("$12mn", Language::English),
    ];
    for (text, language) in twelve_million_dollars {
        let quantity = single(text, language);
        assert_eq!(quantity.span.slice(text), text, "{text}");
        assert!(quantity.firm, "{text}");
        assert_eq!(
            quantity.value,
            QuantityValue::Number {
                amount: Amount::integer(12_000_000),
                unit: USD
            },
            "{text}"
        );
    }
    let cases = [
        (
            "1,2 Mrd. Euro",
            Language::German,
            "1200000000",
            Currency::Euro,
        ),
        (
            "1,2 milliard d'euros",
            Language::French,
            "1200000000",
            Currency::Euro,
        ),
        (
            "1,2 milliard d’euros",
            Language::French,
            "1200000000",
            Currency::Euro,
        ),
        (
            "1.200 millones de dólares",
            Language::Spanish,
            "1200000000",
            Currency::UsDollar,
        ),
        (
            "12 mil millones de euros",
            Language::Spanish,
            "12000000000",
            Currency::Euro,
        ),
        (
            "1.2 مليار دولار",
            Language::Arabic,
            "1200000000",
            Currency::UsDollar,
        ),
        (
            "$1.2bn",
            Language::English,
            "1200000000",
            Currency::UsDollar,
        ),
        ("£3bn", Language::English, "3000000000", Currency::Pound),
        (
            "1.2 billion euros",
            Language::English,
            "1200000000",
            Currency::Euro,
        ),
        (
            "¥500 billion",
            Language::English,
            "500000000000",
            Currency::YenSign,
        ),
        (
            "3 trillion won",
            Language::English,
            "3000000000000",
            Currency::Won,
        ),
        ("3億円", Language::Japanese, "300000000", Currency::Yen),
        (
            "5000億ウォン",
            Language::Japanese,
            "500000000000",
            Currency::Won,
        ),
        (
            "人民币1200万元",
            Language::Chinese,
            "12000000",
            Currency::Yuan,
        ),
        (
            "1200万元人民币",
            Language::Chinese,
            "12000000",
            Currency::Yuan,
        ),
        ("300亿日元", Language::Chinese, "30000000000", Currency::Yen),
        ("￥1200", Language::Chinese, "1200", Currency::YenSign),
        ("5조 원", Language::Korean, "5000000000000", Currency::Won),
        (
            "3 млрд рублей",
            Language::Russian,
            "3000000000",
            Currency::Rouble,
        ),
        ("12 млн евро", Language::Russian, "12000000", Currency::Euro),
    ];
    for (text, language, amount, currency) in cases {
        let quantity = single(text, language);
        assert_eq!(quantity.span.slice(text), text, "{text}");
        assert_eq!(
            value(text, language),
            (amount.to_owned(), Unit::Money(currency)),
            "{text}"
        );
    }
    // The yen sign is the yen or the yuan; the yuan and the yen are not each other.
    assert!(agree(
        ("￥1200", Language::Chinese),
        ("1200元", Language::Chinese)
    ));
    assert!(agree(
        ("¥1200", Language::English),
        ("1200円", Language::Japanese)
    ));
    assert!(!agree(
        ("1200元", Language::Chinese),
        ("1200円", Language::Japanese)
    ));
}

#[test]
fn currencies_in_every_language() {
    use Currency::*;
    let cases: &[(&str, Language, Currency)] = &[
        ("5 dollars", Language::English, UsDollar),
        ("5美金", Language::Chinese, UsDollar),
        ("5 دولارات", Language::Arabic, UsDollar),
        ("5 доллара", Language::Russian, UsDollar),
        ("5 Dollar", Language::German, UsDollar),
        ("5 dollars", Language::French, UsDollar),
        ("5 dólares", Language::Spanish, UsDollar),
        ("€5", Language::English, Euro),
        ("5 EUR", Language::German, Euro),
        ("5 euros", Language::French, Euro),
        ("5欧元", Language::Chinese, Euro),
        ("5ユーロ", Language::Japanese, Euro),
        ("5유로", Language::Korean, Euro),
        ("5 يورو", Language::Arabic, Euro),
        ("5 евро", Language::Russian, Euro),
        ("5 Euro", Language::German, Euro),
        ("5 €", Language::French, Euro),
        ("5円", Language::Japanese, Yen),
        ("5日元", Language::Chinese, Yen),
        ("5엔", Language::Korean, Yen),
        ("5 ين", Language::Arabic, Yen),
        ("5 иен", Language::Russian, Yen),
        ("5 Yen", Language::German, Yen),
        ("5 yen", Language::English, Yen),
        ("5元", Language::Chinese, Yuan),
        ("5人民币", Language::Chinese, Yuan),
        ("5 yuan", Language::English, Yuan),
        ("RMB 5", Language::English, Yuan),
        ("CNY5", Language::English, Yuan),
        ("5 юаней", Language::Russian, Yuan),
        ("5人民元", Language::Japanese, Yuan),
        ("5원", Language::Korean, Won),
        ("5韩元", Language::Chinese, Won),
        ("£5", Language::English, Pound),
        ("5英镑", Language::Chinese, Pound),
        ("5 руб.", Language::Russian, Rouble),
        ("5 рублей", Language::Russian, Rouble),
        ("5 рубль", Language::Russian, Rouble),
        ("5 ريال", Language::Arabic, Riyal),
        ("5 rupees", Language::English, Rupee),
        ("Rs 5", Language::English, Rupee),
    ];
    for &(text, language, currency) in cases {
        assert_eq!(
            value(text, language).1,
            Unit::Money(currency),
            "{text} in {language}"
        );
        assert_eq!(single(text, language).span.slice(text), text, "{text}");
    }
}

#[test]
fn other_dollars_are_not_us_dollars() {
    for (text, language) in [
        ("HK$12 million", Language::English),
        ("A$5", Language::English),
        ("Z$5", Language::English),
        ("新台币1200万元", Language::Chinese),
    ] {
        assert_eq!(value(text, language).1, Unit::Count, "{text}");
    }
    // A verb after a number is no currency.
    assert_eq!(value("3 won", Language::English).1, Unit::Count);
    assert_eq!(value("3 livres", Language::French).1, Unit::Count);
}

#[test]
fn percentages_and_points_in_every_language() {
    let percent: &[(&str, Language)] = &[
        ("3.5%", Language::English),
        ("3.5 percent", Language::English),
        ("3.5 per cent", Language::English),
        ("3.5 pct", Language::English),
        ("３．５％", Language::Japanese),
        ("3.5パーセント", Language::Japanese),
        ("百分之三点五", Language::Chinese),
        ("百分之3.5", Language::Chinese),
        ("3.5퍼센트", Language::Korean),
        ("3.5 في المئة", Language::Arabic),
        ("3.5 في المائة", Language::Arabic),
        ("3.5 بالمئة", Language::Arabic),
        ("3.5 بالمائة", Language::Arabic),
        ("٣٫٥٪", Language::Arabic),
        ("3,5 процента", Language::Russian),
        ("3,5 процентов", Language::Russian),
        ("3,5%", Language::Russian),
        ("3,5 Prozent", Language::German),
        ("3,5 pour cent", Language::French),
        ("3,5\u{00A0}%", Language::French),
        ("3,5 por ciento", Language::Spanish),
    ];
    for &(text, language) in percent {
        let quantity = single(text, language);
        assert_eq!(quantity.span.slice(text), text, "{text}");
        assert_eq!(
            value(text, language),
            ("3.5".into(), Unit::Percent),
            "{text}"
        );
    }
    let points: &[(&str, Language)] = &[
        ("3.5个百分点", Language::Chinese),
        ("3.5%포인트", Language::Korean),
        ("3.5%p", Language::Korean),
        ("3.5 نقطة مئوية", Language::Arabic),
        ("3,5 п.п.", Language::Russian),
        ("3,5 процентных пункта", Language::Russian),
        ("3,5 Prozentpunkte", Language::German),
        ("3,5 points de pourcentage", Language::French),
        ("3,5 puntos porcentuales", Language::Spanish),
        ("3.5 percentage points", Language::English),
        ("3.5 percentage point", Language::English),
    ];
    for &(text, language) in points {
        let quantity = single(text, language);
        assert_eq!(quantity.span.slice(text), text, "{text}");
        assert_eq!(
            value(text, language),
            ("3.5".into(), Unit::PercentagePoint),
            "{text}"
        );
    }
    assert!(!agree(
        ("3.5个百分点", Language::Chinese),
        ("3.5%", Language::English)
    ));
    // "points" alone may be index points or a score: percentage points, never firm.
    for (text, language) in [
        ("0.5ポイント", Language::Japanese),
        ("0.5포인트", Language::Korean),
        ("0.5 points", Language::English),
        ("0,5 Punkte", Language::German),
        ("0,5 point", Language::French),
        ("0,5 puntos", Language::Spanish),
        ("0,5 пункта", Language::Russian),
    ] {
        let quantity = single(text, language);
        assert!(!quantity.firm, "{text}");
        assert!(
            quantity
                .value
                .agrees(&single("0.5 percentage point", Language::English).value),
            "{text}"
        );
    }
}

#[test]
fn measures_in_every_language() {
    use Measure::*;
    let cases: &[(&str, Language, Measure)] = &[
        ("30 km", Language::English, Kilometre),
        ("30公里", Language::Chinese, Kilometre),
        ("30千米", Language::Chinese, Kilometre),
        ("30キロメートル", Language::Japanese, Kilometre),
        ("30킬로미터", Language::Korean, Kilometre),
        ("30 كم", Language::Arabic, Kilometre),
        ("30 км", Language::Russian, Kilometre),
        ("30 Kilometer", Language::German, Kilometre),
        ("30 kilomètres", Language::French, Kilometre),
        ("30 kilómetros", Language::Spanish, Kilometre),
        ("a 30-km road", Language::English, Kilometre),
        ("30 m", Language::English, Metre),
        ("30米", Language::Chinese, Metre),
        ("30 kg", Language::English, Kilogram),
        ("30公斤", Language::Chinese, Kilogram),
        ("30キログラム", Language::Japanese, Kilogram),
        ("30 кг", Language::Russian, Kilogram),
        ("30 t", Language::German, Tonne),
        ("30吨", Language::Chinese, Tonne),
        ("30トン", Language::Japanese, Tonne),
        ("30톤", Language::Korean, Tonne),
        ("30 тонн", Language::Russian, Tonne),
        ("30 tonnes", Language::English, Tonne),
        ("30 miles", Language::English, Mile),
        ("30英里", Language::Chinese, Mile),
    ];
    for &(text, language, measure) in cases {
        assert_eq!(
            value(text, language),
            ("30".into(), Unit::Measure(measure)),
            "{text}"
        );
    }
    // キロ alone is kilometres or kilograms: read, not firm.
    assert!(!single("30キロ", Language::Japanese).firm);
}

#[test]
fn counts_with_counters_and_nouns() {
    assert_eq!(
        described("3000名工人", Language::Chinese),
        ["3000名 = 3000 Count firm"]
    );
    assert_eq!(
        described("3000多名工人和300余人", Language::Chinese),
        ["3000多名 = 3000 Count firm", "300余人 = 300 Count firm"]
    );
    assert_eq!(
        described("1200多万美元，十多万人", Language::Chinese),
        [
            "1200多万美元 = 12000000 Money(UsDollar) firm",
            "十多万人 = 100000 Count firm"
        ]
    );
    assert_eq!(
        described("3천여만 명", Language::Korean),
        ["3천여만 명 = 30000000 Count firm"]
    );
    assert_eq!(
        described("3000여 명이", Language::Korean),
        ["3000여 명 = 3000 Count firm"]
    );
    assert_eq!(
        described("300 workers", Language::English),
        ["300 = 300 Count firm"]
    );
    assert_eq!(
        described("3 000 рабочих", Language::Russian),
        ["3 000 = 3000 Count firm"]
    );
    assert_eq!(
        described("3000人が参加", Language::Japanese),
        ["3000人 = 3000 Count firm"]
    );
    // Countries are often counted in words ("trilateral", "the Group of Seven").
    assert_eq!(
        described("5か国の首脳と한", Language::Japanese),
        ["5か国 = 5 Count loose"]
    );
    assert_eq!(
        described("한미일 3국", Language::Korean),
        ["3국 = 3 Count loose"]
    );
}

#[test]
fn the_first_number_of_a_range_takes_the_seconds_words() {
    assert_eq!(
        described("１～３月期", Language::Japanese),
        ["１ = 1 Count loose", "３月 = 3 Count loose"]
    );
    assert_eq!(
        described("3-5%", Language::English),
        ["3 = 3 Percent firm", "5% = 5 Percent firm"]
    );
    assert_eq!(
        described("$3-5 million", Language::English),
        [
            "$3 = 3000000 Money(UsDollar) firm",
            "5 million = 5000000 Money(UsDollar) firm"
        ]
    );
    assert_eq!(
        described("3～5万人", Language::Chinese),
        ["3 = 30000 Count firm", "5万人 = 50000 Count firm"]
    );
    assert_eq!(
        described("三至五人", Language::Chinese),
        ["三 = 3 Count loose", "五人 = 5 Count loose"]
    );
    assert_eq!(
        described("3万～5万人", Language::Chinese),
        ["3万 = 30000 Count firm", "5万人 = 50000 Count firm"]
    );
    assert_eq!(
        described("1·2차 회의", Language::Korean),
        ["1 = 1 Count loose", "2차 = 2 Count loose"]
    );
    assert_eq!(
        described("3、4月", Language::Chinese),
        ["3 = 3 Count loose", "4月 = 4 Count loose"]
    );
    // Numbers joined by a hyphen without words are two numbers.
    assert_eq!(
        described("2020-2021", Language::English),
        ["2020 = 2020 Count firm", "2021 = 2021 Count firm"]
    );
}

#[test]
fn numerals_alone_are_firm_only_before_a_counter_and_longer_than_one_character() {
    assert_eq!(
        described("三千名士兵和二十五岁", Language::Chinese),
        ["三千名 = 3000 Count firm", "二十五岁 = 25 Count firm"]
    );
    assert_eq!(
        described("一名士兵、两架飞机、三艘船", Language::Chinese),
        [
            "一名 = 1 Count loose",
            "两架 = 2 Count loose",
            "三艘 = 3 Count loose"
        ]
    );
    // Numerals inside ordinary words are no numbers.
    let words = "一些人一起统一行动，第一次万一失败，千万不要十分担心，三星在一方面与两国合作。";
    assert!(
        all(words, Language::Chinese).iter().all(|q| !q.firm),
        "{:?}",
        described(words, Language::Chinese)
    );
    // Some number, not one: several thousand, a dozen or so, three or four hundred.
    for text in ["数千人", "十几个", "几十名", "三四百人", "五六十家"] {
        assert_eq!(
            described(text, Language::Chinese),
            Vec::<String>::new(),
            "{text}"
        );
    }
    // Weekdays and ordinals.
    assert_eq!(described("星期五", Language::Chinese), Vec::<String>::new());
    assert_eq!(
        described("第三次", Language::Chinese),
        ["三次 = 3 Count loose"]
    );
    assert_eq!(
        described("第3次", Language::Chinese),
        ["3次 = 3 Count loose"]
    );
    // Numerals without a counter are not read.
    assert_eq!(
        described("三千里江山", Language::Chinese),
        Vec::<String>::new()
    );
}

#[test]
fn digits_of_dates_and_times_are_never_firm() {
    for (text, language) in [
        ("2026年5月3日", Language::Chinese),
        ("二〇二六年五月三日", Language::Chinese),
        ("令和8年5月3日", Language::Japanese),
        ("午後3時", Language::Japanese),
        ("2026년 5월 3일", Language::Korean),
        ("10:30", Language::English),
        ("24/7", Language::English),
        ("5/3", Language::English),
        ("10 a.m. and 3pm", Language::English),
        ("um 10 Uhr", Language::German),
        ("à 10h30", Language::French),
        ("제2차 회의", Language::Korean),
    ] {
        assert!(
            all(text, language).iter().all(|q| !q.firm),
            "{text}: {:?}",
            described(text, language)
        );
    }
    // Durations are counts.
    assert_eq!(
        described("3个月和3小时", Language::Chinese),
        ["3个月 = 3 Count firm", "3小时 = 3 Count firm"]
    );
}

#[test]
fn names_codes_and_unclear_digits() {
    for text in ["G7", "MH17", "F-35", "COVID-19", "A320neo", "Су-35"] {
        assert_eq!(
            described(text, Language::English),
            Vec::<String>::new(),
            "{text}"
        );
    }
    assert_eq!(
        described("G20峰会", Language::Chinese),
        Vec::<String>::new()
    );
    // Digits written onto letters that say no known unit: read, never firm.
    for text in ["5G", "3D", "300mm", "12m"] {
        assert!(!single(text, Language::English).firm, "{text}");
    }
    // An Arabic conjunction written onto the number is no name.
    assert_eq!(value("و3 آلاف", Language::Arabic).0, "3000");
}

#[test]
fn separators_that_do_not_fit_the_language_are_not_read() {
    assert_eq!(described("1,5", Language::English), Vec::<String>::new());
    assert_eq!(described("1.5", Language::German), Vec::<String>::new());
    assert_eq!(
        described("3.5.2026", Language::German),
        Vec::<String>::new()
    );
    assert_eq!(described("1,2345", Language::English), Vec::<String>::new());
    // The same text in the language it fits.
    assert_eq!(value("1,5", Language::German).0, "1.5");
    assert_eq!(value("1.5", Language::English).0, "1.5");
    assert_eq!(value("1,234", Language::German).0, "1.234");
    assert_eq!(value("1,234", Language::English).0, "1234");
    assert_eq!(value("1.234", Language::Spanish).0, "1234");
    // A list is two numbers.
    assert_eq!(
        described("1, 5", Language::English),
        ["1 = 1 Count firm", "5 = 5 Count firm"]
    );
}

#[test]
fn spelt_english_numbers_are_read_but_never_firm() {
    assert_eq!(
        described(
            "a dozen ships, three workers and two million dollars",
            Language::English
        ),
        [
            "a dozen = 12 Count loose",
            "three = 3 Count loose",
            "two million dollars = 2000000 Money(UsDollar) loose",
        ]
    );
    assert_eq!(
        described("one of them, a plan, one percent", Language::English),
        ["one percent = 1 Percent loose"]
    );
    assert_eq!(
        described("a million people", Language::English),
        ["a million = 1000000 Count loose"]
    );
    assert_eq!(
        described("the 3rd and 21st", Language::English),
        ["3rd = 3 Count loose", "21st = 21 Count loose"]
    );
}

#[test]
fn spelt_numbers_of_other_languages_are_read_but_never_firm() {
    let cases = [
        (
            "drei Systeme und eine Million Euro",
            Language::German,
            vec![
                "drei = 3 Count loose",
                "eine Million Euro = 1000000 Money(Euro) loose",
            ],
        ),
        (
            "trois soldats et vingt-cinq pour cent",
            Language::French,
            vec![
                "trois = 3 Count loose",
                "vingt-cinq pour cent = 25 Percent loose",
            ],
        ),
        (
            "un plan, un millón de dólares",
            Language::Spanish,
            vec!["un millón de dólares = 1000000 Money(UsDollar) loose"],
        ),
        (
            "двадцать пять человек",
            Language::Russian,
            vec!["двадцать пять = 25 Count loose"],
        ),
        ("ثلاثة أيام", Language::Arabic, vec!["ثلاثة = 3 Count loose"]),
        (
            "세 차례, 두 명, 세계",
            Language::Korean,
            vec!["세 차례 = 3 Count loose", "두 명 = 2 Count loose"],
        ),
    ];
    for (text, language, expected) in cases {
        assert_eq!(described(text, language), expected, "{text}");
    }
}

#[test]
fn ordinals_of_other_languages_are_not_firm() {
    for (text, language) in [
        ("le 1er", Language::French),
        ("la 3e", Language::French),
        ("el 3º", Language::Spanish),
        ("3-й", Language::Russian),
        ("제3조", Language::Korean),
        ("3번째", Language::Korean),
    ] {
        assert!(
            all(text, language).iter().all(|q| !q.firm),
            "{text}: {:?}",
            described(text, language)
        );
    }
}

#[test]
fn numbers_are_read_inside_the_span_only() {
    let text = "共3000名，另有300人";
    let start = text.find('另').unwrap_or(0);
    let found = find_numbers(text, Span::new(start, text.len()), Language::Chinese);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(text), "300人");
    // A span that is not on character boundaries or not in the text finds nothing.
    assert!(find_numbers(text, Span::new(1, 5), Language::Chinese).is_empty());
    assert!(find_numbers(text, Span::new(0, 500), Language::Chinese).is_empty());
    // A currency sign before the span is not read.
    let text = "$12";
    let found = find_numbers(text, Span::new(1, 3), Language::English);
    assert_eq!(
        found[0].value,
        QuantityValue::Number {
            amount: Amount::integer(12),
            unit: Unit::Count
        }
    );
}

// Writers of one number in each system, for the read-back law.

/// An exact number with up to three decimals: (integer part, decimals as written).
fn number() -> impl Strategy<Value = (u64, String)> {
    (0u64..10_000_000_000_000, prop::option::of("[0-9]{1,3}"))
        .prop_map(|(whole, decimals)| (whole, decimals.unwrap_or_default()))
}

fn amount_of(whole: u64, decimals: &str) -> Amount {
    let text = format!("{whole}{decimals}");
    let mantissa: i128 = text.parse().unwrap_or(0);
    Amount::new(mantissa, -i32::try_from(decimals.len()).unwrap_or(0))
}

/// `whole` with a separator every three digits.
fn grouped(whole: u64, separator: &str) -> String {
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

fn in_digits(text: &str, zero: char) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(u32::from(zero) + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn with_decimals(whole: String, decimals: &str, point: &str) -> String {
    if decimals.is_empty() {
        whole
    } else {
        format!("{whole}{point}{decimals}")
    }
}

/// A number in Chinese myriads with digits: 1亿2345万6789, 3万5千, 1200万, with 零 where a
/// group is short.
fn in_myriads(whole: u64, thousands_as_unit: bool) -> String {
    let groups = [
        (whole / 1_000_000_000_000, "兆"),
        (whole / 100_000_000 % 10_000, "亿"),
        (whole / 10_000 % 10_000, "万"),
        (whole % 10_000, ""),
    ];
    let mut out = String::new();
    for (group, unit) in groups {
        if group == 0 {
            continue;
        }
        if !out.is_empty() && group < 1000 {
            out.push('零');
        }
        if thousands_as_unit && group.is_multiple_of(1000) {
            out.push_str(&format!("{}千{unit}", group / 1000));
        } else {
            out.push_str(&format!("{group}{unit}"));
        }
    }
    if out.is_empty() { "0".into() } else { out }
}

/// A number in Chinese numerals: 三千五百, 一亿零二十万.
fn in_numerals(whole: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn group(value: u64) -> String {
        let mut out = String::new();
        let mut gap = false;
        for (power, unit) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = value / power % 10;
            if digit == 0 {
                gap = !out.is_empty();
                continue;
            }
            if gap {
                out.push('零');
                gap = false;
            }
            out.push(DIGITS[usize::try_from(digit).unwrap_or(0)]);
            out.push_str(unit);
        }
        out
    }
    let groups = [
        (whole / 1_000_000_000_000, "兆"),
        (whole / 100_000_000 % 10_000, "亿"),
        (whole / 10_000 % 10_000, "万"),
        (whole % 10_000, ""),
    ];
    let mut out = String::new();
    for (value, unit) in groups {
        if value == 0 {
            continue;
        }
        if !out.is_empty() && value < 1000 {
            out.push('零');
        }
        out.push_str(&group(value));
        out.push_str(unit);
    }
    if out.is_empty() { "零".into() } else { out }
}

/// A number in Korean myriads, spaced as Korean spaces them: 12억 3456만 7898.
fn in_korean(whole: u64) -> String {
    let groups = [
        (whole / 1_000_000_000_000, "조"),
        (whole / 100_000_000 % 10_000, "억"),
        (whole / 10_000 % 10_000, "만"),
        (whole % 10_000, ""),
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter(|(value, _)| *value > 0)
        .map(|(value, unit)| format!("{value}{unit}"))
        .collect();
    if parts.is_empty() {
        "0".into()
    } else {
        parts.join(" ")
    }
}

fn reads_back(text: &str, language: Language, expected: Amount) -> Result<(), TestCaseError> {
    let found = all(text, language);
    prop_assert_eq!(
        found.len(),
        1,
        "{} read as {:?}",
        text,
        described(text, language)
    );
    let QuantityValue::Number { amount, .. } = found[0].value else {
        return Err(TestCaseError::fail("a date"));
    };
    prop_assert_eq!(amount, expected, "{}", text);
    prop_assert_eq!(found[0].span.slice(text), text);
    Ok(())
}

proptest! {
    #[test]
    fn ascii_digits_with_grouping_read_back((whole, decimals) in number()) {
        let expected = amount_of(whole, &decimals);
        let en = with_decimals(grouped(whole, ","), &decimals, ".");
        reads_back(&en, Language::English, expected)?;
        reads_back(&with_decimals(whole.to_string(), &decimals, "."), Language::English, expected)?;
        reads_back(&en, Language::Chinese, expected)?;
        reads_back(&en, Language::Arabic, expected)?;
    }

    #[test]
    fn full_width_digits_read_back((whole, decimals) in number(), grouping in any::<bool>()) {
        let expected = amount_of(whole, &decimals);
        let whole = if grouping { grouped(whole, "，") } else { whole.to_string() };
        let text = in_digits(&with_decimals(whole, &decimals, "．"), '０');
        reads_back(&text, Language::Japanese, expected)?;
        reads_back(&text, Language::Chinese, expected)?;
    }

    #[test]
    fn arabic_indic_and_persian_digits_read_back((whole, decimals) in number()) {
        let expected = amount_of(whole, &decimals);
        let text = with_decimals(grouped(whole, "٬"), &decimals, "٫");
        reads_back(&in_digits(&text, '٠'), Language::Arabic, expected)?;
        reads_back(&in_digits(&text, '۰'), Language::Arabic, expected)?;
        let plain = with_decimals(whole.to_string(), &decimals, "٫");
        reads_back(&in_digits(&plain, '٠'), Language::Arabic, expected)?;
    }

    #[test]
    fn decimal_comma_with_point_or_space_grouping_reads_back(
        (whole, decimals) in number(),
        space in prop::sample::select(vec![" ", "\u{00A0}", "\u{202F}", "\u{2009}"]),
    ) {
        let expected = amount_of(whole, &decimals);
        let pointed = with_decimals(grouped(whole, "."), &decimals, ",");
        reads_back(&pointed, Language::German, expected)?;
        reads_back(&pointed, Language::Spanish, expected)?;
        let spaced = with_decimals(grouped(whole, space), &decimals, ",");
        reads_back(&spaced, Language::French, expected)?;
        reads_back(&spaced, Language::Russian, expected)?;
        let typeset = with_decimals(grouped(whole, "\u{202F}"), &decimals, ",");
        reads_back(&typeset, Language::German, expected)?;
    }

    #[test]
    fn chinese_myriads_read_back(whole in 1u64..10_000_000_000_000, thousands in any::<bool>()) {
        let text = format!("{}人", in_myriads(whole, thousands));
        reads_back(&text, Language::Chinese, Amount::integer(i128::from(whole)))?;
        let text = format!("{}円", in_myriads(whole, false).replace('亿', "億"));
        reads_back(&text, Language::Japanese, Amount::integer(i128::from(whole)))?;
    }

    #[test]
    fn chinese_numerals_read_back(whole in 1u64..10_000_000_000_000) {
        let text = format!("{}名", in_numerals(whole));
        reads_back(&text, Language::Chinese, Amount::integer(i128::from(whole)))?;
    }

    #[test]
    fn decimals_with_a_myriad_read_back(whole in 1u64..10_000, decimals in "[0-9]{1,2}") {
        let expected = amount_of(whole, &decimals).times_ten_to(8);
        reads_back(&format!("{whole}.{decimals}亿元"), Language::Chinese, expected)?;
        reads_back(&format!("{whole}.{decimals}억 원"), Language::Korean, expected)?;
    }

    #[test]
    fn korean_myriads_read_back(whole in 1u64..10_000_000_000_000) {
        let text = format!("{}명", in_korean(whole));
        reads_back(&text, Language::Korean, Amount::integer(i128::from(whole)))?;
    }

    #[test]
    fn english_magnitude_words_read_back(
        (whole, decimals) in (1u64..1000, "[0-9]{0,2}"),
        (word, power) in prop::sample::select(vec![
            ("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12),
        ]),
    ) {
        let expected = amount_of(whole, &decimals).times_ten_to(power);
        let text = format!("{} {word}", with_decimals(whole.to_string(), &decimals, "."));
        reads_back(&text, Language::English, expected)?;
        reads_back(&format!("${text}"), Language::English, expected)?;
    }

    #[test]
    fn no_run_of_number_pieces_makes_the_finder_panic_or_overlap(
        pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24),
    ) {
        let text = pieces.concat();
        for language in LANGUAGES {
            let span = Span::new(0, text.len());
            check_spans(&text, span, &find_numbers(&text, span, language))?;
        }
    }

    #[test]
    fn no_text_makes_the_finder_panic_or_overlap(
        text in "[0-9０-９٠-٩۰-۹.,，．٫٬ \u{00A0}\u{202F}:/%％٪$€£¥a-zA-Zé一二三四五六七八九十百千万亿兆零〇两点之分名人个元美日月年万억만천조원명الفمليوندولارмлндолларов第数几-]{0,40}",
        start in 0usize..60,
        len in 0usize..60,
    ) {
        for language in LANGUAGES {
            let span = Span::new(start.min(text.len()), (start + len).min(text.len()));
            check_spans(&text, span, &find_numbers(&text, span, language))?;
        }
    }
}

/// Pieces numbers and their words are made of, in every language, for texts that reach deep
/// into the finder.
const PIECES: &[&str] = &[
    "3",
    "12",
    "1,234",
    "1.234",
    "1 234",
    "1.5",
    "٣",
    "٣٫٥",
    "٬",
    "３",
    "．",
    "，",
    "三",
    "二十",
    "千",
    "万",
    "亿",
    "億",
    "兆",
    "点",
    "零",
    "〇",
    "两",
    "百分之",
    "名",
    "人",
    "美元",
    "元",
    "月",
    "日",
    "年",
    "多",
    "余",
    "数",
    "几",
    "第",
    "个百分点",
    "만",
    "억",
    "천",
    "원",
    "명",
    "여",
    "세",
    "차례",
    "제",
    " ",
    "\u{a0}",
    "-",
    "～",
    "、",
    "·",
    "至",
    ":",
    "/",
    ".",
    ",",
    "$",
    "US$",
    "HK$",
    "¥",
    "€",
    "%",
    "％",
    "million",
    "bn",
    "m",
    "a",
    "dozen",
    "one",
    "twenty",
    "-five",
    "hundred",
    "percent",
    "won",
    "G",
    "km",
    "st",
    "Mio.",
    "Millionen",
    "Dollar",
    "und",
    "dreiundzwanzig",
    "millions",
    " de ",
    "d'",
    "vingt-cinq",
    "treinta",
    " y ",
    "cinco",
    "млн",
    "долларов",
    "-й",
    "مليون",
    "دولار",
    "في المئة",
    "و",
    "ـ",
    "\u{64b}",
];

fn check_spans(text: &str, span: Span, found: &[Quantity]) -> Result<(), TestCaseError> {
    let mut floor = span.start;
    for quantity in found {
        prop_assert!(
            quantity.span.start >= floor,
            "{:?} overlaps in {:?}",
            quantity,
            text
        );
        prop_assert!(quantity.span.end <= span.end);
        prop_assert!(quantity.span.start < quantity.span.end);
        prop_assert!(text.is_char_boundary(quantity.span.start));
        prop_assert!(text.is_char_boundary(quantity.span.end));
        let number = matches!(quantity.value, QuantityValue::Number { .. });
        prop_assert!(number);
        floor = quantity.span.end;
    }
    Ok(())
}
