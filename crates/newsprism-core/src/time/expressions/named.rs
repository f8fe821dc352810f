//! Dates with names: quarters ("het derde kwartaal", "Q3 2004", "last quarter"), holidays
//! ("Christmas", "eerste kerstdag", "New Year's Day") and a year counted from the text's
//! ("last year" after a month: "July last year").

use super::lexicon::rel_of;
use super::tokens::Scanner;
use super::{expr, Expression, Kind, Rel};

fn ordinal(word: &str) -> Option<u8> {
    Some(match word {
        "first" | "1st" | "eerste" | "1e" => 1,
        "second" | "2nd" | "tweede" | "2e" => 2,
        "third" | "3rd" | "derde" | "3e" => 3,
        "fourth" | "4th" | "vierde" | "4e" => 4,
        _ => return None,
    })
}

/// "last year", "vorig jaar", "this year", "volgend jaar" at `i`: the offset and the end.
pub(super) fn year_counted(s: &Scanner, i: usize) -> Option<(i32, usize)> {
    let rel = rel_of(s.word(i)?)?;
    if !matches!(s.word(i + 1), Some("year" | "jaar")) {
        return None;
    }
    let offset = match rel {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::This | Rel::None => 0,
    };
    Some((offset, i + 2))
}

/// A quarter at `i`: "(het|the) derde kwartaal [van 2004|van vorig jaar]", "Q3 [2004]",
/// "vorig kwartaal", "(the) last quarter", "this quarter".
pub(super) fn quarter(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let mut j = i;
    if matches!(s.word(j), Some("het" | "the")) {
        j += 1;
    }
    let w = s.word(j)?;
    let is_quarter = |k: usize| matches!(s.word(k), Some("kwartaal" | "quarter"));
    // "vorig kwartaal", "the last quarter", "dit kwartaal".
    if let Some(rel) = rel_of(w).filter(|_| is_quarter(j + 1)) {
        let kind = Kind::Quarter {
            quarter: None,
            year: None,
            rel,
        };
        return Some((j + 2, expr(kind)));
    }
    let (q, mut end) = if let Some(q) = ordinal(w).filter(|_| is_quarter(j + 1)) {
        (q, j + 2)
    } else {
        let q = w.strip_prefix('q')?.parse::<u8>().ok()?;
        if j != i || !(1..=4).contains(&q) {
            return None;
        }
        (q, j + 1)
    };
    let mut k = end;
    if matches!(s.word(k), Some("van" | "of" | "in")) {
        k += 1;
    }
    let (year, rel) = if let Some((y, e)) = s.year_after(k) {
        end = e;
        (Some(y), Rel::None)
    } else if let Some((offset, e)) = year_counted(s, k) {
        end = e;
        let rel = match offset {
            -1 => Rel::Last,
            1 => Rel::Next,
            _ => Rel::This,
        };
        (None, rel)
    } else {
        (None, Rel::None)
    };
    let kind = Kind::Quarter {
        quarter: Some(q),
        year,
        rel,
    };
    Some((end, expr(kind)))
}

/// Holidays on a fixed day, Dutch and English, with the year that may follow.
const HOLIDAYS: &[(&[&str], u8, u8)] = &[
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["christmas"], 12, 25),
    (&["kerstmis"], 12, 25),
    (&["kerst"], 12, 25),
    (&["kerstavond"], 12, 24),
    (&["eerste", "kerstdag"], 12, 25),
    (&["tweede", "kerstdag"], 12, 26),
    (&["boxing", "day"], 12, 26),
    (&["new", "year", "'", "s", "eve"], 12, 31),
    (&["new", "year", "’", "s", "eve"], 12, 31),
    (&["new", "year", "'", "s", "day"], 1, 1),
    (&["new", "year", "’", "s", "day"], 1, 1),
    (&["nieuwjaarsdag"], 1, 1),
    (&["oudejaarsdag"], 12, 31),
    (&["oudejaarsavond"], 12, 31),
    (&["oudjaarsavond"], 12, 31),
    (&["koningsdag"], 4, 27),
    (&["bevrijdingsdag"], 5, 5),
    (&["valentijnsdag"], 2, 14),
    (&["valentine", "'", "s", "day"], 2, 14),
    (&["valentine", "’", "s", "day"], 2, 14),
    (&["halloween"], 10, 31),
];

/// A holiday at `i`: "Christmas", "eerste kerstdag", "New Year's Day [2005]".
pub(super) fn holiday(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    // The cheap test first: a holiday's first word.
    let first = s.toks.get(i)?.lower.as_str();
    if !HOLIDAYS.iter().any(|(words, ..)| words[0] == first) {
        return None;
    }
    let (len, month, day) = HOLIDAYS.iter().find_map(|(words, month, day)| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| s.toks.get(i + k).is_some_and(|t| t.lower == *w))
            .then_some((words.len(), *month, *day))
    })?;
    let (year, end) = match s.year_after(i + len) {
        Some((y, e)) => (Some(y), e),
        None => (None, i + len),
    };
    let kind = Kind::Date {
        year,
        month,
        day,
        weekday: None,
    };
    Some((end, expr(kind)))
}
