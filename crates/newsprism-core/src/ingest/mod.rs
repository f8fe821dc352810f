//! Bytes to [`Article`]: decode, read the header and layout, classify paragraphs, and fill in
//! what can honestly be known (title, date, language) without guessing anything else.
//!
//! Every failure is an [`IngestError`] naming the file; no input makes this module panic.

pub mod encoding;
pub mod paragraphs;
pub mod txt;

use crate::article::{count_words, Article, ArticleId, Paragraph, PubDate, TitleKind};
use crate::error::{IngestError, IngestErrorKind};
use crate::text::language;

use encoding::DecodeFailure;

/// The largest file Newsprism reads, in bytes (20 MB): far beyond any article, small enough
/// that a mistaken drop of a video cannot stall the page.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The longest derived title, in characters, before it is cut at a word boundary.
pub const MAX_DERIVED_TITLE_CHARS: usize = 90;

/// An article and what was noticed while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ingested {
    /// The article.
    pub article: Article,
    /// Notes for the user ("the last character was cut off").
    pub warnings: Vec<String>,
}

/// Reads one file into an article.
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
    let decoded = encoding::decode(bytes).map_err(|f| {
        fail(match f {
            DecodeFailure::Empty => IngestErrorKind::Empty,
            DecodeFailure::Binary { what } => IngestErrorKind::Binary { what },
            DecodeFailure::Undecodable { encoding } => IngestErrorKind::Undecodable { encoding },
        })
    })?;
    if decoded.text.trim().is_empty() {
        return Err(fail(IngestErrorKind::Empty));
    }
    if !decoded.text.chars().any(char::is_alphanumeric) {
        return Err(fail(IngestErrorKind::NoWords));
    }
    let raw = txt::parse(&decoded.text);
    let kinds = paragraphs::classify(&raw.paragraphs);
    let paragraphs: Vec<Paragraph> = raw
        .paragraphs
        .into_iter()
        .zip(kinds)
        .map(|(text, kind)| Paragraph { kind, text })
        .collect();

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
    let id_text = std::iter::once(if title_kind == TitleKind::Headline {
        title.as_str()
    } else {
        ""
    })
    .chain(paragraphs.iter().map(|p| p.text.as_str()))
    .collect::<Vec<_>>()
    .join("\n");

    let article = Article {
        id: ArticleId::from_text(&id_text),
        title,
        title_kind,
        pub_date: raw
            .date
            .map(|(date, provenance)| PubDate { date, provenance }),
        source: raw.source,
        language,
        paragraphs,
        word_count,
        file_name: file_name.to_string(),
        encoding: decoded.encoding,
    };
    Ok(Ingested {
        article,
        warnings: decoded.warning.into_iter().collect(),
    })
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
                    what: "a PDF document",
                },
            ),
            (
                b"\x00\x01\x02binary",
                IngestErrorKind::Binary {
                    what: "binary data",
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
}
