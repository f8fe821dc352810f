//! Word forms with the committed lemma lexicon (`data/lemmas-*.tsv`): a search for a dictionary
//! form finds the article that holds only an inflection of it (issue 14's own examples).

use std::sync::Arc;

use newsprism_core::corpus::Corpus;
use newsprism_core::search::results::SearchOptions;
use newsprism_core::text::lemma::Lemmas;

fn lemmas() -> Arc<Lemmas> {
    let dir = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let read = |lang: &str| {
        std::fs::read_to_string(format!("{dir}/lemmas-{lang}.tsv")).expect("the lexicon")
    };
    Arc::new(Lemmas::from_tsv(&read("nl"), &read("en")).expect("a valid lexicon"))
}

/// Whether a search for `lemma` finds an article (in `lang`) whose only word of it is `form`.
fn finds(lemmas: &Arc<Lemmas>, lang: &str, lemma: &str, form: &str) -> bool {
    let mut corpus = Corpus::with_lemmas(lemmas.clone());
    // The form alone: no other word of the article may be a form of the lemma.
    let text = format!("title: Kop\nlang: {lang}\n\n{form}");
    corpus.add_files(vec![("a.txt".into(), Ok(text.into_bytes()))]);
    corpus.search(lemma, &SearchOptions::default()).total == 1
}

/// Every (lemma, form) pair is found: the missed ones are listed.
fn assert_all_found(l: &Arc<Lemmas>, lang: &str, pairs: &[(&str, &str)]) {
    let missed: Vec<_> = pairs
        .iter()
        .filter(|(lemma, form)| !finds(l, lang, lemma, form))
        .collect();
    assert!(missed.is_empty(), "not found: {missed:?}");
}

#[test]
fn dutch_inflections_are_found_by_their_dictionary_form() {
    let l = lemmas();
    let pairs = [
        ("winnen", "won"),
        ("winnen", "gewonnen"),
        ("komen", "kwam"),
        ("hebben", "had"),
        ("worden", "werd"),
        ("zijn", "was"),
        ("lijken", "leek"),
        ("begrijpen", "begrepen"),
        ("maken", "maakte"),
        ("noemen", "noemde"),
        ("ondersteunen", "ondersteund"),
        ("roepen", "roept"),
        ("liggen", "ligt"),
        ("man", "mannen"),
        ("rebel", "rebellen"),
        ("stad", "steden"),
        ("machtig", "machtigste"),
        ("respectief", "respectieve"),
        ("groep", "groepje"),
        ("afronden", "afgerond"),
    ];
    assert_all_found(&l, "nl", &pairs);
}

#[test]
fn english_inflections_are_found_by_their_dictionary_form() {
    let l = lemmas();
    let pairs = [
        ("go", "went"),
        ("child", "children"),
        ("study", "studies"),
        ("good", "better"),
    ];
    assert_all_found(&l, "en", &pairs);
}

#[test]
fn without_the_lexicon_the_stems_alone_miss_them() {
    // The measure of what the lexicon adds: Snowball alone does not join these.
    let mut corpus = Corpus::new();
    let text = "title: Kop\nlang: nl\n\ngewonnen";
    corpus.add_files(vec![("a.txt".into(), Ok(text.as_bytes().to_vec()))]);
    assert_eq!(corpus.search("winnen", &SearchOptions::default()).total, 0);
}
