//! Side-by-side reading: two to four articles in columns that scroll together, each sentence
//! marked as the same wording elsewhere, paraphrased elsewhere, or only here.

use leptos::prelude::*;
use newsprism_core::compare::align::{AlignedSentence, Alignment, Column, Relation};
use newsprism_core::compare::Comparison;
use newsprism_core::ArticleId;

use super::{route_with, short};
use crate::browser::hash::{go, scroll_into_view_later, sync_scroll};
use crate::route::CompareState;
use crate::state::use_app_state;

/// The most articles read side by side.
const MAX_COLUMNS: usize = 4;

#[component]
pub(super) fn ReadTab(
    state: CompareState,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
) -> impl IntoView {
    let app = use_app_state();
    // Default selection: the first story group, or the first two articles.
    let chosen: Vec<ArticleId> = if state.ids.len() >= 2 {
        state.ids.clone()
    } else {
        comparison.with_untracked(|c| {
            let g = c.story_groups(state.threshold as f32 / 100.0, state.window);
            let first = g
                .first()
                .filter(|g| g.len() > 1)
                .cloned()
                .unwrap_or_else(|| (0..c.articles.len().min(2)).collect());
            first
                .into_iter()
                .take(MAX_COLUMNS)
                .map(|i| c.articles[i])
                .collect()
        })
    };
    let chosen_for_align = chosen.clone();
    let alignment: Memo<Alignment> =
        Memo::new(move |_| app.corpus().with(|c| c.align(&chosen_for_align)));
    let selected = RwSignal::new(None::<(usize, usize)>);
    let leader = RwSignal::new(0usize);
    let n_chosen = chosen.len();
    let columns = move || {
        alignment.with(|al| {
            let n = al.columns.len();
            al.columns
                .iter()
                .enumerate()
                .map(
                    |(ci, col)| view! { <AlignedColumn column=col.clone() ci n selected leader /> },
                )
                .collect_view()
        })
    };
    view! {
        <div class="compare-read">
            <details class="picker" open=n_chosen < 2>
                <summary>"Choose 2 to 4 articles"</summary>
                <div class="pick-list">
                    <ReadPicker state chosen comparison titles />
                </div>
            </details>
            <p class="legend">
                <span class="sent s-shared">"same wording"</span>
                " "
                <span class="sent s-paraphrase">"paraphrased elsewhere"</span>
                " "
                <span class="sent s-unique">"only in this article"</span>
                <span class="muted">" · click a sentence to show its counterparts; the columns scroll together."</span>
            </p>
            {(n_chosen < 2)
                .then(|| {
                    view! { <p data-testid="pick-more">"Choose at least two articles to read side by side."</p> }
                })}
            <div class=format!("cmp-columns cols-{}", n_chosen.min(MAX_COLUMNS))>{columns}</div>
        </div>
    }
}

/// A tick box per compared article; ticking one changes the columns (through the URL).
#[component]
fn ReadPicker(
    state: CompareState,
    chosen: Vec<ArticleId>,
    comparison: Memo<Comparison>,
    titles: Memo<Vec<String>>,
) -> impl IntoView {
    move || {
        comparison.with(|c| {
            let names = titles.get();
            c.articles
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let on = chosen.contains(id);
                    let next: Vec<ArticleId> = if on {
                        chosen.iter().filter(|x| *x != id).copied().collect()
                    } else {
                        chosen.iter().copied().chain(std::iter::once(*id)).collect()
                    };
                    let disabled = !on && chosen.len() >= MAX_COLUMNS;
                    let st = state.clone();
                    view! {
                        <label class="pick">
                            <input
                                type="checkbox"
                                prop:checked=on
                                disabled=disabled
                                data-testid="pick-article"
                                on:change=move |_| go(&route_with(&st, |s| s.ids = next.clone()))
                            />
                            {format!(
                                " {} ({})",
                                short(names.get(i).map_or("", String::as_str)),
                                c.parties[c.party_of[i]].label,
                            )}
                        </label>
                    }
                })
                .collect_view()
        })
    }
}

/// One article's column: its headline, how much it shares, and its sentences marked by
/// relation. The column under the pointer leads the synchronised scrolling.
#[component]
fn AlignedColumn(
    column: Column,
    /// Its place among the `n` columns.
    ci: usize,
    n: usize,
    /// The sentence clicked last (column, sentence).
    selected: RwSignal<Option<(usize, usize)>>,
    /// The column whose scrolling the others follow.
    leader: RwSignal<usize>,
) -> impl IntoView {
    let app = use_app_state();
    let (title, source) = app.corpus().with_untracked(|c| {
        c.get(column.article)
            .map(|a| (a.title.clone(), a.source_label().to_string()))
            .unwrap_or_default()
    });
    let (s, p, u) = column.summary.percentages();
    let my_id = format!("cmp-col-{ci}");
    let others: Vec<String> = (0..n)
        .filter(|&k| k != ci)
        .map(|k| format!("cmp-col-{k}"))
        .collect();
    let sentences = column
        .sentences
        .into_iter()
        .enumerate()
        .map(|(si, sent)| aligned_sentence(ci, si, sent, selected))
        .collect_view();
    view! {
        <article class="cmp-col" data-testid="compare-column">
            <header>
                <h3>{title}</h3>
                <p class="muted">{source}</p>
                <p class="summary" data-testid="column-summary">
                    {format!("{}% shared with others, {}% only here", s + p, u)}
                    <span class="muted">{format!(" ({s}% same wording, {p}% paraphrased)")}</span>
                </p>
            </header>
            <div
                class="cmp-col-body"
                id=my_id.clone()
                on:mouseenter=move |_| leader.set(ci)
                on:focusin=move |_| leader.set(ci)
                on:touchstart=move |_| leader.set(ci)
                on:scroll=move |_| {
                    if leader.get_untracked() == ci {
                        sync_scroll(&my_id, &others)
                    }
                }
            >
                {sentences}
            </div>
        </article>
    }
}

/// A sentence marked by its relation; a click selects it and scrolls its counterparts into view.
fn aligned_sentence(
    ci: usize,
    si: usize,
    sent: AlignedSentence,
    selected: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let rel = sent.relation;
    let links = sent.links;
    let linked = {
        let links = links.clone();
        move || {
            selected.get().is_some_and(|(c0, s0)| {
                (c0 == ci && s0 == si) || links.iter().any(|l| l.column == c0 && l.sentence == s0)
            })
        }
    };
    let tip = match rel {
        Relation::Shared => "Same wording in another article",
        Relation::Paraphrase => "Another article says this in other words",
        Relation::Unique => "Only this article says this",
    };
    view! {
        <span
            id=format!("cmp-{ci}-{si}")
            class=format!("sent s-{}", rel.name())
            class:linked=linked
            title=tip
            tabindex="0"
            data-relation=rel.name()
            on:click=move |_| {
                selected.set(Some((ci, si)));
                for l in &links {
                    scroll_into_view_later(format!("cmp-{}-{}", l.column, l.sentence));
                }
            }
        >
            {sent.text}
        </span>
        " "
    }
}
