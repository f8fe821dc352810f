//! How a batch of files is cut into the chunks sent to the ingest workers: pure arithmetic,
//! tested natively.

/// How many files go to a worker in one message.
pub const WORKER_CHUNK: usize = 64;

/// How many bytes of files go to a worker in one message, at most (a single larger file goes
/// alone).
pub const WORKER_CHUNK_BYTES: f64 = 4_000_000.0;

/// How many of the files at the front of a queue (their sizes in bytes, in order) go into the
/// next chunk: at most `max_files`, and no more than `max_bytes` together, but always at least
/// one file when there is one, so a file larger than the limit still goes (alone).
pub fn next_chunk(sizes: impl IntoIterator<Item = f64>, max_files: usize, max_bytes: f64) -> usize {
    let mut n = 0;
    let mut bytes = 0.0;
    for size in sizes {
        if n > 0 && (n >= max_files || bytes + size > max_bytes) {
            break;
        }
        bytes += size;
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_stops_at_the_file_count() {
        assert_eq!(next_chunk([1.0; 100], 64, 1e9), 64);
        assert_eq!(next_chunk([1.0; 10], 64, 1e9), 10);
    }

    #[test]
    fn a_chunk_stops_before_the_byte_limit() {
        assert_eq!(next_chunk([1.5e6, 1.5e6, 1.5e6], 64, 4e6), 2);
        assert_eq!(next_chunk([4e6, 1.0], 64, 4e6), 1);
    }

    #[test]
    fn a_file_larger_than_the_limit_goes_alone() {
        assert_eq!(next_chunk([9e6, 1.0, 1.0], 64, 4e6), 1);
        assert_eq!(next_chunk([1.0, 9e6], 64, 4e6), 1);
    }

    #[test]
    fn no_files_make_no_chunk() {
        assert_eq!(next_chunk([], 64, 4e6), 0);
    }
}
