//! The timeline: publication dates on top, one lane per source or article with the events each
//! mentions, uncertain dates as bands, mentions of the same date grouped across texts; below it,
//! a query's volume over publication time.
//!
//! Everything about dates comes from `Corpus::timeline` and `Corpus::trend`; these files only
//! map days to pixels (`geometry.rs`) and draw (`chart.rs`, `trend.rs`, `panels.rs`). Colours
//! come from the stylesheet's custom properties through classes, so they follow the theme; the
//! SVG export writes the computed colours onto its copy.

mod chart;
mod geometry;
mod panels;
mod trend;

use leptos::prelude::*;
use newsprism_core::export::ExportFormat;
use newsprism_core::time::calendar::Day;
use newsprism_core::time::timeline::{LaneBy, Timeline};

use crate::browser::files::download;
use crate::browser::hash::svg_markup;
use crate::route::{Lanes, Route, TimelineState};
use crate::state::use_app_state;
use chart::chart;
use geometry::Domain;
use panels::{GroupPanel, Undated, Unplaced};
use trend::TrendPanel;

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
    let lanes = Memo::new(move |_| timeline.with(|t| t.lanes(by)));
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
            <Toolbar state mode one_source timeline domain />
            <ChartHint />
            <div
                class="chart-wrap"
                tabindex="0"
                on:keydown=on_key
                aria-label="Timeline chart: + and − zoom, arrow keys scroll"
            >
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

/// Lanes, zoom, presets and exports.
#[component]
fn Toolbar(
    state: TimelineState,
    mode: Lanes,
    one_source: bool,
    timeline: Memo<Timeline>,
    domain: RwSignal<Domain>,
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
            <ZoomButtons timeline domain />
            <TimelineExports timeline />
        </div>
    }
}

/// Zoom and pan, fit, and spans of a decade, a year, a month or a week around the middle.
#[component]
fn ZoomButtons(timeline: Memo<Timeline>, domain: RwSignal<Domain>) -> impl IntoView {
    let zoom = move |f: fn(Domain) -> Domain| move |_| domain.update(|d| *d = f(*d));
    view! {
        <span class="sep">"|"</span>
        <button type="button" on:click=zoom(|d| d.zoom(0.5)) data-testid="zoom-in">
            "Zoom in"
        </button>
        <button type="button" on:click=zoom(|d| d.zoom(2.0)) data-testid="zoom-out">
            "Zoom out"
        </button>
        <button type="button" on:click=zoom(|d| d.pan(-0.25)) aria-label="Earlier">
            "←"
        </button>
        <button type="button" on:click=zoom(|d| d.pan(0.25)) aria-label="Later">
            "→"
        </button>
        <button
            type="button"
            on:click=move |_| domain.set(Domain::fit(timeline.with_untracked(Timeline::extent)))
            data-testid="zoom-fit"
        >
            "Fit"
        </button>
        <span class="sort-label">"Show:"</span>
        <button type="button" on:click=zoom(|d| d.around(3652.5))>
            "decade"
        </button>
        <button type="button" on:click=zoom(|d| d.around(365.25))>
            "year"
        </button>
        <button type="button" on:click=zoom(|d| d.around(31.0))>
            "month"
        </button>
        <button type="button" on:click=zoom(|d| d.around(8.0)) data-testid="zoom-week">
            "week"
        </button>
    }
}

/// The events as CSV or JSON, and the chart as SVG.
#[component]
fn TimelineExports(timeline: Memo<Timeline>) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
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
    view! {
        <span class="sep">"|"</span>
        <button type="button" on:click=move |_| export(ExportFormat::Csv) data-testid="export-events-csv">
            "Events CSV"
        </button>
        <button type="button" on:click=move |_| export(ExportFormat::Json) data-testid="export-events-json">
            "Events JSON"
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
            "dashed outlines are publication dates inferred from the text. Tab to a mark to read its sentence; Enter or a click opens it in the reader. "
            "With the chart focused: + and − zoom, ← and → scroll, 0 fits."
        </p>
    }
}
