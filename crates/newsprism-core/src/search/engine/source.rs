//! What the engine reads of an index, as a trait: the in-memory [`Index`] the app builds, and a
//! published index read from its files (see `crate::publish`), answer the same questions, so
//! that a query means the same, and ranks the same, over either.

use super::super::index::{DocMeta, Index};

/// An index the engine can run queries over. Term ids are the source's own; they are only
/// ever handed back to the source that gave them.
pub trait Source {
    /// All document slots (dead ones included: check `alive`).
    fn docs(&self) -> &[DocMeta];
    /// The number of live documents.
    fn len(&self) -> usize;
    /// Whether there are no live documents.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The average field-weighted document length.
    fn average_length(&self) -> f32;
    /// The word form with this exact folded key.
    fn term(&self, key: &str) -> Option<u32>;
    /// A word form's folded text.
    fn term_text(&self, term: u32) -> &str;
    /// The query key's family and the compounds whose head it is (see [`Index::families`]).
    fn families(&self, key: &str) -> (Vec<u32>, Vec<u32>);
    /// The query key's family alone.
    fn stem_family(&self, key: &str) -> Vec<u32> {
        self.families(key).0
    }
    /// Word forms starting with `prefix` (at most `limit`, the most frequent first).
    fn prefix_terms(&self, prefix: &str, limit: usize) -> Vec<u32>;
    /// Word forms within `distance` edits of `key`.
    fn fuzzy_terms(&self, key: &str, distance: u8) -> Vec<u32>;
    /// The number of documents a word form occurs in.
    fn doc_frequency(&self, term: u32) -> usize;
    /// Calls `f(doc, weighted_tf)` for each live document holding the word form, in order.
    fn for_each_posting(&self, term: u32, f: impl FnMut(u32, f32));
    /// The live documents holding the word form, in order.
    fn docs_of(&self, term: u32) -> Vec<u32>;
    /// The positions of a word form in a document (empty if absent).
    fn positions(&self, term: u32, doc: u32, out: &mut Vec<u32>);
}

impl Source for Index {
    fn docs(&self) -> &[DocMeta] {
        Index::docs(self)
    }
    fn len(&self) -> usize {
        Index::len(self)
    }
    fn average_length(&self) -> f32 {
        Index::average_length(self)
    }
    fn term(&self, key: &str) -> Option<u32> {
        Index::term(self, key)
    }
    fn term_text(&self, term: u32) -> &str {
        Index::term_text(self, term)
    }
    fn families(&self, key: &str) -> (Vec<u32>, Vec<u32>) {
        Index::families(self, key)
    }
    fn prefix_terms(&self, prefix: &str, limit: usize) -> Vec<u32> {
        Index::prefix_terms(self, prefix, limit)
    }
    fn fuzzy_terms(&self, key: &str, distance: u8) -> Vec<u32> {
        Index::fuzzy_terms(self, key, distance)
    }
    fn doc_frequency(&self, term: u32) -> usize {
        Index::doc_frequency(self, term)
    }
    fn for_each_posting(&self, term: u32, f: impl FnMut(u32, f32)) {
        Index::for_each_posting(self, term, f);
    }
    fn docs_of(&self, term: u32) -> Vec<u32> {
        Index::docs_of(self, term).collect()
    }
    fn positions(&self, term: u32, doc: u32, out: &mut Vec<u32>) {
        Index::positions(self, term, doc, out);
    }
}
