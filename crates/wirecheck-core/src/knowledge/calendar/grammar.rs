//! How Arabic, Russian, German, French and Spanish write a date in words: the order and glue of
//! day, month and year ("3. Mai 2026", "3 de mayo de 2026", "3 мая 2026 года"), the words that
//! make a number a year ("im Jahr 2026", "عام 2026"), the forms of a weekday ("يوم الجمعة",
//! "Freitagabend") and when a weekday name standing alone is one. [`super::worded`] reads text
//! by these grammars.
//!
//! In the patterns a space stands for one or more spaces on a line, and `·` for any number.

use jiff::civil::Weekday;

use super::names::{self, Names};
use super::{word_after, word_before};

/// How one language writes dates in words.
pub(super) struct Grammar {
    /// Month names in full.
    pub(super) months: Names<i8>,
    /// Month abbreviations, found only with their full stop ("Jan.").
    pub(super) month_abbreviations: Names<i8>,
    /// Weekday names, without the prefixes of `weekday_prefix`.
    pub(super) weekdays: Names<Weekday>,
    /// The day of the month, with its ordinal mark ("3.", "1er", "3-го").
    pub(super) day: &'static str,
    /// Between the day and the month (" de ").
    pub(super) day_to_month: &'static str,
    /// Between the month and the year (" de ", " عام ").
    pub(super) month_to_year: &'static str,
    /// After a year, optional with a month and enough to make a number a year alone
    /// ("2026 года", "2026م"); "" for none.
    pub(super) year_suffix: &'static str,
    /// Whether the text after a year makes it a year of another calendar (Arabic "1447 هـ", of the
    /// Hijra).
    pub(super) other_calendar: fn(&str) -> bool,
    /// Words before a number that make it a year alone ("Jahr 2026", "année 2026"); "" for none.
    pub(super) year_words: &'static str,
    /// Prepositions before a number that make it a year alone when it is 1900 to 2100 ("en
    /// 2026", "seit 2026"); "" for none. Those that as often count ("bis 2000 Menschen", "hasta
    /// 2000 personas", "في 2000 منزل") are left out.
    pub(super) year_prepositions: &'static str,
    /// What may stand before a weekday name, as part of it (Arabic "يوم ال", "وال").
    pub(super) weekday_prefix: &'static str,
    /// What may follow a weekday name in one word (German "Freitagabend").
    pub(super) weekday_suffix: &'static str,
    /// Words that may stand between a weekday and the date it names, besides spaces and commas
    /// ("Freitag, den 3. Mai", "الجمعة الموافق 3 مايو").
    pub(super) joiners: &'static [&'static str],
    /// Whether month and weekday names are written in lower case in running text: capitalised
    /// away from a sentence's start they are names ("Santo Domingo", "la mission Mars 2020").
    pub(super) lowercase_names: bool,
    /// Whether a weekday found standing alone is one.
    pub(super) weekday_alone: fn(&WeekdayContext<'_>) -> bool,
}

/// A weekday name found alone, with the text around it.
pub(super) struct WeekdayContext<'a> {
    /// The text searched.
    pub(super) haystack: &'a str,
    /// Where the weekday, prefix and suffix included, starts.
    pub(super) start: usize,
    /// Where it ends.
    pub(super) end: usize,
    /// The name, in lower case, without prefix or suffix.
    pub(super) name: String,
    /// Whether a prefix was written ("يوم الجمعة").
    pub(super) prefixed: bool,
    /// Whether a suffix was written ("Freitagabend").
    pub(super) compound: bool,
}

/// Arabic: "3 مايو 2026", "٣ أيار", "3 أيار/مايو 2026م", "يوم الجمعة الموافق 3 مايو".
pub(super) static ARABIC: Grammar = Grammar {
    months: names::ARABIC_MONTHS,
    month_abbreviations: &[],
    weekdays: names::ARABIC_WEEKDAYS,
    day: "NUMBER{1,2}",
    day_to_month: " (?:من )?",
    month_to_year: "·[,،]? (?:من )?(?:(?:عام|العام|سنة) )?",
    year_suffix: "·م",
    other_calendar: hijri_year,
    year_words: "عام|العام|سنة",
    year_prepositions: "منذ",
    weekday_prefix: "(?:يوم )?[وف]?(?:بال|لل|ال)",
    weekday_suffix: "",
    joiners: &["الموافق"],
    lowercase_names: false,
    weekday_alone: arabic_weekday_alone,
};

/// Russian: "3 мая", "3 мая 2026 года", "в мае 2026 г.", "в пятницу, 3 мая".
pub(super) static RUSSIAN: Grammar = Grammar {
    months: names::RUSSIAN_MONTHS,
    month_abbreviations: &[],
    weekdays: names::RUSSIAN_WEEKDAYS,
    day: "NUMBER{1,2}(?:-?(?:го|е))?",
    day_to_month: " ",
    month_to_year: " ",
    year_suffix: r"·(?:года|году|год|г\.)",
    other_calendar: never,
    year_words: "",
    year_prepositions: "",
    weekday_prefix: "",
    weekday_suffix: "",
    joiners: &[],
    lowercase_names: true,
    weekday_alone: russian_weekday_alone,
};

/// German: "3. Mai", "3. Mai 2026", "3. Jan.", "am Freitag, dem 3. Mai", "Freitagabend".
pub(super) static GERMAN: Grammar = Grammar {
    months: names::GERMAN_MONTHS,
    month_abbreviations: names::GERMAN_MONTH_ABBREVIATIONS,
    weekdays: names::GERMAN_WEEKDAYS,
    day: r"NUMBER{1,2}\.",
    day_to_month: "·",
    month_to_year: " ",
    year_suffix: "",
    other_calendar: never,
    year_words: "Jahr|Jahre|Jahres",
    year_prepositions: "seit",
    weekday_prefix: "",
    weekday_suffix: "(?:abend|morgen|nachmittag|vormittag|mittag|nacht|früh|frueh)?",
    joiners: &["dem", "den"],
    lowercase_names: false,
    weekday_alone: german_weekday_alone,
};

/// French: "3 mai", "le 3 mai 2026", "1er mai", "vendredi 3 mai".
pub(super) static FRENCH: Grammar = Grammar {
    months: names::FRENCH_MONTHS,
    month_abbreviations: names::FRENCH_MONTH_ABBREVIATIONS,
    weekdays: names::FRENCH_WEEKDAYS,
    day: "1er|1re|NUMBER{1,2}",
    day_to_month: " ",
    month_to_year: " ",
    year_suffix: "",
    other_calendar: never,
    year_words: "année|an",
    year_prepositions: "en|depuis|dès",
    weekday_prefix: "",
    weekday_suffix: "",
    joiners: &[],
    lowercase_names: true,
    weekday_alone: always,
};

/// Spanish: "3 de mayo", "3 de mayo de 2026", "1.º de mayo", "el viernes 3 de mayo".
pub(super) static SPANISH: Grammar = Grammar {
    months: names::SPANISH_MONTHS,
    month_abbreviations: &[],
    weekdays: names::SPANISH_WEEKDAYS,
    day: r"1\.?[º°]|primero|NUMBER{1,2}",
    // "3 de mayo" in running text, "7 may" in EFE's datelines.
    day_to_month: " (?:de )?",
    month_to_year: " del? (?:año )?",
    year_suffix: "",
    other_calendar: never,
    year_words: "año",
    year_prepositions: "en|desde",
    weekday_prefix: "",
    weekday_suffix: "",
    joiners: &[],
    lowercase_names: true,
    weekday_alone: always,
};

/// No year is of another calendar.
fn never(_: &str) -> bool {
    false
}

/// Whether the text after a year marks it as of the Hijra: "هـ", or "ه" standing alone.
fn hijri_year(after: &str) -> bool {
    let after = after.trim_start();
    after.starts_with("هـ")
        || after
            .strip_prefix('ه')
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
}

/// A weekday alone is one.
fn always(_: &WeekdayContext<'_>) -> bool {
    true
}

/// Arabic الاثنين is also "the two" ("بين الاثنين", "الاثنين معا") and الأحد "the one" ("الأحد
/// عشر" is eleven); written after يوم both are weekdays.
fn arabic_weekday_alone(context: &WeekdayContext<'_>) -> bool {
    if context.prefixed {
        return true;
    }
    let before = word_before(context.haystack, context.start);
    let after = word_after(context.haystack, context.end);
    match context.name.as_str() {
        "اثنين" | "إثنين" => {
            !["بين", "كلا", "كلتا", "هذين", "هاتين"].contains(&before) && !after.starts_with("مع")
        }
        "أحد" | "احد" => after != "عشر" && before != "الواحد",
        _ => true,
    }
}

/// Russian среда is also "environment" ("окружающая среда", "в среду обитания"): Wednesday alone
/// is "в среду", "на эту среду", "до среды" and their kind.
fn russian_weekday_alone(context: &WeekdayContext<'_>) -> bool {
    const BEFORE_ACCUSATIVE: &[&str] = &[
        "в",
        "во",
        "на",
        "по",
        "эту",
        "ту",
        "прошлую",
        "минувшую",
        "позапрошлую",
        "следующую",
        "ближайшую",
        "будущую",
        "каждую",
    ];
    const BEFORE_GENITIVE: &[&str] = &["до", "со", "с", "от"];
    let before = word_before(context.haystack, context.start).to_lowercase();
    let after = word_after(context.haystack, context.end).to_lowercase();
    match context.name.as_str() {
        "среда" => false,
        "среду" => {
            BEFORE_ACCUSATIVE.contains(&before.as_str()) && !after.starts_with("обитани")
        }
        "среды" => BEFORE_GENITIVE.contains(&before.as_str()) && !after.starts_with("обитани"),
        _ => true,
    }
}

/// German Freitag is also a surname and a newspaper ("der Freitag"): a weekday alone is one after
/// a word that puts a day in time ("am Freitag", "bis Freitag", "vergangenen Freitag") or as the
/// first part of a time of that day ("Freitagabend").
fn german_weekday_alone(context: &WeekdayContext<'_>) -> bool {
    const BEFORE: &[&str] = &[
        "am",
        "an",
        "ab",
        "bis",
        "seit",
        "vom",
        "von",
        "zum",
        "jeden",
        "letzten",
        "letztem",
        "vergangenen",
        "vergangenem",
        "kommenden",
        "kommendem",
        "nächsten",
        "nächstem",
        "naechsten",
        "diesen",
        "diesem",
        "künftig",
    ];
    context.compound
        || BEFORE.contains(
            &word_before(context.haystack, context.start)
                .to_lowercase()
                .as_str(),
        )
}
