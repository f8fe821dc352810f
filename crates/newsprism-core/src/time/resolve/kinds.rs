//! One answer per kind of expression, against one reference day `r` (`None` when the text has
//! no date: only absolute expressions answer then).

use super::{iv, pick, season_interval, Answer, Granularity, Interval, WeekdayCheck};
use crate::article::days_in_month;
use crate::time::calendar::{
    add_months, civil, day_of, month_end, month_start, week_start, weekday, year_end, year_start,
    Day,
};
use crate::time::expressions::{Expression, Kind, Part, Rel, Tense, Unit};

fn simple(interval: Interval, granularity: Granularity) -> Answer {
    Answer {
        interval,
        granularity,
        span: false,
        weekday: None,
    }
}

/// The expression's answer against reference day `r`, its part of a period applied.
pub(super) fn answer(e: &Expression, r: Option<Day>) -> Option<Answer> {
    let a = match e.kind {
        Kind::Date {
            year: Some(y),
            month,
            day,
            weekday: wd,
        } => absolute_date(y, month, day, wd)?,
        Kind::Date {
            year: None,
            month,
            day,
            weekday: wd,
        } => yearless_date(month, day, wd, r?, e.tense)?,
        Kind::Month { year, month, rel } => month_answer(year, month, rel, r, e.tense)?,
        Kind::Year { year } => simple(iv(year_start(year), year_end(year)), Granularity::Year),
        Kind::MonthOf { month, year_offset } => {
            let y = civil(r?).0 + year_offset;
            simple(
                iv(month_start(y, month), month_end(y, month)),
                Granularity::Month,
            )
        }
        Kind::Quarter { quarter, year, rel } => quarter_answer(quarter, year, rel, r, e.tense)?,
        Kind::Century { start } => simple(
            iv(year_start(start), year_end(start + 99)),
            Granularity::Century,
        ),
        Kind::Decade { start } => simple(
            iv(year_start(start), year_end(start + 9)),
            Granularity::Decade,
        ),
        Kind::Season {
            season,
            year: Some(y),
            ..
        } => simple(season_interval(season, y), Granularity::Season),
        Kind::Season {
            season,
            year: None,
            rel,
        } => {
            let r = r?;
            let ry = civil(r).0;
            let instances: Vec<Interval> = (ry - 2..=ry + 1)
                .map(|y| season_interval(season, y))
                .collect();
            simple(pick(&instances, r, rel, e.tense)?, Granularity::Season)
        }
        Kind::Weekday { weekday: wd, rel } => {
            let d = weekday_day(r?, wd, rel, e.tense);
            simple(iv(d, d), Granularity::Day)
        }
        Kind::WeekdayOfWeek { weekday: wd, week } => {
            let d = week_start(r?) + 7 * week + i32::from(wd);
            simple(iv(d, d), Granularity::Day)
        }
        Kind::DayOffset { offset } => {
            let d = r? + offset;
            simple(iv(d, d), Granularity::Day)
        }
        Kind::Unit { unit, offset } => calendar_unit(r?, unit, offset),
        Kind::Ago { n, unit } => ago(r?, n, unit),
        Kind::Span { n, unit, future } => span(r?, n, unit, future),
        // A bare duration, a vague reference, a repetition: no place in time.
        Kind::Duration { .. } | Kind::Vague { .. } | Kind::Set { .. } => return None,
        // Placed by the timeline, from the year an earlier expression names.
        Kind::ThatYear => return None,
    };
    match e.part {
        Some(part) => with_part(a, part, r),
        None => Some(a),
    }
}

/// A month: with its year, or the one the relative word or the tense picks.
fn month_answer(
    year: Option<i32>,
    month: u8,
    rel: Rel,
    r: Option<Day>,
    tense: Tense,
) -> Option<Answer> {
    let interval = match year {
        Some(y) => iv(month_start(y, month), month_end(y, month)),
        None => {
            let r = r?;
            let ry = civil(r).0;
            let instances: Vec<Interval> = (ry - 1..=ry + 1)
                .map(|y| iv(month_start(y, month), month_end(y, month)))
                .collect();
            pick(&instances, r, rel, tense)?
        }
    };
    Some(simple(interval, Granularity::Month))
}

fn quarter_interval(y: i32, q: u8) -> Interval {
    let first = 3 * (q - 1) + 1;
    iv(month_start(y, first), month_end(y, first + 2))
}

/// A quarter: numbered with its year, numbered with a year relative to the text's ("het
/// derde kwartaal van vorig jaar"), numbered alone (the nearest one the tense allows), or
/// counted from the text's ("vorig kwartaal").
fn quarter_answer(
    quarter: Option<u8>,
    year: Option<i32>,
    rel: Rel,
    r: Option<Day>,
    tense: Tense,
) -> Option<Answer> {
    let interval = match (quarter, year) {
        (Some(q), Some(y)) if rel == Rel::None => quarter_interval(y, q),
        (Some(q), _) => {
            let r = r?;
            let ry = civil(r).0;
            let offset = match rel {
                Rel::Last => Some(-1),
                Rel::This => Some(0),
                Rel::Next => Some(1),
                Rel::None => None,
            };
            match offset {
                Some(o) => quarter_interval(ry + o, q),
                None => {
                    let instances: Vec<Interval> =
                        (ry - 1..=ry + 1).map(|y| quarter_interval(y, q)).collect();
                    pick(&instances, r, Rel::None, tense)?
                }
            }
        }
        (None, _) => {
            let r = r?;
            let (ry, rm, _) = civil(r);
            let current = (i32::from(rm) - 1) / 3;
            let offset = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            let n = ry * 4 + current + offset;
            quarter_interval(n.div_euclid(4), (n.rem_euclid(4) + 1) as u8)
        }
    };
    Some(simple(interval, Granularity::Quarter))
}

/// A full date: "19 december 2022"; a named weekday agrees with it or not.
fn absolute_date(y: i32, month: u8, day: u8, wd: Option<u8>) -> Option<Answer> {
    if day > days_in_month(y, month) {
        return None;
    }
    let d = day_of(y, month, day);
    let mut a = simple(iv(d, d), Granularity::Day);
    a.weekday = wd.map(|wd| {
        if weekday(d) == wd {
            WeekdayCheck::Agrees
        } else {
            WeekdayCheck::Disagrees
        }
    });
    Some(a)
}

/// A date without a year: the instance nearest `r` that fits the tense; a named weekday
/// confirms that year, picks the nearest year (of the last dozen) where it fits, or is
/// flagged as disagreeing.
fn yearless_date(month: u8, day: u8, wd: Option<u8>, r: Day, tense: Tense) -> Option<Answer> {
    let ry = civil(r).0;
    let instance = |y: i32| {
        (day <= days_in_month(y, month)).then(|| {
            let d = day_of(y, month, day);
            iv(d, d)
        })
    };
    let instances: Vec<Interval> = (ry - 1..=ry + 1).filter_map(instance).collect();
    // "Monday, Oct. 26" in a text of Sunday 25 October: the named weekday settles it, whatever
    // the tense says, when it fits a day within a week of the text's.
    if let Some(wd) = wd {
        let near = instances
            .iter()
            .filter(|i| weekday(i.start) == wd && (i.start - r).abs() <= 7)
            .min_by_key(|i| (i.start - r).abs());
        if let Some(&i) = near {
            let mut a = simple(i, Granularity::Day);
            a.weekday = Some(WeekdayCheck::Agrees);
            return Some(a);
        }
    }
    let chosen = pick(&instances, r, Rel::None, tense)?;
    let mut a = simple(chosen, Granularity::Day);
    let Some(wd) = wd else {
        return Some(a);
    };
    if weekday(chosen.start) == wd {
        a.weekday = Some(WeekdayCheck::Agrees);
        return Some(a);
    }
    let chosen_year = civil(chosen.start).0;
    let fits_tense = |i: &Interval| match tense {
        Tense::Past => i.start <= r,
        Tense::Future => i.start >= r,
        Tense::Present => true,
    };
    let mut others: Vec<Interval> = (ry - 11..=ry + 1)
        .filter_map(instance)
        .filter(|i| fits_tense(i) && weekday(i.start) == wd)
        .collect();
    crate::sorting::sort_by_key(&mut others, |i| (civil(i.start).0 - chosen_year).abs());
    match others.first() {
        Some(&other) => {
            a.interval = other;
            a.weekday = Some(WeekdayCheck::ChoseYear);
        }
        None => a.weekday = Some(WeekdayCheck::Disagrees),
    }
    Some(a)
}

/// The day a weekday names: last or next week's by its relative word, this week's for
/// "deze", otherwise the nearest one the tense allows.
fn weekday_day(r: Day, wd: u8, rel: Rel, tense: Tense) -> Day {
    let offset = (i32::from(weekday(r)) - i32::from(wd)).rem_euclid(7);
    let on_or_before = r - offset;
    let on_or_after = if offset == 0 { r } else { on_or_before + 7 };
    match rel {
        Rel::Last if offset == 0 => r - 7,
        Rel::Last => on_or_before,
        Rel::Next if offset == 0 => r + 7,
        Rel::Next => on_or_after,
        Rel::This => week_start(r) + i32::from(wd),
        Rel::None => match tense {
            Tense::Past => on_or_before,
            Tense::Future => on_or_after,
            Tense::Present if r - on_or_before <= on_or_after - r => on_or_before,
            Tense::Present => on_or_after,
        },
    }
}

/// A calendar unit relative to `r`: "vorige week", "volgend jaar", "dit decennium".
fn calendar_unit(r: Day, unit: Unit, offset: i32) -> Answer {
    let (ry, rm, _) = civil(r);
    match unit {
        Unit::Day | Unit::Hour | Unit::Minute => {
            simple(iv(r + offset, r + offset), Granularity::Day)
        }
        Unit::Week => {
            let s = week_start(r) + 7 * offset;
            simple(iv(s, s + 6), Granularity::Week)
        }
        Unit::Month => {
            let (y, m) = add_months(ry, rm, offset);
            simple(iv(month_start(y, m), month_end(y, m)), Granularity::Month)
        }
        Unit::Year => {
            let y = ry + offset;
            simple(iv(year_start(y), year_end(y)), Granularity::Year)
        }
        Unit::Decade => {
            let s = ry.div_euclid(10) * 10 + 10 * offset;
            simple(iv(year_start(s), year_end(s + 9)), Granularity::Decade)
        }
    }
}

/// A distance back, in its own unit: "twee weken geleden" is a week, "three years ago" a year.
fn ago(r: Day, n: i32, unit: Unit) -> Answer {
    let (ry, rm, _) = civil(r);
    match unit {
        Unit::Day => simple(iv(r - n, r - n), Granularity::Day),
        // Hours back: the day they fall on.
        Unit::Hour | Unit::Minute => {
            let minutes = if unit == Unit::Hour { 60 * n } else { n };
            let d = r - minutes.div_euclid(24 * 60);
            simple(iv(d, d), Granularity::Day)
        }
        Unit::Week => {
            let s = week_start(r - 7 * n);
            simple(iv(s, s + 6), Granularity::Week)
        }
        Unit::Month => {
            let (y, m) = add_months(ry, rm, -n);
            simple(iv(month_start(y, m), month_end(y, m)), Granularity::Month)
        }
        Unit::Year => {
            let y = ry - n;
            simple(iv(year_start(y), year_end(y)), Granularity::Year)
        }
        Unit::Decade => {
            let y = ry - 10 * n;
            simple(iv(year_start(y), year_end(y)), Granularity::Year)
        }
    }
}

/// A stretch anchored at `r`: "de komende drie jaar", "the past five years".
fn span(r: Day, n: i32, unit: Unit, future: bool) -> Answer {
    let (ry, rm, _) = civil(r);
    let (interval, granularity) = match unit {
        Unit::Day | Unit::Week | Unit::Hour | Unit::Minute => {
            let days = match unit {
                Unit::Week => 7 * n,
                Unit::Day => n,
                Unit::Hour => (n + 23) / 24,
                _ => (n + 24 * 60 - 1) / (24 * 60),
            };
            let i = if future {
                iv(r, r + days)
            } else {
                iv(r - days, r)
            };
            (i, Granularity::Day)
        }
        Unit::Month => {
            let (y, m) = add_months(ry, rm, if future { n } else { -n });
            let i = if future {
                iv(month_start(ry, rm), month_end(y, m))
            } else {
                iv(month_start(y, m), month_end(ry, rm))
            };
            (i, Granularity::Month)
        }
        Unit::Year | Unit::Decade => {
            let years = if unit == Unit::Year { n } else { 10 * n };
            let i = if future {
                iv(year_start(ry), year_end(ry + years))
            } else {
                iv(year_start(ry - years), year_end(ry))
            };
            (i, Granularity::Year)
        }
    };
    Answer {
        interval,
        granularity,
        span: true,
        weekday: None,
    }
}

/// A part of the period: its first, middle or last third, or the stretch of it before or
/// after `r` ("earlier this year", "later this month").
fn with_part(mut a: Answer, part: Part, r: Option<Day>) -> Option<Answer> {
    let Interval { start, end } = a.interval;
    let third = (end - start + 1) / 3;
    a.interval = match part {
        Part::Start => iv(start, start + third - 1),
        Part::Mid => iv(start + third, end - third),
        Part::End => iv(end - third + 1, end),
        Part::Earlier => {
            let r = r?;
            a.granularity = Granularity::Day;
            a.span = true;
            iv(start, r.min(end))
        }
        Part::Later => {
            let r = r?;
            a.granularity = Granularity::Day;
            a.span = true;
            iv(r.max(start), end)
        }
    };
    if matches!(part, Part::Earlier | Part::Later) && a.interval.start > a.interval.end {
        return None;
    }
    Some(a)
}
