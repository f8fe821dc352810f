//! Where elements are on the page, for charts drawn in the page's own pixels and for pointers
//! that zoom them.

use leptos::prelude::*;

/// The left edge and width of an element, in CSS pixels.
pub fn element_box(id: &str) -> Option<(f64, f64)> {
    let rect = document().get_element_by_id(id)?.get_bounding_client_rect();
    Some((rect.left(), rect.width())).filter(|&(_, w)| w > 0.0)
}

/// Calls `f` whenever the window is resized, until the calling view goes away.
pub fn on_resize(f: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::resize, move |_| f());
    on_cleanup(move || handle.remove());
}
