//! Vale mode: a Vale project (`.vale.ini`, its styles and vocabularies, Vale's built-in style)
//! read as Vale reads it.

pub(crate) mod builtin;
pub(crate) mod config;
pub(crate) mod ini;
pub(crate) mod vocab;
