//! The library sorted a step at a time, for sorting a large library in the background.

use std::cmp::Ordering;

use super::library::{library_order, sort_articles};
use super::{Corpus, LibrarySort};
use crate::article::{Article, ArticleId};

/// Articles sorted into one run per step of a [`LibrarySorter`].
const SORT_RUN: usize = 4096;

/// An article in a sorted run: its id, and its lowered title when sorting by title (lowered
/// once, when its run is sorted, not again in each merge).
type Keyed = (Option<String>, ArticleId);

/// The library sorted in an order a step at a time, so that a large library is sorted in the
/// background without a long task: runs of 4,096 articles are sorted one per step, then
/// merged two runs per step. Each step reads the corpus as it is then; an article removed
/// meanwhile is left out, one added meanwhile is not in the order (start again after a change).
#[derive(Clone, Debug)]
pub struct LibrarySorter {
    sort: LibrarySort,
    /// Ids not yet in a sorted run.
    unsorted: Vec<ArticleId>,
    /// Sorted runs, merged two at a time from the front; the merge goes to the back.
    runs: std::collections::VecDeque<Vec<Keyed>>,
}

impl LibrarySorter {
    /// Starts sorting the library of `corpus` in `sort`'s order.
    pub fn new(corpus: &Corpus, sort: LibrarySort) -> Self {
        LibrarySorter {
            sort,
            unsorted: corpus.articles.iter().map(|a| a.id).collect(),
            runs: Default::default(),
        }
    }

    /// Does one step of the sort: the order once it is done (and `None` before).
    pub fn step(&mut self, corpus: &Corpus) -> Option<Vec<ArticleId>> {
        if !self.unsorted.is_empty() {
            let at = self.unsorted.len().saturating_sub(SORT_RUN);
            let run: Vec<&Article> = self
                .unsorted
                .split_off(at)
                .iter()
                .filter_map(|&id| corpus.get(id))
                .collect();
            let title = self.sort == LibrarySort::Title;
            let sorted = sort_articles(run, self.sort)
                .into_iter()
                .map(|a| (title.then(|| a.title.to_lowercase()), a.id))
                .collect();
            self.runs.push_back(sorted);
            return None;
        }
        match (self.runs.pop_front(), self.runs.pop_front()) {
            (Some(a), Some(b)) => {
                let merged = merge_runs(corpus, self.sort, a, b);
                self.runs.push_back(merged);
                None
            }
            (Some(a), None) => Some(
                a.into_iter()
                    .map(|(_, id)| id)
                    .filter(|&id| corpus.get(id).is_some())
                    .collect(),
            ),
            (None, _) => Some(Vec::new()),
        }
    }
}

/// Two sorted runs merged into one, in library order; ids no longer loaded are left out.
fn merge_runs(corpus: &Corpus, sort: LibrarySort, a: Vec<Keyed>, b: Vec<Keyed>) -> Vec<Keyed> {
    let loaded = |(key, id): Keyed| corpus.get(id).map(|x| (key, x));
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut left = a.into_iter().filter_map(loaded).peekable();
    let mut right = b.into_iter().filter_map(loaded).peekable();
    loop {
        let take_left = match (left.peek(), right.peek()) {
            (Some((Some(lt), l)), Some((Some(rt), r))) => {
                (lt, &l.file_name, l.id) <= (rt, &r.file_name, r.id)
            }
            (Some((_, l)), Some((_, r))) => library_order(sort, l, r) != Ordering::Greater,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let next = if take_left { left.next() } else { right.next() };
        if let Some((key, x)) = next {
            out.push((key, x.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_in_steps_gives_the_same_order_and_leaves_out_what_went() {
        // More articles than one run, in every order.
        let files: Vec<(String, Result<Vec<u8>, String>)> = (0..SORT_RUN * 2 + 300)
            .map(|i| {
                let date = if i % 7 == 0 {
                    String::new()
                } else {
                    format!("date: 2022-{:02}-{:02}\n", i % 12 + 1, i % 28 + 1)
                };
                let text = format!(
                    "{date}title: Stuk {} over {}\n\nTekst nummer {i} met {} woorden erin.",
                    i % 97,
                    ["Minsk", "minsk", "Kyiv"][i % 3],
                    "veel ".repeat(i % 13)
                );
                (
                    format!("{:05}.txt", (i * 7919) % 100_000),
                    Ok(text.into_bytes()),
                )
            })
            .collect();
        let mut c = Corpus::new();
        c.add_files(files);
        assert!(c.articles().len() > SORT_RUN * 2);
        for sort in LibrarySort::ALL {
            let whole: Vec<ArticleId> = c.library(sort).iter().map(|a| a.id).collect();
            let mut sorter = LibrarySorter::new(&c, sort);
            let mut steps = 0;
            let stepped = loop {
                steps += 1;
                if let Some(order) = sorter.step(&c) {
                    break order;
                }
            };
            assert_eq!(stepped, whole, "{sort:?}");
            assert!(steps > 3, "{sort:?}: {steps} steps");
        }
        // An article removed between steps is left out.
        let mut sorter = LibrarySorter::new(&c, LibrarySort::Title);
        assert!(sorter.step(&c).is_none());
        let gone = c.library(LibrarySort::Title)[5].id;
        assert!(c.remove(gone));
        let order = loop {
            if let Some(order) = sorter.step(&c) {
                break order;
            }
        };
        let whole: Vec<ArticleId> = c.library(LibrarySort::Title).iter().map(|a| a.id).collect();
        assert_eq!(order, whole);
        // An empty library.
        assert_eq!(
            LibrarySorter::new(&Corpus::new(), LibrarySort::Title).step(&Corpus::new()),
            Some(vec![])
        );
    }
}
