//! Restoring what an earlier visit stored, and storing each change as it happens.
//!
//! Large work is sliced: the stored articles come back a slice at a time, and added articles
//! are written in transactions of [`SAVE_CHUNK`], so neither blocks the page.

use leptos::prelude::*;
use newsprism_core::article::{Article, ArticleId};
use newsprism_core::corpus::RestoreReport;
use newsprism_core::project::{self, ProjectState};
use newsprism_core::Corpus;

use super::{AppState, Storage};
use crate::browser::storage;
use crate::browser::timer::Slices;
use crate::browser::worker::IngestWorker;

/// How long restoring works before it lets the browser paint and handle input.
pub(super) const SLICE_MS: f64 = 40.0;

/// How long work that nobody waits for (reading ahead for the timeline and the comparison)
/// runs before it yields: short, so that a click or a key waits at most this long.
pub(super) const BACKGROUND_SLICE_MS: f64 = 12.0;

/// How many articles go into one storage transaction.
const SAVE_CHUNK: usize = 400;

impl AppState {
    /// Restores what an earlier visit stored. Runs once, before anything can change the corpus;
    /// the articles are read and indexed a slice at a time so a large store does not freeze the page.
    pub fn restore(&self) {
        // The ingest worker and the word list load meanwhile, so the first drop does not wait
        // for the one and search soon meets at the dictionary form.
        leptos::task::spawn_local(async {
            let _ = IngestWorker::pool().await;
        });
        self.load_lexicon();
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
            state
                .storage
                .set(Storage::Restoring(Some(stored.articles.len())));
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

    /// Replaces what the user added or changed with these articles and this state (stored, or
    /// from a project file), adding the articles a slice at a time. Views are not told; the
    /// caller notifies once it is done.
    pub(super) async fn restore_in_slices(
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
        self.sync_named_events();
        report
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
