//! Placing an [`Expression`] in time against the text's publication date.
//!
//! The publication date is a span of days: one day, a month or a year, as precise as the
//! source. Each expression is resolved against every day of that span, HeidelTime-style (tense
//! and cue words decide between past and future), and the distinct answers are kept. One answer
//! is a certain date; several are an uncertain one: "maandag" in an article dated only
//! December 2022 is any of five Mondays, never a guessed one.
//!
//! A date without a year takes the year nearest the reference that fits the tense. When the
//! text names the weekday as well, the weekday confirms the year, picks another one nearby that
//! fits, or is flagged as disagreeing.
//!
//! `kinds.rs` answers each kind of expression against one reference day; this file resolves
//! against every day of the publication date and keeps the distinct answers.

use std::ops::RangeInclusive;

use serde::Serialize;

use super::calendar::{civil, day_of, iso_week, month_end, month_start, weekday, Day};
use super::expressions::{Expression, Kind, Part, Rel, Season, Tense};
use crate::article::days_in_month;

mod kinds;
#[cfg(test)]
mod tests;

use kinds::answer;

/// The unit an answer is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Granularity {
    /// A lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
        }
    }
}

/// What the weekday named beside a date said about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayCheck {
    /// The weekday fits the year chosen by the tense.
    Agrees,
    /// The weekday did not fit the nearest year; it chose another year that fits it.
    ChoseYear,
    /// No nearby year fits the weekday: the text is inconsistent.
    Disagrees,
}

impl WeekdayCheck {
    /// A lowercase name for exports.
    pub fn name(self) -> &'static str {
        match self {
            WeekdayCheck::Agrees => "agrees",
            WeekdayCheck::ChoseYear => "chose_year",
            WeekdayCheck::Disagrees => "disagrees",
        }
    }
}

/// One possible placing: inclusive days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Interval {
    /// First day.
    pub start: Day,
    /// Last day.
    pub end: Day,
}

/// An expression placed in time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolution {
    /// The first day any candidate covers.
    pub start: Day,
    /// The last day any candidate covers.
    pub end: Day,
    /// The unit of the answer.
    pub granularity: Granularity,
    /// The distinct possible placings, in order. One is a certain answer.
    pub candidates: Vec<Interval>,
    /// A normalised value, TIMEX3-like: `2022-12-19`, `2022-W51`, `2022-02`, `2022-WI`,
    /// `2022`, `199X`; a span `2022..2025`; candidates joined by `|` (up to six, else
    /// `first..last`); prefixed `since ` or `~`, suffixed ` start`/` mid`/` end`.
    pub value: String,
    /// What the weekday said, when the text gives one beside the date.
    pub weekday: Option<WeekdayCheck>,
    /// Whether the placing needed the publication date.
    pub relative: bool,
    /// The words elsewhere in the article that settled which candidate it is ("maandag 19
    /// december" for a "maandag" the publication month left open).
    pub settled_by: Option<String>,
}

impl Resolution {
    /// This placing narrowed to one of its candidates, because `evidence` says so.
    pub fn settled(&self, candidate: Interval, evidence: String) -> Resolution {
        Resolution {
            start: candidate.start,
            end: candidate.end,
            granularity: self.granularity,
            candidates: vec![candidate],
            value: format_value(candidate.start, self.granularity),
            weekday: self.weekday,
            relative: self.relative,
            settled_by: Some(evidence),
        }
    }

    /// Whether there is exactly one answer.
    pub fn is_certain(&self) -> bool {
        self.candidates.len() == 1
    }

    /// The value without its `since `/`~` prefix, for grouping the same date across texts.
    pub fn key(&self) -> &str {
        self.value
            .trim_start_matches("since ")
            .trim_start_matches('~')
    }
}

/// One answer against one reference day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Answer {
    pub(super) interval: Interval,
    pub(super) granularity: Granularity,
    /// A stretch of several units ("de komende drie jaar").
    pub(super) span: bool,
    pub(super) weekday: Option<WeekdayCheck>,
}

/// Whether an expression needs the publication date to be placed.
pub fn needs_reference(e: &Expression) -> bool {
    let absolute = match e.kind {
        Kind::Date { year, .. } | Kind::Month { year, .. } | Kind::Season { year, .. } => {
            year.is_some()
        }
        Kind::Year { .. } | Kind::Decade { .. } | Kind::Century { .. } => true,
        Kind::Quarter { year, rel, .. } => year.is_some() && rel == Rel::None,
        _ => false,
    };
    !absolute || matches!(e.part, Some(Part::Earlier | Part::Later))
}

/// Places `e` against the publication date, given as the inclusive days it may be
/// (`None` when the article is undated: then only absolute expressions resolve).
///
/// ```
/// use newsprism_core::time::calendar::day_of;
/// use newsprism_core::time::expressions::extract;
/// use newsprism_core::time::resolve::resolve;
/// let e = &extract("Maandag bracht Poetin een bezoek aan Minsk.")[0];
/// // Published on 20 December 2022: the Monday before.
/// let day = day_of(2022, 12, 20);
/// assert_eq!(resolve(e, Some(day..=day)).unwrap().value, "2022-12-19");
/// // Published some day in December 2022: one of five Mondays.
/// let december = day_of(2022, 12, 1)..=day_of(2022, 12, 31);
/// let r = resolve(e, Some(december)).unwrap();
/// assert_eq!(r.value, "2022-11-28|2022-12-05|2022-12-12|2022-12-19|2022-12-26");
/// assert!(!r.is_certain());
/// ```
pub fn resolve(e: &Expression, reference: Option<RangeInclusive<Day>>) -> Option<Resolution> {
    let relative = needs_reference(e);
    let mut answers: Vec<Answer> = Vec::new();
    if relative {
        let span = reference?;
        let (first, last) = (*span.start(), *span.end());
        for r in span {
            if let Some(a) = answer(e, Some(r)) {
                if !answers.contains(&a) {
                    answers.push(a);
                }
            }
        }
        // "maandag 19 december" in a text dated December 2022: the day whose weekday agrees,
        // within a week of the publication date, settles it; the years the other reference
        // days reached for are dropped.
        if matches!(
            e.kind,
            Kind::Date {
                weekday: Some(_),
                year: None,
                ..
            }
        ) {
            let near = |a: &Answer| {
                a.weekday == Some(WeekdayCheck::Agrees)
                    && a.interval.start >= first - 7
                    && a.interval.start <= last + 7
            };
            if answers.iter().any(near) {
                answers.retain(near);
            }
        }
    } else {
        answers.extend(answer(e, None));
    }
    finish(e, answers, relative)
}

/// Places a year-less date with its weekday in an undated text: the first year from `floor`
/// (the latest year the text names) on where the weekday fits. News reports the recent past,
/// so "vrijdag 25 februari" beside "augustus 2020" is Friday 25 February 2022.
pub fn resolve_by_weekday(e: &Expression, floor: i32) -> Option<Resolution> {
    let Kind::Date {
        year: None,
        month,
        day,
        weekday: Some(wd),
    } = e.kind
    else {
        return None;
    };
    let year = (floor..floor + 12)
        .find(|&y| day <= days_in_month(y, month) && weekday(day_of(y, month, day)) == wd)?;
    let d = day_of(year, month, day);
    let a = Answer {
        interval: Interval { start: d, end: d },
        granularity: Granularity::Day,
        span: false,
        weekday: Some(WeekdayCheck::ChoseYear),
    };
    finish(e, vec![a], true)
}

fn finish(e: &Expression, mut answers: Vec<Answer>, relative: bool) -> Option<Resolution> {
    let first = *answers.first()?;
    crate::sorting::sort_by_key(&mut answers, |a| a.interval);
    let candidates: Vec<Interval> = answers.iter().map(|a| a.interval).collect();
    let start = candidates.iter().map(|c| c.start).min()?;
    let end = candidates.iter().map(|c| c.end).max()?;
    let fmt = |a: &Answer| {
        let v = if a.span {
            format!(
                "{}..{}",
                format_value(a.interval.start, a.granularity),
                format_value(a.interval.end, a.granularity)
            )
        } else {
            format_value(a.interval.start, a.granularity)
        };
        match e.part {
            Some(Part::Start) => format!("{v} start"),
            Some(Part::Mid) => format!("{v} mid"),
            Some(Part::End) => format!("{v} end"),
            _ => v,
        }
    };
    let mut value = if answers.len() <= 6 {
        answers.iter().map(fmt).collect::<Vec<_>>().join("|")
    } else {
        format!("{}..{}", fmt(&answers[0]), fmt(&answers[answers.len() - 1]))
    };
    if e.approx {
        value.insert(0, '~');
    }
    if e.since {
        value.insert_str(0, "since ");
    }
    // A weekday check is reported only when every answer agrees on it.
    let weekday = answers
        .iter()
        .all(|a| a.weekday == first.weekday)
        .then_some(first.weekday)
        .flatten();
    Some(Resolution {
        start,
        end,
        granularity: first.granularity,
        candidates,
        value,
        weekday,
        relative,
        settled_by: None,
    })
}

/// The normalised value of the unit holding `day`.
pub fn format_value(day: Day, granularity: Granularity) -> String {
    let (y, m, _) = civil(day);
    match granularity {
        Granularity::Day => super::calendar::iso_day(day),
        Granularity::Week => {
            let (wy, w) = iso_week(day);
            format!("{wy:04}-W{w:02}")
        }
        Granularity::Month => format!("{y:04}-{m:02}"),
        Granularity::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
        Granularity::Season => {
            // Winter belongs to the year of its December.
            let (sy, code) = match m {
                3..=5 => (y, "SP"),
                6..=8 => (y, "SU"),
                9..=11 => (y, "FA"),
                12 => (y, "WI"),
                _ => (y - 1, "WI"),
            };
            format!("{sy:04}-{code}")
        }
        Granularity::Year => format!("{y:04}"),
        Granularity::Decade => format!("{:03}X", y.div_euclid(10)),
        Granularity::Century => format!("{:02}XX", y.div_euclid(100)),
    }
}

pub(super) fn iv(start: Day, end: Day) -> Interval {
    Interval { start, end }
}

pub(super) fn season_interval(season: Season, year: i32) -> Interval {
    match season {
        Season::Spring => iv(month_start(year, 3), month_end(year, 5)),
        Season::Summer => iv(month_start(year, 6), month_end(year, 8)),
        Season::Autumn => iv(month_start(year, 9), month_end(year, 11)),
        Season::Winter => iv(month_start(year, 12), month_end(year + 1, 2)),
    }
}

/// Distance in days from `r` to an interval (0 inside it).
fn distance(r: Day, i: Interval) -> i32 {
    if r < i.start {
        i.start - r
    } else if r > i.end {
        r - i.end
    } else {
        0
    }
}

/// Picks one of the yearly instances of a period (a month, a season, a date) by the relative
/// word, else by the tense.
pub(super) fn pick(instances: &[Interval], r: Day, rel: Rel, tense: Tense) -> Option<Interval> {
    let latest_before = |strict: bool| {
        instances
            .iter()
            .filter(|i| if strict { i.end < r } else { i.start <= r })
            .max_by_key(|i| i.start)
            .copied()
    };
    let earliest_after = |strict: bool| {
        instances
            .iter()
            .filter(|i| if strict { i.start > r } else { i.end >= r })
            .min_by_key(|i| i.start)
            .copied()
    };
    // Unknown tense leans to the past: news mostly reports what happened. A future instance
    // wins only when it is less than half as far away.
    let nearest = || {
        instances
            .iter()
            .min_by_key(|i| {
                let d = distance(r, **i);
                if i.start > r {
                    d * 2
                } else {
                    d
                }
            })
            .copied()
    };
    match rel {
        Rel::Last => latest_before(true),
        Rel::Next => earliest_after(true),
        // "this September" in June is this year's, whatever the tense.
        Rel::This => instances
            .iter()
            .find(|i| i.start <= r && r <= i.end)
            .or_else(|| instances.iter().find(|i| civil(i.start).0 == civil(r).0))
            .copied()
            .or_else(|| match tense {
                Tense::Past => latest_before(true),
                Tense::Future => earliest_after(true),
                Tense::Present => nearest(),
            }),
        Rel::None => match tense {
            Tense::Past => latest_before(false),
            Tense::Future => earliest_after(false),
            Tense::Present => instances
                .iter()
                .find(|i| i.start <= r && r <= i.end)
                .copied()
                .or_else(nearest),
        },
    }
}
