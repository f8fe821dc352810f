//! Keyboard shortcuts for the whole page.

use leptos::prelude::*;

/// Calls `on_slash` when `/` is pressed outside a text field (and keeps the `/` from typing).
pub fn use_slash_to_search(on_slash: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if !typing {
            ev.prevent_default();
            on_slash();
        }
    });
    on_cleanup(move || handle.remove());
}
