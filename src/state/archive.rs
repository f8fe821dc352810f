//! A published index (an archive written by `newsprism index`) opened from the page's own
//! origin: its manifest and documents read on opening, then only the files each search or
//! article needs, fetched all at once per round and kept (see `browser::archive`). The archive
//! is apart from the library: nothing of it is stored with the user's articles.

use futures::future::join_all;
use leptos::prelude::*;
use newsprism_core::publish::{Manifest, Part, PublishedIndex};
use newsprism_core::search::results::{Facet, SearchOptions, SearchResults};
use newsprism_core::{Article, ArticleId};

use super::{AppState, WordForms};
use crate::browser::archive::{address, fetch};
use crate::browser::timer::sleep;

/// Where the archive stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ArchiveStatus {
    /// None opened.
    #[default]
    Closed,
    /// Its manifest and documents are being read.
    Opening(String),
    /// Open: what it holds.
    Open(ArchiveSummary),
    /// It could not be opened: why, in plain words (naming the file).
    Failed {
        /// The index's folder.
        index: String,
        /// Why.
        why: String,
    },
}

/// What an open archive holds, from its manifest and documents.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchiveSummary {
    /// The index's folder.
    pub index: String,
    /// Articles.
    pub documents: usize,
    /// Distinct words.
    pub terms: usize,
    /// Articles per source, most first.
    pub sources: Vec<Facet>,
    /// Articles per month of publication.
    pub months: Vec<Facet>,
    /// What wrote it.
    pub generator: String,
    /// Bytes fetched to open it.
    pub bytes: usize,
}

/// The open archive's reader.
pub(super) struct Opened {
    index: String,
    reader: PublishedIndex,
}

/// A search of the archive, with what it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchiveAnswer {
    /// The answer, as a search of the library answers.
    pub results: SearchResults,
    /// Files fetched for it (none: all were at hand), and their bytes as fetched.
    pub files: usize,
    /// Bytes fetched.
    pub bytes: usize,
}

/// The most rounds of fetching one search or article may take.
const ROUNDS: usize = 12;

impl AppState {
    /// Where the archive stands.
    pub fn archive(&self) -> ReadSignal<ArchiveStatus> {
        self.archive.read_only()
    }

    /// Opens the archive in the folder `index` (relative to the app), unless it is open or
    /// being opened already.
    pub fn open_archive(&self, index: &str) {
        let same = match self.archive.get_untracked() {
            ArchiveStatus::Opening(i) => i == index,
            ArchiveStatus::Open(s) => s.index == index,
            _ => false,
        };
        if same {
            return;
        }
        self.archive.set(ArchiveStatus::Opening(index.to_string()));
        let state = *self;
        let index = index.to_string();
        leptos::task::spawn_local(async move {
            let status = match state.read_archive(&index).await {
                Ok(summary) => ArchiveStatus::Open(summary),
                Err(why) => ArchiveStatus::Failed {
                    index: index.clone(),
                    why,
                },
            };
            // Another archive may have been asked for meanwhile: that one wins.
            if state.archive.get_untracked() == ArchiveStatus::Opening(index) {
                state.archive.set(status);
            }
        });
    }

    async fn read_archive(&self, index: &str) -> Result<ArchiveSummary, String> {
        let get = |path: &'static str, gzip: bool| async move {
            let url = address(index, path)?;
            fetch(&url, gzip)
                .await
                .map_err(|why| format!("{path}: {why}"))
        };
        let (manifest, a) = get("manifest.json", false).await?;
        let (docs, b) = get("docs.bin.gz", true).await?;
        // An index keyed with the word list is searched with it: wait until it has loaded.
        let keyed = Manifest::parse(&manifest).is_ok_and(|m| m.lexicon.is_some());
        while keyed && self.word_forms.get_untracked() == WordForms::Loading {
            sleep(100).await;
        }
        let stemmers = self.corpus.with_untracked(|c| c.index().stemmers().clone());
        let reader = PublishedIndex::open(&manifest, &docs, stemmers).map_err(|e| e.to_string())?;
        let m = reader.manifest();
        let (sources, months) = reader.overview();
        let summary = ArchiveSummary {
            index: index.to_string(),
            documents: m.documents,
            terms: m.terms,
            sources,
            months,
            generator: m.generator.clone(),
            bytes: a + b,
        };
        self.opened.set_value(Some(Opened {
            index: index.to_string(),
            reader,
        }));
        Ok(summary)
    }

    /// Waits until the archive `index` is open; `Err` says why it is not.
    async fn archive_ready(&self, index: &str) -> Result<(), String> {
        loop {
            match self.archive.get_untracked() {
                ArchiveStatus::Open(s) if s.index == index => return Ok(()),
                ArchiveStatus::Opening(i) if i == index => sleep(50).await,
                ArchiveStatus::Failed { index: i, why } if i == index => return Err(why),
                _ => return Err(format!("the archive “{index}” is not open")),
            }
        }
    }

    /// Fetches `parts` of the archive `index` (all at once) into its reader; returns how many
    /// bytes came.
    async fn fetch_parts(&self, index: &str, parts: Vec<Part>) -> Result<usize, String> {
        let fetched = join_all(parts.iter().map(|part| async move {
            let path = format!("{}.gz", part.path());
            let url = address(index, &path)?;
            fetch(&url, true)
                .await
                .map_err(|why| format!("{path}: {why}"))
        }))
        .await;
        let mut bytes = 0;
        for (part, got) in parts.into_iter().zip(fetched) {
            let (body, size) = got?;
            bytes += size;
            let added = self
                .opened
                .try_update_value(|o| match o {
                    Some(o) if o.index == index => {
                        o.reader.add(part, &body).map_err(|e| e.to_string())
                    }
                    _ => Err("the archive was closed".to_string()),
                })
                .unwrap_or_else(|| Err("the archive was closed".to_string()));
            added?;
        }
        Ok(bytes)
    }

    /// Searches the archive `index` as the library is searched, fetching the files the search
    /// needs.
    pub async fn archive_search(
        &self,
        index: &str,
        q: &str,
        options: SearchOptions,
    ) -> Result<ArchiveAnswer, String> {
        self.archive_ready(index).await?;
        let (mut files, mut bytes) = (0, 0);
        for _ in 0..ROUNDS {
            let step = self
                .opened
                .try_update_value(|o| o.as_mut().map(|o| o.reader.search_loaded(q, &options)))
                .flatten()
                .ok_or("the archive was closed")?;
            match step {
                Ok(results) => {
                    return Ok(ArchiveAnswer {
                        results,
                        files,
                        bytes,
                    })
                }
                Err(parts) => {
                    files += parts.len();
                    bytes += self.fetch_parts(index, parts).await?;
                }
            }
        }
        Err("the search kept asking for more files".into())
    }

    /// An article of the archive `index`, fetching its text file if need be.
    pub async fn archive_article(&self, index: &str, id: ArticleId) -> Result<Article, String> {
        self.archive_ready(index).await?;
        let looked = |state: &Self| {
            state.opened.with_value(|o| {
                o.as_ref()
                    .map(|o| (o.reader.article(id).cloned(), o.reader.text_part(id)))
            })
        };
        match looked(self) {
            Some((Some(a), _)) => return Ok(a),
            Some((None, Some(part))) => {
                self.fetch_parts(index, vec![part]).await?;
            }
            _ => return Err("this archive has no such article".into()),
        }
        looked(self)
            .and_then(|(a, _)| a)
            .ok_or_else(|| "the article is missing from its text file".into())
    }
}
