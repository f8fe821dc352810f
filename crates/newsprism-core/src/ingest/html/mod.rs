//! Web pages saved as `.html`: the article's text and metadata, nothing else.
//!
//! The page is tokenized by a WHATWG-conformant tokenizer (html5gum) into a forgiving element
//! tree (`tree.rs`); nothing in the page is ever executed or kept as markup. `content.rs` finds the
//! article in it and `meta.rs` reads what the page says about itself. The headline is the `<h1>`
//! that matches the page's title, else JSON-LD's or OpenGraph's headline, else `<title>`; the
//! date comes from JSON-LD, the metadata, `<time>`, the page's address or a date line, in that
//! order; the outlet is the publisher's or site's name, else the canonical address's host (marked
//! as such, never guessed otherwise).

mod content;
mod hints;
mod measure;
mod meta;
mod tree;

use content::Block;
use hints::BlockTag;
use meta::Meta;

use super::dates;
use super::txt::{parse_date_value, RawText};
use crate::article::{ParagraphKind, PartialDate, Provenance};
use crate::text::language::Language;

/// Collapses white space and removes soft hyphens, as the page reader does.
pub(super) fn squash_text(text: &str) -> String {
    content::squash(text)
}

/// Whether text looks like an HTML document or fragment rather than prose that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let head = super::lowercase_head(text, 1024);
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
    let dom = tree::Dom::parse(text);
    let content::Extracted {
        article,
        page,
        furniture,
    } = content::extract(&dom);
    let meta = meta::read(&dom, |id| furniture[id]);
    let byline = if meta.authors.is_empty() {
        meta::byline(&dom)
    } else {
        None
    };
    assemble(meta, article, &page, byline)
}

/// Below this much text outside captions, a page's captions are its text.
const MIN_BODY_CHARS: usize = 100;

/// How long a block may be to count as a date line (a byline, "Stand: …", "Published …").
const DATE_LINE_CHARS: usize = 160;

/// How long the opening of a paragraph or title may be, before its dash or bar, to be a dateline.
const DATE_OPENING_CHARS: usize = 40;

/// The date of a dateline that opens a paragraph or title and is set off by a dash or a bar
/// ("27.1.2022 - Bei der…", "BERLIN, 28.10.2021 – …", "08.11.2021 | Fachtag"); a date inside a
/// sentence ("Am 3. Februar 2021 hatte…") is what the text talks about, not a dateline.
fn opening_date(text: &str) -> Option<PartialDate> {
    let end = [" - ", " – ", " — ", " | "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()?;
    let opening = &text[..end];
    (opening.chars().count() <= DATE_OPENING_CHARS)
        .then(|| dates::find_date(opening))
        .flatten()
}

/// The publication date: JSON-LD's `datePublished`, then the page's metadata, then `<time>`,
/// then a date in the page's address, then the first short line of the page that is a date.
fn page_date(meta: &Meta, blocks: &[Block]) -> Option<(PartialDate, Provenance)> {
    let metadata = [
        &meta.ld.date_published,
        &meta.published,
        &meta.time_datetime,
        &meta.meta_date,
    ];
    // A day wins over a month-only date from an earlier source ("citation_publication_date:
    // 2017/01" beside "dc.date: 2017-01-30").
    let values: Vec<PartialDate> = metadata
        .into_iter()
        .flatten()
        .filter_map(|d| parse_date_value(d))
        .collect();
    values
        .iter()
        .find(|d| d.day_value().is_some())
        .or(values.first())
        .cloned()
        .or_else(|| dates::json_ld_date(&meta.ld_json))
        .map(|d| (d, Provenance::HtmlMeta))
        .or_else(|| {
            [&meta.url, &meta.og_url, &meta.ld.url]
                .into_iter()
                .flatten()
                .find_map(|u| dates::url_date(u))
                .map(|d| (d, Provenance::PageAddress))
        })
        .or_else(|| {
            // A short line that holds a date, or a paragraph that opens with one ("27.1.2022 -
            // Bei der…", "BERLIN, 28.10.2021 –").
            blocks
                .iter()
                .find_map(|b| {
                    if b.text.chars().count() <= DATE_LINE_CHARS {
                        return dates::find_date(&b.text);
                    }
                    opening_date(&b.text)
                })
                .map(|d| (d, Provenance::DateLine))
        })
        .or_else(|| {
            // A title that opens with its date ("08.11.2021 | Online-Fachtag …").
            let title = meta.title.as_deref().or(meta.og_title.as_deref())?;
            opening_date(title).map(|d| (d, Provenance::DateLine))
        })
}

/// Folds a title for comparing it with a heading.
fn title_key(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The headline: the `<h1>` the page's titles contain (or that contains them), else the first
/// `<h1>` of the article, else the metadata's headline, else the first `<h1>` of the page, else
/// `<title>`.
fn headline(meta: &Meta, article: &[Block], page: &[Block]) -> Option<String> {
    let titles: Vec<String> = [&meta.ld.headline, &meta.og_title, &meta.title]
        .into_iter()
        .flatten()
        .map(|t| title_key(t))
        .filter(|t| t.len() >= 8)
        .collect();
    let h1s = || page.iter().filter(|b| b.tag == BlockTag::Heading1);
    h1s()
        .find(|b| {
            let k = title_key(&b.text);
            k.len() >= 8
                && titles
                    .iter()
                    .any(|t| t.contains(&k) || k.contains(t.as_str()))
        })
        .or_else(|| article.iter().find(|b| b.tag == BlockTag::Heading1))
        .map(|b| b.text.clone())
        .or_else(|| meta.ld.headline.clone())
        .or_else(|| meta.og_title.clone())
        .or_else(|| h1s().next().map(|b| b.text.clone()))
        .or_else(|| meta.title.clone())
}

fn assemble(meta: Meta, article: Vec<Block>, page: &[Block], byline: Option<String>) -> RawText {
    let mut raw = RawText {
        date: page_date(&meta, page),
        headline: headline(&meta, &article, page),
        ..RawText::default()
    };
    // A video or photo page whose only running text is its media's caption: that caption is
    // what the page says, so it is read as text.
    let body_chars: usize = article
        .iter()
        .filter(|b| !matches!(b.tag, BlockTag::Caption | BlockTag::Heading1))
        .map(|b| b.text.len())
        .sum();
    let captions_are_text = body_chars < MIN_BODY_CHARS;
    for b in article {
        if b.tag == BlockTag::Heading1 && Some(&b.text) == raw.headline.as_ref() {
            continue;
        }
        let hint = match b.tag {
            BlockTag::Subheading => Some(ParagraphKind::Subheading),
            BlockTag::Caption if captions_are_text => None,
            BlockTag::Caption => Some(ParagraphKind::Caption),
            BlockTag::Paragraph => Some(ParagraphKind::Body),
            _ => None,
        };
        raw.paragraphs.push(b.text);
        raw.hints.push(hint);
    }
    let url = [&meta.url, &meta.og_url, &meta.ld.url]
        .into_iter()
        .flatten()
        .find(|u| u.starts_with("http://") || u.starts_with("https://"))
        .cloned();
    raw.source = meta.ld.publisher.clone().or(meta.site_name.clone());
    if raw.source.is_none() {
        raw.source = url.as_deref().and_then(meta::host);
        raw.source_from_address = raw.source.is_some();
    }
    let mut authors = meta.authors.clone();
    authors.extend(byline);
    raw.author = (!authors.is_empty()).then(|| authors.join(", "));
    raw.url = url;
    raw.language = meta.lang.as_deref().and_then(Language::from_code);
    raw
}

#[cfg(test)]
mod tests;
