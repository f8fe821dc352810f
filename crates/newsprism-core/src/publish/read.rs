//! Reading a published index: the manifest and the documents first, then only the files each
//! query asks for. The engine runs over what is loaded; a lookup that needs a file not loaded
//! notes it and finds nothing, and the search is run again once the noted files are loaded,
//! until a run needs nothing more (a few rounds: words, then their stems' word forms, then
//! postings, then positions for phrases).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::files::{read_dict, read_docs, read_stems, StemShard, Word};
use super::{Manifest, Part, ReadError, DICT_TERMS, TEXT_DOCS};
use crate::article::{Article, ArticleId};
use crate::bytes::Reader;
use crate::search::alias::AliasTable;
use crate::search::answer;
use crate::search::engine::{self, Source};
use crate::search::index::{
    decode_positions, families, letter_signature, within_distance, DocMeta,
};
use crate::search::query;
use crate::search::results::{facet_counts, Facet, SearchOptions, SearchResults};
use crate::text::stem::Stemmers;

/// The most rounds a search loads files in before giving up (it needs seven at most: words,
/// stems, their word forms, postings, positions, suggestions, the hits' text).
const MAX_ROUNDS: usize = 12;

/// Where each of a word form's documents' positions are in its positions bytes.
type Ranges = Rc<Vec<(u32, u32)>>;

/// A word form's postings, decoded once: documents and weights.
#[derive(Debug, Default)]
struct Decoded {
    docs: Vec<u32>,
    weights: Vec<u16>,
}

/// A published index being read.
#[derive(Debug)]
pub struct PublishedIndex {
    manifest: Manifest,
    aliases: AliasTable,
    stemmers: Stemmers,
    docs: Vec<DocMeta>,
    key_to_doc: FxHashMap<u64, u32>,
    dict: FxHashMap<u32, Vec<Word>>,
    blobs: FxHashMap<Part, Vec<u8>>,
    stems: FxHashMap<(u8, u32), StemShard>,
    articles: FxHashMap<ArticleId, Article>,
    decoded: RefCell<FxHashMap<u32, Rc<Decoded>>>,
    /// Per word form: where each of its documents' positions are in its positions bytes.
    position_ranges: RefCell<FxHashMap<u32, Ranges>>,
    wanted: RefCell<BTreeSet<Part>>,
    loaded: BTreeSet<Part>,
}

fn bad(part: Part, why: impl Into<String>) -> ReadError {
    ReadError {
        file: part.path(),
        why: why.into(),
    }
}

impl PublishedIndex {
    /// Opens a published index from its manifest and `docs.bin`, searching with `stemmers`
    /// (which must have the word list the index was keyed with, if any).
    pub fn open(manifest: &[u8], docs: &[u8], stemmers: Stemmers) -> Result<Self, ReadError> {
        let in_manifest = |why: String| ReadError {
            file: "manifest.json".into(),
            why,
        };
        let manifest = Manifest::parse(manifest)?;
        let have = stemmers.lemmas().map(|l| {
            let (dutch, english) = l.len();
            [dutch, english]
        });
        if have != manifest.lexicon {
            return Err(in_manifest(format!(
                "its words were keyed with word list {:?}, this reader has {have:?}",
                manifest.lexicon
            )));
        }
        let mut aliases = AliasTable::empty();
        for group in &manifest.aliases {
            aliases.add_group(&group.iter().map(String::as_str).collect::<Vec<_>>());
        }
        let docs = read_docs(docs, &manifest.sources).map_err(|why| bad(Part::Docs, why))?;
        if docs.len() != manifest.documents {
            return Err(bad(
                Part::Docs,
                "holds another number of documents than the manifest says",
            ));
        }
        if docs.iter().filter(|d| !d.alive).count() != manifest.removed {
            return Err(bad(
                Part::Docs,
                "holds another number of removed documents than the manifest says",
            ));
        }
        let key_to_doc = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.alive)
            .map(|(i, d)| (d.key, i as u32))
            .collect();
        Ok(PublishedIndex {
            manifest,
            aliases,
            stemmers,
            docs,
            key_to_doc,
            dict: FxHashMap::default(),
            blobs: FxHashMap::default(),
            stems: FxHashMap::default(),
            articles: FxHashMap::default(),
            decoded: RefCell::default(),
            position_ranges: RefCell::default(),
            wanted: RefCell::default(),
            loaded: BTreeSet::new(),
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The files loaded so far (besides the manifest and `docs.bin`).
    pub fn loaded(&self) -> &BTreeSet<Part> {
        &self.loaded
    }

    /// Takes in one of the index's files (its bytes uncompressed).
    pub fn add(&mut self, part: Part, bytes: &[u8]) -> Result<(), ReadError> {
        let fail = |why: String| bad(part, why);
        match part {
            Part::Docs => return Ok(()),
            Part::Dict(n) => {
                let words = read_dict(bytes, &self.manifest).map_err(fail)?;
                self.dict.insert(n, words);
            }
            Part::Postings(_) | Part::Positions(_) => {
                self.blobs.insert(part, bytes.to_vec());
            }
            Part::Stems(slot, n) => {
                let stems = read_stems(bytes, self.manifest.terms).map_err(fail)?;
                self.stems.insert((slot, n), stems);
            }
            Part::Text(_) => {
                for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                    let a: Article = serde_json::from_slice(line)
                        .map_err(|e| fail(format!("an article that cannot be read ({e})")))?;
                    self.articles.insert(a.id, a);
                }
            }
        }
        self.loaded.insert(part);
        Ok(())
    }

    /// Searches as the app does (the same query language, aliases as in `options`, the same
    /// ranking), loading each file it needs with `load` (which returns it uncompressed).
    pub fn search(
        &mut self,
        q: &str,
        options: &SearchOptions,
        mut load: impl FnMut(Part) -> Result<Vec<u8>, ReadError>,
    ) -> Result<SearchResults, ReadError> {
        for _ in 0..MAX_ROUNDS {
            match self.search_loaded(q, options) {
                Ok(results) => return Ok(results),
                Err(parts) => {
                    for part in parts {
                        let bytes = load(part)?;
                        self.add(part, &bytes)?;
                    }
                }
            }
        }
        Err(ReadError {
            file: "manifest.json".into(),
            why: "a search kept asking for more files".into(),
        })
    }

    /// Searches with the files loaded so far: the answer, or the files it needs first (load
    /// them with [`PublishedIndex::add`], all at once if you like, and ask again). For a caller
    /// that fetches files without waiting on each, as a web page does.
    pub fn search_loaded(
        &mut self,
        q: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults, Vec<Part>> {
        let parsed = query::parse(q);
        let aliases = options.aliases.then_some(&self.aliases);
        let ranked = engine::run(&*self, &parsed, aliases);
        self.missing()?;
        let suggestions = if ranked.docs.is_empty() && parsed.root.is_some() {
            let s = answer::suggestions(&*self, &self.aliases, q, &parsed, options);
            self.missing()?;
            s
        } else {
            Vec::new()
        };
        for &(d, _) in ranked.docs.iter().take(options.limit) {
            self.want(Part::Text(d / TEXT_DOCS as u32));
        }
        self.missing()?;
        let ix = &*self;
        Ok(answer::answer(
            ix,
            &parsed,
            ranked,
            options,
            suggestions,
            |id| ix.articles.get(&id),
        ))
    }

    /// The files wanted and not loaded, if any (and no longer noted as wanted).
    fn missing(&self) -> Result<(), Vec<Part>> {
        let wanted = std::mem::take(&mut *self.wanted.borrow_mut());
        let parts: Vec<Part> = wanted
            .into_iter()
            .filter(|p| !self.loaded.contains(p))
            .collect();
        if parts.is_empty() {
            Ok(())
        } else {
            Err(parts)
        }
    }

    /// The file holding an article's text, if the article is in the index (opening an article
    /// of a published index reads only that file; see [`PublishedIndex::article`]).
    pub fn text_part(&self, id: ArticleId) -> Option<Part> {
        self.key_to_doc
            .get(&id.0)
            .map(|&doc| Part::Text(doc / TEXT_DOCS as u32))
    }

    /// Articles per source and per month of publication over the whole index (from the
    /// documents' metadata, read on opening), as the search's facets are counted.
    pub fn overview(&self) -> (Vec<Facet>, Vec<Facet>) {
        facet_counts(
            self.docs
                .iter()
                .filter(|m| m.alive)
                .map(|m| (m.source.as_deref(), m.date.as_ref())),
        )
    }

    /// An article, once its text file is loaded (a search loads its hits').
    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.get(&id)
    }

    fn want(&self, part: Part) {
        if !self.loaded.contains(&part) {
            self.wanted.borrow_mut().insert(part);
        }
    }

    /// A word form's dictionary entry, or `None` (and its shard wanted) when not loaded.
    fn word(&self, term: u32) -> Option<&Word> {
        let shard = term / DICT_TERMS as u32;
        match self.dict.get(&shard) {
            Some(words) => words.get((term % DICT_TERMS as u32) as usize),
            None => {
                self.want(Part::Dict(shard));
                None
            }
        }
    }

    /// The shard of `firsts` (each shard's first key) that would hold `key`.
    fn shard_of(firsts: &[String], key: &str) -> Option<u32> {
        let after = firsts.partition_point(|f| f.as_str() <= key);
        after.checked_sub(1).map(|s| s as u32)
    }

    /// A stem's word forms in slot `slot` (empty when absent, or not loaded: then wanted).
    fn stem(&self, slot: usize, key: &str) -> &[u32] {
        let Some(shard) = Self::shard_of(&self.manifest.stems[slot], key) else {
            return &[];
        };
        match self.stems.get(&(slot as u8, shard)) {
            Some(stems) => stems
                .binary_search_by(|(k, _)| (**k).cmp(key))
                .map_or(&[][..], |i| stems[i].1.as_slice()),
            None => {
                self.want(Part::Stems(slot as u8, shard));
                &[]
            }
        }
    }

    /// A word form's postings, decoded (and kept), or `None` when a file is not loaded.
    fn postings(&self, term: u32) -> Option<Rc<Decoded>> {
        if let Some(d) = self.decoded.borrow().get(&term) {
            return Some(d.clone());
        }
        let word = self.word(term)?;
        let part = Part::Postings(word.post[0]);
        let Some(blob) = self.blobs.get(&part) else {
            self.want(part);
            return None;
        };
        let [_, at, len] = word.post;
        let bytes = blob.get(at as usize..(at as usize).saturating_add(len as usize))?;
        let decoded = Rc::new(decode_postings(bytes, word, self.docs.len())?);
        self.decoded.borrow_mut().insert(term, decoded.clone());
        Some(decoded)
    }
}

/// A word form's postings and where its documents' positions are; `None` if damaged.
fn decode_postings(bytes: &[u8], word: &Word, docs: usize) -> Option<Decoded> {
    let mut b = Reader::new(bytes, "file");
    let mut out = Decoded::default();
    let mut doc = 0u64;
    while !b.done() {
        doc += b.varint().ok()?;
        let weight = u16::try_from(b.varint().ok()?).ok()?;
        if doc >= docs as u64 {
            return None;
        }
        out.docs.push(doc as u32);
        out.weights.push(weight);
    }
    (out.docs.len() == word.df as usize).then_some(out)
}

impl Source for PublishedIndex {
    fn docs(&self) -> &[DocMeta] {
        &self.docs
    }
    fn len(&self) -> usize {
        self.manifest.documents - self.manifest.removed
    }
    fn average_length(&self) -> f32 {
        f32::from_bits(self.manifest.average_length_bits)
    }
    fn term(&self, key: &str) -> Option<u32> {
        let shard = Self::shard_of(&self.manifest.dict, key)?;
        let Some(words) = self.dict.get(&shard) else {
            self.want(Part::Dict(shard));
            return None;
        };
        let i = words.binary_search_by(|w| (*w.text).cmp(key)).ok()?;
        Some(shard * DICT_TERMS as u32 + i as u32)
    }
    fn term_text(&self, term: u32) -> &str {
        self.word(term).map_or("", |w| &w.text)
    }
    fn families(&self, key: &str) -> (Vec<u32>, Vec<u32>) {
        families(
            &self.stemmers,
            key,
            |slot| !self.manifest.stems[slot].is_empty(),
            |slot, stem| self.stem(slot, stem),
            self.term(key),
        )
    }
    fn prefix_terms(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let firsts = &self.manifest.dict;
        let start = Self::shard_of(firsts, prefix).unwrap_or(0) as usize;
        let mut found = Vec::new();
        for (shard, first) in firsts.iter().enumerate().skip(start) {
            if shard > start && !first.starts_with(prefix) {
                break;
            }
            let Some(words) = self.dict.get(&(shard as u32)) else {
                self.want(Part::Dict(shard as u32));
                continue;
            };
            let base = shard * DICT_TERMS;
            let from = words.partition_point(|w| &*w.text < prefix);
            found.extend(
                words[from..]
                    .iter()
                    .take_while(|w| w.text.starts_with(prefix))
                    .enumerate()
                    .map(|(i, _)| (base + from + i) as u32),
            );
        }
        if found.len() > limit {
            crate::sorting::sort_by_key(&mut found, |&t| std::cmp::Reverse(self.doc_frequency(t)));
            found.truncate(limit);
        }
        found
    }
    fn fuzzy_terms(&self, key: &str, distance: u8) -> Vec<u32> {
        // Every word of a near length could be the one: the whole dictionary is read.
        for shard in 0..self.manifest.dict.len() as u32 {
            if !self.dict.contains_key(&shard) {
                self.want(Part::Dict(shard));
            }
        }
        if !self.wanted.borrow().is_empty() {
            return Vec::new();
        }
        let target: Vec<char> = key.chars().collect();
        let d = usize::from(distance);
        let sig = letter_signature(key);
        let (mut out, mut buf, mut rows) =
            (Vec::new(), Vec::new(), [Vec::new(), Vec::new(), Vec::new()]);
        for shard in 0..self.manifest.dict.len() as u32 {
            for (i, w) in self.dict[&shard].iter().enumerate() {
                if (letter_signature(&w.text) ^ sig).count_ones() as usize > 2 * d {
                    continue;
                }
                buf.clear();
                buf.extend(w.text.chars());
                if within_distance(&target, &buf, d, &mut rows) {
                    out.push(shard * DICT_TERMS as u32 + i as u32);
                }
            }
        }
        out
    }
    fn doc_frequency(&self, term: u32) -> usize {
        self.word(term).map_or(0, |w| w.df as usize)
    }
    fn for_each_posting(&self, term: u32, mut f: impl FnMut(u32, f32)) {
        if let Some(p) = self.postings(term) {
            for (&doc, &weight) in p.docs.iter().zip(&p.weights) {
                f(doc, f32::from(weight) / 8.0);
            }
        }
    }
    fn docs_of(&self, term: u32) -> Vec<u32> {
        self.postings(term)
            .map(|p| p.docs.clone())
            .unwrap_or_default()
    }
    fn positions(&self, term: u32, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let Some(i) = self
            .postings(term)
            .and_then(|p| p.docs.binary_search(&doc).ok())
        else {
            return;
        };
        let Some((bytes, ranges)) = self.position_bytes(term) else {
            return;
        };
        if let Some(&(start, end)) = ranges.get(i) {
            decode_positions(&bytes[start as usize..end as usize], out);
        }
    }
}

impl PublishedIndex {
    /// A word form's positions bytes and where each of its documents' positions are in them,
    /// or `None` when its positions file is not loaded (then wanted) or is damaged.
    fn position_bytes(&self, term: u32) -> Option<(&[u8], Ranges)> {
        let word = self.word(term)?;
        let part = Part::Positions(word.pos[0]);
        let Some(blob) = self.blobs.get(&part) else {
            self.want(part);
            return None;
        };
        let [_, at, len] = word.pos;
        let bytes = blob.get(at as usize..(at as usize).saturating_add(len as usize))?;
        if let Some(r) = self.position_ranges.borrow().get(&term) {
            return Some((bytes, r.clone()));
        }
        // The word's documents' positions one after another, each with its length first.
        let mut b = Reader::new(bytes, "file");
        let mut ranges = Vec::with_capacity(word.df as usize);
        while !b.done() {
            let n = b.count_at_most(bytes.len()).ok()? as usize;
            let start = b.at();
            b.take(n).ok()?;
            ranges.push((start as u32, b.at() as u32));
        }
        let ranges = Rc::new(ranges);
        self.position_ranges
            .borrow_mut()
            .insert(term, ranges.clone());
        Some((bytes, ranges))
    }
}
