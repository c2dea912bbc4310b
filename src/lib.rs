//! wirecheck checks translated news wire copy before it is published.
//!
//! A story is parsed once into a [`Document`] (headline, front lines, dateline, paragraphs,
//! sentences, words, all byte spans); a [`RuleSet`] compiled from YAML rule packs runs over it and
//! gives [`Finding`]s, which the reporters print.
//!
//! ```
//! use wirecheck::{Document, InputFormat, RuleSet, rules::{Context, RuleSource}};
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

pub mod baseline;
pub mod config;
pub mod dateline;
pub mod dates;
pub mod diff;
pub mod document;
pub mod encoding;
pub mod engine;
pub mod excerpt;
pub mod finding;
pub mod fix;
pub mod gazetteer;
pub mod house_style;
pub mod input;
pub mod name_index;
pub mod numbers;
pub mod packs;
pub mod publication;
pub mod report;
pub mod rules;
pub mod score;
pub mod span;
pub mod suggest;
pub mod suppress;
pub mod temp_files;
pub mod visible;
pub mod yaml_error;

pub use document::{Document, InputFormat};
pub use engine::RuleSet;
pub use finding::{Finding, Severity, Suggestion};
pub use span::Span;
