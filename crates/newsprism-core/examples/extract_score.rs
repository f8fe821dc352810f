//! How well saved web pages are read: the article text against snippets that a good extractor
//! must keep and must drop, and the publication date against the day the page was published.
//! `make bench-extract` runs it on `../shared/corpora/web-pages` (see its README):
//!
//! `cargo run --release -p newsprism-core --example extract_score -- ../shared/corpora/web-pages [--worst N] [--show]`
//!
//! `--show` prints, for every page, the snippets that were missed and the ones kept that should
//! have been dropped. `--peers FILE` adds the peer extractors' text and dates, as
//! `bench/extract_peers.py` writes them, scored the same way, in one table with time ratios.
//!
//! Scoring as trafilatura's and htmldate's evaluations do: over all snippets of all pages, a
//! `with` snippet found in the extracted text is a true positive and one missing a false
//! negative; a `without` snippet found is a false positive and one absent a true negative. The
//! text is the article's headline (when the page gives one) and its paragraphs except site
//! furniture and captions (which the reader keeps, marked as captions, never as body), with white space collapsed and soft hyphens
//! removed on both sides (the reader removes them, as the issue asks). A page is "lost" when none of
//! its `with` snippets is found. Dates: the exact day, on `dated.json`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use newsprism_core::article::{ParagraphKind, TitleKind};
use newsprism_core::ingest::parse_article;
use serde_json::Value;

fn collapse(s: &str) -> String {
    s.replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The article text a page yields, and its publication date (ISO, as precise as read).
fn read(path: &str, time: &mut Duration) -> (Option<String>, Option<String>) {
    let Ok(bytes) = std::fs::read(path) else {
        return (None, None);
    };
    let name = path.rsplit('/').next().unwrap_or(path);
    let started = Instant::now();
    let read = parse_article(name, &bytes);
    *time += started.elapsed();
    match read {
        Ok(ingested) => {
            let a = ingested.article;
            let headline = (a.title_kind == TitleKind::Headline).then_some(a.title.as_str());
            let text: Vec<&str> = headline
                .into_iter()
                .chain(
                    a.paragraphs
                        .iter()
                        .filter(|p| p.kind.is_content() && p.kind != ParagraphKind::Caption)
                        .map(|p| p.text.as_str()),
                )
                .collect();
            let date = a.pub_date.map(|d| d.date.iso());
            (Some(collapse(&text.join("\n"))), date)
        }
        Err(_) => (None, None),
    }
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
        .unwrap_or_default()
}

/// Snippet counts over all pages, and the pages where nothing of the article was found.
#[derive(Default)]
struct Score {
    tp: usize,
    fn_: usize,
    fp: usize,
    tn: usize,
    lost: Vec<String>,
    /// Per page: errors and a line saying what was kept and dropped.
    per_page: Vec<(usize, String)>,
}

impl Score {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }

    /// Precision, recall, accuracy and F1.
    fn figures(&self) -> (f64, f64, f64, f64) {
        let p = Self::ratio(self.tp, self.tp + self.fp);
        let r = Self::ratio(self.tp, self.tp + self.fn_);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let all = self.tp + self.tn + self.fp + self.fn_;
        (p, r, Self::ratio(self.tp + self.tn, all), f1)
    }
}

/// Scores each page's text (`text_of(file)`) against its snippets; `show` prints the misses.
fn score(
    expected: &BTreeMap<String, Value>,
    show: bool,
    mut text_of: impl FnMut(&str) -> String,
) -> Score {
    let mut sc = Score::default();
    for (url, item) in expected {
        let file = item["file"].as_str().unwrap_or_default();
        let text = collapse(&text_of(file));
        let with = strings(item, "with");
        let without = strings(item, "without");
        let found_with = with.iter().filter(|s| text.contains(s.as_str())).count();
        let found_without = without.iter().filter(|s| text.contains(s.as_str())).count();
        sc.tp += found_with;
        sc.fn_ += with.len() - found_with;
        sc.fp += found_without;
        sc.tn += without.len() - found_without;
        if found_with == 0 && !with.is_empty() {
            sc.lost.push(file.to_string());
        }
        let errors = with.len() - found_with + found_without;
        if show && errors > 0 {
            println!("== {file}");
            for s in with.iter().filter(|s| !text.contains(s.as_str())) {
                println!("  missed: {}", s.chars().take(120).collect::<String>());
            }
            for s in without.iter().filter(|s| text.contains(s.as_str())) {
                println!("  kept:   {}", s.chars().take(120).collect::<String>());
            }
        }
        sc.per_page.push((
            errors,
            format!(
                "{file} ({url}): {found_with} of {} kept, {} of {} dropped",
                with.len(),
                without.len() - found_without,
                without.len()
            ),
        ));
    }
    sc
}

/// Right, wrong and missing days over the dated pages (`date_of(file)`).
fn score_dates(
    dated: &BTreeMap<String, Value>,
    mut date_of: impl FnMut(&str) -> Option<String>,
) -> (usize, Vec<String>, Vec<String>) {
    let (mut right, mut wrong, mut none) = (0usize, Vec::new(), Vec::new());
    for item in dated.values() {
        let file = item["file"].as_str().unwrap_or_default();
        let expected = item["date"].as_str().unwrap_or_default();
        match date_of(file) {
            Some(d) if d == expected => right += 1,
            Some(d) => wrong.push(format!("{file}: {d} (is {expected})")),
            None => none.push(format!("{file} ({expected})")),
        }
    }
    (right, wrong, none)
}

/// One row of the side-by-side table.
fn row(name: &str, sc: &Score, dates: Option<f64>, ms: f64, ours_ms: f64) {
    let (p, r, a, f1) = sc.figures();
    let dates = dates.map_or("-".to_string(), |d| format!("{d:.3}"));
    println!(
        "| {name} | {p:.3} | {r:.3} | {a:.3} | {f1:.3} | {} | {dates} | {ms:.2} ms | {:.1}x |",
        sc.lost.len(),
        ms / ours_ms
    );
}

/// Rounds timed; the fastest counts (bench/extract_peers.py does the same for the peers).
const ROUNDS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: extract_score DIR [--worst N] [--show] [--peers FILE]");
        std::process::exit(2);
    };
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let worst: usize = option("--worst").and_then(|n| n.parse().ok()).unwrap_or(0);
    let show = args.iter().any(|a| a == "--show");
    let load = |path: &str| -> BTreeMap<String, Value> {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        });
        serde_json::from_str(&text).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        })
    };
    let expected = load(&format!("{dir}/expected.json"));
    let dated = load(&format!("{dir}/dated.json"));

    // Text.
    let (mut time, mut unread) = (Duration::ZERO, 0usize);
    let mut ours = score(&expected, show, |file| {
        read(&format!("{dir}/pages/{file}"), &mut time)
            .0
            .unwrap_or_else(|| {
                unread += 1;
                String::new()
            })
    });
    let pages = expected.len();
    let (p, r, a, f1) = ours.figures();
    println!(
        "web pages: {pages} ({dir}/expected.json); snippets: {} kept of {} to keep, {} kept of {} to drop",
        ours.tp,
        ours.tp + ours.fn_,
        ours.fp,
        ours.fp + ours.tn
    );
    println!("precision {p:.3}  recall {r:.3}  accuracy {a:.3}  F1 {f1:.3}   (targets: F1 >= 0.93, precision >= 0.90)");
    println!(
        "pages with nothing of the article: {} (of which not read at all: {unread})",
        ours.lost.len()
    );
    if !ours.lost.is_empty() {
        println!("  {}", ours.lost.join(", "));
    }
    // Time: the fastest of a few rounds (the first one is the scoring pass), as for the peers,
    // so that a busy moment on the machine does not decide the ratio.
    let mut rounds = vec![time];
    while rounds.len() < ROUNDS {
        let mut t = Duration::ZERO;
        for item in expected.values() {
            let file = item["file"].as_str().unwrap_or_default();
            read(&format!("{dir}/pages/{file}"), &mut t);
        }
        rounds.push(t);
    }
    let time = rounds.iter().copied().min().unwrap_or(time);
    let ours_ms = time.as_secs_f64() * 1e3 / pages.max(1) as f64;
    let all: Vec<String> = rounds.iter().map(|r| format!("{r:.2?}")).collect();
    println!(
        "time: {time:.2?} for {pages} pages, {ours_ms:.2} ms a page (fastest of {ROUNDS} rounds: {})",
        all.join(", ")
    );

    // Dates.
    let mut date_time = Duration::ZERO;
    let (right, wrong, none) = score_dates(&dated, |file| {
        read(&format!("{dir}/dated/{file}"), &mut date_time).1
    });
    let total = dated.len();
    let ours_dates = Score::ratio(right, total);
    println!(
        "dates: right day on {right} of {total} pages ({ours_dates:.3}; target >= 0.90), wrong on {}, none on {}",
        wrong.len(),
        none.len()
    );

    // Peers.
    if let Some(path) = option("--peers") {
        let peers = load(path);
        println!();
        println!("| extractor | precision | recall | accuracy | F1 | pages lost | dates right | time a page | time vs Newsprism |");
        println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        row("Newsprism", &ours, Some(ours_dates), ours_ms, ours_ms);
        for (name, peer) in &peers {
            let Some(texts) = peer["pages"].as_object() else {
                continue;
            };
            let sc = score(&expected, false, |file| {
                texts
                    .get(file)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            });
            let ms = peer["seconds"].as_f64().unwrap_or(0.0) * 1e3 / pages.max(1) as f64;
            row(name, &sc, None, ms, ours_ms);
        }
        if let Some(dates) = peers.get("htmldate").and_then(|h| h["dates"].as_object()) {
            let (right, _, _) = score_dates(&dated, |file| {
                dates
                    .get(file)
                    .and_then(Value::as_str)
                    .filter(|d| !d.is_empty())
                    .map(String::from)
            });
            let ms =
                peers["htmldate"]["seconds"].as_f64().unwrap_or(0.0) * 1e3 / total.max(1) as f64;
            println!(
                "| htmldate (fast, dates only) | - | - | - | - | - | {:.3} | {ms:.2} ms | - |",
                Score::ratio(right, total)
            );
        }
    }

    if worst > 0 {
        ours.per_page.sort_by_key(|p| std::cmp::Reverse(p.0));
        println!("worst pages:");
        for (_, line) in ours.per_page.iter().take(worst) {
            println!("  {line}");
        }
        println!("wrong dates:");
        for line in wrong.iter().take(worst) {
            println!("  {line}");
        }
        println!("no date:");
        for line in none.iter().take(worst) {
            println!("  {line}");
        }
    }
}
