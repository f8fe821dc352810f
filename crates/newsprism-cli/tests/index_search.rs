//! `newsprism index` and `newsprism search`: a published index of the seeds and of the BBC
//! corpus answers as the app's in-memory search does (the same articles, in the same order,
//! with the same scores), reading only some of its files; bad folders and damaged files are
//! errors that name them, with the exit codes the README documents.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use newsprism_core::corpus::Corpus;
use newsprism_core::search::results::SearchOptions;
use newsprism_core::text::lemma::Lemmas;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprism"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A fresh folder for an index, under the build's own temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The files under `dir`, as the CLI names them (relative to the folder's parent).
fn corpus_of(dir: &Path) -> Corpus {
    fn walk(root: &Path, path: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("a folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            if e.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if e.is_dir() {
                walk(root, &e, out);
            } else {
                let name = e.strip_prefix(root.parent().unwrap_or(root)).unwrap_or(&e);
                out.push((
                    name.to_string_lossy().into_owned(),
                    std::fs::read(&e).expect("a file"),
                ));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    let mut corpus = Corpus::new();
    let text = std::fs::read_to_string(repo().join("crates/newsprism-core/data/lexicon.txt"))
        .expect("the lexicon");
    corpus.set_lemmas(Arc::new(Lemmas::parse(&text).expect("a lexicon")));
    corpus.add_files(files.into_iter().map(|(n, b)| (n, Ok(b))).collect());
    corpus
}

/// The CLI's answer and the in-memory search's agree: total, and the hits' ids and scores.
fn agree(corpus: &Corpus, index: &Path, q: &str, aliases: bool) -> Value {
    let mut args = vec![
        "search",
        index.to_str().expect("a path"),
        q,
        "--format",
        "json",
        "--limit",
        "100",
    ];
    if !aliases {
        args.push("--no-aliases");
    }
    let out = run(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{q}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let want = corpus.search(
        q,
        &SearchOptions {
            aliases,
            limit: 100,
            ..SearchOptions::default()
        },
    );
    assert_eq!(got["total"].as_u64(), Some(want.total as u64), "{q}");
    // Scores are `f32`s, printed as such.
    let got_hits: Vec<(String, f32)> = got["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["id"].as_str().expect("an id").to_string(),
                h["score"].as_f64().expect("a score") as f32,
            )
        })
        .collect();
    let want_hits: Vec<(String, f32)> = want
        .hits
        .iter()
        .map(|h| (h.id.to_string(), h.score))
        .collect();
    assert_eq!(got_hits, want_hits, "{q} (aliases {aliases})");
    got
}

#[test]
fn the_seeds_indexed_and_searched_as_the_app_searches() {
    let out_dir = scratch("seeds-index");
    let seeds = repo().join("seeds");
    let out = run(&[
        "index",
        seeds.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("manifest.json").exists());
    assert!(
        out_dir.join(".runs/state.json").exists(),
        "the runs are kept for updates"
    );
    let corpus = corpus_of(&seeds);
    for q in [
        "Belarus",
        "Poetin NOT Minsk",
        "\"militaire operatie\"",
        "Lukas*",
        "winnen",
        "Loekasjneko",
    ] {
        for aliases in [true, false] {
            agree(&corpus, &out_dir, q, aliases);
        }
    }
    let typo = agree(&corpus, &out_dir, "Loekasjneko", true);
    assert_eq!(typo["suggestions"][0], "Did you mean Loekasjenko?");
    let belarus = agree(&corpus, &out_dir, "Belarus", true);
    assert!(belarus["hits"][0]["snippet"]
        .as_str()
        .unwrap_or("")
        .contains("**Belarus**"));
    assert!(belarus["hits"][0]["file"]
        .as_str()
        .unwrap_or("")
        .starts_with("seeds/"));
    // Indexing again into the same folder replaces the index.
    let again = run(&[
        "index",
        seeds.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--batch",
        "2",
    ]);
    assert_eq!(again.status.code(), Some(0));
    agree(&corpus, &out_dir, "Belarus", true);
}

#[test]
fn the_bbc_corpus_indexed_in_batches_searches_as_one_corpus() {
    let bbc = repo().join("../shared/corpora/bbc");
    let out_dir = scratch("bbc-index");
    let out = run(&[
        "index",
        bbc.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--batch",
        "700",
    ]);
    // The corpus's repeated articles are named and left out, as the app leaves them out.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("the same text as article"));
    let corpus = corpus_of(&bbc);
    assert!(corpus.len() > 2000);
    for q in [
        "economy",
        "\"prime minister\"",
        "blair OR brown",
        "elect*",
        "chelsae~1",
        "film NOT oscar",
        "lang:en music",
    ] {
        let a = agree(&corpus, &out_dir, q, true);
        // A query reads a small part of the index.
        assert!(
            a["bytes_read"].as_u64().unwrap_or(u64::MAX) < 600_000,
            "{q}: {}",
            a["bytes_read"]
        );
    }
}

#[test]
fn bad_folders_and_damaged_files_are_named_with_their_exit_codes() {
    // A folder with other files in it is never written to.
    let foreign = scratch("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let seeds = repo().join("seeds");
    let out = run(&[
        "index",
        seeds.to_str().unwrap(),
        "--out",
        foreign.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing"));
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "mine"
    );
    // No index there.
    let out = run(&["search", foreign.to_str().unwrap(), "Poetin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("manifest.json"));
    // A damaged postings file: the search fails naming it.
    let dir = scratch("damaged");
    assert_eq!(
        run(&[
            "index",
            seeds.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap()
        ])
        .status
        .code(),
        Some(0)
    );
    std::fs::write(dir.join("post/0.bin.gz"), b"not gzip at all").unwrap();
    let out = run(&["search", dir.to_str().unwrap(), "Poetin"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("post/0.bin"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The hits of a search of the index, as (id, score to four places), sorted by id: an updated
/// index ranks the same articles with the same scores as one written afresh (ties may fall in
/// another order, as the articles sit in another order).
fn found(index: &Path, q: &str) -> Vec<(String, i64)> {
    let out = run(&[
        "search",
        index.to_str().unwrap(),
        q,
        "--format",
        "json",
        "--limit",
        "100",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut hits: Vec<(String, i64)> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            let score = h["score"].as_f64().expect("a score");
            (
                h["id"].as_str().expect("an id").to_string(),
                (score * 1e4).round() as i64,
            )
        })
        .collect();
    hits.sort();
    hits
}

#[test]
fn an_update_reads_only_what_changed_and_searches_as_a_fresh_index() {
    let seeds: Vec<PathBuf> = {
        let mut s: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        s.sort();
        s
    };
    let files = scratch("update-files");
    std::fs::create_dir_all(&files).unwrap();
    for s in &seeds[..3] {
        std::fs::copy(s, files.join(s.file_name().unwrap())).unwrap();
    }
    let dir = scratch("update-index");
    let (f, d) = (files.to_str().unwrap(), dir.to_str().unwrap());
    assert_eq!(run(&["index", f, "--out", d]).status.code(), Some(0));
    // Nothing there to update: refused.
    let none = scratch("update-none");
    assert_eq!(
        run(&["index", f, "--out", none.to_str().unwrap(), "--update"])
            .status
            .code(),
        Some(2)
    );
    // One seed gone, one changed, one new.
    std::fs::remove_file(files.join(seeds[0].file_name().unwrap())).unwrap();
    let changed = files.join(seeds[1].file_name().unwrap());
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nEen nieuwe alinea over Minsk en de Kremlin-top.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::copy(&seeds[3], files.join(seeds[3].file_name().unwrap())).unwrap();
    let out = run(&["index", f, "--out", d, "--update"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(
        said.contains("1 files as they were, 2 articles removed, 2 files to read"),
        "{said}"
    );
    // As an index written afresh from the files as they are now.
    let fresh = scratch("update-fresh");
    assert_eq!(
        run(&["index", f, "--out", fresh.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    for q in [
        "Poetin",
        "Minsk",
        "Kremlin-top",
        "\"militaire operatie\"",
        "Loekasjenko NOT Minsk",
        "Lukas*",
    ] {
        assert_eq!(found(&dir, q), found(&fresh, q), "{q}");
    }
    // The removed article's text is gone from the folder.
    let texts =
        |d: &Path| -> usize { std::fs::read_dir(d.join("text/0")).map_or(0, |r| r.count()) };
    assert_eq!(texts(&dir), 3);
}
