//! The article model: what one news article is once it has been read.
//!
//! This module owns the data types only. Turning bytes into an [`Article`] is the job of
//! [`crate::ingest`]; nothing here reads files or guesses anything.

pub mod voice;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::language::Language;

/// A stable identifier derived from an article's text.
///
/// The same text always gets the same id, whatever the file is called or when it was loaded,
/// so that links (`#/article/<id>`), stored edits and duplicate detection survive a reload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

impl ArticleId {
    /// The id of a text: a 64-bit FNV-1a hash of its words, separated by single spaces.
    ///
    /// Hashing the words rather than the raw bytes makes the id blind to line endings,
    /// re-wrapping and trailing blanks, which differ between exports of the same article.
    pub fn from_text(text: &str) -> Self {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash = OFFSET;
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hash ^= u64::from(b' ');
                hash = hash.wrapping_mul(PRIME);
            }
            for byte in word.bytes() {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(PRIME);
            }
        }
        ArticleId(hash)
    }

    /// Parses the 16-hex-digit form produced by [`fmt::Display`].
    pub fn parse(s: &str) -> Option<Self> {
        if s.len() != 16 {
            return None;
        }
        u64::from_str_radix(s, 16).ok().map(ArticleId)
    }
}

impl Serialize for ArticleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ArticleId::parse(&s)
            .ok_or_else(|| serde::de::Error::custom("an article id is 16 hex digits"))
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar date that is known only to some [`Precision`].
///
/// `2022-12` is December 2022 and nothing more: no day is ever filled in. Values are
/// validated on construction, so a `PartialDate` is always a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Option<Self> {
        (1..=9999).contains(&year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        let y = Self::year(year)?;
        (1..=12).contains(&month).then_some(PartialDate {
            month: Some(month),
            ..y
        })
    }

    /// A date known to the day; `None` for a day that does not exist (31 April, 29 February 2023).
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        let m = Self::month(year, month)?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(PartialDate {
            day: Some(day),
            ..m
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with `/` or `.` as separator).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let mut parts = s.split(['-', '/', '.']);
        let year_part = parts.next()?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_part.parse().ok()?;
        let num = |p: &str| -> Option<u8> {
            if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Self::year(year),
            (Some(m), None, _) => Self::month(year, num(m)?),
            (Some(m), Some(d), None) => Self::day(year, num(m)?, num(d)?),
            _ => None,
        }
    }

    /// The year.
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_value(&self) -> Option<u8> {
        self.day
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The ISO form at the date's own precision: `2022`, `2022-12` or `2022-12-05`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// A short human form at the date's own precision: `2022`, `Dec 2022`, `5 Dec 2022`.
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {} {}", d, MONTH_ABBR[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTH_ABBR[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }

    /// A key that sorts dates chronologically; an unknown month or day sorts first within its
    /// year or month, which is where a reader looking for "December 2022" expects it.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("“{s}” is not a YYYY, YYYY-MM or YYYY-MM-DD date"))
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Where a publication date came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// A ` date 2022-12` line or a `date:` key at the top of a text file.
    Header,
    /// Markdown front matter.
    FrontMatter,
    /// HTML metadata (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`).
    HtmlMeta,
    /// A date line on a web page ("19 december 2022", "Stand: 19.12.2022").
    DateLine,
    /// A date in the page's address (`/2022/12/19/`).
    PageAddress,
    /// A date field of a JSON record.
    Record,
    /// A date in the file's name.
    FileName,
    /// Set by the user.
    UserEdit,
    /// Inferred from the text; `evidence` is the passage it rests on.
    Inferred {
        /// The words in the text that the date was taken from.
        evidence: String,
    },
}

impl Provenance {
    /// A short plain-language label for the UI.
    pub fn label(&self) -> &'static str {
        match self {
            Provenance::Header => "from the file's date header",
            Provenance::FrontMatter => "from the front matter",
            Provenance::HtmlMeta => "from the page's metadata",
            Provenance::Record => "from the record's date field",
            Provenance::DateLine => "from a date line on the page",
            Provenance::PageAddress => "from the page's address",
            Provenance::FileName => "from the file name",
            Provenance::UserEdit => "set by you",
            Provenance::Inferred { .. } => "inferred from the text",
        }
    }
}

/// A publication date: a [`PartialDate`] and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubDate {
    /// The date, at the precision the source gives.
    pub date: PartialDate,
    /// Where it came from.
    pub provenance: Provenance,
}

impl PubDate {
    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        self.date.precision()
    }
}

/// Whether a title was written by the source or made by Newsprism.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleKind {
    /// The file has a headline (a title line, a `title:` key, `<h1>`…).
    Headline,
    /// The file has none; the title is the opening sentence, cut at a word boundary.
    Derived,
}

/// What a paragraph is, for display and for leaving furniture out of analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A short heading inside the body ("Revolte", "Onder druk").
    Subheading,
    /// A photo or video caption.
    Caption,
    /// A short quotation set apart from the text, repeating what the text says.
    PullQuote,
    /// Site furniture: "Lees ook …", "KIJK. …", subscription teasers.
    Boilerplate,
}

impl ParagraphKind {
    /// Whether the paragraph is part of what the article says (everything but boilerplate).
    pub fn is_content(self) -> bool {
        !matches!(self, ParagraphKind::Boilerplate)
    }

    /// A lowercase name for CSS classes and tests.
    pub fn name(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Subheading => "subheading",
            ParagraphKind::Caption => "caption",
            ParagraphKind::PullQuote => "pullquote",
            ParagraphKind::Boilerplate => "boilerplate",
        }
    }
}

/// One paragraph, its text exactly as in the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// What the paragraph is.
    pub kind: ParagraphKind,
    /// The text, unchanged but for the surrounding white space.
    pub text: String,
}

/// One news article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the text.
    pub id: ArticleId,
    /// The headline, or a title derived from the opening sentence (see `title_kind`).
    pub title: String,
    /// Whether `title` is the source's own.
    pub title_kind: TitleKind,
    /// When it was published, if that is known.
    pub pub_date: Option<PubDate>,
    /// The outlet, if known. Never guessed.
    pub source: Option<String>,
    /// Whether `source` is the host of the page's canonical address (a page that names no
    /// publisher or site), not a name the file gives.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_from_address: bool,
    /// Where it was published online, if the file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The byline, if the file gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The article's language.
    pub language: Language,
    /// The paragraphs after the headline, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Words in the headline and all paragraphs except boilerplate.
    pub word_count: usize,
    /// The name of the file it was read from.
    pub file_name: String,
    /// The text encoding the file was decoded from.
    pub encoding: TextEncoding,
}

impl Article {
    /// The source for display: the outlet's name or [`UNKNOWN_SOURCE`].
    pub fn source_label(&self) -> &str {
        self.source.as_deref().unwrap_or(UNKNOWN_SOURCE)
    }

    /// The number of paragraphs of a kind.
    pub fn count_of(&self, kind: ParagraphKind) -> usize {
        self.paragraphs.iter().filter(|p| p.kind == kind).count()
    }
}

/// The encoding a file was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Windows-1252, the superset of ISO-8859-1 (Latin-1) that legacy Western exports use.
    Windows1252,
    /// Central European Windows-1250, as a page declared it.
    Windows1250,
    /// Cyrillic Windows-1251, as a page declared it.
    Windows1251,
    /// Greek Windows-1253, as a page declared it.
    Windows1253,
    /// Turkish Windows-1254, as a page declared it.
    Windows1254,
    /// Baltic Windows-1257, as a page declared it.
    Windows1257,
    /// ISO-8859-2 (Latin-2), as a page declared it.
    Iso8859_2,
    /// ISO-8859-15 (Latin-9), as a page declared it.
    Iso8859_15,
    /// KOI8-R, as a page declared it.
    Koi8R,
    /// GBK (and GB2312, which it extends), as a page declared it.
    Gbk,
    /// GB 18030, as a page declared it.
    Gb18030,
    /// Big5, as a page declared it.
    Big5,
    /// Shift_JIS, as a page declared it.
    ShiftJis,
    /// EUC-JP, as a page declared it.
    EucJp,
    /// EUC-KR, as a page declared it.
    EucKr,
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (with BOM)",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252 / Latin-1",
            TextEncoding::Windows1250 => "Windows-1250",
            TextEncoding::Windows1251 => "Windows-1251",
            TextEncoding::Windows1253 => "Windows-1253",
            TextEncoding::Windows1254 => "Windows-1254",
            TextEncoding::Windows1257 => "Windows-1257",
            TextEncoding::Iso8859_2 => "ISO-8859-2",
            TextEncoding::Iso8859_15 => "ISO-8859-15",
            TextEncoding::Koi8R => "KOI8-R",
            TextEncoding::Gbk => "GBK / GB2312",
            TextEncoding::Gb18030 => "GB 18030",
            TextEncoding::Big5 => "Big5",
            TextEncoding::ShiftJis => "Shift_JIS",
            TextEncoding::EucJp => "EUC-JP",
            TextEncoding::EucKr => "EUC-KR",
        })
    }
}

/// How an article whose file names no outlet is labelled. Only a label: the source itself is
/// `None`, and the filter for it is `source:unknown` (see [`crate::search::query`]).
pub const UNKNOWN_SOURCE: &str = "unknown source";

/// Counts words as a reader would: runs of non-space characters holding a letter or a digit.
///
/// "Wit-Rusland" and "10.000" are one word each; a lone dash is none.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_date_shows_no_day() {
        let d = PartialDate::month(2022, 12).unwrap();
        assert_eq!(d.human(), "Dec 2022");
        assert_eq!(d.iso(), "2022-12");
        assert_eq!(d.precision(), Precision::Month);
    }

    #[test]
    fn iso_parsing_keeps_the_given_precision() {
        let cases = [
            ("2022", Some(("2022", Precision::Year))),
            ("2022-12", Some(("2022-12", Precision::Month))),
            ("2022-12-05", Some(("2022-12-05", Precision::Day))),
            ("2022/2/5", Some(("2022-02-05", Precision::Day))),
            ("2022-13", None),
            ("2023-02-29", None),
            ("2024-02-29", Some(("2024-02-29", Precision::Day))),
            ("22-12", None),
            ("2022-12-05-01", None),
            ("", None),
            ("abcd", None),
        ];
        for (input, expected) in cases {
            let got = PartialDate::parse_iso(input).map(|d| (d.iso(), d.precision()));
            let expected = expected.map(|(s, p)| (s.to_string(), p));
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn ids_ignore_layout_but_not_words() {
        let a = ArticleId::from_text("Een  tekst\r\nover Minsk.\n");
        let b = ArticleId::from_text("Een tekst over Minsk.");
        let c = ArticleId::from_text("Een tekst over Moskou.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(ArticleId::parse(&a.to_string()), Some(a));
        assert_eq!(ArticleId::parse("xyz"), None);
    }

    #[test]
    fn words_are_counted_like_a_reader_counts_them() {
        assert_eq!(
            count_words("Wit-Rusland telt 10.000 soldaten – niet meer."),
            6
        );
        assert_eq!(count_words("  – … "), 0);
    }
}
