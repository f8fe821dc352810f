//! How the publication dates inferred for undated articles fall: over a folder of articles known
//! to be from some years (the BBC corpus is 2004–05), how many get an inferred date, how many of
//! those fall inside the known years, and the evidence of those that do not.
//!
//! Also: how many windows a date spoken of as still to come closes, and any that close before
//! the known years.
//!
//! `cargo run --release -p newsprism-core --example inferred_dates -- ../shared/corpora/bbc 2004 2005 [--list N]`

use newsprism_core::ingest::parse_article;
use newsprism_core::time::timeline::analyse;

mod common;
use common::files;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(from), Some(to)) = (
        args.first(),
        args.get(1).and_then(|y| y.parse::<i32>().ok()),
        args.get(2).and_then(|y| y.parse::<i32>().ok()),
    ) else {
        eprintln!("usage: inferred_dates DIR FIRST_YEAR LAST_YEAR [--list N]");
        std::process::exit(2);
    };
    let list: usize = args
        .iter()
        .position(|a| a == "--list")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut paths = Vec::new();
    files(std::path::Path::new(dir), &mut paths);
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let (mut read, mut inferred, mut inside, mut outside) = (0usize, 0usize, 0usize, Vec::new());
    // Windows closed by a date spoken of as still to come: how many, how many end inside the
    // known years, and those that end before them (which would be wrong).
    let (mut windows, mut windows_inside, mut closed_early) = (0usize, 0usize, Vec::new());
    for p in &paths {
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        let Ok(a) = parse_article(&p.to_string_lossy(), &bytes) else {
            continue;
        };
        if a.article.pub_date.is_some() {
            continue;
        }
        read += 1;
        let Some(i) = analyse(&a.article).inferred else {
            continue;
        };
        inferred += 1;
        if let Some(b) = &i.until {
            windows += 1;
            let end = b.date.year_value();
            if end < from {
                closed_early.push(format!("{}: {} ({})", p.display(), i.window(), b.evidence));
            } else if end <= to {
                windows_inside += 1;
            }
        }
        let y = i.date.year_value();
        if (from..=to).contains(&y) {
            inside += 1;
        } else {
            outside.push(format!(
                "{}: {} ({})",
                p.display(),
                i.date.iso(),
                i.evidence
            ));
        }
    }
    println!(
        "{read} undated articles; {inferred} with an inferred date; {inside} of them in {from}–{to}, {} outside",
        outside.len()
    );
    for line in outside.iter().take(list) {
        println!("  {line}");
    }
    println!(
        "{windows} windows closed by a date still to come; {windows_inside} of them close within {from}–{to}, {} before {from}",
        closed_early.len()
    );
    for line in closed_early.iter().take(list) {
        println!("  {line}");
    }
}
