//! Packs the lemma lexicon: `form<TAB>lemma` word lists (from `scripts/make-lexicon.py`) in,
//! `data/lexicon.txt` out, keyed, sorted and front-coded as `text::lemma` loads it. `make lexicon`
//! runs it:
//!
//! `cargo run --release -p newsprism-core --example pack_lexicon -- NL.tsv EN.tsv OUT`
use newsprism_core::text::lemma::Lemmas;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [nl, en, out] = args.as_slice() else {
        eprintln!("usage: pack_lexicon NL.tsv EN.tsv OUT");
        std::process::exit(2);
    };
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        })
    };
    let lemmas = Lemmas::from_tsv(&read(nl), &read(en)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let comment = "Newsprism's lemma lexicon, from simplemma 2.0.0 (MIT, Adrien Barbaresi; see LICENSE-simplemma).\n\
                   Regenerate with `make lexicon`. Format: crates/newsprism-core/src/text/lemma/file.rs.";
    let text = lemmas.to_packed(comment);
    // What was written must read back as the same tables.
    match Lemmas::parse(&text) {
        Ok(back) if back.len() == lemmas.len() => {}
        Ok(_) => {
            eprintln!("the packed lexicon reads back with a different number of forms");
            std::process::exit(1)
        }
        Err(e) => {
            eprintln!("the packed lexicon does not read back: {e}");
            std::process::exit(1)
        }
    }
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    let (d, e) = lemmas.len();
    println!(
        "{out}: {d} Dutch and {e} English forms, {} bytes",
        text.len()
    );
}
