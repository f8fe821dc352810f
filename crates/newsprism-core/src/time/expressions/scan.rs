//! Scanning one sentence: its tokens, the scanner's look-ups, and the patterns tried at each
//! token, longest and most specific first. The date patterns themselves are in `patterns.rs`.

use super::lexicon::*;
use super::patterns::{
    cue_before, day_month, decade, deictic, numeric_date, relative, season_with_year,
};
use super::{expr, Expression, Kind, Part, Rel, Unit};
use crate::text::fold::fold;
use crate::text::lexicon::cardinal;
use std::ops::Range;

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

/// Tries every pattern at token `i`; returns the end token and the expression.
pub(super) fn match_at(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    // "sinds"/"since"/"vanaf" + an expression, or + a distance ("sinds twee dagen").
    if matches!(w, "sinds" | "sedert" | "since" | "vanaf") {
        if let Some((end, mut e)) = match_core(s, i + 1) {
            e.since = true;
            return Some((end, e));
        }
        let (n, approx, j) = count_at(s, i + 1)?;
        let unit = unit_of(s.word(j)?)?;
        let mut e = expr(Kind::Ago { n, unit });
        e.since = true;
        e.approx = approx;
        return Some((j + 1, e));
    }
    match_core(s, i)
}

/// A count with an optional approximation before it: "bijna een", "more than two", "3".
pub(super) fn count_at(s: &Scanner, i: usize) -> Option<(i32, bool, usize)> {
    let mut j = i;
    let mut approx = false;
    if s.word(j).is_some_and(is_approx) {
        approx = true;
        j += 1;
    } else if matches!(
        (s.word(j), s.word(j + 1)),
        (Some("meer"), Some("dan")) | (Some("more"), Some("than"))
    ) {
        approx = true;
        j += 2;
    }
    let n = count_number(s.toks.get(j)?)?;
    Some((n, approx, j + 1))
}

/// Tries the patterns at token `i`, longest and most specific first.
fn match_core(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let tok = s.toks.get(i)?;
    let w = s.word(i)?;
    // Numeric dates: 2022-12-19, 19-12-2022, 19/12/2022, 19.12.2022.
    (if tok.kind == TokKind::Num {
        numeric_date(s, i)
    } else {
        None
    })
    .or_else(|| part_of_period(s, i, w))
    .or_else(|| weekday(s, i))
    .or_else(|| day_month(s, i).map(|(end, kind)| (end, expr(kind))))
    .or_else(|| season_with_year(s, i))
    .or_else(|| month(s, i))
    .or_else(|| relative_word(s, i, w))
    .or_else(|| deictic(s, i).map(|(offset, len)| (i + len, expr(Kind::DayOffset { offset }))))
    .or_else(|| ago(s, i))
    // Decades: "de jaren negentig", "jaren '90", "the 1990s", "the nineties".
    .or_else(|| decade(s, i))
    .or_else(|| lone_year(s, i))
}

/// A part of a period: "begin dit jaar", "eind 2021", "mid-2020", "early next year",
/// "earlier this year", "later this month".
fn part_of_period(s: &Scanner, i: usize, w: &str) -> Option<(usize, Expression)> {
    let part = part_of(w).or(match w {
        "earlier" | "eerder" => Some(Part::Earlier),
        "later" => Some(Part::Later),
        _ => None,
    })?;
    let mut j = i + 1;
    if s.punct(j, "-") {
        j += 1;
    }
    if matches!(s.word(j), Some("van" | "in" | "of")) {
        j += 1;
    }
    let (end, mut e) = match_core(s, j)?;
    let fits = match e.kind {
        Kind::Unit { unit, .. } => unit != Unit::Day,
        Kind::Year { .. } | Kind::Month { .. } | Kind::Decade { .. } => true,
        Kind::Season { .. } => true,
        _ => false,
    };
    // "earlier"/"later" only before "this …" ("earlier this year"), never "later 2020".
    let relative_only = matches!(part, Part::Earlier | Part::Later)
        && !matches!(e.kind, Kind::Unit { offset: 0, .. });
    if fits && !relative_only && e.part.is_none() {
        e.part = Some(part);
        return Some((end, e));
    }
    None
}

/// A weekday, optionally with its date: "vrijdag 25 februari", "Monday, December 19". A
/// possessive "Sunday's" stays a weekday.
fn weekday(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let weekday = s.weekday(i)?;
    let mut j = i + 1;
    if s.punct(j, ",") {
        j += 1;
    }
    if let Some((
        end,
        Kind::Date {
            year, month, day, ..
        },
    )) = day_month(s, j)
    {
        let kind = Kind::Date {
            year,
            month,
            day,
            weekday: Some(weekday),
        };
        return Some((end, expr(kind)));
    }
    Some((
        i + 1,
        expr(Kind::Weekday {
            weekday,
            rel: Rel::None,
        }),
    ))
}

/// A month with a year, or alone: "juli 1994", "in februari", "March 2005".
fn month(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let (month, j) = s.month(i, false)?;
    let (year, end) = match s.year_after(j) {
        Some((year, end)) => (Some(year), end),
        None => (None, j),
    };
    let kind = Kind::Month {
        year,
        month,
        rel: Rel::None,
    };
    Some((end, expr(kind)))
}

/// A relative word: "vorige week", "afgelopen februari", "deze winter", "last Monday", "de
/// komende drie jaar", "the past three years"; only spans take the article.
fn relative_word(s: &Scanner, i: usize, w: &str) -> Option<(usize, Expression)> {
    if let Some(found) = rel_of(w).and_then(|rel| relative(s, i, rel)) {
        return Some(found);
    }
    if !matches!(w, "de" | "het" | "the") {
        return None;
    }
    let rel = s.word(i + 1).and_then(rel_of)?;
    let (end, e) = relative(s, i + 1, rel)?;
    (matches!(e.kind, Kind::Span { .. }) || w == "het").then_some((end, e))
}

/// A distance back: "twee weken geleden", "bijna een jaar geleden", "two years ago".
fn ago(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let (n, approx, j) = count_at(s, i)?;
    let unit = s.word(j).and_then(unit_of)?;
    if !matches!(s.word(j + 1), Some("geleden" | "ago")) {
        return None;
    }
    let mut e = expr(Kind::Ago { n, unit });
    e.approx = approx;
    Some((j + 2, e))
}

/// A year on its own, not a range's or a code's part ("S-1994", "€2019"; "1994-1995" is two
/// years, which is fine).
fn lone_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let tok = s.toks.get(i)?;
    let year = year_number(tok)?;
    let before = i.checked_sub(1).map(|b| &s.toks[b]);
    let glued = before.is_some_and(|b| {
        let code = matches!(b.lower.as_str(), "-" | "/")
            && !b.space_before
            && i >= 2
            && s.toks[i - 2].kind == TokKind::Word
            && part_of(&s.toks[i - 2].lower).is_none();
        (!tok.space_before && b.kind == TokKind::Word)
            || code
            || matches!(b.lower.as_str(), "€" | "$" | "£")
    });
    (!glued && (year >= 1800 || cue_before(s, i))).then(|| (i + 1, expr(Kind::Year { year })))
}
