//! An image of the loaded tables: what a page keeps (in IndexedDB) so that a reload copies the
//! tables back instead of reading `lexicon.txt`'s 539,000 lines again (100–170 ms of the page's
//! thread at each reload). An image names the fingerprint of the text it was read from; the
//! page uses it only when that is the lexicon this build ships ([`SHIPPED`]), so it never needs
//! to fetch the text to know the image is current.
//!
//! The image is checked as it is read: a damaged or foreign one is an error, never a panic or a
//! table pointing outside its text.

use rustc_hash::FxHashSet;

use super::{Lemmas, Table};
use crate::bytes::Reader;

mod fp {
    include!("fingerprint.rs");
}
pub use fp::fingerprint;

/// The first bytes of an image, with the format's version.
const MAGIC: &[u8; 5] = b"NPLX\x01";

/// The fingerprint of the lexicon this build ships, worked out when the crate was built.
pub const SHIPPED: u64 = include!(concat!(env!("OUT_DIR"), "/lexicon_fingerprint.rs"));

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

impl Table {
    fn write_image(&self, out: &mut Vec<u8>) {
        put_u32(out, self.text.len());
        out.extend_from_slice(self.text.as_bytes());
        put_u32(out, self.lemmas.len());
        for &l in &self.lemmas {
            out.extend_from_slice(&l.to_le_bytes());
        }
        put_u32(out, self.forms.len());
        for &(at, lemma) in &self.forms {
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&lemma.to_le_bytes());
        }
        let mut parted: Vec<_> = self.parted.iter().copied().collect();
        parted.sort_unstable();
        put_u32(out, parted.len());
        for (lemma, first) in parted {
            out.extend_from_slice(&lemma.to_le_bytes());
            out.push(first);
        }
        let mut firsts: Vec<_> = self.firsts.iter().collect();
        firsts.sort_unstable();
        put_u32(out, firsts.len());
        for f in firsts {
            put_u32(out, f.len());
            out.extend_from_slice(f.as_bytes());
        }
    }

    fn read_image(r: &mut Reader) -> Result<Table, String> {
        let n = r.u32_count(1)?;
        let text = std::str::from_utf8(r.take(n)?)
            .map_err(|_| "an image whose text is not UTF-8")?
            .to_string();
        let n = r.u32_count(4)?;
        let mut lemmas = Vec::with_capacity(n);
        for _ in 0..n {
            lemmas.push(r.u32_le()?);
        }
        let n = r.u32_count(8)?;
        let mut forms = Vec::with_capacity(n);
        for _ in 0..n {
            forms.push((r.u32_le()?, r.u32_le()?));
        }
        let n = r.u32_count(5)?;
        let mut parted = FxHashSet::default();
        for _ in 0..n {
            let lemma = r.u32_le()?;
            parted.insert((lemma, r.take(1)?[0]));
        }
        let n = r.u32_count(4)?;
        let mut firsts = FxHashSet::default();
        for _ in 0..n {
            let len = r.u32_count(1)?;
            let first = std::str::from_utf8(r.take(len)?).map_err(|_| "a first part not UTF-8")?;
            firsts.insert(first.into());
        }
        let table = Table {
            text,
            forms,
            lemmas,
            parted,
            firsts,
        };
        table.check()?;
        Ok(table)
    }

    /// Whether every lookup stays inside the text: the lemmas' and then the forms' starts rise,
    /// fall on character boundaries and end in the text, each form's lemma exists, and each
    /// separable part is a start of its lemma.
    fn check(&self) -> Result<(), String> {
        let starts = self.lemmas.iter().chain(self.forms.iter().map(|f| &f.0));
        let mut last = 0u32;
        for &at in starts {
            if at < last || !self.text.is_char_boundary(at as usize) {
                return Err("an image whose words do not lie in its text".into());
            }
            last = at;
        }
        let lemmas = self.lemmas.len() as u32;
        if self.forms.iter().any(|&(_, l)| l >= lemmas) {
            return Err("an image with a form of no lemma".into());
        }
        for &(id, first) in &self.parted {
            let ok = id < lemmas && {
                let lemma = self.lemma_at(id);
                usize::from(first) < lemma.len() && lemma.is_char_boundary(usize::from(first))
            };
            if !ok {
                return Err("an image with a separable part outside its lemma".into());
            }
        }
        Ok(())
    }
}

impl Lemmas {
    /// The tables as an image, naming the fingerprint of the text they were read from.
    pub fn to_image(&self, source: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            64 + self.dutch.text.len()
                + self.english.text.len()
                + 8 * (self.dutch.forms.len() + self.english.forms.len()),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&source.to_le_bytes());
        self.dutch.write_image(&mut out);
        self.english.write_image(&mut out);
        out
    }

    /// Reads an image written by [`Lemmas::to_image`] from the text with fingerprint `source`;
    /// an error says why it cannot be used (another lexicon, another format, damage).
    pub fn from_image(bytes: &[u8], source: u64) -> Result<Lemmas, String> {
        let mut r = Reader::new(bytes, "image");
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a lexicon image of this version".into());
        }
        let mut fp = [0u8; 8];
        fp.copy_from_slice(r.take(8)?);
        if u64::from_le_bytes(fp) != source {
            return Err("an image of another lexicon".into());
        }
        let dutch = Table::read_image(&mut r)?;
        let english = Table::read_image(&mut r)?;
        r.finish()?;
        Ok(Lemmas { dutch, english })
    }
}
