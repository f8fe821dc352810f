//! Debouncing: run something once input has been quiet for a moment.

use std::time::Duration;

use leptos::prelude::*;

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
