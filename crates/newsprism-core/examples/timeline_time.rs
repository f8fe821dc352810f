//! Times building the timeline of a folder of articles natively, as the timeline view does on
//! the page, and assembling it from each article's dates read ahead, as the page does now:
//! `cargo run --release -p newsprism-core --example timeline_time -- ../shared/corpora/bbc`
use std::time::Instant;

use newsprism_core::corpus::Corpus;
use newsprism_core::time::timeline::Analyses;

mod common;
use common::batch;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/bbc".into());
    let mut corpus = Corpus::new();
    let batch: Vec<_> = batch(&dir)
        .into_iter()
        .map(|(name, bytes)| (name.replace('/', "_"), bytes))
        .collect();
    corpus.add_files(batch);
    let started = Instant::now();
    let t = corpus.timeline();
    let took = started.elapsed();
    println!(
        "{} articles, {} events, {} groups: timeline built in {took:.2?} ({:.3} ms an article)",
        t.publications.len(),
        t.events.len(),
        t.groups.len(),
        took.as_secs_f64() * 1e3 / t.publications.len().max(1) as f64
    );
    // As the page does it: each article's dates read ahead, the timeline assembled from them.
    let mut kept = Analyses::new();
    for a in corpus.articles() {
        kept.add(a);
    }
    let started = Instant::now();
    let assembled = kept.timeline(corpus.articles());
    println!(
        "assembled from the dates read ahead in {:.2?}{}",
        started.elapsed(),
        if assembled == t { "" } else { " (differs!)" }
    );
}
