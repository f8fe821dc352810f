//! The patterns tried at each token, longest and most specific first; the date patterns
//! themselves are in `patterns.rs`, the tokens in `tokens.rs`.

use super::clock::{clock_then_day, lone_clock, with_clock};
use super::lexicon::*;
use super::named::{holiday, quarter, year_counted};
use super::patterns::{
    century, cue_before, day_month, decade, deictic, numeric_date, part_of_the_unit, relative,
    season_with_year, within_the_unit,
};
use super::tokens::{count_at, year_number, Scanner, TokKind};
use super::vague::{duration, reference, set, with_day_part};
use super::{expr, Expression, Kind, Part, Rel, Unit};

/// Tries every pattern at token `i`; returns the end token and the expression.
pub(super) fn match_at(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let w = s.word(i)?;
    // "sinds kort" is "recently".
    if let Some(found) = reference(s, i) {
        return Some(found);
    }
    // "sinds"/"since"/"vanaf" + an expression, or + a distance ("sinds twee dagen").
    if matches!(w, "sinds" | "sedert" | "since" | "vanaf") {
        if let Some((end, mut e)) = match_core(s, i + 1) {
            // "sinds twee dagen": a distance back, the start of what runs to the text's date.
            if let Kind::Duration { n: Some(n), unit } = e.kind {
                if !matches!(unit, Unit::Hour | Unit::Minute) {
                    e.kind = Kind::Ago { n, unit };
                }
            }
            e.since = e.kind.placeable();
            return Some((end, e));
        }
        let (n, modifier, j) = count_at(s, i + 1)?;
        let unit = unit_of(s.word(j)?)?;
        let mut e = expr(Kind::Ago { n, unit });
        e.since = true;
        e.approx = modifier.is_some();
        e.modifier = modifier;
        return Some((j + 1, e));
    }
    match_core(s, i)
}

/// Tries the patterns at token `i`, longest and most specific first.
fn match_core(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let tok = s.toks.get(i)?;
    let w = s.word(i)?;
    // "1800 GMT on Monday", "midnight on 16 December": the day with its time.
    clock_then_day(s, i, |j| match_core(s, j))
        // Numeric dates: 2022-12-19, 19-12-2022, 19/12/2022, 19.12.2022.
        .or_else(|| {
            if tok.kind == TokKind::Num {
                numeric_date(s, i)
            } else {
                None
            }
        })
        .or_else(|| part_of_the_unit(s, i))
        .or_else(|| within_the_unit(s, i))
        .or_else(|| part_of_period(s, i, w))
        .or_else(|| weekday(s, i))
        .or_else(|| day_month(s, i).map(|(end, kind)| (end, expr(kind))))
        .or_else(|| season_with_year(s, i))
        .or_else(|| quarter(s, i))
        .or_else(|| holiday(s, i))
        .or_else(|| month(s, i))
        .or_else(|| relative_word(s, i, w))
        .or_else(|| deictic(s, i).map(|(offset, len)| (i + len, expr(Kind::DayOffset { offset }))))
        .or_else(|| ago(s, i))
        // Decades: "de jaren negentig", "jaren '90", "the 1990s", "the nineties".
        .or_else(|| decade(s, i))
        .or_else(|| century(s, i))
        .or_else(|| that_year(s, i))
        .or_else(|| lone_year(s, i))
        .map(|(end, mut e)| {
            let day = matches!(
                e.kind,
                Kind::Weekday { .. }
                    | Kind::WeekdayOfWeek { .. }
                    | Kind::DayOffset { .. }
                    | Kind::Date { .. }
            );
            let end = if day {
                let end = with_day_part(s, i, end, &mut e);
                with_clock(s, end, &mut e)
            } else {
                end
            };
            (end, e)
        })
        .or_else(|| lone_clock(s, i))
        .or_else(|| set(s, i))
        .or_else(|| duration(s, i))
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
        Kind::Year { .. } | Kind::Month { .. } | Kind::Decade { .. } | Kind::Century { .. } => true,
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
    // "the Sunday Times", "de Sunday Telegraph": a title, not a day.
    let capital = |k: usize| {
        s.toks
            .get(k)
            .is_some_and(|t| t.capital && t.kind == TokKind::Word)
    };
    if i > 0 && matches!(s.word(i - 1), Some("the" | "de")) && capital(i) && capital(i + 1) {
        return None;
    }
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
    // "maandag vorige week", "woensdag van volgende week", "Monday of last week".
    let k = if matches!(s.word(i + 1), Some("van" | "of")) {
        i + 2
    } else {
        i + 1
    };
    let week = match s.word(k).filter(|w| *w != "past").and_then(rel_of) {
        Some(Rel::Last) => Some(-1),
        Some(Rel::This) => Some(0),
        Some(Rel::Next) => Some(1),
        _ => None,
    };
    if let Some(week) = week.filter(|_| s.word(k + 1) == Some("week")) {
        return Some((k + 2, expr(Kind::WeekdayOfWeek { weekday, week })));
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
    // Dutch writes months in lower case: "Mei Requiem" inside a sentence is a name.
    let dutch_only = matches!(
        s.toks[i].lower.as_str(),
        "januari" | "februari" | "maart" | "mei" | "juni" | "juli" | "augustus" | "oktober"
    );
    if dutch_only && s.toks[i].capital && i > 0 && s.toks[i - 1].kind == TokKind::Word {
        return None;
    }
    // "July last year", "maart vorig jaar", "in March of next year".
    let k = if matches!(s.word(j), Some("of" | "van")) {
        j + 1
    } else {
        j
    };
    if let Some((year_offset, end)) = year_counted(s, k) {
        return Some((end, expr(Kind::MonthOf { month, year_offset })));
    }
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
    let (end, mut e) = relative(s, i + 1, rel)?;
    // "the next year", "the coming month": the twelve months (the month) from the date on.
    if let (
        "the",
        Kind::Unit {
            unit: unit @ (Unit::Year | Unit::Month),
            offset: 1,
        },
    ) = (w, e.kind)
    {
        e.kind = Kind::Span {
            n: 1,
            unit,
            future: true,
        };
    }
    (matches!(e.kind, Kind::Span { .. }) || w == "het").then_some((end, e))
}

/// A distance back: "twee weken geleden", "bijna een jaar geleden", "two years ago".
fn ago(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    // The cheap test first: a unit word within the next three tokens ("more than two years").
    if !(i + 1..=i + 3).any(|j| s.word(j).and_then(unit_of).is_some()) {
        return None;
    }
    let (n, modifier, j) = count_at(s, i)?;
    let unit = s.word(j).and_then(unit_of)?;
    if !matches!(s.word(j + 1), Some("geleden" | "ago")) {
        return None;
    }
    let mut e = expr(Kind::Ago { n, unit });
    e.approx = modifier.is_some();
    e.modifier = modifier;
    Some((j + 2, e))
}

/// A year on its own, not a range's or a code's part ("S-1994", "€2019"; "1994-1995" is two
/// years, which is fine).
fn lone_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    if let Some(found) = short_year(s, i) {
        return Some(found);
    }
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
    // "1800 GMT", "2000 uur": a clock time, not a year.
    let clock = matches!(
        s.word(i + 1),
        Some("gmt" | "bst" | "cet" | "cest" | "utc" | "est" | "pst" | "uur" | "hrs" | "hours")
    );
    // "Windows 2000", "Euro 2004": a name's number (a capitalised word before it that is
    // neither the sentence's first nor a month, season or weekday).
    let named = i >= 2
        && before.is_some_and(|b| {
            b.kind == TokKind::Word
                && b.capital
                && s.toks[i - 2].kind != TokKind::Punct
                && s.month(i - 1, true).is_none()
                && s.weekday(i - 1).is_none()
                && season_of(&b.lower).is_none()
                && holiday(s, i - 1).is_none()
        });
    // "(1798-1872)": a year before a dash and another year, however early.
    let range = s.punct(i + 1, "-")
        && !s.toks[i + 1].space_before
        && s.toks
            .get(i + 2)
            .and_then(year_number)
            .is_some_and(|y| y >= 1000);
    (!glued && !clock && !named && (year >= 1800 || cue_before(s, i) || range && year >= 1000))
        .then(|| (i + 1, expr(Kind::Year { year })))
}

/// The second year of "1978-84": two digits after a year and a dash, in its century (or the
/// next, "1998-02").
fn short_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let tok = s.toks.get(i)?;
    if tok.kind != TokKind::Num || tok.lower.len() != 2 || tok.space_before || i < 2 {
        return None;
    }
    if !s.punct(i - 1, "-") || s.toks[i - 1].space_before {
        return None;
    }
    let first = year_number(&s.toks[i - 2])?;
    let yy: i32 = tok.lower.parse().ok()?;
    let mut year = first - first.rem_euclid(100) + yy;
    if year <= first {
        year += 100;
    }
    (first >= 1000 && year - first < 100).then(|| (i + 1, expr(Kind::Year { year })))
}

/// "datzelfde jaar", "hetzelfde jaar", "in dat jaar", "that year", "the same year": the year an
/// earlier expression names (the timeline finds it).
fn that_year(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let prev = i.checked_sub(1).and_then(|p| s.word(p)).unwrap_or("");
    let len = match (s.word(i)?, s.word(i + 1)?, s.word(i + 2)) {
        ("datzelfde" | "hetzelfde", "jaar", _) | ("that", "year", _) => 2,
        ("dat", "jaar", _)
            if matches!(
                prev,
                "in" | "van" | "later" | "eerder" | "begin" | "eind" | "einde" | "midden" | "tot"
            ) =>
        {
            2
        }
        ("the" | "that", "same", Some("year")) => 3,
        _ => return None,
    };
    Some((i + len, expr(Kind::ThatYear)))
}
