//! The app's state, in one context: the corpus and what went wrong loading it.
//!
//! Views read the corpus by reference (`with`), never clone it, and derive everything else.

use leptos::prelude::*;
use newsprism_core::Corpus;

use crate::seeds::SEEDS;

/// Shared state, provided once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// All loaded articles.
    pub corpus: RwSignal<Corpus>,
    /// Plain-language messages about files that could not be read.
    pub load_errors: RwSignal<Vec<String>>,
}

impl AppState {
    /// State holding the bundled articles.
    pub fn with_seeds() -> Self {
        let (corpus, errors) = Corpus::from_files(SEEDS.iter().copied());
        AppState {
            corpus: RwSignal::new(corpus),
            load_errors: RwSignal::new(errors.iter().map(ToString::to_string).collect()),
        }
    }
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
