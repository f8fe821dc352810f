//! What the views ask the corpus: search and its suggestions, highlights, the concordance,
//! comparisons and their scope, the timeline and trends, and the library's order.

use rustc_hash::FxHashSet;

use super::library::library_order;
use super::{Corpus, LibrarySort};
use crate::article::{Article, ArticleId};
use crate::search::answer;
use crate::search::engine;
use crate::search::kwic::{self, KwicLine, KwicSort};
use crate::search::query;
use crate::search::results::{SearchOptions, SearchResults};

impl Corpus {
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
        let suggestions = if ranked.docs.is_empty() && parsed.root.is_some() {
            answer::suggestions(&self.index, &self.aliases, q, &parsed, options)
        } else {
            Vec::new()
        };
        answer::answer(&self.index, &parsed, ranked, options, suggestions, |id| {
            self.get(id)
        })
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
        let stemmers = self.index.stemmers();
        let key = |id: ArticleId, word: &str| match self.get(id) {
            Some(a) => stemmers.stem(a.language, word),
            None => word.to_string(),
        };
        kwic::sort_lines(&mut lines, sort, &key);
        (lines, truncated)
    }

    /// Compares articles (those of `ids` that are loaded, in that order): similarity and story
    /// groups, quotations, the number ledger, entities and distinctive words.
    pub fn compare(&self, ids: &[ArticleId]) -> crate::compare::Comparison {
        self.compare_parts(ids, crate::compare::Parts::ALL)
    }

    /// Compares the given articles, working out only the `parts` a view needs (see
    /// [`crate::compare::Parts`]).
    pub fn compare_parts(
        &self,
        ids: &[ArticleId],
        parts: crate::compare::Parts,
    ) -> crate::compare::Comparison {
        self.compare_cached(ids, parts, &mut crate::compare::DocCache::new())
    }

    /// As [`Corpus::compare_parts`], reusing the articles `cache` has read for an earlier
    /// comparison.
    pub fn compare_cached(
        &self,
        ids: &[ArticleId],
        parts: crate::compare::Parts,
        cache: &mut crate::compare::DocCache,
    ) -> crate::compare::Comparison {
        let articles: Vec<&Article> = ids.iter().filter_map(|&id| self.get(id)).collect();
        cache.use_table(&self.events);
        crate::compare::Comparison::build_cached(
            &articles,
            &self.aliases,
            self.index.stemmers(),
            parts,
            cache,
        )
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
        let (chosen, eligible, missing): (FxHashSet<ArticleId>, usize, usize) = match scope {
            Scope::All => (
                self.library_first(LibrarySort::DateNewest, max)
                    .iter()
                    .map(|a| a.id)
                    .collect(),
                self.articles.len(),
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
        // The chosen ones in library order: only they are sorted, not the whole library.
        let mut ids: Vec<&Article> = chosen.iter().filter_map(|&id| self.get(id)).collect();
        crate::sorting::sort_by(&mut ids, |a, b| {
            library_order(LibrarySort::DateNewest, a, b)
        });
        Scoped {
            ids: ids.into_iter().map(|a| a.id).collect(),
            eligible,
            missing,
        }
    }

    /// Reads an article ahead of a comparison into `cache` (see
    /// [`crate::compare::DocCache::prepare`]); false when it is not loaded.
    pub fn prepare_comparison(&self, id: ArticleId, cache: &mut crate::compare::DocCache) -> bool {
        self.get(id).is_some_and(|a| {
            cache.use_table(&self.events);
            cache.prepare(a, &self.aliases, self.index.stemmers());
            true
        })
    }

    /// An article's word counts for distinctive vocabulary, to add to a
    /// [`crate::compare::keyness::Background`] of the whole corpus.
    pub fn word_counts(&self, id: ArticleId) -> Option<crate::compare::keyness::Counts> {
        self.get(id).map(|a| {
            crate::compare::keyness::Counts::of(&crate::compare::Doc::new(
                a,
                &self.aliases,
                self.index.stemmers(),
            ))
        })
    }

    /// Aligns the sentences of the given articles for side-by-side reading.
    pub fn align(&self, ids: &[ArticleId]) -> crate::compare::align::Alignment {
        let docs: Vec<crate::compare::Doc> = ids
            .iter()
            .filter_map(|&id| self.get(id))
            .map(|a| crate::compare::Doc::new(a, &self.aliases, self.index.stemmers()))
            .collect();
        crate::compare::align::align(&docs)
    }

    /// The timeline of every loaded article: publication dates, mentioned events, groups.
    pub fn timeline(&self) -> crate::time::timeline::Timeline {
        crate::time::timeline::Timeline::build_with(self.articles(), &self.events)
    }

    /// For an undated article, the date inferred from its text (the latest date it names).
    pub fn inferred_date(&self, id: ArticleId) -> Option<crate::time::timeline::Inferred> {
        let a = self.get(id)?;
        if a.pub_date.is_some() {
            return None;
        }
        crate::time::timeline::analyse_with(a, &self.events).inferred
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

    /// The titles of these articles, in order (empty for one no longer loaded).
    pub fn titles(&self, ids: &[ArticleId]) -> Vec<String> {
        ids.iter()
            .map(|id| self.get(*id).map(|a| a.title.clone()).unwrap_or_default())
            .collect()
    }

    /// The library's totals: articles, undated ones, and words.
    pub fn totals(&self) -> Totals {
        Totals {
            articles: self.articles.len(),
            undated: self
                .articles
                .iter()
                .filter(|a| a.pub_date.is_none())
                .count(),
            words: self.articles.iter().map(|a| a.word_count).sum(),
        }
    }
}

/// The library's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Articles loaded.
    pub articles: usize,
    /// Of which without a date.
    pub undated: usize,
    /// Words in all of them.
    pub words: usize,
}
