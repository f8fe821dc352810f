//! Resolution against references of every precision, tense, year boundaries and weekdays.

use super::*;
use crate::time::calendar::{month_end, month_start, year_end, year_start};
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
        // A distance back is given in its own unit: a week, a year.
        ("Twee weken geleden besloot hij.", "2022-W49"),
        ("Dat gebeurde in juni.", "2022-06"),
        ("Dat gebeurt in februari.", "2022-02"),
        ("Hij zal in februari komen.", "2023-02"),
        ("de komende drie jaar", "2022..2025"),
        ("Begin dit jaar liet hij het leger aanvallen.", "2022 start"),
        ("Eind vorig jaar was het rustig.", "2021 end"),
        ("bijna een jaar geleden", "~2021"),
        ("drie maanden geleden", "2022-09"),
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
    // The future of a past saying lies after the text's date; "would have" is a past.
    assert_eq!(
        value("He said talks would resume on Saturday.", r()),
        "2022-10-15"
    );
    assert_eq!(
        value("The firm said it would list in September.", r()),
        "2023-09"
    );
    assert_eq!(value("Hij zei dat hij zou komen in maart.", r()), "2023-03");
    assert_eq!(value("He would have won on Saturday.", r()), "2022-10-08");
    assert_eq!(
        value(
            "Het was onduidelijk of ze zouden komen, maar zaterdag kwamen ze.",
            r()
        ),
        "2022-10-08"
    );
}

#[test]
fn a_weekday_of_a_named_week_is_that_weeks_day() {
    let r = || Some(day(2022, 12, 21)); // a Wednesday
    let cases = [
        ("Vorige week maandag sprak Poetin in Minsk.", "2022-12-12"),
        ("Maandag vorige week sprak hij.", "2022-12-12"),
        ("Volgende week woensdag komt hij terug.", "2022-12-28"),
        ("Hij komt woensdag van volgende week.", "2022-12-28"),
        ("Deze week vrijdag beslist hij.", "2022-12-23"),
        ("The talks began on Monday of last week.", "2022-12-12"),
        ("He flies out on Friday next week.", "2022-12-30"),
    ];
    for (text, want) in cases {
        assert_eq!(value(text, r()), want, "{text}");
    }
    // One expression, not a week and a weekday.
    assert_eq!(extract("vorige week maandag").len(), 1);
    assert_eq!(extract("Monday of last week").len(), 1);
    // Against a month: one Monday for each week the "last week" could be.
    let r = resolve(
        &extract("Maandag vorige week kwam hij.")[0],
        Some(month(2022, 12)),
    )
    .unwrap();
    assert_eq!(r.candidates.len(), 5);
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

#[test]
fn ranges_spans_centuries_and_clause_tense() {
    let r = || Some(day(2004, 12, 10)); // a Friday
                                        // The first end of a range takes the second's year.
    assert_eq!(
        value("24 maart - 2 april 1992 vloog hij.", r()),
        "1992-03-24"
    );
    assert_eq!(
        value("From December to March 2005 it rained.", r()),
        "2004-12"
    );
    // "the next year" is the twelve months from the date; "next year" the calendar year.
    assert_eq!(
        value("Sales will grow in the next year.", r()),
        "2004..2005"
    );
    assert_eq!(value("Sales will grow next year.", r()), "2005");
    assert_eq!(value("by the end of the year", r()), "2004 end");
    assert_eq!(value("It launches within the month.", r()), "2004-12");
    assert_eq!(value("in de 19e eeuw", None), "18XX");
    // The clause's own verb decides, not a saying in another clause.
    assert_eq!(
        value("They have until 16 December and a spokesman said it.", r()),
        "2004-12-16"
    );
    // "long-awaited" is no past; "is set for" is a future.
    assert_eq!(
        value(
            "City is set for a boost when Weaver makes his long-awaited return on Tuesday.",
            r()
        ),
        "2004-12-14"
    );
}
