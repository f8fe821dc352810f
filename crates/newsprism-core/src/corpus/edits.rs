//! Changing what is loaded: removing and hiding articles, the user's edits of title, source
//! and date, sources renamed, and the state saved and restored (stored, or a project file).

use std::collections::BTreeMap;

use super::{AddOutcome, Corpus, RestoreReport};
use crate::article::{Article, ArticleId, Provenance, PubDate, TitleKind};
use crate::project::{ArticleEdit, DateEdit, EditError, Project, ProjectState};
use crate::search::alias::AliasTable;
use crate::search::index::segment::Segment;
use crate::search::index::IndexDoc;
use crate::text::fold::fold;
use rustc_hash::FxHashSet;

/// An article with a user's edit laid over it.
fn apply_edit(mut a: Article, edit: &ArticleEdit) -> Article {
    if let Some(t) = &edit.title {
        a.title = t.trim().to_string();
        a.title_kind = TitleKind::Headline;
    }
    if let Some(s) = &edit.source {
        let s = s.trim();
        a.source = (!s.is_empty()).then(|| s.to_string());
        a.source_from_address = false;
    }
    match edit.date {
        Some(DateEdit::Date(date)) => {
            a.pub_date = Some(PubDate {
                date,
                provenance: Provenance::UserEdit,
            })
        }
        Some(DateEdit::Undated) => a.pub_date = None,
        None => {}
    }
    a
}

impl Corpus {
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

    /// Gives every article of source `from` (compared folded; `None` is the unknown source)
    /// the source `to`. Returns how many articles changed.
    pub fn rename_source(&mut self, from: Option<&str>, to: &str) -> Result<usize, EditError> {
        let key = from.map(|f| fold(f.trim()));
        let ids: Vec<ArticleId> = self
            .articles
            .iter()
            .filter(|a| a.source.as_deref().map(|s| fold(s.trim())) == key)
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

    /// The sources with their article counts: the unknown source (`None`) first, then by name.
    pub fn sources(&self) -> Vec<(Option<String>, usize)> {
        let mut counts: BTreeMap<Option<String>, usize> = BTreeMap::new();
        for a in &self.articles {
            *counts.entry(a.source.clone()).or_default() += 1;
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
            events: (!self.events.is_built_in()).then(|| self.events.table().events.clone()),
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
        self.events = crate::time::named::NamedEvents::built_in().clone();
    }

    /// Adds back one stored or exported article, counting it in `report`.
    pub fn restore_article(&mut self, article: Article, report: &mut RestoreReport) {
        match self.add(article, Vec::new(), true) {
            AddOutcome::Added { .. } => report.articles += 1,
            AddOutcome::Duplicate { .. } => report.duplicates += 1,
        }
    }

    /// Adds back one stored article without indexing it: its postings come from a stored
    /// segment ([`Corpus::index_from_segment`]), and whatever no segment brings is indexed with
    /// [`Corpus::index_if_missing`]. Until then, search does not find it. It joins the
    /// near-duplicate index later ([`Corpus::catch_up_near`]): whether it nearly copies another
    /// was told when it was first added.
    pub fn restore_unindexed(&mut self, article: Article, report: &mut RestoreReport) {
        match self.add_quietly(article, Vec::new(), false) {
            AddOutcome::Added { id, .. } => {
                self.near_behind.push(id);
                report.articles += 1;
            }
            AddOutcome::Duplicate { .. } => report.duplicates += 1,
        }
    }

    /// Merges a stored segment's postings for the loaded articles that are not indexed yet
    /// (see [`Corpus::restore_unindexed`]). A segment made with another word list is keyed
    /// again as it is merged. Returns how many articles it indexed: none means the segment
    /// holds nothing loaded any more, and need not be kept.
    pub fn index_from_segment(&mut self, segment: &Segment) -> usize {
        let index = &self.index;
        let loaded = &self.positions;
        // The wanted keys, gathered first: the merge borrows the index mutably.
        let wanted: FxHashSet<u64> = segment
            .keys()
            .filter(|&k| !index.contains(k) && loaded.contains_key(&ArticleId(k)))
            .collect();
        if wanted.is_empty() {
            return 0;
        }
        self.merge_segment(segment, |k| wanted.contains(&k))
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
        if let Some(events) = state.events {
            let (table, dropped) = crate::time::named::EventTable { events }.checked();
            report.bad_events += dropped;
            self.set_named_events(table);
        }
    }
}
