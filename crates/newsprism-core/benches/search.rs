//! Index build and query latency on the BBC corpus (../shared/corpora/bbc), at 1x and 10x
//! (copies with distinct ids), for the queries in bench/queries.txt.
//!
//! `cargo bench -p newsprism-core --bench search` (set BBC_DIR to use another copy of the corpus).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsprism_core::search::alias::AliasTable;
use newsprism_core::search::engine;
use newsprism_core::search::index::{Field, Index, IndexDoc};
use newsprism_core::search::query;
use newsprism_core::text::language::{self, Language};

mod support {
    pub mod bbc;
}

struct Doc {
    title: String,
    body: String,
    language: Language,
}

fn load() -> Vec<Doc> {
    support::bbc::load(&support::bbc::dir())
        .into_iter()
        .map(|d| Doc {
            language: language::detect(&d.body),
            title: d.title,
            body: d.body,
        })
        .collect()
}

fn build(docs: &[Doc], copies: usize) -> Index {
    let mut index = Index::new();
    for c in 0..copies {
        for (i, d) in docs.iter().enumerate() {
            index.add(&IndexDoc {
                key: (c * docs.len() + i) as u64,
                fields: vec![(Field::Title, &d.title), (Field::Body, &d.body)],
                language: d.language,
                source: None,
                date: None,
            });
        }
    }
    index
}

/// The queries, in Newsprism's syntax for their kind.
fn queries() -> Vec<(String, String)> {
    include_str!("../../../bench/queries.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(kind, q)| {
            let text = match kind {
                "phrase" => format!("\"{q}\""),
                "prefix" => format!("{q}*"),
                "fuzzy" => format!("{q}~"),
                _ => q.to_string(),
            };
            (kind.to_string(), text)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let docs = load();
    let aliases = AliasTable::default();
    for copies in [1usize, 10] {
        let mut group = c.benchmark_group(format!("bbc-{copies}x"));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if copies == 1 { 5 } else { 30 }));
        group.bench_function("build", |b| b.iter(|| black_box(build(&docs, copies))));
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(300));
        group.measurement_time(Duration::from_secs(1));
        let index = build(&docs, copies);
        for (kind, q) in queries() {
            let parsed = query::parse(&q);
            group.bench_with_input(BenchmarkId::new(kind, &q), &parsed, |b, parsed| {
                b.iter(|| black_box(engine::run_top(&index, parsed, Some(&aliases), 10)))
            });
        }
        group.finish();
    }
}

criterion_group!(search, benches);
criterion_main!(search);
