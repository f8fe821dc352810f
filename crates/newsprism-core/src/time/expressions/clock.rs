//! Clock times: "3pm", "10.30am", "18:00", "1800 GMT", "om 10.30 uur", "om 10 uur",
//! "midnight", "middernacht", "noon". A clock time beside a day is part of that day's
//! expression ("1800 GMT on Monday", "maandag om 10.30 uur", "midnight on 16 December"); alone
//! it is a time of the text's own day ("at 3pm", "om 10.30 uur"). TIMEX3 writes it as
//! `2004-12-27T18:00`; midnight is `T24:00`.

use super::tokens::{Scanner, TokKind};
use super::{expr, Expression, Kind};

/// Words before a clock time that mark it as one ("at 3", "om 10 uur").
const CUES: &[&str] = &[
    "at", "by", "around", "until", "till", "from", "before", "after", "om", "rond", "tegen",
    "vanaf", "tot", "voor", "na",
];

/// Time zones and words after four digits that make them a clock time ("1800 GMT").
const ZONES: &[&str] = &[
    "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "hrs", "hours", "uur", "u",
];

/// A clock time at token `i`: the token after it and the hour and minute (24 = midnight).
pub(super) fn clock_at(s: &Scanner, i: usize) -> Option<(usize, (u8, u8))> {
    let tok = s.toks.get(i)?;
    let w = tok.lower.as_str();
    match w {
        "midnight" | "middernacht" => return Some((i + 1, (24, 0))),
        "noon" | "midday" => return Some((i + 1, (12, 0))),
        // Most tokens: no digit, no clock time.
        _ if !w.starts_with(|c: char| c.is_ascii_digit()) => return None,
        _ => {}
    }
    // "3pm", "10.30am", "7.45pm".
    if tok.kind == TokKind::Word {
        for (suffix, add) in [("am", 0), ("pm", 12)] {
            if let Some(digits) = w.strip_suffix(suffix) {
                let (h, m) = hour_minute(digits)?;
                return (1..=12).contains(&h).then(|| (i + 1, (h % 12 + add, m)));
            }
        }
        return None;
    }
    if tok.kind != TokKind::Num {
        return None;
    }
    let next = s.word(i + 1);
    // "3 pm", "3 p.m.".
    if let Some(add) = match next {
        Some("pm") | Some("p") if s.toks.get(i + 1).is_some_and(|t| t.space_before) => Some(12),
        Some("am") | Some("a") if s.toks.get(i + 1).is_some_and(|t| t.space_before) => Some(0),
        _ => None,
    } {
        let (h, m) = hour_minute(w)?;
        let end = if matches!(next, Some("p" | "a")) {
            if !(s.punct(i + 2, ".") && s.word(i + 3) == Some("m")) {
                return None;
            }
            i + 4 + usize::from(s.punct(i + 4, "."))
        } else {
            i + 2
        };
        return (1..=12).contains(&h).then_some((end, (h % 12 + add, m)));
    }
    // "18:00", "9:30".
    if s.punct(i + 1, ":") && !s.toks[i + 1].space_before {
        let mm = s
            .toks
            .get(i + 2)
            .filter(|t| t.kind == TokKind::Num && t.lower.len() == 2)?;
        let (h, m) = (w.parse::<u8>().ok()?, mm.lower.parse::<u8>().ok()?);
        let zone = s.word(i + 3).is_some_and(|z| ZONES.contains(&z));
        return (h <= 24 && m < 60).then_some((i + 3 + usize::from(zone), (h, m)));
    }
    let zone = next.is_some_and(|z| ZONES.contains(&z));
    // "1800 GMT", "0930 hrs".
    if w.len() == 4 && zone && !matches!(next, Some("uur" | "u" | "hours")) {
        let (h, m) = (w[..2].parse::<u8>().ok()?, w[2..].parse::<u8>().ok()?);
        return (h <= 24 && m < 60).then_some((i + 2, (h, m)));
    }
    // "om 10.30 uur", "om 10 uur", "at 10.30".
    let dotted = w.contains(['.', ',']);
    let uur = matches!(next, Some("uur" | "u"));
    let cued = || {
        i.checked_sub(1)
            .and_then(|p| s.word(p))
            .is_some_and(|p| CUES.contains(&p))
    };
    if (dotted || uur) && cued() {
        let (h, m) = hour_minute(w)?;
        return (h <= 24).then_some((i + 1 + usize::from(uur), (h, m)));
    }
    None
}

/// "10.30", "10,30", "10": hour and minute.
fn hour_minute(digits: &str) -> Option<(u8, u8)> {
    let (h, m) = match digits.split_once(['.', ':', ',']) {
        Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        Some(_) => return None,
        None => (digits.parse().ok()?, 0),
    };
    (h <= 24 && m < 60 && !digits.is_empty()).then_some((h, m))
}

/// A clock time at `i` before a day ("1800 GMT on Monday", "midnight on 16 December"), as that
/// day's expression with the time; `day_at` reads the day.
pub(super) fn clock_then_day(
    s: &Scanner,
    i: usize,
    day_at: impl Fn(usize) -> Option<(usize, Expression)>,
) -> Option<(usize, Expression)> {
    let (end, clock) = clock_at(s, i)?;
    let mut j = end;
    if matches!(s.word(j), Some("on" | "op")) || s.punct(j, ",") {
        j += 1;
    }
    let (day_end, mut e) = day_at(j).filter(|(_, e)| is_day(&e.kind))?;
    e.clock = Some(clock);
    Some((day_end, e))
}

/// A clock time after a day at `end` ("Monday at 3pm", "maandag om 10.30 uur", "Monday,
/// 18:00"): sets it on the day's expression and returns the new end.
pub(super) fn with_clock(s: &Scanner, end: usize, e: &mut Expression) -> usize {
    let mut j = end;
    if matches!(s.word(j), Some("at" | "om" | "rond" | "around")) || s.punct(j, ",") {
        j += 1;
    }
    match clock_at(s, j) {
        Some((after, clock)) => {
            e.clock = Some(clock);
            after
        }
        None => end,
    }
}

/// A clock time alone ("at 3pm", "om 10.30 uur"): a time of the text's own day.
pub(super) fn lone_clock(s: &Scanner, i: usize) -> Option<(usize, Expression)> {
    let (end, clock) = clock_at(s, i)?;
    let mut e = expr(Kind::DayOffset { offset: 0 });
    e.clock = Some(clock);
    Some((end, e))
}

/// Whether an expression names one day, which a clock time can belong to.
pub(super) fn is_day(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Weekday { .. }
            | Kind::WeekdayOfWeek { .. }
            | Kind::DayOffset { .. }
            | Kind::Date { .. }
    )
}
