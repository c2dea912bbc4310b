//! News knowledge the rules draw on: dates and datelines, the publication date, the gazetteer,
//! house styles, numbers, the index of known names, the alignment of a story with its
//! reference version, and of an original with its translation in another language.

pub(crate) mod alignment;
pub(crate) mod dateline;
pub(crate) mod dates;
pub(crate) mod gazetteer;
pub(crate) mod house_style;
pub(crate) mod language;
pub(crate) mod name_index;
pub(crate) mod numbers;
pub(crate) mod parallel;
pub(crate) mod publication;
pub(crate) mod quantity;
