//! Finding and reading files as the app does: folders walked in name order (hidden entries
//! skipped, a saved page's companion folder left out), each file read into a corpus with the
//! same formats, encodings, headers and duplicate checks, and the same Dutch word list.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use newsprism_core::corpus::{Corpus, FileOutcome};
use newsprism_core::ingest::companions::page_companions;
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::ArticleId;

/// The Dutch lexicon the app loads beside the page.
const LEXICON: &str = include_str!("../../newsprism-core/data/lexicon.txt");

/// The built-in word list, read once (none, with a warning, if it cannot be read: words are
/// then stemmed, as in the app before its word list has loaded).
pub fn lexicon() -> Option<Arc<Lemmas>> {
    static LEMMAS: OnceLock<Option<Arc<Lemmas>>> = OnceLock::new();
    LEMMAS
        .get_or_init(|| match Lemmas::parse(LEXICON) {
            Ok(lemmas) => Some(Arc::new(lemmas)),
            Err(e) => {
                eprintln!(
                    "newsprism: the built-in lexicon could not be read ({e}); words are stemmed"
                );
                None
            }
        })
        .clone()
}

/// An empty corpus that keys words as the app's does once its word list has loaded.
pub fn corpus() -> Corpus {
    let mut corpus = Corpus::new();
    if let Some(lemmas) = lexicon() {
        corpus.set_lemmas(lemmas);
    }
    corpus
}

/// The files under `paths` (name as the app sees a dropped folder's files, and path), and
/// whether some path could not be read (each named on stderr).
pub fn gather(paths: &[PathBuf]) -> (Vec<(String, PathBuf)>, bool) {
    let mut failed = false;
    let mut files = Vec::new();
    for path in paths {
        if let Err(why) = collect(path, path, &mut files) {
            eprintln!("newsprism: {}: {why}", path.display());
            failed = true;
        }
    }
    // The folder beside a page saved "complete" holds its images and scripts, not articles.
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let skip = page_companions(&names);
    let files = files
        .into_iter()
        .zip(skip)
        .filter_map(|(f, skip)| (!skip).then_some(f))
        .collect();
    (files, failed)
}

/// Reads files into the corpus, saying on stderr what was left out and why, and how far it has
/// come every 200 files of a long run (`done` files of `total` were read before these). Returns
/// the articles added, in order, and whether some file could not be read or held no article.
pub fn read_into(
    corpus: &mut Corpus,
    files: Vec<(String, PathBuf)>,
    (done, total): (usize, usize),
) -> (Vec<ArticleId>, bool) {
    let mut failed = false;
    let mut ids = Vec::new();
    for (n, (name, path)) in files.into_iter().enumerate() {
        let read = done + n + 1;
        if total >= 200 && read % 200 == 0 {
            eprintln!("newsprism: reading file {read} of {total}");
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string());
        for outcome in corpus.add_files(vec![(name, bytes)]) {
            match outcome {
                FileOutcome::Added { id, .. } => ids.push(id),
                FileOutcome::Duplicate { file_name, of } => {
                    eprintln!("newsprism: {file_name}: the same text as article {of}, left out");
                }
                FileOutcome::Rejected(e) => {
                    eprintln!("newsprism: {e}");
                    failed = true;
                }
                FileOutcome::ProjectOpened { file_name, .. } => {
                    eprintln!("newsprism: {file_name}: a Newsprism project; its articles are read");
                    ids = corpus.articles().iter().map(|a| a.id).collect();
                }
            }
        }
    }
    (ids, failed)
}

/// Adds `path` (a file, or every file under a folder, in name order) to `files` as (its name
/// relative to the folder given, as the app sees a dropped folder's files; its path).
fn collect(root: &Path, path: &Path, files: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_file() {
        let name = if root == path {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        } else {
            let base = root.parent().unwrap_or(root);
            path.strip_prefix(base)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned()
        };
        files.push((name, path.to_path_buf()));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden {
            collect(root, &entry, files)?;
        }
    }
    Ok(())
}
