//! Splitting text into words and sentences, with byte spans.

use unicode_normalization::char::is_combining_mark;

use crate::knowledge::language::{Script, script_of};
use crate::span::Span;

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Characters that join two word characters into one word: "don't", "Jae-myung", and the
/// invisible characters a paste leaves inside words ("Taka\u{200b}ichi" is one word with a fault).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐') || is_invisible(c)
}

/// Zero-width spaces and joiners, word joiners, soft hyphens and byte-order marks: characters that
/// show nothing but split words for a machine.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// The words of `text` inside `within`: runs of letters, digits and combining marks, joined across
/// single apostrophes and hyphens.
pub(crate) fn split_words(text: &str, within: Span) -> Vec<Span> {
    let mut words = Vec::with_capacity(within.len() / 6);
    split_words_into(text, within, |word| words.push(word));
    words
}

/// [`split_words`], giving each word to `push` in order rather than collecting them.
pub(crate) fn split_words_into(text: &str, within: Span, mut push: impl FnMut(Span)) {
    let slice = within.slice(text);
    // Words never span lines: take each line on the fast ASCII path when it can be.
    let mut offset = within.start;
    for line in slice.split_inclusive('\n') {
        if line.is_ascii() {
            split_ascii_words(line.as_bytes(), offset, &mut push);
        } else {
            split_unicode_words(line, offset, &mut push);
        }
        offset += line.len();
    }
}

fn split_unicode_words(slice: &str, offset: usize, push: &mut impl FnMut(Span)) {
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start {
            let joins = is_joiner(c) && chars.peek().is_some_and(|&(_, next)| is_word_char(next));
            if !joins {
                push(Span::new(s, i).shift(offset));
                start = None;
            }
        }
    }
    if let Some(s) = start {
        push(Span::new(s, slice.len()).shift(offset));
    }
}

/// [`split_words`] for ASCII text, byte by byte.
fn split_ascii_words(bytes: &[u8], offset: usize, push: &mut impl FnMut(Span)) {
    let mut start: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start {
            let joins = matches!(b, b'\'' | b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if !joins {
                push(Span::new(s + offset, i + offset));
                start = None;
            }
        }
    }
    if let Some(s) = start {
        push(Span::new(s + offset, bytes.len() + offset));
    }
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "mt", "ft", "no", "nos", "co", "corp", "inc", "ltd",
    "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "est", "fig", "vol", "pp", "ph", "u.s", "u.k", "u.n", "e.u", "a.m",
    "p.m",
];

/// The sentences of `paragraph`: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
/// brackets, German „…“ ones too) before white space and a capital, digit, opening quote (or
/// Spanish `¿`, `¡`) or, in text written without capitals (Arabic, Korean, Chinese, Japanese), a
/// letter, unless the period ends an abbreviation or an initial. The Arabic `؟` and `۔` end one as `?` and `.` do. The CJK stops `。！？` (and `．` when
/// not inside a number) end one with no space after them, with the closing brackets and quotes that
/// follow, unless they stand inside 「brackets」 or “quotes” or the text goes on after them (`と`, a
/// comma).
pub(crate) fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let body = paragraph.slice(text);
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let has_ellipsis = body.contains('…');
    // Only text in CJK or Arabic script has their stops: other text keeps the byte search.
    let wide_stops = !body.is_ascii() && body.contains(is_wide_stop);
    // In a paragraph written in a script without capitals, any letter may open a sentence; in one
    // written in Latin or Cyrillic, a word of such a script is a name, as a capitalised word is
    // not ("imposed. 東京 trade" keeps its sentence, as English copy always has).
    let uncased = !body.is_ascii() && written_without_capitals(body);
    let mut brackets = BracketDepth::default();
    while let Some(i) = next_terminator(body, pos, has_ellipsis, wide_stops) {
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        if is_cjk_stop(c) {
            pos = i + c.len_utf8();
            if let Some(end) = cjk_sentence_end(body, i, c, &mut brackets) {
                pos = end;
                let gap = body[end..].len() - body[end..].trim_start().len();
                if end + gap < body.len() {
                    sentences.push(Span::new(start, end).shift(paragraph.start));
                    start = end + gap;
                }
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(next) = body[end..].chars().next() {
            if !matches!(
                next,
                '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '“' | '.' | '!' | '?' | '؟'
            ) {
                break;
            }
            end += next.len_utf8();
        }
        pos = end;
        let after = &body[end..];
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            continue;
        }
        let opens_sentence = after[gap..].chars().next().is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '«' | '„' | '¿' | '¡')
                || (uncased && opens_uncased_sentence(n))
        });
        if !opens_sentence || (c == '.' && ends_abbreviation(&body[start..i], uncased)) {
            continue;
        }
        sentences.push(Span::new(start, end).shift(paragraph.start));
        start = end + gap;
    }
    if start < body.len() {
        let rest = body[start..].trim_end();
        if !rest.is_empty() {
            sentences.push(Span::new(start, start + rest.len()).shift(paragraph.start));
        }
    }
    sentences
}

/// True when `body` has more characters of the blocks of scripts without capitals (Arabic, CJK,
/// kana, hangul) than letters of Latin, Greek or Cyrillic: told by code blocks alone, which is
/// cheap, where `ScriptCounts` asks each character whether it is a letter.
fn written_without_capitals(body: &str) -> bool {
    let (mut uncased, mut cased) = (0usize, 0usize);
    for c in body.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{052F}' | '\u{1E00}'..='\u{1FFF}' => cased += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{1100}'..='\u{11FF}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{F900}'..='\u{FAFF}' => uncased += 1,
            _ => {}
        }
    }
    uncased > cased
}

/// What opens a sentence in text without capitals, besides what opens one in any text: a letter,
/// an Arabic-Indic or full-width digit, a CJK bracket.
fn opens_uncased_sentence(c: char) -> bool {
    is_uncased_letter(c)
        || matches!(c, '٠'..='٩' | '۰'..='۹' | '０'..='９' | '「' | '『' | '（' | '【')
}

/// A letter of a script that has no capitals, so that no capital tells a sentence has begun.
fn is_uncased_letter(c: char) -> bool {
    matches!(
        script_of(c),
        Some(Script::Arabic | Script::Han | Script::Kana | Script::Hangul)
    )
}

/// Stops of CJK and Arabic text: `。！？．` and `؟`, `۔`.
fn is_wide_stop(c: char) -> bool {
    is_cjk_stop(c) || matches!(c, '؟' | '۔')
}

/// The CJK full stop, exclamation and question marks, which need no space after them.
fn is_cjk_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．')
}

/// How deep inside CJK brackets and quotes (「」『』（）【】〔〕《》〈〉“”) the text read so far is.
#[derive(Default)]
struct BracketDepth {
    depth: usize,
    /// How far the text has been read.
    read_to: usize,
}

impl BracketDepth {
    /// Reads `body` on to `to`.
    fn read(&mut self, body: &str, to: usize) {
        if to <= self.read_to {
            return;
        }
        for c in body[self.read_to..to].chars() {
            self.step(c);
        }
        self.read_to = to;
    }

    fn step(&mut self, c: char) {
        match c {
            '「' | '『' | '（' | '【' | '〔' | '《' | '〈' | '“' => self.depth += 1,
            '」' | '』' | '）' | '】' | '〕' | '》' | '〉' | '”' => {
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }
}

/// Where the sentence ending in the CJK stop `c` at `i` ends, with the stops and closing brackets
/// after it; `None` when the stop ends no sentence: inside brackets or quotes, before text that
/// goes on (`」と述べた`, `？と聞いた`, a comma), or a `．` inside a number or an abbreviation.
fn cjk_sentence_end(body: &str, i: usize, c: char, brackets: &mut BracketDepth) -> Option<usize> {
    let mut end = i + c.len_utf8();
    if c == '．' && !point_is_a_stop(&body[..i], &body[end..]) {
        return None;
    }
    brackets.read(body, end);
    while let Some(next) = body[end..].chars().next() {
        if !(is_cjk_stop(next)
            || matches!(
                next,
                '!' | '?'
                    | '」'
                    | '』'
                    | '）'
                    | '】'
                    | '〕'
                    | '》'
                    | '〉'
                    | '”'
                    | '’'
                    | '"'
                    | '\''
                    | ')'
                    | ']'
            ))
        {
            break;
        }
        brackets.step(next);
        end += next.len_utf8();
    }
    brackets.read_to = end;
    let goes_on = body[end..]
        .chars()
        .next()
        .is_some_and(|n| matches!(n, 'と' | '、' | '，' | ',' | '：' | '；'));
    (brackets.depth == 0 && !goes_on).then_some(end)
}

/// Whether a full-width point between `before` and `after` ends a sentence: not between two
/// letters or digits ("３．５", "Ｕ．Ｓ"), nor after an initial ("Ｕ．Ｓ．と").
fn point_is_a_stop(before: &str, after: &str) -> bool {
    let alphanumeric = |c: char| c.is_ascii_alphanumeric() || is_fullwidth_alphanumeric(c);
    let mut previous = before.chars().rev();
    let last = previous.next();
    let between = last.is_some_and(alphanumeric) && after.chars().next().is_some_and(alphanumeric);
    let initial = last.is_some_and(|c| c.is_ascii_alphabetic() || is_fullwidth_alphanumeric(c))
        && !previous.next().is_some_and(char::is_alphanumeric);
    !between && !initial
}

fn is_fullwidth_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// The byte offset of the next `.`, `!`, `?` (or `…`, when the text has one; or a CJK or Arabic
/// stop, when `wide_stops`) at or after `from`.
fn next_terminator(body: &str, from: usize, has_ellipsis: bool, wide_stops: bool) -> Option<usize> {
    if wide_stops {
        return body[from..]
            .char_indices()
            .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '…') || is_wide_stop(c))
            .map(|(i, _)| from + i);
    }
    let bytes = &body.as_bytes()[from..];
    let ascii = memchr::memchr3(b'.', b'!', b'?', bytes);
    let ellipsis = if has_ellipsis {
        memchr::memmem::find(bytes, "…".as_bytes())
    } else {
        None
    };
    match (ascii, ellipsis) {
        (Some(a), Some(e)) => Some(from + a.min(e)),
        (a, e) => a.or(e).map(|i| from + i),
    }
}

/// True when `before` ends in an abbreviation or an initial, a capital or, in text without
/// capitals (`uncased`), any letter alone ("أ. ف. ب", "د. محمد").
fn ends_abbreviation(before: &str, uncased: bool) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    let single_letter = matches!(
        (letters.next(), letters.next()),
        (Some(l), None) if l.is_uppercase() || (uncased && is_uncased_letter(l))
    );
    single_letter || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        split_words(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn words_join_apostrophes_and_hyphens() {
        assert_eq!(
            words("Japan's Lee Jae-myung - don't, 2.1% Kōno"),
            ["Japan's", "Lee", "Jae-myung", "don't", "2", "1", "Kōno"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        assert_eq!(
            sentences(
                "Mr. Smith met U.S. officials. \"It went well.\" He left at 5 p.m. Friday. 2025 was calm."
            ),
            [
                "Mr. Smith met U.S. officials.",
                "\"It went well.\"",
                "He left at 5 p.m. Friday.",
                "2025 was calm."
            ]
        );
    }

    #[test]
    fn chinese_stops_need_no_space() {
        assert_eq!(
            sentences(
                "日美同意加强合作。该计划耗资1200万美元，涉及3000名工人！会谈何时开始？5月3日。"
            ),
            [
                "日美同意加强合作。",
                "该计划耗资1200万美元，涉及3000名工人！",
                "会谈何时开始？",
                "5月3日。"
            ]
        );
        // Commas, enumeration commas, semicolons and colons end nothing.
        assert_eq!(
            sentences("他说：日本、美国；韩国，都同意。"),
            ["他说：日本、美国；韩国，都同意。"]
        );
        // A closing quote after the stop belongs to the sentence; a stop inside quotes ends none.
        assert_eq!(
            sentences("他说：“我们会努力。我们不会放弃！”会谈结束了。"),
            ["他说：“我们会努力。我们不会放弃！”", "会谈结束了。"]
        );
    }

    #[test]
    fn japanese_stops_brackets_and_quotative() {
        assert_eq!(
            sentences(
                "高市首相は３日、ワシントンで会談した。物価は３．５％上昇した。「予算は足りるのか？」と記者が聞いた。本当か？！首相は答えなかった。"
            ),
            [
                "高市首相は３日、ワシントンで会談した。",
                "物価は３．５％上昇した。",
                "「予算は足りるのか？」と記者が聞いた。",
                "本当か？！",
                "首相は答えなかった。"
            ]
        );
        assert_eq!(
            sentences("「今日は晴れ。明日は雨。」首相はこう述べた。【共同】"),
            [
                "「今日は晴れ。明日は雨。」",
                "首相はこう述べた。",
                "【共同】"
            ]
        );
        // A full-width point as a stop; between digits or letters it is not one.
        assert_eq!(
            sentences("米国はＵ．Ｓ．と書く．１．５倍になった．"),
            ["米国はＵ．Ｓ．と書く．", "１．５倍になった．"]
        );
    }

    #[test]
    fn korean_sentences_end_at_a_spaced_period() {
        assert_eq!(
            sentences(
                "이재명 대통령은 3일 서울에서 말했다. 그는 3.5% 성장을 예상했다! 회담은 언제 열리나? 5월이다."
            ),
            [
                "이재명 대통령은 3일 서울에서 말했다.",
                "그는 3.5% 성장을 예상했다!",
                "회담은 언제 열리나?",
                "5월이다."
            ]
        );
    }

    #[test]
    fn arabic_stops_commas_and_initials() {
        assert_eq!(
            sentences(
                "قال الوزير إن الخطة تبدأ في مايو، وتكلف ١٢ مليون دولار. هل ستنجح؟ ٣٠٠٠ عامل سيشاركون۔ ونقلت (أ. ف. ب) عن د. محمد قوله."
            ),
            [
                "قال الوزير إن الخطة تبدأ في مايو، وتكلف ١٢ مليون دولار.",
                "هل ستنجح؟",
                "٣٠٠٠ عامل سيشاركون۔",
                "ونقلت (أ. ف. ب) عن د. محمد قوله."
            ]
        );
        assert_eq!(
            sentences("قال «سنعمل معا.» وغادر."),
            ["قال «سنعمل معا.»", "وغادر."]
        );
    }

    /// In English copy, a word in CJK or Arabic script after a full stop is a name, which does
    /// not open a sentence, as English sentences have always been read.
    #[test]
    fn english_copy_with_words_of_uncased_scripts() {
        assert_eq!(
            sentences("Tariffs were imposed. 東京 trade fell. “Why?” 习近平 said."),
            [
                "Tariffs were imposed. 東京 trade fell.",
                "“Why?” 习近平 said."
            ]
        );
    }

    #[test]
    fn spanish_and_german_quotes_open_and_close_sentences() {
        assert_eq!(
            sentences("El ministro habló. ¿Habrá acuerdo? ¡Sí! „Wir kommen.“ Er ging."),
            [
                "El ministro habló.",
                "¿Habrá acuerdo?",
                "¡Sí!",
                "„Wir kommen.“",
                "Er ging."
            ]
        );
    }

    /// Text mixing the scripts, stops, brackets and spaces the sentence rules read.
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::string::string_regex(
            "([a-zA-Z0-9]|[日本語高市早苗さんはのア]|[이재명대통령]|[قالالوزير]|[.!?…。！？．؟۔、，；：،]|[「」『』（）【】“”\"'()«»]|[ \u{3000}\n])*",
        )
        .unwrap_or_else(|err| unreachable!("{err}"))
    }

    proptest::proptest! {
        /// Sentences of a paragraph (which the document gives without white space around it)
        /// are in order, do not overlap, lie in it on character boundaries, start and end with
        /// no white space, and leave only white space between them.
        #[test]
        fn sentences_tile_their_paragraph(text in mixed_text()) {
            let text = text.trim();
            let within = Span::new(0, text.len());
            let mut at = 0;
            for sentence in split_sentences(text, within) {
                proptest::prop_assert!(sentence.start >= at && sentence.end > sentence.start);
                proptest::prop_assert!(text[at..sentence.start].trim().is_empty());
                let slice = sentence.slice(text);
                proptest::prop_assert_eq!(slice, slice.trim());
                at = sentence.end;
            }
            proptest::prop_assert!(text[at..].trim().is_empty());
        }
    }
}
