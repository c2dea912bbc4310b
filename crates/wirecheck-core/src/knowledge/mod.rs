//! News knowledge the rules draw on: dates and datelines, the publication date, the gazetteer,
//! house styles, numbers and the index of known names.

pub mod dateline;
pub mod dates;
pub mod gazetteer;
pub mod house_style;
pub mod name_index;
pub mod numbers;
pub mod publication;
