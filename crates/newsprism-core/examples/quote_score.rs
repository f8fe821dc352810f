//! Scores the quotations and quantities Newsprism finds in the seeds against the gold tables
//! (tests/gold/quotes.tsv, tests/gold/quantities.tsv). Quotations: how many quoted statements are found, how many statements by
//! someone get the right speaker, how many get a speaker the text does not name, and how well
//! scare quotes and names in marks are told apart from statements. With `--verbose`, every
//! disagreement.
//!
//! `cargo run --release -p newsprism-core --example quote_score -- QUOTES QUANTITIES SEEDS_DIR
//! [BBC_DIR LASSY_DIR] [--verbose]` (with the two folders, the documents the held-out tables
//! name instead of the seeds)
//! (`make bench-quotes`).

use newsprism_core::analysis::analyze;
use newsprism_core::Corpus;

mod common;
mod quote_gold;

use quote_gold::{quantities, ratio, score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (gold_path, quantity_path, seeds, held_out) = match positional.as_slice() {
        [g, q, seeds] => (g, q, seeds, None),
        [g, q, seeds, bbc, lassy] => (g, q, seeds, Some((bbc.as_str(), lassy.as_str()))),
        _ => {
            eprintln!(
                "usage: quote_score QUOTES_GOLD QUANTITIES_GOLD|- SEEDS_DIR [BBC_DIR LASSY_DIR] [--verbose]"
            );
            std::process::exit(2);
        }
    };
    let gold = std::fs::read_to_string(gold_path).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(2);
    });
    // "-": a quotes table with no quantities table beside it.
    let no_quantities = quantity_path.as_str() == "-";
    let quantity_gold = if no_quantities {
        String::new()
    } else {
        std::fs::read_to_string(quantity_path).unwrap_or_else(|e| {
            eprintln!("{quantity_path}: {e}");
            std::process::exit(2);
        })
    };
    let files = match held_out {
        None => seed_files(seeds),
        Some((bbc, lassy)) => named_files(&[&gold, &quantity_gold], bbc, lassy),
    };
    let (corpus, _) = Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let records = analyze(&corpus, &ids);
    let sc = score(&gold, &records).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(2);
    });
    if verbose {
        for n in &sc.notes {
            println!("{n}");
        }
    }
    println!("Quotations against {gold_path}:");
    println!(
        "  statements found (quotations, fragments, headlines): {} of {} ({:.3})",
        sc.found,
        sc.statements,
        ratio(sc.found, sc.statements)
    );
    println!(
        "  speaker right where the text names one: {} of {} ({:.3})",
        sc.right,
        sc.by_person,
        ratio(sc.right, sc.by_person)
    );
    println!(
        "  a speaker given where the text names none: {} of {} ({:.3})",
        sc.invented,
        sc.nobody,
        ratio(sc.invented, sc.nobody)
    );
    println!(
        "  scare quotes and names in marks told apart: {} of {} ({:.3}); statements kept as statements: {} of {} ({:.3})",
        sc.scare_told,
        sc.scare,
        ratio(sc.scare_told, sc.scare),
        sc.statements_kept,
        sc.found,
        ratio(sc.statements_kept, sc.found)
    );
    println!(
        "  per kind: statements {}; scare quotes {}",
        prf(sc.statements_kept, sc.given_statements, sc.statements),
        prf(sc.scare_as_scare, sc.given_scare, sc.scare)
    );
    if no_quantities {
        return;
    }
    let qs = quantities(&quantity_gold, &records).unwrap_or_else(|e| {
        eprintln!("{quantity_path}: {e}");
        std::process::exit(2);
    });
    if verbose {
        for n in &qs.notes {
            println!("{n}");
        }
    }
    println!("Quantities against {quantity_path}:");
    println!(
        "  found: {} of {} ({:.3}), {} more not in the table; the number right: {} of {}; what it counts right: {} of {} ({:.3})",
        qs.found,
        qs.rows,
        ratio(qs.found, qs.rows),
        qs.extra,
        qs.value,
        qs.found,
        qs.counts,
        qs.named,
        ratio(qs.counts, qs.named)
    );
    println!("  {}", prf(qs.found, qs.found + qs.extra, qs.rows));
}

/// The seeds, named by their file names.
fn seed_files(seeds: &str) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .unwrap_or_else(|e| {
            eprintln!("{seeds}: {e}");
            std::process::exit(2);
        })
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().to_string(),
                std::fs::read(p).ok()?,
            ))
        })
        .collect()
}

/// The documents the tables name ("sport/050.txt" in the BBC corpus, "lassy:wiki-342" in
/// LassySmall), each named as the tables name it.
fn named_files(tables: &[&str], bbc: &str, lassy: &str) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<&str> = tables
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .filter_map(|doc| {
            let bytes = match doc.strip_prefix("lassy:") {
                Some(id) => common::lassy_document(lassy, id),
                None => std::fs::read(format!("{bbc}/{doc}")).ok(),
            };
            if bytes.is_none() {
                eprintln!("{doc}: cannot be read");
            }
            Some((doc.to_string(), bytes?))
        })
        .collect()
}

/// Precision, recall and F1 of `matched` items, of `given` given and `gold` in the table.
fn prf(matched: usize, given: usize, gold: usize) -> String {
    let (p, r) = (ratio(matched, given), ratio(matched, gold));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!("P {p:.3} R {r:.3} F1 {f1:.3} ({matched} of {given} given, {gold} in the table)")
}
