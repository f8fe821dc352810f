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
use serde::{Deserialize, Serialize};

use super::features::tf_idf;
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

/// One pair's scores (sent between threads as `[cosine, overlap, combined]`: a comparison of
/// thousands of articles has hundreds of thousands of them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f32; 3]", into = "[f32; 3]")]
pub struct Scores {
    /// TF-IDF cosine, 0–1.
    pub cosine: f32,
    /// Shingle overlap, 0–1.
    pub overlap: f32,
    /// The combined score, 0–1.
    pub combined: f32,
}

impl From<[f32; 3]> for Scores {
    fn from([cosine, overlap, combined]: [f32; 3]) -> Scores {
        Scores {
            cosine,
            overlap,
            combined,
        }
    }
}

impl From<Scores> for [f32; 3] {
    fn from(s: Scores) -> [f32; 3] {
        [s.cosine, s.overlap, s.combined]
    }
}

impl Scores {
    /// An article's scores against itself.
    pub const SAME: Scores = Scores {
        cosine: 1.0,
        overlap: 1.0,
        combined: 1.0,
    };
}

/// Up to this many articles, every pair is scored; past it, only the pairs an index of each
/// article's most telling words proposes (see [`super::candidates`]), so that the whole corpus
/// can be compared.
pub const EVERY_PAIR_UP_TO: usize = 300;

/// The similarity of a set of articles: per article, the pairs scored, by the other's position.
/// Every pair is scored when [`Similarity::complete`]; otherwise only candidate pairs, and any
/// other pair counts as not similar (0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// The articles, in order.
    pub articles: Vec<ArticleId>,
    /// Per article, the other articles scored against it (by position, in order) and their
    /// scores. Each pair travels once and is mirrored when read back.
    #[serde(with = "half")]
    rows: Vec<Vec<(u32, Scores)>>,
    /// Whether every pair was scored.
    pub complete: bool,
}

mod half;

impl Default for Similarity {
    /// The similarity of no articles: every (no) pair scored.
    fn default() -> Similarity {
        Similarity {
            articles: Vec::new(),
            rows: Vec::new(),
            complete: true,
        }
    }
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

impl Similarity {
    /// The similarity of these articles with no pair scored (every pair counts as 0): what a
    /// view that draws no pairs is sent.
    pub fn unscored(articles: Vec<ArticleId>) -> Similarity {
        Similarity::from_half(articles, Vec::new(), false)
    }

    /// The pairs scored, each once under its first article (by position), as they travel.
    pub fn half_rows(&self) -> Vec<Vec<(u32, Scores)>> {
        half::of(&self.rows)
    }

    /// A similarity from its rows: for each article, the pairs scored with it, in order of the
    /// other's position (every pair under both its articles).
    pub fn from_rows(
        articles: Vec<ArticleId>,
        mut rows: Vec<Vec<(u32, Scores)>>,
        complete: bool,
    ) -> Similarity {
        rows.resize(articles.len(), Vec::new());
        Similarity {
            rows,
            articles,
            complete,
        }
    }

    /// A similarity from its pairs given once each ([`Similarity::half_rows`]).
    pub fn from_half(
        articles: Vec<ArticleId>,
        half: Vec<Vec<(u32, Scores)>>,
        complete: bool,
    ) -> Similarity {
        let rows = half::mirror(half, articles.len());
        Similarity {
            rows,
            articles,
            complete,
        }
    }

    /// Scores every pair when there are at most [`EVERY_PAIR_UP_TO`] articles, else the pairs
    /// an index proposes.
    pub fn build(docs: &[Doc]) -> Similarity {
        Similarity::scored(docs, docs.len() <= EVERY_PAIR_UP_TO)
    }

    /// Scores every pair, however many articles there are (to measure what the index misses).
    pub fn build_every_pair(docs: &[Doc]) -> Similarity {
        Similarity::scored(docs, true)
    }

    fn scored(docs: &[Doc], every_pair: bool) -> Similarity {
        let n = docs.len();
        let features: Vec<&Features> = docs.iter().map(Features::of).collect();
        let vectors = tf_idf(&features);
        let sh: Vec<&[u64]> = features.iter().map(|f| f.shingles.as_slice()).collect();
        let score = |i: usize, j: usize| {
            let cosine = dot(&vectors[i], &vectors[j]).clamp(0.0, 1.0);
            let smaller = sh[i].len().min(sh[j].len());
            let overlap = if smaller == 0 {
                0.0
            } else {
                shared(sh[i], sh[j]) as f32 / smaller as f32
            };
            Scores {
                cosine,
                overlap,
                combined: 0.8 * cosine + 0.2 * overlap,
            }
        };
        let mut rows: Vec<Vec<(u32, Scores)>> = vec![Vec::new(); n];
        if every_pair {
            for i in 0..n {
                for j in i + 1..n {
                    let s = score(i, j);
                    rows[i].push((j as u32, s));
                    rows[j].push((i as u32, s));
                }
            }
        } else {
            for (i, j) in super::candidates::pairs(&vectors) {
                let s = score(i as usize, j as usize);
                rows[i as usize].push((j, s));
                rows[j as usize].push((i, s));
            }
            rows.iter_mut()
                .for_each(|r| r.sort_unstable_by_key(|&(j, _)| j));
        }
        Similarity {
            articles: docs.iter().map(|d| d.id()).collect(),
            rows,
            complete: every_pair,
        }
    }

    /// A pair's scores (by position); an article against itself scores 1, a pair not scored 0.
    pub fn pair(&self, i: usize, j: usize) -> Scores {
        if i == j {
            return Scores::SAME;
        }
        self.rows
            .get(i)
            .and_then(|r| {
                r.binary_search_by_key(&(j as u32), |&(k, _)| k)
                    .ok()
                    .map(|k| r[k].1)
            })
            .unwrap_or_default()
    }

    /// The pairs scored for article `i`: the other's position and the scores.
    pub fn scored_with(&self, i: usize) -> impl Iterator<Item = (usize, Scores)> + '_ {
        self.rows
            .get(i)
            .into_iter()
            .flatten()
            .map(|&(j, s)| (j as usize, s))
    }

    /// How many pairs were scored.
    pub fn pairs_scored(&self) -> usize {
        self.rows.iter().map(Vec::len).sum::<usize>() / 2
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
        self.pair(i, j).combined
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
                let top = self
                    .scored_with(i)
                    .map(|(_, s)| s.combined)
                    .fold(0.0f32, f32::max);
                (i, top)
            })
            .collect();
        crate::sorting::sort_by(&mut best, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
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
                let mut c: Vec<usize> = self
                    .scored_with(i)
                    .filter(|&(j, s)| j != i && s.combined >= threshold && close(i, j))
                    .map(|(j, _)| j)
                    .collect();
                // The standard sort: once per article over the whole library.
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
        crate::sorting::sort_by(&mut groups, |a, b| {
            b.len().cmp(&a.len()).then(a[0].cmp(&b[0]))
        });
        groups
    }

    /// The scores as CSV: one row per pair scored (every pair when [`Similarity::complete`])
    /// with all three scores.
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
        for i in 0..self.len() {
            for (j, s) in self.scored_with(i).filter(|&(j, _)| j > i) {
                out.push_str(&csv_row(&[
                    &self.articles[i].to_string(),
                    labels.get(i).map_or("", String::as_str),
                    &self.articles[j].to_string(),
                    labels.get(j).map_or("", String::as_str),
                    &format!("{:.3}", s.cosine),
                    &format!("{:.3}", s.overlap),
                    &format!("{:.3}", s.combined),
                ]));
                out.push_str(CSV_EOL);
            }
        }
        out
    }

    /// The scores as JSON: `{articles: [{id, title}], cosine: [[…]], overlap, combined}` when
    /// every pair was scored; otherwise `{articles, pairs: [{a, b, cosine, overlap, combined}]}`
    /// with the pairs scored (`a`, `b` positions in `articles`).
    pub fn to_json(&self, labels: &[String]) -> String {
        let n = self.len();
        let round = |x: f32| (f64::from(x) * 1000.0).round() / 1000.0;
        let rows = |f: fn(Scores) -> f32| -> Vec<Vec<f64>> {
            (0..n)
                .map(|i| (0..n).map(|j| round(f(self.pair(i, j)))).collect())
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
        let value = if self.complete {
            serde_json::json!({
                "articles": articles,
                "cosine": rows(|s| s.cosine),
                "overlap": rows(|s| s.overlap),
                "combined": rows(|s| s.combined),
            })
        } else {
            let pairs: Vec<serde_json::Value> = (0..n)
                .flat_map(|i| {
                    self.scored_with(i)
                        .filter(move |&(j, _)| j > i)
                        .map(move |(j, s)| {
                            serde_json::json!({"a": i, "b": j, "cosine": round(s.cosine),
                                "overlap": round(s.overlap), "combined": round(s.combined)})
                        })
                })
                .collect();
            serde_json::json!({"articles": articles, "pairs": pairs})
        };
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
