//! The search box in the header: always at hand, `/` focuses it, results follow the typing.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::hash::{focus_id, Router};
use crate::browser::keys::use_slash_to_search;
use crate::browser::timer::debounced;
use crate::route::{Route, SearchState};

/// How long the search box waits after a key before it searches.
pub const SEARCH_PAUSE_MS: u64 = 40;

/// The header's search field. Typing updates `#/search?q=…` after a short pause; the first
/// keystroke on another page opens the search view (a history entry), later ones replace it.
#[component]
pub fn SearchBox(
    /// The app's router.
    router: Router,
) -> impl IntoView {
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    // The last query this box sent: when the route comes back with it, the box keeps what has
    // been typed since (setting it would drop the keys typed while the page changed).
    let sent = StoredValue::new(None::<String>);
    let current_q = move || {
        let q = match router.route.get() {
            Route::Search(s) => s.q,
            _ => String::new(),
        };
        if sent.get_value().as_deref() == Some(q.as_str()) {
            if let Some(el) = input.get_untracked() {
                return el.value();
            }
        }
        q
    };
    // Long enough to let a burst of keys through (a fast typist's keys come 60–120 ms apart; a
    // search of 22,000 articles is drawn in under 80 ms), short enough that the results follow
    // the typing.
    let go = debounced(Duration::from_millis(SEARCH_PAUSE_MS), move |q: String| {
        sent.set_value(Some(q.clone()));
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
                node_ref=input
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
