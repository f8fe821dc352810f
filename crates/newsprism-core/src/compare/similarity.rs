//! Pairwise similarity between articles, and story groups.
//!
//! Two measures, shown together and combined:
//! - **TF-IDF cosine** over content-word stems (alias-table names as one key), with
//!   `tf = 1 + ln(count)` and `idf = ln(1 + N / df)`: a word every article uses still counts a
//!   little, so that two articles compared alone are not scored zero.
//! - **Shingle overlap**: the share of the shorter article's three-word sequences that the other
//!   also has. It rewards shared wording (agency copy, the same quotation) that cosine blurs.
//!
//! `combined = 0.8 × cosine + 0.2 × overlap`.
//!
//! **Story groups.** Articles on one subject are not one story: five reports on Putin and
//! Lukashenko from October to December share most of their vocabulary, and the text alone
//! scores a December report of the Minsk visit no closer to another December report than to
//! an October one. A story is the same subject *at the same time*, so two articles are linked
//! when their combined similarity reaches the threshold **and** their publication dates lie
//! within the time window of each other ([`within`]: a month-precise date spans its month and
//! still meets within a week; a date known only to the year cannot be within a week or a month
//! of anything). An undated article is placed at the date it is inferred to be from (the latest
//! date it names, see [`crate::time::timeline::analyse`]); one with no date at all meets only
//! other undated ones, where the text alone decides. Groups are joined only when every pair
//! across them is within the window, so links cannot chain a story across years. A link also needs each article to be among the other's [`NEIGHBOURS`] most
//! similar eligible articles (mutual nearest neighbours), so that in a large undated corpus a
//! chain of weak links cannot pull everything into one group. Groups are the connected sets
//! of links.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;
use serde::Serialize;

pub use super::features::Features;
use super::words::Doc;
use crate::article::ArticleId;
use crate::export::{csv_row, CSV_EOL};

/// The default story-group threshold (combined similarity), chosen on the seeds, where
/// same-story pairs score 0.06–0.07 and other pairs 0.03–0.05.
pub const DEFAULT_THRESHOLD: f32 = 0.05;

/// How many nearest neighbours an article may link to in a story group.
pub const NEIGHBOURS: usize = 3;

/// The default time window of a story, in days.
pub const DEFAULT_WINDOW_DAYS: i32 = 7;

/// A time window that lets any two dates meet: about 270 years, longer than any corpus.
pub const ANY_TIME: i32 = 100_000;

/// The windows the story-group control offers, in days (the last is [`ANY_TIME`]).
pub const WINDOW_CHOICES: [i32; 7] = [1, 3, 7, 14, 31, 92, ANY_TIME];

/// When an article was published, as a range of day numbers, for story grouping.
pub type When = Option<(crate::time::calendar::Day, crate::time::calendar::Day)>;

/// The longest a date may be known to for a window shorter than a month to count it: dates
/// known only to the month (as the seeds' are) still meet within a week, a year does not.
const MONTH_DAYS: i32 = 31;

/// Whether two publication periods lie within `window_days` of each other, honouring their
/// precision: a period wider than the window (and than a month) cannot be said to be within it,
/// and an unknown date meets only another unknown one (then the text alone decides), unless the
/// window is [`ANY_TIME`].
pub fn within(a: When, b: When, window_days: i32) -> bool {
    if window_days >= ANY_TIME {
        return true;
    }
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let widest = (a1 - a0).max(b1 - b0);
            if widest > window_days.max(MONTH_DAYS) {
                return false;
            }
            let gap = if a1 < b0 {
                b0 - a1
            } else if b1 < a0 {
                a0 - b1
            } else {
                0
            };
            gap <= window_days
        }
        (None, None) => true,
        _ => false,
    }
}

/// The publication period of an article: its date, or the date it is inferred to be from.
pub fn when(article: &crate::article::Article, table: &crate::time::named::NamedEvents) -> When {
    let date = match &article.pub_date {
        Some(p) => p.date,
        None => {
            crate::time::timeline::analyse_with(article, table)
                .inferred?
                .date
        }
    };
    Some(crate::time::calendar::span_of(&date))
}

/// Pairwise similarity of a set of articles (square matrices, row-major).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Similarity {
    /// The articles, in matrix order.
    pub articles: Vec<ArticleId>,
    /// TF-IDF cosine, 0–1.
    pub cosine: Vec<f32>,
    /// Shingle overlap, 0–1.
    pub overlap: Vec<f32>,
    /// The combined score, 0–1.
    pub combined: Vec<f32>,
}

impl Features {
    /// An article's features, worked out on first use.
    pub fn of<'d>(doc: &'d Doc) -> &'d Features {
        doc.features.get_or_init(|| Features {
            shingles: shingles(doc),
            stems: stems(doc),
        })
    }
}

/// A document's three-word runs, hashed, sorted and without repeats.
fn shingles(doc: &Doc) -> Vec<u64> {
    let keys: Vec<&str> = doc
        .content_sentences()
        .flat_map(|s| s.words.iter().map(|w| w.key.as_str()))
        .collect();
    let mut out: Vec<u64> = keys
        .windows(3)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A document's content stems (numbers left out) with their counts, by stem.
fn stems(doc: &Doc) -> Vec<(String, u32)> {
    let mut m: FxHashMap<&str, u32> = FxHashMap::default();
    for w in doc.content_sentences().flat_map(|s| &s.words) {
        if w.content && !w.stem.starts_with(|c: char| c.is_ascii_digit()) {
            *m.entry(w.stem.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u32)> = m.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
    out.sort_unstable();
    out
}

/// How many values two sorted lists without repeats share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The dot product of two sparse vectors sorted by term.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Each article's TF-IDF vector over its content stems (numbers left out), normalised to
/// unit length: log-scaled term frequency, smoothed inverse document frequency. Terms are
/// numbered, and each vector sorted by term, so that a pair is compared by one merge.
fn tf_idf(features: &[&Features]) -> Vec<Vec<(u32, f32)>> {
    let n = features.len();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let counts: Vec<Vec<(u32, u32)>> = features
        .iter()
        .map(|f| {
            f.stems
                .iter()
                .map(|(stem, tf)| {
                    let next = ids.len() as u32;
                    (*ids.entry(stem.as_str()).or_insert(next), *tf)
                })
                .collect()
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for c in &counts {
        for &(k, _) in c {
            df[k as usize] += 1;
        }
    }
    counts
        .iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .iter()
                .map(|&(k, tf)| {
                    let idf = ((n as f32 + 1.0) / df[k as usize] as f32).ln();
                    (k, (1.0 + (tf as f32).ln()) * idf)
                })
                .collect();
            v.sort_unstable_by_key(|&(k, _)| k);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}

impl Similarity {
    /// Scores every pair.
    pub fn build(docs: &[Doc]) -> Similarity {
        let n = docs.len();
        let features: Vec<&Features> = docs.iter().map(Features::of).collect();
        let vectors = tf_idf(&features);
        let sh: Vec<&[u64]> = features.iter().map(|f| f.shingles.as_slice()).collect();
        let mut cosine = vec![0.0; n * n];
        let mut overlap = vec![0.0; n * n];
        let mut combined = vec![0.0; n * n];
        for i in 0..n {
            cosine[i * n + i] = 1.0;
            overlap[i * n + i] = 1.0;
            combined[i * n + i] = 1.0;
            for j in i + 1..n {
                let c = dot(&vectors[i], &vectors[j]).clamp(0.0, 1.0);
                let smaller = sh[i].len().min(sh[j].len());
                let o = if smaller == 0 {
                    0.0
                } else {
                    shared(sh[i], sh[j]) as f32 / smaller as f32
                };
                let m = 0.8 * c + 0.2 * o;
                for (x, y) in [(i, j), (j, i)] {
                    cosine[x * n + y] = c;
                    overlap[x * n + y] = o;
                    combined[x * n + y] = m;
                }
            }
        }
        Similarity {
            articles: docs.iter().map(|d| d.id()).collect(),
            cosine,
            overlap,
            combined,
        }
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The combined score of two articles (by position).
    pub fn score(&self, i: usize, j: usize) -> f32 {
        self.combined[i * self.len() + j]
    }

    /// The most similar other article in `among` (positions) for article `i`, with its
    /// score: why `i` is in a story group with them.
    pub fn closest(&self, i: usize, among: &[usize]) -> Option<(usize, f32)> {
        among
            .iter()
            .filter(|&&j| j != i && j < self.len() && i < self.len())
            .map(|&j| (j, self.score(i, j)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// At most `limit` positions for a chart of pairs that must stay readable: all of them
    /// when they fit, else those with the closest match to any other (the pairs a reader looks
    /// for), in their own order.
    pub fn most_connected(&self, limit: usize) -> Vec<usize> {
        let n = self.len();
        if n <= limit {
            return (0..n).collect();
        }
        let mut best: Vec<(usize, f32)> = (0..n)
            .map(|i| {
                let top = (0..n)
                    .filter(|&j| j != i)
                    .map(|j| self.score(i, j))
                    .fold(0.0f32, f32::max);
                (i, top)
            })
            .collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut chosen: Vec<usize> = best.into_iter().take(limit).map(|(i, _)| i).collect();
        chosen.sort_unstable();
        chosen
    }

    /// Story groups: positions linked by similarity at least `threshold` within `window_days`
    /// of each other (`when[i]` is article `i`'s period; `None` means unknown, and then the
    /// text alone decides). Largest groups first, then in article order; articles that join
    /// no other are groups of one, listed last.
    pub fn groups(&self, threshold: f32, window_days: i32, when: &[When]) -> Vec<Vec<usize>> {
        let n = self.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        let close = |i: usize, j: usize| {
            within(
                when.get(i).copied().flatten(),
                when.get(j).copied().flatten(),
                window_days,
            )
        };
        // Each article's nearest eligible neighbours.
        let nearest: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let mut c: Vec<usize> = (0..n)
                    .filter(|&j| j != i && self.score(i, j) >= threshold && close(i, j))
                    .collect();
                c.sort_by(|&a, &b| {
                    self.score(i, b)
                        .partial_cmp(&self.score(i, a))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(a.cmp(&b))
                });
                c.truncate(NEIGHBOURS);
                c
            })
            .collect();
        // Groups are joined only when every pair across them is within the window, so that a
        // chain of links cannot carry a story across years.
        let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        for i in 0..n {
            for &j in &nearest[i] {
                if j > i && nearest[j].contains(&i) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    if a == b {
                        continue;
                    }
                    let fits = members[a]
                        .iter()
                        .all(|&x| members[b].iter().all(|&y| close(x, y)));
                    if fits {
                        let moved = std::mem::take(&mut members[a]);
                        members[b].extend(moved);
                        parent[a] = b;
                    }
                }
            }
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut index: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            let r = root(&mut parent, i);
            match index[r] {
                Some(g) => groups[g].push(i),
                None => {
                    index[r] = Some(groups.len());
                    groups.push(vec![i]);
                }
            }
        }
        groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        groups
    }

    /// The matrix as CSV: one row per pair (upper triangle) with all three scores.
    pub fn to_csv(&self, labels: &[String]) -> String {
        let mut out = csv_row(&[
            "article_a",
            "title_a",
            "article_b",
            "title_b",
            "cosine",
            "overlap",
            "combined",
        ]);
        out.push_str(CSV_EOL);
        let n = self.len();
        for i in 0..n {
            for j in i + 1..n {
                let k = i * n + j;
                out.push_str(&csv_row(&[
                    &self.articles[i].to_string(),
                    labels.get(i).map_or("", String::as_str),
                    &self.articles[j].to_string(),
                    labels.get(j).map_or("", String::as_str),
                    &format!("{:.3}", self.cosine[k]),
                    &format!("{:.3}", self.overlap[k]),
                    &format!("{:.3}", self.combined[k]),
                ]));
                out.push_str(CSV_EOL);
            }
        }
        out
    }

    /// The matrices as JSON: `{articles: [{id, title}], cosine: [[…]], overlap, combined}`.
    pub fn to_json(&self, labels: &[String]) -> String {
        let n = self.len();
        let rows = |m: &[f32]| -> Vec<Vec<f64>> {
            (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| (f64::from(m[i * n + j]) * 1000.0).round() / 1000.0)
                        .collect()
                })
                .collect()
        };
        let articles: Vec<serde_json::Value> = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, id)| {
                serde_json::json!({"id": id.to_string(), "title": labels.get(i).cloned().unwrap_or_default()})
            })
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({
            "articles": articles,
            "cosine": rows(&self.cosine),
            "overlap": rows(&self.overlap),
            "combined": rows(&self.combined),
        }))
        .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::calendar::span_of;

    fn period(iso: &str) -> When {
        Some(span_of(
            &crate::article::PartialDate::parse_iso(iso).unwrap(),
        ))
    }

    #[test]
    fn a_window_honours_the_precision_of_dates() {
        let week = DEFAULT_WINDOW_DAYS;
        assert!(within(period("2022-12-19"), period("2022-12-23"), week));
        assert!(!within(period("2022-12-19"), period("2023-01-19"), week));
        // Dates known to the month meet within a week; a year-wide date does not.
        assert!(within(period("2022-12"), period("2022-12-20"), week));
        assert!(!within(period("2003"), period("2003-03-17"), week));
        assert!(within(period("2003"), period("2003-03-17"), 365));
        // An unknown date meets only another unknown one, or any date when any time goes.
        assert!(!within(None, period("2022-12-20"), week));
        assert!(within(None, None, week));
        assert!(within(None, period("2003"), ANY_TIME));
    }

    #[test]
    fn a_chart_keeps_the_articles_with_the_closest_matches() {
        // Four articles: 0 and 2 are near-copies, 1 and 3 match nothing well.
        let scores = [
            [1.0, 0.1, 0.9, 0.0],
            [0.1, 1.0, 0.2, 0.05],
            [0.9, 0.2, 1.0, 0.1],
            [0.0, 0.05, 0.1, 1.0],
        ];
        let combined: Vec<f32> = scores.iter().flatten().copied().collect();
        let s = Similarity {
            articles: (1..=4).map(ArticleId).collect(),
            cosine: combined.clone(),
            overlap: combined.clone(),
            combined,
        };
        assert_eq!(s.most_connected(10), [0, 1, 2, 3]);
        assert_eq!(s.most_connected(2), [0, 2]);
        assert_eq!(s.most_connected(3), [0, 1, 2]);
        assert_eq!(s.closest(1, &[0, 1, 2]), Some((2, 0.2)));
        assert_eq!(s.closest(1, &[1]), None);
    }

    #[test]
    fn links_cannot_chain_a_story_across_the_window() {
        // Three near-identical texts: the first and last three weeks apart, the middle one
        // within a week of each. Linked pairwise they would be one group.
        let s = Similarity {
            articles: vec![ArticleId(1), ArticleId(2), ArticleId(3)],
            cosine: vec![1.0; 9],
            overlap: vec![1.0; 9],
            combined: vec![1.0; 9],
        };
        let when = [
            period("2022-12-01"),
            period("2022-12-07"),
            period("2022-12-13"),
        ];
        let groups = s.groups(0.5, DEFAULT_WINDOW_DAYS, &when);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert!(groups.iter().all(|g| g.len() <= 2));
        assert_eq!(s.groups(0.5, 14, &when), [vec![0, 1, 2]]);
    }
}
