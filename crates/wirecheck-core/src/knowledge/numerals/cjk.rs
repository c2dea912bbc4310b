//! Numbers written with the myriads of Chinese, Japanese and Korean: CJK numerals ("三千",
//! "二十五", "一点二亿", "二〇二六"), digits with myriads ("1200万", "1.2亿", "3万5千", "1億2000万")
//! and Korean myriads with digits ("1200만", "1억 2천만"). The units multiply what comes before
//! them: 十 百 千 within a myriad, 万 亿 兆 (만 억 조) between myriads.

use super::digits::{DigitReading, is_digit, read_digits};
use crate::knowledge::language::Language;
use crate::knowledge::quantity::Amount;

/// A number read from CJK numerals or digits with myriads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Numeral {
    /// Its value.
    pub(super) amount: Amount,
    /// One past its last byte.
    pub(super) end: usize,
    /// Whether it is written in numerals alone, without a digit.
    pub(super) pure: bool,
    /// How many characters it is written with.
    pub(super) chars: usize,
}

/// What numerals starting at a byte say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumeralReading {
    /// A number.
    Number(Numeral),
    /// Numerals that make no one number ("三四百": three or four hundred; "千千万万"): a range,
    /// an idiom or a typo, never compared. `end` is one past the run.
    Ambiguous {
        /// One past the last byte of the run.
        end: usize,
    },
}

/// The value of a CJK numeral digit (with the financial forms 壹 贰 叁 …).
fn cjk_digit(c: char) -> Option<u8> {
    let value = match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    };
    Some(value)
}

/// The power of ten of a unit within a myriad (十 百 千; Korean 십 백 천).
fn small_unit(c: char, language: Language) -> Option<i32> {
    match (language, c) {
        (Language::Korean, '십') => Some(1),
        (Language::Korean, '백') => Some(2),
        (Language::Korean, '천') => Some(3),
        (Language::Korean, _) => None,
        (_, '十' | '拾') => Some(1),
        (_, '百' | '佰') => Some(2),
        (_, '千' | '仟') => Some(3),
        _ => None,
    }
}

/// The power of ten of a myriad (万 亿 兆; Korean 만 억 조).
fn big_unit(c: char, language: Language) -> Option<i32> {
    match (language, c) {
        (Language::Korean, '만') => Some(4),
        (Language::Korean, '억') => Some(8),
        (Language::Korean, '조') => Some(12),
        (Language::Korean, _) => None,
        (_, '万' | '萬') => Some(4),
        (_, '亿' | '億') => Some(8),
        (_, '兆') => Some(12),
        _ => None,
    }
}

/// Whether a Chinese or Japanese number written in numerals may start with `c`.
pub(super) fn starts_numeral(c: char) -> bool {
    cjk_digit(c).is_some() || matches!(c, '十' | '拾' | '百' | '佰' | '千' | '仟')
}

/// One piece of a number.
#[derive(Clone, Copy, Debug)]
enum Token {
    /// Digits, or numeral digits ("三", "二〇二六", "三点五").
    Number(Piece),
    /// 十 百 千.
    Small(i32),
    /// 万 亿 兆.
    Big(i32),
}

/// A number written between units.
#[derive(Clone, Copy, Debug)]
struct Piece {
    amount: Amount,
    /// One numeral character ("五" in "三百五": fifty).
    one_numeral: bool,
    /// One digit ("5" in "3万5": unclear).
    one_digit: bool,
    /// Led by 零 or 〇 ("零五" in "三百零五": five).
    after_zero: bool,
    /// Written in digits.
    digits: bool,
}

enum TokenRead {
    Token(Token, usize),
    /// Digits or numerals that make no number; the byte after them.
    Ambiguous(usize),
    End,
}

fn token_at(text: &str, pos: usize, language: Language) -> TokenRead {
    let rest = &text[pos..];
    let Some(c) = rest.chars().next() else {
        return TokenRead::End;
    };
    let next = rest[c.len_utf8()..].chars().next();
    let end = pos + c.len_utf8();
    if is_digit(c) {
        return match read_digits(text, pos, language) {
            DigitReading::Number {
                amount,
                end,
                digits,
            } => TokenRead::Token(
                Token::Number(Piece {
                    amount,
                    one_numeral: false,
                    one_digit: digits == 1,
                    after_zero: false,
                    digits: true,
                }),
                end,
            ),
            DigitReading::Ambiguous { end } => TokenRead::Ambiguous(end),
        };
    }
    if language == Language::Korean {
        return match (small_unit(c, language), big_unit(c, language)) {
            (Some(power), _) => TokenRead::Token(Token::Small(power), end),
            (_, Some(power)) => TokenRead::Token(Token::Big(power), end),
            _ => TokenRead::End,
        };
    }
    if cjk_digit(c).is_some() {
        return numeral_digits(text, pos);
    }
    if let Some(power) = small_unit(c, language) {
        // 千米, 千克, 千瓦 are units (kilometre, kilogram, kilowatt); 百分 starts a percentage.
        let unit_word = match c {
            '千' => next.is_some_and(|n| matches!(n, '米' | '克' | '瓦' | '卡' | '伏')),
            '百' => next == Some('分'),
            _ => false,
        };
        return if unit_word {
            TokenRead::End
        } else {
            TokenRead::Token(Token::Small(power), end)
        };
    }
    match big_unit(c, language) {
        Some(power) => TokenRead::Token(Token::Big(power), end),
        None => TokenRead::End,
    }
}

/// Numeral digits read one by one ("二〇二六", "一九四九", "零五") with their decimals after 点
/// ("三点五"). Two digits without a zero ("三四", "五六") are a range, not a number.
fn numeral_digits(text: &str, start: usize) -> TokenRead {
    let mut pos = start;
    let mut mantissa: Option<i128> = Some(0);
    let (mut count, mut zeros) = (0, false);
    let mut first_is_zero = false;
    while let Some((value, c)) = text[pos..]
        .chars()
        .next()
        .and_then(|c| Some((cjk_digit(c)?, c)))
    {
        if count == 0 {
            first_is_zero = value == 0;
        }
        zeros |= value == 0;
        count += 1;
        mantissa = mantissa
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(i128::from(value)));
        pos += c.len_utf8();
    }
    let mut decimals = 0;
    if let Some(point) = text[pos..]
        .chars()
        .next()
        .filter(|&c| c == '点' || c == '點')
        && text[pos + point.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|c| cjk_digit(c).is_some())
    {
        pos += point.len_utf8();
        while let Some((value, c)) = text[pos..]
            .chars()
            .next()
            .and_then(|c| Some((cjk_digit(c)?, c)))
        {
            decimals += 1;
            mantissa = mantissa
                .and_then(|m| m.checked_mul(10))
                .and_then(|m| m.checked_add(i128::from(value)));
            pos += c.len_utf8();
        }
    }
    let positional = count == 1 || zeros || count >= 3;
    match (mantissa, positional) {
        (Some(mantissa), true) => TokenRead::Token(
            Token::Number(Piece {
                amount: Amount::new(mantissa, -decimals),
                one_numeral: count == 1 && decimals == 0,
                one_digit: false,
                after_zero: first_is_zero && count > 1,
                digits: false,
            }),
            pos,
        ),
        _ => TokenRead::Ambiguous(pos),
    }
}

/// Where the number is between its units.
struct Parse {
    /// The myriads already closed ("3万" in "3万5千").
    total: Amount,
    /// The units of the open myriad ("5千").
    section: Amount,
    /// The number not yet multiplied by a unit, and the unit written before it.
    pending: Option<(Piece, Option<i32>)>,
    last_small: Option<i32>,
    last_big: Option<i32>,
    /// The unit just read, if the last token was one.
    last_unit: Option<i32>,
    /// A 零 was just read after a unit.
    after_zero: bool,
    started: bool,
    /// Whether a last digit may stand for the next unit down, as in Chinese "三百五" (350): then
    /// "3万5" is unclear. Korean writes "3만 5" for 30,005.
    colloquial: bool,
}

impl Parse {
    fn new(language: Language) -> Self {
        Self {
            total: Amount::ZERO,
            section: Amount::ZERO,
            pending: None,
            last_small: None,
            last_big: None,
            last_unit: None,
            after_zero: false,
            started: false,
            colloquial: language != Language::Korean,
        }
    }

    /// Takes the next token; `None` when it cannot follow what was read.
    fn push(&mut self, token: Token) -> Option<()> {
        let first = !self.started;
        self.started = true;
        match token {
            // "三万零五百", "3万零5": 零 after a unit holds the place of the units left out.
            Token::Number(piece)
                if piece.one_numeral
                    && piece.amount == Amount::ZERO
                    && self.last_unit.is_some()
                    && self.pending.is_none() =>
            {
                self.after_zero = true;
            }
            Token::Number(mut piece) => {
                if self.pending.is_some() {
                    return None;
                }
                piece.after_zero |= std::mem::take(&mut self.after_zero);
                self.pending = Some((piece, self.last_unit.take()));
            }
            Token::Small(power) => {
                if self.last_small.is_some_and(|last| last <= power) {
                    return None;
                }
                let times = match self.pending.take() {
                    Some((piece, _)) => piece.amount,
                    // "十二", "百万": a leading unit counts one.
                    None if first => Amount::integer(1),
                    None => return None,
                };
                self.section = self.section.checked_add(times.times_ten_to(power))?;
                self.last_small = Some(power);
                self.last_unit = Some(power);
            }
            Token::Big(power) => {
                let myriad = match self.pending.take() {
                    Some((piece, _)) => self.section.checked_add(piece.amount)?,
                    None => self.section,
                };
                self.total = match self.last_big {
                    // "1万亿": the larger myriad multiplies all before it.
                    Some(last) if last < power => {
                        self.total.checked_add(myriad)?.times_ten_to(power)
                    }
                    Some(last) if last > power && myriad != Amount::ZERO => {
                        self.total.checked_add(myriad.times_ten_to(power))?
                    }
                    None if myriad != Amount::ZERO => myriad.times_ten_to(power),
                    _ => return None,
                };
                self.section = Amount::ZERO;
                self.last_small = None;
                self.last_big = Some(power);
                self.last_unit = Some(power);
            }
        }
        Some(())
    }

    /// The value read; `None` when its last number is unclear ("3万5").
    fn finish(self) -> Option<Amount> {
        let last = match self.pending {
            None => Amount::ZERO,
            Some((piece, None)) => piece.amount,
            Some((piece, Some(unit))) => {
                let below = Amount::integer(10i128.checked_pow(u32::try_from(unit).ok()?)?);
                if unit >= 2 && piece.one_numeral && !piece.after_zero {
                    // "三百五" is 350, "两万五" 25,000: a last numeral counts the next unit down.
                    piece.amount.times_ten_to(unit - 1)
                } else if (self.colloquial && unit >= 2 && piece.one_digit && !piece.after_zero)
                    || piece.amount >= below
                {
                    return None;
                } else {
                    piece.amount
                }
            }
        };
        self.total.checked_add(self.section)?.checked_add(last)
    }
}

/// The number written at byte `start` of `text` in `language` (Chinese, Japanese or Korean),
/// from a digit or a numeral; `None` when nothing there is a number.
pub(super) fn read_numeral(text: &str, start: usize, language: Language) -> Option<NumeralReading> {
    // Sino-Korean numerals in hangul (일, 이, 삼, 천) are everyday words too: only digits start
    // a Korean number.
    if language == Language::Korean && !text[start..].starts_with(is_digit) {
        return None;
    }
    let mut parse = Parse::new(language);
    let mut pos = start;
    let mut chars = 0;
    let mut pure = true;
    let mut valid = true;
    loop {
        if language == Language::Korean
            && parse.last_unit.is_some()
            && parse.last_big == parse.last_unit
            && korean_myriad_follows(text, pos)
        {
            // "1억 2천만": Korean spaces its myriads.
            pos += 1;
            chars += 1;
        }
        if pos > start
            && let Some(marker) = approximate_before_unit(&text[pos..], language)
        {
            // "1200多万", "十多万", "3천여만": more than the number, in its myriad.
            pos += marker;
            chars += 1;
        }
        match token_at(text, pos, language) {
            TokenRead::End => break,
            TokenRead::Ambiguous(end) => {
                valid = false;
                pure &= !text[pos..end].starts_with(is_digit);
                chars += text[pos..end].chars().count();
                pos = end;
            }
            TokenRead::Token(token, end) => {
                if matches!(token, Token::Number(Piece { digits: true, .. })) {
                    pure = false;
                }
                valid = valid && parse.push(token).is_some();
                chars += text[pos..end].chars().count();
                pos = end;
            }
        }
    }
    if pos == start {
        return None;
    }
    let amount = if valid { parse.finish() } else { None };
    Some(match amount {
        Some(amount) => NumeralReading::Number(Numeral {
            amount,
            end: pos,
            pure,
            chars,
        }),
        None => NumeralReading::Ambiguous { end: pos },
    })
}

/// The byte length of the "more than" marker at the start of `rest` when a unit follows it
/// ("多万" in "1200多万", "여만" in "3천여만").
fn approximate_before_unit(rest: &str, language: Language) -> Option<usize> {
    let mut chars = rest.chars();
    let marker = chars.next()?;
    let is_marker = match language {
        Language::Korean => marker == '여',
        _ => matches!(marker, '多' | '余' | '餘'),
    };
    let unit = chars.next()?;
    (is_marker && (small_unit(unit, language).is_some() || big_unit(unit, language).is_some()))
        .then_some(marker.len_utf8())
}

/// The power of the one unit a number ends in, when it is written as digits or numerals and that
/// unit ("5万": 4, "五千": 3): what the first number of a range without one shares ("3～5万").
pub(super) fn trailing_unit(text: &str, language: Language) -> Option<i32> {
    let mut chars = text.chars();
    let last = chars.next_back()?;
    let power = small_unit(last, language).or_else(|| big_unit(last, language))?;
    let before = chars.as_str();
    (!before.is_empty() && !has_unit(before, language)).then_some(power)
}

/// Whether `text` has a unit or a myriad (十 百 千 万 亿 兆; 십 백 천 만 억 조).
pub(super) fn has_unit(text: &str, language: Language) -> bool {
    text.chars()
        .any(|c| small_unit(c, language).is_some() || big_unit(c, language).is_some())
}

/// Whether a space and then the next myriad's digits start at `pos` ("억 2천만", "만 3000"):
/// Korean spaces a number's myriads ("12억 3456만 7898").
fn korean_myriad_follows(text: &str, pos: usize) -> bool {
    text[pos..]
        .strip_prefix(' ')
        .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()))
}

/// Words numerals are part of, whose numerals count nothing ("一些", "十分", "千方百计").
const KNOWN_WORDS: &[&str] = &[
    "一些",
    "一起",
    "统一",
    "統一",
    "第一",
    "万一",
    "萬一",
    "十分",
    "三星",
    "一方面",
    "一点",
    "一點",
    "一样",
    "一樣",
    "一般",
    "一直",
    "一定",
    "唯一",
    "一切",
    "一致",
    "一度",
    "一旦",
    "一同",
    "一再",
    "一律",
    "万分",
    "萬分",
    "亿万",
    "億萬",
    "千方百计",
    "五花八门",
    "四面八方",
    "十全十美",
    "一五一十",
    "九牛一毛",
    "三心二意",
    "万无一失",
    "一心一意",
    "成千上万",
    "千千万万",
    "十万火急",
    "百分百",
    "一行",
    "一部",
    "一時",
    "一人一人",
    "十人十色",
];

/// Whether the numerals at `start..end` of `text` lie inside a word that is no number.
pub(super) fn in_known_word(text: &str, start: usize, end: usize) -> bool {
    KNOWN_WORDS.iter().any(|word| {
        let from = floor_boundary(text, start.saturating_sub(word.len()));
        let to = ceil_boundary(text, end + word.len());
        text[from..to]
            .match_indices(word)
            .any(|(at, found)| from + at <= start && end <= from + at + found.len())
    })
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn ceil_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, language: Language) -> Option<String> {
        match read_numeral(text, 0, language)? {
            NumeralReading::Number(numeral) => Some(numeral.amount.to_string()),
            NumeralReading::Ambiguous { .. } => None,
        }
    }

    #[test]
    fn numerals_and_myriads_read_as_numbers() {
        let cases = [
            ("三千", "3000"),
            ("两千", "2000"),
            ("十二", "12"),
            ("二十五", "25"),
            ("一百零五", "105"),
            ("三百五", "350"),
            ("两万五", "25000"),
            ("一千零五十", "1050"),
            ("1.2亿", "120000000"),
            ("3万5千", "35000"),
            ("1200万", "12000000"),
            ("3万5000", "35000"),
            ("三万零五百", "30500"),
            ("1200多万", "12000000"),
            ("十多万", "100000"),
            ("3万零5", "30005"),
            ("1亿2千万", "120000000"),
            ("1万亿", "1000000000000"),
            ("1兆", "1000000000000"),
            ("一点二亿", "120000000"),
            ("三点五", "3.5"),
            ("二〇二六", "2026"),
            ("一九四九", "1949"),
            ("１２００万", "12000000"),
            ("十亿", "1000000000"),
            ("壹佰", "100"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                value(text, Language::Chinese).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        assert_eq!(
            value("1億2000万", Language::Japanese).as_deref(),
            Some("120000000")
        );
        assert_eq!(
            value("2兆", Language::Japanese).as_deref(),
            Some("2000000000000")
        );
    }

    #[test]
    fn korean_myriads_are_read_with_digits_and_spaces() {
        let cases = [
            ("1200만", "12000000"),
            ("3천", "3000"),
            ("1억 2천만", "120000000"),
            ("3만5000", "35000"),
            ("10조", "10000000000000"),
            ("5천만", "50000000"),
        ];
        for (text, expected) in cases {
            assert_eq!(
                value(text, Language::Korean).as_deref(),
                Some(expected),
                "{text}"
            );
        }
        assert_eq!(
            value("12억 3456만 7898", Language::Korean).as_deref(),
            Some("1234567898")
        );
        assert_eq!(
            value("2만 3000명", Language::Korean).as_deref(),
            Some("23000")
        );
        // The space joins a number's myriads only.
        assert_eq!(
            value("2026년 3만", Language::Korean).as_deref(),
            Some("2026")
        );
        assert_eq!(value("3만 50000", Language::Korean), None);
        assert_eq!(value("1만 5", Language::Korean).as_deref(), Some("10005"));
        // Hangul alone is not read.
        assert_eq!(read_numeral("천만", 0, Language::Korean), None);
    }

    #[test]
    fn ranges_idioms_and_unclear_numbers_are_ambiguous() {
        for text in [
            "三四百",
            "五六十",
            "千千万万",
            "万一",
            "3万5",
            "3万50000",
            "一一",
            "万万",
        ] {
            assert_eq!(value(text, Language::Chinese), None, "{text}");
        }
        assert_eq!(
            read_numeral("三四百人", 0, Language::Chinese),
            Some(NumeralReading::Ambiguous { end: 9 })
        );
    }

    #[test]
    fn units_of_measure_are_not_magnitudes() {
        let reading = read_numeral("5千米", 0, Language::Chinese);
        assert!(matches!(
            reading,
            Some(NumeralReading::Number(Numeral { end: 1, .. }))
        ));
        let reading = read_numeral("百分之三", 0, Language::Chinese);
        assert_eq!(reading, None);
    }

    #[test]
    fn known_words_hold_their_numerals() {
        let text = "双方十分重视";
        assert!(in_known_word(text, 6, 9));
        let text = "二十分钟";
        assert!(!in_known_word(text, 0, 6));
    }
}
