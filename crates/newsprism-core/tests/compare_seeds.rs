//! Source comparison against the seeds: what the issue says the compare views must show,
//! written from the texts (story group, the Peskov cluster and its word differences, the
//! Lukashenko joke, the troop-number conflict, each article's exclusive names).

use newsprism_core::compare::align::Relation;
use newsprism_core::compare::numbers::Owner;
use newsprism_core::compare::similarity::{DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS};
use newsprism_core::compare::{Comparison, ExportPart};
use newsprism_core::corpus::Corpus;
use newsprism_core::export::ExportFormat;

mod common;

use common::seeds;

/// The comparison of all five, and a function from seed number ("000") to position.
fn compared() -> (Corpus, Comparison, Vec<String>) {
    let (corpus, _) = seeds();
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let c = corpus.compare(&ids);
    let files: Vec<String> = c
        .articles
        .iter()
        .map(|id| {
            corpus
                .get(*id)
                .map(|a| a.file_name[..3].to_string())
                .unwrap_or_default()
        })
        .collect();
    (corpus, c, files)
}

fn pos(files: &[String], seed: &str) -> usize {
    files.iter().position(|f| f == seed).expect("seed loaded")
}

#[test]
fn the_december_reports_of_the_minsk_visit_are_one_story() {
    let (_, c, files) = compared();
    let groups = c.story_groups(DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS);
    let mut december: Vec<&str> = groups[0].iter().map(|&i| files[i].as_str()).collect();
    december.sort();
    assert_eq!(december, ["000", "001", "004"]);
    // October's report and the undated one (inferred from March) stand alone.
    assert!(groups[1..].iter().all(|g| g.len() == 1));
    // The same texts without dates would be grouped by text alone: the window is what splits.
    let undated = vec![None; c.articles.len()];
    let by_text = c
        .similarity
        .groups(DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, &undated);
    assert!(by_text[0].len() >= 2);
}

#[test]
fn peskovs_dismissal_is_one_cluster_of_three_renderings_with_their_differences() {
    let (_, c, files) = compared();
    let q = &c.quotes;
    let cluster = q
        .clusters
        .iter()
        .find(|cl| cl.speaker.as_deref().is_some_and(|s| s.contains("Peskov")))
        .expect("a Peskov cluster");
    let mut by_seed: Vec<(String, String, String)> = cluster
        .renderings
        .iter()
        .map(|r| {
            let quote = &q.quotes[r.quote];
            let marked: Vec<String> = r
                .spans
                .iter()
                .filter(|s| s.hit)
                .map(|s| s.text.clone())
                .collect();
            (
                files[quote.at.doc].clone(),
                quote.at.text.clone(),
                marked.join("|"),
            )
        })
        .collect();
    by_seed.sort();
    let want = [
        ("000", "volstrekt domme en ongegronde verzinsels.", ""),
        (
            "001",
            "Totaal stomme, ongegronde verzinsels",
            "Totaal stomme",
        ),
        ("004", "domme en ongegronde fantasieën", "fantasieën"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(by_seed, want);
    assert_eq!(cluster.parties, 3);
}

#[test]
fn the_co_aggressors_joke_is_quoted_by_two_and_credited_to_lukashenko() {
    let (_, c, files) = compared();
    let q = &c.quotes;
    let cluster = q
        .clusters
        .iter()
        .find(|cl| {
            cl.renderings
                .iter()
                .any(|r| q.quotes[r.quote].at.text.contains("giftige mensen"))
        })
        .expect("the joke clustered");
    let mut seeds: Vec<&str> = cluster
        .renderings
        .iter()
        .map(|r| files[q.quotes[r.quote].at.doc].as_str())
        .collect();
    seeds.sort();
    seeds.dedup(); // 000 also heads a section with it: ‘Giftige mensen’
    assert_eq!(seeds, ["000", "001"]);
    assert_eq!(cluster.speaker.as_deref(), Some("Aleksandr Loekasjenko"));
}

#[test]
fn speakers_are_attributed_as_the_texts_say() {
    let (_, c, _) = compared();
    let speaker_of = |start: &str| -> Option<String> {
        c.quotes
            .quotes
            .iter()
            .find(|q| q.at.text.starts_with(start))
            .unwrap_or_else(|| panic!("quote {start:?} found"))
            .speaker
            .as_ref()
            .and_then(|s| c.quotes.speaker_name(&s.key))
    };
    let cases = [
        ("Loekasjenko kan de regionale", "Artjom Schraibman"), // „…”, aldus Schraibman
        ("Totaal stomme", "Dmitri Peskov"),                    // ,,…”, aldus Peskov
        ("domme en ongegronde fantasieën", "Dmitri Peskov"),   // “…”, zei Kremlin-woordvoerder …
        ("Poetin heeft een imperiaal", "Eva Hartog"),          // "…", zegt Rusland-correspondent …
        ("Voor Belarus zou dat", "Eva Hartog"),                // "…", zegt correspondent Hartog
        ("Belarus wil die onafhankelijkheid", "Michael Kemper"), // Kemper: "…"
        ("Hij en ik hebben", "Aleksandr Loekasjenko"),         // "…", zei Loekasjenko
        ("Sinds twee dagen", "Aleksandr Loekasjenko"),         // voegde hij eraan toe
    ];
    for (start, who) in cases {
        assert_eq!(speaker_of(start).as_deref(), Some(who), "{start}");
    }
    // Nobody is named for the tweet.
    assert_eq!(speaker_of("Belarus is het enige land"), None);
}

#[test]
fn the_troop_figures_conflict_and_belarus_own_army_is_kept_apart() {
    let (_, c, files) = compared();
    let l = &c.ledger;
    let russian = l
        .groups
        .iter()
        .find(|g| g.thing_key == "troepen" && g.owner.as_ref().map(Owner::name) == Some("Rusland"))
        .expect("Russian troops group");
    assert!(russian.conflict);
    let exact: Vec<(String, String)> = russian
        .entries
        .iter()
        .map(|&e| &l.quantities[e])
        .filter(|q| !q.approx)
        .map(|q| (files[q.at.doc].clone(), q.at.text.clone()))
        .collect();
    assert!(exact.contains(&("004".into(), "9.000 Russische troepen".into())));
    assert!(exact.contains(&("001".into(), "10.000 tot 15.000 soldaten".into())));
    for &e in &russian.entries {
        assert!(!l.quantities[e].at.sentence.is_empty());
    }
    // 45.000 man: Belarus's own army, never in the Russian group, never a conflict.
    let army = l
        .groups
        .iter()
        .find(|g| {
            g.entries
                .iter()
                .any(|&e| l.quantities[e].at.text == "45.000 man")
        })
        .expect("45.000 man");
    assert_ne!(army.owner.as_ref().map(Owner::name), Some("Rusland"));
    assert!(!army.conflict);
    for want in [
        "zevenhonderd raketten",
        "4 procent",
        "80.000 eigen soldaten",
    ] {
        assert!(
            l.quantities.iter().any(|q| q.at.text == want),
            "{want} in the ledger"
        );
    }
}

#[test]
fn each_article_has_the_names_only_it_mentions() {
    let (_, c, files) = compared();
    let only = |seed: &str| -> Vec<String> {
        let party = c.party_of[pos(&files, seed)];
        c.exclusive(party)
            .entities
            .iter()
            .map(|&i| c.entities.entities[i].name.clone())
            .collect()
    };
    assert!(only("000").contains(&"Artjom Schraibman".to_string()));
    assert!(only("001").contains(&"Konrad Muzyka".to_string()));
    assert!(only("003").contains(&"Eva Hartog".to_string()));
    assert!(only("003").contains(&"Michael Kemper".to_string()));
    // Putin is everywhere, in either spelling of Belarus.
    let putin = c
        .entities
        .entities
        .iter()
        .find(|e| e.name.contains("Poetin"))
        .expect("Putin");
    assert_eq!(putin.party_count(), 5);
    let hartog = c
        .entities
        .entities
        .iter()
        .find(|e| e.name == "Eva Hartog")
        .unwrap();
    assert_eq!(hartog.kind.name(), "person");
    assert!(hartog.quoted.total() >= 4);
}

#[test]
fn side_by_side_links_the_peskov_sentences_and_sums_to_one_hundred() {
    let (corpus, c, files) = compared();
    let ids = [
        c.articles[pos(&files, "000")],
        c.articles[pos(&files, "004")],
    ];
    let al = corpus.align(&ids);
    let peskov = al.columns[0]
        .sentences
        .iter()
        .find(|s| s.text.contains("volstrekt domme"))
        .expect("the sentence");
    assert_ne!(peskov.relation, Relation::Unique);
    let partner = &al.columns[1].sentences[peskov.links[0].sentence];
    assert!(partner.text.contains("fantasieën"), "{}", partner.text);
    for col in &al.columns {
        let (s, p, u) = col.summary.percentages();
        assert_eq!(s + p + u, 100);
        assert!(u > 50, "most of each report is its own");
    }
}

#[test]
fn exports_hold_every_row() {
    let (corpus, c, _) = compared();
    let labels = c.party_labels();
    let titles: Vec<String> = c
        .articles
        .iter()
        .map(|id| corpus.get(*id).unwrap().title.clone())
        .collect();
    let quotes_csv = c.quotes.to_csv(&labels, &titles);
    assert_eq!(quotes_csv.lines().count(), c.quotes.quotes.len() + 1);
    let ledger_csv = c.ledger.to_csv(&labels, &titles);
    assert_eq!(ledger_csv.lines().count(), c.ledger.quantities.len() + 1);
    let entities_csv = c.entities.to_csv(&labels);
    assert_eq!(entities_csv.lines().count(), c.entities.entities.len() + 1);
    let sim_csv = c.similarity.to_csv(&titles);
    assert_eq!(sim_csv.lines().count(), 1 + 5 * 4 / 2);
    for json in [
        c.quotes.to_json(&labels, &titles),
        c.ledger.to_json(&labels, &titles),
        c.entities.to_json(&labels),
        c.similarity.to_json(&titles),
    ] {
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert!(!v.is_null());
    }
    // The one door the views use gives the same files, and no table as SVG.
    assert_eq!(
        c.export(ExportPart::Quotes, ExportFormat::Csv, &titles),
        Some(quotes_csv)
    );
    assert_eq!(
        c.export(ExportPart::Ledger, ExportFormat::Json, &titles),
        Some(c.ledger.to_json(&labels, &titles))
    );
    assert_eq!(
        c.export(ExportPart::Similarity, ExportFormat::Svg, &titles),
        None
    );
}

#[test]
fn a_scope_is_everything_the_newest_a_query_s_matches_or_the_picked_articles() {
    use newsprism_core::compare::Scope;
    let (corpus, _) = seeds();
    let all = corpus.compare_scope(&Scope::All, true, 60);
    assert_eq!((all.ids.len(), all.eligible, all.missing), (5, 5, 0));
    // Over the limit: the newest three, undated last.
    let newest = corpus.compare_scope(&Scope::All, true, 3);
    assert_eq!(newest.eligible, 5);
    assert_eq!(newest.ids, all.ids[..3].to_vec());
    let dates: Vec<_> = newest
        .ids
        .iter()
        .map(|id| corpus.get(*id).and_then(|a| a.pub_date.as_ref()).is_some())
        .collect();
    assert_eq!(dates, [true, true, true]);
    // A query: exactly the articles that mention the joke's word, in library order.
    let q = corpus.compare_scope(&Scope::Matching("giftige".into()), true, 60);
    let with_word: Vec<_> = all
        .ids
        .iter()
        .copied()
        .filter(|id| {
            corpus
                .get(*id)
                .is_some_and(|a| a.paragraphs.iter().any(|p| p.text.contains("giftige")))
        })
        .collect();
    assert_eq!(with_word.len(), 2);
    assert_eq!((q.ids.clone(), q.eligible), (with_word, 2));
    // Aliases: Putin finds the Dutch "Poetin" articles only with aliases on.
    assert_eq!(
        corpus
            .compare_scope(&Scope::Matching("Putin".into()), true, 60)
            .eligible,
        5
    );
    assert_eq!(
        corpus
            .compare_scope(&Scope::Matching("Putin".into()), false, 60)
            .eligible,
        0
    );
    // Picked: duplicates and articles no longer loaded are dropped and counted.
    let gone = newsprism_core::ArticleId(42);
    let picked = corpus.compare_scope(
        &Scope::Picked(vec![all.ids[3], all.ids[1], all.ids[3], gone]),
        true,
        60,
    );
    assert_eq!(picked.ids, vec![all.ids[1], all.ids[3]]);
    assert_eq!((picked.eligible, picked.missing), (2, 1));
}

#[test]
fn distinctive_words_are_measured_against_the_whole_corpus_once_it_is_counted() {
    use newsprism_core::compare::keyness::Background;
    let mut corpus = Corpus::new();
    let texts = [
        ("a.txt", " date 2022-12-01 Het gas werd duurder. Gas, gas en nog eens gas: de regering sprak in Minsk over de prijs."),
        ("b.txt", " date 2022-12-02 De troepen bleven in Minsk. De regering sprak over troepen en nog eens troepen."),
        ("c.txt", " date 2022-12-03 Gas uit Rusland. Het gas stroomt weer, het gas is goedkoper, zegt de regering over gas."),
        ("d.txt", " date 2022-12-04 Gas en olie. Meer gas, minder olie: gas blijft de grootste post van de regering."),
    ];
    let mut ids = Vec::new();
    for (name, text) in texts {
        match corpus
            .add_files(vec![(name.to_string(), Ok(text.as_bytes().to_vec()))])
            .remove(0)
        {
            newsprism_core::corpus::FileOutcome::Added { id, .. } => ids.push(id),
            other => panic!("{name} not added: {other:?}"),
        }
    }
    let c = corpus.compare(&ids[..2]);
    let a = c
        .articles
        .iter()
        .position(|id| *id == ids[0])
        .expect("compared");
    let gas = |k: &[newsprism_core::compare::keyness::Keyword]| k.iter().any(|w| w.word == "gas");
    // Against the other compared article only, "gas" is what sets a apart.
    assert!(
        gas(&c.keyness.per_article[a]),
        "{:?}",
        c.keyness.per_article[a]
    );
    assert_eq!(c.keyness.reference, 2);
    // Against the whole corpus, where c and d write about gas too, it is not.
    let mut bg = Background::new();
    for id in &ids {
        bg.add(*id, &corpus.word_counts(*id).expect("loaded"));
    }
    let whole = c.keyness_against(&bg);
    assert_eq!(whole.reference, 4);
    assert!(!gas(&whole.per_article[a]), "{:?}", whole.per_article[a]);
    // "troepen" stays b's word either way.
    let b = 1 - a;
    assert!(whole.per_article[b].iter().any(|w| w.word == "troepen"));
    // Taking c and d out of the background gives the compared set's own measure back.
    assert!(bg.remove(ids[2]) && bg.remove(ids[3]) && !bg.remove(ids[3]));
    assert_eq!(c.keyness_against(&bg), c.keyness);
}

#[test]
fn a_view_gets_the_parts_it_asks_for_and_the_same_similarity() {
    use newsprism_core::compare::Parts;
    let (corpus, _) = common::seeds();
    let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
    let all = corpus.compare(&ids);
    let groups = corpus.compare_parts(&ids, Parts::SIMILARITY);
    assert_eq!(groups.similarity, all.similarity);
    assert_eq!(groups.story_groups(0.05, 7), all.story_groups(0.05, 7));
    assert!(groups.quotes.quotes.is_empty() && groups.ledger.quantities.is_empty());
    assert!(!all.quotes.quotes.is_empty() && !all.ledger.quantities.is_empty());
    let quotes = corpus.compare_parts(
        &ids,
        Parts {
            quotes: true,
            ..Parts::SIMILARITY
        },
    );
    assert_eq!(quotes.quotes, all.quotes);
    assert_eq!(quotes.entities, all.entities);
    assert!(quotes.keyness.per_party.is_empty());
}
