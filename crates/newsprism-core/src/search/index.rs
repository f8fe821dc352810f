//! The inverted index: for every word form, the documents it occurs in, a field-weighted term
//! frequency for BM25, and its positions for phrases.
//!
//! Word forms are indexed as folded surface keys ("oekraine", "soldaten", "10000"); stems group
//! them per language, so a query word reaches every inflection through its stem while a phrase
//! still matches the exact words. Documents are added and removed one at a time; a removed
//! document is a tombstone until enough of them make compaction worth it.
//!
//! This module owns storage and lookup only; what a query means lives in [`super::engine`].

pub mod segment;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::article::{Article, ParagraphKind, PartialDate, TitleKind};
use crate::text::language::Language;
use crate::text::stem::Stemmers;
use crate::text::tokenize::{for_each_token, term_key_into};

/// Where a piece of text sits in an article, which sets its weight in ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The headline: a match here counts three times.
    Title,
    /// Running text, subheadings, captions, pull quotes.
    Body,
    /// Site furniture: a match here counts a fifth.
    Boilerplate,
}

impl Field {
    /// The field's weight in the term frequency.
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Body => 1.0,
            Field::Boilerplate => 0.2,
        }
    }
}

/// What the index needs to know of a document.
#[derive(Clone, Debug)]
pub struct IndexDoc<'a> {
    /// The caller's key for the document.
    pub key: u64,
    /// Its texts in order; positions run on across them, with a gap between texts.
    pub fields: Vec<(Field, &'a str)>,
    /// Its language, which chooses the stemmer.
    pub language: Language,
    /// Its outlet, for filters and facets.
    pub source: Option<String>,
    /// Its publication date, for filters and facets.
    pub date: Option<PartialDate>,
}

impl<'a> IndexDoc<'a> {
    /// What the index reads of an article: the headline as title (a derived title is only
    /// the opening words again), site furniture weighted down, the rest as body.
    pub fn of(a: &'a Article) -> IndexDoc<'a> {
        let mut fields = Vec::with_capacity(a.paragraphs.len() + 1);
        if a.title_kind == TitleKind::Headline {
            fields.push((Field::Title, a.title.as_str()));
        }
        for p in &a.paragraphs {
            let field = if p.kind == ParagraphKind::Boilerplate {
                Field::Boilerplate
            } else {
                Field::Body
            };
            fields.push((field, p.text.as_str()));
        }
        IndexDoc {
            key: a.id.0,
            fields,
            language: a.language,
            source: a.source.clone(),
            date: a.pub_date.as_ref().map(|d| d.date),
        }
    }
}

/// A document's metadata in the index.
#[derive(Clone, Debug)]
pub struct DocMeta {
    /// The caller's key.
    pub key: u64,
    /// Language.
    pub language: Language,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub date: Option<PartialDate>,
    /// Field-weighted length in tokens.
    pub length: f32,
    /// False once removed.
    pub alive: bool,
}

/// One document in a word form's postings: 10 bytes, packed so that adding a document touches
/// one array per word form instead of three (indexing is bound by those memory writes).
#[derive(Clone, Copy, Debug)]
#[repr(C, packed(2))]
struct Entry {
    doc: u32,
    /// End of this document's positions in `Postings::positions`; it starts where the previous
    /// entry's end.
    pos_end: u32,
    /// Field-weighted term frequency, in eighths.
    weight: u16,
}

/// The postings of one word form, in document order.
#[derive(Clone, Debug, Default)]
struct Postings {
    entries: Vec<Entry>,
    /// Positions, delta-encoded per document as LEB128 varints.
    positions: Vec<u8>,
}

impl Postings {
    fn doc(&self, i: usize) -> u32 {
        self.entries[i].doc
    }

    fn position_bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 {
            0
        } else {
            self.entries[i - 1].pos_end as usize
        };
        let end = self.entries[i].pos_end as usize;
        &self.positions[start..end]
    }

    fn find(&self, doc: u32) -> Option<usize> {
        self.entries.binary_search_by_key(&doc, |e| e.doc).ok()
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn decode_positions(bytes: &[u8], out: &mut Vec<u32>) {
    out.clear();
    let mut acc = 0u32;
    let mut shift = 0;
    let mut last = 0u32;
    for &b in bytes {
        acc |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            last = last.wrapping_add(acc);
            out.push(last);
            acc = 0;
            shift = 0;
        } else {
            shift += 7;
            if shift > 28 {
                return;
            }
        }
    }
}

/// Positions skipped between texts, so that no phrase runs from one paragraph into the next.
const PARAGRAPH_GAP: u32 = 1;

/// Language slots for the per-language stem maps.
fn lang_slot(l: Language) -> usize {
    match l {
        Language::Dutch => 0,
        Language::English => 1,
        _ => 2,
    }
}

/// The languages with their own stems; everything else is matched on the folded word.
pub const STEMMED: [Language; 2] = [Language::Dutch, Language::English];

/// Buffers reused from one added document to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// Per word form: the document (+1) that last gave it a slot.
    stamp: Vec<u32>,
    /// Per word form: its slot in the current document.
    slot: Vec<u32>,
    /// Per slot: the word form, its weighted frequency and its count.
    terms: Vec<u32>,
    weights: Vec<f32>,
    counts: Vec<u32>,
    /// (slot, position) in text order.
    occurrences: Vec<(u32, u32)>,
    /// Positions grouped by slot.
    grouped: Vec<u32>,
}

impl Scratch {
    fn clear(&mut self) {
        self.terms.clear();
        self.weights.clear();
        self.counts.clear();
        self.occurrences.clear();
        self.grouped.clear();
    }
}

/// The index.
#[derive(Debug, Default)]
pub struct Index {
    scratch: Scratch,
    docs: Vec<DocMeta>,
    key_to_doc: FxHashMap<u64, u32>,
    alive: usize,
    total_length: f64,
    terms: TermMap,
    term_text: Vec<Box<str>>,
    postings: Vec<Postings>,
    /// Per language slot: stem → word forms with that stem in documents of that language.
    stems: [FxHashMap<Box<str>, Vec<u32>>; 3],
    /// Which language slots a word form is registered in (bit per slot).
    term_langs: Vec<u8>,
    stemmers: Stemmers,
    /// Word forms in sorted order, for prefix queries; rebuilt after changes.
    sorted: OnceLock<Vec<u32>>,
    /// Word forms by length in characters, for fuzzy queries.
    by_len: Vec<Vec<u32>>,
    /// Which letters each word form has (see [`letter_signature`]), for fuzzy queries.
    signatures: Vec<u32>,
    /// Set for an index built only to become a [`segment::Segment`]: word forms are not
    /// grouped by stem (that is done where the segment is merged).
    stemless: bool,
}

/// Word form → id. Words of up to 16 bytes (nearly all) are keys packed into a `u128`, so a
/// lookup compares integers instead of chasing a pointer to compare strings: indexing does one
/// lookup per token, and that comparison was its largest cost.
#[derive(Debug, Default)]
struct TermMap {
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
    fn get(&self, key: &str) -> Option<u32> {
        match pack(key) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(key).copied(),
        }
    }

    fn insert(&mut self, key: &str, id: u32) {
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
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of live documents.
    pub fn len(&self) -> usize {
        self.alive
    }

    /// Whether there are no live documents.
    pub fn is_empty(&self) -> bool {
        self.alive == 0
    }

    /// The number of distinct word forms.
    pub fn term_count(&self) -> usize {
        self.term_text.len()
    }

    /// All document slots (dead ones included: check `alive`).
    pub fn docs(&self) -> &[DocMeta] {
        &self.docs
    }

    /// The average field-weighted document length.
    pub fn average_length(&self) -> f32 {
        if self.alive == 0 {
            1.0
        } else {
            (self.total_length / self.alive as f64) as f32
        }
    }

    /// Whether a document with this key is indexed.
    pub fn contains(&self, key: u64) -> bool {
        self.key_to_doc.contains_key(&key)
    }

    /// Adds a document; a key already present is replaced.
    // `position` counts tokens inside the closure too, which clippy's loop-counter lint misses.
    #[allow(clippy::explicit_counter_loop)]
    pub fn add(&mut self, doc: &IndexDoc<'_>) {
        if self.contains(doc.key) {
            self.remove(doc.key);
        }
        let doc_id = self.docs.len() as u32;
        let slot = lang_slot(doc.language);
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let stamp = doc_id + 1;
        let mut key = String::new();
        let mut position = 0u32;
        let mut length = 0f32;
        for (field, text) in &doc.fields {
            let weight = field.weight();
            for_each_token(text, |token| {
                term_key_into(token.text, &mut key);
                let term = self.intern(&key, slot, doc.language) as usize;
                if scratch.stamp.len() <= term {
                    scratch.stamp.resize(term + 1, 0);
                    scratch.slot.resize(term + 1, 0);
                }
                // The first time this document has the term: give it a slot.
                if scratch.stamp[term] != stamp {
                    scratch.stamp[term] = stamp;
                    scratch.slot[term] = scratch.terms.len() as u32;
                    scratch.terms.push(term as u32);
                    scratch.weights.push(0.0);
                    scratch.counts.push(0);
                }
                let s = scratch.slot[term] as usize;
                scratch.weights[s] += weight;
                scratch.counts[s] += 1;
                scratch.occurrences.push((s as u32, position));
                position += 1;
                length += weight;
            });
            position += PARAGRAPH_GAP;
        }
        // Group positions by slot with a counting sort; each group stays in text order.
        let mut offsets: Vec<u32> = Vec::with_capacity(scratch.counts.len() + 1);
        let mut sum = 0u32;
        for &c in &scratch.counts {
            offsets.push(sum);
            sum += c;
        }
        offsets.push(sum);
        scratch.grouped.resize(sum as usize, 0);
        let mut fill = offsets.clone();
        for &(s, pos) in &scratch.occurrences {
            scratch.grouped[fill[s as usize] as usize] = pos;
            fill[s as usize] += 1;
        }
        for (s, &term) in scratch.terms.iter().enumerate() {
            let postings = &mut self.postings[term as usize];
            let mut last = 0;
            for &pos in &scratch.grouped[offsets[s] as usize..offsets[s + 1] as usize] {
                push_varint(&mut postings.positions, u64::from(pos - last));
                last = pos;
            }
            postings.entries.push(Entry {
                doc: doc_id,
                pos_end: postings.positions.len() as u32,
                weight: (scratch.weights[s] * 8.0)
                    .round()
                    .clamp(1.0, f32::from(u16::MAX)) as u16,
            });
        }
        self.scratch = scratch;
        self.docs.push(DocMeta {
            key: doc.key,
            language: doc.language,
            source: doc.source.clone(),
            date: doc.date,
            length: length.max(1.0),
            alive: true,
        });
        self.key_to_doc.insert(doc.key, doc_id);
        self.alive += 1;
        self.total_length += f64::from(length.max(1.0));
    }

    fn intern(&mut self, key: &str, slot: usize, language: Language) -> u32 {
        self.intern_with(key, slot, language, None)
    }

    /// Interns a word form for a language slot; `stem` is its stem in that language when it is
    /// already known (from a segment), otherwise it is worked out here.
    fn intern_with(
        &mut self,
        key: &str,
        slot: usize,
        language: Language,
        stem: Option<&str>,
    ) -> u32 {
        let term = match self.terms.get(key) {
            Some(t) => t,
            None => {
                let t = self.term_text.len() as u32;
                let boxed: Box<str> = key.into();
                self.terms.insert(key, t);
                self.term_text.push(boxed);
                self.postings.push(Postings::default());
                self.term_langs.push(0);
                let chars = key.chars().count();
                if self.by_len.len() <= chars {
                    self.by_len.resize(chars + 1, Vec::new());
                }
                self.by_len[chars].push(t);
                self.signatures.push(letter_signature(key));
                self.sorted = OnceLock::new();
                t
            }
        };
        let bit = 1u8 << slot;
        if self.term_langs[term as usize] & bit == 0 && !self.stemless {
            self.term_langs[term as usize] |= bit;
            let stem: Box<str> = match stem {
                Some(stem) => stem.into(),
                None if slot < 2 => self.stemmers.stem(language, key).into(),
                None => key.into(),
            };
            self.stems[slot].entry(stem).or_default().push(term);
        }
        term
    }

    /// Removes a document; `false` if it was not there.
    pub fn remove(&mut self, key: u64) -> bool {
        let Some(doc) = self.key_to_doc.remove(&key) else {
            return false;
        };
        let meta = &mut self.docs[doc as usize];
        meta.alive = false;
        self.alive -= 1;
        self.total_length -= f64::from(meta.length);
        if self.docs.len() > 64 && self.alive * 4 < self.docs.len() * 3 {
            self.compact();
        }
        true
    }

    /// Drops removed documents from every posting list and renumbers the rest.
    pub fn compact(&mut self) {
        let mut remap = vec![u32::MAX; self.docs.len()];
        let mut next = 0u32;
        for (i, d) in self.docs.iter().enumerate() {
            if d.alive {
                remap[i] = next;
                next += 1;
            }
        }
        for p in &mut self.postings {
            let mut fresh = Postings::default();
            for i in 0..p.entries.len() {
                let new_id = remap[p.doc(i) as usize];
                if new_id == u32::MAX {
                    continue;
                }
                fresh.positions.extend_from_slice(p.position_bytes(i));
                fresh.entries.push(Entry {
                    doc: new_id,
                    pos_end: fresh.positions.len() as u32,
                    weight: p.entries[i].weight,
                });
            }
            *p = fresh;
        }
        self.docs.retain(|d| d.alive);
        self.key_to_doc = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.key, i as u32))
            .collect();
    }

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
        let mut out: Vec<u32> = Vec::new();
        for lang in STEMMED {
            let stem = self.stemmers.stem(lang, key);
            if let Some(ts) = self.stems[lang_slot(lang)].get(stem.as_str()) {
                out.extend(ts);
            }
        }
        if let Some(ts) = self.stems[2].get(key) {
            out.extend(ts);
        }
        if let Some(t) = self.term(key) {
            out.push(t);
        }
        out.sort_unstable();
        out.dedup();
        out
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

    /// The document slot for a key.
    pub fn doc_of_key(&self, key: u64) -> Option<u32> {
        self.key_to_doc.get(&key).copied()
    }

    /// Bytes held by the index's own structures (an estimate from capacities).
    pub fn heap_bytes(&self) -> usize {
        let postings: usize = self
            .postings
            .iter()
            .map(|p| {
                p.entries.capacity() * std::mem::size_of::<Entry>()
                    + p.positions.capacity()
                    + std::mem::size_of::<Postings>()
            })
            .sum();
        let terms: usize = self.term_text.iter().map(|t| t.len() * 2 + 40).sum();
        let stems: usize = self
            .stems
            .iter()
            .flat_map(|m| m.iter())
            .map(|(k, v)| k.len() + 40 + v.capacity() * 4)
            .sum();
        postings + terms + stems + self.docs.capacity() * std::mem::size_of::<DocMeta>()
    }
}

/// Whether two words are within `d` edits: insertions, deletions, substitutions and swaps of
/// neighbouring letters (optimal string alignment), stopping once they cannot be.
fn within_distance(a: &[char], b: &[char], d: usize, rows: &mut [Vec<usize>; 3]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(key: u64, text: &'a str) -> IndexDoc<'a> {
        IndexDoc {
            key,
            fields: vec![(Field::Body, text)],
            language: Language::Dutch,
            source: None,
            date: None,
        }
    }

    #[test]
    fn positions_round_trip_through_the_varint_encoding() {
        let mut index = Index::new();
        let long = "x ".repeat(300) + "minsk";
        index.add(&doc(1, "minsk en minsk en minsk"));
        index.add(&doc(2, &long));
        let t = index.term("minsk").unwrap();
        let mut out = Vec::new();
        index.positions(t, 0, &mut out);
        assert_eq!(out, [0, 2, 4]);
        index.positions(t, 1, &mut out);
        assert_eq!(out, [300]);
    }

    #[test]
    fn stems_gather_inflections() {
        let mut index = Index::new();
        index.add(&doc(1, "De soldaten trokken op."));
        let family: Vec<&str> = index
            .stem_family("soldaat")
            .iter()
            .map(|&t| index.term_text(t))
            .collect();
        assert_eq!(family, ["soldaten"]);
    }

    #[test]
    fn removal_and_compaction_keep_the_rest_searchable() {
        let mut index = Index::new();
        for k in 0..100u64 {
            index.add(&doc(
                k,
                if k % 2 == 0 {
                    "even minsk"
                } else {
                    "oneven kiev"
                },
            ));
        }
        for k in 0..80u64 {
            index.remove(k);
        }
        assert_eq!(index.len(), 20);
        let t = index.term("minsk").unwrap();
        let keys: Vec<u64> = index
            .docs_of(t)
            .map(|d| index.docs()[d as usize].key)
            .collect();
        assert_eq!(keys, (80..100).filter(|k| k % 2 == 0).collect::<Vec<_>>());
        let mut out = Vec::new();
        index.positions(t, index.doc_of_key(80).unwrap(), &mut out);
        assert_eq!(out, [1]);
    }

    #[test]
    fn prefix_and_fuzzy_find_word_forms() {
        let mut index = Index::new();
        index.add(&doc(
            1,
            "sanctiepakket sancties sanctie Loekasjenko Loekasjenka",
        ));
        let mut prefix: Vec<&str> = index
            .prefix_terms("sanctie", 10)
            .iter()
            .map(|&t| index.term_text(t))
            .collect();
        prefix.sort();
        assert_eq!(prefix, ["sanctie", "sanctiepakket", "sancties"]);
        let fuzzy: Vec<&str> = index
            .fuzzy_terms("loekasjenko", 1)
            .iter()
            .map(|&t| index.term_text(t))
            .collect();
        assert_eq!(fuzzy.len(), 2, "{fuzzy:?}");
        assert!(index.fuzzy_terms("loekasjenkooo", 1).is_empty());
    }

    #[test]
    fn edit_distance_is_bounded() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Default::default();
        let cases = [
            ("kyiv", "kiev", 2, true),
            ("kyiv", "kiev", 1, false),
            ("zelensky", "zelenski", 1, true),
            ("chelsae", "chelsea", 1, true),
            ("electon", "election", 1, true),
            ("", "a", 1, true),
            ("abc", "xyz", 2, false),
            ("oekraïne", "oekraine", 1, true),
        ];
        for (a, b, d, expected) in cases {
            assert_eq!(
                within_distance(&c(a), &c(b), d, &mut rows),
                expected,
                "{a} / {b} within {d}"
            );
        }
    }

    #[test]
    fn signatures_never_rule_out_a_word_within_reach() {
        let pairs = [
            ("chelsae", "chelsea"),
            ("economi", "economy"),
            ("electon", "election"),
            ("kyiv", "kiev"),
        ];
        for (a, b) in pairs {
            let bits = (letter_signature(a) ^ letter_signature(b)).count_ones();
            assert!(bits <= 4, "{a} / {b}: {bits}");
        }
    }
}
