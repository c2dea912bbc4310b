//! The words that say what a number counts, per language: magnitudes ("million", "Mio.", "млн",
//! "مليون"), currencies ("美元", "dollars", "долларов"), percentages and percentage points,
//! measures, and the counters of Chinese, Japanese and Korean ("名", "人", "명"). Each is matched
//! where a number ends; the currency signs and codes written before a number are here too.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::knowledge::language::{LANGUAGES, Language, Script, script_of};
use crate::knowledge::quantity::{Currency, Measure, Unit};

/// What a word after a number says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Meaning {
    /// A power of ten the number is multiplied by ("million": 6).
    Magnitude(i32),
    /// "m" in English: a million after a currency sign ("$12m"), metres after a space ("12 m"),
    /// and unclear written onto a bare number ("12m").
    MetreOrMillion,
    /// A power of ten only after a currency sign ("$12mn").
    MoneyMagnitude(i32),
    /// What the number counts.
    Unit(Unit),
    /// A unit only after a magnitude word: "billion won", where "3 won" may be the verb.
    UnitAfterMagnitude(Unit),
    /// A counter (名, 人, 명, 件): the number is a count, and the counter is written with it.
    Counter,
    /// A count a translation often words otherwise, or part of a date or a time: a year (年), a
    /// month (月), a day (日), an hour (時), a multiple (倍, "doubled"), a rank (位), countries
    /// ("3국": "trilateral"). Read, never firm.
    Loose,
    /// "points" alone: percentage points in an economy story, index points or a score in
    /// another. Read as percentage points, never firm.
    Points,
    /// An ordinal ending written onto the digits ("3rd", "1er", "3-й"): read, never firm.
    Ordinal,
}

const PERCENT: Meaning = Meaning::Unit(Unit::Percent);
const POINTS: Meaning = Meaning::Unit(Unit::PercentagePoint);
const USD: Meaning = money(Currency::UsDollar);
const EUR: Meaning = money(Currency::Euro);
const YEN: Meaning = money(Currency::Yen);
const YUAN: Meaning = money(Currency::Yuan);
const WON: Meaning = money(Currency::Won);
const GBP: Meaning = money(Currency::Pound);
const RUB: Meaning = money(Currency::Rouble);
const INR: Meaning = money(Currency::Rupee);
const SAR: Meaning = money(Currency::Riyal);
const KM: Meaning = measure(Measure::Kilometre);
const METRE: Meaning = measure(Measure::Metre);
const MILE: Meaning = measure(Measure::Mile);
const KG: Meaning = measure(Measure::Kilogram);
const TONNE: Meaning = measure(Measure::Tonne);
const COUNTER: Meaning = Meaning::Counter;
const LOOSE: Meaning = Meaning::Loose;
const ORDINAL: Meaning = Meaning::Ordinal;
const LOOSE_POINTS: Meaning = Meaning::Points;

const fn money(currency: Currency) -> Meaning {
    Meaning::Unit(Unit::Money(currency))
}

const fn measure(measure: Measure) -> Meaning {
    Meaning::Unit(Unit::Measure(measure))
}

const fn magnitude(power: i32) -> Meaning {
    Meaning::Magnitude(power)
}

/// Signs, symbols and codes every language writes after a number.
const COMMON: &[(&str, Meaning)] = &[
    ("%", PERCENT),
    ("％", PERCENT),
    ("٪", PERCENT),
    ("€", EUR),
    ("£", GBP),
    ("₽", RUB),
    ("km", KM),
    ("㎞", KM),
    ("kg", KG),
    ("㎏", KG),
    ("USD", USD),
    ("EUR", EUR),
    ("JPY", YEN),
    ("CNY", YUAN),
    ("RMB", YUAN),
    ("KRW", WON),
    ("GBP", GBP),
    ("RUB", RUB),
    ("INR", INR),
    ("SAR", SAR),
    // Areas are counts here (no unit compares them), written with the number.
    ("km²", COUNTER),
    ("km2", COUNTER),
    ("m²", COUNTER),
    ("m2", COUNTER),
];

const ENGLISH: &[(&str, Meaning)] = &[
    ("thousand", magnitude(3)),
    ("million", magnitude(6)),
    ("billion", magnitude(9)),
    ("trillion", magnitude(12)),
    ("mln", magnitude(6)),
    ("bln", magnitude(9)),
    ("bn", magnitude(9)),
    ("tn", magnitude(12)),
    ("trn", magnitude(12)),
    ("lakh", magnitude(5)),
    ("crore", magnitude(7)),
    ("m", Meaning::MetreOrMillion),
    ("mn", Meaning::MoneyMagnitude(6)),
    ("percent", PERCENT),
    ("per cent", PERCENT),
    ("pct", PERCENT),
    ("percentage points", POINTS),
    ("percentage point", POINTS),
    ("percentage-point", POINTS),
    ("pct points", POINTS),
    ("pct point", POINTS),
    ("points", LOOSE_POINTS),
    ("point", LOOSE_POINTS),
    ("dollars", USD),
    ("dollar", USD),
    ("US dollars", USD),
    ("U.S. dollars", USD),
    ("euros", EUR),
    ("euro", EUR),
    ("yen", YEN),
    ("yuan", YUAN),
    ("renminbi", YUAN),
    (
        "won",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    ("pounds", GBP),
    ("pound", GBP),
    ("pounds sterling", GBP),
    ("sterling", GBP),
    ("roubles", RUB),
    ("rubles", RUB),
    ("rupees", INR),
    ("riyals", SAR),
    ("kilometres", KM),
    ("kilometers", KM),
    ("kilometre", KM),
    ("kilometer", KM),
    ("metres", METRE),
    ("meters", METRE),
    ("metre", METRE),
    ("meter", METRE),
    ("miles", MILE),
    ("mile", MILE),
    ("kilograms", KG),
    ("kilogrammes", KG),
    ("kilogram", KG),
    ("kilos", KG),
    ("tonnes", TONNE),
    ("tonne", TONNE),
    ("metric tons", TONNE),
    ("tons", TONNE),
    ("ton", TONNE),
    // Times of day: "10 a.m.", "3pm".
    ("a.m.", LOOSE),
    ("p.m.", LOOSE),
    ("am", LOOSE),
    ("pm", LOOSE),
    ("GMT", LOOSE),
    ("st", ORDINAL),
    ("nd", ORDINAL),
    ("rd", ORDINAL),
    ("th", ORDINAL),
];

const GERMAN: &[(&str, Meaning)] = &[
    ("Tausend", magnitude(3)),
    ("Tsd.", magnitude(3)),
    ("Million", magnitude(6)),
    ("Millionen", magnitude(6)),
    ("Mio.", magnitude(6)),
    ("Mio", magnitude(6)),
    ("Milliarde", magnitude(9)),
    ("Milliarden", magnitude(9)),
    ("Mrd.", magnitude(9)),
    ("Mrd", magnitude(9)),
    // The German Billion is a million millions.
    ("Billion", magnitude(12)),
    ("Billionen", magnitude(12)),
    ("Bio.", magnitude(12)),
    ("Prozent", PERCENT),
    ("Prozentpunkte", POINTS),
    ("Prozentpunkten", POINTS),
    ("Prozentpunkt", POINTS),
    ("Punkte", LOOSE_POINTS),
    ("Punkten", LOOSE_POINTS),
    ("Dollar", USD),
    ("US-Dollar", USD),
    ("Euro", EUR),
    ("Yen", YEN),
    ("Yuan", YUAN),
    ("Renminbi", YUAN),
    (
        "Won",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    ("Pfund", GBP),
    ("Pfund Sterling", GBP),
    ("Rubel", RUB),
    ("Rupien", INR),
    ("Riyal", SAR),
    ("Kilometer", KM),
    ("Kilometern", KM),
    ("Meter", METRE),
    ("Metern", METRE),
    ("m", METRE),
    ("Meilen", MILE),
    ("Meile", MILE),
    ("Kilogramm", KG),
    ("Tonnen", TONNE),
    ("Tonne", TONNE),
    ("t", TONNE),
    ("Uhr", LOOSE),
];

const FRENCH: &[(&str, Meaning)] = &[
    ("mille", magnitude(3)),
    ("million", magnitude(6)),
    ("millions", magnitude(6)),
    ("milliard", magnitude(9)),
    ("milliards", magnitude(9)),
    ("Md", magnitude(9)),
    ("Mds", magnitude(9)),
    // The French billion is a million millions.
    ("billion", magnitude(12)),
    ("billions", magnitude(12)),
    ("pour cent", PERCENT),
    ("points de pourcentage", POINTS),
    ("point de pourcentage", POINTS),
    ("points", LOOSE_POINTS),
    ("point", LOOSE_POINTS),
    ("dollars", USD),
    ("dollar", USD),
    ("euros", EUR),
    ("euro", EUR),
    ("yens", YEN),
    ("yen", YEN),
    ("yuans", YUAN),
    ("yuan", YUAN),
    ("livres sterling", GBP),
    ("livre sterling", GBP),
    // "3 livres" may be three books.
    (
        "livres",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Pound)),
    ),
    ("roubles", RUB),
    ("rouble", RUB),
    (
        "wons",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    (
        "won",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    ("roupies", INR),
    ("riyals", SAR),
    ("kilomètres", KM),
    ("kilomètre", KM),
    ("mètres", METRE),
    ("mètre", METRE),
    ("m", METRE),
    ("kilogrammes", KG),
    ("kilogramme", KG),
    ("kilos", KG),
    ("tonnes", TONNE),
    ("tonne", TONNE),
    ("t", TONNE),
    // "10 h 30", "10h30": a time of day.
    ("h", LOOSE),
    ("er", ORDINAL),
    ("re", ORDINAL),
    ("e", ORDINAL),
    ("ème", ORDINAL),
    ("ᵉ", ORDINAL),
];

const SPANISH: &[(&str, Meaning)] = &[
    ("mil millones", magnitude(9)),
    ("mil", magnitude(3)),
    ("millón", magnitude(6)),
    ("millones", magnitude(6)),
    ("millardo", magnitude(9)),
    ("millardos", magnitude(9)),
    // The Spanish billón is a million millions.
    ("billón", magnitude(12)),
    ("billones", magnitude(12)),
    ("por ciento", PERCENT),
    ("puntos porcentuales", POINTS),
    ("punto porcentual", POINTS),
    ("puntos", LOOSE_POINTS),
    ("punto", LOOSE_POINTS),
    ("dólares", USD),
    ("dólar", USD),
    ("euros", EUR),
    ("euro", EUR),
    ("yenes", YEN),
    ("yen", YEN),
    ("yuanes", YUAN),
    ("yuan", YUAN),
    ("libras esterlinas", GBP),
    ("libra esterlina", GBP),
    (
        "libras",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Pound)),
    ),
    ("rublos", RUB),
    ("rublo", RUB),
    (
        "wones",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    ("rupias", INR),
    ("riales", SAR),
    ("riyales", SAR),
    ("kilómetros", KM),
    ("kilómetro", KM),
    ("metros", METRE),
    ("metro", METRE),
    ("m", METRE),
    ("millas", MILE),
    ("milla", MILE),
    ("kilogramos", KG),
    ("kilos", KG),
    ("toneladas", TONNE),
    ("tonelada", TONNE),
    ("t", TONNE),
    ("º", ORDINAL),
    ("ª", ORDINAL),
    (".º", ORDINAL),
    (".ª", ORDINAL),
];

const RUSSIAN: &[(&str, Meaning)] = &[
    ("тысяча", magnitude(3)),
    ("тысячи", magnitude(3)),
    ("тысяч", magnitude(3)),
    ("тыс.", magnitude(3)),
    ("тыс", magnitude(3)),
    ("миллион", magnitude(6)),
    ("миллиона", magnitude(6)),
    ("миллионов", magnitude(6)),
    ("млн", magnitude(6)),
    ("миллиард", magnitude(9)),
    ("миллиарда", magnitude(9)),
    ("миллиардов", magnitude(9)),
    ("млрд", magnitude(9)),
    ("триллион", magnitude(12)),
    ("триллиона", magnitude(12)),
    ("триллионов", magnitude(12)),
    ("трлн", magnitude(12)),
    ("процент", PERCENT),
    ("процента", PERCENT),
    ("процентов", PERCENT),
    ("п.п.", POINTS),
    ("п. п.", POINTS),
    ("процентный пункт", POINTS),
    ("процентного пункта", POINTS),
    ("процентных пункта", POINTS),
    ("процентных пунктов", POINTS),
    ("пункт", LOOSE_POINTS),
    ("пункта", LOOSE_POINTS),
    ("пунктов", LOOSE_POINTS),
    ("доллар", USD),
    ("доллара", USD),
    ("долларов", USD),
    ("долл.", USD),
    ("евро", EUR),
    ("иена", YEN),
    ("иены", YEN),
    ("иен", YEN),
    ("юань", YUAN),
    ("юаня", YUAN),
    ("юаней", YUAN),
    ("рубль", RUB),
    ("рубля", RUB),
    ("рублей", RUB),
    ("руб.", RUB),
    ("фунт стерлингов", GBP),
    ("фунта стерлингов", GBP),
    ("фунтов стерлингов", GBP),
    (
        "вон",
        Meaning::UnitAfterMagnitude(Unit::Money(Currency::Won)),
    ),
    ("рупий", INR),
    ("риялов", SAR),
    ("риалов", SAR),
    ("км", KM),
    ("километр", KM),
    ("километра", KM),
    ("километров", KM),
    ("м", METRE),
    ("метр", METRE),
    ("метра", METRE),
    ("метров", METRE),
    ("миля", MILE),
    ("мили", MILE),
    ("миль", MILE),
    ("кг", KG),
    ("килограмм", KG),
    ("килограммов", KG),
    ("т", TONNE),
    ("тонна", TONNE),
    ("тонны", TONNE),
    ("тонн", TONNE),
    ("-й", ORDINAL),
    ("-го", ORDINAL),
    ("-му", ORDINAL),
    ("-м", ORDINAL),
    ("-я", ORDINAL),
    ("-е", ORDINAL),
    ("-х", ORDINAL),
    ("-ти", ORDINAL),
    ("-ми", ORDINAL),
];

const ARABIC: &[(&str, Meaning)] = &[
    ("ألف", magnitude(3)),
    ("آلاف", magnitude(3)),
    ("ألفا", magnitude(3)),
    ("مليون", magnitude(6)),
    ("ملايين", magnitude(6)),
    ("مليونا", magnitude(6)),
    ("مليار", magnitude(9)),
    ("مليارات", magnitude(9)),
    ("مليارا", magnitude(9)),
    ("بليون", magnitude(9)),
    ("تريليون", magnitude(12)),
    ("تريليونات", magnitude(12)),
    ("في المئة", PERCENT),
    ("في المائة", PERCENT),
    ("بالمئة", PERCENT),
    ("بالمائة", PERCENT),
    ("نقطة مئوية", POINTS),
    ("نقاط مئوية", POINTS),
    ("نقطة", LOOSE_POINTS),
    ("نقاط", LOOSE_POINTS),
    ("دولار", USD),
    ("دولارا", USD),
    ("دولارات", USD),
    ("يورو", EUR),
    ("ين", YEN),
    ("يوان", YUAN),
    ("ريال", SAR),
    ("ريالا", SAR),
    ("ريالات", SAR),
    ("روبل", RUB),
    ("روبلات", RUB),
    ("روبية", INR),
    ("روبيات", INR),
    ("جنيه إسترليني", GBP),
    ("جنيه استرليني", GBP),
    ("جنيهات إسترلينية", GBP),
    ("وون", WON),
    ("كيلومتر", KM),
    ("كيلومترا", KM),
    ("كيلومترات", KM),
    ("كم", KM),
    ("متر", METRE),
    ("مترا", METRE),
    ("أمتار", METRE),
    ("ميل", MILE),
    ("أميال", MILE),
    ("كيلوغرام", KG),
    ("كيلوغراما", KG),
    ("كغ", KG),
    ("كلغ", KG),
    ("طن", TONNE),
    ("طنا", TONNE),
    ("أطنان", TONNE),
];

const CHINESE: &[(&str, Meaning)] = &[
    ("美元", USD),
    ("美金", USD),
    ("欧元", EUR),
    ("歐元", EUR),
    ("日元", YEN),
    ("日圆", YEN),
    ("日圓", YEN),
    ("元人民币", YUAN),
    ("元人民幣", YUAN),
    ("人民币", YUAN),
    ("人民幣", YUAN),
    ("元", YUAN),
    ("韩元", WON),
    ("韓元", WON),
    ("英镑", GBP),
    ("英鎊", GBP),
    ("卢布", RUB),
    ("盧布", RUB),
    ("卢比", INR),
    ("里亚尔", SAR),
    ("个百分点", POINTS),
    ("個百分點", POINTS),
    ("百分点", POINTS),
    ("百分點", POINTS),
    ("公里", KM),
    ("千米", KM),
    ("米", METRE),
    ("英里", MILE),
    ("公斤", KG),
    ("千克", KG),
    ("吨", TONNE),
    ("噸", TONNE),
    ("名", COUNTER),
    ("人", COUNTER),
    ("个", COUNTER),
    ("個", COUNTER),
    ("位", COUNTER),
    ("架", COUNTER),
    ("艘", COUNTER),
    ("辆", COUNTER),
    ("輛", COUNTER),
    ("枚", COUNTER),
    ("颗", COUNTER),
    ("顆", COUNTER),
    ("发", COUNTER),
    ("件", COUNTER),
    ("次", COUNTER),
    ("例", COUNTER),
    ("家", COUNTER),
    ("所", COUNTER),
    ("座", COUNTER),
    ("处", COUNTER),
    ("處", COUNTER),
    ("户", COUNTER),
    ("戶", COUNTER),
    ("项", COUNTER),
    ("項", COUNTER),
    ("头", COUNTER),
    ("頭", COUNTER),
    ("只", COUNTER),
    ("隻", COUNTER),
    ("条", COUNTER),
    ("條", COUNTER),
    ("场", COUNTER),
    ("場", COUNTER),
    ("台", COUNTER),
    ("套", COUNTER),
    ("批", COUNTER),
    ("轮", COUNTER),
    ("輪", COUNTER),
    ("天", COUNTER),
    ("周", COUNTER),
    ("週", COUNTER),
    ("周年", COUNTER),
    ("小时", COUNTER),
    ("小時", COUNTER),
    ("分钟", COUNTER),
    ("分鐘", COUNTER),
    ("个月", COUNTER),
    ("個月", COUNTER),
    ("岁", COUNTER),
    ("歲", COUNTER),
    ("倍", LOOSE),
    ("国", LOOSE),
    ("國", LOOSE),
    ("年", LOOSE),
    ("月", LOOSE),
    ("日", LOOSE),
    ("号", LOOSE),
    ("號", LOOSE),
    ("时", LOOSE),
    ("時", LOOSE),
    ("点", LOOSE),
    ("點", LOOSE),
    ("分", LOOSE),
    ("秒", LOOSE),
];

const JAPANESE: &[(&str, Meaning)] = &[
    ("米ドル", USD),
    ("ドル", USD),
    ("ユーロ", EUR),
    ("円", YEN),
    ("人民元", YUAN),
    ("元", YUAN),
    ("ウォン", WON),
    ("ポンド", GBP),
    ("ルーブル", RUB),
    ("ルピー", INR),
    ("リヤル", SAR),
    ("パーセント", PERCENT),
    ("ポイント", LOOSE_POINTS),
    ("キロメートル", KM),
    ("メートル", METRE),
    ("マイル", MILE),
    ("キログラム", KG),
    ("トン", TONNE),
    // キロ alone is kilometres or kilograms.
    ("キロ", LOOSE),
    ("人", COUNTER),
    ("名", COUNTER),
    ("件", COUNTER),
    ("台", COUNTER),
    ("機", COUNTER),
    ("隻", COUNTER),
    ("発", COUNTER),
    ("個", COUNTER),
    ("回", COUNTER),
    ("社", COUNTER),
    ("校", COUNTER),
    ("店", COUNTER),
    ("戸", COUNTER),
    ("棟", COUNTER),
    ("頭", COUNTER),
    ("匹", COUNTER),
    ("本", COUNTER),
    ("枚", COUNTER),
    ("か国", LOOSE),
    ("カ国", LOOSE),
    ("ヶ国", LOOSE),
    ("ヵ国", LOOSE),
    ("ケ国", LOOSE),
    ("か所", COUNTER),
    ("カ所", COUNTER),
    ("ヶ所", COUNTER),
    ("カ月", COUNTER),
    ("か月", COUNTER),
    ("ヶ月", COUNTER),
    ("ヵ月", COUNTER),
    ("歳", COUNTER),
    ("週間", COUNTER),
    ("日間", COUNTER),
    ("時間", COUNTER),
    ("分間", COUNTER),
    ("年間", COUNTER),
    ("倍", LOOSE),
    // "一つ", "三つ": counted in words.
    ("つ", LOOSE),
    ("番目", LOOSE),
    ("位", LOOSE),
    ("度", LOOSE),
    ("年", LOOSE),
    ("月", LOOSE),
    ("日", LOOSE),
    ("時", LOOSE),
    ("分", LOOSE),
    ("秒", LOOSE),
];

const KOREAN: &[(&str, Meaning)] = &[
    ("달러", USD),
    ("유로", EUR),
    ("엔", YEN),
    ("위안", YUAN),
    ("원", WON),
    ("파운드", GBP),
    ("루블", RUB),
    ("루피", INR),
    ("리얄", SAR),
    ("퍼센트포인트", POINTS),
    ("%포인트", POINTS),
    ("%p", POINTS),
    ("포인트", LOOSE_POINTS),
    ("퍼센트", PERCENT),
    ("킬로미터", KM),
    ("미터", METRE),
    ("마일", MILE),
    ("킬로그램", KG),
    ("톤", TONNE),
    // 킬로 alone is kilometres or kilograms.
    ("킬로", LOOSE),
    ("명", COUNTER),
    ("개국", LOOSE),
    ("국", LOOSE),
    ("개월", COUNTER),
    ("개", COUNTER),
    ("대", COUNTER),
    ("척", COUNTER),
    ("건", COUNTER),
    ("곳", COUNTER),
    ("가구", COUNTER),
    ("마리", COUNTER),
    ("채", COUNTER),
    ("차례", COUNTER),
    ("가지", COUNTER),
    ("나라", LOOSE),
    // "2차 회의": the second meeting.
    ("차", LOOSE),
    ("번째", LOOSE),
    ("번", COUNTER),
    ("회", COUNTER),
    ("세", COUNTER),
    ("발", COUNTER),
    ("기", COUNTER),
    ("주", COUNTER),
    ("시간", COUNTER),
    ("배", LOOSE),
    ("위", LOOSE),
    ("년", LOOSE),
    ("월", LOOSE),
    ("일", LOOSE),
    ("시", LOOSE),
    ("분", LOOSE),
    ("초", LOOSE),
];

fn words_of(language: Language) -> &'static [(&'static str, Meaning)] {
    match language {
        Language::English => ENGLISH,
        Language::Chinese => CHINESE,
        Language::Japanese => JAPANESE,
        Language::Korean => KOREAN,
        Language::Arabic => ARABIC,
        Language::Russian => RUSSIAN,
        Language::German => GERMAN,
        Language::French => FRENCH,
        Language::Spanish => SPANISH,
    }
}

/// Each language's words and the common signs by their first letter (in lower case), longest
/// first, so that "percentage points" is tried before "percent" and "个百分点" before "个".
static TABLES: LazyLock<Vec<Table>> = LazyLock::new(|| {
    LANGUAGES
        .into_iter()
        .map(|language| {
            let mut table = Table::default();
            for &(form, meaning) in words_of(language).iter().chain(COMMON) {
                if let Some(first) = form.chars().next() {
                    table.entry(fold(first)).or_default().push((form, meaning));
                }
            }
            for words in table.values_mut() {
                words.sort_by_key(|(form, _)| std::cmp::Reverse(form.chars().count()));
            }
            table
        })
        .collect()
});

type Table = FxHashMap<char, Vec<(&'static str, Meaning)>>;

/// A letter in lower case (its first letter, for the few that lower to more).
fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The word of `language` that starts at byte `pos` of `text`, with the byte it ends at.
pub(super) fn word_at(text: &str, pos: usize, language: Language) -> Option<(Meaning, usize)> {
    let rest = text.get(pos..)?;
    let first = rest.chars().next()?;
    let index = LANGUAGES.iter().position(|&l| l == language)?;
    let words = TABLES.get(index)?.get(&fold(first))?;
    words.iter().find_map(|&(form, meaning)| {
        let len = prefix_len(rest, form)?;
        ends_word(form, &rest[len..]).then_some((meaning, pos + len))
    })
}

/// A currency written before a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CurrencySign {
    /// A currency wirecheck knows ("$", "US$", "€", "人民币").
    Known(Currency),
    /// Another country's dollar or yuan ("HK$", "A$", "新台币"): not the US dollar, not the
    /// yuan.
    Other,
}

const SIGNS: &[(&str, CurrencySign)] = &[
    ("US$", CurrencySign::Known(Currency::UsDollar)),
    ("HK$", CurrencySign::Other),
    ("NT$", CurrencySign::Other),
    ("NZ$", CurrencySign::Other),
    ("S$", CurrencySign::Other),
    ("A$", CurrencySign::Other),
    ("C$", CurrencySign::Other),
    ("R$", CurrencySign::Other),
    ("$", CurrencySign::Known(Currency::UsDollar)),
    ("€", CurrencySign::Known(Currency::Euro)),
    ("£", CurrencySign::Known(Currency::Pound)),
    ("¥", CurrencySign::Known(Currency::YenSign)),
    ("￥", CurrencySign::Known(Currency::YenSign)),
    ("₩", CurrencySign::Known(Currency::Won)),
    ("₽", CurrencySign::Known(Currency::Rouble)),
    ("₹", CurrencySign::Known(Currency::Rupee)),
    ("Rs.", CurrencySign::Known(Currency::Rupee)),
    ("Rs", CurrencySign::Known(Currency::Rupee)),
    ("USD", CurrencySign::Known(Currency::UsDollar)),
    ("EUR", CurrencySign::Known(Currency::Euro)),
    ("JPY", CurrencySign::Known(Currency::Yen)),
    ("CNY", CurrencySign::Known(Currency::Yuan)),
    ("RMB", CurrencySign::Known(Currency::Yuan)),
    ("KRW", CurrencySign::Known(Currency::Won)),
    ("GBP", CurrencySign::Known(Currency::Pound)),
    ("RUB", CurrencySign::Known(Currency::Rouble)),
    ("INR", CurrencySign::Known(Currency::Rupee)),
    ("SAR", CurrencySign::Known(Currency::Riyal)),
    ("人民币", CurrencySign::Known(Currency::Yuan)),
    ("人民幣", CurrencySign::Known(Currency::Yuan)),
    ("新台币", CurrencySign::Other),
    ("新台幣", CurrencySign::Other),
    ("台币", CurrencySign::Other),
    ("港币", CurrencySign::Other),
    ("港幣", CurrencySign::Other),
];

/// The currency written just before byte `end` of `text` (with at most one space between),
/// starting at or after `floor`: the sign and the byte it starts at.
pub(super) fn currency_before(
    text: &str,
    end: usize,
    floor: usize,
) -> Option<(CurrencySign, usize)> {
    let before = text.get(floor..end)?;
    let trimmed = before
        .strip_suffix(|c: char| SPACES.contains(&c))
        .unwrap_or(before);
    let (form, sign) = SIGNS.iter().find(|(form, _)| trimmed.ends_with(form))?;
    let start = floor + trimmed.len() - form.len();
    let preceding = text[..start].chars().next_back();
    if form.starts_with(|c: char| c.is_ascii_alphabetic())
        && preceding.is_some_and(|c| c.is_alphanumeric() && !is_wide(c))
    {
        return None;
    }
    // "Z$", "Mex$": a dollar of a country the table does not name.
    if *form == "$" && preceding.is_some_and(|c| c.is_ascii_alphabetic()) {
        return Some((CurrencySign::Other, start));
    }
    Some((*sign, start))
}

/// The spaces a number and its word may be written apart with.
pub(super) const SPACES: &[char] = &[' ', '\u{00A0}', '\u{202F}', '\u{2009}'];

/// The byte length of the one space at the start of `rest`, or 0.
pub(super) fn space_len(rest: &str) -> usize {
    rest.chars()
        .next()
        .filter(|c| SPACES.contains(c))
        .map_or(0, char::len_utf8)
}

/// Words that say a count is approximate, between a number and its counter ("3000多名",
/// "300余人", "3000여 명"): the number is still the one written.
pub(super) fn approximate_len(rest: &str, language: Language) -> usize {
    let markers: &[&str] = match language {
        Language::Chinese => &["多", "余", "餘"],
        Language::Japanese => &["余"],
        Language::Korean => &["여"],
        _ => &[],
    };
    markers
        .iter()
        .find(|marker| rest.starts_with(**marker))
        .map_or(0, |marker| marker.len())
}

/// The linking word between a magnitude and its currency in French and Spanish ("millions de
/// dollars", "milliards d'euros"): its byte length at the start of `rest`, or 0.
pub(super) fn linker_len(rest: &str, language: Language) -> usize {
    if !matches!(language, Language::French | Language::Spanish) {
        return 0;
    }
    let space = space_len(rest);
    let word = &rest[space..];
    for linker in ["de ", "d'", "d’", "de\u{00A0}"] {
        if prefix_len(word, linker).is_some() {
            return space + linker.len();
        }
    }
    0
}

/// Whether `c` is written in a script without spaces between words (Han, kana, hangul), where a
/// word may follow a number or a unit directly.
pub(super) fn is_wide(c: char) -> bool {
    matches!(
        script_of(c),
        Some(Script::Han | Script::Kana | Script::Hangul)
    )
}

/// Whether `c` is a letter of a script that spaces its words (Latin, Cyrillic, Arabic).
pub(super) fn is_spaced_letter(c: char) -> bool {
    matches!(
        script_of(c),
        Some(Script::Latin | Script::Cyrillic | Script::Arabic)
    ) || (c.is_alphabetic() && !c.is_ascii() && script_of(c).is_none() && !is_mark(c))
}

/// Whether `c` is a letter or a digit, told by range for the scripts of wire copy (the general
/// Unicode tables are slow, and this is asked of every character that may start a number word).
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{00C0}'..='\u{024F}' => c != '×' && c != '÷',
        '\u{0400}'..='\u{04FF}'
        | '\u{0620}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06FF}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{AC00}'..='\u{D7AF}' => true,
        _ if is_mark(c) => true,
        _ => c.is_alphanumeric(),
    }
}

/// Arabic vowel marks, written on the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Whether a word written `form` ends where `rest` starts: a form ending in a letter of a
/// spaced script must not run on into another letter or digit ("millionaire" is no "million").
fn ends_word(form: &str, rest: &str) -> bool {
    let Some(last) = form.chars().next_back() else {
        return true;
    };
    if !is_spaced_letter(last) {
        return true;
    }
    let next = rest.chars().find(|&c| !is_mark(c));
    !next.is_some_and(|c| c.is_ascii_digit() || is_spaced_letter(c))
}

/// Whether two letters are one, ignoring case.
fn same_letter(a: char, b: char) -> bool {
    a == b
        || if a.is_ascii() || b.is_ascii() {
            a.eq_ignore_ascii_case(&b)
        } else {
            a.is_alphabetic() && a.to_lowercase().eq(b.to_lowercase())
        }
}

/// The byte length of the text `rest` starts with that is `form` ignoring case; `None` when it
/// does not start with `form`.
pub(super) fn prefix_len(rest: &str, form: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = rest.chars();
    for expected in form.chars() {
        let c = chars.next()?;
        if !same_letter(expected, c) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(text: &str, language: Language) -> Option<(Meaning, usize)> {
        word_at(text, 0, language)
    }

    #[test]
    fn the_longest_word_wins_and_must_end_there() {
        assert_eq!(
            meaning("percentage points higher", Language::English),
            Some((POINTS, 17))
        );
        assert_eq!(meaning("percent", Language::English), Some((PERCENT, 7)));
        assert_eq!(meaning("millionaires", Language::English), None);
        assert_eq!(meaning("个百分点", Language::Chinese), Some((POINTS, 12)));
        assert_eq!(meaning("名工人", Language::Chinese), Some((COUNTER, 3)));
        assert_eq!(
            meaning("Mio. Dollar", Language::German),
            Some((magnitude(6), 4))
        );
        assert_eq!(
            meaning("MILLION", Language::English),
            Some((magnitude(6), 7))
        );
        assert_eq!(meaning("دولاراً", Language::Arabic), Some((USD, 12)));
        assert_eq!(meaning("명이", Language::Korean), Some((COUNTER, 3)));
        assert_eq!(meaning("kmの道", Language::Japanese), Some((KM, 2)));
    }

    #[test]
    fn currency_signs_are_read_back_from_the_number() {
        let text = "cost US$12";
        assert_eq!(
            currency_before(text, 8, 0),
            Some((CurrencySign::Known(Currency::UsDollar), 5))
        );
        let text = "cost HK$12";
        assert_eq!(currency_before(text, 8, 0), Some((CurrencySign::Other, 5)));
        let text = "cost Z$12";
        assert_eq!(currency_before(text, 7, 0), Some((CurrencySign::Other, 6)));
        let text = "USD 12";
        assert_eq!(
            currency_before(text, 4, 0),
            Some((CurrencySign::Known(Currency::UsDollar), 0))
        );
        // A code inside a word is no code; nothing before the floor is read.
        assert_eq!(currency_before("BUSD12", 4, 0), None);
        assert_eq!(currency_before("$12", 1, 1), None);
    }
}
