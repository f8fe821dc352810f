//! Lists the near-duplicates found when a folder is added, to look over by eye:
//! `cargo run --release -p newsprism-core --example near_duplicates -- ../shared/corpora/bbc`
use newsprism_core::corpus::{Corpus, FileOutcome};

mod common;
use common::batch;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/bbc".into());
    let mut corpus = Corpus::new();
    let batch = batch(&dir);
    let started = std::time::Instant::now();
    let outcomes = corpus.add_files(batch);
    let took = started.elapsed();
    let mut near = 0;
    for o in &outcomes {
        if let FileOutcome::Added {
            file_name,
            near: Some(n),
            ..
        } = o
        {
            near += 1;
            let of = corpus.get(n.of).map_or("?", |a| a.file_name.as_str());
            println!("{:.0}%  {file_name}  ~  {of}", n.share * 100.0);
        }
    }
    println!(
        "{} files, {} articles, {near} near-duplicates; added in {took:.2?}",
        outcomes.len(),
        corpus.len()
    );
}
