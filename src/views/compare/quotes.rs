//! Quotations: the statements several sources quote, rendering by rendering with word-level
//! differences, and every quote in a filterable table.

use leptos::prelude::*;

use crate::components::more::{Blocks, ShowMore, PAGE_ROWS};
use crate::components::paging::{first_then_page, screenful};

/// A quote cluster's and a quote row's height in CSS pixels at their shortest.
const CLUSTER_PX: f64 = 120.0;
const ROW_PX: f64 = 48.0;
use newsprism_core::compare::quotes::Cluster;
use newsprism_core::compare::{Comparison, ExportPart};

use super::{reader_link, route_with, short, CheckToggle, ExportButtons};
use crate::browser::hash::go;
use crate::components::highlighted::Highlighted;
use crate::route::CompareState;

#[component]
pub(super) fn QuotesTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let hide_fragments = RwSignal::new(false);
    view! {
        <div class="compare-quotes">
            <h2>"Quoted by several sources"</h2>
            <p class="muted">
                "Each statement as each source renders it; words that differ from the reference rendering are marked."
            </p>
            <QuoteClusters comparison />
            <h2>"All quotes"</h2>
            <p class="controls">
                <QuoteFilters state=state.clone() comparison />
                " "
                <CheckToggle on=hide_fragments testid="hide-fragments" label=" hide phrases under four words" />
            </p>
            <p>
                <ExportButtons comparison titles message part=ExportPart::Quotes label="Quotes" />
            </p>
            <QuoteTable state comparison titles hide_fragments />
        </div>
    }
}

/// The speaker and source filters, kept in the URL.
#[component]
fn QuoteFilters(state: CompareState, comparison: Memo<Comparison>) -> impl IntoView {
    let (sp, so) = (state.speaker.clone(), state.source.clone());
    let st = state.clone();
    let on_speaker = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        go(&route_with(&st, |s| s.speaker = v));
    };
    let on_source = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        go(&route_with(&state, |s| s.source = v));
    };
    move || {
        comparison.with(|c| {
            let speakers = c.quotes.speakers();
            let many_speakers = speakers.len() > MAX_OPTIONS;
            let sp_opts = options(
                speakers
                    .into_iter()
                    .enumerate()
                    .filter(|(i, (k, _, _))| *i < MAX_OPTIONS || *k == sp)
                    .map(|(_, (k, name, n))| (k, format!("{name} ({n})"))),
                &sp,
            );
            // With many sources, those with the most quotations.
            let mut by_quotes: Vec<(usize, usize)> =
                c.parties.iter().enumerate().map(|(i, _)| (i, 0)).collect();
            for q in &c.quotes.quotes {
                if let Some(p) = by_quotes.get_mut(q.at.party) {
                    p.1 += 1;
                }
            }
            let many_sources = c.parties.len() > MAX_OPTIONS;
            if many_sources {
                newsprism_core::sorting::sort_by(&mut by_quotes, |a, b| {
                    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
                });
            }
            let so_opts = options(
                by_quotes
                    .into_iter()
                    .enumerate()
                    .filter(|&(rank, (i, n))| {
                        !many_sources || (n > 0 && rank < MAX_OPTIONS) || c.parties[i].key == so
                    })
                    .map(|(_, (i, _))| (c.parties[i].key.clone(), short(&c.parties[i].label))),
                &so,
            );
            let few = |many: bool, what: &str| {
                many.then(|| format!(" (the {MAX_OPTIONS} {what} with most quotations)"))
            };
            view! {
                <label>
                    "Speaker " <select on:change=on_speaker.clone() data-testid="speaker-filter">
                        <option value="">"everyone"</option>
                        {sp_opts}
                    </select> <span class="muted">{few(many_speakers, "speakers")}</span>
                </label>
                " "
                <label>
                    "Source " <select on:change=on_source.clone() data-testid="source-filter">
                        <option value="">"all sources"</option>
                        {so_opts}
                    </select> <span class="muted">{few(many_sources, "sources")}</span>
                </label>
            }
        })
    }
}

/// The most options a filter lists: a whole corpus has thousands of speakers and sources.
const MAX_OPTIONS: usize = 300;

/// A select's options, `(value, label)`, with `current` selected.
fn options(items: impl Iterator<Item = (String, String)>, current: &str) -> AnyView {
    items
        .map(|(value, label)| {
            let selected = value == current;
            view! {
                <option value=value selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view()
        .into_any()
}

/// Each statement quoted by several sources, its renderings diffed against the reference.
#[component]
fn QuoteClusters(comparison: Memo<Comparison>) -> impl IntoView {
    // A screenful in the first frame, the rest of the page in the frames after it.
    let shown = first_then_page(screenful(CLUSTER_PX), PAGE_ROWS);
    let total = Signal::derive(move || comparison.with(|c| c.quotes.clusters.len()));
    let count = Signal::derive(move || shown.get().min(total.get()));
    let none = move || {
        (total.get() == 0).then(|| {
            view! { <p class="muted">"No statement is quoted by more than one article."</p> }
        })
    };
    let rows = move |r: std::ops::Range<usize>| {
        comparison.with(|c| {
            r.filter_map(|ci| c.quotes.clusters.get(ci).map(|cl| cluster_view(c, ci, cl)))
                .collect_view()
        })
    };
    view! {
        {none}
        <ol class="quote-clusters">
            <Blocks count row=rows />
        </ol>
        <ShowMore shown total testid="clusters-more" />
    }
}

/// One quote cluster: who said it, to how many sources, and each rendering.
fn cluster_view(c: &Comparison, ci: usize, cl: &Cluster) -> impl IntoView {
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
                    <span class="party">{short(&c.parties[q.at.party].label)}</span>
                    <q class="diff">
                        <Highlighted spans=r.spans.clone() />
                    </q>
                    {(ri == cl.reference).then(|| view! { <span class="muted">" (reference)"</span> })}
                    {omitted}
                    " "
                    <a href=reader_link(q.at.article, q.at.paragraph, &q.at.range)>"in context"</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="quote-cluster" data-testid="quote-cluster">
            <h3>
                {format!(
                    "{} · {} sources",
                    cl.speaker.clone().unwrap_or_else(|| "speaker not named".into()),
                    cl.parties,
                )}
            </h3>
            <ol>{renderings}</ol>
            <span class="muted">{format!("cluster {}", ci + 1)}</span>
        </li>
    }
}

/// Every quote, filtered by speaker and source (and, if asked, without short phrases).
#[component]
fn QuoteTable(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    hide_fragments: RwSignal<bool>,
) -> impl IntoView {
    let (sp, so) = (state.speaker, state.source);
    let shown = first_then_page(screenful(ROW_PX), PAGE_ROWS);
    // The quotations the filters keep, by position.
    let kept = Memo::new(move |_| {
        let hide = hide_fragments.get();
        comparison.with(|c| {
            c.quotes
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| sp.is_empty() || q.speaker.as_ref().is_some_and(|s| s.key == sp))
                .filter(|(_, q)| so.is_empty() || c.parties[q.at.party].key == so)
                .filter(|(_, q)| !(hide && q.fragment))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    let total = Signal::derive(move || kept.with(Vec::len));
    let count = Signal::derive(move || shown.get().min(total.get()));
    let rows = move |r: std::ops::Range<usize>| {
        kept.with(|k| {
            comparison.with(|c| {
                titles.with(|names| {
                    k.get(r.start..r.end.min(k.len()))
                        .unwrap_or_default()
                        .iter()
                        .map(|&i| quote_row(c, names, i))
                        .collect_view()
                })
            })
        })
    };
    view! {
        <table class="quotes-table">
            <thead>
                <tr>
                    <th>"Quote"</th>
                    <th>"Speaker"</th>
                    <th>"Source"</th>
                    <th>"Cluster"</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                <Blocks count row=rows />
            </tbody>
        </table>
        <ShowMore shown total testid="quotes-more" />
    }
}

/// One row of the quote table.
fn quote_row(c: &Comparison, names: &[String], i: usize) -> impl IntoView {
    let q = &c.quotes.quotes[i];
    let who = q
        .speaker
        .as_ref()
        .map(|s| {
            c.quotes
                .speaker_name(&s.key)
                .unwrap_or_else(|| s.name.clone())
        })
        .unwrap_or_else(|| "—".into());
    let how = match &q.speaker {
        Some(s) => s.how.describe(),
        None if q.scare => "a term or scare quote: nobody is said to have said it",
        None => "",
    };
    view! {
        <tr data-testid="quote-row" class:fragment=q.fragment class:scare=q.scare>
            <td>
                <q>{q.at.text.clone()}</q>
            </td>
            <td>{who}<br /><span class="muted">{how}</span></td>
            <td>
                {short(&c.parties[q.at.party].label)}<br />
                <span class="muted">{short(names.get(q.at.doc).map_or("", String::as_str))}</span>
            </td>
            <td>{c.quotes.cluster_of[i].map(|k| (k + 1).to_string()).unwrap_or_default()}</td>
            <td>
                <a href=reader_link(q.at.article, q.at.paragraph, &q.at.range)>"read"</a>
            </td>
        </tr>
    }
}
