//! Files read where the corpus is not (an ingest worker), as one message to where it is: a
//! worker and the page share no memory, only messages.
//!
//! [`read`] does the expensive part, decoding and parsing, and keeps only what the corpus needs:
//! the articles and the errors of what failed, as [`Read`]s, which travel as JSON
//! ([`to_json`], [`from_json`]); [`index`] builds their index segments. This module knows
//! nothing of the corpus: [`crate::corpus::batch::Chunk`] adds what arrives.
//!
//! ```
//! use newsprism_core::corpus::batch::Chunk;
//! use newsprism_core::corpus::{Corpus, FileOutcome};
//! use newsprism_core::ingest::transfer;
//! use newsprism_core::search::index::segment::StemCache;
//! let reads = [transfer::read("a.txt", "Poetin sprak in Minsk.".as_bytes())];
//! let segments = transfer::index(&reads, &mut StemCache::default());
//! let sent = transfer::to_json(&reads);
//! let mut corpus = Corpus::new();
//! let Ok(files) = transfer::from_json(&sent) else { panic!("a valid message") };
//! let mut chunk = Chunk::new(files, segments);
//! while chunk.step(&mut corpus).is_some() {}
//! assert!(matches!(chunk.take_outcomes()[0], FileOutcome::Added { .. }));
//! ```

use serde::{Deserialize, Serialize};

use super::{read_file, FileContents, Ingested};
use crate::article::Article;
use crate::error::IngestError;
use crate::search::index::segment::{Segment, StemCache};
use crate::search::index::IndexDoc;

/// What one file held, ready to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Read {
    /// Its articles (one for most files, one per record for JSON), or why a record failed.
    Articles(Vec<Result<Ingested, IngestError>>),
    /// A project file. It replaces the whole state, so it is read again where the corpus is.
    Project {
        /// The file's name.
        file_name: String,
    },
    /// The file could not be read.
    Rejected(IngestError),
}

/// Decodes and parses a file, as [`read_file`] does, into something that can be sent.
pub fn read(file_name: &str, bytes: &[u8]) -> Read {
    match read_file(file_name, bytes) {
        Err(e) => Read::Rejected(e),
        Ok(FileContents::Project(_)) => Read::Project {
            file_name: file_name.to_string(),
        },
        Ok(FileContents::Articles(items)) => Read::Articles(items),
    }
}

/// Several files' results as one message.
pub fn to_json(items: &[Read]) -> String {
    // Articles are plain data (strings, numbers, enums): serialising them cannot fail.
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// A message back into results; an error says what was wrong with it.
pub fn from_json(text: &str) -> Result<Vec<Read>, String> {
    serde_json::from_str(text).map_err(|e| format!("the worker's message could not be read: {e}"))
}

/// The most articles one segment stands for: merging a segment is one step on the receiving
/// side, and a step must stay short.
pub const SEGMENT_ARTICLES: usize = 128;

/// The most text (in bytes) one segment indexes, unless a single article is longer.
pub const SEGMENT_BYTES: usize = 512 * 1024;

/// Indexes the articles of these files (in order, across files) as segments of at most
/// [`SEGMENT_ARTICLES`] articles and [`SEGMENT_BYTES`] of text, in the order they are added.
/// `stems` is kept from one call to the next by whoever indexes chunk after chunk.
pub fn index(reads: &[Read], stems: &mut StemCache) -> Vec<Segment> {
    let articles = reads.iter().flat_map(|r| match r {
        Read::Articles(items) => items.iter().filter_map(|i| i.as_ref().ok()).collect(),
        _ => Vec::new(),
    });
    let mut segments = Vec::new();
    let mut group: Vec<&Article> = Vec::new();
    let mut bytes = 0usize;
    let mut flush = |group: &mut Vec<&Article>| {
        if !group.is_empty() {
            let docs: Vec<_> = group.iter().map(|a| IndexDoc::of(a)).collect();
            segments.push(Segment::build_with(&docs, group.len() as u32, stems));
            group.clear();
        }
    };
    for read in articles {
        let size = text_bytes(&read.article);
        if group.len() == SEGMENT_ARTICLES || (!group.is_empty() && bytes + size > SEGMENT_BYTES) {
            flush(&mut group);
            bytes = 0;
        }
        bytes += size;
        group.push(&read.article);
    }
    flush(&mut group);
    segments
}

fn text_bytes(a: &Article) -> usize {
    a.title.len() + a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_file_is_left_to_the_corpus_and_a_broken_message_is_an_error() {
        let project = crate::project::Project::new(Default::default(), Vec::new()).to_json();
        assert_eq!(
            read("mijn.newsprism.json", project.as_bytes()),
            Read::Project {
                file_name: "mijn.newsprism.json".into()
            }
        );
        assert!(from_json("[{\"Articles\":").is_err());
    }

    #[test]
    fn a_read_survives_the_message_unchanged() {
        let reads = vec![
            read("a.txt", " date 2022-12 Poetin sprak in Minsk.".as_bytes()),
            read("scan.pdf", b"%PDF-1.7\n\x00\x01"),
            Read::Rejected(IngestError::unreadable("weg.txt", "it was moved")),
        ];
        assert_eq!(from_json(&to_json(&reads)), Ok(reads));
    }
}
