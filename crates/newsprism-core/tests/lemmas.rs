//! Word forms with the committed lemma lexicon (`data/lexicon.txt`): a search for a dictionary
//! form finds the article that holds only an inflection of it (issue 14's own examples), Dutch
//! compounds rank below the word itself, separable verbs join over a clause, `=form` finds one
//! form only, and a corpus upgrades from stems to lemmas without re-reading.

use std::sync::Arc;

use newsprism_core::corpus::{Corpus, FileOutcome};
use newsprism_core::search::results::SearchOptions;
use newsprism_core::text::lemma::Lemmas;
use newsprism_core::ArticleId;

fn lemmas() -> Arc<Lemmas> {
    static LEMMAS: std::sync::OnceLock<Arc<Lemmas>> = std::sync::OnceLock::new();
    LEMMAS
        .get_or_init(|| {
            let path = format!("{}/data/lexicon.txt", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).expect("the lexicon");
            Arc::new(Lemmas::parse(&text).expect("a valid lexicon"))
        })
        .clone()
}

/// A corpus of Dutch plain-text articles (title, body), with the lexicon.
fn dutch_corpus(articles: &[(&str, &str)]) -> (Corpus, Vec<ArticleId>) {
    let mut corpus = Corpus::with_lemmas(lemmas());
    let files = articles
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            let text = format!("title: {title}\nlang: nl\n\n{body}");
            (format!("{i}.txt"), Ok(text.into_bytes()))
        })
        .collect();
    let ids = corpus
        .add_files(files)
        .into_iter()
        .filter_map(|o| match o {
            FileOutcome::Added { id, .. } => Some(id),
            _ => None,
        })
        .collect();
    (corpus, ids)
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
        ("kwalificeren", "gekwalificeerd"),
        ("ondersteunen", "ondersteund"),
        ("roepen", "roept"),
        ("liggen", "ligt"),
        ("man", "mannen"),
        ("rebel", "rebellen"),
        ("stad", "steden"),
        ("machtig", "machtigste"),
        ("respectief", "respectieve"),
        ("groep", "groepje"),
        ("taxi", "taxi's"),
        ("actieprogramma", "actieprogramma's"),
        ("afronden", "afgerond"),
        ("tellen", "telt"),
        ("stoppen", "gestopt"),
        ("aanpassen", "aangepaste"),
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

#[test]
fn a_compound_is_found_by_its_head_but_ranks_below_the_word_itself() {
    let (corpus, ids) = dutch_corpus(&[
        (
            "Kop een",
            "Het nieuwe gemeenteraadslid sprak over een tegenaanval in het oosten.",
        ),
        (
            "Kop twee",
            "Een raadslid vreesde een aanval in het oosten van het land.",
        ),
    ]);
    for word in ["raadslid", "aanval"] {
        let r = corpus.search(word, &SearchOptions::default());
        assert_eq!(
            r.ranked,
            [ids[1], ids[0]],
            "{word}: the exact word first, then the compound"
        );
    }
    // A compound's head must be a whole word: "lid" does not find "raadslid".
    assert!(corpus
        .search("lid", &SearchOptions::default())
        .ranked
        .is_empty());
}

#[test]
fn a_separable_verb_split_over_a_clause_is_found_by_its_dictionary_form() {
    let (corpus, ids) = dutch_corpus(&[
        (
            "Kop een",
            "De minister belde gisteren zijn collega in Minsk op. Daarna sprak hij de pers.",
        ),
        (
            "Kop twee",
            "De minister belde gisteren op zaterdag, en niemand nam op.",
        ),
    ]);
    let r = corpus.search("opbellen", &SearchOptions::default());
    assert_eq!(r.ranked, [ids[0]]);
    // The words themselves are still there, in order, for a phrase.
    assert_eq!(
        corpus
            .search("\"belde gisteren\"", &SearchOptions::default())
            .total,
        2
    );
}

#[test]
fn an_equals_sign_finds_one_form_and_a_phrase_its_exact_words() {
    let (corpus, ids) = dutch_corpus(&[
        ("Kop een", "Drie mannen liepen door de stad."),
        ("Kop twee", "Een man liep door de steden."),
    ]);
    let found = |q: &str| corpus.search(q, &SearchOptions::default()).ranked;
    assert_eq!(found("man").len(), 2);
    assert_eq!(found("=mannen"), [ids[0]]);
    assert_eq!(found("=man"), [ids[1]]);
    assert_eq!(found("\"door de stad\""), [ids[0]]);
}

#[test]
fn a_corpus_upgrades_from_stems_to_lemmas_without_reading_again() {
    let mut corpus = Corpus::new();
    let text = "title: Kop\nlang: nl\n\nHij had de wedstrijd gewonnen.";
    corpus.add_files(vec![("a.txt".into(), Ok(text.as_bytes().to_vec()))]);
    assert_eq!(corpus.search("winnen", &SearchOptions::default()).total, 0);
    corpus.set_lemmas(lemmas());
    assert_eq!(corpus.search("winnen", &SearchOptions::default()).total, 1);
    assert_eq!(
        corpus.search("gewonnen", &SearchOptions::default()).total,
        1
    );
    assert!(corpus.lemmas().is_some());
}

#[test]
fn the_comparison_and_the_concordance_compare_words_by_their_dictionary_form() {
    use newsprism_core::compare::words::words;
    use newsprism_core::search::alias::AliasTable;
    use newsprism_core::search::kwic::KwicSort;
    use newsprism_core::text::stem::Stemmers;
    use newsprism_core::Language;

    // Similarity, distinctive words and quote matching compare `Word::stem`.
    let stemmers = Stemmers::with_lemmas(lemmas());
    let stems = |text: &str| -> Vec<String> {
        words(text, 0, Language::Dutch, &stemmers, &AliasTable::default())
            .into_iter()
            .map(|w| w.stem)
            .collect()
    };
    assert_eq!(stems("won steden"), stems("gewonnen stad"));

    // The concordance sorts the words after a hit by their dictionary form, then as written:
    // "verloor" (verliezen) before "won" and "gewonnen" (winnen), which sort together.
    let (corpus, _) = dutch_corpus(&[
        ("Kop een", "Poetin won de verkiezing."),
        ("Kop twee", "Poetin verloor de steun."),
        ("Kop drie", "Poetin gewonnen, zei de krant."),
    ]);
    let r = corpus.search("=poetin", &SearchOptions::default());
    let (lines, _) = corpus.kwic(&r, KwicSort::Right, 40, 10);
    let next: Vec<&str> = lines
        .iter()
        .map(|l| l.right.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(next[0], "verloor", "{next:?}");
    let mut rest = next[1..].to_vec();
    rest.sort_unstable();
    assert_eq!(rest, ["gewonnen,", "won"], "{next:?}");
}

#[test]
fn a_project_opens_in_a_corpus_upgraded_and_indexed_again() {
    use newsprism_core::corpus::RestoreReport;
    use newsprism_core::ingest::{read_file, FileContents};
    let text = "title: Een\nlang: nl\n\nDe minister belde zijn collega op. Hij had gewonnen.";
    let (mut a, ids) = dutch_corpus(&[
        ("Een", "Poetin bezocht Minsk."),
        ("Twee", "Loekasjenko won."),
    ]);
    a.add_files(vec![("x.txt".into(), Ok(text.as_bytes().to_vec()))]);
    a.remove(ids[0]);
    let json = a.project().to_json();
    // As the app does: the word list arrives, articles are indexed again, then a project opens.
    let (mut b, _) = dutch_corpus(&[
        ("Drie", "Sancties tegen Belarus."),
        ("Vier", "Minsk zweeg."),
    ]);
    for id in b.set_lemmas(lemmas()) {
        b.reindex(id);
    }
    let Ok(FileContents::Project(project)) = read_file("p.json", json.as_bytes()) else {
        panic!("a project");
    };
    let mut report = RestoreReport::default();
    b.reset();
    for article in project.articles {
        b.restore_article(article, &mut report);
    }
    b.apply_state(project.state, &mut report);
    assert_eq!(report.articles, 2);
    assert_eq!(b.search("opbellen", &SearchOptions::default()).total, 1);
    assert_eq!(b.search("winnen", &SearchOptions::default()).total, 2);
}
