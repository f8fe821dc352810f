//! Times a reload's restore natively: the stored articles (their JSON, as the app keeps them in
//! IndexedDB) added back to a corpus, indexed again one by one, against the same articles with
//! the index segments the ingest workers made stored beside them, merged instead.
//! `cargo run --release -p newsprism-core --example restore_time -- ../shared/corpora/bbc 1,10`
//! (the second argument: how many distinct copies of the folder, as `bench/bbc-copies.mjs`
//! makes them).

use std::time::Instant;

use newsprism_core::corpus::{near, Corpus, RestoreReport};
use newsprism_core::ingest::transfer;
use newsprism_core::project;
use newsprism_core::search::index::segment::{Segment, StemCache, JOINED_DOCS};
use newsprism_core::search::results::SearchOptions;

mod common;
use common::{batch, copy_of, dir_and_numbers};

fn main() {
    let (dir, scales) = dir_and_numbers("1");
    let base = batch(&dir);
    for scale in scales {
        run(&base, scale);
    }
}

fn run(base: &[(String, Result<Vec<u8>, String>)], scale: usize) {
    let files: Vec<_> = (0..scale).flat_map(|k| copy_of(base, k)).collect();
    // What the workers send: the reads, and the segments made of them.
    let reads: Vec<_> = files
        .iter()
        .map(|(name, bytes)| match bytes {
            Ok(b) => transfer::read(name, b),
            Err(_) => transfer::read(name, &[]),
        })
        .collect();
    let mut stems = StemCache::default();
    let stored_segments: Vec<Vec<u8>> = reads
        .chunks(256)
        .flat_map(|chunk| transfer::index(chunk, &mut stems))
        .map(|s| s.to_bytes())
        .collect();
    let mut corpus = Corpus::new();
    for read in reads {
        if let transfer::Read::Articles(items) = read {
            corpus.add_ingested(items);
        }
    }
    let stored: Vec<String> = corpus
        .articles()
        .iter()
        .map(project::article_to_json)
        .collect();
    let text: usize = stored.iter().map(String::len).sum();
    let seg_bytes: usize = stored_segments.iter().map(Vec::len).sum();
    println!(
        "x{scale}: {} stored articles, {:.1} MB of JSON; {} segments, {:.1} MB",
        stored.len(),
        text as f64 / 1e6,
        stored_segments.len(),
        seg_bytes as f64 / 1e6
    );

    let t = Instant::now();
    let articles: Vec<_> = stored
        .iter()
        .filter_map(|j| project::article_from_json(j).ok())
        .collect();
    let parse = t.elapsed();
    let t = Instant::now();
    for a in &articles {
        std::hint::black_box(near::fingerprint(a));
    }
    let fingerprints = t.elapsed();

    // Today's reload: every article read and indexed again.
    let t = Instant::now();
    let mut again = Corpus::new();
    let mut report = RestoreReport::default();
    for a in articles.iter().cloned() {
        again.restore_article(a, &mut report);
    }
    let reindexed = t.elapsed();

    // With the segments stored: the articles added unindexed, the segments merged.
    let t = Instant::now();
    let segments: Vec<Segment> = stored_segments
        .iter()
        .filter_map(|b| Segment::from_bytes(b).ok())
        .collect();
    let read_segments = t.elapsed();
    let t = Instant::now();
    let mut merged = Corpus::new();
    let mut report = RestoreReport::default();
    for a in articles.iter().cloned() {
        merged.restore_unindexed(a, &mut report);
    }
    let added = t.elapsed();
    let t = Instant::now();
    for s in &segments {
        merged.index_from_segment(s);
    }
    let mut left = 0;
    for a in &articles {
        left += usize::from(merged.index_if_missing(a.id));
    }
    let merging = t.elapsed();
    let t = Instant::now();
    merged.catch_up_near(usize::MAX);
    let near_later = t.elapsed();

    // With the segments joined into a few large ones (what the app does after a reload or an
    // import leaves many small ones).
    let t = Instant::now();
    let joined_bytes: Vec<Vec<u8>> = Segment::join(&segments, JOINED_DOCS, |_| true)
        .iter()
        .map(Segment::to_bytes)
        .collect();
    let joining = t.elapsed();
    let t = Instant::now();
    let joined: Vec<Segment> = joined_bytes
        .iter()
        .filter_map(|b| Segment::from_bytes(b).ok())
        .collect();
    let read_joined = t.elapsed();
    let mut from_joined = Corpus::new();
    let mut report = RestoreReport::default();
    for a in articles.iter().cloned() {
        from_joined.restore_unindexed(a, &mut report);
    }
    let t = Instant::now();
    for s in &joined {
        from_joined.index_from_segment(s);
    }
    let mut left_joined = 0;
    for a in &articles {
        left_joined += usize::from(from_joined.index_if_missing(a.id));
    }
    let merging_joined = t.elapsed();

    let options = SearchOptions::default();
    let queries = ["sharapova", "\"prime minister\"", "economy OR growth"];
    let same = merged.index().len() == again.index().len()
        && queries
            .iter()
            .all(|q| merged.search(q, &options).ranked == again.search(q, &options).ranked);
    let same_joined = from_joined.index().len() == again.index().len()
        && queries
            .iter()
            .all(|q| from_joined.search(q, &options).ranked == again.search(q, &options).ranked);
    println!(
        "  parse JSON {parse:.2?}; near-duplicate fingerprints {fingerprints:.2?}\n  \
         restore, indexing each article again: {reindexed:.2?}\n  \
         restore with stored segments: read {read_segments:.2?} + add {added:.2?} + merge \
         {merging:.2?} ({left} indexed here); later, the near-duplicate index \
         {near_later:.2?}{}\n  \
         the segments joined ({joining:.2?}, off the page's thread in the app) into {} of at most \
         {JOINED_DOCS} articles, {:.1} MB: read {read_joined:.2?} + merge {merging_joined:.2?} \
         ({left_joined} indexed here){}",
        if same { "" } else { " (NOT the same index)" },
        joined.len(),
        joined_bytes.iter().map(Vec::len).sum::<usize>() as f64 / 1e6,
        if same_joined {
            ""
        } else {
            " (NOT the same index)"
        }
    );
}
