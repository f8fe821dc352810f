//! Writing a published index a batch of articles at a time, meant for bounded memory: each batch's
//! words go to a sorted run that the caller's [`Store`] keeps (on disk, for the command line),
//! its articles straight to their text files; [`Builder::finish`] merges the runs into the
//! dictionary, postings, positions and stem files (see `merge`). What is meant to stay in memory
//! is a few bytes per document and, while merging, one word's postings per run and the stems (the
//! measured peak still grows with the archive, mostly in the merge: see issue 18's note). An
//! update ([`Builder::resume`]) removes articles and adds batches, then merges every run again,
//! leaving out what was removed: no article is read twice.

use rustc_hash::FxHashSet;

use super::merge::merge;
use super::{Manifest, Part, Store, FORMAT, LANGUAGES, REMOVED, TEXT_DOCS, VERSION};
use crate::article::{ArticleId, PartialDate};
use crate::bytes::{put, put_str};
use crate::corpus::Corpus;
use crate::search::alias::AliasTable;
use crate::search::index::Index;
use crate::text::language::Language;

/// A published index in memory: its manifest and its files' bytes (uncompressed).
#[derive(Clone, Debug, Default)]
pub struct Published {
    /// The manifest (`manifest.json`).
    pub manifest: Option<Manifest>,
    /// Every other file.
    pub files: Vec<(Part, Vec<u8>)>,
    runs: Vec<Vec<u8>>,
}

impl Store for Published {
    fn write(&mut self, part: Part, bytes: Vec<u8>) -> Result<(), String> {
        self.files.push((part, bytes));
        Ok(())
    }
    fn keep_run(&mut self, bytes: Vec<u8>) -> Result<(), String> {
        self.runs.push(bytes);
        Ok(())
    }
    fn read_run(&mut self, n: usize) -> Result<Box<dyn std::io::Read>, String> {
        let run = self.runs.get(n).cloned().ok_or("no such run")?;
        Ok(Box::new(std::io::Cursor::new(run)))
    }
    fn remove(&mut self, part: Part) -> Result<(), String> {
        self.files.retain(|(p, _)| *p != part);
        Ok(())
    }
}

impl Published {
    /// Drops the files written so far (not the runs), before an update writes them again.
    pub fn clear_files(&mut self) {
        self.files.retain(|(p, _)| matches!(p, Part::Text(_)));
    }
}

/// Publishes a corpus held in memory (one batch): its index, articles and alias table.
pub fn publish(corpus: &Corpus, generator: &str) -> Published {
    let mut out = Published::default();
    let mut builder = Builder::new(generator, corpus.aliases());
    let built = builder
        .add_batch(corpus, &mut out)
        .and_then(|_| builder.finish(corpus.index(), &mut out));
    // Memory never refuses a write.
    out.manifest = built.ok();
    out.runs.clear();
    out
}

/// One document as `docs.bin` holds it.
struct Doc {
    key: u64,
    length: f32,
    language: Language,
    source: Option<String>,
    date: Option<PartialDate>,
    removed: bool,
}

/// What an update needs to go on from a published index besides its files: how many runs the
/// store keeps, and the documents' summed length as it was summed (so that BM25's average is the
/// in-memory index's to the last bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ResumeState {
    /// Runs kept.
    pub runs: usize,
    /// The live documents' summed length, as the bits of an `f64`.
    pub total_length_bits: u64,
}

/// Writes a published index batch by batch.
pub struct Builder {
    generator: String,
    aliases: Vec<Vec<String>>,
    docs: Vec<Doc>,
    seen: FxHashSet<u64>,
    total_length: f64,
    runs: usize,
    text: Vec<u8>,
    text_docs: usize,
    text_files: usize,
}

impl Builder {
    /// A builder for an index published with this alias table.
    pub fn new(generator: &str, aliases: &AliasTable) -> Builder {
        Builder {
            generator: generator.to_string(),
            aliases: aliases.groups().iter().map(|g| g.names.clone()).collect(),
            docs: Vec::new(),
            seen: FxHashSet::default(),
            total_length: 0.0,
            runs: 0,
            text: Vec::new(),
            text_docs: 0,
            text_files: 0,
        }
    }

    /// The documents added so far (and not removed).
    pub fn documents(&self) -> usize {
        self.docs.iter().filter(|d| !d.removed).count()
    }

    /// A builder that goes on from a published index (its manifest, its `docs.bin`, and what
    /// [`Builder::resume_state`] said when it was finished), whose runs the store still keeps:
    /// articles can be removed and batches added, and [`Builder::finish`] merges them all again,
    /// without reading any article again.
    pub fn resume(
        manifest: &Manifest,
        docs: &[u8],
        state: &ResumeState,
        aliases: &AliasTable,
    ) -> Result<Builder, String> {
        let metas = super::files::read_docs(docs, &manifest.sources)
            .map_err(|why| format!("docs.bin: {why}"))?;
        let mut builder = Builder::new(&manifest.generator, aliases);
        for m in metas {
            if m.alive {
                builder.seen.insert(m.key);
            }
            builder.docs.push(Doc {
                key: m.key,
                length: m.length,
                language: m.language,
                source: m.source,
                date: m.date,
                removed: !m.alive,
            });
        }
        builder.total_length = f64::from_bits(state.total_length_bits);
        builder.runs = state.runs;
        builder.text_files = builder.docs.len().div_ceil(TEXT_DOCS);
        Ok(builder)
    }

    /// What [`Builder::resume`] needs besides the index's own files.
    pub fn resume_state(&self) -> ResumeState {
        ResumeState {
            runs: self.runs,
            total_length_bits: self.total_length.to_bits(),
        }
    }

    /// Removes the article with this key (its text file too); its slot stays, empty. `false`
    /// when it is not in the index.
    pub fn remove(&mut self, key: u64, store: &mut dyn Store) -> Result<bool, String> {
        let Some(slot) = self.docs.iter().position(|d| d.key == key && !d.removed) else {
            return Ok(false);
        };
        let doc = &mut self.docs[slot];
        doc.removed = true;
        self.total_length -= f64::from(doc.length);
        self.seen.remove(&key);
        store.remove(Part::Text((slot / TEXT_DOCS) as u32))?;
        Ok(true)
    }

    /// Adds a batch: the corpus's live documents in index order, after all earlier batches'.
    /// An article already added in an earlier batch is left out, as a corpus holding them all
    /// would have left it out; those left out are returned.
    pub fn add_batch(
        &mut self,
        batch: &Corpus,
        store: &mut dyn Store,
    ) -> Result<Vec<ArticleId>, String> {
        let index = batch.index();
        let mut remap = vec![u32::MAX; index.docs().len()];
        let mut repeated = Vec::new();
        for (slot, m) in index.docs().iter().enumerate() {
            if !m.alive {
                continue;
            }
            if !self.seen.insert(m.key) {
                repeated.push(ArticleId(m.key));
                continue;
            }
            remap[slot] = self.docs.len() as u32;
            self.total_length += f64::from(m.length);
            self.docs.push(Doc {
                key: m.key,
                length: m.length,
                language: m.language,
                source: m.source.clone(),
                date: m.date,
                removed: false,
            });
            if let Some(a) = batch.get(ArticleId(m.key)) {
                serde_json::to_writer(&mut self.text, a).map_err(|e| e.to_string())?;
                self.text.push(b'\n');
            }
            self.text_docs += 1;
            if self.text_docs == TEXT_DOCS {
                self.flush_text(store)?;
            }
        }
        store.keep_run(run(index, &remap))?;
        self.runs += 1;
        Ok(repeated)
    }

    fn flush_text(&mut self, store: &mut dyn Store) -> Result<(), String> {
        if self.text_docs > 0 {
            store.write(
                Part::Text(self.text_files as u32),
                std::mem::take(&mut self.text),
            )?;
            self.text_files += 1;
            self.text_docs = 0;
        }
        Ok(())
    }

    /// Merges the runs and writes the rest of the files; returns the manifest (which the
    /// caller writes last, so that a reader never finds a manifest without its files).
    /// `keyed` is an index keyed as the batches were (its word list is recorded).
    pub fn finish(mut self, keyed: &Index, store: &mut dyn Store) -> Result<Manifest, String> {
        self.flush_text(store)?;
        let (docs, sources) = docs_file(&self.docs);
        store.write(Part::Docs, docs)?;
        let removed: Vec<bool> = self.docs.iter().map(|d| d.removed).collect();
        let merged = merge(self.runs, &removed, store)?;
        let alive = self.documents();
        let average = if alive == 0 {
            1.0
        } else {
            (self.total_length / alive as f64) as f32
        };
        Ok(Manifest {
            format: FORMAT.to_string(),
            version: VERSION,
            documents: self.docs.len(),
            removed: self.docs.len() - alive,
            terms: merged.terms,
            average_length_bits: average.to_bits(),
            dict: merged.dict,
            post_files: merged.post_files,
            pos_files: merged.pos_files,
            stems: merged.stems,
            text_files: self.text_files,
            sources,
            aliases: self.aliases,
            lexicon: keyed.stemmers().lemmas().map(|l| {
                let (dutch, english) = l.len();
                [dutch, english]
            }),
            generator: self.generator,
        })
    }
}

/// A batch's run: its word forms with a live posting, sorted, each with its stem keys per
/// language slot and its postings (documents numbered as published) with their positions.
///
/// Per word: its text; a byte of slot bits; per slot set, its stem keys (count, strings); the
/// number of documents; per document its number, weight (eighths) and positions' bytes.
fn run(index: &Index, remap: &[u32]) -> Vec<u8> {
    // Each word form's stem keys per slot, as the batch's index registered them.
    let mut stems: Vec<[Vec<&str>; 3]> = vec![Default::default(); index.term_count()];
    for slot in [0usize, 1, 2] {
        for (stem, terms) in index.stem_entries(slot) {
            for &t in terms {
                stems[t as usize][slot].push(stem);
            }
        }
    }
    let mut terms: Vec<u32> = (0..index.term_count() as u32)
        .filter(|&t| {
            index
                .posting_entries(t)
                .any(|(d, _, _)| remap[d as usize] != u32::MAX)
        })
        .collect();
    terms.sort_unstable_by(|&a, &b| index.term_text(a).cmp(index.term_text(b)));
    let mut out = Vec::new();
    for t in terms {
        put_str(&mut out, index.term_text(t));
        let per_slot = &mut stems[t as usize];
        let bits = (0..3).fold(0u8, |b, s| b | (u8::from(!per_slot[s].is_empty()) << s));
        out.push(bits);
        for keys in per_slot.iter_mut().filter(|k| !k.is_empty()) {
            keys.sort_unstable();
            put(&mut out, keys.len() as u64);
            for k in keys.iter() {
                put_str(&mut out, k);
            }
        }
        let live: Vec<(u32, u16, &[u8])> = index
            .posting_entries(t)
            .filter_map(|(d, w, p)| Some((remap[d as usize], w, p)).filter(|e| e.0 != u32::MAX))
            .collect();
        put(&mut out, live.len() as u64);
        for (doc, weight, positions) in live {
            put(&mut out, u64::from(doc));
            put(&mut out, u64::from(weight));
            put(&mut out, positions.len() as u64);
            out.extend_from_slice(positions);
        }
    }
    out
}

/// `docs.bin`: the count, then per document its key (8 bytes), length (the `f32`'s 4 bytes),
/// language byte, source (0 none, else 1 + its place in the sources) and date. With the
/// sources, sorted.
fn docs_file(docs: &[Doc]) -> (Vec<u8>, Vec<String>) {
    let mut sources: Vec<String> = docs.iter().filter_map(|d| d.source.clone()).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut out = Vec::with_capacity(docs.len() * 20);
    put(&mut out, docs.len() as u64);
    for d in docs {
        out.extend_from_slice(&d.key.to_le_bytes());
        out.extend_from_slice(&d.length.to_bits().to_le_bytes());
        out.push(LANGUAGES.iter().position(|l| *l == d.language).unwrap_or(4) as u8);
        let source = d
            .source
            .as_ref()
            .and_then(|s| sources.binary_search(s).ok())
            .map_or(0, |i| i + 1);
        put(&mut out, source as u64);
        put_date(&mut out, d.date.as_ref());
        out.push(if d.removed { REMOVED } else { 0 });
    }
    (out, sources)
}

/// A date as a tag (0 none, 1 year, 2 month, 3 day), the year zigzagged, and the month and day
/// its precision has.
fn put_date(out: &mut Vec<u8>, date: Option<&PartialDate>) {
    let Some(d) = date else {
        out.push(0);
        return;
    };
    let y = d.year_value();
    let zigzag = ((y << 1) ^ (y >> 31)) as u32;
    match (d.month_value(), d.day_value()) {
        (Some(m), Some(day)) => {
            out.push(3);
            put(out, u64::from(zigzag));
            out.extend_from_slice(&[m, day]);
        }
        (Some(m), None) => {
            out.push(2);
            put(out, u64::from(zigzag));
            out.push(m);
        }
        _ => {
            out.push(1);
            put(out, u64::from(zigzag));
        }
    }
}
