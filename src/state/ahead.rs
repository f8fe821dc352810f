//! Work done ahead of the views that need it, when the page is otherwise idle: the
//! comparison's readings of the newest articles (kept between comparisons; reading them took
//! most of the time the comparison took to open) and the library's other orders.

use leptos::prelude::*;
use newsprism_core::article::ArticleId;
use newsprism_core::compare::{Comparison, Parts, Scope};
use newsprism_core::corpus::LibrarySort;

use super::persist::BACKGROUND_SLICE_MS;
use super::AppState;
use crate::browser::timer::{yield_task, Slices};

/// The most articles compared at once: the heatmap and quote clustering grow with the square.
pub const MAX_SCOPE: usize = 60;

impl AppState {
    /// Compares the given articles (see [`newsprism_core::Corpus::compare_parts`]), reusing
    /// the articles read for earlier comparisons or ahead of them.
    pub fn compare(&self, ids: &[ArticleId], parts: Parts) -> Comparison {
        let corpus = self.corpus;
        self.compared
            .try_update_value(|cache| corpus.with(|c| c.compare_cached(ids, parts, cache)))
            .unwrap_or_else(|| corpus.with(|c| c.compare_parts(ids, parts)))
    }

    /// Whenever the library changes and no import is under way, reads a slice at a time (beside
    /// the reading of dates, which takes far longer) the articles that the comparison of the
    /// whole library opens on (the newest [`MAX_SCOPE`]) and compares them as its first tab
    /// does, and sorts the library in its other orders, so that opening the comparison or
    /// re-sorting the library finds the work done.
    pub fn keep_views_ready(&self) {
        let state = *self;
        Effect::new(move |_| {
            state.corpus.track();
            let idle = state.progress.with(Option::is_none) && !state.restoring();
            if idle && !state.preparing.get_untracked() {
                state.prepare_views();
            }
        });
    }

    /// Whether the work done ahead for the comparison is done (read reactively): the articles it
    /// opens on read, and their comparison made.
    pub fn views_prepared(&self) -> bool {
        self.corpus.track();
        !self.preparing.get() && self.unprepared().is_empty()
    }

    /// The articles the comparison of the whole library opens on that are not read yet (none
    /// when the analysis worker compares the whole library: this page reads nothing for it).
    fn unprepared(&self) -> Vec<ArticleId> {
        let compared = self.compared;
        self.corpus.with_untracked(|c| {
            if super::runs_remotely(c.len()) {
                return Vec::new();
            }
            let ids = c.compare_scope(&Scope::All, true, MAX_SCOPE).ids;
            compared
                .try_with_value(|cache| {
                    ids.into_iter()
                        .filter(|id| c.get(*id).is_some_and(|a| !cache.has(a)))
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    fn prepare_views(&self) {
        let state = *self;
        state.preparing.set(true);
        leptos::task::spawn_local(async move {
            // In a task of its own: not on top of the change that started it (a restore's last
            // slice and the views drawing it).
            yield_task().await;
            let mut slices = Slices::background(BACKGROUND_SLICE_MS);
            // Again until nothing is missing: the library can change while this waits.
            'again: loop {
                let missing = state.unprepared();
                if missing.is_empty() {
                    break;
                }
                for id in missing {
                    let busy = state.working_untracked();
                    let read = (!busy).then(|| {
                        state.compared.try_update_value(|cache| {
                            state
                                .corpus
                                .with_untracked(|c| c.prepare_comparison(id, cache))
                        })
                    });
                    if read.flatten().is_none() {
                        break 'again;
                    }
                    if slices.due() {
                        slices.pause().await;
                    }
                }
            }
            // The comparison the view opens on (story groups of the newest), made and kept.
            if !state.working_untracked() {
                let ids = state
                    .corpus
                    .with_untracked(|c| c.compare_scope(&Scope::All, true, MAX_SCOPE).ids);
                untrack(|| state.compare(&ids, Parts::SIMILARITY));
                slices.pause().await;
            }
            for sort in LibrarySort::ALL {
                if state.working_untracked() {
                    break;
                }
                state.sort_ahead(sort, &mut slices).await;
                slices.pause().await;
            }
            state.preparing.set(false);
            // The library changed while the orders were sorted: once more.
            let idle = state.progress.with_untracked(Option::is_none);
            if idle && !state.unprepared().is_empty() {
                state.prepare_views();
            }
        });
    }
}
