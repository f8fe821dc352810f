//! The timeline: publication dates on top, one lane per source or article with the events each
//! mentions, uncertain dates as bands, mentions of the same date grouped across texts; below it,
//! a query's volume over publication time.
//!
//! Everything about dates comes from `Corpus::timeline` and `Corpus::trend`; these files only
//! map days to pixels (`geometry.rs`) and draw (`chart.rs`, `trend.rs`, `panels.rs`). Colours
//! come from the stylesheet's custom properties through classes, so they follow the theme; the
//! SVG export writes the computed colours onto its copy.

mod ahead;
mod chart;
mod geometry;
mod interact;
mod marks;
mod panels;
mod trend;

use leptos::prelude::*;
use newsprism_core::export::ExportFormat;
use newsprism_core::time::timeline::{Lane, LaneBy, Timeline};
use newsprism_core::ArticleId;

use crate::browser::files::download;
use crate::browser::hash::svg_markup;
use crate::browser::layout::observe_width;
use crate::components::count::grouped;
use crate::route::{Lanes, Route, TimelineState};
use crate::state::use_app_state;
use chart::chart;
use geometry::{Domain, DEFAULT_WIDTH};
use interact::Gesture;
use panels::{GroupPanel, Listed, Unanchored, Undated, Unplaced};
use trend::TrendPanel;

pub use ahead::draw_ahead;

/// With more articles than this, lanes per article are drawn for a chosen few (the busiest at
/// first) and the rest are summed up in a density strip.
const ARTICLE_LANES: usize = 12;

thread_local! {
    /// The chart's width when last measured: the next opening draws at it at once, instead of
    /// drawing at a guess and again once measured.
    static LAST_WIDTH: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}
const CHOSEN_AT_FIRST: usize = 8;

/// What the chart's marks and controls change: the view, the hovered and pinned date, the
/// articles given lanes, the publications listed beside the chart; and whether the pointer
/// has just dragged (so the click that ends a drag opens nothing).
#[derive(Clone, Copy)]
pub(super) struct Ui {
    pub domain: RwSignal<Domain>,
    pub hovered: RwSignal<Option<usize>>,
    pub pinned: RwSignal<Option<usize>>,
    /// Articles given their own lane; `None` until the reader chooses (the busiest then).
    pub chosen: RwSignal<Option<Vec<ArticleId>>>,
    pub listed: RwSignal<Option<Vec<ArticleId>>>,
    pub dragged: StoredValue<bool>,
    /// Whether the chart's width is known (measured now or on an earlier visit).
    pub sized: RwSignal<bool>,
}

/// The lanes drawn, the articles summed up in the density strip, and whether the lanes are
/// chosen articles (each with a ✕ to give its lane up).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LaneSet {
    pub shown: Vec<Lane>,
    pub rest: Vec<ArticleId>,
    pub removable: bool,
}

/// The lanes for the mode, with a chosen few when there are many articles.
fn lane_set(t: &Timeline, by: LaneBy, chosen: Option<&Vec<ArticleId>>) -> LaneSet {
    if by != LaneBy::Article || t.publications.len() <= ARTICLE_LANES {
        return LaneSet {
            shown: t.lanes(by),
            rest: Vec::new(),
            removable: false,
        };
    }
    // Only the chosen few are named and drawn; the rest go to the density strip.
    let pick = chosen
        .cloned()
        .unwrap_or_else(|| t.busiest(CHOSEN_AT_FIRST));
    let picked: std::collections::HashSet<ArticleId> = pick.iter().copied().collect();
    LaneSet {
        shown: t.article_lanes(&pick),
        rest: t
            .publications
            .iter()
            .map(|p| p.id)
            .filter(|id| !picked.contains(id))
            .collect(),
        removable: true,
    }
}

/// The timeline view: the chart once every article's dates are read (they are read a slice at
/// a time as articles arrive), and how far the reading has come until then.
#[component]
pub fn TimelineView(
    /// Lanes and the trend's query, from the URL.
    state: TimelineState,
) -> impl IntoView {
    let app = use_app_state();
    let ready = Memo::new(move |_| app.dates_ready());
    Effect::new(move |_| {
        if !ready.get() {
            app.read_dates(true);
        }
    });
    move || {
        if ready.get() {
            // Opened: not drawn ahead again until it changes. (A drawing ahead draws `Drawn`
            // itself, and notes it only once all its steps are done.)
            app.timeline().with_untracked(ahead::drawn);
            view! { <Drawn state=state.clone() /> }.into_any()
        } else {
            view! { <ReadingDates /> }.into_any()
        }
    }
}

/// What the timeline says while the articles' dates are still being read.
#[component]
fn ReadingDates() -> impl IntoView {
    let app = use_app_state();
    let reading = app.reading_dates();
    let line = move || match reading.get() {
        Some(r) => format!(
            "Reading the dates in {} articles: {} done.",
            grouped(r.total),
            grouped(r.done)
        ),
        None => "Reading the articles' dates…".to_string(),
    };
    let done = move || reading.get().map_or(0.0, |r| r.done as f64);
    let total = move || reading.get().map_or(1.0, |r| r.total.max(1) as f64);
    view! {
        <section class="timeline-view" data-testid="timeline">
            <div class="view-head">
                <h1>"Timeline"</h1>
                <p class="summary" data-testid="timeline-reading" role="status">
                    {line}
                </p>
            </div>
            <progress class="reading-dates" max=total value=done></progress>
        </section>
    }
}

/// The timeline drawn.
#[component]
fn Drawn(state: TimelineState) -> impl IntoView {
    let app = use_app_state();
    let timeline = app.timeline();
    let ui = Ui {
        domain: RwSignal::new(fit_publications(
            timeline,
            LAST_WIDTH
                .with(std::cell::Cell::get)
                .unwrap_or(DEFAULT_WIDTH),
        )),
        sized: RwSignal::new(LAST_WIDTH.with(std::cell::Cell::get).is_some()),
        hovered: RwSignal::new(None),
        pinned: RwSignal::new(None),
        chosen: RwSignal::new(None),
        listed: RwSignal::new(None),
        dragged: StoredValue::new(false),
    };
    keep_fitted(timeline, ui.domain, ui.sized);
    // Lanes per source say nothing when every article has the same (or no) source.
    let one_source = timeline.with_untracked(Timeline::single_source);
    let mode = if state.lanes == Lanes::Source && one_source {
        Lanes::Article
    } else {
        state.lanes
    };
    let by = match mode {
        Lanes::Source => LaneBy::Source,
        Lanes::Article => LaneBy::Article,
    };
    let lanes = Memo::new(move |_| {
        let chosen = ui.chosen.get();
        timeline.with(|t| lane_set(t, by, chosen.as_ref()))
    });
    let summary = move || {
        let c = timeline.with(Timeline::counts);
        format!(
            "{} articles · {} undated · {} date mentions, {} placed · {} dates mentioned by more than one article",
            c.articles, c.undated, c.mentions, c.placed, c.shared
        )
    };
    let state_for_trend = state.clone();
    view! {
        <section class="timeline-view" data-testid="timeline">
            <div class="view-head">
                <h1>"Timeline"</h1>
                <p class="summary" data-testid="timeline-summary">
                    {summary}
                </p>
            </div>
            <Toolbar state mode one_source timeline ui />
            <ChartHint />
            <div class="timeline-main">
                <ChartArea timeline lanes ui />
                <aside class="timeline-side">
                    <Listed timeline ui />
                    <GroupPanel timeline lanes ui />
                </aside>
            </div>
            <Undated timeline />
            <Unplaced timeline />
            <Unanchored timeline />
            <TrendPanel state=state_for_trend />
        </section>
    }
}

/// The chart with its keyboard, wheel, drag and pinch, and the edge markers under it.
#[component]
fn ChartArea(timeline: Memo<Timeline>, lanes: Memo<LaneSet>, ui: Ui) -> impl IntoView {
    let domain = ui.domain;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let d = domain.get_untracked();
        let at = anchor(timeline, ui);
        let next = match ev.key().as_str() {
            "+" | "=" => d.zoom_at(at, 0.5),
            "-" | "_" => d.zoom_at(at, 2.0),
            "ArrowLeft" => d.pan(-0.2),
            "ArrowRight" => d.pan(0.2),
            "0" | "Home" => fit_publications(timeline, d.width),
            _ => return,
        };
        ev.prevent_default();
        domain.set(next);
    };
    let gesture = StoredValue::new(Gesture::default());
    view! {
        <div
            class="chart-wrap"
            tabindex="0"
            on:keydown=on_key
            on:wheel=move |ev| interact::wheel(&ev, ui)
            on:pointerdown=move |ev| {
                if ev.button() == 0 {
                    gesture.update_value(|g| g.down(ev.pointer_id(), f64::from(ev.client_x()), ui))
                }
            }
            on:pointermove=move |ev| {
                gesture.update_value(|g| g.moved(ev.pointer_id(), f64::from(ev.client_x()), ui))
            }
            on:pointerup=move |ev| gesture.update_value(|g| g.up(ev.pointer_id(), ui))
            on:pointercancel=move |ev| gesture.update_value(|g| g.up(ev.pointer_id(), ui))
            on:pointerleave=move |ev| gesture.update_value(|g| g.up(ev.pointer_id(), ui))
            aria-label="Timeline chart: + and − zoom, arrow keys scroll, 0 fits the publications"
        >
            // The chart is drawn once its width is known (measured on this box, which holds no
            // padding): drawing it at a guess and again once measured cost a second drawing.
            <div id="timeline-chart-box">
                {move || {
                    let d = domain.get();
                    ui.sized.get().then(|| timeline.with(|t| lanes.with(|lanes| chart(t, lanes, d, ui))))
                }}
            </div>
            <EdgeMarkers timeline ui />
        </div>
    }
}

/// Refits the view when articles are added or removed, and draws the chart in the page's own
/// pixels (so text stays its size on a phone), following the window's width.
fn keep_fitted(timeline: Memo<Timeline>, domain: RwSignal<Domain>, sized: RwSignal<bool>) {
    // Refit when articles are added or removed.
    Effect::new(move |previous: Option<Option<(i32, i32)>>| {
        let extent = timeline.with(Timeline::publication_extent);
        if previous.is_some_and(|p| p != extent) {
            let width = domain.get_untracked().width;
            domain.set(Domain::fit(extent, width));
        }
        extent
    });
    // Draw in the page's own pixels, so text stays its size on a phone: at the width the
    // browser lays the box out at (known from an earlier opening or the drawing ahead, and
    // drawn again only if it changed).
    Effect::new(move |_| {
        observe_width("timeline-chart-box", move |w| {
            if w > 0.0 {
                LAST_WIDTH.with(|last| last.set(Some(w)));
                let drawn = domain.try_get_untracked().map(|d| d.width);
                if drawn.is_some_and(|d| (w - d).abs() > 1.0) {
                    domain.update(|d| *d = d.with_width(w));
                }
            }
            // Not measurable (not shown): drawn at the guess, and again once it is.
            if sized.try_get_untracked() == Some(false) {
                sized.set(true);
            }
        });
    });
}

/// The view that fits the publications (the timeline's opening view, and what 0 and the
/// "publications" preset go back to).
fn fit_publications(timeline: Memo<Timeline>, width: f64) -> Domain {
    Domain::fit(timeline.with_untracked(Timeline::publication_extent), width)
}

/// Where zooming and the presets centre: the focused or pinned date when it is in view, else
/// the middle of the publications in view, else the middle of the view.
fn anchor(timeline: Memo<Timeline>, ui: Ui) -> f64 {
    let d = ui.domain.get_untracked();
    timeline.with_untracked(|t| {
        let focused = ui
            .pinned
            .get_untracked()
            .or(ui.hovered.get_untracked())
            .and_then(|gi| t.groups.get(gi))
            .filter(|g| d.visible(g.start, g.end))
            .map(|g| (f64::from(g.start) + f64::from(g.end) + 1.0) / 2.0);
        focused.unwrap_or_else(|| {
            let mut days: Vec<f64> = t
                .publications
                .iter()
                .filter_map(|p| p.span)
                .filter(|&(s, e)| d.visible(s, e))
                .map(|(s, e)| (f64::from(s) + f64::from(e) + 1.0) / 2.0)
                .collect();
            days.sort_by(f64::total_cmp);
            days.get(days.len() / 2)
                .copied()
                .unwrap_or((d.start + d.end) / 2.0)
        })
    })
}

/// One edge marker: a count that brings the nearest date on that side into view.
fn edge_button(
    side: &'static str,
    title: &'static str,
    text: String,
    span: (i32, i32),
    ui: Ui,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=format!("edge-marker {side}")
            data-testid=format!("edge-{side}")
            title=title
            on:click=move |_| ui.domain.update(|d| *d = d.showing(span))
        >
            {text}
        </button>
    }
}

/// Counted markers at the plot's edges for the mentioned dates outside the view; each jumps to
/// the nearest of them.
#[component]
fn EdgeMarkers(timeline: Memo<Timeline>, ui: Ui) -> impl IntoView {
    move || {
        let d = ui.domain.get();
        let (first, last) = d.days();
        let out = timeline.with(|t| t.outside(first, last));
        let before = out.nearest_before.map(|span| {
            edge_button(
                "before",
                "Go to the nearest earlier date mentioned",
                format!("◀ {} earlier", out.before),
                span,
                ui,
            )
        });
        let after = out.nearest_after.map(|span| {
            edge_button(
                "after",
                "Go to the nearest later date mentioned",
                format!("{} later ▶", out.after),
                span,
                ui,
            )
        });
        view! {
            {before}
            {after}
        }
    }
}

/// Lanes, zoom, presets and exports.
#[component]
fn Toolbar(
    state: TimelineState,
    mode: Lanes,
    one_source: bool,
    timeline: Memo<Timeline>,
    ui: Ui,
) -> impl IntoView {
    let lanes_link = move |m: Lanes| {
        Route::Timeline(TimelineState {
            lanes: m,
            ..state.clone()
        })
        .to_hash()
    };
    view! {
        <div class="timeline-tools" role="toolbar" aria-label="Timeline controls">
            <span class="sort-label">"Lanes:"</span>
            <a
                href=lanes_link(Lanes::Source)
                class:active=mode == Lanes::Source
                title=if one_source { "Every article has the same source, so the lanes are per article" } else { "" }
            >
                "per source"
            </a>
            <a href=lanes_link(Lanes::Article) class:active=mode == Lanes::Article data-testid="lanes-article">
                "per article"
            </a>
            <ZoomButtons timeline ui />
            <TimelineExports timeline />
        </div>
    }
}

/// Zoom and pan; the publications or every mention fitted; a year, a month or a week around
/// the focused date or the publications in view.
#[component]
fn ZoomButtons(timeline: Memo<Timeline>, ui: Ui) -> impl IntoView {
    let domain = ui.domain;
    let zoom = move |factor: f64| {
        move |_| domain.set(domain.get_untracked().zoom_at(anchor(timeline, ui), factor))
    };
    let span = move |days: f64| {
        move |_| {
            domain.set(
                domain
                    .get_untracked()
                    .around_day(anchor(timeline, ui), days),
            )
        }
    };
    let fit = move |extent: fn(&Timeline) -> Option<(i32, i32)>| {
        move |_| {
            let width = domain.get_untracked().width;
            domain.set(Domain::fit(timeline.with_untracked(extent), width))
        }
    };
    view! {
        <span class="sep">"|"</span>
        <button type="button" on:click=zoom(0.5) data-testid="zoom-in">
            "Zoom in"
        </button>
        <button type="button" on:click=zoom(2.0) data-testid="zoom-out">
            "Zoom out"
        </button>
        <button type="button" on:click=move |_| domain.update(|d| *d = d.pan(-0.25)) aria-label="Earlier">
            "←"
        </button>
        <button type="button" on:click=move |_| domain.update(|d| *d = d.pan(0.25)) aria-label="Later">
            "→"
        </button>
        <span class="sort-label">"Show:"</span>
        <button
            type="button"
            on:click=fit(Timeline::publication_extent)
            data-testid="zoom-fit"
            title="The span of the publication dates"
        >
            "publications"
        </button>
        <button
            type="button"
            on:click=fit(Timeline::extent)
            data-testid="zoom-all"
            title="Every date the texts mention"
        >
            "all mentions"
        </button>
        <button type="button" on:click=span(365.25) data-testid="zoom-year">
            "year"
        </button>
        <button type="button" on:click=span(31.0) data-testid="zoom-month">
            "month"
        </button>
        <button type="button" on:click=span(8.0) data-testid="zoom-week">
            "week"
        </button>
    }
}

/// The events as CSV or JSON, the articles as TimeML, and the chart as SVG.
#[component]
fn TimelineExports(timeline: Memo<Timeline>) -> impl IntoView {
    let app = use_app_state();
    let message = RwSignal::new(None::<String>);
    let export = move |format: ExportFormat| {
        let result = match format {
            ExportFormat::Csv => timeline
                .with_untracked(|t| download("newsprism-events.csv", &t.events_csv(), format)),
            ExportFormat::Json => timeline
                .with_untracked(|t| download("newsprism-events.json", &t.events_json(), format)),
            ExportFormat::TimeMl => {
                let xml = timeline
                    .with_untracked(|t| app.corpus().with_untracked(|c| t.timeml(c.articles())));
                download("newsprism-timeml.tml", &xml, format)
            }
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
    view! {
        <span class="sep">"|"</span>
        <button type="button" on:click=move |_| export(ExportFormat::Csv) data-testid="export-events-csv">
            "Events CSV"
        </button>
        <button type="button" on:click=move |_| export(ExportFormat::Json) data-testid="export-events-json">
            "Events JSON"
        </button>
        <button
            type="button"
            on:click=move |_| export(ExportFormat::TimeMl)
            data-testid="export-timeml"
            title="The articles with their time expressions marked as TIMEX3, to compare with HeidelTime"
        >
            "TimeML"
        </button>
        <button type="button" on:click=move |_| export(ExportFormat::Svg) data-testid="export-chart-svg">
            "Chart SVG"
        </button>
        <span class="muted" role="status">
            {move || message.get()}
        </span>
    }
}

/// How to read and drive the chart.
#[component]
fn ChartHint() -> impl IntoView {
    view! {
        <p class="muted hint">
            "Bars are dates the texts mention; pale bands are uncertain dates (every day or week they could be), "
            "dashed outlines are publication dates inferred from the text, numbered pills are marks too close to tell apart (a click zooms in). "
            "Point at or tab to a mark to read its sentences beside the chart; Enter or a click opens it in the reader. "
            "The wheel or a pinch zooms around the pointer, a drag scrolls; with the chart focused + and − zoom, ← and → scroll, 0 fits the publications. "
            "Dates given by naming an event (“sinds de oorlog in Oekraïne”) are placed by the "
            <a href="#/events" data-testid="edit-events">
                "table of named events"
            </a> ", which you can edit."
        </p>
    }
}
