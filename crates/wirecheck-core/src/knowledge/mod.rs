//! News knowledge the rules draw on: dates and datelines, the publication date, the gazetteer,
//! house styles, numbers, the index of known names, and the alignment of a story with its
//! reference version.

pub mod alignment;
pub mod dateline;
pub mod dates;
pub mod gazetteer;
pub mod house_style;
pub mod name_index;
pub mod numbers;
pub mod publication;
