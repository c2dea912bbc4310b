//! Which rules a run enables, as ruff's `select`, `extend-select` and `ignore` choose them.
//!
//! Each selector is a name that covers ids ([`crate::rules::ids::covers`]): a pack (`wire`), a
//! rule (`wire.DoubledWord`), a check (`wire.Dateline.Outlet`) or a prefix of ids at a dot
//! boundary. Selectors come in layers, the configuration's first and the command line's after it;
//! for each id, each layer in turn:
//!
//! - starts from nothing when it has a `select`, else from what the layer before enabled (the
//!   first layer from the default set: the rules of the packs in use);
//! - then the most specific of its selectors that covers the id decides: `select` and
//!   `extend_select` turn it on, `ignore` off; on a tie `ignore` wins;
//! - an id no selector of the layer covers keeps the state it started from.
//!
//! So the command line's `--select` replaces the configuration's choice whole, and its
//! `--extend-select` and `--ignore` adjust it, as in ruff. A selector turns on rules of packs
//! that are off by default (`dateline-ap.Dateline`): packs only choose the default set.

use crate::rules::ids::{covers, depth};

/// The selectors of one layer (the configuration, or the command line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelectionLayer {
    /// `select`: the rules enabled, replacing those of the layers before; `None` keeps them.
    pub select: Option<Vec<String>>,
    /// `extend_select`: rules enabled besides.
    pub extend_select: Vec<String>,
    /// `ignore`: rules disabled.
    pub ignore: Vec<String>,
}

/// What a layer's selector is, for messages: the key or flag that gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectorKind {
    /// `select` / `--select`.
    Select,
    /// `extend_select` / `--extend-select`.
    ExtendSelect,
    /// `ignore_rules` / `--ignore`.
    Ignore,
}

impl SelectorKind {
    /// The command-line flag that gives it.
    pub const fn flag(self) -> &'static str {
        match self {
            SelectorKind::Select => "--select",
            SelectorKind::ExtendSelect => "--extend-select",
            SelectorKind::Ignore => "--ignore",
        }
    }

    /// The configuration key that gives it.
    pub const fn config_key(self) -> &'static str {
        match self {
            SelectorKind::Select => "select",
            SelectorKind::ExtendSelect => "extend_select",
            SelectorKind::Ignore => "ignore_rules",
        }
    }
}

impl SelectionLayer {
    /// True when the layer has no selector: it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend_select.is_empty() && self.ignore.is_empty()
    }

    /// Every selector of the layer with its kind.
    pub fn selectors(&self) -> impl Iterator<Item = (SelectorKind, &str)> {
        let select = self.select.iter().flatten();
        select
            .map(|s| (SelectorKind::Select, s.as_str()))
            .chain(
                self.extend_select
                    .iter()
                    .map(|s| (SelectorKind::ExtendSelect, s.as_str())),
            )
            .chain(
                self.ignore
                    .iter()
                    .map(|s| (SelectorKind::Ignore, s.as_str())),
            )
    }

    /// The state of `id` after this layer, from `before`: the most specific selector covering it
    /// decides, `ignore` on a tie; with none, `select` starts from off, else `before` stands.
    /// Gives the deciding selector too.
    fn apply<'a>(&'a self, id: &str, before: Decision<'a>) -> Decision<'a> {
        let start = if self.select.is_some() {
            Decision {
                enabled: false,
                by: None,
                kind: None,
            }
        } else {
            before
        };
        // Deeper wins; at equal depth, an ignore (`true` sorts after `false`) wins.
        self.selectors()
            .filter(|(_, name)| covers(name, id))
            .max_by_key(|(kind, name)| (depth(name), *kind == SelectorKind::Ignore))
            .map_or(start, |(kind, name)| Decision {
                enabled: kind != SelectorKind::Ignore,
                by: Some(name),
                kind: Some(kind),
            })
    }
}

/// Whether an id is enabled, and by which selector (`None`: by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision<'a> {
    /// On or off.
    pub enabled: bool,
    /// The selector that decided, if one did.
    pub by: Option<&'a str>,
    /// What kind of selector it is.
    pub kind: Option<SelectorKind>,
}

/// The layers of a run's rule selection, in order of precedence (later layers win).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSelection {
    /// The configuration's layer, then the command line's.
    pub layers: Vec<SelectionLayer>,
}

impl RuleSelection {
    /// A selection of these layers, the lowest first; empty ones are left out.
    pub fn new(layers: impl IntoIterator<Item = SelectionLayer>) -> Self {
        Self {
            layers: layers.into_iter().filter(|l| !l.is_empty()).collect(),
        }
    }

    /// True when no layer selects anything: every id stays as its default.
    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }

    /// Whether `id` is enabled, given whether it is on by default (its pack is in use).
    pub fn decide(&self, id: &str, on_by_default: bool) -> Decision<'_> {
        let start = Decision {
            enabled: on_by_default,
            by: None,
            kind: None,
        };
        self.layers
            .iter()
            .fold(start, |before, layer| layer.apply(id, before))
    }

    /// True when a layer has a `select`, which leaves out what it does not cover.
    pub fn selects(&self) -> bool {
        self.layers.iter().any(|layer| layer.select.is_some())
    }

    /// True when some selector names `id`, something under it, or something above it: a rule of
    /// a pack not in use must be loaded for the selection to decide on it.
    pub fn touches(&self, id: &str) -> bool {
        self.layers
            .iter()
            .flat_map(SelectionLayer::selectors)
            .any(|(_, name)| covers(name, id) || covers(id, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(select: Option<&[&str]>, extend: &[&str], ignore: &[&str]) -> SelectionLayer {
        let owned = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        SelectionLayer {
            select: select.map(owned),
            extend_select: owned(extend),
            ignore: owned(ignore),
        }
    }

    fn enabled(selection: &RuleSelection, id: &str, default: bool) -> bool {
        selection.decide(id, default).enabled
    }

    /// The precedence table, one layer: each row is (select, extend, ignore, id, default,
    /// expected).
    #[test]
    fn one_layer_follows_ruffs_precedence() {
        type Row<'a> = (
            Option<&'a [&'a str]>,
            &'a [&'a str],
            &'a [&'a str],
            &'a str,
            bool,
            bool,
        );
        let rows: &[Row<'_>] = &[
            // No selector: the default stands, either way.
            (None, &[], &[], "wire.DoubledWord", true, true),
            (None, &[], &[], "dateline-ap.Dateline", false, false),
            // select replaces the default set.
            (Some(&["wire"]), &[], &[], "wire.DoubledWord", true, true),
            (Some(&["wire"]), &[], &[], "names-japan.Names", true, false),
            // select turns on a rule of a pack off by default.
            (
                Some(&["dateline-ap"]),
                &[],
                &[],
                "dateline-ap.Dateline",
                false,
                true,
            ),
            // extend_select adds to the default set.
            (
                None,
                &["dateline-ap.Dateline"],
                &[],
                "dateline-ap.Dateline",
                false,
                true,
            ),
            (
                None,
                &["dateline-ap.Dateline"],
                &[],
                "wire.DoubledWord",
                true,
                true,
            ),
            // ignore removes.
            (
                None,
                &[],
                &["wire.DoubledWord"],
                "wire.DoubledWord",
                true,
                false,
            ),
            (
                None,
                &[],
                &["wire.DoubledWord"],
                "wire.DoubleSpace",
                true,
                true,
            ),
            // The more specific wins: a select of a rule beats an ignore of its pack…
            (
                Some(&["wire.DoubledWord"]),
                &[],
                &["wire"],
                "wire.DoubledWord",
                true,
                true,
            ),
            (
                Some(&["wire.DoubledWord"]),
                &[],
                &["wire"],
                "wire.DoubleSpace",
                true,
                false,
            ),
            // …and an ignore of a check beats a select of its rule.
            (
                Some(&["wire.Dateline"]),
                &[],
                &["wire.Dateline.Outlet"],
                "wire.Dateline.Outlet",
                true,
                false,
            ),
            (
                Some(&["wire.Dateline"]),
                &[],
                &["wire.Dateline.Outlet"],
                "wire.Dateline.Case",
                true,
                true,
            ),
            (
                None,
                &["wire.Dateline.Outlet"],
                &["wire.Dateline"],
                "wire.Dateline.Outlet",
                true,
                true,
            ),
            (
                None,
                &["wire.Dateline.Outlet"],
                &["wire.Dateline"],
                "wire.Dateline.Case",
                true,
                false,
            ),
            // On a tie, ignore wins, over select and over extend_select.
            (
                Some(&["wire"]),
                &[],
                &["wire"],
                "wire.DoubledWord",
                true,
                false,
            ),
            (
                None,
                &["wire.DoubledWord"],
                &["wire.DoubledWord"],
                "wire.DoubledWord",
                true,
                false,
            ),
            // Prefixes count at dot boundaries only.
            (
                Some(&["wire.Double"]),
                &[],
                &[],
                "wire.DoubledWord",
                true,
                false,
            ),
        ];
        for &(select, extend, ignore, id, default, expected) in rows {
            let selection = RuleSelection::new([layer(select, extend, ignore)]);
            assert_eq!(
                enabled(&selection, id, default),
                expected,
                "select {select:?} extend {extend:?} ignore {ignore:?}: {id} (default {default})"
            );
        }
    }

    /// The command line's layer over the configuration's, as ruff's docs put it: with the
    /// config's `select = [E, F]`, `ignore = [F401]`, `--select F401` enables F401 alone, and
    /// `--extend-select B` enables E, F and B but not F401.
    #[test]
    fn a_later_layer_select_replaces_and_extend_adds() {
        let config = layer(Some(&["wire", "names-japan"]), &[], &["wire.DoubledWord"]);
        let selected =
            RuleSelection::new([config.clone(), layer(Some(&["wire.DoubledWord"]), &[], &[])]);
        assert!(enabled(&selected, "wire.DoubledWord", true));
        assert!(!enabled(&selected, "wire.DoubleSpace", true));
        assert!(!enabled(&selected, "names-japan.Names", true));
        let extended = RuleSelection::new([config, layer(None, &["dates-ap"], &[])]);
        assert!(enabled(&extended, "wire.DoubleSpace", true));
        assert!(enabled(&extended, "names-japan.Names", true));
        assert!(enabled(&extended, "dates-ap.Dates", false));
        assert!(!enabled(&extended, "wire.DoubledWord", true));
        assert!(!enabled(&extended, "names-world.Names", true));
    }

    #[test]
    fn the_deciding_selector_is_given() {
        let selection = RuleSelection::new([layer(None, &[], &["wire"])]);
        assert_eq!(
            selection.decide("wire.Dateline.Outlet", true),
            Decision {
                enabled: false,
                by: Some("wire"),
                kind: Some(SelectorKind::Ignore),
            }
        );
        assert_eq!(selection.decide("names-japan.Names", true).by, None);
    }

    #[test]
    fn a_selector_touches_the_ids_above_and_below_it() {
        let selection = RuleSelection::new([layer(None, &["dateline-ap.Dateline.Case"], &[])]);
        assert!(selection.touches("dateline-ap.Dateline"));
        assert!(selection.touches("dateline-ap.Dateline.Case"));
        assert!(!selection.touches("dateline-ap.Other"));
        assert!(RuleSelection::new([SelectionLayer::default()]).is_empty());
    }
}
