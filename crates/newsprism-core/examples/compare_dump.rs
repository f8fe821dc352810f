//! Prints what the comparison finds in a set of files: similarity, story groups, quotes and
//! their speakers, clusters, the ledger, entities and distinctive words.
//!
//! `cargo run -p newsprism-core --example compare_dump -- ../shared/seeds/*.txt` (quotes and
//! what follows are printed for at most 12 articles, or for any number with `ALL=1`)

use newsprism_core::compare::similarity::DEFAULT_THRESHOLD;
use newsprism_core::corpus::Corpus;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| (p.rsplit('/').next().unwrap_or(p).to_string(), b))
        })
        .collect();
    let (corpus, errors) =
        Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    for e in errors {
        eprintln!("{e}");
    }
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let started = std::time::Instant::now();
    let c = corpus.compare(&ids);
    eprintln!("compared {} articles in {:?}", ids.len(), started.elapsed());
    let name = |i: usize| {
        corpus
            .get(c.articles[i])
            .map_or(String::new(), |a| a.file_name.clone())
    };
    let n = c.articles.len();
    if n <= 12 {
        println!("== similarity (combined / cosine / overlap)");
        for i in 0..n {
            let row: Vec<String> = (0..n)
                .map(|j| {
                    let s = c.similarity.pair(i, j);
                    format!("{:.2}/{:.2}/{:.2}", s.combined, s.cosine, s.overlap)
                })
                .collect();
            println!("{:>28} {}", name(i), row.join("  "));
        }
    }
    for t in [0.03, 0.04, DEFAULT_THRESHOLD, 0.06, 0.08, 0.1, 0.2] {
        let g: Vec<Vec<String>> = c
            .story_groups(t, 7)
            .into_iter()
            .filter(|g| g.len() > 1)
            .map(|g| g.into_iter().map(name).collect())
            .collect();
        println!(
            "groups at {t}: {} multi-article, e.g. {:?}",
            g.len(),
            g.iter().take(5).collect::<Vec<_>>()
        );
    }
    if n > 12 && std::env::var_os("ALL").is_none() {
        return;
    }
    println!("== quotes");
    for (i, q) in c.quotes.quotes.iter().enumerate() {
        println!(
            "{} {:?} [{}] {:?} — {:?} ({:?}) cluster {:?}",
            name(q.at.doc),
            q.style,
            if q.fragment { "frag" } else { "full" },
            q.at.text,
            q.speaker.as_ref().map(|s| &s.name),
            q.speaker.as_ref().map(|s| s.how),
            c.quotes.cluster_of[i]
        );
    }
    println!("== clusters");
    for cl in &c.quotes.clusters {
        println!("-- {:?} ({} parties)", cl.speaker, cl.parties);
        for r in &cl.renderings {
            let t: String = r
                .spans
                .iter()
                .map(|s| {
                    if s.hit {
                        format!("[{}]", s.text)
                    } else {
                        s.text.clone()
                    }
                })
                .collect();
            println!(
                "   {}: {t}   omitted {:?}",
                name(c.quotes.quotes[r.quote].at.doc),
                r.omitted
            );
        }
    }
    println!("== ledger");
    for g in &c.ledger.groups {
        println!(
            "-- {} conflict={} parties={}",
            c.ledger.group_title(g),
            g.conflict,
            g.parties
        );
        for &e in &g.entries {
            let q = &c.ledger.quantities[e];
            println!("   {}: {:?} = {} ", name(q.at.doc), q.at.text, q.value);
        }
    }
    println!("== entities");
    for e in &c.entities.entities {
        println!(
            "{:<40} {:<12} mentions {:?} quoted {:?} forms {:?}",
            e.name,
            e.kind.name(),
            e.mentions,
            e.quoted,
            e.forms
        );
    }
    println!("== only here");
    for (p, party) in c.parties.iter().enumerate() {
        let x = c.exclusive(p);
        let ents: Vec<&str> = x
            .entities
            .iter()
            .map(|&i| c.entities.entities[i].name.as_str())
            .collect();
        println!(
            "{}: {:?} / {} quotes / {} numbers",
            party.label,
            ents,
            x.quotes.len(),
            x.numbers.len()
        );
    }
    println!("== keyness");
    for (p, k) in c.keyness.per_party.iter().enumerate() {
        let w: Vec<String> = k
            .iter()
            .map(|k| format!("{}({},{},{:.1})", k.word, k.here, k.elsewhere, k.g2))
            .collect();
        println!("{}: {}", c.parties[p].label, w.join(" "));
    }
    println!("== alignment of all");
    let al = corpus.align(&ids);
    for (i, col) in al.columns.iter().enumerate() {
        println!("{}: {}", name(i), col.summary.describe());
        for s in &col.sentences {
            if s.relation != newsprism_core::compare::align::Relation::Unique {
                let l = &s.links[0];
                println!(
                    "   {:?} {:.2} -> {}#{}: {}",
                    s.relation,
                    l.score,
                    name(l.column),
                    l.sentence,
                    s.text.chars().take(90).collect::<String>()
                );
            }
        }
    }
}

#[allow(dead_code)]
fn debug_terms() {}
