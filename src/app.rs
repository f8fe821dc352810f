//! The shell: header with search, navigation, load errors and the routed view.

use leptos::prelude::*;

use crate::browser::files::use_file_drop;
use crate::browser::hash::{
    focus_id, remove_loading_screen, scroll_to_top, set_document_title, use_router, Router,
};
use crate::browser::offline::{use_offline, Offline};
use crate::browser::timer::watch_input;
use crate::components::add_articles::{BatchNotice, IngestProgress, StorageNotice};
use crate::components::search_box::SearchBox;
use crate::route::Route;
use crate::state::{use_app_state, AppState};
use crate::views::aliases::AliasesView;
use crate::views::archive::ArchiveView;
use crate::views::compare::{self, CompareView};
use crate::views::events::EventsView;
use crate::views::help::HelpView;
use crate::views::library::LibraryView;
use crate::views::not_found::NotFoundView;
use crate::views::reader::ReaderView;
use crate::views::search::SearchView;
use crate::views::timeline::{self, TimelineView};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::with_seeds());
    let state = use_app_state();
    // Before any other work: bring back what the user added on an earlier visit.
    state.restore();
    // Each article's dates are read as articles arrive, so the timeline opens at once.
    state.keep_dates_read();
    // And what the comparison and the library's other orders need, so that they open at once.
    state.keep_views_ready();
    let offline = use_offline();
    let router = use_router();
    let route = router.route;
    // And the timeline and the comparison are drawn where nobody sees them, so that their first
    // opening is quick, when the user has not acted for a while.
    watch_input();
    timeline::draw_ahead(Signal::derive(move || {
        matches!(route.get(), Route::Timeline(_))
    }));
    compare::draw_ahead(Signal::derive(move || {
        matches!(route.get(), Route::Compare(_))
    }));
    let dragging = use_file_drop(move |files| {
        // The page stays where it is: the progress and a line about the batch show on every
        // page, the full report in the library.
        state.ingest(files);
    });

    // The app has drawn: the static loading screen goes.
    Effect::new(move |_| remove_loading_screen());
    // Leave the reactive world only to set the tab title and scroll a new page to the top.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        let article_title = match &current {
            Route::Article { id, .. } => {
                state.corpus().with(|c| c.get(*id).map(|a| a.title.clone()))
            }
            _ => None,
        };
        set_document_title(&current.title(article_title.as_deref()));
        let same_page = matches!(
            (&previous, &current),
            (Some(Route::Search(_)), Route::Search(_))
        );
        let scrolls_itself =
            matches!(&current, Route::Article { focus, .. } if focus.paragraph.is_some());
        if !same_page && !scrolls_itself {
            scroll_to_top();
        }
        current
    });
    view! {
        <a
            class="skip"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus_id("main");
            }
        >
            "Skip to content"
        </a>
        <Header router offline />
        <div class="drop-overlay" class:visible=dragging aria-hidden="true">
            <p>"Drop to add these articles. They stay on this device."</p>
        </div>
        <LoadErrors />
        <StorageNotice />
        <IngestProgress />
        <BatchNotice hidden=Signal::derive(move || matches!(route.get(), Route::Library { .. })) />
        <main id="main" tabindex="-1">
            <RoutedView route />
        </main>
    }
}

/// The header: the name, the views, the search box, and what happens to the user's files.
#[component]
fn Header(router: Router, offline: ReadSignal<Offline>) -> impl IntoView {
    let route = router.route;
    let on_library = move || matches!(route.get(), Route::Library { .. });
    let on_search = move || matches!(route.get(), Route::Search(_));
    let on_timeline = move || matches!(route.get(), Route::Timeline(_));
    let on_compare = move || matches!(route.get(), Route::Compare(_));
    view! {
        <header class="shell">
            <a class="brand" href="#/">
                "Newsprism"
            </a>
            <nav class="views" aria-label="Views">
                <a href="#/" class:active=on_library aria-current=move || on_library().then_some("page")>
                    "Library"
                </a>
                <a href="#/search?q=" class:active=on_search aria-current=move || on_search().then_some("page")>
                    "Search"
                </a>
                <a href="#/timeline" class:active=on_timeline aria-current=move || on_timeline().then_some("page")>
                    "Timeline"
                </a>
                <a href="#/compare" class:active=on_compare aria-current=move || on_compare().then_some("page")>
                    "Compare"
                </a>
            </nav>
            <SearchBox router />
            <p class="purpose" data-testid="purpose">
                "Compare how outlets cover one story: where they agree, differ, and what only one says. "
                <a href="#/help" data-testid="help-link">
                    "Help"
                </a>
            </p>
            <p class="privacy">
                "Runs in your browser. Your files never leave this device."
                <span
                    class="offline"
                    data-testid="offline-status"
                    title=move || match offline.get() {
                        Offline::Unavailable(why) => why,
                        _ => String::new(),
                    }
                >
                    {move || match offline.get() {
                        Offline::Pending => "",
                        Offline::Ready => " Works offline.",
                        Offline::Unavailable(_) => " Not cached for offline use.",
                    }}
                </span>
            </p>
        </header>
    }
}

/// The view the route names.
#[component]
fn RoutedView(route: ReadSignal<Route>) -> impl IntoView {
    move || match route.get() {
        Route::Library { sort, filter } => view! { <LibraryView sort filter /> }.into_any(),
        Route::Article { id, focus } => view! { <ReaderView id focus /> }.into_any(),
        Route::Search(state) => view! { <SearchView state /> }.into_any(),
        Route::Archive(state) => view! { <ArchiveView state /> }.into_any(),
        Route::Aliases => view! { <AliasesView /> }.into_any(),
        Route::Events => view! { <EventsView /> }.into_any(),
        Route::Help => view! { <HelpView /> }.into_any(),
        Route::Timeline(state) => view! { <TimelineView state /> }.into_any(),
        Route::Compare(state) => view! { <CompareView state /> }.into_any(),
        Route::NotFound(hash) => {
            view! { <NotFoundView what=format!("Nothing lives at “{hash}”.") /> }.into_any()
        }
    }
}

/// Files that could not be read, each with its reason.
#[component]
fn LoadErrors() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.load_errors().with(|errors| {
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
