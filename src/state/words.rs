//! The whole corpus's word counts, for distinctive vocabulary measured against the corpus:
//! counted a slice at a time when the comparison's Words tab first needs them, and brought up
//! to date after any change.

use leptos::prelude::*;
use newsprism_core::article::ArticleId;
use newsprism_core::compare::keyness::Background;
use newsprism_core::search::alias::AliasTable;
use newsprism_core::Corpus;

use super::persist::SLICE_MS;
use super::AppState;
use crate::browser::timer::Slices;

/// Word counts of every loaded article.
#[derive(Clone, Default)]
pub struct CorpusWords {
    /// The counts, per article.
    pub background: Background,
    /// The alias table they were counted with (its names are words of their own).
    aliases: Option<AliasTable>,
    /// Whether they were counted with the word list (words by dictionary form) or on stems.
    lemmas: bool,
}

impl CorpusWords {
    /// Whether these counts are exactly those of the corpus's articles, with its alias table.
    pub fn covers(&self, corpus: &Corpus) -> bool {
        self.aliases.as_ref() == Some(corpus.aliases())
            && self.lemmas == corpus.lemmas().is_some()
            && self.background.len() == corpus.len()
            && corpus
                .articles()
                .iter()
                .all(|a| self.background.contains(a.id))
    }
}

impl AppState {
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
                        let lemmas = c.lemmas().is_some();
                        if w.aliases.as_ref() != Some(c.aliases()) || w.lemmas != lemmas {
                            *w = CorpusWords {
                                background: Background::new(),
                                aliases: Some(c.aliases().clone()),
                                lemmas,
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
}
