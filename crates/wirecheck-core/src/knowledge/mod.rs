//! News knowledge the rules draw on: dates and datelines, the publication date, the gazetteer,
//! house styles, numbers, the index of known names, and the alignment of a story with its
//! reference version.

pub(crate) mod alignment;
pub(crate) mod dateline;
pub(crate) mod dates;
pub(crate) mod gazetteer;
pub(crate) mod house_style;
pub(crate) mod language;
pub(crate) mod name_index;
pub(crate) mod numbers;
pub(crate) mod publication;
pub(crate) mod quantity;
pub(crate) mod source_datelines;
