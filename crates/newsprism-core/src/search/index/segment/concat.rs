//! Joining segments: many small segments (one per chunk of files a worker read) become a few
//! large ones, which merge into an index several times faster, because merging costs a lookup
//! per word form of each segment and most word forms recur in every segment. Natively, the 348
//! segments of 22,160 BBC articles read and merged in 536 ms; the same postings in 5 segments in
//! 261 ms (`examples/restore_time.rs`).

use rustc_hash::{FxHashMap, FxHashSet};

use super::{lang_slot, Entry, Segment, Term};

/// How many documents a joined segment holds at most: merging one is a single step of the page's
/// restore, so it must stay short (one of 4,096 BBC articles took 55–75 ms to merge in Chromium,
/// on top of the step's other work).
pub const JOINED_DOCS: usize = 2048;

impl Segment {
    /// Joins `parts` into segments of at most `most_docs` documents each, keeping the documents
    /// whose keys `keep` accepts (the first of a key wins, as when merging the parts in turn).
    /// Parts made with and without a lemma lexicon are never joined with each other. Merging the
    /// joined segments into an index gives the index that merging the parts gives.
    pub fn join(parts: &[Segment], most_docs: usize, keep: impl Fn(u64) -> bool) -> Vec<Segment> {
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        for lexicon in [true, false] {
            let mut group: Vec<&Segment> = Vec::new();
            let mut docs = 0usize;
            for part in parts.iter().filter(|p| p.lexicon == lexicon) {
                if !group.is_empty() && docs + part.docs.len() > most_docs {
                    out.push(Segment::concat(&group, &keep, &mut seen));
                    group.clear();
                    docs = 0;
                }
                docs += part.docs.len();
                group.push(part);
            }
            if !group.is_empty() {
                out.push(Segment::concat(&group, &keep, &mut seen));
            }
        }
        out.retain(|s| !s.docs.is_empty());
        out
    }

    /// One segment of these parts' documents that `keep` accepts and `seen` does not hold yet.
    fn concat(
        parts: &[&Segment],
        keep: impl Fn(u64) -> bool,
        seen: &mut FxHashSet<u64>,
    ) -> Segment {
        let mut out = Segment {
            lexicon: parts.first().is_some_and(|p| p.lexicon),
            ..Segment::default()
        };
        // Each part's documents, renumbered (u32::MAX: left out).
        let remaps: Vec<Vec<u32>> = parts
            .iter()
            .map(|p| {
                p.docs
                    .iter()
                    .map(|d| {
                        if keep(d.key) && seen.insert(d.key) {
                            out.docs.push(d.clone());
                            (out.docs.len() - 1) as u32
                        } else {
                            u32::MAX
                        }
                    })
                    .collect()
            })
            .collect();
        out.covers = out.docs.len() as u32;
        // Each word form's occurrences in the parts, in part order.
        let mut by_word: FxHashMap<&str, u32> = FxHashMap::default();
        let mut members: Vec<Vec<(u32, u32)>> = Vec::new();
        for (pi, p) in parts.iter().enumerate() {
            for (ti, t) in p.terms.iter().enumerate() {
                let next = members.len() as u32;
                let m = *by_word.entry(p.str(t.word)).or_insert(next);
                if m == next {
                    members.push(Vec::new());
                }
                members[m as usize].push((pi as u32, ti as u32));
            }
        }
        for occurrences in &members {
            out.join_term(parts, &remaps, occurrences);
        }
        out
    }

    /// Appends one word form, its postings gathered from its occurrences in the parts.
    fn join_term(&mut self, parts: &[&Segment], remaps: &[Vec<u32>], occurrences: &[(u32, u32)]) {
        let entries_start = self.entries.len();
        let positions_start = self.positions.len();
        let mut slots = 0u8;
        let mut stems: [Option<&str>; 2] = [None, None];
        for &(pi, ti) in occurrences {
            let (part, remap) = (parts[pi as usize], &remaps[pi as usize]);
            let (entries, positions) = part.postings(ti as usize);
            let term = part.terms[ti as usize];
            let mut start = 0usize;
            let mut kept = false;
            for e in entries {
                let end = (e.pos_end as usize).min(positions.len()).max(start);
                if let Some(&doc) = remap.get(e.doc as usize).filter(|&&d| d != u32::MAX) {
                    self.positions.extend_from_slice(&positions[start..end]);
                    self.entries.push(Entry {
                        doc,
                        pos_end: (self.positions.len() - positions_start) as u32,
                        weight: e.weight,
                    });
                    slots |= 1 << lang_slot(self.docs[doc as usize].language);
                    kept = true;
                }
                start = end;
            }
            for (slot, stem) in stems.iter_mut().enumerate() {
                if kept && stem.is_none() && term.slots & (1 << slot) != 0 {
                    *stem = Some(part.str(term.stems[slot]));
                }
            }
        }
        if self.entries.len() == entries_start {
            return;
        }
        let (pi, ti) = occurrences[0];
        let part = parts[pi as usize];
        let word = self.push_text(part.str(part.terms[ti as usize].word));
        let mut ranges = [(0, 0); 2];
        for (slot, range) in ranges.iter_mut().enumerate() {
            if slots & (1 << slot) != 0 {
                // A part's documents in this language held the word, so that part has its stem.
                *range = self.push_text(stems[slot].unwrap_or_default());
            }
        }
        self.terms.push(Term {
            word,
            slots,
            stems: ranges,
            entries_end: self.entries.len() as u32,
            positions_end: self.positions.len() as u32,
        });
    }
}
