//! One article's metadata form (title, source, date) and its removal.

use leptos::prelude::*;
use newsprism_core::project::{ArticleEdit, DateEdit};
use newsprism_core::{Article, ArticleId};

use crate::browser::hash::use_router;
use crate::route::Route;
use crate::state::use_app_state;

/// Edit the title, source and date; undo the edits; remove (or, for a bundled article, hide).
#[component]
pub fn ArticleTools(
    /// The article as shown.
    article: Article,
) -> impl IntoView {
    let state = use_app_state();
    let router = use_router();
    let id: ArticleId = article.id;
    let (seed, edited, sources) = state.corpus().with_untracked(|c| {
        (
            c.is_seed(id),
            c.edit_of(id).is_some(),
            c.sources()
                .into_iter()
                .filter_map(|(s, _)| s)
                .collect::<Vec<_>>(),
        )
    });
    let title = RwSignal::new(article.title.clone());
    let source = RwSignal::new(article.source.clone().unwrap_or_default());
    let date = RwSignal::new(
        article
            .pub_date
            .as_ref()
            .map(|d| d.date.iso())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let (orig_title, orig_source, orig_date) = (
        article.title.clone(),
        article.source.clone().unwrap_or_default(),
        article
            .pub_date
            .as_ref()
            .map(|d| d.date.iso())
            .unwrap_or_default(),
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changed = |new: String, old: &str| (new.trim() != old).then_some(new);
        let date = match changed(date.get_untracked(), &orig_date).map(|d| DateEdit::parse(&d)) {
            Some(Err(e)) => {
                error.set(Some(e.to_string()));
                return;
            }
            Some(Ok(d)) => Some(d),
            None => None,
        };
        let edit = ArticleEdit {
            title: changed(title.get_untracked(), &orig_title),
            source: changed(source.get_untracked(), &orig_source),
            date,
        };
        if edit.is_empty() {
            return;
        }
        error.set(state.edit(id, &edit).err().map(|e| e.to_string()));
    };
    let remove = move |_| {
        state.remove(id);
        router.push(&Route::default());
    };
    view! {
        <details class="article-tools" data-testid="article-tools">
            <summary>"Edit details or remove"</summary>
            <form on:submit=save class="edit-form">
                <label>
                    "Title"
                    <input
                        name="title"
                        type="text"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    "Source"
                    <input
                        name="source"
                        type="text"
                        list="known-sources"
                        placeholder="unknown"
                        prop:value=move || source.get()
                        on:input=move |ev| source.set(event_target_value(&ev))
                    />
                </label>
                <datalist id="known-sources">
                    {sources.into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
                <label>
                    "Date"
                    <input
                        name="date"
                        type="text"
                        placeholder="2022, 2022-12 or 2022-12-19; empty = undated"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </label>
                <div class="edit-actions">
                    <button type="submit" data-testid="save-edit">
                        "Save"
                    </button>
                    {edited
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| state.reset_edit(id)>
                                    "Undo my edits"
                                </button>
                            }
                        })}
                    <button type="button" class="danger" data-testid="remove-article" on:click=remove>
                        {if seed { "Hide this bundled article" } else { "Remove this article" }}
                    </button>
                </div>
                <p class="error" role="alert">
                    {move || error.get()}
                </p>
            </form>
        </details>
    }
}
