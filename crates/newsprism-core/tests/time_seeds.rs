//! The timeline against its spec: the gold table of every temporal expression in the seeds
//! (the seeds' rows of tests/gold/timex.tsv, in TIMEX3), plus what the "done when" names.

use newsprism_core::corpus::Corpus;
use newsprism_core::time::timeline::{analyse, Timeline};

mod common;

fn seeds() -> Corpus {
    common::seeds().0
}

/// (file prefix, expression, type, value, mod) rows of the gold table for the seeds.
type Row = (String, String, String, String, String);

fn gold() -> Vec<Row> {
    let path = format!("{}/tests/gold/timex.tsv", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .expect("the gold table")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 5, "a gold row has five or six columns: {l}");
            let m = c.get(5).unwrap_or(&"").to_string();
            (c[0].into(), c[2].into(), c[3].into(), c[4].into(), m)
        })
        // The seeds' rows: their documents are named by a three-digit prefix.
        .filter(|r: &Row| !r.0.contains('/'))
        .collect()
}

/// Every time expression the timeline finds in the seeds, as TIMEX3, matched with the gold
/// table on its words, type, value and modifier alike (`make bench-time` scores the looser
/// TempEval way, on both languages).
#[test]
fn precision_and_recall_against_the_gold_table_are_at_least_0_9() {
    let corpus = seeds();
    let mut found: Vec<Row> = Vec::new();
    for a in corpus.articles() {
        let prefix = a.file_name[..3].to_string();
        let time = analyse(a);
        // Placed by a named event: not a TIMEX3, and not in the table.
        for e in time
            .events
            .iter()
            .chain(time.other.iter())
            .filter(|e| e.anchor.is_none())
        {
            let t = e.timex();
            found.push((
                prefix.clone(),
                e.text.clone(),
                t.kind.to_string(),
                t.value,
                t.modifier.unwrap_or("").to_string(),
            ));
        }
    }
    let gold = gold();
    // Match as multisets: a row counts once per occurrence.
    let mut unmatched_gold = gold.clone();
    let mut correct = 0usize;
    let mut wrong = Vec::new();
    for f in &found {
        if let Some(i) = unmatched_gold.iter().position(|g| g == f) {
            unmatched_gold.remove(i);
            correct += 1;
        } else {
            wrong.push(f.clone());
        }
    }
    let precision = correct as f64 / found.len().max(1) as f64;
    let recall = correct as f64 / gold.len().max(1) as f64;
    println!(
        "temporal expressions in the seeds: {} gold, {} found, {} correct: precision {:.3}, recall {:.3}",
        gold.len(),
        found.len(),
        correct,
        precision,
        recall
    );
    for w in &wrong {
        println!("  found but not in the gold table (or with another value): {w:?}");
    }
    for g in &unmatched_gold {
        println!("  in the gold table but not found: {g:?}");
    }
    assert!(gold.len() >= 30, "the gold table lists every expression");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.9, "recall {recall:.3}");
}

#[test]
fn the_undated_seed_gets_an_inferred_date_with_its_evidence() {
    let corpus = seeds();
    let a = corpus
        .articles()
        .iter()
        .find(|a| a.file_name.starts_with("003"))
        .unwrap();
    assert!(
        a.pub_date.is_none(),
        "the file gives no date and none is invented"
    );
    let inferred = analyse(a).inferred.expect("an inferred date");
    assert_eq!(inferred.date.iso(), "2022-03-11");
    assert!(
        inferred.evidence.contains("vrijdag 11 maart"),
        "{}",
        inferred.evidence
    );
}

#[test]
fn mondays_visit_is_grouped_across_the_december_articles() {
    let corpus = seeds();
    let t = Timeline::build(corpus.articles());
    let mondays = t
        .groups
        .iter()
        .find(|g| g.key == "2022-11-28|2022-12-05|2022-12-12|2022-12-19|2022-12-26")
        .expect("a group of the possible Mondays");
    assert!(!mondays.certain);
    assert_eq!(mondays.articles, 2, "000 and 004 both mention Monday");
    assert_eq!(
        mondays.events.len(),
        4,
        "Maandag, maandagavond and twice maandag"
    );
    // February's invasion: "afgelopen februari", "in februari" twice, across 001 and 002.
    let february = t.groups.iter().find(|g| g.key == "2022-02").unwrap();
    assert_eq!(february.articles, 2);
    // Every article is on the publication track: four dated, 003 by inference.
    assert_eq!(
        t.publications.iter().filter(|p| p.span.is_some()).count(),
        5
    );
    assert_eq!(
        t.publications.iter().filter(|p| p.date.is_none()).count(),
        1
    );
}

#[test]
fn the_events_export_as_csv_and_json_with_every_row() {
    let corpus = seeds();
    let t = Timeline::build(corpus.articles());
    let csv = t.events_csv();
    // Every time expression: the placed ones and the durations, references and repetitions.
    let rows = t.events.len() + t.other.len();
    // Three placed by named events: "sinds de oorlog in Oekraïne", "sinds de grootschalige
    // invasie", "een jaar na het begin van de invasie".
    assert_eq!((t.events.len(), t.other.len()), (35, 24));
    assert_eq!(t.events.iter().filter(|e| e.anchor.is_some()).count(), 3);
    assert_eq!(csv.lines().count(), rows + 1);
    assert!(csv.starts_with(
        "article_id,title,source,published,paragraph,expression,type,value,timex,mod,start"
    ));
    // 003 is undated: the weekday placed "vrijdag 25 februari" in 2022.
    assert!(csv.contains(
        ",vrijdag 25 februari,DATE,2022-02-25,2022-02-25,,2022-02-25,2022-02-25,day,true,1,chose_year,past,"
    ));
    assert!(csv.contains(",ruim 70 jaar,DURATION,P70Y,P70Y,MORE_THAN,,,,,,,past,"));
    let json: serde_json::Value = serde_json::from_str(&t.events_json()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), rows);
    let first = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["expression"] == "Maandag")
        .unwrap();
    assert_eq!(first["type"], "DATE");
    assert_eq!(first["timex"], "XXXX-WXX-1");
    // TimeML from the events the timeline holds: five documents, four with a DCT, every
    // expression but the three placed by named events.
    let xml = t.timeml(corpus.articles());
    assert_eq!(xml.matches("<TimeML>").count(), 5);
    assert_eq!(xml.matches("</DCT>").count(), 4);
    assert_eq!(xml.matches("</TIMEX3>").count(), 4 + rows - 3);
}

#[test]
fn plans_forecasts_and_deadlines_are_not_evidence_of_when_an_undated_text_was_written() {
    // Shaped on BBC business reports of 2004–05 that named 2006–2050 as targets.
    for text in [
        "Mercedes sales fell in 2004 after a weak year.\n\nThe carmaker hopes to revive its fortunes by 2006.",
        "Sales fell in 2004.\n\nThe plant will deliver 8 million tonnes a year from 2011 onwards.",
        "Sales fell in 2004.\n\nThe government aims to halve poverty in 2015.",
        "De verkoop daalde in 2004.\n\nHet kabinet wil de uitstoot tegen 2030 halveren.",
    ] {
        let a = newsprism_core::ingest::parse_article("bericht.txt", text.as_bytes())
            .unwrap()
            .article;
        let inferred = analyse(&a).inferred.expect("an inferred date");
        assert_eq!(inferred.date.iso(), "2004", "{text}: {}", inferred.evidence);
    }
}

#[test]
fn the_chart_opens_on_the_publications_and_counts_what_lies_outside() {
    use newsprism_core::time::calendar::day_of;
    let corpus = seeds();
    let t = Timeline::build(corpus.articles());
    // The seeds were published Oct–Dec 2022 (003 inferred from March 2022 on); they mention
    // 1991, 1994 and 2020, which the whole extent reaches back to.
    let (s, e) = t.publication_extent().expect("dated seeds");
    assert!(
        s >= day_of(2022, 3, 1) && e <= day_of(2022, 12, 31),
        "{s} {e}"
    );
    let (all_s, _) = t.extent().expect("events");
    assert!(all_s <= day_of(1991, 12, 31));
    let out = t.outside(s, e);
    assert!(out.before >= 3, "{out:?}");
    let (ns, ne) = out.nearest_before.expect("an earlier date");
    assert!(ne < s && ns <= ne);
    // Nothing earlier than the nearest is nearer.
    assert!(t.groups.iter().filter(|g| g.end < s).all(|g| g.end <= ne));
    assert_eq!(t.outside(all_s, day_of(2100, 1, 1)).before, 0);
}

#[test]
fn dates_in_teasers_are_read_and_marked_as_asides_never_as_evidence() {
    let corpus = seeds();
    let a = corpus
        .articles()
        .iter()
        .find(|a| a.file_name.starts_with("004"))
        .unwrap();
    let time = analyse(a);
    // "KIJK. Beelden tonen de aankomst van Vladimir Poetin maandag in Wit-Rusland": furniture.
    let kijk = time
        .events
        .iter()
        .find(|e| a.paragraphs[e.paragraph].text.starts_with("KIJK"))
        .expect("the teaser's Monday is read");
    assert!(kijk.aside);
    assert!(time
        .events
        .iter()
        .filter(|e| !a.paragraphs[e.paragraph].text.starts_with("KIJK"))
        .all(|e| !e.aside || a.paragraphs[e.paragraph].kind.name() == "boilerplate"));
    // An undated article whose only date is in a caption gets no inferred date from it.
    let b = newsprism_core::ingest::parse_article(
        "caption.txt",
        "Kiev bereidt zich voor op de winter.\n\nFoto: ANP, 12 maart 2021\n\nDe stad koopt generatoren."
            .as_bytes(),
    )
    .unwrap()
    .article;
    let t = analyse(&b);
    assert!(t
        .events
        .iter()
        .any(|e| e.aside && e.text == "12 maart 2021"));
    assert!(t.inferred.is_none());
}

#[test]
fn a_weekday_the_month_leaves_open_is_settled_by_a_full_date_in_the_same_article() {
    let a = newsprism_core::ingest::parse_article(
        "bezoek.txt",
        " date 2022-12 Poetin kwam maandag aan in Minsk.\n\nHet bezoek van maandag 19 december was het eerste sinds 2019."
            .as_bytes(),
    )
    .unwrap()
    .article;
    let time = analyse(&a);
    let monday = time.events.iter().find(|e| e.text == "maandag").unwrap();
    let r = monday.resolution.as_ref().unwrap();
    assert_eq!(r.value, "2022-12-19");
    assert_eq!(
        r.settled_by.as_deref(),
        Some("“maandag 19 december” in the same article")
    );
    // Without the full date it stays one of five Mondays.
    let b = newsprism_core::ingest::parse_article(
        "bezoek.txt",
        " date 2022-12 Poetin kwam maandag aan in Minsk.".as_bytes(),
    )
    .unwrap()
    .article;
    let open = analyse(&b);
    assert_eq!(
        open.events[0].resolution.as_ref().unwrap().candidates.len(),
        5
    );
}
