//! The engine: operators, ranking, aliases, phrases and what is recorded for highlighting.

use super::*;
use crate::search::index::{Field, Index, IndexDoc};
use crate::search::query::parse;
use crate::text::language::Language;

fn index(texts: &[&str]) -> Index {
    let mut index = Index::new();
    for (i, text) in texts.iter().enumerate() {
        index.add(&IndexDoc {
            key: i as u64,
            fields: vec![(Field::Body, text)],
            language: Language::Dutch,
            source: Some(if i % 2 == 0 { "Even" } else { "Oneven" }.to_string()),
            date: crate::article::PartialDate::month(2022, 10 + (i % 3) as u8),
        });
    }
    index
}

fn keys(index: &Index, q: &str, aliases: bool) -> Vec<u64> {
    let table = AliasTable::default();
    let ranked = run(index, &parse(q), aliases.then_some(&table));
    let mut keys: Vec<u64> = ranked
        .docs
        .iter()
        .map(|&(d, _)| index.docs()[d as usize].key)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn boolean_queries_select_the_right_documents() {
    let ix = index(&[
        "Poetin bezocht Minsk maandag.",                   // 0
        "Loekasjenko ontving Poetin in Minsk.",            // 1
        "De soldaten oefenden in Wit-Rusland.",            // 2
        "Kiev vreest een nieuw front vanuit het noorden.", // 3
        "Een soldaat en twee raketten.",                   // 4
    ]);
    let cases: &[(&str, &[u64])] = &[
        ("poetin", &[0, 1]),
        ("poetin minsk", &[0, 1]),
        ("poetin loekasjenko", &[1]),
        ("poetin OR kiev", &[0, 1, 3]),
        ("minsk -loekasjenko", &[0]),
        ("minsk NOT loekasjenko", &[0]),
        ("-minsk", &[2, 3, 4]),
        ("soldaat", &[2, 4]),
        ("\"ontving poetin\"", &[1]),
        ("\"poetin ontving\"", &[]),
        ("Wit-Rusland", &[2]),
        ("rusland", &[2]),
        ("raket*", &[4]),
        ("Loekasjenka~", &[1]),
        ("(kiev OR soldaat) -raketten", &[2, 3]),
        ("de soldaten", &[2, 4]),
        ("een", &[3, 4]),
        ("source:even", &[0, 2, 4]),
        ("minsk source:oneven", &[1]),
        ("date:2022-10", &[0, 3]),
        ("date:2022-11..2022-12", &[1, 2, 4]),
        ("date:undated", &[]),
        ("onbekendwoord", &[]),
    ];
    for (q, expected) in cases {
        assert_eq!(keys(&ix, q, false), *expected, "{q}");
    }
}

#[test]
fn aliases_find_other_spellings_and_are_reported() {
    let ix = index(&[
        "Poetin kwam naar Wit-Rusland.",
        "Putin visited Belarus.",
        "Niets hier.",
    ]);
    assert_eq!(keys(&ix, "Belarus", false), [1]);
    assert_eq!(keys(&ix, "Belarus", true), [0, 1]);
    assert_eq!(keys(&ix, "putin", true), [0, 1]);
    let table = AliasTable::default();
    let ranked = run(&ix, &parse("Belarus"), Some(&table));
    assert!(ranked.expansions[0]
        .also
        .contains(&"Wit-Rusland".to_string()));
    assert!(ranked
        .matches
        .phrases
        .contains(&vec!["wit".to_string(), "rusland".to_string()]));
    // A quoted phrase is never expanded.
    assert_eq!(keys(&ix, "\"Belarus\"", true), [1]);
}

#[test]
fn the_top_of_a_ranking_is_the_top_of_the_full_ranking() {
    let texts: Vec<String> = (0..40)
        .map(|i| format!("minsk {}", "minsk ".repeat(i % 7)))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let ix = index(&refs);
    let q = parse("minsk");
    let all = run(&ix, &q, None);
    let top = run_top(&ix, &q, None, 5);
    assert_eq!(top.total, 40);
    assert_eq!(top.docs, all.docs[..5]);
}

#[test]
fn titles_outrank_bodies_and_furniture_ranks_last() {
    let mut ix = Index::new();
    let filler = "tekst over iets anders dan het onderwerp van deze zoekvraag";
    for (key, field) in [
        (0u64, Field::Boilerplate),
        (1, Field::Body),
        (2, Field::Title),
    ] {
        ix.add(&IndexDoc {
            key,
            fields: vec![(field, "sancties"), (Field::Body, filler)],
            language: Language::Dutch,
            source: None,
            date: None,
        });
    }
    let ranked = run(&ix, &parse("sancties"), None);
    let order: Vec<u64> = ranked
        .docs
        .iter()
        .map(|&(d, _)| ix.docs()[d as usize].key)
        .collect();
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn matches_record_what_to_highlight_but_not_what_was_excluded() {
    let ix = index(&["Poetin bezocht Minsk.", "Kiev."]);
    let ranked = run(&ix, &parse("poetins -kiev"), None);
    assert!(ranked.matches.keys.contains("poetin"));
    assert!(!ranked.matches.keys.contains("kiev"));
}
