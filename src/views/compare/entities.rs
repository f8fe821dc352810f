//! Names: who is mentioned and who is quoted by which source, and what only one source says.

use leptos::prelude::*;
use newsprism_core::compare::{Comparison, ExportPart, Party};

use super::{short, ExportButtons};
use crate::components::count::grouped;
use crate::components::more::{ShowMore, PAGE_ROWS};

#[component]
pub(super) fn EntitiesTab(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="compare-entities">
            <h2>"Who is mentioned, and who is quoted, by which source"</h2>
            <p>
                <ExportButtons comparison titles message part=ExportPart::Entities label="Names" />
            </p>
            <div class="matrix-wrap">
                <EntityMatrix comparison />
            </div>
            <h2>"Only in this source"</h2>
            <OnlyHere comparison />
        </div>
    }
}

/// Up to this many sources, the names table has a column per source; with more, it counts the
/// sources instead, and "only in this source" shows one source at a time.
pub(super) const MATRIX_SOURCES: usize = 12;

/// One row per name, one column per source: mentions, and how often it is quoted. With more
/// than [`MATRIX_SOURCES`] sources, one column says how many sources mention the name.
#[component]
fn EntityMatrix(comparison: Memo<Comparison>) -> impl IntoView {
    let shown = RwSignal::new(PAGE_ROWS);
    let total = Signal::derive(move || comparison.with(|c| c.entities.entities.len()));
    let table = move || {
        comparison.with(|c| {
            let wide = c.parties.len() > MATRIX_SOURCES;
            let head = if wide {
                view! {
                    <th scope="col">"Sources"</th>
                    <th scope="col">"Mentions"</th>
                    <th scope="col">"Quoted"</th>
                }
                .into_any()
            } else {
                c.parties
                    .iter()
                    .map(|p| {
                        view! {
                            <th scope="col" title=p.label.clone()>
                                {short(&p.label)}
                            </th>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            let rows = c
                .entities
                .entities
                .iter()
                .take(shown.get())
                .map(|e| {
                    let cells = if wide {
                        let quoted = e.quoted.total();
                        let is_quoted = quoted > 0;
                        view! {
                            <td class="present">{grouped(e.party_count())}</td>
                            <td>{grouped(e.total() as usize)}</td>
                            <td class:quoted=is_quoted>{grouped(quoted as usize)}</td>
                        }
                        .into_any()
                    } else {
                        (0..c.parties.len())
                            .map(|p| cell(e.mentions.get(p), e.quoted.get(p)))
                            .collect_view()
                            .into_any()
                    };
                    view! {
                        <tr data-testid="entity-row">
                            <th scope="row">
                                {e.name.clone()} <span class="muted">{format!(" {}", e.kind.name())}</span>
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="entity-matrix" data-testid="entity-matrix">
                    <thead>
                        <tr>
                            <th>"Name"</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        {table}
        <ShowMore shown total testid="entities-more" />
    }
}

/// One source's count of a name: mentions, and how often it is quoted.
fn cell(m: u32, q: u32) -> impl IntoView {
    let text = match (m, q) {
        (0, 0) => String::new(),
        (m, 0) => m.to_string(),
        (m, q) => format!("{m} · quoted {q}"),
    };
    let (present, quoted) = (m > 0, q > 0);
    view! {
        <td class:present=present class:quoted=quoted>
            {text}
        </td>
    }
}

/// Per source: the names, quotes and numbers no other source gives.
#[component]
fn OnlyHere(comparison: Memo<Comparison>) -> impl IntoView {
    // With many sources, the one shown (by position).
    let chosen = RwSignal::new(0usize);
    let picker = move || {
        comparison.with(|c| {
            (c.parties.len() > MATRIX_SOURCES).then(|| {
                let options = c
                    .parties
                    .iter()
                    .enumerate()
                    .map(|(i, p)| view! {
                        <option value=i.to_string() selected=move || chosen.get() == i>
                            {p.label.clone()}
                        </option>
                    })
                    .collect_view();
                view! {
                    <label class="only-pick">
                        {format!("{} sources; show what only this one says: ", grouped(c.parties.len()))}
                        <select
                            data-testid="only-pick"
                            on:change=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse() {
                                    chosen.set(i);
                                }
                            }
                        >
                            {options}
                        </select>
                    </label>
                }
            })
        })
    };
    let lists = move || {
        comparison.with(|c| {
            let one = (c.parties.len() > MATRIX_SOURCES).then(|| chosen.get());
            c.parties
                .iter()
                .enumerate()
                .filter(|(p, _)| one.is_none_or(|o| o == *p))
                .map(|(p, party)| only_here(c, p, party))
                .collect_view()
        })
    };
    view! {
        {picker}
        <div class="only-grid">{lists}</div>
    }
}

/// What only one source says: its names, quotes and numbers no other source gives.
fn only_here(c: &Comparison, p: usize, party: &Party) -> impl IntoView {
    let x = c.exclusive(p);
    let names = x
        .entities
        .iter()
        .map(|&i| {
            let e = &c.entities.entities[i];
            view! { <li data-testid="only-entity">{e.name.clone()} <span class="muted">{format!(" {}", e.kind.name())}</span></li> }
        })
        .collect_view();
    let quotes = x
        .quotes
        .iter()
        .map(|&i| {
            let q = &c.quotes.quotes[i];
            let who = q
                .speaker
                .as_ref()
                .map(|s| {
                    format!(
                        " — {}",
                        c.quotes
                            .speaker_name(&s.key)
                            .unwrap_or_else(|| s.name.clone())
                    )
                })
                .unwrap_or_default();
            view! {
                <li>
                    <q>{q.at.text.clone()}</q>
                    <span class="muted">{who}</span>
                </li>
            }
        })
        .collect_view();
    let numbers = x
        .numbers
        .iter()
        .map(|&i| {
            let q = &c.ledger.quantities[i];
            view! { <li>{q.at.text.clone()}</li> }
        })
        .collect_view();
    view! {
        <section class="only-here" data-testid="only-here">
            <h3>{party.label.clone()}</h3>
            <h4>"Names"</h4>
            <ul>{names}</ul>
            <h4>"Quotes"</h4>
            <ul>{quotes}</ul>
            <h4>"Numbers"</h4>
            <ul>{numbers}</ul>
        </section>
    }
}
