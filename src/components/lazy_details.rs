//! A disclosure whose content is drawn only once it is opened: a long list under a closed
//! summary costs nothing until someone asks for it.

use leptos::prelude::*;

use crate::browser::hash::details_open;

/// A closed `<details>` that draws its content when first opened (and drops it when closed).
#[component]
pub fn LazyDetails<F, V>(
    /// The class of the `<details>`.
    class: &'static str,
    /// Its test id.
    testid: &'static str,
    /// What the summary says.
    summary: String,
    /// The content, drawn while open.
    content: F,
) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let open = RwSignal::new(false);
    view! {
        <details class=class data-testid=testid on:toggle=move |ev| open.set(details_open(&ev))>
            <summary>{summary}</summary>
            {move || open.get().then(&content)}
        </details>
    }
}
