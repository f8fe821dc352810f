//! The compare view: story groups, side-by-side reading, quotes, the number ledger, names and
//! distinctive words. It asks the corpus for one [`Comparison`] and an [`Alignment`] and
//! renders them; every judgement about the text is made in `newsprism_core::compare`.

use leptos::prelude::*;
use newsprism_core::compare::align::{Alignment, Relation};
use newsprism_core::compare::{Comparison, Scope, Scoped};
use newsprism_core::search::snippet::{mark_range, Span};
use newsprism_core::{ArticleId, Corpus};

use crate::browser::files::download;
use crate::browser::hash::{go, scroll_into_view_later, sync_scroll};
use crate::components::highlighted::Highlighted;
use crate::route::{CompareState, CompareTab, Route};
use crate::state::use_app_state;

/// The most articles compared at once: the heatmap and quote clustering grow with the square.
pub const MAX_SCOPE: usize = 60;

/// Heatmap colours, light to dark (presentation attributes: the CSP forbids inline styles).
const HEAT: [&str; 6] = [
    "#f4f6fb", "#d6e0f5", "#a9bfeb", "#7397dc", "#3f6cc4", "#1d4394",
];

fn route_with(state: &CompareState, f: impl FnOnce(&mut CompareState)) -> Route {
    let mut s = state.clone();
    f(&mut s);
    Route::Compare(s)
}

/// A CSV and a JSON button for one of the comparison's exports.
#[component]
fn ExportButtons(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
    /// What is exported: the file is `newsprism-<what>.csv|json`, the test ids `export-<what>-…`.
    what: &'static str,
    /// The buttons' label ("Quotes" → "Quotes CSV").
    label: &'static str,
    /// Writes the export from the comparison and the article titles; JSON when `true`.
    make: fn(&Comparison, &[String], bool) -> String,
) -> impl IntoView {
    let save = move |json: bool| {
        let (ext, mime) = if json {
            ("json", "application/json")
        } else {
            ("csv", "text/csv")
        };
        let name = format!("newsprism-{what}.{ext}");
        let text = comparison.with_untracked(|c| titles.with_untracked(|t| make(c, t, json)));
        message.set(Some(match download(&name, &text, mime) {
            Ok(()) => format!("Exported {name}."),
            Err(e) => format!("Could not export {name}: {e}."),
        }));
    };
    view! {
        <button type="button" data-testid=format!("export-{what}-csv") on:click=move |_| save(false)>{format!("{label} CSV")}</button>
        " "
        <button type="button" data-testid=format!("export-{what}-json") on:click=move |_| save(true)>{format!("{label} JSON")}</button>
    }
}

/// The compare view.
#[component]
pub fn CompareView(
    /// Tab, selection and filters, from the URL.
    state: CompareState,
) -> impl IntoView {
    let app = use_app_state();
    // The articles compared: the scope the URL names, at most MAX_SCOPE of them.
    let scope = state.scope();
    let scoped = Memo::new(move |_| {
        app.corpus()
            .with(|c| c.compare_scope(&scope, true, MAX_SCOPE))
    });
    let comparison = Memo::new(move |_| {
        let ids = scoped.with(|s| s.ids.clone());
        app.corpus().with(|c| c.compare(&ids))
    });
    let titles = Memo::new(move |_| {
        let ids = comparison.with(|c| c.articles.clone());
        app.corpus().with(|c| {
            ids.iter()
                .map(|id| c.get(*id).map(|a| a.title.clone()).unwrap_or_default())
                .collect::<Vec<String>>()
        })
    });
    let message = RwSignal::new(None::<String>);
    let tab = state.tab;
    let tabs = CompareTab::ALL
        .into_iter()
        .map(|t| {
            let href = route_with(&state, |s| s.tab = t).to_hash();
            view! {
                <a href=href class:active=t == tab aria-current=(t == tab).then_some("page")
                    data-testid=format!("tab-{}", t.key())>{t.label()}</a>
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
    let has_articles = move || scoped.with(|s| !s.ids.is_empty());
    view! {
        <section class="compare">
            <h1>"Compare sources"</h1>
            <ScopeBar state=state.clone() scoped comparison />
            <nav class="tabs" aria-label="Compare views">{tabs}</nav>
            <p class="muted" role="status" data-testid="compare-message">{move || message.get()}</p>
            <div class:hidden=move || !has_articles()>{body}</div>
        </section>
    }
}

/// What is compared, said in words: how many articles, chosen how, and what was left out.
fn describe_scope(scope: &Scope, scoped: &Scoped, voices: usize) -> String {
    let n = scoped.ids.len();
    let voices = if voices == 1 {
        "1 voice".to_string()
    } else {
        format!("{voices} voices")
    };
    let mut out = match scope {
        Scope::All if scoped.eligible > n => format!(
            "Comparing the {n} newest of {} articles ({voices}): more cannot be compared at once. Narrow the comparison to a search, a story group or articles you pick.",
            scoped.eligible
        ),
        Scope::All => format!("Comparing all {n} articles, from {voices}. Each outlet is one voice; an article without a known source is a voice of its own."),
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

/// How many articles the picker lists at once; a filter narrows longer libraries.
const PICKER_ROWS: usize = 150;

/// The choice of articles to compare: all, those a search finds, or those picked.
#[component]
fn ScopeBar(
    state: CompareState,
    scoped: Memo<Scoped>,
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let app = use_app_state();
    let scope = state.scope();
    let is_all = scope == Scope::All;
    let is_query = matches!(scope, Scope::Matching(_));
    let is_picked = matches!(scope, Scope::Picked(_));
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
    // The picker starts from what is compared now, so "pick" means "adjust this set".
    let picked = RwSignal::new(scoped.with_untracked(|s| s.ids.clone()));
    let filter = RwSignal::new(String::new());
    let rows = move || {
        let f = filter.get().to_lowercase();
        let on = picked.get();
        app.corpus().with(|c| {
            let list = c.library(newsprism_core::corpus::LibrarySort::DateNewest);
            let matching: Vec<_> = list
                .into_iter()
                .filter(|a| {
                    f.is_empty()
                        || a.title.to_lowercase().contains(&f)
                        || a.source_label().to_lowercase().contains(&f)
                        || a.file_name.to_lowercase().contains(&f)
                })
                .collect();
            let more = matching.len().saturating_sub(PICKER_ROWS);
            let items = matching
                .into_iter()
                .take(PICKER_ROWS)
                .map(|a| {
                    let id = a.id;
                    let checked = on.contains(&id);
                    let full = !checked && on.len() >= MAX_SCOPE;
                    let when = a.pub_date.as_ref().map(|d| d.date.to_string()).unwrap_or_else(|| "undated".into());
                    view! {
                        <label class="pick">
                            <input type="checkbox" prop:checked=checked disabled=full data-testid="scope-pick"
                                on:change=move |_| picked.update(|p| {
                                    if let Some(i) = p.iter().position(|x| *x == id) {
                                        p.remove(i);
                                    } else if p.len() < MAX_SCOPE {
                                        p.push(id);
                                    }
                                }) />
                            {format!(" {} ", a.title)}
                            <span class="muted">{format!("{} · {}", a.source_label(), when)}</span>
                        </label>
                    }
                })
                .collect_view();
            let more = (more > 0).then(|| view! { <p class="muted">{format!("{more} more: type to narrow the list.")}</p> });
            view! { <div class="pick-list">{items}</div>{more} }
        })
    };
    let st = state.clone();
    let compare_picked = move |_| {
        let ids = picked.get_untracked();
        go(&route_with(&st, |s| {
            s.picked = ids;
            s.within.clear();
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
                <a href=all_href class="toggle" class:active=is_all aria-current=is_all.then_some("true") data-testid="scope-all">"all articles"</a>
                <form class="scope-search" on:submit=on_search role="search" class:active=is_query>
                    <label>"those matching "
                        <input type="search" bind:value=query placeholder="a search, e.g. Peskov OR Kremlin" data-testid="scope-query" aria-label="Compare the articles this search finds" />
                    </label>
                    <button type="submit" data-testid="scope-search">"Compare matches"</button>
                </form>
            </div>
            <details class="scope-picker" open=is_picked>
                <summary>{move || format!("Pick articles ({} ticked)", picked.with(Vec::len))}</summary>
                <p class="controls">
                    <input type="search" bind:value=filter placeholder="Filter by title, source or file" aria-label="Filter the articles to pick" data-testid="scope-filter" />
                    <button type="button" on:click=move |_| picked.set(Vec::new())>"Clear"</button>
                    <button type="button" data-testid="scope-compare-picked" disabled=move || picked.with(Vec::is_empty) on:click=compare_picked>
                        {move || format!("Compare the {} picked", picked.with(Vec::len))}
                    </button>
                    <span class="muted">{format!("at most {MAX_SCOPE}")}</span>
                </p>
                {rows}
            </details>
            <p class="muted" data-testid="scope-summary">{scope_text}</p>
        </div>
    }
}

fn heat(score: f32, max: f32) -> &'static str {
    let x = if max > 0.0 {
        (score / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    HEAT[((x * (HEAT.len() - 1) as f32).round() as usize).min(HEAT.len() - 1)]
}

fn short(t: &str) -> String {
    newsprism_core::compare::short_title(t)
}

#[component]
fn GroupsTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let threshold = state.threshold;
    let window = state.window;
    let st = state.clone();
    let on_threshold = move |ev: leptos::ev::Event| {
        if let Ok(t) = event_target_value(&ev).parse::<u32>() {
            go(&route_with(&st, |s| s.threshold = t));
        }
    };
    let st = state.clone();
    let on_window = move |ev: leptos::ev::Event| {
        if let Ok(w) = event_target_value(&ev).parse::<i32>() {
            go(&route_with(&st, |s| s.window = w));
        }
    };
    let heatmap = move || {
        comparison.with(|c| {
            let n = c.articles.len();
            let names = titles.get();
            let cell = if n <= 12 { 34.0 } else { (420.0 / n as f64).max(6.0) };
            let label_w = 260.0;
            let size = label_w + cell * n as f64 + 10.0;
            let max = (0..n)
                .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
                .map(|(i, j)| c.similarity.score(i, j))
                .fold(0.0f32, f32::max);
            let mut rects = Vec::new();
            for i in 0..n {
                for j in 0..n {
                    let k = i * n + j;
                    let s = c.similarity.combined[k];
                    let fill = if i == j { "#dddddd" } else { heat(s, max) };
                    let tip = format!(
                        "{} × {}: {:.0}% similar (cosine {:.0}%, shared phrases {:.0}%)",
                        short(names.get(i).map_or("", String::as_str)),
                        short(names.get(j).map_or("", String::as_str)),
                        s * 100.0,
                        c.similarity.cosine[k] * 100.0,
                        c.similarity.overlap[k] * 100.0
                    );
                    let x = label_w + cell * j as f64;
                    let y = 20.0 + cell * i as f64;
                    let ink = if s / max.max(1e-6) > 0.6 { "#ffffff" } else { "#222222" };
                    let text = (n <= 12 && i != j).then(|| {
                        view! {
                            <text x=x + cell / 2.0 y=y + cell / 2.0 + 4.0 text-anchor="middle" font-size="10"
                                fill=ink>
                                {format!("{:.0}", s * 100.0)}
                            </text>
                        }
                    });
                    rects.push(view! {
                        <g class="heat-cell" data-i=i data-j=j>
                            <rect x=x y=y width=cell - 1.0 height=cell - 1.0 fill=fill>
                                <title>{tip}</title>
                            </rect>
                            {text}
                        </g>
                    });
                }
            }
            let labels = (0..n)
                .map(|i| {
                    view! {
                        <text x=label_w - 6.0 y=20.0 + cell * i as f64 + cell / 2.0 + 4.0 text-anchor="end" font-size="11" fill="#222222">
                            {short(names.get(i).map_or("", String::as_str))}
                        </text>
                    }
                })
                .collect_view();
            view! {
                <svg id="similarity-heatmap" role="img" aria-label="Similarity between every pair of articles"
                    width=size height=20.0 + cell * n as f64 + 10.0 viewBox=format!("0 0 {} {}", size, 20.0 + cell * n as f64 + 10.0)
                    xmlns="http://www.w3.org/2000/svg">
                    {labels}
                    {rects}
                </svg>
            }
        })
    };
    let st = state.clone();
    let groups = move || {
        comparison.with(|c| {
            let names = titles.get();
            let groups = c.story_groups(threshold as f32 / 100.0, window);
            let multi: Vec<Vec<usize>> = groups.iter().filter(|g| g.len() > 1).cloned().collect();
            let alone: Vec<usize> = groups.iter().filter(|g| g.len() == 1).map(|g| g[0]).collect();
            let multi_view = multi
                .into_iter()
                .enumerate()
                .map(|(gi, g)| {
                    let ids: Vec<ArticleId> = g.iter().map(|&i| c.articles[i]).collect();
                    let read = route_with(&st, |s| {
                        s.tab = CompareTab::Read;
                        s.ids = ids.iter().take(4).copied().collect();
                    })
                    .to_hash();
                    let only = route_with(&st, |s| {
                        s.picked = ids.clone();
                        s.within.clear();
                        s.ids.clear();
                    })
                    .to_hash();
                    let items = g
                        .iter()
                        .map(|&i| {
                            let when = c.when[i].map_or("date unknown".to_string(), |(a, b)| {
                                if a == b {
                                    newsprism_core::time::calendar::iso_day(a)
                                } else {
                                    format!("{} – {}", newsprism_core::time::calendar::iso_day(a), newsprism_core::time::calendar::iso_day(b))
                                }
                            });
                            view! {
                                <li>
                                    <a href=Route::Article { id: c.articles[i], q: None, aliases: true, paragraph: None, offset: None, length: None }.to_hash()>
                                        {names.get(i).cloned().unwrap_or_default()}
                                    </a>
                                    <span class="muted">{format!(" · {} · {}", c.parties[c.party_of[i]].label, when)}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="story-group" data-testid="story-group">
                            <h3>{format!("Story {} · {} articles", gi + 1, g.len())}</h3>
                            <ul>{items}</ul>
                            <a class="button" href=read>"Read side by side"</a>
                            " "
                            <a class="button" href=only data-testid="compare-group">"Compare only this story"</a>
                        </li>
                    }
                })
                .collect_view();
            let alone_view = alone
                .into_iter()
                .map(|i| view! { <li>{names.get(i).cloned().unwrap_or_default()}</li> })
                .collect_view();
            view! {
                <ol class="story-groups">{multi_view}</ol>
                <details>
                    <summary>"Articles in no group"</summary>
                    <ul data-testid="ungrouped">{alone_view}</ul>
                </details>
            }
        })
    };
    view! {
        <div class="compare-groups">
            <h2>"Similarity"</h2>
            <p class="muted">"TF-IDF cosine over content words (alias spellings counted as one name) combined with shared three-word phrases. Darker is more similar, relative to the most similar pair; hover a cell for the numbers."</p>
            <div class="heatmap-wrap">{heatmap}</div>
            <p>
                <ExportButtons comparison titles message what="similarity" label="Similarity"
                    make=|c, t, json| if json { c.similarity.to_json(t) } else { c.similarity.to_csv(t) } />
            </p>
            <h2>"Story groups"</h2>
            <p class="controls">
                <label>"Similarity at least "
                    <input type="range" min="1" max="40" step="1" prop:value=threshold.to_string() on:change=on_threshold data-testid="threshold" aria-label="Similarity threshold in percent" />
                    <output>{format!(" {threshold}%")}</output>
                </label>
                " "
                <label>" published within "
                    <select on:change=on_window data-testid="window" aria-label="Time window">
                        {[1, 3, 7, 14, 31, 92, 100000].into_iter().map(|d| view! {
                            <option value=d.to_string() selected=d == window>{if d == 100000 { "any time".to_string() } else { format!("{d} days") }}</option>
                        }).collect_view()}
                    </select>
                </label>
            </p>
            <p class="muted">"Two articles are one story when they are this similar, were published within the window (an undated article counts at the date it is inferred to be from), and each is among the other's three closest."</p>
            {groups}
        </div>
    }
}

#[component]
fn ReadTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
) -> impl IntoView {
    let app = use_app_state();
    // Default selection: the first story group, or the first two articles.
    let chosen: Vec<ArticleId> = if state.ids.len() >= 2 {
        state.ids.clone()
    } else {
        comparison.with_untracked(|c| {
            let g = c.story_groups(state.threshold as f32 / 100.0, state.window);
            let first = g
                .first()
                .filter(|g| g.len() > 1)
                .cloned()
                .unwrap_or_else(|| (0..c.articles.len().min(2)).collect());
            first.into_iter().take(4).map(|i| c.articles[i]).collect()
        })
    };
    let chosen_for_align = chosen.clone();
    let alignment: Memo<Alignment> =
        Memo::new(move |_| app.corpus().with(|c| c.align(&chosen_for_align)));
    let selected = RwSignal::new(None::<(usize, usize)>);
    let leader = RwSignal::new(0usize);
    let picker = {
        let chosen = chosen.clone();
        let state = state.clone();
        move || {
            comparison.with(|c| {
                let names = titles.get();
                c.articles
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let on = chosen.contains(id);
                        let next: Vec<ArticleId> = if on {
                            chosen.iter().filter(|x| *x != id).copied().collect()
                        } else {
                            chosen.iter().copied().chain(std::iter::once(*id)).collect()
                        };
                        let disabled = !on && chosen.len() >= 4;
                        let st = state.clone();
                        view! {
                            <label class="pick">
                                <input type="checkbox" prop:checked=on disabled=disabled
                                    data-testid="pick-article"
                                    on:change=move |_| go(&route_with(&st, |s| s.ids = next.clone())) />
                                {format!(" {} ({})", short(names.get(i).map_or("", String::as_str)), c.parties[c.party_of[i]].label)}
                            </label>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let n_chosen = chosen.len();
    let columns = move || {
        alignment.with(|al| {
            let n = al.columns.len();
            let ids: Vec<String> = (0..n).map(|k| format!("cmp-col-{k}")).collect();
            al.columns
                .iter()
                .enumerate()
                .map(|(ci, col)| {
                    let (title, source) = app.corpus().with_untracked(|c| {
                        c.get(col.article).map(|a| (a.title.clone(), a.source_label().to_string())).unwrap_or_default()
                    });
                    let (s, p, u) = col.summary.percentages();
                    let others: Vec<String> = ids.iter().filter(|x| **x != ids[ci]).cloned().collect();
                    let my_id = ids[ci].clone();
                    let sentences = col
                        .sentences
                        .iter()
                        .enumerate()
                        .map(|(si, sent)| {
                            let rel = sent.relation;
                            let links = sent.links.clone();
                            let linked = {
                                let links = links.clone();
                                move || {
                                    selected.get().is_some_and(|(c0, s0)| {
                                        (c0 == ci && s0 == si) || links.iter().any(|l| l.column == c0 && l.sentence == s0)
                                    })
                                }
                            };
                            let tip = match rel {
                                Relation::Shared => "Same wording in another article",
                                Relation::Paraphrase => "Another article says this in other words",
                                Relation::Unique => "Only this article says this",
                            };
                            view! {
                                <span id=format!("cmp-{ci}-{si}") class=format!("sent s-{}", rel.name()) class:linked=linked
                                    title=tip tabindex="0" data-relation=rel.name()
                                    on:click=move |_| {
                                        selected.set(Some((ci, si)));
                                        for l in &links {
                                            scroll_into_view_later(format!("cmp-{}-{}", l.column, l.sentence));
                                        }
                                    }>
                                    {sent.text.clone()}
                                </span>
                                " "
                            }
                        })
                        .collect_view();
                    view! {
                        <article class="cmp-col" data-testid="compare-column">
                            <header>
                                <h3>{title}</h3>
                                <p class="muted">{source}</p>
                                <p class="summary" data-testid="column-summary">
                                    {format!("{}% shared with others, {}% only here", s + p, u)}
                                    <span class="muted">{format!(" ({s}% same wording, {p}% paraphrased)")}</span>
                                </p>
                            </header>
                            <div class="cmp-col-body" id=my_id.clone()
                                on:mouseenter=move |_| leader.set(ci)
                                on:focusin=move |_| leader.set(ci)
                                on:touchstart=move |_| leader.set(ci)
                                on:scroll=move |_| if leader.get_untracked() == ci { sync_scroll(&my_id, &others) }>
                                {sentences}
                            </div>
                        </article>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="compare-read">
            <details class="picker" open=n_chosen < 2>
                <summary>"Choose 2 to 4 articles"</summary>
                <div class="pick-list">{picker}</div>
            </details>
            <p class="legend">
                <span class="sent s-shared">"same wording"</span>" "
                <span class="sent s-paraphrase">"paraphrased elsewhere"</span>" "
                <span class="sent s-unique">"only in this article"</span>
                <span class="muted">" · click a sentence to show its counterparts; the columns scroll together."</span>
            </p>
            {(n_chosen < 2).then(|| view! { <p data-testid="pick-more">"Choose at least two articles to read side by side."</p> })}
            <div class=format!("cmp-columns cols-{}", n_chosen.min(4))>{columns}</div>
        </div>
    }
}

fn sentence_spans(sentence: &str, phrase: &str) -> Vec<Span> {
    match sentence.find(phrase) {
        Some(at) if !phrase.is_empty() => mark_range(sentence, at..at + phrase.len()),
        _ => vec![Span {
            text: sentence.to_string(),
            hit: false,
        }],
    }
}

fn reader_link(id: ArticleId, paragraph: Option<usize>, range: &std::ops::Range<usize>) -> String {
    match paragraph {
        Some(p) => Route::passage(id, p, range.start, range.end - range.start).to_hash(),
        None => Route::Article {
            id,
            q: None,
            aliases: true,
            paragraph: None,
            offset: None,
            length: None,
        }
        .to_hash(),
    }
}

#[component]
fn QuotesTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let hide_fragments = RwSignal::new(false);
    let speaker = state.speaker.clone();
    let source = state.source.clone();
    let st = state.clone();
    let on_speaker = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        go(&route_with(&st, |s| s.speaker = v));
    };
    let st = state.clone();
    let on_source = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        go(&route_with(&st, |s| s.source = v));
    };
    let (sp, so) = (speaker.clone(), source.clone());
    let filters = move || {
        comparison.with(|c| {
            let speakers = c.quotes.speakers();
            let sp_opts = speakers
                .into_iter()
                .map(|(k, name, n)| {
                    let sel = k == sp;
                    view! { <option value=k selected=sel>{format!("{name} ({n})")}</option> }
                })
                .collect_view();
            let so_opts = c
                .parties
                .iter()
                .map(|p| {
                    let sel = p.key == so;
                    view! { <option value=p.key.clone() selected=sel>{short(&p.label)}</option> }
                })
                .collect_view();
            view! {
                <label>"Speaker "
                    <select on:change=on_speaker.clone() data-testid="speaker-filter">
                        <option value="">"everyone"</option>
                        {sp_opts}
                    </select>
                </label>
                " "
                <label>"Source "
                    <select on:change=on_source.clone() data-testid="source-filter">
                        <option value="">"all sources"</option>
                        {so_opts}
                    </select>
                </label>
            }
        })
    };
    let clusters = move || {
        comparison.with(|c| {
            if c.quotes.clusters.is_empty() {
                return view! { <p class="muted">"No statement is quoted by more than one article."</p> }.into_any();
            }
            c.quotes
                .clusters
                .iter()
                .enumerate()
                .map(|(ci, cl)| {
                    let renderings = cl
                        .renderings
                        .iter()
                        .enumerate()
                        .map(|(ri, r)| {
                            let q = &c.quotes.quotes[r.quote];
                            let omitted = (!r.omitted.is_empty()).then(|| {
                                view! { <span class="muted omitted">{format!(" leaves out: {}", r.omitted.join(" "))}</span> }
                            });
                            view! {
                                <li class:reference=ri == cl.reference data-testid="rendering">
                                    <span class="party">{short(&c.parties[q.party].label)}</span>
                                    <q class="diff"><Highlighted spans=r.spans.clone() /></q>
                                    {(ri == cl.reference).then(|| view! { <span class="muted">" (reference)"</span> })}
                                    {omitted}
                                    " "
                                    <a href=reader_link(q.article, q.paragraph, &q.range)>"in context"</a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="quote-cluster" data-testid="quote-cluster">
                            <h3>{format!("{} · {} sources", cl.speaker.clone().unwrap_or_else(|| "speaker not named".into()), cl.parties)}</h3>
                            <ol>{renderings}</ol>
                            <span class="muted">{format!("cluster {}", ci + 1)}</span>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    let (sp, so) = (speaker.clone(), source.clone());
    let table = move || {
        let hide = hide_fragments.get();
        comparison.with(|c| {
            let names = titles.get();
            let rows = c
                .quotes
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| sp.is_empty() || q.speaker.as_ref().is_some_and(|s| s.key == sp))
                .filter(|(_, q)| so.is_empty() || c.parties[q.party].key == so)
                .filter(|(_, q)| !(hide && q.fragment))
                .map(|(i, q)| {
                    let who = q
                        .speaker
                        .as_ref()
                        .map(|s| c.quotes.speaker_name(&s.key).unwrap_or_else(|| s.name.clone()))
                        .unwrap_or_else(|| "—".into());
                    let how = q.speaker.as_ref().map_or("", |s| s.how.describe());
                    view! {
                        <tr data-testid="quote-row" class:fragment=q.fragment>
                            <td><q>{q.text.clone()}</q></td>
                            <td>{who}<br/><span class="muted">{how}</span></td>
                            <td>{short(&c.parties[q.party].label)}<br/><span class="muted">{short(names.get(q.doc).map_or("", String::as_str))}</span></td>
                            <td>{c.quotes.cluster_of[i].map(|k| (k + 1).to_string()).unwrap_or_default()}</td>
                            <td><a href=reader_link(q.article, q.paragraph, &q.range)>"read"</a></td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="quotes-table">
                    <thead><tr><th>"Quote"</th><th>"Speaker"</th><th>"Source"</th><th>"Cluster"</th><th></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <div class="compare-quotes">
            <h2>"Quoted by several sources"</h2>
            <p class="muted">"Each statement as each source renders it; words that differ from the reference rendering are marked."</p>
            <ol class="quote-clusters">{clusters}</ol>
            <h2>"All quotes"</h2>
            <p class="controls">
                {filters}
                " "
                <label><input type="checkbox" prop:checked=move || hide_fragments.get() on:change=move |_| hide_fragments.update(|h| *h = !*h) data-testid="hide-fragments" />" hide phrases under four words"</label>
            </p>
            <p>
                <ExportButtons comparison titles message what="quotes" label="Quotes"
                    make=|c, t, json| if json { c.quotes.to_json(&c.party_labels(), t) } else { c.quotes.to_csv(&c.party_labels(), t) } />
            </p>
            {table}
        </div>
    }
}

#[component]
fn NumbersTab(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let several_only = RwSignal::new(false);
    let groups = move || {
        let several = several_only.get();
        comparison.with(|c| {
            let names = titles.get();
            c.ledger
                .groups
                .iter()
                .filter(|g| !several || g.parties > 1)
                .map(|g| {
                    let rows = g
                        .entries
                        .iter()
                        .map(|&e| {
                            let q = &c.ledger.quantities[e];
                            view! {
                                <tr data-testid="ledger-row">
                                    <td>{short(&c.parties[q.party].label)}<br/><span class="muted">{short(names.get(q.doc).map_or("", String::as_str))}</span></td>
                                    <td class="figure">{q.text.clone()}<br/><span class="muted">{q.value.clone()}{q.vague.then_some(" (vague)")}</span></td>
                                    <td><Highlighted spans=sentence_spans(&q.sentence, &q.text) />" "<a href=reader_link(q.article, q.paragraph, &q.range)>"read"</a></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let title = c.ledger.group_title(g);
                    view! {
                        <section class="ledger-group" class:conflict=g.conflict data-testid="ledger-group">
                            <h3>
                                {title}
                                {g.conflict.then(|| view! { <span class="badge conflict" data-testid="conflict">" sources give different figures"</span> })}
                                <span class="muted">{format!(" · {} source{}", g.parties, if g.parties == 1 { "" } else { "s" })}</span>
                            </h3>
                            <table><tbody>{rows}</tbody></table>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="compare-numbers">
            <h2>"Number ledger"</h2>
            <p class="muted">"Quantities grouped by what they count (troepen, soldaten, man and militairen are one thing) and whose they are. Where two sources give exact figures that cannot both be right, the group is flagged. Hedged and vague amounts (ruim, duizenden) are listed but never flagged."</p>
            <p class="controls">
                <label><input type="checkbox" prop:checked=move || several_only.get() on:change=move |_| several_only.update(|s| *s = !*s) data-testid="several-only" />" only what several sources count"</label>
                " "
                <ExportButtons comparison titles message what="ledger" label="Ledger"
                    make=|c, t, json| if json { c.ledger.to_json(&c.party_labels(), t) } else { c.ledger.to_csv(&c.party_labels(), t) } />
            </p>
            {groups}
        </div>
    }
}

#[component]
fn EntitiesTab(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let matrix = move || {
        comparison.with(|c| {
            let head = c
                .parties
                .iter()
                .map(|p| view! { <th scope="col" title=p.label.clone()>{short(&p.label)}</th> })
                .collect_view();
            let rows = c
                .entities
                .entities
                .iter()
                .map(|e| {
                    let cells = e
                        .mentions
                        .iter()
                        .zip(&e.quoted)
                        .map(|(&m, &q)| {
                            let text = match (m, q) {
                                (0, 0) => String::new(),
                                (m, 0) => m.to_string(),
                                (m, q) => format!("{m} · quoted {q}"),
                            };
                            let (present, quoted) = (m > 0, q > 0);
                            view! { <td class:present=present class:quoted=quoted>{text}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr data-testid="entity-row">
                            <th scope="row">{e.name.clone()}<span class="muted">{format!(" {}", e.kind.name())}</span></th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="entity-matrix" data-testid="entity-matrix">
                    <thead><tr><th>"Name"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    let only = move || {
        comparison.with(|c| {
            let _ = titles.get();
            c.parties
                .iter()
                .enumerate()
                .map(|(p, party)| {
                    let x = c.exclusive(p);
                    let names = x.entities.iter().map(|&i| {
                        let e = &c.entities.entities[i];
                        view! { <li data-testid="only-entity">{e.name.clone()}<span class="muted">{format!(" {}", e.kind.name())}</span></li> }
                    }).collect_view();
                    let quotes = x.quotes.iter().map(|&i| {
                        let q = &c.quotes.quotes[i];
                        view! { <li><q>{q.text.clone()}</q><span class="muted">{q.speaker.as_ref().map(|s| format!(" — {}", c.quotes.speaker_name(&s.key).unwrap_or_else(|| s.name.clone()))).unwrap_or_default()}</span></li> }
                    }).collect_view();
                    let numbers = x.numbers.iter().map(|&i| {
                        let q = &c.ledger.quantities[i];
                        view! { <li>{q.text.clone()}</li> }
                    }).collect_view();
                    view! {
                        <section class="only-here" data-testid="only-here">
                            <h3>{party.label.clone()}</h3>
                            <h4>"Names"</h4><ul>{names}</ul>
                            <h4>"Quotes"</h4><ul>{quotes}</ul>
                            <h4>"Numbers"</h4><ul>{numbers}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="compare-entities">
            <h2>"Who is mentioned, and who is quoted, by which source"</h2>
            <p>
                <ExportButtons comparison titles message what="entities" label="Names"
                    make=|c, _, json| if json { c.entities.to_json(&c.party_labels()) } else { c.entities.to_csv(&c.party_labels()) } />
            </p>
            <div class="matrix-wrap">{matrix}</div>
            <h2>"Only in this source"</h2>
            <div class="only-grid">{only}</div>
        </div>
    }
}

#[component]
fn WordsTab(comparison: Memo<Comparison>, titles: Memo<Vec<String>>) -> impl IntoView {
    let app = use_app_state();
    // Whether the compared articles are the whole corpus (then "the rest" is already the
    // rest of the corpus); otherwise the corpus's words are counted once, a slice at a time.
    let whole = Memo::new(move |_| {
        let n = comparison.with(|c| c.articles.len());
        app.corpus().with(|c| c.len() == n)
    });
    Effect::new(move |_| {
        // Re-run whenever the corpus changes, so its counts follow it.
        app.corpus().track();
        if !whole.get() {
            app.count_words();
        }
    });
    let keyness = Memo::new(move |_| {
        if whole.get() {
            return (comparison.with(|c| c.keyness.clone()), true);
        }
        let ready = app.counting().get().is_none()
            && app.corpus().with(|c| app.words().with(|w| w.covers(c)));
        if ready {
            let k = app
                .words()
                .with(|w| comparison.with(|c| c.keyness_against(&w.background)));
            (k, true)
        } else {
            (comparison.with(|c| c.keyness.clone()), false)
        }
    });
    let basis = move || {
        let (k, against_corpus) = keyness.get();
        let others = k.reference.saturating_sub(1);
        if whole.get() {
            format!("Measured against the other {others} articles: the compared articles are the whole corpus.")
        } else if against_corpus {
            format!("Measured against the rest of the corpus: all {} loaded articles, each measured one against the others.", k.reference)
        } else {
            let total = app.corpus().with(Corpus::len);
            let done = app.counting().get().unwrap_or(0);
            format!("Measured against the other compared articles for now; counting the words of all {total} loaded articles ({done} done) to measure against the whole corpus…")
        }
    };
    let list = |words: &[newsprism_core::compare::keyness::Keyword]| {
        if words.is_empty() {
            return view! { <p class="muted">"Nothing stands out."</p> }.into_any();
        }
        let items = words
            .iter()
            .map(|k| view! { <li data-testid="keyword">{k.word.clone()}<span class="muted">{format!(" {}× here, {}× elsewhere, G² {:.1}", k.here, k.elsewhere, k.g2)}</span></li> })
            .collect_view();
        view! { <ol class="keywords">{items}</ol> }.into_any()
    };
    let body = move || {
        keyness.with(|(k, _)| {
            comparison.with(|c| {
                let names = titles.get();
                let parties = c
                    .parties
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.articles.len() > 1)
                    .map(|(i, p)| view! { <section><h3>{p.label.clone()}</h3>{list(&k.per_party[i])}</section> })
                    .collect_view();
                let articles = k
                    .per_article
                    .iter()
                    .enumerate()
                    .map(|(i, k)| view! { <section data-testid="keyness-article"><h3>{short(names.get(i).map_or("", String::as_str))}</h3>{list(k)}</section> })
                    .collect_view();
                view! {
                    <h3 class="sr-only">"Per source"</h3>
                    <div class="only-grid">{parties}</div>
                    <div class="only-grid">{articles}</div>
                }
            })
        })
    };
    view! {
        <div class="compare-words">
            <h2>"Distinctive words"</h2>
            <p class="muted">"Words each source (when it has several articles here) and each article uses more than the rest of the corpus, by log-likelihood (G² ≥ 3.84 is significant at p < 0.05). Function words and numbers are left out."</p>
            <p class="muted" role="status" data-testid="keyness-basis">{basis}</p>
            {body}
        </div>
    }
}
