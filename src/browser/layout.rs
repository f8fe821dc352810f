//! Where elements are on the page, for charts drawn in the page's own pixels and for pointers
//! that zoom them.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The left edge and width of an element, in CSS pixels.
pub fn element_box(id: &str) -> Option<(f64, f64)> {
    let rect = document().get_element_by_id(id)?.get_bounding_client_rect();
    Some((rect.left(), rect.width())).filter(|&(_, w)| w > 0.0)
}

/// Calls `f` with the width of the element `id` (its content box, in CSS pixels) once it is laid
/// out and whenever the width changes, until the calling view goes away. The browser measures it
/// after its own layout, so this never forces one (measuring on opening forced a layout of the
/// whole page). Where there is no `ResizeObserver`, it is measured now and on window resizes.
pub fn observe_width(id: &str, f: impl Fn(f64) + 'static) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let f = std::rc::Rc::new(f);
    let call = f.clone();
    let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries.get(entries.length().saturating_sub(1));
        if let Ok(entry) = last.dyn_into::<web_sys::ResizeObserverEntry>() {
            call(entry.content_rect().width());
        }
    });
    match web_sys::ResizeObserver::new(seen.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&el);
            let kept = StoredValue::new_local(Some((observer, seen)));
            on_cleanup(move || {
                if let Some(Some((observer, _))) = kept.try_update_value(Option::take) {
                    observer.disconnect();
                }
            });
        }
        Err(_) => {
            let id = id.to_string();
            let measure = move || f(element_box(&id).map_or(0.0, |(_, w)| w));
            measure();
            on_resize(measure);
        }
    }
}

/// The distance in CSS pixels from the top of the window's viewport down to the element `id`'s
/// top edge (negative once it has scrolled past), and the height of its first child element
/// that matches `selector` (none when there is none, or it has no height).
pub fn top_and_row(id: &str, selector: &str) -> Option<(f64, Option<f64>)> {
    let el = document().get_element_by_id(id)?;
    let top = el.get_bounding_client_rect().top();
    let row = el
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|r| r.get_bounding_client_rect().height())
        .filter(|&h| h > 0.0);
    Some((top, row))
}

/// Calls `f` whenever the window is scrolled, until the calling view goes away.
pub fn on_scroll(f: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::scroll, move |_| f());
    on_cleanup(move || handle.remove());
}

/// Calls `f` whenever the window is resized, until the calling view goes away.
pub fn on_resize(f: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::resize, move |_| f());
    on_cleanup(move || handle.remove());
}

/// Runs `f` with an element where nothing drawn is seen: inside the page's `<main>` (so what is
/// drawn there is laid out at the width the views have, but hidden and taking no height) when
/// `laid_out`, else outside the document (nothing is laid out). The element is gone when `f`
/// returns, so whatever `f` draws is never painted; `None` when there is no `<main>`.
pub fn offstage<R>(laid_out: bool, f: impl FnOnce(&web_sys::Element) -> R) -> Option<R> {
    let doc = document();
    let host = doc.create_element("div").ok()?;
    host.set_class_name("offstage");
    host.set_attribute("aria-hidden", "true").ok()?;
    if laid_out {
        doc.get_element_by_id("main")?.append_child(&host).ok()?;
    }
    let out = f(&host);
    host.remove();
    Some(out)
}

/// The height of the window's viewport in CSS pixels (none outside a window, or not known).
pub fn viewport_height() -> Option<f64> {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .filter(|h| *h > 0.0)
}
