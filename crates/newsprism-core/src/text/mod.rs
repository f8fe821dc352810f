//! Text analysis shared by every feature: language identification and sentence boundaries.
//!
//! Nothing here knows about articles or files; it works on `&str`.

pub mod language;
pub mod sentence;
