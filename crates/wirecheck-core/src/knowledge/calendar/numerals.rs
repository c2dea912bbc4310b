//! The digits and numerals dates are written in: ASCII, full-width (５月３日), Arabic-Indic (٣
//! أيار) and Persian digits, and the Chinese numerals of 五月三日, 二〇二六年 and 廿三日.

/// One digit of any system a date is written in, as a pattern character class.
pub(super) const DIGIT: &str = "[0-9０-９٠-٩۰-۹]";

/// The value of a digit of any of [`DIGIT`]'s systems.
pub(super) fn digit_value(c: char) -> Option<u32> {
    crate::knowledge::numerals::digit_value(c).map(u32::from)
}

/// Whether `c` is a digit of any of [`DIGIT`]'s systems.
pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// A number written in digits ("3", "０３", "٢٠٢٦"); `None` when `written` is empty, holds anything
/// but digits, or is too long to be a day, month or year.
pub(super) fn read_digits(written: &str) -> Option<u32> {
    if written.is_empty() || written.chars().count() > 4 {
        return None;
    }
    written
        .chars()
        .try_fold(0u32, |value, c| Some(value * 10 + digit_value(c)?))
}

/// The digits `written` starts with, read ("3" of "3-го", "1" of "1er"), or `None` when it starts
/// with none.
pub(super) fn read_leading_digits(written: &str) -> Option<u32> {
    let end = written
        .char_indices()
        .find(|&(_, c)| !is_digit(c))
        .map_or(written.len(), |(i, _)| i);
    read_digits(&written[..end])
}

/// The value of a Chinese digit character (〇 and 零 are zero).
fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether `c` is a Chinese numeral character (a digit, or 十, 廿, 卅, 百, 千, 万, 两), which no
/// numeral of a date may directly follow: "十五月" is not "五月".
pub(super) fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '廿' | '卅' | '百' | '千' | '万' | '萬' | '两')
}

/// A Chinese numeral below 100 ("三", "十二", "二十一", "廿三") or a year written digit by digit
/// ("二〇二六"); `None` for anything else ("十十", "二二十").
pub(super) fn read_chinese(written: &str) -> Option<u32> {
    let chars: Vec<char> = written.chars().collect();
    let tens_at = chars.iter().position(|c| matches!(c, '十' | '廿' | '卅'));
    let Some(at) = tens_at else {
        if chars.is_empty() || chars.len() > 4 {
            return None;
        }
        return chars
            .iter()
            .try_fold(0u32, |value, &c| Some(value * 10 + chinese_digit(c)?));
    };
    let single_digit = |part: &[char]| match part {
        [c] => chinese_digit(*c).filter(|&d| d > 0),
        _ => None,
    };
    let tens = match (chars[at], &chars[..at]) {
        ('十', []) => 1,
        ('十', before) => single_digit(before)?,
        (_, [_, ..]) => return None,
        ('廿', []) => 2,
        _ => 3,
    };
    let units = match &chars[at + 1..] {
        [] => 0,
        after => single_digit(after)?,
    };
    Some(tens * 10 + units)
}

/// A number in digits or in Chinese numerals.
pub(super) fn read_number(written: &str) -> Option<u32> {
    read_digits(written).or_else(|| read_chinese(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_system() {
        assert_eq!(read_digits("2026"), Some(2026));
        assert_eq!(read_digits("０５"), Some(5));
        assert_eq!(read_digits("٢٠٢٦"), Some(2026));
        assert_eq!(read_digits("۳"), Some(3));
        assert_eq!(read_digits(""), None);
        assert_eq!(read_digits("3a"), None);
        assert_eq!(read_digits("12345"), None);
        assert_eq!(read_leading_digits("1er"), Some(1));
        assert_eq!(read_leading_digits("er"), None);
    }

    #[test]
    fn chinese_numerals() {
        let read = |s: &str| read_chinese(s);
        assert_eq!(read("三"), Some(3));
        assert_eq!(read("十"), Some(10));
        assert_eq!(read("十二"), Some(12));
        assert_eq!(read("二十"), Some(20));
        assert_eq!(read("三十一"), Some(31));
        assert_eq!(read("廿三"), Some(23));
        assert_eq!(read("卅"), Some(30));
        assert_eq!(read("二〇二六"), Some(2026));
        assert_eq!(read("二零二六"), Some(2026));
        for nonsense in ["十十", "二二十", "一廿", "十〇", "〇十", "", "月"] {
            assert_eq!(read(nonsense), None, "{nonsense}");
        }
    }
}
