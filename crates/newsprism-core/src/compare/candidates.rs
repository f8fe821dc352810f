//! Candidate pairs for comparing many texts: instead of scoring every pair (a million pairs at
//! 1,500 articles, 250 million at 22,000), an inverted index of each text's most telling terms
//! proposes the pairs worth scoring. Two texts on one story share their rarest words, so each
//! text is paired with the texts that share most of its top terms; terms so common that they
//! tell nothing apart are left out of the index.
//!
//! The same index serves articles (their TF-IDF vectors, for similarity and story groups) and
//! quotations (their content stems, for quote clusters).

use rustc_hash::FxHashMap;

/// How many of a text's terms (its heaviest) go into the index.
pub const TOP_TERMS: usize = 40;

/// How many candidates a text keeps at most: those sharing the most indexed terms with it.
pub const KEEP: usize = 100;

/// A term in more texts than `max(FLOOR, texts / SHARE)` leaves the index.
pub const FLOOR: usize = 128;
/// See [`FLOOR`].
pub const SHARE: usize = 40;

/// The most a term's posting list may hold for `texts` texts.
pub fn cap(texts: usize) -> usize {
    FLOOR.max(texts / SHARE)
}

/// Candidate pairs `(i, j)`, `i < j`, without repeats, of texts given as weighted term vectors
/// (any order): each text's heaviest [`TOP_TERMS`] terms are indexed, and each text is paired
/// with the [`KEEP`] texts that share most of them.
pub fn pairs(vectors: &[Vec<(u32, f32)>]) -> Vec<(u32, u32)> {
    let top: Vec<Vec<u32>> = vectors
        .iter()
        .map(|v| {
            let mut v = v.clone();
            // The standard sort: this runs once per text over the whole library.
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(TOP_TERMS);
            v.into_iter().map(|(t, _)| t).collect()
        })
        .collect();
    sharing(&top, KEEP)
}

/// Pairs `(i, j)`, `i < j`, of texts given as term lists, each text paired with at most `keep`
/// texts that share the most terms with it (ties to the earlier text); terms in more than
/// [`cap`] texts are left out. Without repeats, in order.
pub fn sharing(terms: &[Vec<u32>], keep: usize) -> Vec<(u32, u32)> {
    let mut postings: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, ts) in terms.iter().enumerate() {
        for &t in ts {
            postings.entry(t).or_default().push(i as u32);
        }
    }
    let cap = cap(terms.len());
    postings.retain(|_, p| p.len() <= cap);
    let mut counts: Vec<u32> = vec![0; terms.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (i, ts) in terms.iter().enumerate() {
        for t in ts {
            for &j in postings.get(t).map(Vec::as_slice).unwrap_or_default() {
                if j as usize == i {
                    continue;
                }
                if counts[j as usize] == 0 {
                    touched.push(j);
                }
                counts[j as usize] += 1;
            }
        }
        touched
            .sort_unstable_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(a.cmp(&b)));
        for &j in touched.iter().take(keep) {
            let i = i as u32;
            out.push((i.min(j), i.max(j)));
        }
        for &j in &touched {
            counts[j as usize] = 0;
        }
        touched.clear();
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_sharing_terms_are_paired_and_others_not() {
        let terms = vec![vec![1, 2, 3], vec![3, 4], vec![9], vec![2, 9]];
        assert_eq!(sharing(&terms, 10), [(0, 1), (0, 3), (2, 3)]);
        // Kept: only the text sharing most (ties to the earlier one).
        assert_eq!(sharing(&terms, 1), [(0, 1), (0, 3), (2, 3)]);
        let crowded = vec![vec![1, 2], vec![1, 2], vec![1], vec![5]];
        assert_eq!(sharing(&crowded, 1), [(0, 1), (0, 2)]);
    }

    #[test]
    fn a_term_in_too_many_texts_proposes_nothing() {
        let n = cap(10) + 1;
        let mut terms: Vec<Vec<u32>> = vec![vec![7]; n];
        terms.push(vec![8]);
        terms.push(vec![8]);
        assert_eq!(sharing(&terms, 100), [(n as u32, n as u32 + 1)]);
    }

    #[test]
    fn the_heaviest_terms_are_indexed() {
        // Text 0 and 1 share only a light term, which falls outside the top terms of 0.
        let mut heavy: Vec<(u32, f32)> = (100..100 + TOP_TERMS as u32).map(|t| (t, 1.0)).collect();
        heavy.push((5, 0.01));
        let vectors = vec![heavy, vec![(5, 1.0)], vec![(100, 0.5)]];
        assert_eq!(pairs(&vectors), [(0, 2)]);
    }
}
