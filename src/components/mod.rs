//! Small reusable pieces, one component per file.

pub mod add_articles;
pub mod date_label;
pub mod highlighted;
pub mod search_box;
pub mod title_label;
