//! Plain-text articles: an optional header, an optional headline, then paragraphs.
//!
//! The header comes in three shapes, all optional:
//! - the seeds' ` date 2022-12 Body text …`: a date with the body going on on the same line;
//! - a block of `key: value` lines (title, source, date, url, author, lang) ended by a blank line;
//! - `---` front matter with the same keys.
//!
//! This module splits the text into raw paragraphs; deciding what each paragraph *is* belongs to
//! [`super::paragraphs`].

use crate::article::{PartialDate, Provenance};
use crate::text::language::Language;

/// What the header and layout of a text file say, before any interpretation of the body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawText {
    /// A headline from a `title:` key or a title line.
    pub headline: Option<String>,
    /// A publication date and where it came from.
    pub date: Option<(PartialDate, Provenance)>,
    /// A `source:` key.
    pub source: Option<String>,
    /// Whether `source` is the host of the page's address rather than a name the file gives.
    pub source_from_address: bool,
    /// A `lang:` key.
    pub language: Option<Language>,
    /// A `url:` key.
    pub url: Option<String>,
    /// An `author:` key.
    pub author: Option<String>,
    /// The paragraphs, each exactly as in the file but trimmed.
    pub paragraphs: Vec<String>,
    /// What the markup says a paragraph is (an HTML `<h2>`, a `<figcaption>`), by position;
    /// shorter than `paragraphs`, or `None`, where the markup says nothing. `Body` (an HTML
    /// `<p>`) still lets the text mark furniture and photo credits, but not a caption.
    pub hints: Vec<Option<crate::article::ParagraphKind>>,
}

/// Splits a decoded text file into header, headline and paragraphs.
pub fn parse(text: &str) -> RawText {
    let mut raw = RawText::default();
    let body = strip_header(text, &mut raw);
    let mut blocks = blocks(body);
    if raw.headline.is_none() {
        if let Some(headline) = take_headline(&mut blocks) {
            raw.headline = Some(headline);
        }
    }
    raw.paragraphs = blocks.into_iter().flat_map(block_paragraphs).collect();
    raw
}

/// The paragraphs of a text that has no header and no headline (a JSON record's `text`).
pub fn body_paragraphs(text: &str) -> Vec<String> {
    blocks(text)
        .into_iter()
        .flat_map(block_paragraphs)
        .collect()
}

/// Parses a header value as a date: ISO (`2022-12`, `2022-12-05`, `2022-12-05T10:00:00Z`).
pub fn parse_date_value(value: &str) -> Option<PartialDate> {
    super::dates::date_value(value)
}

/// Reads any header at the top of `text` into `raw` and returns the rest.
pub(crate) fn strip_header<'a>(text: &'a str, raw: &mut RawText) -> &'a str {
    let trimmed = text.trim_start_matches(['\u{feff}', '\n']);
    if let Some(rest) = front_matter(trimmed, raw) {
        return rest;
    }
    if let Some(rest) = key_block(trimmed, raw) {
        return rest;
    }
    if let Some(rest) = inline_date(trimmed, raw) {
        return rest;
    }
    trimmed
}

/// ` date 2022-12 Laat de …`: the seeds' header, with the body continuing on the same line.
fn inline_date<'a>(text: &'a str, raw: &mut RawText) -> Option<&'a str> {
    let t = text.trim_start_matches([' ', '\t']);
    let lower_prefix = t.get(..5)?.to_ascii_lowercase();
    let after_key = if lower_prefix == "date:" || lower_prefix == "date " {
        &t[5..]
    } else if t.get(..6)?.eq_ignore_ascii_case("datum:")
        || t.get(..6)?.eq_ignore_ascii_case("datum ")
    {
        &t[6..]
    } else {
        return None;
    };
    let after_key = after_key.trim_start_matches([' ', '\t']);
    let end = after_key
        .find(|c: char| c.is_whitespace())
        .unwrap_or(after_key.len());
    let date = parse_date_value(&after_key[..end])?;
    raw.date = Some((date, Provenance::Header));
    Some(after_key[end..].trim_start_matches([' ', '\t']))
}

/// Recognised header keys, in English and Dutch.
fn header_key(key: &str) -> Option<&'static str> {
    Some(match key.trim().to_lowercase().as_str() {
        "title" | "titel" | "headline" | "kop" => "title",
        "source" | "bron" | "outlet" | "medium" | "publisher" => "source",
        "date" | "datum" | "published" | "gepubliceerd" => "date",
        "url" | "link" => "url",
        "author" | "auteur" | "by" | "door" => "author",
        "lang" | "language" | "taal" => "lang",
        _ => return None,
    })
}

/// Applies one `key: value` pair; `false` if the value is not valid for its key.
fn apply_key(key: &str, value: &str, provenance: &Provenance, raw: &mut RawText) -> bool {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 300 {
        return false;
    }
    match key {
        "title" => raw.headline = Some(value.to_string()),
        "source" => raw.source = Some(value.to_string()),
        "author" => raw.author = Some(value.to_string()),
        "url" => {
            if !(value.starts_with("http://") || value.starts_with("https://")) {
                return false;
            }
            raw.url = Some(value.to_string());
        }
        "date" => match parse_date_value(value) {
            Some(d) => raw.date = Some((d, provenance.clone())),
            None => return false,
        },
        "lang" => match Language::from_code(value) {
            Some(l) => raw.language = Some(l),
            None => return false,
        },
        _ => return false,
    }
    true
}

fn split_key_line(line: &str) -> Option<(&'static str, &str)> {
    let (key, value) = line.split_once(':')?;
    if key.contains(char::is_whitespace) && key.trim().contains(' ') {
        return None;
    }
    Some((header_key(key)?, value))
}

/// A block of `key: value` lines at the very top, ended by a blank line.
fn key_block<'a>(text: &'a str, raw: &mut RawText) -> Option<&'a str> {
    let mut scratch = RawText::default();
    let mut consumed = 0usize;
    let mut keys = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if keys == 0 {
                return None;
            }
            consumed += line.len();
            break;
        }
        let (key, value) = split_key_line(content)?;
        if !apply_key(key, value, &Provenance::Header, &mut scratch) {
            return None;
        }
        keys += 1;
        consumed += line.len();
    }
    if keys == 0 || consumed >= text.len() && text[..consumed].trim().is_empty() {
        return None;
    }
    merge(raw, scratch);
    Some(&text[consumed..])
}

/// `---` front matter with the same keys; unknown keys are ignored there.
fn front_matter<'a>(text: &'a str, raw: &mut RawText) -> Option<&'a str> {
    let rest = text.strip_prefix("---\n")?;
    let close = rest.find("\n---")?;
    let block = &rest[..close];
    let after = &rest[close + 4..];
    let after = after.split_once('\n').map_or("", |(_, body)| body);
    let mut scratch = RawText::default();
    for line in block.lines() {
        if let Some((key, value)) = split_key_line(line) {
            apply_key(key, value, &Provenance::FrontMatter, &mut scratch);
        }
    }
    merge(raw, scratch);
    Some(after)
}

fn merge(raw: &mut RawText, from: RawText) {
    raw.headline = from.headline.or(raw.headline.take());
    raw.date = from.date.or(raw.date.take());
    raw.source = from.source.or(raw.source.take());
    raw.language = from.language.or(raw.language.take());
    raw.url = from.url.or(raw.url.take());
    raw.author = from.author.or(raw.author.take());
}

/// Runs of non-blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '\'', '’', '”', '»', ')'])
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

/// The first line is a headline when it is short, does not end like a sentence, and text follows.
fn take_headline(blocks: &mut Vec<Vec<&str>>) -> Option<String> {
    let first_block = blocks.first()?;
    let line = first_block.first()?.trim();
    let more_text = first_block.len() > 1 || blocks.len() > 1;
    let words = line.split_whitespace().count();
    let trimmed_end = line.trim_end_matches(['"', '\'', '’', '”', '»']);
    let question = trimmed_end.ends_with(['?', '!']);
    // A cut-off headline ends in an ellipsis ("Rivals of the £400 Apple...").
    let truncated = trimmed_end.ends_with("...") || trimmed_end.ends_with('…');
    // "iTunes now selling …": a lowercase start is fine when the word is a brand.
    let first_word = line.split_whitespace().next().unwrap_or("");
    let starts_well = first_word.chars().next().is_some_and(|c| !c.is_lowercase())
        || first_word.chars().any(char::is_uppercase);
    let headline_like = more_text
        && (1..=25).contains(&words)
        && line.chars().count() <= 200
        && (!ends_sentence(line) || (question && words <= 15) || truncated)
        && !line.ends_with([',', ':', ';', '-', '–'])
        && starts_well;
    if !headline_like {
        return None;
    }
    let headline = line.to_string();
    blocks[0].remove(0);
    if blocks[0].is_empty() {
        blocks.remove(0);
    }
    Some(headline)
}

/// A block is one hard-wrapped paragraph or a run of one-line paragraphs.
///
/// Exports from mail and old systems wrap lines at a fixed width; their lines are of similar
/// length and mostly end mid-sentence. Web copy (like seed 003) puts one paragraph on each line.
fn block_paragraphs(block: Vec<&str>) -> Vec<String> {
    if block.len() == 1 {
        return vec![block[0].trim().to_string()];
    }
    let body_lines = &block[..block.len() - 1];
    let wrapped = body_lines
        .iter()
        .all(|l| (20..=100).contains(&l.trim().chars().count()))
        && body_lines.iter().filter(|l| !ends_sentence(l)).count() * 2 >= body_lines.len();
    if wrapped {
        vec![block
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join("\n")]
    } else {
        block.iter().map(|l| l.trim().to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Precision;

    #[test]
    fn the_seed_header_gives_a_month_and_keeps_the_body_on_its_line() {
        let raw = parse(
            " date 2022-12 Laat de dictator zich verleiden?Maandag bracht hij.\n\nTweede alinea.",
        );
        let (date, prov) = raw.date.unwrap();
        assert_eq!(date.iso(), "2022-12");
        assert_eq!(date.precision(), Precision::Month);
        assert_eq!(prov, Provenance::Header);
        assert_eq!(raw.headline, None);
        assert_eq!(
            raw.paragraphs,
            [
                "Laat de dictator zich verleiden?Maandag bracht hij.",
                "Tweede alinea."
            ]
        );
    }

    #[test]
    fn a_key_block_sets_metadata() {
        let raw = parse("title: Poetin in Minsk\nsource: De Morgen\ndate: 2022-12-19\nlang: nl\nurl: https://example.org/a\n\nDe tekst.\n\nMeer tekst.");
        assert_eq!(raw.headline.as_deref(), Some("Poetin in Minsk"));
        assert_eq!(raw.source.as_deref(), Some("De Morgen"));
        assert_eq!(raw.date.unwrap().0.iso(), "2022-12-19");
        assert_eq!(raw.language, Some(Language::Dutch));
        assert_eq!(raw.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(raw.paragraphs, ["De tekst.", "Meer tekst."]);
    }

    #[test]
    fn body_text_with_a_colon_is_not_a_header() {
        let raw = parse("Kemper: de oorlog duurt lang.\n\nMeer.");
        assert_eq!(raw.source, None);
        assert_eq!(raw.paragraphs[0], "Kemper: de oorlog duurt lang.");
        let raw = parse("Date: tomorrow we go\n\nMeer.");
        assert_eq!(raw.date, None);
    }

    #[test]
    fn front_matter_is_read() {
        let raw = parse("---\ntitle: Kop\ndate: 2022-10\nlayout: post\n---\nTekst hier.\n");
        assert_eq!(raw.headline.as_deref(), Some("Kop"));
        assert_eq!(raw.date.clone().unwrap().1, Provenance::FrontMatter);
        assert_eq!(raw.paragraphs, ["Tekst hier."]);
    }

    #[test]
    fn headlines_are_short_first_lines_that_do_not_end_like_sentences() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Ad sales boost Time Warner profit\n\nQuarterly profits rose.", Some("Ad sales boost Time Warner profit")),
            ("Poetins handlanger in spagaat: 'Ziet land opgeslokt worden'\nPresident Loekasjenko laat geen kans onbenut.", Some("Poetins handlanger in spagaat: 'Ziet land opgeslokt worden'")),
            ("Is this the end?\n\nPerhaps not.", Some("Is this the end?")),
            ("Dit is de eerste zin.\n\nDit is de tweede.", None),
            ("Alleen een regel zonder punt", None),
            ("de kop begint klein\n\nTekst.", None),
            ("iTunes now selling Band Aid song\n\nIpod owners can now download it.", Some("iTunes now selling Band Aid song")),
            ("Rivals of the £400 Apple...\n\nThe Mac mini is cheap.", Some("Rivals of the £400 Apple...")),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).headline.as_deref(), *expected, "{text:?}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_stay_whole() {
        let text = "Headline\n\nThe minister said on Monday that the plan would go\nahead despite the protests of the opposition parties\nin parliament.\n\nNext paragraph.";
        let raw = parse(text);
        assert_eq!(raw.paragraphs.len(), 2);
        assert!(raw.paragraphs[0].contains("go\nahead"));
    }
}
