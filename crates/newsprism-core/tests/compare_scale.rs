//! Comparisons past the sizes where every pair is scored: the index of telling words must still
//! find the articles of one story and the renderings of one statement, and a short fragment
//! must not chain unrelated statements into one cluster.

use newsprism_core::article::Article;
use newsprism_core::compare::similarity::{ANY_TIME, DEFAULT_THRESHOLD, EVERY_PAIR_UP_TO};
use newsprism_core::compare::Comparison;
use newsprism_core::search::alias::AliasTable;
use newsprism_core::text::stem::Stemmers;

/// A made-up word, distinct for each number (letters only, so it reads as a word).
fn word(mut n: usize) -> String {
    let mut w = String::from("zo");
    loop {
        w.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    w.push_str("ber");
    w
}

fn article(name: &str, text: &str) -> Article {
    newsprism_core::ingest::parse_article(name, text.as_bytes())
        .map(|i| i.article)
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"))
}

/// Pairs of articles: the two of a pair tell one story in the same made-up words (the second
/// with one sentence fewer) and quote the same statements, each pair its own words.
fn pairs(count: usize, quotes: usize) -> Vec<Article> {
    let mut out = Vec::new();
    for p in 0..count {
        let w = |k: usize| word(p * 64 + k);
        for copy in 0..2 {
            let mut text = format!("Report {p} copy {copy}\n\n");
            let sentences = if copy == 0 { 6 } else { 5 };
            for s in 0..sentences {
                text.push_str(&format!(
                    "The {} of {} met the {} near {} on {}. ",
                    w(s * 5),
                    w(s * 5 + 1),
                    w(s * 5 + 2),
                    w(s * 5 + 3),
                    w(s * 5 + 4)
                ));
            }
            text.push_str("\n\n");
            for q in 0..quotes {
                let base = 32 + q * 6;
                text.push_str(&format!(
                    "\"The {} {} and the {} {} {} {}{},\" said Smith.\n\n",
                    w(base),
                    w(base + 1),
                    w(base + 2),
                    w(base + 3),
                    w(base + 4),
                    w(base + 5),
                    if copy == 0 { " today" } else { "" }
                ));
            }
            out.push(article(&format!("{p}-{copy}.txt"), &text));
        }
    }
    out
}

#[test]
fn past_every_pair_the_index_still_finds_each_story() {
    let articles = pairs(EVERY_PAIR_UP_TO / 2 + 20, 0);
    let refs: Vec<&Article> = articles.iter().collect();
    let n = refs.len();
    assert!(n > EVERY_PAIR_UP_TO);
    let c = Comparison::build(&refs, &AliasTable::default(), &Stemmers::default());
    assert!(!c.similarity.complete);
    // Far fewer pairs than all of them were scored.
    assert!(
        c.similarity.pairs_scored() * 20 < n * (n - 1) / 2,
        "{}",
        c.similarity.pairs_scored()
    );
    let groups = c
        .similarity
        .groups(DEFAULT_THRESHOLD, ANY_TIME, &vec![None; n]);
    let stories: Vec<Vec<usize>> = groups.into_iter().filter(|g| g.len() > 1).collect();
    assert_eq!(stories.len(), n / 2, "every pair is a story of its own");
    for g in stories {
        assert_eq!(g.len(), 2);
        assert_eq!(
            g[0] / 2,
            g[1] / 2,
            "a story joins the two copies of one report: {g:?}"
        );
    }
}

#[test]
fn past_every_pair_the_index_still_finds_each_statements_renderings() {
    // 2 × 210 articles with 5 quotations each: more than every pair is compared for.
    let articles = pairs(210, 5);
    let refs: Vec<&Article> = articles.iter().collect();
    let c = Comparison::build(&refs, &AliasTable::default(), &Stemmers::default());
    assert_eq!(c.quotes.quotes.len(), 2100);
    assert_eq!(c.quotes.clusters.len(), 1050);
    for cl in &c.quotes.clusters {
        let docs: Vec<usize> = cl
            .renderings
            .iter()
            .map(|r| c.quotes.quotes[r.quote].at.doc)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0] / 2,
            docs[1] / 2,
            "renderings of one report's statement: {docs:?}"
        );
    }
}

#[test]
fn a_short_fragment_does_not_chain_unrelated_statements() {
    // "gradual improvement in industry output" is contained in two statements that share
    // nothing else.
    let texts = [
        "One\n\nThe bank expects \"gradual improvement in industry output\" this year.",
        "Two\n\n\"We see gradual improvement in industry output, with exports to Asian markets rising, strong factory orders from car makers, new hiring in northern towns and cheaper energy for steel plants.\"",
        "Three\n\n\"Retail prices showed gradual improvement in industry output while household borrowing fell sharply in December, mortgage approvals dropped, consumer confidence weakened and shop rents climbed.\"",
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| article(&format!("{i}.txt"), t))
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    let c = Comparison::build(&refs, &AliasTable::default(), &Stemmers::default());
    assert_eq!(c.quotes.quotes.len(), 3);
    assert_eq!(c.quotes.clusters.len(), 1, "{:?}", c.quotes.clusters);
    assert_eq!(c.quotes.clusters[0].renderings.len(), 2);
}

#[test]
fn a_large_comparison_travels_in_pieces_and_comes_back_whole() {
    use newsprism_core::compare::remote::{ship, Assembly, Piece};
    // Past every pair (sparse rows), with quotes, clusters, numbers and keywords.
    let articles = pairs(EVERY_PAIR_UP_TO / 2 + 20, 2);
    let refs: Vec<&Article> = articles.iter().collect();
    let c = Comparison::build_parts(
        &refs,
        &AliasTable::default(),
        &Stemmers::default(),
        newsprism_core::compare::Parts::ALL,
    );
    assert!(!c.similarity.complete);
    let (skeleton, pieces) = ship(c.clone(), 7);
    assert!(pieces.len() > 100, "{} pieces", pieces.len());
    assert!(skeleton.quotes.quotes.is_empty());
    // Each piece as the page reads it: JSON text on its own.
    let skeleton: Comparison =
        serde_json::from_str(&serde_json::to_string(&skeleton).unwrap()).unwrap();
    let mut whole = Assembly::new(skeleton);
    for p in &pieces {
        whole.add(Piece::from_json(&p.to_json()).unwrap());
    }
    assert_eq!(whole.finish(), c);
}
