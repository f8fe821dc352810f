//! The URL hash as a reactive [`Route`].

use leptos::prelude::*;

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route and a way to change it without adding history.
#[derive(Clone, Copy)]
pub struct Router {
    /// The current route.
    pub route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
}

impl Router {
    /// Goes to a route, adding a history entry.
    pub fn push(&self, route: &Route) {
        let _ = window().location().set_hash(&route.to_hash());
    }

    /// Replaces the current history entry (for typing in the search box).
    pub fn replace(&self, route: Route) {
        write_hash_quietly(&route);
        self.set_route.set(route);
    }
}

/// Writes `route` into the address bar without going there: for a view that keeps what the
/// route holds as its own state while the user types (the library's filter), so that a reload
/// or a bookmark comes back to it, without the view being drawn anew for each key.
pub fn write_hash_quietly(route: &Route) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&route.to_hash()),
        );
    }
}

/// The current route, updated on every `hashchange` (links, back and forward, reload).
pub fn use_router() -> Router {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    Router { route, set_route }
}

/// Scrolls the page to the top, for a new page.
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Sets the tab's title.
pub fn set_document_title(title: &str) {
    document().set_title(title);
}

/// Removes the static loading screen that `index.html` shows until the app has started.
pub fn remove_loading_screen() {
    if let Some(el) = document().get_element_by_id("boot") {
        el.remove();
    }
}

/// Moves keyboard focus to the element with this id.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// Scrolls the element with this id into the middle of the view, once it has been rendered.
pub fn scroll_into_view_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn details_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// Goes to a route from code (a click on an SVG mark, which cannot be a link).
pub fn go(route: &crate::route::Route) {
    let _ = window().location().set_hash(&route.to_hash());
}

/// Presentation properties a chart takes from the stylesheet, written onto an exported copy.
const SVG_STYLE: [&str; 10] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-opacity",
    "stroke-width",
    "stroke-dasharray",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
];

/// A chart as a standalone SVG file: a copy of the drawing with the theme's colours and fonts
/// written onto each element (the page sets them through CSS classes, which a file does not
/// carry), serialized as XML (outerHTML would write HTML entities such as `&nbsp;`, which
/// XML does not know).
pub fn svg_markup(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = document().get_element_by_id(id)?;
    let copy: web_sys::Element = el.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = el.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    let pairs = std::iter::once((Some(el.clone().into()), Some(copy.clone().into())))
        .chain((0..originals.length()).map(|i| (originals.item(i), copies.item(i))));
    for (original, copied) in pairs {
        let (Some(original), Some(copied)) = (original, copied) else {
            continue;
        };
        let (Ok(original), Ok(copied)) = (
            original.dyn_into::<web_sys::Element>(),
            copied.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        let Ok(Some(style)) = window().get_computed_style(&original) else {
            continue;
        };
        for property in SVG_STYLE {
            if let Ok(value) = style.get_property_value(property) {
                if !value.is_empty() {
                    let _ = copied.set_attribute(property, &value);
                }
            }
        }
    }
    web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()
}

/// Scrolls the elements `to` to the same relative position as `from`: columns read side by
/// side move together.
pub fn sync_scroll(from: &str, to: &[String]) {
    let doc = document();
    let Some(src) = doc.get_element_by_id(from) else {
        return;
    };
    let range = f64::from((src.scroll_height() - src.client_height()).max(1));
    let ratio = f64::from(src.scroll_top()) / range;
    for id in to {
        if let Some(el) = doc.get_element_by_id(id) {
            let r = f64::from((el.scroll_height() - el.client_height()).max(0));
            el.set_scroll_top((ratio * r).round() as i32);
        }
    }
}
