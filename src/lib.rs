//! Newsprism's web app: a thin Leptos view over `newsprism-core`.
//!
//! The app asks the core questions and renders the answers; it never analyses text itself.
//! Browser APIs are touched only in [`browser`].

pub mod app;
pub mod browser;
pub mod components;
pub mod route;
pub mod seeds;
pub mod state;
pub mod views;

pub use app::App;
