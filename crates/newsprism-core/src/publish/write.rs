//! Writing a corpus's index as a published index's files (see the module's documentation).

use super::{put, put_str, Manifest, Part, BLOB_BYTES, DICT_TERMS, FORMAT, TEXT_DOCS, VERSION};
use crate::article::{ArticleId, PartialDate};
use crate::corpus::Corpus;
use crate::search::index::Index;
use crate::text::language::Language;

/// A published index in memory: its manifest and its files' bytes (uncompressed).
#[derive(Clone, Debug)]
pub struct Published {
    /// The manifest (`manifest.json`).
    pub manifest: Manifest,
    /// Every other file.
    pub files: Vec<(Part, Vec<u8>)>,
}

/// The languages as a document's language byte.
pub(super) const LANGUAGES: [Language; 5] = [
    Language::Dutch,
    Language::English,
    Language::German,
    Language::French,
    Language::Unknown,
];

/// Publishes the corpus's index, its articles and its alias table; `generator` says what wrote
/// it (the command line's name and version).
pub fn publish(corpus: &Corpus, generator: &str) -> Published {
    let index = corpus.index();
    let mut files = Vec::new();
    // Live documents keep their order: a tie in score goes to the same document in both.
    let slots: Vec<u32> = (0..index.docs().len() as u32)
        .filter(|&d| index.docs()[d as usize].alive)
        .collect();
    let mut remap = vec![u32::MAX; index.docs().len()];
    for (new, &old) in slots.iter().enumerate() {
        remap[old as usize] = new as u32;
    }
    let (docs, sources) = docs_file(index, &slots);
    files.push((Part::Docs, docs));
    // Word forms with a live posting, in sorted order: a word's id is its rank.
    let mut terms: Vec<u32> = (0..index.term_count() as u32)
        .filter(|&t| {
            index
                .posting_entries(t)
                .any(|(d, _, _)| remap[d as usize] != u32::MAX)
        })
        .collect();
    terms.sort_unstable_by(|&a, &b| index.term_text(a).cmp(index.term_text(b)));
    let mut term_id = vec![u32::MAX; index.term_count()];
    for (new, &old) in terms.iter().enumerate() {
        term_id[old as usize] = new as u32;
    }
    let (dict, post_files, pos_files) = dictionary(index, &terms, &remap, &mut files);
    let stems = [0, 1, 2].map(|slot| stem_files(index, slot, &term_id, &mut files));
    let text_files = text_files(corpus, index, &slots, &mut files);
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        documents: slots.len(),
        terms: terms.len(),
        average_length_bits: index.average_length().to_bits(),
        dict,
        post_files,
        pos_files,
        stems,
        text_files,
        sources,
        aliases: corpus
            .aliases()
            .groups()
            .iter()
            .map(|g| g.names.clone())
            .collect(),
        lexicon: index.stemmers().lemmas().map(|l| {
            let (dutch, english) = l.len();
            [dutch, english]
        }),
        generator: generator.to_string(),
    };
    Published { manifest, files }
}

/// `docs.bin`: the count, then per document its key (8 bytes), length (the `f32`'s 4 bytes),
/// language byte, source (0 none, else 1 + its place in the sources) and date. With the
/// sources, sorted.
fn docs_file(index: &Index, slots: &[u32]) -> (Vec<u8>, Vec<String>) {
    let metas = index.docs();
    let mut sources: Vec<String> = slots
        .iter()
        .filter_map(|&d| metas[d as usize].source.clone())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let mut out = Vec::with_capacity(slots.len() * 20);
    put(&mut out, slots.len() as u64);
    for &d in slots {
        let m = &metas[d as usize];
        out.extend_from_slice(&m.key.to_le_bytes());
        out.extend_from_slice(&m.length.to_bits().to_le_bytes());
        out.push(LANGUAGES.iter().position(|l| *l == m.language).unwrap_or(4) as u8);
        let source = m
            .source
            .as_ref()
            .and_then(|s| sources.binary_search(s).ok())
            .map_or(0, |i| i + 1);
        put(&mut out, source as u64);
        put_date(&mut out, m.date.as_ref());
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

/// The dictionary shards, and the postings and positions files they point into. Returns each
/// shard's first word and how many postings and positions files there are.
fn dictionary(
    index: &Index,
    terms: &[u32],
    remap: &[u32],
    files: &mut Vec<(Part, Vec<u8>)>,
) -> (Vec<String>, usize, usize) {
    let mut firsts = Vec::new();
    let (mut post, mut pos) = (Vec::new(), Vec::new());
    let (mut post_n, mut pos_n) = (0u32, 0u32);
    for shard in terms.chunks(DICT_TERMS) {
        firsts.push(index.term_text(shard[0]).to_string());
        let mut dict = Vec::new();
        put(&mut dict, shard.len() as u64);
        for &t in shard {
            let (post_at, pos_at) = (post.len(), pos.len());
            let mut df = 0u64;
            let mut last = 0u32;
            for (doc, weight, positions) in index.posting_entries(t) {
                let doc = remap[doc as usize];
                if doc == u32::MAX {
                    continue;
                }
                put(&mut post, u64::from(doc - last));
                put(&mut post, u64::from(weight));
                put(&mut pos, positions.len() as u64);
                pos.extend_from_slice(positions);
                last = doc;
                df += 1;
            }
            put_str(&mut dict, index.term_text(t));
            put(&mut dict, df);
            for (file, at, blob) in [(post_n, post_at, &post), (pos_n, pos_at, &pos)] {
                put(&mut dict, u64::from(file));
                put(&mut dict, at as u64);
                put(&mut dict, (blob.len() - at) as u64);
            }
            // A file is closed after the word that fills it: no word is cut.
            if post.len() >= BLOB_BYTES {
                files.push((Part::Postings(post_n), std::mem::take(&mut post)));
                post_n += 1;
            }
            if pos.len() >= BLOB_BYTES {
                files.push((Part::Positions(pos_n), std::mem::take(&mut pos)));
                pos_n += 1;
            }
        }
        files.push((Part::Dict(firsts.len() as u32 - 1), dict));
    }
    files.push((Part::Postings(post_n), post));
    files.push((Part::Positions(pos_n), pos));
    (firsts, post_n as usize + 1, pos_n as usize + 1)
}

/// Stem slot `slot`'s shards: per stem, its text and its published word forms (ascending, as
/// gaps). Returns each shard's first stem.
fn stem_files(
    index: &Index,
    slot: usize,
    term_id: &[u32],
    files: &mut Vec<(Part, Vec<u8>)>,
) -> Vec<String> {
    let mut stems: Vec<(&str, Vec<u32>)> = index
        .stem_entries(slot)
        .map(|(stem, terms)| {
            let mut ids: Vec<u32> = terms
                .iter()
                .map(|&t| term_id[t as usize])
                .filter(|&t| t != u32::MAX)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (stem, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    stems.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut firsts = Vec::new();
    for shard in stems.chunks(DICT_TERMS) {
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
        files.push((Part::Stems(slot as u8, firsts.len() as u32 - 1), out));
    }
    firsts
}

/// The articles, one JSON line each, [`TEXT_DOCS`] a file, in document order.
fn text_files(
    corpus: &Corpus,
    index: &Index,
    slots: &[u32],
    files: &mut Vec<(Part, Vec<u8>)>,
) -> usize {
    let chunks = slots.chunks(TEXT_DOCS);
    let count = chunks.len();
    for (n, chunk) in chunks.enumerate() {
        let mut out = Vec::new();
        for &d in chunk {
            let key = index.docs()[d as usize].key;
            if let Some(a) = corpus.get(ArticleId(key)) {
                // An article always serializes (plain strings, numbers and enums).
                if serde_json::to_writer(&mut out, a).is_ok() {
                    out.push(b'\n');
                }
            }
        }
        files.push((Part::Text(n as u32), out));
    }
    count
}
