//! Publication dates of web pages, from each place a page can give one, on small pages written
//! for the purpose (issue 15): JSON-LD, metadata in RFC 2822 and epoch form, the page's address,
//! a date line, and the order in which they count.

use newsprism_core::article::Provenance;
use newsprism_core::ingest::parse_article;

/// The date and where it came from, for a page with this head and body.
fn date_of(head: &str, body: &str) -> Option<(String, Provenance)> {
    let page = format!(
        "<!DOCTYPE html><html lang=\"de\"><head><title>Titel</title>{head}</head><body><article><h1>Eine Meldung</h1>{body}<p>Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz beschlossen, das im kommenden Jahr in Kraft treten soll und viele Bereiche betrifft.</p></article></body></html>"
    );
    let a = parse_article("seite.html", page.as_bytes()).ok()?.article;
    a.pub_date.map(|d| (d.date.iso(), d.provenance))
}

#[test]
fn json_ld_date_published_counts_first_and_keeps_the_publishers_day() {
    let head = r#"<meta property="article:published_time" content="2020-01-01">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"dateModified":"2019-12-20T10:00:00+01:00","datePublished":"2019-12-12T00:30:00+01:00"}</script>"#;
    assert_eq!(
        date_of(head, ""),
        Some(("2019-12-12".into(), Provenance::HtmlMeta))
    );
}

#[test]
fn metadata_in_rfc_2822_or_epoch_form_is_read() {
    let rfc = r#"<meta name="pubdate" content="Thu, 12 Dec 2019 08:00:00 +0100">"#;
    assert_eq!(
        date_of(rfc, ""),
        Some(("2019-12-12".into(), Provenance::HtmlMeta))
    );
    let epoch = r#"<meta name="parsely-pub-date" content="1576108800">"#;
    assert_eq!(
        date_of(epoch, ""),
        Some(("2019-12-12".into(), Provenance::HtmlMeta))
    );
}

#[test]
fn the_pages_address_comes_before_a_date_line() {
    let head = r#"<link rel="canonical" href="https://example.org/politik/2021/11/03/gesetz">"#;
    let body = "<p class=\"datum\">Stand: 05.11.2021</p>";
    assert_eq!(
        date_of(head, body),
        Some(("2021-11-03".into(), Provenance::PageAddress))
    );
}

#[test]
fn a_written_date_line_is_read_when_nothing_else_gives_a_date() {
    for (line, day) in [
        ("<p>Stand: 19.12.2022, 14:05 Uhr</p>", "2022-12-19"),
        ("<div>Veröffentlicht am 3. Februar 2021</div>", "2021-02-03"),
        ("<p>Published December 19th, 2022</p>", "2022-12-19"),
        ("<p>Gepubliceerd op 1 november 2021</p>", "2021-11-01"),
    ] {
        assert_eq!(
            date_of("", line),
            Some((day.into(), Provenance::DateLine)),
            "{line}"
        );
    }
    // A date inside a long paragraph is what the text talks about, not when it was published.
    let long = "<p>Am 3. Februar 2021 hatte der Ausschuss zum ersten Mal über den Entwurf beraten, der seither mehrfach geändert und von vielen Verbänden kritisiert worden ist, bevor er nun zur Abstimmung kam.</p>";
    assert_eq!(date_of("", long), None);
}

#[test]
fn a_time_in_a_related_list_is_not_the_pages_but_one_in_the_articles_aside_is() {
    let related = r#"<div class="related-posts"><a href="/alt">Alter Beitrag</a> <time datetime="2009-04-11">11.04.2009</time></div>"#;
    let address = r#"<link rel="canonical" href="https://blog.example/2019/10/22/beitrag/">"#;
    assert_eq!(
        date_of(address, related),
        Some(("2019-10-22".into(), Provenance::PageAddress))
    );
    let aside = r#"<aside class="meta" role="complementary"><time datetime="2022-01-21">21.01.2022</time></aside>"#;
    let later = r#"<meta name="Date" content="2022-1-26T14:32:06+02:00">"#;
    assert_eq!(
        date_of(later, aside),
        Some(("2022-01-21".into(), Provenance::HtmlMeta))
    );
}

#[test]
fn a_day_wins_over_an_earlier_month_only_date() {
    let head = r#"<meta name="citation_publication_date" content="2017/01"><meta name="dc.date" content="2017-01-30">"#;
    assert_eq!(
        date_of(head, ""),
        Some(("2017-01-30".into(), Provenance::HtmlMeta))
    );
}

#[test]
fn a_paragraph_or_title_that_opens_with_a_date() {
    let opening = "<p>27.1.2022 - Bei der Erinnerung an die Verfolgten des Nationalsozialismus wurde in diesem Jahr auch an queere Opfer erinnert, sagte die Sprecherin am Donnerstag in Berlin.</p>";
    assert_eq!(
        date_of("", opening),
        Some(("2022-01-27".into(), Provenance::DateLine))
    );
    let page = "<html><head><title>08.11.2021 | Online-Fachtag zum Intersex Day</title></head><body><p>Der Fachtag findet online statt, die Anmeldung ist kostenlos und steht allen offen, die sich für das Thema interessieren.</p></body></html>";
    let a = parse_article("seite.html", page.as_bytes())
        .unwrap()
        .article;
    assert_eq!(a.pub_date.unwrap().date.iso(), "2021-11-08");
}
