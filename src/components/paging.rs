//! Long lists drawn a screen first: what a screen holds comes in the first frame, the rest of
//! the page two frames later, once the first rows are on screen.

use leptos::prelude::*;

/// How many rows a list shows: `first` at once, `page` two frames later if the list is still
/// open then and nobody changed the count meanwhile ("Show all").
pub fn first_then_page(first: usize, page: usize) -> RwSignal<usize> {
    let shown = RwSignal::new(first);
    request_animation_frame(move || {
        request_animation_frame(move || {
            // The view may be gone by then (the reader moved on): then there is nothing to do.
            if shown.try_get_untracked() == Some(first) {
                let _ = shown.try_set(page);
            }
        })
    });
    shown
}
