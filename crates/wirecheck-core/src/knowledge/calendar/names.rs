//! The month and weekday names of the languages that write dates in words (Arabic, Russian,
//! German, French, Spanish), each with the number or weekday it means, and the two things done
//! with them: a pattern alternation that finds them and the lookup that reads a found one.
//! Names are stored in lower case; a name of two words (كانون الثاني) is found across any run of
//! spaces.

use jiff::civil::Weekday;

use super::SPACE;

/// Names and what each means.
pub(super) type Names<T> = &'static [(&'static str, T)];

/// The Arabic month names: the series of Egypt and the Gulf (يناير …) and the Levantine and Iraqi
/// one (كانون الثاني …), with the spellings that write a hamza or leave it out.
pub(super) const ARABIC_MONTHS: Names<i8> = &[
    ("يناير", 1),
    ("كانون الثاني", 1),
    ("فبراير", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("آذار", 3),
    ("اذار", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("ابريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("أيار", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("تموز", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("آب", 8),
    ("سبتمبر", 9),
    ("أيلول", 9),
    ("ايلول", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("تشرين الأول", 10),
    ("تشرين الاول", 10),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("ديسمبر", 12),
    ("كانون الأول", 12),
    ("كانون الاول", 12),
];

/// The Arabic weekday names without their article (الجمعة is ال + جمعة).
pub(super) const ARABIC_WEEKDAYS: Names<Weekday> = &[
    ("أحد", Weekday::Sunday),
    ("احد", Weekday::Sunday),
    ("إثنين", Weekday::Monday),
    ("اثنين", Weekday::Monday),
    ("ثلاثاء", Weekday::Tuesday),
    ("ثلثاء", Weekday::Tuesday),
    ("أربعاء", Weekday::Wednesday),
    ("اربعاء", Weekday::Wednesday),
    ("خميس", Weekday::Thursday),
    ("جمعة", Weekday::Friday),
    ("سبت", Weekday::Saturday),
];

/// The Russian month names: nominative (май), genitive (3 мая) and prepositional (в мае).
pub(super) const RUSSIAN_MONTHS: Names<i8> = &[
    ("январь", 1),
    ("января", 1),
    ("январе", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("феврале", 2),
    ("март", 3),
    ("марта", 3),
    ("марте", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апреле", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июне", 6),
    ("июль", 7),
    ("июля", 7),
    ("июле", 7),
    ("август", 8),
    ("августа", 8),
    ("августе", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сентябре", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("октябре", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноябре", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("декабре", 12),
];

/// The Russian weekday names: nominative (пятница), accusative (в пятницу), genitive (до
/// пятницы) and dative (к пятнице). Wednesday's prepositional "среде" is left out: "в среде"
/// means "among".
pub(super) const RUSSIAN_WEEKDAYS: Names<Weekday> = &[
    ("понедельник", Weekday::Monday),
    ("понедельника", Weekday::Monday),
    ("понедельнику", Weekday::Monday),
    ("вторник", Weekday::Tuesday),
    ("вторника", Weekday::Tuesday),
    ("вторнику", Weekday::Tuesday),
    ("среда", Weekday::Wednesday),
    ("среду", Weekday::Wednesday),
    ("среды", Weekday::Wednesday),
    ("четверг", Weekday::Thursday),
    ("четверга", Weekday::Thursday),
    ("четвергу", Weekday::Thursday),
    ("пятница", Weekday::Friday),
    ("пятницу", Weekday::Friday),
    ("пятницы", Weekday::Friday),
    ("пятнице", Weekday::Friday),
    ("суббота", Weekday::Saturday),
    ("субботу", Weekday::Saturday),
    ("субботы", Weekday::Saturday),
    ("субботе", Weekday::Saturday),
    ("воскресенье", Weekday::Sunday),
    ("воскресенья", Weekday::Sunday),
    ("воскресенью", Weekday::Sunday),
];

/// The German month names, with the Austrian Jänner and Feber and the spelling without an
/// umlaut.
pub(super) const GERMAN_MONTHS: Names<i8> = &[
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("dezember", 12),
];

/// German month abbreviations, written with a full stop ("3. Jan.").
pub(super) const GERMAN_MONTH_ABBREVIATIONS: Names<i8> = &[
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

/// The German weekday names (Samstag and the northern Sonnabend).
pub(super) const GERMAN_WEEKDAYS: Names<Weekday> = &[
    ("montag", Weekday::Monday),
    ("dienstag", Weekday::Tuesday),
    ("mittwoch", Weekday::Wednesday),
    ("donnerstag", Weekday::Thursday),
    ("freitag", Weekday::Friday),
    ("samstag", Weekday::Saturday),
    ("sonnabend", Weekday::Saturday),
    ("sonntag", Weekday::Sunday),
];

/// The French month names, with the spellings that drop their accents.
pub(super) const FRENCH_MONTHS: Names<i8> = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

/// French month abbreviations, written with a full stop ("3 janv.").
pub(super) const FRENCH_MONTH_ABBREVIATIONS: Names<i8> = &[
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("déc", 12),
    ("dec", 12),
];

/// The French weekday names.
pub(super) const FRENCH_WEEKDAYS: Names<Weekday> = &[
    ("lundi", Weekday::Monday),
    ("mardi", Weekday::Tuesday),
    ("mercredi", Weekday::Wednesday),
    ("jeudi", Weekday::Thursday),
    ("vendredi", Weekday::Friday),
    ("samedi", Weekday::Saturday),
    ("dimanche", Weekday::Sunday),
];

/// The Spanish month names, with the setiembre of several American countries.
pub(super) const SPANISH_MONTHS: Names<i8> = &[
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // The abbreviations EFE's datelines print, without a full stop ("Madrid, 7 may (EFE).-");
    // not "mar", which is also the sea. A month is only read with a day or a year.
    ("ene", 1),
    ("feb", 2),
    ("abr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("ago", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dic", 12),
];

/// The Spanish weekday names, with the spellings that drop their accents.
pub(super) const SPANISH_WEEKDAYS: Names<Weekday> = &[
    ("lunes", Weekday::Monday),
    ("martes", Weekday::Tuesday),
    ("miércoles", Weekday::Wednesday),
    ("miercoles", Weekday::Wednesday),
    ("jueves", Weekday::Thursday),
    ("viernes", Weekday::Friday),
    ("sábado", Weekday::Saturday),
    ("sabado", Weekday::Saturday),
    ("domingo", Weekday::Sunday),
];

/// A pattern matching any of `names` (longest first, so that "تشرين الثاني" is not cut short and
/// "мая" is not taken for "май"), a space in a name matching any run of spaces on one line.
pub(super) fn alternation<T>(names: Names<T>) -> String {
    let mut written: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
    written.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    written.dedup();
    let escaped: Vec<String> = written
        .iter()
        .map(|name| regex::escape(name).replace(' ', &format!("{SPACE}+")))
        .collect();
    format!("(?:{})", escaped.join("|"))
}

/// What a found name means: case, a trailing full stop and the width of spaces are ignored.
pub(super) fn lookup<T: Copy>(names: Names<T>, written: &str) -> Option<T> {
    let bare = written.trim().trim_end_matches('.').to_lowercase();
    let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
    names
        .iter()
        .find_map(|&(name, value)| (name == bare).then_some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_stored_as_lookup_reads_it() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(names: Names<T>) {
            for &(name, value) in names {
                assert_eq!(name, name.to_lowercase(), "{name} is not in lower case");
                assert_eq!(lookup(names, name), Some(value), "{name}");
            }
        }
        for months in [
            ARABIC_MONTHS,
            RUSSIAN_MONTHS,
            GERMAN_MONTHS,
            GERMAN_MONTH_ABBREVIATIONS,
            FRENCH_MONTHS,
            FRENCH_MONTH_ABBREVIATIONS,
            SPANISH_MONTHS,
        ] {
            check(months);
            let numbers: std::collections::BTreeSet<i8> = months.iter().map(|m| m.1).collect();
            assert!(numbers.iter().all(|m| (1..=12).contains(m)));
        }
        for weekdays in [
            ARABIC_WEEKDAYS,
            RUSSIAN_WEEKDAYS,
            GERMAN_WEEKDAYS,
            FRENCH_WEEKDAYS,
            SPANISH_WEEKDAYS,
        ] {
            check(weekdays);
            let days: std::collections::BTreeSet<i8> = weekdays
                .iter()
                .map(|w| w.1.to_monday_zero_offset())
                .collect();
            assert_eq!(days.len(), 7, "every weekday has a name");
        }
        for months in [
            ARABIC_MONTHS,
            RUSSIAN_MONTHS,
            GERMAN_MONTHS,
            FRENCH_MONTHS,
            SPANISH_MONTHS,
        ] {
            let numbers: std::collections::BTreeSet<i8> = months.iter().map(|m| m.1).collect();
            assert_eq!(numbers.len(), 12, "every month has a name");
        }
    }

    #[test]
    fn lookup_ignores_case_and_spacing() {
        assert_eq!(lookup(GERMAN_MONTHS, "MÄRZ"), Some(3));
        assert_eq!(lookup(GERMAN_MONTH_ABBREVIATIONS, "Jan."), Some(1));
        assert_eq!(lookup(ARABIC_MONTHS, "تشرين   الثاني"), Some(11));
        assert_eq!(lookup(RUSSIAN_MONTHS, "Мая"), Some(5));
        assert_eq!(lookup(FRENCH_MONTHS, "maison"), None);
    }

    #[test]
    fn alternation_tries_longer_names_first() {
        let pattern = regex::Regex::new(&alternation(RUSSIAN_MONTHS)).expect("valid");
        assert_eq!(pattern.find("мая").map(|m| m.as_str()), Some("мая"));
        let pattern = regex::Regex::new(&alternation(ARABIC_MONTHS)).expect("valid");
        assert_eq!(
            pattern.find("تشرين  الثاني").map(|m| m.as_str()),
            Some("تشرين  الثاني")
        );
    }
}
