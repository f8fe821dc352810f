//! The lemma lexicon: fetched after the first paint (the service worker keeps it, the single-file
//! build carries it), or, on a reload, copied from the image of its tables that an earlier visit
//! stored. Then search, the comparison and the concordance meet at the dictionary form. Until it
//! is there, search matches stems, and the search on screen runs again when it arrives, query
//! and all.

use std::sync::Arc;

use leptos::prelude::*;
use newsprism_core::text::lemma::{image, LemmaReader, Lemmas};

use super::persist::SLICE_MS;
use super::{AppState, Storage};
use crate::browser::timer::{now, sleep, Slices};
use crate::browser::{lexicon, storage};

/// Where the word list that joins a word's forms ("won", "gewonnen" → "winnen") stands.
#[derive(Clone, Debug, PartialEq)]
pub enum WordForms {
    /// Being fetched and read: searches match stems meanwhile.
    Loading,
    /// Loaded: searches match every form of a word; how many forms the list holds.
    Ready(usize),
    /// Not available (the reason, in plain words): searches match stems.
    Failed(String),
}

/// How many lines of the word list are read between looks at the clock.
const LEXICON_LINES: usize = 10_000;

/// Reads the word list a slice at a time (half a million lines at once held the page's thread
/// for 160–250 ms).
async fn read_in_slices(text: &str) -> Result<Lemmas, String> {
    let mut reader = LemmaReader::new(text);
    let mut slices = Slices::new(SLICE_MS);
    loop {
        if let Some(lemmas) = reader.step(LEXICON_LINES)? {
            return Ok(lemmas);
        }
        slices.pause_if_due().await;
    }
}

impl AppState {
    /// Waits until the word list has loaded or failed to, or for `most_ms` at the longest (a
    /// fetch can hang on a bad connection; what waits then goes on without it).
    pub(super) async fn word_forms_settled(&self, most_ms: f64) {
        let start = now();
        while matches!(self.word_forms.get_untracked(), WordForms::Loading)
            && now() - start < most_ms
        {
            sleep(10).await;
        }
    }

    /// Where the word list stands.
    pub fn word_forms(&self) -> ReadSignal<WordForms> {
        self.word_forms.read_only()
    }

    /// Loads the word list, and upgrades the corpus to it: from the image of its tables an
    /// earlier visit stored, if that image is of the word list this build ships (a copy, not
    /// 100–170 ms of reading on the page's thread); otherwise fetched once the page has painted
    /// and read a slice at a time, and its image stored for the next visit.
    pub(super) fn load_lexicon(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let stored = storage::lexicon_image()
                .await
                .and_then(|image| Lemmas::from_image(&image, image::SHIPPED).ok());
            if let Some(lemmas) = stored {
                state.use_lemmas(lemmas).await;
                return;
            }
            // Let the first paint and the restore start before the page reads 4 MB of text.
            sleep(50).await;
            let loaded = match lexicon::text().await {
                Ok(text) => read_in_slices(&text)
                    .await
                    .map(|lemmas| (image::fingerprint(text.as_bytes()), lemmas))
                    .map_err(|e| format!("the word list is damaged ({e})")),
                Err(why) => Err(why),
            };
            match loaded {
                Ok((source, lemmas)) => {
                    if !matches!(state.storage.get_untracked(), Storage::Failed(_)) {
                        // Only a cache: if it cannot be stored, the next visit reads the text.
                        let image = lemmas.to_image(source);
                        leptos::task::spawn_local(async move {
                            let _ = storage::store_lexicon_image(&image).await;
                        });
                    }
                    state.use_lemmas(lemmas).await;
                }
                Err(why) => state.word_forms.set(WordForms::Failed(why)),
            }
        });
    }

    /// Upgrades the corpus to the word list, then tells the views (unless a restore is under
    /// way: it tells them when it is done).
    async fn use_lemmas(&self, lemmas: Lemmas) {
        let (dutch, english) = lemmas.len();
        let again = self
            .corpus
            .try_update_untracked(|c| c.set_lemmas(Arc::new(lemmas)))
            .unwrap_or_default();
        self.word_forms.set(WordForms::Ready(dutch + english));
        // Dutch articles indexed before the word list, again, a slice at a time, so their verbs
        // split over a clause are joined too.
        let mut slices = Slices::new(SLICE_MS);
        for id in again {
            self.corpus.update_untracked(|c| {
                c.reindex(id);
            });
            slices.pause_if_due().await;
        }
        if !matches!(self.storage.get_untracked(), Storage::Restoring(_)) {
            self.corpus.notify();
        }
    }
}
