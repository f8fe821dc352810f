//! The library's filters: words in the title, source or file name; a source; a language; a
//! range of publication dates. What they leave is said in one line, with the articles whose
//! dates are too rough to tell offered apart.

use leptos::prelude::*;
use newsprism_core::corpus::{Facets, Filtered, LibraryFilter};
use newsprism_core::time::calendar::iso_day;
use newsprism_core::{Language, PartialDate};

use crate::components::count::grouped;

/// At most this many sources are offered (the most used first); the words box finds the rest.
const SOURCE_OPTIONS: usize = 300;

/// The filter form. `filter` is the view's own state, changed here as the user types.
#[component]
pub(super) fn FilterForm(filter: RwSignal<LibraryFilter>, facets: Memo<Facets>) -> impl IntoView {
    let start = filter.get_untracked();
    let from_text = RwSignal::new(start.from.map(|d| d.iso()).unwrap_or_default());
    let to_text = RwSignal::new(start.to.map(|d| d.iso()).unwrap_or_default());
    let date_error = move || {
        [("From", from_text.get()), ("To", to_text.get())]
            .into_iter()
            .find(|(_, t)| !t.trim().is_empty() && PartialDate::parse_iso(t).is_none())
            .map(|(which, t)| {
                format!(
                    "{which}: “{}” is not a date. Write 2022, 2022-12 or 2022-12-19.",
                    t.trim()
                )
            })
    };
    // A date box that reads as a date shows the filter's end: cleared when the filter is
    // cleared from elsewhere ("No article passes these filters"). Text that is not yet a date
    // is left as typed.
    Effect::new(move |_| {
        let (from, to) = filter.with(|f| (f.from, f.to));
        for (text, end) in [(from_text, from), (to_text, to)] {
            let typed = text.with_untracked(|t| PartialDate::parse_iso(t));
            if typed.is_some() && typed != end {
                text.set(end.map(|d| d.iso()).unwrap_or_default());
            }
        }
    });
    let clear = move |_| {
        from_text.set(String::new());
        to_text.set(String::new());
        filter.set(LibraryFilter::default());
    };
    let span = move || {
        facets.with(|f| {
            f.dates
                .map(|(a, b)| format!("Published {} to {}.", iso_day(a), iso_day(b)))
        })
    };
    view! {
        <form class="library-filter" role="search" aria-label="Filter the library" on:submit=|ev| ev.prevent_default()>
            <label class="filter-words">
                <span class="sr-only">"Words in the title, source or file name"</span>
                <input
                    type="search"
                    data-testid="library-filter"
                    placeholder="Filter by title, source or file name"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        filter.update(|f| f.text = text);
                    }
                />
            </label>
            <SourcePick filter facets />
            <LanguagePick filter facets />
            <DateRange filter from_text to_text />
            <button
                type="button"
                data-testid="filter-clear"
                disabled=move || filter.with(LibraryFilter::is_empty)
                on:click=clear
            >
                "Clear filters"
            </button>
            <p class="muted filter-span">{span}</p>
            <p class="form-error" role="alert" data-testid="filter-error">
                {date_error}
            </p>
        </form>
    }
}

/// The range of publication dates, as typed (`2022`, `2022-12` or `2022-12-19` at each end);
/// the filter takes each end once it reads as a date.
#[component]
fn DateRange(
    filter: RwSignal<LibraryFilter>,
    from_text: RwSignal<String>,
    to_text: RwSignal<String>,
) -> impl IntoView {
    view! {
        <fieldset class="filter-dates">
            <legend class="sr-only">"Published between"</legend>
            {date_box(filter, from_text, false)}
            {date_box(filter, to_text, true)}
        </fieldset>
    }
}

/// One end of the date range: the text as typed, and the filter's end once it reads as a date
/// (or is cleared).
fn date_box(filter: RwSignal<LibraryFilter>, text: RwSignal<String>, to: bool) -> impl IntoView {
    let (label, testid, example) = if to {
        (" to ", "filter-to", "2022-12-31")
    } else {
        ("From ", "filter-from", "2022-10")
    };
    view! {
        <label>
            {label}
            <input
                type="text"
                inputmode="numeric"
                size="10"
                data-testid=testid
                placeholder=example
                prop:value=move || text.get()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let parsed = PartialDate::parse_iso(&typed);
                    if typed.trim().is_empty() || parsed.is_some() {
                        filter.update(|f| *if to { &mut f.to } else { &mut f.from } = parsed);
                    }
                    text.set(typed);
                }
            />
        </label>
    }
}

/// The source picker: every source with its count, the most used first.
#[component]
fn SourcePick(filter: RwSignal<LibraryFilter>, facets: Memo<Facets>) -> impl IntoView {
    let options = move || {
        let chosen = filter.with(|f| f.source.clone());
        facets.with(|f| {
            let mut list: Vec<(String, usize)> =
                f.sources.iter().take(SOURCE_OPTIONS).cloned().collect();
            // A source from the address that no article has (any more) stays choosable.
            if let Some(c) = chosen.filter(|c| !list.iter().any(|(s, _)| s == c)) {
                list.push((c, 0));
            }
            list.into_iter()
                .map(|(s, n)| {
                    let selected = filter.with_untracked(|f| f.source.as_deref() == Some(&s));
                    view! {
                        <option value=s.clone() selected=selected>
                            {format!("{s} ({})", grouped(n))}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <label>
            <span class="sr-only">"Source"</span>
            <select
                data-testid="filter-source"
                prop:value=move || filter.with(|f| f.source.clone().unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.source = (!v.is_empty()).then_some(v));
                }
            >
                <option value="">"All sources"</option>
                {options}
            </select>
        </label>
    }
}

/// The language picker: every language with its count.
#[component]
fn LanguagePick(filter: RwSignal<LibraryFilter>, facets: Memo<Facets>) -> impl IntoView {
    let options = move || {
        facets.with(|f| {
            f.languages
                .iter()
                .map(|(l, n)| {
                    let selected = filter.with_untracked(|f| f.language == Some(*l));
                    view! {
                        <option value=l.code() selected=selected>
                            {format!("{} ({})", l.name(), grouped(*n))}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <label>
            <span class="sr-only">"Language"</span>
            <select
                data-testid="filter-language"
                prop:value=move || filter.with(|f| f.language.map(|l| l.code()).unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.language = Language::from_code(&v));
                }
            >
                <option value="">"All languages"</option>
                {options}
            </select>
        </label>
    }
}

/// What the filter leaves: "Listing 12 of 2,230 articles", and the articles whose dates are too
/// rough to place in the range, with the choice to list them too.
pub(super) fn listing_line(
    filter: RwSignal<LibraryFilter>,
    listed: Memo<Filtered>,
    total: Signal<usize>,
) -> impl IntoView {
    move || {
        if filter.with(LibraryFilter::is_empty) {
            return None;
        }
        let (n, rough) = listed.with(|l| (l.ids.len(), l.uncertain));
        let keep = filter.with(|f| f.rough_dates);
        let rough_line = (rough > 0).then(|| {
            let what = if keep {
                format!(
                    "{} of them have a date too rough to tell whether it falls in these dates, or none. ",
                    grouped(rough)
                )
            } else {
                format!(
                    "{} more might fall in these dates: dated only to the month or year, or undated. ",
                    grouped(rough)
                )
            };
            view! {
                " "
                <span data-testid="rough-dates">
                    {what}
                    <button
                        type="button"
                        data-testid="rough-toggle"
                        on:click=move |_| filter.update(|f| f.rough_dates = !keep)
                    >
                        {if keep { "Leave them out" } else { "List them too" }}
                    </button>
                </span>
            }
        });
        Some(view! {
            <p class="listing" role="status" data-testid="library-listing">
                {format!("Listing {} of {} articles.", grouped(n), grouped(total.get()))}
                {rough_line}
            </p>
        })
    }
}
