//! News knowledge the rules draw on: dates and datelines, the publication date, the gazetteer,
//! house styles, numbers, the index of known names (and of their native forms), and the alignment of a story with its
//! reference version.

pub(crate) mod alignment;
pub(crate) mod calendar;
pub(crate) mod dateline;
pub(crate) mod dates;
pub(crate) mod gazetteer;
pub(crate) mod house_style;
pub(crate) mod language;
pub(crate) mod name_index;
pub(crate) mod native_names;
pub(crate) mod numbers;
pub(crate) mod numerals;
pub(crate) mod publication;
pub(crate) mod quantity;
