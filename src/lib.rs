//! wirecheck: checks translated news wire copy before it is published.

pub mod document;
pub mod finding;
pub mod span;
