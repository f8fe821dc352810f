//! Scores the time expressions Newsprism finds against a TIMEX3 gold table
//! (tests/gold/timex.tsv), TempEval-3's way: a found expression matches a gold one when their
//! words overlap (relaxed) or are the same (strict); type, value and modifier are scored on
//! the relaxed matches. Prints the figures for the Dutch and the English documents, and with
//! `--verbose` every miss, extra and wrong value.
//!
//! `cargo run --release -p newsprism-core --example timex_score -- GOLD SEEDS_DIR BBC_DIR
//! [LASSY_DIR] [--verbose]` (`make bench-time`: the seeds' table and the held-out one).

use std::collections::BTreeMap;

use newsprism_core::article::{PartialDate, Provenance, PubDate};
use newsprism_core::corpus::Corpus;
use newsprism_core::time::timeline::analyse;

mod common;
/// (text, type, value, mod) of one expression.
type Row = (String, String, String, String);

/// Where the documents are: the seeds, the BBC corpus, the LassySmall treebank.
struct Dirs<'a> {
    seeds: &'a str,
    bbc: &'a str,
    lassy: Option<&'a str>,
}

fn load(doc: &str, dirs: &Dirs) -> Option<(String, Vec<u8>)> {
    if let Some(id) = doc.strip_prefix("lassy:") {
        return Some((
            format!("{id}.txt"),
            common::lassy_document(dirs.lassy?, id)?,
        ));
    }
    let (seeds, bbc) = (dirs.seeds, dirs.bbc);
    let path = if doc.contains('/') {
        format!("{bbc}/{doc}")
    } else {
        let dir = std::fs::read_dir(seeds).ok()?;
        let name = dir
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .find(|n| n.starts_with(doc))?;
        format!("{seeds}/{name}")
    };
    Some((path.clone(), std::fs::read(&path).ok()?))
}

fn found(doc: &str, dct: &str, dirs: &Dirs) -> Vec<Row> {
    let Some((name, bytes)) = load(doc, dirs) else {
        eprintln!("{doc}: cannot be read");
        return Vec::new();
    };
    let mut corpus = Corpus::new();
    corpus.add_files(vec![(name, Ok(bytes))]);
    let Some(mut article) = corpus.articles().first().cloned() else {
        eprintln!("{doc}: not read as an article");
        return Vec::new();
    };
    if dct != "-" {
        article.pub_date = PartialDate::parse_iso(dct).map(|date| PubDate {
            date,
            provenance: Provenance::Header,
        });
    }
    let time = analyse(&article);
    // Placed by a named event: an event in TimeML, not a TIMEX3 (the table leaves them out).
    let mut events: Vec<_> = time
        .events
        .iter()
        .chain(time.other.iter())
        .filter(|e| e.anchor.is_none())
        .collect();
    events.sort_by_key(|e| (e.paragraph, e.range.start));
    events
        .iter()
        .map(|e| {
            let t = e.timex();
            (
                e.text.clone(),
                t.kind.to_string(),
                t.value,
                t.modifier.unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Whether one text holds the other as whole words.
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let holds = |long: &str, short: &str| {
        long.match_indices(short).any(|(i, _)| {
            let before = long[..i].chars().next_back();
            let after = long[i + short.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    holds(&a, &b) || holds(&b, &a)
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    relaxed: usize,
    strict: usize,
    kind: usize,
    value: usize,
    modifier: usize,
}

impl Score {
    fn print(&self, name: &str) {
        let f1 = |p: f64, r: f64| {
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        let (pr, rr) = (
            ratio(self.relaxed, self.found),
            ratio(self.relaxed, self.gold),
        );
        let (ps, rs) = (
            ratio(self.strict, self.found),
            ratio(self.strict, self.gold),
        );
        println!(
            "{name:<10} {:>4} gold {:>4} found | relaxed P {pr:.3} R {rr:.3} F1 {:.3} | strict P {ps:.3} R {rs:.3} F1 {:.3} | of matches: type {:.3} value {:.3} mod {:.3}",
            self.gold,
            self.found,
            f1(pr, rr),
            f1(ps, rs),
            ratio(self.kind, self.relaxed),
            ratio(self.value, self.relaxed),
            ratio(self.modifier, self.relaxed),
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (gold_path, dirs) = match positional.as_slice() {
        [gold, seeds, bbc] => (
            gold,
            Dirs {
                seeds,
                bbc,
                lassy: None,
            },
        ),
        [gold, seeds, bbc, lassy] => (
            gold,
            Dirs {
                seeds,
                bbc,
                lassy: Some(lassy.as_str()),
            },
        ),
        _ => {
            eprintln!("usage: timex_score GOLD SEEDS_DIR BBC_DIR [LASSY_DIR] [--verbose]");
            std::process::exit(2);
        }
    };
    let text = std::fs::read_to_string(gold_path).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(2);
    });
    // Documents in the table's order, each with its reference date and gold rows.
    let mut docs: Vec<(String, String, Vec<Row>)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            eprintln!("{gold_path}: a row needs five or six columns: {line}");
            std::process::exit(2);
        }
        let row = (
            c[2].into(),
            c[3].into(),
            c[4].into(),
            c.get(5).unwrap_or(&"").to_string(),
        );
        // "-": a document with no time expression.
        let rows = if row.0 == "-" { vec![] } else { vec![row] };
        match docs.iter_mut().find(|d| d.0 == c[0]) {
            Some(d) => d.2.extend(rows),
            None => docs.push((c[0].into(), c[1].into(), rows)),
        }
    }
    let (mut dutch, mut english) = (Score::default(), Score::default());
    // Per language, per TIMEX3 type: a match counts for a type when both sides have it.
    let mut types: BTreeMap<(bool, String), Score> = BTreeMap::new();
    for (doc, dct, gold) in &docs {
        let system = found(doc, dct, &dirs);
        let is_english = doc.contains('/');
        let score = if is_english { &mut english } else { &mut dutch };
        score.gold += gold.len();
        score.found += system.len();
        for g in gold {
            types.entry((is_english, g.1.clone())).or_default().gold += 1;
        }
        for s in &system {
            types.entry((is_english, s.1.clone())).or_default().found += 1;
        }
        let mut used = vec![false; system.len()];
        for g in gold {
            // Without offsets, the words alone cannot tell two "maandag"s apart: an
            // overlapping expression that agrees in full is preferred to the first one.
            let free = |k: &usize| !used[*k] && overlaps(&system[*k].0, &g.0);
            let hit = (0..system.len())
                .filter(free)
                .find(|&k| system[k].1 == g.1 && system[k].2 == g.2 && system[k].3 == g.3)
                .or_else(|| (0..system.len()).find(free));
            let Some(k) = hit else {
                if verbose {
                    println!("{doc}\tmissed\t{}\t{} {} {}", g.0, g.1, g.2, g.3);
                }
                continue;
            };
            used[k] = true;
            let s = &system[k];
            score.relaxed += 1;
            score.strict += usize::from(s.0.to_lowercase() == g.0.to_lowercase());
            score.kind += usize::from(s.1 == g.1);
            score.value += usize::from(s.2 == g.2);
            score.modifier += usize::from(s.3 == g.3);
            if s.1 == g.1 {
                let t = types.entry((is_english, g.1.clone())).or_default();
                t.relaxed += 1;
                t.strict += usize::from(s.0.to_lowercase() == g.0.to_lowercase());
                t.kind += 1;
                t.value += usize::from(s.2 == g.2);
                t.modifier += usize::from(s.3 == g.3);
            }
            if verbose && (s.1 != g.1 || s.2 != g.2 || s.3 != g.3 || s.0 != g.0) {
                println!(
                    "{doc}\twrong\t{} | {} {} {}\tgold: {} | {} {} {}",
                    s.0, s.1, s.2, s.3, g.0, g.1, g.2, g.3
                );
            }
        }
        if verbose {
            for (k, s) in system.iter().enumerate().filter(|(k, _)| !used[*k]) {
                let _ = k;
                println!("{doc}\textra\t{}\t{} {} {}", s.0, s.1, s.2, s.3);
            }
        }
    }
    println!("TIMEX3 against {gold_path}:");
    for (english_rows, name, score) in [(false, "Dutch", &dutch), (true, "English", &english)] {
        score.print(name);
        for ((_, kind), t) in types.iter().filter(|((l, _), _)| *l == english_rows) {
            t.print(&format!("  {kind}"));
        }
    }
}
