//! The URL hash as a reactive [`Route`].

use leptos::prelude::*;

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route, updated on every `hashchange` (links, back and forward, reload).
pub fn use_hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    route
}

/// Navigates to a route by setting the hash, which adds a history entry.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.to_hash());
}

/// Scrolls the page to the top, for a new page.
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Sets the tab's title.
pub fn set_document_title(title: &str) {
    document().set_title(title);
}

/// Moves keyboard focus to the main content (the skip link's target).
pub fn focus_main() {
    if let Some(el) = document().get_element_by_id("main") {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}
