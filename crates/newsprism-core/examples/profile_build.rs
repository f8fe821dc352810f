//! Times the phases of indexing the BBC corpus natively:
//! `cargo run --release -p newsprism-core --example profile_build -- ../shared/corpora/bbc`

use std::time::Instant;

use newsprism_core::search::index::{Field, Index, IndexDoc};
use newsprism_core::text::language;
use newsprism_core::text::tokenize::{for_each_token, term_key_into};

#[path = "../benches/support/bbc.rs"]
mod bbc;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(bbc::dir, std::path::PathBuf::from);
    let docs: Vec<(String, String)> = bbc::load(&dir)
        .into_iter()
        .map(|d| (d.title, d.body))
        .collect();
    let chars: usize = docs.iter().map(|(t, b)| t.len() + b.len()).sum();
    println!("{} docs, {:.1} MB", docs.len(), chars as f64 / 1e6);

    // PHASE=index runs only the indexing, for instruction counts under callgrind.
    let only_index = std::env::var("PHASE").is_ok_and(|p| p == "index");
    if !only_index {
        phases(&docs);
    }
    let langs: Vec<_> = docs.iter().map(|(_, b)| language::detect(b)).collect();
    let copies: usize = std::env::var("COPIES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1);
    let t = Instant::now();
    let mut index = Index::new();
    for (i, ((title, body), lang)) in (0..copies)
        .flat_map(|_| docs.iter().zip(&langs))
        .enumerate()
    {
        index.add(&IndexDoc {
            key: i as u64,
            fields: vec![(Field::Title, title), (Field::Body, body)],
            language: *lang,
            source: None,
            date: None,
        });
    }
    println!(
        "index: {:?} ({} terms, {:.1} MB held)",
        t.elapsed(),
        index.term_count(),
        index.heap_bytes() as f64 / 1e6
    );
}

fn phases(docs: &[(String, String)]) {
    let t = Instant::now();
    let mut n = 0usize;
    for (title, body) in docs {
        for_each_token(title, |_| n += 1);
        for_each_token(body, |_| n += 1);
    }
    println!("tokenize: {:?} ({n} tokens)", t.elapsed());

    let t = Instant::now();
    let mut key = String::new();
    let mut total = 0usize;
    for (_, body) in docs {
        for_each_token(body, |tok| {
            term_key_into(tok.text, &mut key);
            total += key.len();
        });
    }
    println!("tokenize + keys: {:?} ({total})", t.elapsed());

    let t = Instant::now();
    let langs: Vec<_> = docs.iter().map(|(_, b)| language::detect(b)).collect();
    println!("language: {:?} ({} docs)", t.elapsed(), langs.len());
}
