//! Publication dates as pages write them: ISO 8601 and RFC 3339 (the publisher's own date, not
//! the UTC one), RFC 2822 (`Tue, 14 Jan 2020 10:00:00 +0100`), epoch seconds and milliseconds, and
//! written dates in Dutch, English, German and French ("19 december 2022", "December 19, 2022",
//! "19. Dezember 2022", "19.12.2022", "le 19 décembre 2022"); and the `datePublished` of a page's
//! JSON-LD.

use crate::article::PartialDate;
use crate::text::fold::fold;
use crate::time::calendar;

/// Month names and abbreviations (folded), in Dutch, English, German and French.
const MONTHS: [&[&str]; 12] = [
    &[
        "januari", "january", "januar", "janner", "janvier", "jan", "janv",
    ],
    &[
        "februari", "february", "februar", "fevrier", "feb", "febr", "fev", "fevr",
    ],
    &["maart", "march", "marz", "mars", "mrt", "mar", "maer"],
    &["april", "avril", "apr", "avr"],
    &["mei", "may", "mai"],
    &["juni", "june", "juin", "jun"],
    &["juli", "july", "juillet", "jul", "juil"],
    &["augustus", "august", "aout", "aug"],
    &["september", "septembre", "sep", "sept"],
    &["oktober", "october", "octobre", "okt", "oct"],
    &["november", "novembre", "nov"],
    &["december", "dezember", "decembre", "dec", "dez"],
];

fn month_of(word: &str) -> Option<u8> {
    let w = fold(word.trim_end_matches('.'));
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u8 + 1)
}

/// A day of the month written as a number, with an ordinal or a full stop ("19", "19.", "1st").
fn day_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']);
    let w = ["st", "nd", "rd", "th", "e", "er"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(w);
    (1..=2)
        .contains(&w.len())
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',', ';', ')']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// `19.12.2022`, `19/12/2022`, `2022-12-19`, `19-12-2022`, `12/19/2022` (month first only when the
/// day cannot be the first number).
fn numeric(word: &str) -> Option<PartialDate> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() == 4 {
        return PartialDate::day(
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        );
    }
    let year: i32 = match parts[2].len() {
        4 => parts[2].parse().ok()?,
        2 => 2000 + parts[2].parse::<i32>().ok()?,
        _ => return None,
    };
    if !(1900..=2100).contains(&year) || parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let (a, b): (u8, u8) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    let (day, month) = if a > 12 || !w.contains('/') || b <= 12 {
        (a, b)
    } else {
        (b, a)
    };
    PartialDate::day(year, month, day)
}

/// The first date written in `text`, if any.
///
/// ```
/// use newsprism_core::ingest::dates::find_date;
/// let iso = |t: &str| find_date(t).map(|d| d.iso());
/// assert_eq!(iso("Gepubliceerd op 19 december 2022, 14:05").as_deref(), Some("2022-12-19"));
/// assert_eq!(iso("December 19th, 2022 | 2:05 pm").as_deref(), Some("2022-12-19"));
/// assert_eq!(iso("Stand: 19.12.2022 14:05 Uhr").as_deref(), Some("2022-12-19"));
/// assert_eq!(iso("Tue, 14 Jan 2020 10:00:00 +0100").as_deref(), Some("2020-01-14"));
/// assert_eq!(iso("le 3 février 2021").as_deref(), Some("2021-02-03"));
/// assert_eq!(iso("Seite 19 von 2022 Seiten"), None);
/// ```
pub fn find_date(text: &str) -> Option<PartialDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '|' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if w.bytes().any(|b| b.is_ascii_digit()) {
            if let Some(d) = numeric(w) {
                return Some(d);
            }
        }
        let at = |k: usize| words.get(i + k).copied().unwrap_or("");
        // 19 december 2022, 19. Dezember 2022
        if let (Some(day), Some(month), Some(year)) = (day_of(w), month_of(at(1)), year_of(at(2))) {
            if let Some(d) = PartialDate::day(year, month, day) {
                return Some(d);
            }
        }
        // December 19, 2022
        if let (Some(month), Some(day), Some(year)) = (month_of(w), day_of(at(1)), year_of(at(2))) {
            if let Some(d) = PartialDate::day(year, month, day) {
                return Some(d);
            }
        }
    }
    None
}

/// A date metadata value: ISO 8601 / RFC 3339 (the date as written, in the publisher's own
/// time zone), epoch seconds or milliseconds, RFC 2822 or a written date.
///
/// ```
/// use newsprism_core::ingest::dates::date_value;
/// let iso = |t: &str| date_value(t).map(|d| d.iso());
/// assert_eq!(iso("2021-10-28T00:30:00+02:00").as_deref(), Some("2021-10-28"));
/// assert_eq!(iso("1576108800").as_deref(), Some("2019-12-12"));
/// assert_eq!(iso("1576108800000").as_deref(), Some("2019-12-12"));
/// assert_eq!(iso("Thu, 12 Dec 2019 08:00:00 GMT").as_deref(), Some("2019-12-12"));
/// ```
pub fn date_value(value: &str) -> Option<PartialDate> {
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let date_part = value.split(['T', ' ']).next().unwrap_or("");
    if let Some(d) = PartialDate::parse_iso(date_part) {
        return Some(d);
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = value.parse().ok()?;
        let seconds = match value.len() {
            9 | 10 => n,
            12 | 13 => n / 1000,
            _ => return None,
        };
        let (year, month, day) = calendar::civil(i32::try_from(seconds.div_euclid(86_400)).ok()?);
        return PartialDate::day(year, month, day);
    }
    find_date(value)
}

/// The `datePublished` (else `dateCreated`) of a page's JSON-LD, read without trusting the JSON
/// to be well formed.
///
/// ```
/// use newsprism_core::ingest::dates::json_ld_date;
/// let ld = r#"{"@type":"NewsArticle","dateModified":"2020-01-02","datePublished": "2019-12-12T09:00:00+01:00"}"#;
/// assert_eq!(json_ld_date(ld).map(|d| d.iso()).as_deref(), Some("2019-12-12"));
/// ```
pub fn json_ld_date(json: &str) -> Option<PartialDate> {
    ["\"datePublished\"", "\"dateCreated\""]
        .iter()
        .find_map(|key| {
            json.match_indices(key).find_map(|(at, _)| {
                let rest = json[at + key.len()..]
                    .trim_start()
                    .strip_prefix(':')?
                    .trim_start();
                let value = rest.strip_prefix('"')?;
                date_value(&value[..value.find('"')?])
            })
        })
}

/// A date in a page's address: `/2022/12/19/`, `/2022-12-19/`, `20221219` between separators.
///
/// ```
/// use newsprism_core::ingest::dates::url_date;
/// assert_eq!(url_date("https://example.com/news/2022/12/19/minsk").map(|d| d.iso()).as_deref(), Some("2022-12-19"));
/// assert_eq!(url_date("https://example.com/2022-12-19-minsk.html").map(|d| d.iso()).as_deref(), Some("2022-12-19"));
/// assert_eq!(url_date("https://example.com/item/123456789"), None);
/// ```
pub fn url_date(url: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = url.split(['/', '?', '#', '_']).collect();
    for w in parts.windows(3) {
        let (y, m, d) = (w[0], w[1], w[2]);
        let Some(d) = d.get(..2).filter(|d| d.bytes().all(|b| b.is_ascii_digit())) else {
            continue;
        };
        if y.len() == 4 && m.len() == 2 {
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
                if let Some(date) = PartialDate::day(y, m, d).filter(|_| (1990..=2100).contains(&y))
                {
                    return Some(date);
                }
            }
        }
    }
    parts.iter().find_map(|p| {
        let digits = p.get(..10)?;
        let b = digits.as_bytes();
        (b[4] == b'-' && b[7] == b'-')
            .then(|| PartialDate::parse_iso(digits))
            .flatten()
            .filter(|d| d.day_value().is_some() && (1990..=2100).contains(&d.year_value()))
    })
}
