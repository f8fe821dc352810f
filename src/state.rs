//! The app's state, in one context: the corpus and what went wrong loading it.
//!
//! Views read the corpus by reference (`with`), never clone it, and derive everything else.

use leptos::prelude::*;
use newsprism_core::corpus::FileOutcome;
use newsprism_core::Corpus;

use crate::seeds::SEEDS;

/// Shared state, provided once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// All loaded articles.
    pub corpus: RwSignal<Corpus>,
    /// Plain-language messages about bundled files that could not be read.
    pub load_errors: RwSignal<Vec<String>>,
    /// What happened to each file of the last batch the user added.
    pub report: RwSignal<Vec<FileOutcome>>,
}

impl AppState {
    /// State holding the bundled articles.
    pub fn with_seeds() -> Self {
        let (corpus, errors) = Corpus::from_files(SEEDS.iter().copied());
        AppState {
            corpus: RwSignal::new(corpus),
            load_errors: RwSignal::new(errors.iter().map(ToString::to_string).collect()),
            report: RwSignal::new(Vec::new()),
        }
    }

    /// Adds a batch of files the user picked or dropped and keeps the report of what happened.
    pub fn ingest(&self, files: Vec<(String, Result<Vec<u8>, String>)>) {
        let outcomes = self
            .corpus
            .try_update(|c| c.add_files(files))
            .unwrap_or_default();
        self.report.set(outcomes);
    }
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
