//! The library: every loaded article with its title, date, source, language and length.

use std::collections::BTreeSet;

use leptos::prelude::*;
use newsprism_core::corpus::{LibrarySort, Totals};
use newsprism_core::{Article, ArticleId, PubDate, TitleKind};

use crate::components::add_articles::{AddArticles, IngestReport};
use crate::components::count::grouped;
use crate::components::date_label::DateLabel;
use crate::components::manage::Manage;
use crate::components::paging::{first_then_page, screenful};
use crate::components::title_label::TitleLabel;
use crate::route::Route;
use crate::state::{use_app_state, Storage};

/// What one row shows, copied out of the corpus so the corpus itself is never cloned.
#[derive(Clone, PartialEq)]
struct Row {
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
    /// Everything a row shows that an edit can change, so an edited row is drawn anew.
    fn key(&self) -> (ArticleId, String, String, Option<String>) {
        (
            self.id,
            self.title.clone(),
            self.source.clone(),
            self.date
                .as_ref()
                .map(|d| format!("{} {}", d.date.iso(), d.provenance.label())),
        )
    }
}

impl From<&Article> for Row {
    fn from(a: &Article) -> Self {
        Row {
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
}

const SORTS: [(LibrarySort, &str); 4] = [
    (LibrarySort::DateNewest, "Newest first"),
    (LibrarySort::DateOldest, "Oldest first"),
    (LibrarySort::Title, "Title"),
    (LibrarySort::Length, "Longest first"),
];

/// Rows drawn before "Show all".
const PAGE_ROWS: usize = 300;
/// A row's height in CSS pixels at its shortest (one line of title and one of details): the
/// first frame draws as many as the window holds.
const ROW_PX: f64 = 70.0;

/// The library's one-line summary; while stored articles are coming back it says so, so that
/// the bundled five are not taken for the whole library.
fn summary_line(t: &Totals, restoring: Option<Option<usize>>) -> String {
    match restoring {
        Some(None) => "Restoring your stored articles…".to_string(),
        Some(Some(n)) if n > 0 => format!(
            "Restoring {} stored article{}…",
            grouped(n),
            if n == 1 { "" } else { "s" }
        ),
        _ => format!(
            "{} articles · {} dated · {} undated · {} words",
            t.articles,
            t.articles - t.undated,
            t.undated,
            grouped(t.words)
        ),
    }
}

/// The library view.
#[component]
pub fn LibraryView(
    /// The order of the list, from the URL.
    sort: LibrarySort,
) -> impl IntoView {
    let state = use_app_state();
    // The order only (kept by the app's state): rows are copied out of the corpus for the page
    // drawn, not for all.
    let rows = state.library_order(sort);
    let selected = RwSignal::new(BTreeSet::<ArticleId>::new());
    let summary = move || {
        let t = state.corpus().with(|c| c.totals());
        let restoring = match state.storage().get() {
            Storage::Restoring(n) => Some(n),
            _ => None,
        };
        summary_line(&t, restoring)
    };
    view! {
        <section class="library" aria-labelledby="library-heading">
            <div class="view-head">
                <h1 id="library-heading">"Library"</h1>
                <p class="summary" data-testid="library-summary">
                    {summary}
                </p>
            </div>
            <AddArticles />
            <IngestReport />
            <Manage />
            <SortNav sort />
            <BulkSource rows selected />
            <LibraryTable rows selected />
        </section>
    }
}

/// The library's orders, the current one marked.
#[component]
fn SortNav(sort: LibrarySort) -> impl IntoView {
    view! {
        <nav class="sort" aria-label="Sort the library">
            <span class="sort-label">"Sort:"</span>
            {SORTS
                .iter()
                .map(|(s, label)| {
                    let current = *s == sort;
                    view! {
                        <a
                            href=Route::Library { sort: *s }.to_hash()
                            class:current=current
                            aria-current=current.then_some("true")
                        >
                            {*label}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The source of the selected articles, set in one go: naming the outlets of a batch of
/// articles that came without one.
#[component]
fn BulkSource(
    rows: Memo<Vec<ArticleId>>,
    selected: RwSignal<BTreeSet<ArticleId>>,
) -> impl IntoView {
    let state = use_app_state();
    let source = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let apply = move || {
        let ids: Vec<ArticleId> = selected.with_untracked(|s| s.iter().copied().collect());
        let name = source.get_untracked();
        message.set(Some(match state.set_source(&ids, name.trim()) {
            Ok(n) => {
                selected.set(BTreeSet::new());
                source.set(String::new());
                format!(
                    "Source “{}” set on {n} article{}.",
                    name.trim(),
                    if n == 1 { "" } else { "s" }
                )
            }
            Err(e) => format!("Could not set the source: {e}."),
        }));
    };
    view! {
        <form
            class="bulk-source"
            data-testid="bulk-source"
            on:submit=move |ev| {
                ev.prevent_default();
                apply();
            }
        >
            <span data-testid="selected-count">
                {move || {
                    let n = selected.with(BTreeSet::len);
                    if n == 0 {
                        "Tick articles to set their source together.".to_string()
                    } else {
                        format!("{n} selected")
                    }
                }}
            </span>
            <label>
                "Source: "
                <input
                    type="text"
                    data-testid="bulk-source-name"
                    placeholder="e.g. NOS"
                    prop:value=move || source.get()
                    on:input=move |ev| source.set(event_target_value(&ev))
                />
            </label>
            <button
                type="submit"
                data-testid="bulk-source-apply"
                disabled=move || selected.with(BTreeSet::is_empty) || source.with(|s| s.trim().is_empty())
            >
                "Set source"
            </button>
            <button
                type="button"
                disabled=move || selected.with(BTreeSet::is_empty)
                on:click=move |_| selected.set(BTreeSet::new())
            >
                "Clear selection"
            </button>
            <button type="button" data-testid="select-unknown" on:click=move |_| { selected.set(without_source(rows)) }>
                "Select all without a source"
            </button>
            <span class="muted" role="status" data-testid="bulk-source-message">
                {move || message.get()}
            </span>
        </form>
    }
}

/// The articles listed that have no source, for the bulk source editor.
fn without_source(rows: Memo<Vec<ArticleId>>) -> BTreeSet<ArticleId> {
    use_app_state().corpus().with_untracked(|c| {
        rows.with_untracked(|r| {
            r.iter()
                .copied()
                .filter(|id| c.get(*id).is_some_and(|a| a.source.is_none()))
                .collect()
        })
    })
}

/// The box that ticks (or unticks) every row shown.
fn pick_shown(
    rows: Memo<Vec<ArticleId>>,
    shown: RwSignal<usize>,
    selected: RwSignal<BTreeSet<ArticleId>>,
) -> impl IntoView {
    let all_shown = move || {
        rows.with(|r| {
            let n = r.len().min(shown.get());
            n > 0 && selected.with(|s| r.iter().take(n).all(|id| s.contains(id)))
        })
    };
    view! {
        <input
            type="checkbox"
            aria-label="Select every article shown"
            data-testid="select-shown"
            prop:checked=all_shown
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                let ids: Vec<ArticleId> = rows
                    .with_untracked(|r| r.iter().take(shown.get_untracked()).copied().collect());
                selected
                    .update(|s| {
                        for id in ids {
                            if on {
                                s.insert(id);
                            } else {
                                s.remove(&id);
                            }
                        }
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

/// The articles, a page at a time: thousands of rows take seconds to draw, so the first page
/// comes at once and the rest on request.
#[component]
fn LibraryTable(
    rows: Memo<Vec<ArticleId>>,
    selected: RwSignal<BTreeSet<ArticleId>>,
) -> impl IntoView {
    let state = use_app_state();
    // What a screen holds is drawn at once; the rest of the page a screenful per frame after.
    let shown = first_then_page(screenful(ROW_PX), PAGE_ROWS);
    let page = move || {
        rows.with(|r| {
            state.corpus().with(|c| {
                r.iter()
                    .take(shown.get())
                    .filter_map(|id| c.get(*id))
                    .map(Row::from)
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <table class="articles" data-testid="library-table">
            <thead>
                <tr>
                    <th scope="col" class="col-pick">
                        {pick_shown(rows, shown, selected)}
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
            <tbody>
                <For each=page key=Row::key let:row>
                    <tr data-testid="library-row" data-id=row.id.to_string()>
                        <td class="col-pick">{row_pick(row.id, selected)}</td>
                        <td class="col-title" data-label="Title">
                            <a href=Route::article(row.id).to_hash() title=row.file_name.clone()>
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
            </tbody>
        </table>
        {more_line(rows, shown)}
    }
}

/// "Showing the first 300 of 2,230 articles", with the button that shows them all.
fn more_line(rows: Memo<Vec<ArticleId>>, shown: RwSignal<usize>) -> impl IntoView {
    view! {
        {move || {
            let total = rows.with(Vec::len);
            (total > shown.get())
                .then(|| {
                    view! {
                        <p class="more">
                            {format!("Showing the first {} of {} articles. ", shown.get(), grouped(total))}
                            <button type="button" data-testid="show-all" on:click=move |_| shown.set(usize::MAX)>
                                {format!("Show all {}", grouped(total))}
                            </button>
                        </p>
                    }
                })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::summary_line;
    use newsprism_core::corpus::Totals;

    #[test]
    fn while_restoring_the_summary_says_how_many_are_coming_back() {
        let seeds = Totals {
            articles: 5,
            undated: 1,
            words: 2791,
        };
        assert_eq!(
            summary_line(&seeds, Some(None)),
            "Restoring your stored articles…"
        );
        assert_eq!(
            summary_line(&seeds, Some(Some(2201))),
            "Restoring 2,201 stored articles…"
        );
        let done = "5 articles · 4 dated · 1 undated · 2,791 words";
        assert_eq!(summary_line(&seeds, Some(Some(0))), done);
        assert_eq!(summary_line(&seeds, None), done);
    }
}
