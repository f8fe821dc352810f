//! A published index (`newsprism index --out DIR`, served beside the app): its overview, a
//! search of it with snippets and facets as in the library's search, and its articles, each
//! read from the few files it needs. See `state::archive`.

use leptos::prelude::*;
use newsprism_core::search::query::{has_filter, toggle_filter};
use newsprism_core::search::results::{Facet, SearchHit, SearchOptions};
use newsprism_core::search::snippet::highlight;
use newsprism_core::{Article, ArticleId};

use crate::browser::hash::go;
use crate::components::count::grouped;
use crate::components::date_label::DateLabel;
use crate::components::highlighted::Highlighted;
use crate::route::{ArchiveState, Route};
use crate::state::{use_app_state, ArchiveAnswer, ArchiveStatus, ArchiveSummary};

/// Hits shown with snippets at first (a screenful), and more on each "Show more": each hit's
/// article is a file to fetch.
const PAGE: usize = 10;

/// The archive at `state.index`: opened if need be, then its overview, a search or an article.
#[component]
pub fn ArchiveView(
    /// The archive, search and article from the URL.
    state: ArchiveState,
) -> impl IntoView {
    let app = use_app_state();
    let index = state.index.clone();
    Effect::new(move |_| app.open_archive(&index));
    let body = match state.article {
        Some(id) => view! { <ArchiveArticle state=state.clone() id /> }.into_any(),
        None if state.q.trim().is_empty() => view! { <Overview /> }.into_any(),
        None => view! { <ArchiveResults state=state.clone() /> }.into_any(),
    };
    view! {
        <section class="archive" aria-labelledby="archive-heading">
            <div class="view-head">
                <h1 id="archive-heading">"Archive"</h1>
                <p class="summary" data-testid="archive-status" role="status">
                    {move || status_line(&app.archive().get())}
                </p>
            </div>
            <ArchiveSearch state=state.clone() />
            {body}
        </section>
    }
}

fn status_line(status: &ArchiveStatus) -> String {
    match status {
        ArchiveStatus::Closed => String::new(),
        ArchiveStatus::Opening(index) => format!("Opening the archive at “{index}”…"),
        ArchiveStatus::Open(s) => format!(
            "“{}”: {} articles, {} distinct words ({}). A search reads only the files it needs.",
            s.index,
            grouped(s.documents),
            grouped(s.terms),
            s.generator
        ),
        ArchiveStatus::Failed { index, why } => {
            format!("The archive at “{index}” could not be opened: {why}")
        }
    }
}

/// The archive's own search box: the query language of the library's search.
#[component]
fn ArchiveSearch(state: ArchiveState) -> impl IntoView {
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let aliases = RwSignal::new(state.aliases);
    let index = state.index.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        go(&Route::Archive(ArchiveState {
            index: index.clone(),
            q,
            aliases: aliases.get_untracked(),
            article: None,
        }));
    };
    view! {
        <form class="archive-search" role="search" on:submit=submit>
            <label for="archive-q">"Search the archive"</label>
            <input
                node_ref=input
                id="archive-q"
                type="search"
                autocomplete="off"
                value=state.q.clone()
                placeholder="words, \"a phrase\", NOT, OR, prefix*, fuzzy~1, source:, date:"
            />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || aliases.get()
                    on:change=move |ev| aliases.set(event_target_checked(&ev))
                />
                " other spellings too"
            </label>
            <button type="submit">"Search"</button>
        </form>
    }
}

/// What the whole archive holds: articles per source and per month.
#[component]
fn Overview() -> impl IntoView {
    let app = use_app_state();
    move || match app.archive().get() {
        ArchiveStatus::Open(s) => view! { <Counts summary=s /> }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn Counts(summary: ArchiveSummary) -> impl IntoView {
    let list = |facets: &[Facet], testid: &'static str| {
        let items = facets
            .iter()
            .map(|f| {
                view! {
                    <li>
                        <span class="facet-label">{f.label.clone()}</span>
                        <span class="count">{grouped(f.count)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul data-testid=testid>{items}</ul> }
    };
    view! {
        <div class="archive-overview">
            <div class="facet">
                <h2>"Articles per source"</h2>
                {list(&summary.sources, "archive-sources")}
            </div>
            <div class="facet">
                <h2>"Articles per month"</h2>
                {list(&summary.months, "archive-months")}
            </div>
        </div>
    }
}

/// A search of the archive: fetched, then drawn as the library's search draws its results.
#[component]
fn ArchiveResults(state: ArchiveState) -> impl IntoView {
    let app = use_app_state();
    let (index, q, aliases) = (state.index.clone(), state.q.clone(), state.aliases);
    let shown = RwSignal::new(PAGE);
    let answer = LocalResource::new(move || {
        let (index, q, limit) = (index.clone(), q.clone(), shown.get());
        async move {
            let options = SearchOptions {
                aliases,
                limit,
                ..SearchOptions::default()
            };
            app.archive_search(&index, &q, options).await
        }
    });
    // The answer drawn stays while more hits are fetched.
    let kept = StoredValue::new_local(None);
    move || {
        let now = answer.get();
        if now.is_some() {
            kept.set_value(now.clone());
        }
        match now.or_else(|| kept.get_value()) {
            None => view! {
                <p class="muted" data-testid="archive-searching">
                    "Searching…"
                </p>
            }
            .into_any(),
            Some(Err(why)) => view! {
                <p class="error" role="alert">
                    {format!("The search failed: {why}")}
                </p>
            }
            .into_any(),
            Some(Ok(a)) => view! { <Answer state=state.clone() answer=a shown /> }.into_any(),
        }
    }
}

/// The archive's page for a query (and an article, if any).
fn link(state: &ArchiveState, q: String, article: Option<ArticleId>) -> String {
    Route::Archive(ArchiveState {
        q,
        article,
        ..state.clone()
    })
    .to_hash()
}

#[component]
fn Answer(state: ArchiveState, answer: ArchiveAnswer, shown: RwSignal<usize>) -> impl IntoView {
    let r = answer.results;
    let summary = match r.total {
        0 => "No article matches.".to_string(),
        1 => "1 article matches.".to_string(),
        n => format!("{} articles match.", grouped(n)),
    };
    let cost = if answer.files == 0 {
        "Every file it needed was at hand.".to_string()
    } else {
        format!(
            "Read {} files ({:.1} KB).",
            answer.files,
            answer.bytes as f64 / 1e3
        )
    };
    let also = r
        .expansions
        .iter()
        .map(|e| view! { <li>{format!("for “{}”, also searched: {}", e.word, e.also.join(", "))}</li> })
        .collect_view();
    let suggestions = r
        .suggestions
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=link(&state, s.query.clone(), None)>{s.label.clone()}</a>
                </li>
            }
        })
        .collect_view();
    let more = (r.total > r.hits.len()).then(|| {
        view! {
            <p class="more">
                <span class="muted">{format!("The best {} of {}. ", r.hits.len(), grouped(r.total))}</span>
                <button type="button" data-testid="archive-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {format!("Show {} more", PAGE.min(r.total - r.hits.len()))}
                </button>
            </p>
        }
    });
    let facets = (r.total > 0).then(|| {
        view! {
            <aside class="facets" aria-label="Filter the results">
                {facet(&state, "Sources", &r.by_source, "archive-facet-sources")}
                {facet(&state, "Months", &r.by_month, "archive-facet-months")}
            </aside>
        }
    });
    view! {
        <p class="summary" data-testid="archive-summary">
            {summary}
            " "
            <span class="muted">{cost}</span>
        </p>
        <ul class="warnings">{r.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
        <ul class="expansions muted">{also}</ul>
        {(!r.suggestions.is_empty())
            .then(|| {
                view! {
                    <p class="muted">"Try:"</p>
                    <ul data-testid="archive-suggestions">{suggestions}</ul>
                }
            })}
        <div class="search-body">
            {facets} <div class="search-main">
                <ol class="hits">{hits(&state, &r.hits)}</ol>
                {more}
            </div>
        </div>
    }
}

/// One facet: each value a link that adds (or removes) its filter.
fn facet(
    state: &ArchiveState,
    title: &'static str,
    facets: &[Facet],
    testid: &'static str,
) -> impl IntoView {
    let items = facets
        .iter()
        .map(|f| {
            let active = has_filter(&state.q, &f.filter);
            let href = link(state, toggle_filter(&state.q, &f.filter).0, None);
            view! {
                <li>
                    <a href=href class:active=active>
                        <span class="facet-label">{f.label.clone()}</span>
                        <span class="count">{f.count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="facet">
            <h2>{title}</h2>
            <ul data-testid=testid>{items}</ul>
        </div>
    }
}

/// The hits, each with its title (a link to the article), date, source and snippet.
fn hits(state: &ArchiveState, hits: &[SearchHit]) -> impl IntoView {
    hits.iter()
        .map(|hit| {
            let snippet = hit.snippet.clone().map(|s| {
                view! {
                    <p class="snippet">
                        <Highlighted spans=s.spans />
                    </p>
                }
            });
            view! {
                <li class="hit" data-testid="archive-hit">
                    <a
                        class="hit-title"
                        class:derived=hit.title_derived
                        href=link(state, state.q.clone(), Some(hit.id))
                    >
                        <Highlighted spans=hit.title.clone() />
                    </a>
                    <p class="hit-meta">
                        <DateLabel date=hit.date.clone() />
                        " · "
                        <span>{hit.source.clone()}</span>
                    </p>
                    {snippet}
                </li>
            }
        })
        .collect_view()
}

/// An article of the archive, its text fetched, with the search's words marked.
#[component]
fn ArchiveArticle(state: ArchiveState, id: ArticleId) -> impl IntoView {
    let app = use_app_state();
    let index = state.index.clone();
    let article = LocalResource::new(move || {
        let index = index.clone();
        async move { app.archive_article(&index, id).await }
    });
    let back = Route::Archive(ArchiveState {
        article: None,
        ..state.clone()
    })
    .to_hash();
    let q = state.q.clone();
    let aliases = state.aliases;
    let index = state.index.clone();
    view! {
        <p>
            <a href=back>"← Back to the results"</a>
        </p>
        {move || match article.get() {
            None => view! { <p class="muted">"Fetching the article…"</p> }.into_any(),
            Some(Err(why)) => {
                view! {
                    <p class="error" role="alert">
                        {format!("The article could not be read: {why}")}
                    </p>
                }
                    .into_any()
            }
            Some(Ok(a)) => view! { <Text article=a q=q.clone() aliases index=index.clone() /> }.into_any(),
        }}
    }
}

#[component]
fn Text(article: Article, q: String, aliases: bool, index: String) -> impl IntoView {
    let app = use_app_state();
    // The query's words as the search matched them (its files are at hand by now).
    let matches = LocalResource::new(move || {
        let (index, q) = (index.clone(), q.clone());
        async move {
            let options = SearchOptions {
                aliases,
                limit: 0,
                ..SearchOptions::default()
            };
            app.archive_search(&index, &q, options)
                .await
                .ok()
                .map(|a| a.results.matches)
        }
    });
    let a = article;
    let title = a.title.clone();
    let paragraphs = a.paragraphs.clone();
    view! {
        <article class="reader" data-testid="archive-article">
            <header class="reader-head">
                <h1>{title.clone()}</h1>
                <p class="meta">
                    <DateLabel date=a.pub_date.clone() />
                    " · "
                    {a.source_label().to_string()}
                    " · "
                    <span class="muted">{a.file_name.clone()}</span>
                </p>
            </header>
            <div class="text">
                {move || {
                    let m = matches.get().flatten().unwrap_or_default();
                    paragraphs
                        .iter()
                        .map(|p| {
                            view! {
                                <p>
                                    <Highlighted spans=highlight(&p.text, &m) />
                                </p>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </article>
    }
}
