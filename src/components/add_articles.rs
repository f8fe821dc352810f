//! Adding articles: file and folder pickers, pasting text, the progress of a batch, and the
//! report of what happened to each file (with the dropped folders' names offered as sources).

use std::collections::BTreeMap;

use leptos::prelude::*;
use newsprism_core::corpus::near::NearDuplicate;
use newsprism_core::corpus::FileOutcome;
use newsprism_core::ingest::MAX_FILE_BYTES;
use newsprism_core::{ArticleId, Corpus};

use crate::browser::files::files_from_input;
use crate::browser::hash::details_open;
use crate::route::{CompareState, Route, MAX_PICKED};
use crate::state::{use_app_state, Storage};

/// The pickers and the paste box.
#[component]
pub fn AddArticles() -> impl IntoView {
    let state = use_app_state();
    let on_pick = move |ev: leptos::ev::Event| state.ingest(files_from_input(&ev));
    let limit = MAX_FILE_BYTES / (1024 * 1024);
    view! {
        <div class="add-articles">
            <label class="button">
                "Add articles…"
                <input id="add-files" type="file" multiple class="visually-hidden" on:change=on_pick />
            </label>
            <label class="button">
                "Add a folder…"
                <input
                    id="add-folder"
                    type="file"
                    multiple
                    prop:webkitdirectory=true
                    class="visually-hidden"
                    on:change=on_pick
                />
            </label>
            <span class="muted">
                {format!(
                    "or drop files and folders anywhere on the page: .txt, .md, saved web pages (.html, .mhtml), RSS and Atom feeds, .json, .jsonl or a Newsprism project, up to {limit} MB each. They are read on this device only.",
                )}
            </span>
        </div>
        <PasteBox />
    }
}

/// Pasting text creates an article; the text may start with the same headers as a .txt file.
#[component]
fn PasteBox() -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(String::new());
    let counter = StoredValue::new(0usize);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        counter.update_value(|n| *n += 1);
        let name = format!("pasted text {}.txt", counter.get_value());
        state.ingest_text(name, body);
        text.set(String::new());
    };
    view! {
        <details class="paste">
            <summary>"Paste an article"</summary>
            <form on:submit=add>
                <label for="paste-text" class="visually-hidden">
                    "Article text"
                </label>
                <textarea
                    id="paste-text"
                    rows="8"
                    placeholder="Paste the text here. Optional first lines: title: …, source: …, date: 2022-12-19, then a blank line."
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <button type="submit" data-testid="paste-add">
                    "Add this text"
                </button>
            </form>
        </details>
    }
}

/// The batch being read: a progress bar with files and megabytes, and a cancel button.
#[component]
pub fn IngestProgress() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.progress().get().map(|p| {
            let mb = |b: f64| format!("{:.1}", b / (1024.0 * 1024.0));
            view! {
                <section class="ingest-progress" role="status" data-testid="ingest-progress">
                    <label for="ingest-bar">
                        {format!(
                            "Reading and indexing files{}: {} of {} · {} of {} MB",
                            p.read_where.as_ref().map(|w| format!(" {w}")).unwrap_or_default(),
                            p.files_done,
                            p.files_total,
                            mb(p.bytes_done),
                            mb(p.bytes_total),
                        )}
                    </label>
                    <progress id="ingest-bar" max=p.files_total.max(1) value=p.files_done></progress>
                    <button
                        type="button"
                        on:click=move |_| state.cancel_ingest()
                        disabled=move || state.cancelling().get()
                    >
                        "Cancel"
                    </button>
                </section>
            }
        })
    }
}

/// Storage trouble, said once and plainly.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = use_app_state();
    move || match state.storage().get() {
        Storage::Failed(why) => Some(view! {
            <section class="storage-failed" role="alert" data-testid="storage-failed">
                <strong>"Not saved in this browser: "</strong>
                {why}
                ". Everything keeps working until you close this page; export a project file to keep your work."
            </section>
        }),
        _ => None,
    }
}

/// What was detected in a file: "HTML · 19 Dec 2022 (from the page's metadata) · nl · UTF-8 · NOS
/// · by Anna de Vries · https://…".
fn detected(a: &newsprism_core::Article, format: &str) -> String {
    // An undated article: the window its text places it in, if any (from the dates the page
    // has read already, so a long report does not analyse its articles again).
    let date = a.pub_date.as_ref().map_or_else(
        || match use_app_state().inferred_date(a.id) {
            Some(i) => format!("undated; inferred from the text: {}", i.window()),
            None => "undated".to_string(),
        },
        |d| format!("{} ({})", d.date.human(), d.provenance.label()),
    );
    let from_address = if a.source_from_address {
        " (from the page's address)"
    } else {
        ""
    };
    let mut line = format!(
        " {format} · {date} · {} · {} · {}{from_address}",
        a.language.code(),
        a.encoding,
        a.source_label()
    );
    if let Some(author) = &a.author {
        line.push_str(&format!(" · by {author}"));
    }
    if let Some(url) = &a.url {
        line.push_str(&format!(" · {url}"));
    }
    line
}

/// The top folder of a dropped path ("bbc/tech/001.txt (record 2)" → "bbc").
fn folder_of(file_name: &str) -> Option<&str> {
    let (top, _) = file_name.split_once('/')?;
    (!top.is_empty()).then_some(top)
}

/// The articles added from each dropped folder, for the "use the folder as source" offer.
fn added_by_folder(outcomes: &[FileOutcome]) -> BTreeMap<String, Vec<ArticleId>> {
    let mut folders: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    for o in outcomes {
        if let FileOutcome::Added { file_name, id, .. } = o {
            if let Some(folder) = folder_of(file_name) {
                folders.entry(folder.to_string()).or_default().push(*id);
            }
        }
    }
    folders
}

/// What happened to each file of the last batch.
#[component]
pub fn IngestReport() -> impl IntoView {
    let state = use_app_state();
    // The per-file list is drawn only when opened: thousands of rows would block the page.
    let open = RwSignal::new(false);
    move || {
        state.report().with(|report| {
            if report.is_empty() {
                return None;
            }
            let n = report.counts();
            let not_read = if report.cancelled > 0 {
                format!(" · {} not read", report.cancelled)
            } else {
                String::new()
            };
            let read_where = report.read_where.as_ref().map(|w| {
                view! {
                    <p class="muted" data-testid="reader-note">
                        {format!("Read and indexed {w}.")}
                    </p>
                }
            });
            let few = report.outcomes.len() <= 20;
            open.set(few);
            let added_ids = report.added_ids(MAX_PICKED);
            let compare = (added_ids.len() >= 2).then(|| {
                let href = Route::Compare(CompareState {
                    picked: added_ids,
                    ..CompareState::default()
                })
                .to_hash();
                view! {
                    <p>
                        <a href=href data-testid="compare-added">
                            "Compare the added articles"
                        </a>
                    </p>
                }
            });
            let rows = move || {
                open.get().then(|| {
                    state.report().with(|report| {
                        let lines = state.corpus().with(|c| {
                            report
                                .outcomes
                                .iter()
                                .map(|o| report_line(o, c))
                                .collect_view()
                        });
                        (lines, cancelled_line(report.cancelled))
                    })
                })
            };
            Some(view! {
                <section class="ingest-report" aria-live="polite" data-testid="ingest-report">
                    <h2>
                        {format!(
                            "{} added{} · {} duplicates · {} rejected{not_read}",
                            n.added,
                            near_count(n.near),
                            n.duplicates,
                            n.rejected,
                        )}
                    </h2>
                    {read_where}
                    <NearDuplicates />
                    {compare}
                    <FolderOffers />
                    <details open=few on:toggle=move |ev| open.set(details_open(&ev))>
                        <summary>"Every file"</summary>
                        <ul>{rows}</ul>
                    </details>
                    <button type="button" on:click=move |_| state.dismiss_report()>
                        "Dismiss"
                    </button>
                </section>
            })
        })
    }
}

/// Away from the library, once a batch is read: what it added, with the way to its report.
#[component]
pub fn BatchNotice(
    /// Whether the full report is on the page already (in the library).
    hidden: Signal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    move || {
        if hidden.get() || state.progress().with(Option::is_some) {
            return None;
        }
        state.report().with(|report| {
            if report.is_empty() {
                return None;
            }
            let n = report.counts();
            Some(view! {
                <p class="batch-notice" role="status" data-testid="batch-notice">
                    {format!(
                        "Files read: {} added{} · {} duplicates · {} rejected. ",
                        n.added,
                        near_count(n.near),
                        n.duplicates,
                        n.rejected,
                    )}
                    <a href="#/">"See the report in the library"</a>
                    " "
                    <button type="button" on:click=move |_| state.dismiss_report()>
                        "Dismiss"
                    </button>
                </p>
            })
        })
    }
}

/// " (2 near-duplicates)" after the count of added articles, when there are any.
fn near_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (1 near-duplicate)".to_string(),
        n => format!(" ({n} near-duplicates)"),
    }
}

/// Near-duplicates shown at once, before "and N more".
const NEAR_SHOWN: usize = 20;

/// The articles of the batch that nearly copy one already loaded (a truncated or lightly
/// edited copy): both are kept, and each can be removed here.
#[component]
fn NearDuplicates() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.report().with(|report| {
            let near = report.near_duplicates();
            if near.is_empty() {
                return None;
            }
            let more = near.len().saturating_sub(NEAR_SHOWN);
            let rows = state.corpus().with(|c| {
                near.iter()
                    .take(NEAR_SHOWN)
                    .map(|&(file, id, n)| near_line(c, file, id, n))
                    .collect_view()
            });
            let more = (more > 0).then(|| view! { <li>{format!("and {more} more")}</li> });
            Some(view! {
                <div class="near-duplicates" data-testid="near-duplicates">
                    <p>
                        "Near-duplicates: these nearly copy an article already loaded (a truncated or lightly edited copy). Both are kept; remove the copy if you do not want it."
                    </p>
                    <ul>{rows} {more}</ul>
                </div>
            })
        })
    }
}

/// One near-duplicate: the file, what it copies and how much, and a button to remove it.
fn near_line(c: &Corpus, file: &str, id: ArticleId, n: NearDuplicate) -> impl IntoView {
    let state = use_app_state();
    let of = c.get(n.of).map_or_else(String::new, |a| a.title.clone());
    let kept = c.get(id).is_some();
    let action = if kept {
        view! {
            <button type="button" data-testid="remove-near" on:click=move |_| state.remove(id)>
                "Remove this copy"
            </button>
        }
        .into_any()
    } else {
        view! { <span class="muted">"removed"</span> }.into_any()
    };
    view! {
        <li data-testid="near-line">
            <span class="file-name">{file.to_string()}</span>
            " is a near-duplicate of "
            <a href=Route::article(n.of).to_hash()>{format!("“{of}”")}</a>
            {format!(" ({:.0}% of the shorter text is in the other) ", n.share * 100.0)}
            {action}
        </li>
    }
}

/// For each dropped folder, its name offered as the source of what was read from it. Its own
/// component: setting a source re-draws the offers, not the whole report (which would close
/// the file list the user opened).
#[component]
fn FolderOffers() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.report().with(|report| {
            added_by_folder(&report.outcomes)
                .into_iter()
                .map(|(folder, ids)| {
                    // Once the articles share a source, the offer says so.
                    let set = state.corpus().with(|c| c.common_source(&ids));
                    view! { <FolderSource folder ids set /> }
                })
                .collect_view()
        })
    }
}

/// One file's line in the report: what became of it, linked to the article.
fn report_line(o: &FileOutcome, corpus: &Corpus) -> impl IntoView {
    let (class, name, what) = match o {
        FileOutcome::Added {
            file_name,
            id,
            warnings,
            format,
            near,
        } => {
            let (title, detected) = corpus
                .get(*id)
                .map(|a| (a.title.clone(), detected(a, format.name())))
                .unwrap_or_default();
            let mut note = if warnings.is_empty() {
                String::new()
            } else {
                format!(" Note: {}", warnings.join("; "))
            };
            if let Some(n) = near.and_then(|n| corpus.get(n.of)) {
                note.push_str(&format!(" Near-duplicate of “{}”.", n.title));
            }
            (
                "added",
                file_name.clone(),
                view! {
                    "added: "
                    <a href=Route::article(*id).to_hash()>{title}</a>
                    <span class="detected">{detected}{note}</span>
                }
                .into_any(),
            )
        }
        FileOutcome::Duplicate { file_name, of } => {
            let title = corpus
                .get(*of)
                .map(|a| a.title.clone())
                .unwrap_or_else(|| "a hidden bundled article".into());
            (
                "duplicate",
                file_name.clone(),
                view! {
                    "skipped, same text as "
                    <a href=Route::article(*of).to_hash()>{title}</a>
                }
                .into_any(),
            )
        }
        FileOutcome::Rejected(e) => ("rejected", e.file_name.clone(), e.to_string().into_any()),
        FileOutcome::ProjectOpened { file_name, report } => {
            let dropped = if report.orphan_edits > 0 {
                format!(
                    " ({} edits of articles not in the project were dropped)",
                    report.orphan_edits
                )
            } else {
                String::new()
            };
            let text = format!(
                "project opened: {} added articles, {} edits, {} hidden bundled articles{dropped}",
                report.articles, report.edits, report.hidden
            );
            ("project", file_name.clone(), text.into_any())
        }
    };
    view! {
        <li class=class data-testid="report-line">
            <span class="file-name">{name}</span>
            " "
            {what}
        </li>
    }
}

/// The files a cancelled batch left unread, as the last line of the file list.
fn cancelled_line(n: usize) -> Option<impl IntoView> {
    (n > 0).then(|| {
        view! {
            <li class="rejected" data-testid="report-line">
                <span class="file-name">{format!("{n} more files")}</span>
                " "
                {format!("{n} files were not read: you cancelled.")}
            </li>
        }
    })
}

/// Offers a dropped folder's name as the source of the articles read from it.
#[component]
fn FolderSource(
    folder: String,
    ids: Vec<ArticleId>,
    /// The source all these articles share now, if they share one.
    set: Option<String>,
) -> impl IntoView {
    let state = use_app_state();
    let name = RwSignal::new(set.clone().unwrap_or_else(|| folder.clone()));
    let done = RwSignal::new(set.map(|s| format!("All {} have the source “{s}”.", ids.len())));
    let n = ids.len();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let source = name.get_untracked();
        if let Err(e) = state.set_source(&ids, &source) {
            done.set(Some(e.to_string()));
        }
    };
    view! {
        <form class="folder-source" on:submit=apply data-testid="folder-source">
            <label>
                {format!("Source for the {n} articles from the folder “{folder}”: ")}
                <input type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <button type="submit">"Use as source"</button>
            <span class="muted">{move || done.get()}</span>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::folder_of;

    #[test]
    fn the_top_folder_is_taken_from_a_dropped_path() {
        assert_eq!(folder_of("bbc/tech/001.txt"), Some("bbc"));
        assert_eq!(folder_of("nos/export.json (record 2)"), Some("nos"));
        assert_eq!(folder_of("001.txt"), None);
        assert_eq!(folder_of("/x.txt"), None);
    }
}
