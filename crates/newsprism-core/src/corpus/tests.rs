//! The corpus: adding, duplicates, order, removal, edits, sources, seeds and projects.

use super::*;
use crate::article::{Provenance, TitleKind};
use crate::project::{ArticleEdit, DateEdit, EditError};
use crate::search::results::SearchOptions;

fn corpus() -> Corpus {
    let files: [(&str, &[u8]); 4] = [
        ("b.txt", b" date 2022-10 Oktober stuk over de oorlog."),
        ("a.txt", b"Kop zonder datum\n\nTekst van het stuk."),
        ("c.txt", b" date 2022-12 December stuk over de oorlog."),
        ("d.txt", b" date 2022 Een stuk uit een onbekende maand."),
    ];
    let (c, errors) = Corpus::from_files(files);
    assert!(errors.is_empty());
    c
}

/// One file through the bytes door, and its outcome.
fn add_file(c: &mut Corpus, name: &str, bytes: &[u8]) -> FileOutcome {
    c.add_files(vec![(name.to_string(), Ok(bytes.to_vec()))])
        .remove(0)
}

fn names(list: Vec<&Article>) -> Vec<&str> {
    list.into_iter().map(|a| a.file_name.as_str()).collect()
}

#[test]
fn undated_articles_come_last_in_either_date_order() {
    let c = corpus();
    assert_eq!(
        names(c.library(LibrarySort::DateNewest)),
        ["c.txt", "b.txt", "d.txt", "a.txt"]
    );
    assert_eq!(
        names(c.library(LibrarySort::DateOldest)),
        ["d.txt", "b.txt", "c.txt", "a.txt"]
    );
}

#[test]
fn the_first_few_in_library_order_are_those_a_full_sort_puts_first() {
    let mut c = corpus();
    // Ties: the same name and date twice, and several undated articles.
    for (name, text) in [
        ("b.txt", " date 2022-10 Nog een oktoberstuk, andere tekst."),
        ("e.txt", "Nog een kop\n\nZonder datum."),
        ("a.txt", "Derde kop\n\nOok zonder datum."),
    ] {
        add_file(&mut c, name, text.as_bytes());
    }
    for sort in LibrarySort::ALL {
        let all: Vec<ArticleId> = c.library(sort).iter().map(|a| a.id).collect();
        for k in 0..=all.len() + 1 {
            let first: Vec<ArticleId> = c.library_first(sort, k).iter().map(|a| a.id).collect();
            assert_eq!(first, all[..k.min(all.len())], "{sort:?}, first {k}");
        }
    }
}

#[test]
fn the_same_text_twice_is_a_duplicate_and_changes_nothing() {
    let mut c = corpus();
    let again = add_file(
        &mut c,
        "copy.txt",
        b" date 2022-10 Oktober stuk over de oorlog.\r\n",
    );
    assert!(matches!(again, FileOutcome::Duplicate { .. }));
    assert_eq!(c.len(), 4);
}

#[test]
fn a_bad_file_changes_nothing() {
    let mut c = corpus();
    assert!(matches!(
        add_file(&mut c, "x.pdf", b"%PDF-1.4"),
        FileOutcome::Rejected(_)
    ));
    assert_eq!(c.len(), 4);
}

#[test]
fn a_batch_reports_each_file_and_keeps_the_good_ones() {
    let mut c = corpus();
    let outcomes = c.add_files(vec![
        (
            "new.txt".into(),
            Ok(b"Nieuw stuk over Minsk en de oorlog.".to_vec()),
        ),
        (
            "copy.txt".into(),
            Ok(b" date 2022-10 Oktober stuk over de oorlog.".to_vec()),
        ),
        ("bad.pdf".into(), Ok(b"%PDF-1.4".to_vec())),
        ("gone.txt".into(), Err("permission denied".into())),
    ]);
    assert!(matches!(&outcomes[0], FileOutcome::Added { file_name, .. } if file_name == "new.txt"));
    assert!(matches!(&outcomes[1], FileOutcome::Duplicate { .. }));
    assert!(matches!(&outcomes[2], FileOutcome::Rejected(e) if e.to_string().contains("PDF")));
    assert!(
        matches!(&outcomes[3], FileOutcome::Rejected(e) if e.to_string().contains("permission denied"))
    );
    assert_eq!(c.len(), 5);
    let hits = c.search("Minsk", &SearchOptions::default());
    assert_eq!(hits.total, 1);
}

#[test]
fn removal_removes_one_article() {
    let mut c = corpus();
    let id = c.articles()[0].id;
    assert!(c.remove(id));
    assert!(!c.remove(id));
    assert_eq!(c.len(), 3);
}

fn seeded() -> Corpus {
    let (mut c, _) = Corpus::with_seeds([
        (
            "s1.txt",
            b" date 2022-12 Poetin bezocht Minsk op maandag." as &[u8],
        ),
        ("s2.txt", b" date 2022-10 Loekasjenko sprak over de oorlog."),
    ]);
    c.add_files(vec![(
        "added.txt".into(),
        Ok(b"source: NOS\n\nEen toegevoegd stuk over Minsk.".to_vec()),
    )]);
    c
}

fn id_of(c: &Corpus, file: &str) -> ArticleId {
    c.articles()
        .iter()
        .find(|a| a.file_name == file)
        .unwrap()
        .id
}

#[test]
fn an_edit_changes_metadata_and_what_search_filters_see() {
    let mut c = seeded();
    let id = id_of(&c, "s1.txt");
    let edit = ArticleEdit {
        source: Some("De Morgen".into()),
        date: Some(DateEdit::parse("2022-12-19").unwrap()),
        title: Some("Poetin in Minsk".into()),
    };
    c.edit(id, &edit).unwrap();
    let a = c.get(id).unwrap();
    assert_eq!(a.source.as_deref(), Some("De Morgen"));
    assert_eq!(
        a.pub_date.as_ref().unwrap().provenance,
        Provenance::UserEdit
    );
    assert_eq!(a.title_kind, TitleKind::Headline);
    assert_eq!(
        c.search("source:\"de morgen\" Minsk", &SearchOptions::default())
            .total,
        1
    );
    assert_eq!(
        c.search("date:2022-12-19", &SearchOptions::default()).total,
        1
    );
    assert!(matches!(
        DateEdit::parse("19-12-2022"),
        Err(EditError::BadDate(_))
    ));
    assert_eq!(
        c.edit(
            id,
            &ArticleEdit {
                title: Some(" ".into()),
                ..Default::default()
            }
        ),
        Err(EditError::BadTitle)
    );
    assert!(c.reset_edit(id));
    assert_eq!(c.get(id).unwrap().source, None);
    assert_eq!(
        c.get(id).unwrap().pub_date.as_ref().unwrap().provenance,
        Provenance::Header
    );
    assert_eq!(
        c.search("source:\"de morgen\"", &SearchOptions::default())
            .total,
        0
    );
}

#[test]
fn renaming_a_source_renames_it_everywhere() {
    let mut c = seeded();
    assert_eq!(c.rename_source(None, "Onbekend blad").unwrap(), 2);
    assert_eq!(c.rename_source(Some("nos"), "NOS Nieuws").unwrap(), 1);
    let names: Vec<Option<String>> = c.sources().into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        names,
        [
            Some("NOS Nieuws".to_string()),
            Some("Onbekend blad".to_string())
        ]
    );
    let seeds = [id_of(&c, "s1.txt"), id_of(&c, "s2.txt")];
    assert_eq!(c.common_source(&seeds).as_deref(), Some("Onbekend blad"));
    assert_eq!(c.common_source(&[seeds[0], id_of(&c, "added.txt")]), None);
}

#[test]
fn seeds_are_hidden_and_restored_but_added_articles_are_removed() {
    let mut c = seeded();
    let seed = id_of(&c, "s1.txt");
    let added = id_of(&c, "added.txt");
    assert!(c.is_seed(seed) && !c.is_seed(added));
    assert!(c.remove(seed));
    assert_eq!(c.hidden_seeds().len(), 1);
    assert!(c.get(seed).is_none());
    assert_eq!(c.search("maandag", &SearchOptions::default()).total, 0);
    // A hidden seed dropped again is still a duplicate, not a second copy.
    let again = add_file(
        &mut c,
        "copy.txt",
        b" date 2022-12 Poetin bezocht Minsk op maandag.",
    );
    assert!(matches!(again, FileOutcome::Duplicate { .. }));
    assert_eq!(c.restore_seeds(), 1);
    assert_eq!(c.search("maandag", &SearchOptions::default()).total, 1);
    assert_eq!(c.remove_added(), 1);
    assert!(c.get(added).is_none());
    assert_eq!(c.len(), 2);
}

#[test]
fn a_project_restores_exactly_the_state_it_was_made_from() {
    let mut c = seeded();
    let added = id_of(&c, "added.txt");
    let seed = id_of(&c, "s2.txt");
    c.edit(
        added,
        &ArticleEdit {
            title: Some("Mijn titel".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.edit(
        id_of(&c, "s1.txt"),
        &ArticleEdit {
            source: Some("HLN".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.hide(seed);
    c.add_alias_group(&["Minsk", "Mensk"]);
    let json = c.project().to_json();

    let mut fresh = Corpus::with_seeds([
        (
            "s1.txt",
            b" date 2022-12 Poetin bezocht Minsk op maandag." as &[u8],
        ),
        ("s2.txt", b" date 2022-10 Loekasjenko sprak over de oorlog."),
    ])
    .0;
    let outcomes = fresh.add_files(vec![("project.json".into(), Ok(json.into_bytes()))]);
    let FileOutcome::ProjectOpened { report, .. } = &outcomes[0] else {
        panic!("{outcomes:?}");
    };
    assert_eq!((report.articles, report.edits, report.hidden), (1, 2, 1));
    assert_eq!(fresh.get(added).unwrap().title, "Mijn titel");
    assert_eq!(
        fresh.original(added).unwrap().title_kind,
        TitleKind::Derived
    );
    assert_eq!(
        fresh
            .get(id_of(&fresh, "s1.txt"))
            .unwrap()
            .source
            .as_deref(),
        Some("HLN")
    );
    assert!(fresh.get(seed).is_none());
    assert_eq!(fresh.aliases(), c.aliases());
    assert_eq!(fresh.state(), c.state());
    assert_eq!(fresh.project(), c.project());
}

#[test]
fn a_project_from_a_newer_version_changes_nothing() {
    let mut c = seeded();
    let before = c.project();
    let newer = before.to_json().replace("\"version\":1", "\"version\":99");
    let outcomes = c.add_files(vec![("new.json".into(), Ok(newer.into_bytes()))]);
    assert!(
        matches!(&outcomes[0], FileOutcome::Rejected(e) if e.to_string().contains("newer Newsprism")),
        "{outcomes:?}"
    );
    assert_eq!(c.project(), before);
}

#[test]
fn the_library_narrows_to_a_filter_on_title_source_or_file_name() {
    let c = corpus();
    let words = |w: &str| c.library_matching(LibrarySort::Title, &LibraryFilter::words(w));
    assert_eq!(words(" ").len(), 4);
    assert_eq!(names(words("DECEMBER")), ["c.txt"]);
    assert_eq!(names(words("d.tx")), ["d.txt"]);
    assert_eq!(words("unknown source").len(), 4);
    // Every word must be found, in any of the three, in any order.
    assert_eq!(names(words("source december")), ["c.txt"]);
    assert!(words("december nergens").is_empty());
    assert!(words("nergens").is_empty());
}

#[test]
fn titles_follow_the_ids_and_leave_gone_ones_empty() {
    let c = corpus();
    let ids: Vec<ArticleId> = c.library(LibrarySort::Title).iter().map(|a| a.id).collect();
    let titles = c.titles(&[ids[0], ArticleId(7), ids[1]]);
    assert_eq!(titles.len(), 3);
    assert!(!titles[0].is_empty() && titles[1].is_empty() && !titles[2].is_empty());
}

#[test]
fn totals_count_articles_undated_ones_and_words() {
    let c = corpus();
    let t = c.totals();
    assert_eq!((t.articles, t.undated), (4, 1));
    assert_eq!(
        t.words,
        c.articles().iter().map(|a| a.word_count).sum::<usize>()
    );
    assert!(t.words > 0);
}

#[test]
fn the_unknown_source_facet_filters_to_articles_without_a_source() {
    let c = seeded();
    let all = c.search("Minsk", &SearchOptions::default());
    assert_eq!(all.total, 2);
    let unknown = all
        .by_source
        .iter()
        .find(|f| f.label == "unknown source")
        .expect("a facet for the unknown source");
    assert_eq!(unknown.filter, "source:unknown");
    assert_eq!(unknown.count, 1);
    let r = c.search(
        &format!("Minsk {}", unknown.filter),
        &SearchOptions::default(),
    );
    assert_eq!(r.total, 1);
    assert!(r
        .ranked
        .iter()
        .all(|id| c.get(*id).is_some_and(|a| a.source.is_none())));
}

#[test]
fn a_named_event_the_user_adds_places_its_mentions_and_travels_with_the_project() {
    use crate::time::named::NamedEvent;
    let files: [(&str, &[u8]); 1] = [(
        "m.txt",
        " date 2021-06-10 Sinds de staatsgreep in Myanmar zijn duizenden mensen opgepakt."
            .as_bytes(),
    )];
    let (mut c, _) = Corpus::from_files(files);
    let placed = |c: &Corpus| -> Vec<String> {
        c.timeline()
            .events
            .iter()
            .filter(|e| e.anchor.is_some())
            .map(|e| format!("{} {}", e.text, e.anchor.clone().unwrap_or_default()))
            .collect()
    };
    assert!(placed(&c).is_empty(), "not in the built-in table");
    let coup = NamedEvent::parse(
        "the coup in Myanmar",
        "2021-02-01",
        "de staatsgreep in Myanmar, the coup in Myanmar",
        "",
    )
    .unwrap();
    c.add_named_event(coup).unwrap();
    assert_eq!(
        placed(&c),
        ["de staatsgreep in Myanmar the coup in Myanmar, 2021-02-01"]
    );
    // Saved with the state, and back after a restore; gone after a reset.
    let state = c.state();
    assert_eq!(state.events.as_ref().map(Vec::len), Some(10));
    let project = c.project().to_json();
    let (mut fresh, _) = Corpus::from_files(files);
    let outcomes = fresh.add_files(vec![("p.json".into(), Ok(project.into_bytes()))]);
    assert!(matches!(outcomes[0], FileOutcome::ProjectOpened { .. }));
    assert_eq!(placed(&fresh), placed(&c));
    assert_eq!(fresh.state(), state);
    assert!(fresh.remove_named_event("the coup in Myanmar"));
    assert!(placed(&fresh).is_empty());
    assert!(fresh.state().events.is_none(), "the built-in table again");
    // An event that cannot be placed is refused, and one in a hand-written file left out.
    assert!(c
        .add_named_event(NamedEvent {
            label: "x".into(),
            date: "2021-13-01".into(),
            phrases: vec!["de staatsgreep".into()],
            context: vec![],
        })
        .is_err());
    let mut bad = state.clone();
    if let Some(events) = bad.events.as_mut() {
        events[0].phrases = vec!["de".into()];
    }
    let mut report = RestoreReport::default();
    c.apply_state(bad, &mut report);
    assert_eq!(report.bad_events, 1);
    assert_eq!(placed(&c).len(), 1);
}
