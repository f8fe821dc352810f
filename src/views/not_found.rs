//! What a link to nothing shows.

use leptos::prelude::*;

/// A page for a hash that names no page or no loaded article.
#[component]
pub fn NotFoundView(
    /// What was not found, in plain words.
    what: String,
) -> impl IntoView {
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Not found"</h1>
            <p>{what}</p>
            <p>
                <a href="#/">"Back to the library"</a>
            </p>
        </section>
    }
}
