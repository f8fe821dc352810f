//! Restoring what an earlier visit stored, and storing each change as it happens.
//!
//! Large work is sliced: the stored articles come back a slice at a time, and added articles
//! are written in transactions of [`SAVE_CHUNK`], so neither blocks the page.

use leptos::prelude::*;
use newsprism_core::article::{Article, ArticleId};
use newsprism_core::corpus::RestoreReport;
use newsprism_core::project::{self, ProjectState};
use newsprism_core::search::index::segment::Segment;
use newsprism_core::Corpus;

use super::{AppState, Storage};
use crate::browser::storage::{self, StoredSegment, JOIN_WHEN};
use crate::browser::timer::{yield_task, Slices};
use crate::browser::worker::IngestWorker;

/// How long restoring works before it lets the browser paint and handle input.
pub(super) const SLICE_MS: f64 = 40.0;

/// How long work that nobody waits for (reading ahead for the timeline and the comparison)
/// runs before it yields: short, so that a click or a key waits at most this long.
pub(super) const BACKGROUND_SLICE_MS: f64 = 12.0;

/// How long a restore waits for the word list before it merges the stored segments without it
/// (their keys are then worked out again, which is slower but finds the same).
const WORD_LIST_WAIT_MS: f64 = 5000.0;

/// How many restored articles join the near-duplicate index at a time.
const NEAR_STEP: usize = 50;

/// How many articles go into one storage transaction (one pack).
const SAVE_CHUNK: usize = storage::PACK_SIZE;

impl AppState {
    /// Restores what an earlier visit stored. Runs once, before anything can change the corpus;
    /// the articles are added back a slice at a time so a large store does not freeze the page.
    pub fn restore(&self) {
        // The word list loads meanwhile (a slice at a time): the stored segments were keyed
        // with it, and merge quickly only into an index that has it too.
        self.load_lexicon();
        let state = *self;
        leptos::task::spawn_local(async move {
            let join = state.restore_from_storage().await;
            // Then the ingest worker starts, so the first drop does not wait for it.
            leptos::task::spawn_local(async {
                let _ = IngestWorker::pool().await;
            });
            state.catch_up_near().await;
            if join {
                state.join_stored_segments().await;
            }
        });
    }

    /// Reads what is stored and adds it back, then tells the views. A failure to read is
    /// shown, and nothing is stored from then on (storing could lose the user's edits).
    /// Returns whether enough small index segments are stored to join them.
    async fn restore_from_storage(&self) -> bool {
        let stored = match storage::load().await {
            Ok(stored) => stored,
            Err(why) => {
                self.storage.set(Storage::Failed(why));
                return false;
            }
        };
        let small = stored.segments.iter().filter(|s| s.is_small()).count();
        let saved = match stored
            .state
            .as_deref()
            .map(project::state_from_json)
            .transpose()
        {
            Ok(saved) => saved,
            Err(e) => {
                self.storage.set(Storage::Failed(format!(
                    "the stored edits could not be read ({e}); they are left untouched"
                )));
                return false;
            }
        };
        self.storage
            .set(Storage::Restoring(Some(stored.articles.len())));
        let repack = stored.articles.repack();
        let mut bad = 0usize;
        // Parsed lazily, so the JSON is read a slice at a time too.
        let articles = stored.articles.iter().filter_map(|json| {
            let article = json.and_then(|json| project::article_from_json(&json).ok());
            bad += usize::from(article.is_none());
            article
        });
        let (_, unused) = self.restore_stored(articles, stored.segments, saved).await;
        self.corpus.notify();
        self.storage.set(Storage::Saved);
        if !unused.is_empty() || repack.is_some() {
            self.save(storage::Write {
                drop_segments: unused,
                repack,
                ..Default::default()
            });
        }
        if bad > 0 {
            self.load_errors.update(|errs| {
                errs.push(format!(
                    "{bad} stored articles could not be read and were skipped."
                ))
            });
        }
        small >= JOIN_WHEN
    }

    /// Replaces what the user added or changed with these articles, the index segments stored
    /// beside them and this state: the articles come back unindexed, the segments are merged
    /// (much quicker than indexing each article again), and whatever no segment brought is
    /// indexed here. A slice at a time; views are not told. Returns what was restored, and the
    /// segments that hold no restored article any more (or that no longer read: an older
    /// format), to be dropped from storage.
    async fn restore_stored(
        &self,
        articles: impl IntoIterator<Item = Article>,
        segments: Vec<StoredSegment>,
        saved: Option<ProjectState>,
    ) -> (RestoreReport, Vec<StoredSegment>) {
        let mut report = RestoreReport::default();
        self.corpus.update_untracked(Corpus::reset);
        let mut slices = Slices::new(SLICE_MS);
        let mut ids = Vec::new();
        for article in articles {
            ids.push(article.id);
            self.corpus
                .update_untracked(|c| c.restore_unindexed(article, &mut report));
            slices.pause_if_due().await;
        }
        if !segments.is_empty() {
            self.word_forms_settled(WORD_LIST_WAIT_MS).await;
        }
        let mut unused = Vec::new();
        for stored in segments {
            // Merging a joined segment takes most of a slice by itself.
            slices.pause_if_past(SLICE_MS / 8.0).await;
            let merged = Segment::from_bytes(&stored.bytes()).map_or(0, |segment| {
                self.corpus
                    .try_update_untracked(|c| c.index_from_segment(&segment))
                    .unwrap_or(0)
            });
            if merged == 0 {
                unused.push(stored);
            }
            slices.pause_if_due().await;
        }
        for id in ids {
            self.corpus.update_untracked(|c| {
                c.index_if_missing(id);
            });
            slices.pause_if_due().await;
        }
        if let Some(saved) = saved {
            self.corpus
                .update_untracked(|c| c.apply_state(saved, &mut report));
        }
        self.sync_named_events();
        (report, unused)
    }

    /// Puts the restored articles into the near-duplicate index, in the background (adding a
    /// file catches up at once if it comes first).
    async fn catch_up_near(&self) {
        yield_task().await;
        let mut slices = Slices::new(BACKGROUND_SLICE_MS);
        while self
            .corpus
            .try_update_untracked(|c| c.catch_up_near(NEAR_STEP))
            .unwrap_or(false)
        {
            slices.pause_if_due().await;
        }
    }

    /// Replaces what the user added or changed with these articles and this state (from a
    /// project file), adding the articles a slice at a time. Views are not told; the caller
    /// notifies once it is done.
    pub(super) async fn restore_in_slices(
        &self,
        articles: impl IntoIterator<Item = Article>,
        saved: Option<ProjectState>,
    ) -> RestoreReport {
        self.restore_stored(articles, Vec::new(), saved).await.0
    }

    /// Whether stored articles are being restored (read reactively): work ahead for the views
    /// waits until they are all back.
    pub(super) fn restoring(&self) -> bool {
        matches!(self.storage.get(), Storage::Restoring(_))
    }

    /// Whether files are being added or stored articles restored: background work yields.
    pub(super) fn working_untracked(&self) -> bool {
        self.progress.with_untracked(Option::is_some)
            || matches!(self.storage.get_untracked(), Storage::Restoring(_))
    }

    /// Whether changes are being stored (not while restoring, nor after storage failed).
    pub(super) fn storing(&self) -> bool {
        matches!(self.storage.get_untracked(), Storage::Saved)
    }

    /// Writes a change to storage, unless storage has failed (then the session is memory-only).
    fn save(&self, batch: storage::Write) {
        if !self.storing() {
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
    pub(super) fn save_articles(&self, ids: &[ArticleId]) {
        self.save_in_slices(ids.to_vec(), false);
    }

    fn save_in_slices(&self, ids: Vec<ArticleId>, clear_first: bool) {
        if !self.storing() {
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

    /// Stores the index segments a reading worker made, so that a reload merges them instead
    /// of indexing every article again. They go in their own transaction, in order with the
    /// articles' (a segment whose articles are not stored is dropped at the next reload; an
    /// article stored without one is indexed then).
    pub(super) fn save_segments(&self, bytes: Vec<Vec<u8>>) {
        if !bytes.is_empty() {
            self.save(storage::Write {
                segments: bytes,
                ..Default::default()
            });
        }
    }

    /// Joins the small index segments in storage (each chunk of files a worker read stored its
    /// own) into a few large ones once there are [`JOIN_WHEN`] of them: a reload merges those
    /// about twice as fast. A worker reads, joins and stores them, so the page's thread never
    /// holds them; only the added articles loaded now are kept in them. Storage says "saving"
    /// meanwhile. Nothing happens without a worker, and a failure leaves the small segments as
    /// they were.
    pub(super) async fn join_stored_segments(&self) {
        if !self.storing() {
            return;
        }
        self.saving.update(|n| *n += 1);
        if let Some(worker) = IngestWorker::pool()
            .await
            .ok()
            .and_then(|w| w.into_iter().next())
        {
            let keys: Vec<u64> = self
                .corpus
                .with_untracked(|c| c.added_ids().into_iter().map(|id| id.0).collect());
            let _ = worker.join(&keys).await;
        }
        self.saving.update(|n| *n = n.saturating_sub(1));
    }

    /// Stores the whole state from scratch (after a project was opened).
    pub(super) fn save_all(&self) {
        let ids = self.corpus.with_untracked(Corpus::added_ids);
        self.save_in_slices(ids, true);
    }

    /// Stores only the state (edits, hidden seeds, aliases).
    pub(super) fn save_state(&self) {
        self.save(storage::Write {
            state: Some(self.state_json()),
            ..Default::default()
        });
    }

    /// Stores the removal of one article (a hidden seed is only a change of state).
    pub(super) fn save_removal(&self, id: ArticleId, seed: bool) {
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

    /// Stores the removal of every added article.
    pub(super) fn save_cleared(&self) {
        self.save(storage::Write {
            clear: true,
            state: Some(self.state_json()),
            ..Default::default()
        });
    }
}
