//! Quotations and quantities in the seeds against the gold tables (tests/gold/quotes.tsv and
//! quantities.tsv, written before the work of issue 16 they measure): speakers right, none
//! invented, scare quotes told apart; quantities found, in digits and in words. `make bench-quotes` prints the same figures with every disagreement.

use newsprism_core::analysis::analyze;

mod common;
#[path = "../examples/quote_gold/mod.rs"]
mod quote_gold;

#[test]
fn speakers_and_scare_quotes_against_the_gold_table() {
    let corpus = common::seeds().0;
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let records = analyze(&corpus, &ids);
    let gold = std::fs::read_to_string(format!(
        "{}/tests/gold/quotes.tsv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the gold table");
    let sc = quote_gold::score(&gold, &records).expect("a well-formed table");
    for n in &sc.notes {
        println!("{n}");
    }
    let r = quote_gold::ratio;
    assert!(sc.statements >= 40, "the table lists every quotation");
    assert!(r(sc.found, sc.statements) >= 0.95, "found {sc:?}");
    assert!(r(sc.right, sc.by_person) >= 0.9, "speakers {sc:?}");
    assert!(r(sc.invented, sc.nobody) <= 0.1, "invented {sc:?}");
    assert!(r(sc.scare_told, sc.scare) >= 0.8, "scare quotes {sc:?}");
    assert!(r(sc.statements_kept, sc.found) >= 0.9, "statements {sc:?}");
}

#[test]
fn quantities_against_the_gold_table() {
    let corpus = common::seeds().0;
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let records = analyze(&corpus, &ids);
    let gold = std::fs::read_to_string(format!(
        "{}/tests/gold/quantities.tsv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the gold table");
    let sc = quote_gold::quantities(&gold, &records).expect("a well-formed table");
    for n in &sc.notes {
        println!("{n}");
    }
    let r = quote_gold::ratio;
    assert!(sc.rows >= 20, "the table lists every quantity");
    assert!(r(sc.found, sc.rows) >= 0.9, "found {sc:?}");
    assert!(r(sc.value, sc.found) >= 0.9, "values {sc:?}");
    assert!(r(sc.counts, sc.named) >= 0.9, "things {sc:?}");
    assert!(sc.extra <= 2, "quantities not in the table {sc:?}");
}
