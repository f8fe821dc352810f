//! The compare view: story groups, side-by-side reading, quotes, the number ledger, names and
//! distinctive words. It asks the corpus for one [`Comparison`] and an alignment and renders
//! them; every judgement about the text is made in `newsprism_core::compare`.
//!
//! One file per tab (`groups.rs`, `read.rs`, `quotes.rs`, `numbers.rs`, `entities.rs`,
//! `words.rs`) and one for the choice of articles (`scope.rs`).

mod ahead;
mod entities;
mod groups;
mod numbers;
mod quotes;
mod read;
mod remote;
mod scope;
mod words;

use leptos::prelude::*;
use newsprism_core::compare::{Comparison, ExportPart, Parts};
use newsprism_core::search::snippet::{mark_range, Span};
use newsprism_core::ArticleId;

use crate::browser::files::download;
use crate::route::{CompareState, CompareTab, Route};
use crate::state::{runs_remotely, scope_limit, use_app_state};
use entities::EntitiesTab;
use groups::GroupsTab;
use newsprism_core::export::ExportFormat;
use numbers::NumbersTab;
use quotes::QuotesTab;
use read::ReadTab;
use remote::{RemoteComparison, RemoteStatus};
use scope::ScopeBar;
use words::WordsTab;

pub use crate::state::MAX_SCOPE;
pub use ahead::draw_ahead;

fn route_with(state: &CompareState, f: impl FnOnce(&mut CompareState)) -> Route {
    let mut s = state.clone();
    f(&mut s);
    Route::Compare(s)
}

fn short(t: &str) -> String {
    newsprism_core::compare::short_title(t)
}

/// The sentence with the phrase marked.
fn sentence_spans(sentence: &str, phrase: &str) -> Vec<Span> {
    match sentence.find(phrase) {
        Some(at) if !phrase.is_empty() => mark_range(sentence, at..at + phrase.len()),
        _ => vec![Span {
            text: sentence.to_string(),
            hit: false,
        }],
    }
}

/// The reader at this passage (or at the article's top, for a headline).
fn reader_link(id: ArticleId, paragraph: Option<usize>, range: &std::ops::Range<usize>) -> String {
    match paragraph {
        Some(p) => Route::passage(id, p, range.start, range.end - range.start).to_hash(),
        None => Route::article(id).to_hash(),
    }
}

/// A CSV and a JSON button for one of the comparison's exports.
#[component]
fn ExportButtons(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
    /// What is exported: the file is `newsprism-<key>.csv|json`, the test ids `export-<key>-…`.
    part: ExportPart,
    /// The buttons' label ("Quotes" → "Quotes CSV").
    label: &'static str,
) -> impl IntoView {
    let what = part.key();
    let save = move |format: ExportFormat| {
        let name = format!("newsprism-{what}.{}", format.extension());
        let text =
            comparison.with_untracked(|c| titles.with_untracked(|t| c.export(part, format, t)));
        message.set(Some(
            match text.map(|text| download(&name, &text, format)) {
                Some(Ok(())) => format!("Exported {name}."),
                Some(Err(e)) => format!("Could not export {name}: {e}."),
                None => format!("{name} is not a table format."),
            },
        ));
    };
    view! {
        <button type="button" data-testid=format!("export-{what}-csv") on:click=move |_| save(ExportFormat::Csv)>
            {format!("{label} CSV")}
        </button>
        " "
        <button type="button" data-testid=format!("export-{what}-json") on:click=move |_| save(ExportFormat::Json)>
            {format!("{label} JSON")}
        </button>
    }
}

/// A labelled check box that flips a signal.
#[component]
fn CheckToggle(on: RwSignal<bool>, testid: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <label>
            <input
                type="checkbox"
                prop:checked=move || on.get()
                on:change=move |_| on.update(|v| *v = !*v)
                data-testid=testid
            />
            {label}
        </label>
    }
}

/// What a tab shows is all that is worked out for it (similarity and story groups always).
fn parts_for(tab: CompareTab) -> Parts {
    match tab {
        CompareTab::Groups | CompareTab::Read => Parts::SIMILARITY,
        CompareTab::Quotes | CompareTab::Entities => Parts {
            quotes: true,
            ..Parts::SIMILARITY
        },
        CompareTab::Numbers => Parts {
            numbers: true,
            ..Parts::SIMILARITY
        },
        CompareTab::Words => Parts {
            words: true,
            ..Parts::SIMILARITY
        },
    }
}

/// The compare view.
#[component]
pub fn CompareView(
    /// Tab, selection and filters, from the URL.
    state: CompareState,
) -> impl IntoView {
    let app = use_app_state();
    // The articles compared: the scope the URL names, all of them where the analysis worker
    // can run, otherwise at most MAX_SCOPE.
    let scope = state.scope();
    let scoped = Memo::new(move |_| {
        app.corpus()
            .with(|c| c.compare_scope(&scope, true, scope_limit()))
    });
    scoped.with_untracked(|s| ahead::drawn(s.ids.len()));
    let parts = parts_for(state.tab);
    let remote = Memo::new(move |_| scoped.with(|s| runs_remotely(s.ids.len())));
    let worker = RemoteComparison::for_view(scoped, parts, &state);
    let comparison = Memo::new(move |_| {
        if remote.get() {
            worker.take()
        } else {
            let ids = scoped.with(|s| s.ids.clone());
            app.compare(&ids, parts)
        }
    });
    let titles = Memo::new(move |_| {
        let ids = comparison.with(|c| c.articles.clone());
        app.corpus().with(|c| c.titles(&ids))
    });
    let message = RwSignal::new(None::<String>);
    let tab = state.tab;
    let tabs = CompareTab::ALL
        .into_iter()
        .map(|t| {
            let href = route_with(&state, |s| s.tab = t).to_hash();
            view! {
                <a
                    href=href
                    class:active=t == tab
                    aria-current=(t == tab).then_some("page")
                    data-testid=format!("tab-{}", t.key())
                >
                    {t.label()}
                </a>
            }
        })
        .collect_view();
    let body = match tab {
        CompareTab::Groups => {
            view! { <GroupsTab state=state.clone() comparison titles message /> }.into_any()
        }
        CompareTab::Read => view! { <ReadTab state=state.clone() comparison titles /> }.into_any(),
        CompareTab::Quotes => {
            view! { <QuotesTab state=state.clone() comparison titles message /> }.into_any()
        }
        CompareTab::Numbers => view! { <NumbersTab comparison titles message /> }.into_any(),
        CompareTab::Entities => view! { <EntitiesTab comparison titles message /> }.into_any(),
        CompareTab::Words => view! { <WordsTab comparison titles /> }.into_any(),
    };
    let has_articles = move || {
        scoped.with(|s| !s.ids.is_empty())
            && (!remote.get() || comparison.with(|c| !c.articles.is_empty()))
    };
    view! {
        <section class="compare">
            <h1>"Compare sources"</h1>
            <ScopeBar state=state.clone() scoped comparison />
            <nav class="tabs" aria-label="Compare views">
                {tabs}
            </nav>
            <p class="muted" role="status" data-testid="compare-message">
                {move || message.get()}
            </p>
            <RemoteStatus worker />
            <div class:hidden=move || !has_articles()>{body}</div>
        </section>
    }
}
