//! Prints what Newsprism reads from text files: `cargo run -p newsprism-core --example inspect -- FILE…`
//!
//! With `--summary`, prints one line per file and counts of paragraph kinds over all of them,
//! which is how the paragraph rules are checked against a large corpus for false positives.

use std::collections::BTreeMap;

use newsprism_core::ingest::parse_article;

fn main() {
    let mut summary = false;
    let mut totals: BTreeMap<&'static str, usize> = BTreeMap::new();
    for arg in std::env::args().skip(1) {
        if arg == "--summary" {
            summary = true;
            continue;
        }
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let name = arg.rsplit('/').next().unwrap_or(&arg);
        match parse_article(name, &bytes) {
            Ok(ingested) => {
                let a = ingested.article;
                let date = a.pub_date.as_ref().map_or("undated".to_string(), |d| {
                    format!("{} ({:?})", d.date.iso(), d.provenance)
                });
                println!(
                    "{arg}\t{}\t{:?}\t{}\t{}\t{} words\t{}",
                    a.id, a.title_kind, date, a.language, a.word_count, a.encoding
                );
                println!("  title: {}", a.title);
                for p in &a.paragraphs {
                    *totals.entry(p.kind.name()).or_default() += 1;
                    if !summary || p.kind != newsprism_core::ParagraphKind::Body {
                        let short: String = p.text.chars().take(100).collect();
                        println!("  [{}] {}", p.kind.name(), short);
                    }
                }
                for w in ingested.warnings {
                    println!("  warning: {w}");
                }
            }
            Err(e) => println!("{arg}\tERROR\t{e}"),
        }
    }
    if summary {
        println!("paragraph kinds: {totals:?}");
    }
}
