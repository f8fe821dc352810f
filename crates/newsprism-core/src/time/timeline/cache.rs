//! Each article's time analysis, kept between builds of the timeline: the page works them out
//! a slice at a time as articles arrive, so that opening the timeline only assembles them.

use rustc_hash::FxHashMap;

use super::{analyse_with, ArticleTime, Timeline};
use crate::article::{Article, ArticleId, PubDate};
use crate::time::named::NamedEvents;

/// The time analyses of articles, each kept with the publication date it was made against (an
/// article whose date the user changes is analysed again), all made with one table of named
/// events.
#[derive(Clone, Debug, Default)]
pub struct Analyses {
    per: FxHashMap<ArticleId, (Option<PubDate>, ArticleTime)>,
    table: NamedEvents,
}

impl Analyses {
    /// No analyses yet.
    pub fn new() -> Self {
        Analyses::default()
    }

    /// Analyses with this table of named events from now on; forgets those made with another.
    /// Returns whether it did.
    pub fn use_table(&mut self, table: &NamedEvents) -> bool {
        if self.table.same(table) {
            return false;
        }
        self.table = table.clone();
        self.per.clear();
        true
    }

    /// How many articles are analysed.
    pub fn len(&self) -> usize {
        self.per.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.per.is_empty()
    }

    /// The kept analysis of `article`, if it was made against its current date.
    fn get(&self, article: &Article) -> Option<&ArticleTime> {
        self.per
            .get(&article.id)
            .filter(|(date, _)| *date == article.pub_date)
            .map(|(_, time)| time)
    }

    /// The inferred date of `article` from its kept analysis, if it has one (undated articles
    /// only), or `None` when none is kept.
    pub fn inferred(&self, article: &Article) -> Option<Option<&super::Inferred>> {
        self.get(article).map(|t| t.inferred.as_ref())
    }

    /// Whether `article` has an up-to-date analysis.
    pub fn has(&self, article: &Article) -> bool {
        self.get(article).is_some()
    }

    /// Analyses `article` (again, if its date changed).
    pub fn add(&mut self, article: &Article) {
        self.per.insert(
            article.id,
            (article.pub_date.clone(), analyse_with(article, &self.table)),
        );
    }

    /// Forgets the articles for which `keep` is false.
    pub fn retain(&mut self, mut keep: impl FnMut(ArticleId) -> bool) {
        self.per.retain(|id, _| keep(*id));
    }

    /// Whether every one of `articles` has an up-to-date analysis.
    pub fn covers<'a>(&self, articles: impl IntoIterator<Item = &'a Article>) -> bool {
        articles.into_iter().all(|a| self.has(a))
    }

    /// The timeline of `articles`, from the kept analyses; an article without one is analysed
    /// now (and not kept), so the result is always that of [`Timeline::build`].
    ///
    /// ```
    /// use newsprism_core::corpus::Corpus;
    /// use newsprism_core::time::timeline::{Analyses, Timeline};
    /// let (corpus, _) = Corpus::from_files([
    ///     ("a.txt", " date 2022-12-20 Maandag was Poetin in Minsk.".as_bytes()),
    ///     ("b.txt", "Loekasjenko sprak in 2019.".as_bytes()),
    /// ]);
    /// let mut kept = Analyses::new();
    /// kept.add(&corpus.articles()[0]);
    /// assert!(!kept.covers(corpus.articles()));
    /// assert_eq!(kept.timeline(corpus.articles()), Timeline::build(corpus.articles()));
    /// ```
    pub fn timeline<'a>(&self, articles: impl IntoIterator<Item = &'a Article>) -> Timeline {
        Timeline::assemble(articles, |a| {
            self.get(a)
                .cloned()
                .unwrap_or_else(|| analyse_with(a, &self.table))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::PartialDate;
    use crate::corpus::Corpus;
    use crate::project::{ArticleEdit, DateEdit};

    #[test]
    fn an_analysis_made_against_another_date_is_not_used() {
        let (mut corpus, _) = Corpus::from_files([(
            "a.txt",
            " date 2022-12-20 Maandag was Poetin in Minsk.".as_bytes(),
        )]);
        let mut kept = Analyses::new();
        kept.add(&corpus.articles()[0]);
        let id = corpus.articles()[0].id;
        let before = kept.timeline(corpus.articles());
        let edit = ArticleEdit {
            date: PartialDate::day(2022, 10, 5).map(DateEdit::Date),
            ..ArticleEdit::default()
        };
        assert!(corpus.edit(id, &edit).is_ok());
        assert!(!kept.covers(corpus.articles()));
        let after = kept.timeline(corpus.articles());
        assert_ne!(
            before.groups, after.groups,
            "Monday is read against the new date"
        );
        assert_eq!(after, Timeline::build(corpus.articles()));
        kept.add(&corpus.articles()[0]);
        assert!(kept.covers(corpus.articles()));
        kept.retain(|_| false);
        assert!(kept.is_empty());
    }

    #[test]
    fn analyses_made_with_another_table_of_named_events_are_forgotten() {
        use crate::time::named::{EventTable, NamedEvents};
        let (corpus, _) = Corpus::from_files([(
            "a.txt",
            " date 2022-12-20 Sinds de oorlog in Oekraïne is alles anders.".as_bytes(),
        )]);
        let mut kept = Analyses::new();
        assert!(!kept.use_table(NamedEvents::built_in()), "the same table");
        kept.add(&corpus.articles()[0]);
        let anchored = |t: &Timeline| t.events.iter().filter(|e| e.anchor.is_some()).count();
        assert_eq!(anchored(&kept.timeline(corpus.articles())), 1);
        assert!(kept.use_table(&NamedEvents::new(EventTable::empty())));
        assert!(!kept.covers(corpus.articles()));
        kept.add(&corpus.articles()[0]);
        assert_eq!(anchored(&kept.timeline(corpus.articles())), 0);
    }
}
