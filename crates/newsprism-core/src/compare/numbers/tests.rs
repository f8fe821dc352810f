//! The ledger on small texts of its own: formats, hedges, what is not a quantity, conflicts.

use super::*;

fn ledger(texts: &[&str]) -> Ledger {
    let arts: Vec<crate::article::Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| super::super::test_article(&format!("{i}.txt"), t))
        .collect();
    let t = AliasTable::default();
    let docs: Vec<Doc> = arts
        .iter()
        .map(|a| Doc::new(a, &t, &crate::text::stem::Stemmers::default()))
        .collect();
    let parties: Vec<usize> = (0..docs.len()).collect();
    Ledger::build(&docs, &parties, &t)
}

fn found(text: &str) -> Vec<(String, f64, f64, String)> {
    ledger(&[text])
        .quantities
        .into_iter()
        .map(|q| (q.at.text, q.low, q.high, q.thing_key))
        .collect()
}

#[test]
fn dutch_number_formats_ranges_and_words() {
    let cases: &[(&str, &str, f64, f64, &str)] = &[
        (
            "Er zijn 9.000 Russische troepen.",
            "9.000 Russische troepen",
            9000.0,
            9000.0,
            "troepen",
        ),
        (
            "Rusland heeft 10.000 tot 15.000 soldaten daar.",
            "10.000 tot 15.000 soldaten",
            10000.0,
            15000.0,
            "troepen",
        ),
        (
            "Het leger is 45.000 man sterk.",
            "45.000 man",
            45000.0,
            45000.0,
            "troepen",
        ),
        (
            "Het regende zevenhonderd raketten.",
            "zevenhonderd raketten",
            700.0,
            700.0,
            "raketten",
        ),
        (
            "Slechts 4 procent van de bevolking.",
            "4 procent",
            4.0,
            4.0,
            "procent",
        ),
        (
            "Er vielen 80.000 eigen soldaten.",
            "80.000 eigen soldaten",
            80000.0,
            80000.0,
            "troepen",
        ),
        (
            "De groei was 2,5 procent.",
            "2,5 procent",
            2.5,
            2.5,
            "procent",
        ),
        (
            "Het kost 1.234,5 euro.",
            "1.234,5 euro",
            1234.5,
            1234.5,
            "euro",
        ),
        (
            "Er wonen 3 miljoen mensen.",
            "3 miljoen mensen",
            3e6,
            3e6,
            "mensen",
        ),
        (
            "Er kwamen eenentwintig tanks.",
            "eenentwintig tanks",
            21.0,
            21.0,
            "tanks",
        ),
        (
            "Er waren duizenden Russische soldaten.",
            "duizenden Russische soldaten",
            2000.0,
            9999.0,
            "troepen",
        ),
        (
            "Tussen 20 en 30 tanks reden mee.",
            "20 en 30 tanks",
            20.0,
            30.0,
            "tanks",
        ),
    ];
    for (text, phrase, lo, hi, key) in cases {
        let got = found(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, *phrase, "{text}");
        assert_eq!((got[0].1, got[0].2), (*lo, *hi), "{text}");
        assert_eq!(got[0].3, *key, "{text}");
    }
}

#[test]
fn english_numbers_and_hedges() {
    let got = found("Russia has about 9,000 troops and £15.8m in cash; sales rose 4.5% while more than 300 people left.");
    let want: Vec<(&str, f64, f64, &str)> = vec![
        ("about 9,000 troops", 8100.0, 9900.000000000002, "troepen"),
        ("£15.8m", 15.8e6, 15.8e6, "pond"),
        ("4.5%", 4.5, 4.5, "procent"),
        ("more than 300 people", 300.0, f64::INFINITY, "mensen"),
    ];
    let got: Vec<(&str, f64, f64, &str)> = got
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), *b, *c, d.as_str()))
        .collect();
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.0, w.0);
        assert!(
            (g.1 - w.1).abs() < 1.0 && (g.2 == w.2 || (g.2 - w.2).abs() < 1.0),
            "{g:?} vs {w:?}"
        );
        assert_eq!(g.3, w.3);
    }
}

#[test]
fn years_dates_times_and_names_are_not_quantities() {
    for text in [
        "Loekasjenko is sinds juli 1994 aan de macht.",
        "Op vrijdag 25 februari vielen ze binnen.",
        "De persconferentie begon om 10.30 uur.",
        "Hij leverde S-400 systemen.",
        "Twee weken geleden besloot hij anders.",
        "Het is een mooi land en één ding is zeker.",
    ] {
        let got = found(text);
        assert!(
            got.iter().all(|g| g.3 != "jaar"
                && g.0 != "400 systemen"
                && g.1 != 1994.0
                && g.1 != 25.0
                && g.1 != 10.3
                && g.1 != 2.0),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn different_figures_for_the_same_thing_conflict_and_other_owners_stay_apart() {
    let l = ledger(&[
        "Er zijn 9.000 Russische troepen in Wit-Rusland.",
        "Rusland heeft 10.000 tot 15.000 soldaten in Belarus. Het leger van Loekasjenko is 45.000 man sterk.",
    ]);
    let troops: Vec<&LedgerGroup> = l
        .groups
        .iter()
        .filter(|g| g.thing_key == "troepen")
        .collect();
    assert_eq!(troops.len(), 2, "{:?}", l.groups);
    let russian = troops
        .iter()
        .find(|g| g.owner.as_ref().map(Owner::name) == Some("Rusland"))
        .unwrap();
    assert!(russian.conflict);
    assert_eq!(russian.entries.len(), 2);
    let other = troops.iter().find(|g| g.owner.is_none()).unwrap();
    assert!(!other.conflict);
    assert_eq!(l.quantities[other.entries[0]].at.text, "45.000 man");
}

#[test]
fn lengths_of_time_and_numbers_in_words_are_quantities() {
    let got: Vec<(String, f64, String)> = ledger(&[
        " date 2022-12 Hij is nu 28 jaar aan de macht, ruim drie jaar langer. Wij tweeën hebben één geschil. Ze houden oefeningen, al zeker twee sinds februari. Een jaar na de invasie. Het kost $5bn a year.",
    ])
    .quantities
        .iter()
        .map(|q| (q.at.text.clone(), q.low, q.thing.clone()))
        .collect();
    let want: Vec<(String, f64, String)> = [
        ("28 jaar", 28.0, "jaar"),
        ("ruim drie jaar", 2.7, "jaar"),
        ("tweeën", 2.0, "personen"),
        ("één geschil", 1.0, "geschil"),
        ("twee", 2.0, "oefeningen"),
        ("Een jaar", 1.0, "jaar"),
        ("$5bn", 5e9, "$"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn prepositions_letters_ranks_ages_and_adjectives() {
    // Not quantities: "ten noorden", "ten volle", "een enkele", the "B" of "R&B", "number 19".
    // "156 m" is 156 metres, never 156 million: a lone letter is no scale.
    let got: Vec<(String, f64, String)> = ledger(&[
        " date 2022-12 Ten noorden grenst het aan Luik en ten volle steunt het de 220.000 leden. Een enkele verdedigingsruimte, maar enkele werknemers en drie representatieve vakbonden. De 29-jarige koningin. De top is 156 m hoog en het land telt 3 miljoen mensen.",
        "R&B singer Usher was at number 19 with 13 nominations and missed three full seasons. The 25-year-old got a one-year ban.",
    ])
    .quantities
        .iter()
        .map(|q| (q.at.text.clone(), q.low, q.thing.clone()))
        .collect();
    let want: Vec<(String, f64, String)> = [
        ("220.000 leden", 220000.0, "leden"),
        ("enkele werknemers", 2.0, "werknemers"),
        ("drie representatieve vakbonden", 3.0, "vakbonden"),
        ("29-jarige", 29.0, "jaar"),
        ("156 m", 156.0, "m"),
        ("3 miljoen mensen", 3e6, "mensen"),
        ("13 nominations", 13.0, "nominations"),
        ("three full seasons", 3.0, "seasons"),
        ("25-year-old", 25.0, "year"),
        ("one-year", 1.0, "year"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn scores_odds_and_repetitions_are_not_quantities_ages_lists_and_compounds_are() {
    let things = |text: &str| -> Vec<(String, String)> {
        ledger(&[text])
            .quantities
            .into_iter()
            .map(|q| (q.at.text, q.thing))
            .collect()
    };
    let got = things(
        "England A beat France A 30-20 nine days ago, lost 18-17 and won 83-10. It was a 50/50 chance. They visit every three years. Bell, 30, joined the 30-man squad for the RBS Six Nations. Shareholders lost about $180bn and $11bn before. One of six WorldCom executives found 28 separate spyware programs and three missed penalties. It is 10 times faster.",
    );
    assert_eq!(
        got,
        [
            ("30".to_string(), "years".to_string()),
            ("30-man".to_string(), "man".to_string()),
            ("about $180bn".to_string(), "$".to_string()),
            ("$11bn".to_string(), "$".to_string()),
            (
                "six WorldCom executives".to_string(),
                "executives".to_string()
            ),
            (
                "28 separate spyware programs".to_string(),
                "programs".to_string()
            ),
            (
                "three missed penalties".to_string(),
                "penalties".to_string()
            ),
            ("10 times".to_string(), "times".to_string()),
        ]
    );
    let dutch = things(
        "De zetelverdeling is als volgt:\n\nCD&V: 32\n\nAantal inwoners: 1.139.815 (op 1 juli 2005)\n\nHoogste punt: Kemmelberg (156 m)\n\nToen de werf haar 150-jarig bestaan vierde, werkte zij de laatste (zeven) bestellingen af.",
    );
    assert_eq!(
        dutch,
        [
            ("32".to_string(), "CD&V".to_string()),
            ("1.139.815".to_string(), "inwoners".to_string()),
            ("156 m".to_string(), "m".to_string()),
            ("150-jarig".to_string(), "jaar".to_string()),
            (
                "(zeven) bestellingen".to_string(),
                "bestellingen".to_string()
            ),
        ]
    );
}

#[test]
fn shares_lists_compounds_one_and_signs_with_letters() {
    let got = found(
        "One dissenting opinion came from him. If you operate one vehicle it costs more. He got a three-game ban from the two arch-rivals with six pre-election pledges. There were 24 fouls by Arsenal, seven on Heinze, five on Ronaldo. Questions came from thousands e-mailed by text. Profit was HK$327m (US$42m). Sales rose by a fifth, with more than a quarter of the market. One in five pensioners are poor. He won a third term. They were buying one. It held the number one spot. They are two-bit Tories.",
    );
    let short: Vec<(&str, f64, &str)> = got
        .iter()
        .map(|(t, low, _, k)| (t.as_str(), (low * 1000.0).round() / 1000.0, k.as_str()))
        .collect();
    assert_eq!(
        short,
        [
            ("One dissenting opinion", 1.0, "opinion"),
            ("one vehicle", 1.0, "vehicl"),
            ("three-game", 3.0, "game"),
            ("two arch-rivals", 2.0, "arch-rivals"),
            ("six pre-election pledges", 6.0, "pledg"),
            ("24 fouls", 24.0, "foul"),
            ("seven", 7.0, "foul"),
            ("five", 5.0, "foul"),
            ("thousands", 2000.0, "(thousands)"),
            ("HK$327m", 327_000_000.0, "dollar"),
            ("US$42m", 42_000_000.0, "dollar"),
            ("a fifth", 0.2, "share"),
            ("more than a quarter", 0.25, "share"),
            ("One in five pensioners", 0.2, "pension"),
        ]
    );
    let dutch = found("Volgens de politie gingen duizenden de straat op.");
    let dutch: Vec<(&str, f64)> = dutch
        .iter()
        .map(|(t, low, _, _)| (t.as_str(), *low))
        .collect();
    assert_eq!(dutch, [("duizenden", 2000.0)]);
}
