//! Small reusable pieces, one component per file.

pub mod add_articles;
pub mod ahead;
pub mod article_tools;
pub mod count;
pub mod date_label;
pub mod highlighted;
pub mod lazy_details;
pub mod manage;
pub mod more;
pub mod paging;
pub mod search_box;
pub mod title_label;
pub mod virtual_rows;
