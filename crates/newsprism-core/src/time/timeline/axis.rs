//! Axis ticks for a span of days: pure arithmetic, tested natively.

use crate::time::calendar::{civil, day_of, Day, MONTH_ABBR};

/// A tick on the time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The day it marks.
    pub day: Day,
    /// Its label.
    pub label: String,
    /// Whether it starts a larger unit (a year on a month axis, a month on a day axis).
    pub major: bool,
}

/// Axis ticks for the days `start..=end`: the finest of days, weeks, months, quarters,
/// years, decades or centuries that gives at most `max` ticks. The year is always in view: the
/// first tick names it when its label does not.
pub fn ticks(start: Day, end: Day, max: usize) -> Vec<Tick> {
    let mut out = plain_ticks(start, end, max);
    if let Some(first) = out.first_mut() {
        let has_year = first.label.len() >= 4 && first.label.chars().all(|c| c.is_ascii_digit())
            || first
                .label
                .split(' ')
                .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
        if !has_year {
            let (y, m, dd) = civil(first.day);
            let month = MONTH_ABBR[usize::from(m - 1)];
            first.label = if first.label.chars().all(|c| c.is_ascii_digit()) {
                format!("{dd} {month} {y}")
            } else {
                format!("{} {y}", first.label)
            };
        }
    }
    out
}

fn plain_ticks(start: Day, end: Day, max: usize) -> Vec<Tick> {
    let max = max.max(2);
    let span = (end - start).max(1) as usize;
    let (sy, _, _) = civil(start);
    let (ey, _, _) = civil(end);
    if span < max {
        return (start..=end)
            .map(|d| {
                let (y, m, dd) = civil(d);
                Tick {
                    day: d,
                    label: if dd == 1 {
                        format!("{} {}", MONTH_ABBR[usize::from(m - 1)], y)
                    } else {
                        dd.to_string()
                    },
                    major: dd == 1,
                }
            })
            .collect();
    }
    if span / 7 < max {
        let first = crate::time::calendar::week_start(start) + 7;
        return (0..)
            .map(|k| first + 7 * k)
            .take_while(|&d| d <= end)
            .map(|d| {
                let (_, m, dd) = civil(d);
                Tick {
                    day: d,
                    label: format!("{dd} {}", MONTH_ABBR[usize::from(m - 1)]),
                    major: dd <= 7,
                }
            })
            .collect();
    }
    for step in [1u8, 3, 6] {
        if span / (30 * usize::from(step)) < max {
            let mut out = Vec::new();
            for y in sy..=ey {
                for m in (1..=12).step_by(usize::from(step)) {
                    let d = day_of(y, m, 1);
                    if d >= start && d <= end {
                        out.push(Tick {
                            day: d,
                            label: if m == 1 {
                                y.to_string()
                            } else {
                                MONTH_ABBR[usize::from(m - 1)].to_string()
                            },
                            major: m == 1,
                        });
                    }
                }
            }
            return out;
        }
    }
    for step in [1i32, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
        if span / (365 * step as usize) < max {
            let first = sy.div_euclid(step) * step;
            return (0..)
                .map(|k| first + step * k)
                .take_while(|&y| y <= ey)
                .map(|y| (y, day_of(y, 1, 1)))
                .filter(|&(_, d)| d >= start && d <= end)
                .map(|(y, d)| Tick {
                    day: d,
                    label: y.to_string(),
                    major: y % (step * 5) == 0,
                })
                .collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn a_few_days_get_a_tick_each_and_a_month_start_names_its_month() {
        let t = ticks(day_of(2022, 11, 29), day_of(2022, 12, 2), 12);
        assert_eq!(labels(&t), ["29 Nov 2022", "30", "Dec 2022", "2"]);
        assert_eq!(t.iter().filter(|t| t.major).count(), 1);
    }

    #[test]
    fn a_quarter_gets_month_ticks() {
        let t = ticks(day_of(2022, 10, 1), day_of(2022, 12, 31), 12);
        assert_eq!(labels(&t), ["Oct 2022", "Nov", "Dec"]);
        assert!(t.iter().all(|t| !t.major));
    }

    #[test]
    fn weeks_name_the_year_on_their_first_tick() {
        let t = ticks(day_of(2008, 7, 1), day_of(2008, 8, 20), 12);
        assert_eq!(t[0].label, "7 Jul 2008");
        assert!(t[1..].iter().all(|t| !t.label.contains("2008")));
        // Year ticks already name it.
        assert_eq!(
            ticks(day_of(2001, 1, 1), day_of(2009, 1, 1), 12)[0].label,
            "2001"
        );
    }

    #[test]
    fn decades_get_round_years_with_the_rounder_ones_major() {
        let t = ticks(day_of(1988, 1, 1), day_of(2026, 12, 31), 10);
        assert_eq!(
            labels(&t),
            ["1990", "1995", "2000", "2005", "2010", "2015", "2020", "2025"]
        );
        let major: Vec<&str> = t
            .iter()
            .filter(|t| t.major)
            .map(|t| t.label.as_str())
            .collect();
        assert_eq!(major, ["2000", "2025"]);
    }

    #[test]
    fn ticks_stay_within_the_span_and_near_the_limit() {
        let start = day_of(2004, 1, 1);
        for days in [1, 6, 40, 200, 800, 5000, 40_000, 400_000] {
            for max in [2, 6, 12, 30] {
                let t = ticks(start, start + days, max);
                assert!(t.iter().all(|t| t.day >= start && t.day <= start + days));
                assert!(
                    t.len() <= max + 2,
                    "{days} days, max {max}: {} ticks",
                    t.len()
                );
                assert!(t.windows(2).all(|w| w[0].day < w[1].day));
            }
        }
    }
}
