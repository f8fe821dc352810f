//! Search quality on the five seeds: which articles a query must find, and what it highlights.

use newsprism_core::search::kwic::KwicSort;
use newsprism_core::search::results::{SearchOptions, SearchResults};
use newsprism_core::Corpus;

fn corpus() -> Corpus {
    corpus_with(false)
}

/// The seeds, searched on stems alone (as before the lexicon loads) or with the lemma lexicon.
fn corpus_with(lexicon: bool) -> Corpus {
    let dir = format!("{}/../../seeds", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .map(|n| {
            let bytes = std::fs::read(format!("{dir}/{n}")).unwrap();
            (n, bytes)
        })
        .collect();
    let (mut corpus, errors) =
        Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    assert!(errors.is_empty());
    if lexicon {
        let path = format!("{}/data/lexicon.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let lemmas = newsprism_core::text::lemma::Lemmas::parse(&text).unwrap();
        corpus.set_lemmas(std::sync::Arc::new(lemmas));
    }
    corpus
}

/// The seed numbers (000 → 0) a search finds, sorted.
fn found(corpus: &Corpus, results: &SearchResults) -> Vec<usize> {
    let mut out: Vec<usize> = results
        .ranked
        .iter()
        .map(|&id| corpus.get(id).unwrap().file_name[..3].parse().unwrap())
        .collect();
    out.sort();
    out
}

fn search(corpus: &Corpus, q: &str, aliases: bool) -> SearchResults {
    corpus.search(
        q,
        &SearchOptions {
            aliases,
            ..SearchOptions::default()
        },
    )
}

fn rendered_snippet(r: &SearchResults, seed: &str, corpus: &Corpus) -> String {
    let hit = r
        .hits
        .iter()
        .find(|h| corpus.get(h.id).unwrap().file_name.starts_with(seed))
        .expect("seed in hits");
    hit.snippet
        .as_ref()
        .expect("snippet")
        .spans
        .iter()
        .map(|s| {
            if s.hit {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

#[test]
fn queries_find_the_expected_seeds() {
    for lexicon in [false, true] {
        let c = corpus_with(lexicon);
        let cases: &[(&str, bool, &[usize])] = &[
            // 004 has "80.000 eigen soldaten" in its plus-article teaser.
            ("soldaat", false, &[0, 1, 3, 4]),
            ("Oekraine", false, &[0, 1, 2, 3, 4]),
            ("Belarus", false, &[1, 3]),
            ("Belarus", true, &[0, 1, 2, 3, 4]),
            ("Lukashenko", true, &[0, 1, 2, 3, 4]),
            ("Lukashenko", false, &[]),
            ("Peskov", false, &[0, 1, 4]),
            ("Peskow", true, &[0, 1, 4]),
            ("\"domme en ongegronde\"", false, &[0, 4]),
            ("\"giftige mensen\"", false, &[0, 1]),
            ("verzinsels -Muzyka", false, &[0]),
            ("Schraibman OR Kemper", false, &[0, 3]),
            ("sanctie*", false, &[0, 2, 3, 4]),
            ("Loekasjenka~", false, &[0, 1, 2, 3, 4]),
            ("10.000", false, &[1]),
            ("S-400", false, &[1]),
            ("Peskov date:2022-12", false, &[0, 1, 4]),
            ("Loekasjenko date:undated", false, &[3]),
            ("date:2022-10", false, &[2]),
            ("Sjojgoe lang:nl", false, &[4]),
            ("Shoigu", true, &[4]),
            ("Kyiv", true, &[0, 1, 2, 3, 4]),
        ];
        for (q, aliases, expected) in cases {
            assert_eq!(
                found(&c, &search(&c, q, *aliases)),
                *expected,
                "{q} (aliases {aliases}, lexicon {lexicon})"
            );
        }
    }
}

#[test]
fn snippets_show_the_matched_words() {
    let c = corpus();
    let r = search(&c, "soldaat", false);
    assert!(rendered_snippet(&r, "001", &c).contains("[soldaten]"));
    let r = search(&c, "Peskov ongegronde", false);
    let s = rendered_snippet(&r, "004", &c);
    assert!(s.contains("[Peskov]") && s.contains("[ongegronde]"), "{s}");
    let r = search(&c, "Belarus", true);
    assert!(
        rendered_snippet(&r, "004", &c).contains("[Wit-Rusland]"),
        "{}",
        rendered_snippet(&r, "004", &c)
    );
    assert_eq!(r.expansions[0].word, "Belarus");
}

#[test]
fn facets_count_hits_per_source_and_month() {
    let c = corpus();
    let r = search(&c, "Loekasjenko", false);
    assert_eq!(r.total, 5);
    let months: Vec<(String, usize, String)> = r
        .by_month
        .iter()
        .map(|f| (f.label.clone(), f.count, f.filter.clone()))
        .collect();
    assert_eq!(
        months,
        [
            ("Oct 2022".into(), 1, "date:2022-10".into()),
            ("Dec 2022".into(), 3, "date:2022-12".into()),
            ("undated".into(), 1, "date:undated".into()),
        ]
    );
    assert_eq!(r.by_source[0].label, "unknown source");
    assert_eq!(r.by_source[0].count, 5);
    let filtered = search(&c, &format!("Loekasjenko {}", r.by_source[0].filter), false);
    assert_eq!(filtered.total, 5);
}

#[test]
fn no_results_suggest_a_fuzzy_or_alias_alternative() {
    let c = corpus();
    let r = search(&c, "Loekasjenkko", false);
    assert_eq!(r.total, 0);
    let fuzzy = r
        .suggestions
        .iter()
        .find(|s| s.query == "Loekasjenko")
        .expect("a spelling suggestion");
    assert_eq!(fuzzy.label, "Did you mean Loekasjenko?");
    assert_eq!(search(&c, &fuzzy.query, fuzzy.aliases).total, 5);
    // A transposition is one edit too.
    let r = search(&c, "Loekasjneko", false);
    assert!(r
        .suggestions
        .iter()
        .any(|s| s.label == "Did you mean Loekasjenko?"));
    // Every word is in the articles: the NOT empties it, so no spelling is suggested.
    let r = search(&c, "Poetin NOT Minsk", false);
    assert_eq!(r.total, 0);
    assert!(r.suggestions.is_empty(), "{:?}", r.suggestions);
    let r = search(&c, "Lukashenko", false);
    let alias = r
        .suggestions
        .iter()
        .find(|s| s.aliases)
        .expect("an alias suggestion");
    assert!(alias.label.contains("Loekasjenko"), "{}", alias.label);
    assert_eq!(search(&c, &alias.query, alias.aliases).total, 5);
}

#[test]
fn the_concordance_lists_every_occurrence() {
    let c = corpus();
    let r = search(&c, "Peskov", false);
    let (lines, truncated) = c.kwic(&r, KwicSort::Right, 40, 1000);
    assert!(!truncated);
    // 000 once, 001 three times, 004 once.
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l.hit == "Peskov"));
}

#[test]
fn malformed_queries_still_search() {
    let c = corpus();
    let r = search(&c, "\"domme en ongegronde", false);
    assert!(!r.warnings.is_empty());
    assert_eq!(found(&c, &r), [0, 4]);
    let r = search(&c, "Peskov OR", false);
    assert!(!r.warnings.is_empty());
    assert_eq!(r.total, 3);
}

#[test]
fn with_the_lexicon_a_word_finds_its_forms_and_compounds_rank_below_it() {
    let c = corpus_with(true);
    let cases: &[(&str, &[usize])] = &[
        // "zei" (0, 1, 3, 4), "zegt" (0, 3): forms of "zeggen", which no seed writes.
        ("zeggen", &[0, 1, 3, 4]),
        ("=zeggen", &[]),
        ("=zegt", &[0, 3]),
        // Only "hoofdstad" (3, 4).
        ("stad", &[3, 4]),
    ];
    for (q, expected) in cases {
        assert_eq!(found(&c, &search(&c, q, false)), *expected, "{q}");
    }
    // Without the lexicon, none of this.
    let stems = corpus_with(false);
    assert!(found(&stems, &search(&stems, "zeggen", false)).is_empty());
}

#[test]
fn the_spelling_typed_outranks_its_aliases_and_prefixes_reach_aliases() {
    for lexicon in [false, true] {
        let c = corpus_with(lexicon);
        // 001 and 003 write "Belarus"; the others only "Wit-Rusland".
        let r = search(&c, "Belarus", true);
        assert_eq!(found(&c, &r), [0, 1, 2, 3, 4]);
        let mut first: Vec<String> = r.ranked[..2]
            .iter()
            .map(|&id| c.get(id).unwrap().file_name[..3].to_string())
            .collect();
        first.sort();
        assert_eq!(first, ["001", "003"], "lexicon {lexicon}");
        // No seed writes "Lukashenko"; its prefix reaches the spellings they use.
        assert_eq!(found(&c, &search(&c, "Lukas*", true)), [0, 1, 2, 3, 4]);
        assert!(found(&c, &search(&c, "Lukas*", false)).is_empty());
    }
}
