//! Times the library's orders and filters natively at growing sizes: each order sorted (at once,
//! and in steps as the page sorts ahead: the longest step), and a filter of one word over the
//! whole library.
//! `cargo run --release -p newsprism-core --example library_time -- ../shared/corpora/bbc 1,10,40`
//! (the second argument: how many distinct copies of the folder, as `bench/bbc-copies.mjs`
//! makes them).

use std::time::Instant;

use newsprism_core::corpus::{Corpus, LibraryFilter, LibrarySort, LibrarySorter};
use newsprism_core::ArticleId;

mod common;
use common::{batch, copy_of, dir_and_numbers};

fn main() {
    let (dir, scales) = dir_and_numbers("1");
    let base = batch(&dir);
    for scale in scales {
        let mut corpus = Corpus::new();
        for k in 0..scale {
            let files = copy_of(&base, k);
            corpus.add_files(files);
        }
        let n = corpus.articles().len();
        for sort in LibrarySort::ALL {
            let t = Instant::now();
            let order = corpus.library(sort);
            println!(
                "{n:>7} articles  order {sort:?}: {:.1} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
            drop(order);
            // The same in steps, as the page sorts ahead: the longest step.
            let (mut sorter, mut longest, mut steps) =
                (LibrarySorter::new(&corpus, sort), 0.0f64, 0);
            loop {
                let t = Instant::now();
                let done = sorter.step(&corpus);
                longest = longest.max(t.elapsed().as_secs_f64() * 1e3);
                steps += 1;
                if done.is_some() {
                    break;
                }
            }
            println!("{n:>7} articles  order {sort:?} in {steps} steps: longest {longest:.1} ms");
        }
        let order: Vec<ArticleId> = corpus
            .library(LibrarySort::DateNewest)
            .iter()
            .map(|a| a.id)
            .collect();
        let t = Instant::now();
        let left = corpus.filter_library(&order, &LibraryFilter::words("sharapova"));
        println!(
            "{n:>7} articles  filter \"sharapova\": {:.1} ms ({} left)",
            t.elapsed().as_secs_f64() * 1e3,
            left.ids.len()
        );
    }
}
