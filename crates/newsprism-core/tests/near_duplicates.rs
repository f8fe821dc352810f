//! Near-duplicates: a truncated or lightly edited copy of a loaded article is added and named
//! as a near-duplicate of it; the seeds, five reports of one story, are not near-duplicates of
//! each other.

mod common;

use newsprism_core::corpus::near::{NearDuplicate, NEAR_SHARE};
use newsprism_core::corpus::FileOutcome;

fn near_of(outcome: &FileOutcome) -> Option<NearDuplicate> {
    match outcome {
        FileOutcome::Added { near, .. } => *near,
        other => panic!("not added: {other:?}"),
    }
}

fn seed_text(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("a seed")
}

#[test]
fn copies_are_near_duplicates_and_other_reports_of_the_story_are_not() {
    let (_, names) = common::seeds();
    // Five reports of one story, with long stretches in common: none is a near-duplicate.
    let mut corpus = newsprism_core::corpus::Corpus::new();
    let first = corpus.add_files(
        names
            .iter()
            .map(|n| (n.clone(), Ok(seed_text(n).into_bytes())))
            .collect(),
    );
    for o in &first {
        assert_eq!(near_of(o), None, "{o:?}");
    }
    let full = seed_text(&names[0]);
    let original = corpus.articles()[0].id;
    // The first half of it; then a copy with three words changed and a sentence added.
    let words: Vec<&str> = full.split(' ').collect();
    let half = words[..words.len() / 2].join(" ");
    let edited = full
        .replacen("Poetin", "Putin", 1)
        .replacen("Minsk", "Minsk (Belarus)", 1)
        .replacen(" de ", " die ", 1)
        + "\n\nDit artikel is bijgewerkt.";
    let out = corpus.add_files(vec![
        ("half.txt".into(), Ok(half.into_bytes())),
        ("edited.txt".into(), Ok(edited.into_bytes())),
    ]);
    let half_near = near_of(&out[0]).expect("the truncated copy is a near-duplicate");
    assert_eq!(half_near.of, original);
    assert!(half_near.share > 0.95, "{half_near:?}");
    let edited_near = near_of(&out[1]).expect("the edited copy is a near-duplicate");
    assert!(edited_near.share >= NEAR_SHARE, "{edited_near:?}");
}

#[test]
fn a_copy_of_a_removed_article_is_not_named_after_it() {
    let (mut corpus, names) = common::seeds();
    let full = seed_text(&names[2]);
    let id = corpus.articles()[2].id;
    let first = corpus.add_files(vec![(
        "copy.txt".into(),
        Ok(format!("{full}\n\nEinde.").into_bytes()),
    )]);
    let copy = match &first[0] {
        FileOutcome::Added { id, near, .. } => {
            assert_eq!(near.map(|n| n.of), Some(corpus.articles()[2].id));
            *id
        }
        other => panic!("{other:?}"),
    };
    assert!(corpus.remove(copy));
    let second = corpus.add_files(vec![(
        "copy2.txt".into(),
        Ok(format!("{full}\n\nSlot.").into_bytes()),
    )]);
    assert_eq!(
        near_of(&second[0]).map(|n| n.of),
        Some(id),
        "named after the original, not the removed copy"
    );
}
