//! `dateline`: the dateline against a house style and the gazetteer — missing, naming an outlet
//! where the place should be, a place not in the gazetteer, the wrong case, dash, date or agency
//! for the style, a dateline date after the publication date. Each is a named check with its own
//! id (`wire.Dateline.Outlet`), message and level, listed under `checks:` (see [`CHECKS`] and
//! docs/rules.md).
//!
//! ```yaml
//! extends: dateline
//! level: warning
//! styles: [ap]          # house styles allowed (rules/data/house-styles.yaml); [] = any, told by the agency
//! require: true         # a story without a dateline is a finding (check Missing)
//! places:               # places added to the gazetteer for this rule
//!   - name: Kesennuma
//!     country: Japan
//!     standalone: true
//! checks:
//!   Outlet:
//!     message: "The dateline names '%s', an outlet, where the place the story was reported from should be, as in '%s'"
//!     description: A news outlet where the dateline's place should be.
//! ```
//! The style checked is the configuration's `dateline_style` when set; else the listed style
//! whose agency the dateline names, or the first listed; with `styles: []`, the style whose
//! agency the dateline names, and none (only the place and date checks) for other agencies.

use serde::Deserialize;

use super::{
    Check, DeclaredCheck, Reporter, RuleError, RuleHeader, RuleSource, StoryContext, match_case,
};
use crate::document::Document;
use crate::knowledge::dateline::Dateline;
use crate::knowledge::dates::{days_between, month_name};
use crate::knowledge::gazetteer::{Gazetteer, Home, Place};
use crate::knowledge::house_style::{DatePolicy, HouseStyle, HouseStyles, PlaceCase};
use crate::knowledge::publication::DateSource;
use crate::span::Span;

/// The findings a `dateline` rule can give, each under its own id; in the order of [`CHECKS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DatelineCheck {
    Missing,
    Outlet,
    PlaceSpelling,
    CountrySpelling,
    UnknownPlace,
    Standalone,
    Case,
    Dash,
    DashSpacing,
    ExtraDate,
    MissingDate,
    MonthFormat,
    MissingAgency,
    WrongAgency,
    AgencyBrackets,
    FutureDate,
}

impl From<DatelineCheck> for usize {
    fn from(check: DatelineCheck) -> usize {
        check as usize
    }
}

/// The checks as a rule file names them under `checks:`, and what fills their messages' slots.
const CHECKS: &[DeclaredCheck] = &[
    DeclaredCheck::new(
        "Missing",
        &[
            "'<style> style', or 'wire copy' for a rule of any style",
            "a dateline in that style",
        ],
    ),
    DeclaredCheck::new("Outlet", &["the outlet named", "a dateline in the style"]),
    DeclaredCheck::new(
        "PlaceSpelling",
        &["the place written", "the gazetteer's nearest place"],
    ),
    DeclaredCheck::new(
        "CountrySpelling",
        &[
            "the country or region written",
            "the gazetteer's nearest one",
        ],
    ),
    DeclaredCheck::new("UnknownPlace", &["the place written", "the place again"]),
    DeclaredCheck::new(
        "Standalone",
        &[
            "the place written",
            "the style",
            "the place with its country",
        ],
    ),
    DeclaredCheck::new(
        "Case",
        &[
            "the style",
            "'capitals' or 'title case'",
            "the place in that case",
        ],
    ),
    DeclaredCheck::new(
        "Dash",
        &["the style", "the style's dash", "the dash written"],
    ),
    DeclaredCheck::new("DashSpacing", &["the style", "the dash"]),
    DeclaredCheck::new("ExtraDate", &["the style", "a dateline in the style"]),
    DeclaredCheck::new("MissingDate", &["the style", "a dateline in the style"]),
    DeclaredCheck::new(
        "MonthFormat",
        &[
            "the style",
            "the month in the style's form",
            "the month written",
        ],
    ),
    DeclaredCheck::new("MissingAgency", &["the style", "a dateline in the style"]),
    DeclaredCheck::new(
        "WrongAgency",
        &["the agency written", "the style", "the style's agencies"],
    ),
    DeclaredCheck::new(
        "AgencyBrackets",
        &["the style", "the agency as the style writes it"],
    ),
    DeclaredCheck::new(
        "FutureDate",
        &[
            "the dateline's date",
            "the publication date",
            "where the publication date comes from",
        ],
    )
    .needing_date("a dateline date after the publication date"),
];

/// Last words of an outlet's name: "Kyodo News", "Gulf Times".
const OUTLET_WORDS: &[&str] = &[
    "News", "Agency", "Press", "TV", "Times", "Post", "Daily", "Network", "Media", "Radio",
    "Channel", "Online", "Herald", "Tribune", "Gazette", "Journal", "Wire",
];

#[derive(Deserialize)]
pub(super) struct Spec {
    #[serde(default)]
    styles: Vec<String>,
    #[serde(default)]
    require: bool,
    #[serde(default)]
    places: Vec<Place>,
}

struct DatelineRule {
    styles: Vec<&'static HouseStyle>,
    require: bool,
    gazetteer: Gazetteer,
}

/// Compiles a `dateline` rule.
pub(super) fn compile(
    source: &RuleSource,
    _header: &RuleHeader,
) -> Result<Box<dyn Check>, RuleError> {
    let spec: Spec = source.parse()?;
    let all = HouseStyles::shipped();
    let styles = spec
        .styles
        .iter()
        .map(|id| {
            all.get(id).ok_or_else(|| {
                source.invalid(format!(
                    "unknown dateline style '{id}' (valid styles: {})",
                    all.ids().join(", ")
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let gazetteer = if spec.places.is_empty() {
        Gazetteer::default()
    } else {
        Gazetteer::shipped_with(&spec.places)
    };
    Ok(Box::new(DatelineRule {
        styles,
        require: spec.require,
        gazetteer,
    }))
}

/// The gazetteers a check consults: the rule's (or the shipped one) and the configuration's.
struct Places<'a> {
    main: &'a Gazetteer,
    user: Option<&'a Gazetteer>,
}

impl Places<'_> {
    fn city(&self, name: &str) -> Option<Place> {
        self.user
            .as_ref()
            .and_then(|g| g.city(name))
            .or_else(|| self.main.city(name))
            .cloned()
    }

    fn is_qualifier(&self, name: &str) -> bool {
        self.main.is_qualifier(name) || self.user.as_ref().is_some_and(|g| g.is_qualifier(name))
    }

    fn is_world_region(&self, name: &str) -> bool {
        self.main.is_world_region(name)
    }

    fn is_place_name(&self, name: &str) -> bool {
        self.main.is_place_name(name) || self.user.as_ref().is_some_and(|g| g.is_place_name(name))
    }

    /// Where a dateline puts `name` when it may not stand alone, and whether that is the one place
    /// the name means (see [`Gazetteer::dateline_homes`]); the user's own place first.
    fn homes(&self, name: &str) -> (Vec<Home>, bool) {
        match self.user.as_ref().and_then(|g| g.city(name)) {
            Some(place) => (
                vec![Home {
                    country: place.country.clone(),
                    state: None,
                }],
                true,
            ),
            None => self.main.dateline_homes(name),
        }
    }

    /// True when `name` is a known city and not also a country or region.
    fn is_city(&self, name: &str) -> bool {
        self.city(name).is_some() && !self.is_qualifier(name)
    }

    fn nearest_city(&self, name: &str) -> Option<String> {
        self.user
            .as_ref()
            .and_then(|g| g.nearest_city(name))
            .or_else(|| self.main.nearest_city(name))
            .map(str::to_owned)
    }
}

/// The news outlet a dateline names where its place should be, if any: the whole place ("SadaNews
/// -", "China News Service, February 11 (Xinhua) --", or before a city given as its qualifier:
/// "Xinhua News Agency, Beijing, Feb. 11 --"), or the words before a known city ("VIETNAM NEWS
/// AGENCY HANOI –", "VNA HANOI –").
fn outlet_in_place(
    doc: &Document,
    place: Span,
    qualifiers: &[Span],
    places: &Places<'_>,
) -> Option<Span> {
    let written = doc.slice(place);
    let then_city = qualifiers
        .first()
        .is_none_or(|q| places.is_city(doc.slice(*q)));
    if then_city && looks_like_outlet(written) {
        return Some(place);
    }
    // The outlet's words, then the city's.
    let words: Vec<(usize, &str)> = written
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - written.as_ptr() as usize, word))
        .collect();
    (1..words.len()).find_map(|split| {
        let city_start = words[split].0;
        let (last_start, last) = words[split - 1];
        let outlet = &written[..last_start + last.len()];
        (looks_like_outlet(outlet) && places.is_city(&written[city_start..]))
            .then(|| Span::new(place.start, place.start + outlet.len()))
    })
}

/// True when `place` looks like a news outlet rather than a place: a known outlet, a brand word
/// in CamelCase ("SadaNews"), or a name ending like an outlet's ("Gulf News", "VIETNAM NEWS
/// AGENCY").
fn looks_like_outlet(place: &str) -> bool {
    if HouseStyles::shipped().is_outlet(place) {
        return true;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    let camel_case = words.len() == 1
        && !place.starts_with("Mc")
        && !place.starts_with("Mac")
        && place
            .chars()
            .zip(place.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let outlet_word = words.len() > 1
        && words
            .last()
            .is_some_and(|w| OUTLET_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w)));
    camel_case || outlet_word
}

/// `name` in the case a style wants.
fn in_case(name: &str, case: PlaceCase) -> String {
    match case {
        PlaceCase::Upper => name.to_uppercase(),
        PlaceCase::Title | PlaceCase::Any => name.to_owned(),
    }
}

impl DatelineRule {
    /// The style to check `dateline` against, if any.
    fn style_for(
        &self,
        doc: &Document,
        dateline: &Dateline,
        context: &StoryContext<'_>,
    ) -> Option<&HouseStyle> {
        let all = HouseStyles::shipped();
        if let Some(required) = context.dateline_style().and_then(|id| all.get(id)) {
            return Some(required);
        }
        let agency = dateline.agency.map(|a| doc.slice(a));
        if self.styles.is_empty() {
            return agency.and_then(|a| all.by_agency(a));
        }
        agency
            .and_then(|a| {
                self.styles
                    .iter()
                    .find(|s| s.allows_agency(a) && !s.agencies.is_empty())
            })
            .or_else(|| self.styles.first())
            .copied()
    }

    /// What opens with a dateline, for a story without one: "AP style" and its example.
    fn example(&self, context: &StoryContext<'_>) -> (String, &str) {
        let all = HouseStyles::shipped();
        let style = context
            .dateline_style()
            .and_then(|id| all.get(id))
            .or_else(|| self.styles.first().copied());
        match style {
            Some(style) => (format!("{} style", style.name), style.example.as_str()),
            None => ("wire copy".to_owned(), "TOKYO (AP) —"),
        }
    }

    fn check_place(
        &self,
        doc: &Document,
        dateline: &Dateline,
        style: Option<&HouseStyle>,
        places: &Places<'_>,
        out: &mut Reporter<'_>,
    ) {
        let Some(place_span) = dateline.place else {
            return;
        };
        let place = doc.slice(place_span);
        // A region of the world or a continent ("ASIA –", "MIDDLE EAST -") is a place a
        // dateline may give, before any city of that name (Asia, Philippines).
        if places.is_world_region(place) {
            return;
        }
        let known = places.city(place);
        if known.is_none()
            && !places.is_qualifier(place)
            && out.is_on(DatelineCheck::Outlet)
            && let Some(outlet) = outlet_in_place(doc, place_span, &dateline.qualifiers, places)
        {
            let example = style.map_or("TOKYO (AP) —", |s| s.example.as_str());
            out.named(DatelineCheck::Outlet).report(
                outlet,
                &[doc.slice(outlet), example],
                Vec::new(),
            );
            return;
        }
        for &qualifier in &dateline.qualifiers {
            let written = doc.slice(qualifier);
            if places.is_qualifier(written) || !out.is_on(DatelineCheck::CountrySpelling) {
                continue;
            }
            let nearest = places.main.nearest_qualifier(written).or_else(|| {
                places
                    .user
                    .as_ref()
                    .and_then(|g| g.nearest_qualifier(written))
            });
            if let Some(nearest) = nearest {
                out.named(DatelineCheck::CountrySpelling).report(
                    qualifier,
                    &[written, nearest],
                    vec![(qualifier, nearest.to_owned())],
                );
            }
        }
        let Some(known) = known else {
            let reported = [DatelineCheck::PlaceSpelling, DatelineCheck::UnknownPlace];
            if places.is_qualifier(place) || !reported.into_iter().any(|c| out.is_on(c)) {
                return;
            }
            if let Some(nearest) = places.nearest_city(place) {
                let fix = match_case(place, &nearest);
                out.named(DatelineCheck::PlaceSpelling).report(
                    place_span,
                    &[place, &fix],
                    vec![(place_span, fix.clone())],
                );
            } else if dateline.qualifiers.is_empty() && !places.is_place_name(place) {
                // A place's alternate name ("BOMBAY") is a place, though not the name a city is
                // looked up by.
                out.named(DatelineCheck::UnknownPlace).report(
                    place_span,
                    &[place, place],
                    Vec::new(),
                );
            }
            return;
        };
        let Some(style) = style else { return };
        let mut case_fixed = false;
        if style.standalone_only
            && !known.standalone
            && dateline.qualifiers.is_empty()
            && out.is_on(DatelineCheck::Standalone)
        {
            let written = in_case(place, style.place_case);
            let (homes, dominant) = places.homes(place);
            let after = |home: &Home| match &home.state {
                Some(state) => format!("{written}, {}", style.state_form(state)),
                None => format!("{written}, {}", home.country),
            };
            let (wanted, fixes) = match homes.first() {
                Some(home) if dominant => {
                    let fix = after(home);
                    (fix.clone(), vec![(place_span, fix)])
                }
                // A name that several places share: the message says which they may be, and
                // nothing is suggested in the desk's place.
                Some(_) => {
                    let choices: Vec<String> = homes.iter().take(3).map(after).collect();
                    (choices.join("' or '"), Vec::new())
                }
                None => {
                    let fix = format!("{written}, {}", known.country);
                    (fix.clone(), vec![(place_span, fix)])
                }
            };
            out.named(DatelineCheck::Standalone).report(
                place_span,
                &[place, &style.name, &wanted],
                fixes,
            );
            case_fixed = true;
        }
        let wanted = in_case(place, style.place_case);
        let title_case_wanted = style.place_case == PlaceCase::Title
            && place
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if out.is_on(DatelineCheck::Case) && !case_fixed && (wanted != place || title_case_wanted) {
            let fix = if title_case_wanted {
                known.name.clone()
            } else {
                wanted
            };
            let case = if title_case_wanted {
                "title case"
            } else {
                "capitals"
            };
            out.named(DatelineCheck::Case).report(
                place_span,
                &[&style.name, case, &fix],
                vec![(place_span, fix.clone())],
            );
        }
    }

    fn check_style(
        &self,
        doc: &Document,
        dateline: &Dateline,
        style: &HouseStyle,
        context: &StoryContext<'_>,
        out: &mut Reporter<'_>,
    ) {
        let dash = doc.slice(dateline.dash);
        let spaced = dateline.space_before_dash && dateline.space_after_dash;
        // A dateline given on its own (a NITF `dateline` element, ninjs `located`, front matter
        // `dateline:`) need not end with a dash.
        let own_line = dateline.dash.is_empty();
        if !own_line && (!style.dashes.iter().any(|d| d == dash) || !spaced) {
            let fix = |wanted: &str| vec![(dateline.dash_region, format!(" {wanted} "))];
            if style.dashes.iter().any(|d| d == dash) {
                out.named(DatelineCheck::DashSpacing).report(
                    dateline.dash,
                    &[&style.name, dash],
                    fix(dash),
                );
            } else {
                let wanted = style.dash();
                out.named(DatelineCheck::Dash).report(
                    dateline.dash,
                    &[&style.name, wanted, dash],
                    fix(wanted),
                );
            }
        }
        self.check_date_format(doc, dateline, style, context, out);
        if !style.agencies.is_empty() {
            match dateline.agency {
                None => {
                    out.named(DatelineCheck::MissingAgency).report(
                        dateline.dash,
                        &[&style.name, &style.example],
                        Vec::new(),
                    );
                }
                Some(agency) if !style.allows_agency(doc.slice(agency)) => {
                    out.named(DatelineCheck::WrongAgency).report(
                        agency,
                        &[doc.slice(agency), &style.name, &style.agencies.join(", ")],
                        Vec::new(),
                    );
                }
                Some(agency)
                    if style
                        .brackets
                        .is_some_and(|b| b != dateline.agency_in_brackets) =>
                {
                    let wanted = if dateline.agency_in_brackets {
                        doc.slice(agency).to_owned()
                    } else {
                        format!("({})", doc.slice(agency))
                    };
                    out.named(DatelineCheck::AgencyBrackets).report(
                        agency,
                        &[&style.name, &wanted],
                        vec![(agency, wanted.clone())],
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn check_date_format(
        &self,
        doc: &Document,
        dateline: &Dateline,
        style: &HouseStyle,
        context: &StoryContext<'_>,
        out: &mut Reporter<'_>,
    ) {
        let styles = HouseStyles::shipped();
        match (&dateline.date, style.date) {
            (Some(date), DatePolicy::None) => {
                let end_of_place = dateline
                    .qualifiers
                    .last()
                    .or(dateline.place.as_ref())
                    .map_or(date.span.start, |s| s.end);
                let removal = Span::new(end_of_place, date.span.end);
                out.named(DatelineCheck::ExtraDate).report(
                    date.span,
                    &[&style.name, &style.example],
                    vec![(removal, String::new())],
                );
            }
            (None, DatePolicy::Required) => {
                let Some(place) = dateline.qualifiers.last().or(dateline.place.as_ref()) else {
                    return;
                };
                let fixes = match context.publication_date() {
                    Some(published) => {
                        let month = styles
                            .month_with_day(&style.months, published.month())
                            .unwrap_or_else(|| month_name(published.month()));
                        vec![(
                            Span::new(place.end, place.end),
                            format!(", {month} {}", published.day()),
                        )]
                    }
                    None => Vec::new(),
                };
                out.named(DatelineCheck::MissingDate).report(
                    *place,
                    &[&style.name, &style.example],
                    fixes,
                );
            }
            (Some(date), _) => {
                let Some(month) = date.month else { return };
                let written = doc.slice(month.span);
                if let Some(wanted) = styles.month_with_day(&style.months, month.value)
                    && wanted != written
                {
                    out.named(DatelineCheck::MonthFormat).report(
                        month.span,
                        &[&style.name, wanted, written],
                        vec![(month.span, wanted.to_owned())],
                    );
                }
            }
            (None, _) => {}
        }
    }
}

impl Check for DatelineRule {
    fn check(&self, doc: &Document, context: &StoryContext<'_>, out: &mut Reporter<'_>) {
        let Some(dateline) = context.dateline() else {
            if self.require
                && out.is_on(DatelineCheck::Missing)
                && let Some(&first) = doc.paragraphs.first()
            {
                let first_word = doc.words_in(first).first().unwrap_or(first);
                let (style, example) = self.example(context);
                out.named(DatelineCheck::Missing).report(
                    first_word,
                    &[&style, example],
                    Vec::new(),
                );
            }
            return;
        };
        // The house styles and the gazetteer are the English desk's: a dateline in another
        // language's wire form (新华社北京5月3日电) is checked for its date alone.
        if dateline.language.is_none() {
            let main = if self.gazetteer.is_empty() {
                Gazetteer::shipped()
            } else {
                &self.gazetteer
            };
            let user = Some(&*context.run().places).filter(|places| !places.is_empty());
            let places = Places { main, user };
            let style = self.style_for(doc, dateline, context);
            self.check_place(doc, dateline, style, &places, out);
            if let Some(style) = style {
                self.check_style(doc, dateline, style, context, out);
            }
        }
        if let (Some(mention), Some(publication)) = (&dateline.date, context.publication())
            && let Some(date) = mention.date
            && publication.source != DateSource::Dateline
            && out.is_on(DatelineCheck::FutureDate)
            && days_between(publication.date, date).is_some_and(|d| d > 0)
        {
            out.named(DatelineCheck::FutureDate).report(
                mention.span,
                &[
                    &date.to_string(),
                    &publication.date.to_string(),
                    &publication.source.to_string(),
                ],
                Vec::new(),
            );
        }
    }

    fn named_checks(&self) -> &'static [DeclaredCheck] {
        CHECKS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_is_declared_under_its_own_name() {
        use DatelineCheck::*;
        let all = [
            Missing,
            Outlet,
            PlaceSpelling,
            CountrySpelling,
            UnknownPlace,
            Standalone,
            Case,
            Dash,
            DashSpacing,
            ExtraDate,
            MissingDate,
            MonthFormat,
            MissingAgency,
            WrongAgency,
            AgencyBrackets,
            FutureDate,
        ];
        assert_eq!(all.len(), CHECKS.len());
        for check in all {
            assert_eq!(CHECKS[usize::from(check)].name, format!("{check:?}"));
        }
    }
}
