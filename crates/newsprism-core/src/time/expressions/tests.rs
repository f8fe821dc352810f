//! Expressions found in Dutch and English sentences, and what is left alone.

use super::*;

fn texts(text: &str) -> Vec<&str> {
    extract(text).into_iter().map(|e| &text[e.range]).collect()
}

#[test]
fn words_that_look_like_dates_but_are_not_are_left_alone() {
    let none: &[&str] = &[
        "Hij leverde S-400 luchtverdedigingssystemen en 10.000 soldaten.",
        "Het gebeurde 's morgens vroeg.",
        "Zeker nu de oorlog slecht verloopt, en tot nu toe.",
        "Het is eerder een kwestie van geld dan van tijd.",
        "Voor het laatst om drie uur, op een dag.",
        "Een recente peiling.",
        "Er waren 1500 demonstranten en 2.000 agenten.",
        "Slager told the Sunday Times and The Sunday Telegraph.",
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
            &["juli 1994", "augustus 2020"],
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
            &["afgelopen februari", "februari"],
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

/// Durations, vague references and repetitions (TIMEX3 DURATION, SET and the `_REF` values),
/// with the words that bound a count and the parts of the day.
#[test]
fn durations_references_repetitions_and_day_parts_are_read() {
    let found = |text: &str| -> Vec<(String, Kind, Option<Mod>, Option<DayPart>)> {
        extract(text)
            .into_iter()
            .map(|e| {
                (
                    text[e.range.clone()].to_lowercase(),
                    e.kind,
                    e.modifier,
                    e.day_part,
                )
            })
            .collect()
    };
    let duration = |n, unit| Kind::Duration { n, unit };
    let vague = |reference| Kind::Vague { reference };
    type Found<'a> = (&'a str, Kind, Option<Mod>, Option<DayPart>);
    let cases: Vec<(&str, Vec<Found>)> = vec![
        (
            "Loekasjenko is nu 28 jaar aan de macht, zes jaar langer dan Poetin.",
            vec![
                ("nu", vague(Reference::Present), None, None),
                ("28 jaar", duration(Some(28), Unit::Year), None, None),
                ("zes jaar", duration(Some(6), Unit::Year), None, None),
            ],
        ),
        (
            "Voor het eerst in ruim drie jaar tijd, op nog geen drie uur rijden.",
            vec![
                (
                    "ruim drie jaar",
                    duration(Some(3), Unit::Year),
                    Some(Mod::MoreThan),
                    None,
                ),
                (
                    "nog geen drie uur",
                    duration(Some(3), Unit::Hour),
                    Some(Mod::LessThan),
                    None,
                ),
            ],
        ),
        (
            "Aanvallen worden vandaag de dag voorbereid; binnenkort, sinds kort, al jaren.",
            vec![
                ("vandaag de dag", vague(Reference::Present), None, None),
                ("binnenkort", vague(Reference::Future), None, None),
                ("sinds kort", vague(Reference::Past), None, None),
                ("al jaren", duration(None, Unit::Year), None, None),
            ],
        ),
        (
            "The 21-year-old joined on an 18-month deal within 24 hours, and recently.",
            vec![
                ("21-year-old", duration(Some(21), Unit::Year), None, None),
                ("18-month", duration(Some(18), Unit::Month), None, None),
                (
                    "24 hours",
                    duration(Some(24), Unit::Hour),
                    Some(Mod::EqualOrLess),
                    None,
                ),
                ("recently", vague(Reference::Past), None, None),
            ],
        ),
        (
            "Elke maandag, wekelijks, 1,444 pages per month, twice a week.",
            vec![
                (
                    "elke maandag",
                    Kind::Set {
                        unit: Unit::Week,
                        every: 1,
                        weekday: Some(0),
                    },
                    None,
                    None,
                ),
                (
                    "wekelijks",
                    Kind::Set {
                        unit: Unit::Week,
                        every: 1,
                        weekday: None,
                    },
                    None,
                    None,
                ),
                (
                    "per month",
                    Kind::Set {
                        unit: Unit::Month,
                        every: 1,
                        weekday: None,
                    },
                    None,
                    None,
                ),
                (
                    "a week",
                    Kind::Set {
                        unit: Unit::Week,
                        every: 1,
                        weekday: None,
                    },
                    None,
                    None,
                ),
            ],
        ),
        (
            "maandagavond, on Wednesday morning, gisteravond",
            vec![
                (
                    "maandagavond",
                    Kind::Weekday {
                        weekday: 0,
                        rel: Rel::None,
                    },
                    None,
                    Some(DayPart::Evening),
                ),
                (
                    "wednesday morning",
                    Kind::Weekday {
                        weekday: 2,
                        rel: Rel::None,
                    },
                    None,
                    Some(DayPart::Morning),
                ),
                (
                    "gisteravond",
                    Kind::DayOffset { offset: -1 },
                    None,
                    Some(DayPart::Evening),
                ),
            ],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<_> = want
            .into_iter()
            .map(|(t, k, m, p)| (t.to_string(), k, m, p))
            .collect();
        assert_eq!(found(text), want, "{text}");
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

#[test]
fn names_clock_times_and_list_years_are_told_apart() {
    // A name's number, a Dutch month in a title, the executive: not dates. A clock time is
    // part of its day's expression, not a year.
    assert_eq!(
        texts("PCs running Windows 2000 and XP."),
        Vec::<&str>::new()
    );
    assert_eq!(
        texts("At 1800 GMT on Monday it fell."),
        ["1800 GMT on Monday"]
    );
    assert_eq!(texts("Hij won met Mei Requiem."), Vec::<&str>::new());
    assert_eq!(
        texts("Het dagelijks bestuur vergadert."),
        Vec::<&str>::new()
    );
    // But a holiday's year, and early years in a range, are dates.
    assert_eq!(texts("Tijdens Christmas 2004."), ["Christmas 2004"]);
    assert_eq!(
        texts("Bernard Boel (1798-1872) en 1978-84."),
        ["1798", "1872", "1978", "84"]
    );
    // Hyphenated lengths, yearly repetitions, references.
    assert_eq!(
        texts("a one-year ban, de 29-jarige, het 150-jarig bestaan, an annual list"),
        ["one-year", "29-jarige", "150-jarig", "annual"]
    );
    assert_eq!(
        texts("In future it will. Het wordt inmiddels gebruikt."),
        ["In future", "inmiddels"]
    );
    // Parts of the current unit, centuries.
    assert_eq!(
        texts("by the end of the year, aan het einde van het jaar, in de 19e eeuw, the twenty-first century"),
        [
            "the end of the year",
            "het einde van het jaar",
            "de 19e eeuw",
            "the twenty-first century"
        ]
    );
    // "within" is a signal, left out.
    assert_eq!(texts("It launches within the month."), ["the month"]);
}
