//! The corpus: the one owner of the loaded articles, and the answers the UI asks for.
//!
//! Views never loop over articles themselves; they ask the corpus (`library`, `get`) and render
//! the answer. Adding a file either adds an article or changes nothing.
//!
//! Articles come in by one of three doors, and every door ends in one [`FileOutcome`] per file
//! (per record for JSON):
//! - **bytes**: [`Corpus::add_files`] decodes, parses and indexes files here (a project file
//!   replaces the whole state);
//! - **read articles**: [`Corpus::add_ingested`] adds what [`crate::ingest::read_file`] found,
//!   for callers that read the file themselves;
//! - **a batch from the workers**: [`batch::Chunk`] adds files read and indexed elsewhere, a
//!   segment at a time.
//!
//! Restoring stored articles and opening a project go through [`Corpus::reset`],
//! [`Corpus::restore_article`] and [`Corpus::apply_state`], which also undo removals.

pub mod batch;
mod edits;
mod library;
pub mod near;
mod queries;
mod sorter;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::{Article, ArticleId};
use crate::error::IngestError;
use crate::ingest::{read_file, FileContents, Format, Ingested};
use crate::project::ArticleEdit;
use crate::search::alias::AliasTable;
use crate::search::index::segment::Segment;
use crate::search::index::{DocMeta, Index, IndexDoc};

/// How the library is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LibrarySort {
    /// Newest first; undated articles last.
    #[default]
    DateNewest,
    /// Oldest first; undated articles last.
    DateOldest,
    /// By title, A–Z.
    Title,
    /// Longest first.
    Length,
}

impl LibrarySort {
    /// Every order, in the order the library offers them.
    pub const ALL: [LibrarySort; 4] = [
        LibrarySort::DateNewest,
        LibrarySort::DateOldest,
        LibrarySort::Title,
        LibrarySort::Length,
    ];
}

/// What adding a file did.
#[derive(Clone, Debug, PartialEq)]
enum AddOutcome {
    /// A new article, with anything noticed on the way.
    Added {
        /// Its id.
        id: ArticleId,
        /// Notes about the decoding.
        warnings: Vec<String>,
        /// The loaded article it nearly copies, if any.
        near: Option<near::NearDuplicate>,
    },
    /// The same text is already loaded; nothing changed.
    Duplicate {
        /// The article it duplicates.
        of: ArticleId,
    },
}

/// What happened to one file of a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum FileOutcome {
    /// Added as a new article.
    Added {
        /// The file's name.
        file_name: String,
        /// The new article.
        id: ArticleId,
        /// Notes about the decoding.
        warnings: Vec<String>,
        /// The format it was read as.
        format: Format,
        /// The loaded article it nearly copies (a truncated or lightly edited copy): it is
        /// added all the same, and the report offers to remove it.
        near: Option<near::NearDuplicate>,
    },
    /// The same text is already loaded; skipped.
    Duplicate {
        /// The file's name.
        file_name: String,
        /// The article it duplicates.
        of: ArticleId,
    },
    /// Not added; the error names the file and says why in plain words.
    Rejected(IngestError),
    /// A project file: the corpus now holds exactly the project's state.
    ProjectOpened {
        /// The file's name.
        file_name: String,
        /// What was restored.
        report: RestoreReport,
    },
}

impl FileOutcome {
    /// The name of the file (or file and record) the outcome is about.
    pub fn file_name(&self) -> &str {
        match self {
            FileOutcome::Added { file_name, .. }
            | FileOutcome::Duplicate { file_name, .. }
            | FileOutcome::ProjectOpened { file_name, .. } => file_name,
            FileOutcome::Rejected(e) => &e.file_name,
        }
    }
}

/// What restoring a project or the stored state did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Added articles restored.
    pub articles: usize,
    /// Articles in the project that were already present (a seed), so not added twice.
    pub duplicates: usize,
    /// Metadata edits applied.
    pub edits: usize,
    /// Edits whose article is not in the project, so were dropped.
    pub orphan_edits: usize,
    /// Seeds hidden.
    pub hidden: usize,
    /// Named events left out of the table because they cannot be placed (no date, no phrase).
    pub bad_events: usize,
}

pub use library::{Facets, Filtered, LibraryFilter};
pub use queries::Totals;
pub use sorter::LibrarySorter;

/// The loaded articles, their search index and the alias table, and what the user changed:
/// metadata edits, hidden seeds, removals.
#[derive(Debug, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    /// Article id → position in `articles`.
    positions: FxHashMap<ArticleId, usize>,
    index: Index,
    aliases: AliasTable,
    /// The named events that place "sinds de oorlog in Oekraïne" in time.
    events: crate::time::named::NamedEvents,
    /// The bundled articles (shown, or hidden).
    seeds: FxHashSet<ArticleId>,
    /// Hidden seeds, out of the index, in the order they were hidden.
    hidden: Vec<Article>,
    /// The user's edits, by article.
    edits: BTreeMap<ArticleId, ArticleEdit>,
    /// Edited articles as they were read.
    originals: FxHashMap<ArticleId, Article>,
    /// Every article's sampled runs of words, to tell near-duplicates.
    near: near::NearIndex,
    /// Restored articles not yet in `near` (see [`Corpus::catch_up_near`]).
    near_behind: Vec<ArticleId>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty corpus whose search meets at the dictionary form: a search for "winnen" finds
    /// "won" and "gewonnen", one for "child" finds "children". Articles the workers indexed
    /// (segments) carry their own stems, so this is for corpora indexed where they are.
    pub fn with_lemmas(lemmas: std::sync::Arc<crate::text::lemma::Lemmas>) -> Self {
        Corpus {
            index: Index::with_stemmers(crate::text::stem::Stemmers::with_lemmas(lemmas)),
            ..Self::default()
        }
    }

    /// Meets at the dictionary form from now on, with this lexicon: the app's upgrade once the
    /// lexicon has loaded, after which searches run again. Words already indexed get their new
    /// keys at once. Returns the Dutch articles to index again with [`Corpus::reindex`] (a slice
    /// at a time, if there are many) so that their separable verbs split over a clause ("belde …
    /// op") are joined too; until then those are found by their parts only. Articles not in the
    /// index yet (restored, waiting for their segment) are not among them.
    pub fn set_lemmas(
        &mut self,
        lemmas: std::sync::Arc<crate::text::lemma::Lemmas>,
    ) -> Vec<ArticleId> {
        self.index
            .set_stemmers(crate::text::stem::Stemmers::with_lemmas(lemmas));
        let index = &self.index;
        self.articles
            .iter()
            .filter(|a| a.language == crate::text::language::Language::Dutch)
            .filter(|a| index.contains(a.id.0))
            .map(|a| a.id)
            .collect()
    }

    /// Indexes an article again as it is now (after [`Corpus::set_lemmas`]); `false` if it is
    /// not loaded.
    pub fn reindex(&mut self, id: ArticleId) -> bool {
        let Some(&pos) = self.positions.get(&id) else {
            return false;
        };
        self.index.add(&IndexDoc::of(&self.articles[pos]));
        true
    }

    /// The lemma lexicon search uses, once it is set.
    pub fn lemmas(&self) -> Option<&std::sync::Arc<crate::text::lemma::Lemmas>> {
        self.index.stemmers().lemmas()
    }

    /// A corpus of the given files (through [`Corpus::add_files`]); files that cannot be read
    /// are returned as errors.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> (Self, Vec<IngestError>) {
        let mut corpus = Self::new();
        let outcomes = corpus.add_files(
            files
                .into_iter()
                .map(|(name, bytes)| (name.to_string(), Ok(bytes.to_vec())))
                .collect(),
        );
        let errors = outcomes
            .into_iter()
            .filter_map(|o| match o {
                FileOutcome::Rejected(e) => Some(e),
                _ => None,
            })
            .collect();
        (corpus, errors)
    }

    /// A corpus of the bundled articles: they can be hidden and restored but not removed.
    pub fn with_seeds<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> (Self, Vec<IngestError>) {
        let (mut corpus, errors) = Self::from_files(files);
        corpus.seeds = corpus.articles.iter().map(|a| a.id).collect();
        (corpus, errors)
    }

    /// Reads a batch of files; a file that cannot be read (`Err` carries why) changes nothing.
    /// A JSON file gives one outcome per record; a project file replaces the whole state.
    pub fn add_files(&mut self, files: Vec<(String, Result<Vec<u8>, String>)>) -> Vec<FileOutcome> {
        let mut out = Vec::with_capacity(files.len());
        for (file_name, bytes) in files {
            match bytes {
                Err(why) => out.push(FileOutcome::Rejected(IngestError::unreadable(
                    file_name, why,
                ))),
                Ok(bytes) => self.add_bytes(file_name, &bytes, &mut out),
            }
        }
        out
    }

    fn add_bytes(&mut self, file_name: String, bytes: &[u8], out: &mut Vec<FileOutcome>) {
        match read_file(&file_name, bytes) {
            Err(e) => out.push(FileOutcome::Rejected(e)),
            Ok(FileContents::Project(project)) => {
                let report = self.open_project(*project);
                out.push(FileOutcome::ProjectOpened { file_name, report });
            }
            Ok(FileContents::Articles(items)) => out.extend(self.add_ingested(items)),
        }
    }

    /// Adds what [`read_file`] found in a file of articles: one outcome per article (or per
    /// record that could not be read).
    pub fn add_ingested(&mut self, items: Vec<Result<Ingested, IngestError>>) -> Vec<FileOutcome> {
        items
            .into_iter()
            .map(|item| match item {
                Err(e) => FileOutcome::Rejected(e),
                Ok(item) => self.add_one(item, true),
            })
            .collect()
    }

    /// Adds articles read and indexed elsewhere: `segment` holds their postings (see
    /// [`crate::search::index::segment`]), built without knowing this corpus, so duplicates
    /// are left out of it here. One outcome per article, as [`Corpus::add_ingested`] gives; an
    /// article the segment lacks is indexed here, so the result never depends on the segment
    /// being complete.
    pub(crate) fn add_segment(
        &mut self,
        items: Vec<Ingested>,
        segment: Option<&Segment>,
    ) -> Vec<FileOutcome> {
        let outcomes: Vec<FileOutcome> = items
            .into_iter()
            .map(|item| self.add_one(item, false))
            .collect();
        // In the order they came, as adding them one by one would have.
        let order: Vec<ArticleId> = outcomes
            .iter()
            .filter_map(|o| match o {
                FileOutcome::Added { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        let fresh: FxHashSet<u64> = order.iter().map(|id| id.0).collect();
        if let Some(segment) = segment {
            self.merge_segment(segment, |key| fresh.contains(&key));
        }
        for id in order {
            self.index_if_missing(id);
        }
        outcomes
    }

    /// Merges the segment's documents that `wanted` names into the index, each with its
    /// article's language, source and date (a key with no loaded article is left out).
    /// Returns how many came in.
    fn merge_segment(&mut self, segment: &Segment, wanted: impl Fn(u64) -> bool) -> usize {
        let (articles, positions) = (&self.articles, &self.positions);
        self.index
            .merge(segment, |meta| {
                if !wanted(meta.key) {
                    return None;
                }
                let a = &articles[*positions.get(&ArticleId(meta.key))?];
                Some(DocMeta {
                    language: a.language,
                    source: a.source.clone(),
                    date: a.pub_date.as_ref().map(|d| d.date),
                    ..meta
                })
            })
            .len()
    }

    /// Indexes this loaded article here if no segment brought it; `true` if it did so.
    pub fn index_if_missing(&mut self, id: ArticleId) -> bool {
        if self.index.contains(id.0) {
            return false;
        }
        self.reindex(id)
    }

    /// Adds one article read from a file; `index` says whether to index it now (otherwise the
    /// caller merges its postings from a segment).
    fn add_one(&mut self, item: Ingested, index: bool) -> FileOutcome {
        let Ingested {
            article,
            warnings,
            format,
        } = item;
        let file_name = article.file_name.clone();
        match self.add(article, warnings, index) {
            AddOutcome::Added { id, warnings, near } => FileOutcome::Added {
                file_name,
                id,
                warnings,
                format,
                near,
            },
            AddOutcome::Duplicate { of } => FileOutcome::Duplicate { file_name, of },
        }
    }

    fn add(&mut self, article: Article, warnings: Vec<String>, index: bool) -> AddOutcome {
        // Near-duplicates are told against every loaded article.
        self.catch_up_near(usize::MAX);
        match self.add_quietly(article, warnings, index) {
            AddOutcome::Added { id, warnings, .. } => {
                let runs = self.get(id).map(near::fingerprint).unwrap_or_default();
                let positions = &self.positions;
                let near = self
                    .near
                    .find(id, &runs, |other| positions.contains_key(&other));
                self.near.add(id, &runs);
                AddOutcome::Added { id, warnings, near }
            }
            duplicate => duplicate,
        }
    }

    /// Adds an article, indexed now or not, without telling whether it nearly copies another
    /// and without putting it in the near-duplicate index (the caller does either).
    fn add_quietly(&mut self, article: Article, warnings: Vec<String>, index: bool) -> AddOutcome {
        let id = article.id;
        if self.positions.contains_key(&id) || self.hidden.iter().any(|a| a.id == id) {
            return AddOutcome::Duplicate { of: id };
        }
        if index {
            self.index.add(&IndexDoc::of(&article));
        }
        self.positions.insert(id, self.articles.len());
        self.articles.push(article);
        AddOutcome::Added {
            id,
            warnings,
            near: None,
        }
    }

    /// Puts up to `limit` restored articles into the near-duplicate index (a restore leaves
    /// that for later, so that the articles come back sooner); returns whether any are left.
    /// Adding an article catches up first, so near-duplicates are never missed.
    pub fn catch_up_near(&mut self, limit: usize) -> bool {
        let take = limit.min(self.near_behind.len());
        let start = self.near_behind.len() - take;
        for id in self.near_behind.drain(start..) {
            if let Some(&i) = self.positions.get(&id) {
                self.near.add(id, &near::fingerprint(&self.articles[i]));
            }
        }
        !self.near_behind.is_empty()
    }

    fn reposition(&mut self) {
        self.positions = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
    }

    /// The article with this id.
    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.positions.get(&id).and_then(|&i| self.articles.get(i))
    }

    /// All articles, in the order they were added.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The search index over the articles (read-only: the corpus keeps it in step).
    pub fn index(&self) -> &crate::search::index::Index {
        &self.index
    }

    /// The alias table searches use.
    pub fn aliases(&self) -> &AliasTable {
        &self.aliases
    }

    /// Replaces the alias table.
    pub fn set_aliases(&mut self, aliases: AliasTable) {
        self.aliases = aliases;
    }

    /// Adds a group of spellings to the alias table (see [`AliasTable::add_group`]).
    pub fn add_alias_group(&mut self, names: &[&str]) {
        self.aliases.add_group(names);
    }

    /// Removes the alias group holding this name.
    pub fn remove_alias_group(&mut self, name: &str) {
        self.aliases.remove_group_of(name);
    }

    /// The table of named events the dates are read with.
    pub fn named_events(&self) -> &crate::time::named::NamedEvents {
        &self.events
    }

    /// Replaces the table of named events.
    pub fn set_named_events(&mut self, table: crate::time::named::EventTable) {
        self.events = if table == *crate::time::named::NamedEvents::built_in().table() {
            crate::time::named::NamedEvents::built_in().clone()
        } else {
            crate::time::named::NamedEvents::new(table)
        };
    }

    /// Adds a named event, in place of one of the same name.
    pub fn add_named_event(
        &mut self,
        event: crate::time::named::NamedEvent,
    ) -> Result<(), crate::time::named::EventError> {
        let mut table = self.events.table().clone();
        table.add(event)?;
        self.set_named_events(table);
        Ok(())
    }

    /// Removes the named event of this name; whether there was one.
    pub fn remove_named_event(&mut self, label: &str) -> bool {
        let mut table = self.events.table().clone();
        let removed = table.remove(label);
        if removed {
            self.set_named_events(table);
        }
        removed
    }
}
