//! Time: debouncing, a clock, and yielding to the browser between slices of work.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Returns a function that schedules `f(value)` after `delay`, cancelling any earlier call
/// still waiting, so typing runs one search per pause, not one per key.
pub fn debounced<T: 'static>(delay: Duration, f: impl Fn(T) + Clone + 'static) -> impl Fn(T) {
    let pending: StoredValue<Option<TimeoutHandle>, LocalStorage> = StoredValue::new_local(None);
    move |value: T| {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let f = f.clone();
        let mut value = Some(value);
        let handle = set_timeout_with_handle(
            move || {
                if let Some(v) = value.take() {
                    f(v);
                }
            },
            delay,
        )
        .ok();
        pending.set_value(handle);
    }
}

/// Milliseconds since the page loaded, with sub-millisecond resolution.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Yields to the browser so it can paint and handle input; resolves on the next task.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Yields to the browser (input, painting) and resolves in a task of its own, posted through a
/// message channel: unlike a zero timeout, which browsers hold back at least 4 ms once timeouts
/// nest, it costs no idle time between slices, so slices can be short without making the work
/// slower. Falls back on a zero timeout where there is no message channel.
pub async fn yield_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let posted = web_sys::MessageChannel::new().is_ok_and(|channel| {
            let (port, sender) = (channel.port1(), channel.port2());
            let resolve = resolve.clone();
            // The closure holds the channel, so it lives until the message comes.
            let done = wasm_bindgen::closure::Closure::once_into_js(move || {
                drop(channel);
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
            port.set_onmessage(Some(done.unchecked_ref()));
            sender.post_message(&wasm_bindgen::JsValue::NULL).is_ok()
        });
        if !posted {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Long work cut into slices: `due` once the slice's budget is spent, `pause` to let the browser
/// paint and handle input before the next slice.
pub struct Slices {
    start: f64,
    budget_ms: f64,
    /// Whether pauses are posted tasks (see [`yield_task`]) rather than zero timeouts.
    posted: bool,
}

impl Slices {
    /// Starts the first slice; pauses are zero timeouts, which leave the browser a few idle
    /// milliseconds to paint between long slices (an import's, while the user types).
    pub fn new(budget_ms: f64) -> Self {
        Slices {
            start: now(),
            budget_ms,
            posted: false,
        }
    }

    /// Starts the first slice of work nobody waits for, cut short so that a click or a key
    /// waits little; pauses are posted tasks, so that short slices do not make it slower.
    pub fn background(budget_ms: f64) -> Self {
        Slices {
            posted: true,
            ..Slices::new(budget_ms)
        }
    }

    /// Whether this slice has used its budget.
    pub fn due(&self) -> bool {
        now() - self.start > self.budget_ms
    }

    /// Yields to the browser and starts a new slice.
    pub async fn pause(&mut self) {
        if self.posted {
            yield_task().await;
        } else {
            yield_now().await;
        }
        self.start = now();
    }

    /// Yields if this slice has run for more than `ms` (before a step that takes most of a
    /// slice on its own, so that the two do not add up to one long task).
    pub async fn pause_if_past(&mut self, ms: f64) {
        if now() - self.start > ms {
            self.pause().await;
        }
    }

    /// Yields if this slice has used its budget.
    pub async fn pause_if_due(&mut self) {
        if self.due() {
            self.pause().await;
        }
    }
}

/// Resolves after `ms` milliseconds (at once where there is no window).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

thread_local! {
    /// When the user last pressed a key, clicked, touched, scrolled with the wheel or went to
    /// another page of the app ([`now`]).
    static LAST_INPUT: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Notes the time of the user's every key, click, touch, wheel turn and move to another page of
/// the app, for [`quiet_for`], until the calling view goes away.
pub fn watch_input() {
    let note = || LAST_INPUT.with(|t| t.set(now()));
    let handles = [
        window_event_listener(leptos::ev::keydown, move |_| note()),
        window_event_listener(leptos::ev::pointerdown, move |_| note()),
        window_event_listener(leptos::ev::wheel, move |_| note()),
        // A link followed, Back, or an address typed: the user is acting too.
        window_event_listener(leptos::ev::hashchange, move |_| note()),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
}

/// Whether the user has done nothing (see [`watch_input`]) for `ms` milliseconds: work that can
/// wait, and that takes the page a while, is done then, not while the user is acting.
pub fn quiet_for(ms: f64) -> bool {
    now() - LAST_INPUT.with(std::cell::Cell::get) >= ms
}
