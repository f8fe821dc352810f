//! Looking words up: the term map from folded keys to term ids, stem families, prefixes,
//! fuzzy neighbours (with a letter signature that rules out most words cheaply), and the
//! postings of a term.

use rustc_hash::FxHashMap;

use super::postings::decode_positions;
use super::{lang_slot, Index, STEMMED};
use crate::text::language::Language;
use crate::text::stem::{Stemmers, PART};

/// Word form → id. Words of up to 16 bytes (nearly all) are keys packed into a `u128`, so a
/// lookup compares integers instead of chasing a pointer to compare strings: indexing does one
/// lookup per token, and that comparison was its largest cost.
#[derive(Debug, Default)]
pub(super) struct TermMap {
    short: FxHashMap<(u128, u8), u32>,
    long: FxHashMap<Box<str>, u32>,
}

fn pack(key: &str) -> Option<(u128, u8)> {
    let bytes = key.as_bytes();
    (bytes.len() <= 16).then(|| {
        let mut buf = [0u8; 16];
        buf[..bytes.len()].copy_from_slice(bytes);
        (u128::from_le_bytes(buf), bytes.len() as u8)
    })
}

impl TermMap {
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        match pack(key) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(key).copied(),
        }
    }

    pub(super) fn insert(&mut self, key: &str, id: u32) {
        match pack(key) {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(key.into(), id),
        };
    }
}

/// A bit per letter a–z present, one for any digit and one for anything else. One edit changes
/// at most two bits, so words within `d` edits differ in at most `2d` bits: a filter that
/// rules out almost every word before the edit distance is computed.
pub fn letter_signature(word: &str) -> u32 {
    word.chars().fold(0u32, |sig, c| {
        sig | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}

impl Index {
    /// The word form with this exact folded key.
    pub fn term(&self, key: &str) -> Option<u32> {
        self.terms.get(key)
    }

    /// A word form's folded text.
    pub fn term_text(&self, term: u32) -> &str {
        &self.term_text[term as usize]
    }

    /// Every word form sharing the query key's stem, in Dutch, in English, or as the plain word.
    pub fn stem_family(&self, key: &str) -> Vec<u32> {
        self.families(key).0
    }

    /// The query key's own family ([`Index::stem_family`]), and the Dutch compounds whose head
    /// it is ("raadslid" → "gemeenteraadslid"), not counting its own family: those are searched
    /// with a lower weight than the word itself. A language no document is in is skipped (no
    /// work on a word's Dutch readings in an English corpus).
    pub fn families(&self, key: &str) -> (Vec<u32>, Vec<u32>) {
        families(
            &self.stemmers,
            key,
            |slot| !self.stems[slot].is_empty(),
            |slot, stem| self.stems[slot].get(stem).map_or(&[][..], Vec::as_slice),
            self.term(key),
        )
    }

    /// Word forms starting with `prefix` (at most `limit`, the most frequent first).
    pub fn prefix_terms(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let sorted = self.sorted.get_or_init(|| {
            let mut ids: Vec<u32> = (0..self.term_text.len() as u32).collect();
            ids.sort_unstable_by(|&a, &b| {
                self.term_text[a as usize].cmp(&self.term_text[b as usize])
            });
            ids
        });
        let start = sorted.partition_point(|&t| &*self.term_text[t as usize] < prefix);
        let mut found: Vec<u32> = sorted[start..]
            .iter()
            .take_while(|&&t| self.term_text[t as usize].starts_with(prefix))
            .copied()
            .collect();
        if found.len() > limit {
            found.sort_unstable_by_key(|&t| {
                std::cmp::Reverse(self.postings[t as usize].entries.len())
            });
            found.truncate(limit);
        }
        found
    }

    /// Word forms within `distance` edits of `key`, counting a swap of two neighbouring letters
    /// as one edit ("chelsae" → "chelsea").
    pub fn fuzzy_terms(&self, key: &str, distance: u8) -> Vec<u32> {
        let target: Vec<char> = key.chars().collect();
        let d = usize::from(distance);
        let sig = letter_signature(key);
        let lo = target.len().saturating_sub(d);
        let hi = (target.len() + d).min(self.by_len.len().saturating_sub(1));
        let mut out = Vec::new();
        let mut buf = Vec::new();
        let mut rows = [Vec::new(), Vec::new(), Vec::new()];
        for len in lo..=hi {
            for &t in self.by_len.get(len).map_or(&[][..], Vec::as_slice) {
                if (self.signatures[t as usize] ^ sig).count_ones() as usize > 2 * d {
                    continue;
                }
                buf.clear();
                buf.extend(self.term_text[t as usize].chars());
                if within_distance(&target, &buf, d, &mut rows) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// The number of documents (live or not yet compacted) a word form occurs in.
    pub fn doc_frequency(&self, term: u32) -> usize {
        self.postings[term as usize].entries.len()
    }

    /// Calls `f(doc, weighted_tf)` for each live document holding the word form.
    pub fn for_each_posting(&self, term: u32, mut f: impl FnMut(u32, f32)) {
        for e in &self.postings[term as usize].entries {
            let (doc, weight) = (e.doc, e.weight);
            if self.docs[doc as usize].alive {
                f(doc, f32::from(weight) / 8.0);
            }
        }
    }

    /// The live documents holding the word form, in order.
    pub fn docs_of(&self, term: u32) -> impl Iterator<Item = u32> + '_ {
        self.postings[term as usize]
            .entries
            .iter()
            .map(|e| e.doc)
            .filter(|&d| self.docs[d as usize].alive)
    }

    /// The positions of a word form in a document (empty if absent).
    pub fn positions(&self, term: u32, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let p = &self.postings[term as usize];
        if let Some(i) = p.find(doc) {
            decode_positions(p.position_bytes(i), out);
        }
    }

    /// Stem slot `slot`'s stems (0 Dutch, 1 English, 2 the plain word) with their word forms,
    /// in no order: what a published index writes of them.
    pub fn stem_entries(&self, slot: usize) -> impl Iterator<Item = (&str, &[u32])> + '_ {
        self.stems
            .get(slot)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (&**k, v.as_slice())))
    }

    /// A word form's postings as stored, live documents or not: each document, its weighted
    /// term frequency in eighths, and its positions' bytes (varint gaps).
    pub fn posting_entries(&self, term: u32) -> impl Iterator<Item = (u32, u16, &[u8])> + '_ {
        let p = &self.postings[term as usize];
        (0..p.entries.len()).map(move |i| (p.doc(i), p.entries[i].weight, p.position_bytes(i)))
    }

    /// The document slot for a key.
    pub fn doc_of_key(&self, key: u64) -> Option<u32> {
        self.key_to_doc.get(&key).copied()
    }
}

/// A query key's family and the Dutch compounds whose head it is (see [`Index::families`]), for
/// any index: `in_use(slot)` says whether a stem slot has any word, `stem(slot, key)` gives a
/// stem's word forms there, and `exact` is the word form with the key itself.
pub(crate) fn families<'a>(
    stemmers: &Stemmers,
    key: &str,
    in_use: impl Fn(usize) -> bool,
    stem: impl Fn(usize, &str) -> &'a [u32],
    exact: Option<u32>,
) -> (Vec<u32>, Vec<u32>) {
    let (mut own, mut parts): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for lang in STEMMED {
        let slot = lang_slot(lang);
        if !in_use(slot) {
            continue;
        }
        let keys = stemmers.query_keys(lang, key);
        for k in keys.split(' ').filter(|k| !k.starts_with(PART)) {
            own.extend_from_slice(stem(slot, k));
            if lang == Language::Dutch {
                parts.extend_from_slice(stem(slot, &format!("{PART}{k}")));
            }
        }
    }
    own.extend_from_slice(stem(2, key));
    own.extend(exact);
    own.sort_unstable();
    own.dedup();
    parts.sort_unstable();
    parts.dedup();
    parts.retain(|p| own.binary_search(p).is_err());
    (own, parts)
}

/// Whether two words are within `d` edits: insertions, deletions, substitutions and swaps of
/// neighbouring letters (optimal string alignment), stopping once they cannot be.
pub(crate) fn within_distance(
    a: &[char],
    b: &[char],
    d: usize,
    rows: &mut [Vec<usize>; 3],
) -> bool {
    if a.len().abs_diff(b.len()) > d {
        return false;
    }
    let [before, prev, cur] = rows;
    before.clear();
    before.resize(b.len() + 1, 0);
    prev.clear();
    prev.extend(0..=b.len());
    cur.clear();
    cur.resize(b.len() + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > d {
            return false;
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, cur);
    }
    prev[b.len()] <= d
}
