//! wirecheck: checks translated news wire copy before it is published.

pub mod score;
