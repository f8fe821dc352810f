//! BM25, with the weights Newsprism uses.
//!
//! `k1 = 1.2` and `b = 0.75` are the classic values (Robertson & Zaragoza), also pagefind's.
//! Term frequency arrives already weighted by field (title ×3, body ×1, furniture ×0.2; see
//! [`super::index::Field`]), which makes this BM25F in its simple form.

/// Term-frequency saturation.
pub const K1: f32 = 1.2;
/// Length normalisation.
pub const B: f32 = 0.75;
/// How much a stop word counts next to a content word.
pub const STOPWORD_WEIGHT: f32 = 0.1;

/// The weight of another spelling from the alias table ("Wit-Rusland" for "Belarus"), with the
/// typed spelling's document frequency: found, but after the spelling typed.
pub const ALIAS_WEIGHT: f32 = 0.6;

/// The weight of a Dutch compound found through its head ("tegenaanval" for "aanval"): a half,
/// with the head's own document frequency, so it ranks below the word itself.
pub const PART_WEIGHT: f32 = 0.5;

/// Inverse document frequency, never negative: `ln(1 + (N − n + 0.5) / (n + 0.5))`.
pub fn idf(docs: usize, with_term: usize) -> f32 {
    let n = with_term as f32;
    (1.0 + (docs as f32 - n + 0.5) / (n + 0.5)).ln()
}

/// One term's BM25 contribution for one document.
pub fn bm25(idf: f32, tf: f32, doc_length: f32, average_length: f32) -> f32 {
    let norm = K1 * (1.0 - B + B * doc_length / average_length.max(1.0));
    idf * tf * (K1 + 1.0) / (tf + norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_and_more_occurrences_score_higher_with_diminishing_returns() {
        assert!(idf(1000, 1) > idf(1000, 100));
        assert!(idf(10, 10) > 0.0);
        let one = bm25(1.0, 1.0, 100.0, 100.0);
        let two = bm25(1.0, 2.0, 100.0, 100.0);
        let four = bm25(1.0, 4.0, 100.0, 100.0);
        assert!(two > one && four > two);
        assert!(four - two < two - one);
        assert!(bm25(1.0, 1.0, 50.0, 100.0) > bm25(1.0, 1.0, 200.0, 100.0));
    }
}
