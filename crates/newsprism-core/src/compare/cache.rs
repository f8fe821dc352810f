//! Articles read for comparison, kept between comparisons: reading an article's sentences and
//! words (stems, dictionary forms, alias names) is most of what a comparison costs, and the
//! same articles are compared again and again as a user moves between tabs and scopes.

use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::similarity::{when, Features, When};
use super::words::{Doc, Sentence};
use super::{Comparison, Parts};
use crate::article::{Article, ArticleId, PubDate, TitleKind};
use crate::search::alias::AliasTable;
use crate::text::stem::Stemmers;
use crate::time::named::NamedEvents;

/// Readings kept at most; past this, only the articles of the latest comparison are kept.
pub const MAX_KEPT: usize = 400;

/// One article as read: what the reading depends on besides its text (which its id fixes),
/// and the reading.
#[derive(Debug)]
struct Kept {
    title: String,
    title_kind: TitleKind,
    pub_date: Option<PubDate>,
    sentences: Arc<Vec<Sentence>>,
    features: Arc<OnceLock<Features>>,
    when: When,
}

impl Kept {
    fn still_fits(&self, a: &Article) -> bool {
        self.title == a.title && self.title_kind == a.title_kind && self.pub_date == a.pub_date
    }
}

/// Readings of articles for comparison, reused while the article, the alias table and the
/// word-form lexicon are unchanged.
#[derive(Debug, Default)]
pub struct DocCache {
    /// The alias table and lexicon (by address) every kept reading was made with.
    made_with: Option<(AliasTable, Option<usize>)>,
    /// The named events the undated articles' periods were inferred with.
    table: NamedEvents,
    kept: FxHashMap<ArticleId, Kept>,
    /// Readings kept at most (`None`: [`MAX_KEPT`]).
    limit: Option<usize>,
    /// The latest comparison, with what it asked for and what it was made from.
    last: Option<Last>,
}

/// A comparison kept whole, so that the same comparison asked for again (the view opened
/// again, or opened after it was made ahead) is not made again.
#[derive(Debug)]
struct Last {
    parts: Parts,
    /// Per article: everything besides its text that the comparison depends on.
    stamps: Vec<u64>,
    comparison: Comparison,
}

/// What a comparison depends on in an article besides its text (which its id fixes): the
/// title and date (its voice's label, its period) and its source (its voice).
pub fn stamp(a: &Article) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (a.id, &a.title, a.title_kind as u8, &a.source).hash(&mut h);
    format!("{:?}", a.pub_date).hash(&mut h);
    h.finish()
}

impl DocCache {
    /// An empty cache.
    pub fn new() -> DocCache {
        DocCache::default()
    }

    /// An empty cache that keeps every reading: for a thread that compares whole corpora and
    /// has the memory for it (the analysis worker).
    pub fn unbounded() -> DocCache {
        DocCache {
            limit: Some(usize::MAX),
            ..DocCache::default()
        }
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(MAX_KEPT)
    }

    /// Infers undated articles' periods with this table of named events from now on;
    /// forgets the readings made with another.
    pub fn use_table(&mut self, table: &NamedEvents) {
        if !self.table.same(table) {
            self.table = table.clone();
            self.kept.clear();
            self.last = None;
        }
    }

    /// How many readings are kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The articles read for comparison, with their publication periods: kept readings where
    /// they still hold, the others read now (and kept).
    pub fn docs<'a>(
        &mut self,
        articles: &[&'a Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
    ) -> (Vec<Doc<'a>>, Vec<When>) {
        self.made_with(aliases, stemmers);
        if self.kept.len().saturating_add(articles.len()) > self.limit() {
            let wanted: FxHashSet<ArticleId> = articles.iter().map(|a| a.id).collect();
            self.kept.retain(|id, _| wanted.contains(id));
        }
        let mut docs = Vec::with_capacity(articles.len());
        let mut whens = Vec::with_capacity(articles.len());
        for &a in articles {
            let k = self.read(a, aliases, stemmers);
            docs.push(Doc::with_sentences(
                a,
                k.sentences.clone(),
                k.features.clone(),
            ));
            whens.push(k.when);
        }
        (docs, whens)
    }

    /// The comparison of `articles` made last, if it asked for `parts` and nothing it depends
    /// on has changed since (the articles, the alias table, the lexicon).
    pub fn kept_comparison(
        &mut self,
        articles: &[&Article],
        aliases: &AliasTable,
        stemmers: &Stemmers,
        parts: Parts,
    ) -> Option<Comparison> {
        self.made_with(aliases, stemmers);
        let last = self.last.as_ref()?;
        let same = last.parts == parts
            && last.stamps.len() == articles.len()
            && articles
                .iter()
                .zip(&last.stamps)
                .all(|(a, s)| stamp(a) == *s);
        same.then(|| last.comparison.clone())
    }

    /// Keeps a comparison of `articles` as the latest one.
    pub fn keep_comparison(
        &mut self,
        articles: &[&Article],
        parts: Parts,
        comparison: &Comparison,
    ) {
        self.last = Some(Last {
            parts,
            stamps: articles.iter().map(|a| stamp(a)).collect(),
            comparison: comparison.clone(),
        });
    }

    /// Reads an article ahead of a comparison (unless its reading is kept and still holds),
    /// so that the comparison finds it ready; afterwards [`DocCache::has`] it.
    pub fn prepare(&mut self, article: &Article, aliases: &AliasTable, stemmers: &Stemmers) {
        self.made_with(aliases, stemmers);
        // Full: the older readings go (the ones asked for ahead are the ones wanted next).
        if self.kept.len() >= self.limit() && !self.has(article) {
            self.kept.clear();
        }
        let kept = self.read(article, aliases, stemmers);
        let doc = Doc::with_sentences(article, kept.sentences.clone(), kept.features.clone());
        Features::of(&doc);
    }

    /// Whether an article's reading is kept and still holds (for the same alias table and
    /// lexicon).
    pub fn has(&self, article: &Article) -> bool {
        self.kept
            .get(&article.id)
            .is_some_and(|k| k.still_fits(article))
    }

    /// Forgets every reading unless it was made with this alias table and lexicon.
    fn made_with(&mut self, aliases: &AliasTable, stemmers: &Stemmers) {
        let lexicon = stemmers.lemmas().map(|l| Arc::as_ptr(l) as usize);
        let same = self
            .made_with
            .as_ref()
            .is_some_and(|(a, l)| a == aliases && *l == lexicon);
        if !same {
            self.kept.clear();
            self.last = None;
            self.made_with = Some((aliases.clone(), lexicon));
        }
    }

    /// An article's kept reading, made now if it is missing or no longer holds.
    fn read(&mut self, a: &Article, aliases: &AliasTable, stemmers: &Stemmers) -> &Kept {
        let fits = self.kept.get(&a.id).is_some_and(|k| k.still_fits(a));
        if !fits {
            let doc = Doc::new(a, aliases, stemmers);
            let kept = Kept {
                title: a.title.clone(),
                title_kind: a.title_kind,
                pub_date: a.pub_date.clone(),
                sentences: doc.sentences,
                features: doc.features,
                when: when(a, &self.table),
            };
            self.kept.insert(a.id, kept);
        }
        &self.kept[&a.id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_article;

    fn article(name: &str, text: &str) -> Article {
        parse_article(name, text.as_bytes()).unwrap().article
    }

    #[test]
    fn a_kept_reading_equals_a_fresh_one_until_what_it_depends_on_changes() {
        let a = article(
            "a.txt",
            " date 2022-12 Poetin sprak in Minsk met Loekasjenko.\n\nHij zei niets.",
        );
        let b = article(
            "b.txt",
            "Kop\n\nWit-Rusland en Rusland praten. Poetin zweeg.",
        );
        let stemmers = Stemmers::default();
        let mut aliases = AliasTable::default();
        let mut cache = DocCache::new();
        let (first, _) = cache.docs(&[&a, &b], &aliases, &stemmers);
        let first: Vec<_> = first.iter().map(|d| d.sentences.clone()).collect();
        assert_eq!(cache.len(), 2);
        let (again, whens) = cache.docs(&[&b, &a], &aliases, &stemmers);
        // The same readings, shared, not read again.
        assert!(Arc::ptr_eq(&again[0].sentences, &first[1]));
        assert!(Arc::ptr_eq(&again[1].sentences, &first[0]));
        assert_eq!(whens[1], when(&a, NamedEvents::built_in()));
        assert_eq!(
            *again[1].sentences,
            *Doc::new(&a, &aliases, &stemmers).sentences
        );

        // A new title is read anew.
        let mut renamed = a.clone();
        renamed.title = "Nieuwe kop".into();
        renamed.title_kind = TitleKind::Headline;
        let (docs, _) = cache.docs(&[&renamed], &aliases, &stemmers);
        assert!(!Arc::ptr_eq(&docs[0].sentences, &first[0]));
        assert_eq!(
            docs[0].units.len(),
            Doc::new(&renamed, &aliases, &stemmers).units.len()
        );

        // Another alias table: every reading is made again.
        aliases.add_group(&["Rusland", "Rossija"]);
        let (docs, _) = cache.docs(&[&b], &aliases, &stemmers);
        assert!(!Arc::ptr_eq(&docs[0].sentences, &first[1]));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn past_the_limit_only_the_latest_comparison_is_kept() {
        let many: Vec<Article> = (0..MAX_KEPT + 10)
            .map(|i| {
                article(
                    &format!("{i}.txt"),
                    &format!("Artikel {i} over Minsk en nummer {i}."),
                )
            })
            .collect();
        let refs: Vec<&Article> = many.iter().collect();
        let (stemmers, aliases) = (Stemmers::default(), AliasTable::default());
        let mut cache = DocCache::new();
        cache.docs(&refs[..MAX_KEPT - 5], &aliases, &stemmers);
        assert_eq!(cache.len(), MAX_KEPT - 5);
        cache.docs(&refs[MAX_KEPT - 5..], &aliases, &stemmers);
        assert_eq!(cache.len(), 15);
    }

    #[test]
    fn an_article_prepared_ahead_is_not_read_again() {
        let a = article(
            "a.txt",
            " date 2022-12 Poetin sprak in Minsk met Loekasjenko.",
        );
        let (stemmers, aliases) = (Stemmers::default(), AliasTable::default());
        let mut cache = DocCache::new();
        assert!(!cache.has(&a));
        cache.prepare(&a, &aliases, &stemmers);
        assert!(cache.has(&a));
        let kept = cache.kept[&a.id].sentences.clone();
        let (docs, _) = cache.docs(&[&a], &aliases, &stemmers);
        assert!(Arc::ptr_eq(&docs[0].sentences, &kept));
        // What similarity compares is worked out ahead too, and equals a fresh reading's.
        let fresh = Doc::new(&a, &aliases, &stemmers);
        assert_eq!(docs[0].features.get(), Some(Features::of(&fresh)));

        // Even when the cache is full.
        let many: Vec<Article> = (0..MAX_KEPT)
            .map(|i| article(&format!("{i}.txt"), &format!("Artikel {i} over Minsk.")))
            .collect();
        for m in &many {
            cache.prepare(m, &aliases, &stemmers);
        }
        assert!(cache.len() <= MAX_KEPT);
        let late = article("late.txt", "Een laat artikel over Minsk.");
        cache.prepare(&late, &aliases, &stemmers);
        assert!(cache.has(&late));
        assert!(cache.len() <= MAX_KEPT);
    }

    #[test]
    fn a_comparison_is_kept_until_an_article_it_depends_on_changes() {
        let a = article(
            "a.txt",
            " date 2022-12 Poetin sprak in Minsk met Loekasjenko.",
        );
        let b = article("b.txt", "Kop\n\nLoekasjenko ontving Poetin in Minsk.");
        let (stemmers, aliases) = (Stemmers::default(), AliasTable::default());
        let mut cache = DocCache::new();
        let parts = Parts::SIMILARITY;
        let made = Comparison::build_cached(&[&a, &b], &aliases, &stemmers, parts, &mut cache);
        assert_eq!(
            made,
            Comparison::build_parts(&[&a, &b], &aliases, &stemmers, parts)
        );
        assert_eq!(
            cache.kept_comparison(&[&a, &b], &aliases, &stemmers, parts),
            Some(made.clone())
        );
        // Other parts, another order, a new source: made anew.
        assert!(cache
            .kept_comparison(&[&a, &b], &aliases, &stemmers, Parts::ALL)
            .is_none());
        assert!(cache
            .kept_comparison(&[&b, &a], &aliases, &stemmers, parts)
            .is_none());
        let mut named = b.clone();
        named.source = Some("NOS".into());
        assert!(cache
            .kept_comparison(&[&a, &named], &aliases, &stemmers, parts)
            .is_none());
        let again = Comparison::build_cached(&[&a, &named], &aliases, &stemmers, parts, &mut cache);
        assert_eq!(again.parties.len(), 2);
        assert!(again.parties.iter().any(|p| p.label == "NOS"));
    }
}
