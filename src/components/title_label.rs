//! An article title, with derived titles visibly marked.

use leptos::prelude::*;
use newsprism_core::TitleKind;

/// The title text; a title derived from the opening sentence carries a "derived" mark.
#[component]
pub fn TitleLabel(
    /// The title.
    title: String,
    /// Whether the source wrote it.
    kind: TitleKind,
) -> impl IntoView {
    match kind {
        TitleKind::Headline => view! { <span class="title">{title}</span> }.into_any(),
        TitleKind::Derived => view! {
            <span class="title derived" title="The file has no headline: this title is its opening sentence">
                <span class="title-text">{title}</span>
                " "
                <span class="badge">"derived title"</span>
            </span>
        }
        .into_any(),
    }
}
