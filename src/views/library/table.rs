//! The library's table: every article listed, of which only the rows the window shows are drawn.

use std::collections::BTreeSet;

use leptos::prelude::*;
use newsprism_core::{Article, ArticleId, PubDate, TitleKind};

use crate::components::count::grouped;
use crate::components::date_label::DateLabel;
use crate::components::title_label::TitleLabel;
use crate::components::virtual_rows::VirtualRows;
use crate::route::Route;
use crate::state::use_app_state;

/// What one row shows, copied out of the corpus so the corpus itself is never cloned.
#[derive(Clone, PartialEq)]
struct Row {
    /// Its position in the list (from 0).
    at: usize,
    id: ArticleId,
    title: String,
    title_kind: TitleKind,
    date: Option<PubDate>,
    source: String,
    known_source: bool,
    language: &'static str,
    language_name: &'static str,
    words: usize,
    file_name: String,
}

impl Row {
    fn new(at: usize, a: &Article) -> Self {
        Row {
            at,
            id: a.id,
            title: a.title.clone(),
            title_kind: a.title_kind,
            date: a.pub_date.clone(),
            source: a.source_label().to_string(),
            known_source: a.source.is_some(),
            language: a.language.code(),
            language_name: a.language.name(),
            words: a.word_count,
            file_name: a.file_name.clone(),
        }
    }

    /// Everything a row shows that an edit can change, and its position, so an edited or moved
    /// row is drawn anew.
    fn key(&self) -> (usize, ArticleId, String, String, Option<String>) {
        (
            self.at,
            self.id,
            self.title.clone(),
            self.source.clone(),
            self.date
                .as_ref()
                .map(|d| format!("{} {}", d.date.iso(), d.provenance.label())),
        )
    }
}

/// A row's height in CSS pixels before one is measured (one line of title, one of details).
const ROW_PX: f64 = 48.0;

/// The articles listed, of which the rows in sight are drawn (and a screenful either side).
#[component]
pub(super) fn LibraryTable(
    listed: Memo<Vec<ArticleId>>,
    selected: RwSignal<BTreeSet<ArticleId>>,
) -> impl IntoView {
    let state = use_app_state();
    let len = Signal::derive(move || listed.with(Vec::len));
    let rows = VirtualRows::follow("library-rows", "tr.article-row", len, ROW_PX);
    let drawn = move || {
        let (first, last) = rows.range.get();
        listed.with(|ids| {
            let last = last.min(ids.len());
            let first = first.min(last);
            state.corpus().with(|c| {
                ids[first..last]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, id)| c.get(*id).map(|a| Row::new(first + i, a)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let spacers = Memo::new(move |_| rows.spacers(len.get()));
    view! {
        <table class="articles" data-testid="library-table" aria-rowcount=move || len.get() + 1>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col" class="col-pick">
                        {pick_listed(listed, selected)}
                    </th>
                    <th scope="col">"Title"</th>
                    <th scope="col">"Published"</th>
                    <th scope="col">"Source"</th>
                    <th scope="col">"Lang."</th>
                    <th scope="col" class="num">
                        "Words"
                    </th>
                </tr>
            </thead>
            <tbody id="library-rows">
                <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", spacers.get().0)></tr>
                <For each=drawn key=Row::key let:row>
                    <tr
                        class="article-row"
                        data-testid="library-row"
                        data-id=row.id.to_string()
                        aria-rowindex=row.at + 2
                    >
                        <td class="col-pick">{row_pick(row.id, selected)}</td>
                        <td class="col-title" data-label="Title">
                            <a href=Route::article(row.id).to_hash() title=format!("{}\n{}", row.title, row.file_name)>
                                <TitleLabel title=row.title.clone() kind=row.title_kind />
                            </a>
                        </td>
                        <td class="col-date" data-label="Published">
                            <DateLabel date=row.date.clone() />
                        </td>
                        <td class="col-source" data-label="Source" class:unknown=!row.known_source>
                            {row.source.clone()}
                        </td>
                        <td class="col-lang" data-label="Language">
                            <abbr title=row.language_name>{row.language}</abbr>
                        </td>
                        <td class="col-words num" data-label="Words">
                            {grouped(row.words)}
                        </td>
                    </tr>
                </For>
                <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", spacers.get().1)></tr>
            </tbody>
        </table>
    }
}

/// The box that ticks (or unticks) every article listed, drawn or not.
fn pick_listed(
    listed: Memo<Vec<ArticleId>>,
    selected: RwSignal<BTreeSet<ArticleId>>,
) -> impl IntoView {
    let all_listed = move || {
        listed.with(|r| !r.is_empty() && selected.with(|s| r.iter().all(|id| s.contains(id))))
    };
    view! {
        <input
            type="checkbox"
            aria-label="Select every article listed"
            title="Select every article listed"
            data-testid="select-listed"
            prop:checked=all_listed
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                listed
                    .with_untracked(|ids| {
                        selected
                            .update(|s| {
                                if on {
                                    s.extend(ids.iter().copied());
                                } else {
                                    for id in ids {
                                        s.remove(id);
                                    }
                                }
                            })
                    });
            }
        />
    }
}

/// A row's box.
fn row_pick(id: ArticleId, selected: RwSignal<BTreeSet<ArticleId>>) -> impl IntoView {
    view! {
        <input
            type="checkbox"
            aria-label="Select this article"
            data-testid="row-pick"
            prop:checked=move || selected.with(|s| s.contains(&id))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                selected
                    .update(|s| {
                        if on {
                            s.insert(id);
                        } else {
                            s.remove(&id);
                        }
                    });
            }
        />
    }
}
