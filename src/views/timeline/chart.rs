//! The timeline chart: the axis, the publication track, the dates several articles mention,
//! one lane per source or chosen article with the marks of the dates each mentions, and a
//! density strip for the other articles. Marks never hide each other: overlapping ones are
//! stacked in rows, and where too many overlap they become one cluster that zooms in on them.

use std::collections::BTreeSet;

use leptos::prelude::*;
use newsprism_core::time::calendar::Day;
use newsprism_core::time::timeline::{ticks, Lane, Timeline};
use newsprism_core::ArticleId;

use super::geometry::{
    lane_label, layout, Domain, Layout, AXIS_H, MAX_PUB_ROWS, MAX_ROWS, ROW_H, TRACK_PAD,
};
use super::marks::{
    lane_marks, publication_marks, remove_lane_button, shared_marks, Item, COUNT_W,
};
use super::{LaneSet, Ui};

/// More lanes than this are not drawn (the note says how many are left out).
const MAX_LANES: usize = 60;
/// The density strip's height.
const DENSITY_H: f64 = 38.0;

fn extents(items: &[Item]) -> Vec<(f64, f64)> {
    items.iter().map(|i| i.x).collect()
}

/// A track's height for its rows.
fn track_h(rows: usize) -> f64 {
    TRACK_PAD + ROW_H * rows as f64
}

/// The chart for the visible days `d`.
pub(super) fn chart(t: &Timeline, lanes: &LaneSet, d: Domain, ui: Ui) -> AnyView {
    let shown = &lanes.shown[..lanes.shown.len().min(MAX_LANES)];
    let pubs = publication_items(t, d);
    let pub_layout = layout(&extents(&pubs), MAX_PUB_ROWS);
    let shared = shared_items(t, d);
    let shared_layout = layout(&extents(&shared), 2);
    let lane_items = lane_items(t, shown, d);
    let lane_layouts: Vec<Layout> = lane_items
        .iter()
        .map(|items| layout(&extents(items), MAX_ROWS))
        .collect();
    let pub_top = AXIS_H;
    let shared_top = pub_top + track_h(pub_layout.height);
    let mut y = shared_top + track_h(shared_layout.height);
    let mut lane_tops = Vec::with_capacity(shown.len());
    for l in &lane_layouts {
        lane_tops.push(y);
        y += track_h(l.height);
    }
    let density_top = y;
    if !lanes.rest.is_empty() {
        y += DENSITY_H;
    }
    let height = y + 6.0;
    let more = (lanes.shown.len() > shown.len()).then(|| {
        view! {
            <p class="muted" data-testid="lanes-left-out">
                {format!(
                    "{} more lanes are not drawn; choose lanes per article to pick the few to show.",
                    lanes.shown.len() - shown.len(),
                )}
            </p>
        }
    });
    let w = d.width;
    let lanes_view = lanes_view(
        t,
        lanes,
        shown,
        (&lane_items, &lane_layouts),
        &lane_tops,
        d,
        ui,
    );
    // A group, not an image: its marks are links and buttons that screen readers must reach.
    view! {
        <svg
            id="timeline-chart"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {w} {height}")
            width="100%"
            role="group"
            aria-label="Publication dates and the dates each text mentions"
            data-testid="timeline-chart"
        >
            {axis(d, height)}
            <text x="6" y=shared_top / 2.0 + pub_top / 2.0 + 4.0 class="tl-track-label">
                "Published"
            </text>
            {publication_marks(t, &pubs, &pub_layout, pub_top, d, ui)}
            <text x="6" y=shared_top + track_h(shared_layout.height) / 2.0 + 4.0 class="tl-track-label">
                "Shared dates"
            </text>
            {shared_marks(t, &shared, &shared_layout, shared_top, ui)}
            {lanes_view}
            {(!lanes.rest.is_empty()).then(|| density_strip(t, &lanes.rest, d, density_top, ui))}
        </svg>
        {more}
    }
    .into_any()
}

/// The lanes: stripes, labels (with a ✕ for a chosen article) and marks.
fn lanes_view(
    t: &Timeline,
    lanes: &LaneSet,
    shown: &[Lane],
    (items, layouts): (&[Vec<Item>], &[Layout]),
    tops: &[f64],
    d: Domain,
    ui: Ui,
) -> impl IntoView {
    let current: Vec<ArticleId> = shown
        .iter()
        .filter_map(|l| l.articles.first().copied())
        .collect();
    shown
        .iter()
        .zip(items.iter().zip(layouts))
        .enumerate()
        .map(|(li, (lane, (items, l)))| {
            let top = tops[li];
            let h = track_h(l.height);
            let stripe = if li % 2 == 0 {
                "tl-stripe"
            } else {
                "tl-stripe odd"
            };
            let removable = lanes
                .removable
                .then(|| lane.articles.first().copied())
                .flatten();
            let label = lane_label(
                &lane.label,
                d.label_chars() - usize::from(removable.is_some()) * 2,
            );
            view! {
                <rect x="0" y=top width=d.width height=h class=stripe />
                <g>
                    <title>{lane.label.clone()}</title>
                    <text x="6" y=top + h / 2.0 + 4.0 class="tl-lane-label" data-testid="lane-label">
                        {label}
                    </text>
                </g>
                {removable.map(|id| remove_lane_button(d, top + h / 2.0, id, current.clone(), ui))}
                {lane_marks(t, items, l, top, li, d, ui)}
            }
        })
        .collect_view()
}

/// Grid lines and their labels, down the whole chart.
fn axis(d: Domain, height: f64) -> impl IntoView {
    let (first, last) = d.days();
    let max = ((d.right() - d.x0()) / 80.0).clamp(3.0, 12.0) as usize;
    ticks(first, last, max)
        .into_iter()
        .filter(|tick| d.x(f64::from(tick.day)) >= d.x0())
        .map(|tick| {
            let x = d.x(f64::from(tick.day));
            let (line, label) = if tick.major {
                ("tl-grid major", "tl-tick major")
            } else {
                ("tl-grid", "tl-tick")
            };
            // A label that would run off the right edge is set before its line.
            let fits = x + 3.0 + 6.5 * tick.label.chars().count() as f64 <= d.width;
            let (tx, anchor) = if fits {
                (x + 3.0, "start")
            } else {
                (x - 3.0, "end")
            };
            view! {
                <line x1=x x2=x y1=AXIS_H - 4.0 y2=height class=line />
                <text x=tx y=AXIS_H - 9.0 class=label text-anchor=anchor data-testid="tick">
                    {tick.label}
                </text>
            }
        })
        .collect_view()
}

/// One item per distinct publication span in view (articles of the same day share one).
fn publication_items(t: &Timeline, d: Domain) -> Vec<Item> {
    let mut by_span: std::collections::BTreeMap<(Day, Day), Vec<usize>> = Default::default();
    for (i, p) in t.publications.iter().enumerate() {
        if let Some((s, e)) = p.span.filter(|&(s, e)| d.visible(s, e)) {
            by_span.entry((s, e)).or_default().push(i);
        }
    }
    by_span
        .into_iter()
        .map(|((s, e), members)| {
            let x1 = d.clamped_x(f64::from(s));
            let x2 = d.clamped_x(f64::from(e) + 1.0).max(x1 + 4.0);
            let count = if members.len() > 1 { COUNT_W } else { 0.0 };
            Item {
                days: (s, e),
                x: (x1, x2 + count),
                members,
                group: 0,
            }
        })
        .collect()
}

/// Shared dates in view, as badges.
fn shared_items(t: &Timeline, d: Domain) -> Vec<Item> {
    t.groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.articles > 1 && d.visible(g.start, g.end))
        .map(|(gi, g)| {
            let x = d.clamped_x((f64::from(g.start) + f64::from(g.end) + 1.0) / 2.0);
            Item {
                days: (g.start, g.end),
                x: (x - 8.0, x + 8.0),
                members: vec![gi],
                group: gi,
            }
        })
        .collect()
}

/// Each lane's marks: one per date it mentions in view, the same date merged.
fn lane_items(
    t: &Timeline,
    shown: &[newsprism_core::time::timeline::Lane],
    d: Domain,
) -> Vec<Vec<Item>> {
    let lane_of: std::collections::HashMap<ArticleId, usize> = shown
        .iter()
        .enumerate()
        .flat_map(|(li, l)| l.articles.iter().map(move |&a| (a, li)))
        .collect();
    let mut items: Vec<Vec<Item>> = shown.iter().map(|_| Vec::new()).collect();
    for (gi, g) in t.groups.iter().enumerate() {
        if !d.visible(g.start, g.end) {
            continue;
        }
        let mut per_lane: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for &ei in &g.events {
            if let Some(&li) = lane_of.get(&t.events[ei].article) {
                per_lane.entry(li).or_default().push(ei);
            }
        }
        for (li, events) in per_lane {
            let x1 = d.clamped_x(f64::from(g.start));
            let x2 = d.clamped_x(f64::from(g.end) + 1.0).max(x1 + 6.0);
            let count = if events.len() > 1 { COUNT_W } else { 0.0 };
            items[li].push(Item {
                days: (g.start, g.end),
                x: (x1, x2 + count),
                members: events,
                group: gi,
            });
        }
    }
    items
}

/// The other articles' mentions, counted per stretch of the plot: bars that zoom in.
fn density_strip(t: &Timeline, rest: &[ArticleId], d: Domain, top: f64, ui: Ui) -> AnyView {
    let rest: BTreeSet<ArticleId> = rest.iter().copied().collect();
    let bins = ((d.right() - d.x0()) / 8.0).max(1.0) as usize;
    let mut counts = vec![0usize; bins];
    for g in t.groups.iter().filter(|g| d.visible(g.start, g.end)) {
        let mid = (f64::from(g.start) + f64::from(g.end) + 1.0) / 2.0;
        let x = d.clamped_x(mid);
        let bin = (((x - d.x0()) / 8.0) as usize).min(bins - 1);
        counts[bin] += g
            .events
            .iter()
            .filter(|&&ei| rest.contains(&t.events[ei].article))
            .count();
    }
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let base = top + DENSITY_H - 6.0;
    let bars = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(b, &n)| {
            let x = d.x0() + 8.0 * b as f64;
            let h = (n as f64 / most).sqrt() * (DENSITY_H - 12.0);
            let first = d.day_at(x).floor() as Day;
            let last = d.day_at(x + 8.0).ceil() as Day;
            let label = format!("{n} mentions by other articles: zoom in");
            view! {
                <rect
                    class="density-bar"
                    data-testid="density-bar"
                    x=x + 0.5
                    y=base - h.max(2.0)
                    width="7"
                    height=h.max(2.0)
                    role="button"
                    aria-label=label
                    on:click=move |_| {
                        if !ui.dragged.get_value() {
                            ui.domain.update(|d| *d = d.fitted((first, last)))
                        }
                    }
                />
            }
        })
        .collect_view();
    let label = format!("{} other articles", rest.len());
    view! {
        <text x="6" y=top + DENSITY_H / 2.0 + 4.0 class="tl-lane-label" data-testid="density-label">
            {label}
        </text>
        <line x1=d.x0() x2=d.right() y1=base y2=base class="tl-grid major" />
        {bars}
    }
    .into_any()
}
