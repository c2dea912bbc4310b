//! Rule ids and how one name covers others.
//!
//! An id is dotted: `pack.Rule`, or `pack.Rule.Check` for one of a rule's named checks
//! (`wire.Dateline.Outlet`). Wherever rules are named — `severity:` in wirecheck.yaml,
//! suppression comments, baselines — a name covers itself and every id below it, segment by
//! segment, as ruff's rule prefixes do: `wire` covers `wire.Dateline` and `wire.Dateline.Outlet`,
//! `wire.Dateline` covers `wire.Dateline.Outlet`; `wire.Date` covers neither.

/// True when `name` is `id` or one of its parents: `id` starts with `name` followed by a `.`.
pub fn covers(name: &str, id: &str) -> bool {
    id.strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// How specific a name is: its number of segments (`wire` 1, `wire.Dateline.Outlet` 3). Where
/// names overlap, the more specific one wins.
pub(crate) fn depth(name: &str) -> usize {
    name.split('.').count()
}

/// The id one level up: `wire.Dateline` for `wire.Dateline.Outlet`; `None` for a rule id
/// (`pack.Rule`) or a pack, which have no parent id.
pub(crate) fn parent(id: &str) -> Option<&str> {
    (depth(id) > 2).then(|| id.rsplit_once('.').map_or(id, |(parent, _)| parent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_covers_itself_and_the_ids_below_it_by_whole_segments() {
        assert!(covers("wire.Dateline", "wire.Dateline"));
        assert!(covers("wire.Dateline", "wire.Dateline.Outlet"));
        assert!(covers("wire", "wire.Dateline.Outlet"));
        assert!(!covers("wire.Date", "wire.Dateline.Outlet"));
        assert!(!covers("wire.Dateline.Outlet", "wire.Dateline"));
        assert!(!covers("wire.Dateline.Outlet", "wire.Dateline.OutletName"));
        assert!(!covers("dateline", "dateline-ap.Dateline.Case"));
    }

    #[test]
    fn parents_stop_at_the_rule() {
        assert_eq!(parent("wire.Dateline.Outlet"), Some("wire.Dateline"));
        assert_eq!(parent("wire.Dateline"), None);
        assert_eq!(parent("wire"), None);
        assert_eq!(depth("wire.Dateline.Outlet"), 3);
    }
}
