//! The timeline drawn ahead (see `components::ahead`), where nobody sees it: its first opening
//! then finds its code compiled and the chart's width measured (the chart is drawn once its width
//! is known, and measuring it on opening forced a layout of the whole page).

use std::cell::Cell;

use leptos::prelude::*;
use newsprism_core::time::timeline::Timeline;

use super::{Drawn, LAST_WIDTH};
use crate::browser::layout::element_box;
use crate::components::ahead::{draw_offstage, keep_drawn_ahead};
use crate::route::TimelineState;
use crate::state::use_app_state;

thread_local! {
    /// The shape of the timeline last drawn (ahead or opened): [`shape`].
    static DRAWN_FOR: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
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

/// Keeps the timeline drawn ahead while it is not `open`, once the articles' dates are read.
pub fn draw_ahead(open: Signal<bool>) {
    let app = use_app_state();
    keep_drawn_ahead(
        open,
        move || app.dates_ready(),
        move || app.timeline().with(shape),
        &DRAWN_FOR,
        &[measure, draw],
    );
}

/// The first time: laid out in the page, to measure the chart's width (the chart itself is drawn
/// only once its width is known).
fn measure(owner: &Owner) {
    if LAST_WIDTH.with(Cell::get).is_some() {
        return;
    }
    draw_offstage(owner, true, timeline, || {
        if let Some((_, w)) = element_box("timeline-chart-box") {
            LAST_WIDTH.with(|last| last.set(Some(w)));
        }
    });
}

/// With the chart, outside the document (nothing to lay out).
fn draw(owner: &Owner) {
    draw_offstage(owner, false, timeline, || ());
}

fn timeline() -> impl IntoView {
    view! { <Drawn state=TimelineState::default() /> }
}
