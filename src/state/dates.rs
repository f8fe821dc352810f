//! Each article's dates, read a slice at a time as articles arrive (after an import, a reload,
//! an edit), so that opening the timeline only assembles what is already worked out. Reading
//! them all at once took seconds on a large corpus, with the page frozen.

use leptos::prelude::*;
use newsprism_core::article::ArticleId;
use newsprism_core::time::named::{EventError, EventTable, NamedEvent};
use newsprism_core::time::timeline::{Analyses, Timeline};
use newsprism_core::Corpus;

use super::persist::{BACKGROUND_SLICE_MS, SLICE_MS};
use super::AppState;
use crate::browser::timer::{yield_task, Slices};

thread_local! {
    /// Whether a view is waiting for the dates (the timeline): then they are read even during
    /// an import.
    static WANTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How far the reading of dates has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatesRead {
    /// Articles whose dates are read.
    pub done: usize,
    /// Articles loaded.
    pub total: usize,
}

impl AppState {
    /// The timeline of all loaded articles (read it with `with`); read it only once
    /// [`AppState::dates_ready`] says so, or it works out the missing articles at once.
    pub fn timeline(&self) -> Memo<Timeline> {
        self.timeline
    }

    pub(super) fn timeline_memo(
        corpus: RwSignal<Corpus>,
        dates: RwSignal<Analyses>,
    ) -> Memo<Timeline> {
        Memo::new(move |_| {
            dates.track();
            corpus.with(|c| dates.with_untracked(|d| d.timeline(c.articles())))
        })
    }

    /// The date inferred for an undated article: from its dates as read in the background,
    /// or worked out now when they are not read yet.
    pub fn inferred_date(&self, id: ArticleId) -> Option<newsprism_core::time::timeline::Inferred> {
        let dates = self.dates;
        self.corpus.with_untracked(|c| {
            let a = c.get(id)?;
            if a.pub_date.is_some() {
                return None;
            }
            match dates.with_untracked(|d| d.inferred(a).map(|i| i.cloned())) {
                Some(kept) => kept,
                None => c.inferred_date(id),
            }
        })
    }

    /// Whether every loaded article's dates are read, so the timeline opens at once.
    pub fn dates_ready(&self) -> bool {
        let dates = self.dates;
        self.corpus.with(|c| dates.with(|d| d.covers(c.articles())))
    }

    /// While dates are being read: how far the reading has come.
    pub fn reading_dates(&self) -> ReadSignal<Option<DatesRead>> {
        self.reading_dates.read_only()
    }

    /// Reads the dates of every article not yet read (again for one whose date was changed,
    /// and forgets removed ones), a slice at a time, unless a reading is under way; `dates` is
    /// told once it is done. Unless `wanted` (the timeline is waiting for them), the reading
    /// stops while files are being added, whose own work comes first, and takes up again after.
    pub fn read_dates(&self, wanted: bool) {
        if wanted {
            WANTED.with(|w| w.set(true));
        }
        if self.reading_dates.get_untracked().is_some() {
            return;
        }
        let state = *self;
        state.reading_dates.set(Some(state.dates_read()));
        leptos::task::spawn_local(async move {
            if !wanted {
                // In a task of its own, not on top of the change that started it.
                yield_task().await;
            }
            // Long slices when the timeline waits, short ones when nobody does.
            let mut slices = if wanted {
                Slices::new(SLICE_MS)
            } else {
                Slices::background(BACKGROUND_SLICE_MS)
            };
            // Again until nothing is missing: the corpus can change while this waits.
            loop {
                let missing: Vec<ArticleId> = state.corpus.with_untracked(|c| {
                    state.dates.update_untracked(|d| {
                        d.use_table(c.named_events());
                        d.retain(|id| c.get(id).is_some());
                    });
                    state.dates.with_untracked(|d| {
                        c.articles()
                            .iter()
                            .filter(|a| !d.has(a))
                            .map(|a| a.id)
                            .collect()
                    })
                });
                if missing.is_empty() || state.yield_to_import() {
                    break;
                }
                for id in missing {
                    state.corpus.with_untracked(|c| {
                        if let Some(a) = c.get(id) {
                            state.dates.update_untracked(|d| d.add(a));
                        }
                    });
                    if slices.due() {
                        state.reading_dates.set(Some(state.dates_read()));
                        slices.pause().await;
                        if state.yield_to_import() {
                            break;
                        }
                    }
                }
            }
            WANTED.with(|w| w.set(false));
            state.reading_dates.set(None);
            state.dates.notify();
            // The timeline assembled now, in a task of its own, so that opening it does not.
            slices.pause().await;
            if state.dates_ready_untracked() && state.progress.with_untracked(Option::is_none) {
                state.timeline.with_untracked(|_| ());
            }
        });
    }

    /// Adds a named event to the table, in place of one of the same name; every article's
    /// dates are read again with it.
    pub fn add_named_event(&self, event: NamedEvent) -> Result<(), EventError> {
        let result = self
            .corpus
            .try_update(|c| c.add_named_event(event))
            .unwrap_or(Ok(()));
        if result.is_ok() {
            self.named_events_changed();
        }
        result
    }

    /// Removes the named event of this name.
    pub fn remove_named_event(&self, label: &str) {
        if self
            .corpus
            .try_update(|c| c.remove_named_event(label))
            .unwrap_or(false)
        {
            self.named_events_changed();
        }
    }

    /// Puts the built-in table of named events back.
    pub fn restore_named_events(&self) {
        self.corpus
            .update(|c| c.set_named_events(EventTable::default()));
        self.named_events_changed();
    }

    fn named_events_changed(&self) {
        self.sync_named_events();
        self.save_state();
    }

    /// Forgets the dates read with another table of named events than the corpus's (after an
    /// edit of the table, a restore, a project opened), so that they are read again.
    pub(super) fn sync_named_events(&self) {
        let table = self.corpus.with_untracked(|c| c.named_events().clone());
        if self
            .dates
            .try_update_untracked(|d| d.use_table(&table))
            .unwrap_or(false)
        {
            self.dates.notify();
        }
    }

    /// Whether the reading of dates should stop for an import under way (nobody waits for it).
    fn yield_to_import(&self) -> bool {
        !WANTED.with(std::cell::Cell::get) && self.working_untracked()
    }

    fn dates_read(&self) -> DatesRead {
        let dates = self.dates;
        self.corpus.with_untracked(|c| DatesRead {
            done: dates.with_untracked(|d| c.articles().iter().filter(|a| d.has(a)).count()),
            total: c.len(),
        })
    }

    /// Reads new articles' dates whenever the corpus changes and no import is under way (an
    /// import's own work comes first; the timeline asks for them itself if opened meanwhile).
    pub fn keep_dates_read(&self) {
        let state = *self;
        Effect::new(move |_| {
            state.corpus.track();
            state.sync_named_events();
            if state.progress.with(Option::is_none)
                && !state.restoring()
                && !state.dates_ready_untracked()
            {
                state.read_dates(false);
            }
        });
    }

    fn dates_ready_untracked(&self) -> bool {
        let dates = self.dates;
        self.corpus
            .with_untracked(|c| dates.with_untracked(|d| d.covers(c.articles())))
    }
}
