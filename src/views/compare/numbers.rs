//! The number ledger: quantities grouped by what they count and whose they are, with
//! conflicting figures flagged.

use leptos::prelude::*;
use newsprism_core::compare::numbers::LedgerGroup;
use newsprism_core::compare::{Comparison, ExportPart};

use super::{reader_link, sentence_spans, short, CheckToggle, ExportButtons};
use crate::components::highlighted::Highlighted;
use crate::components::more::{ShowMore, PAGE_ROWS};

#[component]
pub(super) fn NumbersTab(
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let several_only = RwSignal::new(false);
    let shown = RwSignal::new(PAGE_ROWS);
    let matching = RwSignal::new(0usize);
    let groups = move || {
        let several = several_only.get();
        comparison.with(|c| {
            let names = titles.get();
            let kept: Vec<&LedgerGroup> = c
                .ledger
                .groups
                .iter()
                .filter(|g| !several || g.parties > 1)
                .collect();
            matching.set(kept.len());
            kept.into_iter()
                .take(shown.get())
                .map(|g| ledger_group(c, &names, g))
                .collect_view()
        })
    };
    view! {
        <div class="compare-numbers">
            <h2>"Number ledger"</h2>
            <p class="muted">
                "Quantities grouped by what they count (troepen, soldaten, man and militairen are one thing) and whose they are. Where two sources give exact figures that cannot both be right, the group is flagged. Hedged and vague amounts (ruim, duizenden) are listed but never flagged."
            </p>
            <p class="controls">
                <CheckToggle on=several_only testid="several-only" label=" only what several sources count" />
                " "
                <ExportButtons comparison titles message part=ExportPart::Ledger label="Ledger" />
            </p>
            {groups}
            <ShowMore shown total=matching testid="ledger-more" />
        </div>
    }
}

/// One group of the ledger: what it counts and whose, whether the sources conflict, and each
/// quantity with its source, figure and sentence.
fn ledger_group(c: &Comparison, names: &[String], g: &LedgerGroup) -> impl IntoView {
    let rows = g
        .entries
        .iter()
        .map(|&e| {
            let q = &c.ledger.quantities[e];
            view! {
                <tr data-testid="ledger-row">
                    <td>
                        {short(&c.parties[q.at.party].label)}<br />
                        <span class="muted">{short(names.get(q.at.doc).map_or("", String::as_str))}</span>
                    </td>
                    <td class="figure">
                        {q.at.text.clone()}<br />
                        <span class="muted">{q.value.clone()}{q.vague.then_some(" (vague)")}</span>
                    </td>
                    <td>
                        <Highlighted spans=sentence_spans(&q.at.sentence, &q.at.text) />
                        " "
                        <a href=reader_link(q.at.article, q.at.paragraph, &q.at.range)>"read"</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let title = c.ledger.group_title(g);
    view! {
        <section class="ledger-group" class:conflict=g.conflict data-testid="ledger-group">
            <h3>
                {title}
                {g
                    .conflict
                    .then(|| {
                        view! {
                            <span class="badge conflict" data-testid="conflict">
                                " sources give different figures"
                            </span>
                        }
                    })}
                <span class="muted">
                    {format!(" · {} source{}", g.parties, if g.parties == 1 { "" } else { "s" })}
                </span>
            </h3>
            <table>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
