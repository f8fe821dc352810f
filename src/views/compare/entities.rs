//! Names: who is mentioned and who is quoted by which source, and what only one source says.

use leptos::prelude::*;
use newsprism_core::compare::{Comparison, ExportPart};

use super::{short, ExportButtons};

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
            <div class="only-grid">
                <OnlyHere comparison />
            </div>
        </div>
    }
}

/// One row per name, one column per source: mentions, and how often it is quoted.
#[component]
fn EntityMatrix(comparison: Memo<Comparison>) -> impl IntoView {
    move || {
        comparison.with(|c| {
            let head = c
                .parties
                .iter()
                .map(|p| {
                    view! {
                        <th scope="col" title=p.label.clone()>
                            {short(&p.label)}
                        </th>
                    }
                })
                .collect_view();
            let rows = c
                .entities
                .entities
                .iter()
                .map(|e| {
                    let cells = e
                        .mentions
                        .iter()
                        .zip(&e.quoted)
                        .map(|(&m, &q)| {
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
                        })
                        .collect_view();
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
    }
}

/// Per source: the names, quotes and numbers no other source gives.
#[component]
fn OnlyHere(comparison: Memo<Comparison>) -> impl IntoView {
    move || {
        comparison.with(|c| {
            c.parties
                .iter()
                .enumerate()
                .map(|(p, party)| {
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
                })
                .collect_view()
        })
    }
}
