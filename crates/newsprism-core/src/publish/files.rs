//! Parsing a published index's files (their layouts are the writer's, in `write`): every
//! count and offset is checked against the file and the manifest.

use super::{Manifest, DICT_TERMS, LANGUAGES, REMOVED};
use crate::article::PartialDate;
use crate::bytes::Reader;
use crate::search::index::DocMeta;

/// One word form of the dictionary.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub(super) text: Box<str>,
    pub(super) df: u32,
    /// Postings and positions: file, offset, length.
    pub(super) post: [u32; 3],
    pub(super) pos: [u32; 3],
}

/// A stem shard: stems in order, each with its word forms.
pub(super) type StemShard = Vec<(Box<str>, Vec<u32>)>;

/// `docs.bin` (see the writer).
pub(super) fn read_docs(bytes: &[u8], sources: &[String]) -> Result<Vec<DocMeta>, String> {
    let mut b = Reader::new(bytes, "file");
    let n = b.count_at_most(bytes.len())?;
    let mut docs = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let key = u64::from_le_bytes(b.take(8)?.try_into().map_err(|_| "ends too soon")?);
        let length = f32::from_le_bytes(b.take(4)?.try_into().map_err(|_| "ends too soon")?);
        let language = *LANGUAGES
            .get(usize::from(b.take(1)?[0]))
            .ok_or("an unknown language")?;
        let source = match b.count_at_most(sources.len())? {
            0 => None,
            i => Some(sources[i as usize - 1].clone()),
        };
        let date = read_date(&mut b)?;
        let flags = b.take(1)?[0];
        if !length.is_finite() || length <= 0.0 {
            return Err("a document's length is not a length".into());
        }
        docs.push(DocMeta {
            key,
            language,
            source,
            date,
            length,
            alive: flags & REMOVED == 0,
        });
    }
    Ok(docs)
}

fn read_date(b: &mut Reader<'_>) -> Result<Option<PartialDate>, String> {
    let tag = b.take(1)?[0];
    if tag == 0 {
        return Ok(None);
    }
    let z = u32::try_from(b.varint()?).map_err(|_| "a year out of range")?;
    let year = ((z >> 1) as i32) ^ -((z & 1) as i32);
    let date = match tag {
        1 => PartialDate::year(year),
        2 => PartialDate::month(year, b.take(1)?[0]),
        3 => {
            let md = b.take(2)?;
            PartialDate::day(year, md[0], md[1])
        }
        _ => None,
    };
    date.map(Some)
        .ok_or_else(|| "a date that is not one".to_string())
}

/// A dictionary shard (see the writer).
pub(super) fn read_dict(bytes: &[u8], manifest: &Manifest) -> Result<Vec<Word>, String> {
    let mut b = Reader::new(bytes, "file");
    let n = b.count_at_most(DICT_TERMS)?;
    let mut words = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let text: Box<str> = b.str()?.into();
        let df = b.count_at_most(manifest.documents)?;
        let mut place = |files: usize| -> Result<[u32; 3], String> {
            Ok([
                b.count_at_most(files)?,
                b.count_at_most(u32::MAX as usize)?,
                b.count_at_most(u32::MAX as usize)?,
            ])
        };
        let post = place(manifest.post_files)?;
        let pos = place(manifest.pos_files)?;
        words.push(Word {
            text,
            df,
            post,
            pos,
        });
    }
    Ok(words)
}

/// A stem shard (see the writer).
pub(super) fn read_stems(bytes: &[u8], terms: usize) -> Result<StemShard, String> {
    let mut b = Reader::new(bytes, "file");
    let n = b.count_at_most(DICT_TERMS)?;
    let mut stems = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let stem: Box<str> = b.str()?.into();
        let count = b.count_at_most(terms)?;
        let mut ids = Vec::with_capacity(count as usize);
        let mut last = 0u32;
        for _ in 0..count {
            last = last
                .checked_add(b.count_at_most(terms)?)
                .ok_or("a word form out of range")?;
            if last as usize >= terms {
                return Err("a word form out of range".into());
            }
            ids.push(last);
        }
        stems.push((stem, ids));
    }
    Ok(stems)
}
