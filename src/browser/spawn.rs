//! Starting the app's worker script (`ingest_worker`, written by Trunk next to the page) and
//! waiting until it says it listens. The reading workers ([`super::worker`]) and the analysis
//! worker ([`super::analysis`]) are both this script, started for different work.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{select, Either};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::timer::sleep;

/// The worker's script, written by Trunk next to the page (`data-loader-shim`).
const SCRIPT: &str = "./ingest_worker_loader.js";

/// How long the worker may take to load before the page does without it.
const START_MS: i32 = 15_000;

/// A started worker and its listeners, which live as long as it.
pub struct Started {
    /// The worker.
    pub worker: Worker,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

/// Whether this page can start workers at all: Chromium refuses them to pages opened from disk
/// (the single-file build).
pub fn can_start() -> bool {
    let from_disk = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    !from_disk
}

/// Starts the worker script and waits until it posts `"ready"`; then `on_message` hears every
/// message it posts and `on_error` that it failed. `Err` says why there is no worker; `what`
/// names the worker in it ("the reading worker did not start").
pub async fn start(
    what: &str,
    on_message: impl Fn(JsValue) + 'static,
    on_error: impl Fn() + 'static,
) -> Result<Started, String> {
    if !can_start() {
        return Err("a page opened from disk cannot start a worker".into());
    }
    let worker =
        Worker::new(SCRIPT).map_err(|_| "this browser refused to start a worker".to_string())?;
    let (ready_tx, ready_rx) = oneshot::channel::<bool>();
    let ready_tx = Rc::new(RefCell::new(Some(ready_tx)));
    let ready_m = ready_tx.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if data.as_string().as_deref() == Some("ready") {
            if let Some(tx) = ready_m.borrow_mut().take() {
                let _ = tx.send(true);
            }
            return;
        }
        on_message(data);
    });
    let ready_e = ready_tx.clone();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        if let Some(tx) = ready_e.borrow_mut().take() {
            let _ = tx.send(false);
        }
        on_error();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let started = matches!(
        select(ready_rx, Box::pin(sleep(START_MS))).await,
        Either::Left((Ok(true), _))
    );
    if !started {
        worker.terminate();
        return Err(format!("the {what} did not start"));
    }
    Ok(Started {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}
