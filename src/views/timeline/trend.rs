//! A query's volume over publication time, per source, as counts or shares: a stacked bar
//! chart, a CSV export and the table behind it.

use leptos::prelude::*;
use newsprism_core::export::ExportFormat;
use newsprism_core::time::timeline::{share as share_of, Bucket, Period, Trend};

use super::geometry::DEFAULT_WIDTH as W;
use crate::browser::files::download;
use crate::browser::hash::go;
use crate::route::{Route, TimelineState};
use crate::state::use_app_state;

/// Source colours are the lanes' (`lane-0` … `lane-7`).
const LANE_COLOURS: usize = 8;

/// A query's volume over publication time, per source, as counts or shares.
#[component]
pub(super) fn TrendPanel(state: TimelineState) -> impl IntoView {
    let app = use_app_state();
    let q = state.q.clone();
    let (aliases, bucket) = (state.aliases, state.bucket);
    let trend = Memo::new(move |_| {
        let q = q.clone();
        (!q.trim().is_empty()).then(|| app.corpus().with(|c| c.trend(&q, aliases, bucket)))
    });
    let share = state.share;
    let message = RwSignal::new(None::<String>);
    view! {
        <section class="trend" data-testid="trend">
            <h2>"Trend of a search over publication time"</h2>
            <TrendForm state=state.clone() />
            {move || {
                trend
                    .with(|t| match t {
                        None => {
                            view! {
                                <p class="muted">
                                    "Type a query to see how often it appears in each period and source. The query is kept in the URL."
                                </p>
                            }
                                .into_any()
                        }
                        Some(t) => {
                            view! {
                                {trend_chart(t, share)}
                                <TrendExport csv=t.to_csv() message />
                                {trend_table(t)}
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

/// The trend's query, and its period and measure as links (kept in the URL).
#[component]
fn TrendForm(state: TimelineState) -> impl IntoView {
    let bucket = state.bucket;
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
    view! {
        <form class="trend-form" on:submit=submit>
            <label>
                "Query "
                <input
                    type="search"
                    data-testid="trend-query"
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev))
                    placeholder="e.g. Poetin, \"giftige mensen\", troepen OR soldaten"
                />
            </label>
            <button type="submit">"Show trend"</button>
            <span class="sort-label">"Per:"</span>
            <a href=by_month class:active=bucket == Bucket::Month>
                "month"
            </a>
            <a href=by_year class:active=bucket == Bucket::Year data-testid="bucket-year">
                "year"
            </a>
            <span class="sort-label">"As:"</span>
            <a href=counts class:active=!share>
                "counts"
            </a>
            <a href=shares class:active=share data-testid="metric-share">
                "share of the period's articles"
            </a>
        </form>
    }
}

/// The trend as CSV.
#[component]
fn TrendExport(csv: String, message: RwSignal<Option<String>>) -> impl IntoView {
    let export = move |_| {
        message.set(Some(
            match download("newsprism-trend.csv", &csv, ExportFormat::Csv) {
                Ok(()) => "Exported.".into(),
                Err(e) => format!("Could not export: {e}."),
            },
        ))
    };
    view! {
        <p>
            <button type="button" data-testid="export-trend-csv" on:click=export>
                "Trend CSV"
            </button>
            <span class="muted" role="status">
                {move || message.get()}
            </span>
        </p>
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
    let geometry = Bars {
        h,
        top,
        left,
        bw,
        max,
        share,
    };
    let bars = periods
        .iter()
        .enumerate()
        .map(|(i, p)| geometry.bar(t, i, p))
        .collect_view();
    let legend = t
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let colour = format!("lane-{}", i % LANE_COLOURS);
            view! {
                <span class="legend">
                    <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                        <rect width="10" height="10" rx="2" class=colour />
                    </svg>
                    {s.clone()}
                </span>
            }
        })
        .collect_view();
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {W} {}", h + top + 24.0)
            width="100%"
            role="img"
            class="trend-chart"
            data-testid="trend-chart"
            aria-label=format!("Articles matching {} per period", t.query)
        >
            <line x1=left x2=W - 10.0 y1=top + h y2=top + h class="tl-grid major" />
            <text x="4" y=top + 4.0 class="tl-count">
                {if share { "100%".to_string() } else { max.to_string() }}
            </text>
            {bars}
        </svg>
        <p class="legends">{legend}</p>
    }
    .into_any()
}

/// The trend chart's geometry.
#[derive(Clone, Copy)]
struct Bars {
    h: f64,
    top: f64,
    left: f64,
    /// A bar's width.
    bw: f64,
    /// The value of a full bar.
    max: f64,
    /// Shares of the period's articles rather than counts.
    share: bool,
}

impl Bars {
    /// Period `i`'s bar: one segment per source, with its value above and its name below.
    fn bar(self, t: &Trend, i: usize, p: &Period) -> impl IntoView {
        let Bars {
            h,
            top,
            left,
            bw,
            max,
            share,
        } = self;
        let source_index = |s: &str| t.sources.iter().position(|x| x == s).unwrap_or(0);
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
                let colour = format!("lane-{}", source_index(s) % LANE_COLOURS);
                view! { <rect x=x y=y width=(bw - 4.0).max(2.0) height=sh class=colour /> }
            })
            .collect_view();
        let label = if share {
            format!("{:.0}%", p.share() * 100.0)
        } else {
            p.matches.to_string()
        };
        view! {
            <g
                data-testid="trend-bar"
                data-period=p.label.clone()
                data-matches=p.matches.to_string()
                data-total=p.total.to_string()
            >
                {segments}
                <text x=x + bw / 2.0 - 2.0 y=y - 3.0 text-anchor="middle" class="tl-count">
                    {label}
                </text>
                <text x=x + bw / 2.0 - 2.0 y=top + h + 14.0 text-anchor="middle" class="tl-count">
                    {p.label.clone()}
                </text>
            </g>
        }
    }
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
        <p class="summary" data-testid="trend-summary">
            {format!("{} matching articles for “{}”", t.matches, t.query)}
        </p>
        <table class="trend-table">
            <thead>
                <tr>
                    <th>"Period"</th>
                    <th>"Source"</th>
                    <th>"Matching"</th>
                    <th>"Articles"</th>
                    <th>"Share"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
