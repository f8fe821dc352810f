//! Expressions found in Dutch and English sentences, and what is left alone.

use super::*;

fn texts(text: &str) -> Vec<&str> {
    extract(text).into_iter().map(|e| &text[e.range]).collect()
}

#[test]
fn words_that_look_like_dates_but_are_not_are_left_alone() {
    let none: &[&str] = &[
        "Aanvallen worden vandaag de dag in Kiev voorbereid.",
        "Hij leverde S-400 luchtverdedigingssystemen en 10.000 soldaten.",
        "You may go now, said Jan Peters.",
        "Loekasjenko is nu 28 jaar aan de macht, zes jaar langer dan Poetin.",
        "Voor het eerst in ruim drie jaar tijd.",
        "Het gebeurde 's morgens vroeg.",
        "Er waren 1500 demonstranten en 2.000 agenten.",
    ];
    for text in none {
        assert_eq!(texts(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn every_form_in_the_issue_is_found() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Zij vielen op vrijdag 25 februari binnen.",
            &["vrijdag 25 februari"],
        ),
        (
            "sinds juli 1994 en in augustus 2020",
            &["sinds juli 1994", "augustus 2020"],
        ),
        ("Dat was in 2019.", &["2019"]),
        (
            "on 19 December 2022 and Dec 19",
            &["19 December 2022", "Dec 19"],
        ),
        (
            "in oktober, deze winter, maandag",
            &["oktober", "deze winter", "maandag"],
        ),
        (
            "vorige week en twee weken geleden",
            &["vorige week", "twee weken geleden"],
        ),
        (
            "bijna een jaar geleden, begin dit jaar",
            &["bijna een jaar geleden", "Begin dit jaar"],
        ),
        (
            "afgelopen februari, sinds februari",
            &["afgelopen februari", "sinds februari"],
        ),
        ("voor de komende drie jaar", &["de komende drie jaar"]),
        (
            "last week, two years ago, next March",
            &["last week", "two years ago", "next March"],
        ),
        (
            "the past five years and mid-2020",
            &["the past five years", "mid-2020"],
        ),
        ("Sunday's match, yesterday", &["Sunday", "yesterday"]),
        ("maandagavond en gisteren", &["maandagavond", "gisteren"]),
    ];
    for (text, want) in cases {
        let got = texts(text);
        let want: Vec<&str> = want.to_vec();
        let got_lower: Vec<String> = got.iter().map(|g| g.to_lowercase()).collect();
        let want_lower: Vec<String> = want.iter().map(|w| w.to_lowercase()).collect();
        assert_eq!(got_lower, want_lower, "{text}");
    }
}

#[test]
fn the_sentence_tense_is_read_from_its_verbs() {
    let tense = |t: &str| extract(t)[0].tense;
    assert_eq!(tense("Maandag bracht Poetin een bezoek."), Tense::Past);
    assert_eq!(tense("Poetin is maandag aangekomen."), Tense::Past);
    assert_eq!(tense("Zondag meldde Minsk provocaties."), Tense::Past);
    assert_eq!(tense("Poetin zal maandag komen."), Tense::Future);
    assert_eq!(tense("Poetin komt maandag."), Tense::Present);
    assert_eq!(
        tense("Rates are likely to rise after the election in May."),
        Tense::Future
    );
    assert_eq!(tense("The firm announced on Monday."), Tense::Past);
}
