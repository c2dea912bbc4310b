//! Vale's scope selectors (`internal/check/scope.go`): whether a rule's `scope:` list selects a
//! block. A selector is a dot-separated list of parts (`heading.h1`), `&` joins selectors that
//! must all hold, and a leading `~` negates one; a selector holds where every one of its parts
//! is a part of the block's scope, in any order.

/// Whether any selector of `selector` (a rule's `scope:` list) matches `block_scope`, as Vale's
/// `Scope.Matches` decides (a block's parent scope is its own scope in every format here).
pub(crate) fn scope_matches(selector: &[String], block_scope: &str) -> bool {
    let candidate: Vec<&str> = block_scope.split('.').map(str::trim).collect();
    selector
        .iter()
        .any(|option| option_matches(option, &candidate))
}

/// One `scope:` entry: every `&`-joined part must hold.
fn option_matches(option: &str, candidate: &[&str]) -> bool {
    let sized = candidate.contains(&"raw") || candidate.contains(&"summary");
    for part in option.split('&') {
        let mut negated = false;
        let sections: Vec<&str> = part
            .split('.')
            .enumerate()
            .map(|(i, s)| {
                let s = s.trim();
                match s.strip_prefix('~') {
                    Some(rest) if i == 0 => {
                        negated = true;
                        rest
                    }
                    _ => s,
                }
            })
            .collect();
        let contained = sections.iter().all(|s| candidate.contains(s));
        if negated && !contained {
            // A negated selector cannot apply to a sized scope (raw, summary).
            if sized {
                return false;
            }
        } else if !negated && !contained || negated && contained {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::scope_matches;

    fn matches(selector: &[&str], scope: &str) -> bool {
        let selector: Vec<String> = selector.iter().map(|s| (*s).to_owned()).collect();
        scope_matches(&selector, scope)
    }

    #[test]
    fn parts_match_in_any_order() {
        assert!(matches(&["heading"], "text.heading.h1.md"));
        assert!(matches(&["heading.h1"], "text.heading.h1.md"));
        assert!(!matches(&["heading.h2"], "text.heading.h1.md"));
        assert!(matches(&["text"], "text.md"));
        assert!(!matches(&["sentence"], "text.md"));
        assert!(matches(&["sentence", "heading"], "sentence.md"));
        assert!(matches(&["raw"], "raw.md"));
        assert!(matches(&["alt"], "text.attr.alt"));
    }

    #[test]
    fn negation_and_conjunction() {
        assert!(matches(&["~heading"], "text.md"));
        assert!(!matches(&["~heading"], "text.heading.h1.md"));
        assert!(!matches(&["~heading"], "raw.md"));
        assert!(!matches(&["~heading"], "summary.md"));
        assert!(matches(&["text & ~list"], "text.md"));
        assert!(!matches(&["text & ~list"], "text.list.md"));
        assert!(matches(&["md & ~heading"], "sentence.md"));
    }
}
