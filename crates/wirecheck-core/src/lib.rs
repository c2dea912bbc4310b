//! wirecheck checks translated news wire copy before it is published.
//!
//! A story is parsed once into a [`Document`] (headline, front lines, dateline, paragraphs,
//! sentences, words, all byte spans); a [`RuleSet`] compiled from YAML rule packs runs over it and
//! gives [`Finding`]s, which the reporters print. A whole run (read, check, filter, fix, over
//! files or text in memory) is an [`engine::runner::Runner`].
//!
//! ```
//! use wirecheck_core::{Document, InputFormat, RuleSet, rules::{Context, RuleSource}};
//!
//! let rule = RuleSource {
//!     pack: "house".into(),
//!     name: "Doubled".into(),
//!     origin: "example".into(),
//!     yaml: "extends: repetition\nignorecase: true\nmessage: \"'%s' is repeated\"\n".into(),
//! };
//! let rules = RuleSet::compile([rule]).unwrap();
//! let story = Document::parse("Headline\n\nThe the minister spoke.\n".into(), InputFormat::Text);
//! let findings = rules.check(&story, &Context::default());
//! assert_eq!(findings[0].message, "'The' is repeated");
//! ```

pub mod config;
pub mod document;
pub mod engine;
pub mod filters;
pub mod finding;
pub mod fix;
pub mod input;
pub mod knowledge;
pub mod report;
pub mod rules;
pub mod severity;
pub mod yaml;

pub(crate) use wirecheck_text::{span, visible};

pub use document::Document;
pub use engine::RuleSet;
pub use finding::{Finding, Suggestion};
pub use input::InputFormat;
pub use severity::{FailLevel, Severity};
pub use wirecheck_text::Span;
