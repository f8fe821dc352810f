//! Adding files: sent to the ingest workers a chunk at a time when they run, read on this page
//! otherwise, and added to the corpus through one door ([`Chunk`]) either way, in slices so
//! the page stays responsive. The report of a batch says what happened to each file and where
//! the files were read.

use leptos::prelude::*;
use std::collections::VecDeque;
use std::fmt;

use futures::future::join_all;
use newsprism_core::article::ArticleId;
use newsprism_core::corpus::batch::{Chunk, Step};
use newsprism_core::corpus::near::NearDuplicate;
use newsprism_core::corpus::FileOutcome;
use newsprism_core::error::{IngestError, IngestErrorKind};
use newsprism_core::ingest::transfer::{self, Read};
use newsprism_core::ingest::{self, FileContents};
use newsprism_core::project::Project;
use newsprism_core::search::index::segment::Segment;

use super::persist::SLICE_MS;
use super::plan::{next_chunk, WORKER_CHUNK, WORKER_CHUNK_BYTES};
use super::AppState;
use crate::browser::files::PendingFile;
use crate::browser::timer::{yield_now, Slices};
use crate::browser::worker::{IngestWorker, WorkerRead};

/// How far a batch of files has got.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Files done.
    pub files_done: usize,
    /// Files in the batch.
    pub files_total: usize,
    /// Bytes done.
    pub bytes_done: f64,
    /// Bytes in the batch.
    pub bytes_total: f64,
    /// Where the files are being read, once that is known.
    pub read_where: Option<ReadWhere>,
}

/// Where a batch's files were read and indexed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadWhere {
    /// In this many background workers.
    Workers(usize),
    /// Begun in background workers; one stopped, so the rest was read on this page.
    PartlyOnPage,
    /// On this page, because no worker could start (why).
    OnPage(String),
}

impl fmt::Display for ReadWhere {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadWhere::Workers(1) => write!(f, "in a background worker"),
            ReadWhere::Workers(n) => write!(f, "in {n} background workers"),
            ReadWhere::PartlyOnPage => {
                write!(f, "partly on this page: the background worker stopped")
            }
            ReadWhere::OnPage(why) => write!(f, "on this page: {why}"),
        }
    }
}

/// What happened to the last batch the user added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchReport {
    /// One outcome per file (per record for JSON), in file order.
    pub outcomes: Vec<FileOutcome>,
    /// Files left unread because the user cancelled.
    pub cancelled: usize,
    /// Where the files were read (none for pasted text).
    pub read_where: Option<ReadWhere>,
}

/// How many files of a batch were added, skipped as duplicates, or rejected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchCounts {
    /// Added as new articles.
    pub added: usize,
    /// Of those, near-duplicates of an article already loaded.
    pub near: usize,
    /// The same text was already loaded.
    pub duplicates: usize,
    /// Not read, with a reason.
    pub rejected: usize,
}

impl BatchReport {
    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty() && self.cancelled == 0
    }

    /// The report's heading numbers.
    pub fn counts(&self) -> BatchCounts {
        let mut n = BatchCounts::default();
        for o in &self.outcomes {
            match o {
                FileOutcome::Added { near, .. } => {
                    n.added += 1;
                    n.near += usize::from(near.is_some());
                }
                FileOutcome::Duplicate { .. } => n.duplicates += 1,
                FileOutcome::Rejected(_) => n.rejected += 1,
                FileOutcome::ProjectOpened { .. } => {}
            }
        }
        n
    }

    /// The articles the batch added that nearly copy one already loaded: (file name, new
    /// article, what it copies), in file order.
    pub fn near_duplicates(&self) -> Vec<(&str, ArticleId, NearDuplicate)> {
        self.outcomes
            .iter()
            .filter_map(|o| match o {
                FileOutcome::Added {
                    file_name,
                    id,
                    near: Some(near),
                    ..
                } => Some((file_name.as_str(), *id, *near)),
                _ => None,
            })
            .collect()
    }

    /// The first `max` articles the batch added, in file order.
    pub fn added_ids(&self, max: usize) -> Vec<ArticleId> {
        self.outcomes
            .iter()
            .filter_map(|o| match o {
                FileOutcome::Added { id, .. } => Some(*id),
                _ => None,
            })
            .take(max)
            .collect()
    }
}

/// How many messages are out with each worker at once, so it reads the next while this thread
/// adds the last.
const WORKER_AHEAD: usize = 3;

/// How many files are read from disk at once when they are read on this page.
const READ_AHEAD: usize = 32;

/// A batch being added: what happened so far, and how far it got.
struct Run {
    outcomes: Vec<FileOutcome>,
    progress: Progress,
    slices: Slices,
}

impl Run {
    /// One file done: counts it, and lets the page paint once the slice is spent.
    async fn done(&mut self, state: &AppState, size: f64) {
        self.progress.files_done += 1;
        self.progress.bytes_done += size;
        self.pause_if_due(state).await;
    }

    /// Lets the page paint (showing the progress) once the slice is spent.
    async fn pause_if_due(&mut self, state: &AppState) {
        if self.slices.due() {
            state.progress.set(Some(self.progress.clone()));
            self.slices.pause().await;
        }
    }

    /// Says where the files are read, in the progress bar at once.
    fn read_where(&mut self, state: &AppState, read_where: ReadWhere) {
        self.progress.read_where = Some(read_where);
        state.progress.set(Some(self.progress.clone()));
    }
}

/// Where a chunk's project files are read from when [`Step::Project`] hands one over.
enum Projects {
    /// Files a worker read: read again here, where the whole state is.
    Pending(Vec<Option<PendingFile>>),
    /// Files read on this page: the bytes of those that are projects.
    Held(Vec<Option<(String, Vec<u8>)>>),
}

impl AppState {
    /// Reads, parses and indexes a batch of files (leaving out the `_files/` folders of saved
    /// pages in it): in the ingest workers when they can run (on
    /// this thread otherwise), added to the corpus here in slices so the page stays responsive;
    /// shows progress, stops when cancelled, and keeps the report of what happened to each file.
    pub fn ingest(&self, files: Vec<PendingFile>) {
        // The folder beside a page saved "complete" holds its images and scripts, not articles.
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let companion = newsprism_core::ingest::companions::page_companions(&names);
        let files: Vec<PendingFile> = files
            .into_iter()
            .zip(companion)
            .filter_map(|(f, skip)| (!skip).then_some(f))
            .collect();
        if files.is_empty() || self.progress.get_untracked().is_some() {
            return;
        }
        let state = *self;
        state.cancel.set(false);
        let progress = Progress {
            files_total: files.len(),
            bytes_total: files.iter().map(|f| f.size).sum(),
            ..Progress::default()
        };
        state.progress.set(Some(progress.clone()));
        leptos::task::spawn_local(async move {
            // Files dropped while the stored articles are still coming back wait for them, so
            // that what they add is stored too.
            while matches!(state.storage.get_untracked(), super::Storage::Restoring(_)) {
                yield_now().await;
            }
            let mut run = Run {
                outcomes: Vec::new(),
                progress,
                slices: Slices::new(SLICE_MS),
            };
            let mut files: VecDeque<PendingFile> = files.into();
            // Whatever the workers cannot do (all of it, when there are none) is done here.
            match IngestWorker::pool().await {
                Ok(workers) => {
                    run.read_where(&state, ReadWhere::Workers(workers.len()));
                    state.ingest_in_worker(&workers, &mut files, &mut run).await;
                    if !files.is_empty() && !state.cancel.get_untracked() {
                        run.read_where(&state, ReadWhere::PartlyOnPage);
                    }
                }
                Err(why) => run.read_where(&state, ReadWhere::OnPage(why)),
            }
            state.ingest_here(&mut files, &mut run).await;
            state.corpus.notify();
            let report = BatchReport {
                outcomes: run.outcomes,
                cancelled: files.len(),
                read_where: run.progress.read_where,
            };
            state.after_batch(&report.outcomes);
            state.report.set(report);
            state.progress.set(None);
            state.join_stored_segments().await;
        });
    }

    /// Sends the files to the workers a chunk at a time, in turn, a few chunks ahead each, and
    /// adds what comes back in the order it was sent. Returns with the files not done in
    /// `files`: those not sent when cancelled, or, if a worker stopped, every file not yet
    /// answered for.
    async fn ingest_in_worker(
        &self,
        workers: &[IngestWorker],
        files: &mut VecDeque<PendingFile>,
        run: &mut Run,
    ) {
        type Reply =
            std::pin::Pin<Box<dyn std::future::Future<Output = Result<WorkerRead, String>>>>;
        let mut out: VecDeque<(Vec<PendingFile>, Reply)> = VecDeque::new();
        let mut sent = 0usize;
        loop {
            while out.len() < WORKER_AHEAD * workers.len()
                && !self.cancel.get_untracked()
                && !files.is_empty()
            {
                let n = next_chunk(
                    files.iter().map(|f| f.size),
                    WORKER_CHUNK,
                    WORKER_CHUNK_BYTES,
                );
                let chunk: Vec<PendingFile> = files.drain(..n).collect();
                // Round robin; answers are taken in the order the chunks were sent.
                let reply: Reply = Box::pin(workers[sent % workers.len()].read(&chunk));
                sent += 1;
                out.push_back((chunk, reply));
            }
            let Some((chunk, reply)) = out.pop_front() else {
                return;
            };
            match reply.await {
                Ok(read) => {
                    let sizes = chunk.iter().map(|f| f.size).collect();
                    let projects = Projects::Pending(chunk.into_iter().map(Some).collect());
                    self.save_segments(read.bytes);
                    self.take_chunk(read.reads, read.segments, sizes, projects, run)
                        .await
                }
                Err(_) => {
                    // The worker stopped: this chunk and those still out go back, in order.
                    let mut back = chunk;
                    back.extend(out.drain(..).flat_map(|(c, _)| c));
                    for f in back.into_iter().rev() {
                        files.push_front(f);
                    }
                    return;
                }
            }
        }
    }

    /// Reads files on this thread, a few at a time, until they are done or the user cancels;
    /// what they hold is added exactly as a worker's answer is, only without segments.
    async fn ingest_here(&self, files: &mut VecDeque<PendingFile>, run: &mut Run) {
        while !self.cancel.get_untracked() && !files.is_empty() {
            // A few files are read at once: each read is a round trip to the browser's file
            // thread, and waiting for them one by one would dominate the time.
            let n = files.len().min(READ_AHEAD);
            let chunk: Vec<PendingFile> = files.drain(..n).collect();
            let sizes: Vec<f64> = chunk.iter().map(|f| f.size).collect();
            let mut held = Vec::with_capacity(n);
            let mut reads = Vec::with_capacity(n);
            for (file_name, bytes) in join_all(chunk.into_iter().map(PendingFile::read)).await {
                let read = match &bytes {
                    Ok(bytes) => transfer::read(&file_name, bytes),
                    Err(why) => Read::Rejected(IngestError::unreadable(file_name.clone(), why)),
                };
                let project = matches!(read, Read::Project { .. });
                held.push(bytes.ok().filter(|_| project).map(|b| (file_name, b)));
                reads.push(read);
            }
            self.take_chunk(reads, Vec::new(), sizes, Projects::Held(held), run)
                .await;
        }
    }

    /// Adds what was read (and indexed) from a chunk of files, a segment at a time.
    async fn take_chunk(
        &self,
        reads: Vec<Read>,
        segments: Vec<Segment>,
        sizes: Vec<f64>,
        mut projects: Projects,
        run: &mut Run,
    ) {
        let mut adding = Chunk::new(reads, segments);
        let mut counted = 0;
        // A worker's answer was just taken in (its data copied and decoded): the page may have to
        // answer the user before the first step adds it.
        run.pause_if_due(self).await;
        loop {
            // The corpus changes without notifying; views are told once, at the end.
            let step = self
                .corpus
                .try_update_untracked(|c| adding.step(c))
                .flatten();
            match step {
                None => break,
                Some(Step::Added) => {}
                // A project replaces everything: read here, where the corpus is.
                Some(Step::Project(i)) => {
                    run.outcomes.extend(adding.take_outcomes());
                    let file = match &mut projects {
                        Projects::Pending(files) => match files.get_mut(i).and_then(Option::take) {
                            Some(file) => Some(file.read().await),
                            None => None,
                        },
                        Projects::Held(held) => held
                            .get_mut(i)
                            .and_then(Option::take)
                            .map(|(name, bytes)| (name, Ok(bytes))),
                    };
                    if let Some((file_name, bytes)) = file {
                        let outcomes = self.open_project_file(file_name, bytes).await;
                        run.outcomes.extend(outcomes);
                    }
                }
            }
            while counted < adding.files_done() {
                run.done(self, sizes.get(counted).copied().unwrap_or(0.0))
                    .await;
                counted += 1;
            }
            run.pause_if_due(self).await;
        }
        run.outcomes.extend(adding.take_outcomes());
    }

    /// Opens a project file: it replaces what the user added or changed, a slice at a time.
    async fn open_project_file(
        &self,
        file_name: String,
        bytes: Result<Vec<u8>, String>,
    ) -> Vec<FileOutcome> {
        let contents = bytes
            .map_err(|why| IngestError::unreadable(file_name.clone(), why))
            .and_then(|bytes| ingest::read_file(&file_name, &bytes));
        match contents {
            Err(e) => vec![FileOutcome::Rejected(e)],
            Ok(FileContents::Project(project)) => {
                let Project {
                    state: saved,
                    articles,
                    ..
                } = *project;
                let report = self.restore_in_slices(articles, Some(saved)).await;
                vec![FileOutcome::ProjectOpened { file_name, report }]
            }
            // The file changed since it was first read: it is articles after all.
            Ok(FileContents::Articles(items)) => self
                .corpus
                .try_update_untracked(|c| c.add_ingested(items))
                .unwrap_or_default(),
        }
    }

    /// Adds pasted text as an article, as if it were a .txt file.
    pub fn ingest_text(&self, name: String, text: String) {
        if matches!(self.storage.get_untracked(), super::Storage::Restoring(_)) {
            self.report.set(BatchReport {
                outcomes: vec![FileOutcome::Rejected(IngestError {
                    file_name: name,
                    kind: IngestErrorKind::NotNow {
                        why:
                            "your saved articles are still being restored; add it again in a moment"
                                .into(),
                    },
                })],
                ..BatchReport::default()
            });
            return;
        }
        let outcomes = self
            .corpus
            .try_update(|c| c.add_files(vec![(name, Ok(text.into_bytes()))]))
            .unwrap_or_default();
        self.after_batch(&outcomes);
        self.report.set(BatchReport {
            outcomes,
            ..BatchReport::default()
        });
    }

    /// Stores what a batch added (or, for a project, everything).
    fn after_batch(&self, outcomes: &[FileOutcome]) {
        if outcomes
            .iter()
            .any(|o| matches!(o, FileOutcome::ProjectOpened { .. }))
        {
            self.save_all();
            return;
        }
        let added: Vec<ArticleId> = outcomes
            .iter()
            .filter_map(|o| match o {
                FileOutcome::Added { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        if !added.is_empty() {
            self.save_articles(&added);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprism_core::Corpus;

    #[test]
    fn a_report_counts_its_outcomes_and_lists_what_was_added() {
        let mut corpus = Corpus::new();
        let outcomes = corpus.add_files(vec![
            ("a.txt".into(), Ok(b"Poetin sprak in Minsk.".to_vec())),
            ("b.txt".into(), Ok(b"Loekasjenko sprak in Moskou.".to_vec())),
            ("again.txt".into(), Ok(b"Poetin sprak in Minsk.".to_vec())),
            ("gone.txt".into(), Err("it was moved".into())),
        ]);
        let report = BatchReport {
            outcomes,
            cancelled: 3,
            read_where: Some(ReadWhere::Workers(2)),
        };
        assert_eq!(
            report.counts(),
            BatchCounts {
                added: 2,
                near: 0,
                duplicates: 1,
                rejected: 1
            }
        );
        assert!(report.near_duplicates().is_empty());
        assert_eq!(report.added_ids(1).len(), 1);
        assert_eq!(report.added_ids(10).len(), 2);
        assert!(!report.is_empty());
        assert!(BatchReport::default().is_empty());
    }

    #[test]
    fn where_files_were_read_is_said_in_words() {
        assert_eq!(ReadWhere::Workers(1).to_string(), "in a background worker");
        assert_eq!(ReadWhere::Workers(3).to_string(), "in 3 background workers");
        assert_eq!(
            ReadWhere::OnPage("the reading worker did not start".into()).to_string(),
            "on this page: the reading worker did not start"
        );
        assert_eq!(
            ReadWhere::PartlyOnPage.to_string(),
            "partly on this page: the background worker stopped"
        );
    }
}
