//! What the timeline view lists beside the chart: lanes, undated and inferred articles,
//! mentions that could not be placed, and the counts of the summary line.

use std::collections::BTreeMap;

use super::{Event, Publication, Timeline};
use crate::article::voice::{labels, Voice};
use crate::article::ArticleId;

/// How the chart's lanes are cut.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneBy {
    /// One lane per source.
    #[default]
    Source,
    /// One lane per article.
    Article,
}

/// A lane of the chart: a label and the articles drawn in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The source, or the article's title.
    pub label: String,
    /// The articles in it.
    pub articles: Vec<ArticleId>,
}

/// The numbers the summary line gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Articles.
    pub articles: usize,
    /// Articles with no date, given or inferred.
    pub undated: usize,
    /// Date mentions.
    pub mentions: usize,
    /// Date mentions placed in time.
    pub placed: usize,
    /// Dates mentioned by more than one article.
    pub shared: usize,
}

impl Timeline {
    /// The lanes: per source (sources in name order), or per article (in the given order).
    pub fn lanes(&self, by: LaneBy) -> Vec<Lane> {
        match by {
            LaneBy::Source => {
                let mut by_source: BTreeMap<&str, Vec<ArticleId>> = BTreeMap::new();
                for p in &self.publications {
                    by_source.entry(&p.source).or_default().push(p.id);
                }
                by_source
                    .into_iter()
                    .map(|(label, articles)| Lane {
                        label: label.to_string(),
                        articles,
                    })
                    .collect()
            }
            LaneBy::Article => {
                let all: Vec<ArticleId> = self.publications.iter().map(|p| p.id).collect();
                self.article_lanes(&all)
            }
        }
    }

    /// One lane for each of `ids` (in that order; unknown ids are left out), named as every
    /// view names an article: a few words of its title with its date, distinct from the other
    /// lanes (see `article::voice`), after its outlet when known. Only the lanes drawn are
    /// named, so a chart of a chosen few among thousands costs what the few cost.
    pub fn article_lanes(&self, ids: &[ArticleId]) -> Vec<Lane> {
        let by_id: rustc_hash::FxHashMap<ArticleId, &Publication> =
            self.publications.iter().map(|p| (p.id, p)).collect();
        let pubs: Vec<&Publication> = ids.iter().filter_map(|id| by_id.get(id).copied()).collect();
        let dates: Vec<Option<String>> = pubs
            .iter()
            .map(|p| p.date.as_ref().map(|d| d.date.human()))
            .collect();
        let voices: Vec<Voice<'_>> = pubs
            .iter()
            .zip(&dates)
            .map(|(p, d)| Voice {
                source: None,
                title: &p.title,
                date: d.as_deref(),
            })
            .collect();
        pubs.iter()
            .zip(labels(&voices))
            .map(|(p, label)| Lane {
                label: match &p.outlet {
                    Some(outlet) => format!("{outlet}: {label}"),
                    None => label,
                },
                articles: vec![p.id],
            })
            .collect()
    }

    /// The `n` articles that mention the most placed dates (ties in publication order): the
    /// lanes a chart of many articles opens with, the rest summed up in a density strip.
    pub fn busiest(&self, n: usize) -> Vec<ArticleId> {
        let mut placed: BTreeMap<ArticleId, usize> = BTreeMap::new();
        for g in &self.groups {
            for &ei in &g.events {
                *placed.entry(self.events[ei].article).or_default() += 1;
            }
        }
        let mut order: Vec<(usize, usize, ArticleId)> = self
            .publications
            .iter()
            .enumerate()
            .map(|(i, p)| (placed.get(&p.id).copied().unwrap_or(0), i, p.id))
            .collect();
        crate::sorting::sort_by(&mut order, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        order.into_iter().take(n).map(|(_, _, id)| id).collect()
    }

    /// Whether every article has the same source (or none): lanes per source then say nothing.
    pub fn single_source(&self) -> bool {
        self.publications
            .windows(2)
            .all(|w| w[0].source == w[1].source)
    }

    /// Articles with no date and none to infer: listed, never placed.
    pub fn undated(&self) -> impl Iterator<Item = &Publication> {
        self.publications.iter().filter(|p| p.span.is_none())
    }

    /// Articles placed by a date inferred from their text.
    pub fn inferred(&self) -> impl Iterator<Item = &Publication> {
        self.publications
            .iter()
            .filter(|p| p.date.is_none() && p.inferred.is_some())
    }

    /// Mentions that could not be placed (relative dates in undated articles).
    pub fn unplaced(&self) -> impl Iterator<Item = &Event> {
        self.events
            .iter()
            .map(|e| &**e)
            .filter(|e| e.resolution.is_none())
    }

    /// The publication of an article.
    pub fn publication(&self, id: ArticleId) -> Option<&Publication> {
        self.publications.iter().find(|p| p.id == id)
    }

    /// The numbers of the summary line.
    pub fn counts(&self) -> Counts {
        Counts {
            articles: self.publications.len(),
            undated: self.undated().count(),
            mentions: self.events.len(),
            placed: self.events.len() - self.unplaced().count(),
            shared: self.groups.iter().filter(|g| g.articles > 1).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline(files: &[(&str, &str)]) -> Timeline {
        let articles: Vec<_> = files
            .iter()
            .map(|(n, t)| {
                crate::ingest::parse_article(n, t.as_bytes())
                    .expect("parses")
                    .article
            })
            .collect();
        Timeline::build(&articles)
    }

    #[test]
    fn lanes_are_per_source_or_per_article() {
        let t = timeline(&[
            (
                "a.txt",
                "source: NOS\ndate: 2022-12-19\n\nPoetin was maandag in Minsk.",
            ),
            (
                "b.txt",
                "source: NRC\n\nPoetin bezocht maandag 19 december Minsk.",
            ),
            (
                "c.txt",
                "source: NOS\n\nLoekasjenko sprak in 2020 met de oppositie.",
            ),
        ]);
        let by_source = t.lanes(LaneBy::Source);
        assert_eq!(by_source.len(), 2);
        assert_eq!(by_source[0].label, "NOS");
        assert_eq!(by_source[0].articles.len(), 2);
        let by_article: Vec<String> = t
            .lanes(LaneBy::Article)
            .into_iter()
            .map(|l| l.label)
            .collect();
        // Named as every view names them: outlet, a few words of the title, the date.
        assert_eq!(
            by_article,
            [
                "NOS: Poetin was maandag in… · 19 Dec 2022",
                "NRC: Poetin bezocht maandag 19…",
                "NOS: Loekasjenko sprak in 2020…",
            ]
        );
        assert!(!t.single_source());
    }

    #[test]
    fn undated_inferred_and_unplaced_are_told_apart() {
        let t = timeline(&[
            (
                "dated.txt",
                " date 2022-12 Poetin was vorige week in Minsk.",
            ),
            (
                "inferred.txt",
                "Kop\n\nOp vrijdag 11 maart 2022 sprak hij. Vorige week ook.",
            ),
            ("undated.txt", "Kop\n\nHij sprak vorige week in Minsk."),
        ]);
        assert_eq!(t.inferred().count(), 1);
        assert_eq!(t.undated().count(), 1);
        assert!(t.unplaced().count() >= 1);
        let c = t.counts();
        assert_eq!((c.articles, c.undated), (3, 1));
        assert_eq!(c.placed + t.unplaced().count(), c.mentions);
        assert!(t.single_source());
    }

    #[test]
    fn the_busiest_articles_are_those_that_mention_most_dates() {
        let t = timeline(&[
            ("quiet.txt", " date 2022-12-19 Poetin sprak in Minsk."),
            (
                "busy.txt",
                " date 2022-12-19 In 1994, in 2020 en op 24 februari 2022 gebeurde het.",
            ),
            ("one.txt", " date 2022-12-19 In 2020 gebeurde het."),
        ]);
        let ids: Vec<ArticleId> = t.publications.iter().map(|p| p.id).collect();
        assert_eq!(t.busiest(2), [ids[1], ids[2]]);
        assert_eq!(t.busiest(10).len(), 3);
        assert!(t.busiest(0).is_empty());
    }

    #[test]
    fn the_publication_extent_leaves_out_a_stray_inferred_date() {
        let mut files: Vec<(String, String)> = (1..=49)
            .map(|i| {
                (
                    format!("a{i}.txt"),
                    format!(" date 2005-03-{:02} Bericht {i} over de rente.", i % 28 + 1),
                )
            })
            .collect();
        files.push((
            "old.txt".into(),
            "Kop\n\nIn 1805 won Nelson bij Trafalgar.".into(),
        ));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let t = timeline(&refs);
        // One article of fifty inferred as "1805 or later": not where the articles are.
        let (s, e) = t.publication_extent().expect("dated");
        assert_eq!(
            (s, e),
            (
                crate::time::calendar::day_of(2005, 3, 1),
                crate::time::calendar::day_of(2005, 3, 28)
            )
        );
        // One of five is a fifth of them: it counts.
        let t = timeline(&refs[45..]);
        assert!(
            t.publication_extent().expect("dated").0 < crate::time::calendar::day_of(1900, 1, 1)
        );
    }

    #[test]
    fn inferred_dates_count_where_most_of_them_fall() {
        // Undated texts: most name 2004 or 2005 last, a few only older years.
        let mut files: Vec<(String, String)> = Vec::new();
        for i in 0..30 {
            let year = if i % 3 == 0 { 2004 } else { 2005 };
            files.push((
                format!("n{i}.txt"),
                format!("Kop\n\nIn maart {year} stegen de prijzen."),
            ));
        }
        for (i, year) in [1965, 1988, 1999].iter().enumerate() {
            files.push((format!("o{i}.txt"), format!("Kop\n\nIn {year} begon het.")));
        }
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let t = timeline(&refs);
        let (s, e) = t.publication_extent().expect("inferred");
        let year = |d| crate::time::calendar::civil(d).0;
        assert_eq!((year(s), year(e)), (2004, 2005));
    }
}
