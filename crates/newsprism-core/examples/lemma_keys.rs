//! Why does a search for one word find another? Prints each word's dictionary forms and search
//! keys, with the committed lexicon:
//!
//! `cargo run --release -p newsprism-core --example lemma_keys -- nl lijken vergelijkt gemeenteraadsleden`
use std::sync::Arc;

use newsprism_core::text::lemma::Lemmas;
use newsprism_core::text::stem::Stemmers;
use newsprism_core::text::tokenize::term_key;
use newsprism_core::Language;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(language) = args.first().and_then(|c| Language::from_code(c)) else {
        eprintln!("usage: lemma_keys nl|en WORD…");
        std::process::exit(2);
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lemmas = match Lemmas::parse(&text) {
        Ok(l) => Arc::new(l),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        }
    };
    let stemmers = Stemmers::with_lemmas(lemmas.clone());
    let mut forms = Vec::new();
    // `--file PATH`: the words of a file, one per line, printing only those with a compound head.
    let from_file = args.get(1).filter(|a| *a == "--file").and(args.get(2));
    let words: Vec<String> = match from_file {
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect(),
        None => args[1..].to_vec(),
    };
    for word in &words {
        if from_file.is_some() && lemmas.compound_head(language, &term_key(word)).is_none() {
            continue;
        }
        let key = term_key(word);
        lemmas.keys(language, &key, &mut forms);
        let head = lemmas.compound_head(language, &key);
        println!(
            "{word}: lexicon {:?}, dictionary forms {forms:?}, compound head {head:?}, keys `{}`",
            lemmas.lemma(language, &key),
            stemmers.keys(language, &key)
        );
    }
}

/// `lemma_keys --parts nl FILE`: every word of FILE (one per line) that splits as a compound, with its head.
#[allow(dead_code)]
fn parts() {}
