//! The inverted index: for every word form, the documents it occurs in, a field-weighted term
//! frequency for BM25, and its positions for phrases.
//!
//! Word forms are indexed as folded surface keys ("oekraine", "soldaten", "10000"); stems group
//! them per language, so a query word reaches every inflection through its stem while a phrase
//! still matches the exact words. Documents are added and removed one at a time; a removed
//! document is a tombstone until enough of them make compaction worth it.
//!
//! This module owns storage and lookup only; what a query means lives in [`super::engine`].

mod lookup;
mod postings;
pub mod segment;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub use lookup::letter_signature;
use lookup::TermMap;
pub(crate) use lookup::{families, within_distance};
pub(crate) use postings::decode_positions;
use postings::{Entry, Postings};

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

/// Positions skipped between texts, so that no phrase runs from one paragraph into the next.
const PARAGRAPH_GAP: u32 = 1;

/// Language slots for the per-language stem maps.
pub(crate) fn lang_slot(l: Language) -> usize {
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
    /// One occurrence of word form `term` in the document stamped `stamp`.
    fn occur(&mut self, term: usize, stamp: u32, weight: f32, position: u32) {
        if self.stamp.len() <= term {
            self.stamp.resize(term + 1, 0);
            self.slot.resize(term + 1, 0);
        }
        // The first time this document has the term: give it a slot.
        if self.stamp[term] != stamp {
            self.stamp[term] = stamp;
            self.slot[term] = self.terms.len() as u32;
            self.terms.push(term as u32);
            self.weights.push(0.0);
            self.counts.push(0);
        }
        let s = self.slot[term] as usize;
        self.weights[s] += weight;
        self.counts[s] += 1;
        self.occurrences.push((s as u32, position));
    }

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

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty index whose words are stemmed by these stemmers (with a lemma lexicon, index
    /// and query meet at the dictionary form).
    pub fn with_stemmers(stemmers: Stemmers) -> Self {
        Index {
            stemmers,
            ..Self::default()
        }
    }

    /// Stems with these stemmers from now on: every word form's keys are worked out again (the
    /// app's upgrade from stems to the lemma lexicon once it has loaded; the postings stay).
    /// Separable verbs split over a clause are joined only in documents added afterwards.
    pub fn set_stemmers(&mut self, stemmers: Stemmers) {
        self.stemmers = stemmers;
        self.stems = Default::default();
        let langs = std::mem::take(&mut self.term_langs);
        self.term_langs = vec![0; langs.len()];
        for (term, bits) in langs.into_iter().enumerate() {
            for (slot, language) in [Language::Dutch, Language::English, Language::Unknown]
                .into_iter()
                .enumerate()
            {
                if bits & (1 << slot) != 0 {
                    let key = self.term_text[term].clone();
                    self.intern(&key, slot, language);
                }
            }
        }
    }

    /// The stemmers the index uses.
    pub fn stemmers(&self) -> &Stemmers {
        &self.stemmers
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
        // Dutch separable verbs split over a clause ("belde … op"), with the lexicon: indexed as
        // the joined verb ("opbellen") at the verb's position, after the text's own words.
        let lemmas = (doc.language == Language::Dutch)
            .then(|| self.stemmers.lemmas().cloned())
            .flatten();
        let mut joined: Vec<(String, u32, f32)> = Vec::new();
        // The field's tokens, kept only when split verbs are looked for (not tokenized twice).
        let mut tokens = Vec::new();
        for (field, text) in &doc.fields {
            let weight = field.weight();
            let first = position;
            tokens.clear();
            for_each_token(text, |token| {
                term_key_into(token.text, &mut key);
                let term = self.intern(&key, slot, doc.language) as usize;
                scratch.occur(term, stamp, weight, position);
                position += 1;
                length += weight;
                if lemmas.is_some() {
                    tokens.push(token);
                }
            });
            if let Some(lemmas) = &lemmas {
                let verbs = lemmas.split_verbs(text, &tokens);
                joined.extend(
                    verbs
                        .into_iter()
                        .map(|(i, k)| (k, first + i as u32, weight)),
                );
            }
            position += PARAGRAPH_GAP;
        }
        if !joined.is_empty() {
            for (k, at, weight) in joined {
                let term = self.intern(&k, slot, doc.language) as usize;
                scratch.occur(term, stamp, weight, at);
            }
            // Each word form's positions must rise: put the joined verbs in text order.
            scratch.occurrences.sort_by_key(|&(_, at)| at);
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
                crate::bytes::put(&mut postings.positions, u64::from(pos - last));
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
            let keys: String = match stem {
                Some(stem) => stem.into(),
                None if slot < 2 => self.stemmers.keys(language, key),
                None => key.into(),
            };
            // A word form can have several keys (see `Stemmers::keys`), separated by spaces.
            for k in keys.split(' ').filter(|k| !k.is_empty()) {
                self.stems[slot].entry(k.into()).or_default().push(term);
            }
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
        // Documents are numbered again from fewer: a stamp left from before could match a new
        // document's number and hand it another document's slots.
        self.scratch.stamp.fill(0);
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
