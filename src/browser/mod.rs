//! The only place that touches browser APIs (`web_sys`, `js_sys`, `wasm_bindgen`).
//!
//! Each hook returns signals and removes its listeners on cleanup; nothing here knows about
//! articles or text.

pub mod analysis;
pub mod archive;
pub mod files;
pub mod hash;
pub mod keys;
pub mod layout;
pub mod lexicon;
pub mod offline;
pub mod spawn;
pub mod storage;
pub mod timer;
pub mod worker;
