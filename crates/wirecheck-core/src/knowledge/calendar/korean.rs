//! Korean dates: 2026년 5월 3일, 5월 3일, a day alone (3일) or a year alone (2026년), weekdays
//! (금요일) and the weekday in brackets after a date (5월 3일(금)).

use std::sync::LazyLock;

use jiff::civil::Weekday;
use regex::{Captures, Regex};

use super::numerals::{DIGIT, is_digit, read_digits};
use super::{
    Found, SPACE, Verdict, WeekdayFound, WeekdaySide, attach_weekdays, char_before, date_of,
    follows_any, scan, unless_a_count,
};

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let space = format!("{SPACE}*");
    let year = format!("{DIGIT}{{4}}{space}년");
    let month = format!("{DIGIT}{{1,2}}{space}월");
    let day = format!("{DIGIT}{{1,2}}{space}일");
    let pattern =
        format!("{year}(?:{space}{month}(?:{space}{day})?)?|{month}(?:{space}{day})?|{day}");
    Regex::new(&pattern)
        .unwrap_or_else(|err| unreachable!("the Korean date pattern is valid: {err}"))
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let space = format!("{SPACE}*");
    let pattern = format!("[（(]{space}[월화수목금토일](?:요일)?{space}[）)]|[월화수목금토일]요일");
    Regex::new(&pattern)
        .unwrap_or_else(|err| unreachable!("the Korean weekday pattern is valid: {err}"))
});

/// What may follow a day alone when it counts days: 3일간, 3일째.
const NOT_AFTER_DAY: &str = "간째";

/// What may follow a year alone when it is not a year: 1990년대 is a decade.
const NOT_AFTER_YEAR: &str = "대간";

/// The dates of `haystack`, a Korean text, with `numeric` (the numeric dates found in it),
/// weekdays after a date attached to it.
pub(super) fn find(haystack: &str, numeric: Vec<Found>) -> Vec<Found> {
    let mut dates = scan(&DATE, haystack, |c| read_date(haystack, c));
    dates.extend(numeric);
    let weekdays = scan(&WEEKDAY, haystack, read_weekday);
    attach_weekdays(dates, weekdays, haystack, WeekdaySide::After, |gap| {
        gap.chars().all(char::is_whitespace)
    })
}

fn read_date(haystack: &str, captures: &Captures<'_>) -> Verdict<Found> {
    let Some(whole) = captures.get(0) else {
        return Verdict::Skip;
    };
    if char_before(haystack, whole.start()).is_some_and(|c| is_digit(c) || matches!(c, '.' | ',')) {
        return Verdict::Retry;
    }
    // 음력 3월 15일 is a date of the lunar calendar, not the Gregorian one.
    if follows_any(haystack, whole.start(), &["음력"]) {
        return Verdict::Skip;
    }
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut number = String::new();
    for c in whole.as_str().chars() {
        let part = match c {
            '년' => &mut year,
            '월' => &mut month,
            '일' => &mut day,
            c if is_digit(c) => {
                number.push(c);
                continue;
            }
            _ => continue,
        };
        *part = read_digits(&number);
        number.clear();
    }
    let Some(date) = date_of(year, month, day) else {
        return Verdict::Skip;
    };
    unless_a_count(
        haystack,
        (whole.start(), whole.end()),
        date,
        (NOT_AFTER_YEAR, NOT_AFTER_DAY),
    )
}

fn read_weekday(captures: &Captures<'_>) -> Verdict<WeekdayFound> {
    let Some(whole) = captures.get(0) else {
        return Verdict::Skip;
    };
    let text = whole.as_str();
    let bracketed = text.starts_with(['（', '(']);
    let Some(weekday) = text
        .chars()
        .find(|c| "월화수목금토일".contains(*c))
        .and_then(korean_weekday)
    else {
        return Verdict::Skip;
    };
    Verdict::Take(WeekdayFound {
        start: whole.start(),
        end: whole.end(),
        weekday,
        // "(금)" is a weekday only after a date.
        alone: !bracketed || text.contains("요일"),
    })
}

/// The weekday of the Korean weekday syllable (the 금 of 금요일).
fn korean_weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '월' => Weekday::Monday,
        '화' => Weekday::Tuesday,
        '수' => Weekday::Wednesday,
        '목' => Weekday::Thursday,
        '금' => Weekday::Friday,
        '토' => Weekday::Saturday,
        '일' => Weekday::Sunday,
        _ => return None,
    })
}
