//! The app's state, in one context: the corpus, the ingest in progress, the last report and the
//! storage status.
//!
//! Views read the corpus by reference (`with`), never clone it, and derive everything else.
//! Every change the user makes goes through a method here, which also writes it to storage.

use futures::future::join_all;
use leptos::prelude::*;
use newsprism_core::article::{Article, ArticleId};
use newsprism_core::compare::keyness::Background;
use newsprism_core::corpus::{EditError, FileOutcome, RestoreReport};
use newsprism_core::ingest::{self, FileContents};
use newsprism_core::project::{self, ArticleEdit, Project, ProjectState};
use newsprism_core::search::alias::AliasTable;
use newsprism_core::Corpus;

use crate::browser::files::PendingFile;
use crate::browser::storage;
use crate::browser::timer::{yield_now, Slices};
use crate::seeds::SEEDS;

/// How far a batch of files has got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Files done.
    pub files_done: usize,
    /// Files in the batch.
    pub files_total: usize,
    /// Bytes done.
    pub bytes_done: f64,
    /// Bytes in the batch.
    pub bytes_total: f64,
}

/// Whether the user's work is being kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// Reading what was stored on an earlier visit.
    Restoring,
    /// Everything is stored as it changes.
    Saved,
    /// Storage failed; the session goes on in memory. The reason, in plain words.
    Failed(String),
}

/// Shared state, provided once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// All loaded articles.
    pub corpus: RwSignal<Corpus>,
    /// Plain-language messages about bundled files that could not be read.
    pub load_errors: RwSignal<Vec<String>>,
    /// What happened to each file of the last batch the user added.
    pub report: RwSignal<Vec<FileOutcome>>,
    /// The batch being read, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// Set to stop the batch being read after the current file.
    pub cancel: RwSignal<bool>,
    /// Whether storage works.
    pub storage: RwSignal<Storage>,
    /// Storage writes under way.
    pub saving: RwSignal<usize>,
    /// The whole corpus's word counts, for distinctive vocabulary against the corpus.
    pub words: RwSignal<CorpusWords>,
    /// While the corpus's words are being counted: how many articles are counted so far.
    pub counting: RwSignal<Option<usize>>,
}

/// Word counts of every loaded article, counted a slice at a time when the comparison's Words
/// tab first needs them, and brought up to date after any change.
#[derive(Clone, Default)]
pub struct CorpusWords {
    /// The counts, per article.
    pub background: Background,
    /// The alias table they were counted with (its names are words of their own).
    aliases: Option<AliasTable>,
}

impl CorpusWords {
    /// Whether these counts are exactly those of the corpus's articles, with its alias table.
    pub fn covers(&self, corpus: &Corpus) -> bool {
        self.aliases.as_ref() == Some(corpus.aliases())
            && self.background.len() == corpus.len()
            && corpus
                .articles()
                .iter()
                .all(|a| self.background.contains(a.id))
    }
}

/// How long the ingest loop works before it lets the browser paint and handle input.
const SLICE_MS: f64 = 40.0;

/// How many articles go into one storage transaction.
const SAVE_CHUNK: usize = 400;

/// How many files are read from disk at once.
const READ_AHEAD: usize = 32;

impl AppState {
    /// State holding the bundled articles.
    pub fn with_seeds() -> Self {
        let (corpus, errors) = Corpus::with_seeds(SEEDS.iter().copied());
        AppState {
            corpus: RwSignal::new(corpus),
            load_errors: RwSignal::new(errors.iter().map(ToString::to_string).collect()),
            report: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
            cancel: RwSignal::new(false),
            storage: RwSignal::new(Storage::Restoring),
            saving: RwSignal::new(0),
            words: RwSignal::new(CorpusWords::default()),
            counting: RwSignal::new(None),
        }
    }

    /// Restores what an earlier visit stored. Runs once, before anything can change the corpus;
    /// the articles are read and indexed a slice at a time so a large store does not freeze the page.
    pub fn restore(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let stored = match storage::load().await {
                Ok(stored) => stored,
                Err(why) => {
                    state.storage.set(Storage::Failed(why));
                    return;
                }
            };
            let saved = match stored
                .state
                .as_deref()
                .map(project::state_from_json)
                .transpose()
            {
                Ok(saved) => saved,
                Err(e) => {
                    // Not overwritten: storing anything now could lose the user's edits.
                    state.storage.set(Storage::Failed(format!(
                        "the stored edits could not be read ({e}); they are left untouched"
                    )));
                    return;
                }
            };
            let mut bad = 0usize;
            // Parsed lazily, so the JSON is read a slice at a time too.
            let articles = stored
                .articles
                .iter()
                .filter_map(|json| project::article_from_json(json).map_err(|_| bad += 1).ok());
            state.restore_in_slices(articles, saved).await;
            state.corpus.notify();
            state.storage.set(Storage::Saved);
            if bad > 0 {
                state.load_errors.update(|errs| {
                    errs.push(format!(
                        "{bad} stored articles could not be read and were skipped."
                    ))
                });
            }
        });
    }

    /// Counts the words of every article not yet counted (and forgets removed ones), a slice
    /// at a time, unless a count is already under way; `words` is told once it is done.
    pub fn count_words(&self) {
        if self.counting.get_untracked().is_some() {
            return;
        }
        self.counting
            .set(Some(self.words.with_untracked(|w| w.background.len())));
        let state = *self;
        leptos::task::spawn_local(async move {
            let mut slices = Slices::new(SLICE_MS);
            // Again until nothing is missing: the corpus can change while this waits.
            loop {
                let (missing, gone) = state.corpus.with_untracked(|c| {
                    state.words.update_untracked(|w| {
                        if w.aliases.as_ref() != Some(c.aliases()) {
                            *w = CorpusWords {
                                background: Background::new(),
                                aliases: Some(c.aliases().clone()),
                            };
                        }
                    });
                    state.words.with_untracked(|w| {
                        let missing: Vec<ArticleId> = c
                            .articles()
                            .iter()
                            .map(|a| a.id)
                            .filter(|id| !w.background.contains(*id))
                            .collect();
                        let gone: Vec<ArticleId> = w
                            .background
                            .ids()
                            .filter(|id| c.get(*id).is_none())
                            .collect();
                        (missing, gone)
                    })
                });
                state.words.update_untracked(|w| {
                    for id in gone {
                        w.background.remove(id);
                    }
                });
                if missing.is_empty() {
                    break;
                }
                for id in missing {
                    if let Some(counts) = state.corpus.with_untracked(|c| c.word_counts(id)) {
                        state
                            .words
                            .update_untracked(|w| w.background.add(id, &counts));
                    }
                    if slices.due() {
                        state
                            .counting
                            .set(Some(state.words.with_untracked(|w| w.background.len())));
                        slices.pause().await;
                    }
                }
            }
            state.counting.set(None);
            state.words.notify();
        });
    }

    /// Writes a change to storage, unless storage has failed (then the session is memory-only).
    fn save(&self, batch: storage::Write) {
        if !matches!(self.storage.get_untracked(), Storage::Saved) {
            return;
        }
        let status = self.storage;
        let saving = self.saving;
        saving.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            if let Err(why) = storage::write(batch).await {
                status.set(Storage::Failed(why));
            }
            saving.update(|n| *n = n.saturating_sub(1));
        });
    }

    fn state_json(&self) -> String {
        self.corpus
            .with_untracked(|c| project::state_to_json(&c.state()))
    }

    /// Stores these added articles (as read) and the state, a slice at a time: turning tens of
    /// thousands of articles into JSON at once would block the page.
    fn save_articles(&self, ids: &[ArticleId]) {
        self.save_in_slices(ids.to_vec(), false);
    }

    fn save_in_slices(&self, ids: Vec<ArticleId>, clear_first: bool) {
        if !matches!(self.storage.get_untracked(), Storage::Saved) {
            return;
        }
        let state = *self;
        state.saving.update(|n| *n += 1);
        leptos::task::spawn_local(async move {
            state.write_slices(ids, clear_first).await;
            state.saving.update(|n| *n = n.saturating_sub(1));
        });
    }

    async fn write_slices(&self, ids: Vec<ArticleId>, clear_first: bool) {
        // At least one transaction: it carries the state, and the clearing if asked for.
        let mut chunks: Vec<&[ArticleId]> = ids.chunks(SAVE_CHUNK).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        let last = chunks.len() - 1;
        for (i, chunk) in chunks.iter().enumerate() {
            let put = self.corpus.with_untracked(|c| {
                chunk
                    .iter()
                    .filter_map(|&id| {
                        c.original(id)
                            .map(|a| (id.to_string(), project::article_to_json(a)))
                    })
                    .collect()
            });
            let batch = storage::Write {
                clear: clear_first && i == 0,
                put,
                state: (i == last).then(|| self.state_json()),
                ..Default::default()
            };
            if let Err(why) = storage::write(batch).await {
                self.storage.set(Storage::Failed(why));
                return;
            }
        }
    }

    /// Stores the whole state from scratch (after a project was opened).
    fn save_all(&self) {
        let ids = self.corpus.with_untracked(Corpus::added_ids);
        self.save_in_slices(ids, true);
    }

    /// Stores only the state (edits, hidden seeds, aliases).
    pub fn save_state(&self) {
        self.save(storage::Write {
            state: Some(self.state_json()),
            ..Default::default()
        });
    }

    /// Reads, parses and indexes a batch of files in slices, so the page stays responsive; shows
    /// progress, stops when cancelled, and keeps the report of what happened to each file.
    pub fn ingest(&self, files: Vec<PendingFile>) {
        if files.is_empty() || self.progress.get_untracked().is_some() {
            return;
        }
        let state = *self;
        state.cancel.set(false);
        let mut progress = Progress {
            files_total: files.len(),
            bytes_total: files.iter().map(|f| f.size).sum(),
            ..Progress::default()
        };
        state.progress.set(Some(progress.clone()));
        leptos::task::spawn_local(async move {
            // Files dropped while the stored articles are still coming back wait for them, so
            // that what they add is stored too.
            while matches!(state.storage.get_untracked(), Storage::Restoring) {
                yield_now().await;
            }
            let mut outcomes = Vec::new();
            let mut slices = Slices::new(SLICE_MS);
            let mut cancelled = 0usize;
            let total = files.len();
            let mut files = files.into_iter();
            let mut done = 0usize;
            loop {
                if state.cancel.get_untracked() {
                    cancelled = total - done;
                    break;
                }
                // A few files are read at once: each read is a round trip to the browser's file
                // thread, and waiting for them one by one would dominate the time.
                let chunk: Vec<PendingFile> = files.by_ref().take(READ_AHEAD).collect();
                if chunk.is_empty() {
                    break;
                }
                let sizes: Vec<f64> = chunk.iter().map(|f| f.size).collect();
                let reads = join_all(chunk.into_iter().map(PendingFile::read)).await;
                for (read, size) in reads.into_iter().zip(sizes) {
                    // The corpus changes without notifying; views are told once, at the end.
                    match read {
                        (file_name, Err(reason)) => {
                            outcomes.push(FileOutcome::unreadable(file_name, &reason))
                        }
                        (file_name, Ok(bytes)) => match ingest::read_file(&file_name, &bytes) {
                            Err(e) => outcomes.push(FileOutcome::Rejected {
                                reason: e.to_string(),
                                file_name,
                            }),
                            Ok(FileContents::Articles(items)) => outcomes.extend(
                                state
                                    .corpus
                                    .try_update_untracked(|c| c.add_ingested(items))
                                    .unwrap_or_default(),
                            ),
                            // A project replaces everything, a slice at a time.
                            Ok(FileContents::Project(project)) => {
                                let Project {
                                    state: saved,
                                    articles,
                                    ..
                                } = *project;
                                let report = state.restore_in_slices(articles, Some(saved)).await;
                                outcomes.push(FileOutcome::ProjectOpened { file_name, report });
                            }
                        },
                    }
                    done += 1;
                    progress.files_done += 1;
                    progress.bytes_done += size;
                    if slices.due() {
                        state.progress.set(Some(progress.clone()));
                        slices.pause().await;
                    }
                }
            }
            if cancelled > 0 {
                outcomes.push(FileOutcome::Rejected {
                    file_name: format!("{cancelled} more files"),
                    reason: format!("{cancelled} files were not read: you cancelled."),
                });
            }
            state.corpus.notify();
            state.after_batch(&outcomes);
            state.report.set(outcomes);
            state.progress.set(None);
        });
    }

    /// Replaces what the user added or changed with these articles and this state (stored, or
    /// from a project file), adding the articles a slice at a time. Views are not told; the
    /// caller notifies once it is done.
    async fn restore_in_slices(
        &self,
        articles: impl IntoIterator<Item = Article>,
        saved: Option<ProjectState>,
    ) -> RestoreReport {
        let mut report = RestoreReport::default();
        self.corpus.update_untracked(Corpus::reset);
        let mut slices = Slices::new(SLICE_MS);
        for article in articles {
            self.corpus
                .update_untracked(|c| c.restore_article(article, &mut report));
            slices.pause_if_due().await;
        }
        if let Some(saved) = saved {
            self.corpus
                .update_untracked(|c| c.apply_state(saved, &mut report));
        }
        report
    }

    /// Adds pasted text as an article, as if it were a .txt file.
    pub fn ingest_text(&self, name: String, text: String) {
        if matches!(self.storage.get_untracked(), Storage::Restoring) {
            self.report.set(vec![FileOutcome::Rejected {
                reason: format!("“{name}” was not added: your saved articles are still being restored; add it again in a moment."),
                file_name: name,
            }]);
            return;
        }
        let outcomes = self
            .corpus
            .try_update(|c| c.add_files(vec![(name, Ok(text.into_bytes()))]))
            .unwrap_or_default();
        self.after_batch(&outcomes);
        self.report.set(outcomes);
    }

    /// Stores what a batch added (or, for a project, everything).
    fn after_batch(&self, outcomes: &[FileOutcome]) {
        if outcomes
            .iter()
            .any(|o| matches!(o, FileOutcome::ProjectOpened { .. }))
        {
            self.save_all();
            return;
        }
        let added: Vec<ArticleId> = outcomes
            .iter()
            .filter_map(|o| match o {
                FileOutcome::Added { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        if !added.is_empty() {
            self.save_articles(&added);
        }
    }

    /// Applies an edit to an article's metadata and stores it.
    pub fn edit(&self, id: ArticleId, edit: &ArticleEdit) -> Result<(), String> {
        // A refused edit changes nothing, so nothing is told to re-render.
        let result = self
            .corpus
            .try_update_untracked(|c| c.edit(id, edit))
            .unwrap_or(Ok(()))
            .map_err(|e| e.to_string());
        if result.is_ok() {
            self.corpus.notify();
            self.save_state();
        }
        result
    }

    /// Undoes the edits of an article.
    pub fn reset_edit(&self, id: ArticleId) {
        self.corpus.update(|c| {
            c.reset_edit(id);
        });
        self.save_state();
    }

    /// Sets the source of several articles (a dropped folder's name, a renamed source).
    pub fn set_source(&self, ids: &[ArticleId], source: &str) -> Result<usize, String> {
        self.change_sources(|c| c.set_source(ids, source))
    }

    /// Renames a source for all its articles.
    pub fn rename_source(&self, from: &str, to: &str) -> Result<usize, String> {
        self.change_sources(|c| c.rename_source(from, to))
    }

    /// Runs a change of several articles' sources and stores the result, also when it stopped
    /// part way (the articles changed before the refusal stay changed).
    fn change_sources(
        &self,
        change: impl FnOnce(&mut Corpus) -> Result<usize, EditError>,
    ) -> Result<usize, String> {
        let result = self
            .corpus
            .try_update(change)
            .unwrap_or(Ok(0))
            .map_err(|e| e.to_string());
        self.save_state();
        result
    }

    /// Removes an added article, or hides a bundled one.
    pub fn remove(&self, id: ArticleId) {
        let seed = self.corpus.with_untracked(|c| c.is_seed(id));
        self.corpus.update(|c| {
            c.remove(id);
        });
        self.save(storage::Write {
            delete: if seed {
                Vec::new()
            } else {
                vec![id.to_string()]
            },
            state: Some(self.state_json()),
            ..Default::default()
        });
    }

    /// Removes every added article.
    pub fn remove_added(&self) {
        self.corpus.update(|c| {
            c.remove_added();
        });
        self.report.set(Vec::new());
        self.save(storage::Write {
            clear: true,
            state: Some(self.state_json()),
            ..Default::default()
        });
    }

    /// Brings the hidden bundled articles back.
    pub fn restore_seeds(&self) {
        self.corpus.update(|c| {
            c.restore_seeds();
        });
        self.save_state();
    }

    /// The whole project as JSON, for export.
    pub fn project_json(&self) -> String {
        self.corpus.with_untracked(|c| c.project().to_json())
    }
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
