//! The shell: header, navigation, load errors and the routed view.

use leptos::prelude::*;

use crate::browser::hash::{scroll_to_top, set_document_title, use_hash_route};
use crate::route::Route;
use crate::state::{use_app_state, AppState};
use crate::views::library::LibraryView;
use crate::views::not_found::NotFoundView;
use crate::views::reader::ReaderView;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::with_seeds());
    let state = use_app_state();
    let route = use_hash_route();

    Effect::new(move |_| {
        let title = match route.get() {
            Route::Article { id } => state
                .corpus
                .with(|c| c.get(id).map(|a| format!("{} · Newsprism", a.title)))
                .unwrap_or_else(|| "Not found · Newsprism".into()),
            Route::Library { .. } => "Library · Newsprism".into(),
            Route::NotFound(_) => "Not found · Newsprism".into(),
        };
        set_document_title(&title);
        scroll_to_top();
    });

    let on_library = move || matches!(route.get(), Route::Library { .. });
    view! {
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            crate::browser::hash::focus_main();
        }>"Skip to content"</a>
        <header class="shell">
            <a class="brand" href="#/">"Newsprism"</a>
            <nav class="views" aria-label="Views">
                <a href="#/" class:active=on_library aria-current=move || on_library().then_some("page")>
                    "Library"
                </a>
            </nav>
            <p class="privacy">"Runs in your browser. Your files never leave this device."</p>
        </header>
        <LoadErrors />
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Library { sort } => view! { <LibraryView sort /> }.into_any(),
                Route::Article { id } => view! { <ReaderView id /> }.into_any(),
                Route::NotFound(hash) => {
                    view! { <NotFoundView what=format!("Nothing lives at “{hash}”.") /> }.into_any()
                }
            }}
        </main>
    }
}

/// Files that could not be read, each with its reason.
#[component]
fn LoadErrors() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.load_errors.with(|errors| {
            (!errors.is_empty()).then(|| {
                view! {
                    <section class="load-errors" role="alert">
                        <h2>"Some files could not be read"</h2>
                        <ul>{errors.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                    </section>
                }
            })
        })
    }
}
