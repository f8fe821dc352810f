//! How well saved web pages are read: the article text against snippets that a good extractor
//! must keep and must drop, and the publication date against the day the page was published.
//! `make bench-extract` runs it on `../shared/corpora/web-pages` (see its README):
//!
//! `cargo run --release -p newsprism-core --example extract_score -- ../shared/corpora/web-pages [--worst N] [--show]`
//!
//! `--show` prints, for every page, the snippets that were missed and the ones kept that should
//! have been dropped.
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: extract_score DIR [--worst N]");
        std::process::exit(2);
    };
    let worst: usize = args
        .iter()
        .position(|a| a == "--worst")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let load = |name: &str| -> BTreeMap<String, Value> {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| {
            eprintln!("{dir}/{name}: {e}");
            std::process::exit(2)
        });
        serde_json::from_str(&text).unwrap_or_else(|e| {
            eprintln!("{dir}/{name}: {e}");
            std::process::exit(2)
        })
    };

    // Text.
    let show = args.iter().any(|a| a == "--show");
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let (mut lost, mut unread, mut pages) = (Vec::new(), 0usize, 0usize);
    let mut time = Duration::ZERO;
    let mut per_page: Vec<(usize, String)> = Vec::new();
    for (url, item) in load("expected.json") {
        let file = item["file"].as_str().unwrap_or_default();
        let (text, _) = read(&format!("{dir}/pages/{file}"), &mut time);
        pages += 1;
        let text = text.unwrap_or_else(|| {
            unread += 1;
            String::new()
        });
        let with = strings(&item, "with");
        let without = strings(&item, "without");
        let found_with = with.iter().filter(|s| text.contains(s.as_str())).count();
        let found_without = without.iter().filter(|s| text.contains(s.as_str())).count();
        tp += found_with;
        fn_ += with.len() - found_with;
        fp += found_without;
        tn += without.len() - found_without;
        if found_with == 0 && !with.is_empty() {
            lost.push(file.to_string());
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
        per_page.push((
            errors,
            format!(
                "{file} ({url}): {} of {} kept, {} of {} dropped",
                found_with,
                with.len(),
                without.len() - found_without,
                without.len()
            ),
        ));
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    println!("web pages: {pages} ({dir}/expected.json); snippets: {tp} kept of {} to keep, {fp} kept of {} to drop", tp + fn_, fp + tn);
    println!("precision {precision:.3}  recall {recall:.3}  accuracy {:.3}  F1 {f1:.3}   (targets: F1 >= 0.93, precision >= 0.90)", ratio(tp + tn, tp + tn + fp + fn_));
    println!(
        "pages with nothing of the article: {} (of which not read at all: {unread})",
        lost.len()
    );
    if !lost.is_empty() {
        println!("  {}", lost.join(", "));
    }
    println!(
        "time: {:.2?} for {pages} pages, {:.2} ms a page",
        time,
        time.as_secs_f64() * 1e3 / pages.max(1) as f64
    );

    // Dates.
    let (mut right, mut none, mut wrong, mut total) = (0usize, Vec::new(), Vec::new(), 0usize);
    let mut date_time = Duration::ZERO;
    for item in load("dated.json").values() {
        let file = item["file"].as_str().unwrap_or_default();
        let expected = item["date"].as_str().unwrap_or_default();
        let (_, date) = read(&format!("{dir}/dated/{file}"), &mut date_time);
        total += 1;
        match date {
            Some(d) if d == expected => right += 1,
            Some(d) => wrong.push(format!("{file}: {d} (is {expected})")),
            None => none.push(format!("{file} ({expected})")),
        }
    }
    println!(
        "dates: right day on {right} of {total} pages ({:.3}; target >= 0.90), wrong on {}, none on {}",
        ratio(right, total),
        wrong.len(),
        none.len()
    );
    if worst > 0 {
        per_page.sort_by_key(|p| std::cmp::Reverse(p.0));
        println!("worst pages:");
        for (_, line) in per_page.iter().take(worst) {
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
