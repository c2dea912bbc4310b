//! The dateline lead-ins of wire copy in the languages an English desk translates from, which do
//! not take the English desk's "PLACE (AGENCY) —" form: Xinhua's 新华社北京5月3日电, Kyodo's
//! 【共同社5月3日电】 and 【ワシントン共同】, Yonhap's (서울=연합뉴스) 홍길동 기자 =, Arabic
//! "القاهرة (رويترز) -" and SPA's "الرياض 3 مايو 2026 م واس", TASS's "МОСКВА, 3 мая. /ТАСС/.",
//! EFE's "Madrid, 3 may (EFE).-". Each form is one anchored pattern; every one of them needs a
//! mark the English form never has (a letter of a script without capitals, a lowercase month
//! name, no spaced dash at its end), so no lead-in is both.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::knowledge::language::{Language, Script, script_of};
use crate::span::Span;

/// A lead-in found at the start of a paragraph, with its parts. Every span points into the text
/// it was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SourceLead {
    /// The whole lead-in, the reporter's credit and a closing dash included.
    pub(crate) span: Span,
    /// The language whose wire form it is.
    pub(crate) language: Language,
    /// The place it was filed from (北京, ワシントン, 서울, القاهرة, МОСКВА).
    pub(crate) place: Option<Span>,
    /// The date, as written (5月3日, ３日, 3 мая).
    pub(crate) date: Option<Span>,
    /// The agency (新华社, 共同, 연합뉴스, رويترز, ТАСС).
    pub(crate) agency: Option<Span>,
    /// True when the agency stands in brackets or slashes of its own, or the whole lead-in in
    /// brackets ((رويترز), /ТАСС/, 【共同社5月3日电】).
    pub(crate) agency_in_brackets: bool,
    /// The dash that ends it, when it ends in one.
    pub(crate) dash: Option<Span>,
}

/// Finds a source-language dateline at the start of `paragraph`.
pub(crate) fn find_source_dateline(text: &str, paragraph: Span) -> Option<SourceLead> {
    let body = paragraph.slice(text);
    // Every form opens with a bracket or a letter, whose script says which forms to try (and
    // which patterns an English story ever compiles).
    let first = body.chars().next()?;
    let lead = match first {
        '【' | '[' | '［' | '(' | '（' => bracketed(body),
        _ => match script_of(first)? {
            Script::Han => chinese(body, false),
            Script::Arabic => arabic(body),
            Script::Cyrillic => russian(body),
            Script::Latin => latin(body),
            Script::Kana | Script::Hangul => None,
        },
    }?;
    Some(lead.shift(paragraph.start))
}

/// True when `span` is a whole source-language dateline.
pub(crate) fn is_source_dateline(text: &str, span: Span) -> bool {
    find_source_dateline(text, span).is_some_and(|lead| lead.span == span)
}

impl SourceLead {
    fn shift(self, by: usize) -> Self {
        let shift = |s: Option<Span>| s.map(|s| s.shift(by));
        Self {
            span: self.span.shift(by),
            place: shift(self.place),
            date: shift(self.date),
            agency: shift(self.agency),
            dash: shift(self.dash),
            ..self
        }
    }
}

/// Longest lead-in, in characters: the patterns read no further into a paragraph.
const MAX_LEAD_CHARS: usize = 120;

/// Character classes the patterns name as `%NAME%`, written out as code point ranges: Unicode's
/// script and category classes (`\p{Han}`, `\d`) would make each pattern take milliseconds to
/// compile.
const CLASSES: &[(&str, &str)] = &[
    (
        "%HAN%",
        "\\u{3400}-\\u{4DBF}\\u{4E00}-\\u{9FFF}\\u{F900}-\\u{FAFF}々〆",
    ),
    ("%KATAKANA%", "\\u{30A0}-\\u{30FF}\\u{31F0}-\\u{31FF}"),
    ("%HIRAGANA%", "\\u{3040}-\\u{309F}"),
    (
        "%HANGUL%",
        "\\u{AC00}-\\u{D7AF}\\u{1100}-\\u{11FF}\\u{3130}-\\u{318F}",
    ),
    // Arabic letters and marks (the tatweel of "هـ" too), not its digits and punctuation.
    (
        "%ARABIC%",
        "\\u{0620}-\\u{065F}\\u{066E}-\\u{06D3}\\u{06D5}-\\u{06EF}\\u{06FA}-\\u{06FF}\\u{0750}-\\u{077F}\\u{08A0}-\\u{08FF}\\u{FB50}-\\u{FDFF}\\u{FE70}-\\u{FEFC}",
    ),
    // ASCII, Arabic-Indic, Persian and full-width digits.
    (
        "%DIGIT%",
        "0-9\\u{0660}-\\u{0669}\\u{06F0}-\\u{06F9}\\u{FF10}-\\u{FF19}",
    ),
    ("%CYRILLIC_UPPER%", "А-ЯЁ"),
    ("%CYRILLIC%", "А-Яа-яЁё"),
    ("%LATIN_UPPER%", "A-Z\\u{00C0}-\\u{00D6}\\u{00D8}-\\u{00DE}"),
    (
        "%LATIN%",
        "A-Za-z\\u{00C0}-\\u{00D6}\\u{00D8}-\\u{00F6}\\u{00F8}-\\u{024F}",
    ),
];

/// Compiles `source` with its `%NAME%` classes written out.
fn pattern(source: &str) -> Regex {
    let source = CLASSES
        .iter()
        .fold(source.to_owned(), |source, (name, class)| {
            source.replace(name, class)
        });
    Regex::new(&source).unwrap_or_else(|err| unreachable!("a dateline pattern is valid: {err}"))
}

/// The start of `body` a lead-in can lie in.
fn window(body: &str) -> &str {
    body.char_indices()
        .nth(MAX_LEAD_CHARS)
        .map_or(body, |(i, _)| &body[..i])
}

/// The span of a named group.
fn group(caps: &Captures<'_>, name: &str) -> Option<Span> {
    caps.name(name).map(|m| Span::new(m.start(), m.end()))
}

/// The first of several named groups that matched.
fn any_group(caps: &Captures<'_>, names: &[&str]) -> Option<Span> {
    names.iter().find_map(|name| group(caps, name))
}

/// True when `rest` (what follows a lead-in) starts with white space or is empty: the story goes
/// on after a break, not inside the same word.
fn breaks_before(rest: &str) -> bool {
    rest.chars().next().is_none_or(char::is_whitespace)
}

/// Chinese agencies that open a dateline; any other one-to-four-character name ending in 社
/// ("agency") does too.
const CHINESE_AGENCIES: &str = "新华社|新華社|新华网|新華網|中新社|中新网|中新網|中国新闻社|中國新聞社|\
    人民网|人民網|人民日报|人民日報|本报|本報|央视网|央視網|光明网|共同社|法新社|美联社|美聯社|路透社|\
    韩联社|韓聯社|塔斯社|德新社|埃菲社|安莎社|俄新社|时事社|時事社|朝中社|越通社|[%HAN%]{1,4}社";

/// Xinhua and the Chinese agencies: agency, place, date and 电 ("wire"): 新华社北京5月3日电,
/// 中新网5月3日电, 新华社北京电; inside 【】 (Kyodo's Chinese service), 电 may be left out.
static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^据?(?P<agency>{CHINESE_AGENCIES})(?P<place>[%HAN%%KATAKANA%]{{0,10}}?)\s*(?:(?P<date>(?:[%DIGIT%]{{2,4}}年)?[%DIGIT%]{{1,2}}月[%DIGIT%]{{1,2}}日|[%DIGIT%]{{1,2}}日)(?P<wire>电|電|消息)?|(?P<undated>电|電))"
    ))
});

/// The reporter's credit after a Chinese dateline: （记者 张三）, (记者张三、李四).
static CHINESE_REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^\s*[（(]\s*(?:记者|記者|通讯员|通訊員|实习生|實習生|特派记者|特约记者|特約記者|驻[%HAN%]{1,8}记者)[^）)\n]*?[）)]",
    )
});

/// Taiwan's CNA, the whole lead-in in brackets: （中央社記者張三台北3日電）, （中央社台北3日電）.
static CNA: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^[（(](?P<agency>中央社)(?:(?:記者|记者)[%HAN%\s]{1,12}?|(?P<place>[%HAN%]{1,6}?))(?P<date>[%DIGIT%]{1,2}日)[電电][）)]",
    )
});

/// Japanese agencies and their names in a Japanese dateline.
const JAPANESE_AGENCIES: &str = "共同|時事|ＡＦＰ時事|AFP時事|ロイター|新華社|聯合|ＡＰ|AP";

/// Japanese datelines in 【】: 【ワシントン共同】, 【北京３日共同】, 【ソウル＝聯合】, a paper's own
/// correspondent 【ワシントン＝山田太郎】, and AFP's 【5月3日 AFP】.
static JAPANESE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^【(?:(?P<afp_date>[%DIGIT%]{{1,2}}月[%DIGIT%]{{1,2}}日)\s*(?P<afp>AFP|ＡＦＰ)|(?P<place>[%HAN%%KATAKANA%]{{1,12}}?)(?P<date>[%DIGIT%]{{1,2}}日)?(?:[＝=]?(?P<agency>{JAPANESE_AGENCIES})|[＝=](?P<reporter>[%HAN%%HIRAGANA%%KATAKANA%\s]{{1,12}}?)))】"
    ))
});

/// Reuters' Japanese service: ［東京　３日　ロイター］ -.
static JAPANESE_REUTERS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^[［\[](?P<place>[%HAN%%KATAKANA%]{1,12})\s+(?P<date>[%DIGIT%]{1,2}日)\s+(?P<agency>ロイター)[］\]](?:\s*(?P<dash>[-－–—]))?",
    )
});

/// Yonhap and the Korean agencies: (서울=연합뉴스) 홍길동 기자 =, (워싱턴=연합뉴스) 김동현 특파원 =.
static KOREAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^[(\[（]\s*(?P<place>[%HANGUL%·]+(?:\s[%HANGUL%·]+){0,2})\s*=\s*(?P<agency>[%HANGUL%A-Za-z0-9]{1,10})\s*[)\]）](?:\s*[%HANGUL%·,\s]+?(?:기자|특파원|통신원|객원기자|인턴기자)\s*=)?",
    )
});

/// Arabic agencies as Arabic copy names them: SPA, QNA, KUNA, WAM, BNA, Saba, ONA, Anadolu,
/// Reuters, AFP, dpa, Xinhua, SANA, WAFA, Petra, APS, MAP, MENA, AP, UPI, Kyodo, Yonhap, Sputnik,
/// TASS, IRNA.
const ARABIC_AGENCIES: &str = "واس|قنا|كونا|وام|بنا|سبأ|العمانية|الأناضول|رويترز|أ ف ب|أ\\. ?ف\\. ?ب|ا ف ب|\
    د ب أ|د\\.ب\\.أ|شينخوا|سانا|وفا|بترا|واج|ومع|أ ش أ|أ ب|يو بي آي|كيودو|يونهاب|سبوتنيك|تاس|إرنا";

/// An Arabic place: one to three words of Arabic letters.
const ARABIC_PLACE: &str = r"(?P<place>[%ARABIC%]+(?:\s+[%ARABIC%]+){0,2}?)";

/// An Arabic dateline's date: digits with month names, era marks and dashes, after the place
/// ("في 3 مايو", "14 شوال 1445 هـ الموافق 3 مايو 2026 م", KUNA's "- 3 - 5").
const ARABIC_DATE: &str =
    r"(?:\s*[-–]\s*|\s+)(?P<date>(?:في\s+)?[%DIGIT%][%DIGIT%%ARABIC%\s\-–]*?)";

/// An Arabic place, maybe a date, and the agency in brackets or slashes: "القاهرة (رويترز) -",
/// "بكين 3 مايو 2026 (شينخوا) --", "أبوظبي في 3 مايو / وام /", "الكويت - 3 - 5 (كونا) --".
static ARABIC_ENCLOSED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^{ARABIC_PLACE}(?:{ARABIC_DATE})?\s*(?:\(\s*(?P<bracketed>[%ARABIC%\s.]{{2,24}}?)\s*\)|/\s*(?P<slashed>[%ARABIC%\s.]{{2,24}}?)\s*/)(?:\s*(?P<dash>-{{1,2}}|–|—))?"
    ))
});

/// An Arabic place, a dash and a known agency, as papers print agency copy: "الرياض - واس".
static ARABIC_AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^{ARABIC_PLACE}\s+[-–—]\s+(?P<agency>{ARABIC_AGENCIES})(?:\s*(?P<dash>-{{1,2}}|–|—|:))?"
    ))
});

/// SPA's own form: place, dates and the bare agency: "الرياض 14 شوال 1445 هـ الموافق 3 مايو 2026 م واس".
static ARABIC_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^{ARABIC_PLACE}{ARABIC_DATE}\s+(?P<agency>{ARABIC_AGENCIES})(?:\s*(?P<dash>-{{1,2}}|–|—|:))?"
    ))
});

/// Known Arabic agencies, whole.
static ARABIC_AGENCY: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"^(?:{ARABIC_AGENCIES})$")));

/// Russian datelines: place, date and agency: TASS's "МОСКВА, 3 мая. /ТАСС/." (and
/// "/Корр. ТАСС Иван Иванов/."), RIA's "МОСКВА, 3 мая - РИА Новости.", Interfax's "Москва.
/// 3 мая. INTERFAX.RU -", "МОСКВА, 5 февраля, РИА ФедералПресс.".
static RUSSIAN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r#"^(?P<place>[%CYRILLIC_UPPER%][%CYRILLIC%\-]*(?:\s[%CYRILLIC_UPPER%][%CYRILLIC%\-]*){0,2})[,.]\s*(?P<date>[0-9]{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|нояб|ноя|дек)(?:\.?\s+[0-9]{4}(?:\s*г)?)?)\.?(?:\.?\s*/[^/\n]*?(?P<tass>ТАСС|ИТАР-ТАСС)[^/\n]*?/\.?|\s*(?P<dash>[-–—])\s*(?P<dashed>РИА\s+["«]?Новости["»]?|Прайм|РБК|Интерфакс|ИНТЕРФАКС|Sputnik|Спутник|ИА\s+[%CYRILLIC%]+)(?:,\s*[%CYRILLIC_UPPER%][%CYRILLIC%]*(?:\s[%CYRILLIC_UPPER%][%CYRILLIC%]*){0,2})?\.|,\s*(?P<comma>РИА\s+["«]?[%CYRILLIC%%LATIN%]+["»]?|ИА\s+[%CYRILLIC%]+|Интерфакс|ИНТЕРФАКС)\.|\.?\s*(?P<interfax>INTERFAX\.RU|ИНТЕРФАКС)\s*(?P<interfax_dash>[-–—]))"#,
    )
});

/// French month names and abbreviations, lowercase as French datelines write them.
const FRENCH_MONTHS: &[&str] = &[
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "janv",
    "févr",
    "fév",
    "avr",
    "juil",
    "sept",
    "oct",
    "nov",
    "déc",
];

/// Spanish month names and EFE's abbreviations.
const SPANISH_MONTHS: &[&str] = &[
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "sept",
    "oct",
    "nov",
    "dic",
];

/// French and Spanish datelines, whose month is lowercase: "PARIS, 3 mai (Reuters) -",
/// "Madrid, 3 may (EFE).-", "Madrid (EFE).-".
static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    let mut months: Vec<&str> = FRENCH_MONTHS
        .iter()
        .chain(SPANISH_MONTHS)
        .copied()
        .collect();
    // Longest first, so that "sept" is not read as "sep".
    months.sort_by_key(|m| std::cmp::Reverse(m.len()));
    months.dedup();
    pattern(&format!(
        r"^(?P<place>[%LATIN_UPPER%][%LATIN%'’.\-]*(?:\s+(?:de|del|da|do|la|le|el|sur|en|[%LATIN_UPPER%][%LATIN%'’.\-]*)){{0,3}}?)(?:,\s*(?P<date>[0-9]{{1,2}}(?:er)?\.?\s+(?:de\s+)?(?P<month>{})\.?(?:\s+(?:de\s+)?[0-9]{{4}})?)\s*\((?P<agency>[^()\n]+)\)\s*\.?\s*(?P<dash>-{{1,2}}|–|—)|\s*\((?P<efe>EFE|Efe)\)\s*\.\s*(?P<efe_dash>-))",
        months.join("|")
    ))
});

/// A Chinese agency's lead-in at the start of `body`; `in_brackets` when it stands inside 【】,
/// which end it.
fn chinese(body: &str, in_brackets: bool) -> Option<SourceLead> {
    let caps = CHINESE.captures(window(body))?;
    let whole = caps.get(0)?;
    let mut end = whole.end();
    if in_brackets {
        if !body[end..].starts_with('】') {
            return None;
        }
        end += '】'.len_utf8();
    } else {
        // Without 电 or a bracket to end it, the date must be followed by a break.
        let wire = caps.name("wire").is_some() || caps.name("undated").is_some();
        if !wire && !breaks_before(&body[end..]) {
            return None;
        }
        if let Some(credit) = CHINESE_REPORTER.find(window(&body[end..])) {
            end += credit.end();
        }
    }
    Some(SourceLead {
        span: Span::new(0, end),
        language: Language::Chinese,
        place: group(&caps, "place").filter(|p| !p.is_empty()),
        date: group(&caps, "date"),
        agency: group(&caps, "agency"),
        agency_in_brackets: in_brackets,
        dash: None,
    })
}

/// A lead-in that opens with a bracket: Kyodo's Chinese 【共同社5月3日电】, the Japanese forms,
/// Yonhap's, CNA's.
fn bracketed(body: &str) -> Option<SourceLead> {
    if let Some(inner) = body.strip_prefix('【')
        && let Some(lead) = chinese(inner, true)
    {
        let mut lead = lead.shift('【'.len_utf8());
        lead.span = Span::new(0, lead.span.end);
        return Some(lead);
    }
    if let Some(caps) = JAPANESE.captures(window(body)) {
        return Some(SourceLead {
            span: Span::new(0, caps.get(0)?.end()),
            language: Language::Japanese,
            place: group(&caps, "place"),
            date: any_group(&caps, &["date", "afp_date"]),
            agency: any_group(&caps, &["agency", "afp"]),
            agency_in_brackets: true,
            dash: None,
        });
    }
    if let Some(caps) = JAPANESE_REUTERS.captures(window(body)) {
        return Some(SourceLead {
            span: Span::new(0, caps.get(0)?.end()),
            language: Language::Japanese,
            place: group(&caps, "place"),
            date: group(&caps, "date"),
            agency: group(&caps, "agency"),
            agency_in_brackets: true,
            dash: group(&caps, "dash"),
        });
    }
    if let Some(caps) = KOREAN.captures(window(body)) {
        return Some(SourceLead {
            span: Span::new(0, caps.get(0)?.end()),
            language: Language::Korean,
            place: group(&caps, "place"),
            date: None,
            agency: group(&caps, "agency"),
            agency_in_brackets: true,
            dash: None,
        });
    }
    let caps = CNA.captures(window(body))?;
    Some(SourceLead {
        span: Span::new(0, caps.get(0)?.end()),
        language: Language::Chinese,
        place: group(&caps, "place"),
        date: group(&caps, "date"),
        agency: group(&caps, "agency"),
        agency_in_brackets: true,
        dash: None,
    })
}

fn arabic(body: &str) -> Option<SourceLead> {
    let lead = |caps: &Captures<'_>, agency: Option<Span>, in_brackets: bool| {
        let whole = caps.get(0)?;
        breaks_before(&body[whole.end()..]).then(|| SourceLead {
            span: Span::new(0, whole.end()),
            language: Language::Arabic,
            place: group(caps, "place"),
            date: group(caps, "date"),
            agency,
            agency_in_brackets: in_brackets,
            dash: group(caps, "dash"),
        })
    };
    if let Some(caps) = ARABIC_ENCLOSED.captures(window(body)) {
        let agency = any_group(&caps, &["bracketed", "slashed"])?;
        // Brackets after a place are a dateline's when a dash follows them or they name an agency.
        let known = ARABIC_AGENCY.is_match(agency.slice(body));
        if caps.name("dash").is_some() || known {
            return lead(&caps, Some(agency), true);
        }
    }
    if let Some(caps) = ARABIC_AFTER_DASH.captures(window(body)) {
        return lead(&caps, group(&caps, "agency"), false);
    }
    let caps = ARABIC_AFTER_DATE.captures(window(body))?;
    lead(&caps, group(&caps, "agency"), false)
}

fn russian(body: &str) -> Option<SourceLead> {
    let caps = RUSSIAN.captures(window(body))?;
    let whole = caps.get(0)?;
    if !breaks_before(&body[whole.end()..]) {
        return None;
    }
    Some(SourceLead {
        span: Span::new(0, whole.end()),
        language: Language::Russian,
        place: group(&caps, "place"),
        date: group(&caps, "date"),
        agency: any_group(&caps, &["tass", "dashed", "comma", "interfax"]),
        agency_in_brackets: caps.name("tass").is_some(),
        dash: any_group(&caps, &["interfax_dash"]),
    })
}

fn latin(body: &str) -> Option<SourceLead> {
    let caps = LATIN.captures(window(body))?;
    let whole = caps.get(0)?;
    if !breaks_before(&body[whole.end()..]) {
        return None;
    }
    let month = caps.name("month").map(|m| m.as_str());
    let agency = any_group(&caps, &["agency", "efe"]);
    let french = month.is_some_and(|m| FRENCH_MONTHS.contains(&m));
    let spanish = month.is_some_and(|m| SPANISH_MONTHS.contains(&m));
    let efe = agency.is_some_and(|a| a.slice(body).eq_ignore_ascii_case("EFE"));
    let language = if spanish && (!french || efe) || month.is_none() {
        Language::Spanish
    } else {
        Language::French
    };
    Some(SourceLead {
        span: Span::new(0, whole.end()),
        language,
        place: group(&caps, "place"),
        date: group(&caps, "date"),
        agency,
        agency_in_brackets: true,
        dash: any_group(&caps, &["dash", "efe_dash"]),
    })
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    /// The lead-in, place, date and agency of a paragraph, and the language.
    type Parts<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Language,
    );

    /// The [`Parts`] of the lead-in found at the start of `paragraph`.
    fn parts(paragraph: &str) -> Option<Parts<'_>> {
        let lead = find_source_dateline(paragraph, Span::new(0, paragraph.len()))?;
        let slice = |s: Option<Span>| s.map(|s| s.slice(paragraph));
        Some((
            lead.span.slice(paragraph),
            slice(lead.place),
            slice(lead.date),
            slice(lead.agency),
            lead.language,
        ))
    }

    #[test]
    fn chinese_agencies() {
        use Language::Chinese;
        assert_eq!(
            parts("新华社北京5月3日电 日本和美国3日同意加强合作。"),
            Some((
                "新华社北京5月3日电",
                Some("北京"),
                Some("5月3日"),
                Some("新华社"),
                Chinese
            ))
        );
        assert_eq!(
            parts("新华社北京5月3日电（记者 张三 李四）日本和美国3日同意加强合作。"),
            Some((
                "新华社北京5月3日电（记者 张三 李四）",
                Some("北京"),
                Some("5月3日"),
                Some("新华社"),
                Chinese
            ))
        );
        assert_eq!(
            parts("新华社东京5月3日电(记者张三、李四) 日本政府3日表示。").map(|p| p.0),
            Some("新华社东京5月3日电(记者张三、李四)")
        );
        assert_eq!(
            parts("中新网5月3日电 据日本媒体报道。"),
            Some((
                "中新网5月3日电",
                None,
                Some("5月3日"),
                Some("中新网"),
                Chinese
            ))
        );
        assert_eq!(
            parts("新华社华盛顿电 美国政府表示。").map(|p| (p.0, p.1, p.2)),
            Some(("新华社华盛顿电", Some("华盛顿"), None))
        );
        assert_eq!(
            parts("【共同社5月3日】日本政府3日决定。"),
            Some((
                "【共同社5月3日】",
                None,
                Some("5月3日"),
                Some("共同社"),
                Chinese
            ))
        );
        assert_eq!(
            parts("【共同社东京5月3日电】日本政府3日决定。"),
            Some((
                "【共同社东京5月3日电】",
                Some("东京"),
                Some("5月3日"),
                Some("共同社"),
                Chinese
            ))
        );
        assert_eq!(
            parts("（中央社記者張三台北3日電）行政院今天表示。"),
            Some((
                "（中央社記者張三台北3日電）",
                None,
                Some("3日"),
                Some("中央社"),
                Chinese
            ))
        );
    }

    #[test]
    fn japanese_agencies() {
        use Language::Japanese;
        assert_eq!(
            parts("【ワシントン共同】トランプ米大統領は３日、述べた。"),
            Some((
                "【ワシントン共同】",
                Some("ワシントン"),
                None,
                Some("共同"),
                Japanese
            ))
        );
        assert_eq!(
            parts("【北京３日共同】中国外務省は３日、発表した。"),
            Some((
                "【北京３日共同】",
                Some("北京"),
                Some("３日"),
                Some("共同"),
                Japanese
            ))
        );
        assert_eq!(
            parts("【ワシントン＝山田太郎】米政府は３日、発表した。"),
            Some((
                "【ワシントン＝山田太郎】",
                Some("ワシントン"),
                None,
                None,
                Japanese
            ))
        );
        assert_eq!(
            parts("【ソウル時事】韓国政府は発表した。").map(|p| p.3),
            Some(Some("時事"))
        );
        assert_eq!(
            parts("【5月3日 AFP】米政府は発表した。"),
            Some((
                "【5月3日 AFP】",
                None,
                Some("5月3日"),
                Some("AFP"),
                Japanese
            ))
        );
        assert_eq!(
            parts("［東京　３日　ロイター］ - 日経平均は反発した。"),
            Some((
                "［東京　３日　ロイター］ -",
                Some("東京"),
                Some("３日"),
                Some("ロイター"),
                Japanese
            ))
        );
    }

    #[test]
    fn korean_agencies() {
        use Language::Korean;
        assert_eq!(
            parts("(서울=연합뉴스) 홍길동 기자 = 이재명 대통령은 3일 말했다."),
            Some((
                "(서울=연합뉴스) 홍길동 기자 =",
                Some("서울"),
                None,
                Some("연합뉴스"),
                Korean
            ))
        );
        assert_eq!(
            parts("(워싱턴=연합뉴스) 김동현 특파원 = 미국 정부는 말했다.").map(|p| p.0),
            Some("(워싱턴=연합뉴스) 김동현 특파원 =")
        );
        assert_eq!(
            parts("(서울=뉴스1) 정부는 3일 기자회견을 열었다.").map(|p| (p.0, p.3)),
            Some(("(서울=뉴스1)", Some("뉴스1")))
        );
    }

    #[test]
    fn arabic_agencies() {
        use Language::Arabic;
        assert_eq!(
            parts("القاهرة (رويترز) - قال مسؤولون إن الخطة تبدأ في مايو."),
            Some((
                "القاهرة (رويترز) -",
                Some("القاهرة"),
                None,
                Some("رويترز"),
                Arabic
            ))
        );
        assert_eq!(
            parts("الرياض (واس) - أعلنت الوزارة."),
            Some(("الرياض (واس) -", Some("الرياض"), None, Some("واس"), Arabic))
        );
        assert_eq!(
            parts("باريس (أ ف ب) - أعلنت الحكومة.").map(|p| p.3),
            Some(Some("أ ف ب"))
        );
        assert_eq!(
            parts("الرياض - واس أعلنت الوزارة."),
            Some(("الرياض - واس", Some("الرياض"), None, Some("واس"), Arabic))
        );
        assert_eq!(
            parts("الرياض 14 شوال 1447 هـ الموافق 3 مايو 2026 م واس أعلنت الوزارة."),
            Some((
                "الرياض 14 شوال 1447 هـ الموافق 3 مايو 2026 م واس",
                Some("الرياض"),
                Some("14 شوال 1447 هـ الموافق 3 مايو 2026 م"),
                Some("واس"),
                Arabic
            ))
        );
        assert_eq!(
            parts("أبوظبي في 3 مايو / وام / أعلنت الوزارة.").map(|p| (p.0, p.2, p.3)),
            Some(("أبوظبي في 3 مايو / وام /", Some("في 3 مايو"), Some("وام")))
        );
        assert_eq!(
            parts("الكويت - ٣ - ٥ (كونا) -- أعلنت الوزارة.").map(|p| (p.0, p.2)),
            Some(("الكويت - ٣ - ٥ (كونا) --", Some("٣ - ٥")))
        );
        assert_eq!(
            parts("رام الله (وفا) - قالت الوزارة.").map(|p| p.1),
            Some(Some("رام الله"))
        );
    }

    #[test]
    fn russian_agencies() {
        use Language::Russian;
        assert_eq!(
            parts("МОСКВА, 3 мая. /ТАСС/. Президент России заявил."),
            Some((
                "МОСКВА, 3 мая. /ТАСС/.",
                Some("МОСКВА"),
                Some("3 мая"),
                Some("ТАСС"),
                Russian
            ))
        );
        assert_eq!(
            parts("ВАШИНГТОН, 3 мая. /Корр. ТАСС Иван Иванов/. Госдеп заявил.").map(|p| (p.0, p.3)),
            Some(("ВАШИНГТОН, 3 мая. /Корр. ТАСС Иван Иванов/.", Some("ТАСС")))
        );
        assert_eq!(
            parts("МОСКВА, 14 фев - РИА Новости. Президент России заявил.").map(|p| (p.0, p.3)),
            Some(("МОСКВА, 14 фев - РИА Новости.", Some("РИА Новости")))
        );
        assert_eq!(
            parts("НЬЮ-ЙОРК, 3 мая — РИА Новости, Иван Иванов. Генсек ООН заявил.").map(|p| p.0),
            Some("НЬЮ-ЙОРК, 3 мая — РИА Новости, Иван Иванов.")
        );
        assert_eq!(
            parts("Москва. 3 мая. INTERFAX.RU - Президент заявил.").map(|p| (p.0, p.3)),
            Some(("Москва. 3 мая. INTERFAX.RU -", Some("INTERFAX.RU")))
        );
    }

    #[test]
    fn french_and_spanish_agencies() {
        assert_eq!(
            parts("PARIS, 3 mai (Reuters) - Le gouvernement a annoncé."),
            Some((
                "PARIS, 3 mai (Reuters) -",
                Some("PARIS"),
                Some("3 mai"),
                Some("Reuters"),
                Language::French
            ))
        );
        assert_eq!(
            parts("Madrid, 3 may (EFE).- El Gobierno anunció."),
            Some((
                "Madrid, 3 may (EFE).-",
                Some("Madrid"),
                Some("3 may"),
                Some("EFE"),
                Language::Spanish
            ))
        );
        assert_eq!(
            parts("Madrid (EFE).- El Gobierno anunció.").map(|p| (p.0, p.3, p.4)),
            Some(("Madrid (EFE).-", Some("EFE"), Language::Spanish))
        );
        assert_eq!(
            parts("Buenos Aires, 3 oct (EFE).- El Gobierno anunció.").map(|p| (p.1, p.4)),
            Some((Some("Buenos Aires"), Language::Spanish))
        );
    }

    /// Prose, and the English desk's form (found by `find_dateline` itself), are no source form.
    #[test]
    fn prose_and_english_forms_are_none() {
        for paragraph in [
            "TOKYO (AP) — Japan said.",
            "TOKYO, Nov 21 (Reuters) - Japan said.",
            "Berlin (dpa) - Die Regierung hat beschlossen.",
            "PARIS (AFP) - Le gouvernement a annoncé.",
            "MADRID, 2 May. (EUROPA PRESS) - El ministro dijo.",
            "Madrid (EFE) - El Gobierno anunció.",
            "Prices may - or may not - rise.",
            "日本和美国3日同意加强合作。",
            "人民日报5月3日报道，日本政府表示。",
            "新华社记者张三报道。",
            "(서울) 정부는 말했다.",
            "قال الوزير (المالية) إن الخطة تبدأ.",
            "وقال مسؤولون - في القاهرة - إن الخطة تبدأ.",
            "Президент России заявил, 3 мая - в Москве.",
            "「予算は足りるのか？」と記者が聞いた。",
            "【速報】日米が合意した。",
        ] {
            assert_eq!(parts(paragraph), None, "{paragraph}");
        }
    }

    /// Paragraphs made of the pieces of datelines in every form, in any order.
    fn lead_like() -> impl proptest::strategy::Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "新华社",
            "北京",
            "5月3日",
            "电",
            "（记者 张三）",
            "【",
            "】",
            "共同",
            "共同社",
            "３日",
            "＝",
            "(서울=연합뉴스)",
            " 홍길동 기자 =",
            "القاهرة",
            " (رويترز)",
            " - ",
            " واس",
            " في 3 مايو",
            " / وام /",
            "МОСКВА",
            ", 3 мая",
            ".",
            " /ТАСС/.",
            " - РИА Новости.",
            "Madrid",
            ", 3 may",
            " (EFE)",
            ".-",
            "PARIS",
            ", 3 mai",
            " (Reuters)",
            " ",
            "text ",
            "日本は",
            "［東京　３日　ロイター］",
            "(",
            ")",
            "/",
        ];
        /// Whole lead-ins, for the pieces to cut short or run on.
        const FORMS: &[&str] = &[
            "新华社北京5月3日电",
            "【共同社5月3日",
            "【北京３日共同",
            "(서울=연합뉴스) 홍길동",
            "القاهرة (رويترز) -",
            "الرياض 3 مايو 2026 م واس",
            "МОСКВА, 3 мая",
            "Madrid, 3 may (EFE)",
            "PARIS, 3 mai (Reuters) -",
        ];
        (
            proptest::option::of(proptest::sample::select(FORMS)),
            proptest::collection::vec(proptest::sample::select(PIECES), 0..8),
        )
            .prop_map(|(form, pieces)| format!("{}{}", form.unwrap_or(""), pieces.concat()))
    }

    proptest::proptest! {
        /// A lead-in found is a prefix of its paragraph, and its parts lie inside it on character
        /// boundaries; taking it apart as a dateline gives spans inside it too.
        #[test]
        fn leads_are_prefixes_with_parts_inside(prefix in "[a-z \n]{0,4}", paragraph in lead_like()) {
            let text = format!("{prefix}{paragraph}");
            let within = Span::new(prefix.len(), text.len());
            if let Some(lead) = find_source_dateline(&text, within) {
                proptest::prop_assert_eq!(lead.span.start, within.start);
                proptest::prop_assert!(lead.span.end <= within.end && !lead.span.is_empty());
                for part in [lead.place, lead.date, lead.agency, lead.dash].into_iter().flatten() {
                    proptest::prop_assert!(lead.span.start <= part.start && part.end <= lead.span.end);
                    proptest::prop_assert!(text.get(part.start..part.end).is_some());
                }
                proptest::prop_assert!(is_source_dateline(&text, lead.span));
                let dateline = crate::knowledge::dateline::parse_dateline(&text, lead.span, None);
                proptest::prop_assert!(dateline.dash_region.start >= lead.span.start);
                proptest::prop_assert!(text.get(dateline.dash_region.start..dateline.dash_region.end).is_some());
            }
        }
    }
}
