//! Postings: per word form, the documents with their weighted term frequency, and the
//! positions (varint-encoded gaps) that phrases need.

/// One document in a word form's postings: 10 bytes, packed so that adding a document touches
/// one array per word form instead of three (indexing is bound by those memory writes).
#[derive(Clone, Copy, Debug)]
#[repr(C, packed(2))]
pub(super) struct Entry {
    pub(super) doc: u32,
    /// End of this document's positions in `Postings::positions`; it starts where the previous
    /// entry's end.
    pub(super) pos_end: u32,
    /// Field-weighted term frequency, in eighths.
    pub(super) weight: u16,
}

/// The postings of one word form, in document order.
#[derive(Clone, Debug, Default)]
pub(super) struct Postings {
    pub(super) entries: Vec<Entry>,
    /// Positions, delta-encoded per document as LEB128 varints.
    pub(super) positions: Vec<u8>,
}

impl Postings {
    pub(super) fn doc(&self, i: usize) -> u32 {
        self.entries[i].doc
    }

    pub(super) fn position_bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 {
            0
        } else {
            self.entries[i - 1].pos_end as usize
        };
        let end = self.entries[i].pos_end as usize;
        &self.positions[start..end]
    }

    pub(super) fn find(&self, doc: u32) -> Option<usize> {
        self.entries.binary_search_by_key(&doc, |e| e.doc).ok()
    }
}

pub(crate) fn decode_positions(bytes: &[u8], out: &mut Vec<u32>) {
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
