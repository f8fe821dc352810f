//! A published index answers exactly as the in-memory index it was written from: the same
//! matches, in the same order, with the same scores, snippets, facets, expansions and
//! suggestions, on the seeds (stems alone and with the word list) and on the BBC corpus (the
//! benchmark's query list). Damaged files are errors naming the file, never panics.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use newsprism_core::corpus::Corpus;
use newsprism_core::publish::{publish, Builder, Part, Published, PublishedIndex, ReadError};
use newsprism_core::search::results::SearchOptions;
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::text::stem::Stemmers;

fn lemmas() -> Arc<Lemmas> {
    let path = format!("{}/data/lexicon.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("the lexicon");
    Arc::new(Lemmas::parse(&text).expect("a lexicon"))
}

/// The corpus published, its files by part, and a reader opened on it.
fn published(corpus: &Corpus, stemmers: Stemmers) -> (BTreeMap<Part, Vec<u8>>, PublishedIndex) {
    let p = publish(corpus, "test");
    let manifest = serde_json::to_vec(&p.manifest.expect("published")).expect("a manifest");
    let files: BTreeMap<Part, Vec<u8>> = p.files.into_iter().collect();
    let index = PublishedIndex::open(&manifest, &files[&Part::Docs], stemmers).expect("opens");
    (files, index)
}

/// The files published batch by batch, `per` files a batch, each batch read into a corpus of its
/// own as the command line does (with the word list if given), with a reader on them.
fn published_in_batches(
    files: &[(String, Vec<u8>)],
    per: usize,
    lemmas: Option<Arc<Lemmas>>,
) -> (BTreeMap<Part, Vec<u8>>, PublishedIndex) {
    let mut store = Published::default();
    let mut builder = Builder::new("test", &Default::default());
    let mut last = Corpus::new();
    for batch in files.chunks(per) {
        let mut corpus = Corpus::new();
        if let Some(l) = &lemmas {
            corpus.set_lemmas(l.clone());
        }
        corpus.add_files(
            batch
                .iter()
                .map(|(n, b)| (n.clone(), Ok(b.clone())))
                .collect(),
        );
        builder.add_batch(&corpus, &mut store).expect("a batch");
        last = corpus;
    }
    let manifest = builder.finish(last.index(), &mut store).expect("merged");
    let manifest = serde_json::to_vec(&manifest).expect("a manifest");
    let files: BTreeMap<Part, Vec<u8>> = store.files.into_iter().collect();
    let stemmers = lemmas.map_or_else(Stemmers::default, Stemmers::with_lemmas);
    let index = PublishedIndex::open(&manifest, &files[&Part::Docs], stemmers).expect("opens");
    (files, index)
}

/// The seeds' files, in name order.
fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the seeds")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(format!("{dir}/{n}")).expect("a seed");
            (n, bytes)
        })
        .collect()
}

/// Searches both and compares the whole answer.
fn same(corpus: &Corpus, files: &BTreeMap<Part, Vec<u8>>, index: &mut PublishedIndex, q: &str) {
    for aliases in [true, false] {
        let options = SearchOptions {
            aliases,
            ..SearchOptions::default()
        };
        let want = corpus.search(q, &options);
        let got = index
            .search(q, &options, |part| {
                files.get(&part).cloned().ok_or_else(|| ReadError {
                    file: part.path(),
                    why: "missing".into(),
                })
            })
            .expect("searches");
        assert_eq!(got, want, "{q:?} (aliases {aliases})");
    }
}

const SEED_QUERIES: &[&str] = &[
    "Poetin",
    "Belarus",
    "Wit-Rusland",
    "Loekasjenko Minsk",
    "\"militaire operatie\"",
    "Poetin NOT Minsk",
    "Poetin OR Biden",
    "Poet*",
    "Lukas*",
    "Loekasjneko",
    "Loekasjenko~1",
    "winnen",
    "de Oekraïne",
    "date:2022-12 Poetin",
    "lang:nl oorlog",
    "source:unknown Minsk",
    "zzzzqqq",
    "",
];

#[test]
fn seeds_answer_alike_on_stems_and_with_the_word_list() {
    let (mut corpus, _) = common::seeds();
    let (files, mut index) = published(&corpus, Stemmers::default());
    for q in SEED_QUERIES {
        same(&corpus, &files, &mut index, q);
    }
    let lemmas = lemmas();
    corpus.set_lemmas(lemmas.clone());
    let (files, mut index) = published(&corpus, Stemmers::with_lemmas(lemmas));
    for q in SEED_QUERIES {
        same(&corpus, &files, &mut index, q);
    }
}

#[test]
fn batches_merged_answer_as_one_corpus_and_a_repeat_in_a_later_batch_is_left_out() {
    let mut files = seed_files();
    // The first seed again, in the last batch: a corpus of them all would not add it twice.
    files.push(("again.txt".into(), files[0].1.clone()));
    let (corpus, _) = common::seeds();
    for per in [1, 2, 3] {
        let (parts, mut index) = published_in_batches(&files, per, None);
        assert_eq!(index.manifest().documents, 5);
        for q in SEED_QUERIES {
            same(&corpus, &parts, &mut index, q);
        }
    }
    let lemmas = lemmas();
    let mut corpus = corpus;
    corpus.set_lemmas(lemmas.clone());
    let (parts, mut index) = published_in_batches(&files, 2, Some(lemmas));
    for q in SEED_QUERIES {
        same(&corpus, &parts, &mut index, q);
    }
}

#[test]
fn an_update_removes_and_adds_articles_and_answers_as_a_corpus_that_did_the_same() {
    let files = seed_files();
    let read = |corpus: &mut Corpus, batch: &[(String, Vec<u8>)]| {
        corpus.add_files(
            batch
                .iter()
                .map(|(n, b)| (n.clone(), Ok(b.clone())))
                .collect(),
        );
    };
    // First the first four seeds, in two batches.
    let mut store = Published::default();
    let mut builder = Builder::new("test", &Default::default());
    let mut last = Corpus::new();
    for batch in files[..4].chunks(2) {
        let mut corpus = Corpus::new();
        read(&mut corpus, batch);
        builder.add_batch(&corpus, &mut store).expect("a batch");
        last = corpus;
    }
    let state = builder.resume_state();
    let manifest = builder.finish(last.index(), &mut store).expect("merged");
    let docs = store
        .files
        .iter()
        .find(|(p, _)| *p == Part::Docs)
        .expect("docs")
        .1
        .clone();
    // Then an update: the second seed removed, the fifth added.
    let gone = common::seeds().0.articles()[1].id;
    let mut builder =
        Builder::resume(&manifest, &docs, &state, &Default::default()).expect("resumes");
    store.clear_files();
    assert!(builder.remove(gone.0, &mut store).expect("removed"));
    assert!(!builder.remove(gone.0, &mut store).expect("once"));
    let mut corpus = Corpus::new();
    read(&mut corpus, &files[4..]);
    builder.add_batch(&corpus, &mut store).expect("a batch");
    let manifest = builder.finish(corpus.index(), &mut store).expect("merged");
    assert_eq!((manifest.documents, manifest.removed), (5, 1));
    assert!(
        !store.files.iter().any(|(p, _)| *p == Part::Text(1)),
        "the removed article's text is gone"
    );
    let manifest = serde_json::to_vec(&manifest).expect("a manifest");
    let parts: BTreeMap<Part, Vec<u8>> = store.files.into_iter().collect();
    let mut index =
        PublishedIndex::open(&manifest, &parts[&Part::Docs], Stemmers::default()).expect("opens");
    // The same history in memory.
    let mut memory = Corpus::new();
    read(&mut memory, &files[..4]);
    memory.remove(gone);
    read(&mut memory, &files[4..]);
    assert_eq!(memory.len(), 4);
    for q in SEED_QUERIES {
        same(&memory, &parts, &mut index, q);
    }
    assert!(index
        .search("Poetin", &SearchOptions::default(), |p| Ok(
            parts[&p].clone()
        ))
        .expect("searches")
        .ranked
        .iter()
        .all(|id| *id != gone));
}

#[test]
fn a_query_loads_only_the_files_it_needs() {
    let (corpus, _) = common::seeds();
    let (files, mut index) = published(&corpus, Stemmers::default());
    same(&corpus, &files, &mut index, "Poetin");
    // A word: its dictionary and stem shards, postings, and the hits' text; no positions.
    assert!(index
        .loaded()
        .iter()
        .all(|p| !matches!(p, Part::Positions(_))));
    same(&corpus, &files, &mut index, "\"militaire operatie\"");
    assert!(index
        .loaded()
        .iter()
        .any(|p| matches!(p, Part::Positions(_))));
}

#[test]
fn an_index_keyed_with_another_word_list_is_refused() {
    let (mut corpus, _) = common::seeds();
    corpus.set_lemmas(lemmas());
    let p = publish(&corpus, "test");
    let manifest = serde_json::to_vec(&p.manifest.expect("published")).expect("a manifest");
    let docs = &p
        .files
        .iter()
        .find(|(part, _)| *part == Part::Docs)
        .expect("docs")
        .1;
    let err = PublishedIndex::open(&manifest, docs, Stemmers::default()).expect_err("refused");
    assert_eq!(err.file, "manifest.json");
    assert!(err.why.contains("word list"), "{err}");
    let err = PublishedIndex::open(b"{}", docs, Stemmers::default()).expect_err("refused");
    assert!(err.why.contains("manifest"), "{err}");
}

#[test]
fn damaged_files_are_errors_that_name_them_never_panics() {
    let (corpus, _) = common::seeds();
    let p = publish(&corpus, "test");
    let manifest = serde_json::to_vec(&p.manifest.expect("published")).expect("a manifest");
    let files: BTreeMap<Part, Vec<u8>> = p.files.into_iter().collect();
    for (&part, bytes) in &files {
        for cut in [
            0,
            1,
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len().saturating_sub(1),
        ] {
            for flip in [false, true] {
                let mut damaged = bytes[..cut].to_vec();
                if flip {
                    damaged = bytes.iter().map(|b| b ^ 0x5a).collect();
                }
                let docs = if part == Part::Docs {
                    &damaged
                } else {
                    &files[&Part::Docs]
                };
                let Ok(mut index) = PublishedIndex::open(&manifest, docs, Stemmers::default())
                else {
                    continue;
                };
                for q in ["Poetin", "\"militaire operatie\"", "Loekasjneko", "Poet*"] {
                    let r = index.search(q, &SearchOptions::default(), |asked| {
                        Ok(if asked == part {
                            damaged.clone()
                        } else {
                            files[&asked].clone()
                        })
                    });
                    if let Err(e) = r {
                        assert_eq!(e.file, part.path(), "{e}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_bbc_corpus_answers_alike_over_the_benchmark_queries() {
    let dir = format!("{}/../../../shared/corpora/bbc", env!("CARGO_MANIFEST_DIR"));
    let Ok(topics) = std::fs::read_dir(&dir) else {
        panic!("the BBC corpus at {dir}");
    };
    // One folder per topic, one file per article.
    let mut paths: Vec<_> = topics
        .flatten()
        .filter(|t| t.path().is_dir())
        .flat_map(|t| std::fs::read_dir(t.path()).expect("a topic").flatten())
        .map(|e| e.path())
        .collect();
    paths.sort();
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.to_string_lossy().into_owned(),
                std::fs::read(p).expect("a file"),
            )
        })
        .collect();
    let (corpus, _) = Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    assert!(corpus.len() > 2000);
    let (parts, mut index) = published(&corpus, Stemmers::default());
    let (batched, mut merged) = published_in_batches(&files, 300, None);
    let queries = std::fs::read_to_string(format!(
        "{}/../../bench/queries.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the query list");
    let mut n = 0;
    for line in queries
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let q = line.split('\t').nth(1).unwrap_or(line);
        same(&corpus, &parts, &mut index, q);
        same(&corpus, &batched, &mut merged, q);
        n += 1;
    }
    assert!(n > 40, "{n} queries");
}
