//! Times a comparison over every article of a folder, phase by phase, at several sizes (the
//! folder's articles and distinct copies of them, as `bench/bbc-copies.mjs` makes them):
//! `cargo run --release -p newsprism-core --example compare_scale -- ../shared/corpora/bbc 60,2126`.
//! With `EVERY_PAIR=1`, sizes past the limits are also compared pair by pair, and what the index
//! of telling words finds is scored against that; with `DUMP=1` too, the two largest quote
//! clusters are printed; with `SIZE=1`, the size of the comparison as the analysis worker sends it
//! (JSON) and the time to write and read it; with `OTHER_TABS=1`, the ledger's and the keywords'
//! comparisons too.
use std::time::Instant;

use newsprism_core::compare::similarity::{
    Similarity, DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, EVERY_PAIR_UP_TO,
};
use newsprism_core::compare::{DocCache, Parts};
use newsprism_core::corpus::Corpus;

mod common;
use common::{batch, copy_of, dir_and_numbers};

fn main() {
    let (dir, sizes) = dir_and_numbers("60,2225");
    let base = batch(&dir);
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let files: Vec<_> = (0..largest.div_ceil(base.len().max(1)))
        .flat_map(|k| copy_of(&base, k))
        .collect();
    let mut corpus = Corpus::new();
    corpus.add_files(files);
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    println!("{} articles loaded", ids.len());
    for &n in &sizes {
        let n = n.min(ids.len());
        let chosen = &ids[..n];
        let mut cache = DocCache::new();
        let t = Instant::now();
        let similarity = corpus.compare_cached(chosen, Parts::SIMILARITY, &mut cache);
        let took_similarity = t.elapsed();
        let t = Instant::now();
        let groups = similarity.story_groups(DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS);
        let took_groups = t.elapsed();
        let t = Instant::now();
        let all = corpus.compare_cached(
            chosen,
            Parts {
                quotes: true,
                numbers: false,
                words: false,
            },
            &mut cache,
        );
        let took_quotes = t.elapsed();
        if std::env::var_os("OTHER_TABS").is_some() {
            // The other tabs' parts, each on the readings kept: the ledger, then keywords.
            for (what, parts) in [
                (
                    "numbers (ledger)",
                    Parts {
                        quotes: false,
                        numbers: true,
                        words: false,
                    },
                ),
                (
                    "words (keywords)",
                    Parts {
                        quotes: false,
                        numbers: false,
                        words: true,
                    },
                ),
            ] {
                let t = Instant::now();
                let c = corpus.compare_cached(chosen, parts, &mut cache);
                println!(
                    "{n:>7} articles, {what}: {:.2?} ({} quantities, {} keyword lists)",
                    t.elapsed(),
                    c.ledger.quantities.len(),
                    c.keyness.per_article.len()
                );
            }
        }
        if std::env::var_os("SIZE").is_some() {
            // What the analysis worker sends the page: the comparison as JSON.
            let t = Instant::now();
            let json = serde_json::to_string(&all).unwrap_or_default();
            let wrote = t.elapsed();
            let t = Instant::now();
            let back: Option<newsprism_core::compare::Comparison> =
                serde_json::from_str(&json).ok();
            println!(
                "comparison as JSON: {} bytes, written in {wrote:.2?}, read in {:.2?}{}",
                json.len(),
                t.elapsed(),
                if back.as_ref() == Some(&all) {
                    ""
                } else {
                    " (NOT the same when read back)"
                }
            );
        }
        println!(
            "{n:>7} articles: reading + similarity + groups {took_similarity:>10.2?} (story groups alone, \
             as the page draws them: {took_groups:.2?}; {} groups of 2+, \
             {} pairs scored); then with quotes, names and clusters too (readings kept) {took_quotes:>10.2?} ({} quotes, {} \
             clusters); peak memory so far {}",
            groups.iter().filter(|g| g.len() > 1).count(),
            similarity.similarity.pairs_scored(),
            all.quotes.quotes.len(),
            all.quotes.clusters.len(),
            peak()
        );
        if n > EVERY_PAIR_UP_TO && std::env::var_os("EVERY_PAIR").is_some() {
            // What the candidate index misses: the same groups with every pair scored.
            let articles: Vec<_> = chosen.iter().filter_map(|&id| corpus.get(id)).collect();
            let (docs, _) = cache.docs(&articles, corpus.aliases(), corpus.index().stemmers());
            let t = Instant::now();
            let every = Similarity::build_every_pair(&docs);
            let took = t.elapsed();
            let exact = every.groups(DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, &similarity.when);
            let (found, want, kept) = agreement(&groups, &exact);
            println!(
                "         every pair scored: {took:.2?}, {} pairs against {} from the index; \
                 same-group pairs: {kept} of {want} found with the index ({:.3}), {} of {found} \
                 index pairs also in every-pair groups",
                n * (n - 1) / 2,
                similarity.similarity.pairs_scored(),
                kept as f64 / want.max(1) as f64,
                kept
            );
            let names = newsprism_core::compare::names::NameContext::new(&docs);
            let parties = vec![0; docs.len()];
            let report = newsprism_core::compare::quotes::QuoteReport::build(
                &docs,
                &parties,
                &names,
                corpus.aliases(),
            );
            let t = Instant::now();
            if std::env::var_os("DUMP").is_some() {
                dump(&report);
            }
            let every = report.clusters_every_pair(&docs);
            let took = t.elapsed();
            let with_index: Vec<Vec<usize>> = report
                .clusters
                .iter()
                .map(|c| c.renderings.iter().map(|r| r.quote).collect())
                .collect();
            let (found, want, kept) = agreement(&with_index, &every);
            println!(
                "         quotations, every pair compared: {took:.2?}, {} clusters against {}; \
                 same-cluster pairs: {kept} of {want} found with the index ({:.3}), {kept} of \
                 {found} index pairs also in every-pair clusters; largest clusters {:?} against {:?}",
                every.len(),
                with_index.len(),
                kept as f64 / want.max(1) as f64,
                biggest(&with_index),
                biggest(&every),
            );
        }
    }
}

/// How many same-group pairs `found` and `exact` hold, and how many they share.
fn agreement(found: &[Vec<usize>], exact: &[Vec<usize>]) -> (usize, usize, usize) {
    let pairs = |g: &[Vec<usize>]| -> std::collections::HashSet<(usize, usize)> {
        g.iter()
            .flat_map(|g| {
                g.iter()
                    .flat_map(move |&a| g.iter().filter(move |&&b| a < b).map(move |&b| (a, b)))
            })
            .collect()
    };
    let (f, e) = (pairs(found), pairs(exact));
    (f.len(), e.len(), f.intersection(&e).count())
}

/// The sizes of the three largest clusters.
fn biggest(clusters: &[Vec<usize>]) -> Vec<usize> {
    let mut sizes: Vec<usize> = clusters.iter().map(Vec::len).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.truncate(3);
    sizes
}

fn dump(report: &newsprism_core::compare::quotes::QuoteReport) {
    let mut cl: Vec<_> = report.clusters.iter().collect();
    cl.sort_by_key(|c| std::cmp::Reverse(c.renderings.len()));
    for c in cl.iter().take(2) {
        println!(
            "--- cluster of {} (speaker {:?})",
            c.renderings.len(),
            c.speaker
        );
        for r in c.renderings.iter().take(25) {
            let q = &report.quotes[r.quote];
            println!(
                "   [{}] {:?} — {:?}",
                q.at.doc,
                q.at.text,
                q.speaker.as_ref().map(|s| &s.key)
            );
        }
    }
}

/// The process's peak resident memory (Linux), or "unknown".
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
