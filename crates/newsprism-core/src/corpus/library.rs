//! The library's orders and filters: which articles it lists, and in what order.

use std::cmp::Ordering;

use super::{Corpus, LibrarySort};
use crate::article::{Article, ArticleId, PartialDate, UNKNOWN_SOURCE};
use crate::text::fold::{fold, fold_into};
use crate::text::language::Language;
use crate::time::calendar::{span_of, Day};

/// What the library lists: the articles that pass every test set here (an empty filter keeps
/// them all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryFilter {
    /// Words that must each occur in the title, the source or the file name (case and accents
    /// ignored: "oekraine" finds "Oekraïne").
    pub text: String,
    /// Only articles from this source, by its label ([`UNKNOWN_SOURCE`] for those without one).
    pub source: Option<String>,
    /// Only articles in this language.
    pub language: Option<Language>,
    /// Only articles published on or after the first day of this date ("2022-10" is 1 October).
    pub from: Option<PartialDate>,
    /// Only articles published on or before the last day of this date ("2022-12" is 31 December).
    pub to: Option<PartialDate>,
    /// Keep the articles whose date is too rough to tell whether they fall in the date range
    /// (or missing) too.
    pub rough_dates: bool,
}

/// How an article fares under a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FilterTest {
    /// It passes every test.
    Passes,
    /// It passes every other test, but its date is known too roughly to tell whether it falls in
    /// the date range (a month-only date across the range's edge), or it has no date.
    Uncertain,
    /// It fails a test.
    Fails,
}

impl LibraryFilter {
    /// A filter on words only.
    pub fn words(text: &str) -> Self {
        LibraryFilter {
            text: text.to_string(),
            ..LibraryFilter::default()
        }
    }

    /// Whether the filter keeps every article.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.source.is_none()
            && self.language.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// The days the date range covers, when it has a bound (an open end reaches as far as any
    /// day can). A range whose end comes before its start holds no day.
    fn days(&self) -> Option<(Day, Day)> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        let start = self.from.as_ref().map_or(Day::MIN, |d| span_of(d).0);
        let end = self.to.as_ref().map_or(Day::MAX, |d| span_of(d).1);
        Some((start, end))
    }

    /// Tests one article, with the filter's words already folded (see [`fold_words`]); `hay` is
    /// a buffer to fold the article's title, source and file name into.
    fn test(
        &self,
        a: &Article,
        words: &[String],
        days: Option<(Day, Day)>,
        hay: &mut String,
    ) -> FilterTest {
        if self
            .source
            .as_deref()
            .is_some_and(|s| s != a.source_label())
            || self.language.is_some_and(|l| l != a.language)
        {
            return FilterTest::Fails;
        }
        if !words.is_empty() {
            hay.clear();
            for part in [a.title.as_str(), a.source_label(), a.file_name.as_str()] {
                fold_into(part, hay);
                hay.push('\n');
            }
            if !words.iter().all(|w| hay.contains(w.as_str())) {
                return FilterTest::Fails;
            }
        }
        let Some((start, end)) = days else {
            return FilterTest::Passes;
        };
        match a.pub_date.as_ref().map(|d| span_of(&d.date)) {
            Some((s, e)) if s >= start && e <= end => FilterTest::Passes,
            Some((s, e)) if e < start || s > end => FilterTest::Fails,
            _ => FilterTest::Uncertain,
        }
    }

    /// Whether `next` keeps only articles this filter keeps, so that it can be applied to what
    /// this one left instead of the whole library (typing on in the words box). Not with a date
    /// range, whose articles of uncertain date are counted apart.
    pub fn narrows_to(&self, next: &LibraryFilter) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && next.from.is_none()
            && next.to.is_none()
            && self.source == next.source
            && self.language == next.language
            && next.text.starts_with(&self.text)
    }
}

/// The filter's words, folded, each to be found.
fn fold_words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_string).collect()
}

/// What a filter leaves of an order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    /// The articles that pass, in the order given.
    pub ids: Vec<ArticleId>,
    /// Articles that pass every other test but whose date is too rough to place in the date
    /// range, or missing: counted so the reader knows they exist, and listed only if the filter
    /// says `rough_dates`.
    pub uncertain: usize,
}

/// What the library can be filtered by: each source and language with its number of articles,
/// and the first and last publication days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Sources by label, most articles first (ties by label).
    pub sources: Vec<(String, usize)>,
    /// Languages, most articles first.
    pub languages: Vec<(Language, usize)>,
    /// The first and last days any article was published on, if any is dated.
    pub dates: Option<(Day, Day)>,
}

impl Corpus {
    /// The articles in library order. Undated articles always come last, in file-name order,
    /// under any date sort: they are listed as undated, never placed at a default date.
    pub fn library(&self, sort: LibrarySort) -> Vec<&Article> {
        sort_articles(self.articles.iter().collect(), sort)
    }

    /// The first `k` articles in library order, without sorting the rest.
    pub fn library_first(&self, sort: LibrarySort, k: usize) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        if k < list.len() {
            if k == 0 {
                return Vec::new();
            }
            list.select_nth_unstable_by(k - 1, |a, b| library_order(sort, a, b));
            list.truncate(k);
        }
        crate::sorting::sort_by(&mut list, |a, b| library_order(sort, a, b));
        list
    }

    /// The articles in library order that pass `filter`.
    pub fn library_matching(&self, sort: LibrarySort, filter: &LibraryFilter) -> Vec<&Article> {
        let ids: Vec<ArticleId> = self.library(sort).iter().map(|a| a.id).collect();
        self.filter_library(&ids, filter)
            .ids
            .iter()
            .filter_map(|&id| self.get(id))
            .collect()
    }

    /// The articles of `order` (ids in any order; those no longer loaded are skipped) that pass
    /// `filter`, in that order, with how many were left out only for a rough or missing date.
    pub fn filter_library(&self, order: &[ArticleId], filter: &LibraryFilter) -> Filtered {
        if filter.is_empty() {
            return Filtered {
                ids: order
                    .iter()
                    .copied()
                    .filter(|&id| self.get(id).is_some())
                    .collect(),
                uncertain: 0,
            };
        }
        let words = fold_words(&filter.text);
        let days = filter.days();
        let mut out = Filtered::default();
        let mut hay = String::new();
        for a in order.iter().filter_map(|&id| self.get(id)) {
            match filter.test(a, &words, days, &mut hay) {
                FilterTest::Passes => out.ids.push(a.id),
                FilterTest::Uncertain => {
                    out.uncertain += 1;
                    if filter.rough_dates {
                        out.ids.push(a.id);
                    }
                }
                FilterTest::Fails => {}
            }
        }
        out
    }

    /// Every source and language in the library with its number of articles, and the span of
    /// the publication dates: what the library's filters offer.
    pub fn library_facets(&self) -> Facets {
        let mut sources: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut languages: rustc_hash::FxHashMap<Language, usize> = Default::default();
        let mut dates: Option<(Day, Day)> = None;
        for a in &self.articles {
            *sources.entry(a.source_label()).or_default() += 1;
            *languages.entry(a.language).or_default() += 1;
            if let Some(d) = &a.pub_date {
                let (s, e) = span_of(&d.date);
                dates = Some(dates.map_or((s, e), |(ds, de)| (ds.min(s), de.max(e))));
            }
        }
        let mut sources: Vec<(String, usize)> = sources
            .into_iter()
            .map(|(s, n)| (s.to_string(), n))
            .collect();
        // Named sources by count; "unknown source" always last.
        crate::sorting::sort_by(&mut sources, |a, b| {
            (a.0 == UNKNOWN_SOURCE)
                .cmp(&(b.0 == UNKNOWN_SOURCE))
                .then(b.1.cmp(&a.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut languages: Vec<(Language, usize)> = languages.into_iter().collect();
        crate::sorting::sort_by(&mut languages, |a, b| {
            b.1.cmp(&a.1).then(a.0.code().cmp(b.0.code()))
        });
        Facets {
            sources,
            languages,
            dates,
        }
    }
}

/// Articles sorted in library order (titles lowered once each). The standard sorts, not
/// [`crate::sorting`]'s: sorting 89,000 articles at once is a task the user waits for, and
/// those were 10–40% slower here.
pub(super) fn sort_articles(mut list: Vec<&Article>, sort: LibrarySort) -> Vec<&Article> {
    match sort {
        LibrarySort::Title => {
            list.sort_by_cached_key(|a| (a.title.to_lowercase(), a.file_name.clone(), a.id))
        }
        _ => list.sort_by(|a, b| library_order(sort, a, b)),
    }
    list
}

/// How two articles compare in library order. Undated articles always come last, in
/// file-name order, under any date sort; ties are broken by file name.
pub(super) fn library_order(sort: LibrarySort, a: &Article, b: &Article) -> Ordering {
    let by_name = || a.file_name.cmp(&b.file_name).then(a.id.cmp(&b.id));
    match sort {
        LibrarySort::DateNewest | LibrarySort::DateOldest => {
            let key = |x: &Article| x.pub_date.as_ref().map(|d| d.date.sort_key());
            match (key(a), key(b)) {
                (Some(ka), Some(kb)) => {
                    let ord = if sort == LibrarySort::DateNewest {
                        kb.cmp(&ka)
                    } else {
                        ka.cmp(&kb)
                    };
                    ord.then_with(by_name)
                }
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_name(),
            }
        }
        LibrarySort::Title => a
            .title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then_with(by_name),
        LibrarySort::Length => b.word_count.cmp(&a.word_count).then_with(by_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four Dutch articles (one undated, one dated to a month, one to a day, one to a year) and
    /// one English, two of them from named sources.
    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 5] = [
            ("okt.txt", "source: NOS\ndate: 2022-10\ntitle: Oorlog in Oekraïne\n\nHet stuk gaat over de oorlog in het land en de gevolgen ervan.".as_bytes()),
            ("dag.txt", b"source: NOS\ndate: 2022-12-19\ntitle: Poetin in Minsk\n\nDe president van Rusland bezocht de hoofdstad van het buurland."),
            ("jaar.txt", b" date 2022 Een jaar van oorlog\n\nHet stuk blikt terug op een jaar waarin de oorlog alles veranderde."),
            ("zonder.txt", b"Kop zonder datum\n\nTekst van het stuk over de oorlog en wat die voor het land betekent."),
            ("en.txt", b" date 2022-12 Putin visits Minsk\n\nThe president of Russia visited the capital of Belarus on Monday."),
        ];
        let (c, errors) = Corpus::from_files(files);
        assert!(errors.is_empty(), "{errors:?}");
        c
    }

    fn files(c: &Corpus, f: &LibraryFilter) -> (Vec<String>, usize) {
        let order: Vec<ArticleId> = c.library(LibrarySort::Title).iter().map(|a| a.id).collect();
        let out = c.filter_library(&order, f);
        let names = out
            .ids
            .iter()
            .map(|&id| c.get(id).unwrap().file_name.clone())
            .collect();
        (names, out.uncertain)
    }

    fn date(s: &str) -> Option<PartialDate> {
        Some(PartialDate::parse_iso(s).unwrap())
    }

    #[test]
    fn words_are_found_without_case_or_accents_each_anywhere() {
        let c = corpus();
        let f = |w: &str| files(&c, &LibraryFilter::words(w)).0;
        assert_eq!(f("OEKRAINE"), ["okt.txt"]);
        assert_eq!(f("minsk"), ["dag.txt", "en.txt"]);
        // Each word, in the title, the source or the file name.
        assert_eq!(f("minsk nos"), ["dag.txt"]);
        assert_eq!(f("zonder.t"), ["zonder.txt"]);
        assert!(f("minsk oekraine").is_empty());
    }

    #[test]
    fn source_and_language_keep_only_their_own() {
        let c = corpus();
        let nos = LibraryFilter {
            source: Some("NOS".into()),
            ..LibraryFilter::default()
        };
        assert_eq!(files(&c, &nos).0, ["okt.txt", "dag.txt"]);
        let unknown = LibraryFilter {
            source: Some(UNKNOWN_SOURCE.into()),
            language: Some(Language::Dutch),
            ..LibraryFilter::default()
        };
        assert_eq!(files(&c, &unknown).0, ["jaar.txt", "zonder.txt"]);
        let english = LibraryFilter {
            language: Some(Language::English),
            ..LibraryFilter::default()
        };
        assert_eq!(files(&c, &english).0, ["en.txt"]);
    }

    #[test]
    fn a_date_range_keeps_what_it_holds_and_counts_what_it_cannot_place() {
        let c = corpus();
        let range = |from: &str, to: &str| {
            files(
                &c,
                &LibraryFilter {
                    from: date(from),
                    to: date(to),
                    ..LibraryFilter::default()
                },
            )
        };
        // December as a month holds the 19th and the month-only date; the year-only date and
        // the undated article might be in it or not: counted, not listed.
        assert_eq!(
            range("2022-12", "2022-12"),
            (vec!["dag.txt".into(), "en.txt".into()], 2)
        );
        // A week in December: only the day; the month-only date might fall in it.
        assert_eq!(
            range("2022-12-15", "2022-12-21"),
            (vec!["dag.txt".into()], 3)
        );
        // The whole year holds every dated article.
        assert_eq!(range("2022", "2022").1, 1);
        assert_eq!(range("2022", "2022").0.len(), 4);
        // Before any of them: only the undated one is uncertain.
        assert_eq!(range("2020", "2021"), (vec![], 1));
        // An end before the start holds nothing.
        assert_eq!(range("2022-12", "2022-10").0, Vec::<String>::new());
        // Kept on request.
        let rough = LibraryFilter {
            from: date("2022-12"),
            to: date("2022-12"),
            rough_dates: true,
            ..LibraryFilter::default()
        };
        assert_eq!(
            files(&c, &rough),
            (
                vec![
                    "jaar.txt".into(),
                    "zonder.txt".into(),
                    "dag.txt".into(),
                    "en.txt".into()
                ],
                2
            )
        );
        // One open end.
        let from = LibraryFilter {
            from: date("2022-11"),
            ..LibraryFilter::default()
        };
        assert_eq!(
            files(&c, &from),
            (vec!["dag.txt".into(), "en.txt".into()], 2)
        );
    }

    #[test]
    fn the_order_is_kept_and_gone_articles_are_skipped() {
        let mut c = corpus();
        let mut order: Vec<ArticleId> = c
            .library(LibrarySort::DateNewest)
            .iter()
            .map(|a| a.id)
            .collect();
        order.reverse();
        let gone = order[0];
        assert!(c.remove(gone));
        let all = c.filter_library(&order, &LibraryFilter::default());
        assert_eq!(all.ids, order[1..]);
        let words = c.filter_library(&order, &LibraryFilter::words("stuk"));
        assert!(words.ids.windows(2).all(|w| {
            order.iter().position(|x| *x == w[0]) < order.iter().position(|x| *x == w[1])
        }));
        assert!(!words.ids.contains(&gone));
    }

    #[test]
    fn typing_on_narrows_what_the_last_filter_left() {
        let c = corpus();
        let order: Vec<ArticleId> = c.library(LibrarySort::Title).iter().map(|a| a.id).collect();
        let first = LibraryFilter::words("mi");
        let next = LibraryFilter::words("minsk p");
        assert!(first.narrows_to(&next));
        let left = c.filter_library(&order, &first);
        assert_eq!(
            c.filter_library(&left.ids, &next),
            c.filter_library(&order, &next)
        );
        // Not when a word was taken back, another source or language chosen, or dates set.
        assert!(!next.narrows_to(&first));
        let nos = LibraryFilter {
            source: Some("NOS".into()),
            ..next.clone()
        };
        assert!(!first.narrows_to(&nos));
        let dated = LibraryFilter {
            from: date("2022-12"),
            ..next.clone()
        };
        assert!(!first.narrows_to(&dated));
        assert!(!dated.narrows_to(&dated));
    }

    #[test]
    fn each_order_sorts_as_the_comparison_of_two_articles_says() {
        let mut c = corpus();
        // Ties on date, title and length, to be broken by file name.
        let added = c.add_files(vec![
            ("b-tie.txt".into(), Ok(b" date 2022-12 Putin visits Minsk\n\nThe president of Russia visited the capital of Belarus on Monday evening.".to_vec())),
            ("a-tie.txt".into(), Ok(b"Kop zonder datum\n\nTekst van het stuk over de oorlog en wat die voor het land echt betekent.".to_vec())),
        ]);
        assert_eq!(c.articles().len(), 7, "{added:?}");
        for sort in LibrarySort::ALL {
            let mut expected: Vec<&Article> = c.articles().iter().collect();
            expected.sort_by(|a, b| library_order(sort, a, b));
            let got: Vec<&str> = c
                .library(sort)
                .iter()
                .map(|a| a.file_name.as_str())
                .collect();
            let want: Vec<&str> = expected.iter().map(|a| a.file_name.as_str()).collect();
            assert_eq!(got, want, "{sort:?}");
            let first: Vec<&str> = c
                .library_first(sort, 3)
                .iter()
                .map(|a| a.file_name.as_str())
                .collect();
            assert_eq!(first, want[..3], "{sort:?}");
        }
    }

    #[test]
    fn the_facets_count_each_source_and_language_and_span_the_dates() {
        let c = corpus();
        let f = c.library_facets();
        assert_eq!(
            f.sources,
            [("NOS".to_string(), 2), (UNKNOWN_SOURCE.to_string(), 3)]
        );
        assert_eq!(f.languages, [(Language::Dutch, 4), (Language::English, 1)]);
        let (first, last) = f.dates.unwrap();
        assert_eq!(crate::time::calendar::iso_day(first), "2022-01-01");
        assert_eq!(crate::time::calendar::iso_day(last), "2022-12-31");
    }
}
