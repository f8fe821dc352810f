//! Quotations: the statements several sources quote, rendering by rendering with word-level
//! differences, and every quote in a filterable table.

use leptos::prelude::*;

use crate::components::more::{ShowMore, PAGE_ROWS};
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
            <ol class="quote-clusters">
                <QuoteClusters comparison />
            </ol>
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
            let sp_opts = options(
                c.quotes
                    .speakers()
                    .into_iter()
                    .map(|(k, name, n)| (k, format!("{name} ({n})"))),
                &sp,
            );
            let so_opts = options(
                c.parties.iter().map(|p| (p.key.clone(), short(&p.label))),
                &so,
            );
            view! {
                <label>
                    "Speaker " <select on:change=on_speaker.clone() data-testid="speaker-filter">
                        <option value="">"everyone"</option>
                        {sp_opts}
                    </select>
                </label>
                " "
                <label>
                    "Source " <select on:change=on_source.clone() data-testid="source-filter">
                        <option value="">"all sources"</option>
                        {so_opts}
                    </select>
                </label>
            }
        })
    }
}

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
    let shown = RwSignal::new(PAGE_ROWS);
    let total = Signal::derive(move || comparison.with(|c| c.quotes.clusters.len()));
    let clusters = move || {
        comparison.with(|c| {
            if c.quotes.clusters.is_empty() {
                return view! { <p class="muted">"No statement is quoted by more than one article."</p> }.into_any();
            }
            c.quotes
                .clusters
                .iter()
                .take(shown.get())
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
                                    <span class="party">{short(&c.parties[q.at.party].label)}</span>
                                    <q class="diff">
                                        <Highlighted spans=r.spans.clone() />
                                    </q>
                                    {(ri == cl.reference)
                                        .then(|| {
                                            view! { <span class="muted">" (reference)"</span> }
                                        })}
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
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        {clusters}
        <ShowMore shown total testid="clusters-more" />
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
    let shown = RwSignal::new(PAGE_ROWS);
    let matching = RwSignal::new(0usize);
    let table = move || {
        let hide = hide_fragments.get();
        comparison.with(|c| {
            let names = titles.get();
            let kept: Vec<(usize, &newsprism_core::compare::quotes::Quote)> = c
                .quotes
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| sp.is_empty() || q.speaker.as_ref().is_some_and(|s| s.key == sp))
                .filter(|(_, q)| so.is_empty() || c.parties[q.at.party].key == so)
                .filter(|(_, q)| !(hide && q.fragment))
                .collect();
            matching.set(kept.len());
            let rows = kept
                .into_iter()
                .take(shown.get())
                .map(|(i, q)| {
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
                })
                .collect_view();
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
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        {table}
        <ShowMore shown total=matching testid="quotes-more" />
    }
}
