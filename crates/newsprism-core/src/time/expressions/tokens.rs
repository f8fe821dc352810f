//! Tokens of one sentence and the scanner's look-ups over them: words, punctuation, month
//! names, weekdays, years, day numbers and counts ("bijna een", "more than two", "3").

use std::ops::Range;

use super::lexicon::*;
use super::Mod;
use crate::text::fold::fold;
use crate::text::lexicon::cardinal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
pub(super) struct Tok {
    pub(super) kind: TokKind,
    pub(super) lower: String,
    pub(super) range: Range<usize>,
    /// Whether the word starts with a capital letter.
    pub(super) capital: bool,
    /// Whether white space separates it from the previous token.
    pub(super) space_before: bool,
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut last_end = 0usize;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let space_before = start != last_end || toks.is_empty();
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            let mut numeric = c.is_ascii_digit();
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    numeric &= n.is_ascii_digit();
                    end = i + n.len_utf8();
                    chars.next();
                } else if numeric && (n == '.' || n == ',') {
                    // "10.000" and "4,5" are one number; a full stop after a number is not.
                    let rest = &text[i + 1..];
                    if rest.starts_with(|d: char| d.is_ascii_digit()) {
                        chars.next();
                        end = i + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if numeric {
                TokKind::Num
            } else {
                TokKind::Word
            }
        } else {
            TokKind::Punct
        };
        let raw = &text[start..end];
        toks.push(Tok {
            kind,
            lower: raw.to_lowercase(),
            range: start..end,
            capital: c.is_uppercase(),
            space_before,
        });
        last_end = end;
    }
    toks
}

/// A day number, with an ordinal suffix allowed ("19th", "1e", "25ste").
pub(super) fn day_number(tok: &Tok) -> Option<u8> {
    let digits: String = tok.lower.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &tok.lower[digits.len()..];
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "e" | "ste" | "de") {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year, not part of a larger number ("10.000", "S-400", "2020-2022" is fine).
pub(super) fn year_number(tok: &Tok) -> Option<i32> {
    if tok.kind != TokKind::Num || tok.lower.len() != 4 {
        return None;
    }
    let y: i32 = tok.lower.parse().ok()?;
    (1000..=2099).contains(&y).then_some(y)
}

pub(super) fn count_number(tok: &Tok) -> Option<i32> {
    if tok.kind == TokKind::Num && tok.lower.len() <= 3 {
        return tok.lower.parse().ok().filter(|n| *n > 0);
    }
    if matches!(tok.lower.as_str(), "a" | "an") {
        return Some(1);
    }
    cardinal(&fold(&tok.lower)).and_then(|n| i32::try_from(n).ok())
}

pub(super) struct Scanner<'a> {
    pub(super) toks: &'a [Tok],
    /// For each token, whether a unit of time is at it or within the four tokens after it
    /// (durations are tried only there).
    pub(super) unit_near: Vec<bool>,
}

impl Scanner<'_> {
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind != TokKind::Punct)
            .map(|t| t.lower.as_str())
    }

    pub(super) fn punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.lower == p)
    }

    /// A month name at `i`: full names anywhere (English "May"/"March" only capitalised),
    /// abbreviations only when `abbr` is allowed (next to a day number).
    pub(super) fn month(&self, i: usize, abbr: bool) -> Option<(u8, usize)> {
        let tok = self.toks.get(i)?;
        if tok.kind != TokKind::Word {
            return None;
        }
        if let Some(m) = lookup(MONTHS, &tok.lower) {
            if matches!(tok.lower.as_str(), "may" | "march") && !tok.capital {
                return None;
            }
            return Some((m, i + 1));
        }
        if abbr {
            if let Some(m) = lookup(MONTH_ABBR, &tok.lower) {
                // "Dec." keeps its full stop.
                let next = if self.punct(i + 1, ".") && !self.toks[i + 1].space_before {
                    i + 2
                } else {
                    i + 1
                };
                return Some((m, next));
            }
        }
        None
    }

    /// A weekday at `i`, with Dutch day parts written on ("maandagavond").
    pub(super) fn weekday(&self, i: usize) -> Option<u8> {
        let w = self.word(i)?;
        if let Some(d) = lookup(WEEKDAYS, w) {
            return Some(d);
        }
        // The shortest written-on form is "zondagavond"; most words are shorter.
        if w.len() < 11 {
            return None;
        }
        WEEKDAYS.iter().take(7).find_map(|(name, d)| {
            let rest = w.strip_prefix(name)?;
            DAY_PARTS.contains(&rest).then_some(*d)
        })
    }

    /// An optional ", " then a year after a date.
    pub(super) fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.punct(i, ",") { i + 1 } else { i };
        let y = year_number(self.toks.get(j)?)?;
        Some((y, j + 1))
    }
}

/// A count with an optional approximation before it: "bijna een", "more than two", "3".
pub(super) fn count_at(s: &Scanner, i: usize) -> Option<(i32, Option<Mod>, usize)> {
    let (modifier, j) = match hedge_at(s, i) {
        Some((m, j)) => (Some(m), j),
        None => (None, i),
    };
    let n = count_number(s.toks.get(j)?)?;
    Some((n, modifier, j + 1))
}

/// The words before a count that bound it: "ruim", "nog geen", "meer dan", "within".
pub(super) fn hedge_at(s: &Scanner, i: usize) -> Option<(Mod, usize)> {
    let two = match (s.word(i)?, s.word(i + 1).unwrap_or("")) {
        ("meer" | "more", "dan" | "than") => Some(Mod::MoreThan),
        ("minder" | "less" | "fewer", "dan" | "than") | ("nog", "geen") => Some(Mod::LessThan),
        ("ten", "minste") | ("at", "least") => Some(Mod::EqualOrMore),
        ("at", "most") | ("up", "to") => Some(Mod::EqualOrLess),
        _ => None,
    };
    if let Some(m) = two {
        return Some((m, i + 2));
    }
    let one = match s.word(i)? {
        "ruim" | "over" | "dik" => Mod::MoreThan,
        "bijna" | "almost" | "nearly" | "under" | "krap" => Mod::LessThan,
        "binnen" | "within" | "hooguit" | "maximaal" => Mod::EqualOrLess,
        "minstens" | "minimaal" => Mod::EqualOrMore,
        w if is_approx(w) || w == "approximately" => Mod::Approx,
        _ => return None,
    };
    Some((one, i + 1))
}
