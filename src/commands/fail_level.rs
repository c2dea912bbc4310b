//! `--fail-level` for `check`: the library's fail levels as clap values, named and described by
//! the library so that the severity ladder is spelt in one place.

use clap::ValueEnum;
use clap::builder::PossibleValue;
use wirecheck_core::FailLevel;

/// A fail level as a command-line value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FailLevelArg(pub FailLevel);

impl ValueEnum for FailLevelArg {
    fn value_variants<'a>() -> &'a [Self] {
        const ALL: [FailLevelArg; FailLevel::ALL.len()] = {
            let mut all = [FailLevelArg(FailLevel::Never); FailLevel::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                all[i] = FailLevelArg(FailLevel::ALL[i]);
                i += 1;
            }
            all
        };
        &ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.as_str()).help(self.0.help()))
    }
}
