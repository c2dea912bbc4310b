//! Vale mode: run a Vale user's project (its `.vale.ini`, styles and in-text switches) with the
//! findings Vale 3.15.1 gives.

pub(crate) mod markup;
