//! The alias table: which spellings name the same person or place, editable by the user.

use leptos::prelude::*;

use crate::state::use_app_state;

/// The alias table view.
#[component]
pub fn AliasesView() -> impl IntoView {
    let state = use_app_state();
    let (draft, set_draft) = signal(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        let names: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.len() >= 2 {
            state.add_alias_group(&names);
            set_draft.set(String::new());
        }
    };
    view! {
        <section class="aliases" aria-labelledby="aliases-heading">
            <div class="view-head">
                <h1 id="aliases-heading">"Spellings"</h1>
            </div>
            <p class="muted">
                "Each line names one person, place or organisation in the spellings outlets use. "
                "A search for one spelling finds them all, unless you switch that off in the search view. "
                "Your changes are saved in this browser and go into an exported project."
            </p>
            <form class="alias-form" on:submit=add>
                <label for="alias-input">"New line (two or more spellings, separated by commas)"</label>
                <div class="alias-row">
                    <input
                        id="alias-input"
                        type="text"
                        placeholder="Schraibman, Shraibman"
                        prop:value=draft
                        on:input=move |ev| set_draft.set(event_target_value(&ev))
                    />
                    <button type="submit">"Add"</button>
                </div>
            </form>
            <AliasGroups />
            <button
                type="button"
                on:click=move |_| {
                    state.restore_aliases();
                }
            >
                "Restore the built-in list"
            </button>
        </section>
    }
}

/// The table's lines, each with its Remove button.
#[component]
fn AliasGroups() -> impl IntoView {
    let state = use_app_state();
    let groups = move || {
        state.corpus().with(|c| {
            c.aliases()
                .groups()
                .iter()
                .map(|g| g.names.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="alias-groups" data-testid="alias-groups">
            {move || {
                groups()
                    .into_iter()
                    .map(|names| {
                        let first = names.first().cloned().unwrap_or_default();
                        view! {
                            <li data-testid="alias-group">
                                <span>{names.join(" · ")}</span>
                                <button
                                    type="button"
                                    class="remove"
                                    aria-label=format!("Remove the line for {first}")
                                    on:click=move |_| {
                                        state.remove_alias_group(&first);
                                    }
                                >
                                    "Remove"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
