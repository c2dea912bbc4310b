//! Chinese and Japanese dates: 5月3日, 2026年5月3日, ５月３日, 五月三日, 二〇二六年, 五月廿三日;
//! a day alone in digits (3日: 一日 is as often "one day"), a month or a year alone (5月,
//! 2026年); the Japanese era years (令和8年 is 2026, 令和元年 2019; 平成, 昭和, 大正, 明治) and
//! Taiwan's 民國; weekdays (周五, 星期五, 礼拜五, 週五, 金曜日, 金曜) and the weekday in brackets
//! after a date (5月3日（金）, 3日(金・祝), 5月3日（周五）). No boundary between words is written,
//! so a date may sit inside a dateline (新华社北京5月3日电, 【共同社5月3日】); what may not touch
//! it is another numeral.

use std::sync::LazyLock;

use jiff::civil::Weekday;
use regex::{Captures, Regex};

use super::numerals::{is_chinese_numeral, is_digit, read_number};
use super::{
    Found, SPACE, Verdict, WeekdayFound, WeekdaySide, attach_weekdays, char_at, char_before,
    date_of, follows_any, scan, unless_a_count,
};
use crate::knowledge::language::Language;
use crate::knowledge::quantity::CalendarDate;

/// An era: its names, its first Gregorian year (its 元年) and its last year of the era, if it has
/// ended.
struct Era {
    names: &'static [&'static str],
    first_year: u32,
    last: Option<u32>,
}

const ERAS: &[Era] = &[
    Era {
        names: &["令和"],
        first_year: 2019,
        last: None,
    },
    Era {
        names: &["平成"],
        first_year: 1989,
        last: Some(31),
    },
    Era {
        names: &["昭和"],
        first_year: 1926,
        last: Some(64),
    },
    Era {
        names: &["大正"],
        first_year: 1912,
        last: Some(15),
    },
    Era {
        names: &["明治"],
        first_year: 1868,
        last: Some(45),
    },
    Era {
        names: &["民國", "民国"],
        first_year: 1912,
        last: None,
    },
];

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let space = format!("{SPACE}*");
    let number = "(?:[0-9０-９]{1,2}|[〇零一二三四五六七八九十廿卅]{1,3})";
    let eras: Vec<&str> = ERAS
        .iter()
        .flat_map(|era| era.names.iter().copied())
        .collect();
    let year = format!(
        "(?:(?:{}){space}(?:元|[0-9０-９]{{1,3}}|[一二三四五六七八九十]{{1,3}})|[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}}){space}年",
        eras.join("|")
    );
    let month = format!("{number}{space}月");
    let day = format!("{number}{space}[日号號]");
    let pattern = format!(
        "{year}(?:{space}{month}(?:{space}{day})?)?|{month}(?:{space}{day})?|[0-9０-９]{{1,2}}{space}日"
    );
    Regex::new(&pattern).unwrap_or_else(|err| unreachable!("the CJK date pattern is valid: {err}"))
});

/// The weekday forms: Chinese (星期五, 礼拜五, 周五, 週五) and Japanese (金曜日, 金曜), bare or in
/// brackets; in brackets also the one character of a Japanese date (（金）), with a holiday mark
/// ((土・祝)).
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let space = format!("{SPACE}*");
    let full = "(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[月火水木金土日]曜日?";
    let pattern = format!(
        "[（(]{space}(?:{full}|[月火水木金土日])(?:{space}[・･、,]{space}(?:祝日?|休日?|振休))?{space}[）)]|{full}"
    );
    Regex::new(&pattern)
        .unwrap_or_else(|err| unreachable!("the CJK weekday pattern is valid: {err}"))
});

/// What may follow 周 and a numeral when they are not a weekday: "每周一次" is once a week.
const NOT_AFTER_WEEKDAY: &str = "次回遍度岁歲个個年位名";

/// What may follow 周日 when its 日 begins another word: "本周日本首相", "本周日元汇率".
const NOT_AFTER_SUNDAY: &str = "本韩韓美中元圆圓俄欧歐方军軍报報企媒籍产產系股经經";

/// What may follow a year alone when it is not a year: 年度 (a fiscal year), 年代 (a decade), 年前
/// (years ago), 年间, 年来, 年余, 年多 (a span of years).
const NOT_AFTER_YEAR: &str = "度代前间間来來余餘多";

/// What may follow a day alone when it counts days: 3日間, 3日ぶり, 3日後, 3日以内.
const NOT_AFTER_DAY: &str = "間间後后内內以余餘多連连ぶ";

/// Words before a date of the lunar calendar (农历四月十五), which is not the Gregorian one.
const LUNAR: &[&str] = &[
    "农历", "農曆", "农曆", "阴历", "陰曆", "旧历", "舊曆", "旧暦",
];

/// The dates of `haystack`, a Chinese or Japanese text, with `numeric` (the numeric dates found
/// in it), weekdays after a date attached to it.
pub(super) fn find(haystack: &str, language: Language, numeric: Vec<Found>) -> Vec<Found> {
    let mut dates = scan(&DATE, haystack, |c| read_date(haystack, c));
    dates.extend(numeric);
    let weekdays = scan(&WEEKDAY, haystack, |c| read_weekday(haystack, language, c));
    attach_weekdays(dates, weekdays, haystack, WeekdaySide::After, |gap| {
        gap.chars().all(char::is_whitespace)
    })
}

fn read_date(haystack: &str, captures: &Captures<'_>) -> Verdict<Found> {
    let Some(whole) = captures.get(0) else {
        return Verdict::Skip;
    };
    let text = whole.as_str();
    let starts_chinese = text.chars().next().is_some_and(is_chinese_numeral);
    let touching = char_before(haystack, whole.start()).is_some_and(|c| {
        is_digit(c) || matches!(c, '.' | '．' | '第') || (starts_chinese && is_chinese_numeral(c))
    });
    if touching {
        return Verdict::Retry;
    }
    let Some(date) = read_parts(text) else {
        return Verdict::Skip;
    };
    if follows_any(haystack, whole.start(), LUNAR) {
        return Verdict::Skip;
    }
    unless_a_count(
        haystack,
        (whole.start(), whole.end()),
        date,
        (NOT_AFTER_YEAR, NOT_AFTER_DAY),
    )
}

/// The date of a match: the parts before 年, 月 and 日 (or 号).
fn read_parts(text: &str) -> Option<CalendarDate> {
    let mut rest = text;
    let year = take_part(&mut rest, '年');
    let month = take_part(&mut rest, '月');
    let day = take_part(&mut rest, '日')
        .or_else(|| take_part(&mut rest, '号'))
        .or_else(|| take_part(&mut rest, '號'));
    let year = match year {
        Some(year) => Some(read_year(year)?),
        None => None,
    };
    let number = |part: Option<&str>| match part {
        Some(part) => read_number(part).map(Some),
        None => Some(None),
    };
    date_of(year, number(month)?, number(day)?)
}

/// The part of `rest` before `marker`, trimmed, leaving `rest` after it.
fn take_part<'a>(rest: &mut &'a str, marker: char) -> Option<&'a str> {
    let at = rest.find(marker)?;
    let part = rest[..at].trim();
    *rest = &rest[at + marker.len_utf8()..];
    Some(part)
}

/// A year: Gregorian (2026, ２０２６, 二〇二六) or of an era (令和8, 令和元, 平成三十一).
fn read_year(written: &str) -> Option<u32> {
    for era in ERAS {
        for name in era.names {
            if let Some(number) = written.strip_prefix(name) {
                let number = number.trim();
                let number = if number == "元" {
                    1
                } else {
                    read_number(number)?
                };
                if number == 0 || era.last.is_some_and(|last| number > last) {
                    return None;
                }
                return Some(era.first_year + number - 1);
            }
        }
    }
    read_number(written).filter(|_| written.chars().count() == 4)
}

fn read_weekday(
    haystack: &str,
    language: Language,
    captures: &Captures<'_>,
) -> Verdict<WeekdayFound> {
    let Some(whole) = captures.get(0) else {
        return Verdict::Skip;
    };
    let text = whole.as_str();
    let bracketed = text.starts_with(['（', '(']);
    let inner = text.trim_start_matches(['（', '(']).trim_start();
    let chinese_form = ["星期", "礼拜", "禮拜", "周", "週"]
        .iter()
        .find_map(|prefix| inner.strip_prefix(prefix));
    let weekday = match chinese_form {
        Some(rest) => rest.chars().next().and_then(chinese_weekday),
        None => inner.chars().next().and_then(japanese_weekday),
    };
    let Some(weekday) = weekday else {
        return Verdict::Skip;
    };
    let alone = if bracketed {
        // "（金）" is a weekday only after a date; "（周五）", "（金曜日）" are so anywhere.
        !inner
            .trim_start_matches(|c| "月火水木金土日".contains(c))
            .starts_with(|c: char| c.is_whitespace() || "・･、,）)".contains(c))
    } else {
        bare_weekday_alone(haystack, language, whole.end(), inner)
    };
    Verdict::Take(WeekdayFound {
        start: whole.start(),
        end: whole.end(),
        weekday,
        alone,
    })
}

/// Whether a bare weekday form is one. 周 and 週 with a numeral are a weekday only in Chinese (in
/// Japanese 週三日 is "three days a week"), and not before a counter ("每周一次"); 周日 not where
/// its 日 begins another word ("本周日本"); 周天 is rather a full circle.
fn bare_weekday_alone(haystack: &str, language: Language, end: usize, form: &str) -> bool {
    let next = char_at(haystack, end);
    let next_in = |set: &str| next.is_some_and(|c| set.contains(c));
    let Some(rest) = form.strip_prefix('周').or_else(|| form.strip_prefix('週')) else {
        return true;
    };
    let sunday_compound =
        rest == "日" && next_in(NOT_AFTER_SUNDAY) && !haystack[end..].starts_with("中午");
    language == Language::Chinese && rest != "天" && !next_in(NOT_AFTER_WEEKDAY) && !sunday_compound
}

/// The weekday of the numeral after 星期, 礼拜 or 周 (日 and 天 are Sunday).
fn chinese_weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '一' => Weekday::Monday,
        '二' => Weekday::Tuesday,
        '三' => Weekday::Wednesday,
        '四' => Weekday::Thursday,
        '五' => Weekday::Friday,
        '六' => Weekday::Saturday,
        '日' | '天' => Weekday::Sunday,
        _ => return None,
    })
}

/// The weekday of the Japanese weekday character (the 金 of 金曜日).
fn japanese_weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '月' => Weekday::Monday,
        '火' => Weekday::Tuesday,
        '水' => Weekday::Wednesday,
        '木' => Weekday::Thursday,
        '金' => Weekday::Friday,
        '土' => Weekday::Saturday,
        '日' => Weekday::Sunday,
        _ => return None,
    })
}
