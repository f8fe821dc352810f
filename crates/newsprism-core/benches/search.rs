//! Index build and query latency on the BBC corpus (../shared/corpora/bbc), at 1x and 10x
//! (copies with distinct ids), for the queries in bench/queries.txt.
//!
//! `cargo bench -p newsprism-core --bench search` (set BBC_DIR to use another copy of the corpus).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use newsprism_core::search::alias::AliasTable;
use newsprism_core::search::engine;
use newsprism_core::search::index::{Field, Index, IndexDoc};
use newsprism_core::search::query;
use newsprism_core::text::language::{self, Language};

struct Doc {
    title: String,
    body: String,
    language: Language,
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("BBC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/bbc")
        })
}

/// The BBC articles: first line the title, the rest the body (one file is Latin-1).
fn load() -> Vec<Doc> {
    let dir = corpus_dir();
    let mut paths = Vec::new();
    let mut cats: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set BBC_DIR)", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cats.sort();
    for cat in cats {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&cat)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        paths.extend(files);
    }
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| newsprism_core::ingest::encoding::decode(&bytes).ok())
        .map(|d| {
            let (title, body) = d.text.split_once('\n').unwrap_or((&d.text, ""));
            Doc {
                title: title.trim().to_string(),
                body: body.trim().to_string(),
                language: language::detect(body),
            }
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
