//! The named events' table: which events the texts name by what happened ("sinds de oorlog in
//! Oekraïne"), with the day each one places, editable by the user.

use leptos::prelude::*;
use newsprism_core::time::named::{NamedEvent, NamedEvents};

use crate::state::use_app_state;

/// What the form holds.
#[derive(Clone, Copy)]
struct Draft {
    label: RwSignal<String>,
    date: RwSignal<String>,
    phrases: RwSignal<String>,
    context: RwSignal<String>,
}

impl Draft {
    fn new() -> Self {
        Draft {
            label: RwSignal::new(String::new()),
            date: RwSignal::new(String::new()),
            phrases: RwSignal::new(String::new()),
            context: RwSignal::new(String::new()),
        }
    }

    /// Fills the form with an event, to change it.
    fn fill(&self, e: &NamedEvent) {
        self.label.set(e.label.clone());
        self.date.set(e.date.clone());
        self.phrases.set(e.phrases.join("\n"));
        self.context.set(e.context.join(", "));
    }

    fn clear(&self) {
        for s in [self.label, self.date, self.phrases, self.context] {
            s.set(String::new());
        }
    }
}

/// The named events view.
#[component]
pub fn EventsView() -> impl IntoView {
    let state = use_app_state();
    let draft = Draft::new();
    let (error, set_error) = signal(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = NamedEvent::parse(
            &draft.label.get_untracked(),
            &draft.date.get_untracked(),
            &draft.phrases.get_untracked(),
            &draft.context.get_untracked(),
        );
        match parsed.and_then(|e| state.add_named_event(e)) {
            Ok(()) => {
                set_error.set(None);
                draft.clear();
            }
            Err(why) => set_error.set(Some(format!("Not saved: {why}."))),
        }
    };
    view! {
        <section class="aliases events" aria-labelledby="events-heading">
            <div class="view-head">
                <h1 id="events-heading">"Named events"</h1>
            </div>
            <p class="muted">
                "Texts often date things by what happened: “sinds de oorlog in Oekraïne”, “een jaar na het begin van de invasie”, “since 9/11”. "
                "Each line gives such an event its day, so the timeline can place those mentions, with the event shown as the evidence. "
                "A phrase counts after “sinds”, “na”, “tijdens”, “since”, “after” or “during”. "
                "A phrase of one word (“de invasie”) counts only in an article that names one of the event’s context words. "
                "Your changes are saved in this browser and go into an exported project."
            </p>
            <EventForm draft save error />
            <EventList draft />
            <button
                type="button"
                data-testid="restore-events"
                on:click=move |_| {
                    state.restore_named_events();
                }
            >
                "Restore the built-in list"
            </button>
        </section>
    }
}

/// The form that adds an event, or changes the one of the same name.
#[component]
fn EventForm(
    draft: Draft,
    save: impl Fn(leptos::ev::SubmitEvent) + 'static,
    error: ReadSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <form class="alias-form event-form" on:submit=save data-testid="event-form">
            <label for="event-label">"Name (an event of the same name is replaced)"</label>
            <input
                id="event-label"
                type="text"
                placeholder="the coup in Myanmar"
                prop:value=draft.label
                on:input=move |ev| draft.label.set(event_target_value(&ev))
            />
            <label for="event-date">"Day (year-month-day)"</label>
            <input
                id="event-date"
                type="text"
                inputmode="numeric"
                placeholder="2021-02-01"
                prop:value=draft.date
                on:input=move |ev| draft.date.set(event_target_value(&ev))
            />
            <label for="event-phrases">"Phrases that name it (one a line, or separated by commas)"</label>
            <textarea
                id="event-phrases"
                rows="3"
                placeholder="de staatsgreep in Myanmar\nthe coup in Myanmar"
                prop:value=draft.phrases
                on:input=move |ev| draft.phrases.set(event_target_value(&ev))
            ></textarea>
            <label for="event-context">"Context words, for phrases of one word (optional)"</label>
            <input
                id="event-context"
                type="text"
                placeholder="Myanmar, Birma"
                prop:value=draft.context
                on:input=move |ev| draft.context.set(event_target_value(&ev))
            />
            <div class="alias-row">
                <button type="submit">"Save the event"</button>
            </div>
            {move || {
                error
                    .get()
                    .map(|why| {
                        view! {
                            <p class="error" role="alert" data-testid="event-error">
                                {why}
                            </p>
                        }
                    })
            }}
        </form>
    }
}

/// The table's events.
#[component]
fn EventList(draft: Draft) -> impl IntoView {
    let state = use_app_state();
    let table = move || state.corpus().with(|c| c.named_events().clone());
    view! {
        <ul class="alias-groups event-list" data-testid="event-list">
            {move || {
                let table: NamedEvents = table();
                table.table().events.iter().map(|e| view! { <EventRow event=e.clone() draft /> }).collect_view()
            }}
        </ul>
    }
}

/// One event, with how many mentions it places, and Change and Remove buttons.
#[component]
fn EventRow(event: NamedEvent, draft: Draft) -> impl IntoView {
    let state = use_app_state();
    let label = event.label.clone();
    // How many mentions it places, once every article's dates are read (reading the timeline
    // before would read them all at once).
    let prefix = format!("{label}, ");
    let placed = move || -> Option<usize> {
        if !state.dates_ready() {
            return None;
        }
        Some(state.timeline().with(|t| {
            t.events
                .iter()
                .filter(|e| e.anchor.as_deref().is_some_and(|a| a.starts_with(&prefix)))
                .count()
        }))
    };
    let context = (!event.context.is_empty()).then(|| {
        view! { <span class="muted">" (one-word phrases only beside: " {event.context.join(", ")} ")"</span> }
    });
    let filled = event.clone();
    view! {
        <li data-testid="named-event">
            <span>
                <strong>{label.clone()}</strong>
                " · "
                <time datetime=event.date.clone()>{event.date.clone()}</time>
                <br />
                <span class="muted">{event.phrases.join(" · ")}</span>
                {context}
                <br />
                <span class="muted" data-testid="event-placed">
                    {move || match placed() {
                        Some(1) => "places 1 mention in the loaded articles".to_string(),
                        Some(n) => format!("places {n} mentions in the loaded articles"),
                        None => "reading the articles’ dates…".to_string(),
                    }}
                </span>
            </span>
            <span class="alias-row">
                <button type="button" aria-label=format!("Change {label}") on:click=move |_| draft.fill(&filled)>
                    "Change"
                </button>
                <button
                    type="button"
                    class="remove"
                    aria-label=format!("Remove {label}")
                    on:click={
                        let label = label.clone();
                        move |_| state.remove_named_event(&label)
                    }
                >
                    "Remove"
                </button>
            </span>
        </li>
    }
}
