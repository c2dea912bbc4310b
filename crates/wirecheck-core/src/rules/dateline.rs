//! `dateline`: the dateline against a house style and the gazetteer — missing, naming an outlet
//! where the place should be, a place not in the gazetteer, the wrong case, dash, date format or
//! agency for the style, a dateline date after the publication date.
//!
//! ```yaml
//! extends: dateline
//! message: "%s"
//! level: warning
//! styles: [ap]          # house styles allowed (rules/data/house-styles.yaml); [] = any, told by the agency
//! require: true         # a story without a dateline is a finding
//! checks: [missing, outlet, place, standalone, case, dash, date-format, agency, future-date]
//! places:               # places added to the gazetteer for this rule
//!   - name: Kesennuma
//!     country: Japan
//!     standalone: true
//! ```
//! The style checked is the configuration's `dateline_style` when set; else the listed style
//! whose agency the dateline names, or the first listed; with `styles: []`, the style whose
//! agency the dateline names, and none (only the place and date checks) for other agencies.
//! `checks` chooses the findings (all by default). The message's `%s` is the explanation.

use serde::Deserialize;

use super::{Check, Reporter, RuleError, RuleHeader, RuleSource, StoryContext, match_case};
use crate::document::Document;
use crate::knowledge::dateline::Dateline;
use crate::knowledge::dates::{days_between, month_name};
use crate::knowledge::gazetteer::{Gazetteer, Place};
use crate::knowledge::house_style::{DatePolicy, HouseStyle, HouseStyles, PlaceCase};
use crate::knowledge::publication::DateSource;
use crate::span::Span;

/// The findings a `dateline` rule can give, as named in `checks:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DatelineCheck {
    Missing,
    Outlet,
    Place,
    Standalone,
    Case,
    Dash,
    DateFormat,
    Agency,
    FutureDate,
}

const ALL_CHECKS: [DatelineCheck; 9] = [
    DatelineCheck::Missing,
    DatelineCheck::Outlet,
    DatelineCheck::Place,
    DatelineCheck::Standalone,
    DatelineCheck::Case,
    DatelineCheck::Dash,
    DatelineCheck::DateFormat,
    DatelineCheck::Agency,
    DatelineCheck::FutureDate,
];

/// Last words of an outlet's name: "Kyodo News", "Gulf Times".
const OUTLET_WORDS: &[&str] = &[
    "News", "Agency", "Press", "TV", "Times", "Post", "Daily", "Network", "Media", "Radio",
    "Channel", "Online", "Herald", "Tribune", "Gazette", "Journal", "Wire",
];

#[derive(Deserialize)]
struct Spec {
    #[serde(default)]
    styles: Vec<String>,
    #[serde(default)]
    require: bool,
    #[serde(default)]
    checks: Option<Vec<DatelineCheck>>,
    #[serde(default)]
    places: Vec<Place>,
}

struct DatelineRule {
    styles: Vec<&'static HouseStyle>,
    require: bool,
    checks: Vec<DatelineCheck>,
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
        checks: spec.checks.unwrap_or_else(|| ALL_CHECKS.to_vec()),
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

    fn nearest_city(&self, name: &str) -> Option<String> {
        self.user
            .as_ref()
            .and_then(|g| g.nearest_city(name))
            .or_else(|| self.main.nearest_city(name))
            .map(str::to_owned)
    }
}

/// True when `place` looks like a news outlet rather than a place: a known outlet, a brand word
/// in CamelCase ("SadaNews"), or a name ending like an outlet's ("Gulf News").
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
    let outlet_word = words.len() > 1 && words.last().is_some_and(|w| OUTLET_WORDS.contains(w));
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
    fn on(&self, check: DatelineCheck) -> bool {
        self.checks.contains(&check)
    }

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

    /// The style a missing dateline is described in.
    fn example(&self, context: &StoryContext<'_>) -> String {
        let all = HouseStyles::shipped();
        let style = context
            .dateline_style()
            .and_then(|id| all.get(id))
            .or_else(|| self.styles.first().copied());
        match style {
            Some(style) => format!("{} style opens with one: '{}'", style.name, style.example),
            None => "wire copy opens with one: 'TOKYO (AP) —'".to_owned(),
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
        let known = places.city(place);
        if known.is_none()
            && !places.is_qualifier(place)
            && dateline.qualifiers.is_empty()
            && self.on(DatelineCheck::Outlet)
            && looks_like_outlet(place)
        {
            let example = style.map_or("TOKYO (AP) —", |s| s.example.as_str());
            let explanation = format!(
                "The dateline names '{place}', an outlet, where the place the story was reported from should be, as in '{example}'"
            );
            out.report(place_span, &[&explanation], Vec::new());
            return;
        }
        for &qualifier in &dateline.qualifiers {
            let written = doc.slice(qualifier);
            if places.is_qualifier(written) || !self.on(DatelineCheck::Place) {
                continue;
            }
            let nearest = places.main.nearest_qualifier(written).or_else(|| {
                places
                    .user
                    .as_ref()
                    .and_then(|g| g.nearest_qualifier(written))
            });
            if let Some(nearest) = nearest {
                let explanation = format!(
                    "'{written}' is not a country or region in the gazetteer: did you mean '{nearest}'?"
                );
                out.report(
                    qualifier,
                    &[&explanation],
                    vec![(qualifier, nearest.to_owned())],
                );
            }
        }
        let Some(known) = known else {
            if !self.on(DatelineCheck::Place) || places.is_qualifier(place) {
                return;
            }
            if let Some(nearest) = places.nearest_city(place) {
                let fix = match_case(place, &nearest);
                let explanation =
                    format!("'{place}' is not a place in the gazetteer: did you mean '{fix}'?");
                out.report(place_span, &[&explanation], vec![(place_span, fix)]);
            } else if dateline.qualifiers.is_empty() {
                let explanation = format!(
                    "'{place}' is not a dateline city in the gazetteer: add its country ('{place}, Country') or add it to `places:`"
                );
                out.report(place_span, &[&explanation], Vec::new());
            }
            return;
        };
        let Some(style) = style else { return };
        let mut case_fixed = false;
        if style.standalone_only
            && !known.standalone
            && dateline.qualifiers.is_empty()
            && self.on(DatelineCheck::Standalone)
        {
            let fix = format!("{}, {}", in_case(place, style.place_case), known.country);
            let explanation = format!(
                "'{place}' is not one of {}'s stand-alone dateline cities: write '{fix}'",
                style.name
            );
            out.report(place_span, &[&explanation], vec![(place_span, fix)]);
            case_fixed = true;
        }
        let wanted = in_case(place, style.place_case);
        let title_case_wanted = style.place_case == PlaceCase::Title
            && place
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if self.on(DatelineCheck::Case) && !case_fixed && (wanted != place || title_case_wanted) {
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
            let explanation = format!(
                "{} datelines write the place in {case}: '{fix}'",
                style.name
            );
            out.report(place_span, &[&explanation], vec![(place_span, fix)]);
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
        if self.on(DatelineCheck::Dash)
            && !own_line
            && (!style.dashes.iter().any(|d| d == dash) || !spaced)
        {
            let wanted = if style.dashes.iter().any(|d| d == dash) {
                dash
            } else {
                style.dash()
            };
            let explanation = if wanted == dash {
                format!(
                    "{} datelines put a space on each side of the '{dash}'",
                    style.name
                )
            } else {
                format!(
                    "{} datelines end with a spaced '{wanted}', not '{dash}'",
                    style.name
                )
            };
            out.report(
                dateline.dash,
                &[&explanation],
                vec![(dateline.dash_region, format!(" {wanted} "))],
            );
        }
        if self.on(DatelineCheck::DateFormat) {
            self.check_date_format(doc, dateline, style, context, out);
        }
        if self.on(DatelineCheck::Agency) && !style.agencies.is_empty() {
            match dateline.agency {
                None => {
                    let explanation = format!(
                        "{} datelines name the agency: '{}'",
                        style.name, style.example
                    );
                    out.report(dateline.dash, &[&explanation], Vec::new());
                }
                Some(agency) if !style.allows_agency(doc.slice(agency)) => {
                    let explanation = format!(
                        "'{}' is not an agency of the {} style ({})",
                        doc.slice(agency),
                        style.name,
                        style.agencies.join(", ")
                    );
                    out.report(agency, &[&explanation], Vec::new());
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
                    let explanation =
                        format!("{} datelines write the agency as '{wanted}'", style.name);
                    out.report(agency, &[&explanation], vec![(agency, wanted)]);
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
                let explanation = format!(
                    "{} datelines carry no date: '{}'",
                    style.name, style.example
                );
                out.report(date.span, &[&explanation], vec![(removal, String::new())]);
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
                let explanation = format!(
                    "{} datelines carry the date: '{}'",
                    style.name, style.example
                );
                out.report(*place, &[&explanation], fixes);
            }
            (Some(date), _) => {
                let Some(month) = date.month else { return };
                let written = doc.slice(month.span);
                if let Some(wanted) = styles.month_with_day(&style.months, month.value)
                    && wanted != written
                {
                    let explanation = format!(
                        "{} datelines write the month '{wanted}', not '{written}'",
                        style.name
                    );
                    out.report(
                        month.span,
                        &[&explanation],
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
                && self.on(DatelineCheck::Missing)
                && let Some(&first) = doc.paragraphs.first()
            {
                let first_word = doc.words_in(first).first().unwrap_or(first);
                let explanation = format!("The story has no dateline: {}", self.example(context));
                out.report(first_word, &[&explanation], Vec::new());
            }
            return;
        };
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
        if let (Some(mention), Some(publication)) = (&dateline.date, context.publication())
            && let Some(date) = mention.date
            && publication.source != DateSource::Dateline
            && self.on(DatelineCheck::FutureDate)
            && days_between(publication.date, date).is_some_and(|d| d > 0)
        {
            let explanation = format!(
                "The dateline's date, {}, is after the publication date, {} (from {})",
                date, publication.date, publication.source
            );
            out.report(mention.span, &[&explanation], Vec::new());
        }
    }

    fn needs_publication_date(&self) -> Option<&'static str> {
        self.on(DatelineCheck::FutureDate)
            .then_some("a dateline date after the publication date")
    }
}
