//! A long list shown a page at a time: "Showing 200 of 10,894 · Show 200 more".

use leptos::prelude::*;

use super::count::grouped;

/// Rows a long list shows at first, and adds each time.
pub const PAGE_ROWS: usize = 200;

/// How many rows are shown of `total`, and a button that shows `PAGE_ROWS` more (nothing when
/// all are shown).
#[component]
pub fn ShowMore(
    /// How many rows are shown.
    shown: RwSignal<usize>,
    /// How many there are (read reactively).
    #[prop(into)]
    total: Signal<usize>,
    /// The button's test id.
    testid: &'static str,
) -> impl IntoView {
    move || {
        let (n, total) = (shown.get(), total.get());
        (n < total).then(|| {
            let more = PAGE_ROWS.min(total - n);
            view! {
                <p class="muted show-more">
                    {format!("Showing {} of {}. ", grouped(n), grouped(total))}
                    <button type="button" data-testid=testid on:click=move |_| shown.update(|s| *s += PAGE_ROWS)>
                        {format!("Show {} more", grouped(more))}
                    </button>
                </p>
            }
        })
    }
}

/// Rows per block of [`Blocks`].
const BLOCK: usize = 20;

/// The first `count` rows of a long list, drawn in blocks of [`BLOCK`]: when `count` grows (a
/// screenful per frame, or "Show more"), only the new rows are drawn, and a block is drawn
/// again only when what it reads changes. `row` draws the rows of a range.
#[component]
pub fn Blocks<F, V>(
    /// How many rows are shown.
    #[prop(into)]
    count: Signal<usize>,
    /// Draws the rows of a range (reading the list reactively).
    row: F,
) -> impl IntoView
where
    F: Fn(std::ops::Range<usize>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let blocks = move || (0..count.get().div_ceil(BLOCK)).collect::<Vec<usize>>();
    view! {
        <For each=blocks key=|b| *b let:b>
            {
                let row = row.clone();
                let end = Memo::new(move |_| ((b + 1) * BLOCK).min(count.get()));
                move || row(b * BLOCK..end.get())
            }
        </For>
    }
}
