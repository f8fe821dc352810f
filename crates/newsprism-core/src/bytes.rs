//! The bytes of the formats this crate writes and reads back: index segments, a published index's
//! files, the word list's image. Numbers are LEB128 varints or little-endian; a string is its
//! length, then its UTF-8.
//!
//! [`Reader`] checks every read against the end. Damaged or hostile bytes give an error naming
//! what was being read, never a panic, and a count is checked against the bytes left before
//! anything is reserved for it, so a damaged count cannot ask for gigabytes.

/// Appends `v` as a LEB128 varint: seven bits a byte, the high bit set on all but the last.
#[inline]
pub(crate) fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a string: its length as a varint, then its bytes.
pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Reads bytes in order; every read is checked.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// What the bytes are ("segment", "image", "file"), for the errors.
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`, which are a `what` (named in the errors).
    pub(crate) fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Reader { bytes, at: 0, what }
    }

    /// Where the next read starts.
    pub(crate) fn at(&self) -> usize {
        self.at
    }

    /// How many bytes are still to read.
    pub(crate) fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// Whether every byte has been read.
    pub(crate) fn done(&self) -> bool {
        self.left() == 0
    }

    /// An error unless every byte has been read.
    pub(crate) fn finish(&self) -> Result<(), String> {
        if self.done() {
            Ok(())
        } else {
            Err(format!("bytes left over after the {}", self.what))
        }
    }

    // Out of the way of the reads, which run once per byte of a segment on a reload.
    #[cold]
    #[inline(never)]
    fn short(&self) -> String {
        format!("the {} is cut short", self.what)
    }

    #[cold]
    #[inline(never)]
    fn too_long(&self) -> String {
        format!("a number in the {} is too long", self.what)
    }

    /// The next `n` bytes.
    #[inline]
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.short())?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    /// The next `N` bytes, as an array.
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// The next byte.
    #[inline]
    pub(crate) fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// A little-endian `u32`.
    pub(crate) fn u32_le(&mut self) -> Result<u32, String> {
        self.array().map(u32::from_le_bytes)
    }

    /// A LEB128 varint of at most ten bytes. (Read from the slice directly: three of these a
    /// posting make up most of a segment's reading.)
    #[inline]
    pub(crate) fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err(self.too_long());
            }
        }
        Err(self.short())
    }

    /// A varint count of things still to read, each at least a byte: no more than the bytes left.
    pub(crate) fn count(&mut self) -> Result<usize, String> {
        let n = self.varint()?;
        if n > self.left() as u64 {
            return Err(format!("a count larger than the {}", self.what));
        }
        Ok(n as usize)
    }

    /// A varint that must be at most `max` (and fit in `u32`).
    pub(crate) fn count_at_most(&mut self, max: usize) -> Result<u32, String> {
        let v = self.varint()?;
        if v > max as u64 || v > u64::from(u32::MAX) {
            return Err(format!("a count of {v} is out of range"));
        }
        Ok(v as u32)
    }

    /// A little-endian `u32` count of items of at least `each` bytes: no more than the bytes
    /// left can hold.
    pub(crate) fn u32_count(&mut self, each: usize) -> Result<usize, String> {
        let n = self.u32_le()? as usize;
        if n.saturating_mul(each) > self.left() {
            return Err(self.short());
        }
        Ok(n)
    }

    /// A string written by [`put_str`].
    pub(crate) fn str(&mut self) -> Result<&'a str, String> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?)
            .map_err(|_| format!("a word in the {} that is not UTF-8", self.what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What one run of reads gives.
    type Values = (u64, String, u32, [u8; 3], usize, u32);

    /// What one run of reads gives: the values, or the first error.
    fn read_all(bytes: &[u8]) -> Result<Values, String> {
        let mut r = Reader::new(bytes, "test");
        let v = r.varint()?;
        let s = r.str()?.to_string();
        let u = r.u32_le()?;
        let a = r.array::<3>()?;
        let c = r.u32_count(2)?;
        let m = r.count_at_most(1000)?;
        r.take(c * 2)?;
        r.finish()?;
        Ok((v, s, u, a, c, m))
    }

    fn written(v: u64, s: &str, u: u32, c: u32, m: u64) -> Vec<u8> {
        let mut out = Vec::new();
        put(&mut out, v);
        put_str(&mut out, s);
        out.extend_from_slice(&u.to_le_bytes());
        out.extend_from_slice(&[1, 2, 3]);
        out.extend_from_slice(&c.to_le_bytes());
        put(&mut out, m);
        out.extend(std::iter::repeat_n(7u8, c as usize * 2));
        out
    }

    proptest! {
        /// What is written reads back; every shorter prefix is an error, never a panic.
        #[test]
        fn reads_back_what_was_written_and_refuses_what_is_cut(
            v in any::<u64>(), s in ".{0,20}", u in any::<u32>(), c in 0u32..20, m in 0u64..1000,
        ) {
            let bytes = written(v, &s, u, c, m);
            prop_assert_eq!(read_all(&bytes), Ok((v, s.clone(), u, [1, 2, 3], c as usize, m as u32)));
            for cut in 0..bytes.len() {
                prop_assert!(read_all(&bytes[..cut]).is_err());
            }
            let mut longer = bytes.clone();
            longer.push(0);
            prop_assert!(read_all(&longer).is_err());
        }

        /// Any bytes at all: an answer or an error, never a panic.
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = read_all(&bytes);
            let mut r = Reader::new(&bytes, "test");
            while r.count().is_ok() {}
        }
    }

    #[test]
    fn counts_cannot_promise_more_than_is_left() {
        let mut out = Vec::new();
        put(&mut out, 5);
        out.extend_from_slice(&[0, 0]);
        assert!(Reader::new(&out, "test").count().is_err());
        let big = u32::MAX.to_le_bytes();
        assert!(Reader::new(&big, "test").u32_count(1).is_err());
        let mut out = Vec::new();
        put(&mut out, 1001);
        assert!(Reader::new(&out, "test").count_at_most(1000).is_err());
        // Eleven bytes of continuation: too long, not a wrap.
        assert!(Reader::new(&[0x80; 11], "test").varint().is_err());
    }
}
