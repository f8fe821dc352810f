//! The library's orders: each worked out when first read and kept until the library changes,
//! and sorted ahead in the background, so that opening or re-sorting a large library finds its
//! order ready; past [`SORT_AT_ONCE`] articles a step at a time (sorting 89,000 articles by
//! title at once was a 450 ms task).

use leptos::prelude::*;
use newsprism_core::article::ArticleId;
use newsprism_core::corpus::{Corpus, LibrarySort, LibrarySorter};

use super::AppState;
use crate::browser::timer::Slices;

/// Libraries up to this size are sorted ahead in one task; larger ones a step at a time.
const SORT_AT_ONCE: usize = 30_000;

/// An order worked out ahead, and the corpus change it was made for.
type Presorted = Option<(u64, Vec<ArticleId>)>;

/// The library's order under each sort ([`LibrarySort::ALL`]), with what was sorted ahead.
#[derive(Clone, Copy)]
pub(super) struct Orders {
    memos: [Memo<Vec<ArticleId>>; 4],
    /// Orders sorted ahead, taken by their memo when it next runs for the same corpus.
    presorted: StoredValue<[Presorted; 4]>,
    /// The corpus change each memo last ran for.
    sorted_at: StoredValue<[Option<u64>; 4]>,
}

impl Orders {
    /// The orders of `corpus`, whose changes `changes` counts.
    pub(super) fn new(corpus: RwSignal<Corpus>, changes: Memo<u64>) -> Self {
        let presorted = StoredValue::new([const { None }; 4]);
        let sorted_at = StoredValue::new([None; 4]);
        let memos = [0, 1, 2, 3].map(|i| {
            let sort = LibrarySort::ALL[i];
            Memo::new(move |_| {
                let at = changes.get();
                sorted_at.update_value(|s| s[i] = Some(at));
                let ready = presorted
                    .try_update_value(|p| p[i].take())
                    .flatten()
                    .filter(|(when, _)| *when == at);
                match ready {
                    Some((_, ids)) => ids,
                    None => corpus.with(|c| c.library(sort).into_iter().map(|a| a.id).collect()),
                }
            })
        });
        Orders {
            memos,
            presorted,
            sorted_at,
        }
    }
}

fn position(sort: LibrarySort) -> usize {
    LibrarySort::ALL
        .iter()
        .position(|s| *s == sort)
        .unwrap_or(0)
}

impl AppState {
    /// The ids of the library's articles in the order `sort` gives.
    pub fn library_order(&self, sort: LibrarySort) -> Memo<Vec<ArticleId>> {
        self.library.memos[position(sort)]
    }

    /// Sorts the library in `sort`'s order ahead, a step at a time between `slices`' pauses,
    /// unless it is sorted for the library as it is. Gives up when the library changes or an
    /// import or restore starts meanwhile (the work ahead starts again after it).
    pub(super) async fn sort_ahead(&self, sort: LibrarySort, slices: &mut Slices) {
        let i = position(sort);
        let orders = self.library;
        let at = self.changes.get_untracked();
        if orders.sorted_at.with_value(|s| s[i] == Some(at)) {
            return;
        }
        // Small enough to sort in one task (about 70 ms at 22,000 articles): at once, so the
        // order is ready sooner.
        if self.corpus.with_untracked(|c| c.len()) <= SORT_AT_ONCE {
            orders.memos[i].with_untracked(|_| ());
            return;
        }
        let mut sorter = self.corpus.with_untracked(|c| LibrarySorter::new(c, sort));
        loop {
            // Given up on a change or an import; done already if the order was read meanwhile.
            if self.working_untracked()
                || self.changes.get_untracked() != at
                || orders.sorted_at.with_value(|s| s[i] == Some(at))
            {
                return;
            }
            if let Some(ids) = self.corpus.with_untracked(|c| sorter.step(c)) {
                orders.presorted.update_value(|p| p[i] = Some((at, ids)));
                // The memo takes it now, while the corpus is the same.
                orders.memos[i].with_untracked(|_| ());
                return;
            }
            if slices.due() {
                slices.pause().await;
            }
        }
    }
}
