//! Golden tests: what Newsprism must read from each of the five bundled articles.
//!
//! The word counts were checked independently (whitespace-separated tokens holding a letter or
//! digit, headline included, boilerplate paragraphs excluded), not copied from the parser.

use newsprism_core::article::{ParagraphKind, Precision, Provenance, TitleKind};
use newsprism_core::ingest::parse_article;
use newsprism_core::Language;

struct Golden {
    file: &'static str,
    title: &'static str,
    title_kind: TitleKind,
    /// ISO date and its precision, or `None` for an undated article.
    date: Option<(&'static str, Precision)>,
    language: Language,
    /// Paragraphs by kind: body, subheading, caption, pull quote, boilerplate.
    kinds: [usize; 5],
    word_count: usize,
    /// Texts that must be classified as the given kind, exactly as in the file.
    marked: &'static [(ParagraphKind, &'static str)],
}

const GOLDEN: &[Golden] = &[
    Golden {
        file: "000_862f0dab74190d4b.txt",
        title: "Laat de Wit-Russische dictator Aleksandr Loekasjenko zich door zijn Russische ambtgenoot…",
        title_kind: TitleKind::Derived,
        date: Some(("2022-12", Precision::Month)),
        language: Language::Dutch,
        kinds: [11, 1, 0, 0, 1],
        word_count: 623,
        marked: &[
            (ParagraphKind::Subheading, "‘Giftige mensen’"),
            (
                ParagraphKind::Boilerplate,
                "Lees ook Waarom Loekasjenko zijn leger liever buiten de oorlog in Oekraïne houdt",
            ),
        ],
    },
    Golden {
        file: "001_3e918a7f038292b0.txt",
        title: "Het bliksembezoek van Vladimir Poetin aan Belarus roept vooral vragen op.",
        title_kind: TitleKind::Derived,
        date: Some(("2022-12", Precision::Month)),
        language: Language::Dutch,
        kinds: [11, 0, 1, 0, 0],
        word_count: 654,
        marked: &[(
            ParagraphKind::Caption,
            "Poetin en Loekasjenko aan een kleine tafel in Minsk.",
        )],
    },
    Golden {
        file: "002_2cbdb47d99497912.txt",
        title: "Heel duidelijk was de Wit-Russische president Aleksandr Loekasjenko niet.",
        title_kind: TitleKind::Derived,
        date: Some(("2022-10", Precision::Month)),
        language: Language::Dutch,
        kinds: [9, 2, 0, 0, 0],
        word_count: 483,
        marked: &[
            (ParagraphKind::Subheading, "Onder druk om militairen te leveren"),
            (ParagraphKind::Subheading, "Revolte"),
        ],
    },
    Golden {
        file: "003_dac0a1bfa62107c7.txt",
        title: "Poetins Belarussische handlanger in spagaat: 'Ziet eigen land opgeslokt worden'",
        title_kind: TitleKind::Headline,
        date: None,
        language: Language::Dutch,
        kinds: [12, 4, 0, 1, 0],
        word_count: 644,
        marked: &[
            (ParagraphKind::Subheading, "Springplank voor Poetin"),
            (ParagraphKind::Subheading, "Uniestaat"),
            (ParagraphKind::Subheading, "Onder druk"),
            (ParagraphKind::Subheading, "Spagaat"),
            (
                ParagraphKind::PullQuote,
                "\"Poetin wil Belarus gebruiken voor zijn eigen agenda.\"",
            ),
        ],
    },
    Golden {
        file: "004_32b04c7306b78dab.txt",
        title: "De Russische president Vladimir Poetin is maandag in Wit-Rusland aangekomen voor zijn…",
        title_kind: TitleKind::Derived,
        date: Some(("2022-12", Precision::Month)),
        language: Language::Dutch,
        kinds: [7, 3, 0, 0, 2],
        word_count: 387,
        marked: &[
            (ParagraphKind::Subheading, "Eerder aanval via Wit-Rusland"),
            (ParagraphKind::Subheading, "“Verjaardagsoffensief?”"),
            (ParagraphKind::Subheading, "Militaire oefeningen"),
        ],
    },
];

fn seed(file: &str) -> Vec<u8> {
    let path = format!("{}/../../seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_seed_reads_as_its_golden_record() {
    for g in GOLDEN {
        let a = parse_article(g.file, &seed(g.file))
            .unwrap_or_else(|e| panic!("{e}"))
            .article;
        assert_eq!(a.title, g.title, "{}: title", g.file);
        assert_eq!(a.title_kind, g.title_kind, "{}: title kind", g.file);
        match (g.date, &a.pub_date) {
            (Some((iso, precision)), Some(d)) => {
                assert_eq!(d.date.iso(), iso, "{}: date", g.file);
                assert_eq!(d.precision(), precision, "{}: precision", g.file);
                assert_eq!(d.provenance, Provenance::Header, "{}: provenance", g.file);
            }
            (None, None) => {}
            (want, got) => panic!("{}: date {want:?} expected, got {got:?}", g.file),
        }
        assert_eq!(a.language, g.language, "{}: language", g.file);
        let kinds = [
            ParagraphKind::Body,
            ParagraphKind::Subheading,
            ParagraphKind::Caption,
            ParagraphKind::PullQuote,
            ParagraphKind::Boilerplate,
        ]
        .map(|k| a.count_of(k));
        assert_eq!(kinds, g.kinds, "{}: paragraphs by kind", g.file);
        assert_eq!(a.word_count, g.word_count, "{}: word count", g.file);
        assert_eq!(a.source, None, "{}: no outlet is ever guessed", g.file);
        assert_eq!(a.source_label(), "unknown source");
        for (kind, text) in g.marked {
            assert!(
                a.paragraphs
                    .iter()
                    .any(|p| p.kind == *kind && p.text == *text),
                "{}: {text:?} should be a {}",
                g.file,
                kind.name()
            );
        }
    }
}

#[test]
fn the_plus_article_teaser_and_video_blurb_are_boilerplate() {
    let a = parse_article("004", &seed("004_32b04c7306b78dab.txt"))
        .unwrap()
        .article;
    let boilerplate: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Boilerplate)
        .map(|p| p.text.as_str())
        .collect();
    assert!(boilerplate[0].starts_with("KIJK. Beelden tonen"));
    assert!(boilerplate[1].ends_with("leest u in dit plusartikel."));
}

#[test]
fn paragraph_text_is_kept_exactly() {
    let bytes = seed("000_862f0dab74190d4b.txt");
    let text = String::from_utf8(bytes.clone()).unwrap();
    let a = parse_article("000", &bytes).unwrap().article;
    for p in &a.paragraphs {
        assert!(text.contains(&p.text), "not verbatim: {:?}", p.text);
    }
    // The glued sentence boundary stays as the source has it.
    assert!(a.paragraphs[0].text.contains("in Oekraïne?Maandag bracht"));
}

#[test]
fn ids_are_stable_and_distinct() {
    let ids: Vec<String> = GOLDEN
        .iter()
        .map(|g| {
            parse_article(g.file, &seed(g.file))
                .unwrap()
                .article
                .id
                .to_string()
        })
        .collect();
    let again: Vec<String> = GOLDEN
        .iter()
        .map(|g| {
            parse_article("renamed.txt", &seed(g.file))
                .unwrap()
                .article
                .id
                .to_string()
        })
        .collect();
    assert_eq!(ids, again, "the id depends on the text, not the file name");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 5);
}
