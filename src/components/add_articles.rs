//! Adding articles: a file picker, a folder picker, and the report of what happened to each file.

use leptos::prelude::*;
use newsprism_core::corpus::FileOutcome;

use crate::browser::files::read_input;
use crate::route::Route;
use crate::state::use_app_state;

/// The pickers.
#[component]
pub fn AddArticles() -> impl IntoView {
    let state = use_app_state();
    let on_pick = move |ev: leptos::ev::Event| read_input(&ev, move |files| state.ingest(files));
    view! {
        <div class="add-articles">
            <label class="button">
                "Add articles…"
                <input id="add-files" type="file" multiple class="visually-hidden" on:change=on_pick />
            </label>
            <label class="button">
                "Add a folder…"
                <input id="add-folder" type="file" multiple prop:webkitdirectory=true class="visually-hidden" on:change=on_pick />
            </label>
            <span class="muted">"or drop text files anywhere on the page. They are read on this device only."</span>
        </div>
    }
}

/// What was detected in a file: "HTML · 19 Dec 2022 (from the page's metadata) · nl · UTF-8 · NOS".
fn detected(a: &newsprism_core::Article, format: &str) -> String {
    let date = a.pub_date.as_ref().map_or_else(
        || "undated".to_string(),
        |d| format!("{} ({})", d.date.human(), d.provenance.label()),
    );
    format!(
        " {format} · {date} · {} · {} · {}",
        a.language.code(),
        a.encoding,
        a.source_label()
    )
}

/// What happened to each file of the last batch.
#[component]
pub fn IngestReport() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.report.with(|outcomes| {
            if outcomes.is_empty() {
                return None;
            }
            let count = |f: fn(&FileOutcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
            let added = count(|o| matches!(o, FileOutcome::Added { .. }));
            let duplicates = count(|o| matches!(o, FileOutcome::Duplicate { .. }));
            let rejected = count(|o| matches!(o, FileOutcome::Rejected { .. }));
            let few = outcomes.len() <= 20;
            let rows = outcomes
                .iter()
                .map(|o| {
                    let (class, name, what) = match o {
                        FileOutcome::Added { file_name, id, warnings, format } => {
                            let (title, detected) = state
                                .corpus
                                .with(|c| c.get(*id).map(|a| (a.title.clone(), detected(a, format.name()))))
                                .unwrap_or_default();
                            let note = if warnings.is_empty() { String::new() } else { format!(" Note: {}", warnings.join("; ")) };
                            ("added", file_name.clone(), view! { "added: " <a href=Route::article(*id).to_hash()>{title}</a> <span class="detected">{detected}{note}</span> }.into_any())
                        }
                        FileOutcome::ProjectOpened { file_name, report } => {
                            let text = format!(
                                "project opened: {} added articles, {} edits, {} hidden seeds restored{}",
                                report.articles,
                                report.edits,
                                report.hidden,
                                if report.orphan_edits > 0 { format!(" ({} edits of missing articles dropped)", report.orphan_edits) } else { String::new() }
                            );
                            ("project", file_name.clone(), text.into_any())
                        }
                        FileOutcome::Duplicate { file_name, of } => {
                            let title = state.corpus.with(|c| c.get(*of).map(|a| a.title.clone())).unwrap_or_default();
                            ("duplicate", file_name.clone(), view! { "skipped, same text as " <a href=Route::article(*of).to_hash()>{title}</a> }.into_any())
                        }
                        FileOutcome::Rejected { file_name, reason } => ("rejected", file_name.clone(), reason.clone().into_any()),
                    };
                    view! { <li class=class data-testid="report-line"><span class="file-name">{name}</span>" " {what}</li> }
                })
                .collect_view();
            Some(view! {
                <section class="ingest-report" aria-live="polite" data-testid="ingest-report">
                    <h2>{format!("{added} added · {duplicates} duplicates · {rejected} rejected")}</h2>
                    <details open=few>
                        <summary>"Every file"</summary>
                        <ul>{rows}</ul>
                    </details>
                    <button type="button" on:click=move |_| state.report.set(Vec::new())>"Dismiss"</button>
                </section>
            })
        })
    }
}
