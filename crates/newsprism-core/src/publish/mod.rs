//! A published index: the search index of a corpus written as many small static files, of
//! which a reader loads only those a query needs (the model of Pagefind), so that an archive
//! larger than one browser tab can be searched from any static host, or from disk by the
//! command line.
//!
//! The files (`newsprism index` writes each gzip-compressed, with `.gz` added to its name):
//!
//! - `manifest.json`: the format and its version, the counts BM25 needs, where each shard's
//!   range of words and stems begins, the sources, the alias table, and the word list the
//!   words were keyed with. Small: read first.
//! - `docs.bin`: every document's key, length, language, source, date and whether an update
//!   removed it (what filters, facets and BM25 read of every match).
//! - `dict/N.bin`: the word forms in sorted order, a shard each range: per word its text,
//!   document frequency and where its postings and positions are.
//! - `post/N.bin`: postings (document gaps and weighted term frequencies), cut into files of
//!   about [`BLOB_BYTES`]; `pos/N.bin`: positions, read only for phrases.
//! - `stems/S-N.bin`: per stem slot (Dutch, English, plain), stem → word forms, in sorted
//!   ranges as the dictionary.
//! - `text/K/N.jsonl`: the articles themselves, [`TEXT_DOCS`] a file (1,024 files a folder), for
//!   snippets and reading.
//!
//! A word's term id is its rank in the sorted dictionary; a document's slot is its rank among
//! the corpus's documents in index order, so that a published index ranks exactly as the
//! in-memory one (ties go to the lower slot in both). Every file is checked as it is read: a
//! damaged or foreign file is an error naming the file, never a panic.

mod files;
mod merge;
mod read;
mod write;

pub use read::PublishedIndex;
pub use write::{publish, Builder, Published, ResumeState};

use serde::{Deserialize, Serialize};

use crate::text::language::Language;

/// The languages, by a document's language byte in `docs.bin`.
const LANGUAGES: [Language; 5] = [
    Language::Dutch,
    Language::English,
    Language::German,
    Language::French,
    Language::Unknown,
];

/// What the manifest says the files are.
pub const FORMAT: &str = "newsprism-index";
/// The version of the files' layout; a reader refuses any other.
pub const VERSION: u32 = 2;
/// Word forms per dictionary shard (and stems per stem shard).
pub const DICT_TERMS: usize = 1024;
/// About how many bytes a postings or positions file holds (one word's postings are never cut).
pub const BLOB_BYTES: usize = 16 * 1024;
/// A document's flag in `docs.bin`: removed by an update (its slot stays, so that the others
/// keep theirs; its postings and text are gone).
const REMOVED: u8 = 1;
/// Articles per text file (one: an article's file is its slot's, so an update can remove it).
pub const TEXT_DOCS: usize = 1;

/// The manifest: everything a reader needs before its first query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The layout's version ([`VERSION`]).
    pub version: u32,
    /// The document slots (articles indexed, and any an update removed since).
    pub documents: usize,
    /// Of which removed by updates.
    #[serde(default)]
    pub removed: usize,
    /// The distinct word forms.
    pub terms: usize,
    /// The average field-weighted document length, as the bits of an `f32` (exact).
    pub average_length_bits: u32,
    /// The first word of each dictionary shard.
    pub dict: Vec<String>,
    /// Postings and positions files.
    pub post_files: usize,
    /// Positions files.
    pub pos_files: usize,
    /// Per stem slot (Dutch, English, plain words): the first stem of each shard.
    pub stems: [Vec<String>; 3],
    /// Text files.
    pub text_files: usize,
    /// The sources named by the documents (a document's source is an index into this).
    pub sources: Vec<String>,
    /// The alias table the index was published with.
    pub aliases: Vec<Vec<String>>,
    /// The word list the words were keyed with: its Dutch and English entries (none: stems).
    pub lexicon: Option<[usize; 2]>,
    /// What wrote it.
    pub generator: String,
}

impl Manifest {
    /// Reads a manifest, checking that it is one of this format and version.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, ReadError> {
        let fail = |why: String| ReadError {
            file: "manifest.json".into(),
            why,
        };
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| fail(format!("not a Newsprism index manifest ({e})")))?;
        if manifest.format != FORMAT || manifest.version != VERSION {
            return Err(fail(format!(
                "format {} version {}; this reader reads {FORMAT} version {VERSION}",
                manifest.format, manifest.version
            )));
        }
        Ok(manifest)
    }
}

/// Where a published index's files go while it is written.
pub trait Store {
    /// Writes one of the index's files (uncompressed bytes; the store may compress them).
    fn write(&mut self, part: Part, bytes: Vec<u8>) -> Result<(), String>;
    /// Removes one of the index's files (an article an update removed).
    fn remove(&mut self, part: Part) -> Result<(), String>;
    /// Keeps a batch's run until the merge; runs are numbered from 0 in the order kept.
    fn keep_run(&mut self, bytes: Vec<u8>) -> Result<(), String>;
    /// Reads run `n` back, from its start.
    fn read_run(&mut self, n: usize) -> Result<Box<dyn std::io::Read>, String>;
}

/// One file of a published index, by what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// `docs.bin`.
    Docs,
    /// `dict/N.bin`.
    Dict(u32),
    /// `post/N.bin`.
    Postings(u32),
    /// `pos/N.bin`.
    Positions(u32),
    /// `stems/S-N.bin`.
    Stems(u8, u32),
    /// `text/K/N.jsonl`.
    Text(u32),
}

impl Part {
    /// The file's path inside the index's folder (without the `.gz` a compressed copy adds).
    pub fn path(self) -> String {
        match self {
            Part::Docs => "docs.bin".to_string(),
            Part::Dict(n) => format!("dict/{n}.bin"),
            Part::Postings(n) => format!("post/{n}.bin"),
            Part::Positions(n) => format!("pos/{n}.bin"),
            Part::Stems(s, n) => format!("stems/{s}-{n}.bin"),
            // A thousand files a folder at most.
            Part::Text(n) => format!("text/{}/{n}.jsonl", n / 1024),
        }
    }
}

/// What went wrong reading a published index: the file, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// The file (its path inside the index).
    pub file: String,
    /// Why, in plain words.
    pub why: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.why)
    }
}

impl std::error::Error for ReadError {}
