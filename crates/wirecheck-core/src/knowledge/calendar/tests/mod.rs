//! The finder as its callers see it: each language's forms with the issue's examples, what must
//! not be read, how firm each reading is, and two laws: a date written in a language's form reads
//! back as itself (`written`), and no text makes the finder panic or return a span outside the
//! one searched.

use jiff::civil::Weekday;
use proptest::prelude::*;

use super::find_calendar_dates;
use crate::knowledge::language::{LANGUAGES, Language};
use crate::knowledge::quantity::{CalendarDate, QuantityValue};
use crate::span::Span;

mod written;

/// What the finder reads in the whole of `text`: each date as written, its value and firmness.
fn read(text: &str, language: Language) -> Vec<(&str, CalendarDate, bool)> {
    find_calendar_dates(text, Span::new(0, text.len()), language)
        .into_iter()
        .map(|q| {
            let QuantityValue::Date(date) = q.value else {
                panic!("a date reader returned a number: {q:?}");
            };
            (q.span.slice(text), date, q.firm)
        })
        .collect()
}

/// The dates alone of `read`.
fn dates(text: &str, language: Language) -> Vec<CalendarDate> {
    read(text, language)
        .into_iter()
        .map(|(_, d, _)| d)
        .collect()
}

/// The spans alone of `read`.
fn spans(text: &str, language: Language) -> Vec<&str> {
    read(text, language)
        .into_iter()
        .map(|(s, _, _)| s)
        .collect()
}

/// The one date read in `text`; fails when there is not exactly one.
fn only(text: &str, language: Language) -> CalendarDate {
    match dates(text, language).as_slice() {
        [date] => *date,
        other => panic!("{text:?} ({language}) reads {other:?}, not one date"),
    }
}

fn ymd(year: i16, month: i8, day: i8) -> CalendarDate {
    CalendarDate {
        year: Some(year),
        month: Some(month),
        day: Some(day),
        weekday: None,
    }
}

fn md(month: i8, day: i8) -> CalendarDate {
    CalendarDate {
        month: Some(month),
        day: Some(day),
        ..CalendarDate::default()
    }
}

fn ym(year: i16, month: i8) -> CalendarDate {
    CalendarDate {
        year: Some(year),
        month: Some(month),
        ..CalendarDate::default()
    }
}

fn year(year: i16) -> CalendarDate {
    CalendarDate {
        year: Some(year),
        ..CalendarDate::default()
    }
}

fn day(day: i8) -> CalendarDate {
    CalendarDate {
        day: Some(day),
        ..CalendarDate::default()
    }
}

fn weekday(weekday: Weekday) -> CalendarDate {
    CalendarDate {
        weekday: Some(weekday),
        ..CalendarDate::default()
    }
}

fn with(date: CalendarDate, weekday: Weekday) -> CalendarDate {
    CalendarDate {
        weekday: Some(weekday),
        ..date
    }
}

const FRIDAY: Weekday = Weekday::Friday;

#[test]
fn chinese_and_japanese_dates() {
    use Language::{Chinese, Japanese};
    assert_eq!(only("5月3日", Chinese), md(5, 3));
    assert_eq!(only("2026年5月3日", Chinese), ymd(2026, 5, 3));
    assert_eq!(only("５月３日", Japanese), md(5, 3));
    assert_eq!(only("五月三日", Chinese), md(5, 3));
    assert_eq!(only("二〇二六年十二月三十一日", Chinese), ymd(2026, 12, 31));
    assert_eq!(only("五月廿三日", Chinese), md(5, 23));
    assert_eq!(only("5月3号", Chinese), md(5, 3));
    assert_eq!(only("2026年5月", Chinese), ym(2026, 5));
    assert_eq!(only("会议于5日举行", Chinese), day(5));
    assert_eq!(only("2026年", Chinese), year(2026));
    assert_eq!(
        read("新华社北京5月3日电", Chinese),
        [("5月3日", md(5, 3), true)]
    );
    assert_eq!(
        read("【共同社5月3日】日美两国", Japanese),
        [("5月3日", md(5, 3), true)]
    );
    assert_eq!(spans("1日至3日，5月7日", Chinese), ["1日", "3日", "5月7日"]);
}

#[test]
fn japanese_era_years() {
    use Language::Japanese;
    assert_eq!(only("令和8年5月3日", Japanese), ymd(2026, 5, 3));
    assert_eq!(only("令和元年", Japanese), year(2019));
    assert_eq!(only("令和８年", Japanese), year(2026));
    assert_eq!(only("平成31年4月30日", Japanese), ymd(2019, 4, 30));
    assert_eq!(only("平成元年", Japanese), year(1989));
    assert_eq!(only("昭和元年12月25日", Japanese), ymd(1926, 12, 25));
    assert_eq!(only("昭和六十四年", Japanese), year(1989));
    assert_eq!(only("大正十五年", Japanese), year(1926));
    assert_eq!(only("明治元年", Japanese), year(1868));
    assert_eq!(only("民國115年", Language::Chinese), year(2026));
    // Eras that ended have no year after their last.
    assert_eq!(dates("平成32年", Japanese), []);
    assert_eq!(dates("昭和65年", Japanese), []);
}

#[test]
fn chinese_and_japanese_weekdays() {
    use Language::{Chinese, Japanese};
    for form in ["周五", "星期五", "礼拜五", "週五", "禮拜五"] {
        assert_eq!(
            read(form, Chinese),
            [(form, weekday(FRIDAY), true)],
            "{form}"
        );
    }
    for form in ["金曜日", "金曜"] {
        assert_eq!(
            read(form, Japanese),
            [(form, weekday(FRIDAY), true)],
            "{form}"
        );
    }
    assert_eq!(only("星期日", Chinese), weekday(Weekday::Sunday));
    assert_eq!(only("礼拜天", Chinese), weekday(Weekday::Sunday));
    assert_eq!(only("日曜日", Japanese), weekday(Weekday::Sunday));
    assert_eq!(
        read("5月3日（金）", Japanese),
        [("5月3日（金）", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("3日(金)に", Japanese),
        [("3日(金)", with(day(3), FRIDAY), true)]
    );
    assert_eq!(
        read("5月4日（土・祝）", Japanese),
        [("5月4日（土・祝）", with(md(5, 4), Weekday::Saturday), true)]
    );
    assert_eq!(
        read("5月3日（周五）", Chinese),
        [("5月3日（周五）", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("5月3日星期五", Chinese),
        [("5月3日星期五", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("会议(周五)举行", Chinese),
        [("(周五)", weekday(FRIDAY), true)]
    );
}

#[test]
fn korean() {
    use Language::Korean;
    assert_eq!(only("2026년 5월 3일", Korean), ymd(2026, 5, 3));
    assert_eq!(only("5월 3일", Korean), md(5, 3));
    assert_eq!(only("5월3일", Korean), md(5, 3));
    assert_eq!(read("지난 3일", Korean), [("3일", day(3), false)]);
    assert_eq!(read("2026년", Korean), [("2026년", year(2026), false)]);
    assert_eq!(read("금요일", Korean), [("금요일", weekday(FRIDAY), true)]);
    assert_eq!(
        read("5월 3일(금)", Korean),
        [("5월 3일(금)", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("5월 3일 금요일", Korean),
        [("5월 3일 금요일", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(only("2026. 5. 3", Korean), ymd(2026, 5, 3));
}

#[test]
fn arabic() {
    use Language::Arabic;
    assert_eq!(only("3 مايو 2026", Arabic), ymd(2026, 5, 3));
    assert_eq!(only("٣ أيار", Arabic), md(5, 3));
    assert_eq!(only("٣ أيار ٢٠٢٦", Arabic), ymd(2026, 5, 3));
    assert_eq!(only("3 أيار/مايو 2026", Arabic), ymd(2026, 5, 3));
    assert_eq!(only("3 أيار (مايو) 2026م", Arabic), ymd(2026, 5, 3));
    assert_eq!(only("15 كانون الثاني", Arabic), md(1, 15));
    assert_eq!(only("15 كانون الأول", Arabic), md(12, 15));
    assert_eq!(only("1 تشرين الثاني 2025", Arabic), ymd(2025, 11, 1));
    assert_eq!(only("10 إبريل", Arabic), md(4, 10));
    assert_eq!(only("4 آب", Arabic), md(8, 4));
    assert_eq!(only("مايو 2026", Arabic), ym(2026, 5));
    assert_eq!(only("في 3 يونيو من عام 2026", Arabic), ymd(2026, 6, 3));
    assert_eq!(spans("عام 2026 هذا", Arabic), ["2026"]);
    assert_eq!(
        spans("الجمعة 15 شوال 1447هـ الموافق 3 أبريل 2026م", Arabic),
        ["الجمعة", "3 أبريل 2026م"]
    );
    let names = [
        ("الأحد", Weekday::Sunday),
        ("الاثنين", Weekday::Monday),
        ("الإثنين", Weekday::Monday),
        ("الثلاثاء", Weekday::Tuesday),
        ("الأربعاء", Weekday::Wednesday),
        ("الخميس", Weekday::Thursday),
        ("الجمعة", Weekday::Friday),
        ("السبت", Weekday::Saturday),
    ];
    for (name, value) in names {
        let text = format!("قال الوزير {name} إن");
        assert_eq!(
            read(&text, Arabic),
            [(name, weekday(value), true)],
            "{name}"
        );
    }
    assert_eq!(spans("يوم الجمعة", Arabic), ["يوم الجمعة"]);
    assert_eq!(spans("والخميس", Arabic), ["والخميس"]);
    assert_eq!(
        read("يوم الجمعة الموافق 3 مايو", Arabic),
        [("يوم الجمعة الموافق 3 مايو", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("الجمعة، 3 مايو", Arabic),
        [("الجمعة، 3 مايو", with(md(5, 3), FRIDAY), true)]
    );
}

#[test]
fn every_month_name_with_a_day_and_a_year() {
    use super::names;
    let forms: [(Language, names::Names<i8>, &str); 7] = [
        (Language::Arabic, names::ARABIC_MONTHS, "3 {} 2026"),
        (Language::Russian, names::RUSSIAN_MONTHS, "3 {} 2026"),
        (Language::German, names::GERMAN_MONTHS, "3. {} 2026"),
        (
            Language::German,
            names::GERMAN_MONTH_ABBREVIATIONS,
            "3. {}. 2026",
        ),
        (Language::French, names::FRENCH_MONTHS, "3 {} 2026"),
        (
            Language::French,
            names::FRENCH_MONTH_ABBREVIATIONS,
            "3 {}. 2026",
        ),
        (Language::Spanish, names::SPANISH_MONTHS, "3 de {} de 2026"),
    ];
    for (language, months, form) in forms {
        for &(name, month) in months {
            let text = form.replace("{}", name);
            assert_eq!(
                read(&text, language),
                [(text.as_str(), ymd(2026, month, 3), true)]
            );
        }
    }
}

#[test]
fn prepositions_that_count_make_no_year() {
    for (text, language) in [
        ("bis 2000 Menschen", Language::German),
        ("hasta 2000 personas", Language::Spanish),
        ("في 2000 منزل", Language::Arabic),
        ("one of 2000 people", Language::English),
    ] {
        assert_eq!(read(text, language), [], "{text}");
    }
}

#[test]
fn russian() {
    use Language::Russian;
    assert_eq!(only("3 мая", Russian), md(5, 3));
    assert_eq!(only("3 мая 2026 года", Russian), ymd(2026, 5, 3));
    assert_eq!(
        spans("3 мая 2026 года в Москве", Russian),
        ["3 мая 2026 года"]
    );
    assert_eq!(only("3 мая 2026 г.", Russian), ymd(2026, 5, 3));
    assert_eq!(only("в мае 2026 года", Russian), ym(2026, 5));
    assert_eq!(only("май 2026", Russian), ym(2026, 5));
    assert_eq!(only("1-го января", Russian), md(1, 1));
    assert_eq!(
        read("в 2026 году", Russian),
        [("2026 году", year(2026), false)]
    );
    let accusative = [
        ("в понедельник", Weekday::Monday),
        ("во вторник", Weekday::Tuesday),
        ("в среду", Weekday::Wednesday),
        ("в четверг", Weekday::Thursday),
        ("в пятницу", Weekday::Friday),
        ("в субботу", Weekday::Saturday),
        ("в воскресенье", Weekday::Sunday),
    ];
    for (text, value) in accusative {
        assert_eq!(only(text, Russian), weekday(value), "{text}");
    }
    assert_eq!(only("пятница", Russian), weekday(FRIDAY));
    assert_eq!(only("до пятницы", Russian), weekday(FRIDAY));
    assert_eq!(
        read("в пятницу, 3 мая", Russian),
        [("пятницу, 3 мая", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("Среда, 3 мая", Russian),
        [("Среда, 3 мая", with(md(5, 3), Weekday::Wednesday), true)]
    );
}

#[test]
fn german() {
    use Language::German;
    assert_eq!(only("3. Mai", German), md(5, 3));
    assert_eq!(only("3. Mai 2026", German), ymd(2026, 5, 3));
    assert_eq!(only("am 3.Mai", German), md(5, 3));
    assert_eq!(only("3. Jänner", German), md(1, 3));
    assert_eq!(only("17. März", German), md(3, 17));
    assert_eq!(only("3. Jan. 2026", German), ymd(2026, 1, 3));
    assert_eq!(only("Mai 2026", German), ym(2026, 5));
    assert_eq!(only("am 3.5.2026", German), ymd(2026, 5, 3));
    assert_eq!(
        read("am Freitag", German),
        [("Freitag", weekday(FRIDAY), true)]
    );
    assert_eq!(spans("Freitagabend", German), ["Freitagabend"]);
    assert_eq!(
        read("am Freitag, den 3. Mai", German),
        [("Freitag, den 3. Mai", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(
        read("Freitag, 3.5.2026", German),
        [("Freitag, 3.5.2026", with(ymd(2026, 5, 3), FRIDAY), true)]
    );
    assert_eq!(read("im Jahr 2026", German), [("2026", year(2026), false)]);
}

#[test]
fn french_and_spanish() {
    use Language::{French, Spanish};
    assert_eq!(only("3 mai", French), md(5, 3));
    assert_eq!(only("le 3 mai 2026", French), ymd(2026, 5, 3));
    assert_eq!(only("le 1er mai", French), md(5, 1));
    assert_eq!(only("le 14 juillet", French), md(7, 14));
    assert_eq!(only("15 août", French), md(8, 15));
    assert_eq!(only("3 MAI 2026", French), ymd(2026, 5, 3));
    assert_eq!(only("vendredi", French), weekday(FRIDAY));
    assert_eq!(
        read("vendredi 3 mai", French),
        [("vendredi 3 mai", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(read("en 2026", French), [("2026", year(2026), false)]);
    assert_eq!(only("3 de mayo", Spanish), md(5, 3));
    assert_eq!(only("3 de mayo de 2026", Spanish), ymd(2026, 5, 3));
    assert_eq!(only("1.º de mayo", Spanish), md(5, 1));
    assert_eq!(only("primero de mayo", Spanish), md(5, 1));
    assert_eq!(only("mayo de 2026", Spanish), ym(2026, 5));
    assert_eq!(
        read("el viernes", Spanish),
        [("viernes", weekday(FRIDAY), true)]
    );
    assert_eq!(only("el miércoles", Spanish), weekday(Weekday::Wednesday));
    assert_eq!(
        read("el viernes 3 de mayo", Spanish),
        [("viernes 3 de mayo", with(md(5, 3), FRIDAY), true)]
    );
    assert_eq!(only("el 03/05/2026", Spanish), ymd(2026, 5, 3));
}

#[test]
fn english() {
    use Language::English;
    assert_eq!(only("on May 3", English), md(5, 3));
    assert_eq!(
        only("Friday, May 3, 2026", English),
        with(ymd(2026, 5, 3), FRIDAY)
    );
    assert_eq!(
        read("on Friday", English),
        [("Friday", weekday(FRIDAY), true)]
    );
    assert_eq!(
        read("in May 2026", English),
        [("May 2026", ym(2026, 5), true)]
    );
    assert_eq!(read("on the 3rd.", English), [("the 3rd", day(3), false)]);
    assert_eq!(read("in 2026,", English), [("2026", year(2026), false)]);
    for nothing in [
        "yesterday",
        "Feb. 30",
        "the 3rd Infantry Division",
        "in 2000 homes was 1850",
    ] {
        let found: Vec<_> = dates(nothing, English)
            .into_iter()
            .filter(|d| d.day.is_some() || d.month.is_some())
            .collect();
        assert_eq!(found, [], "{nothing}");
    }
}

#[test]
fn the_issue_examples_agree_across_languages() {
    let english = |text: &str| only(text, Language::English);
    let may_3 = english("May 3");
    assert!(only("5月3日", Language::Chinese).agrees(&may_3));
    assert!(!only("5月3日", Language::Chinese).agrees(&english("May 4")));
    assert!(only("令和8年5月3日", Language::Japanese).agrees(&english("May 3, 2026")));
    assert!(!only("令和8年5月3日", Language::Japanese).agrees(&english("May 3, 2025")));
    let friday = english("on Friday");
    for (text, language) in [
        ("周五", Language::Chinese),
        ("星期五", Language::Chinese),
        ("金曜日", Language::Japanese),
        ("금요일", Language::Korean),
        ("يوم الجمعة", Language::Arabic),
        ("в пятницу", Language::Russian),
        ("am Freitag", Language::German),
        ("vendredi", Language::French),
        ("el viernes", Language::Spanish),
    ] {
        assert!(only(text, language).agrees(&friday), "{text}");
        assert!(
            !only(text, language).agrees(&english("on Thursday")),
            "{text}"
        );
    }
    assert!(only("٣ أيار", Language::Arabic).agrees(&may_3));
    assert!(only("3 мая 2026 года", Language::Russian).agrees(&english("May 3, 2026")));
    assert!(!only("3 мая", Language::Russian).agrees(&english("March 3")));
}

#[test]
fn words_that_only_look_like_dates() {
    let nothing = [
        // Month names without a day or a year are names and words.
        (
            "Die Sängerin Mai sagte, der März sei kalt",
            Language::German,
        ),
        ("La Plaza de Mayo y Marzo", Language::Spanish),
        ("la mission Mars 2020 de la NASA", Language::French),
        ("قال آب إن مارس", Language::Arabic),
        ("до мая ничего", Language::Russian),
        // Capitalised weekday names away from a sentence's start are names.
        ("llegó a Santo Domingo ayer", Language::Spanish),
        (
            "le roman de Tournier, Vendredi ou les limbes",
            Language::French,
        ),
        ("Domingo Pérez dijo", Language::Spanish),
        // A weekday name only as a whole word; and الاثنين, الأحد, среда in their other senses.
        ("الأحداث الأخيرة", Language::Arabic),
        ("الجمعية العامة", Language::Arabic),
        ("بين الاثنين", Language::Arabic),
        ("الأحد عشر", Language::Arabic),
        ("выбросы в окружающую среду", Language::Russian),
        ("окружающая среда", Language::Russian),
        ("в среду обитания", Language::Russian),
        ("die Zeitung der Freitag berichtet", Language::German),
        ("Freitags geht er", Language::German),
        // Numbers that are not days.
        ("3 000 рабочих", Language::Russian),
        ("3 000 travailleurs", Language::French),
        ("1.234.567 Euro", Language::German),
        // Counted days, weeks and years.
        ("每周一次", Language::Chinese),
        ("本周日本首相", Language::Chinese),
        ("週三日勤務", Language::Japanese),
        ("3日間", Language::Japanese),
        ("1990年代", Language::Chinese),
        ("2026年度", Language::Japanese),
        ("1.5日", Language::Chinese),
        ("3개월간", Language::Korean),
        ("3일간", Language::Korean),
        ("1990년대", Language::Korean),
        // Dates of other calendars.
        ("农历四月十五", Language::Chinese),
        ("음력 3월 15일", Language::Korean),
        ("عام 1447 هـ", Language::Arabic),
        ("15 شوال 1447هـ", Language::Arabic),
        // A weekday in brackets alone is a weekday only after a date: (金) is gold.
        ("価格(金)", Language::Japanese),
        ("(금)", Language::Korean),
    ];
    for (text, language) in nothing {
        assert_eq!(read(text, language), [], "{text} ({language})");
    }
    assert_eq!(
        spans("Из 3 000 рабочих 3 мая уволены", Language::Russian),
        ["3 мая"]
    );
}

#[test]
fn impossible_dates_are_not_dates() {
    let impossible = [
        ("5月32日", Language::Chinese),
        ("2月30日", Language::Chinese),
        ("2025年2月29日", Language::Chinese),
        ("13月", Language::Chinese),
        ("15月3日", Language::Chinese),
        ("2월 30일", Language::Korean),
        ("32 мая", Language::Russian),
        ("30. Februar", Language::German),
        ("31 avril", Language::French),
        ("31 de abril de 2026", Language::Spanish),
        ("31 نيسان", Language::Arabic),
        ("31.4.2026", Language::German),
    ];
    for (text, language) in impossible {
        assert_eq!(read(text, language), [], "{text} ({language})");
    }
    assert_eq!(only("2024年2月29日", Language::Chinese), ymd(2024, 2, 29));
    assert_eq!(only("2月29日", Language::Chinese), md(2, 29));
}

#[test]
fn firmness() {
    let firm = |text: &str, language| -> Vec<bool> {
        read(text, language)
            .into_iter()
            .map(|(_, _, f)| f)
            .collect()
    };
    use Language::{Chinese, English, Russian};
    assert_eq!(
        firm("5月3日、2026年5月、周五、3日、2026年、5月", Chinese),
        [true, true, true, false, false, false]
    );
    assert_eq!(
        firm(
            "May 3, May 2026, Friday, in May, in 2026, on the 3rd.",
            English
        ),
        [true, true, true, false, false, false]
    );
    assert_eq!(
        firm("3 мая, в пятницу, в 2026 году", Russian),
        [true, true, false]
    );
}

#[test]
fn only_the_span_given_is_searched() {
    let text = "5月3日和5月4日";
    let second = text.find("和").map_or(0, |i| i + "和".len());
    let found = find_calendar_dates(text, Span::new(second, text.len()), Language::Chinese);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(text), "5月4日");
    assert_eq!(found[0].span, Span::new(second, text.len()));
    // A span that is not on character boundaries, or not in the text, finds nothing.
    assert_eq!(
        find_calendar_dates(text, Span::new(2, text.len()), Language::Chinese),
        []
    );
    assert_eq!(
        find_calendar_dates(text, Span::new(0, text.len() + 1), Language::Chinese),
        []
    );
}

/// Pieces of dates in every language, for texts the finder might stumble on.
fn piece() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "5",
        "３",
        "٣",
        "12",
        "2026",
        "２０２６",
        "٢٠٢٦",
        "月",
        "日",
        "年",
        "号",
        "令和",
        "元",
        "平成",
        "周",
        "星期",
        "金",
        "曜",
        "（",
        "）",
        "(",
        ")",
        " ",
        "\n",
        "十",
        "二",
        "〇",
        "廿",
        "년",
        "월",
        "일",
        "요일",
        "금",
        "мая",
        "пятницу",
        "в ",
        "среду",
        "Mai",
        ". ",
        "de ",
        "mayo",
        "يوم ",
        "الجمعة",
        "مايو",
        "أيار/",
        "كانون ",
        "الثاني",
        "/",
        "-",
        ".",
        "1er",
        "the ",
        "3rd",
        "in ",
        "am ",
        "Freitag",
        "abend",
        "،",
        "وال",
        "é",
        "\u{301}",
        "\u{3000}",
    ];
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #[test]
    fn no_text_makes_the_finder_panic_or_stray(
        pieces in prop::collection::vec(piece(), 0..40),
        cut in (0usize..200, 0usize..200),
    ) {
        let text: String = pieces.concat();
        let floor = |at: usize| {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (a, b) = (floor(cut.0), floor(cut.1));
        let span = Span::new(a.min(b), a.max(b));
        for language in LANGUAGES {
            let found = find_calendar_dates(&text, span, language);
            let mut last_end = span.start;
            for quantity in &found {
                let s = quantity.span;
                prop_assert!(span.contains(s), "{:?} outside {:?} in {:?}", s, span, text);
                prop_assert!(!s.is_empty());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                prop_assert!(s.start >= last_end, "overlapping or out of order in {:?}", text);
                last_end = s.end;
                prop_assert!(matches!(quantity.value, QuantityValue::Date(_)));
            }
            // A span off the character boundaries finds nothing, and does not panic.
            let _ = find_calendar_dates(&text, Span::new(cut.0, cut.1), language);
        }
    }
}
