//! Text primitives shared by wirecheck's crates: byte [`Span`]s into a text, line and column
//! positions of byte offsets, and [`escape_controls`] for showing untrusted text on a terminal.

pub mod span;
pub mod visible;

pub use span::{LineIndex, Position, Positions, Span};
pub use visible::escape_controls;
