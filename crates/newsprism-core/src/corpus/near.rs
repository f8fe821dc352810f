//! Near-duplicates: a truncated or lightly edited copy of an article already loaded. Exact
//! copies are caught by their id (a hash of the text); these differ in a few words, or end
//! early, so they are found by the runs of five words they share.
//!
//! Each article keeps a sample of its five-word runs (those whose hash falls in one sixteenth
//! of the hash space, so two copies keep the same runs), in an index from run to articles. A
//! new article is a near-duplicate of the loaded one that holds the largest share of the
//! shorter text's runs, when that share is at least [`NEAR_SHARE`].

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

use crate::article::{Article, ArticleId};

/// The share of the shorter text's sampled runs that the other must hold.
pub const NEAR_SHARE: f32 = 0.8;
/// Fewer shared runs than this say nothing (short texts share phrases by chance), so a text
/// of fewer than about 60 words is never called a near-duplicate.
const MIN_SHARED: usize = 4;
/// One run in this many is kept.
const SAMPLE: u64 = 16;
/// Words in a run.
const RUN: usize = 5;

/// A loaded article that a new one nearly copies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearDuplicate {
    /// The article already loaded.
    pub of: ArticleId,
    /// The share of the shorter text's runs of words that the other holds, 0.8–1.
    pub share: f32,
}

/// The sampled runs of words of an article's content (title and furniture left out), distinct.
pub fn fingerprint(article: &Article) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for p in article.paragraphs.iter().filter(|p| p.kind.is_content()) {
        for w in p.text.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            let mut h = FxHasher::default();
            if w.is_ascii() {
                for b in w.bytes() {
                    h.write_u32(u32::from(b.to_ascii_lowercase()));
                }
            } else {
                for c in w.chars().flat_map(char::to_lowercase) {
                    h.write_u32(u32::from(c));
                }
            }
            words.push(h.finish());
        }
    }
    let mut runs: Vec<u64> = words
        .windows(RUN)
        .map(|run| {
            let mut h = FxHasher::default();
            run.hash(&mut h);
            // FxHash's low bits are weak: the sample is taken on mixed bits.
            h.finish()
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(17)
        })
        .filter(|h| h % SAMPLE == 0)
        .collect();
    runs.sort_unstable();
    runs.dedup();
    runs
}

/// The sampled runs of every loaded article. Removed articles are not taken out (their runs
/// stay until the corpus is rebuilt): matches are only reported for articles still loaded.
/// Most runs belong to one article: it is kept in `first`, and only further holders in
/// `more` (about 20 bytes a run; some 25 runs an article of 400 words).
#[derive(Clone, Debug, Default)]
pub struct NearIndex {
    first: FxHashMap<u64, ArticleId>,
    more: FxHashMap<u64, Vec<ArticleId>>,
    runs: FxHashMap<ArticleId, u32>,
}

impl NearIndex {
    /// Records an article's runs (from [`fingerprint`]).
    pub fn add(&mut self, id: ArticleId, runs: &[u64]) {
        if self.runs.insert(id, runs.len() as u32).is_some() {
            return;
        }
        for &r in runs {
            match self.first.entry(r) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(id);
                }
                std::collections::hash_map::Entry::Occupied(_) => {
                    self.more.entry(r).or_default().push(id);
                }
            }
        }
    }

    /// The loaded article (`loaded` says which still are) that holds the largest share of
    /// the shorter text's runs, if that is a near-duplicate.
    pub fn find(
        &self,
        id: ArticleId,
        runs: &[u64],
        loaded: impl Fn(ArticleId) -> bool,
    ) -> Option<NearDuplicate> {
        let mut shared: FxHashMap<ArticleId, usize> = FxHashMap::default();
        for r in runs {
            let holders = self
                .first
                .get(r)
                .into_iter()
                .chain(self.more.get(r).into_iter().flatten());
            for &other in holders {
                if other != id {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        shared
            .into_iter()
            .filter(|&(other, n)| n >= MIN_SHARED && loaded(other))
            .filter_map(|(other, n)| {
                let theirs = *self.runs.get(&other)? as usize;
                let share = n as f32 / runs.len().min(theirs).max(1) as f32;
                (share >= NEAR_SHARE).then_some(NearDuplicate { of: other, share })
            })
            .max_by(|a, b| a.share.total_cmp(&b.share).then(b.of.cmp(&a.of)))
    }
}
