//! Placings the publication date leaves open, narrowed by what the rest of the article says:
//! a weekday named elsewhere with its full date, and the days a dated event bounds the
//! article's own day to ("maandag" in an article dated only December 2022 that says "op 12
//! december vertrok hij" is a Monday on or after 12 December).

use super::Event;
use crate::time::calendar::{civil, human_day, Day};
use crate::time::expressions::{self, Tense};
use crate::time::resolve::{resolve, Granularity, Interval};

/// A weekday the publication date leaves open ("maandag" in an article dated only December
/// 2022: five Mondays) is the one of its candidates that the article names with its full date
/// elsewhere ("maandag 19 december"), when exactly one is.
pub(super) fn settle_by_the_article(events: &mut [Event]) {
    let certain: Vec<(Day, String)> = events
        .iter()
        .filter(|e| !e.aside && e.anchor.is_none())
        .filter_map(|e| Some((e, e.resolution.as_ref()?)))
        .filter(|(_, r)| r.is_certain() && r.granularity == Granularity::Day && r.start == r.end)
        .map(|(e, r)| (r.start, e.text.clone()))
        .collect();
    if certain.is_empty() {
        return;
    }
    for e in events.iter_mut() {
        if !matches!(
            e.expression.kind,
            expressions::Kind::Weekday { .. } | expressions::Kind::WeekdayOfWeek { .. }
        ) {
            continue;
        }
        let Some(r) = e.resolution.as_ref().filter(|r| !r.is_certain()) else {
            continue;
        };
        let hits: Vec<(Interval, &String)> = r
            .candidates
            .iter()
            .filter_map(|c| Some((*c, &certain.iter().find(|(d, _)| *d == c.start)?.1)))
            .collect();
        if let [(one, words)] = hits.as_slice() {
            let settled = r.settled(*one, format!("“{words}” in the same article"));
            e.resolution = Some(settled);
        }
    }
}

/// The publication day of an article dated only by a month (or a wider span, `start..=end`)
/// lies on or after the last day the article names in the past tense within that span, and
/// before the first it names in the future tense. Relative placings (weekdays, "vorige week",
/// "een week geleden") are read again against the narrower span, with that evidence.
pub(super) fn narrow_by_the_article(events: &mut [Event], start: Day, end: Day) {
    if start >= end {
        return;
    }
    in_the_articles_span(events, start, end);
    let (mut lo, mut hi) = (start, end);
    let (mut after, mut before): (Option<String>, Option<String>) = (None, None);
    for e in events.iter().filter(|e| !e.aside) {
        let Some(r) = e.resolution.as_ref() else {
            continue;
        };
        let day = r.start;
        let dated = matches!(e.expression.kind, expressions::Kind::Date { .. });
        if !r.is_certain() || (r.relative && !dated) || r.granularity != Granularity::Day {
            continue;
        }
        match e.expression.tense {
            Tense::Past if day > lo && day <= hi => {
                lo = day;
                after = Some(e.text.clone());
            }
            Tense::Future if day <= hi && day > lo => {
                hi = day - 1;
                before = Some(e.text.clone());
            }
            _ => {}
        }
    }
    if (after.is_none() && before.is_none()) || lo > hi {
        return;
    }
    let mut why = Vec::new();
    if let Some(w) = &after {
        why.push(format!("on or after {} (“{w}” has passed)", human_day(lo)));
    }
    if let Some(w) = &before {
        why.push(format!(
            "before {} (“{w}” is still to come)",
            human_day(hi + 1)
        ));
    }
    let evidence = format!("the article is from {}", why.join(" and "));
    for e in events.iter_mut() {
        let Some(r) = e.resolution.as_ref() else {
            continue;
        };
        if !r.relative || r.is_certain() || r.settled_by.is_some() || e.anchor.is_some() {
            continue;
        }
        let Some(mut narrowed) = resolve(&e.expression, Some(lo..=hi)) else {
            continue;
        };
        if narrowed.candidates.len() < r.candidates.len() {
            narrowed.settled_by = Some(evidence.clone());
            e.resolution = Some(narrowed);
        }
    }
}

/// A day and month without a year ("op 12 december") in an article dated only by that month
/// is that month's day: of its readings (this year or last), the one in the article's span.
fn in_the_articles_span(events: &mut [Event], start: Day, end: Day) {
    for e in events.iter_mut() {
        if !matches!(
            e.expression.kind,
            expressions::Kind::Date { year: None, .. }
        ) {
            continue;
        }
        let Some(r) = e
            .resolution
            .as_ref()
            .filter(|r| !r.is_certain() && r.settled_by.is_none())
        else {
            continue;
        };
        let inside: Vec<Interval> = r
            .candidates
            .iter()
            .filter(|c| c.start >= start && c.end <= end)
            .copied()
            .collect();
        if let [one] = inside.as_slice() {
            let evidence = format!(
                "the article's own date ({} to {})",
                human_day(start),
                human_day(end)
            );
            e.resolution = Some(r.settled(*one, evidence));
        }
    }
}

/// "datzelfde jaar", "that year": the year of the nearest expression before it in the article
/// whose placing lies within one year, with that evidence.
pub(super) fn that_year(events: &mut [Event]) {
    for k in 0..events.len() {
        if events[k].expression.kind != expressions::Kind::ThatYear {
            continue;
        }
        let antecedent = events[..k].iter().rev().find_map(|e| {
            let r = e.resolution.as_ref()?;
            let (y0, y1) = (civil(r.start).0, civil(r.end).0);
            (y0 == y1
                && r.granularity != Granularity::Decade
                && r.granularity != Granularity::Century)
                .then(|| (y0, e.text.clone()))
        });
        let Some((year, words)) = antecedent else {
            continue;
        };
        let e = &mut events[k];
        e.expression.kind = expressions::Kind::Year { year };
        e.resolution = resolve(&e.expression, None).map(|mut r| {
            r.settled_by = Some(format!("the year of “{words}” before it"));
            r
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::parse_article;
    use crate::time::timeline::analyse;

    /// Each expression's words, value and evidence.
    fn placed(text: &str) -> Vec<(String, String, bool)> {
        let a = parse_article("a.txt", text.as_bytes()).unwrap().article;
        analyse(&a)
            .events
            .iter()
            .filter_map(|e| {
                let r = e.resolution.as_ref()?;
                Some((e.text.clone(), r.value.clone(), r.settled_by.is_some()))
            })
            .collect()
    }

    #[test]
    fn dated_events_bound_the_day_of_an_article_dated_by_its_month() {
        let got = placed(
            " date 2022-12 Op 12 december vertrok hij naar Minsk. Maandag sprak hij met \
             Loekasjenko. Een week geleden was hij in Moskou. Op 30 december zal hij terugkeren.",
        );
        let want = [
            ("12 december", "2022-12-12", true),
            ("Maandag", "2022-12-12|2022-12-19|2022-12-26", true),
            ("Een week geleden", "2022-W49|2022-W50|2022-W51", true),
            ("30 december", "2022-12-30", true),
        ];
        let want: Vec<(String, String, bool)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
            .collect();
        assert_eq!(got, want);
        // Nothing dated: the five Mondays stay, with no evidence claimed.
        let open = placed(" date 2022-12 Maandag sprak hij met Loekasjenko.");
        assert_eq!(
            open,
            [(
                "Maandag".to_string(),
                "2022-11-28|2022-12-05|2022-12-12|2022-12-19|2022-12-26".to_string(),
                false
            )]
        );
    }
}
