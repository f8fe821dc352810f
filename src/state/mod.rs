//! The app's state, in one context: the corpus, the ingest in progress, the last report and the
//! storage status.
//!
//! The state is closed: views read it through accessors that hand out read-only signals, and
//! change it only through the named methods here, each of which also writes the change to
//! storage (a change made any other way would not survive a reload). Views read the corpus by
//! reference (`with`), never clone it, and derive everything else.
//!
//! - this file: the state, its accessors, and the user's edits;
//! - `ingest`: adding files (workers, or this page), and the batch report;
//! - `persist`: restoring what an earlier visit stored, and storing each change;
//! - `words`: the whole corpus's word counts, counted a slice at a time;
//! - `dates`: each article's dates, read a slice at a time, and the timeline made of them;
//! - `ahead`: the comparison (its readings, its first tab) and the library's orders, worked
//!   out when the page is idle and kept, so that the views open on work already done;
//! - `lexicon`: the lemma lexicon, loaded after the first paint;
//! - `searched`: the last search's results, kept while the corpus stays as it was;
//! - `remote`: comparisons of more articles than the page compares itself, made by the
//!   analysis worker;
//! - `archive`: a published index opened from the page's origin, read a file at a time;
//! - [`plan`]: the pure arithmetic of cutting a batch into worker chunks.

mod ahead;
mod archive;
pub use ahead::MAX_SCOPE;
mod dates;
mod ingest;
mod lexicon;
mod library;
mod persist;
pub mod plan;
mod remote;
mod searched;
mod words;

use leptos::prelude::*;
use newsprism_core::article::ArticleId;
use newsprism_core::project::{ArticleEdit, EditError};
use newsprism_core::search::alias::AliasTable;
use newsprism_core::Corpus;

use crate::seeds::SEEDS;

pub use archive::{ArchiveAnswer, ArchiveStatus, ArchiveSummary};
pub use dates::DatesRead;
pub use ingest::{BatchReport, Progress, ReadWhere};
pub use lexicon::WordForms;
pub use remote::{runs_remotely, scope_limit};
pub use words::CorpusWords;

/// Whether the user's work is being kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Storage {
    /// Reading what was stored on an earlier visit: how many stored articles are coming back,
    /// once the store has said.
    Restoring(Option<usize>),
    /// Everything is stored as it changes.
    Saved,
    /// Storage failed; the session goes on in memory. The reason, in plain words.
    Failed(String),
}

/// Shared state, provided once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// All loaded articles.
    corpus: RwSignal<Corpus>,
    /// Plain-language messages about bundled or stored files that could not be read.
    load_errors: RwSignal<Vec<String>>,
    /// What happened to the last batch the user added.
    report: RwSignal<BatchReport>,
    /// The batch being read, if any.
    progress: RwSignal<Option<Progress>>,
    /// Set to stop the batch being read after the current chunk.
    cancel: RwSignal<bool>,
    /// Whether storage works.
    storage: RwSignal<Storage>,
    /// Storage writes under way.
    saving: RwSignal<usize>,
    /// The whole corpus's word counts, for distinctive vocabulary against the corpus.
    words: RwSignal<CorpusWords>,
    /// While the corpus's words are being counted: how many articles are counted so far.
    counting: RwSignal<Option<usize>>,
    /// Where the word list that joins a word's forms stands.
    word_forms: RwSignal<WordForms>,
    /// Each article's dates, read a slice at a time (see `dates`).
    dates: RwSignal<newsprism_core::time::timeline::Analyses>,
    /// While dates are being read: how far it has come.
    reading_dates: RwSignal<Option<DatesRead>>,
    /// The timeline of the whole corpus, assembled from `dates` when first read and again only
    /// after the corpus changes, so that going back to the timeline costs nothing.
    timeline: Memo<newsprism_core::time::timeline::Timeline>,
    /// Articles as the comparison last read them, so that moving between its tabs and scopes
    /// does not read them again.
    compared: StoredValue<newsprism_core::compare::DocCache>,
    /// The library's order under each sort, worked out when first read and again only after
    /// the library changes, so that opening or re-sorting a large library does not sort it.
    library: library::Orders,
    /// Whether articles are being read ahead of a comparison.
    preparing: RwSignal<bool>,
    /// A new number each time the corpus changes.
    changes: Memo<u64>,
    /// The last search and its results (see `searched`).
    last_search: StoredValue<Option<searched::LastSearch>>,
    /// The published index opened, if any (see `archive`).
    archive: RwSignal<ArchiveStatus>,
    opened: StoredValue<Option<archive::Opened>, LocalStorage>,
}

impl AppState {
    /// State holding the bundled articles.
    pub fn with_seeds() -> Self {
        let (corpus, errors) = Corpus::with_seeds(SEEDS.iter().copied());
        let corpus = RwSignal::new(corpus);
        let dates = RwSignal::new(newsprism_core::time::timeline::Analyses::new());
        let changes = searched::change_counter(corpus);
        AppState {
            library: library::Orders::new(corpus, changes),
            corpus,
            dates,
            reading_dates: RwSignal::new(None),
            timeline: Self::timeline_memo(corpus, dates),
            load_errors: RwSignal::new(errors.iter().map(ToString::to_string).collect()),
            report: RwSignal::new(BatchReport::default()),
            progress: RwSignal::new(None),
            cancel: RwSignal::new(false),
            storage: RwSignal::new(Storage::Restoring(None)),
            saving: RwSignal::new(0),
            words: RwSignal::new(CorpusWords::default()),
            counting: RwSignal::new(None),
            word_forms: RwSignal::new(WordForms::Loading),
            compared: StoredValue::new(newsprism_core::compare::DocCache::new()),
            preparing: RwSignal::new(false),
            changes,
            last_search: StoredValue::new(None),
            archive: RwSignal::new(ArchiveStatus::Closed),
            opened: StoredValue::new_local(None),
        }
    }

    /// All loaded articles (read them with `with`, never `get`).
    pub fn corpus(&self) -> ReadSignal<Corpus> {
        self.corpus.read_only()
    }

    /// Messages about bundled or stored files that could not be read.
    pub fn load_errors(&self) -> ReadSignal<Vec<String>> {
        self.load_errors.read_only()
    }

    /// What happened to the last batch the user added (empty when dismissed).
    pub fn report(&self) -> ReadSignal<BatchReport> {
        self.report.read_only()
    }

    /// The batch being read, if any.
    pub fn progress(&self) -> ReadSignal<Option<Progress>> {
        self.progress.read_only()
    }

    /// Whether the user asked to stop the batch being read.
    pub fn cancelling(&self) -> ReadSignal<bool> {
        self.cancel.read_only()
    }

    /// Whether storage works.
    pub fn storage(&self) -> ReadSignal<Storage> {
        self.storage.read_only()
    }

    /// How many storage writes are under way.
    pub fn saving(&self) -> ReadSignal<usize> {
        self.saving.read_only()
    }

    /// The whole corpus's word counts (see [`AppState::count_words`]).
    pub fn words(&self) -> ReadSignal<CorpusWords> {
        self.words.read_only()
    }

    /// While the corpus's words are being counted: how many are counted so far.
    pub fn counting(&self) -> ReadSignal<Option<usize>> {
        self.counting.read_only()
    }

    /// Stops the batch being read after the chunk in hand; what was read is kept.
    pub fn cancel_ingest(&self) {
        self.cancel.set(true);
    }

    /// Closes the last batch's report.
    pub fn dismiss_report(&self) {
        self.report.set(BatchReport::default());
    }

    /// Applies an edit to an article's metadata and stores it.
    pub fn edit(&self, id: ArticleId, edit: &ArticleEdit) -> Result<(), EditError> {
        // A refused edit changes nothing, so nothing is told to re-render.
        let result = self
            .corpus
            .try_update_untracked(|c| c.edit(id, edit))
            .unwrap_or(Ok(()));
        if result.is_ok() {
            self.corpus.notify();
            self.save_state();
        }
        result
    }

    /// Undoes the edits of an article.
    pub fn reset_edit(&self, id: ArticleId) {
        self.corpus.update(|c| {
            c.reset_edit(id);
        });
        self.save_state();
    }

    /// Sets the source of several articles (a dropped folder's name, a renamed source).
    pub fn set_source(&self, ids: &[ArticleId], source: &str) -> Result<usize, EditError> {
        self.change_sources(|c| c.set_source(ids, source))
    }

    /// Renames a source (`None`: the unknown source) for all its articles.
    pub fn rename_source(&self, from: Option<&str>, to: &str) -> Result<usize, EditError> {
        self.change_sources(|c| c.rename_source(from, to))
    }

    /// Runs a change of several articles' sources and stores the result, also when it stopped
    /// part way (the articles changed before the refusal stay changed).
    fn change_sources(
        &self,
        change: impl FnOnce(&mut Corpus) -> Result<usize, EditError>,
    ) -> Result<usize, EditError> {
        let result = self.corpus.try_update(change).unwrap_or(Ok(0));
        self.save_state();
        result
    }

    /// Adds a line of spellings to the alias table.
    pub fn add_alias_group(&self, names: &[&str]) {
        self.corpus.update(|c| c.add_alias_group(names));
        self.save_state();
    }

    /// Removes the line of spellings that holds this name.
    pub fn remove_alias_group(&self, name: &str) {
        self.corpus.update(|c| c.remove_alias_group(name));
        self.save_state();
    }

    /// Puts the built-in alias table back.
    pub fn restore_aliases(&self) {
        self.corpus.update(|c| c.set_aliases(AliasTable::default()));
        self.save_state();
    }

    /// Removes an added article, or hides a bundled one.
    pub fn remove(&self, id: ArticleId) {
        let seed = self.corpus.with_untracked(|c| c.is_seed(id));
        self.corpus.update(|c| {
            c.remove(id);
        });
        self.save_removal(id, seed);
    }

    /// Removes every added article.
    pub fn remove_added(&self) {
        self.corpus.update(|c| {
            c.remove_added();
        });
        self.dismiss_report();
        self.save_cleared();
    }

    /// Brings the hidden bundled articles back.
    pub fn restore_seeds(&self) {
        self.corpus.update(|c| {
            c.restore_seeds();
        });
        self.save_state();
    }

    /// The whole project as JSON, for export.
    pub fn project_json(&self) -> String {
        self.corpus.with_untracked(|c| c.project().to_json())
    }
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
