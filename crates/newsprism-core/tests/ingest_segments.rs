//! Articles read and indexed in the app's worker (files → `transfer::read` → JSON, articles →
//! `transfer::index` → segment bytes) and added a segment at a time (`corpus::batch::Chunk`) give
//! exactly the corpus, outcomes and search results that reading the same files directly gives.

mod common;

use newsprism_core::corpus::batch::{Chunk, Step};
use newsprism_core::corpus::{Corpus, FileOutcome, RestoreReport};
use newsprism_core::ingest::transfer::{self, Read};
use newsprism_core::project;
use newsprism_core::search::index::segment::{Segment, StemCache};
use newsprism_core::search::kwic::KwicSort;
use newsprism_core::search::results::SearchOptions;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("a fixture"),
            )
        })
        .collect();
    files.sort();
    files
}

/// Many articles made of the seeds' real sentences, as one JSON Lines file and as single files:
/// more than one segment's worth, with duplicates among them and of the seeds.
fn generated(seeds: &Corpus) -> Vec<(String, Vec<u8>)> {
    let sentences: Vec<String> = seeds
        .articles()
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .flat_map(|p| p.text.split(". ").map(str::to_string).collect::<Vec<_>>())
        .filter(|s| s.len() > 20)
        .collect();
    let mut lines = String::new();
    let mut singles = Vec::new();
    for i in 0..420usize {
        let text: Vec<&str> = (0..6)
            .map(|k| sentences[(i * 7 + k * 13) % sentences.len()].as_str())
            .collect();
        let body = text.join(". ");
        let record = serde_json::json!({
            "title": format!("Bericht {i}"),
            "text": body,
            "date": format!("2022-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "source": (["NOS", "NRC", "Trouw"][i % 3]),
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
        if i % 10 == 0 {
            // The same text again as a file of its own: a duplicate, in another chunk.
            singles.push((
                format!("los-{i}.txt"),
                format!("Bericht {i}\n\n{body}").into_bytes(),
            ));
        }
    }
    let mut files = vec![("berichten.jsonl".to_string(), lines.into_bytes())];
    files.extend(singles);
    files.push(("leeg.txt".into(), Vec::new()));
    files.push((
        "kapot.json".into(),
        br#"[{"title":"x","text":"Poetin"}, {"#.to_vec(),
    ));
    files
}

/// Adds the files as the app does with its worker: chunks of `per_chunk` files, each read and
/// indexed "elsewhere" and sent through JSON and bytes, then added step by step.
fn via_worker(
    corpus: &mut Corpus,
    files: &[(String, Vec<u8>)],
    per_chunk: usize,
) -> Vec<FileOutcome> {
    let mut outcomes = Vec::new();
    let mut stems = StemCache::default();
    for chunk in files.chunks(per_chunk) {
        let reads: Vec<Read> = chunk.iter().map(|(n, b)| transfer::read(n, b)).collect();
        let segments: Vec<Vec<u8>> = transfer::index(&reads, &mut stems)
            .iter()
            .map(Segment::to_bytes)
            .collect();
        let reads = transfer::from_json(&transfer::to_json(&reads)).expect("a valid message");
        let segments: Vec<Segment> = segments
            .iter()
            .map(|b| Segment::from_bytes(b).expect("a valid segment"))
            .collect();
        let mut step = Chunk::new(reads, segments);
        let mut steps = 0;
        while let Some(s) = step.step(corpus) {
            assert_eq!(s, Step::Added, "no project in these files");
            steps += 1;
        }
        assert!(steps >= 1);
        assert_eq!(step.files_done(), chunk.len());
        outcomes.extend(step.take_outcomes());
    }
    outcomes
}

/// The files read directly, into the same starting corpus: what the worker path must match.
fn read_here(files: &[(String, Vec<u8>)]) -> (Corpus, Vec<FileOutcome>) {
    let mut direct = start();
    let outcomes = direct.add_files(
        files
            .iter()
            .map(|(n, b)| (n.clone(), Ok(b.clone())))
            .collect(),
    );
    (direct, outcomes)
}

fn start() -> Corpus {
    let (mut corpus, _) = common::seeds();
    // A hidden seed is still a duplicate.
    let hidden = corpus.articles()[1].id;
    corpus.hide(hidden);
    corpus
}

#[test]
fn the_worker_path_adds_and_finds_exactly_what_reading_here_does() {
    let (seeds, _) = common::seeds();
    let mut files = fixtures();
    files.extend(generated(&seeds));
    let seed_dir = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
    for e in std::fs::read_dir(&seed_dir).expect("seeds").flatten() {
        files.push((
            format!("again-{}", e.file_name().to_string_lossy()),
            std::fs::read(e.path()).expect("a seed"),
        ));
    }

    let (direct, expected) = read_here(&files);
    for per_chunk in [1, 64] {
        let mut worker = start();
        let got = via_worker(&mut worker, &files, per_chunk);
        assert_eq!(got, expected, "outcomes, {per_chunk} files per chunk");
        assert_eq!(worker.articles(), direct.articles());
        let options = SearchOptions {
            limit: 500,
            ..SearchOptions::default()
        };
        for q in [
            "Poetin",
            "Putin",
            "Wit-Rusland",
            "\"giftige mensen\"",
            "troepen OR soldaten",
            "Loekasjenko -Poetin",
            "Loekasjenka~",
            "sanctie*",
            "source:NRC Minsk",
            "date:2022-03",
            "soldaat",
            "election",
            "mobile phones",
            "£",
        ] {
            let a = worker.search(q, &options);
            let b = direct.search(q, &options);
            assert_eq!(a, b, "“{q}”");
            assert_eq!(
                worker.kwic(&a, KwicSort::Right, 40, 200),
                direct.kwic(&b, KwicSort::Right, 40, 200),
                "“{q}” in context"
            );
        }
        let hits = worker.search("Poetin", &options).total;
        assert!(hits > 300, "the generated articles are found: {hits}");
    }
}

#[test]
fn an_incomplete_or_foreign_segment_changes_nothing_but_speed() {
    let (seeds, _) = common::seeds();
    let files = generated(&seeds);
    let (direct, expected) = read_here(&files);
    let reads: Vec<Read> = files.iter().map(|(n, b)| transfer::read(n, b)).collect();
    let mut stems = StemCache::default();
    let mut segments = transfer::index(&reads, &mut stems);
    assert!(segments.len() >= 4, "420 articles make several segments");
    // The worker's second segment went missing and one from other files took the last's place.
    segments.remove(1);
    let foreign_reads: Vec<Read> = fixtures()
        .iter()
        .map(|(n, b)| transfer::read(n, b))
        .collect();
    let last = segments.len() - 1;
    segments[last] = transfer::index(&foreign_reads, &mut StemCache::default()).remove(0);

    let mut worker = start();
    let mut chunk = Chunk::new(reads, segments);
    while chunk.step(&mut worker).is_some() {}
    assert_eq!(chunk.take_outcomes(), expected);
    let options = SearchOptions::default();
    for q in ["Poetin", "Minsk", "\"Russische troepen\"", "mobile"] {
        assert_eq!(
            worker.search(q, &options),
            direct.search(q, &options),
            "“{q}”"
        );
    }
}

/// What a reload restores: each stored article's JSON and the stored segments (one lost, one
/// from files no longer loaded, one damaged), added back as the app does.
fn restored_with_segments(stored: &[String], segments: &[Vec<u8>]) -> (Corpus, Vec<usize>) {
    let (mut corpus, _) = common::seeds();
    let mut report = RestoreReport::default();
    for json in stored {
        let article = project::article_from_json(json).expect("a stored article");
        corpus.restore_unindexed(article, &mut report);
    }
    let merged: Vec<usize> = segments
        .iter()
        .map(|b| Segment::from_bytes(b).map_or(0, |s| corpus.index_from_segment(&s)))
        .collect();
    for a in stored {
        let id = project::article_from_json(a).expect("a stored article").id;
        corpus.index_if_missing(id);
    }
    (corpus, merged)
}

#[test]
fn a_restore_that_merges_stored_segments_finds_exactly_what_indexing_again_does() {
    let (seeds, names) = common::seeds();
    let files = generated(&seeds);
    let (direct, _) = read_here(&files);
    let stored: Vec<String> = direct
        .added_ids()
        .into_iter()
        .filter_map(|id| direct.original(id).map(project::article_to_json))
        .collect();
    let reads: Vec<Read> = files.iter().map(|(n, b)| transfer::read(n, b)).collect();
    let mut segments: Vec<Vec<u8>> = transfer::index(&reads, &mut StemCache::default())
        .iter()
        .map(Segment::to_bytes)
        .collect();
    assert!(segments.len() >= 4, "420 articles make several segments");
    segments.remove(1);
    let foreign: Vec<Read> = fixtures()
        .iter()
        .map(|(n, b)| transfer::read(n, b))
        .collect();
    segments.push(transfer::index(&foreign, &mut StemCache::default())[0].to_bytes());
    segments.push(b"NPSG\x00 from an older version".to_vec());

    // Today's way: each stored article read and indexed again.
    let (mut again, _) = common::seeds();
    let mut report = RestoreReport::default();
    for json in &stored {
        again.restore_article(
            project::article_from_json(json).expect("stored"),
            &mut report,
        );
    }
    let (mut merged, counts) = restored_with_segments(&stored, &segments);
    assert_eq!(merged.articles(), again.articles());
    assert!(
        counts[0] > 0,
        "the first segment's articles came from it: {counts:?}"
    );
    let n = counts.len();
    assert_eq!(
        counts[n - 2..],
        [0, 0],
        "the foreign and the damaged segment hold nothing"
    );
    let options = SearchOptions {
        limit: 500,
        ..SearchOptions::default()
    };
    for q in [
        "Poetin",
        "\"giftige mensen\"",
        "troepen OR soldaten",
        "sanctie*",
        "source:NRC Minsk",
        "date:2022-03",
        "Loekasjenka~",
    ] {
        assert_eq!(
            merged.search(q, &options),
            again.search(q, &options),
            "“{q}”"
        );
    }

    // Near-duplicates are still told after a restore, against the restored articles too.
    let full = std::fs::read_to_string(format!(
        "{}/../../seeds/{}",
        env!("CARGO_MANIFEST_DIR"),
        names[0]
    ))
    .expect("a seed");
    let words: Vec<&str> = full.split(' ').collect();
    let half = words[..words.len() / 2].join(" ");
    let copy = stored
        .iter()
        .map(|j| project::article_from_json(j).expect("stored"))
        .find(|a| a.paragraphs.len() > 3)
        .map(|a| {
            let text: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
            (a.id, text.join("\n\n"))
        })
        .expect("a long generated article");
    let out = merged.add_files(vec![
        (
            "copy.txt".into(),
            Ok(format!("{}\n\nBijgewerkt.", copy.1).into_bytes()),
        ),
        ("seed-half.txt".into(), Ok(half.into_bytes())),
    ]);
    for (o, what) in out.iter().zip(["a restored article", "a seed"]) {
        match o {
            FileOutcome::Added { near, .. } => assert!(near.is_some(), "a copy of {what}: {o:?}"),
            other => panic!("not added: {other:?}"),
        }
    }
    assert!(
        matches!(&out[0], FileOutcome::Added { near: Some(n), .. } if n.of == copy.0),
        "{:?}",
        out[0]
    );
}
