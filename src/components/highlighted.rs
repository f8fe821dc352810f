//! Text with search hits marked: each span is a text node, never markup.

use leptos::prelude::*;
use newsprism_core::search::snippet::Span;

/// Renders spans, hits in `<mark>`. The hit starting at byte `current` (if any) is marked as
/// the current one and gets the id `current-hit`, for scrolling to it.
#[component]
pub fn Highlighted(
    /// The spans, in order.
    spans: Vec<Span>,
    /// Byte offset of the current hit within the spans' text.
    #[prop(optional)]
    current: Option<usize>,
) -> impl IntoView {
    let mut offset = 0usize;
    spans
        .into_iter()
        .map(|span| {
            let start = offset;
            offset += span.text.len();
            if span.hit {
                let is_current = current == Some(start);
                view! {
                    <mark class:current=is_current id=is_current.then_some("current-hit")>
                        {span.text}
                    </mark>
                }
                .into_any()
            } else {
                span.text.into_any()
            }
        })
        .collect_view()
}
