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

use std::ops::RangeInclusive;

use serde::Serialize;

use super::calendar::{
    add_months, civil, day_of, iso_week, month_end, month_start, week_start, weekday, year_end,
    year_start, Day,
};
use super::expressions::{Expression, Kind, Part, Rel, Season, Tense, Unit};
use crate::article::days_in_month;

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
    /// A season.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
}

impl Granularity {
    /// A lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
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
}

impl Resolution {
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
struct Answer {
    interval: Interval,
    granularity: Granularity,
    /// A stretch of several units ("de komende drie jaar").
    span: bool,
    weekday: Option<WeekdayCheck>,
}

/// Whether an expression needs the publication date to be placed.
pub fn needs_reference(e: &Expression) -> bool {
    let absolute = match e.kind {
        Kind::Date { year, .. } | Kind::Month { year, .. } | Kind::Season { year, .. } => {
            year.is_some()
        }
        Kind::Year { .. } | Kind::Decade { .. } => true,
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
        for r in reference? {
            if let Some(a) = answer(e, Some(r)) {
                if !answers.contains(&a) {
                    answers.push(a);
                }
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
    answers.sort_by_key(|a| a.interval);
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
    }
}

fn iv(start: Day, end: Day) -> Interval {
    Interval { start, end }
}

fn season_interval(season: Season, year: i32) -> Interval {
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
fn pick(instances: &[Interval], r: Day, rel: Rel, tense: Tense) -> Option<Interval> {
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
        Rel::This => instances
            .iter()
            .find(|i| i.start <= r && r <= i.end)
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

fn answer(e: &Expression, r: Option<Day>) -> Option<Answer> {
    let simple = |interval: Interval, granularity: Granularity| Answer {
        interval,
        granularity,
        span: false,
        weekday: None,
    };
    let mut a = match e.kind {
        Kind::Date {
            year: Some(y),
            month,
            day,
            weekday: wd,
        } => {
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
            a
        }
        Kind::Date {
            year: None,
            month,
            day,
            weekday: wd,
        } => {
            let r = r?;
            let ry = civil(r).0;
            let instance = |y: i32| {
                (day <= days_in_month(y, month)).then(|| {
                    let d = day_of(y, month, day);
                    iv(d, d)
                })
            };
            let instances: Vec<Interval> = (ry - 1..=ry + 1).filter_map(instance).collect();
            let chosen = pick(&instances, r, Rel::None, e.tense)?;
            let mut a = simple(chosen, Granularity::Day);
            if let Some(wd) = wd {
                if weekday(chosen.start) == wd {
                    a.weekday = Some(WeekdayCheck::Agrees);
                } else {
                    let chosen_year = civil(chosen.start).0;
                    let fits_tense = |i: &Interval| match e.tense {
                        Tense::Past => i.start <= r,
                        Tense::Future => i.start >= r,
                        Tense::Present => true,
                    };
                    let mut others: Vec<Interval> = (ry - 11..=ry + 1)
                        .filter_map(instance)
                        .filter(|i| fits_tense(i) && weekday(i.start) == wd)
                        .collect();
                    others.sort_by_key(|i| (civil(i.start).0 - chosen_year).abs());
                    match others.first() {
                        Some(&other) => {
                            a.interval = other;
                            a.weekday = Some(WeekdayCheck::ChoseYear);
                        }
                        None => a.weekday = Some(WeekdayCheck::Disagrees),
                    }
                }
            }
            a
        }
        Kind::Month {
            year: Some(y),
            month,
            ..
        } => simple(
            iv(month_start(y, month), month_end(y, month)),
            Granularity::Month,
        ),
        Kind::Month {
            year: None,
            month,
            rel,
        } => {
            let r = r?;
            let ry = civil(r).0;
            let instances: Vec<Interval> = (ry - 1..=ry + 1)
                .map(|y| iv(month_start(y, month), month_end(y, month)))
                .collect();
            simple(pick(&instances, r, rel, e.tense)?, Granularity::Month)
        }
        Kind::Year { year } => simple(iv(year_start(year), year_end(year)), Granularity::Year),
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
            let r = r?;
            let offset = (i32::from(weekday(r)) - i32::from(wd)).rem_euclid(7);
            let on_or_before = r - offset;
            let on_or_after = if offset == 0 { r } else { on_or_before + 7 };
            let d = match rel {
                Rel::Last => {
                    if offset == 0 {
                        r - 7
                    } else {
                        on_or_before
                    }
                }
                Rel::Next => {
                    if offset == 0 {
                        r + 7
                    } else {
                        on_or_after
                    }
                }
                Rel::This => week_start(r) + i32::from(wd),
                Rel::None => match e.tense {
                    Tense::Past => on_or_before,
                    Tense::Future => on_or_after,
                    Tense::Present => {
                        if r - on_or_before <= on_or_after - r {
                            on_or_before
                        } else {
                            on_or_after
                        }
                    }
                },
            };
            simple(iv(d, d), Granularity::Day)
        }
        Kind::DayOffset { offset } => {
            let d = r? + offset;
            simple(iv(d, d), Granularity::Day)
        }
        Kind::Unit { unit, offset } => {
            let r = r?;
            let (ry, rm, _) = civil(r);
            match unit {
                Unit::Day => simple(iv(r + offset, r + offset), Granularity::Day),
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
        Kind::Ago { n, unit } => {
            let r = r?;
            let (ry, rm, _) = civil(r);
            match unit {
                Unit::Day => simple(iv(r - n, r - n), Granularity::Day),
                Unit::Week => simple(iv(r - 7 * n, r - 7 * n), Granularity::Day),
                Unit::Month | Unit::Year => {
                    let months = if unit == Unit::Month { n } else { 12 * n };
                    let (y, m) = add_months(ry, rm, -months);
                    simple(iv(month_start(y, m), month_end(y, m)), Granularity::Month)
                }
                Unit::Decade => {
                    let y = ry - 10 * n;
                    simple(iv(year_start(y), year_end(y)), Granularity::Year)
                }
            }
        }
        Kind::Span { n, unit, future } => {
            let r = r?;
            let (ry, rm, _) = civil(r);
            let (interval, granularity) = match unit {
                Unit::Day | Unit::Week => {
                    let days = if unit == Unit::Day { n } else { 7 * n };
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
    };
    if let Some(part) = e.part {
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
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::expressions::extract;

    fn day(y: i32, m: u8, d: u8) -> RangeInclusive<Day> {
        let d = day_of(y, m, d);
        d..=d
    }

    fn month(y: i32, m: u8) -> RangeInclusive<Day> {
        month_start(y, m)..=month_end(y, m)
    }

    /// The value of the first expression in `text` against `reference`.
    fn value(text: &str, reference: Option<RangeInclusive<Day>>) -> String {
        let e = extract(text);
        let first = e
            .first()
            .unwrap_or_else(|| panic!("nothing found in {text:?}"));
        resolve(first, reference).map_or("-".into(), |r| r.value)
    }

    #[test]
    fn a_day_precise_reference_gives_certain_answers() {
        let r = || Some(day(2022, 12, 20)); // a Tuesday
        let cases = [
            ("Maandag bracht Poetin een bezoek aan Minsk.", "2022-12-19"),
            ("Poetin komt maandag naar Minsk.", "2022-12-19"),
            ("Poetin zal maandag naar Minsk komen.", "2022-12-26"),
            (
                "Vorige week nog beval de president een inspectie.",
                "2022-W50",
            ),
            ("Gisteren sprak hij.", "2022-12-19"),
            ("Twee weken geleden besloot hij.", "2022-12-06"),
            ("Dat gebeurde in juni.", "2022-06"),
            ("Dat gebeurt in februari.", "2022-02"),
            ("Hij zal in februari komen.", "2023-02"),
            ("de komende drie jaar", "2022..2025"),
            ("Begin dit jaar liet hij het leger aanvallen.", "2022 start"),
            ("Eind vorig jaar was het rustig.", "2021 end"),
            ("bijna een jaar geleden", "~2021-12"),
        ];
        for (text, want) in cases {
            assert_eq!(value(text, r()), want, "{text}");
        }
    }

    #[test]
    fn the_publication_dates_precision_carries_through() {
        // "maandag" in an article dated only December 2022: any of its Mondays (and the last
        // one of November, for an article from the first days of December).
        let r = resolve(&extract("Maandag kwam hij aan.")[0], Some(month(2022, 12))).unwrap();
        assert_eq!(r.candidates.len(), 5);
        assert!(!r.is_certain());
        assert_eq!(
            (r.start, r.end),
            (day_of(2022, 11, 28), day_of(2022, 12, 26))
        );
        // A month named in an article dated to the month is certain.
        assert_eq!(
            value("Hij ging in oktober.", Some(month(2022, 12))),
            "2022-10"
        );
        // A year-precise reference leaves a month of the same name before or after: past picks it.
        let year = year_start(2022)..=year_end(2022);
        let r = resolve(&extract("Dat gebeurde vorige maand.")[0], Some(year)).unwrap();
        assert_eq!(r.candidates.len(), 12);
        assert_eq!(r.value, "2021-12..2022-11");
    }

    #[test]
    fn tense_decides_between_past_and_future() {
        let r = || Some(day(2022, 10, 12)); // a Wednesday
        assert_eq!(value("Hij sprak zaterdag.", r()), "2022-10-08");
        assert_eq!(value("Hij zal zaterdag spreken.", r()), "2022-10-15");
        assert_eq!(value("He will speak on Saturday.", r()), "2022-10-15");
        assert_eq!(value("He spoke on Saturday.", r()), "2022-10-08");
        assert_eq!(value("afgelopen februari", r()), "2022-02");
        assert_eq!(value("volgende maand", r()), "2022-11");
        assert_eq!(value("next Monday", r()), "2022-10-17");
        assert_eq!(value("last Monday", r()), "2022-10-10");
    }

    #[test]
    fn year_boundaries_are_crossed_both_ways() {
        // In early January, "in december" in the past is last year's; in late December,
        // "in januari" in the future is next year's.
        assert_eq!(
            value("Dat gebeurde in december.", Some(day(2023, 1, 3))),
            "2022-12"
        );
        assert_eq!(
            value("Hij zal in januari komen.", Some(day(2022, 12, 28))),
            "2023-01"
        );
        assert_eq!(value("vorige week", Some(day(2023, 1, 4))), "2022-W52");
        assert_eq!(value("deze winter", Some(day(2023, 1, 15))), "2022-WI");
        assert_eq!(value("deze winter", Some(day(2022, 12, 15))), "2022-WI");
        assert_eq!(
            value("Op 31 december sprak hij.", Some(day(2023, 1, 2))),
            "2022-12-31"
        );
        assert_eq!(value("gisteren", Some(day(2023, 1, 1))), "2022-12-31");
    }

    #[test]
    fn a_named_weekday_confirms_chooses_or_flags_the_year() {
        let r = |text: &str, reference| resolve(&extract(text)[0], Some(reference)).unwrap();
        // Friday 25 February 2022 fits the nearest year.
        let got = r(
            "Zij vielen op vrijdag 25 februari binnen.",
            day(2022, 10, 1),
        );
        assert_eq!(
            (got.value.as_str(), got.weekday),
            ("2022-02-25", Some(WeekdayCheck::Agrees))
        );
        // In an article of January 2023, the nearest past 25 February is 2022's: a Friday.
        let got = r(
            "Zij vielen op vrijdag 25 februari binnen.",
            day(2023, 1, 10),
        );
        assert_eq!(got.weekday, Some(WeekdayCheck::Agrees));
        // "vrijdag 11 maart" read in March 2023 (11 March 2023 is a Saturday, not yet past
        // anyway): the weekday picks 2022.
        let got = r(
            "Dat gebeurde op vrijdag 11 maart in Moskou.",
            day(2023, 4, 1),
        );
        assert_eq!(
            (got.value.as_str(), got.weekday),
            ("2022-03-11", Some(WeekdayCheck::ChoseYear))
        );
        // With the year given, a wrong weekday is flagged, not corrected.
        let got = r("op maandag 25 februari 2022", day(2022, 10, 1));
        assert_eq!(
            (got.value.as_str(), got.weekday),
            ("2022-02-25", Some(WeekdayCheck::Disagrees))
        );
    }

    #[test]
    fn absolute_dates_need_no_reference_and_relative_ones_do() {
        assert_eq!(value("sinds juli 1994", None), "since 1994-07");
        assert_eq!(value("in augustus 2020", None), "2020-08");
        assert_eq!(value("19 December 2022", None), "2022-12-19");
        assert_eq!(value("de jaren negentig", None), "199X");
        assert_eq!(value("the 1990s", None), "199X");
        assert_eq!(value("2022-12-19", None), "2022-12-19");
        assert_eq!(value("op 19-12-2022", None), "2022-12-19");
        assert_eq!(value("zomer van 2020", None), "2020-SU");
        assert_eq!(value("maandag", None), "-");
        assert_eq!(value("vorige week", None), "-");
        // 31 April does not exist.
        assert_eq!(value("31 april 2022", None), "-");
    }
}
