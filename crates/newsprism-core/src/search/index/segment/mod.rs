//! Index segments: a piece of index built where the articles were read (the app's ingest
//! worker), sent as bytes, and merged into the index where the views query it.
//!
//! Building the postings (tokenizing, folding, grouping positions) is the expensive part of
//! adding an article. A [`Segment`] is that work done elsewhere; [`Index::merge`] then appends
//! its postings with the documents renumbered, which costs a hash lookup per distinct word form
//! instead of one per token. Documents the receiving side does not want (duplicates of what it
//! holds) are left out while merging, so the side that builds a segment needs to know nothing
//! of the index it will join.
//!
//! The byte form is checked as it is read: a damaged or foreign message is an error, never a
//! panic or an index pointing outside itself.
//!
//! ```
//! use newsprism_core::search::index::{Field, Index, IndexDoc};
//! use newsprism_core::search::index::segment::Segment;
//! use newsprism_core::text::language::Language;
//! let doc = |key, text| IndexDoc { key, fields: vec![(Field::Body, text)], language: Language::Dutch, source: None, date: None };
//! let bytes = Segment::build(&[doc(1, "Poetin in Minsk"), doc(2, "Loekasjenko in Minsk")], 2).to_bytes();
//! let mut index = Index::new();
//! let Ok(segment) = Segment::from_bytes(&bytes) else { panic!("a segment") };
//! // Keep document 2 only.
//! index.merge(&segment, |meta| (meta.key == 2).then_some(meta));
//! assert_eq!(index.len(), 1);
//! assert!(index.term("poetin").is_none());
//! assert_eq!(index.docs_of(index.term("minsk").unwrap()).count(), 1);
//! ```

mod concat;

pub use concat::JOINED_DOCS;

use super::{lang_slot, DocMeta, Entry, Index, IndexDoc};
use crate::bytes::{put, put_str, Reader};
use crate::text::language::Language;
use crate::text::stem::Stemmers;
use rustc_hash::FxHashMap;

/// The first bytes of a segment, with the format's version.
const MAGIC: &[u8; 5] = b"NPSG\x04";

/// The languages of the stem slots, in slot order (the last slot is the plain word).
const SLOT_LANGUAGES: [Language; 3] = [Language::Dutch, Language::English, Language::Unknown];

/// Postings built elsewhere, for [`Index::merge`]. Flat: a segment of a hundred articles holds
/// thousands of word forms, and one allocation each would make reading it slow.
#[derive(Clone, Debug, Default)]
pub struct Segment {
    /// How many articles the builder was given for it (duplicates among them are indexed once,
    /// so there can be more than there are documents).
    pub covers: u32,
    /// Whether its word forms' keys were made with a lemma lexicon: an index stemming otherwise
    /// works the keys out again when merging it.
    lexicon: bool,
    docs: Vec<DocMeta>,
    terms: Vec<Term>,
    /// The word forms and their stems, one after another.
    text: String,
    /// Every word form's postings, one after another; `pos_end` counts from the word form's
    /// first position byte.
    entries: Vec<Entry>,
    positions: Vec<u8>,
}

/// Stems already worked out, per language: kept by whoever builds segment after segment.
#[derive(Debug, Default)]
pub struct StemCache {
    stemmers: Stemmers,
    known: [FxHashMap<Box<str>, Box<str>>; 2],
}

impl StemCache {
    /// Stems with this lemma lexicon (see [`Stemmers::with_lemmas`]).
    pub fn with_lemmas(lemmas: std::sync::Arc<crate::text::lemma::Lemmas>) -> StemCache {
        StemCache {
            stemmers: Stemmers::with_lemmas(lemmas),
            known: Default::default(),
        }
    }

    /// The word's search keys in the language of stem slot `slot` (0 Dutch, 1 English).
    fn stem(&mut self, slot: usize, word: &str) -> &str {
        let known = &mut self.known[slot];
        if !known.contains_key(word) {
            let stem = self.stemmers.keys(SLOT_LANGUAGES[slot], word);
            known.insert(word.into(), stem.into());
        }
        known.get(word).map_or("", |s| s)
    }
}

/// One word form of a segment: where its text, stems, postings and positions end.
#[derive(Clone, Copy, Debug)]
struct Term {
    word: (u32, u32),
    /// The language slots of the documents holding it, and its stem in the first two.
    slots: u8,
    stems: [(u32, u32); 2],
    entries_end: u32,
    positions_end: u32,
}

impl Segment {
    /// The keys of the documents it holds, in order.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.docs.iter().map(|d| d.key)
    }

    /// Indexes these documents; a key seen before in `docs` is skipped (the first one counts,
    /// as when adding to an index one at a time). `covers` is how many articles the caller
    /// wants the segment to stand for. The word forms are stemmed here too, so that merging
    /// only looks them up.
    pub fn build(docs: &[IndexDoc<'_>], covers: u32) -> Segment {
        Segment::build_with(docs, covers, &mut StemCache::default())
    }

    /// [`Segment::build`], with stems remembered from earlier segments (a word form recurs in
    /// nearly every segment; stemming it once saves most of the stemming).
    pub fn build_with(docs: &[IndexDoc<'_>], covers: u32, cache: &mut StemCache) -> Segment {
        let mut index = Index::without_stems(cache.stemmers.clone());
        for d in docs {
            if !index.contains(d.key) {
                index.add(d);
            }
        }
        let Index {
            docs,
            term_text,
            postings,
            ..
        } = index;
        let mut segment = Segment {
            covers,
            lexicon: cache.stemmers.lemmas().is_some(),
            terms: Vec::with_capacity(term_text.len()),
            ..Segment::default()
        };
        for (word, p) in term_text.iter().zip(postings) {
            let slots = p.entries.iter().fold(0u8, |bits, e| {
                bits | 1 << lang_slot(docs[e.doc as usize].language)
            });
            let word_range = segment.push_text(word);
            let mut stems = [(0, 0); 2];
            for (slot, stem) in stems.iter_mut().enumerate() {
                if slots & (1 << slot) != 0 {
                    *stem = segment.push_text(cache.stem(slot, word));
                }
            }
            segment.entries.extend_from_slice(&p.entries);
            segment.positions.extend_from_slice(&p.positions);
            segment.terms.push(Term {
                word: word_range,
                slots,
                stems,
                entries_end: segment.entries.len() as u32,
                positions_end: segment.positions.len() as u32,
            });
        }
        segment.docs = docs;
        segment
    }

    fn push_text(&mut self, t: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(t);
        (start, self.text.len() as u32)
    }

    fn str(&self, (start, end): (u32, u32)) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// A word form's postings and position bytes.
    fn postings(&self, i: usize) -> (&[Entry], &[u8]) {
        let (e0, p0) = match i.checked_sub(1).map(|j| self.terms[j]) {
            Some(t) => (t.entries_end as usize, t.positions_end as usize),
            None => (0, 0),
        };
        let t = self.terms[i];
        (
            &self.entries[e0..t.entries_end as usize],
            &self.positions[p0..t.positions_end as usize],
        )
    }

    /// The segment as bytes, to send.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.text.len() + self.positions.len() * 2);
        out.extend_from_slice(MAGIC);
        out.push(u8::from(self.lexicon));
        put(&mut out, u64::from(self.covers));
        put(&mut out, self.docs.len() as u64);
        for d in &self.docs {
            out.extend_from_slice(&d.key.to_le_bytes());
            out.extend_from_slice(&d.length.to_le_bytes());
            put_str(&mut out, d.language.code());
        }
        put(&mut out, self.terms.len() as u64);
        for (i, t) in self.terms.iter().enumerate() {
            let word = self.str(t.word);
            put_str(&mut out, word);
            out.push(t.slots);
            for slot in 0..2 {
                if t.slots & (1 << slot) != 0 {
                    // Stems mostly begin like their word: the shared start is a count.
                    let stem = self.str(t.stems[slot]);
                    let shared = common_prefix(word, stem);
                    put(&mut out, shared as u64);
                    put_str(&mut out, &stem[shared..]);
                }
            }
            let (entries, positions) = self.postings(i);
            put(&mut out, entries.len() as u64);
            let mut last = 0u32;
            let mut start = 0u32;
            for e in entries {
                let (doc, pos_end, weight) = (e.doc, e.pos_end, e.weight);
                put(&mut out, u64::from(doc - last));
                put(&mut out, u64::from(weight));
                put(&mut out, u64::from(pos_end - start));
                last = doc;
                start = pos_end;
            }
            out.extend_from_slice(positions);
        }
        out
    }

    /// Reads a segment written by [`Segment::to_bytes`]; an error says what is wrong with it.
    pub fn from_bytes(bytes: &[u8]) -> Result<Segment, String> {
        let mut r = Reader::new(bytes, "segment");
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not an index segment of this version".into());
        }
        let lexicon = match r.byte()? {
            0 => false,
            1 => true,
            _ => return Err("a segment whose lexicon flag is neither 0 nor 1".into()),
        };
        let covers = u32::try_from(r.varint()?).map_err(|_| "a count out of range")?;
        let n_docs = r.count()?;
        let mut segment = Segment {
            covers,
            lexicon,
            docs: Vec::with_capacity(n_docs),
            ..Segment::default()
        };
        for _ in 0..n_docs {
            segment.docs.push(read_doc(&mut r)?);
        }
        let n_terms = r.count()?;
        segment.terms.reserve(n_terms);
        segment.text.reserve(bytes.len() / 4);
        segment.positions.reserve(bytes.len() / 2);
        for _ in 0..n_terms {
            segment.read_term(&mut r)?;
        }
        r.finish()?;
        Ok(segment)
    }

    /// Reads one word form: its text, its stems per language, its postings and positions.
    fn read_term(&mut self, r: &mut Reader) -> Result<(), String> {
        let word = r.str()?;
        let word_range = self.push_text(word);
        let slots = r.byte()?;
        if slots & !0b111 != 0 || slots == 0 {
            return Err("a word form in no language".into());
        }
        let mut stems = [(0, 0); 2];
        for (slot, stem) in stems.iter_mut().enumerate() {
            if slots & (1 << slot) != 0 {
                // A stem is stored as the length it shares with the word, then the rest.
                let shared = r.varint()?;
                let prefix = usize::try_from(shared)
                    .ok()
                    .and_then(|n| word.get(..n))
                    .ok_or("a stem longer than its word")?;
                let suffix = r.str()?;
                let start = self.text.len() as u32;
                self.text.push_str(prefix);
                self.text.push_str(suffix);
                *stem = (start, self.text.len() as u32);
            }
        }
        let end = self.read_postings(r)?;
        self.positions.extend_from_slice(r.take(end)?);
        let positions_end =
            u32::try_from(self.positions.len()).map_err(|_| "a segment too large")?;
        self.terms.push(Term {
            word: word_range,
            slots,
            stems,
            entries_end: self.entries.len() as u32,
            positions_end,
        });
        Ok(())
    }

    /// Reads one word form's postings (document gaps, weights, position ends); returns the
    /// length of its positions, which follow.
    fn read_postings(&mut self, r: &mut Reader) -> Result<usize, String> {
        let n = r.count()?;
        let mut doc = 0u64;
        let mut end = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            if i > 0 && delta == 0 {
                return Err("postings out of order".into());
            }
            doc += delta;
            if doc >= self.docs.len() as u64 {
                return Err("a posting for a document that is not there".into());
            }
            let weight = u16::try_from(r.varint()?).map_err(|_| "a weight out of range")?;
            end += r.varint()?;
            self.entries.push(Entry {
                doc: doc as u32,
                pos_end: u32::try_from(end).map_err(|_| "positions out of range")?,
                weight,
            });
        }
        usize::try_from(end).map_err(|_| "positions out of range".into())
    }
}

/// Reads one document's metadata: key, length, language.
fn read_doc(r: &mut Reader) -> Result<DocMeta, String> {
    let key = u64::from_le_bytes(r.array::<8>()?);
    let length = f32::from_le_bytes(r.array::<4>()?);
    if !length.is_finite() || length < 0.0 {
        return Err("a document length out of range".into());
    }
    let language = Language::from_code(r.str()?).unwrap_or(Language::Unknown);
    Ok(DocMeta {
        key,
        language,
        source: None,
        date: None,
        length,
        alive: true,
    })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .map(|((i, x), _)| i + x.len_utf8())
        .last()
        .unwrap_or(0)
}

impl Index {
    /// An index that does not group word forms by stem: for building a [`Segment`], which
    /// stems each word form once for the languages of the documents holding it.
    fn without_stems(stemmers: Stemmers) -> Index {
        Index {
            stemless: true,
            stemmers,
            ..Index::default()
        }
    }

    /// Adds a segment's documents, each as `keep` returns it or not at all (`None`). A segment
    /// carries each document's key, language and length only: `keep` gets those and adds the
    /// source and date (the key and length are kept as they are). A key already in the index
    /// is skipped. Returns the keys added, in order.
    pub fn merge(
        &mut self,
        segment: &Segment,
        mut keep: impl FnMut(DocMeta) -> Option<DocMeta>,
    ) -> Vec<u64> {
        let mut remap = vec![u32::MAX; segment.docs.len()];
        let mut slots = vec![0u8; segment.docs.len()];
        let mut added = Vec::new();
        for (i, d) in segment.docs.iter().enumerate() {
            // (A key twice in a damaged segment is caught here too: the first is in by now.)
            if self.contains(d.key) {
                continue;
            }
            let Some(mut meta) = keep(d.clone()) else {
                continue;
            };
            meta.key = d.key;
            meta.length = d.length.max(1.0);
            meta.alive = true;
            let id = self.docs.len() as u32;
            remap[i] = id;
            slots[i] = lang_slot(meta.language) as u8;
            self.total_length += f64::from(meta.length);
            self.alive += 1;
            self.key_to_doc.insert(meta.key, id);
            self.docs.push(meta);
            added.push(d.key);
        }
        if added.is_empty() {
            return added;
        }
        // Keys made without the lexicon this index uses (or with one it lacks) are made again.
        let same_keys = segment.lexicon == self.stemmers.lemmas().is_some();
        for (ti, t) in segment.terms.iter().enumerate() {
            let (entries, positions) = segment.postings(ti);
            // The languages of the kept documents holding it, which choose its stems.
            let bits = entries
                .iter()
                .filter(|e| remap[e.doc as usize] != u32::MAX)
                .fold(0u8, |bits, e| bits | 1 << slots[e.doc as usize]);
            if bits == 0 {
                continue;
            }
            let word = segment.str(t.word);
            let mut term = u32::MAX;
            for (slot, language) in SLOT_LANGUAGES.into_iter().enumerate() {
                if bits & (1 << slot) != 0 {
                    let stem = (same_keys && slot < 2 && t.slots & (1 << slot) != 0)
                        .then(|| segment.str(t.stems[slot]));
                    term = self.intern_with(word, slot, language, stem);
                }
            }
            let into = &mut self.postings[term as usize];
            let mut start = 0usize;
            for e in entries {
                let end = (e.pos_end as usize).min(positions.len()).max(start);
                let doc = remap[e.doc as usize];
                if doc != u32::MAX {
                    into.positions.extend_from_slice(&positions[start..end]);
                    into.entries.push(Entry {
                        doc,
                        pos_end: into.positions.len() as u32,
                        weight: e.weight,
                    });
                }
                start = end;
            }
        }
        added
    }
}

#[cfg(test)]
mod tests;
