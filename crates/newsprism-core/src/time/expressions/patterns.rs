//! The date patterns a scan tries: cues before a year, day and month, numeric dates,
//! relative expressions ("vorige week", "de komende drie jaar"), deictic days, decades and
//! seasons with a year.

use super::lexicon::*;
use super::tokens::{count_at, day_number, year_number, Scanner, Tok, TokKind};
use super::{expr, Expression, Kind, Part, Rel, Unit};

pub(super) fn cue_before(s: &Scanner, i: usize) -> bool {
    i > 0
        && matches!(
            s.word(i - 1),
            Some(
                "in" | "sinds"
                    | "since"
                    | "van"
                    | "of"
                    | "tot"
                    | "until"
                    | "jaar"
                    | "year"
                    | "anno"
            )
        )
}

/// A day and month with the year that may follow at token `i`.
pub(super) fn dated(s: &Scanner, i: usize, month: u8, day: u8) -> (usize, Kind) {
    let (year, end) = match s.year_after(i) {
        Some((y, e)) => (Some(y), e),
        None => (None, i),
    };
    let kind = Kind::Date {
        year,
        month,
        day,
        weekday: None,
    };
    (end, kind)
}

/// "25 februari [2022]", "19th December 2022", "Dec 19[, 2022]", "December 19th".
pub(super) fn day_month(s: &Scanner, i: usize) -> Option<(usize, Kind)> {
    let tok = s.toks.get(i)?;
    if let Some(day) = day_number(tok) {
        let mut j = i + 1;
        if s.punct(j, ".") && !s.toks.get(j)?.space_before {
            j += 1; // "25. Februar" style
        }
        if matches!(s.word(j), Some("of")) {
            j += 1;
        }
        if let Some((month, k)) = s.month(j, true) {
            return Some(dated(s, k, month, day));
        }
    }
    if let Some((month, j)) = s.month(i, true) {
        if let Some(day) = s.toks.get(j).and_then(day_number) {
            // "May 2" yes, "May 2020" is a month (handled by the caller), "March 10.000" no.
            return Some(dated(s, j + 1, month, day));
        }
    }
    None
}

pub(super) fn numeric_date(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let first = &s.toks[i];
    // "19.12.2022" arrives as one token: split it here.
    if first.lower.contains('.') && !first.lower.contains(',') {
        let parts: Vec<&str> = first.lower.split('.').collect();
        if let [d, m, y] = parts.as_slice() {
            if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
                let kind = Kind::Date {
                    year: y.parse().ok(),
                    month: m.parse().ok().filter(|m| (1..=12).contains(m))?,
                    day: d.parse().ok().filter(|d| (1..=31).contains(d))?,
                    weekday: None,
                };
                return Some((i + 1, expr(kind)));
            }
        }
        return None;
    }
    // Three numbers joined by the same separator with no spaces: 2022-12-19, 19/12/2022.
    let sep = s.toks.get(i + 1)?;
    if sep.kind != TokKind::Punct || !matches!(sep.lower.as_str(), "-" | "/") || sep.space_before {
        return None;
    }
    let second = s.toks.get(i + 2)?;
    let sep2 = s.toks.get(i + 3)?;
    let third = s.toks.get(i + 4)?;
    if second.kind != TokKind::Num
        || second.space_before
        || sep2.lower != sep.lower
        || sep2.space_before
        || third.kind != TokKind::Num
        || third.space_before
    {
        return None;
    }
    let num = |t: &Tok| t.lower.parse::<i32>().ok();
    let (y, m, d) = if first.lower.len() == 4 {
        (num(first)?, num(second)?, num(third)?)
    } else if third.lower.len() == 4 {
        (num(third)?, num(second)?, num(first)?)
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2099).contains(&y) {
        return None;
    }
    let kind = Kind::Date {
        year: Some(y),
        month: m as u8,
        day: d as u8,
        weekday: None,
    };
    Some((i + 5, expr(kind)))
}

pub(super) fn relative(s: &Scanner, i: usize, rel: Rel) -> Option<(usize, Expression)> {
    let next = s.word(i + 1)?;
    if let Some(unit) = unit_of(next) {
        // "vorige week", "dit jaar", "next month"; not "deze dagen".
        if matches!(next, "week" | "maand" | "jaar" | "month" | "year") {
            let offset = match rel {
                Rel::Last => -1,
                Rel::This => 0,
                Rel::Next => 1,
                Rel::None => 0,
            };
            // "the past year", "het afgelopen jaar" are the twelve months up to the date.
            if matches!(s.word(i), Some("past")) {
                let kind = Kind::Span {
                    n: 1,
                    unit,
                    future: false,
                };
                return Some((i + 2, expr(kind)));
            }
            // "vorige week maandag", "next week Wednesday".
            if unit == Unit::Week && rel != Rel::None {
                if let Some(weekday) = s.weekday(i + 2) {
                    return Some((
                        i + 3,
                        expr(Kind::WeekdayOfWeek {
                            weekday,
                            week: offset,
                        }),
                    ));
                }
            }
            return Some((i + 2, expr(Kind::Unit { unit, offset })));
        }
        return None;
    }
    // "de komende drie jaar", "the past five years", "afgelopen twee dagen".
    if rel != Rel::This {
        if let Some((n, modifier, j)) = count_at(s, i + 1) {
            if let Some(unit) = s.word(j).and_then(unit_of) {
                let mut e = expr(Kind::Span {
                    n,
                    unit,
                    future: rel == Rel::Next,
                });
                e.approx = modifier.is_some();
                e.modifier = modifier;
                return Some((j + 1, e));
            }
        }
    }
    if let Some(weekday) = s.weekday(i + 1) {
        return Some((i + 2, expr(Kind::Weekday { weekday, rel })));
    }
    if let Some((month, j)) = s.month(i + 1, false) {
        return Some((
            j,
            expr(Kind::Month {
                year: None,
                month,
                rel,
            }),
        ));
    }
    if let Some(season) = season_of(next) {
        return Some((
            i + 2,
            expr(Kind::Season {
                season,
                year: None,
                rel,
            }),
        ));
    }
    None
}

/// Deictic day words and their length in tokens.
pub(super) fn deictic(s: &Scanner, i: usize) -> Option<(i32, usize)> {
    let w = s.word(i)?;
    let prev = i.checked_sub(1).and_then(|p| s.word(p));
    let next = s.word(i + 1);
    Some(match w {
        // "vandaag de dag" is "nowadays".
        "vandaag" if next == Some("de") && s.word(i + 2) == Some("dag") => return None,
        "vandaag" | "vanavond" | "vanochtend" | "vanmorgen" | "vanmiddag" | "vannacht"
        | "today" | "tonight" => (0, 1),
        "gisteren" | "gisteravond" | "gisterochtend" | "gistermiddag" | "gisternacht"
        | "yesterday" => (-1, 1),
        "eergisteren" => (-2, 1),
        "overmorgen" => (2, 1),
        "tomorrow" => (1, 1),
        // "morgen" is also "morning": "'s morgens", "de morgen", "deze morgen".
        "morgen" if !matches!(prev, Some("de" | "deze" | "die" | "s" | "goede" | "elke")) => (1, 1),
        "last" if next == Some("night") => (-1, 2),
        "this" if matches!(next, Some("morning" | "afternoon" | "evening")) => (0, 2),
        _ => return None,
    })
}

pub(super) fn decade(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    let mut j = i;
    if matches!(w, "de" | "the") {
        j += 1;
    }
    match s.word(j)? {
        "jaren" => {
            let k = if s.punct(j + 1, "'") || s.punct(j + 1, "’") {
                j + 2
            } else {
                j + 1
            };
            let t = s.toks.get(k)?;
            let start = if let Some(d) = lookup(DECADE_WORDS, &t.lower) {
                1900 + d
            } else if t.kind == TokKind::Num && t.lower.len() == 2 {
                1900 + t.lower.parse::<i32>().ok().filter(|d| d % 10 == 0)?
            } else {
                year_number(t).filter(|y| y % 10 == 0)?
            };
            Some((k + 1, expr(Kind::Decade { start })))
        }
        word => {
            if let Some(d) = lookup(DECADE_WORDS, word).filter(|_| word.ends_with("ies")) {
                if j == i {
                    return None; // "the nineties" needs its article
                }
                return Some((j + 1, expr(Kind::Decade { start: 1900 + d })));
            }
            // "1990s" is one token.
            let t = s.toks.get(j)?;
            let digits = word.strip_suffix('s')?;
            if t.kind == TokKind::Word
                && digits.len() == 4
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                let start: i32 = digits.parse().ok()?;
                if start % 10 == 0 && (1000..=2090).contains(&start) {
                    return Some((j + 1, expr(Kind::Decade { start })));
                }
            }
            None
        }
    }
}

/// Season words with a year ("zomer van 2020", "summer 2020") are found here, since a season
/// without a relative word or a year is usually generic ("in de winter is het koud").
pub(super) fn season_with_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    // "the spring of 2006", "de zomer van 2020": the article is part of it.
    let i = if matches!(s.word(i)?, "the" | "de") && s.word(i + 1).and_then(season_of).is_some() {
        i + 1
    } else {
        i
    };
    let season = season_of(s.word(i)?)?;
    let mut j = i + 1;
    if matches!(s.word(j), Some("van" | "of")) {
        j += 1;
    }
    let year = year_number(s.toks.get(j)?)?;
    Some((
        j + 1,
        expr(Kind::Season {
            season,
            year: Some(year),
            rel: Rel::None,
        }),
    ))
}

/// A part of the current year, month or week named with articles: "the end of the year", "het
/// einde van het jaar", "the start of the month", "het begin van de week".
pub(super) fn part_of_the_unit(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let mut j = i;
    if matches!(s.word(j), Some("the" | "het" | "de")) {
        j += 1;
    }
    let part = match s.word(j)? {
        "end" | "einde" => Part::End,
        "start" | "beginning" | "begin" => Part::Start,
        "middle" | "midden" => Part::Mid,
        _ => return None,
    };
    if !matches!(s.word(j + 1), Some("of" | "van"))
        || !matches!(
            s.word(j + 2),
            Some("the" | "het" | "de" | "this" | "dit" | "deze")
        )
    {
        return None;
    }
    let unit = match s.word(j + 3)? {
        "year" | "jaar" => Unit::Year,
        "month" | "maand" => Unit::Month,
        "week" => Unit::Week,
        _ => return None,
    };
    let mut e = expr(Kind::Unit { unit, offset: 0 });
    e.part = Some(part);
    Some((j + 4, e))
}

/// "within the month", "binnen het jaar": the current one (the signal word is left out of the
/// expression, as TimeML does).
pub(super) fn within_the_unit(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    if !matches!(s.word(i)?, "within" | "binnen")
        || !matches!(s.word(i + 1), Some("the" | "de" | "het"))
    {
        return None;
    }
    let unit = match s.word(i + 2)? {
        "year" | "jaar" => Unit::Year,
        "month" | "maand" => Unit::Month,
        "week" => Unit::Week,
        _ => return None,
    };
    Some((i + 3, expr(Kind::Unit { unit, offset: 0 })))
}

/// A century: "de 19e eeuw", "de negentiende eeuw", "the 20th century", "the twenty-first
/// century" (the article is part of it).
pub(super) fn century(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let j = if matches!(s.word(i)?, "de" | "the") {
        i + 1
    } else {
        i
    };
    let (n, k) = century_ordinal(s, j)?;
    if !matches!(s.word(k), Some("eeuw" | "century")) || !(1..=30).contains(&n) {
        return None;
    }
    Some((
        k + 1,
        expr(Kind::Century {
            start: (n - 1) * 100,
        }),
    ))
}

/// An ordinal at `j` ("19e", "19de", "21ste", "20th", "negentiende", "twenty-first") and the
/// token after it.
fn century_ordinal(s: &Scanner, j: usize) -> Option<(i32, usize)> {
    let w = s.word(j)?;
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let suffix = &w[digits.len()..];
        return matches!(suffix, "e" | "de" | "ste" | "th" | "st" | "nd" | "rd")
            .then(|| Some((digits.parse().ok()?, j + 1)))
            .flatten();
    }
    // "twenty-first" is three tokens.
    if w == "twenty" && s.punct(j + 1, "-") {
        let n = match s.word(j + 2)? {
            "first" => 21,
            "second" => 22,
            _ => return None,
        };
        return Some((n, j + 3));
    }
    let n = match w {
        "tiende" | "tenth" => 10,
        "elfde" | "eleventh" => 11,
        "twaalfde" | "twelfth" => 12,
        "dertiende" | "thirteenth" => 13,
        "veertiende" | "fourteenth" => 14,
        "vijftiende" | "fifteenth" => 15,
        "zestiende" | "sixteenth" => 16,
        "zeventiende" | "seventeenth" => 17,
        "achttiende" | "eighteenth" => 18,
        "negentiende" | "nineteenth" => 19,
        "twintigste" | "twentieth" => 20,
        "eenentwintigste" => 21,
        "tweeëntwintigste" => 22,
        _ => return None,
    };
    Some((n, j + 1))
}
