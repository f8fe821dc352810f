//! What a page says about itself: JSON-LD (`NewsArticle`, `Article` and kin), OpenGraph,
//! Twitter cards, Dublin Core, `itemprop`, `<time>`, the canonical address and bylines.

use serde_json::Value;

use super::content::squash;
use super::tree::{Dom, NodeId};

/// The page's metadata, each field from the first source that gives it.
#[derive(Debug, Default)]
pub(super) struct Meta {
    pub og_title: Option<String>,
    pub title: Option<String>,
    /// `article:published_time` and its kin.
    pub published: Option<String>,
    /// The first `<time datetime>` outside page furniture.
    pub time_datetime: Option<String>,
    /// Generic date keys (`date`, `dc.date`, …).
    pub meta_date: Option<String>,
    pub site_name: Option<String>,
    pub authors: Vec<String>,
    /// The canonical address (`<link rel=canonical>`, else `og:url`).
    pub url: Option<String>,
    pub og_url: Option<String>,
    pub lang: Option<String>,
    /// The text of the page's JSON-LD scripts, one after another.
    pub ld_json: String,
    /// What the JSON-LD article object says.
    pub ld: LdArticle,
}

/// The fields of a JSON-LD article object that a reader uses.
#[derive(Debug, Default)]
pub(super) struct LdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// Schema.org types of an article, best first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "WebPage",
];

fn ld_objects<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| ld_objects(i, out)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                ld_objects(graph, out);
            }
        }
        _ => {}
    }
}

fn ld_type_rank(map: &serde_json::Map<String, Value>) -> Option<usize> {
    let types: Vec<&str> = match map.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
        .min()
}

/// Names in a JSON-LD `author` or `publisher`: a string, an object with a `name`, or a list.
fn ld_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) if !s.starts_with("http") => vec![squash(s)],
        Value::Object(map) => map.get("name").map(ld_names).unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(ld_names).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty() && s.chars().count() <= 100)
    .collect()
}

fn ld_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(squash(s)).filter(|s| !s.is_empty()),
        Value::Object(map) => ld_string(map.get("@id").or_else(|| map.get("url"))),
        Value::Array(items) => ld_string(items.first()),
        _ => None,
    }
}

/// Reads the article object of a page's JSON-LD (all its scripts, one after another).
pub(super) fn read_ld(scripts: &[String]) -> LdArticle {
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|s| serde_json::from_str(s.trim().trim_end_matches(';')).ok())
        .collect();
    let mut objects = Vec::new();
    values.iter().for_each(|v| ld_objects(v, &mut objects));
    let best = objects
        .iter()
        .filter_map(|o| ld_type_rank(o).map(|r| (r, *o)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, o)| o);
    let Some(article) = best else {
        return LdArticle::default();
    };
    let mut ld = LdArticle {
        headline: ld_string(article.get("headline").or_else(|| article.get("name"))),
        date_published: ld_string(
            article
                .get("datePublished")
                .or_else(|| article.get("dateCreated")),
        ),
        authors: ld_names(
            article
                .get("author")
                .or_else(|| article.get("creator"))
                .unwrap_or(&Value::Null),
        ),
        publisher: article
            .get("publisher")
            .and_then(|p| ld_names(p).into_iter().next()),
        url: ld_string(
            article
                .get("url")
                .or_else(|| article.get("mainEntityOfPage")),
        ),
    };
    if ld.publisher.is_none() {
        // A page that describes its site apart: `{"@type": "WebSite", "name": …}`.
        ld.publisher = objects
            .iter()
            .find(|o| matches!(o.get("@type"), Some(Value::String(t)) if t == "WebSite" || t == "NewsMediaOrganization"))
            .and_then(|o| o.get("name"))
            .and_then(|n| ld_names(n).into_iter().next());
    }
    ld
}

/// Strips "By", "Door", "Von", "Par" and a trailing date from a byline.
pub(super) fn clean_byline(text: &str) -> Option<String> {
    let mut t = squash(text);
    for prefix in [
        "by ",
        "door ",
        "von ",
        "par ",
        "text: ",
        "tekst: ",
        "written by ",
    ] {
        if t.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            t = t[prefix.len()..].to_string();
        }
    }
    let t = t
        .split(['|', '•', '·'])
        .next()
        .unwrap_or_default()
        .trim()
        .trim_end_matches([',', ';', '-', '–'])
        .trim()
        .to_string();
    let words = t.split_whitespace().count();
    let capitalised = t
        .split_whitespace()
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    (capitalised && (1..=8).contains(&words) && !t.chars().any(|c| c.is_ascii_digit())).then_some(t)
}

fn push_author(authors: &mut Vec<String>, name: String) {
    for part in name
        .split(" and ")
        .flat_map(|p| p.split(" en "))
        .flat_map(|p| p.split(", "))
    {
        let part = part.trim().to_string();
        if !part.is_empty() && !authors.iter().any(|a| a.eq_ignore_ascii_case(&part)) {
            authors.push(part);
        }
    }
}

fn read_meta_tag(dom: &Dom, id: NodeId, meta: &mut Meta) {
    let n = &dom.nodes[id];
    let key = n
        .attr("property")
        .or_else(|| n.attr("name"))
        .or_else(|| n.attr("itemprop"))
        .or_else(|| n.attr("http-equiv"))
        .map(str::to_ascii_lowercase);
    let (Some(key), Some(content)) = (key, n.attr("content")) else {
        return;
    };
    let content = squash(content);
    let slot = match key.as_str() {
        "og:title" | "twitter:title" | "dc.title" => &mut meta.og_title,
        "article:published_time"
        | "datepublished"
        | "og:article:published_time"
        | "article.published"
        | "publication_date"
        | "publish-date"
        | "publish_date"
        | "published-date"
        | "published_time"
        | "citation_publication_date"
        | "originalpublicationdate"
        | "cxenseparse:recs:publishtime" => &mut meta.published,
        "date" | "pubdate" | "publishdate" | "dc.date" | "dc.date.issued" | "dc.date.created"
        | "dcterms.date" | "dcterms.created" | "dcterms.issued" | "sailthru.date"
        | "parsely-pub-date" | "datecreated" | "release_date" => &mut meta.meta_date,
        "og:site_name" | "application-name" | "dc.publisher" | "dcterms.publisher"
        | "publisher" => &mut meta.site_name,
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "sailthru.author"
        | "parsely-author" | "byl" => {
            if !content.starts_with("http") {
                if let Some(name) = clean_byline(&content) {
                    push_author(&mut meta.authors, name);
                }
            }
            return;
        }
        "og:url" => &mut meta.og_url,
        "og:locale" | "language" | "content-language" | "dc.language" => &mut meta.lang,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

/// What microdata (`itemprop`) on an element other than `<meta>` says: the publication date, an
/// author's name.
fn read_itemprop(dom: &Dom, id: NodeId, meta: &mut Meta, authors: &mut Vec<String>) {
    let n = &dom.nodes[id];
    if n.name == "meta" {
        return;
    }
    match n.attr("itemprop").map(str::to_ascii_lowercase).as_deref() {
        Some("datepublished") if meta.published.is_none() => {
            meta.published = n
                .attr("datetime")
                .or_else(|| n.attr("content"))
                .map(String::from)
                .or_else(|| Some(squash(&dom.text_of(id))));
        }
        Some("author" | "creator") => {
            let name = n
                .children
                .iter()
                .find(|&&c| dom.nodes[c].attr("itemprop") == Some("name"))
                .map_or_else(
                    || dom.text_of(id),
                    |&c| {
                        dom.nodes[c]
                            .attr("content")
                            .map_or_else(|| dom.text_of(c), String::from)
                    },
                );
            if let Some(name) = clean_byline(&name) {
                authors.push(name);
            }
        }
        _ => {}
    }
}

/// Reads the metadata of a page; `skipped` says which nodes are page furniture.
pub(super) fn read(dom: &Dom, skipped: impl Fn(NodeId) -> bool) -> Meta {
    let mut meta = Meta::default();
    let mut scripts = Vec::new();
    // Tag-level skipping (navigation, footers, asides) would lose the dates pages put in an
    // `<aside class="meta">` of the article; teasers and comments are left out by `in_other_items`.
    let skipped = |id: NodeId| skipped(id) && !inside(dom, id, "aside");
    let mut item_authors = Vec::new();
    let mut time_marked = false;
    for id in 0..dom.nodes.len() {
        let n = &dom.nodes[id];
        match n.name.as_str() {
            "html" => {
                meta.lang = meta
                    .lang
                    .take()
                    .or_else(|| n.attr("lang").map(String::from))
            }
            "meta" => read_meta_tag(dom, id, &mut meta),
            "link"
                if n.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                meta.url = meta.url.take().or_else(|| n.attr("href").map(String::from));
            }
            "title" if meta.title.is_none() && !skipped_svg(dom, id) => {
                meta.title = Some(squash(&dom.text_of(id))).filter(|t| !t.is_empty());
            }
            "script"
                if n.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                scripts.push(dom.text_of(id));
            }
            "time" if !skipped(id) && !in_other_items(dom, id) => {
                if let Some(dt) = n.attr("datetime") {
                    // The publication time the page marks as such wins over the first one.
                    let marked = is_marked_published(dom, id);
                    if meta.time_datetime.is_none() || (marked && !time_marked) {
                        meta.time_datetime = Some(dt.to_string());
                        time_marked = marked;
                    }
                }
            }
            _ => {}
        }
        read_itemprop(dom, id, &mut meta, &mut item_authors);
    }
    meta.ld_json = scripts.join("\n");
    meta.ld = read_ld(&scripts);
    let mut authors = std::mem::take(&mut meta.ld.authors);
    for a in std::mem::take(&mut meta.authors)
        .into_iter()
        .chain(item_authors)
    {
        push_author(&mut authors, a);
    }
    meta.authors = authors;
    meta
}

/// Class and id fragments of blocks that list other items (related stories, comments, teasers),
/// whose dates are theirs, not the page's.
const OTHER_ITEMS: &[&str] = &[
    "related",
    "comment",
    "sidebar",
    "recommend",
    "teaser",
    "popular",
    "trending",
    "widget",
    "footer",
    "nav",
    "menu",
    "breadcrumb",
    "reply",
    "replies",
    "more-",
    "latest",
    "archive",
];

fn ancestors_of(dom: &Dom, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    std::iter::successors(Some(id), move |&at| (at != 0).then(|| dom.nodes[at].parent)).skip(1)
}

fn inside(dom: &Dom, id: NodeId, name: &str) -> bool {
    ancestors_of(dom, id).any(|a| dom.nodes[a].name == name)
}

/// Whether an element sits in a block of other items (a related-stories list, comments): one of
/// its six nearest ancestors, below any `<article>` or `<main>`, is marked as such.
fn in_other_items(dom: &Dom, id: NodeId) -> bool {
    ancestors_of(dom, id)
        .take(6)
        .take_while(|&a| !matches!(dom.nodes[a].name.as_str(), "article" | "main" | "body"))
        .any(|a| {
            let h = &dom.nodes[a].hints;
            OTHER_ITEMS.iter().any(|f| h.contains(f))
        })
}

/// Whether a `<time>` (or its parent) says it is the publication time.
fn is_marked_published(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(ancestors_of(dom, id).take(2))
        .any(|a| {
            let h = &dom.nodes[a].hints;
            h.contains("datepublished") || h.contains("publish") || h.contains("posted")
        })
}

fn skipped_svg(dom: &Dom, id: NodeId) -> bool {
    let mut at = id;
    while at != 0 {
        at = dom.nodes[at].parent;
        if dom.nodes[at].name == "svg" {
            return true;
        }
    }
    false
}

/// A byline on the page (an element whose class or id says `byline` or `author`, or a
/// `rel=author` link), for pages whose metadata names nobody.
pub(super) fn byline(dom: &Dom) -> Option<String> {
    (0..dom.nodes.len()).find_map(|id| {
        let n = &dom.nodes[id];
        if n.is_text()
            || matches!(
                n.name.as_str(),
                "meta" | "link" | "script" | "body" | "html"
            )
        {
            return None;
        }
        let rel_author = n
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"));
        let hint = &n.hints;
        let is_byline = rel_author
            || hint.contains("byline")
            || hint.split_whitespace().any(|w| {
                w == "author"
                    || w.ends_with("author-name")
                    || w.ends_with("__author")
                    || w == "article-author"
            });
        if !is_byline {
            return None;
        }
        let text = dom.text_of(id);
        (text.chars().count() <= 120)
            .then(|| clean_byline(&text))
            .flatten()
    })
}

/// The host of an address without `www.`, for naming an outlet from the page's address.
pub(super) fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}
