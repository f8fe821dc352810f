//! Distinctive vocabulary: the words a source or an article uses more than the rest of the
//! compared texts, by Dunning's log-likelihood (G²).
//!
//! For a word with `a` uses in the target (of `c` words) and `b` in the rest (of `d` words):
//! `E1 = c(a+b)/(c+d)`, `E2 = d(a+b)/(c+d)`, `G² = 2(a ln(a/E1) + b ln(b/E2))`. Only words
//! the target *over*-uses are kept; G² ≥ 3.84 is significant at p < 0.05 and ≥ 6.63 at
//! p < 0.01. Words are counted by stem (alias-table names as one word) and shown in their most
//! frequent written form; stop words and numbers are left out.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::words::Doc;

/// One distinctive word.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Counted words of a set of documents: stem → (count, written forms).
#[derive(Default)]
struct Counts<'a> {
    stems: FxHashMap<&'a str, (u32, FxHashMap<String, u32>)>,
    total: u64,
}

fn count<'a>(docs: &[&'a Doc<'a>]) -> Counts<'a> {
    let mut c = Counts::default();
    for d in docs {
        for s in d.content_sentences() {
            for w in &s.words {
                c.total += 1;
                if !w.content || w.key.starts_with(|ch: char| ch.is_ascii_digit()) {
                    continue;
                }
                let e = c.stems.entry(w.stem.as_str()).or_default();
                e.0 += 1;
                *e.1.entry(d.word_text(s, w).to_lowercase()).or_default() += 1;
            }
        }
    }
    c
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
    let t = count(target);
    let r = count(rest);
    against(&t, &r, limit)
}

/// Word counts of every compared document, counted once, so that each document or party can
/// be set against "all the others" by subtraction instead of recounting them.
pub struct Totals<'a> {
    per_doc: Vec<Counts<'a>>,
    all: Counts<'a>,
}

impl<'a> Totals<'a> {
    /// Counts each document.
    pub fn new(docs: &'a [Doc<'a>]) -> Totals<'a> {
        let per_doc: Vec<Counts> = docs.iter().map(|d| count(&[d])).collect();
        let mut all = Counts::default();
        for c in &per_doc {
            all.total += c.total;
            for (k, (n, _)) in &c.stems {
                all.stems.entry(k).or_default().0 += n;
            }
        }
        Totals { per_doc, all }
    }

    /// The words the documents `members` over-use against all the others.
    pub fn keywords(&self, members: &[usize], limit: usize) -> Vec<Keyword> {
        let mut t = Counts::default();
        for &m in members {
            let Some(c) = self.per_doc.get(m) else {
                continue;
            };
            t.total += c.total;
            for (k, (n, forms)) in &c.stems {
                let e = t.stems.entry(k).or_default();
                e.0 += n;
                for (f, x) in forms {
                    *e.1.entry(f.clone()).or_default() += x;
                }
            }
        }
        let mut r = Counts {
            stems: FxHashMap::default(),
            total: self.all.total - t.total,
        };
        for (k, (n, _)) in &t.stems {
            let all = self.all.stems.get(k).map_or(0, |x| x.0);
            r.stems.insert(k, (all - n, FxHashMap::default()));
        }
        against(&t, &r, limit)
    }
}

fn against(t: &Counts, r: &Counts, limit: usize) -> Vec<Keyword> {
    let mut out: Vec<Keyword> = t
        .stems
        .iter()
        .filter_map(|(stem, (a, forms))| {
            let b = r.stems.get(stem).map_or(0, |x| x.0);
            // Over-use only: the target's rate above the rest's.
            if r.total > 0 && f64::from(*a) / t.total as f64 <= f64::from(b) / r.total as f64 {
                return None;
            }
            let g2 = log_likelihood(*a, t.total, b, r.total);
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
    out.sort_by(|x, y| {
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
            crate::compare::Doc::new(&a, &t),
            crate::compare::Doc::new(&b, &t),
        );
        let k = keywords(&[&da], &[&db], 10);
        assert_eq!(k[0].word, "gas");
        assert_eq!((k[0].here, k[0].elsewhere), (5, 0));
        assert!(k.iter().all(|k| k.word != "minsk" && k.word != "poetin"));
    }
}
