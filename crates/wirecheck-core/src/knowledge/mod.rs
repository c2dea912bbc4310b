//! News knowledge the rules draw on: dates and datelines (the English desk's and the source
//! languages' wire forms), the publication date, how long a pack's facts stay good, the gazetteer,
//! house styles, numbers and dates in every language, the index of known names (and of their
//! native forms), the language a text is in, the alignment of a story with its reference version,
//! and the text a translation left untranslated.

pub(crate) mod alignment;
pub(crate) mod calendar;
pub(crate) mod dateline;
pub(crate) mod dates;
pub(crate) mod freshness;
pub(crate) mod gazetteer;
pub(crate) mod house_style;
pub(crate) mod language;
pub(crate) mod lexicon;
pub(crate) mod lookalikes;
pub(crate) mod name_index;
pub(crate) mod native_names;
pub(crate) mod numerals;
pub(crate) mod parallel;
pub(crate) mod publication;
pub(crate) mod quantity;
pub(crate) mod romanization;
pub(crate) mod source_datelines;
pub(crate) mod untranslated;
