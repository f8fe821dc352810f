//! The lemma lexicon: fetched after the first paint (the service worker keeps it, the single-file
//! build carries it), then search, the comparison and the concordance meet at the dictionary
//! form. Until it is there, search matches stems, and the search on screen runs again when it
//! arrives, query and all.

use std::sync::Arc;

use leptos::prelude::*;
use newsprism_core::text::lemma::{LemmaReader, Lemmas};

use super::persist::SLICE_MS;
use super::{AppState, Storage};
use crate::browser::lexicon;
use crate::browser::timer::{now, sleep, Slices};

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

    /// Loads the word list once the page has painted, and upgrades the corpus to it.
    pub(super) fn load_lexicon(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            // Let the first paint and the restore start before the page reads 4 MB of text.
            sleep(50).await;
            let loaded = match lexicon::text().await {
                Ok(text) => read_in_slices(&text)
                    .await
                    .map_err(|e| format!("the word list is damaged ({e})")),
                Err(why) => Err(why),
            };
            match loaded {
                Ok(lemmas) => {
                    let (dutch, english) = lemmas.len();
                    // Views are told at the end (not while a restore is under way).
                    let again = state
                        .corpus
                        .try_update_untracked(|c| c.set_lemmas(Arc::new(lemmas)))
                        .unwrap_or_default();
                    state.word_forms.set(WordForms::Ready(dutch + english));
                    // Dutch articles indexed before the word list, again, a slice at a time, so
                    // their verbs split over a clause are joined too.
                    let mut slices = Slices::new(SLICE_MS);
                    for id in again {
                        state.corpus.update_untracked(|c| {
                            c.reindex(id);
                        });
                        slices.pause_if_due().await;
                    }
                    if !matches!(state.storage.get_untracked(), Storage::Restoring(_)) {
                        state.corpus.notify();
                    }
                }
                Err(why) => state.word_forms.set(WordForms::Failed(why)),
            }
        });
    }
}
