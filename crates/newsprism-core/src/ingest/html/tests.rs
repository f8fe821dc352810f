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
            Some(ParagraphKind::Body),
            Some(ParagraphKind::Caption),
            Some(ParagraphKind::Subheading),
            Some(ParagraphKind::Body)
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

/// Four sentences of article text, long enough to outscore any furniture.
const BODY: &str = "<p>The council voted on Monday to close the old harbour bridge, after engineers found cracks in two of its supports, the mayor said.</p>\
<p>Repairs will take at least six months, and ferries will carry cyclists and pedestrians across the river in the meantime, officials said.</p>\
<p>Shop owners on the north bank, who depend on the bridge for customers, asked for compensation, but the council did not decide on it.</p>\
<p>A new bridge, planned for 2030, would cost about 40 million euros, according to an estimate published in March.</p>";

fn body_text(raw: &RawText) -> String {
    raw.paragraphs.join("\n")
}

#[test]
fn the_article_wins_over_teasers_menus_and_furniture() {
    let page = format!(
        "<html><body><header><a href=/>Home</a> <a href=/news>News</a></header>\
         <div class=teasers><article><h3><a href=/a>Other story one</a></h3><p>A short teaser.</p></article>\
         <article><h3><a href=/b>Other story two</a></h3></article></div>\
         <div class=story><h1>Harbour bridge closes</h1>{BODY}\
         <div class=share-buttons><a>Share on Facebook</a> <a>Share on X</a></div>\
         <div class=newsletter><p>Sign up for our newsletter, every morning, free of charge.</p></div>\
         <ul class=related><li><a href=/c>Bridge repairs elsewhere</a></li><li><a href=/d>Ferry timetable</a></li></ul>\
         </div><div id=comments><p>Great article, thanks, I always said so, really.</p></div>\
         <footer>© Example Media</footer></body></html>"
    );
    let raw = parse(&page);
    let text = body_text(&raw);
    assert_eq!(raw.headline.as_deref(), Some("Harbour bridge closes"));
    assert!(text.starts_with("The council voted on Monday"), "{text}");
    assert!(text.contains("according to an estimate published in March."));
    for furniture in [
        "teaser",
        "Share on",
        "newsletter",
        "Bridge repairs elsewhere",
        "Great article",
        "Example Media",
        "Home",
    ] {
        assert!(!text.contains(furniture), "{furniture} kept in {text}");
    }
}

#[test]
fn mis_nested_tags_and_a_form_around_the_page_keep_the_article_whole() {
    let page = format!(
        "<html><body><form id=aspnetForm action=/x><input type=hidden name=v>\
         <div class=content><span><div class=text>{BODY}</span></div></article>\
         <p>Traffic will be diverted over the east bridge, which was widened in 2019, the police said.</p>\
         </div></form></body></html>"
    );
    let text = body_text(&parse(&page));
    assert!(text.contains("The council voted on Monday"), "{text}");
    assert!(text.contains("Traffic will be diverted"), "{text}");
}

#[test]
fn div_text_lists_and_tables_in_the_article_are_kept() {
    let page = format!(
        "<html><body><main><div class=article-body>{BODY}\
         <div>The repair plan, which the council published on its website, has three phases.</div>\
         <ul><li>Phase one: closing the bridge and removing the deck.</li><li>Phase two: new supports.</li></ul>\
         <table><tr><td>Phase</td><td>Cost</td></tr><tr><td>One</td><td>2 million euros</td></tr></table>\
         </div></main></body></html>"
    );
    let text = body_text(&parse(&page));
    for kept in [
        "The repair plan, which the council published",
        "Phase one: closing the bridge",
        "Phase two: new supports.",
        "2 million euros",
    ] {
        assert!(text.contains(kept), "{kept} lost from {text}");
    }
}

#[test]
fn figures_and_credits_are_captions_and_hidden_text_is_dropped() {
    let page = format!(
        "<html><body><article>{BODY}<figure><img src=a.jpg><figcaption>The bridge on Monday.</figcaption>\
         <span class=credit>Photo: J. Smith</span></figure>\
         <div hidden><p>Hidden text that no reader sees.</p></div>\
         <div style=\"display: none\">Also hidden.</div></article></body></html>"
    );
    let raw = parse(&page);
    let captions: Vec<&str> = raw
        .paragraphs
        .iter()
        .zip(&raw.hints)
        .filter(|(_, h)| **h == Some(ParagraphKind::Caption))
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(captions, ["The bridge on Monday."]);
    // A credit is dropped, or kept as a caption; never body.
    let body: Vec<&String> = raw
        .paragraphs
        .iter()
        .zip(&raw.hints)
        .filter(|(_, h)| **h != Some(ParagraphKind::Caption))
        .map(|(p, _)| p)
        .collect();
    assert!(!body.iter().any(|p| p.contains("J. Smith")), "{body:?}");
    assert!(!body_text(&raw).contains("idden"));
}

#[test]
fn soft_hyphens_are_removed() {
    let raw = parse(&format!(
        "<article>{BODY}<p>Die Alt\u{ad}pa\u{ad}läo\u{ad}li\u{ad}thi\u{ad}kum-Funde wurden gezeigt, sagte er.</p></article>"
    ));
    assert!(body_text(&raw).contains("Die Altpaläolithikum-Funde"));
}

#[test]
fn json_ld_gives_authors_publisher_and_headline() {
    let page = format!(
        r#"<html><head><title>Bridge | Site</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
 {{"@type":"WebSite","name":"Example Site"}},
 {{"@type":"NewsArticle","headline":"Harbour bridge closes for six months",
   "datePublished":"2022-12-19T23:30:00+01:00",
   "author":[{{"@type":"Person","name":"Anna de Vries"}},{{"@type":"Person","name":"Tom Bakker"}}],
   "publisher":{{"@type":"Organization","name":"Het Dagblad"}}}}]}}</script>
<link rel="canonical" href="https://www.dagblad.example/news/bridge"></head>
<body><article>{BODY}</article></body></html>"#
    );
    let raw = parse(&page);
    assert_eq!(
        raw.headline.as_deref(),
        Some("Harbour bridge closes for six months")
    );
    assert_eq!(raw.author.as_deref(), Some("Anna de Vries, Tom Bakker"));
    assert_eq!(raw.source.as_deref(), Some("Het Dagblad"));
    assert!(!raw.source_from_address);
    // The publisher's own day, not the UTC one.
    assert_eq!(raw.date.unwrap().0.iso(), "2022-12-19");
    assert_eq!(
        raw.url.as_deref(),
        Some("https://www.dagblad.example/news/bridge")
    );
}

#[test]
fn without_a_name_the_outlet_is_the_canonical_host_and_says_so() {
    let raw = parse(&format!(
        "<html><head><link rel=canonical href=\"https://www.krant.example/2022/12/19/brug\"></head>\
         <body><article><p class=byline>Door Piet Jansen</p>{BODY}</article></body></html>"
    ));
    assert_eq!(raw.source.as_deref(), Some("krant.example"));
    assert!(raw.source_from_address);
    assert_eq!(raw.author.as_deref(), Some("Piet Jansen"));
    assert!(!body_text(&raw).contains("Piet Jansen"));
    let (date, provenance) = raw.date.unwrap();
    assert_eq!(
        (date.iso().as_str(), provenance),
        ("2022-12-19", Provenance::PageAddress)
    );

    let nameless = parse(&format!("<article>{BODY}</article>"));
    assert_eq!(nameless.source, None);
    assert!(!nameless.source_from_address);
}

#[test]
fn decomposed_letters_are_read_as_the_letters_they_equal() {
    let page = format!("<article>{BODY}<p>Het cafe\u{301} van Loekasjenko in Minsk is gesloten, zegt de eigenaar.</p></article>");
    let read = crate::ingest::parse_article("page.html", page.as_bytes()).unwrap();
    let text: Vec<&str> = read
        .article
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(text.iter().any(|p| p.contains("Het café van")), "{text:?}");
}

#[test]
fn a_lead_set_apart_before_the_body_and_a_dateline_are_kept() {
    let page = format!(
        "<html><body><article><header><h1>Harbour bridge closes</h1>\
         <p class=\"text-xl md:text-2xl\">The city loses its busiest crossing for half a year.</p></header>\
         <div class=\"article-intro\"><p>Cyclists will have to take the ferry, the council said.</p></div>\
         <div class=article-text><p><span class=dateline>ROTTERDAM – </span>{}</p>{BODY}</div>\
         </article><aside><p>Most read: something else entirely, with commas, and more.</p></aside></body></html>",
        "The council voted on Monday after a long debate in the town hall."
    );
    let text = body_text(&parse(&page));
    assert!(
        text.starts_with("The city loses its busiest crossing"),
        "{text}"
    );
    assert!(
        text.contains("Cyclists will have to take the ferry"),
        "{text}"
    );
    assert!(
        text.contains("ROTTERDAM – The council voted on Monday after"),
        "{text}"
    );
    assert!(!text.contains("Most read"), "{text}");
}

#[test]
fn layout_classes_do_not_hide_the_article_or_promote_furniture() {
    // A WordPress layout wrapper classed "one-sidebar", an article inside an <aside>, Tailwind
    // utility classes that say "text" and "content", and a modal <main>.
    let wrapper = format!(
        "<html><body><div class=\"one-sidebar main\"><article class=post>{BODY}</article></div>\
         <div class=sidebar><p>Archive, categories, tags, and a calendar, all in one list.</p></div></body></html>"
    );
    let text = body_text(&parse(&wrapper));
    assert!(text.contains("The council voted on Monday"), "{text}");
    assert!(!text.contains("Archive"), "{text}");

    let aside = format!(
        "<html><body><main><aside class=\"direct-content\"><article><div class=articlebody>{BODY}</div></article></aside></main></body></html>"
    );
    assert!(body_text(&parse(&aside)).contains("A new bridge, planned for 2030"));

    let tailwind = format!(
        "<html><body><div class=\"w-full text-center text-xs justify-content-center\">Tabelle 1. Spieltag</div>\
         <div class=\"w-full text-center text-xs\">Tor: 2:1, Halbzeit</div>\
         <main class=\"modal-table-content\"><p>Platz, Team, Spiele, Punkte, Tore, Differenz, und mehr.</p></main>\
         <main><article><div class=wysiwyg>{BODY}</div></article></main></body></html>"
    );
    let text = body_text(&parse(&tailwind));
    assert!(text.starts_with("The council voted on Monday"), "{text}");
    assert!(!text.contains("Platz, Team"), "{text}");
}

#[test]
fn a_video_page_gives_its_caption_and_not_its_login_form() {
    let page = "<html><body><article class=video><figure><video src=v.mp4></video>\
        <div class=item-caption><p class=item-description>New York is the centre of the pandemic in the US. Sport has come to a standstill, and nobody knows how the season goes on.</p></div></figure></article>\
        <form class=\"form lazyload\"><div class=fields>\
        <div>Your e-mail address is not known, or the password is wrong, please try again.</div>\
        <input type=email><div>The password must have at least eight characters, one of them a digit.</div>\
        <input type=password><div>Please accept our terms, and our privacy statement, to register.</div>\
        <input type=checkbox><select><option>de</option></select><textarea></textarea></div></form>        <footer><p>About us, contact, careers, advertising, terms of use, privacy, cookie settings,         accessibility, the broadcasting council, the programme guide, apps for phones and TVs.</p></footer></body></html>";
    let raw = parse(page);
    let text = body_text(&raw);
    assert!(text.contains("Sport has come to a standstill"), "{text}");
    assert!(!text.contains("password"), "{text}");
    assert_eq!(raw.hints, [None]);
}

#[test]
fn hint_fragments_are_lowercase() {
    // Hint texts are lowercased before the fragments are looked for in them.
    for f in super::hints::fragments() {
        assert_eq!(f, f.to_lowercase(), "{f:?}");
    }
}

#[test]
fn hint_flags_read_every_list_in_one_pass() {
    use super::hints::flags;
    assert!(flags("comments-section ").furniture);
    assert!(!flags("commentary ").furniture, "a genre, not comments");
    assert!(flags("commentary share-bar ").furniture);
    assert!(
        !flags("related articlebody ").furniture,
        "the article body is never furniture"
    );
    assert!(flags("figure-caption ").caption);
    assert_eq!(flags("article-content ").weight, 25.0);
    assert_eq!(flags("sidebar ").weight, -25.0);
    assert_eq!(flags("").weight, 0.0);
    assert!(!flags("").furniture && !flags("story ").caption);
}

#[test]
fn squash_collapses_white_space_and_drops_soft_hyphens() {
    use super::content::squash;
    assert_eq!(
        squash("  Loe\u{ad}kas\u{ad}jenko \n\t zei\u{a0}\u{a0}dat  "),
        "Loekasjenko zei dat"
    );
    assert_eq!(squash("a \u{ad} b"), "a b");
    assert_eq!(squash(" \u{ad}\u{2009} "), "");
    assert_eq!(squash(""), "");
}
