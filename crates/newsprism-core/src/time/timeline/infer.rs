//! Publication dates inferred for undated articles: a window from the latest date the text
//! names as past to the first it names as still to come. Plans, forecasts and deadlines are
//! no evidence of when a text was written.

use serde::Serialize;

use super::super::calendar::{civil, human_day, span_of, Day};
use super::super::expressions::{looks_past, Kind, Tense};
use super::super::resolve::{Granularity, Resolution};
use super::Event;
use crate::article::{PartialDate, PubDate};

/// A publication date inferred from the text of an undated article: a window, from the latest
/// date the text names as past (the article is from then or later) to, when the text speaks of
/// a later date as still to come, the end of that date (it was written before).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inferred {
    /// The latest date the text names, at its own precision: the window's start.
    pub date: PartialDate,
    /// The words it rests on and how they were read.
    pub evidence: String,
    /// The window's end, when the text names a date as still to come.
    pub until: Option<Bound>,
}

/// The end of an inferred window: a date the text speaks of as still to come.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bound {
    /// The date, at its own precision (the article was written before it ended).
    pub date: PartialDate,
    /// The words it rests on.
    pub evidence: String,
}

impl Inferred {
    /// As a publication date with its provenance.
    pub fn to_pub_date(&self) -> PubDate {
        PubDate {
            date: self.date,
            provenance: crate::article::Provenance::Inferred {
                evidence: self.evidence.clone(),
            },
        }
    }

    /// The window in words: "Mar 2005 or later", or "between Mar 2005 and 2006".
    pub fn window(&self) -> String {
        match &self.until {
            Some(b) => format!("between {} and {}", self.date.human(), b.date.human()),
            None => format!("{} or later", self.date.human()),
        }
    }

    /// The days the window covers: from the start of its first date to the end of its last.
    pub fn span(&self) -> (Day, Day) {
        let (start, end) = span_of(&self.date);
        match &self.until {
            Some(b) => (start, span_of(&b.date).1.max(end)),
            None => (start, end),
        }
    }
}

/// The latest placed date among the events, as an inferred publication date: dates in sentences
/// about the future, plans and forecasts, and deadlines ("by 2006") are left out.
pub(super) fn infer(events: &[Event]) -> Option<Inferred> {
    let latest = events
        .iter()
        .filter_map(|e| Some((e, e.resolution.as_ref()?)))
        // A date in a sentence about the future ("the election in 2006") is not evidence
        // that the article was written after it.
        .filter(|(e, r)| {
            r.is_certain()
                && !e.aside
                // "een jaar na de invasie" counts forward from an event: no evidence of when.
                && (e.anchor.is_none() || e.expression.since)
                && e.expression.tense != Tense::Future
                && !looks_ahead(e)
        })
        .max_by_key(|(_, r)| (r.end, r.start))?;
    let (event, r) = latest;
    let date = date_of(r)?;
    let how = match (&event.expression.kind, r.weekday) {
        (Kind::Date { year: None, .. }, Some(_)) => {
            format!(
                " (read as {}: the weekday fixes the year)",
                human_day(r.start)
            )
        }
        _ => String::new(),
    };
    let until = until(events, r.end);
    Some(Inferred {
        date,
        evidence: format!(
            "the latest date the text names: “{}”{how}; the article is from then or later",
            event.text
        ),
        until,
    })
}

/// A placed date as a date at its own precision (a week or a season as its month), taken at
/// its last day.
fn date_of(r: &Resolution) -> Option<PartialDate> {
    let (y, m, d) = civil(r.end);
    match r.granularity {
        Granularity::Day => PartialDate::day(y, m, d),
        Granularity::Week | Granularity::Month | Granularity::Quarter | Granularity::Season => {
            PartialDate::month(y, m)
        }
        Granularity::Year | Granularity::Decade | Granularity::Century => PartialDate::year(y),
    }
}

/// Words that put what follows them in the future.
const WILL: &[&str] = &["will", "shall", "ll", "zal", "zullen", "zult"];

/// Whether the date itself is spoken of as still to come: a "will"/"zal" at most six words
/// before it, with no past form between ("will play the man he beat in the 2003 final") and
/// no "from"/"since" between ("will fall from 20% in May 2002"). The sentence's own tense is
/// not asked: "officials said the summit will be held in June" looks ahead all the same.
fn still_to_come(event: &Event) -> bool {
    let offset = event.range.start.saturating_sub(event.sentence.start);
    let before = event
        .sentence_text
        .get(..offset)
        .unwrap_or_default()
        .to_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let recent = &words[words.len().saturating_sub(6)..];
    let Some(cue) = recent.iter().rposition(|w| WILL.contains(w)) else {
        return false;
    };
    let between = &recent[cue + 1..];
    let from = between
        .iter()
        .any(|w| matches!(*w, "from" | "since" | "van" | "vanaf" | "sinds" | "uit"));
    !from && !between.iter().any(|w| looks_past(w))
}

/// The earliest date after `after` that the text speaks of as still to come ("will", "zal"),
/// known exactly: the article was written before it ended. Dates in sentences of mere
/// possibility ("could", "may") or told in the past ("said it would") are left out.
fn until(events: &[Event], after: Day) -> Option<Bound> {
    let (event, r) = events
        .iter()
        .filter_map(|e| Some((e, e.resolution.as_ref()?)))
        .filter(|(e, r)| {
            r.is_certain() && !e.aside && r.start > after && !e.expression.since && still_to_come(e)
        })
        .min_by_key(|(_, r)| (r.end, r.start))?;
    let date = date_of(r)?;
    Some(Bound {
        date,
        evidence: format!(
            "“{}” is spoken of as still to come: the article is from before it ended",
            event.text
        ),
    })
}

/// Words before a date that make it a deadline or the end of a span ("by 2007", "until 2010",
/// "tot 2030", "tegen 2025"): the date may lie after the text was written.
const DEADLINE_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "through",
    "to",
    "before",
    "tot",
    "tegen",
    "uiterlijk",
    "voor",
];

/// Words in a sentence that make its dates plans, forecasts or possibilities, not events.
const PROSPECT_WORDS: &[&str] = &[
    "could",
    "would",
    "should",
    "might",
    "may",
    "hope",
    "hopes",
    "hoped",
    "plan",
    "plans",
    "planned",
    "aim",
    "aims",
    "target",
    "targets",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "predict",
    "predicts",
    "predicted",
    "projected",
    "projection",
    "likely",
    "due",
    "intends",
    "goal",
    "will",
    "shall",
    "zal",
    "zullen",
    "zou",
    "zouden",
    "kan",
    "kunnen",
    "moet",
    "moeten",
    "verwacht",
    "verwachten",
    "voorspelt",
    "voorspellen",
    "plan",
    "plannen",
    "doel",
    "streeft",
    "wil",
    "willen",
];

/// Whether a date looks ahead: a deadline or the end of a span, or a date in a sentence of
/// plans and forecasts. Such a date says nothing of when the text was written.
fn looks_ahead(event: &Event) -> bool {
    let offset = event.range.start.saturating_sub(event.sentence.start);
    let before = event.sentence_text.get(..offset).unwrap_or_default();
    let previous = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase);
    let first = event
        .text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    let after = event.range.end.saturating_sub(event.sentence.start);
    let next = event
        .sentence_text
        .get(after..)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    let deadline = previous
        .iter()
        .chain(&first)
        .any(|w| DEADLINE_WORDS.contains(&w.as_str()))
        || next
            .is_some_and(|w| matches!(w.as_str(), "onwards" | "deadline" | "target" | "horizon"));
    let lower = event.sentence_text.to_lowercase();
    let prospect = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| PROSPECT_WORDS.contains(&w));
    deadline || prospect
}

#[cfg(test)]
mod tests {
    use super::super::analyse;
    use super::*;

    fn inferred(text: &str) -> Option<Inferred> {
        let article = crate::ingest::parse_article("t.txt", text.as_bytes())
            .expect("parses")
            .article;
        analyse(&article).inferred
    }

    #[test]
    fn a_date_still_to_come_closes_the_window() {
        let i = inferred(
            "Talks on the treaty began in March 2005 in Geneva. The next summit will be held in June 2006, officials said.",
        )
        .expect("a date is inferred");
        assert_eq!(i.window(), "between Mar 2005 and Jun 2006");
        let b = i.until.as_ref().expect("a bound");
        assert!(b.evidence.contains("June 2006"), "{}", b.evidence);
        assert!(i.span().1 > span_of(&i.date).1);
    }

    #[test]
    fn a_past_date_in_a_sentence_about_the_future_closes_nothing() {
        for text in [
            "The draw was made in March 2005. Agassi will play the man he beat in the 2006 final in the next round.",
            "Figures came out in March 2005. Unemployment is set to slip below 13%, and will fall from 20% in May 2006.",
            "Prices rose in March 2005. Some will recall the news footage of farmers driving around the Capitol in 2006.",
        ] {
            let i = inferred(text).expect("a date is inferred");
            assert_eq!(i.until, None, "{text}");
            assert_eq!(i.window(), "Mar 2005 or later");
        }
    }
}
