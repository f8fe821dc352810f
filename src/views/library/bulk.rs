//! Setting the source of many articles at once: naming the outlet of a batch that came
//! without one.

use std::collections::BTreeSet;

use leptos::prelude::*;
use newsprism_core::ArticleId;

use crate::state::use_app_state;

/// The source of the selected articles, set in one go: naming the outlets of a batch of
/// articles that came without one.
#[component]
pub(super) fn BulkSource(
    listed: Memo<Vec<ArticleId>>,
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
            <button
                type="button"
                data-testid="select-unknown"
                on:click=move |_| { selected.set(without_source(listed)) }
            >
                "Select those listed without a source"
            </button>
            <span class="muted" role="status" data-testid="bulk-source-message">
                {move || message.get()}
            </span>
        </form>
    }
}

/// The articles listed that have no source, for the bulk source editor.
fn without_source(listed: Memo<Vec<ArticleId>>) -> BTreeSet<ArticleId> {
    use_app_state().corpus().with_untracked(|c| {
        listed.with_untracked(|r| {
            r.iter()
                .copied()
                .filter(|id| c.get(*id).is_some_and(|a| a.source.is_none()))
                .collect()
        })
    })
}
