//! One article's metadata form (title, source, date) and its removal.

use leptos::prelude::*;
use newsprism_core::project::{ArticleEdit, DateEdit, EditError};
use newsprism_core::{Article, ArticleId};

use crate::browser::hash::use_router;
use crate::route::Route;
use crate::state::use_app_state;

/// The form's fields as text.
#[derive(Clone, Debug, Default, PartialEq)]
struct Fields {
    title: String,
    source: String,
    date: String,
}

impl Fields {
    /// The fields as the article has them.
    fn of(a: &Article) -> Fields {
        Fields {
            title: a.title.clone(),
            source: a.source.clone().unwrap_or_default(),
            date: a
                .pub_date
                .as_ref()
                .map(|d| d.date.iso())
                .unwrap_or_default(),
        }
    }

    /// The edit that turns these fields (as read) into `typed`: only what changed; an
    /// unreadable date is refused.
    fn edit_to(&self, typed: &Fields) -> Result<ArticleEdit, EditError> {
        let changed = |new: &str, old: &str| (new.trim() != old).then(|| new.to_string());
        Ok(ArticleEdit {
            title: changed(&typed.title, &self.title),
            source: changed(&typed.source, &self.source),
            date: changed(&typed.date, &self.date)
                .map(|d| DateEdit::parse(&d))
                .transpose()?,
        })
    }
}

/// Edit the title, source and date; undo the edits; remove (or, for a bundled article, hide).
#[component]
pub fn ArticleTools(
    /// The article as shown.
    article: Article,
) -> impl IntoView {
    let state = use_app_state();
    let router = use_router();
    let id: ArticleId = article.id;
    let (seed, edited, sources) = state.corpus().with_untracked(|c| {
        let sources: Vec<String> = c.sources().into_iter().filter_map(|(s, _)| s).collect();
        (c.is_seed(id), c.edit_of(id).is_some(), sources)
    });
    let read = Fields::of(&article);
    let title = RwSignal::new(read.title.clone());
    let source = RwSignal::new(read.source.clone());
    let date = RwSignal::new(read.date.clone());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Fields {
            title: title.get_untracked(),
            source: source.get_untracked(),
            date: date.get_untracked(),
        };
        match read.edit_to(&typed) {
            Err(e) => error.set(Some(e.to_string())),
            Ok(edit) if edit.is_empty() => {}
            Ok(edit) => error.set(state.edit(id, &edit).err().map(|e| e.to_string())),
        }
    };
    let remove = move |_| {
        state.remove(id);
        router.push(&Route::default());
    };
    view! {
        <details class="article-tools" data-testid="article-tools">
            <summary>"Edit details or remove"</summary>
            <form on:submit=save class="edit-form">
                <TextField label="Title" name="title" value=title />
                <TextField label="Source" name="source" value=source placeholder="unknown" list="known-sources" />
                <datalist id="known-sources">
                    {sources.into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
                </datalist>
                <TextField
                    label="Date"
                    name="date"
                    value=date
                    placeholder="2022, 2022-12 or 2022-12-19; empty = undated"
                />
                <div class="edit-actions">
                    <button type="submit" data-testid="save-edit">
                        "Save"
                    </button>
                    {edited
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| state.reset_edit(id)>
                                    "Undo my edits"
                                </button>
                            }
                        })}
                    <button type="button" class="danger" data-testid="remove-article" on:click=remove>
                        {if seed { "Hide this bundled article" } else { "Remove this article" }}
                    </button>
                </div>
                <p class="error" role="alert">
                    {move || error.get()}
                </p>
            </form>
        </details>
    }
}

/// A labelled one-line text input bound to a signal.
#[component]
fn TextField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] placeholder: &'static str,
    /// The id of a datalist of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <input
                name=name
                type="text"
                list=list
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(title: &str, source: &str, date: &str) -> Fields {
        Fields {
            title: title.into(),
            source: source.into(),
            date: date.into(),
        }
    }

    #[test]
    fn only_changed_fields_make_the_edit() {
        let read = fields("Kop", "", "2022-12");
        assert!(read.edit_to(&read).expect("no change").is_empty());
        let edit = read.edit_to(&fields("Kop ", "NOS", "")).expect("valid");
        assert_eq!(edit.title, None);
        assert_eq!(edit.source.as_deref(), Some("NOS"));
        assert_eq!(edit.date, Some(DateEdit::Undated));
    }

    #[test]
    fn an_unreadable_date_is_refused() {
        let read = fields("Kop", "", "");
        assert!(matches!(
            read.edit_to(&fields("Kop", "", "19-12-2022")),
            Err(EditError::BadDate(_))
        ));
    }
}
