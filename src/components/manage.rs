//! Managing the library as a whole: the project file, removing what was added, bringing hidden
//! bundled articles back, and renaming sources.

use leptos::prelude::*;
use newsprism_core::article::UNKNOWN_SOURCE;
use newsprism_core::export::ExportFormat;
use newsprism_core::Corpus;

use crate::browser::files::{download, files_from_input};
use crate::state::{use_app_state, Storage};

/// The library's management panel.
#[component]
pub fn Manage() -> impl IntoView {
    let state = use_app_state();
    let hidden = move || state.corpus().with(|c| c.hidden_seeds().len());
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let json = state.project_json();
        let n = state.corpus().with_untracked(Corpus::added_count);
        message.set(Some(match download("newsprism-project.json", &json, ExportFormat::Json) {
            Ok(()) => format!("Exported the project: {n} added articles, edits, hidden articles and spellings."),
            Err(e) => format!("The project could not be exported: {e}."),
        }));
    };
    let open = move |ev: leptos::ev::Event| state.ingest(files_from_input(&ev));
    let saved = move || match state.storage().get() {
        Storage::Restoring(_) => "Restoring your articles…",
        Storage::Saved if state.saving().get() > 0 => "Saving your changes in this browser…",
        Storage::Saved => "Your added articles and edits are saved in this browser.",
        Storage::Failed(_) => "Not saved in this browser (see the notice above).",
    };
    view! {
        <section class="manage" aria-label="Manage the library">
            <p class="muted" data-testid="storage-status">
                {saved}
            </p>
            <div class="manage-actions">
                <button type="button" on:click=export data-testid="export-project">
                    "Export project"
                </button>
                <label class="button">
                    "Open project…"
                    <input
                        id="open-project"
                        type="file"
                        accept=".json,application/json"
                        class="visually-hidden"
                        on:change=open
                    />
                </label>
                {move || {
                    (hidden() > 0)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    data-testid="restore-seeds"
                                    on:click=move |_| state.restore_seeds()
                                >
                                    {format!("Restore {} hidden bundled articles", hidden())}
                                </button>
                            }
                        })
                }}
                <RemoveAdded />
            </div>
            <p class="muted" role="status">
                {move || message.get()}
            </p>
            <Sources />
        </section>
    }
}

/// Removing every added article, after a confirmation.
#[component]
fn RemoveAdded() -> impl IntoView {
    let state = use_app_state();
    let added = move || state.corpus().with(Corpus::added_count);
    let confirming = RwSignal::new(false);
    move || {
        (added() > 0)
            .then(|| {
                if confirming.get() {
                    view! {
                        <span class="confirm">
                            {format!("Remove all {} added articles and their edits?", added())}
                            <button
                                type="button"
                                data-testid="confirm-remove-added"
                                on:click=move |_| {
                                    state.remove_added();
                                    confirming.set(false);
                                }
                            >
                                "Remove"
                            </button> <button type="button" on:click=move |_| confirming.set(false)>
                                "Keep them"
                            </button>
                        </span>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" data-testid="remove-added" on:click=move |_| confirming.set(true)>
                            {format!("Remove all {} added articles…", added())}
                        </button>
                    }
                        .into_any()
                }
            })
    }
}

/// Every source with its article count, each renamable for all its articles at once.
#[component]
fn Sources() -> impl IntoView {
    let state = use_app_state();
    let sources = Memo::new(move |_| state.corpus().with(|c| c.sources()));
    view! {
        <details class="sources" data-testid="sources">
            <summary>{move || format!("Sources ({})", sources.with(Vec::len))}</summary>
            <ul>
                <For each=move || sources.get() key=|s| s.clone() let:source>
                    <SourceRow name=source.0 count=source.1 />
                </For>
            </ul>
        </details>
    }
}

#[component]
fn SourceRow(
    /// The source; `None` is the unknown source.
    name: Option<String>,
    count: usize,
) -> impl IntoView {
    let state = use_app_state();
    let value = RwSignal::new(name.clone().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let label = name.clone().unwrap_or_else(|| UNKNOWN_SOURCE.to_string());
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = state.rename_source(name.as_deref(), &value.get_untracked()) {
            error.set(Some(e.to_string()));
        }
    };
    view! {
        <li data-testid="source-row">
            <form on:submit=rename>
                <label>
                    <span class="source-name">{format!("{label} ({count})")}</span>
                    " → "
                    <input
                        type="text"
                        aria-label=format!("New name for {label}")
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit">"Rename"</button>
                <span class="error">{move || error.get()}</span>
            </form>
        </li>
    }
}
