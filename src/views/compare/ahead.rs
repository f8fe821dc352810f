//! The comparison drawn ahead (see `components::ahead`), where nobody sees it, once the work it
//! opens on is done ahead (`state/ahead.rs`): its first opening then finds its code compiled.

use std::cell::Cell;

use leptos::prelude::*;
use newsprism_core::compare::Scope;

use super::CompareView;
use crate::components::ahead::{draw_offstage, keep_drawn_ahead};
use crate::route::CompareState;
use crate::state::{scope_limit, use_app_state};

thread_local! {
    /// How many articles the comparison last drawn (ahead or opened) compared.
    static DRAWN_FOR: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Notes that the comparison was drawn (opened) with this many articles.
pub(super) fn drawn(articles: usize) {
    DRAWN_FOR.with(|d| d.set(Some(articles)));
}

/// Keeps the comparison the view opens on drawn ahead while it is not `open`.
pub fn draw_ahead(open: Signal<bool>) {
    let app = use_app_state();
    keep_drawn_ahead(
        open,
        move || app.views_prepared(),
        move || {
            app.corpus()
                .with(|c| c.compare_scope(&Scope::All, true, scope_limit()).ids.len())
        },
        &DRAWN_FOR,
        &[draw],
    );
}

fn draw(owner: &Owner) {
    draw_offstage(
        owner,
        false,
        || view! { <CompareView state=CompareState::default() /> },
        || (),
    );
}
