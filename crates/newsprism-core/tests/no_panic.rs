//! Reading a file never panics, whatever its bytes: in wasm a panic would kill the page.

use newsprism_core::ingest::{parse_article, read_file};

/// One name per format, and one the format is sniffed for.
const NAMES: [&str; 10] = [
    "f.txt",
    "f.md",
    "f.html",
    "f.mhtml",
    "f.rss",
    "f.atom",
    "f.json",
    "f.jsonl",
    "f.newsprism",
    "f",
];
use newsprism_core::Corpus;
use proptest::prelude::*;

/// Bytes that look like the awkward files people drop: headers, quotes, BOMs, stray controls.
fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just(b" date 2022-12 ".to_vec()),
            Just(b"date: 2022-13-45\n".to_vec()),
            Just(b"title: \n".to_vec()),
            Just(b"---\n".to_vec()),
            Just(b"\n\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just("\u{201e}Onzin.\u{201d} ".as_bytes().to_vec()),
            Just("\u{2018}Giftige mensen\u{2019}\n".as_bytes().to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()),
            Just(b"\xFF\xFE".to_vec()),
            Just(b"Lees ook ".to_vec()),
            Just(b"KIJK. ".to_vec()),
            Just(b"<p>".to_vec()),
            Just(b"</p><script>".to_vec()),
            Just(b"<!DOCTYPE html><html lang=\"nl\">".to_vec()),
            Just(b"<meta property=\"article:published_time\" content=\"2022-".to_vec()),
            Just(b"<article><h1>".to_vec()),
            Just(b"</div></span></article></body></html><form>".to_vec()),
            Just(b"<div class=\"share comment\" role=banner hidden style=\"display:none\">".to_vec()),
            Just(b"<meta charset=\"windows-1250\">".to_vec()),
            Just(b"<meta charset=gb2312>".to_vec()),
            Just(b"<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":".to_vec()),
            Just(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n".to_vec()),
            Just(b"--b\nContent-Type: text/html; charset=iso-8859-2\nContent-Transfer-Encoding: quoted-printable\n\n".to_vec()),
            Just(b"Content-Transfer-Encoding: base64\n\n".to_vec()),
            Just(b"=C3=A9=\n=Z".to_vec()),
            Just(b"--b--".to_vec()),
            Just(b"<?xml version=\"1.0\"?><rss><channel><title>".to_vec()),
            Just(b"<item><title>".to_vec()),
            Just(b"</title><link>https://x/</link><pubDate>Mon, 19 Dec".to_vec()),
            Just(b"<description><![CDATA[<p>".to_vec()),
            Just(b"]]></description></item>".to_vec()),
            Just(b"<feed><entry><link rel=\"alternate\" href=\"".to_vec()),
            Just(b"</entry>".to_vec()),
            Just("e\u{301}\u{ad}".as_bytes().to_vec()),
            Just(b"&amp;&#x;&#99999999;".to_vec()),
            Just(b"{\"title\": \"".to_vec()),
            Just(b"\", \"text\": [".to_vec()),
            Just(b"]}".to_vec()),
            Just(b"{\"format\": \"newsprism-project\", \"version\": 1, ".to_vec()),
            Just(b"# ".to_vec()),
            Just(b"![x](".to_vec()),
            Just(b"?".to_vec()),
            "[a-zA-Z\u{e0}-\u{ff} .,:;!?'\"-]{0,40}".prop_map(String::into_bytes),
            prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..24,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for name in NAMES {
            let _ = read_file(name, &bytes);
        }
    }

    #[test]
    fn texty_bytes_never_panic_in_any_format(bytes in texty_bytes()) {
        let mut corpus = Corpus::new();
        for name in NAMES {
            let _ = corpus.add_files(vec![(name.to_string(), Ok(bytes.clone()))]);
        }
        let _ = corpus.library(Default::default());
    }

    #[test]
    fn texty_bytes_never_panic_and_articles_have_titles(bytes in texty_bytes()) {
        if let Ok(ingested) = parse_article("fuzz.txt", &bytes) {
            let a = ingested.article;
            prop_assert!(a.word_count > 0);
            prop_assert!(!a.paragraphs.is_empty() || a.title_kind == newsprism_core::TitleKind::Headline);
        }
        let mut corpus = Corpus::new();
        let _ = corpus.add_files(vec![("fuzz.txt".to_string(), Ok(bytes.clone()))]);
        let _ = corpus.library(Default::default());
    }
}

fn seeds() -> &'static Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS.get_or_init(build_seeds)
}

fn build_seeds() -> Corpus {
    let files: Vec<(&str, &[u8])> = vec![
        (
            "000.txt",
            include_bytes!("../../../seeds/000_862f0dab74190d4b.txt"),
        ),
        (
            "001.txt",
            include_bytes!("../../../seeds/001_3e918a7f038292b0.txt"),
        ),
        (
            "003.txt",
            include_bytes!("../../../seeds/003_dac0a1bfa62107c7.txt"),
        ),
    ];
    Corpus::from_files(files).0
}

/// Queries built from the query language's own pieces, so that odd combinations are common.
fn query_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("poetin".to_string()),
            Just("Wit-Rusland".to_string()),
            Just("OR".to_string()),
            Just("AND".to_string()),
            Just("NOT".to_string()),
            Just("-".to_string()),
            Just("\"".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("*".to_string()),
            Just("~".to_string()),
            Just("~2".to_string()),
            Just("source:".to_string()),
            Just("date:2022-1".to_string()),
            Just("..".to_string()),
            Just("lang:".to_string()),
            "[a-zëï0-9.,'’-]{1,8}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..12,
    )
    .prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn searching_never_panics(q in query_text(), raw in ".{0,40}") {
        let corpus = seeds();
        for query in [q.as_str(), raw.as_str(), &q.replace(' ', "")] {
            for aliases in [true, false] {
                let options = newsprism_core::search::results::SearchOptions { aliases, ..Default::default() };
                let r = corpus.search(query, &options);
                prop_assert!(r.hits.len() <= r.total);
                let _ = corpus.kwic(&r, newsprism_core::search::kwic::KwicSort::Left, 30, 50);
            }
        }
    }
}

/// Date-like text: numbers, month and weekday names, relative words, in any order.
fn datey_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "maandag",
        "vrijdag",
        "25",
        "31",
        "februari",
        "Dec",
        "2022",
        "0",
        "99999",
        "9999",
        "1000",
        "sinds",
        "since",
        "vorige",
        "week",
        "jaar",
        "geleden",
        "ago",
        "bijna",
        "de",
        "komende",
        "drie",
        "jaren",
        "negentig",
        "begin",
        "eind",
        "mid",
        "-",
        "/",
        ".",
        ",",
        "'",
        "29",
        "2100",
        "the",
        "last",
        "next",
        "May",
        "winter",
        "zomer",
        "van",
        "earlier",
        "this",
        "month",
        "1990s",
        "honderd",
        "2022-02-30",
        "12/13/2022",
        "00.00.0000",
        "vandaag",
    ]);
    prop::collection::vec(words, 0..12).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    #[test]
    fn extracting_and_resolving_dates_never_panics(
        text in datey_text(),
        raw in "\\PC{0,60}",
        reference in -200_000i32..200_000,
        width in 0i32..400,
    ) {
        use newsprism_core::time::{expressions::extract, resolve::resolve};
        for t in [text.as_str(), raw.as_str()] {
            for e in extract(t) {
                prop_assert!(t.is_char_boundary(e.range.start) && t.is_char_boundary(e.range.end));
                if let Some(r) = resolve(&e, Some(reference..=reference + width)) {
                    prop_assert!(r.start <= r.end);
                    prop_assert!(!r.candidates.is_empty());
                }
                let _ = resolve(&e, None);
            }
        }
    }
}

/// Text full of what comparison parses: quotation marks of every style, apostrophes, colons,
/// numbers in both conventions, number words, names and titles.
fn quotey_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "„",
        "”",
        "“",
        "‘",
        "’",
        ",,",
        "\"",
        "'",
        "«",
        "»",
        ":",
        "'s",
        "Poetins",
        "scenario's",
        "aldus",
        "zei",
        "zegt",
        "volgens",
        "Peskov",
        "Hartog:",
        "hij",
        "correspondent",
        "Kremlin-woordvoerder",
        "Dmitri",
        "Belarus",
        "Wit-Russische",
        "9.000",
        "10,000",
        "4,5",
        "1.234,5",
        "£15.8m",
        "3bn",
        "tot",
        "tussen",
        "en",
        "ruim",
        "meer",
        "dan",
        "zevenhonderd",
        "tweeëntwintigduizend",
        "duizenden",
        "procent",
        "%",
        "soldaten",
        "troepen",
        "man",
        "van",
        "de",
        "S-400",
        "10-15",
        "juli",
        "1994",
        "10.30",
        "uur",
        ".",
        ",",
        "?",
        "\n\n",
        "Maandag",
        "één",
        "twenty-five",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn comparing_never_panics(a in quotey_text(), b in quotey_text(), raw in "\\PC{0,80}") {
        let files: Vec<(String, Vec<u8>)> = [a, b, raw]
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{i}.txt"), format!(" date 2022-12 {t} x").into_bytes()))
            .collect();
        let (corpus, _) = Corpus::from_files(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
        let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
        let c = corpus.compare(&ids);
        for q in &c.quotes.quotes {
            prop_assert!(!q.at.text.is_empty());
        }
        for q in &c.ledger.quantities {
            prop_assert!(q.low <= q.high);
        }
        let _ = corpus.align(&ids);
        let _ = c.story_groups(0.0, 7);
    }
}

/// Whether `xml` is well-formed in the ways an export can go wrong: every tag closed in order,
/// attributes quoted, no bare `<` or `&` in text, no control characters XML 1.0 forbids.
fn well_formed(xml: &str) -> Result<(), String> {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("no XML declaration")?;
    if let Some(c) = body.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        return Err(format!("a character XML forbids: {:?}", c));
    }
    let mut open: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find(['<', '&']) {
        let (text, tail) = rest.split_at(lt);
        if text.contains('>') && !open.is_empty() {
            // '>' is allowed in text; nothing to check.
        }
        if tail.starts_with('&') {
            let end = tail.find(';').ok_or("a bare &")?;
            let name = &tail[1..end];
            if !matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") && !name.starts_with('#') {
                return Err(format!("an unknown entity &{name};"));
            }
            rest = &tail[end + 1..];
            continue;
        }
        let end = tail.find('>').ok_or("a bare <")?;
        let tag = &tail[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("</{name}> closes nothing open"));
            }
        } else {
            let self_closing = tag.ends_with('/');
            let name = tag
                .trim_end_matches('/')
                .split_whitespace()
                .next()
                .ok_or("an empty tag")?;
            let attrs = tag.trim_end_matches('/')[name.len()..].trim();
            if attrs.matches('"').count() % 2 != 0 || attrs.contains('<') {
                return Err(format!("bad attributes in <{tag}>"));
            }
            if !self_closing {
                open.push(name);
            }
        }
        rest = &tail[end + 1..];
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {open:?}"))
    }
}

/// Article text with dates, quotations, sayings and named events in any order.
fn articley_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "maandag",
        "vorige",
        "volgende",
        "week",
        "Monday",
        "of",
        "last",
        "on",
        "Sunday",
        "Times",
        "the",
        "told",
        "said",
        "zei",
        "would",
        "zou",
        "have",
        "today",
        "vandaag",
        "gisteren",
        "\"",
        "“",
        "”",
        "„",
        "'",
        ":",
        ",",
        ".",
        "\n\n",
        "<",
        "&",
        ">",
        "sinds",
        "de",
        "oorlog",
        "in",
        "Oekraïne",
        "invasie",
        "na",
        "een",
        "jaar",
        "19",
        "december",
        "2022",
        "ruim",
        "drie",
        "elke",
        "nu",
        "\u{0}",
        "\u{1}",
        "\u{FFFE}",
        "Wednesday",
        "night",
        "Q3",
    ]);
    (
        prop::collection::vec(words, 0..40),
        prop::sample::select(vec![
            "",
            " date 2022-12 ",
            " date 2022-12-21 ",
            " date 2005-02-16 ",
            " date 2022 ",
        ]),
    )
        .prop_map(|(w, header)| format!("{header}{}", w.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn analysing_an_article_never_panics_and_its_timeml_is_well_formed(text in articley_text()) {
        use newsprism_core::time::named::{EventTable, NamedEvent, NamedEvents};
        use newsprism_core::time::timeline::{analyse, analyse_with, Timeline};
        use newsprism_core::time::timex::timeml;
        let Ok(parsed) = newsprism_core::ingest::parse_article("a.txt", text.as_bytes()) else {
            return Ok(());
        };
        let article = parsed.article;
        let time = analyse(&article);
        let xml = timeml(&article, &time);
        prop_assert!(well_formed(&xml).is_ok(), "{:?}\n{}", well_formed(&xml), xml);
        // A user's table, with a phrase and a date of any shape the form lets through.
        let mut table = EventTable::default();
        if let Ok(e) = NamedEvent::parse("x", "2000-02-29", "de oorlog, <&>", "Oekraïne") {
            let _ = table.add(e);
        }
        let _ = analyse_with(&article, &NamedEvents::new(table));
        let xml = Timeline::build([&article]).timeml([&article]);
        prop_assert!(well_formed(&xml).is_ok(), "{:?}\n{}", well_formed(&xml), xml);
    }
}
