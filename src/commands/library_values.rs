//! The library's own lists as clap values (`--format`, `--fail-level`): each value's name and help
//! come from the library, so that every list is spelt in one place.

use clap::ValueEnum;
use clap::builder::PossibleValue;
use wirecheck_core::FailLevel;
use wirecheck_core::report::Format;

/// Defines `$arg`, a clap value wrapping the library's `$lib`, whose `ALL` lists the values,
/// `$name()` names one and `help()` describes it (`$any` is any value, to start the list from).
macro_rules! library_value {
    ($(#[$doc:meta])* $arg:ident($lib:ty), $any:expr, $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) struct $arg(pub $lib);

        impl ValueEnum for $arg {
            fn value_variants<'a>() -> &'a [Self] {
                const ALL: [$arg; <$lib>::ALL.len()] = {
                    let mut all = [$arg($any); <$lib>::ALL.len()];
                    let mut i = 0;
                    while i < all.len() {
                        all[i] = $arg(<$lib>::ALL[i]);
                        i += 1;
                    }
                    all
                };
                &ALL
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.0.$name()).help(self.0.help()))
            }
        }
    };
}

library_value!(
    /// A report format as a command-line value.
    FormatArg(Format),
    Format::Human,
    name
);

library_value!(
    /// A fail level as a command-line value.
    FailLevelArg(FailLevel),
    FailLevel::Never,
    as_str
);
