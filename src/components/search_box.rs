//! The search box in the header: always at hand, `/` focuses it, results follow the typing.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::hash::{focus_id, Router};
use crate::browser::keys::use_slash_to_search;
use crate::browser::timer::debounced;
use crate::route::{Route, SearchState};

/// The header's search field. Typing updates `#/search?q=…` after a short pause; the first
/// keystroke on another page opens the search view (a history entry), later ones replace it.
#[component]
pub fn SearchBox(
    /// The app's router.
    router: Router,
) -> impl IntoView {
    let current_q = move || match router.route.get() {
        Route::Search(s) => s.q,
        _ => String::new(),
    };
    // Long enough to let a burst of keys through, short enough that the results follow the typing.
    let go = debounced(Duration::from_millis(60), move |q: String| {
        // Read the route, then release it before changing it.
        match router.route.get_untracked() {
            Route::Search(s) => router.replace(Route::Search(SearchState { q, ..s })),
            _ => router.push(&Route::search(&q)),
        }
    });
    use_slash_to_search(|| focus_id("search-input"));
    view! {
        <form class="search-box" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">
                "Search the articles"
            </label>
            <input
                id="search-input"
                type="search"
                placeholder="Search  ( / )"
                autocomplete="off"
                spellcheck="false"
                prop:value=current_q
                on:input=move |ev| go(event_target_value(&ev))
            />
        </form>
    }
}
