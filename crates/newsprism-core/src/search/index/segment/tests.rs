//! Segments: round trips, merging equals adding, damaged bytes are refused.

use super::*;
use crate::article::PartialDate;
use crate::search::index::Field;

fn doc<'a>(key: u64, text: &'a str, language: Language) -> IndexDoc<'a> {
    IndexDoc {
        key,
        fields: vec![(Field::Title, "Kop"), (Field::Body, text)],
        language,
        source: Some("Krant".into()),
        date: PartialDate::parse_iso("2022-12-19"),
    }
}

/// A word form's postings: per document, its key, weight and positions.
type Docs = Vec<(u64, u16, Vec<u32>)>;

/// Everything lookups see of an index, by word and key rather than internal numbers.
fn dump(index: &Index) -> Vec<(String, Docs)> {
    let mut out: Vec<_> = (0..index.term_count() as u32)
        .filter(|&t| index.doc_frequency(t) > 0)
        .map(|t| {
            let p = &index.postings[t as usize];
            let docs = (0..p.entries.len())
                .map(|i| {
                    let mut pos = Vec::new();
                    crate::search::index::postings::decode_positions(p.position_bytes(i), &mut pos);
                    (index.docs[p.doc(i) as usize].key, p.entries[i].weight, pos)
                })
                .collect();
            (index.term_text(t).to_string(), docs)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn merging_segments_gives_the_index_adding_one_by_one_gives() {
    let texts = [
        (1, "De soldaten trokken op naar Minsk.", Language::Dutch),
        (2, "Soldiers marched to Minsk on Monday.", Language::English),
        (
            3,
            "Poetin en Loekasjenko spraken in Minsk.",
            Language::Dutch,
        ),
        (1, "De soldaten trokken op naar Minsk.", Language::Dutch),
        (4, "Ein Soldat in Minsk.", Language::German),
    ];
    let docs: Vec<IndexDoc> = texts.iter().map(|&(k, t, l)| doc(k, t, l)).collect();
    let mut one_by_one = Index::new();
    one_by_one.add(&doc(9, "Al in de index: Minsk.", Language::Dutch));
    for d in &docs {
        if !one_by_one.contains(d.key) {
            one_by_one.add(d);
        }
    }
    let mut merged = Index::new();
    merged.add(&doc(9, "Al in de index: Minsk.", Language::Dutch));
    for part in docs.chunks(2) {
        let bytes = Segment::build(part, part.len() as u32).to_bytes();
        let segment = Segment::from_bytes(&bytes).unwrap();
        merged.merge(&segment, |m| {
            Some(DocMeta {
                source: Some("Krant".into()),
                date: PartialDate::parse_iso("2022-12-19"),
                ..m
            })
        });
    }
    assert_eq!(dump(&merged), dump(&one_by_one));
    assert_eq!(merged.len(), one_by_one.len());
    assert_eq!(merged.average_length(), one_by_one.average_length());
    for word in ["soldaat", "soldier", "minsk", "soldat"] {
        let words = |i: &Index| {
            let mut w: Vec<String> = i
                .stem_family(word)
                .iter()
                .map(|&t| i.term_text(t).to_string())
                .collect();
            w.sort();
            w
        };
        assert_eq!(words(&merged), words(&one_by_one), "{word}");
    }
    let meta = |i: &Index, key| {
        let d = &i.docs()[i.doc_of_key(key).unwrap() as usize];
        (d.language, d.source.clone(), d.date, d.length)
    };
    assert_eq!(meta(&merged, 4), meta(&one_by_one, 4));
}

#[test]
fn what_the_receiver_leaves_out_is_not_indexed() {
    let docs = [
        doc(1, "alleen hier: Schraibman", Language::Dutch),
        doc(2, "gedeeld: Minsk", Language::Dutch),
    ];
    let segment = Segment::build(&docs, 2);
    let mut index = Index::new();
    index.add(&doc(2, "gedeeld: Minsk", Language::Dutch));
    let added = index.merge(&segment, |m| (m.key != 1).then_some(m));
    assert!(added.is_empty(), "2 is already there, 1 is refused");
    assert!(index.term("schraibman").is_none());
    assert_eq!(index.len(), 1);
    assert_eq!(index.docs_of(index.term("minsk").unwrap()).count(), 1);
}

#[test]
fn damaged_bytes_are_an_error_not_a_panic() {
    let docs = [doc(
        1,
        "Poetin sprak in Minsk over 9.000 troepen.",
        Language::Dutch,
    )];
    let bytes = Segment::build(&docs, 1).to_bytes();
    assert!(Segment::from_bytes(&bytes).is_ok());
    for cut in 0..bytes.len() {
        assert!(Segment::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Segment::from_bytes(&longer).is_err());
    assert!(Segment::from_bytes(b"{\"json\": true}").is_err());
    // Every single-byte change either reads as some segment or is refused; none panics,
    // and a segment that reads merges without panicking.
    for i in 0..bytes.len() {
        for v in [0u8, 1, 0x7f, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] = v;
            if let Ok(s) = Segment::from_bytes(&b) {
                let mut index = Index::new();
                index.merge(&s, Some);
                for t in 0..index.term_count() as u32 {
                    let mut out = Vec::new();
                    for d in index.docs_of(t).collect::<Vec<_>>() {
                        index.positions(t, d, &mut out);
                    }
                }
            }
        }
    }
}

/// Stored segments outlive the build that wrote them (a reload merges them), so the keys a text
/// gets are part of the format: when this changes, the version in `MAGIC` must change too, and
/// segments stored by earlier builds are then refused (their articles are indexed again).
#[test]
fn the_keys_a_text_gets_are_pinned_with_the_format_version() {
    let segment = Segment::build(
        &[
            doc(
                1,
                "De ministers belden Poetin op in Wit-Rusland.",
                Language::Dutch,
            ),
            doc(
                2,
                "The children's toys were sold in 2005.",
                Language::English,
            ),
        ],
        2,
    );
    let keys: Vec<String> = segment
        .terms
        .iter()
        .map(|t| {
            let stems: Vec<&str> = (0..2)
                .filter(|&s| t.slots & (1 << s) != 0)
                .map(|s| segment.str(t.stems[s]))
                .collect();
            format!("{}={}", segment.str(t.word), stems.join("/"))
        })
        .collect();
    assert_eq!(MAGIC, b"NPSG\x04", "the format's version");
    assert_eq!(
        keys.join(" "),
        "kop=kop/kop de=de ministers=minister belden=beld poetin=poetin op=op in=in/in wit=wit \
         rusland=rusland the=the childrens=children toys=toy were=were sold=sold 2005=2005",
        "bump MAGIC's version if this changes"
    );
}

#[test]
fn joined_segments_merge_into_the_index_their_parts_give() {
    let texts = [
        (1, "De soldaten trokken op naar Minsk.", Language::Dutch),
        (2, "Soldiers marched to Minsk on Monday.", Language::English),
        (
            3,
            "Poetin en Loekasjenko spraken in Minsk.",
            Language::Dutch,
        ),
        (1, "De soldaten trokken op naar Minsk.", Language::Dutch),
        (4, "Ein Soldat in Minsk.", Language::German),
        (
            5,
            "Loekasjenko belde Poetin op, zegt Minsk.",
            Language::Dutch,
        ),
        (6, "Removed later: Schraibman in Minsk.", Language::English),
        (
            7,
            "Minsk, Minsk en nog eens Minsk op maandag.",
            Language::Dutch,
        ),
    ];
    let docs: Vec<IndexDoc> = texts.iter().map(|&(k, t, l)| doc(k, t, l)).collect();
    let lexicon = crate::text::lemma::Lemmas::from_tsv("soldaten\tsoldaat\n", "").unwrap();
    let mut with = StemCache::with_lemmas(std::sync::Arc::new(lexicon));
    let mut parts: Vec<Segment> = docs
        .chunks(3)
        .map(|part| Segment::build(part, part.len() as u32))
        .collect();
    // One made with a lexicon, which is never joined with the others.
    parts.push(Segment::build_with(&docs[5..6], 1, &mut with));
    let keep = |key: u64| key != 6;
    let merge_all = |segments: &[Segment]| {
        let mut index = Index::new();
        index.add(&doc(9, "Al in de index: Minsk.", Language::Dutch));
        for s in segments {
            let s = Segment::from_bytes(&s.to_bytes()).unwrap();
            index.merge(&s, |m| {
                keep(m.key).then(|| DocMeta {
                    source: Some("Krant".into()),
                    date: PartialDate::parse_iso("2022-12-19"),
                    ..m
                })
            });
        }
        index
    };
    // Parts of 3, 3 and 2 documents: the second and third fit together in 5.
    let joined = Segment::join(&parts, 5, keep);
    assert_eq!(joined.len(), 3, "two of plain stems, one with the lexicon");
    assert!(joined.iter().all(|s| s.docs.len() <= 5));
    assert!(joined.iter().all(|s| !s.keys().any(|k| k == 6)), "left out");
    let (from_parts, from_joined) = (merge_all(&parts), merge_all(&joined));
    // The same postings; documents may come in another order (those made with the lexicon
    // first), which ranking never sees (ties go by key).
    let sorted = |i: &Index| {
        let mut d = dump(i);
        d.iter_mut().for_each(|(_, docs)| docs.sort());
        d
    };
    assert_eq!(sorted(&from_joined), sorted(&from_parts));
    assert_eq!(from_joined.len(), from_parts.len());
    assert_eq!(from_joined.average_length(), from_parts.average_length());
    for word in ["soldaat", "soldier", "minsk", "poetin"] {
        let words = |i: &Index| {
            let mut w: Vec<String> = i
                .stem_family(word)
                .iter()
                .map(|&t| i.term_text(t).to_string())
                .collect();
            w.sort();
            w
        };
        assert_eq!(words(&from_joined), words(&from_parts), "{word}");
    }
    // Joining again changes nothing.
    let again = Segment::join(&joined, 5, |_| true);
    assert_eq!(sorted(&merge_all(&again)), sorted(&from_joined));
    assert!(Segment::join(&parts, 5, |_| false).is_empty());
}
