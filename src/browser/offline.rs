//! Offline use: registers the service worker (`sw.js`, generated for each build by
//! scripts/post-build.mjs) that precaches the app shell.
//!
//! Under `file://` (the single-file build) and in insecure contexts there are no service workers;
//! the page then says it is not cached, and everything else works as usual.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Whether the app is cached for offline use.
#[derive(Clone, Debug, PartialEq)]
pub enum Offline {
    /// Registering.
    Pending,
    /// The app shell is cached; the page opens without a network.
    Ready,
    /// No service worker here (a `file://` page, an insecure context, or a refusal).
    Unavailable(String),
}

/// Registers the service worker once and reports whether the app is available offline.
pub fn use_offline() -> ReadSignal<Offline> {
    let (status, set_status) = signal(Offline::Pending);
    let Some(window) = web_sys::window() else {
        set_status.set(Offline::Unavailable("there is no window".into()));
        return status;
    };
    let navigator = window.navigator();
    let has_sw =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    let secure = window.is_secure_context();
    if !has_sw || !secure {
        let why = if window.location().protocol().ok().as_deref() == Some("file:") {
            "opened from a file, which browsers do not cache with a service worker"
        } else {
            "this browser offers no service worker here"
        };
        set_status.set(Offline::Unavailable(why.into()));
        return status;
    }
    let container = navigator.service_worker();
    leptos::task::spawn_local(async move {
        match JsFuture::from(container.register("./sw.js")).await {
            Ok(_) => match container.ready() {
                Ok(ready) => {
                    let _ = JsFuture::from(ready).await;
                    set_status.set(Offline::Ready);
                }
                Err(_) => set_status.set(Offline::Unavailable(
                    "the service worker did not start".into(),
                )),
            },
            Err(e) => set_status.set(Offline::Unavailable(format!(
                "the service worker was refused ({})",
                e.as_string().unwrap_or_else(|| "no reason given".into())
            ))),
        }
    });
    status
}
