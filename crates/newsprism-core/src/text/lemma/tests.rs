//! The lexicon file's reading, dictionary forms with several readings, and each spelling rule on
//! the examples of issue 14 (the lexicon lines are written here, so each rule is tested alone).

use super::*;

/// A lexicon of the dictionary forms the rules may land on, each as the lemma of some form.
fn known(dutch: &[&str], english: &[&str]) -> Lemmas {
    let lines =
        |words: &[&str]| -> String { words.iter().map(|w| format!("x{w}x\t{w}\n")).collect() };
    Lemmas::from_tsv(&lines(dutch), &lines(english)).unwrap()
}

fn keys(l: &Lemmas, language: Language, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    l.keys(language, word, &mut out);
    out
}

#[test]
fn forms_are_folded_and_found_by_their_folded_key() {
    let l = Lemmas::from_tsv(
        "# a comment\n\nOekraïense\toekraïens\nmannen\tman\ntaxi's\ttaxi\n",
        "",
    )
    .unwrap();
    assert_eq!(l.lemma(Language::Dutch, "oekraiense"), Some("oekraiens"));
    assert_eq!(l.lemma(Language::Dutch, "mannen"), Some("man"));
    assert_eq!(l.lemma(Language::Dutch, "taxis"), Some("taxi"));
    assert_eq!(l.lemma(Language::English, "mannen"), None);
    assert_eq!(l.lemma(Language::German, "mannen"), None);
    assert_eq!(l.len(), (3, 0));
}

#[test]
fn the_packed_file_reads_back_as_written_and_is_checked() {
    let l = Lemmas::from_tsv(
        "afgerond\taf_ronden\nafgelopen\taflopen\nopgebeld\topbellen\nOekraïense\toekraïens\n",
        "children\tchild\n",
    )
    .unwrap();
    let text = l.to_packed("a test\nof two lines");
    assert!(
        text.starts_with("# a test\n# of two lines\n@nl\n="),
        "{text}"
    );
    let back = Lemmas::parse(&text).unwrap();
    assert_eq!(back.len(), l.len());
    assert_eq!(back.lemma(Language::Dutch, "afgerond"), Some("afronden"));
    assert_eq!(back.lemma(Language::Dutch, "afgelopen"), Some("aflopen"));
    assert_eq!(back.lemma(Language::Dutch, "oekraiense"), Some("oekraiens"));
    assert_eq!(back.lemma(Language::English, "children"), Some("child"));
    assert_eq!(file::parted(&back), file::parted(&l));
    assert!(back.separable(Language::Dutch, "af", "ronden"));
    assert!(back.separable(Language::Dutch, "op", "bellen"));
    assert!(!back.separable(Language::Dutch, "a", "fronden"));
    assert_eq!(back.to_packed("a test\nof two lines"), text);
    let bad = [
        ("@nl\n0zonder\n", "line 2"),               // no lemma count
        ("@nl\n=2\n0a\n", "fewer lemmas"),          // fewer lemmas than said
        ("@nl\n=2\n0b\n0a\n", "line 4"),            // lemmas out of order
        ("@nl\n=1\n0a\n0ab\t1\n0b\t1\n", "line 5"), // forms out of order
        ("@nl\n=1\n0a\n0xy\t2b\n", "line 4"),       // the lemma "b" is not listed
        ("@nl\n=1\n0a\n0xy\t9a\n", "line 4"),       // cuts more than the form
        ("@nl\n=1\n5a\n", "line 3"),                // shares more than there is
        ("@nl\n=1\n0ab\t7\n", "line 3"),            // a first part beyond the lemma
        ("0abc\t0\n", "line 1"),                    // no section
        ("@de\n", "line 1"),
    ];
    for (text, says) in bad {
        let e = Lemmas::parse(text).unwrap_err();
        assert!(e.contains(says), "{text:?}: {e}");
        // Read a line at a time, the same error comes.
        let mut reader = LemmaReader::new(text);
        let e = loop {
            match reader.step(1) {
                Err(e) => break e,
                Ok(Some(_)) => panic!("{text:?} read"),
                Ok(None) => {}
            }
        };
        assert!(e.contains(says), "{text:?} a line at a time: {e}");
    }
    // Read two lines at a time, the tables are the ones read at once.
    let mut reader = LemmaReader::new(&text);
    let mut steps = 0;
    let stepped = loop {
        steps += 1;
        if let Some(l) = reader.step(2).unwrap() {
            break l;
        }
    };
    assert!(steps > 3, "{steps} steps");
    assert_eq!(stepped.to_packed("a test\nof two lines"), text);
}

#[test]
fn a_line_without_a_tab_is_refused_with_its_number() {
    let e = Lemmas::from_tsv("a\tb\nzonder tab\n", "").unwrap_err();
    assert!(e.contains("Dutch") && e.contains("line 2"), "{e}");
}

#[test]
fn a_word_that_is_a_form_and_a_dictionary_form_is_searched_under_both() {
    // "tellen" is the verb and the plural of "tel"; "telt" is a form of the verb. It is indexed
    // under the lexicon's lemma, and a search for it looks under both.
    let l = Lemmas::from_tsv("tellen\ttel\ntelt\ttellen\n", "").unwrap();
    assert_eq!(keys(&l, Language::Dutch, "tellen"), ["tel"]);
    let mut readings = Vec::new();
    l.readings(Language::Dutch, "tellen", &mut readings);
    assert_eq!(readings, ["tel", "tellen"]);
    assert_eq!(keys(&l, Language::Dutch, "telt"), ["tellen"]);
    assert_eq!(keys(&l, Language::Dutch, "onbekend"), ["onbekend"]);
    assert_eq!(keys(&l, Language::German, "tellen"), ["tellen"]);
}

#[test]
fn dutch_rules_for_words_the_lexicon_lacks() {
    let l = known(
        &[
            "taxi",
            "actieprogramma",
            "groep",
            "bal",
            "bloem",
            "huis",
            "auto",
            "rebel",
            "man",
            "kwalificeren",
            "ondersteunen",
            "stoppen",
            "drogen",
            "blokkeren",
            "wensen",
            "afronden",
            "aanpassen",
            "maken",
            "noemen",
            "stemmen",
            "tekenen",
            "erven",
            "roepen",
            "liggen",
            "tellen",
            "proeven",
            "grenzen",
            "bloeien",
            "grijnzen",
            "lonen",
            "machtig",
            "respectief",
            "groot",
            "dik",
            "boos",
            "varen",
            "staan",
            "leven",
        ],
        &[],
    );
    let cases = [
        ("taxis", "taxi"), // taxi's, keyed without the apostrophe
        ("actieprogrammas", "actieprogramma"),
        ("groepje", "groep"),
        ("groepjes", "groep"),
        ("balletje", "bal"),
        ("bloempje", "bloem"),
        ("huisjes", "huis"),
        ("autootje", "auto"),
        ("rebellen", "rebel"),
        ("mannen", "man"),
        ("gekwalificeerd", "kwalificeren"),
        ("gekwalificeerde", "kwalificeren"),
        ("ondersteund", "ondersteunen"),
        ("gestopt", "stoppen"),
        ("gedroogd", "drogen"),
        ("geblokkeerd", "blokkeren"),
        ("gewenst", "wensen"),
        ("afgerond", "afronden"),
        ("aangepaste", "aanpassen"),
        ("maakte", "maken"),
        ("noemde", "noemen"),
        ("stemde", "stemmen"),
        ("stopten", "stoppen"),
        ("tekende", "tekenen"),
        ("erfde", "erven"),
        ("roept", "roepen"),
        ("ligt", "liggen"),
        ("telt", "tellen"),
        ("proeft", "proeven"),
        ("grenst", "grenzen"),
        ("vaart", "varen"),
        ("staat", "staan"),
        ("leeft", "leven"),
        ("bloeiende", "bloeien"),
        ("grijnzende", "grijnzen"),
        ("lonend", "lonen"),
        ("machtigste", "machtig"),
        ("respectieve", "respectief"),
        ("grotere", "groot"),
        ("dikste", "dik"),
        ("dikkere", "dik"),
        ("boze", "boos"),
    ];
    for (form, lemma) in cases {
        let k = keys(&l, Language::Dutch, form);
        assert!(k.iter().any(|k| k == lemma), "{form} → {k:?}, not {lemma}");
    }
}

#[test]
fn rules_land_only_on_words_the_lexicon_knows() {
    let l = known(&["stoppen"], &[]);
    // "bestuur" would respell as a verb "bestuuren" / "besturen": not in this lexicon.
    assert_eq!(keys(&l, Language::Dutch, "bestuur"), ["bestuur"]);
    // A short-vowel stem doubles its consonant first: "tel" → "tellen", not "telen".
    let l = known(&["tellen", "telen"], &[]);
    assert_eq!(keys(&l, Language::Dutch, "telt"), ["tellen"]);
}

#[test]
fn english_rules_for_words_the_lexicon_lacks() {
    let l = known(
        &[],
        &[
            "study", "stop", "hope", "big", "happy", "nice", "run", "make", "talk", "putin",
        ],
    );
    let cases = [
        ("studies", "study"),
        ("studied", "study"),
        ("stopped", "stop"),
        ("hoped", "hope"),
        ("bigger", "big"),
        ("biggest", "big"),
        ("happier", "happy"),
        ("nicer", "nice"),
        ("running", "run"),
        ("making", "make"),
        ("talks", "talk"),
        ("putins", "putin"), // Putin's
    ];
    for (form, lemma) in cases {
        let k = keys(&l, Language::English, form);
        assert!(k.iter().any(|k| k == lemma), "{form} → {k:?}, not {lemma}");
    }
}

#[test]
fn dutch_compounds_split_into_known_parts_with_linking_letters() {
    let l = known(
        &[
            "gemeente", "raadslid", "raad", "lid", "tegen", "aanval", "boek", "kast", "oorlog",
        ],
        &[],
    );
    let head = |w| l.compound_head(Language::Dutch, w);
    assert_eq!(head("gemeenteraadslid"), Some("raadslid"));
    assert_eq!(head("tegenaanval"), Some("aanval"));
    assert_eq!(head("boekenkast"), Some("kast"));
    assert_eq!(head("raadslid"), None); // "lid" is too short a head to split off
    assert_eq!(head("oorlogje"), None);
    assert_eq!(l.compound_head(Language::English, "tegenaanval"), None);
}

#[test]
fn an_image_reads_back_as_the_tables_and_is_checked() {
    let l = Lemmas::from_tsv(
        "afgerond\taf_ronden\nafgelopen\taflopen\nopgebeld\topbellen\nOekraïense\toekraïens\n",
        "children\tchild\n",
    )
    .unwrap();
    let image = l.to_image(7);
    let back = Lemmas::from_image(&image, 7).unwrap();
    assert_eq!(back.to_packed(""), l.to_packed(""));
    assert_eq!(file::parted(&back), file::parted(&l));
    assert_eq!(back.lemma(Language::Dutch, "oekraiense"), Some("oekraiens"));
    assert!(back.separable(Language::Dutch, "af", "ronden"));
    assert!(Lemmas::from_image(&image, 8)
        .unwrap_err()
        .contains("another lexicon"));
    // Cut anywhere, or with any byte changed, it is refused or reads as some tables: never a
    // panic, and never a table pointing outside its text (lookups all answer).
    for cut in 0..image.len() {
        assert!(
            Lemmas::from_image(&image[..cut], 7).is_err(),
            "cut at {cut}"
        );
    }
    for at in 0..image.len() {
        for value in [0u8, 1, 0x7f, 0xff] {
            let mut damaged = image.clone();
            damaged[at] = value;
            if let Ok(d) = Lemmas::from_image(&damaged, 7) {
                for word in ["afgerond", "opgebeld", "oekraiense", "children", "x"] {
                    let _ = keys(&d, Language::Dutch, word);
                    let _ = keys(&d, Language::English, word);
                }
                let _ = d.to_packed("");
            }
        }
    }
}

#[test]
fn the_shipped_lexicon_has_the_fingerprint_built_in_and_its_image_reads_back() {
    let text = include_str!("../../../data/lexicon.txt");
    assert_eq!(image::fingerprint(text.as_bytes()), image::SHIPPED);
    let lemmas = Lemmas::parse(text).unwrap();
    let back = Lemmas::from_image(&lemmas.to_image(image::SHIPPED), image::SHIPPED).unwrap();
    assert_eq!(back.len(), lemmas.len());
    assert_eq!(back.to_packed(""), lemmas.to_packed(""));
}
