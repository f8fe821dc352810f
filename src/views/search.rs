//! The search view: ranked results with snippets and facets, or the keyword-in-context view.

use leptos::prelude::*;
use newsprism_core::search::kwic::{KwicLine, KwicSort};
use newsprism_core::search::query::{has_filter, toggle_filter};
use newsprism_core::search::results::{Facet, SearchOptions, SearchResults};
use newsprism_core::{ArticleId, PubDate};

use crate::components::date_label::DateLabel;
use crate::components::highlighted::Highlighted;
use crate::components::paging::{first_then_page, screenful};
use crate::route::{CompareState, Focus, Route, SearchState, SearchTab};
use crate::state::{use_app_state, WordForms};

/// How many ranked results are shown with snippets.
const RESULT_LIMIT: usize = 100;
/// How many concordance lines are shown.
const KWIC_LIMIT: usize = 2000;
/// Said under a concordance that stopped at its limit.
const KWIC_MORE_NOTE: &str =
    "There are more: narrow the search (a phrase, a source, a date) to see them all.";
/// Concordance lines drawn before "Show the other …".
const KWIC_PAGE: usize = 200;
/// A concordance line's height in CSS pixels, about (one line of text and its padding): the
/// first frame draws as many as the window holds.
const KWIC_ROW_PX: f64 = 30.0;
/// Characters of context on each side of a concordance hit.
const KWIC_WIDTH: usize = 70;

/// The search view for the search in the URL.
#[component]
pub fn SearchView(
    /// The search, from the URL.
    state: SearchState,
) -> impl IntoView {
    let app = use_app_state();
    let options = SearchOptions {
        aliases: state.aliases,
        limit: RESULT_LIMIT,
        ..SearchOptions::default()
    };
    let q = state.q.clone();
    let results = Memo::new(move |_| app.search(&q, &options));
    let searched = results.with_untracked(|r| r.searched);
    let body = if searched {
        view! { <Searched state results /> }.into_any()
    } else {
        view! { <EmptyState /> }.into_any()
    };
    view! {
        <section class="search" aria-labelledby="search-heading">
            <div class="view-head">
                <h1 id="search-heading">"Search"</h1>
            </div>
            {body}
        </section>
    }
}

fn with_state(state: &SearchState, change: impl FnOnce(&mut SearchState)) -> String {
    let mut s = state.clone();
    change(&mut s);
    Route::Search(s).to_hash()
}

#[component]
fn Searched(state: SearchState, results: Memo<SearchResults>) -> impl IntoView {
    let summary = move || {
        results.with(|r| match r.total {
            0 => "No article matches.".to_string(),
            1 => "1 article matches.".to_string(),
            n => format!("{n} articles match."),
        })
    };
    let warnings = move || {
        results.with(|r| {
            r.warnings
                .iter()
                .map(|w| view! { <li>{w.clone()}</li> })
                .collect_view()
        })
    };
    let tab_link = |tab: SearchTab| with_state(&state, |s| s.tab = tab);
    let tabs = view! {
        <nav class="tabs" aria-label="Search views">
            <a href=tab_link(SearchTab::Results) class:current=state.tab == SearchTab::Results>
                "Articles"
            </a>
            <a href=tab_link(SearchTab::Kwic) class:current=state.tab == SearchTab::Kwic data-testid="kwic-tab">
                "Keyword in context"
            </a>
        </nav>
    };
    let main = match state.tab {
        SearchTab::Results => view! { <Hits state=state.clone() results /> }.into_any(),
        SearchTab::Kwic => view! { <Concordance state=state.clone() results /> }.into_any(),
    };
    view! {
        <p class="summary" data-testid="search-summary" aria-live="polite">
            {summary}
        </p>
        <QueryOptions state=state.clone() results />
        <ul class="warnings" role="status" data-testid="query-warnings">
            {warnings}
        </ul>
        {tabs}
        <div class="search-body">
            <Facets state=state.clone() results />
            <div class="search-main">{main}</div>
        </div>
    }
}

/// The alias switch, the spellings, comparing the results, and what the aliases added.
#[component]
fn QueryOptions(state: SearchState, results: Memo<SearchResults>) -> impl IntoView {
    let aliases_link = with_state(&state, |s| s.aliases = !s.aliases);
    let aliases_on = state.aliases;
    let expansions = move || {
        results.with(|r| {
            r.expansions
                .iter()
                .map(|e| {
                    view! {
                        <li>
                            <span class="muted">{format!("for “{}”, also searched: ", e.word)}</span>
                            {e.also.join(", ")}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let compare_href = Route::Compare(CompareState {
        within: state.q.clone(),
        ..CompareState::default()
    })
    .to_hash();
    view! {
        <div class="search-options">
            <a
                class="toggle"
                href=aliases_link
                role="switch"
                aria-checked=aliases_on.to_string()
                data-testid="alias-toggle"
            >
                <span class="switch" class:on=aliases_on></span>
                "Search other spellings (Poetin/Putin, Wit-Rusland/Belarus)"
            </a>
            <a href=Route::Aliases.to_hash() data-testid="edit-aliases">
                "Edit the spellings"
            </a>
            <a
                href=compare_href
                class:gone=move || results.with(|r| r.total == 0)
                data-testid="compare-results"
                title="Compare the sources of the articles this search finds (other spellings included)"
            >
                "Compare these articles"
            </a>
            <ul class="expansions" data-testid="expansions">
                {expansions}
            </ul>
        </div>
    }
}

#[component]
fn Facets(state: SearchState, results: Memo<SearchResults>) -> impl IntoView {
    let facet_list = move |title: &'static str,
                           pick: fn(&SearchResults) -> &Vec<Facet>,
                           testid: &'static str| {
        let state = state.clone();
        view! {
            <div class="facet" class:gone=move || results.with(|r| pick(r).is_empty())>
                <h2>{title}</h2>
                <ul data-testid=testid>
                    {move || {
                        let state = state.clone();
                        results
                            .with(|r| {
                                pick(r)
                                    .iter()
                                    .map(|f| {
                                        let active = has_filter(&state.q, &f.filter);
                                        let href = with_state(&state, |s| s.q = toggle_filter(&s.q, &f.filter).0);
                                        view! {
                                            <li>
                                                <a
                                                    href=href
                                                    class:active=active
                                                    title=if active { "Remove this filter" } else { "Show only these" }
                                                >
                                                    <span class="facet-label">{f.label.clone()}</span>
                                                    <span class="count">{f.count}</span>
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
            </div>
        }
    };
    view! {
        <aside class="facets" aria-label="Filter the results">
            {facet_list("Sources", |r| &r.by_source, "facet-sources")}
            {facet_list("Months", |r| &r.by_month, "facet-months")}
        </aside>
    }
}

#[component]
fn Hits(state: SearchState, results: Memo<SearchResults>) -> impl IntoView {
    let q = state.q.clone();
    let aliases = state.aliases;
    move || {
        results.with(|r| {
            if r.total == 0 {
                let suggestions = r
                    .suggestions
                    .iter()
                    .map(|s| {
                        let href = Route::Search(SearchState {
                            q: s.query.clone(),
                            aliases: s.aliases,
                            ..SearchState::default()
                        })
                        .to_hash();
                        view! {
                            <li>
                                <a href=href>{s.label.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view();
                return view! {
                    <div class="no-results" data-testid="no-results">
                        <p>{format!("Nothing matches “{}”.", q)}</p>
                        {(!r.suggestions.is_empty()).then(|| view! { <p class="muted">"Try:"</p> })}
                        <ul>{suggestions}</ul>
                        <p class="muted">"Or check the spelling, remove a filter, or use fewer words."</p>
                    </div>
                }
                .into_any();
            }
            let items = r
                .hits
                .iter()
                .map(|hit| {
                    let paragraph = hit.snippet.as_ref().map(|s| s.paragraph);
                    let focus = Focus { q: Some(q.clone()), aliases, paragraph, ..Focus::default() };
                    let href = Route::Article { id: hit.id, focus }.to_hash();
                    let snippet = hit.snippet.clone().map(|s| view! {
                        <p class="snippet">
                            <Highlighted spans=s.spans />
                        </p>
                    });
                    view! {
                        <li class="hit" data-testid="hit">
                            <a class="hit-title" class:derived=hit.title_derived href=href>
                                <Highlighted spans=hit.title.clone() />
                            </a>
                            <p class="hit-meta">
                                <DateLabel date=hit.date.clone() />
                                " · "
                                <span class:unknown=hit.source == "unknown source">{hit.source.clone()}</span>
                            </p>
                            {snippet}
                        </li>
                    }
                })
                .collect_view();
            let more = (r.total > r.hits.len()).then(|| {
                view! { <p class="muted">{format!("Showing the best {} of {}.", r.hits.len(), r.total)}</p> }
            });
            view! {
                <ol class="hits">{items}</ol>
                {more}
            }.into_any()
        })
    }
}

#[component]
fn Concordance(state: SearchState, results: Memo<SearchResults>) -> impl IntoView {
    let app = use_app_state();
    let sort = state.sort;
    let found = Memo::new(move |_| {
        results.with(|r| {
            app.corpus()
                .with(|c| c.kwic(r, sort, KWIC_WIDTH, KWIC_LIMIT))
        })
    });
    let q = state.q.clone();
    let aliases = state.aliases;
    // Lines drawn at first; the rest on request (two thousand rows take half a second to draw).
    // What a screen holds comes in the first frame, the rest of the first page a screenful per
    // frame after it (if the concordance is still open then); rows are added, never redrawn.
    let shown = first_then_page(screenful(KWIC_ROW_PX), KWIC_PAGE);
    let meta = move |id: ArticleId| {
        app.corpus().with(|c| {
            c.get(id).map(|a| {
                (
                    a.source_label().to_string(),
                    a.pub_date.clone(),
                    a.title.clone(),
                )
            })
        })
    };
    view! {
        {concordance_order(&state)}
        {move || {
            found
                .with(|(lines, truncated)| {
                    if lines.is_empty() {
                        return view! {
                            <p class="muted" data-testid="kwic-empty">
                                "No occurrences to show."
                            </p>
                        }
                            .into_any();
                    }
                    let total = lines.len();
                    let q = q.clone();
                    let rows = view! {
                        <For each=move || 0..shown.get().min(total) key=|i| *i let:i>
                            {found
                                .with_untracked(|(lines, _)| {
                                    lines.get(i).map(|l| kwic_row(l, meta(l.article), &q, aliases))
                                })}
                        </For>
                    };
                    let more = move || {
                        let rest = total.saturating_sub(shown.get());
                        (rest > 0).then(|| kwic_more(rest, shown))
                    };
                    let note = truncated.then_some(view! { <p class="muted">{KWIC_MORE_NOTE}</p> });
                    let count = kwic_count(total, *truncated);
                    view! {
                        <p class="muted" data-testid="kwic-count">
                            {count}
                        </p>
                        <div class="kwic-scroll">
                            <table class="kwic" data-testid="kwic">
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        {more}
                        {note}
                    }
                        .into_any()
                })
        }}
    }
}

/// The concordance's orders, the current one marked.
fn concordance_order(state: &SearchState) -> impl IntoView {
    let sort_link = |s: KwicSort, label: &'static str| {
        let href = with_state(state, |st| st.sort = s);
        view! {
            <a href=href class:current=state.sort == s>
                {label}
            </a>
        }
    };
    view! {
        <nav class="sort" aria-label="Sort the concordance">
            <span class="sort-label">"Order:"</span>
            {sort_link(KwicSort::Document, "As ranked")}
            {sort_link(KwicSort::Left, "By word before")}
            {sort_link(KwicSort::Right, "By word after")}
        </nav>
    }
}

/// "Show the other N lines".
fn kwic_more(rest: usize, shown: RwSignal<usize>) -> impl IntoView {
    view! {
        <p class="more">
            <button type="button" data-testid="kwic-more" on:click=move |_| shown.set(usize::MAX)>
                {format!("Show the other {rest} lines")}
            </button>
        </p>
    }
}

/// How many occurrences the concordance holds, and whether that is all of them.
fn kwic_count(n: usize, truncated: bool) -> String {
    match (n, truncated) {
        (n, true) => format!("The first {n} occurrences, in result order"),
        (1, false) => "1 occurrence".to_string(),
        (n, false) => format!("{n} occurrences"),
    }
}

/// One concordance line: left context, the hit (a link to the reader at this passage), right
/// context, and the article's title (cut short), source and date, so lines can be told apart.
fn kwic_row(
    l: &KwicLine,
    meta: Option<(String, Option<PubDate>, String)>,
    q: &str,
    aliases: bool,
) -> impl IntoView {
    let (source, date, title) = meta.unwrap_or_default();
    let focus = Focus {
        q: Some(q.to_string()),
        aliases,
        paragraph: Some(l.paragraph),
        offset: Some(l.offset),
        length: None,
    };
    let href = Route::Article {
        id: l.article,
        focus,
    }
    .to_hash();
    view! {
        <tr data-testid="kwic-line">
            <td class="kwic-left">
                <span>{l.left.clone()}</span>
            </td>
            <td class="kwic-hit">
                <a href=href title=format!("Open “{title}” at this passage")>
                    {l.hit.clone()}
                </a>
            </td>
            <td class="kwic-right">{l.right.clone()}</td>
            <td class="kwic-meta">
                <span class="kwic-title" title=title.clone()>
                    {short_title(&title)}
                </span>
                " · "
                <span>{source}</span>
                " · "
                <DateLabel date />
            </td>
        </tr>
    }
}

/// A title cut at a word boundary to about 40 characters, with an ellipsis if cut.
fn short_title(title: &str) -> String {
    if title.chars().count() <= 40 {
        return title.to_string();
    }
    let cut: String = title.chars().take(40).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ':', ';', ' ']))
}

/// What can be searched, with examples that run when clicked.
#[component]
fn EmptyState() -> impl IntoView {
    let examples: [(&str, &str); 10] = [
        ("Belarus", "also finds “Wit-Rusland” (name aliases)"),
        (
            "zeggen",
            "every form of a word: “zei”, “zegt”, “gezegd” (Dutch and English)",
        ),
        (
            "stad",
            "also finds compounds ending in it, such as “hoofdstad”, ranked lower",
        ),
        ("=zei", "this form only"),
        ("\"domme en ongegronde\"", "an exact phrase"),
        ("Peskov OR Lavrov", "either word"),
        ("Loekasjenko -Poetin", "without a word"),
        ("sanctie*", "words starting so"),
        ("Loekasjenka~", "similar spellings (fuzzy)"),
        (
            "troepen date:2022-12",
            "filters: source:, lang:, date:2022-10..2022-12",
        ),
    ];
    let state = use_app_state();
    let word_forms = move || {
        match state.word_forms().get() {
        WordForms::Loading => {
            "Loading the word list that joins a word's forms; until then a search matches stems (“soldaat”, “soldaten”)."
                .to_string()
        }
        WordForms::Ready(n) => {
            format!("Word forms: {n} Dutch and English forms are joined to their dictionary form.")
        }
        WordForms::Failed(why) => {
            format!("The word list could not be loaded ({why}); a search matches stems only.")
        }
    }
    };
    view! {
        <div class="empty-state" data-testid="search-empty">
            <p>
                "Search every article, in Dutch and English: words, phrases, names in any spelling. " "Press "
                <kbd>"/"</kbd> " anywhere to jump to the search box."
            </p>
            <dl class="examples">
                {examples
                    .iter()
                    .map(|(q, what)| {
                        view! {
                            <dt>
                                <a href=Route::search(q).to_hash()>
                                    <code>{*q}</code>
                                </a>
                            </dt>
                            <dd>{*what}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="word-forms" data-testid="word-forms">
                {word_forms}
            </p>
        </div>
    }
}
