//! Every format and every encoding, read from fixtures made of real text (the seeds and BBC
//! articles; see scripts/make-fixtures.py). Each case checks what the format reader found
//! against the plain-text original.

use std::path::{Path, PathBuf};

use newsprism_core::article::TextEncoding;
use newsprism_core::article::{Article, ParagraphKind, Provenance, TitleKind};
use newsprism_core::corpus::{Corpus, FileOutcome};
use newsprism_core::ingest::{parse_article, read_file, FileContents, Format};
use newsprism_core::text::language::Language;

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    (name.to_string(), std::fs::read(&path).unwrap())
}

fn seed(n: usize) -> Article {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let bytes = std::fs::read(&paths[n]).unwrap();
    parse_article("seed.txt", &bytes).unwrap().article
}

fn articles(name: &str) -> Vec<(Result<Article, String>, Format)> {
    let (name, bytes) = fixture(name);
    match read_file(&name, &bytes).unwrap() {
        FileContents::Articles(items) => items
            .into_iter()
            .map(|r| match r {
                Ok(i) => (Ok(i.article), i.format),
                Err(e) => (Err(e.to_string()), Format::Json),
            })
            .collect(),
        FileContents::Project(_) => panic!("{name} read as a project"),
    }
}

fn texts(a: &Article, kind: ParagraphKind) -> Vec<&str> {
    a.paragraphs
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn every_encoding_of_seed_003_reads_as_the_same_article() {
    let original = seed(3);
    assert!(original.paragraphs.iter().any(|p| p.text.contains('ï')));
    for (file, encoding) in [
        ("seed003-utf16le.txt", TextEncoding::Utf16Le),
        ("seed003-utf16be.txt", TextEncoding::Utf16Be),
        ("seed003-utf8bom.txt", TextEncoding::Utf8Bom),
        ("seed003-crlf-cp1252.txt", TextEncoding::Windows1252),
    ] {
        let (name, bytes) = fixture(file);
        let a = parse_article(&name, &bytes).unwrap().article;
        assert_eq!(a.encoding, encoding, "{file}");
        assert_eq!(a.id, original.id, "{file}");
        assert_eq!(a.title, original.title, "{file}");
        assert_eq!(a.paragraphs, original.paragraphs, "{file}");
    }
}

#[test]
fn the_latin1_bbc_file_keeps_its_pound_signs() {
    let (name, bytes) = fixture("bbc-sport-199-latin1.txt");
    let a = parse_article(&name, &bytes).unwrap().article;
    assert_eq!(a.encoding, TextEncoding::Windows1252);
    assert_eq!(a.language, Language::English);
    assert_eq!(a.title_kind, TitleKind::Headline);
    let all: String = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(all.contains("£15.8m"), "{all}");
    assert!(!all.contains('\u{fffd}'));
}

#[test]
fn a_saved_news_page_gives_the_article_and_nothing_else() {
    let original = seed(1);
    let items = articles("seed001.html");
    assert_eq!(items.len(), 1);
    let (a, format) = (&items[0].0.as_ref().unwrap(), items[0].1);
    assert_eq!(format, Format::Html);
    assert_eq!(a.title, "Het bliksembezoek van Poetin aan Belarus");
    assert_eq!(a.title_kind, TitleKind::Headline);
    assert_eq!(a.source.as_deref(), Some("Voorbeeldkrant"));
    let date = a.pub_date.as_ref().unwrap();
    assert_eq!(date.date.iso(), "2022-12-20");
    assert_eq!(date.provenance, Provenance::HtmlMeta);
    assert_eq!(a.language, Language::Dutch);
    // The page's <figcaption>, then the seed's paragraphs with their kinds, in order, and
    // nothing from the page's furniture or scripts.
    assert_eq!(a.paragraphs[0].text, "Poetin en Loekasjenko in Minsk.");
    assert_eq!(a.paragraphs[0].kind, ParagraphKind::Caption);
    assert_eq!(a.paragraphs[1..], original.paragraphs[..]);
    assert_eq!(
        texts(a, ParagraphKind::Caption).len(),
        1 + texts(&original, ParagraphKind::Caption).len()
    );
    let everything = format!(
        "{} {}",
        a.title,
        a.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    for leaked in [
        "alert",
        "cookie",
        "geinjecteerd",
        "Voorpagina",
        "Lees ook",
        "rechten",
        "font-family",
        "<",
        "onerror",
    ] {
        assert!(!everything.contains(leaked), "{leaked}");
    }
}

#[test]
fn a_page_without_an_extension_is_sniffed() {
    let items = articles("saved-page");
    assert_eq!(items[0].1, Format::Html);
    assert_eq!(
        items[0].0.as_ref().unwrap().source.as_deref(),
        Some("Voorbeeldkrant")
    );
    let items = articles("export.dat");
    assert_eq!(items.len(), 5);
    assert!(items.iter().all(|(_, f)| *f == Format::JsonLines));
}

#[test]
fn markdown_with_front_matter_reads_like_the_bbc_text() {
    let items = articles("bbc-business-001.md");
    let a = items[0].0.as_ref().unwrap();
    assert_eq!(items[0].1, Format::Markdown);
    assert_eq!(a.title, "Ad sales boost Time Warner profit");
    assert_eq!(a.source.as_deref(), Some("BBC News"));
    assert_eq!(
        a.pub_date.as_ref().unwrap().provenance,
        Provenance::FrontMatter
    );
    assert_eq!(a.language, Language::English);
    assert!(a.paragraphs[0].text.starts_with(
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)"
    ));
    assert!(!a.paragraphs[0].text.contains("]("));
}

#[test]
fn a_json_array_gives_one_article_per_record_and_names_the_bad_one() {
    let items = articles("bbc-tech.json");
    assert_eq!(items.len(), 4);
    let ok: Vec<&Article> = items.iter().filter_map(|(r, _)| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 3);
    assert!(ok
        .iter()
        .all(|a| a.source.as_deref() == Some("BBC News") && a.url.is_some()));
    assert_eq!(ok[0].file_name, "bbc-tech.json (record 1)");
    let bad = items[2].0.as_ref().unwrap_err();
    assert!(
        bad.contains("bbc-tech.json (record 3)") && bad.contains("no text"),
        "{bad}"
    );
}

#[test]
fn json_lines_of_the_seeds_are_the_seeds() {
    let items = articles("seeds.jsonl");
    assert_eq!(items.len(), 5);
    for (n, (a, format)) in items.iter().enumerate() {
        let a = a.as_ref().unwrap();
        assert_eq!(*format, Format::JsonLines);
        let original = seed(n);
        assert_eq!(a.word_count, original.word_count, "seed {n}");
        assert_eq!(
            a.pub_date.as_ref().map(|d| d.date.iso()),
            original.pub_date.as_ref().map(|d| d.date.iso()),
            "seed {n}"
        );
    }
}

#[test]
fn dropping_every_fixture_adds_each_text_once() {
    let (mut corpus, _) = Corpus::from_files(std::iter::empty());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let files = names
        .iter()
        .map(|n| (n.clone(), Ok(std::fs::read(dir.join(n)).unwrap())))
        .collect();
    let outcomes = corpus.add_files(files);
    let added = outcomes
        .iter()
        .filter(|o| matches!(o, FileOutcome::Added { .. }))
        .count();
    let duplicates = outcomes
        .iter()
        .filter(|o| matches!(o, FileOutcome::Duplicate { .. }))
        .count();
    let rejected: Vec<&FileOutcome> = outcomes
        .iter()
        .filter(|o| matches!(o, FileOutcome::Rejected(_)))
        .collect();
    // seed001.html (1) + md (1) + json (3 good, 1 bad) + jsonl (5) + latin-1 (1)
    // + seed003 in four encodings (1, then 3 duplicates) + saved-page and export.dat (duplicates).
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(added, 1 + 1 + 3 + 5 + 1 + 1 - 1, "{outcomes:#?}");
    assert_eq!(duplicates, 3 + 1 + 5 + 1);
    assert_eq!(corpus.len(), added);
}

fn read_all(name: &str, bytes: &[u8]) -> Vec<Result<Article, String>> {
    match read_file(name, bytes).unwrap() {
        FileContents::Articles(items) => items
            .into_iter()
            .map(|r| r.map(|i| i.article).map_err(|e| e.to_string()))
            .collect(),
        FileContents::Project(_) => panic!("{name} read as a project"),
    }
}

#[test]
fn a_page_saved_as_one_file_is_read_as_its_page() {
    // The seed page, as Chromium's "Save as single file" writes it: quoted-printable HTML.
    let (_, html) = fixture("seed001.html");
    let mut qp = String::new();
    for &b in &html {
        match b {
            b'=' => qp.push_str("=3D"),
            b'\n' => qp.push_str("\r\n"),
            b if b.is_ascii() => qp.push(b as char),
            b => qp.push_str(&format!("={b:02X}")),
        }
    }
    let mhtml = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://krant.example/poetin\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
         \tboundary=\"----MultipartBoundary--x----\"\r\n\r\n------MultipartBoundary--x----\r\n\
         Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n\
         ------MultipartBoundary--x------\r\n"
    );
    let page = parse_article("seed001.html", &html).unwrap().article;
    let saved = read_all("poetin.mhtml", mhtml.as_bytes());
    let saved = saved[0].as_ref().unwrap();
    assert_eq!(saved.title, page.title);
    assert_eq!(saved.paragraphs, page.paragraphs);
    assert_eq!(saved.pub_date, page.pub_date);
    // Sniffed without the extension too.
    assert!(read_all("poetin", mhtml.as_bytes())[0].is_ok());
}

#[test]
fn each_feed_item_is_an_article_and_a_bad_one_is_named() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Testkrant</title>\
        <item><title>Poetin in Minsk</title><link>https://t.example/1</link>\
        <pubDate>Tue, 20 Dec 2022 08:00:00 +0100</pubDate>\
        <description>&lt;p&gt;Poetin was maandag in Minsk.&lt;/p&gt;</description></item>\
        <item><title>Loekasjenko zwijgt</title><description>Loekasjenko zei niets over het bezoek.</description></item>\
        <item></item></channel></rss>";
    let items = read_all("nieuws.xml", rss.as_bytes());
    assert_eq!(items.len(), 3);
    let first = items[0].as_ref().unwrap();
    assert_eq!(first.title, "Poetin in Minsk");
    assert_eq!(first.source.as_deref(), Some("Testkrant"));
    assert_eq!(first.url.as_deref(), Some("https://t.example/1"));
    assert_eq!(first.pub_date.as_ref().unwrap().date.iso(), "2022-12-20");
    assert_eq!(first.paragraphs[0].text, "Poetin was maandag in Minsk.");
    assert!(items[1].is_ok());
    assert!(
        items[2]
            .as_ref()
            .unwrap_err()
            .contains("nieuws.xml (item 3)"),
        "{:?}",
        items[2]
    );
}
