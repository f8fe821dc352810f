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

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::{Article, ArticleId, PartialDate, Provenance, PubDate, TitleKind};
use crate::error::IngestError;
use crate::ingest::{read_file, FileContents, Format, Ingested};
use crate::project::{ArticleEdit, Project, ProjectState};
use crate::search::alias::AliasTable;
use crate::search::engine;
use crate::search::index::segment::Segment;
use crate::search::index::{DocMeta, Index, IndexDoc};
use crate::search::kwic::{self, KwicLine, KwicSort};
use crate::search::query;
use crate::search::results::{
    plain_words, quote_filter, Facet, SearchHit, SearchOptions, SearchResults, Suggestion,
};
use crate::search::snippet::{best_passage, highlight};
use crate::text::fold::fold;

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

/// What adding a file did.
#[derive(Clone, Debug, PartialEq)]
enum AddOutcome {
    /// A new article, with anything noticed on the way.
    Added {
        /// Its id.
        id: ArticleId,
        /// Notes about the decoding.
        warnings: Vec<String>,
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
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// There is no such article.
    NoSuchArticle,
    /// The title is empty or too long.
    BadTitle,
    /// The date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or not a real date.
    BadDate(String),
    /// The source name is too long.
    BadSource,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchArticle => write!(f, "That article is no longer loaded."),
            EditError::BadTitle => write!(f, "A title needs 1 to 300 characters."),
            EditError::BadDate(d) => write!(
                f,
                "“{d}” is not a date Newsprism understands: write 2022, 2022-12 or 2022-12-19."
            ),
            EditError::BadSource => write!(f, "A source name can have at most 200 characters."),
        }
    }
}

/// The loaded articles, their search index and the alias table, and what the user changed:
/// metadata edits, hidden seeds, removals.
#[derive(Debug, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    /// Article id → position in `articles`.
    positions: FxHashMap<ArticleId, usize>,
    index: Index,
    aliases: AliasTable,
    /// The bundled articles (shown, or hidden).
    seeds: FxHashSet<ArticleId>,
    /// Hidden seeds, out of the index, in the order they were hidden.
    hidden: Vec<Article>,
    /// The user's edits, by article.
    edits: BTreeMap<ArticleId, ArticleEdit>,
    /// Edited articles as they were read.
    originals: FxHashMap<ArticleId, Article>,
}

/// An article with a user's edit laid over it.
fn apply_edit(mut a: Article, edit: &ArticleEdit) -> Article {
    if let Some(t) = &edit.title {
        a.title = t.trim().to_string();
        a.title_kind = TitleKind::Headline;
    }
    if let Some(s) = &edit.source {
        let s = s.trim();
        a.source = (!s.is_empty()).then(|| s.to_string());
    }
    if let Some(d) = &edit.date {
        a.pub_date = PartialDate::parse_iso(d).map(|date| PubDate {
            date,
            provenance: Provenance::UserEdit,
        });
    }
    a
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
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
            let (articles, positions) = (&self.articles, &self.positions);
            self.index.merge(segment, |meta| {
                if !fresh.contains(&meta.key) {
                    return None;
                }
                let a = &articles[*positions.get(&ArticleId(meta.key))?];
                Some(DocMeta {
                    language: a.language,
                    source: a.source.clone(),
                    date: a.pub_date.as_ref().map(|d| d.date),
                    ..meta
                })
            });
        }
        for id in order {
            if !self.index.contains(id.0) {
                if let Some(&i) = self.positions.get(&id) {
                    self.index.add(&IndexDoc::of(&self.articles[i]));
                }
            }
        }
        outcomes
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
            AddOutcome::Added { id, warnings } => FileOutcome::Added {
                file_name,
                id,
                warnings,
                format,
            },
            AddOutcome::Duplicate { of } => FileOutcome::Duplicate { file_name, of },
        }
    }

    fn add(&mut self, article: Article, warnings: Vec<String>, index: bool) -> AddOutcome {
        let id = article.id;
        if self.positions.contains_key(&id) || self.hidden.iter().any(|a| a.id == id) {
            return AddOutcome::Duplicate { of: id };
        }
        if index {
            self.index.add(&IndexDoc::of(&article));
        }
        self.positions.insert(id, self.articles.len());
        self.articles.push(article);
        AddOutcome::Added { id, warnings }
    }

    fn reposition(&mut self) {
        self.positions = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
    }

    /// Removes an added article, with its edits, or hides a seed; `false` if it was not there.
    pub fn remove(&mut self, id: ArticleId) -> bool {
        if self.seeds.contains(&id) {
            return self.hide(id);
        }
        let Some(pos) = self.positions.get(&id).copied() else {
            return false;
        };
        self.articles.remove(pos);
        self.index.remove(id.0);
        self.edits.remove(&id);
        self.originals.remove(&id);
        self.reposition();
        true
    }

    /// Removes every added article; seeds stay. Returns how many were removed.
    pub fn remove_added(&mut self) -> usize {
        let added: Vec<ArticleId> = self.added_ids();
        for &id in &added {
            self.index.remove(id.0);
            self.edits.remove(&id);
            self.originals.remove(&id);
        }
        let seeds = &self.seeds;
        self.articles.retain(|a| seeds.contains(&a.id));
        self.reposition();
        self.index.compact();
        added.len()
    }

    /// Hides a bundled article; it can be brought back with [`Corpus::restore_seeds`].
    pub fn hide(&mut self, id: ArticleId) -> bool {
        if !self.seeds.contains(&id) {
            return false;
        }
        let Some(pos) = self.positions.get(&id).copied() else {
            return false;
        };
        let article = self.articles.remove(pos);
        self.index.remove(id.0);
        self.hidden.push(article);
        self.reposition();
        true
    }

    /// Brings every hidden seed back. Returns how many came back.
    pub fn restore_seeds(&mut self) -> usize {
        let hidden = std::mem::take(&mut self.hidden);
        let n = hidden.len();
        for a in hidden {
            self.add(a, Vec::new(), true);
        }
        n
    }

    /// The hidden seeds.
    pub fn hidden_seeds(&self) -> &[Article] {
        &self.hidden
    }

    /// Whether an article is one of the bundled ones.
    pub fn is_seed(&self, id: ArticleId) -> bool {
        self.seeds.contains(&id)
    }

    /// The ids of the articles the user added, in the order they were added.
    pub fn added_ids(&self) -> Vec<ArticleId> {
        self.articles
            .iter()
            .filter(|a| !self.seeds.contains(&a.id))
            .map(|a| a.id)
            .collect()
    }

    /// How many articles the user added (and did not remove).
    pub fn added_count(&self) -> usize {
        self.articles.len()
            - self
                .articles
                .iter()
                .filter(|a| self.seeds.contains(&a.id))
                .count()
    }

    /// An added article as it was read, before any edit: what storage and projects keep.
    pub fn original(&self, id: ArticleId) -> Option<&Article> {
        self.originals.get(&id).or_else(|| self.get(id))
    }

    /// The user's edit of an article, if any.
    pub fn edit_of(&self, id: ArticleId) -> Option<&ArticleEdit> {
        self.edits.get(&id)
    }

    /// Changes an article's title, source or date (the fields set in `edit`); the article is
    /// re-indexed so that searches and filters see the change at once.
    pub fn edit(&mut self, id: ArticleId, edit: &ArticleEdit) -> Result<(), EditError> {
        let pos = *self.positions.get(&id).ok_or(EditError::NoSuchArticle)?;
        if let Some(t) = &edit.title {
            let n = t.trim().chars().count();
            if n == 0 || n > 300 {
                return Err(EditError::BadTitle);
            }
        }
        if edit
            .source
            .as_ref()
            .is_some_and(|s| s.trim().chars().count() > 200)
        {
            return Err(EditError::BadSource);
        }
        if let Some(d) = &edit.date {
            if !d.trim().is_empty() && PartialDate::parse_iso(d).is_none() {
                return Err(EditError::BadDate(d.clone()));
            }
        }
        let merged = self.edits.get(&id).cloned().unwrap_or_default().then(edit);
        let original = self
            .originals
            .entry(id)
            .or_insert_with(|| self.articles[pos].clone())
            .clone();
        let edited = apply_edit(original, &merged);
        self.index.remove(id.0);
        self.index.add(&IndexDoc::of(&edited));
        self.articles[pos] = edited;
        self.edits.insert(id, merged);
        Ok(())
    }

    /// Undoes every edit of an article.
    pub fn reset_edit(&mut self, id: ArticleId) -> bool {
        let (Some(original), Some(&pos)) = (self.originals.remove(&id), self.positions.get(&id))
        else {
            return false;
        };
        self.edits.remove(&id);
        self.index.remove(id.0);
        self.index.add(&IndexDoc::of(&original));
        self.articles[pos] = original;
        true
    }

    /// Gives every article of source `from` (compared folded; "" is the unknown source) the
    /// source `to`. Returns how many articles changed.
    pub fn rename_source(&mut self, from: &str, to: &str) -> Result<usize, EditError> {
        let key = fold(from.trim());
        let ids: Vec<ArticleId> = self
            .articles
            .iter()
            .filter(|a| fold(a.source.as_deref().unwrap_or("").trim()) == key)
            .map(|a| a.id)
            .collect();
        self.set_source(&ids, to)
    }

    /// Sets the source of these articles.
    pub fn set_source(&mut self, ids: &[ArticleId], source: &str) -> Result<usize, EditError> {
        let edit = ArticleEdit {
            source: Some(source.trim().to_string()),
            ..ArticleEdit::default()
        };
        let mut n = 0;
        for &id in ids {
            self.edit(id, &edit)?;
            n += 1;
        }
        Ok(n)
    }

    /// The source these articles all have, if they share one known source.
    pub fn common_source(&self, ids: &[ArticleId]) -> Option<String> {
        let mut sources = ids
            .iter()
            .map(|&id| self.get(id).and_then(|a| a.source.as_deref()));
        let first = sources.next()??;
        sources.all(|s| s == Some(first)).then(|| first.to_string())
    }

    /// The sources with their article counts, by name; the unknown source is "".
    pub fn sources(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for a in &self.articles {
            *counts
                .entry(a.source.clone().unwrap_or_default())
                .or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// Everything but the added articles, for storage and projects.
    pub fn state(&self) -> ProjectState {
        let is_built_in = self.aliases == AliasTable::default();
        ProjectState {
            edits: self.edits.clone(),
            hidden_seeds: self.hidden.iter().map(|a| a.id).collect(),
            aliases: (!is_built_in).then(|| {
                self.aliases
                    .groups()
                    .iter()
                    .map(|g| g.names.clone())
                    .collect()
            }),
        }
    }

    /// The whole state as a project: the added articles as read, and [`Corpus::state`].
    pub fn project(&self) -> Project {
        let articles = self
            .added_ids()
            .into_iter()
            .filter_map(|id| self.original(id).cloned())
            .collect();
        Project::new(self.state(), articles)
    }

    /// Replaces everything the user added or changed with a project's contents.
    pub fn open_project(&mut self, project: Project) -> RestoreReport {
        self.restore(project.state, project.articles)
    }

    /// Replaces everything the user added or changed with this state and these articles (as
    /// stored or exported); seeds come back first, then the state's hidden seeds are hidden.
    pub fn restore(&mut self, state: ProjectState, articles: Vec<Article>) -> RestoreReport {
        let mut report = RestoreReport::default();
        self.reset();
        for a in articles {
            self.restore_article(a, &mut report);
        }
        self.apply_state(state, &mut report);
        report
    }

    /// Takes back everything the user added or changed: added articles, edits, hidden seeds and
    /// the alias table. The first step of [`Corpus::restore`], for callers that add the articles
    /// back themselves (a slice at a time) with [`Corpus::restore_article`].
    pub fn reset(&mut self) {
        self.remove_added();
        self.restore_seeds();
        for id in self.edits.keys().copied().collect::<Vec<_>>() {
            self.reset_edit(id);
        }
        self.aliases = AliasTable::default();
    }

    /// Adds back one stored or exported article, counting it in `report`.
    pub fn restore_article(&mut self, article: Article, report: &mut RestoreReport) {
        match self.add(article, Vec::new(), true) {
            AddOutcome::Added { .. } => report.articles += 1,
            AddOutcome::Duplicate { .. } => report.duplicates += 1,
        }
    }

    /// Applies stored edits, hidden seeds and the alias table to the articles now loaded (the
    /// last step of a restore), counting them in `report`.
    pub fn apply_state(&mut self, state: ProjectState, report: &mut RestoreReport) {
        for (id, edit) in &state.edits {
            if self.edit(*id, edit).is_ok() {
                report.edits += 1;
            } else {
                report.orphan_edits += 1;
            }
        }
        for id in &state.hidden_seeds {
            if self.hide(*id) {
                report.hidden += 1;
            }
        }
        self.aliases = match state.aliases {
            Some(groups) => {
                let mut table = AliasTable::empty();
                for g in &groups {
                    table.add_group(&g.iter().map(String::as_str).collect::<Vec<_>>());
                }
                table
            }
            None => AliasTable::default(),
        };
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

    /// Searches the articles. Never fails: a malformed query is repaired and the repair is
    /// reported in `warnings`.
    ///
    /// ```
    /// use newsprism_core::corpus::Corpus;
    /// use newsprism_core::search::results::SearchOptions;
    /// let files: [(&str, &[u8]); 2] = [
    ///     ("a.txt", " date 2022-12 Poetin bezocht Wit-Rusland.".as_bytes()),
    ///     ("b.txt", b" date 2022-10 Putin visited Belarus."),
    /// ];
    /// let (corpus, _) = Corpus::from_files(files);
    /// let r = corpus.search("Belarus", &SearchOptions::default());
    /// assert_eq!(r.total, 2);
    /// assert!(r.expansions[0].also.contains(&"Wit-Rusland".to_string()));
    /// ```
    pub fn search(&self, q: &str, options: &SearchOptions) -> SearchResults {
        let parsed = query::parse(q);
        let aliases = options.aliases.then_some(&self.aliases);
        let ranked = engine::run(&self.index, &parsed, aliases);
        let metas = self.index.docs();
        let articles: Vec<(&Article, f32)> = ranked
            .docs
            .iter()
            .filter_map(|&(d, score)| {
                self.get(ArticleId(metas[d as usize].key))
                    .map(|a| (a, score))
            })
            .collect();

        let mut sources: BTreeMap<String, usize> = BTreeMap::new();
        let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
        for (a, _) in &articles {
            *sources.entry(a.source_label().to_string()).or_default() += 1;
            let key = a.pub_date.as_ref().map_or((i32::MAX, 0), |d| {
                (d.date.year_value(), d.date.month_value().unwrap_or(0))
            });
            *months.entry(key).or_default() += 1;
        }
        let mut by_source: Vec<Facet> = sources
            .into_iter()
            .map(|(label, count)| Facet {
                filter: quote_filter("source", &label),
                label,
                count,
            })
            .collect();
        by_source.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        let by_month = months
            .into_iter()
            .map(|((y, m), count)| {
                let (label, filter) = match (y, m) {
                    (i32::MAX, _) => ("undated".to_string(), "date:undated".to_string()),
                    (y, 0) => (y.to_string(), format!("date:{y}")),
                    (y, m) => match crate::article::PartialDate::month(y, m) {
                        Some(d) => (d.human(), format!("date:{}", d.iso())),
                        None => (y.to_string(), format!("date:{y}")),
                    },
                };
                Facet {
                    label,
                    count,
                    filter,
                }
            })
            .collect();

        let hits = articles
            .iter()
            .take(options.limit)
            .map(|&(a, score)| SearchHit {
                id: a.id,
                score,
                title: highlight(&a.title, &ranked.matches),
                title_derived: a.title_kind == TitleKind::Derived,
                date: a.pub_date.clone(),
                source: a.source_label().to_string(),
                snippet: best_passage(a, &ranked.matches, options.snippet_chars),
            })
            .collect();

        let suggestions = if articles.is_empty() && parsed.root.is_some() {
            self.suggestions(q, &parsed, options)
        } else {
            Vec::new()
        };
        SearchResults {
            total: articles.len(),
            ranked: articles.iter().map(|(a, _)| a.id).collect(),
            hits,
            by_source,
            by_month,
            expansions: ranked.expansions,
            warnings: ranked.warnings,
            suggestions,
            matches: ranked.matches,
            searched: parsed.root.is_some() || !parsed.filters.is_empty(),
        }
    }

    /// Fuzzy spellings, and the alias table when it was off, for a query that found nothing.
    fn suggestions(
        &self,
        q: &str,
        parsed: &query::ParsedQuery,
        options: &SearchOptions,
    ) -> Vec<Suggestion> {
        let mut out = Vec::new();
        for word in plain_words(parsed) {
            if !options.aliases && !self.aliases.others(&word).is_empty() {
                out.push(Suggestion {
                    query: q.to_string(),
                    aliases: true,
                    label: format!(
                        "{word} with its other spellings: {}",
                        self.aliases.others(&word).join(", ")
                    ),
                });
            }
            let key = crate::text::tokenize::term_key(&word);
            for d in [1u8, 2] {
                let near: Vec<u32> = self.index.fuzzy_terms(&key, d);
                if let Some(&best) = near.iter().max_by_key(|&&t| self.index.doc_frequency(t)) {
                    let fuzzy = format!("{word}~{d}");
                    out.push(Suggestion {
                        query: q.replacen(&word, &fuzzy, 1),
                        aliases: options.aliases,
                        label: format!("{fuzzy} finds “{}”", self.index.term_text(best)),
                    });
                    break;
                }
            }
        }
        out
    }

    /// What a query matches, for highlighting an article without ranking or summarising anything.
    pub fn matches(&self, q: &str, aliases: bool) -> engine::Matches {
        let parsed = query::parse(q);
        engine::run_top(&self.index, &parsed, aliases.then_some(&self.aliases), 0).matches
    }

    /// Every occurrence of a search's matches, as a concordance over its hits in rank order.
    pub fn kwic(
        &self,
        results: &SearchResults,
        sort: KwicSort,
        width: usize,
        limit: usize,
    ) -> (Vec<KwicLine>, bool) {
        let articles = results.ranked.iter().filter_map(|&id| self.get(id));
        let (mut lines, truncated) = kwic::kwic(articles, &results.matches, width, limit);
        kwic::sort_lines(&mut lines, sort);
        (lines, truncated)
    }

    /// Compares articles (those of `ids` that are loaded, in that order): similarity and story
    /// groups, quotations, the number ledger, entities and distinctive words.
    pub fn compare(&self, ids: &[ArticleId]) -> crate::compare::Comparison {
        let articles: Vec<&Article> = ids.iter().filter_map(|&id| self.get(id)).collect();
        crate::compare::Comparison::build(&articles, &self.aliases)
    }

    /// The articles a comparison scope covers, at most `max` of them: all (the newest first),
    /// those a query finds (the best matches), or those picked (in the order picked). The chosen
    /// ones come back in library order, newest first.
    pub fn compare_scope(
        &self,
        scope: &crate::compare::Scope,
        aliases: bool,
        max: usize,
    ) -> crate::compare::Scoped {
        use crate::compare::{Scope, Scoped};
        let library = self.library(LibrarySort::DateNewest);
        let (chosen, eligible, missing): (FxHashSet<ArticleId>, usize, usize) = match scope {
            Scope::All => (
                library.iter().take(max).map(|a| a.id).collect(),
                library.len(),
                0,
            ),
            Scope::Matching(q) => {
                let options = SearchOptions {
                    aliases,
                    limit: 0,
                    ..SearchOptions::default()
                };
                let ranked = self.search(q, &options).ranked;
                (ranked.iter().take(max).copied().collect(), ranked.len(), 0)
            }
            Scope::Picked(ids) => {
                let mut seen = FxHashSet::default();
                let unique: Vec<ArticleId> =
                    ids.iter().copied().filter(|id| seen.insert(*id)).collect();
                let present: Vec<ArticleId> = unique
                    .iter()
                    .copied()
                    .filter(|id| self.get(*id).is_some())
                    .collect();
                let missing = unique.len() - present.len();
                (
                    present.iter().take(max).copied().collect(),
                    present.len(),
                    missing,
                )
            }
        };
        Scoped {
            ids: library
                .into_iter()
                .map(|a| a.id)
                .filter(|id| chosen.contains(id))
                .collect(),
            eligible,
            missing,
        }
    }

    /// An article's word counts for distinctive vocabulary, to add to a
    /// [`crate::compare::keyness::Background`] of the whole corpus.
    pub fn word_counts(&self, id: ArticleId) -> Option<crate::compare::keyness::Counts> {
        self.get(id).map(|a| {
            crate::compare::keyness::Counts::of(&crate::compare::Doc::new(a, &self.aliases))
        })
    }

    /// Aligns the sentences of the given articles for side-by-side reading.
    pub fn align(&self, ids: &[ArticleId]) -> crate::compare::align::Alignment {
        let docs: Vec<crate::compare::Doc> = ids
            .iter()
            .filter_map(|&id| self.get(id))
            .map(|a| crate::compare::Doc::new(a, &self.aliases))
            .collect();
        crate::compare::align::align(&docs)
    }

    /// The timeline of every loaded article: publication dates, mentioned events, groups.
    pub fn timeline(&self) -> crate::time::timeline::Timeline {
        crate::time::timeline::Timeline::build(self.articles())
    }

    /// For an undated article, the date inferred from its text (the latest date it names).
    pub fn inferred_date(&self, id: ArticleId) -> Option<crate::time::timeline::Inferred> {
        let a = self.get(id)?;
        if a.pub_date.is_some() {
            return None;
        }
        crate::time::timeline::analyse(a).inferred
    }

    /// The volume of a query over publication time, per source, as counts and shares.
    ///
    /// ```
    /// use newsprism_core::corpus::Corpus;
    /// use newsprism_core::time::timeline::Bucket;
    /// let files: [(&str, &[u8]); 3] = [
    ///     ("a.txt", " date 2022-12 Poetin bezocht Minsk.".as_bytes()),
    ///     ("b.txt", " date 2022-12 Loekasjenko zweeg.".as_bytes()),
    ///     ("c.txt", " date 2022-10 Putin spoke.".as_bytes()),
    /// ];
    /// let (corpus, _) = Corpus::from_files(files);
    /// let t = corpus.trend("Poetin", true, Bucket::Month);
    /// assert_eq!(t.periods.len(), 2);
    /// assert_eq!((t.periods[1].label.as_str(), t.periods[1].matches, t.periods[1].total), ("Dec 2022", 1, 2));
    /// assert_eq!(t.periods[0].share(), 1.0); // "Putin" is an alias of "Poetin"
    /// ```
    pub fn trend(
        &self,
        q: &str,
        aliases: bool,
        bucket: crate::time::timeline::Bucket,
    ) -> crate::time::timeline::Trend {
        let options = SearchOptions {
            aliases,
            limit: 0,
            snippet_chars: 0,
        };
        let matching: rustc_hash::FxHashSet<ArticleId> =
            self.search(q, &options).ranked.into_iter().collect();
        crate::time::timeline::trend(q, self.articles(), &matching, bucket)
    }

    /// The articles in library order. Undated articles always come last, in file-name order,
    /// under any date sort: they are listed as undated, never placed at a default date.
    pub fn library(&self, sort: LibrarySort) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        match sort {
            LibrarySort::DateNewest | LibrarySort::DateOldest => {
                list.sort_by(|a, b| {
                    let key = |x: &Article| x.pub_date.as_ref().map(|d| d.date.sort_key());
                    match (key(a), key(b)) {
                        (Some(ka), Some(kb)) => {
                            let ord = if sort == LibrarySort::DateNewest {
                                kb.cmp(&ka)
                            } else {
                                ka.cmp(&kb)
                            };
                            ord.then_with(|| a.file_name.cmp(&b.file_name))
                        }
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => a.file_name.cmp(&b.file_name),
                    }
                });
            }
            LibrarySort::Title => list.sort_by(|a, b| {
                a.title
                    .to_lowercase()
                    .cmp(&b.title.to_lowercase())
                    .then_with(|| a.file_name.cmp(&b.file_name))
            }),
            LibrarySort::Length => list.sort_by(|a, b| {
                b.word_count
                    .cmp(&a.word_count)
                    .then_with(|| a.file_name.cmp(&b.file_name))
            }),
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 4] = [
            ("b.txt", b" date 2022-10 Oktober stuk over de oorlog."),
            ("a.txt", b"Kop zonder datum\n\nTekst van het stuk."),
            ("c.txt", b" date 2022-12 December stuk over de oorlog."),
            ("d.txt", b" date 2022 Een stuk uit een onbekende maand."),
        ];
        let (c, errors) = Corpus::from_files(files);
        assert!(errors.is_empty());
        c
    }

    /// One file through the bytes door, and its outcome.
    fn add_file(c: &mut Corpus, name: &str, bytes: &[u8]) -> FileOutcome {
        c.add_files(vec![(name.to_string(), Ok(bytes.to_vec()))])
            .remove(0)
    }

    fn names(list: Vec<&Article>) -> Vec<&str> {
        list.into_iter().map(|a| a.file_name.as_str()).collect()
    }

    #[test]
    fn undated_articles_come_last_in_either_date_order() {
        let c = corpus();
        assert_eq!(
            names(c.library(LibrarySort::DateNewest)),
            ["c.txt", "b.txt", "d.txt", "a.txt"]
        );
        assert_eq!(
            names(c.library(LibrarySort::DateOldest)),
            ["d.txt", "b.txt", "c.txt", "a.txt"]
        );
    }

    #[test]
    fn the_same_text_twice_is_a_duplicate_and_changes_nothing() {
        let mut c = corpus();
        let again = add_file(
            &mut c,
            "copy.txt",
            b" date 2022-10 Oktober stuk over de oorlog.\r\n",
        );
        assert!(matches!(again, FileOutcome::Duplicate { .. }));
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn a_bad_file_changes_nothing() {
        let mut c = corpus();
        assert!(matches!(
            add_file(&mut c, "x.pdf", b"%PDF-1.4"),
            FileOutcome::Rejected(_)
        ));
        assert_eq!(c.len(), 4);
    }

    #[test]
    fn a_batch_reports_each_file_and_keeps_the_good_ones() {
        let mut c = corpus();
        let outcomes = c.add_files(vec![
            (
                "new.txt".into(),
                Ok(b"Nieuw stuk over Minsk en de oorlog.".to_vec()),
            ),
            (
                "copy.txt".into(),
                Ok(b" date 2022-10 Oktober stuk over de oorlog.".to_vec()),
            ),
            ("bad.pdf".into(), Ok(b"%PDF-1.4".to_vec())),
            ("gone.txt".into(), Err("permission denied".into())),
        ]);
        assert!(
            matches!(&outcomes[0], FileOutcome::Added { file_name, .. } if file_name == "new.txt")
        );
        assert!(matches!(&outcomes[1], FileOutcome::Duplicate { .. }));
        assert!(matches!(&outcomes[2], FileOutcome::Rejected(e) if e.to_string().contains("PDF")));
        assert!(
            matches!(&outcomes[3], FileOutcome::Rejected(e) if e.to_string().contains("permission denied"))
        );
        assert_eq!(c.len(), 5);
        let hits = c.search("Minsk", &SearchOptions::default());
        assert_eq!(hits.total, 1);
    }

    #[test]
    fn removal_removes_one_article() {
        let mut c = corpus();
        let id = c.articles()[0].id;
        assert!(c.remove(id));
        assert!(!c.remove(id));
        assert_eq!(c.len(), 3);
    }

    fn seeded() -> Corpus {
        let (mut c, _) = Corpus::with_seeds([
            (
                "s1.txt",
                b" date 2022-12 Poetin bezocht Minsk op maandag." as &[u8],
            ),
            ("s2.txt", b" date 2022-10 Loekasjenko sprak over de oorlog."),
        ]);
        c.add_files(vec![(
            "added.txt".into(),
            Ok(b"source: NOS\n\nEen toegevoegd stuk over Minsk.".to_vec()),
        )]);
        c
    }

    fn id_of(c: &Corpus, file: &str) -> ArticleId {
        c.articles()
            .iter()
            .find(|a| a.file_name == file)
            .unwrap()
            .id
    }

    #[test]
    fn an_edit_changes_metadata_and_what_search_filters_see() {
        let mut c = seeded();
        let id = id_of(&c, "s1.txt");
        let edit = ArticleEdit {
            source: Some("De Morgen".into()),
            date: Some("2022-12-19".into()),
            title: Some("Poetin in Minsk".into()),
        };
        c.edit(id, &edit).unwrap();
        let a = c.get(id).unwrap();
        assert_eq!(a.source.as_deref(), Some("De Morgen"));
        assert_eq!(
            a.pub_date.as_ref().unwrap().provenance,
            Provenance::UserEdit
        );
        assert_eq!(a.title_kind, TitleKind::Headline);
        assert_eq!(
            c.search("source:\"de morgen\" Minsk", &SearchOptions::default())
                .total,
            1
        );
        assert_eq!(
            c.search("date:2022-12-19", &SearchOptions::default()).total,
            1
        );
        assert!(matches!(
            c.edit(
                id,
                &ArticleEdit {
                    date: Some("19-12-2022".into()),
                    ..Default::default()
                }
            ),
            Err(EditError::BadDate(_))
        ));
        assert_eq!(
            c.edit(
                id,
                &ArticleEdit {
                    title: Some(" ".into()),
                    ..Default::default()
                }
            ),
            Err(EditError::BadTitle)
        );
        assert!(c.reset_edit(id));
        assert_eq!(c.get(id).unwrap().source, None);
        assert_eq!(
            c.get(id).unwrap().pub_date.as_ref().unwrap().provenance,
            Provenance::Header
        );
        assert_eq!(
            c.search("source:\"de morgen\"", &SearchOptions::default())
                .total,
            0
        );
    }

    #[test]
    fn renaming_a_source_renames_it_everywhere() {
        let mut c = seeded();
        assert_eq!(c.rename_source("", "Onbekend blad").unwrap(), 2);
        assert_eq!(c.rename_source("nos", "NOS Nieuws").unwrap(), 1);
        let names: Vec<String> = c.sources().into_iter().map(|(s, _)| s).collect();
        assert_eq!(names, ["NOS Nieuws", "Onbekend blad"]);
        let seeds = [id_of(&c, "s1.txt"), id_of(&c, "s2.txt")];
        assert_eq!(c.common_source(&seeds).as_deref(), Some("Onbekend blad"));
        assert_eq!(c.common_source(&[seeds[0], id_of(&c, "added.txt")]), None);
    }

    #[test]
    fn seeds_are_hidden_and_restored_but_added_articles_are_removed() {
        let mut c = seeded();
        let seed = id_of(&c, "s1.txt");
        let added = id_of(&c, "added.txt");
        assert!(c.is_seed(seed) && !c.is_seed(added));
        assert!(c.remove(seed));
        assert_eq!(c.hidden_seeds().len(), 1);
        assert!(c.get(seed).is_none());
        assert_eq!(c.search("maandag", &SearchOptions::default()).total, 0);
        // A hidden seed dropped again is still a duplicate, not a second copy.
        let again = add_file(
            &mut c,
            "copy.txt",
            b" date 2022-12 Poetin bezocht Minsk op maandag.",
        );
        assert!(matches!(again, FileOutcome::Duplicate { .. }));
        assert_eq!(c.restore_seeds(), 1);
        assert_eq!(c.search("maandag", &SearchOptions::default()).total, 1);
        assert_eq!(c.remove_added(), 1);
        assert!(c.get(added).is_none());
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn a_project_restores_exactly_the_state_it_was_made_from() {
        let mut c = seeded();
        let added = id_of(&c, "added.txt");
        let seed = id_of(&c, "s2.txt");
        c.edit(
            added,
            &ArticleEdit {
                title: Some("Mijn titel".into()),
                ..Default::default()
            },
        )
        .unwrap();
        c.edit(
            id_of(&c, "s1.txt"),
            &ArticleEdit {
                source: Some("HLN".into()),
                ..Default::default()
            },
        )
        .unwrap();
        c.hide(seed);
        c.add_alias_group(&["Minsk", "Mensk"]);
        let json = c.project().to_json();

        let mut fresh = Corpus::with_seeds([
            (
                "s1.txt",
                b" date 2022-12 Poetin bezocht Minsk op maandag." as &[u8],
            ),
            ("s2.txt", b" date 2022-10 Loekasjenko sprak over de oorlog."),
        ])
        .0;
        let outcomes = fresh.add_files(vec![("project.json".into(), Ok(json.into_bytes()))]);
        let FileOutcome::ProjectOpened { report, .. } = &outcomes[0] else {
            panic!("{outcomes:?}");
        };
        assert_eq!((report.articles, report.edits, report.hidden), (1, 2, 1));
        assert_eq!(fresh.get(added).unwrap().title, "Mijn titel");
        assert_eq!(
            fresh.original(added).unwrap().title_kind,
            TitleKind::Derived
        );
        assert_eq!(
            fresh
                .get(id_of(&fresh, "s1.txt"))
                .unwrap()
                .source
                .as_deref(),
            Some("HLN")
        );
        assert!(fresh.get(seed).is_none());
        assert_eq!(fresh.aliases(), c.aliases());
        assert_eq!(fresh.state(), c.state());
        assert_eq!(fresh.project(), c.project());
    }

    #[test]
    fn a_project_from_a_newer_version_changes_nothing() {
        let mut c = seeded();
        let before = c.project();
        let newer = before.to_json().replace("\"version\":1", "\"version\":99");
        let outcomes = c.add_files(vec![("new.json".into(), Ok(newer.into_bytes()))]);
        assert!(
            matches!(&outcomes[0], FileOutcome::Rejected(e) if e.to_string().contains("newer Newsprism")),
            "{outcomes:?}"
        );
        assert_eq!(c.project(), before);
    }
}
