//! Reading files where the corpus is not (the app's Web Worker) and handing what was read to
//! where it is, as JSON text: a worker and the page share no memory, only messages.
//!
//! [`read`] does the expensive part, decoding and parsing, and keeps only what the corpus needs:
//! the articles and the messages of what failed; [`index`] builds their index segments. A
//! [`Chunk`] then adds them exactly as [`Corpus::add_files`](crate::corpus::Corpus::add_files)
//! would have.
//!
//! ```
//! use newsprism_core::ingest::transfer::{self, Chunk};
//! use newsprism_core::corpus::{Corpus, FileOutcome};
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

use super::{read_file, FileContents, Format, Ingested};
use crate::article::Article;
use crate::corpus::{index_doc, Corpus, FileOutcome};
use crate::search::index::segment::{Segment, StemCache};

/// What one file held, ready to send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Read {
    /// Its articles (one for most files, one per record for JSON), or why a record failed.
    Articles(Vec<Result<ReadArticle, Rejection>>),
    /// A project file. It replaces the whole state, so it is read again where the corpus is.
    Project {
        /// The file's name.
        file_name: String,
    },
    /// The file could not be read.
    Rejected(Rejection),
}

/// An article read from a file, with what was noticed on the way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadArticle {
    /// The article.
    pub article: Article,
    /// Notes for the user.
    pub warnings: Vec<String>,
    /// The format it was read as.
    pub format: Format,
}

/// A file (or JSON record) that could not become an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The file's name (with the record for JSON).
    pub file_name: String,
    /// Why, in the words the report shows.
    pub reason: String,
}

impl Rejection {
    /// A file the browser could not hand over, with why.
    pub fn unreadable(file_name: String, why: &str) -> Rejection {
        Rejection {
            reason: format!("“{file_name}” could not be read: {why}."),
            file_name,
        }
    }
}

impl From<ReadArticle> for Ingested {
    fn from(r: ReadArticle) -> Ingested {
        Ingested {
            article: r.article,
            warnings: r.warnings,
            format: r.format,
        }
    }
}

/// Decodes and parses a file, as [`read_file`] does, into something that can be sent.
pub fn read(file_name: &str, bytes: &[u8]) -> Read {
    let rejection = |e: crate::error::IngestError| Rejection {
        reason: e.to_string(),
        file_name: e.file_name,
    };
    match read_file(file_name, bytes) {
        Err(e) => Read::Rejected(rejection(e)),
        Ok(FileContents::Project(_)) => Read::Project {
            file_name: file_name.to_string(),
        },
        Ok(FileContents::Articles(items)) => Read::Articles(
            items
                .into_iter()
                .map(|item| {
                    item.map(|i| ReadArticle {
                        article: i.article,
                        warnings: i.warnings,
                        format: i.format,
                    })
                    .map_err(rejection)
                })
                .collect(),
        ),
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
/// [`SEGMENT_ARTICLES`] articles and [`SEGMENT_BYTES`] of text, in the order [`Chunk`] adds them.
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
            let docs: Vec<_> = group.iter().map(|a| index_doc(a)).collect();
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

/// One thing in a chunk, in file order.
#[derive(Debug)]
enum Item {
    Article(ReadArticle),
    Rejected(Rejection),
    /// A project file: the caller opens it.
    Project(usize),
    /// The end of a file's items.
    FileEnd,
}

/// What [`Chunk::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Added the articles of one segment (or of a few files with none).
    Added,
    /// This file (its index in the chunk) is a project: the caller opens it, where the whole
    /// state is.
    Project(usize),
}

/// A chunk of files read and indexed elsewhere, added to a corpus a segment at a time so the
/// caller can let the page breathe between steps. Outcomes come in file order, exactly as
/// [`Corpus::add_files`](crate::corpus::Corpus::add_files) would give them.
#[derive(Debug)]
pub struct Chunk {
    items: std::collections::VecDeque<Item>,
    segments: std::collections::VecDeque<Segment>,
    outcomes: Vec<FileOutcome>,
    files_done: usize,
}

/// How many articles a step adds when no segment is left (they are indexed where the corpus is).
const UNINDEXED_STEP: usize = 16;

impl Chunk {
    /// The files' reads and the segments [`index`] made of them.
    pub fn new(reads: Vec<Read>, segments: Vec<Segment>) -> Chunk {
        let mut items = std::collections::VecDeque::new();
        for (i, read) in reads.into_iter().enumerate() {
            match read {
                Read::Articles(list) => {
                    items.extend(list.into_iter().map(|item| match item {
                        Ok(a) => Item::Article(a),
                        Err(r) => Item::Rejected(r),
                    }));
                    items.push_back(Item::FileEnd);
                }
                Read::Rejected(r) => {
                    items.push_back(Item::Rejected(r));
                    items.push_back(Item::FileEnd);
                }
                Read::Project { .. } => items.push_back(Item::Project(i)),
            }
        }
        Chunk {
            items,
            segments: segments.into(),
            outcomes: Vec::new(),
            files_done: 0,
        }
    }

    /// Adds the next segment's articles (with the rejections among them), or hands over the
    /// next project file; `None` once everything is done.
    pub fn step(&mut self, corpus: &mut Corpus) -> Option<Step> {
        if let Some(&Item::Project(i)) = self.items.front() {
            self.items.pop_front();
            self.files_done += 1;
            return Some(Step::Project(i));
        }
        if self.items.is_empty() {
            return None;
        }
        let want = self
            .segments
            .front()
            .map_or(UNINDEXED_STEP, |s| s.covers as usize)
            .max(1);
        let mut batch = Vec::new();
        // Per outcome in order: the article's place in the batch, or a rejection.
        let mut order: Vec<Result<usize, FileOutcome>> = Vec::new();
        while let Some(item) = self.items.front() {
            match item {
                Item::Project(_) => break,
                Item::Article(_) if batch.len() == want => break,
                _ => {}
            }
            match self.items.pop_front() {
                Some(Item::Article(a)) => {
                    order.push(Ok(batch.len()));
                    batch.push(a);
                }
                Some(Item::Rejected(r)) => order.push(Err(FileOutcome::Rejected {
                    file_name: r.file_name,
                    reason: r.reason,
                })),
                Some(Item::FileEnd) => self.files_done += 1,
                Some(Item::Project(_)) | None => {}
            }
        }
        let segment = if batch.is_empty() {
            None
        } else {
            self.segments.pop_front()
        };
        let mut added: Vec<Option<FileOutcome>> = corpus
            .add_segment(batch, segment.as_ref())
            .into_iter()
            .map(Some)
            .collect();
        for o in order {
            match o {
                Ok(i) => self
                    .outcomes
                    .extend(added.get_mut(i).and_then(Option::take)),
                Err(o) => self.outcomes.push(o),
            }
        }
        Some(Step::Added)
    }

    /// How many of the chunk's files are done.
    pub fn files_done(&self) -> usize {
        self.files_done
    }

    /// The outcomes so far, taken out.
    pub fn take_outcomes(&mut self) -> Vec<FileOutcome> {
        std::mem::take(&mut self.outcomes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    /// Files read directly and files read through a message end up the same.
    #[test]
    fn a_batch_sent_as_text_adds_exactly_what_reading_it_here_adds() {
        let seeds = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&seeds)
            .expect("seeds")
            .filter_map(|e| e.ok())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("a seed"),
                )
            })
            .collect();
        files.sort();
        files.push(("leeg.txt".into(), Vec::new()));
        files.push(("scan.pdf".into(), b"%PDF-1.7\n\x00\x01\x02binary".to_vec()));
        files.push((
            "records.json".into(),
            br#"[{"title":"Een","text":"Poetin in Minsk, zegt Peskov."},{"title":"Leeg"}]"#
                .to_vec(),
        ));
        files.push(("again.txt".into(), files[0].1.clone()));
        files.push((
            "latin1.txt".into(),
            b"Caf\xe9 in Minsk: \xa315 voor een kop koffie.".to_vec(),
        ));

        let mut direct = Corpus::new();
        let expected = direct.add_files(
            files
                .iter()
                .map(|(n, b)| (n.clone(), Ok(b.clone())))
                .collect(),
        );

        let sent = to_json(&files.iter().map(|(n, b)| read(n, b)).collect::<Vec<_>>());
        let mut via = Corpus::new();
        // No segments: every article is indexed where it is added.
        let mut chunk = Chunk::new(from_json(&sent).expect("valid message"), Vec::new());
        while let Some(step) = chunk.step(&mut via) {
            assert_eq!(step, Step::Added, "no project in this batch");
        }
        let got = chunk.take_outcomes();
        assert_eq!(got, expected);
        assert_eq!(via.len(), direct.len());
        assert!(got
            .iter()
            .any(|o| matches!(o, crate::corpus::FileOutcome::Duplicate { .. })));
        assert_eq!(
            got.iter()
                .filter(|o| matches!(o, crate::corpus::FileOutcome::Rejected { .. }))
                .count(),
            3
        );
        for (a, b) in via.articles().iter().zip(direct.articles()) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_project_file_is_left_to_the_corpus_and_a_broken_message_is_an_error() {
        let project = Corpus::new().project().to_json();
        assert_eq!(
            read("mijn.newsprism.json", project.as_bytes()),
            Read::Project {
                file_name: "mijn.newsprism.json".into()
            }
        );
        assert!(from_json("[{\"Articles\":").is_err());
    }
}
