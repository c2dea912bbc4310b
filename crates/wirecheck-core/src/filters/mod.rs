//! Filters applied to a story's findings after the rules ran: suppression comments in the story
//! and baselines of accepted findings.

pub mod baseline;
pub mod suppress;
