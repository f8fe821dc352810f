//! Scores the quotations and quantities Newsprism finds in the seeds against the gold tables
//! (tests/gold/quotes.tsv, tests/gold/quantities.tsv). Quotations: how many quoted statements are found, how many statements by
//! someone get the right speaker, how many get a speaker the text does not name, and how well
//! scare quotes and names in marks are told apart from statements. With `--verbose`, every
//! disagreement.
//!
//! `cargo run --release -p newsprism-core --example quote_score -- QUOTES QUANTITIES SEEDS_DIR
//! [--verbose]`
//! (`make bench-quotes`).

use newsprism_core::analysis::analyze;
use newsprism_core::Corpus;

mod quote_gold;

use quote_gold::{quantities, ratio, score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [gold_path, quantity_path, seeds] = positional.as_slice() else {
        eprintln!("usage: quote_score QUOTES_GOLD QUANTITIES_GOLD SEEDS_DIR [--verbose]");
        std::process::exit(2);
    };
    let gold = std::fs::read_to_string(gold_path).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(2);
    });
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .unwrap_or_else(|e| {
            eprintln!("{seeds}: {e}");
            std::process::exit(2);
        })
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().to_string(),
                std::fs::read(p).ok()?,
            ))
        })
        .collect();
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
    let qgold = std::fs::read_to_string(quantity_path).unwrap_or_else(|e| {
        eprintln!("{quantity_path}: {e}");
        std::process::exit(2);
    });
    let qs = quantities(&qgold, &records).unwrap_or_else(|e| {
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
}
