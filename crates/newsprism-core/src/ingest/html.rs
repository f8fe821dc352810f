//! Web pages saved as `.html`: the article's text and metadata, nothing else.
//!
//! The page is tokenized by a WHATWG-conformant tokenizer (html5gum) and read as a flat run of
//! blocks; no DOM is built and nothing in the page is ever executed or kept as markup. Scripts,
//! styles, navigation, forms and asides are skipped whole. The body is the largest `<article>`,
//! else `<main>`, else the page's `<p>` flow; the headline is the `<h1>`, `og:title` or `<title>`;
//! the date is `article:published_time` or a `<time datetime>`; the source is `og:site_name`.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::dates;
use super::txt::{parse_date_value, RawText};
use crate::article::{ParagraphKind, PartialDate, Provenance};
use crate::text::language::Language;

/// Elements whose whole content is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video",
    "dialog", "menu",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figcaption",
    "figure",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "body",
    "address",
    "hr",
];

/// What a block was, from its element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum BlockTag {
    Paragraph,
    Heading1,
    Subheading,
    Caption,
    Quote,
    ListItem,
    #[default]
    Other,
}

#[derive(Debug)]
struct Block {
    tag: BlockTag,
    text: String,
    /// Index of the `<article>` element it sits in (in document order), if any.
    article: Option<usize>,
    in_main: bool,
}

/// The text being collected into blocks, and where in the page it is.
#[derive(Default)]
struct Flow {
    blocks: Vec<Block>,
    current: String,
    tag: BlockTag,
    /// The `<article>` elements open around the text (by document order).
    article_stack: Vec<usize>,
    main_depth: usize,
    /// A block whose only words sit in `<time>` is a dateline, already read as the date.
    words_outside_time: bool,
}

impl Flow {
    /// Ends the current block, keeping it if it has words outside `<time>`.
    fn flush(&mut self) {
        let text = squash(&self.current);
        self.current.clear();
        let keep = std::mem::take(&mut self.words_outside_time);
        if keep && text.chars().any(char::is_alphanumeric) {
            self.blocks.push(Block {
                tag: self.tag,
                text,
                article: self.article_stack.last().copied(),
                in_main: self.main_depth > 0,
            });
        }
    }
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    published: Option<String>,
    time_datetime: Option<String>,
    meta_date: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    /// The text of the page's JSON-LD scripts, one after another.
    ld_json: String,
}

fn tag_name(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

fn attr(tag: &html5gum::StartTag<()>, name: &str) -> Option<String> {
    tag.attributes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(&v.value).trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Collapses runs of white space (including non-breaking spaces) into one space.
fn squash(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether text looks like an HTML document or fragment rather than prose that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<meta")
        || head.starts_with("<article")
        || (head.starts_with('<')
            && (head.contains("<p>") || head.contains("<p ") || head.contains("<body")))
}

/// Reads a page into a [`RawText`]: metadata, headline and paragraphs with their kinds.
pub fn parse(text: &str) -> RawText {
    let mut emitter = DefaultEmitter::default();
    // Script, style and title content is read as raw text, as a browser would.
    emitter.naively_switch_states(true);
    let mut page = PageReader::default();
    for token in Tokenizer::new_with_emitter(text, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => page.start_tag(&tag),
            Token::EndTag(tag) => page.end_tag(&tag_name(&tag.name)),
            Token::String(s) => page.text(&String::from_utf8_lossy(&s.value)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    page.flow.flush();
    assemble(page.meta, page.flow.blocks)
}

/// A page being read, token by token.
#[derive(Default)]
struct PageReader {
    meta: Meta,
    flow: Flow,
    /// The open elements, innermost last.
    stack: Vec<String>,
    /// How many skipped elements (scripts, navigation, forms…) are open.
    skip_depth: usize,
    in_title: bool,
    title_buf: String,
    articles_seen: usize,
    /// How many `<time>` elements are open.
    time_depth: usize,
    /// Inside a `<script type="application/ld+json">`.
    in_ld_json: bool,
}

impl PageReader {
    fn start_tag(&mut self, tag: &html5gum::StartTag<()>) {
        let name = tag_name(&tag.name);
        self.read_start_meta(&name, tag);
        if tag.self_closing || is_void(&name) {
            return;
        }
        if SKIPPED.contains(&name.as_str()) {
            self.skip_depth += 1;
        }
        if self.skip_depth > 0 {
            self.stack.push(name);
            return;
        }
        let flow = &mut self.flow;
        if BLOCKS.contains(&name.as_str()) {
            flow.flush();
            flow.tag = match name.as_str() {
                "p" => BlockTag::Paragraph,
                "h1" => BlockTag::Heading1,
                "h2" | "h3" | "h4" | "h5" | "h6" => BlockTag::Subheading,
                "figcaption" => BlockTag::Caption,
                "blockquote" => BlockTag::Quote,
                "li" => BlockTag::ListItem,
                _ => BlockTag::Other,
            };
        }
        if name == "article" {
            flow.article_stack.push(self.articles_seen);
            self.articles_seen += 1;
        }
        if name == "main" {
            flow.main_depth += 1;
        }
        self.stack.push(name);
    }

    /// What a start tag says about the page: its language, metadata, canonical address,
    /// title and `<time>`; a `<br>` is a space.
    fn read_start_meta(&mut self, name: &str, tag: &html5gum::StartTag<()>) {
        let meta = &mut self.meta;
        match name {
            "html" => meta.lang = meta.lang.take().or_else(|| attr(tag, "lang")),
            "meta" => read_meta(tag, meta),
            "link" if attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                meta.url = meta.url.take().or_else(|| attr(tag, "href"));
            }
            "title" if self.skip_depth == 0 => {
                self.in_title = true;
                self.title_buf.clear();
            }
            "time" if self.skip_depth == 0 => {
                if meta.time_datetime.is_none() {
                    meta.time_datetime = attr(tag, "datetime");
                }
                self.time_depth += 1;
            }
            "br" => self.flow.current.push(' '),
            "script" => {
                self.in_ld_json = attr(tag, "type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
            }
            _ => {}
        }
    }

    /// Closes the innermost open element of that name, and everything inside it (mis-nested
    /// tags close what they enclose).
    fn end_tag(&mut self, name: &str) {
        if name == "script" {
            self.in_ld_json = false;
        }
        if name == "title" && self.in_title {
            self.in_title = false;
            let t = squash(&self.title_buf);
            if !t.is_empty() && self.meta.title.is_none() {
                self.meta.title = Some(t);
            }
            return;
        }
        let Some(pos) = self.stack.iter().rposition(|s| s == name) else {
            return;
        };
        let closing: Vec<String> = self.stack.drain(pos..).collect();
        for closed in closing.iter().rev() {
            if SKIPPED.contains(&closed.as_str()) {
                self.skip_depth = self.skip_depth.saturating_sub(1);
                continue;
            }
            if self.skip_depth > 0 {
                continue;
            }
            let flow = &mut self.flow;
            if BLOCKS.contains(&closed.as_str()) {
                flow.flush();
                flow.tag = BlockTag::Other;
            }
            match closed.as_str() {
                "article" => {
                    flow.article_stack.pop();
                }
                "time" => self.time_depth = self.time_depth.saturating_sub(1),
                "main" => flow.main_depth = flow.main_depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_ld_json {
            self.meta.ld_json.push_str(text);
            self.meta.ld_json.push('\n');
        } else if self.in_title {
            self.title_buf.push_str(text);
        } else if self.skip_depth == 0 {
            if self.time_depth == 0 && text.chars().any(char::is_alphanumeric) {
                self.flow.words_outside_time = true;
            }
            self.flow.current.push_str(text);
        }
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn read_meta(tag: &html5gum::StartTag<()>, meta: &mut Meta) {
    let key = attr(tag, "property")
        .or_else(|| attr(tag, "name"))
        .or_else(|| attr(tag, "itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, attr(tag, "content")) else {
        return;
    };
    let content = squash(&content);
    let slot = match key.as_str() {
        "og:title" | "twitter:title" => &mut meta.og_title,
        "article:published_time" | "datepublished" | "og:article:published_time" => {
            &mut meta.published
        }
        "date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued" | "dcterms.date"
        | "sailthru.date" | "parsely-pub-date" => &mut meta.meta_date,
        "og:site_name" | "application-name" => &mut meta.site_name,
        "author" | "article:author" | "dc.creator" => {
            if content.starts_with("http") {
                return;
            }
            &mut meta.author
        }
        "og:url" => &mut meta.url,
        "og:locale" | "language" | "content-language" => &mut meta.lang,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

/// How long a block may be to count as a date line (a byline, "Stand: …", "Published …").
const DATE_LINE_CHARS: usize = 160;

/// The publication date: JSON-LD's `datePublished`, then the page's metadata, then `<time>`,
/// then a date in the page's address, then the first short line of the page that is a date.
fn page_date(meta: &Meta, blocks: &[Block]) -> Option<(PartialDate, Provenance)> {
    let metadata = [&meta.published, &meta.time_datetime, &meta.meta_date];
    dates::json_ld_date(&meta.ld_json)
        .or_else(|| {
            metadata
                .into_iter()
                .flatten()
                .find_map(|d| parse_date_value(d))
        })
        .map(|d| (d, Provenance::HtmlMeta))
        .or_else(|| {
            let url = meta.url.as_deref()?;
            dates::url_date(url).map(|d| (d, Provenance::PageAddress))
        })
        .or_else(|| {
            blocks
                .iter()
                .filter(|b| b.text.chars().count() <= DATE_LINE_CHARS)
                .find_map(|b| dates::find_date(&b.text))
                .map(|d| (d, Provenance::DateLine))
        })
}

fn assemble(meta: Meta, blocks: Vec<Block>) -> RawText {
    // The body: the <article> with the most text, else <main>, else the whole page.
    let mut article_len: Vec<(usize, usize)> = Vec::new();
    for b in &blocks {
        if let Some(a) = b.article {
            match article_len.iter_mut().find(|(i, _)| *i == a) {
                Some(entry) => entry.1 += b.text.len(),
                None => article_len.push((a, b.text.len())),
            }
        }
    }
    let best_article = article_len
        .iter()
        .max_by_key(|(_, len)| *len)
        .filter(|(_, len)| *len >= 200)
        .map(|(i, _)| *i);
    let has_main = blocks
        .iter()
        .filter(|b| b.in_main)
        .map(|b| b.text.len())
        .sum::<usize>()
        >= 200;
    let chosen: Vec<&Block> = match best_article {
        Some(a) => blocks.iter().filter(|b| b.article == Some(a)).collect(),
        None if has_main => blocks.iter().filter(|b| b.in_main).collect(),
        None => {
            // The page's paragraph flow: paragraphs, headings, quotes and captions; loose
            // list items and div text are menus and link lists more often than prose.
            let flow: Vec<&Block> = blocks
                .iter()
                .filter(|b| !matches!(b.tag, BlockTag::ListItem | BlockTag::Other))
                .collect();
            if flow.iter().any(|b| b.tag == BlockTag::Paragraph) {
                flow
            } else {
                blocks.iter().collect()
            }
        }
    };

    let mut raw = RawText {
        date: page_date(&meta, &blocks),
        ..RawText::default()
    };
    let h1 = chosen
        .iter()
        .find(|b| b.tag == BlockTag::Heading1)
        .copied()
        .or_else(|| blocks.iter().find(|b| b.tag == BlockTag::Heading1))
        .map(|b| b.text.clone());
    raw.headline = h1.clone().or(meta.og_title).or(meta.title);
    for b in chosen {
        if b.tag == BlockTag::Heading1 && Some(&b.text) == h1.as_ref() {
            continue;
        }
        let hint = match b.tag {
            BlockTag::Subheading => Some(ParagraphKind::Subheading),
            BlockTag::Caption => Some(ParagraphKind::Caption),
            _ => None,
        };
        raw.paragraphs.push(b.text.clone());
        raw.hints.push(hint);
    }
    raw.source = meta.site_name;
    raw.author = meta.author;
    raw.url = meta
        .url
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    raw.language = meta.lang.as_deref().and_then(Language::from_code);
    raw
}

#[cfg(test)]
mod tests {
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
}
