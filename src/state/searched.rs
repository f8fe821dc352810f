//! The last search's results, kept while the corpus stays as it was: moving between the search's
//! tabs and orders (a new view each time, from the URL) does not search again.

use leptos::prelude::*;
use newsprism_core::search::results::{SearchOptions, SearchResults};
use newsprism_core::Corpus;

use super::AppState;

/// A search and its results, with the corpus change they were worked out at.
pub(super) struct LastSearch {
    at: u64,
    q: String,
    options: SearchOptions,
    results: SearchResults,
}

/// Counts the corpus's changes: a new number each time the corpus says it changed (read it in a
/// reactive context to be told of the next).
pub(super) fn change_counter(corpus: RwSignal<Corpus>) -> Memo<u64> {
    Memo::new(move |before: Option<&u64>| {
        corpus.track();
        before.map_or(0, |n| n.wrapping_add(1))
    })
}

impl AppState {
    /// A new number each time the corpus changes (read it in a reactive context to be told of
    /// the next).
    pub fn corpus_changes(&self) -> Memo<u64> {
        self.changes
    }

    /// The results of searching the corpus for `q`: worked out again only when the search or
    /// the corpus changed since the last one. Tracks the corpus, so a memo over it follows.
    pub fn search(&self, q: &str, options: &SearchOptions) -> SearchResults {
        let at = self.changes.get();
        let kept = self.last_search.with_value(|last| {
            last.as_ref()
                .filter(|l| l.at == at && l.q == q && l.options == *options)
                .map(|l| l.results.clone())
        });
        if let Some(results) = kept {
            return results;
        }
        let results = self.corpus.with(|c| c.search(q, options));
        self.last_search.set_value(Some(LastSearch {
            at,
            q: q.to_string(),
            options: *options,
            results: results.clone(),
        }));
        results
    }
}
