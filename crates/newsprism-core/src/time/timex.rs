//! TIMEX3, TimeML's annotation of time expressions: each expression's type (`DATE`, `TIME`,
//! `DURATION`, `SET`), value and modifier, and an article written as TimeML with its
//! expressions marked inline, so that results can be compared with HeidelTime's and scored
//! against TimeML gold.
//!
//! Values follow TIMEX3: `2022-12-19`, `2022-12-19TEV` (a part of the day), `2022-W51`,
//! `2022-02`, `2022-WI`, `2022`, `199X`, `P3Y`, `PT3H`, `PXY` (a number not given),
//! `PRESENT_REF`, `XXXX-WXX-1` (every Monday, or a Monday the text does not place). A date the
//! publication date leaves uncertain ("maandag" in an article dated December 2022) has
//! several candidates: [`Timex::value`] lists them joined by `|`, as Newsprism's own values
//! do, and [`Timex::timeml_value`] gives the standard's one value, with `X` where the text
//! does not say.

use serde::Serialize;

use super::calendar::WEEKDAY_NAMES;
use super::expressions::{Expression, Kind, Part, Reference, Unit};
use super::resolve::{format_value, Granularity, Resolution};
use super::timeline::{ArticleTime, Event};
use crate::article::Article;

/// One expression as TIMEX3.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The value; several candidates joined by `|`.
    pub value: String,
    /// One TIMEX3 value: the value when it is certain, else a pattern with `X` where the text
    /// leaves it open.
    pub timeml_value: String,
    /// `MORE_THAN`, `LESS_THAN`, `APPROX`, `EQUAL_OR_LESS`, `EQUAL_OR_MORE`, `START`, `MID`,
    /// `END`.
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
}

/// How many candidates a value lists before it gives the first and last.
const MAX_LISTED: usize = 8;

fn period(n: Option<i32>, unit: Unit) -> String {
    let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
    match unit {
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
    }
}

fn granularity_of(unit: Unit) -> Granularity {
    match unit {
        Unit::Week => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Day | Unit::Hour | Unit::Minute => Granularity::Day,
    }
}

/// A value with `X` for what the text leaves open.
fn open_value(kind: &Kind) -> String {
    match *kind {
        Kind::Weekday { weekday, .. } | Kind::WeekdayOfWeek { weekday, .. } => {
            format!("XXXX-WXX-{}", weekday + 1)
        }
        Kind::Date {
            year, month, day, ..
        } => match year {
            Some(y) => format!("{y:04}-{month:02}-{day:02}"),
            None => format!("XXXX-{month:02}-{day:02}"),
        },
        Kind::Month { month, .. } | Kind::MonthOf { month, .. } => format!("XXXX-{month:02}"),
        Kind::Quarter {
            quarter: Some(q), ..
        } => format!("XXXX-Q{q}"),
        Kind::Unit {
            unit: Unit::Week, ..
        }
        | Kind::Ago {
            unit: Unit::Week, ..
        } => "XXXX-WXX".into(),
        Kind::Unit {
            unit: Unit::Month, ..
        }
        | Kind::Ago {
            unit: Unit::Month, ..
        } => "XXXX-XX".into(),
        Kind::Unit {
            unit: Unit::Year, ..
        }
        | Kind::Ago {
            unit: Unit::Year, ..
        } => "XXXX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The TIMEX3 of expression `e`, placed as `r` says (if it could be).
pub fn timex(e: &Expression, r: Option<&Resolution>) -> Timex {
    let bound = e.modifier.map(|m| m.name());
    let (kind, value, modifier) = match e.kind {
        Kind::Duration { n, unit } => ("DURATION", period(n, unit), bound),
        Kind::Span { n, unit, .. } => ("DURATION", period(Some(n), unit), bound),
        Kind::Ago { n, unit } if e.since => ("DURATION", period(Some(n), unit), bound),
        Kind::Vague { reference } => {
            let v = match reference {
                Reference::Past => "PAST_REF",
                Reference::Present => "PRESENT_REF",
                Reference::Future => "FUTURE_REF",
            };
            ("DATE", v.to_string(), None)
        }
        Kind::Set {
            weekday: Some(wd), ..
        } => ("SET", format!("XXXX-WXX-{}", wd + 1), None),
        Kind::Set {
            unit,
            every,
            weekday: None,
        } => ("SET", period(Some(every as i32), unit), None),
        _ => {
            let kind = if e.day_part.is_some() || e.clock.is_some() {
                "TIME"
            } else {
                "DATE"
            };
            let modifier = match e.part {
                Some(Part::Start) => Some("START"),
                Some(Part::Mid) => Some("MID"),
                Some(Part::End) => Some("END"),
                _ if e.approx => Some("APPROX"),
                _ => None,
            };
            let value = match r {
                Some(r) => point_values(e, r),
                None => open_value(&e.kind),
            };
            (kind, value, modifier)
        }
    };
    let timeml_value = if value.contains('|') || value.contains("..") {
        let mut v = open_value(&e.kind);
        v.push_str(&time_of_day(e));
        v
    } else {
        value.clone()
    };
    Timex {
        kind,
        value,
        timeml_value,
        modifier,
    }
}

/// The time of day TIMEX3 appends to a day: a clock time ("T18:00", midnight "T24:00") or a
/// part of the day ("TEV").
fn time_of_day(e: &Expression) -> String {
    match (e.clock, e.day_part) {
        (Some((h, m)), _) => format!("T{h:02}:{m:02}"),
        (None, Some(part)) => part.code().to_string(),
        (None, None) => String::new(),
    }
}

/// A placed date's candidates at the unit the text speaks in, with the part of the day.
fn point_values(e: &Expression, r: &Resolution) -> String {
    let granularity = match (e.part, e.kind) {
        (Some(Part::Earlier | Part::Later), Kind::Unit { unit, .. }) => granularity_of(unit),
        _ => r.granularity,
    };
    let suffix = time_of_day(e);
    // TIMEX3 writes a decade as its first three digits ("198" for the 1980s), where
    // Newsprism's own value marks the open digit ("198X").
    let one = |day| match granularity {
        Granularity::Decade => format!("{:03}", super::calendar::civil(day).0.div_euclid(10)),
        Granularity::Century => format!("{:02}", super::calendar::civil(day).0.div_euclid(100)),
        _ => format!("{}{suffix}", format_value(day, granularity)),
    };
    let mut values: Vec<String> = r.candidates.iter().map(|c| one(c.start)).collect();
    values.dedup();
    if values.len() > MAX_LISTED {
        let last = values.pop().unwrap_or_default();
        return format!("{}..{last}", values[0]);
    }
    values.join("|")
}

impl Event {
    /// This event as TIMEX3.
    pub fn timex(&self) -> Timex {
        timex(&self.expression, self.resolution.as_ref())
    }
}

fn unit_name(unit: Unit, plural: bool) -> &'static str {
    match (unit, plural) {
        (Unit::Day, false) => "day",
        (Unit::Day, true) => "days",
        (Unit::Week, false) => "week",
        (Unit::Week, true) => "weeks",
        (Unit::Month, false) => "month",
        (Unit::Month, true) => "months",
        (Unit::Year, false) => "year",
        (Unit::Year, true) => "years",
        (Unit::Decade, false) => "decade",
        (Unit::Decade, true) => "decades",
        (Unit::Hour, false) => "hour",
        (Unit::Hour, true) => "hours",
        (Unit::Minute, false) => "minute",
        (Unit::Minute, true) => "minutes",
    }
}

/// In words, what an expression with no place in time says: "a duration of more than 3
/// years", "a duration of years", "the present", "every Monday", "every week".
pub fn describe(e: &Expression) -> String {
    match e.kind {
        Kind::Duration { n, unit } => {
            let bound = match e.modifier.map(|m| m.name()) {
                Some("MORE_THAN") => "more than ",
                Some("LESS_THAN") => "less than ",
                Some("APPROX") => "about ",
                Some("EQUAL_OR_LESS") => "at most ",
                Some("EQUAL_OR_MORE") => "at least ",
                _ => "",
            };
            match n {
                Some(n) => format!("a duration of {bound}{n} {}", unit_name(unit, n != 1)),
                None => format!("a duration of {}", unit_name(unit, true)),
            }
        }
        Kind::Vague { reference } => match reference {
            Reference::Past => "the past, unspecified".into(),
            Reference::Present => "the present".into(),
            Reference::Future => "the future, unspecified".into(),
        },
        Kind::Set {
            weekday: Some(wd), ..
        } => format!("every {}", WEEKDAY_NAMES[usize::from(wd % 7)]),
        Kind::Set { unit, every: 1, .. } => format!("every {}", unit_name(unit, false)),
        Kind::Set { unit, every, .. } => format!("every {every} {}", unit_name(unit, true)),
        _ => String::new(),
    }
}

/// Text as XML character data: markup characters escaped, and the characters XML 1.0 forbids
/// (control characters, U+FFFE, U+FFFF) replaced by U+FFFD, so the document stays well-formed
/// whatever the article holds.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The article as a TimeML document: its publication date as the `DCT`, its title, and its
/// text with every time expression marked inline as a `TIMEX3` (ids `t1`, `t2`, … in text
/// order). Captions and site furniture are included, as the timeline reads them.
pub fn timeml(article: &Article, time: &ArticleTime) -> String {
    let events = time.events.iter().chain(time.other.iter()).map(|e| &**e);
    timeml_of(article, events.collect())
}

/// [`timeml`] from the article's events however they are had (a timeline keeps them all).
pub(crate) fn timeml_of(article: &Article, mut events: Vec<&Event>) -> String {
    // Placed by a named event: an event in TimeML, not a TIMEX3.
    events.retain(|e| e.anchor.is_none());
    crate::sorting::sort_by_key(&mut events, |e| (e.paragraph, e.range.start));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    out.push_str(&format!("<DOCID>{}</DOCID>\n", escape(&article.file_name)));
    if let Some(d) = &article.pub_date {
        let iso = d.date.iso();
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{iso}\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">{iso}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str(&format!(
        "<TITLE>{}</TITLE>\n<TEXT>\n",
        escape(&article.title)
    ));
    let mut next = 1;
    for (p, para) in article.paragraphs.iter().enumerate() {
        let mut at = 0;
        for e in events.iter().filter(|e| e.paragraph == p) {
            if e.range.start < at || e.range.end > para.text.len() {
                continue;
            }
            let t = e.timex();
            out.push_str(&escape(&para.text[at..e.range.start]));
            out.push_str(&format!(
                "<TIMEX3 tid=\"t{next}\" type=\"{}\" value=\"{}\"",
                t.kind,
                escape(&t.timeml_value)
            ));
            if let Some(m) = t.modifier {
                out.push_str(&format!(" mod=\"{m}\""));
            }
            if t.value != t.timeml_value {
                // Not TIMEX3: the candidates the publication date leaves.
                out.push_str(&format!(" candidates=\"{}\"", escape(&t.value)));
            }
            out.push('>');
            out.push_str(&escape(&para.text[e.range.clone()]));
            out.push_str("</TIMEX3>");
            at = e.range.end;
            next += 1;
        }
        out.push_str(&escape(&para.text[at..]));
        out.push_str("\n\n");
    }
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::time::timeline::analyse;

    fn article(text: &str) -> Article {
        let mut corpus = Corpus::new();
        corpus.add_files(vec![("a.txt".into(), Ok(text.as_bytes().to_vec()))]);
        corpus.articles()[0].clone()
    }

    fn timexes(text: &str) -> Vec<(String, Timex)> {
        let a = article(text);
        let t = analyse(&a);
        let mut events: Vec<_> = t.events.iter().chain(t.other.iter()).collect();
        crate::sorting::sort_by_key(&mut events, |e| (e.paragraph, e.range.start));
        events.iter().map(|e| (e.text.clone(), e.timex())).collect()
    }

    #[test]
    fn each_kind_gets_its_timex3_type_value_and_modifier() {
        let found = timexes(
            " date 2022-12-20 Maandagavond sprak hij, voor het eerst in ruim drie jaar. \
             Nu is hij al jaren aan de macht; elke maandag overlegt hij, sinds februari. \
             Twee weken geleden, bijna een jaar geleden, begin dit jaar en maandag.",
        );
        let got: Vec<(&str, &str, &str, Option<&str>)> = found
            .iter()
            .map(|(text, t)| (text.as_str(), t.kind, t.value.as_str(), t.modifier))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Maandagavond", "TIME", "2022-12-19TEV", None),
                ("ruim drie jaar", "DURATION", "P3Y", Some("MORE_THAN")),
                ("Nu", "DATE", "PRESENT_REF", None),
                ("al jaren", "DURATION", "PXY", None),
                ("elke maandag", "SET", "XXXX-WXX-1", None),
                ("februari", "DATE", "2022-02", None),
                ("Twee weken geleden", "DATE", "2022-W49", None),
                ("bijna een jaar geleden", "DATE", "2021", Some("APPROX")),
                ("begin dit jaar", "DATE", "2022", Some("START")),
                ("maandag", "DATE", "2022-12-19", None),
            ]
        );
    }

    #[test]
    fn clock_times_are_times_of_their_day() {
        let found = timexes(
            " date 2004-12-27 The talks begin at 1800 GMT on Monday. He arrived at 3pm on \
             Tuesday and left at 10.30am. They have until midnight on 16 December. It ended at \
             7.45 p.m. yesterday. De vergadering begint maandag om 10.30 uur en om 18:00 uur is \
             het voorbij. Hij wachtte 10 uur lang; the score was 2-1.",
        );
        let got: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|(text, t)| (text.as_str(), t.kind, t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1800 GMT on Monday", "TIME", "2004-12-27T18:00"),
                ("3pm on Tuesday", "TIME", "2004-12-21T15:00"),
                ("10.30am", "TIME", "2004-12-27T10:30"),
                ("midnight on 16 December", "TIME", "2004-12-16T24:00"),
                ("7.45 p.m. yesterday", "TIME", "2004-12-26T19:45"),
                ("maandag om 10.30 uur", "TIME", "2004-12-27T10:30"),
                ("18:00 uur", "TIME", "2004-12-27T18:00"),
                ("10 uur", "DURATION", "PT10H"),
            ]
        );
    }

    #[test]
    fn that_year_takes_the_year_named_before_and_counted_repetitions_their_count() {
        let found = timexes(
            "Gent\n\nIn 1954 trouwde hij. Datzelfde jaar verhuisde hij. He won in 2001 and \
             later that year he lost. De vijfjaarlijkse verkiezingen en de tweewekelijkse markt.",
        );
        let got: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|(text, t)| (text.as_str(), t.kind, t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1954", "DATE", "1954"),
                ("Datzelfde jaar", "DATE", "1954"),
                ("2001", "DATE", "2001"),
                ("that year", "DATE", "2001"),
                ("vijfjaarlijkse", "SET", "P5Y"),
                ("tweewekelijkse", "SET", "P2W"),
            ]
        );
        // Nothing named before: no year is made up.
        assert!(timexes("Gent\n\nDatzelfde jaar verhuisde hij.")
            .iter()
            .all(|(_, t)| t.value != "1954"));
    }

    #[test]
    fn an_uncertain_date_lists_its_candidates_and_gives_timeml_a_pattern() {
        let found = timexes(" date 2022-12 Maandag kwam hij aan.");
        let t = &found[0].1;
        assert_eq!(t.value.split('|').count(), 5);
        assert_eq!(t.timeml_value, "XXXX-WXX-1");
    }

    #[test]
    fn timeml_marks_every_expression_inline_and_escapes_the_text() {
        let a = article(" date 2022-12 Poetin & Loekasjenko <spraken> maandag, al jaren.");
        let xml = timeml(&a, &analyse(&a));
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains("functionInDocument=\"CREATION_TIME\">2022-12</TIMEX3></DCT>"));
        assert!(xml.contains("Poetin &amp; Loekasjenko &lt;spraken&gt; "));
        assert!(xml.contains(
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-WXX-1\" candidates=\"2022-11-28|"
        ));
        assert!(xml.contains(">maandag</TIMEX3>, <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"PXY\">al jaren</TIMEX3>."));
        assert!(xml.trim_end().ends_with("</TimeML>"));
    }
}
