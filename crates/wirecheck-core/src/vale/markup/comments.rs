//! In-text switches: `<!-- vale off -->`, `<!-- vale on -->` and `<!-- vale Style.Rule = NO -->`
//! (Vale's `UpdateComments`, `QueryComments` and `ResetComments`). The walker records the state
//! in force for each block.

use std::collections::BTreeMap;

/// The switches in force at one point of a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct CommentSwitches {
    /// `vale off` is in force.
    off: bool,
    /// Rule name to "turned off" for `vale Style.Rule = NO` (true) or `= YES` (false).
    rules: BTreeMap<String, bool>,
}

impl CommentSwitches {
    /// Applies a comment's trimmed text, as `UpdateComments` does; other comments change
    /// nothing.
    pub(super) fn update(&mut self, comment: &str) {
        if comment == "vale off" {
            self.off = true;
        } else if comment == "vale on" {
            self.off = false;
        } else if let Some((rule, off)) = rule_switch(comment) {
            self.rules.insert(rule.to_owned(), off);
        }
    }

    /// Turns every rule switch back on, keeping `vale off` (`ResetComments`, done before the
    /// summary and raw blocks).
    pub(super) fn reset_rules(&mut self) {
        for off in self.rules.values_mut() {
            *off = false;
        }
    }

    /// Whether `rule` is on here. A name with more than one dot is matched by its first two
    /// parts, as Vale does for consistency rules.
    pub(super) fn rule_on(&self, rule: &str) -> bool {
        let name = match rule.match_indices('.').nth(1) {
            Some((second_dot, _)) => &rule[..second_dot],
            None => rule,
        };
        if !self.off
            && let Some(off) = self.rules.get(name)
        {
            return !off;
        }
        !self.off
    }
}

/// `^vale (.+\..+) = (YES|NO)$`: the rule and whether it is turned off.
fn rule_switch(comment: &str) -> Option<(&str, bool)> {
    let rest = comment.strip_prefix("vale ")?;
    // `.+` is greedy: the last " = " before the ending is the separator.
    let (rule, value) = rest.rsplit_once(" = ")?;
    let off = match value {
        "NO" => true,
        "YES" => false,
        _ => return None,
    };
    let dot = rule.find('.')?;
    if dot == 0 || dot + 1 == rule.len() || rule.contains('\n') {
        return None;
    }
    Some((rule, off))
}

#[cfg(test)]
mod tests {
    use super::CommentSwitches;

    #[test]
    fn off_on_and_rule_switches() {
        let mut c = CommentSwitches::default();
        assert!(c.rule_on("Vale.Spelling"));
        c.update("vale Vale.Spelling = NO");
        assert!(!c.rule_on("Vale.Spelling"));
        assert!(c.rule_on("Vale.Other"));
        c.update("vale off");
        assert!(!c.rule_on("Vale.Other"));
        c.update("vale on");
        assert!(!c.rule_on("Vale.Spelling"));
        c.update("vale Vale.Spelling = YES");
        assert!(c.rule_on("Vale.Spelling"));
        c.update("vale Vale.Spelling = NO");
        c.reset_rules();
        assert!(c.rule_on("Vale.Spelling"));
    }

    #[test]
    fn consistency_names_match_by_their_first_two_parts() {
        let mut c = CommentSwitches::default();
        c.update("vale Style.Rule = NO");
        assert!(!c.rule_on("Style.Rule.extra"));
    }

    #[test]
    fn malformed_switches_change_nothing() {
        let mut c = CommentSwitches::default();
        for text in [
            "vale Spelling = NO",
            "vale Style.Rule = no",
            "vale  off",
            "vale .x = NO",
        ] {
            c.update(text);
        }
        assert_eq!(c, CommentSwitches::default());
    }
}
