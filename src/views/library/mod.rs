//! The library: every loaded article with its title, date, source, language and length.

mod bulk;
mod filter;
mod table;

use std::collections::BTreeSet;

use leptos::prelude::*;
use newsprism_core::corpus::{Filtered, LibraryFilter, LibrarySort, Totals};
use newsprism_core::ArticleId;

use crate::browser::hash::write_hash_quietly;
use crate::components::add_articles::{AddArticles, IngestReport};
use crate::components::count::grouped;
use crate::components::manage::Manage;
use crate::route::Route;
use crate::state::{use_app_state, Storage};
use bulk::BulkSource;
use filter::{listing_line, FilterForm};
use table::LibraryTable;

const SORTS: [(LibrarySort, &str); 4] = [
    (LibrarySort::DateNewest, "Newest first"),
    (LibrarySort::DateOldest, "Oldest first"),
    (LibrarySort::Title, "Title"),
    (LibrarySort::Length, "Longest first"),
];

/// The library's one-line summary; while stored articles are coming back it says so, so that
/// the bundled five are not taken for the whole library.
fn summary_line(t: &Totals, restoring: Option<Option<usize>>) -> String {
    match restoring {
        Some(None) => "Restoring your stored articles…".to_string(),
        Some(Some(n)) if n > 0 => format!(
            "Restoring {} stored article{}…",
            grouped(n),
            if n == 1 { "" } else { "s" }
        ),
        _ => format!(
            "{} articles · {} dated · {} undated · {} words",
            t.articles,
            t.articles - t.undated,
            t.undated,
            grouped(t.words)
        ),
    }
}

/// The library view.
#[component]
pub fn LibraryView(
    /// The order of the list, from the URL.
    sort: LibrarySort,
    /// Which articles it lists, from the URL; then the view's own as the user changes it (the
    /// address follows, so a reload or a bookmark comes back to it).
    filter: LibraryFilter,
) -> impl IntoView {
    let state = use_app_state();
    // The order only (kept by the app's state): rows are copied out of the corpus for those
    // drawn, not for all.
    let order = state.library_order(sort);
    let filter = RwSignal::new(filter);
    let filtered = filtered(order, filter);
    let listed = Memo::new(move |_| filtered.with(|f| f.ids.clone()));
    let facets = Memo::new(move |_| state.corpus().with(|c| c.library_facets()));
    let total = Signal::derive(move || order.with(Vec::len));
    Effect::new(move |previous: Option<()>| {
        let f = filter.get();
        if previous.is_some() {
            write_hash_quietly(&Route::Library { sort, filter: f });
        }
    });
    let selected = RwSignal::new(BTreeSet::<ArticleId>::new());
    let summary = move || {
        let t = state.corpus().with(|c| c.totals());
        let restoring = match state.storage().get() {
            Storage::Restoring(n) => Some(n),
            _ => None,
        };
        summary_line(&t, restoring)
    };
    view! {
        <section class="library" aria-labelledby="library-heading">
            <div class="view-head">
                <h1 id="library-heading">"Library"</h1>
                <p class="summary" data-testid="library-summary">
                    {summary}
                </p>
            </div>
            <AddArticles />
            <IngestReport />
            <Manage />
            <SortNav sort filter />
            <FilterForm filter facets />
            {listing_line(filter, filtered, total)}
            <BulkSource listed selected />
            <LibraryTable listed selected />
            {move || {
                (listed.with(Vec::is_empty) && total.get() > 0)
                    .then(|| {
                        view! {
                            <p class="empty" data-testid="library-none">
                                "No article passes these filters. "
                                <button type="button" on:click=move |_| filter.set(LibraryFilter::default())>
                                    "Clear filters"
                                </button>
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// What `filter` leaves of `order`. Typing on in the words box filters what the last filter
/// left, not the whole library.
fn filtered(order: Memo<Vec<ArticleId>>, filter: RwSignal<LibraryFilter>) -> Memo<Filtered> {
    let state = use_app_state();
    let changes = state.corpus_changes();
    let basis = StoredValue::new(None::<(LibraryFilter, u64)>);
    Memo::new(move |last: Option<&Filtered>| {
        let at = changes.get();
        filter.with(|f| {
            let narrowing = basis.with_value(|b| {
                b.as_ref()
                    .is_some_and(|(before, then)| *then == at && before.narrows_to(f))
            });
            basis.set_value(Some((f.clone(), at)));
            order.with(|o| {
                state.corpus().with(|c| match last.filter(|_| narrowing) {
                    Some(last) => c.filter_library(&last.ids, f),
                    None => c.filter_library(o, f),
                })
            })
        })
    })
}

/// The library's orders, the current one marked; each keeps the filter.
#[component]
fn SortNav(sort: LibrarySort, filter: RwSignal<LibraryFilter>) -> impl IntoView {
    view! {
        <nav class="sort" aria-label="Sort the library">
            <span class="sort-label">"Sort:"</span>
            {SORTS
                .iter()
                .map(|(s, label)| {
                    let current = *s == sort;
                    let s = *s;
                    view! {
                        <a
                            href=move || {
                                Route::Library {
                                    sort: s,
                                    filter: filter.get(),
                                }
                                    .to_hash()
                            }
                            class:current=current
                            aria-current=current.then_some("true")
                        >
                            {*label}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::summary_line;
    use newsprism_core::corpus::Totals;

    #[test]
    fn while_restoring_the_summary_says_how_many_are_coming_back() {
        let seeds = Totals {
            articles: 5,
            undated: 1,
            words: 2791,
        };
        assert_eq!(
            summary_line(&seeds, Some(None)),
            "Restoring your stored articles…"
        );
        assert_eq!(
            summary_line(&seeds, Some(Some(2201))),
            "Restoring 2,201 stored articles…"
        );
        let done = "5 articles · 4 dated · 1 undated · 2,791 words";
        assert_eq!(summary_line(&seeds, Some(Some(0))), done);
        assert_eq!(summary_line(&seeds, None), done);
    }
}
