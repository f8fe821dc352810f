//! Long lists drawn a screen first: what a screen holds comes in the first frame, the rest of
//! the page a screenful per frame after it, so that no frame does much more than the first.

use leptos::prelude::*;

/// How many rows a list shows: `first` at once, then `first` more each frame up to `page`,
/// while the list is still open and nobody changed the count meanwhile ("Show all").
pub fn first_then_page(first: usize, page: usize) -> RwSignal<usize> {
    let shown = RwSignal::new(first);
    // The first frame draws the first rows; growing starts in the frame after it.
    request_animation_frame(move || grow(shown, first, first, page));
    shown
}

/// Adds `step` rows in the next frame (and again after it) while the count is still `at`.
fn grow(shown: RwSignal<usize>, at: usize, step: usize, page: usize) {
    request_animation_frame(move || {
        // The view may be gone by then (the reader moved on): then there is nothing to do.
        if at >= page || step == 0 || shown.try_get_untracked() != Some(at) {
            return;
        }
        let next = (at + step).min(page);
        if shown.try_set(next).is_none() {
            grow(shown, next, step, page);
        }
    });
}
