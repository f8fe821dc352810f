//! Sentence alignment for side-by-side reading of two to four articles.
//!
//! Every sentence is scored against every sentence of the other articles, two ways:
//! - **wording**: the share of the shorter sentence's word pairs (bigrams of folded words) that
//!   the other has. At least [`SHARED_WORDING`] with four pairs in common is *shared wording*:
//!   the same words, copied or quoted.
//! - **content**: Dice overlap of content-word stems, each weighted by how rare it is among all
//!   the sentences compared (`ln(1 + S / df)`), so that "Poetin" and "Minsk", which every
//!   sentence of these articles uses, do not make two sentences paraphrases. At least
//!   [`PARAPHRASE`] with three stems in common is a *paraphrase*.
//!
//! A sentence takes the strongest kind it has with any other article, and keeps links to its
//! best partner in each. Anything else is *unique*: only this article says it.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::words::{Doc, Sentence};
use crate::article::ArticleId;

/// Wording overlap from which two sentences count as shared wording.
pub const SHARED_WORDING: f32 = 0.5;
/// Weighted content overlap from which two sentences count as paraphrases.
pub const PARAPHRASE: f32 = 0.3;

/// How a sentence relates to the other articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Only this article says it.
    Unique,
    /// Another article says the same in other words.
    Paraphrase,
    /// Another article has the same wording.
    Shared,
}

impl Relation {
    /// A lowercase name for CSS classes and tests.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Unique => "unique",
            Relation::Paraphrase => "paraphrase",
            Relation::Shared => "shared",
        }
    }
}

/// A sentence's best partner in one other article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Index of the other column.
    pub column: usize,
    /// Index of the partner sentence in that column.
    pub sentence: usize,
    /// How they relate.
    pub relation: Relation,
    /// The score that decided it (wording for shared, content otherwise).
    pub score: f32,
}

/// One sentence in a column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignedSentence {
    /// The paragraph it is in (`None`: the headline).
    pub paragraph: Option<usize>,
    /// Byte range in that paragraph (or the headline).
    pub range: Range<usize>,
    /// The text.
    pub text: String,
    /// Words in it.
    pub words: usize,
    /// Its strongest relation to any other article.
    pub relation: Relation,
    /// Partners in other articles, strongest first.
    pub links: Vec<Link>,
}

/// How much of an article the others share, by words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Words in sentences with shared wording.
    pub shared: usize,
    /// Words in paraphrased sentences.
    pub paraphrase: usize,
    /// Words in unique sentences.
    pub unique: usize,
}

impl Summary {
    /// All words.
    pub fn total(&self) -> usize {
        self.shared + self.paraphrase + self.unique
    }

    /// Percentages (shared wording, paraphrase, only here), rounded to sum to 100.
    pub fn percentages(&self) -> (u32, u32, u32) {
        let t = self.total();
        if t == 0 {
            return (0, 0, 0);
        }
        let s = (self.shared as f64 * 100.0 / t as f64).round() as u32;
        let p = ((self.shared + self.paraphrase) as f64 * 100.0 / t as f64).round() as u32 - s;
        (s, p, 100 - s - p)
    }

    /// "62% shared with others, 38% only here" (shared counts wording and paraphrase).
    pub fn describe(&self) -> String {
        let (s, p, u) = self.percentages();
        format!(
            "{}% shared with others ({s}% same wording, {p}% paraphrased), {u}% only here",
            s + p
        )
    }
}

/// One article's column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// The article.
    pub article: ArticleId,
    /// Its sentences in reading order.
    pub sentences: Vec<AlignedSentence>,
    /// Word shares.
    pub summary: Summary,
}

/// Two to four articles aligned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    /// One column per article, in the order given.
    pub columns: Vec<Column>,
}

fn bigrams(s: &Sentence) -> FxHashSet<(&str, &str)> {
    s.words
        .windows(2)
        .map(|w| (w[0].key.as_str(), w[1].key.as_str()))
        .collect()
}

fn content(s: &Sentence) -> FxHashSet<&str> {
    s.words
        .iter()
        .filter(|w| w.content)
        .map(|w| w.stem.as_str())
        .collect()
}

/// What alignment compares of every content sentence: word bigrams for shared wording,
/// content stems (weighted by rarity across the compared sentences) for paraphrase.
struct Features<'a> {
    bigrams: Vec<Vec<FxHashSet<(&'a str, &'a str)>>>,
    stems: Vec<Vec<FxHashSet<&'a str>>>,
    /// In how many sentences each stem occurs.
    df: FxHashMap<&'a str, u32>,
    /// How many sentences there are.
    total: u32,
    /// Each sentence's summed stem weights.
    sums: Vec<Vec<f32>>,
}

impl<'a> Features<'a> {
    fn new(docs: &'a [Doc]) -> Features<'a> {
        let bigrams = docs
            .iter()
            .map(|d| d.content_sentences().map(bigrams).collect())
            .collect();
        let stems: Vec<Vec<FxHashSet<&str>>> = docs
            .iter()
            .map(|d| d.content_sentences().map(content).collect())
            .collect();
        let mut df: FxHashMap<&str, u32> = FxHashMap::default();
        let mut total = 0u32;
        for set in stems.iter().flatten() {
            total += 1;
            for s in set {
                *df.entry(s).or_default() += 1;
            }
        }
        let mut f = Features {
            bigrams,
            stems,
            df,
            total,
            sums: Vec::new(),
        };
        f.sums = f
            .stems
            .iter()
            .map(|d| {
                d.iter()
                    .map(|set| set.iter().map(|s| f.weight(s)).sum())
                    .collect()
            })
            .collect();
        f
    }

    fn weight(&self, stem: &str) -> f32 {
        (1.0 + self.total as f32 / self.df.get(stem).copied().unwrap_or(1) as f32).ln()
    }

    /// How sentence `i` of article `a` relates to sentence `j` of article `b`: shared
    /// wording (half the word pairs of the shorter, at least four), else paraphrase (a
    /// rarity-weighted Dice over at least three content stems), else nothing.
    fn relation(&self, (a, i): (usize, usize), (b, j): (usize, usize)) -> Option<(Relation, f32)> {
        let (x, y) = (&self.bigrams[a][i], &self.bigrams[b][j]);
        let common = x.iter().filter(|p| y.contains(*p)).count();
        let small = x.len().min(y.len()).max(1);
        let wording = common as f32 / small as f32;
        if common >= 4 && wording >= SHARED_WORDING {
            return Some((Relation::Shared, wording));
        }
        let shared: Vec<&&str> = self.stems[a][i].intersection(&self.stems[b][j]).collect();
        let denom = self.sums[a][i] + self.sums[b][j];
        let score = if denom > 0.0 {
            2.0 * shared.iter().map(|s| self.weight(s)).sum::<f32>() / denom
        } else {
            0.0
        };
        (shared.len() >= 3 && score >= PARAPHRASE).then_some((Relation::Paraphrase, score))
    }

    /// The sentence of article `b` that sentence `i` of article `a` relates to best.
    fn best_link(&self, a: usize, i: usize, b: usize) -> Option<Link> {
        let mut best: Option<Link> = None;
        for j in 0..self.bigrams[b].len() {
            let Some((relation, score)) = self.relation((a, i), (b, j)) else {
                continue;
            };
            if best
                .as_ref()
                .is_none_or(|l| (relation, score) > (l.relation, l.score))
            {
                best = Some(Link {
                    column: b,
                    sentence: j,
                    relation,
                    score,
                });
            }
        }
        best
    }
}

/// Aligns the sentences of the given articles.
pub fn align(docs: &[Doc]) -> Alignment {
    let features = Features::new(docs);
    let mut columns = Vec::with_capacity(docs.len());
    for (a, doc) in docs.iter().enumerate() {
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut summary = Summary::default();
        for (i, s) in doc.content_sentences().enumerate() {
            let mut links: Vec<Link> = (0..docs.len())
                .filter(|&b| b != a)
                .filter_map(|b| features.best_link(a, i, b))
                .collect();
            crate::sorting::sort_by(&mut links, |x, y| {
                (y.relation, y.score)
                    .partial_cmp(&(x.relation, x.score))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            let relation = links.first().map_or(Relation::Unique, |l| l.relation);
            let words = s.words.len();
            match relation {
                Relation::Shared => summary.shared += words,
                Relation::Paraphrase => summary.paraphrase += words,
                Relation::Unique => summary.unique += words,
            }
            sentences.push(AlignedSentence {
                paragraph: doc.units[s.unit].paragraph,
                range: s.range.clone(),
                text: doc.sentence_text(s).to_string(),
                words,
                relation,
                links,
            });
        }
        columns.push(Column {
            article: doc.id(),
            sentences,
            summary,
        });
    }
    Alignment { columns }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::alias::AliasTable;

    fn doc_of(text: &str) -> crate::article::Article {
        crate::compare::test_article("t.txt", text)
    }

    #[test]
    fn copied_paraphrased_and_unique_sentences_are_told_apart() {
        let a = doc_of(" date 2022-12 Het Kremlin noemde de berichten volstrekt domme en ongegronde verzinsels van westerse media. Poetin bracht maandag een bezoek aan Minsk voor overleg. De zon scheen fel boven het paleis.");
        let b = doc_of(" date 2022-12 Woordvoerder Peskov zei: het Kremlin noemde de berichten volstrekt domme en ongegronde verzinsels van westerse media. Maandag was Poetin op bezoek in Minsk voor overleg. Er werd gepraat over gasprijzen.");
        let t = AliasTable::default();
        let docs = [
            Doc::new(&a, &t, &crate::text::stem::Stemmers::default()),
            Doc::new(&b, &t, &crate::text::stem::Stemmers::default()),
        ];
        let al = align(&docs);
        let rel: Vec<Relation> = al.columns[0].sentences.iter().map(|s| s.relation).collect();
        assert_eq!(
            rel,
            [Relation::Shared, Relation::Paraphrase, Relation::Unique]
        );
        assert_eq!(al.columns[0].sentences[0].links[0].sentence, 0);
        let sum = al.columns[0].summary;
        assert_eq!(sum.total(), 29);
        let (s, p, u) = sum.percentages();
        assert_eq!(s + p + u, 100);
        assert!(u > 0 && s > p);
    }
}
