//! The timeline: publication dates on top, one lane per source or article with the events each
//! mentions, uncertain dates as bands, mentions of the same date grouped across texts; below it,
//! a query's volume over publication time.
//!
//! Everything about dates comes from `Corpus::timeline` and `Corpus::trend`; this file only maps
//! days to pixels. The chart is drawn with presentation attributes, not CSS, so the exported SVG
//! looks the same on its own.

use std::collections::BTreeMap;

use leptos::prelude::*;
use newsprism_core::search::snippet::mark_range;
use newsprism_core::time::calendar::Day;
use newsprism_core::time::timeline::{
    describe, share as share_of, ticks, Bucket, Group, Timeline, Trend,
};
use newsprism_core::ArticleId;

use crate::browser::files::download;
use crate::browser::hash::{go, svg_markup};
use crate::components::highlighted::Highlighted;
use crate::route::{Lanes, Route, TimelineState};
use crate::state::use_app_state;
use newsprism_core::export::ExportFormat;

/// The chart's width in SVG units; it scales to the page.
const W: f64 = 1000.0;
/// Where the plot starts, after the lane labels.
const X0: f64 = 180.0;
const AXIS_H: f64 = 26.0;
const PUB_H: f64 = 30.0;
const SHARED_H: f64 = 26.0;
const LANE_H: f64 = 30.0;
/// More lanes than this are not drawn (the note says how many are left out).
const MAX_LANES: usize = 60;
/// Lane colours, light enough for text on top and distinct in both themes.
const PALETTE: [&str; 8] = [
    "#8a2d1c", "#1a5fb4", "#26a269", "#a51d2d", "#c64600", "#613583", "#1c71d8", "#5e5c64",
];

/// A lane: a label and the articles in it.
#[derive(Clone, Debug, PartialEq)]
struct Lane {
    label: String,
    articles: Vec<ArticleId>,
}

fn lanes_of(t: &Timeline, mode: Lanes) -> Vec<Lane> {
    match mode {
        Lanes::Source => {
            let mut by_source: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
            for p in &t.publications {
                by_source.entry(p.source.clone()).or_default().push(p.id);
            }
            by_source
                .into_iter()
                .map(|(label, articles)| Lane { label, articles })
                .collect()
        }
        Lanes::Article => t
            .publications
            .iter()
            .map(|p| Lane {
                label: p.title.clone(),
                articles: vec![p.id],
            })
            .collect(),
    }
}

/// The visible days, as floating-point day numbers so zooming is smooth.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Domain {
    start: f64,
    end: f64,
}

impl Domain {
    fn fit(extent: Option<(Day, Day)>) -> Domain {
        match extent {
            Some((s, e)) => {
                let pad = (f64::from(e - s) * 0.04).max(15.0);
                Domain {
                    start: f64::from(s) - pad,
                    end: f64::from(e) + 1.0 + pad,
                }
            }
            None => Domain {
                start: 0.0,
                end: 365.0,
            },
        }
    }

    fn x(&self, day: f64) -> f64 {
        X0 + (day - self.start) / (self.end - self.start) * (W - X0 - 10.0)
    }

    fn zoom(self, factor: f64) -> Domain {
        let mid = (self.start + self.end) / 2.0;
        // From about three days to about three centuries.
        let half = ((self.end - self.start) * factor / 2.0).clamp(1.5, 55_000.0);
        Domain {
            start: mid - half,
            end: mid + half,
        }
    }

    fn pan(self, fraction: f64) -> Domain {
        let d = (self.end - self.start) * fraction;
        Domain {
            start: self.start + d,
            end: self.end + d,
        }
    }

    fn around(self, days: f64) -> Domain {
        let mid = (self.start + self.end) / 2.0;
        Domain {
            start: mid - days / 2.0,
            end: mid + days / 2.0,
        }
    }

    fn visible(&self, start: Day, end: Day) -> bool {
        f64::from(end) + 1.0 >= self.start && f64::from(start) <= self.end
    }
}

/// The timeline view.
#[component]
pub fn TimelineView(
    /// Lanes and the trend's query, from the URL.
    state: TimelineState,
) -> impl IntoView {
    let app = use_app_state();
    let timeline = Memo::new(move |_| app.corpus().with(|c| c.timeline()));
    let domain = RwSignal::new(Domain::fit(timeline.with_untracked(Timeline::extent)));
    // Refit when articles are added or removed.
    Effect::new(move |previous: Option<Option<(Day, Day)>>| {
        let extent = timeline.with(Timeline::extent);
        if previous.is_some_and(|p| p != extent) {
            domain.set(Domain::fit(extent));
        }
        extent
    });
    let hovered = RwSignal::new(None::<usize>);
    let pinned = RwSignal::new(None::<usize>);
    let message = RwSignal::new(None::<String>);
    // Lanes per source say nothing when every article has the same (or no) source.
    let one_source = timeline.with_untracked(|t| {
        t.publications
            .iter()
            .all(|p| t.publications.first().is_some_and(|f| f.source == p.source))
    });
    let mode = if state.lanes == Lanes::Source && one_source {
        Lanes::Article
    } else {
        state.lanes
    };
    let lanes = Memo::new(move |_| timeline.with(|t| lanes_of(t, mode)));

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let d = domain.get_untracked();
        let next = match ev.key().as_str() {
            "+" | "=" => d.zoom(0.5),
            "-" | "_" => d.zoom(2.0),
            "ArrowLeft" => d.pan(-0.2),
            "ArrowRight" => d.pan(0.2),
            "0" | "Home" => Domain::fit(timeline.with_untracked(Timeline::extent)),
            _ => return,
        };
        ev.prevent_default();
        domain.set(next);
    };
    let export = move |format: ExportFormat| {
        let result = match format {
            ExportFormat::Csv => timeline
                .with_untracked(|t| download("newsprism-events.csv", &t.events_csv(), format)),
            ExportFormat::Json => timeline
                .with_untracked(|t| download("newsprism-events.json", &t.events_json(), format)),
            ExportFormat::Svg => match svg_markup("timeline-chart") {
                Some(svg) => download("newsprism-timeline.svg", &svg, format),
                None => Err("the chart is not drawn".into()),
            },
        };
        message.set(Some(match result {
            Ok(()) => "Exported.".into(),
            Err(e) => format!("Could not export: {e}."),
        }));
    };
    let state_for_links = state.clone();
    let lanes_link = move |m: Lanes| {
        Route::Timeline(TimelineState {
            lanes: m,
            ..state_for_links.clone()
        })
        .to_hash()
    };
    let summary = move || {
        timeline.with(|t| {
            let placed = t.events.iter().filter(|e| e.resolution.is_some()).count();
            let undated = t.publications.iter().filter(|p| p.span.is_none()).count();
            format!(
                "{} articles · {} undated · {} date mentions, {} placed · {} dates mentioned by more than one article",
                t.publications.len(),
                undated,
                t.events.len(),
                placed,
                t.groups.iter().filter(|g| g.articles > 1).count()
            )
        })
    };
    let state_for_trend = state.clone();
    view! {
        <section class="timeline-view" data-testid="timeline">
            <div class="view-head">
                <h1>"Timeline"</h1>
                <p class="summary" data-testid="timeline-summary">{summary}</p>
            </div>
            <div class="timeline-tools" role="toolbar" aria-label="Timeline controls">
                <span class="sort-label">"Lanes:"</span>
                <a href=lanes_link(Lanes::Source) class:active=mode == Lanes::Source
                    title=if one_source { "Every article has the same source, so the lanes are per article" } else { "" }>"per source"</a>
                <a href=lanes_link(Lanes::Article) class:active=mode == Lanes::Article data-testid="lanes-article">"per article"</a>
                <span class="sep">"|"</span>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.zoom(0.5)) data-testid="zoom-in">"Zoom in"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.zoom(2.0)) data-testid="zoom-out">"Zoom out"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.pan(-0.25)) aria-label="Earlier">"←"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.pan(0.25)) aria-label="Later">"→"</button>
                <button type="button" on:click=move |_| domain.set(Domain::fit(timeline.with_untracked(Timeline::extent))) data-testid="zoom-fit">"Fit"</button>
                <span class="sort-label">"Show:"</span>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.around(3652.5))>"decade"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.around(365.25))>"year"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.around(31.0))>"month"</button>
                <button type="button" on:click=move |_| domain.update(|d| *d = d.around(8.0)) data-testid="zoom-week">"week"</button>
                <span class="sep">"|"</span>
                <button type="button" on:click=move |_| export(ExportFormat::Csv) data-testid="export-events-csv">"Events CSV"</button>
                <button type="button" on:click=move |_| export(ExportFormat::Json) data-testid="export-events-json">"Events JSON"</button>
                <button type="button" on:click=move |_| export(ExportFormat::Svg) data-testid="export-chart-svg">"Chart SVG"</button>
                <span class="muted" role="status">{move || message.get()}</span>
            </div>
            <p class="muted hint">
                "Bars are dates the texts mention; pale bands are uncertain dates (every day or week they could be), "
                "dashed outlines are publication dates inferred from the text. Tab to a mark to read its sentence; Enter or a click opens it in the reader. "
                "With the chart focused: + and − zoom, ← and → scroll, 0 fits."
            </p>
            <div class="chart-wrap" tabindex="0" on:keydown=on_key aria-label="Timeline chart: + and − zoom, arrow keys scroll">
                {move || {
                    let d = domain.get();
                    timeline.with(|t| lanes.with(|lanes| chart(t, lanes, d, hovered, pinned)))
                }}
            </div>
            <GroupPanel timeline hovered pinned />
            <Undated timeline />
            <Unplaced timeline />
            <TrendPanel state=state_for_trend />
        </section>
    }
}

fn chart(
    t: &Timeline,
    lanes: &[Lane],
    d: Domain,
    hovered: RwSignal<Option<usize>>,
    pinned: RwSignal<Option<usize>>,
) -> AnyView {
    let shown = &lanes[..lanes.len().min(MAX_LANES)];
    let lanes_top = AXIS_H + PUB_H + SHARED_H;
    let height = lanes_top + LANE_H * shown.len() as f64 + 6.0;
    let plot_right = W - 10.0;
    let clamp = |x: f64| x.clamp(X0, plot_right);

    // Axis.
    let axis = ticks(d.start.floor() as Day, d.end.ceil() as Day, 12)
        .into_iter()
        .map(|tick| {
            let x = d.x(f64::from(tick.day));
            let weight = if tick.major { "600" } else { "400" };
            view! {
                <line x1=x x2=x y1=AXIS_H - 4.0 y2=height stroke="#8a857c" stroke-opacity=if tick.major { "0.45" } else { "0.2" } />
                <text x=x + 3.0 y=AXIS_H - 9.0 font-size="11" font-weight=weight fill="#5f5b54" font-family="sans-serif">{tick.label}</text>
            }
        })
        .collect_view();

    // Publication track.
    let pubs = t
        .publications
        .iter()
        .filter_map(|p| {
            let (s, e) = p.span?;
            if !d.visible(s, e) {
                return None;
            }
            let x1 = clamp(d.x(f64::from(s)));
            let x2 = clamp(d.x(f64::from(e) + 1.0));
            let inferred = p.date.is_none();
            let label = format!(
                "{}: {} ({})",
                p.title,
                match (&p.date, &p.inferred) {
                    (Some(date), _) => date.date.human(),
                    (None, Some(i)) => format!("inferred {} or later", i.date.human()),
                    (None, None) => "undated".into(),
                },
                p.source
            );
            let id = p.id;
            Some(view! {
                <rect class="pub-mark" data-testid="pub-mark" data-inferred=inferred.to_string()
                    x=x1 y=AXIS_H + 4.0 width=(x2 - x1).max(4.0) height=PUB_H - 10.0
                    fill="#8a2d1c" fill-opacity="0.16" stroke="#8a2d1c"
                    stroke-dasharray=if inferred { "4 3" } else { "none" }
                    tabindex="0" role="link" aria-label=label
                    on:click=move |_| go(&Route::article(id))
                    on:keydown=move |ev| if ev.key() == "Enter" { go(&Route::article(id)) }
                />
            })
        })
        .collect_view();

    // Dates mentioned by more than one article: a badge with the count.
    let shared = t
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.articles > 1 && d.visible(g.start, g.end))
        .map(|(gi, g)| {
            let x = clamp(d.x((f64::from(g.start) + f64::from(g.end) + 1.0) / 2.0));
            let y = AXIS_H + PUB_H + SHARED_H / 2.0;
            let label = format!("{}: mentioned by {} articles", describe_group(t, g), g.articles);
            view! {
                <g class="shared-mark" data-testid="shared-mark" data-key=g.key.clone() tabindex="0" role="button" aria-label=label
                    on:click=move |_| pinned.set(Some(gi))
                    on:mouseenter=move |_| hovered.set(Some(gi))
                    on:focus=move |_| hovered.set(Some(gi))
                    on:keydown=move |ev| if ev.key() == "Enter" { pinned.set(Some(gi)) }>
                    <circle cx=x cy=y r="9" fill="#1a5fb4" />
                    <text x=x y=y + 4.0 font-size="11" text-anchor="middle" fill="#ffffff" font-family="sans-serif" font-weight="700">{g.articles}</text>
                </g>
            }
        })
        .collect_view();

    // Lanes: each lane's marks, the same date merged into one mark per lane.
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
    let lane_rows = shown
        .iter()
        .enumerate()
        .map(|(li, l)| {
            let y = lanes_top + LANE_H * li as f64;
            let label: String = if l.label.chars().count() > 26 {
                l.label.chars().take(25).collect::<String>() + "…"
            } else {
                l.label.clone()
            };
            let fill = if li % 2 == 0 { "#8a857c" } else { "none" };
            view! {
                <rect x="0" y=y width=W height=LANE_H fill=fill fill-opacity="0.06" />
                <text x="6" y=y + LANE_H / 2.0 + 4.0 font-size="12" fill="#1d1c1a" font-family="sans-serif" data-testid="lane-label">{label}</text>
            }
        })
        .collect_view();
    let mark_views = marks
        .into_iter()
        .map(|((li, gi), events)| {
            let g = &t.groups[gi];
            let colour = PALETTE[li % PALETTE.len()];
            let y = lanes_top + LANE_H * li as f64 + 5.0;
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
            let body = if g.certain {
                let x1 = clamp(d.x(f64::from(g.start)));
                let x2 = clamp(d.x(f64::from(g.end) + 1.0));
                let w = (x2 - x1).max(6.0);
                view! { <rect x=x1 - if x2 - x1 < 6.0 { 3.0 } else { 0.0 } y=y width=w height=h rx="2" fill=colour /> }.into_any()
            } else {
                let x1 = clamp(d.x(f64::from(g.start)));
                let x2 = clamp(d.x(f64::from(g.end) + 1.0));
                let candidates = first
                    .resolution
                    .as_ref()
                    .map(|r| r.candidates.clone())
                    .unwrap_or_default();
                let ticks = (candidates.len() <= 40).then(|| {
                    candidates
                        .into_iter()
                        .filter(|c| d.visible(c.start, c.end))
                        .map(|c| {
                            let cx1 = clamp(d.x(f64::from(c.start)));
                            let cx2 = clamp(d.x(f64::from(c.end) + 1.0));
                            view! { <rect x=cx1 y=y + h - 5.0 width=(cx2 - cx1).max(2.0) height="5" fill=colour /> }
                        })
                        .collect_view()
                });
                view! {
                    <rect class="band" x=x1 y=y width=(x2 - x1).max(6.0) height=h rx="2" fill=colour fill-opacity="0.22"
                        stroke=colour stroke-opacity="0.6" stroke-dasharray="3 2" />
                    {ticks}
                }
                .into_any()
            };
            let count = (events.len() > 1).then(|| {
                let x = clamp(d.x(f64::from(g.end) + 1.0)) + 3.0;
                view! { <text x=x y=y + h - 4.0 font-size="10" fill="#5f5b54" font-family="sans-serif">{format!("×{}", events.len())}</text> }
            });
            view! {
                <g class="event-mark" data-testid="event-mark" data-key=g.key.clone() data-certain=g.certain.to_string()
                    tabindex="0" role="link" aria-label=label
                    on:click=move |_| go(&target)
                    on:keydown=move |ev| if ev.key() == "Enter" { go(&target_key) }
                    on:mouseenter=move |_| hovered.set(Some(gi))
                    on:focus=move |_| hovered.set(Some(gi))>
                    {body}
                    {count}
                </g>
            }
        })
        .collect_view();
    let more = (lanes.len() > shown.len()).then(|| {
        view! { <p class="muted" data-testid="lanes-left-out">{format!("{} more lanes are not drawn; switch to lanes per source, or zoom in the library with a search.", lanes.len() - shown.len())}</p> }
    });
    view! {
        <svg id="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {height}") width="100%" role="img"
            aria-label="Publication dates and the dates each text mentions" data-testid="timeline-chart">
            <rect x="0" y="0" width=W height=height fill="#ffffff" fill-opacity="0" />
            {axis}
            <text x="6" y=AXIS_H + PUB_H / 2.0 + 4.0 font-size="12" font-weight="600" fill="#1d1c1a" font-family="sans-serif">"Published"</text>
            {pubs}
            <text x="6" y=AXIS_H + PUB_H + SHARED_H / 2.0 + 4.0 font-size="12" font-weight="600" fill="#1d1c1a" font-family="sans-serif">"Shared dates"</text>
            {shared}
            {lane_rows}
            {mark_views}
        </svg>
        {more}
    }
    .into_any()
}

/// "one of 5 possible days, 28 Nov 2022 – 26 Dec 2022", from the group's first mention.
fn describe_group(t: &Timeline, g: &Group) -> String {
    g.events
        .first()
        .and_then(|&ei| t.events.get(ei))
        .and_then(|e| e.resolution.as_ref())
        .map_or_else(|| g.key.clone(), describe)
}

/// The sentences that mention the hovered or pinned date, side by side.
#[component]
fn GroupPanel(
    timeline: Memo<Timeline>,
    hovered: RwSignal<Option<usize>>,
    pinned: RwSignal<Option<usize>>,
) -> impl IntoView {
    move || {
        let gi = pinned.get().or(hovered.get())?;
        timeline.with(|t| {
            let g = t.groups.get(gi)?;
            let first = t.events.get(*g.events.first()?)?;
            let what = first
                .resolution
                .as_ref()
                .map(describe)
                .unwrap_or_default();
            let cards = g
                .events
                .iter()
                .filter_map(|&ei| {
                    let e = t.events.get(ei)?;
                    let p = t.publications.iter().find(|p| p.id == e.article)?;
                    let spans = mark_range(
                        &e.sentence_text,
                        e.range.start - e.sentence.start..e.range.end - e.sentence.start,
                    );
                    let href = Route::passage(e.article, e.paragraph, e.sentence.start, e.sentence.end - e.sentence.start).to_hash();
                    let published = p
                        .date
                        .as_ref()
                        .map(|d| d.date.human())
                        .unwrap_or_else(|| "undated".into());
                    Some(view! {
                        <article class="mention" data-testid="mention">
                            <p class="mention-meta"><strong>{p.source.clone()}</strong>" · "{published}</p>
                            <p class="mention-title">{p.title.clone()}</p>
                            <blockquote><Highlighted spans /></blockquote>
                            <a href=href data-testid="mention-link">"Open in the reader →"</a>
                        </article>
                    })
                })
                .collect_view();
            let pinned_now = pinned.get().is_some();
            Some(view! {
                <section class="group-panel" data-testid="group-panel" aria-live="polite">
                    <h2>{format!("{what} · {} mention{} in {} article{}", g.events.len(), if g.events.len() == 1 { "" } else { "s" }, g.articles, if g.articles == 1 { "" } else { "s" })}</h2>
                    <p class="muted">{format!("Normalised value: {}", g.key)}{(!g.certain).then_some(" · uncertain: the publication date is not precise enough to pick one")}</p>
                    {pinned_now.then(|| view! { <button type="button" on:click=move |_| pinned.set(None)>"Unpin"</button> })}
                    <div class="mentions">{cards}</div>
                </section>
            })
        })
    }
}

/// Articles with no date and none to infer: listed, never placed.
#[component]
fn Undated(timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let undated: Vec<_> = t.publications.iter().filter(|p| p.span.is_none()).collect();
            let inferred: Vec<_> = t.publications.iter().filter(|p| p.date.is_none() && p.inferred.is_some()).collect();
            let undated_list = (!undated.is_empty()).then(|| {
                let items = undated
                    .iter()
                    .take(200)
                    .map(|p| view! { <li><a href=Route::article(p.id).to_hash()>{p.title.clone()}</a>" · "{p.source.clone()}</li> })
                    .collect_view();
                view! {
                    <details class="undated-lane" data-testid="undated-lane">
                        <summary>{format!("Undated: {} articles, not placed on the timeline", undated.len())}</summary>
                        <ul>{items}</ul>
                    </details>
                }
            });
            let inferred_list = (!inferred.is_empty()).then(|| {
                let items = inferred
                    .iter()
                    .take(200)
                    .filter_map(|p| {
                        let i = p.inferred.as_ref()?;
                        Some(view! {
                            <li data-testid="inferred-row">
                                <a href=Route::article(p.id).to_hash()>{p.title.clone()}</a>
                                {format!(": {} or later — {}", i.date.human(), i.evidence)}
                            </li>
                        })
                    })
                    .collect_view();
                view! {
                    <details class="inferred-lane" data-testid="inferred-lane" open>
                        <summary>{format!("Inferred dates: {} undated articles placed by the latest date their text names (dashed on the timeline; set a date in the reader to override)", inferred.len())}</summary>
                        <ul>{items}</ul>
                    </details>
                }
            });
            view! { {inferred_list}{undated_list} }
        })
    }
}

/// Mentions that could not be placed (relative dates in undated articles).
#[component]
fn Unplaced(timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        timeline.with(|t| {
            let unplaced: Vec<_> = t.events.iter().filter(|e| e.resolution.is_none()).collect();
            (!unplaced.is_empty()).then(|| {
                let items = unplaced
                    .iter()
                    .take(200)
                    .map(|e| {
                        let href = Route::passage(e.article, e.paragraph, e.sentence.start, e.sentence.end - e.sentence.start).to_hash();
                        view! { <li><a href=href>{format!("“{}”", e.text)}</a>{format!(" — {}", e.sentence_text)}</li> }
                    })
                    .collect_view();
                view! {
                    <details class="unplaced" data-testid="unplaced">
                        <summary>{format!("{} mentions not placed: relative dates in articles without a publication date", unplaced.len())}</summary>
                        <ul>{items}</ul>
                    </details>
                }
            })
        })
    }
}

/// A query's volume over publication time, per source, as counts or shares.
#[component]
fn TrendPanel(state: TimelineState) -> impl IntoView {
    let app = use_app_state();
    let q = state.q.clone();
    let (aliases, bucket) = (state.aliases, state.bucket);
    let trend = Memo::new(move |_| {
        let q = q.clone();
        (!q.trim().is_empty()).then(|| app.corpus().with(|c| c.trend(&q, aliases, bucket)))
    });
    let input = RwSignal::new(state.q.clone());
    let base = state.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go(&Route::Timeline(TimelineState {
            q: input.get_untracked(),
            ..base.clone()
        }));
    };
    let link = {
        let s = state.clone();
        move |f: &dyn Fn(&mut TimelineState)| {
            let mut next = s.clone();
            f(&mut next);
            Route::Timeline(next).to_hash()
        }
    };
    let by_month = link(&|s| s.bucket = Bucket::Month);
    let by_year = link(&|s| s.bucket = Bucket::Year);
    let counts = link(&|s| s.share = false);
    let shares = link(&|s| s.share = true);
    let share = state.share;
    let message = RwSignal::new(None::<String>);
    view! {
        <section class="trend" data-testid="trend">
            <h2>"Trend of a search over publication time"</h2>
            <form class="trend-form" on:submit=submit>
                <label>"Query " <input type="search" data-testid="trend-query" prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev)) placeholder="e.g. Poetin, \"giftige mensen\", troepen OR soldaten" /></label>
                <button type="submit">"Show trend"</button>
                <span class="sort-label">"Per:"</span>
                <a href=by_month class:active=bucket == Bucket::Month>"month"</a>
                <a href=by_year class:active=bucket == Bucket::Year data-testid="bucket-year">"year"</a>
                <span class="sort-label">"As:"</span>
                <a href=counts class:active=!share>"counts"</a>
                <a href=shares class:active=share data-testid="metric-share">"share of the period's articles"</a>
            </form>
            {move || trend.with(|t| match t {
                None => view! { <p class="muted">"Type a query to see how often it appears in each period and source. The query is kept in the URL."</p> }.into_any(),
                Some(t) => {
                    let csv = t.to_csv();
                    view! {
                        {trend_chart(t, share)}
                        <p>
                            <button type="button" data-testid="export-trend-csv" on:click=move |_| {
                                message.set(Some(match download("newsprism-trend.csv", &csv, ExportFormat::Csv) {
                                    Ok(()) => "Exported.".into(),
                                    Err(e) => format!("Could not export: {e}."),
                                }));
                            }>"Trend CSV"</button>
                            <span class="muted" role="status">{move || message.get()}</span>
                        </p>
                        {trend_table(t)}
                    }.into_any()
                }
            })}
        </section>
    }
}

fn trend_chart(t: &Trend, share: bool) -> AnyView {
    let periods: Vec<_> = t.periods.iter().filter(|p| p.span.is_some()).collect();
    if periods.is_empty() {
        return view! { <p class="muted">"No dated articles to chart."</p> }.into_any();
    }
    let h = 180.0;
    let top = 16.0;
    let left = 40.0;
    let bw = ((W - left - 10.0) / periods.len() as f64).min(60.0);
    let max = if share {
        1.0
    } else {
        periods.iter().map(|p| p.matches).max().unwrap_or(1).max(1) as f64
    };
    let source_index = |s: &str| t.sources.iter().position(|x| x == s).unwrap_or(0);
    let bars = periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = left + bw * i as f64 + 2.0;
            let mut y = top + h;
            let segments = p
                .sources
                .iter()
                .filter(|(_, m, _)| *m > 0)
                .map(|(s, m, _)| {
                    // As a share, each source's segment is its part of the period's share.
                    let value = if share {
                        share_of(*m, p.total)
                    } else {
                        *m as f64
                    };
                    let sh = value / max * h;
                    y -= sh;
                    let colour = PALETTE[source_index(s) % PALETTE.len()];
                    view! { <rect x=x y=y width=(bw - 4.0).max(2.0) height=sh fill=colour /> }
                })
                .collect_view();
            let label = if share {
                format!("{:.0}%", p.share() * 100.0)
            } else {
                p.matches.to_string()
            };
            view! {
                <g data-testid="trend-bar" data-period=p.label.clone() data-matches=p.matches.to_string() data-total=p.total.to_string()>
                    {segments}
                    <text x=x + bw / 2.0 - 2.0 y=y - 3.0 font-size="10" text-anchor="middle" fill="#5f5b54" font-family="sans-serif">{label}</text>
                    <text x=x + bw / 2.0 - 2.0 y=top + h + 14.0 font-size="10" text-anchor="middle" fill="#5f5b54" font-family="sans-serif">{p.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let legend = t
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! { <span class="legend"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill=PALETTE[i % PALETTE.len()] /></svg>{s.clone()}</span> }
        })
        .collect_view();
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {}", h + top + 24.0) width="100%" role="img" data-testid="trend-chart"
            aria-label=format!("Articles matching {} per period", t.query)>
            <line x1=left x2=W - 10.0 y1=top + h y2=top + h stroke="#8a857c" />
            <text x="4" y=top + 4.0 font-size="10" fill="#5f5b54" font-family="sans-serif">{if share { "100%".to_string() } else { max.to_string() }}</text>
            {bars}
        </svg>
        <p class="legends">{legend}</p>
    }
    .into_any()
}

fn trend_table(t: &Trend) -> AnyView {
    let rows = t
        .periods
        .iter()
        .flat_map(|p| {
            p.sources.iter().map(move |(s, m, total)| {
                let share = share_of(*m, *total) * 100.0;
                view! {
                    <tr data-testid="trend-row">
                        <td>{p.label.clone()}</td>
                        <td>{s.clone()}</td>
                        <td class="num">{*m}</td>
                        <td class="num">{*total}</td>
                        <td class="num">{format!("{share:.0}%")}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    view! {
        <p class="summary" data-testid="trend-summary">{format!("{} matching articles for “{}”", t.matches, t.query)}</p>
        <table class="trend-table">
            <thead><tr><th>"Period"</th><th>"Source"</th><th>"Matching"</th><th>"Articles"</th><th>"Share"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
