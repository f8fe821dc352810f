//! Hash routes: `#/` (library), `#/article/<id>` (reader), `#/search?q=…` (search),
//! `#/timeline?q=…` (timeline and trends), `#/compare?…` (source comparison), `#/aliases`, and
//! `#/archive?index=…` (a published index; `#/?index=…` opens one too).
//!
//! Routing by hash needs no server rewrites, so the app works from any static host, under any
//! sub-path and from `file://`. leptos_router 0.8 has no hash mode (leptos-rs/leptos#2184), so
//! the route is a typed enum parsed here and kept in sync by `browser::hash`.
//!
//! Files: `parse.rs` reads a hash into a [`Route`], `hash.rs` writes one back, `codec.rs`
//! holds the percent coding and the query parameters they share.

mod codec;
mod hash;
mod parse;
#[cfg(test)]
mod tests;

pub use codec::{decode, encode};

use newsprism_core::compare::Scope;
use newsprism_core::corpus::{LibraryFilter, LibrarySort};
use newsprism_core::search::kwic::KwicSort;
use newsprism_core::time::timeline::Bucket;
use newsprism_core::ArticleId;

/// The most articles a compare URL can pick (`set=`): the view compares at most its own limit
/// of them and says how many were left out.
pub const MAX_PICKED: usize = 200;

/// Which tab of the search view is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchTab {
    /// Ranked articles with snippets.
    #[default]
    Results,
    /// Keyword in context.
    Kwic,
}

/// A search as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The query text.
    pub q: String,
    /// Whether other spellings from the alias table are searched too.
    pub aliases: bool,
    /// The open tab.
    pub tab: SearchTab,
    /// The concordance's order.
    pub sort: KwicSort,
}

/// What the timeline's lanes stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lanes {
    /// One lane per source.
    #[default]
    Source,
    /// One lane per article.
    Article,
}

/// The timeline and trend as the URL holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineState {
    /// The trend's query (empty: no trend).
    pub q: String,
    /// Whether the trend's query uses aliases.
    pub aliases: bool,
    /// Lanes per source or per article.
    pub lanes: Lanes,
    /// The trend's periods.
    pub bucket: Bucket,
    /// Whether the trend shows shares rather than counts.
    pub share: bool,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            q: String::new(),
            aliases: true,
            lanes: Lanes::Source,
            bucket: Bucket::Month,
            share: false,
        }
    }
}

/// The tabs of the compare view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareTab {
    /// Similarity heatmap and story groups.
    #[default]
    Groups,
    /// Side-by-side reading.
    Read,
    /// Quotations and their clusters.
    Quotes,
    /// The number ledger.
    Numbers,
    /// Entities and what only one source has.
    Entities,
    /// Distinctive vocabulary.
    Words,
}

impl CompareTab {
    /// Every tab, in order.
    pub const ALL: [CompareTab; 6] = [
        CompareTab::Groups,
        CompareTab::Read,
        CompareTab::Quotes,
        CompareTab::Numbers,
        CompareTab::Entities,
        CompareTab::Words,
    ];

    /// The URL name.
    pub fn key(self) -> &'static str {
        match self {
            CompareTab::Groups => "groups",
            CompareTab::Read => "read",
            CompareTab::Quotes => "quotes",
            CompareTab::Numbers => "numbers",
            CompareTab::Entities => "entities",
            CompareTab::Words => "words",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            CompareTab::Groups => "Story groups",
            CompareTab::Read => "Side by side",
            CompareTab::Quotes => "Quotes",
            CompareTab::Numbers => "Numbers",
            CompareTab::Entities => "Names",
            CompareTab::Words => "Words",
        }
    }

    fn parse(s: &str) -> CompareTab {
        CompareTab::ALL
            .into_iter()
            .find(|t| t.key() == s)
            .unwrap_or_default()
    }
}

/// The compare view as the URL holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareState {
    /// The tab shown.
    pub tab: CompareTab,
    /// The articles read side by side (2–4).
    pub ids: Vec<ArticleId>,
    /// Story-group threshold, in hundredths of combined similarity.
    pub threshold: u32,
    /// Story-group time window, in days.
    pub window: i32,
    /// Quotes filtered to a speaker key (empty: all).
    pub speaker: String,
    /// Quotes filtered to a party key (empty: all).
    pub source: String,
    /// Compare only the articles this search query finds (`in=`; empty: no query).
    pub within: String,
    /// Compare only these articles (`set=`; empty: not picked).
    pub picked: Vec<ArticleId>,
}

impl CompareState {
    /// The articles compared, as the core names the choice: picked ones win over a query.
    pub fn scope(&self) -> Scope {
        if !self.picked.is_empty() {
            Scope::Picked(self.picked.clone())
        } else if !self.within.trim().is_empty() {
            Scope::Matching(self.within.trim().to_string())
        } else {
            Scope::All
        }
    }
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            tab: CompareTab::Groups,
            ids: Vec::new(),
            threshold: 5,
            window: 7,
            speaker: String::new(),
            source: String::new(),
            within: String::new(),
            picked: Vec::new(),
        }
    }
}

/// What the reader highlights and where it scrolls, from the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    /// A query whose matches are highlighted.
    pub q: Option<String>,
    /// Whether that query used aliases.
    pub aliases: bool,
    /// The paragraph to scroll to.
    pub paragraph: Option<usize>,
    /// The byte offset of the hit to mark as current, within that paragraph.
    pub offset: Option<usize>,
    /// The length of a passage to mark from `offset` (a sentence the timeline links to).
    pub length: Option<usize>,
}

impl Default for Focus {
    /// Nothing highlighted (aliases on for whatever is highlighted later).
    fn default() -> Focus {
        Focus {
            q: None,
            aliases: true,
            paragraph: None,
            offset: None,
            length: None,
        }
    }
}

/// A published index (written by `newsprism index`) as the URL holds it: where it is, a
/// search in it, and an article of it being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveState {
    /// The index's folder, relative to the app (same origin only).
    pub index: String,
    /// The query (empty: the archive's overview).
    pub q: String,
    /// Whether other spellings from the index's alias table are searched too.
    pub aliases: bool,
    /// The article being read, if any.
    pub article: Option<ArticleId>,
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of articles, in the given order.
    Library {
        /// The order of the list.
        sort: LibrarySort,
        /// Which articles it lists.
        filter: LibraryFilter,
    },
    /// One article, optionally with a search's hits highlighted and a passage to scroll to.
    Article {
        /// Which article.
        id: ArticleId,
        /// What to highlight and where to scroll.
        focus: Focus,
    },
    /// The search view.
    Search(SearchState),
    /// The timeline and query trends.
    Timeline(TimelineState),
    /// Source comparison.
    Compare(CompareState),
    /// A published index, searched and read from its files.
    Archive(ArchiveState),
    /// The alias table.
    Aliases,
    /// The named events' table ("de invasie van Oekraïne" = 2022-02-24).
    Events,
    /// What Newsprism is for, where to start, and what its measures mean.
    Help,
    /// A hash that names no page.
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Library {
            sort: LibrarySort::default(),
            filter: LibraryFilter::default(),
        }
    }
}

impl Route {
    /// The reader for an article, with nothing highlighted.
    pub fn article(id: ArticleId) -> Route {
        Route::Article {
            id,
            focus: Focus::default(),
        }
    }

    /// The browser tab's title for this route; `article_title` is the article's, for the
    /// reader (`None`: no such article).
    pub fn title(&self, article_title: Option<&str>) -> String {
        match self {
            Route::Article { .. } => match article_title {
                Some(t) => format!("{t} · Newsprism"),
                None => "Not found · Newsprism".into(),
            },
            Route::Library { .. } => "Library · Newsprism".into(),
            Route::Search(s) if s.q.trim().is_empty() => "Search · Newsprism".into(),
            Route::Search(s) => format!("“{}” · Search · Newsprism", s.q.trim()),
            Route::Archive(a) if a.q.trim().is_empty() => "Archive · Newsprism".into(),
            Route::Archive(a) => format!("“{}” · Archive · Newsprism", a.q.trim()),
            Route::Aliases => "Spellings · Newsprism".into(),
            Route::Events => "Named events · Newsprism".into(),
            Route::Help => "Help · Newsprism".into(),
            Route::Timeline(_) => "Timeline · Newsprism".into(),
            Route::Compare(_) => "Compare · Newsprism".into(),
            Route::NotFound(_) => "Not found · Newsprism".into(),
        }
    }

    /// The reader with a passage (a sentence) marked and scrolled to.
    pub fn passage(id: ArticleId, paragraph: usize, start: usize, len: usize) -> Route {
        Route::Article {
            id,
            focus: Focus {
                paragraph: Some(paragraph),
                offset: Some(start),
                length: Some(len),
                ..Focus::default()
            },
        }
    }

    /// A search for `q` with the default options.
    pub fn search(q: &str) -> Route {
        Route::Search(SearchState {
            q: q.to_string(),
            aliases: true,
            ..SearchState::default()
        })
    }
}
