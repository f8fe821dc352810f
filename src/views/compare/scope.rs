//! What is compared: all articles, those a search finds, or those picked; said in words.

use leptos::prelude::*;
use newsprism_core::compare::{Comparison, Scope, Scoped};
use newsprism_core::corpus::{LibraryFilter, LibrarySort};
use newsprism_core::{Article, ArticleId};

use super::{route_with, MAX_SCOPE};
use crate::browser::hash::{details_open, go};
use crate::route::CompareState;
use crate::state::use_app_state;

/// How many articles the picker lists at once; a filter narrows longer libraries.
const PICKER_ROWS: usize = 150;

/// What is compared, said in words: how many articles, chosen how, and what was left out.
fn describe_scope(scope: &Scope, scoped: &Scoped, voices: usize) -> String {
    let n = scoped.ids.len();
    let voices = if voices == 1 {
        "1 voice".to_string()
    } else if voices == 0 {
        "voices still being counted".to_string()
    } else {
        format!("{voices} voices")
    };
    let mut out = match scope {
        Scope::All if scoped.eligible > n => format!(
            "Comparing the {n} newest of {} articles ({voices}): more cannot be compared at once. Narrow the comparison to a search, a story group or articles you pick.",
            scoped.eligible
        ),
        Scope::All => format!("Comparing all {n} articles, from {voices}."),
        Scope::Matching(q) if scoped.eligible == 0 => format!("No article matches “{q}”."),
        Scope::Matching(q) if scoped.eligible > n => format!(
            "Comparing the {n} best matches of the {} articles matching “{q}” ({voices}).",
            scoped.eligible
        ),
        Scope::Matching(q) => format!("Comparing the {n} articles matching “{q}” ({voices})."),
        Scope::Picked(_) if scoped.eligible > n => format!(
            "Comparing the first {n} of {} picked articles ({voices}).",
            scoped.eligible
        ),
        Scope::Picked(_) if n == 0 => "None of the picked articles is loaded any more.".to_string(),
        Scope::Picked(_) => format!("Comparing {n} picked articles ({voices})."),
    };
    if scoped.missing > 0 {
        out.push_str(&format!(
            " {} picked {} no longer loaded.",
            scoped.missing,
            if scoped.missing == 1 {
                "article is"
            } else {
                "articles are"
            }
        ));
    }
    out
}

/// The choice of articles to compare: all, those a search finds, or those picked.
#[component]
pub(super) fn ScopeBar(
    state: CompareState,
    scoped: Memo<Scoped>,
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let scope = state.scope();
    let is_all = scope == Scope::All;
    let is_query = matches!(scope, Scope::Matching(_));
    let all_href = route_with(&state, |s| {
        s.within.clear();
        s.picked.clear();
    })
    .to_hash();
    let query = RwSignal::new(state.within.clone());
    let st = state.clone();
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked();
        go(&route_with(&st, |s| {
            s.within = q.trim().to_string();
            s.picked.clear();
            s.ids.clear();
        }));
    };
    let scope_text = {
        let scope = scope.clone();
        move || {
            let voices = comparison.with(|c| c.parties.len());
            scoped.with(|s| describe_scope(&scope, s, voices))
        }
    };
    view! {
        <div class="scope" data-testid="compare-scope">
            <div class="controls">
                <span>"Compare"</span>
                <a
                    href=all_href
                    class="toggle"
                    class:active=is_all
                    aria-current=is_all.then_some("true")
                    data-testid="scope-all"
                >
                    "all articles"
                </a>
                <form class="scope-search" on:submit=on_search role="search" class:active=is_query>
                    <label>
                        "those matching "
                        <input
                            type="search"
                            bind:value=query
                            placeholder="a search, e.g. Peskov OR Kremlin"
                            data-testid="scope-query"
                            aria-label="Compare the articles this search finds"
                        />
                    </label>
                    <button type="submit" data-testid="scope-search">
                        "Compare matches"
                    </button>
                </form>
            </div>
            <ScopePicker state scoped />
            <p class="muted" data-testid="scope-summary">
                {scope_text}
            </p>
            <p class="muted" data-testid="voice-note">
                "A voice is an outlet with all its articles here, or an article on its own when it names no outlet (named by its first words and its date). Set sources in the library to compare outlets."
            </p>
        </div>
    }
}

/// Articles picked one by one, from a filtered list, starting from what is compared now (so
/// "pick" means "adjust this set").
#[component]
fn ScopePicker(state: CompareState, scoped: Memo<Scoped>) -> impl IntoView {
    let app = use_app_state();
    let is_picked = matches!(state.scope(), Scope::Picked(_));
    let picked = RwSignal::new(scoped.with_untracked(|s| s.ids.clone()));
    let filter = RwSignal::new(String::new());
    // The list is drawn only while the picker is open: closed, it costs nothing.
    let open = RwSignal::new(is_picked);
    let rows = move || {
        let f = filter.get();
        let on = picked.get();
        app.corpus().with(|c| {
            let matching = c.library_matching(LibrarySort::DateNewest, &LibraryFilter::words(&f));
            let more = matching.len().saturating_sub(PICKER_ROWS);
            let items = matching
                .into_iter()
                .take(PICKER_ROWS)
                .map(|a| pick_row(a, &on, picked))
                .collect_view();
            let more = (more > 0).then(|| view! { <p class="muted">{format!("{more} more: type to narrow the list.")}</p> });
            view! {
                <div class="pick-list">{items}</div>
                {more}
            }
        })
    };
    let compare_picked = move |_| {
        let ids = picked.get_untracked();
        go(&route_with(&state, |s| {
            s.picked = ids;
            s.within.clear();
            s.ids.clear();
        }));
    };
    view! {
        <details class="scope-picker" open=is_picked on:toggle=move |ev| open.set(details_open(&ev))>
            <summary>{move || format!("Pick articles ({} ticked)", picked.with(Vec::len))}</summary>
            <p class="controls">
                <input
                    type="search"
                    bind:value=filter
                    placeholder="Filter by title, source or file"
                    aria-label="Filter the articles to pick"
                    data-testid="scope-filter"
                />
                <button type="button" on:click=move |_| picked.set(Vec::new())>
                    "Clear"
                </button>
                <button
                    type="button"
                    data-testid="scope-compare-picked"
                    disabled=move || picked.with(Vec::is_empty)
                    on:click=compare_picked
                >
                    {move || format!("Compare the {} picked", picked.with(Vec::len))}
                </button>
                <span class="muted">{format!("at most {MAX_SCOPE}")}</span>
            </p>
            {move || open.get().then(rows)}
        </details>
    }
}

/// One article to tick, unless the comparison is full.
fn pick_row(a: &Article, on: &[ArticleId], picked: RwSignal<Vec<ArticleId>>) -> impl IntoView {
    let id = a.id;
    let checked = on.contains(&id);
    let full = !checked && on.len() >= MAX_SCOPE;
    let when = a
        .pub_date
        .as_ref()
        .map(|d| d.date.to_string())
        .unwrap_or_else(|| "undated".into());
    let toggle = move |_| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                p.remove(i);
            } else if p.len() < MAX_SCOPE {
                p.push(id);
            }
        })
    };
    view! {
        <label class="pick">
            <input type="checkbox" prop:checked=checked disabled=full data-testid="scope-pick" on:change=toggle />
            {format!(" {} ", a.title)}
            <span class="muted">{format!("{} · {}", a.source_label(), when)}</span>
        </label>
    }
}
