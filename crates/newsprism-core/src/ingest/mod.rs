//! Bytes to [`Article`]: decode, read the header and layout, classify paragraphs, and fill in
//! what can honestly be known (title, date, language) without guessing anything else.
//!
//! Every failure is an [`IngestError`] naming the file; no input makes this module panic.

pub mod companions;
pub mod dates;
pub mod encoding;
pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mhtml;
pub mod paragraphs;
pub mod transfer;
pub mod txt;

use crate::article::{
    count_words, Article, ArticleId, Paragraph, ParagraphKind, PartialDate, PubDate, TitleKind,
};
use crate::error::{IngestError, IngestErrorKind};
use crate::text::language;

use encoding::DecodeFailure;

/// The largest file Newsprism reads, in bytes (20 MB): far beyond any article, small enough
/// that a mistaken drop of a video cannot stall the page.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The longest derived title, in characters, before it is cut at a word boundary.
pub const MAX_DERIVED_TITLE_CHARS: usize = 90;

/// An article and what was noticed while reading it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Ingested {
    /// The article.
    pub article: Article,
    /// Notes for the user ("the last character was cut off").
    pub warnings: Vec<String>,
    /// The format it was read as.
    pub format: Format,
}

/// The file formats Newsprism reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Plain text, with the optional headers of [`txt`].
    Text,
    /// Markdown with optional front matter.
    Markdown,
    /// A saved web page.
    Html,
    /// A web page saved as one file (MHTML).
    Mhtml,
    /// An RSS or Atom feed: one article per item.
    Feed,
    /// A JSON array or object of records.
    Json,
    /// JSON Lines: one record per line.
    JsonLines,
    /// A Newsprism project file.
    Project,
}

impl Format {
    /// The format's name for the ingest report.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Mhtml => "MHTML",
            Format::Feed => "feed",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
            Format::Project => "Newsprism project",
        }
    }
}

/// What a file holds.
#[derive(Debug)]
pub enum FileContents {
    /// Articles: one for most files, one per record for JSON. A record that cannot be read is
    /// an error naming the file and the record; the others still count.
    Articles(Vec<Result<Ingested, IngestError>>),
    /// A Newsprism project file (already validated).
    Project(Box<crate::project::Project>),
}

/// Decides a file's format from its extension, or from its content when the extension says
/// nothing (`.dat`, no extension, a `.txt` that is really a saved web page).
///
/// ```
/// use newsprism_core::ingest::{detect_format, Format};
/// assert_eq!(detect_format("a.htm", "<p>x</p>"), Format::Html);
/// assert_eq!(detect_format("export", "[{\"text\": \"x\"}]"), Format::Json);
/// assert_eq!(detect_format("notes.txt", "Gewoon tekst."), Format::Text);
/// ```
pub fn detect_format(file_name: &str, text: &str) -> Format {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let project = || {
        head.starts_with('{')
            && head
                .get(..300)
                .unwrap_or(head)
                .contains(crate::project::FORMAT)
    };
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return Format::Html,
        "mhtml" | "mht" => return Format::Mhtml,
        "rss" | "atom" => return Format::Feed,
        "md" | "markdown" | "mdown" | "mkd" => return Format::Markdown,
        "jsonl" | "ndjson" => return Format::JsonLines,
        "json" | "newsprism" => {
            return if project() {
                Format::Project
            } else {
                Format::Json
            }
        }
        "txt" | "text" if !html::looks_like_html(head) => return Format::Text,
        _ => {}
    }
    if project() {
        return Format::Project;
    }
    if head.starts_with('{') || head.starts_with('[') {
        let lines: Vec<&str> = head
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > 1 && lines.iter().all(|l| l.starts_with('{') && l.ends_with('}')) {
            return Format::JsonLines;
        }
        if serde_json::from_str::<serde::de::IgnoredAny>(head).is_ok() {
            return Format::Json;
        }
    }
    if mhtml::looks_like_mhtml(head) {
        return Format::Mhtml;
    }
    if feed::looks_like_feed(head) {
        return Format::Feed;
    }
    if html::looks_like_html(head) {
        return Format::Html;
    }
    if !head.starts_with("---")
        && head
            .lines()
            .any(|l| l.starts_with("# ") || l.starts_with("## "))
    {
        return Format::Markdown;
    }
    Format::Text
}

/// The start of a text, lowercased, without a byte-order mark or leading white space: what the
/// format sniffers look at.
pub(crate) fn lowercase_head(text: &str, chars: usize) -> String {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(chars)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Reads one file: decodes it, decides its format and reads the articles (or project) in it.
///
/// A file that cannot be read at all is an `Err`; inside a JSON file, each record that cannot
/// be read is its own error in the list.
pub fn read_file(file_name: &str, bytes: &[u8]) -> Result<FileContents, IngestError> {
    let fail = |kind| IngestError {
        file_name: file_name.to_string(),
        kind,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(fail(IngestErrorKind::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let mut decoded = encoding::decode(bytes).map_err(|f| {
        fail(match f {
            DecodeFailure::Empty => IngestErrorKind::Empty,
            DecodeFailure::Binary { what } => IngestErrorKind::Binary { what: what.into() },
            DecodeFailure::Undecodable { encoding } => IngestErrorKind::Undecodable { encoding },
        })
    })?;
    if decoded.text.trim().is_empty() {
        return Err(fail(IngestErrorKind::Empty));
    }
    // Decomposed letters ("e" + combining acute) read as the precomposed ones they equal.
    if let std::borrow::Cow::Owned(composed) = crate::text::compose::compose(&decoded.text) {
        decoded.text = composed;
    }
    let format = detect_format(file_name, &decoded.text);
    let one = |raw: txt::RawText| vec![build(file_name, raw, &decoded, format)];
    let items = match format {
        Format::Text => one(txt::parse(&decoded.text)),
        Format::Markdown => one(markdown::parse(&decoded.text)),
        Format::Html => one(html::parse(&decoded.text)),
        Format::Mhtml => {
            let page =
                mhtml::page(&decoded.text).map_err(|why| fail(IngestErrorKind::BadPage { why }))?;
            let mut raw = html::parse(&page.html);
            raw.url = raw.url.or(page.url);
            let inner = encoding::Decoded {
                text: page.html,
                encoding: page.encoding,
                warning: decoded.warning.clone(),
            };
            vec![build(file_name, raw, &inner, format)]
        }
        Format::Feed => {
            let items =
                feed::parse(&decoded.text).map_err(|why| fail(IngestErrorKind::BadPage { why }))?;
            records(file_name, items, "item", &decoded, format)
        }
        Format::Json | Format::JsonLines => {
            let records_read = json::parse(&decoded.text, format == Format::JsonLines)
                .map_err(|why| fail(IngestErrorKind::BadJson { why }))?;
            let unit = if format == Format::JsonLines {
                "line"
            } else {
                "record"
            };
            records(file_name, records_read, unit, &decoded, format)
        }
        Format::Project => {
            return crate::project::Project::from_json(&decoded.text)
                .map(|p| FileContents::Project(Box::new(p)))
                .map_err(|why| fail(IngestErrorKind::BadProject { why }));
        }
    };
    Ok(FileContents::Articles(items))
}

/// The articles of a file that holds several (JSON records, feed items), each named by its
/// number when there is more than one.
fn records(
    file_name: &str,
    items: Vec<(usize, Result<txt::RawText, String>)>,
    unit: &str,
    decoded: &encoding::Decoded,
    format: Format,
) -> Vec<Result<Ingested, IngestError>> {
    let single = items.len() == 1;
    items
        .into_iter()
        .map(|(n, record)| {
            let name = if single {
                file_name.to_string()
            } else {
                format!("{file_name} ({unit} {n})")
            };
            match record {
                Ok(raw) => build(&name, raw, decoded, format),
                Err(why) => Err(IngestError {
                    file_name: name,
                    kind: IngestErrorKind::BadRecord { why },
                }),
            }
        })
        .collect()
}

/// Reads a file that holds one article (the first, for a JSON file of several).
///
/// ```
/// use newsprism_core::ingest::parse_article;
/// use newsprism_core::article::TitleKind;
/// let a = parse_article("a.txt", b" date 2022-12 Poetin bezocht Minsk. Het was koud.").unwrap().article;
/// assert_eq!(a.title, "Poetin bezocht Minsk.");
/// assert_eq!(a.title_kind, TitleKind::Derived);
/// assert_eq!(a.pub_date.unwrap().date.human(), "Dec 2022");
/// ```
pub fn parse_article(file_name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    match read_file(file_name, bytes)? {
        FileContents::Articles(items) => items.into_iter().next().unwrap_or_else(|| {
            Err(IngestError {
                file_name: file_name.to_string(),
                kind: IngestErrorKind::NoWords,
            })
        }),
        FileContents::Project(_) => Err(IngestError {
            file_name: file_name.to_string(),
            kind: IngestErrorKind::BadRecord {
                why: "it is a Newsprism project, not an article".into(),
            },
        }),
    }
}

/// The paragraphs with their kinds: classified by their text, unless the format said.
fn classified(texts: Vec<String>, hints: &[Option<ParagraphKind>]) -> Vec<Paragraph> {
    let mut kinds = paragraphs::classify(&texts);
    for ((kind, hint), text) in kinds.iter_mut().zip(hints).zip(&texts) {
        match hint {
            // The markup says paragraph: only furniture and credits are read from the text.
            Some(ParagraphKind::Body)
                if *kind != ParagraphKind::Boilerplate && !paragraphs::has_credit(text) =>
            {
                *kind = ParagraphKind::Body;
            }
            Some(ParagraphKind::Body) => {}
            Some(hint) => *kind = *hint,
            None => {}
        }
    }
    texts
        .into_iter()
        .zip(kinds)
        .map(|(text, kind)| Paragraph { kind, text })
        .collect()
}

/// The text an article's id is made from: the headline (not a derived title, which is only the
/// opening words again) and every paragraph.
fn id_text(title: &str, title_kind: TitleKind, paragraphs: &[Paragraph]) -> String {
    std::iter::once(if title_kind == TitleKind::Headline {
        title
    } else {
        ""
    })
    .chain(paragraphs.iter().map(|p| p.text.as_str()))
    .collect::<Vec<_>>()
    .join("\n")
}

/// Turns what a format reader found into an article.
fn build(
    file_name: &str,
    raw: txt::RawText,
    decoded: &encoding::Decoded,
    format: Format,
) -> Result<Ingested, IngestError> {
    let fail = |kind| IngestError {
        file_name: file_name.to_string(),
        kind,
    };
    if !raw
        .paragraphs
        .iter()
        .chain(raw.headline.iter())
        .any(|p| p.chars().any(char::is_alphanumeric))
    {
        return Err(fail(IngestErrorKind::NoWords));
    }
    let paragraphs = classified(raw.paragraphs, &raw.hints);
    let (title, title_kind) = match raw.headline {
        Some(h) => (h, TitleKind::Headline),
        None => (derive_title(&paragraphs), TitleKind::Derived),
    };
    let headline_words = if title_kind == TitleKind::Headline {
        count_words(&title)
    } else {
        0
    };
    let content: String = paragraphs
        .iter()
        .filter(|p| p.kind.is_content())
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let word_count = headline_words + count_words(&content);
    if word_count == 0 {
        return Err(fail(IngestErrorKind::NoWords));
    }
    let language = raw.language.unwrap_or_else(|| {
        let sample = format!("{title}\n{content}");
        language::detect(&sample)
    });
    let article = Article {
        id: ArticleId::from_text(&id_text(&title, title_kind, &paragraphs)),
        title,
        title_kind,
        pub_date: raw
            .date
            .map(|(date, provenance)| PubDate { date, provenance })
            .or_else(|| {
                date_in_file_name(file_name).map(|date| PubDate {
                    date,
                    provenance: crate::article::Provenance::FileName,
                })
            }),
        source: raw.source,
        source_from_address: raw.source_from_address,
        url: raw.url,
        author: raw.author,
        language,
        paragraphs,
        word_count,
        file_name: file_name.to_string(),
        encoding: decoded.encoding,
    };
    Ok(Ingested {
        article,
        warnings: decoded.warning.iter().cloned().collect(),
        format,
    })
}

/// A date in a file's name, as exporters and archives write it: `2022-12-19-minsk.txt`,
/// `nos_20221219.html`, `2022_12_poetin.md`. Only whole digit runs count, so the seeds' hex
/// names and numbers like `000_…` never produce a date, and a year must be 1900–2099.
pub fn date_in_file_name(name: &str) -> Option<PartialDate> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let runs: Vec<(usize, &str)> = stem
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_digit() && (i == 0 || !stem.as_bytes()[i - 1].is_ascii_alphanumeric())
        })
        .map(|(i, _)| {
            let run = &stem[i..];
            let end = run
                .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '_' || c == '.'))
                .unwrap_or(run.len());
            (i, run[..end].trim_end_matches(['-', '_', '.']))
        })
        .collect();
    for (i, run) in runs {
        // Not glued to letters or more digits on the right ("2022x" or a hex id).
        let after = stem[i + run.len()..].chars().next();
        if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let parts: Vec<&str> = run.split(['-', '_', '.']).collect();
        let year_ok =
            |y: &str| y.len() == 4 && (1900..=2099).contains(&y.parse::<i32>().unwrap_or(0));
        let date = match parts.as_slice() {
            [compact] if compact.len() == 8 && year_ok(&compact[..4]) => PartialDate::day(
                compact[..4].parse().ok()?,
                compact[4..6].parse().ok()?,
                compact[6..].parse().ok()?,
            ),
            [y, m, d, ..] if year_ok(y) && m.len() == 2 && d.len() == 2 => {
                PartialDate::day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            [y, m, ..] if year_ok(y) && m.len() == 2 => {
                PartialDate::month(y.parse().ok()?, m.parse().ok()?)
            }
            _ => None,
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// The opening sentence of the first body paragraph, cut at a word boundary.
fn derive_title(paragraphs: &[Paragraph]) -> String {
    let first = paragraphs
        .iter()
        .find(|p| p.kind == crate::article::ParagraphKind::Body)
        .or_else(|| paragraphs.first());
    let Some(first) = first else {
        return String::new();
    };
    let sentence = crate::text::sentence::sentences(&first.text)
        .into_iter()
        .next()
        .map_or(first.text.as_str(), |r| &first.text[r]);
    let flat = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    cut_at_word(&flat, MAX_DERIVED_TITLE_CHARS)
}

/// Cuts `text` to at most `max` characters at a word boundary, marking the cut with "…".
pub fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let limit = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let cut = head
        .rfind(char::is_whitespace)
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    let kept = head[..cut].trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        let cases: &[(&[u8], IngestErrorKind)] = &[
            (b"", IngestErrorKind::Empty),
            (b"  \n\t \n", IngestErrorKind::Empty),
            (b"-- !! ... \xe2\x80\x94", IngestErrorKind::NoWords),
            (
                b"%PDF-1.7\n...",
                IngestErrorKind::Binary {
                    what: "a PDF document".into(),
                },
            ),
            (
                b"\x00\x01\x02binary",
                IngestErrorKind::Binary {
                    what: "binary data".into(),
                },
            ),
        ];
        for (bytes, kind) in cases {
            let err = parse_article("f.txt", bytes).unwrap_err();
            assert_eq!(&err.kind, kind, "{bytes:?}");
            assert_eq!(err.file_name, "f.txt");
        }
    }

    #[test]
    fn oversized_files_are_refused_before_decoding() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let err = parse_article("big.txt", &big).unwrap_err();
        assert!(matches!(err.kind, IngestErrorKind::TooLarge { .. }));
    }

    #[test]
    fn derived_titles_are_cut_at_a_word_boundary() {
        assert_eq!(cut_at_word("kort", 10), "kort");
        assert_eq!(cut_at_word("een twee drie vier", 10), "een twee…");
        assert_eq!(cut_at_word("eentweedrievier", 5), "eentw…");
    }

    #[test]
    fn a_header_only_file_has_no_words() {
        let err = parse_article("h.txt", b" date 2022-12 ").unwrap_err();
        assert_eq!(err.kind, IngestErrorKind::NoWords);
    }

    #[test]
    fn dates_in_file_names_are_read_and_ids_are_not() {
        let cases = [
            ("2022-12-19-minsk.txt", Some("2022-12-19")),
            ("nos_20221219.html", Some("2022-12-19")),
            ("archive/2022_12_poetin.md", Some("2022-12")),
            ("000_862f0dab74190d4b.txt", None),
            ("sport/199.txt", None),
            ("report-2022.txt", None),
            ("x20221219.txt", None),
            ("2022-13-01.txt", None),
            ("2022-02-30.txt", None),
        ];
        for (name, want) in cases {
            assert_eq!(
                date_in_file_name(name).map(|d| d.iso()),
                want.map(String::from),
                "{name}"
            );
        }
    }
}
