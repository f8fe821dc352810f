//! Page-level views, one per file.

pub mod aliases;
pub mod archive;
pub mod compare;
pub mod events;
pub mod help;
pub mod library;
pub mod not_found;
pub mod reader;
pub mod search;
pub mod timeline;
