//! Merging the batches' runs into the published dictionary, postings, positions and stem files:
//! a k-way merge by word, reading each run a word at a time. Documents are numbered in batch
//! order, so a word's postings are its runs' postings one after another.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{BufReader, Read};

use super::{Part, Store, BLOB_BYTES, DICT_TERMS};
use crate::bytes::{put, put_str};

/// What the merge wrote, for the manifest.
pub(super) struct Merged {
    pub(super) terms: usize,
    pub(super) dict: Vec<String>,
    pub(super) post_files: usize,
    pub(super) pos_files: usize,
    pub(super) stems: [Vec<String>; 3],
}

/// One word of a run.
struct Record {
    text: String,
    stems: [Vec<String>; 3],
    /// Document, weight, positions' bytes.
    entries: Vec<(u32, u16, Vec<u8>)>,
}

/// A run being read a word at a time.
struct Run {
    bytes: BufReader<Box<dyn Read>>,
}

impl Run {
    fn byte(&mut self) -> Result<Option<u8>, String> {
        let mut b = [0u8; 1];
        match self.bytes.read(&mut b) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(b[0])),
            Err(e) => Err(e.to_string()),
        }
    }

    fn varint(&mut self) -> Result<Option<u64>, String> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let Some(b) = self.byte()? else {
                return if shift == 0 {
                    Ok(None)
                } else {
                    Err("a run ends inside a number".into())
                };
            };
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(Some(v));
            }
            shift += 7;
            if shift > 63 {
                return Err("a run holds a number too long".into());
            }
        }
    }

    fn number(&mut self) -> Result<u64, String> {
        self.varint()?
            .ok_or_else(|| "a run ends too soon".to_string())
    }

    fn bytes_of(&mut self, n: u64) -> Result<Vec<u8>, String> {
        let mut out = vec![0u8; usize::try_from(n).map_err(|_| "a run's length is too long")?];
        self.bytes
            .read_exact(&mut out)
            .map_err(|_| "a run ends too soon".to_string())?;
        Ok(out)
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.number()?;
        String::from_utf8(self.bytes_of(n)?)
            .map_err(|_| "a run holds a word that is not UTF-8".into())
    }

    /// The next word, or `None` at the run's end.
    fn next(&mut self) -> Result<Option<Record>, String> {
        let Some(n) = self.varint()? else {
            return Ok(None);
        };
        let text = String::from_utf8(self.bytes_of(n)?).map_err(|_| "a word that is not UTF-8")?;
        let bits = self.byte()?.ok_or("a run ends too soon")?;
        let mut stems: [Vec<String>; 3] = Default::default();
        for (slot, keys) in stems.iter_mut().enumerate() {
            if bits & (1 << slot) != 0 {
                for _ in 0..self.number()? {
                    keys.push(self.string()?);
                }
            }
        }
        let count = self.number()?;
        let mut entries = Vec::new();
        for _ in 0..count {
            let doc = u32::try_from(self.number()?).map_err(|_| "a document out of range")?;
            let weight = u16::try_from(self.number()?).map_err(|_| "a weight out of range")?;
            let n = self.number()?;
            entries.push((doc, weight, self.bytes_of(n)?));
        }
        Ok(Some(Record {
            text,
            stems,
            entries,
        }))
    }
}

/// The files being filled while merging.
#[derive(Default)]
struct Out {
    dict: Vec<u8>,
    dict_words: usize,
    firsts: Vec<String>,
    post: Vec<u8>,
    pos: Vec<u8>,
    post_n: u32,
    pos_n: u32,
    terms: u32,
    /// Per slot: (stem, word form) pairs, sorted at the end.
    stems: [Vec<(String, u32)>; 3],
}

impl Out {
    /// Writes one word (its runs' records, in batch order).
    fn word(&mut self, records: &[Record], store: &mut dyn Store) -> Result<(), String> {
        let text = &records[0].text;
        if self.dict_words == 0 {
            self.firsts.push(text.clone());
        }
        let (post_at, pos_at) = (self.post.len(), self.pos.len());
        let mut last = 0u32;
        let mut df = 0u64;
        for (doc, weight, positions) in records.iter().flat_map(|r| &r.entries) {
            let gap = doc
                .checked_sub(last)
                .ok_or("documents out of order in the runs")?;
            put(&mut self.post, u64::from(gap));
            put(&mut self.post, u64::from(*weight));
            put(&mut self.pos, positions.len() as u64);
            self.pos.extend_from_slice(positions);
            last = *doc;
            df += 1;
        }
        put_str(&mut self.dict, text);
        put(&mut self.dict, df);
        for (file, at, len) in [
            (self.post_n, post_at, self.post.len() - post_at),
            (self.pos_n, pos_at, self.pos.len() - pos_at),
        ] {
            put(&mut self.dict, u64::from(file));
            put(&mut self.dict, at as u64);
            put(&mut self.dict, len as u64);
        }
        for (slot, pairs) in self.stems.iter_mut().enumerate() {
            for key in records.iter().flat_map(|r| &r.stems[slot]) {
                pairs.push((key.clone(), self.terms));
            }
        }
        self.terms += 1;
        self.dict_words += 1;
        // A file is closed after the word that fills it: no word is cut.
        if self.post.len() >= BLOB_BYTES {
            store.write(Part::Postings(self.post_n), std::mem::take(&mut self.post))?;
            self.post_n += 1;
        }
        if self.pos.len() >= BLOB_BYTES {
            store.write(Part::Positions(self.pos_n), std::mem::take(&mut self.pos))?;
            self.pos_n += 1;
        }
        if self.dict_words == DICT_TERMS {
            self.flush_dict(store)?;
        }
        Ok(())
    }

    fn flush_dict(&mut self, store: &mut dyn Store) -> Result<(), String> {
        if self.dict_words > 0 {
            let mut shard = Vec::with_capacity(self.dict.len() + 4);
            put(&mut shard, self.dict_words as u64);
            shard.append(&mut self.dict);
            store.write(Part::Dict(self.firsts.len() as u32 - 1), shard)?;
            self.dict_words = 0;
        }
        Ok(())
    }
}

/// Merges runs `0..runs` into the store; a document numbered at or past `removed.len()` is an
/// error, one `removed` says was removed is left out (a word left with no document too).
pub(super) fn merge(
    runs: usize,
    removed: &[bool],
    store: &mut dyn Store,
) -> Result<Merged, String> {
    let documents = removed.len();
    let mut readers = Vec::with_capacity(runs);
    for n in 0..runs {
        readers.push(Run {
            bytes: BufReader::with_capacity(64 * 1024, store.read_run(n)?),
        });
    }
    let mut heads: Vec<Option<Record>> = Vec::with_capacity(runs);
    let mut heap = BinaryHeap::new();
    for (n, r) in readers.iter_mut().enumerate() {
        let head = r.next()?;
        if let Some(rec) = &head {
            heap.push(Reverse((rec.text.clone(), n)));
        }
        heads.push(head);
    }
    let mut out = Out::default();
    let mut same: Vec<Record> = Vec::new();
    while let Some(Reverse((text, n))) = heap.pop() {
        let mut from = vec![n];
        while heap.peek().is_some_and(|Reverse((t, _))| *t == text) {
            if let Some(Reverse((_, m))) = heap.pop() {
                from.push(m);
            }
        }
        from.sort_unstable();
        same.clear();
        for m in from {
            let Some(rec) = heads[m].take() else { continue };
            if rec.entries.iter().any(|e| e.0 as usize >= documents) {
                return Err("a run names a document that was not added".into());
            }
            let mut rec = rec;
            rec.entries.retain(|e| !removed[e.0 as usize]);
            same.push(rec);
            heads[m] = readers[m].next()?;
            if let Some(next) = &heads[m] {
                if next.text <= text {
                    return Err("a run's words are out of order".into());
                }
                heap.push(Reverse((next.text.clone(), m)));
            }
        }
        same.retain(|r| !r.entries.is_empty());
        if !same.is_empty() {
            out.word(&same, store)?;
        }
    }
    out.flush_dict(store)?;
    store.write(Part::Postings(out.post_n), std::mem::take(&mut out.post))?;
    store.write(Part::Positions(out.pos_n), std::mem::take(&mut out.pos))?;
    let [a, b, c] = std::mem::take(&mut out.stems);
    let stems = [
        stem_files(0, a, store)?,
        stem_files(1, b, store)?,
        stem_files(2, c, store)?,
    ];
    Ok(Merged {
        terms: out.terms as usize,
        dict: out.firsts,
        post_files: out.post_n as usize + 1,
        pos_files: out.pos_n as usize + 1,
        stems,
    })
}

/// Slot `slot`'s stem shards from its (stem, word form) pairs: per stem its text and its word
/// forms (ascending, as gaps). Returns each shard's first stem.
fn stem_files(
    slot: u8,
    mut pairs: Vec<(String, u32)>,
    store: &mut dyn Store,
) -> Result<Vec<String>, String> {
    pairs.sort_unstable();
    pairs.dedup();
    let mut stems: Vec<(&str, Vec<u32>)> = Vec::new();
    for (stem, id) in &pairs {
        match stems.last_mut() {
            Some((s, ids)) if *s == stem.as_str() => ids.push(*id),
            _ => stems.push((stem, vec![*id])),
        }
    }
    let mut firsts = Vec::new();
    for (n, shard) in stems.chunks(DICT_TERMS).enumerate() {
        firsts.push(shard[0].0.to_string());
        let mut out = Vec::new();
        put(&mut out, shard.len() as u64);
        for (stem, ids) in shard {
            put_str(&mut out, stem);
            put(&mut out, ids.len() as u64);
            let mut last = 0;
            for &id in ids {
                put(&mut out, u64::from(id - last));
                last = id;
            }
        }
        store.write(Part::Stems(slot, n as u32), out)?;
    }
    Ok(firsts)
}
