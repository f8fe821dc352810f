//! Quotations found, attributed and clustered, on small texts of their own.

use rustc_hash::FxHashSet;

use super::*;

fn quotes_of(text: &str) -> Vec<(Style, String)> {
    marked(text)
        .into_iter()
        .map(|(s, r, _)| (s, text[r].to_string()))
        .collect()
}

#[test]
fn every_quotation_style_is_found() {
    let cases = [
        (
            "Hij sprak van „volstrekt domme verzinsels.” Daarna niets.",
            Style::LowHigh,
            "volstrekt domme verzinsels.",
        ),
        (
            "Hij sprak van „domme verzinsels“ en ging.",
            Style::LowHigh,
            "domme verzinsels",
        ),
        (
            ",,Totaal stomme, ongegronde verzinsels”, aldus Peskov.",
            Style::DoubleComma,
            "Totaal stomme, ongegronde verzinsels",
        ),
        (
            "“Sinds twee dagen, geloof ik”, voegde hij toe.",
            Style::Curly,
            "Sinds twee dagen, geloof ik",
        ),
        (
            "Hij steunde ‘Loekasjenko’s voorstel’ volledig.",
            Style::CurlySingle,
            "Loekasjenko’s voorstel",
        ),
        (
            "Hij noemde het «een farce» gisteren.",
            Style::Guillemets,
            "een farce",
        ),
        (
            "\"Poetin wil Belarus gebruiken\", zegt Hartog.",
            Style::Straight,
            "Poetin wil Belarus gebruiken",
        ),
        (
            "Hij noemde het 'zijn vriend' en lachte.",
            Style::StraightSingle,
            "zijn vriend",
        ),
    ];
    for (text, style, want) in cases {
        assert_eq!(quotes_of(text), [(style, want.to_string())], "{text}");
    }
}

#[test]
fn apostrophes_and_nested_quotes_do_not_break_extraction() {
    // Apostrophes inside and before words.
    assert!(quotes_of("Poetins plan voor 's avonds en scenario's bleef geheim.").is_empty());
    assert!(quotes_of("Dat was in de jaren '80 en 't bleef stil.").is_empty());
    // A nested quote stays inside the outer one.
    let got = quotes_of(
        "„Hij zei ‘nooit’ en bleef bij zijn ‘nee’, ook tegen Poetins zin”, aldus Peskov.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].1,
        "Hij zei ‘nooit’ en bleef bij zijn ‘nee’, ook tegen Poetins zin"
    );
    let got = quotes_of("“He called it ‘a farce’ and left,” she said of Mr O'Brien's speech.");
    assert_eq!(got[0].1, "He called it ‘a farce’ and left,");
    // An unclosed mark is not a quote.
    assert!(quotes_of("Hij zei „nooit en ging weg.").is_empty());
}

fn report(texts: &[&str]) -> (Vec<crate::article::Article>, AliasTable) {
    let arts = texts
        .iter()
        .enumerate()
        .map(|(i, t)| super::super::test_article(&format!("{i}.txt"), t))
        .collect();
    (arts, AliasTable::default())
}

#[test]
fn an_english_speaker_after_the_quote_past_an_organisation_title() {
    let (arts, t) = report(&[
        " date 2022-12 President Vladimir Putin visited Minsk. \"These are absolutely stupid fabrications,\" Kremlin spokesman Dmitry Peskov said of the reports. \"We will see,\" Mr Smith said.",
    ]);
    let docs: Vec<Doc> = arts
        .iter()
        .map(|a| Doc::new(a, &t, &crate::text::stem::Stemmers::default()))
        .collect();
    let r = QuoteReport::build(&docs, &[0], &NameContext::new(&docs), &t);
    let who: Vec<Option<&str>> = r
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert_eq!(who, [Some("Dmitry Peskov"), Some("Smith")]);
}

#[test]
fn speakers_are_found_before_after_and_by_pronoun() {
    let (arts, t) = report(&[
        " date 2022-12 De woordvoerder van het Kremlin sprak. „Totaal stomme, ongegronde verzinsels”, aldus Peskov. Kemper: „Belarus wil die onafhankelijkheid behouden.” Volgens Hartog is het „een compleet economisch isolement”. Rusland-correspondent Eva Hartog gaf een interview. \"Poetin wil Loekasjenko compleet domineren\", zegt correspondent Hartog. “Sinds twee dagen, geloof ik”, voegde hij eraan toe. \"Het is heel koud\", reageert iemand op Twitter. Kemper: Belarus wil geen Russische inmenging in eigen land.",
    ]);
    let docs: Vec<Doc> = arts
        .iter()
        .map(|a| Doc::new(a, &t, &crate::text::stem::Stemmers::default()))
        .collect();
    let r = QuoteReport::build(&docs, &[0], &NameContext::new(&docs), &t);
    let got: Vec<(String, Option<String>)> = r
        .quotes
        .iter()
        .map(|q| {
            (
                q.at.text.clone(),
                q.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect();
    let want = [
        ("Totaal stomme, ongegronde verzinsels", Some("Peskov")),
        (
            "Belarus wil die onafhankelijkheid behouden.",
            Some("Kemper"),
        ),
        ("een compleet economisch isolement", Some("Hartog")),
        ("Poetin wil Loekasjenko compleet domineren", Some("Hartog")),
        ("Sinds twee dagen, geloof ik", Some("Hartog")),
        ("Het is heel koud", None),
        (
            "Belarus wil geen Russische inmenging in eigen land.",
            Some("Kemper"),
        ),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.map(String::from)))
        .collect();
    assert_eq!(got, want);
    assert_eq!(r.quotes[6].style, Style::Colon);
    assert_eq!(
        r.quotes[4].speaker.as_ref().map(|s| s.how),
        Some(Attribution::Pronoun)
    );
    // "Eva Hartog", "correspondent Hartog" and "Hartog" are one speaker.
    let keys: FxHashSet<&str> = r.quotes[2..5]
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(keys.len(), 1);
}

/// The quotations of one article.
fn built(text: &str) -> QuoteReport {
    let (arts, t) = report(&[text]);
    let docs: Vec<Doc> = arts
        .iter()
        .map(|a| Doc::new(a, &t, &crate::text::stem::Stemmers::default()))
        .collect();
    QuoteReport::build(&docs, &[0], &NameContext::new(&docs), &t)
}

/// Each quotation's words, speaker and whether it is a scare quote.
fn who(r: &QuoteReport) -> Vec<(&str, Option<&str>, bool)> {
    r.quotes
        .iter()
        .map(|q| {
            (
                q.at.text.as_str(),
                q.speaker.as_ref().map(|s| s.name.as_str()),
                q.scare,
            )
        })
        .collect()
}

#[test]
fn a_title_after_a_comma_describes_the_speaker_it_does_not_replace_him() {
    let r = built(
        " date 2022-12 Nu is dus de vraag. \"Als Poetins situatie wanhopig wordt, is het goed mogelijk dat hij Belarus onder druk zet\" zegt Michael Kemper, hoogleraar Oost-Europese studies aan de Universiteit van Amsterdam.",
    );
    let who = r.quotes[0].speaker.as_ref().map(|s| s.name.as_str());
    assert_eq!(who, Some("Michael Kemper"));
}

#[test]
fn scare_quotes_are_nobodys_and_a_headline_takes_the_speaker_the_body_names() {
    let r = built(
        "'Giftige mensen'\n\nVoor de Russen is het een ‘speciale militaire operatie’. Hij bespreekt de ‘dreiging’ vanuit het westen. Wat door Moskou een “regionale groepering” wordt genoemd, groeit. „Wij zijn de meest giftige mensen op deze planeet”, sneerde Loekasjenko. Wel zijn ‘vijanden’ er volgens de president op uit.",
    );
    let got = who(&r);
    assert_eq!(
        got,
        [
            ("Giftige mensen", Some("Loekasjenko"), false),
            ("speciale militaire operatie", None, true),
            ("dreiging", None, true),
            ("regionale groepering", None, true),
            (
                "Wij zijn de meest giftige mensen op deze planeet",
                Some("Loekasjenko"),
                false
            ),
            ("vijanden", Some("Loekasjenko"), false),
        ]
    );
    assert_eq!(
        r.quotes[0].speaker.as_ref().map(|s| s.how),
        Some(Attribution::Repeated)
    );
}

#[test]
fn a_word_someone_called_something_is_theirs_a_term_that_is_called_so_is_nobodys() {
    let r = built(
        " date 2022-12 Minister Jansen called the plan ‘reckless’. The region is called ‘the Pale’. Poetin heeft de operatie ‘noodzakelijk’ genoemd.",
    );
    let got = who(&r);
    assert_eq!(
        got,
        [
            ("reckless", Some("Minister Jansen"), false),
            ("the Pale", None, true),
            ("noodzakelijk", Some("Poetin"), false),
        ]
    );
}

#[test]
fn english_attributions_he_said_the_dutchman_said_and_quotations_over_paragraphs() {
    let r = built(
        "Cup win\n\nTottenham manager Martin Jol praised his side over Nottingham Forest. \"We had the initiative,\" the Dutchman said. \"Forest played with a lot of players behind the ball. \"At 2-0 they were dead.\" Robbie Keane, skipper for the night, agreed. \"We are on a high,\" he said. \"It was all about the result,\" the Irishman said.\n\nBill Simmelink, general manager of TI's Voip business, said it would grow. \"It is about the application,\" he said.\n\n\"We want to communicate freely.\"\n\n\"Prince returned to centre stage,\" the magazine reported.",
    );
    assert_eq!(
        who(&r),
        [
            ("We had the initiative,", Some("Martin Jol"), false),
            (
                "Forest played with a lot of players behind the ball.",
                Some("Martin Jol"),
                false
            ),
            ("At 2-0 they were dead.", Some("Martin Jol"), false),
            ("We are on a high,", Some("Robbie Keane"), false),
            ("It was all about the result,", Some("Robbie Keane"), false),
            (
                "It is about the application,",
                Some("Bill Simmelink"),
                false
            ),
            (
                "We want to communicate freely.",
                Some("Bill Simmelink"),
                false
            ),
            (
                "Prince returned to centre stage,",
                Some("the magazine"),
                false
            ),
        ]
    );
}

#[test]
fn descriptions_stand_for_the_person_the_article_is_about_or_an_organisation() {
    let r = built(
        "Dunne keen to stay at City\n\nRichard Dunne is ready to commit his future to City.\n\nHe was once threatened by City boss Kevin Keegan. Early talks have taken place and the defender said: \"Hopefully something will be sorted out soon.\" Newcastle boss Graeme Souness is said to be ready to bid. But the 25-year-old Dubliner underlined his intention to stay. He added: \"It's nice to be linked with top clubs.\"\n\nThey have until 16 December and an IAAF spokesman said: \"We're sure their responses are on their way.\" The lawsuit said Willis has endured \"extreme mental, physical and emotional pain and suffering.\" \"Voice-over broadband is a key trend across Europe, \" Eric Abensur, Wanadoo's chief executive told the BBC News website.",
    );
    assert_eq!(
        who(&r),
        [
            (
                "Hopefully something will be sorted out soon.",
                Some("Richard Dunne"),
                false
            ),
            (
                "It's nice to be linked with top clubs.",
                Some("Richard Dunne"),
                false
            ),
            (
                "We're sure their responses are on their way.",
                Some("IAAF"),
                false
            ),
            (
                "extreme mental, physical and emotional pain and suffering.",
                Some("the lawsuit"),
                false
            ),
            (
                "Voice-over broadband is a key trend across Europe,",
                Some("Eric Abensur"),
                false
            ),
        ]
    );
}

#[test]
fn titles_before_names_affiliations_and_pronouns_before_the_quote() {
    let r = built(
        "Howard denies split over ID cards\n\nMichael Howard has denied his shadow cabinet was split.\n\nThe Tory leader said his team had reached a \"collective view\". He also said he was confident shadow minister Mr Davis would \"set out the position very clearly\". Lib Dem home affairs spokesman Mark Oaten has branded the ID scheme \"deeply flawed\". The chairman of the Bar Council, Guy Mansfield QC warned that people on the \"margins of society\" would suffer. Tory ex-minister Douglas Hogg said it was a \"regressive\" step.\n\nMr Mubanga was released in January.\n\nThe home secretary said the reports were not \"well informed\". And Home Secretary Charles Clarke told BBC One's Breakfast with Frost: \"I'm not organising a specific investigation into it.\" He said: \"'We are hoping to issue proceedings soon.\" Mr Mubanga said: \"I've lost three years of my life. He added: \"The authorities wanted to break me.\"",
    );
    let got: Vec<(&str, Option<&str>)> = who(&r).into_iter().map(|(q, s, _)| (q, s)).collect();
    assert_eq!(
        got,
        [
            ("collective view", Some("Michael Howard")),
            ("set out the position very clearly", Some("Michael Howard")),
            ("deeply flawed", Some("Mark Oaten")),
            ("margins of society", Some("Guy Mansfield QC")),
            ("regressive", Some("Douglas Hogg")),
            ("well informed", Some("Home Secretary Charles Clarke")),
            (
                "I'm not organising a specific investigation into it.",
                Some("Home Secretary Charles Clarke")
            ),
            (
                "We are hoping to issue proceedings soon.",
                Some("Home Secretary Charles Clarke")
            ),
            ("I've lost three years of my life.", Some("Mr Mubanga")),
            ("The authorities wanted to break me.", Some("Mr Mubanga")),
        ]
    );
}

#[test]
fn a_surname_that_is_elsewhere_an_adjective_or_a_day_and_the_first_he_is_the_topic() {
    let r = built(
        "Galloway plea for hostage release\n\nEx-Labour MP George Galloway has appealed for the release of Margaret Hassan.\n\nMr Galloway was expelled from the Labour party. He denied a report that he would appeal via the Al-Jazeera Arabic television channel. Speaking in London, he said: \"I have deliberately not involved myself before.\"\n\n\"We have had a much stronger final week,\" said Mr Dergarabedian. \"England have the ability to win,\" said England sevens coach Mike Friday. His lawyer Louise Christian said: \"We are hoping to issue proceedings.\"",
    );
    let got: Vec<(&str, Option<&str>)> = who(&r).into_iter().map(|(q, s, _)| (q, s)).collect();
    assert_eq!(
        got,
        [
            (
                "I have deliberately not involved myself before.",
                Some("Labour MP George Galloway")
            ),
            (
                "We have had a much stronger final week,",
                Some("Mr Dergarabedian")
            ),
            ("England have the ability to win,", Some("Mike Friday")),
            (
                "We are hoping to issue proceedings.",
                Some("Louise Christian")
            ),
        ]
    );
}

#[test]
fn the_subject_of_saying_not_the_names_in_what_is_said_nor_a_possessive() {
    let r = built(
        "Brown 'proud of economy record'\n\n\
         Analysing Mr Brown's position, BBC correspondent James Hardy said Mr Brown would draw \"sharp dividing lines\" with the Tories. \"Mr Brown will lay out his credentials as a reforming chancellor,\" our correspondent said.\n\n\
         The job remains undimmed, Alan Milburn, Labour's election strategist told Radio 4 on Saturday. Mr Blair has \"the same passion and the same commitments for the job\" as in 1997, he said.\n\n\
         And he confirmed Mr Blair's insistence that no date had been set. He said: \"I'm the co-ordinator and I don't know.\"\n\n\
         \"It's deeply affordable,\" said Nick Ross. Ian Fogg, broadband and personal technology analyst at Jupiter Research, agreed. \"Apple has been hoping for a halo effect on the Mac,\" he said.",
    );
    let got: Vec<(&str, Option<&str>)> = who(&r).into_iter().map(|(t, s, _)| (t, s)).collect();
    assert_eq!(
        got,
        [
            ("proud of economy record", Some("Brown")),
            ("sharp dividing lines", Some("James Hardy")),
            (
                "Mr Brown will lay out his credentials as a reforming chancellor,",
                Some("James Hardy")
            ),
            (
                "the same passion and the same commitments for the job",
                Some("Alan Milburn")
            ),
            (
                "I'm the co-ordinator and I don't know.",
                Some("Alan Milburn")
            ),
            ("It's deeply affordable,", Some("Nick Ross")),
            (
                "Apple has been hoping for a halo effect on the Mac,",
                Some("Ian Fogg")
            ),
        ]
    );
}
