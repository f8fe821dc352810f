//! The BBC News corpus for the benchmark and the profiling example: every `.txt` below the
//! corpus folder in path order, first line the title, the rest the body. Decoded with Newsprism's
//! own decoder, so the one Latin-1 file (sport/199.txt) reads correctly.

use std::path::{Path, PathBuf};

/// One article.
pub struct Doc {
    pub title: String,
    pub body: String,
}

/// `BBC_DIR`, or `../shared/corpora/bbc` beside the checkout.
pub fn dir() -> PathBuf {
    std::env::var_os("BBC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/bbc")
        })
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}

/// The articles below `dir`; panics with the folder's name if there are none.
pub fn load(dir: &Path) -> Vec<Doc> {
    let docs: Vec<Doc> = sorted_entries(dir)
        .into_iter()
        .filter(|p| p.is_dir())
        .flat_map(|cat| sorted_entries(&cat))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| newsprism_core::ingest::encoding::decode(&bytes).ok())
        .map(|d| {
            let (title, body) = d.text.split_once('\n').unwrap_or((&d.text, ""));
            Doc {
                title: title.trim().to_string(),
                body: body.trim().to_string(),
            }
        })
        .collect();
    assert!(
        !docs.is_empty(),
        "no articles in {} (set BBC_DIR)",
        dir.display()
    );
    docs
}
