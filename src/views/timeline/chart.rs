//! The timeline chart: the axis, the publication track, the dates several articles mention,
//! and one lane per source or article with the marks of the dates each mentions.

use std::collections::BTreeMap;

use leptos::prelude::*;
use newsprism_core::time::calendar::Day;
use newsprism_core::time::timeline::{describe, ticks, Event, Group, Lane, Timeline};
use newsprism_core::ArticleId;

use super::geometry::{lane_label, Domain, AXIS_H, LANES_TOP, LANE_H, PUB_H, SHARED_H, W};
use crate::browser::hash::go;
use crate::route::Route;

/// More lanes than this are not drawn (the note says how many are left out).
const MAX_LANES: usize = 60;
/// Lane colours are `lane-0` … `lane-7` in the stylesheet, distinct in both themes.
const LANE_COLOURS: usize = 8;
/// At most this many tick marks show an uncertain date's candidates.
const MAX_CANDIDATE_TICKS: usize = 40;

/// The chart for the visible days `d`.
pub(super) fn chart(
    t: &Timeline,
    lanes: &[Lane],
    d: Domain,
    hovered: RwSignal<Option<usize>>,
    pinned: RwSignal<Option<usize>>,
) -> AnyView {
    let shown = &lanes[..lanes.len().min(MAX_LANES)];
    let height = LANES_TOP + LANE_H * shown.len() as f64 + 6.0;
    let more = (lanes.len() > shown.len()).then(|| {
        view! {
            <p class="muted" data-testid="lanes-left-out">
                {format!(
                    "{} more lanes are not drawn; switch to lanes per source, or zoom in the library with a search.",
                    lanes.len() - shown.len(),
                )}
            </p>
        }
    });
    // A group, not an image: its marks are links and buttons that screen readers must reach.
    view! {
        <svg
            id="timeline-chart"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {W} {height}")
            width="100%"
            role="group"
            aria-label="Publication dates and the dates each text mentions"
            data-testid="timeline-chart"
        >
            {axis(d, height)}
            <text x="6" y=AXIS_H + PUB_H / 2.0 + 4.0 class="tl-track-label">
                "Published"
            </text>
            {publication_track(t, d)}
            <text x="6" y=AXIS_H + PUB_H + SHARED_H / 2.0 + 4.0 class="tl-track-label">
                "Shared dates"
            </text>
            {shared_track(t, d, hovered, pinned)}
            {lane_rows(shown)}
            {lane_marks(t, shown, d, hovered)}
        </svg>
        {more}
    }
    .into_any()
}

/// Grid lines and their labels, down the whole chart.
fn axis(d: Domain, height: f64) -> impl IntoView {
    ticks(d.start.floor() as Day, d.end.ceil() as Day, 12)
        .into_iter()
        .map(|tick| {
            let x = d.x(f64::from(tick.day));
            let (line, label) = if tick.major {
                ("tl-grid major", "tl-tick major")
            } else {
                ("tl-grid", "tl-tick")
            };
            view! {
                <line x1=x x2=x y1=AXIS_H - 4.0 y2=height class=line />
                <text x=x + 3.0 y=AXIS_H - 9.0 class=label>
                    {tick.label}
                </text>
            }
        })
        .collect_view()
}

/// Each article's publication date as a band as wide as its precision; inferred ones dashed.
fn publication_track(t: &Timeline, d: Domain) -> impl IntoView {
    t.publications
        .iter()
        .filter_map(|p| {
            let (s, e) = p.span?;
            if !d.visible(s, e) {
                return None;
            }
            let x1 = d.clamped_x(f64::from(s));
            let x2 = d.clamped_x(f64::from(e) + 1.0);
            let inferred = p.date.is_none();
            let when = match (&p.date, &p.inferred) {
                (Some(date), _) => date.date.human(),
                (None, Some(i)) => format!("inferred {} or later", i.date.human()),
                (None, None) => "undated".into(),
            };
            let label = format!("{}: {} ({})", p.title, when, p.source);
            let id = p.id;
            Some(view! {
                <rect
                    class="pub-mark"
                    class:inferred=inferred
                    data-testid="pub-mark"
                    data-inferred=inferred.to_string()
                    x=x1
                    y=AXIS_H + 4.0
                    width=(x2 - x1).max(4.0)
                    height=PUB_H - 10.0
                    tabindex="0"
                    role="link"
                    aria-label=label
                    on:click=move |_| go(&Route::article(id))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            go(&Route::article(id))
                        }
                    }
                />
            })
        })
        .collect_view()
}

/// Dates mentioned by more than one article: a badge with the count.
fn shared_track(
    t: &Timeline,
    d: Domain,
    hovered: RwSignal<Option<usize>>,
    pinned: RwSignal<Option<usize>>,
) -> impl IntoView {
    t.groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.articles > 1 && d.visible(g.start, g.end))
        .map(|(gi, g)| {
            let x = d.clamped_x((f64::from(g.start) + f64::from(g.end) + 1.0) / 2.0);
            let y = AXIS_H + PUB_H + SHARED_H / 2.0;
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
                    on:click=move |_| pinned.set(Some(gi))
                    on:mouseenter=move |_| hovered.set(Some(gi))
                    on:focus=move |_| hovered.set(Some(gi))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            pinned.set(Some(gi))
                        }
                    }
                >
                    <circle cx=x cy=y r="9" />
                    <text x=x y=y + 4.0 text-anchor="middle">
                        {g.articles}
                    </text>
                </g>
            }
        })
        .collect_view()
}

/// The lanes' striped backgrounds and labels.
fn lane_rows(shown: &[Lane]) -> impl IntoView {
    shown
        .iter()
        .enumerate()
        .map(|(li, l)| {
            let y = LANES_TOP + LANE_H * li as f64;
            let stripe = if li % 2 == 0 {
                "tl-stripe"
            } else {
                "tl-stripe odd"
            };
            view! {
                <rect x="0" y=y width=W height=LANE_H class=stripe />
                <text x="6" y=y + LANE_H / 2.0 + 4.0 class="tl-lane-label" data-testid="lane-label">
                    {lane_label(&l.label)}
                </text>
            }
        })
        .collect_view()
}

/// Each lane's marks, the same date merged into one mark per lane.
fn lane_marks(
    t: &Timeline,
    shown: &[Lane],
    d: Domain,
    hovered: RwSignal<Option<usize>>,
) -> impl IntoView {
    let lane_of: BTreeMap<ArticleId, usize> = shown
        .iter()
        .enumerate()
        .flat_map(|(li, l)| l.articles.iter().map(move |&a| (a, li)))
        .collect();
    let mut marks: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (gi, g) in t.groups.iter().enumerate() {
        if !d.visible(g.start, g.end) {
            continue;
        }
        for &ei in &g.events {
            if let Some(&li) = lane_of.get(&t.events[ei].article) {
                marks.entry((li, gi)).or_default().push(ei);
            }
        }
    }
    marks
        .into_iter()
        .map(|((li, gi), events)| event_mark(t, d, li, gi, &events, hovered))
        .collect_view()
}

/// One lane's mark of one date: a bar for a certain date, a band with the candidates ticked
/// for an uncertain one, a count when the lane mentions it several times.
fn event_mark(
    t: &Timeline,
    d: Domain,
    li: usize,
    gi: usize,
    events: &[usize],
    hovered: RwSignal<Option<usize>>,
) -> impl IntoView {
    let g = &t.groups[gi];
    let y = LANES_TOP + LANE_H * li as f64 + 5.0;
    let h = LANE_H - 10.0;
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
    let x1 = d.clamped_x(f64::from(g.start));
    let x2 = d.clamped_x(f64::from(g.end) + 1.0);
    let body = mark_body(g.certain, first, d, (x1, x2), (y, h));
    let count = (events.len() > 1).then(|| {
        view! {
            <text x=x2 + 3.0 y=y + h - 4.0 class="tl-count">
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
            on:click=move |_| go(&target)
            on:keydown=move |ev| {
                if ev.key() == "Enter" {
                    go(&target_key)
                }
            }
            on:mouseenter=move |_| hovered.set(Some(gi))
            on:focus=move |_| hovered.set(Some(gi))
        >
            {body}
            {count}
        </g>
    }
}

/// A mark's shape between `x1` and `x2`: a bar for a certain date; for an uncertain one a pale
/// band with its candidate days or weeks ticked (when there are few enough to tell apart).
fn mark_body(
    certain: bool,
    first: &Event,
    d: Domain,
    (x1, x2): (f64, f64),
    (y, h): (f64, f64),
) -> AnyView {
    if certain {
        let w = (x2 - x1).max(6.0);
        view! { <rect class="mark" x=x1 - if x2 - x1 < 6.0 { 3.0 } else { 0.0 } y=y width=w height=h rx="2" /> }
        .into_any()
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
                    view! { <rect class="mark" x=cx1 y=y + h - 5.0 width=(cx2 - cx1).max(2.0) height="5" /> }
                })
                .collect_view()
        });
        view! {
            <rect class="band" x=x1 y=y width=(x2 - x1).max(6.0) height=h rx="2" />
            {ticks}
        }
        .into_any()
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
