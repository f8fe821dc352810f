//! The app's state, in one context: the corpus, the ingest in progress, the last report and the
//! storage status.
//!
//! Views read the corpus by reference (`with`), never clone it, and derive everything else.
//! Every change the user makes goes through a method here, which also writes it to storage.

use std::collections::VecDeque;

use futures::future::join_all;
use leptos::prelude::*;
use newsprism_core::article::{Article, ArticleId};
use newsprism_core::compare::keyness::Background;
use newsprism_core::corpus::{EditError, FileOutcome, RestoreReport};
use newsprism_core::ingest::transfer::{Chunk, Read, Step};
use newsprism_core::ingest::{self, FileContents};
use newsprism_core::project::{self, ArticleEdit, Project, ProjectState};
use newsprism_core::search::alias::AliasTable;
use newsprism_core::search::index::segment::Segment;
use newsprism_core::Corpus;

use crate::browser::files::PendingFile;
use crate::browser::storage;
use crate::browser::timer::{yield_now, Slices};
use crate::browser::worker::IngestWorker;
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
    /// Where the last batch was read: "in a background worker", or on this page and why.
    pub reader: RwSignal<String>,
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

/// A batch being added: what happened so far, and how far it got.
struct Run {
    outcomes: Vec<FileOutcome>,
    progress: Progress,
    slices: Slices,
}

impl Run {
    /// One file done: counts it, and lets the page paint once the slice is spent.
    async fn done(&mut self, state: &AppState, size: f64) {
        self.progress.files_done += 1;
        self.progress.bytes_done += size;
        self.pause_if_due(state).await;
    }

    /// Lets the page paint (showing the progress) once the slice is spent.
    async fn pause_if_due(&mut self, state: &AppState) {
        if self.slices.due() {
            state.progress.set(Some(self.progress.clone()));
            self.slices.pause().await;
        }
    }
}

/// How many files go to the worker in one message.
const WORKER_CHUNK: usize = 64;

/// How many bytes of files go to the worker in one message, at most (a single larger file goes
/// alone).
const WORKER_CHUNK_BYTES: f64 = 4_000_000.0;

/// How many messages are out with each worker at once, so it reads the next while this thread
/// adds the last.
const WORKER_AHEAD: usize = 3;

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
            reader: RwSignal::new(String::new()),
            storage: RwSignal::new(Storage::Restoring),
            saving: RwSignal::new(0),
            words: RwSignal::new(CorpusWords::default()),
            counting: RwSignal::new(None),
        }
    }

    /// Restores what an earlier visit stored. Runs once, before anything can change the corpus;
    /// the articles are read and indexed a slice at a time so a large store does not freeze the page.
    pub fn restore(&self) {
        // The ingest worker loads meanwhile, so the first drop does not wait for it.
        leptos::task::spawn_local(async {
            let _ = IngestWorker::pool().await;
        });
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

    /// Reads, parses and indexes a batch of files: decoded and parsed in the ingest worker when
    /// one can run (on this thread otherwise), added to the corpus here in slices so the page
    /// stays responsive; shows progress, stops when cancelled, and keeps the report of what
    /// happened to each file.
    pub fn ingest(&self, files: Vec<PendingFile>) {
        if files.is_empty() || self.progress.get_untracked().is_some() {
            return;
        }
        let state = *self;
        state.cancel.set(false);
        let progress = Progress {
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
            let mut run = Run {
                outcomes: Vec::new(),
                progress,
                slices: Slices::new(SLICE_MS),
            };
            let mut files: VecDeque<PendingFile> = files.into();
            // Whatever the worker cannot do (all of it, when there is none) is done here.
            match IngestWorker::pool().await {
                Ok(workers) => {
                    state.reader.set(if workers.len() == 1 {
                        "in a background worker".into()
                    } else {
                        format!("in {} background workers", workers.len())
                    });
                    state.ingest_in_worker(&workers, &mut files, &mut run).await;
                    if !files.is_empty() && !state.cancel.get_untracked() {
                        state
                            .reader
                            .set("partly on this page: the background worker stopped".into());
                    }
                }
                Err(why) => state.reader.set(format!("on this page: {why}")),
            }
            state.ingest_here(&mut files, &mut run).await;
            let Run { mut outcomes, .. } = run;
            if !files.is_empty() {
                let cancelled = files.len();
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

    /// Sends the files to the workers a chunk at a time, in turn, a few chunks ahead each, and
    /// adds what comes back in the order it was sent. Returns with the files not done in
    /// `files`: those not sent when cancelled, or, if a worker stopped, every file not yet
    /// answered for.
    async fn ingest_in_worker(
        &self,
        workers: &[IngestWorker],
        files: &mut VecDeque<PendingFile>,
        run: &mut Run,
    ) {
        type Reply = std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<(Vec<Read>, Vec<Segment>), String>>>,
        >;
        let mut out: VecDeque<(Vec<PendingFile>, Reply)> = VecDeque::new();
        let mut sent = 0usize;
        loop {
            while out.len() < WORKER_AHEAD * workers.len()
                && !self.cancel.get_untracked()
                && !files.is_empty()
            {
                let mut chunk = Vec::new();
                let mut bytes = 0.0;
                while let Some(f) = files.front() {
                    if !chunk.is_empty()
                        && (chunk.len() >= WORKER_CHUNK || bytes + f.size > WORKER_CHUNK_BYTES)
                    {
                        break;
                    }
                    bytes += f.size;
                    chunk.extend(files.pop_front());
                }
                // Round robin; answers are taken in the order the chunks were sent.
                let reply: Reply = Box::pin(workers[sent % workers.len()].read(&chunk));
                sent += 1;
                out.push_back((chunk, reply));
            }
            let Some((chunk, reply)) = out.pop_front() else {
                return;
            };
            match reply.await {
                Ok((reads, segments)) => self.take_chunk(reads, segments, chunk, run).await,
                Err(_) => {
                    // The worker stopped: this chunk and those still out go back, in order.
                    let mut back = chunk;
                    back.extend(out.drain(..).flat_map(|(c, _)| c));
                    for f in back.into_iter().rev() {
                        files.push_front(f);
                    }
                    return;
                }
            }
        }
    }

    /// Adds what the worker read and indexed from a chunk of files, a segment at a time.
    async fn take_chunk(
        &self,
        reads: Vec<Read>,
        segments: Vec<Segment>,
        chunk: Vec<PendingFile>,
        run: &mut Run,
    ) {
        let sizes: Vec<f64> = chunk.iter().map(|f| f.size).collect();
        let mut files: Vec<Option<PendingFile>> = chunk.into_iter().map(Some).collect();
        let mut adding = Chunk::new(reads, segments);
        let mut counted = 0;
        loop {
            // The corpus changes without notifying; views are told once, at the end.
            let step = self
                .corpus
                .try_update_untracked(|c| adding.step(c))
                .flatten();
            match step {
                None => break,
                Some(Step::Added) => {}
                // A project replaces everything: read here, where the corpus is.
                Some(Step::Project(i)) => {
                    run.outcomes.extend(adding.take_outcomes());
                    if let Some(file) = files.get_mut(i).and_then(Option::take) {
                        let (file_name, bytes) = file.read().await;
                        self.add_here(file_name, bytes, run).await;
                    }
                }
            }
            while counted < adding.files_done() {
                run.done(self, sizes.get(counted).copied().unwrap_or(0.0))
                    .await;
                counted += 1;
            }
            run.pause_if_due(self).await;
        }
        run.outcomes.extend(adding.take_outcomes());
    }

    /// Reads files on this thread, a few at a time, until they are done or the user cancels.
    async fn ingest_here(&self, files: &mut VecDeque<PendingFile>, run: &mut Run) {
        while !self.cancel.get_untracked() && !files.is_empty() {
            // A few files are read at once: each read is a round trip to the browser's file
            // thread, and waiting for them one by one would dominate the time.
            let n = files.len().min(READ_AHEAD);
            let chunk: Vec<PendingFile> = files.drain(..n).collect();
            let sizes: Vec<f64> = chunk.iter().map(|f| f.size).collect();
            let reads = join_all(chunk.into_iter().map(PendingFile::read)).await;
            for ((file_name, bytes), size) in reads.into_iter().zip(sizes) {
                self.add_here(file_name, bytes, run).await;
                run.done(self, size).await;
            }
        }
    }

    /// Decodes, parses and adds one file on this thread.
    async fn add_here(&self, file_name: String, bytes: Result<Vec<u8>, String>, run: &mut Run) {
        let outcomes = &mut run.outcomes;
        match bytes {
            Err(reason) => outcomes.push(FileOutcome::unreadable(file_name, &reason)),
            Ok(bytes) => match ingest::read_file(&file_name, &bytes) {
                Err(e) => outcomes.push(FileOutcome::Rejected {
                    reason: e.to_string(),
                    file_name,
                }),
                Ok(FileContents::Articles(items)) => outcomes.extend(
                    self.corpus
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
                    let report = self.restore_in_slices(articles, Some(saved)).await;
                    run.outcomes
                        .push(FileOutcome::ProjectOpened { file_name, report });
                }
            },
        }
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
