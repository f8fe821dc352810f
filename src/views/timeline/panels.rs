//! Beside the chart: the mentions of the hovered or pinned date, the undated and inferred
//! articles, and the mentions that could not be placed.

use leptos::prelude::*;
use newsprism_core::search::snippet::mark_range;
use newsprism_core::time::timeline::{describe, Timeline};
use newsprism_core::time::timex::describe as describe_timex;
use newsprism_core::ArticleId;

use super::{LaneSet, Ui};
use crate::components::highlighted::Highlighted;
use crate::components::lazy_details::LazyDetails;
use crate::components::paging::first_then_page;
use crate::route::Route;

/// How many rows a list beside the chart shows.
const LIST_ROWS: usize = 200;
/// Rows of the list under the chart drawn in the first frame (it starts near the bottom of a
/// screen); the rest follow a screenful per frame.
const FIRST_ROWS: usize = 12;

/// The sentences that mention the hovered or pinned date, beside the chart; a hint on how to
/// get them there while nothing is.
#[component]
pub(super) fn GroupPanel(timeline: Memo<Timeline>, lanes: Memo<LaneSet>, ui: Ui) -> impl IntoView {
    let (hovered, pinned) = (ui.hovered, ui.pinned);
    move || {
        let Some(gi) = pinned.get().or(hovered.get()) else {
            return view! {
                <p class="muted side-hint" data-testid="side-hint">
                    "Point at a mark, or tab to it, to read here the sentences that mention its date."
                </p>
            }
            .into_any();
        };
        timeline
            .with(|t| group_panel(t, gi, lanes, ui))
            .unwrap_or_else(|| ().into_any())
    }
}

/// The panel for one date: what it is, the mentions side by side, zoom and lanes.
fn group_panel(t: &Timeline, gi: usize, lanes: Memo<LaneSet>, ui: Ui) -> Option<AnyView> {
    let pinned = ui.pinned;
    {
        {
            let g = t.groups.get(gi)?;
            let first = t.events.get(*g.events.first()?)?;
            let what = first.resolution.as_ref().map(describe).unwrap_or_default();
            let cards = g
                .events
                .iter()
                .filter_map(|&ei| mention_card(t, ei, lanes, ui))
                .collect_view();
            let pinned_now = pinned.get().is_some();
            let span = (g.start, g.end);
            Some(view! {
                <section class="group-panel" data-testid="group-panel" aria-live="polite">
                    <h2>
                        {format!(
                            "{what} · {} mention{} in {} article{}",
                            g.events.len(),
                            if g.events.len() == 1 { "" } else { "s" },
                            g.articles,
                            if g.articles == 1 { "" } else { "s" },
                        )}
                    </h2>
                    <p class="muted">
                        {format!("Normalised value: {}", g.key)}
                        {(!g.certain)
                            .then_some(" · uncertain: the publication date is not precise enough to pick one")}
                    </p>
                    {pinned_now
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| pinned.set(None)>
                                    "Unpin"
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        data-testid="zoom-to-date"
                        on:click=move |_| ui.domain.update(|d| *d = d.fitted(span).at_least(14.0))
                    >
                        "Zoom to this date"
                    </button>
                    <div class="mentions">{cards}</div>
                </section>
            }.into_any())
        }
    }
}

/// One mention of the date: its article, its sentence with the date marked, links.
fn mention_card(t: &Timeline, ei: usize, lanes: Memo<LaneSet>, ui: Ui) -> Option<impl IntoView> {
    let e = t.events.get(ei)?;
    let p = t.publication(e.article)?;
    let spans = mark_range(
        &e.sentence_text,
        e.range.start - e.sentence.start..e.range.end - e.sentence.start,
    );
    let href = Route::passage(
        e.article,
        e.paragraph,
        e.sentence.start,
        e.sentence.end - e.sentence.start,
    )
    .to_hash();
    let published = p
        .date
        .as_ref()
        .map(|d| d.date.human())
        .unwrap_or_else(|| "undated".into());
    Some(view! {
        <article class="mention" data-testid="mention">
            <p class="mention-meta">
                <strong>{p.source.clone()}</strong>
                " · "
                {published}
                {e
                    .aside
                    .then(|| {
                        view! {
                            <span class="aside-mark" data-testid="aside-mark">
                                " · in a caption or teaser, not the running text"
                            </span>
                        }
                    })}
            </p>
            <p class="mention-title">{p.title.clone()}</p>
            {e
                .anchor
                .clone()
                .map(|a| {
                    view! {
                        <p class="muted" data-testid="named-event">
                            {format!("Placed by a named event: {a}")}
                        </p>
                    }
                })}
            {e
                .resolution
                .as_ref()
                .and_then(|r| r.settled_by.clone())
                .map(|by| {
                    view! {
                        <p class="muted" data-testid="settled-by">
                            {format!("Placed by the rest of the article: {by}.")}
                        </p>
                    }
                })}
            <blockquote>
                <Highlighted spans />
            </blockquote>
            <a href=href data-testid="mention-link">
                "Open in the reader →"
            </a>
            {give_lane_button(e.article, lanes, ui)}
        </article>
    })
}

/// "Give it a lane", for an article now summed up in the density strip.
fn give_lane_button(id: ArticleId, lanes: Memo<LaneSet>, ui: Ui) -> impl IntoView {
    let in_strip = lanes.with_untracked(|l| l.rest.contains(&id));
    in_strip.then(|| {
        view! {
            <button
                type="button"
                data-testid="give-lane"
                on:click=move |_| {
                    let shown: Vec<ArticleId> = lanes
                        .with_untracked(|l| l.shown.iter().filter_map(|l| l.articles.first().copied()).collect());
                    ui.chosen.update(|c| c.get_or_insert(shown).push(id));
                }
            >
                "Give it a lane"
            </button>
        }
    })
}

/// The articles of a publication mark that stands for several, listed beside the chart.
#[component]
pub(super) fn Listed(timeline: Memo<Timeline>, ui: Ui) -> impl IntoView {
    move || {
        let ids = ui.listed.get()?;
        let rows = timeline.with(|t| {
            ids.iter()
                .take(LIST_ROWS)
                .filter_map(|&id| {
                    let p = t.publication(id)?;
                    let when = p
                        .date
                        .as_ref()
                        .map(|d| d.date.human())
                        .or_else(|| {
                            p.inferred
                                .as_ref()
                                .map(|i| format!("inferred {}", i.window()))
                        })
                        .unwrap_or_else(|| "undated".into());
                    Some(view! {
                        <li data-testid="listed-row">
                            <a href=Route::article(id).to_hash()>{p.title.clone()}</a>
                            <span class="muted">{format!(" · {when} · {}", p.source)}</span>
                        </li>
                    })
                })
                .collect_view()
        });
        let n = ids.len();
        Some(view! {
            <section class="group-panel" data-testid="listed-panel" aria-live="polite">
                <h2>{format!("{n} article{} published here", if n == 1 { "" } else { "s" })}</h2>
                <button type="button" on:click=move |_| ui.listed.set(None)>
                    "Close"
                </button>
                <ul class="listed">{rows}</ul>
            </section>
        })
    }
}

/// Articles with no date and none to infer: listed, never placed.
#[component]
pub(super) fn Undated(timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let undated = t.undated().count();
            let inferred: Vec<_> = t.inferred().collect();
            let undated_list = (undated > 0).then(|| {
                let items = move || {
                    timeline.with(|t| {
                        t.undated()
                            .take(LIST_ROWS)
                            .map(|p| view! {
                                <li>
                                    <a href=Route::article(p.id).to_hash()>{p.title.clone()}</a>
                                    " · "
                                    {p.source.clone()}
                                </li>
                            })
                            .collect_view()
                    })
                };
                view! {
                    <LazyDetails
                        class="undated-lane"
                        testid="undated-lane"
                        summary=format!("Undated: {undated} articles, not placed on the timeline")
                        content=move || view! { <ul>{items}</ul> }
                    />
                }
            });
            let inferred_list = (!inferred.is_empty()).then(|| {
                // What each row says, worked out once; the rows are drawn a screenful per frame.
                let rows: Vec<(ArticleId, String, String)> = inferred
                    .iter()
                    .take(LIST_ROWS)
                    .filter_map(|p| {
                        let i = p.inferred.as_ref()?;
                        let until = i.until.as_ref().map(|b| format!("; {}", b.evidence));
                        let says = format!(": {} — {}{}", i.window(), i.evidence, until.unwrap_or_default());
                        Some((p.id, p.title.clone(), says))
                    })
                    .collect();
                let total = rows.len();
                let rows = StoredValue::new(rows);
                let shown = first_then_page(FIRST_ROWS, LIST_ROWS);
                let items = view! {
                    <For each=move || 0..shown.get().min(total) key=|i| *i let:i>
                        {rows
                            .with_value(|rows| {
                                rows.get(i)
                                    .map(|(id, title, says)| {
                                        view! {
                                            <li data-testid="inferred-row">
                                                <a href=Route::article(*id).to_hash()>{title.clone()}</a>
                                                {says.clone()}
                                            </li>
                                        }
                                    })
                            })}
                    </For>
                };
                view! {
                    <details class="inferred-lane" data-testid="inferred-lane" open>
                        <summary>
                            {format!(
                                "Inferred dates: {} undated articles placed by the latest date their text names (dashed on the timeline; set a date in the reader to override)",
                                inferred.len(),
                            )}
                        </summary>
                        <ul>{items}</ul>
                    </details>
                }
            });
            view! {
                {inferred_list}
                {undated_list}
            }
        })
    }
}

/// Mentions that could not be placed (relative dates in undated articles).
#[component]
pub(super) fn Unplaced(timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let unplaced = t.unplaced().count();
            (unplaced > 0).then(|| {
                let items = move || {
                    timeline.with(|t| {
                        t.unplaced()
                            .take(LIST_ROWS)
                            .map(|e| {
                                let href = Route::passage(e.article, e.paragraph, e.sentence.start, e.sentence.end - e.sentence.start).to_hash();
                                view! {
                                    <li>
                                        <a href=href>{format!("“{}”", e.text)}</a>
                                        {format!(" — {}", e.sentence_text)}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                };
                view! {
                    <LazyDetails
                        class="unplaced"
                        testid="unplaced"
                        summary=format!(
                            "{unplaced} mentions not placed: relative dates in articles without a publication date",
                        )
                        content=move || view! { <ul>{items}</ul> }
                    />
                }
            })
        })
    }
}

/// Durations, vague references and repetitions: time expressions with no place in time,
/// listed with what they say (TIMEX3 DURATION, SET and the `_REF` values), never drawn.
#[component]
pub(super) fn Unanchored(timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let count = t.other.len();
            (count > 0).then(|| {
                let items = move || {
                    timeline.with(|t| {
                        t.other
                            .iter()
                            .take(LIST_ROWS)
                            .map(|e| {
                                let href = Route::passage(e.article, e.paragraph, e.sentence.start, e.sentence.end - e.sentence.start).to_hash();
                                let timex = e.timex();
                                let what = format!(" {} ({})", describe_timex(&e.expression), timex.value);
                                view! {
                                    <li>
                                        <a href=href>{format!("“{}”", e.text)}</a>
                                        {what}
                                        <span class="muted">{format!(" — {}", e.sentence_text)}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                };
                view! {
                    <LazyDetails
                        class="unanchored"
                        testid="unanchored"
                        summary=format!(
                            "{count} durations, vague references and repetitions: time expressions with no place on the timeline",
                        )
                        content=move || view! { <ul>{items}</ul> }
                    />
                }
            })
        })
    }
}
