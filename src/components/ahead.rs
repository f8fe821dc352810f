//! Views drawn ahead, where nobody sees them, while the page is idle, so that their first
//! opening costs what later ones do: the browser compiles a WebAssembly function the first time
//! it runs, which took a third of the timeline's and the comparison's first opening at 2,130
//! articles. A view is drawn again when what it shows has changed shape (which of its code runs
//! depends on how much it shows).

use std::cell::Cell;
use std::thread::LocalKey;

use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

use crate::browser::layout::offstage;
use crate::browser::timer::{quiet_for, sleep, yield_task};
use crate::state::{use_app_state, Storage};

/// How long the page must have been idle and the user must have done nothing (no key, click,
/// wheel or move to another page) before a view is drawn ahead. A drawing ahead is a task as
/// long as the view's opening (about 60 ms at 2,130 articles, 100 ms at 22,255): after 300 ms
/// of quiet it was often still running when the next action came.
const IDLE_MS: i32 = 1000;

/// Draws a view ahead whenever the shape of what it shows (`shape`, read reactively) differs
/// from the one it was last drawn with (`drawn`, which the view also notes when it is opened),
/// once the page is idle (nothing imported or restored, the view not `open`, and what it shows
/// worked out, as `ready` says: the drawing must find it done, not do it) and the user has not
/// acted for `IDLE_MS`. A drawing is `steps`, each in a task of its own, each drawing with
/// [`draw_offstage`].
pub fn keep_drawn_ahead<K: Copy + PartialEq + 'static>(
    open: Signal<bool>,
    ready: impl Fn() -> bool + Copy + 'static,
    shape: impl Fn() -> K + Copy + 'static,
    drawn: &'static LocalKey<Cell<Option<K>>>,
    steps: &'static [fn(&Owner)],
) {
    let app = use_app_state();
    let Some(owner) = Owner::current() else {
        return;
    };
    // A signal, so that the effect, which reads it first, runs again once a drawing is done.
    let pending = RwSignal::new(false);
    let idle = move || {
        app.progress().with(Option::is_none)
            && !matches!(app.storage().get(), Storage::Restoring(_))
            && !open.get()
            && ready()
    };
    let due = move || {
        let now = shape();
        (drawn.with(Cell::get) != Some(now)).then_some(now)
    };
    Effect::new(move |_| {
        if pending.get() || !idle() || due().is_none() {
            return;
        }
        pending.set(true);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            sleep(IDLE_MS).await;
            while !quiet_for(f64::from(IDLE_MS)) {
                sleep(IDLE_MS).await;
            }
            // Not now (the user went on): the next time the page is idle.
            if let Some(now) = untrack(due).filter(|_| untrack(idle)) {
                let mut done = 0;
                for step in steps {
                    if done > 0 {
                        yield_task().await;
                        if !untrack(idle) {
                            break;
                        }
                    }
                    step(&owner);
                    done += 1;
                }
                if done == steps.len() {
                    drawn.with(|d| d.set(Some(now)));
                }
            }
            pending.set(false);
        });
    });
}

/// Draws `view` offstage (see [`offstage`]: laid out in the page or not at all), calls `then`
/// with it there, and takes it all down, in one task: nothing drawn here is ever painted.
pub fn draw_offstage<V: IntoView + 'static>(
    owner: &Owner,
    laid_out: bool,
    view: impl FnOnce() -> V,
    then: impl FnOnce(),
) {
    offstage(laid_out, |host| {
        let child = owner.child();
        let mut drawn = child.with(|| view().into_view().build());
        drawn.mount(host, None);
        then();
        drawn.unmount();
        drop(drawn);
        child.cleanup();
    });
}
