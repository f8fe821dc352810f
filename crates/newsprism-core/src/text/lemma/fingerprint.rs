/// A fingerprint of a lexicon's bytes: 64-bit FNV-1a over its length and then its bytes.
/// Shared with the crate's build script, which fingerprints the lexicon this build ships.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}
