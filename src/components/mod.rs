//! Small reusable pieces, one component per file.

pub mod date_label;
pub mod title_label;
