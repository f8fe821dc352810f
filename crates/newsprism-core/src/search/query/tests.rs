//! The query language: words, phrases, operators, filters, repairs and toggles.

use super::*;

fn t(w: &str) -> Node {
    Node::Term(TermQuery {
        word: w.into(),
        prefix: false,
        fuzzy: None,
        exact: false,
    })
}

fn phrase(words: &[&str]) -> Node {
    Node::Phrase(words.iter().map(|w| w.to_string()).collect())
}

#[test]
fn queries_parse_into_trees() {
    let cases: Vec<(&str, Option<Node>)> = vec![
        ("poetin", Some(t("poetin"))),
        (
            "poetin minsk",
            Some(Node::And(vec![t("poetin"), t("minsk")])),
        ),
        (
            "poetin AND minsk",
            Some(Node::And(vec![t("poetin"), t("minsk")])),
        ),
        (
            "poetin OR putin",
            Some(Node::Or(vec![t("poetin"), t("putin")])),
        ),
        (
            "poetin | putin",
            Some(Node::Or(vec![t("poetin"), t("putin")])),
        ),
        (
            "a b OR c",
            Some(Node::And(vec![t("a"), Node::Or(vec![t("b"), t("c")])])),
        ),
        ("-kiev", Some(Node::Not(Box::new(t("kiev"))))),
        (
            "NOT kiev minsk",
            Some(Node::And(vec![Node::Not(Box::new(t("kiev"))), t("minsk")])),
        ),
        (
            "\"domme en ongegronde\"",
            Some(phrase(&["domme", "en", "ongegronde"])),
        ),
        ("„giftige mensen”", Some(phrase(&["giftige", "mensen"]))),
        (
            "(a OR b) c",
            Some(Node::And(vec![Node::Or(vec![t("a"), t("b")]), t("c")])),
        ),
        (
            "-(a b)",
            Some(Node::Not(Box::new(Node::And(vec![t("a"), t("b")])))),
        ),
        ("Wit-Rusland", Some(t("Wit-Rusland"))),
        ("", None),
        ("   ", None),
    ];
    for (input, expected) in cases {
        let q = parse(input);
        assert_eq!(q.root, expected, "{input}");
        assert!(q.warnings.is_empty(), "{input}: {:?}", q.warnings);
    }
}

#[test]
fn prefixes_and_fuzziness_are_read() {
    let cases = [
        ("sanctie*", "sanctie", true, None),
        ("Loekasjenka~", "Loekasjenka", false, Some(1)),
        ("Loekasjenka~2", "Loekasjenka", false, Some(2)),
    ];
    for (input, word, prefix, fuzzy) in cases {
        assert_eq!(
            parse(input).root,
            Some(Node::Term(TermQuery {
                word: word.into(),
                prefix,
                fuzzy,
                exact: false,
            })),
            "{input}"
        );
    }
}

#[test]
fn filters_are_taken_out_of_the_tree() {
    let q = parse("troepen source:\"De Morgen\" lang:nl date:2022-10..2022-12");
    assert_eq!(q.root, Some(t("troepen")));
    assert_eq!(q.filters.sources, [SourceFilter::Named("De Morgen".into())]);
    assert_eq!(q.filters.languages, [Language::Dutch]);
    let (a, b) = q.filters.date.unwrap();
    assert_eq!((a.iso(), b.iso()), ("2022-10".into(), "2022-12".into()));
    assert_eq!(
        parse("date:2022-12")
            .filters
            .date
            .map(|(a, b)| (a.iso(), b.iso())),
        Some(("2022-12".into(), "2022-12".into()))
    );
}

#[test]
fn malformed_queries_are_repaired_with_a_warning() {
    let cases: Vec<(&str, Option<Node>)> = vec![
        ("\"giftige mensen", Some(phrase(&["giftige", "mensen"]))),
        ("poetin OR", Some(t("poetin"))),
        ("OR poetin", Some(t("poetin"))),
        ("poetin AND", Some(t("poetin"))),
        (
            "(poetin minsk",
            Some(Node::And(vec![t("poetin"), t("minsk")])),
        ),
        (
            "poetin) minsk",
            Some(Node::And(vec![t("poetin"), t("minsk")])),
        ),
        ("poetin -", Some(t("poetin"))),
        ("NOT", None),
        ("lang:xx poetin", Some(t("poetin"))),
        ("date:gisteren poetin", Some(t("poetin"))),
        (
            "poetin~9",
            Some(Node::Term(TermQuery {
                word: "poetin".into(),
                prefix: false,
                fuzzy: Some(1),
                exact: false,
            })),
        ),
    ];
    for (input, expected) in cases {
        let q = parse(input);
        assert_eq!(q.root, expected, "{input}");
        assert!(!q.warnings.is_empty(), "{input} should warn");
    }
}

#[test]
fn the_unknown_source_is_a_filter_of_its_own() {
    assert_eq!(SourceFilter::from_value("unknown"), SourceFilter::Unknown);
    assert_eq!(
        SourceFilter::from_value("Unknown Source"),
        SourceFilter::Unknown
    );
    assert_eq!(
        SourceFilter::from_value(" NRC "),
        SourceFilter::Named("NRC".into())
    );
    assert!(SourceFilter::Unknown.admits(None));
    assert!(!SourceFilter::Unknown.admits(Some("NRC")));
    assert!(SourceFilter::Named("de morgen".into()).admits(Some("De Morgen")));
    assert!(!SourceFilter::Named("nrc".into()).admits(None));
    assert_eq!(SourceFilter::Unknown.query_text(), "source:unknown");
    assert_eq!(
        SourceFilter::Named("De Morgen".into()).query_text(),
        "source:\"De Morgen\""
    );
    let q = parse("Minsk source:unknown");
    assert_eq!(q.filters.sources, [SourceFilter::Unknown]);
}

#[test]
fn an_equals_sign_asks_for_one_exact_form() {
    let exact = |w: &str| {
        Some(Node::Term(TermQuery {
            word: w.into(),
            prefix: false,
            fuzzy: None,
            exact: true,
        }))
    };
    assert_eq!(parse("=mannen").root, exact("mannen"));
    assert_eq!(parse("==Poetins").root, exact("Poetins"));
    assert_eq!(parse("mannen").root, Some(t("mannen")));
    let q = parse("=mann*");
    assert!(matches!(&q.root, Some(Node::Term(t)) if t.prefix && !t.exact));
    assert_eq!(q.warnings.len(), 1, "{:?}", q.warnings);
}
