//! News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom. Each item (`<item>`, `<entry>`) becomes an
//! article with its title, link, date (`pubDate`, `published`, `updated`, `dc:date`), author and
//! text (`content:encoded` or `content`, else `description` or `summary`; HTML in them is read as
//! a web page's body). The feed's own title is the source. The XML is read by a small scanner
//! that knows CDATA sections and the XML and numeric entities; nothing else of XML is needed.

use super::dates::date_value;
use super::json::RecordResult;
use super::txt::RawText;
use crate::article::Provenance;

/// Whether a text looks like an RSS or Atom feed.
pub fn looks_like_feed(head: &str) -> bool {
    let head = super::lowercase_head(head, 2048);
    let start = head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed");
    start && (head.contains("<rss") || head.contains("<rdf:rdf") || head.contains("<feed"))
}

/// Replaces XML's entities and numeric character references.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an element's content: CDATA sections as they are, the rest unescaped.
fn content_text(inner: &str) -> String {
    let mut out = String::new();
    let mut rest = inner;
    while let Some(at) = rest.find("<![CDATA[") {
        out.push_str(&unescape(&rest[..at]));
        let body = &rest[at + 9..];
        let end = body.find("]]>").unwrap_or(body.len());
        out.push_str(&body[..end]);
        rest = body.get(end + 3..).unwrap_or("");
    }
    out.push_str(&unescape(rest));
    out.trim().to_string()
}

/// Where an element's start tag `<name …>` begins, at a tag boundary.
fn find_start(xml: &str, name: &str, from: usize) -> Option<usize> {
    let open = format!("<{name}");
    let mut at = from;
    while let Some(i) = xml.get(at..)?.find(&open) {
        let pos = at + i;
        let next = xml[pos + open.len()..].chars().next();
        if matches!(next, Some(' ' | '>' | '/' | '\t' | '\n' | '\r')) {
            return Some(pos);
        }
        at = pos + open.len();
    }
    None
}

/// The first element of that name: its start tag's attributes and its inner text (empty for a
/// self-closing tag).
fn element<'a>(xml: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let start = find_start(xml, name, 0)?;
    let tag_end = start + xml[start..].find('>')?;
    let attrs = &xml[start + 1 + name.len()..tag_end];
    if attrs.ends_with('/') {
        return Some((attrs, ""));
    }
    let close = format!("</{name}>");
    let inner_start = tag_end + 1;
    let inner_end = inner_start + xml[inner_start..].find(&close)?;
    Some((attrs, &xml[inner_start..inner_end]))
}

/// The text of the first of these elements that has some.
fn first_text(xml: &str, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        let (_, inner) = element(xml, n)?;
        Some(content_text(inner)).filter(|t| !t.is_empty())
    })
}

/// An attribute's value in a start tag's attribute text.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let at = attrs.find(&format!("{name}="))? + name.len() + 1;
    let rest = &attrs[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let end = rest[1..].find(quote)?;
    Some(unescape(&rest[1..1 + end]))
}

/// An Atom entry's link: the `rel="alternate"` one, else the first without a `rel`.
fn atom_link(entry: &str) -> Option<String> {
    let mut from = 0;
    let mut fallback = None;
    while let Some(start) = find_start(entry, "link", from) {
        let end = start + entry[start..].find('>')?;
        let attrs = &entry[start + 5..end];
        match attr(attrs, "rel").as_deref() {
            Some("alternate") => return attr(attrs, "href"),
            None if fallback.is_none() => fallback = attr(attrs, "href"),
            _ => {}
        }
        from = end;
    }
    fallback
}

/// The items of a feed, each an article or why it is not one; `Err` when the text holds no
/// items at all.
pub fn parse(text: &str) -> Result<Vec<(usize, RecordResult)>, String> {
    let (tag, first) = match (find_start(text, "item", 0), find_start(text, "entry", 0)) {
        (Some(i), Some(e)) if e < i => ("entry", e),
        (Some(i), _) => ("item", i),
        (None, Some(e)) => ("entry", e),
        (None, None) => return Err("the feed has no items".into()),
    };
    let source = first_text(&text[..first], &["title"]);
    let close = format!("</{tag}>");
    let mut items = Vec::new();
    let mut at = first;
    while let Some(start) = find_start(text, tag, at) {
        let Some(len) = text[start..].find(&close) else {
            break;
        };
        let item = &text[start..start + len];
        items.push((items.len() + 1, item_article(item, source.as_deref())));
        at = start + len + close.len();
    }
    Ok(items)
}

fn item_article(item: &str, source: Option<&str>) -> Result<RawText, String> {
    let mut raw = RawText {
        headline: first_text(item, &["title"]).map(|t| super::html::squash_text(&t)),
        source: source.map(str::to_string),
        url: first_text(item, &["link"])
            .or_else(|| atom_link(item))
            .or_else(|| first_text(item, &["guid", "id"]))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        author: first_text(item, &["dc:creator", "name", "author"]),
        date: first_text(
            item,
            &[
                "pubDate",
                "published",
                "dc:date",
                "updated",
                "dcterms:issued",
            ],
        )
        .and_then(|d| date_value(&d))
        .map(|d| (d, Provenance::Record)),
        ..RawText::default()
    };
    let body = first_text(item, &["content:encoded", "content"])
        .or_else(|| first_text(item, &["description", "summary"]))
        .unwrap_or_default();
    if body.contains('<') && super::html::looks_like_html(&format!("<p>{body}")) {
        let page = super::html::parse(&format!(
            "<html><body><article>{body}</article></body></html>"
        ));
        raw.paragraphs = page.paragraphs;
        raw.hints = page.hints;
    } else {
        raw.paragraphs = body
            .split("\n\n")
            .map(super::html::squash_text)
            .filter(|p| !p.is_empty())
            .collect();
    }
    if raw.paragraphs.is_empty() && raw.headline.is_none() {
        return Err("the item has no title and no text".into());
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>NOS Nieuws</title><link>https://nos.example/</link>
<item><title>Poetin in Minsk &amp; Loekasjenko</title><link>https://nos.example/artikel/1</link>
<pubDate>Mon, 19 Dec 2022 23:30:00 +0100</pubDate><dc:creator>Anna de Vries</dc:creator>
<description><![CDATA[<p>Poetin is <b>maandag</b> in Minsk aangekomen.</p><p>Het Kremlin zwijgt.</p>]]></description></item>
<item><title>Tweede bericht</title><description>Alleen tekst, zonder opmaak.</description></item>
<item><description></description></item>
</channel></rss>"#;

    #[test]
    fn each_rss_item_is_an_article() {
        assert!(looks_like_feed(RSS));
        let items = parse(RSS).unwrap();
        assert_eq!(items.len(), 3);
        let first = items[0].1.as_ref().unwrap();
        assert_eq!(
            first.headline.as_deref(),
            Some("Poetin in Minsk & Loekasjenko")
        );
        assert_eq!(first.source.as_deref(), Some("NOS Nieuws"));
        assert_eq!(first.url.as_deref(), Some("https://nos.example/artikel/1"));
        assert_eq!(first.author.as_deref(), Some("Anna de Vries"));
        let (date, provenance) = first.date.clone().unwrap();
        assert_eq!(
            (date.iso().as_str(), provenance),
            ("2022-12-19", Provenance::Record)
        );
        assert_eq!(
            first.paragraphs,
            [
                "Poetin is maandag in Minsk aangekomen.",
                "Het Kremlin zwijgt."
            ]
        );
        let second = items[1].1.as_ref().unwrap();
        assert_eq!(second.paragraphs, ["Alleen tekst, zonder opmaak."]);
        assert!(items[2].1.is_err());
    }

    #[test]
    fn atom_entries_with_alternate_links() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title type="html">Brug &#233;&#xE9;n</title><link rel="self" href="https://x.example/self"/>
<link rel="alternate" href="https://x.example/brug"/><published>2022-12-19T10:00:00Z</published>
<author><name>Tom</name></author><content type="html">&lt;p&gt;De brug is dicht.&lt;/p&gt;</content></entry></feed>"#;
        assert!(looks_like_feed(atom));
        let items = parse(atom).unwrap();
        let e = items[0].1.as_ref().unwrap();
        assert_eq!(e.headline.as_deref(), Some("Brug één"));
        assert_eq!(e.url.as_deref(), Some("https://x.example/brug"));
        assert_eq!(e.author.as_deref(), Some("Tom"));
        assert_eq!(e.paragraphs, ["De brug is dicht."]);
        assert_eq!(e.source.as_deref(), Some("Blog"));
    }

    #[test]
    fn a_feed_without_items_is_an_error() {
        assert!(parse("<rss><channel><title>Leeg</title></channel></rss>").is_err());
    }
}
