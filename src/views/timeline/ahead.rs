//! The timeline drawn once ahead, where nobody sees it, when the page is idle: its first
//! opening then finds the chart's width measured (the chart is drawn once its width is known,
//! and measuring it on opening forced a layout of the whole page) and its code compiled (the
//! browser compiles a WebAssembly function the first time it runs: at 2,130 articles, a third
//! of the timeline's first opening). It is drawn again when the timeline changes: which of its
//! code runs depends on how many articles and dates it has.

use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use newsprism_core::time::timeline::Timeline;

use super::{Drawn, LAST_WIDTH};
use crate::browser::layout::{element_box, offstage};
use crate::browser::timer::{quiet_for, sleep, yield_task};
use crate::route::TimelineState;
use crate::state::{use_app_state, Storage};

/// How long the page must have been idle (dates read, no import) and the user must have done
/// nothing (no key, click or wheel) before the timeline is drawn ahead.
const IDLE_MS: i32 = 300;

thread_local! {
    /// The shape of the timeline last drawn (ahead or opened): [`shape`].
    static DRAWN_FOR: std::cell::Cell<Option<(usize, usize)>> = const { std::cell::Cell::new(None) };
}

/// What decides which of the timeline's code runs when it is drawn: its articles and its dates
/// mentioned (a handful are drawn in lanes of their own, thousands summed up in a strip).
fn shape(t: &Timeline) -> (usize, usize) {
    (t.publications.len(), t.groups.len())
}

/// Notes that the timeline was drawn (opened) with this content, so it is not drawn ahead again.
pub(super) fn drawn(t: &Timeline) {
    DRAWN_FOR.with(|d| d.set(Some(shape(t))));
}

/// Draws the timeline ahead (see the module's comment) whenever its content has changed since it
/// was last drawn, once the articles' dates are read, nothing is being imported or restored and
/// the timeline is not open.
pub fn draw_ahead(on_timeline: Signal<bool>) {
    let app = use_app_state();
    let Some(owner) = Owner::current() else {
        return;
    };
    // A signal, so that the effect, which reads it first, runs again once a drawing is done.
    let pending = RwSignal::new(false);
    let idle = move || {
        app.progress().with(Option::is_none)
            && !matches!(app.storage().get(), Storage::Restoring(_))
            && app.dates_ready()
            && !on_timeline.get()
    };
    let due = move || {
        let shape = app.timeline().with_untracked(shape);
        (DRAWN_FOR.with(std::cell::Cell::get) != Some(shape)).then_some(shape)
    };
    Effect::new(move |_| {
        if pending.get() || !idle() {
            return;
        }
        // Tracked: drawn again when the timeline changes.
        app.timeline().track();
        if due().is_none() {
            return;
        }
        pending.set(true);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            // Done when the user has not acted for a while, not in the middle of what they do.
            sleep(IDLE_MS).await;
            while !quiet_for(f64::from(IDLE_MS)) {
                sleep(IDLE_MS).await;
            }
            // Not now (the user went on): the next time the page is idle.
            if untrack(idle) {
                if let Some(shape) = due() {
                    // Laid out in the page, to measure the chart's width, the first time; then,
                    // in a task of its own, with the chart, which is drawn only at a known width.
                    if LAST_WIDTH.with(std::cell::Cell::get).is_none() {
                        draw_once(&owner, true);
                        yield_task().await;
                    }
                    if untrack(idle) {
                        draw_once(&owner, false);
                        DRAWN_FOR.with(|d| d.set(Some(shape)));
                    }
                }
            }
            pending.set(false);
        });
    });
}

/// Draws the timeline as it opens, offstage (laid out in the page or outside it), measures the
/// chart's width when it is laid out, and takes it all down again, in one task: nothing drawn
/// here is ever painted.
fn draw_once(owner: &Owner, laid_out: bool) {
    offstage(laid_out, |host| {
        let child = owner.child();
        let mut view = child.with(|| {
            view! { <Drawn state=TimelineState::default() /> }
                .into_view()
                .build()
        });
        view.mount(host, None);
        if laid_out {
            if let Some((_, w)) = element_box("timeline-chart-box") {
                LAST_WIDTH.with(|last| last.set(Some(w)));
            }
        }
        view.unmount();
        drop(view);
        child.cleanup();
    });
}
