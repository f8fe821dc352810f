//! Fingerprints the lexicon this build ships (`data/lexicon.txt`, which the app serves beside
//! the page), so that a table image stored from it is known to be current without fetching it.

use std::path::Path;

include!("src/text/lemma/fingerprint.rs");

fn main() {
    let lexicon = Path::new("data/lexicon.txt");
    println!("cargo:rerun-if-changed=data/lexicon.txt");
    println!("cargo:rerun-if-changed=src/text/lemma/fingerprint.rs");
    let bytes = std::fs::read(lexicon).unwrap_or_default();
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let code = format!("{}u64", fingerprint(&bytes));
    if let Err(e) = std::fs::write(Path::new(&out).join("lexicon_fingerprint.rs"), code) {
        panic!("cannot write the lexicon's fingerprint: {e}");
    }
}
