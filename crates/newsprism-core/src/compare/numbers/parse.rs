//! Numbers as written: digits in each language's conventions with scale words and suffixes,
//! number words (Dutch compounds included), collective numerals and vague amounts.

use crate::compare::words::{Doc, Sentence};
use crate::text::fold::fold;
use crate::text::language::Language;
use crate::text::lexicon::cardinal;

/// The value of a Dutch or English number word, compounds included.
///
/// ```
/// use newsprism_core::compare::numbers::number_word;
/// assert_eq!(number_word("zevenhonderd"), Some(700.0));
/// assert_eq!(number_word("eenentwintig"), Some(21.0));
/// assert_eq!(number_word("tweeëntwintigduizend"), Some(22000.0));
/// assert_eq!(number_word("een"), None); // the article, far more often
/// ```
pub fn number_word(word: &str) -> Option<f64> {
    // "één" (stressed) is the number; "een" the article.
    if matches!(word.to_lowercase().as_str(), "één" | "éen" | "eén") {
        return Some(1.0);
    }
    let w = fold(word);
    if w == "een" || w == "one" {
        return None;
    }
    cardinal(&w).map(|n| n as f64)
}

/// A collective numeral: "wij tweeën", "met z'n drieën" (people, counted).
pub(super) fn collective(word: &str) -> Option<f64> {
    match fold(word).as_str() {
        "tweeen" => Some(2.0),
        "drieen" => Some(3.0),
        _ => None,
    }
}

/// The share a fraction word stands for: "fifth" 5, "kwart" 4.
fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "helft" => 2.0,
        "third" | "thirds" | "derde" => 3.0,
        "quarter" | "quarters" | "kwart" => 4.0,
        "fifth" | "fifths" | "vijfde" => 5.0,
        "sixth" | "zesde" => 6.0,
        "tenth" | "tenths" | "tiende" => 10.0,
        _ => return None,
    })
}

/// A share written in words at word `i`: "a fifth", "more than a quarter of", "two thirds",
/// "one in five", "een op de vijf". A fraction word before a noun is an ordinal ("a third
/// term"), so it must be followed by "of"/"van", a function word or nothing.
fn share_at(s: &Sentence, i: usize) -> Option<Number> {
    let key = |k: usize| s.words.get(k).map(|w| w.key.as_str());
    let count = |k: usize| -> Option<f64> {
        let k = key(k)?;
        if matches!(k, "one" | "een" | "a" | "an" | "één") {
            return Some(1.0);
        }
        cardinal(k).map(|n| n as f64).or_else(|| k.parse().ok())
    };
    let many = count(i)?;
    // "one in five pensioners", "een op de vijf".
    if matches!(key(i), Some("one" | "een" | "één")) {
        let (of, used) = match (key(i + 1), key(i + 2)) {
            (Some("in"), _) => (count(i + 2), 3),
            (Some("op"), Some("de")) => (count(i + 3), 4),
            _ => (None, 0),
        };
        if let Some(n) = of.filter(|n| *n > 1.0) {
            return Some(Number::exact(1.0 / n, used));
        }
    }
    let parts = fraction(key(i + 1)?)?;
    let plural = key(i + 1).is_some_and(|k| k.ends_with('s'));
    if plural != (many > 1.0) {
        return None;
    }
    let next = s.words.get(i + 2);
    let stands_alone = next.is_none_or(|n| !n.content || matches!(n.key.as_str(), "of" | "van"));
    stands_alone.then(|| Number::exact(many / parts, 2))
}

/// Whether an English "one" at word `i` counts what follows ("one vehicle", "One dissenting
/// opinion") rather than standing for something ("the one", "one of the", "buying one").
fn one_counts(s: &Sentence, i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| s.words[k].key.as_str());
    if matches!(
        before,
        Some("the" | "no" | "any" | "every" | "each" | "this" | "that" | "which" | "such")
    ) {
        return false;
    }
    s.words.get(i + 1).is_some_and(|n| {
        n.content
            && !n.capital
            && n.key.chars().all(char::is_alphabetic)
            && !matches!(
                n.key.as_str(),
                "another" | "way" | "thing" | "things" | "day" | "time" | "side"
            )
    })
}

/// Units of time that make "een" a number: "een jaar na het begin", "een week".
const TIME_UNITS: &[&str] = &[
    "jaar",
    "maand",
    "week",
    "dag",
    "uur",
    "decennium",
    "eeuw",
    "year",
    "month",
    "day",
    "hour",
    "decade",
    "century",
];

/// Vague amounts and the range they imply.
pub(super) fn vague(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "tientallen" | "dozens" => (20.0, 99.0),
        "honderden" | "hundreds" => (200.0, 999.0),
        "duizenden" | "thousands" => (2000.0, 9999.0),
        "enkele" | "verscheidene" | "meerdere" | "several" => (2.0, 9.0),
        "tienduizenden" => (20_000.0, 99_999.0),
        "honderdduizenden" => (200_000.0, 999_999.0),
        "miljoenen" | "millions" => (2e6, 9.99e8),
        _ => return None,
    })
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "duizend" | "thousand" | "k" => 1e3,
        "miljoen" | "mln" | "million" | "m" | "mn" => 1e6,
        "miljard" | "mld" | "mrd" | "billion" | "bn" | "b" => 1e9,
        "biljoen" | "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Parses digits by the language's conventions: "9.000" and "4,5" in Dutch, "9,000" and
/// "4.5" in English. A group of exactly three digits after the thousands mark is thousands;
/// anything else after either mark is a decimal.
///
/// ```
/// use newsprism_core::compare::numbers::parse_digits;
/// use newsprism_core::Language;
/// assert_eq!(parse_digits("9.000", Language::Dutch), Some(9000.0));
/// assert_eq!(parse_digits("1.234,5", Language::Dutch), Some(1234.5));
/// assert_eq!(parse_digits("4,5", Language::Dutch), Some(4.5));
/// assert_eq!(parse_digits("9,000", Language::English), Some(9000.0));
/// assert_eq!(parse_digits("15.8", Language::English), Some(15.8));
/// ```
pub fn parse_digits(s: &str, language: Language) -> Option<f64> {
    let (thousands, decimal) = match language {
        Language::English => (',', '.'),
        _ => ('.', ','),
    };
    let (int, frac) = match s.rfind(decimal) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(thousands).collect();
    let ok_groups = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    let int_digits: String = if ok_groups {
        groups.concat()
    } else if groups.len() == 2 && frac.is_none() {
        // "4.5" in Dutch text, "4,5" in English text: a decimal in the other convention.
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    } else {
        return None;
    };
    if !int_digits.bytes().all(|b| b.is_ascii_digit()) || int_digits.is_empty() {
        return None;
    }
    match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{int_digits}.{f}").parse().ok()
        }
        Some(_) => None,
        None => int_digits.parse().ok(),
    }
}

/// A number as read: its range of values, whether it is vague, and how many words it took.
#[derive(Clone, Copy, Debug)]
pub(super) struct Number {
    pub(super) low: f64,
    pub(super) high: f64,
    /// A vague amount ("duizenden"), not a figure.
    pub(super) vague: bool,
    /// Words it takes ("drie miljoen": 2).
    pub(super) used: usize,
}

impl Number {
    fn exact(v: f64, used: usize) -> Number {
        Number {
            low: v,
            high: v,
            vague: false,
            used,
        }
    }
}

/// The words whose reading does not depend on what follows: Dutch "ten" ("ten noorden", "ten
/// volle": a preposition, "tien" is the number) and "one" joined to what it counts ("one-year").
fn special_word(w: &crate::compare::words::Word, lang: Language) -> Option<Option<Number>> {
    if lang == Language::Dutch && w.key == "ten" {
        return Some(None);
    }
    (w.joined && w.key == "one").then_some(Some(Number::exact(1.0, 1)))
}

/// Digits with an optional scale suffix or word: "15.8m", "3bn", "3 miljoen".
fn digits_at(s: &Sentence, i: usize, text: &str, lang: Language) -> Option<Number> {
    let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let mut v = parse_digits(digits, lang)?;
    let mut used = 1;
    if !suffix.is_empty() {
        v *= scale_word(&fold(suffix))?;
    } else if let Some(next) = s.words.get(i + 1) {
        // A scale as a word of its own ("3 miljoen", "5 mln"), not a letter ("156 m" is metres).
        let written = next.key.len() > 2;
        if let Some(m) =
            scale_word(&next.key).filter(|m| written && (*m >= 1e6 || next.key == "duizend"))
        {
            v *= m;
            used = 2;
        }
    }
    Some(Number::exact(v, used))
}

/// A number starting at word `i`.
pub(super) fn number_at(doc: &Doc, s: &Sentence, i: usize) -> Option<Number> {
    let w = s.words.get(i)?;
    let text = doc.word_text(s, w);
    let lang = doc.article.language;
    if let Some(early) = special_word(w, lang) {
        return early;
    }
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return digits_at(s, i, text, lang);
    }
    if let Some(v) = collective(text) {
        return Some(Number::exact(v, 1));
    }
    if let Some(share) = share_at(s, i) {
        return Some(share);
    }
    if lang == Language::English && w.key == "one" && one_counts(s, i) {
        return Some(Number::exact(1.0, 1));
    }
    // "een jaar na …": a length of time, not the article.
    if matches!(w.key.as_str(), "een" | "a" | "an")
        && s.words
            .get(i + 1)
            .is_some_and(|n| TIME_UNITS.contains(&n.key.as_str()))
    {
        return Some(Number::exact(1.0, 1));
    }
    if let Some((low, high)) = vague(&w.key) {
        return Some(Number {
            low,
            high,
            vague: true,
            used: 1,
        });
    }
    // "tens of thousands", "thousands of".
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    while let Some(x) = s.words.get(i + used) {
        // A scale word opens a number only written out ("million"), never as a letter ("R&B").
        let scale = scale_word(&x.key).filter(|m| *m >= 1e6 && (used > 0 || x.key.len() > 3));
        let Some(n) = number_word(doc.word_text(s, x)).or(scale) else {
            break;
        };
        if n >= 1000.0 && used > 0 {
            current = if current == 0.0 { 1.0 } else { current } * n;
            total += current;
            current = 0.0;
        } else if n == 100.0 && used > 0 {
            current *= 100.0;
        } else {
            current += n;
        }
        used += 1;
        if lang != Language::English {
            // Dutch writes a number as one word; "drie miljoen" is the one exception.
            if let Some(m) = s
                .words
                .get(i + used)
                .and_then(|m| scale_word(&m.key))
                .filter(|m| *m >= 1e6)
            {
                current *= m;
                used += 1;
            }
            break;
        }
    }
    if used == 0 {
        return None;
    }
    Some(Number::exact(total + current, used))
}
