//! A batch from the ingest workers: files read and indexed elsewhere
//! ([`crate::ingest::transfer`]), added to a corpus a segment at a time so the caller can let
//! the page breathe between steps.

use std::collections::VecDeque;

use super::{Corpus, FileOutcome};
use crate::error::IngestError;
use crate::ingest::transfer::Read;
use crate::ingest::Ingested;
use crate::search::index::segment::Segment;

/// One thing in a chunk, in file order.
#[derive(Debug)]
enum Item {
    Article(Ingested),
    Rejected(IngestError),
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

/// A chunk of files read (and usually indexed) elsewhere. Outcomes come in file order, exactly
/// as [`Corpus::add_files`] would give them.
#[derive(Debug)]
pub struct Chunk {
    items: VecDeque<Item>,
    segments: VecDeque<Segment>,
    outcomes: Vec<FileOutcome>,
    files_done: usize,
}

/// How many articles a step adds when no segment is left (they are indexed where the corpus is).
const UNINDEXED_STEP: usize = 16;

impl Chunk {
    /// The files' reads and the segments [`crate::ingest::transfer::index`] made of them (none
    /// when the files were read where the corpus is: each article is then indexed as it is
    /// added).
    pub fn new(reads: Vec<Read>, segments: Vec<Segment>) -> Chunk {
        let mut items = VecDeque::new();
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
                Some(Item::Rejected(r)) => order.push(Err(FileOutcome::Rejected(r))),
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
    use crate::ingest::transfer::{from_json, read, to_json};

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
        crate::sorting::sort(&mut files);
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
            .any(|o| matches!(o, FileOutcome::Duplicate { .. })));
        assert_eq!(
            got.iter()
                .filter(|o| matches!(o, FileOutcome::Rejected(_)))
                .count(),
            3
        );
        for (a, b) in via.articles().iter().zip(direct.articles()) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_project_file_in_a_chunk_is_handed_to_the_caller() {
        let project = Corpus::new().project().to_json();
        let reads = vec![
            read("a.txt", "Poetin sprak in Minsk.".as_bytes()),
            read("mijn.newsprism.json", project.as_bytes()),
        ];
        let mut corpus = Corpus::new();
        let mut chunk = Chunk::new(reads, Vec::new());
        assert_eq!(chunk.step(&mut corpus), Some(Step::Added));
        assert_eq!(chunk.step(&mut corpus), Some(Step::Project(1)));
        assert_eq!(chunk.step(&mut corpus), None);
        assert_eq!(chunk.files_done(), 2);
        assert_eq!(corpus.len(), 1);
    }
}
