//! A publication date at its true precision, with where it came from.

use leptos::prelude::*;
use newsprism_core::{Precision, PubDate};

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// "Dec 2022" with its provenance on hover, or a visible "undated".
#[component]
pub fn DateLabel(
    /// The date, if the article has one.
    date: Option<PubDate>,
    /// Show the provenance in small print after the date (the reader does; the library hovers).
    #[prop(optional)]
    show_provenance: bool,
) -> impl IntoView {
    match date {
        Some(d) => {
            let explanation = format!(
                "{} ({} precision), {}",
                d.date.human(),
                precision_word(d.precision()),
                d.provenance.label()
            );
            let provenance = show_provenance.then(|| {
                view! {
                    <small class="provenance">
                        {format!("{} precision, {}", precision_word(d.precision()), d.provenance.label())}
                    </small>
                }
            });
            view! {
                <span class="date">
                    <time datetime=d.date.iso() title=explanation>
                        {d.date.human()}
                    </time>
                    {provenance}
                </span>
            }
            .into_any()
        }
        None => view! {
            <span class="date undated" title="The file gives no publication date">
                "undated"
            </span>
        }
        .into_any(),
    }
}
