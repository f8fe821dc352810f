//! Days as plain numbers, so intervals are pairs of integers.
//!
//! A [`Day`] counts days since 1970-01-01 in the proleptic Gregorian calendar. The conversions
//! are Howard Hinnant's `days_from_civil`/`civil_from_days`, exact for every year
//! `PartialDate` allows; a date crate would add tens of kilobytes to the page for these few
//! lines.

use crate::article::{days_in_month, PartialDate};

/// A calendar day, counted from 1970-01-01 (day 0).
pub type Day = i32;

/// The day number of a calendar date. `month` is 1–12; `day` is not checked.
pub fn day_of(year: i32, month: u8, day: u8) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i32::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i32::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number: (year, month, day).
pub fn civil(day: Day) -> (i32, u8, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// The weekday of a day: 0 = Monday … 6 = Sunday.
pub fn weekday(day: Day) -> u8 {
    // 1970-01-01 was a Thursday (3).
    (day + 3).rem_euclid(7) as u8
}

/// The first day of the year.
pub fn year_start(year: i32) -> Day {
    day_of(year, 1, 1)
}

/// The last day of the year.
pub fn year_end(year: i32) -> Day {
    day_of(year, 12, 31)
}

/// The first day of a month.
pub fn month_start(year: i32, month: u8) -> Day {
    day_of(year, month, 1)
}

/// The last day of a month.
pub fn month_end(year: i32, month: u8) -> Day {
    day_of(year, month, days_in_month(year, month))
}

/// Adds `n` months to (year, month).
pub fn add_months(year: i32, month: u8, n: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + n;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// The Monday that starts the ISO week holding `day`.
pub fn week_start(day: Day) -> Day {
    day - i32::from(weekday(day))
}

/// The ISO week (year, week number) holding `day`.
pub fn iso_week(day: Day) -> (i32, u8) {
    // The week's Thursday decides its year.
    let thursday = week_start(day) + 3;
    let (year, _, _) = civil(thursday);
    let week = (thursday - year_start(year)) / 7 + 1;
    (year, week as u8)
}

/// The days a partial date covers: one day, a month or a year.
pub fn span_of(date: &PartialDate) -> (Day, Day) {
    let y = date.year_value();
    match (date.month_value(), date.day_value()) {
        (Some(m), Some(d)) => {
            let day = day_of(y, m, d);
            (day, day)
        }
        (Some(m), None) => (month_start(y, m), month_end(y, m)),
        _ => (year_start(y), year_end(y)),
    }
}

/// `2022-12-19` for a day.
pub fn iso_day(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// English month abbreviations, January first.
pub const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `19 Dec 2022` for a day.
pub fn human_day(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{d} {} {y}", MONTH_ABBR[usize::from(m - 1)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (1900, 3, 1),
            (2022, 12, 19),
            (1, 1, 1),
        ] {
            assert_eq!(civil(day_of(y, m, d)), (y, m, d));
        }
        assert_eq!(day_of(1970, 1, 1), 0);
        for day in -800_000..-799_000 {
            let (y, m, d) = civil(day);
            assert_eq!(day_of(y, m, d), day);
        }
    }

    #[test]
    fn weekdays_match_the_calendar() {
        // 19 December 2022 was a Monday; 25 February 2022 a Friday; 1 January 2000 a Saturday.
        assert_eq!(weekday(day_of(2022, 12, 19)), 0);
        assert_eq!(weekday(day_of(2022, 2, 25)), 4);
        assert_eq!(weekday(day_of(2000, 1, 1)), 5);
    }

    #[test]
    fn iso_weeks_cross_year_boundaries() {
        assert_eq!(iso_week(day_of(2022, 12, 19)), (2022, 51));
        assert_eq!(iso_week(day_of(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(day_of(2024, 12, 30)), (2025, 1));
    }

    #[test]
    fn months_add_across_years() {
        assert_eq!(add_months(2022, 12, 1), (2023, 1));
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(add_months(2022, 12, -12), (2021, 12));
    }
}
