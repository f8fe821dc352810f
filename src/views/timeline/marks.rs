//! The timeline's marks: publications, shared dates, each lane's dates, clusters of marks
//! too close to tell apart, and the ✕ that gives a chosen article's lane up.

use leptos::prelude::*;
use newsprism_core::time::calendar::Day;
use newsprism_core::time::timeline::{describe, Event, Group, Timeline};
use newsprism_core::ArticleId;

use super::geometry::{Cluster, Domain, Layout, MARK_H, ROW_H, TRACK_PAD};
use super::Ui;
use crate::browser::hash::go;
use crate::route::Route;

/// Lane colours are `lane-0` … `lane-7` in the stylesheet, distinct in both themes.
const LANE_COLOURS: usize = 8;
/// At most this many tick marks show an uncertain date's candidates.
const MAX_CANDIDATE_TICKS: usize = 40;
/// The room a "×3" count takes after a mark.
pub(super) const COUNT_W: f64 = 18.0;

/// A mark before layout: the days it covers, its x extent, and what it stands for (indices of
/// publications, or of a group's events).
pub(super) struct Item {
    pub days: (Day, Day),
    pub x: (f64, f64),
    pub members: Vec<usize>,
    /// The group it marks, for shared dates and lane marks.
    pub group: usize,
}

/// The marks that have a row (not in a cluster), each with its y.
fn placed<'a>(
    items: &'a [Item],
    l: &'a Layout,
    top: f64,
) -> impl Iterator<Item = (&'a Item, f64)> + 'a {
    items
        .iter()
        .zip(&l.rows)
        .filter_map(move |(item, row)| Some((item, row_y(top, (*row)?))))
}

/// The y of a mark in `row` of the track that starts at `top`.
pub(super) fn row_y(top: f64, row: usize) -> f64 {
    top + TRACK_PAD / 2.0 + ROW_H * row as f64 + (ROW_H - MARK_H) / 2.0
}

/// Where a mark's "×3" goes: after the mark, or inside its end at the chart's right edge.
fn count_x(x2: f64, d: Domain) -> f64 {
    if x2 + COUNT_W > d.width {
        x2 - 2.0
    } else {
        x2 + 2.0
    }
}

fn count_anchor(x2: f64, d: Domain) -> &'static str {
    if x2 + COUNT_W > d.width {
        "end"
    } else {
        "start"
    }
}

/// The publication track: a band as wide as each date's precision, inferred dates dashed.
pub(super) fn publication_marks(
    t: &Timeline,
    items: &[Item],
    l: &Layout,
    top: f64,
    d: Domain,
    ui: Ui,
) -> AnyView {
    let marks = placed(items, l, top)
        .map(|(item, y)| publication_mark(t, item, y, d, ui))
        .collect_view();
    let clusters = l
        .clusters
        .iter()
        .map(|c| {
            let ids: Vec<ArticleId> = c
                .members
                .iter()
                .flat_map(|&m| items[m].members.iter().map(|&i| t.publications[i].id))
                .collect();
            let n = ids.len();
            let label = format!("{n} articles published close together: list them");
            cluster_mark(
                c,
                row_y(top, l.height - 1),
                n,
                label,
                move || ui.listed.set(Some(ids.clone())),
                ui,
            )
        })
        .collect_view();
    view! {
        {marks}
        {clusters}
    }
    .into_any()
}

/// One publication mark: an article, or several of the same date (a click lists them).
fn publication_mark(t: &Timeline, item: &Item, y: f64, d: Domain, ui: Ui) -> impl IntoView {
    {
        {
            let (x1, x2) = item.x;
            let several = item.members.len();
            let x2 = if several > 1 { x2 - COUNT_W } else { x2 };
            let first = &t.publications[item.members[0]];
            let inferred = item
                .members
                .iter()
                .all(|&i| t.publications[i].date.is_none());
            let when = match (&first.date, &first.inferred) {
                (Some(date), _) => date.date.human(),
                (None, Some(i)) => format!("inferred {}", i.window()),
                (None, None) => "undated".into(),
            };
            let ids: Vec<ArticleId> = item.members.iter().map(|&i| t.publications[i].id).collect();
            let label = if several == 1 {
                format!("{}: {} ({})", first.title, when, first.source)
            } else {
                format!("{several} articles published {when}: list them")
            };
            let open = move || {
                if ui.dragged.get_value() {
                    return;
                }
                if let [id] = ids[..] {
                    go(&Route::article(id));
                } else {
                    ui.listed.set(Some(ids.clone()));
                }
            };
            let open_key = open.clone();
            view! {
                <g
                    class="pub-group"
                    tabindex="0"
                    role="link"
                    aria-label=label
                    on:click=move |_| open()
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            open_key()
                        }
                    }
                >
                    <rect
                        class="pub-mark"
                        class:inferred=inferred
                        data-testid="pub-mark"
                        data-inferred=inferred.to_string()
                        data-count=several.to_string()
                        x=x1
                        y=y
                        width=x2 - x1
                        height=MARK_H
                    />
                    {(several > 1)
                        .then(|| {
                            view! {
                                <text
                                    x=count_x(x2, d)
                                    y=y + MARK_H - 3.0
                                    text-anchor=count_anchor(x2, d)
                                    class="tl-count"
                                >
                                    {format!("×{several}")}
                                </text>
                            }
                        })}
                </g>
            }
        }
    }
}

/// Dates mentioned by more than one article: a badge with the count.
pub(super) fn shared_marks(t: &Timeline, items: &[Item], l: &Layout, top: f64, ui: Ui) -> AnyView {
    let marks = placed(items, l, top)
        .map(|(item, y)| {
            let gi = item.group;
            let g = &t.groups[gi];
            let x = (item.x.0 + item.x.1) / 2.0;
            let cy = y + MARK_H / 2.0;
            let label = format!(
                "{}: mentioned by {} articles",
                describe_group(t, g),
                g.articles
            );
            view! {
                <g
                    class="shared-mark"
                    data-testid="shared-mark"
                    data-key=g.key.clone()
                    tabindex="0"
                    role="button"
                    aria-label=label
                    on:click=move |_| {
                        if !ui.dragged.get_value() {
                            ui.pinned.set(Some(gi))
                        }
                    }
                    on:mouseenter=move |_| ui.hovered.set(Some(gi))
                    on:focus=move |_| ui.hovered.set(Some(gi))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ui.pinned.set(Some(gi))
                        }
                    }
                >
                    <circle cx=x cy=cy r="8" />
                    <text x=x y=cy + 4.0 text-anchor="middle">
                        {g.articles}
                    </text>
                </g>
            }
        })
        .collect_view();
    let clusters = clusters_zooming(items, l, row_y(top, l.height - 1), "shared dates", ui);
    view! {
        {marks}
        {clusters}
    }
    .into_any()
}

/// One lane's marks and clusters.
pub(super) fn lane_marks(
    t: &Timeline,
    items: &[Item],
    l: &Layout,
    top: f64,
    li: usize,
    d: Domain,
    ui: Ui,
) -> AnyView {
    let marks = placed(items, l, top)
        .map(|(item, y)| event_mark(t, d, item, y, li, ui))
        .collect_view();
    let clusters = clusters_zooming(items, l, row_y(top, l.height - 1), "dates", ui);
    view! {
        {marks}
        {clusters}
    }
    .into_any()
}

/// Clusters that zoom in on the days their marks cover.
fn clusters_zooming(
    items: &[Item],
    l: &Layout,
    y: f64,
    what: &'static str,
    ui: Ui,
) -> impl IntoView {
    l.clusters
        .iter()
        .map(|c| {
            let first = c
                .members
                .iter()
                .map(|&m| items[m].days.0)
                .min()
                .unwrap_or(0);
            let last = c
                .members
                .iter()
                .map(|&m| items[m].days.1)
                .max()
                .unwrap_or(first);
            let n = c.members.len();
            let label = format!("{n} {what} close together: zoom in on them");
            cluster_mark(
                c,
                y,
                n,
                label,
                move || ui.domain.update(|d| *d = d.fitted((first, last))),
                ui,
            )
        })
        .collect_view()
}

/// A cluster of marks too close to tell apart: a band with their number.
fn cluster_mark(
    c: &Cluster,
    y: f64,
    n: usize,
    label: String,
    act: impl Fn() + Clone + 'static,
    ui: Ui,
) -> impl IntoView {
    let act_key = act.clone();
    let w = (c.x2 - c.x1).max(16.0);
    view! {
        <g
            class="cluster-mark"
            data-testid="cluster-mark"
            data-count=n.to_string()
            tabindex="0"
            role="button"
            aria-label=label
            on:click=move |_| {
                if !ui.dragged.get_value() {
                    act()
                }
            }
            on:keydown=move |ev| {
                if ev.key() == "Enter" {
                    act_key()
                }
            }
        >
            <rect x=c.x1 y=y width=w height=MARK_H rx="6" />
            <text x=c.x1 + w / 2.0 y=y + MARK_H - 3.0 text-anchor="middle">
                {n}
            </text>
        </g>
    }
}

/// A lane's mark of one date: a bar for a certain date, a band with the candidates ticked for
/// an uncertain one, a count when the lane mentions it several times.
fn event_mark(t: &Timeline, d: Domain, item: &Item, y: f64, li: usize, ui: Ui) -> impl IntoView {
    let gi = item.group;
    let g = &t.groups[gi];
    let events = &item.members;
    let first = &t.events[events[0]];
    let target = Route::passage(
        first.article,
        first.paragraph,
        first.sentence.start,
        first.sentence.end - first.sentence.start,
    );
    let target_key = target.clone();
    let label = format!(
        "{} — “{}”: {}",
        describe_group(t, g),
        first.text,
        first.sentence_text
    );
    let x1 = item.x.0;
    let x2 = if events.len() > 1 {
        item.x.1 - COUNT_W
    } else {
        item.x.1
    };
    let body = mark_body(g.certain, first, d, (x1, x2), y);
    let count = (events.len() > 1).then(|| {
        view! {
            <text x=count_x(x2, d) y=y + MARK_H - 3.0 text-anchor=count_anchor(x2, d) class="tl-count">
                {format!("×{}", events.len())}
            </text>
        }
    });
    view! {
        <g
            class=format!("event-mark lane-{}", li % LANE_COLOURS)
            data-testid="event-mark"
            data-key=g.key.clone()
            data-certain=g.certain.to_string()
            tabindex="0"
            role="link"
            aria-label=label
            on:click=move |_| {
                if !ui.dragged.get_value() {
                    go(&target)
                }
            }
            on:keydown=move |ev| {
                if ev.key() == "Enter" {
                    go(&target_key)
                }
            }
            on:mouseenter=move |_| ui.hovered.set(Some(gi))
            on:focus=move |_| ui.hovered.set(Some(gi))
        >
            {body}
            {count}
        </g>
    }
}

/// A mark's shape between `x1` and `x2`: a bar for a certain date; for an uncertain one a pale
/// band with its candidate days or weeks ticked (when there are few enough to tell apart).
fn mark_body(certain: bool, first: &Event, d: Domain, (x1, x2): (f64, f64), y: f64) -> AnyView {
    if certain {
        view! { <rect class="mark" x=x1 y=y width=x2 - x1 height=MARK_H rx="2" /> }.into_any()
    } else {
        let candidates = first
            .resolution
            .as_ref()
            .map(|r| r.candidates.clone())
            .unwrap_or_default();
        let ticks = (candidates.len() <= MAX_CANDIDATE_TICKS).then(|| {
            candidates
                .into_iter()
                .filter(|c| d.visible(c.start, c.end))
                .map(|c| {
                    let cx1 = d.clamped_x(f64::from(c.start));
                    let cx2 = d.clamped_x(f64::from(c.end) + 1.0);
                    view! { <rect class="mark" x=cx1 y=y + MARK_H - 4.0 width=(cx2 - cx1).max(2.0) height="4" /> }
                })
                .collect_view()
        });
        view! {
            <rect class="band" x=x1 y=y width=x2 - x1 height=MARK_H rx="2" />
            {ticks}
        }
        .into_any()
    }
}

/// The ✕ after a chosen article's lane label: gives its lane back to the density strip.
pub(super) fn remove_lane_button(
    d: Domain,
    y: f64,
    id: ArticleId,
    current: Vec<ArticleId>,
    ui: Ui,
) -> impl IntoView {
    let remove = move || {
        ui.chosen.update(|c| {
            c.get_or_insert_with(|| current.clone())
                .retain(|&a| a != id)
        })
    };
    let remove_key = remove.clone();
    view! {
        <text
            x=d.x0() - 16.0
            y=y + 4.0
            class="tl-remove"
            tabindex="0"
            role="button"
            aria-label="Remove this lane"
            data-testid="remove-lane"
            on:click=move |_| remove()
            on:keydown=move |ev| {
                if ev.key() == "Enter" {
                    remove_key()
                }
            }
        >
            "✕"
        </text>
    }
}

/// "one of 5 possible days, 28 Nov 2022 – 26 Dec 2022", from the group's first mention.
pub(super) fn describe_group(t: &Timeline, g: &Group) -> String {
    g.events
        .first()
        .and_then(|&ei| t.events.get(ei))
        .and_then(|e| e.resolution.as_ref())
        .map_or_else(|| g.key.clone(), describe)
}
