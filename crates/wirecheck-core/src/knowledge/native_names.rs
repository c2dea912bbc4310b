//! The known names in other scripts (`native:` of the `names` rules), indexed once a rule set:
//! which entry a native form in an original stands for, and which words of a translation name an
//! entry, in its script or in Latin letters.
//!
//! Each entry keeps its canonical name, variants, kind and native forms by language, and the
//! forms that name it, each either *full* (a mention of the entry in an original, and naming it in
//! a translation) or *short* (naming it in a translation, but no mention: "小泉" or "Koizumi" alone
//! may be the father or the son):
//! - Latin forms: the canonical name and each variant are full; a person's family name (the last
//!   word of the canonical name, as wire copy orders names) and any one-word variant that is a
//!   word of the canonical name ("Xi" for "Xi Jinping", written family name first) are short.
//!   Native forms in Latin script (`de: Wladimir Putin`) are Latin forms too. They are matched
//!   word by word, folded (case and diacritics ignored), the last word without its possessive.
//! - Native forms in other scripts are found anywhere in a text (no word boundaries: Chinese and
//!   Japanese have none, Russian and Arabic inflect and prefix names), longest first. In Chinese
//!   and Japanese, written without spaces, a space in a form marks the family name, which comes
//!   first: "小泉 進次郎" is matched as "小泉進次郎" (and as written), and "小泉" alone is its
//!   short form. In any language, a listed form that is part of a longer form of the same entry
//!   and language (`ja: [小泉進次郎, 小泉]`, `ru: [Синдзиро Коидзуми, Коидзуми]`) is a short form.
//!   Forms with a middle dot ("ドナルド・トランプ") are matched with any of the middle dots
//!   (`・ · ‧ ･ •`). Forms of one character, which would be found inside other words, are left
//!   out.
//!
//! A full form shared by two entries is no mention of either. Entries of different rules with the
//! same canonical name are one entry, their forms merged.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::language::{Language, Script, ScriptCounts};
use super::name_index::fold;
use crate::document::{Document, split_words};
use crate::rules::names::{NameEntry, without_possessive};
use crate::span::Span;

/// The middle dots that separate the parts of a foreign name in Chinese and Japanese.
const MIDDLE_DOTS: [char; 5] = ['・', '·', '‧', '･', '•'];

/// An entry of the index: a position in [`NativeNames::entry`]'s list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct EntryId(usize);

/// How a form stands for its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FormRole {
    /// Part of the name (a family name): names the entry in a translation, but is no mention.
    Short,
    /// The whole name: a mention in an original, and naming the entry in a translation.
    Full,
}

/// A native form in a script other than Latin, as it is matched.
#[derive(Clone, Debug)]
pub(crate) struct NativeForm {
    /// The language it is given for.
    pub(crate) language: Language,
    /// The form, NFC-normalised as documents are.
    pub(crate) text: String,
    /// Whether it is the whole name.
    pub(crate) role: FormRole,
}

/// A Latin form of a name.
#[derive(Clone, Debug)]
pub(crate) struct LatinForm {
    /// The form as written.
    pub(crate) text: String,
    /// Its words, folded.
    pub(crate) tokens: Vec<String>,
    /// Whether it is the whole name.
    pub(crate) role: FormRole,
}

/// One named person, place or organisation with native forms.
#[derive(Clone, Debug)]
pub(crate) struct NativeEntry {
    name: String,
    variants: Vec<String>,
    kind: Option<String>,
    native: Vec<(Language, Vec<String>)>,
    forms: Vec<NativeForm>,
    latin: Vec<LatinForm>,
}

impl NativeEntry {
    /// The canonical (Latin) name.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// `person`, `place` or `organization`, when given.
    pub(crate) fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The full forms of `language` in other scripts than Latin, the one to suggest first.
    pub(crate) fn full_forms(&self, language: Language) -> impl Iterator<Item = &str> {
        self.forms
            .iter()
            .filter(move |f| f.language == language && f.role == FormRole::Full)
            .map(|f| f.text.as_str())
    }

    /// The Latin forms that name the entry in a translation: the full name, each variant, the
    /// family name, native forms in Latin script.
    pub(crate) fn latin_forms(&self) -> &[LatinForm] {
        &self.latin
    }

    /// Whether the entry can be named in `language`: in Latin letters, or with a native form of
    /// its own.
    pub(crate) fn is_written_in(&self, language: Language) -> bool {
        language.script() == Script::Latin || self.full_forms(language).next().is_some()
    }
}

/// One match of a native form in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NativeHit {
    /// Where it is.
    pub(crate) span: Span,
    /// Which distinct form matched.
    pattern: usize,
}

/// One match of a Latin form in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LatinHit {
    /// From its first word to its last (without a possessive ending).
    pub(crate) span: Span,
    /// The entry it names.
    pub(crate) entry: EntryId,
    /// Whether it is the whole name.
    pub(crate) role: FormRole,
}

/// The native forms of every names rule of a rule set, indexed: built once a rule set.
#[derive(Debug, Default)]
pub(crate) struct NativeNames {
    entries: Vec<NativeEntry>,
    /// Every distinct form in another script than Latin, leftmost-longest; `None` without any.
    automaton: Option<AhoCorasick>,
    /// For each of the automaton's patterns, the entries and forms it is: (entry, index in its
    /// forms).
    patterns: Vec<Vec<(EntryId, usize)>>,
    /// The Latin forms by their first folded word: (entry, index in its
    /// [`NativeEntry::latin_forms`]).
    latin_first: FxHashMap<String, Vec<(EntryId, usize)>>,
}

impl NativeNames {
    /// The index of `entries`: those without native forms are left out; entries with the same
    /// canonical name are merged.
    pub(crate) fn new<'e>(entries: impl IntoIterator<Item = &'e NameEntry>) -> Self {
        let mut merged: Vec<NativeEntry> = Vec::new();
        let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
        for entry in entries {
            if entry.native().is_empty() {
                continue;
            }
            let at = *by_name.entry(entry.name().to_owned()).or_insert_with(|| {
                merged.push(NativeEntry {
                    name: entry.name().to_owned(),
                    variants: Vec::new(),
                    kind: None,
                    native: Vec::new(),
                    forms: Vec::new(),
                    latin: Vec::new(),
                });
                merged.len() - 1
            });
            let target = &mut merged[at];
            for variant in entry.variants() {
                if !target.variants.contains(variant) {
                    target.variants.push(variant.clone());
                }
            }
            target.kind = target.kind.take().or(entry.kind().map(str::to_owned));
            for (language, forms) in entry.native() {
                let known = match target.native.iter_mut().find(|(l, _)| l == language) {
                    Some((_, known)) => known,
                    None => {
                        target.native.push((*language, Vec::new()));
                        &mut target.native.last_mut().expect("just pushed").1
                    }
                };
                for form in forms {
                    if !known.contains(form) {
                        known.push(form.clone());
                    }
                }
            }
        }
        for entry in &mut merged {
            let (forms, latin_native) = expand_native(&entry.native);
            entry.forms = forms;
            entry.latin = latin_forms(entry, &latin_native);
        }
        Self::of_entries(merged)
    }

    fn of_entries(entries: Vec<NativeEntry>) -> Self {
        let mut pattern_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let mut patterns: Vec<Vec<(EntryId, usize)>> = Vec::new();
        let mut latin_first: FxHashMap<String, Vec<(EntryId, usize)>> = FxHashMap::default();
        for (e, entry) in entries.iter().enumerate() {
            for (f, form) in entry.forms.iter().enumerate() {
                let p = *pattern_of.entry(form.text.as_str()).or_insert_with(|| {
                    texts.push(form.text.as_str());
                    patterns.push(Vec::new());
                    texts.len() - 1
                });
                patterns[p].push((EntryId(e), f));
            }
            for (f, form) in entry.latin.iter().enumerate() {
                if let Some(first) = form.tokens.first() {
                    latin_first
                        .entry(first.clone())
                        .or_default()
                        .push((EntryId(e), f));
                }
            }
        }
        // A noncontiguous NFA has a state per byte of the patterns at most, and room for 2^31 of
        // them: more native forms than any names list that fits in memory. Should it ever fail,
        // the forms are not looked for rather than a rule set failing to load.
        let automaton = (!texts.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                    .build(&texts)
                    .ok()
            })
            .flatten();
        Self {
            entries,
            automaton,
            patterns,
            latin_first,
        }
    }

    /// True when no rule gives a native form.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry `id`.
    pub(crate) fn entry(&self, id: EntryId) -> &NativeEntry {
        &self.entries[id.0]
    }

    /// The mentions of entries in `text` inside `span`, a text in `language`, in order: full
    /// native forms (not Latin) of that language that stand for one entry only. Forms of other
    /// languages are not mentions: a Japanese name can be a run of words in Chinese ("平将明" in
    /// "和平将明显改善").
    pub(crate) fn find(&self, text: &str, span: Span, language: Language) -> Vec<(Span, EntryId)> {
        self.hits(text, span)
            .into_iter()
            .filter_map(|hit| {
                let mut full = self.patterns[hit.pattern]
                    .iter()
                    .filter(|(e, f)| {
                        let form = &self.entries[e.0].forms[*f];
                        form.role == FormRole::Full && form.language == language
                    })
                    .map(|(e, _)| *e);
                let entry = full.next()?;
                full.all(|other| other == entry)
                    .then_some((hit.span, entry))
            })
            .collect()
    }

    /// Every match of a native form (not Latin) in `text` inside `span`, full or short, in order.
    pub(crate) fn hits(&self, text: &str, span: Span) -> Vec<NativeHit> {
        let (Some(automaton), Some(within)) = (&self.automaton, text.get(span.start..span.end))
        else {
            return Vec::new();
        };
        automaton
            .find_iter(within)
            .map(|m| NativeHit {
                span: Span::new(m.start(), m.end()).shift(span.start),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    /// How `hit` names `entry`, in any language: `None` when it does not.
    pub(crate) fn role_of(&self, hit: NativeHit, entry: EntryId) -> Option<FormRole> {
        self.patterns[hit.pattern]
            .iter()
            .filter(|(e, _)| *e == entry)
            .map(|(e, f)| self.entries[e.0].forms[*f].role)
            .max()
    }

    /// Whether `hit` is the full name of some entry.
    pub(crate) fn is_full(&self, hit: NativeHit) -> bool {
        self.patterns[hit.pattern]
            .iter()
            .any(|(e, f)| self.entries[e.0].forms[*f].role == FormRole::Full)
    }

    /// Every match of a Latin form in `doc` inside `span`, in order (overlapping ones too).
    /// With `capitalised`, only words that start with a capital letter match.
    pub(crate) fn latin_hits(
        &self,
        doc: &Document,
        span: Span,
        capitalised: bool,
    ) -> Vec<LatinHit> {
        if self.latin_first.is_empty() {
            return Vec::new();
        }
        let words: Vec<(Span, String)> = doc
            .words_in(span)
            .iter()
            .map(|w| {
                let (word, w) = without_possessive(doc.slice(w), w);
                (w, word.to_owned())
            })
            .collect();
        let text = doc.text();
        let mut hits = Vec::new();
        for (i, (start, word)) in words.iter().enumerate() {
            let Some(forms) = self.latin_first.get(&fold(word)) else {
                continue;
            };
            for &(entry, f) in forms {
                let form = &self.entries[entry.0].latin[f];
                let Some(run) = words.get(i..i + form.tokens.len()) else {
                    continue;
                };
                let matches =
                    run.iter()
                        .zip(&form.tokens)
                        .enumerate()
                        .all(|(k, ((w, word), token))| {
                            let joined = k == 0
                                || text[run[k - 1].0.end..w.start]
                                    .chars()
                                    .all(char::is_whitespace);
                            joined
                                && (!capitalised || word.starts_with(char::is_uppercase))
                                && fold(word) == *token
                        });
                if matches {
                    let end = run.last().map_or(start.end, |(w, _)| w.end);
                    hits.push(LatinHit {
                        span: Span::new(start.start, end),
                        entry,
                        role: form.role,
                    });
                }
            }
        }
        hits
    }
}

/// The native forms of each language as they are matched, and apart the forms in Latin script.
fn expand_native(native: &[(Language, Vec<String>)]) -> (Vec<NativeForm>, Vec<String>) {
    let mut forms: Vec<NativeForm> = Vec::new();
    let mut latin: Vec<String> = Vec::new();
    for (language, written) in native {
        let mut own: Vec<NativeForm> = Vec::new();
        for form in written {
            let form: String = form.nfc().collect();
            let words: Vec<&str> = form.split_whitespace().collect();
            if ScriptCounts::of(&form).main_script() == Some(Script::Latin) {
                latin.push(words.join(" "));
                continue;
            }
            if language.unspaced() && words.len() > 1 {
                add_form(&mut own, *language, words.concat(), FormRole::Full);
                add_form(&mut own, *language, words.join(" "), FormRole::Full);
                add_form(&mut own, *language, words[0].to_owned(), FormRole::Short);
            } else {
                add_form(&mut own, *language, words.join(" "), FormRole::Full);
            }
        }
        // Every middle dot for every other.
        let dotted: Vec<(String, FormRole)> = own
            .iter()
            .filter(|f| f.text.contains(MIDDLE_DOTS))
            .flat_map(|f| {
                MIDDLE_DOTS
                    .iter()
                    .map(move |&dot| (f.text.replace(MIDDLE_DOTS, &dot.to_string()), f.role))
            })
            .collect();
        for (text, role) in dotted {
            add_form(&mut own, *language, text, role);
        }
        // A form inside a longer form of the same language is part of the name.
        let texts: Vec<String> = own.iter().map(|f| f.text.clone()).collect();
        for form in &mut own {
            if texts
                .iter()
                .any(|other| other.len() > form.text.len() && other.contains(&form.text))
            {
                form.role = FormRole::Short;
            }
        }
        forms.extend(own);
    }
    (forms, latin)
}

/// Adds `text` to the forms of one language, once, with the larger of its roles; a form of one
/// character is left out.
fn add_form(forms: &mut Vec<NativeForm>, language: Language, text: String, role: FormRole) {
    if text.chars().count() < 2 {
        return;
    }
    match forms.iter_mut().find(|f| f.text == text) {
        Some(known) => known.role = known.role.max(role),
        None => forms.push(NativeForm {
            language,
            text,
            role,
        }),
    }
}

/// The Latin forms of `entry`: its name and variants, its family name, its native forms in Latin
/// script (`latin_native`).
fn latin_forms(entry: &NativeEntry, latin_native: &[String]) -> Vec<LatinForm> {
    let mut forms: Vec<LatinForm> = Vec::new();
    let name_tokens = tokens_of(&entry.name);
    let mut push = |text: &str, role: FormRole| {
        let tokens = tokens_of(text);
        if tokens.is_empty() {
            return;
        }
        match forms.iter_mut().find(|f| f.tokens == tokens) {
            Some(known) => known.role = known.role.max(role),
            None => forms.push(LatinForm {
                text: text.to_owned(),
                tokens,
                role,
            }),
        }
    };
    push(&entry.name, FormRole::Full);
    for form in entry.variants.iter().chain(latin_native) {
        let tokens = tokens_of(form);
        let part_of_name =
            name_tokens.len() > 1 && tokens.len() == 1 && name_tokens.contains(&tokens[0]);
        push(
            form,
            if part_of_name {
                FormRole::Short
            } else {
                FormRole::Full
            },
        );
    }
    if entry.kind() == Some("person") && name_tokens.len() > 1 {
        let family = split_words(&entry.name, Span::new(0, entry.name.len()));
        if let Some(last) = family.last() {
            push(last.slice(&entry.name), FormRole::Short);
        }
    }
    forms
}

/// The folded words of a name.
fn tokens_of(name: &str) -> Vec<String> {
    split_words(name, Span::new(0, name.len()))
        .into_iter()
        .map(|w| fold(w.slice(name)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputFormat;

    fn entry(yaml: &str) -> NameEntry {
        crate::yaml::from_str(yaml, "test").expect("a valid entry")
    }

    fn koizumi() -> NameEntry {
        entry(
            "name: Shinjiro Koizumi\nkind: person\nvariants: [Koizumi Shinjiro]\n\
             native: {ja: 小泉 進次郎, zh: 小泉进次郎, ru: [Синдзиро Коидзуми, Коидзуми]}\n",
        )
    }

    fn father() -> NameEntry {
        entry("name: Junichiro Koizumi\nkind: person\nnative: {ja: 小泉 純一郎}\n")
    }

    fn index(entries: &[NameEntry]) -> NativeNames {
        NativeNames::new(entries)
    }

    fn whole(text: &str) -> Span {
        Span::new(0, text.len())
    }

    fn names_found<'t>(names: &NativeNames, text: &'t str) -> Vec<(&'t str, String)> {
        let language =
            crate::knowledge::language::detect_language(text).unwrap_or(Language::Japanese);
        names
            .find(text, whole(text), language)
            .into_iter()
            .map(|(span, id)| (span.slice(text), names.entry(id).name().to_owned()))
            .collect()
    }

    #[test]
    fn full_forms_are_found_longest_first_and_family_names_are_no_mentions() {
        let names = index(&[koizumi(), father()]);
        let text = "小泉進次郎防衛相と小泉純一郎元首相が会った。小泉氏は述べた。";
        assert_eq!(
            names_found(&names, text),
            [
                ("小泉進次郎", "Shinjiro Koizumi".to_owned()),
                ("小泉純一郎", "Junichiro Koizumi".to_owned())
            ]
        );
        // "小泉" alone is found, and names both, but is a mention of neither.
        let hits = names.hits(text, whole(text));
        assert_eq!(hits.len(), 3);
        let family = hits[2];
        assert_eq!(family.span.slice(text), "小泉");
        assert_eq!(names.role_of(family, EntryId(0)), Some(FormRole::Short));
        assert_eq!(names.role_of(family, EntryId(1)), Some(FormRole::Short));
        assert_eq!(names.role_of(hits[0], EntryId(1)), None);
    }

    #[test]
    fn a_spaced_form_matches_with_or_without_its_space_and_others_as_written() {
        let names = index(&[koizumi()]);
        for text in [
            "小泉 進次郎氏",
            "小泉进次郎表示",
            "Синдзиро Коидзуми заявил",
            "Коидзуми",
        ] {
            let found = names.hits(text, whole(text));
            assert_eq!(found.len(), 1, "{text}");
        }
        assert_eq!(names_found(&names, "Коидзуми заявил"), []);
        let text = "防衛相の小泉進次郎氏";
        let span = Span::new("防衛相の".len(), text.len());
        assert_eq!(
            names.find(text, span, Language::Japanese)[0].0.start,
            span.start
        );
        assert!(
            names
                .find(text, Span::new(0, 9), Language::Japanese)
                .is_empty()
        );
        // Only the forms of the text's language are mentions.
        assert!(names.find(text, span, Language::Chinese).is_empty());
    }

    #[test]
    fn middle_dots_are_interchangeable_and_one_letter_forms_are_left_out() {
        let names = index(&[entry(
            "name: Donald Trump\nkind: person\nnative: {ja: [ドナルド・トランプ, トランプ], zh: [特朗普, 川]}\n",
        )]);
        assert_eq!(names_found(&names, "ドナルド･トランプ大統領").len(), 1);
        assert_eq!(names_found(&names, "ドナルド·トランプ").len(), 1);
        // トランプ is part of the full form: a family name, no mention.
        assert_eq!(names_found(&names, "トランプ氏"), []);
        assert_eq!(names.hits("四川", whole("四川")), []);
        assert_eq!(names_found(&names, "特朗普说").len(), 1);
    }

    #[test]
    fn a_form_two_entries_share_is_a_mention_of_neither() {
        let names = index(&[
            entry("name: A One\nnative: {zh: 同名人}\n"),
            entry("name: B Two\nnative: {zh: 同名人}\n"),
        ]);
        assert_eq!(names_found(&names, "同名人说"), []);
        assert_eq!(names.hits("同名人说", whole("同名人说")).len(), 1);
    }

    #[test]
    fn entries_of_one_name_are_merged_and_entries_without_native_forms_left_out() {
        let names = index(&[
            koizumi(),
            entry("name: Shinjiro Koizumi\nnative: {ko: 고이즈미 신지로}\n"),
            entry("name: Sanae Takaichi\nkind: person\n"),
        ]);
        assert_eq!(names.entries.len(), 1);
        let entry = names.entry(EntryId(0));
        let written = |language| {
            let forms = entry.native.iter().find(|(l, _)| *l == language);
            forms.map(|(_, forms)| forms.clone())
        };
        assert_eq!(
            written(Language::Korean),
            Some(vec!["고이즈미 신지로".to_owned()])
        );
        assert_eq!(
            written(Language::Japanese),
            Some(vec!["小泉 進次郎".to_owned()])
        );
        assert_eq!(
            entry.full_forms(Language::Japanese).next(),
            Some("小泉進次郎")
        );
        assert_eq!(entry.kind(), Some("person"));
        assert!(entry.is_written_in(Language::Korean) && entry.is_written_in(Language::English));
        assert!(!entry.is_written_in(Language::Arabic));
    }

    #[test]
    fn latin_forms_are_the_name_its_variants_and_a_persons_family_name() {
        let names = index(&[koizumi()]);
        let forms: Vec<(&str, FormRole)> = names
            .entry(EntryId(0))
            .latin_forms()
            .iter()
            .map(|f| (f.text.as_str(), f.role))
            .collect();
        assert_eq!(
            forms,
            [
                ("Shinjiro Koizumi", FormRole::Full),
                ("Koizumi Shinjiro", FormRole::Full),
                ("Koizumi", FormRole::Short)
            ]
        );
        let place = index(&[entry(
            "name: Senkaku Islands\nkind: place\nvariants: [Senkaku]\nnative: {zh: 钓鱼岛}\n",
        )]);
        let forms = place.entry(EntryId(0)).latin_forms();
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[1].role, FormRole::Short);
    }

    #[test]
    fn latin_forms_match_whole_words_folded_without_possessives() {
        let names = index(&[koizumi()]);
        let doc = Document::parse(
            "Headline\n\nKOIZUMI met Shinjirō Koizumi's aides; Koizumis and Shinjiro\nKoizumi.\n"
                .to_owned(),
            InputFormat::Text,
        );
        let hits = names.latin_hits(&doc, Span::new(0, doc.text().len()), true);
        let found: Vec<(&str, FormRole)> =
            hits.iter().map(|h| (doc.slice(h.span), h.role)).collect();
        assert_eq!(
            found,
            [
                ("KOIZUMI", FormRole::Short),
                ("Shinjirō Koizumi", FormRole::Full),
                ("Koizumi", FormRole::Short),
                ("Shinjiro\nKoizumi", FormRole::Full),
                ("Koizumi", FormRole::Short),
            ]
        );
        let lower = Document::parse(
            "Headline\n\nshinjiro koizumi\n".to_owned(),
            InputFormat::Text,
        );
        assert!(
            names
                .latin_hits(&lower, Span::new(0, lower.text().len()), true)
                .is_empty()
        );
        assert_eq!(
            names
                .latin_hits(&lower, Span::new(0, lower.text().len()), false)
                .len(),
            2
        );
    }

    #[test]
    fn forms_are_normalised_as_documents_are() {
        // が written as か + a combining voiced mark.
        let names = index(&[entry("name: Ga Name\nnative: {ja: \"か\u{3099}がわ\"}\n")]);
        assert_eq!(names_found(&names, "がかわ"), []);
        assert_eq!(names_found(&names, "ががわ").len(), 1);
    }
}
