use super::*;

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="nl"><head>
<title>Poetin in Minsk | Nieuwsblad</title>
<meta property="og:title" content="Poetin bezoekt Loekasjenko">
<meta property="og:site_name" content="Het Nieuwsblad">
<meta property="article:published_time" content="2022-12-19T14:05:00+01:00">
<script>document.write("<p>injected</p>"); alert(1)</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li>Binnenland</li></ul></nav>
<article>
<h1>Poetin reist naar Minsk</h1>
<p>De Russische president Poetin is <b>maandag</b> in Minsk aangekomen &amp; werd ontvangen door Loekasjenko.</p>
<figure><img src="x.jpg" onerror="alert(2)"><figcaption>Poetin en Loekasjenko in Minsk.</figcaption></figure>
<h2>Onder druk</h2>
<p onclick="alert(3)">Het Kremlin noemt de berichten &#8220;domme verzinsels&#8221;, aldus woordvoerder Peskov tegen persbureau Ria.</p>
<aside><p>Lees ook: dit andere artikel</p></aside>
</article>
<footer><p>© Mediahuis</p></footer>
</body></html>"#;

#[test]
fn a_news_page_gives_headline_metadata_and_paragraphs() {
    let raw = parse(PAGE);
    assert_eq!(raw.headline.as_deref(), Some("Poetin reist naar Minsk"));
    assert_eq!(raw.source.as_deref(), Some("Het Nieuwsblad"));
    let (date, prov) = raw.date.unwrap();
    assert_eq!(date.iso(), "2022-12-19");
    assert_eq!(prov, Provenance::HtmlMeta);
    assert_eq!(raw.language, Some(Language::Dutch));
    assert_eq!(
        raw.paragraphs,
        [
            "De Russische president Poetin is maandag in Minsk aangekomen & werd ontvangen door Loekasjenko.",
            "Poetin en Loekasjenko in Minsk.",
            "Onder druk",
            "Het Kremlin noemt de berichten “domme verzinsels”, aldus woordvoerder Peskov tegen persbureau Ria.",
        ]
    );
    assert_eq!(
        raw.hints,
        [
            None,
            Some(ParagraphKind::Caption),
            Some(ParagraphKind::Subheading),
            None
        ]
    );
}

#[test]
fn scripts_styles_and_handlers_never_reach_the_text() {
    let raw = parse(PAGE);
    let all = raw.paragraphs.join(" ") + raw.headline.as_deref().unwrap_or("");
    for bad in [
        "alert",
        "injected",
        "color",
        "<",
        "onclick",
        "Home",
        "Lees ook",
        "Mediahuis",
    ] {
        assert!(!all.contains(bad), "{bad} leaked into {all}");
    }
}

#[test]
fn without_article_or_h1_the_title_and_paragraph_flow_are_used() {
    let raw = parse(
        "<html><head><title>Ad sales boost Time Warner profit</title></head><body>\
         <div class=menu><a>News</a> <a>Sport</a></div>\
         <p>Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m).</p>\
         <p>The firm, which is now one of the biggest investors in Google, benefited.</p>\
         <time datetime=\"2005-01-10\">10 January</time></body></html>",
    );
    assert_eq!(
        raw.headline.as_deref(),
        Some("Ad sales boost Time Warner profit")
    );
    assert_eq!(raw.paragraphs.len(), 2);
    assert!(raw.paragraphs[0].contains("£600m"));
    assert_eq!(raw.date.unwrap().0.iso(), "2005-01-10");
    assert_eq!(raw.source, None);
}

#[test]
fn broken_markup_still_gives_text() {
    let raw = parse("<p>Eerste <i>alinea <p>Tweede alinea</div></span> <script>var x = '</p>'");
    assert_eq!(raw.paragraphs, ["Eerste alinea", "Tweede alinea"]);
}

#[test]
fn html_is_recognised_by_its_opening() {
    assert!(looks_like_html("<!DOCTYPE html><html>"));
    assert!(looks_like_html("  <html lang=en>"));
    assert!(looks_like_html("<div><p>Tekst</p></div>"));
    assert!(!looks_like_html("Use <p> for paragraphs, the manual says."));
    assert!(!looks_like_html("<3 this article"));
}
