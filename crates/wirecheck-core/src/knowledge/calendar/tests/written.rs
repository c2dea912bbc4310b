//! The law that a date written in any language's form reads back as itself: a generated date
//! (its shape, whether a weekday goes with it, and which of each language's ways to write it) is
//! written in a sentence of each language and must be found there, alone, with its value.

use jiff::civil::Weekday;
use proptest::prelude::*;

use super::{md, ym, ymd};
use crate::knowledge::calendar::{find_calendar_dates, is_firm};
use crate::knowledge::language::{LANGUAGES, Language};
use crate::knowledge::quantity::{CalendarDate, QuantityValue};
use crate::span::Span;

/// A date as a language writes it, in a sentence: the text, where the date is in it, and what it
/// says.
struct Written {
    text: String,
    span: Span,
    date: CalendarDate,
}

/// What a generated date gives.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// Year, month and day.
    Full,
    /// Month and day.
    MonthDay,
    /// Month and year.
    MonthYear,
    /// A weekday alone.
    Weekday,
    /// A day of the month alone.
    Day,
    /// A year alone.
    Year,
}

/// A generated date: its parts, its shape, whether a weekday goes with a month and day, and a
/// choice among each language's ways of writing it.
#[derive(Clone, Copy, Debug)]
struct Generated {
    year: i16,
    month: i8,
    day: i8,
    weekday: Weekday,
    shape: Shape,
    with_weekday: bool,
    variant: usize,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        1900i16..=2100,
        1i8..=12,
        1i8..=31,
        0i8..7,
        prop_oneof![
            Just(Shape::Full),
            Just(Shape::MonthDay),
            Just(Shape::MonthYear),
            Just(Shape::Weekday),
            Just(Shape::Day),
            Just(Shape::Year),
        ],
        any::<bool>(),
        0usize..64,
    )
        .prop_map(
            |(year, month, day, weekday, shape, with_weekday, variant)| {
                // Days past a month's end are brought into it (February as in leap years, the year
                // then made one when written).
                let last = match month {
                    2 => 29,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                let year = if month == 2 && day > 28 && matches!(shape, Shape::Full) {
                    year - year.rem_euclid(4) + if year % 100 == 0 { 4 } else { 0 }
                } else {
                    year
                };
                Generated {
                    year: year.min(2096),
                    month,
                    day: day.min(last),
                    weekday: Weekday::from_monday_zero_offset(weekday).unwrap_or(Weekday::Monday),
                    shape,
                    with_weekday,
                    variant,
                }
            },
        )
}

impl Generated {
    /// The date as written: the parts of the shape, with the weekday when one goes with it.
    fn date(&self) -> CalendarDate {
        let mut date = CalendarDate::default();
        match self.shape {
            Shape::Full => date = ymd(self.year, self.month, self.day),
            Shape::MonthDay => date = md(self.month, self.day),
            Shape::MonthYear => date = ym(self.year, self.month),
            Shape::Weekday => date.weekday = Some(self.weekday),
            Shape::Day => date.day = Some(self.day),
            Shape::Year => date.year = Some(self.year),
        }
        if self.weekday_attached() {
            date.weekday = Some(self.weekday);
        }
        date
    }

    fn weekday_attached(&self) -> bool {
        self.with_weekday && matches!(self.shape, Shape::Full | Shape::MonthDay)
    }

    /// The `n`th of `choices`, chosen by the variant (each list its own digit of it).
    fn pick<'a, T: ?Sized>(&self, n: usize, choices: &[&'a T]) -> &'a T {
        choices[(self.variant >> n) % choices.len()]
    }
}

fn ascii(n: impl std::fmt::Display) -> String {
    n.to_string()
}

fn full_width(n: impl std::fmt::Display) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap_or(c))
        .collect()
}

fn arabic_indic(n: impl std::fmt::Display) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0x0660).unwrap_or(c))
        .collect()
}

/// A number below 100 in Chinese numerals.
fn chinese(n: i8) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: i8| DIGITS[usize::try_from(d).unwrap_or(0)];
    match (n / 10, n % 10) {
        (0, units) => digit(units).to_owned(),
        (1, 0) => "十".to_owned(),
        (1, units) => format!("十{}", digit(units)),
        (tens, 0) => format!("{}十", digit(tens)),
        (tens, units) => format!("{}十{}", digit(tens), digit(units)),
    }
}

/// A year in Chinese digits, one by one.
fn chinese_year(year: i16) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    year.to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).map_or(0, |d| d as usize)])
        .collect()
}

fn weekday_index(weekday: Weekday) -> usize {
    usize::from(weekday.to_monday_zero_offset().unsigned_abs())
}

/// `generated` written as `language` writes it, inside a sentence.
fn write(generated: &Generated, language: Language) -> Option<Written> {
    let g = generated;
    let (before, date, after) = match language {
        Language::Chinese => write_chinese(g)?,
        Language::Japanese => write_japanese(g)?,
        Language::Korean => write_korean(g)?,
        Language::Arabic => write_arabic(g)?,
        Language::Russian => write_russian(g)?,
        Language::German => write_german(g)?,
        Language::French => write_french(g)?,
        Language::Spanish => write_spanish(g)?,
        Language::English => write_english(g)?,
    };
    let (open, close) = match language {
        Language::Chinese => ("据报道，", "，会议举行。"),
        Language::Japanese => ("政府は", "に発表した。"),
        Language::Korean => ("정부는 ", "에 발표했다."),
        Language::Arabic => ("قال المسؤول ", " إن الاجتماع عقد."),
        Language::Russian => ("встреча состоится ", " в Москве."),
        Language::German => ("das Treffen findet ", " in Berlin statt."),
        Language::French => ("la réunion aura lieu ", " à Paris."),
        Language::Spanish => ("la reunión será ", " en Madrid."),
        Language::English => ("the meeting is ", ", officials said."),
    };
    let start = open.len() + before.len();
    Some(Written {
        text: format!("{open}{before}{date}{after}{close}"),
        span: Span::new(start, start + date.len()),
        date: g.date(),
    })
}

type Pieces = (String, String, String);

fn write_chinese(g: &Generated) -> Option<Pieces> {
    const WEEKDAY: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let (year, month, day) = match g.variant % 3 {
        0 => (ascii(g.year), ascii(g.month), ascii(g.day)),
        1 => (full_width(g.year), full_width(g.month), full_width(g.day)),
        _ => (chinese_year(g.year), chinese(g.month), chinese(g.day)),
    };
    let prefix = g.pick(2, &["星期", "周", "礼拜", "週"]);
    let weekday = format!("{prefix}{weekday}");
    let date = match g.shape {
        Shape::Full => format!("{year}年{month}月{day}日"),
        Shape::MonthDay => format!("{month}月{day}{}", g.pick(4, &["日", "号"])),
        Shape::MonthYear => format!("{year}年{month}月"),
        Shape::Weekday => weekday.clone(),
        // A day alone is read in digits only: 一日 is as often "one day".
        Shape::Day => format!("{}日", ascii(g.day)),
        Shape::Year => format!("{year}年"),
    };
    let date = if g.weekday_attached() {
        let form = g.pick(5, &["（{}）", "({})", "{}"]);
        format!("{date}{}", form.replace("{}", &weekday))
    } else {
        date
    };
    Some((String::new(), date, String::new()))
}

fn write_japanese(g: &Generated) -> Option<Pieces> {
    const WEEKDAY: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let digits = |n: i64| {
        if g.variant.is_multiple_of(2) {
            ascii(n)
        } else {
            full_width(n)
        }
    };
    let era = match g.year {
        2019.. => Some(("令和", 2019)),
        1989.. => Some(("平成", 1989)),
        1926.. => Some(("昭和", 1926)),
        _ => None,
    };
    let year = match era {
        Some((name, first)) if (g.variant >> 1).is_multiple_of(2) => {
            let number = g.year - first + 1;
            if number == 1 {
                format!("{name}元")
            } else {
                format!("{name}{}", digits(i64::from(number)))
            }
        }
        _ => digits(i64::from(g.year)),
    };
    let (month, day) = (digits(i64::from(g.month)), digits(i64::from(g.day)));
    let date = match g.shape {
        Shape::Full => format!("{year}年{month}月{day}日"),
        Shape::MonthDay => format!("{month}月{day}日"),
        Shape::MonthYear => format!("{year}年{month}月"),
        Shape::Weekday => format!("{weekday}{}", g.pick(2, &["曜日", "曜"])),
        Shape::Day => format!("{day}日"),
        Shape::Year => format!("{year}年"),
    };
    let date = if g.weekday_attached() {
        let form = g.pick(3, &["（{}）", "({})", "（{}曜日）", "{}曜日"]);
        format!("{date}{}", form.replace("{}", weekday))
    } else {
        date
    };
    Some((String::new(), date, String::new()))
}

fn write_korean(g: &Generated) -> Option<Pieces> {
    const WEEKDAY: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let space = g.pick(0, &[" ", ""]);
    let date = match g.shape {
        Shape::Full => format!("{}년{space}{}월{space}{}일", g.year, g.month, g.day),
        Shape::MonthDay => format!("{}월{space}{}일", g.month, g.day),
        Shape::MonthYear => format!("{}년{space}{}월", g.year, g.month),
        Shape::Weekday => format!("{weekday}요일"),
        Shape::Day => format!("{}일", g.day),
        Shape::Year => format!("{}년", g.year),
    };
    let date = if g.weekday_attached() {
        let form = g.pick(1, &["({})", " ({})", " {}요일", "({}요일)"]);
        format!("{date}{}", form.replace("{}", weekday))
    } else {
        date
    };
    Some((String::new(), date, String::new()))
}

fn write_arabic(g: &Generated) -> Option<Pieces> {
    const GULF: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    const LEVANT: [&str; 12] = [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ];
    const WEEKDAY: [&str; 7] = [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ];
    let index = usize::try_from(g.month - 1).unwrap_or(0);
    let month = match g.variant % 3 {
        0 => GULF[index].to_owned(),
        1 => LEVANT[index].to_owned(),
        _ => format!("{}/{}", LEVANT[index], GULF[index]),
    };
    let number = |n: i16| {
        if (g.variant >> 2).is_multiple_of(2) {
            ascii(n)
        } else {
            arabic_indic(n)
        }
    };
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let (day, year) = (number(i16::from(g.day)), number(g.year));
    let (before, date) = match g.shape {
        Shape::Full => (String::new(), format!("{day} {month} {year}")),
        Shape::MonthDay => (String::new(), format!("{day} {month}")),
        Shape::MonthYear => (String::new(), format!("{month} {year}")),
        Shape::Weekday => (
            String::new(),
            format!("{}{weekday}", g.pick(3, &["", "يوم "])),
        ),
        Shape::Day => return None,
        Shape::Year => ("عام ".to_owned(), year),
    };
    let date = if g.weekday_attached() {
        let form = g.pick(4, &["{} ", "يوم {} ", "{}، ", "يوم {} الموافق "]);
        format!("{}{date}", form.replace("{}", weekday))
    } else {
        date
    };
    Some((before, date, String::new()))
}

fn write_russian(g: &Generated) -> Option<Pieces> {
    const GENITIVE: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const PREPOSITIONAL: [&str; 12] = [
        "январе",
        "феврале",
        "марте",
        "апреле",
        "мае",
        "июне",
        "июле",
        "августе",
        "сентябре",
        "октябре",
        "ноябре",
        "декабре",
    ];
    const ACCUSATIVE: [&str; 7] = [
        "понедельник",
        "вторник",
        "среду",
        "четверг",
        "пятницу",
        "субботу",
        "воскресенье",
    ];
    const NOMINATIVE: [&str; 7] = [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    let index = usize::try_from(g.month - 1).unwrap_or(0);
    let w = weekday_index(g.weekday);
    let year_word = g.pick(0, &["", " года", " г."]);
    let (mut before, date) = match g.shape {
        Shape::Full => (
            String::new(),
            format!("{} {} {}{year_word}", g.day, GENITIVE[index], g.year),
        ),
        Shape::MonthDay => (String::new(), format!("{} {}", g.day, GENITIVE[index])),
        Shape::MonthYear => (
            "в ".to_owned(),
            format!("{} {} года", PREPOSITIONAL[index], g.year),
        ),
        Shape::Weekday => (
            if w == 1 { "во " } else { "в " }.to_owned(),
            ACCUSATIVE[w].to_owned(),
        ),
        Shape::Day => return None,
        Shape::Year => ("в ".to_owned(), format!("{} году", g.year)),
    };
    let date = if g.weekday_attached() {
        if g.variant.is_multiple_of(2) {
            before = if w == 1 { "во " } else { "в " }.to_owned();
            format!("{}, {date}", ACCUSATIVE[w])
        } else {
            format!("{}, {date}", NOMINATIVE[w])
        }
    } else {
        date
    };
    Some((before, date, String::new()))
}

fn write_german(g: &Generated) -> Option<Pieces> {
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const WEEKDAY: [&str; 7] = [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ];
    let index = usize::try_from(g.month - 1).unwrap_or(0);
    let month = if index == 0 {
        g.pick(0, &["Januar", "Jänner"])
    } else {
        MONTHS[index]
    };
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let numeric = (g.variant >> 1) % 2 == 1;
    let (before, date) = match g.shape {
        Shape::Full if numeric => (String::new(), format!("{}.{}.{}", g.day, g.month, g.year)),
        Shape::Full => (String::new(), format!("{}. {month} {}", g.day, g.year)),
        Shape::MonthDay => (String::new(), format!("{}. {month}", g.day)),
        Shape::MonthYear => ("im ".to_owned(), format!("{month} {}", g.year)),
        Shape::Weekday => ("am ".to_owned(), weekday.to_owned()),
        Shape::Day => return None,
        Shape::Year => ("im Jahr ".to_owned(), g.year.to_string()),
    };
    let date = if g.weekday_attached() {
        let form = g.pick(2, &["{}, ", "{}, den ", "{}, dem "]);
        format!("{}{date}", form.replace("{}", weekday))
    } else {
        date
    };
    Some((before, date, String::new()))
}

fn write_french(g: &Generated) -> Option<Pieces> {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const WEEKDAY: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    let month = MONTHS[usize::try_from(g.month - 1).unwrap_or(0)];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let day = if g.day == 1 && g.variant.is_multiple_of(2) {
        "1er".to_owned()
    } else {
        g.day.to_string()
    };
    let (before, date) = match g.shape {
        Shape::Full => ("le ".to_owned(), format!("{day} {month} {}", g.year)),
        Shape::MonthDay => ("le ".to_owned(), format!("{day} {month}")),
        Shape::MonthYear => ("en ".to_owned(), format!("{month} {}", g.year)),
        Shape::Weekday => (String::new(), weekday.to_owned()),
        Shape::Day => return None,
        Shape::Year => ("en ".to_owned(), g.year.to_string()),
    };
    if g.weekday_attached() {
        return Some((String::new(), format!("{weekday} {date}"), String::new()));
    }
    Some((before, date, String::new()))
}

fn write_spanish(g: &Generated) -> Option<Pieces> {
    const MONTHS: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    const WEEKDAY: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    let month = MONTHS[usize::try_from(g.month - 1).unwrap_or(0)];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let (before, date) = match g.shape {
        Shape::Full => (
            "el ".to_owned(),
            format!("{} de {month} de {}", g.day, g.year),
        ),
        Shape::MonthDay => ("el ".to_owned(), format!("{} de {month}", g.day)),
        Shape::MonthYear => ("en ".to_owned(), format!("{month} de {}", g.year)),
        Shape::Weekday => ("el ".to_owned(), weekday.to_owned()),
        Shape::Day => return None,
        Shape::Year => ("en ".to_owned(), g.year.to_string()),
    };
    if g.weekday_attached() {
        let form = g.pick(0, &["{} ", "{}, "]);
        return Some((
            "el ".to_owned(),
            format!("{}{date}", form.replace("{}", weekday)),
            String::new(),
        ));
    }
    Some((before, date, String::new()))
}

fn write_english(g: &Generated) -> Option<Pieces> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAY: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let month = MONTHS[usize::try_from(g.month - 1).unwrap_or(0)];
    let weekday = WEEKDAY[weekday_index(g.weekday)];
    let suffix = match g.day {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    };
    let day_first = g.variant.is_multiple_of(2);
    let (before, date) = match g.shape {
        Shape::Full if day_first => ("on ".to_owned(), format!("{} {month} {}", g.day, g.year)),
        Shape::Full => ("on ".to_owned(), format!("{month} {}, {}", g.day, g.year)),
        Shape::MonthDay if day_first => ("on ".to_owned(), format!("{} {month}", g.day)),
        Shape::MonthDay => ("on ".to_owned(), format!("{month} {}", g.day)),
        Shape::MonthYear => ("in ".to_owned(), format!("{month} {}", g.year)),
        Shape::Weekday => ("on ".to_owned(), weekday.to_owned()),
        Shape::Day => ("on ".to_owned(), format!("the {}{suffix}", g.day)),
        Shape::Year => ("in ".to_owned(), g.year.to_string()),
    };
    if g.weekday_attached() {
        return Some((
            "on ".to_owned(),
            format!("{weekday}, {date}"),
            String::new(),
        ));
    }
    Some((before, date, String::new()))
}

proptest! {
    #[test]
    fn a_written_date_reads_back_as_itself(generated in generated()) {
        for language in LANGUAGES {
            let Some(written) = write(&generated, language) else { continue };
            let found = find_calendar_dates(&written.text, Span::new(0, written.text.len()), language);
            let read: Vec<(&str, QuantityValue)> =
                found.iter().map(|q| (q.span.slice(&written.text), q.value)).collect();
            prop_assert_eq!(
                read,
                vec![(written.span.slice(&written.text), QuantityValue::Date(written.date))],
                "{} ({})", written.text, language
            );
            prop_assert_eq!(found[0].firm, is_firm(&written.date));
        }
    }
}
