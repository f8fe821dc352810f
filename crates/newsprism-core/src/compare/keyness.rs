//! Distinctive vocabulary: the words a source or an article uses more than the rest of the
//! corpus, by Dunning's log-likelihood (G²).
//!
//! The rest is either the other compared texts ([`keywords_within`]) or every other article of
//! the corpus, counted once into a [`Background`] that follows the corpus as it changes.
//!
//! For a word with `a` uses in the target (of `c` words) and `b` in the rest (of `d` words):
//! `E1 = c(a+b)/(c+d)`, `E2 = d(a+b)/(c+d)`, `G² = 2(a ln(a/E1) + b ln(b/E2))`. Only words
//! the target *over*-uses are kept; G² ≥ 3.84 is significant at p < 0.05 and ≥ 6.63 at
//! p < 0.01. Words are counted by stem (alias-table names as one word) and shown in their most
//! frequent written form; stop words and numbers are left out.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::words::Doc;
use crate::article::ArticleId;

/// One distinctive word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// Its most frequent written form in the target.
    pub word: String,
    /// Uses in the target.
    pub here: u32,
    /// Uses in the rest.
    pub elsewhere: u32,
    /// Log-likelihood.
    pub g2: f64,
}

/// Counted words: stem → (uses, written forms and their uses), and all words counted.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    stems: FxHashMap<String, (u32, FxHashMap<String, u32>)>,
    total: u64,
}

impl Counts {
    /// Counts the words of one document's own text (furniture, numbers and stop words left out of
    /// the stems, but every word counted in the total).
    pub fn of(doc: &Doc) -> Counts {
        let mut c = Counts::default();
        for s in doc.content_sentences() {
            for w in &s.words {
                c.total += 1;
                if !w.content || w.key.starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                let e = c.stems.entry(w.stem.clone()).or_default();
                e.0 += 1;
                *e.1.entry(doc.word_text(s, w).to_lowercase()).or_default() += 1;
            }
        }
        c
    }

    fn add(&mut self, other: &Counts) {
        self.total += other.total;
        for (k, (n, forms)) in &other.stems {
            let e = self.stems.entry(k.clone()).or_default();
            e.0 += n;
            for (f, x) in forms {
                *e.1.entry(f.clone()).or_default() += x;
            }
        }
    }

    /// All words counted.
    pub fn total(&self) -> u64 {
        self.total
    }
}

/// The counts of several documents together.
pub fn sum<'c>(counts: impl IntoIterator<Item = &'c Counts>) -> Counts {
    let mut all = Counts::default();
    for c in counts {
        all.add(c);
    }
    all
}

/// Dunning's G² for `a` of `c` against `b` of `d`.
///
/// ```
/// use newsprism_core::compare::keyness::log_likelihood;
/// assert!((log_likelihood(10, 1000, 10, 1000)).abs() < 1e-9);
/// assert!(log_likelihood(20, 1000, 2, 1000) > 6.63);
/// ```
pub fn log_likelihood(a: u32, c: u64, b: u32, d: u64) -> f64 {
    let (a, b, c, d) = (f64::from(a), f64::from(b), c as f64, d as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(a, e1) + term(b, e2))
}

/// The words `target` over-uses compared with `rest`, strongest first, at most `limit`.
pub fn keywords(target: &[&Doc], rest: &[&Doc], limit: usize) -> Vec<Keyword> {
    let t: Vec<Counts> = target.iter().map(|d| Counts::of(d)).collect();
    let r: Vec<Counts> = rest.iter().map(|d| Counts::of(d)).collect();
    let (t, r) = (sum(&t), sum(&r));
    against(
        &t,
        |stem| r.stems.get(stem).map_or(0, |x| x.0),
        r.total,
        limit,
    )
}

/// The words the documents `members` (indexes into `counts`) over-use against all the other
/// documents of `counts`, whose sum is `all` (summed once by the caller for every group, and
/// the members subtracted from it).
pub fn keywords_within(
    all: &Counts,
    counts: &[Counts],
    members: &[usize],
    limit: usize,
) -> Vec<Keyword> {
    let t = sum(members.iter().filter_map(|&m| counts.get(m)));
    against(
        &t,
        |stem| all.stems.get(stem).map_or(0, |x| x.0) - t.stems.get(stem).map_or(0, |x| x.0),
        all.total - t.total,
        limit,
    )
}

/// Word counts of a whole corpus, kept per article so that articles can be added and removed as
/// the corpus changes. Stems are interned: one string per distinct stem, a pair of numbers per
/// article and stem.
#[derive(Clone, Debug, Default)]
pub struct Background {
    terms: FxHashMap<String, u32>,
    uses: Vec<u32>,
    total: u64,
    docs: FxHashMap<ArticleId, (Vec<(u32, u32)>, u64)>,
}

impl Background {
    /// An empty background.
    pub fn new() -> Self {
        Background::default()
    }

    /// Adds an article's counts; an article already counted is left as it is.
    pub fn add(&mut self, id: ArticleId, counts: &Counts) {
        if self.docs.contains_key(&id) {
            return;
        }
        let mut own = Vec::with_capacity(counts.stems.len());
        for (stem, (n, _)) in &counts.stems {
            let next = self.uses.len() as u32;
            let t = *self.terms.entry(stem.clone()).or_insert(next);
            if t == next {
                self.uses.push(0);
            }
            self.uses[t as usize] += n;
            own.push((t, *n));
        }
        self.total += counts.total;
        self.docs.insert(id, (own, counts.total));
    }

    /// Takes an article's counts out; `false` if it was not counted.
    pub fn remove(&mut self, id: ArticleId) -> bool {
        let Some((own, total)) = self.docs.remove(&id) else {
            return false;
        };
        for (t, n) in own {
            self.uses[t as usize] -= n;
        }
        self.total -= total;
        true
    }

    /// Whether an article is counted.
    pub fn contains(&self, id: ArticleId) -> bool {
        self.docs.contains_key(&id)
    }

    /// The articles counted.
    pub fn ids(&self) -> impl Iterator<Item = ArticleId> + '_ {
        self.docs.keys().copied()
    }

    /// How many articles are counted.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing is counted.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Uses of a stem in every counted article.
    pub fn uses(&self, stem: &str) -> u32 {
        self.terms.get(stem).map_or(0, |&t| self.uses[t as usize])
    }

    /// All words counted.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The words the documents `members` (indexes into `counts`, whose ids are `ids`) over-use
    /// against the rest of this background: every counted article but the members.
    pub fn keywords(
        &self,
        ids: &[ArticleId],
        counts: &[Counts],
        members: &[usize],
        limit: usize,
    ) -> Vec<Keyword> {
        let t = sum(members.iter().filter_map(|&m| counts.get(m)));
        // Only members this background has counted are taken out of it.
        let inside = sum(members
            .iter()
            .filter(|&&m| ids.get(m).is_some_and(|id| self.contains(*id)))
            .filter_map(|&m| counts.get(m)));
        against(
            &t,
            |stem| {
                self.uses(stem)
                    .saturating_sub(inside.stems.get(stem).map_or(0, |x| x.0))
            },
            self.total.saturating_sub(inside.total),
            limit,
        )
    }
}

fn against(t: &Counts, rest: impl Fn(&str) -> u32, rest_total: u64, limit: usize) -> Vec<Keyword> {
    let mut out: Vec<Keyword> = t
        .stems
        .iter()
        .filter_map(|(stem, (a, forms))| {
            let b = rest(stem);
            // Over-use only: the target's rate above the rest's.
            if rest_total > 0 && f64::from(*a) / t.total as f64 <= f64::from(b) / rest_total as f64
            {
                return None;
            }
            let g2 = log_likelihood(*a, t.total, b, rest_total);
            let word = forms
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(w, _)| w.clone())?;
            Some(Keyword {
                word,
                here: *a,
                elsewhere: b,
                g2,
            })
        })
        .filter(|k| k.g2 >= 3.84 && k.here >= 2)
        .collect();
    crate::sorting::sort_by(&mut out, |x, y| {
        y.g2.partial_cmp(&x.g2)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.word.cmp(&y.word))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::alias::AliasTable;

    #[test]
    fn a_word_only_one_text_repeats_is_key_and_shared_words_are_not() {
        let t = AliasTable::default();
        let a = crate::compare::test_article("a.txt", " date 2022-12 Gas gas gas en nog eens gas. Poetin sprak in Minsk over de prijs van gas.");
        let b = crate::compare::test_article(
            "b.txt",
            " date 2022-12 Poetin sprak in Minsk over troepen. De troepen bleven. Poetin zweeg.",
        );
        let (da, db) = (
            crate::compare::Doc::new(&a, &t, &crate::text::stem::Stemmers::default()),
            crate::compare::Doc::new(&b, &t, &crate::text::stem::Stemmers::default()),
        );
        let k = keywords(&[&da], &[&db], 10);
        assert_eq!(k[0].word, "gas");
        assert_eq!((k[0].here, k[0].elsewhere), (5, 0));
        assert!(k.iter().all(|k| k.word != "minsk" && k.word != "poetin"));
    }
}
