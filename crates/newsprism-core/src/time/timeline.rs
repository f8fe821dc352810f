//! The timeline of a corpus: publication dates, the events each text mentions, groups of
//! mentions of the same date across texts, axis ticks, query trends and exports.
//!
//! Everything the timeline view draws is computed here; the view only maps days to pixels.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::calendar::{civil, day_of, human_day, iso_day, span_of, Day, MONTH_ABBR};
use super::expressions::{extract, Expression, Kind};
use super::resolve::{needs_reference, resolve, resolve_by_weekday, Granularity, Resolution};
use crate::article::{Article, ArticleId, PartialDate, Precision, PubDate};
use crate::export::{csv_row, CSV_EOL};
use crate::text::sentence::sentences;

/// One mention of a date in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// The article.
    pub article: ArticleId,
    /// The paragraph (index into `Article::paragraphs`).
    pub paragraph: usize,
    /// The sentence's byte range in the paragraph.
    pub sentence: Range<usize>,
    /// The expression's byte range in the paragraph.
    pub range: Range<usize>,
    /// The words matched.
    pub text: String,
    /// The whole sentence.
    pub sentence_text: String,
    /// What the words say.
    pub expression: Expression,
    /// Where it lies in time; `None` when it needs a publication date the article lacks.
    pub resolution: Option<Resolution>,
}

/// A publication date inferred from the text of an undated article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inferred {
    /// The latest date the text names, at its own precision.
    pub date: PartialDate,
    /// The words it rests on and how they were read.
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
}

/// What the timeline knows about one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleTime {
    /// The events it mentions, in text order.
    pub events: Vec<Event>,
    /// For an undated article: the date inferred from its text, if any.
    pub inferred: Option<Inferred>,
}

/// Finds and places every temporal expression in an article's content paragraphs (site
/// furniture is left out), against its publication date.
///
/// An undated article gets its absolute dates placed and, from the latest of them, an
/// inferred date; year-less dates with a weekday are placed by the weekday from the latest
/// year the text names on. Its relative expressions ("maandag", "vorige week") stay unplaced:
/// the inferred date is only a lower bound, too weak to count from.
pub fn analyse(article: &Article) -> ArticleTime {
    let mut events = Vec::new();
    for (p, para) in article.paragraphs.iter().enumerate() {
        if !para.kind.is_content() {
            continue;
        }
        for sentence in sentences(&para.text) {
            let text = &para.text[sentence.clone()];
            for e in extract(text) {
                let range = sentence.start + e.range.start..sentence.start + e.range.end;
                events.push(Event {
                    article: article.id,
                    paragraph: p,
                    sentence: sentence.clone(),
                    text: para.text[range.clone()].to_string(),
                    range,
                    sentence_text: text.to_string(),
                    expression: e,
                    resolution: None,
                });
            }
        }
    }
    let mut inferred = None;
    match &article.pub_date {
        Some(date) => {
            let (start, end) = span_of(&date.date);
            for ev in &mut events {
                ev.resolution = resolve(&ev.expression, Some(start..=end));
            }
        }
        None => {
            for ev in &mut events {
                if !needs_reference(&ev.expression) {
                    ev.resolution = resolve(&ev.expression, None);
                }
            }
            let floor = events
                .iter()
                .filter_map(|e| e.resolution.as_ref())
                .map(|r| civil(r.start).0)
                .max();
            if let Some(floor) = floor {
                for ev in &mut events {
                    if ev.resolution.is_none() {
                        ev.resolution = resolve_by_weekday(&ev.expression, floor);
                    }
                }
            }
            inferred = infer(&events);
        }
    }
    ArticleTime { events, inferred }
}

/// The latest placed date among the events, as an inferred publication date.
fn infer(events: &[Event]) -> Option<Inferred> {
    let latest = events
        .iter()
        .filter_map(|e| Some((e, e.resolution.as_ref()?)))
        // A date in a sentence about the future ("the election in 2006") is not evidence
        // that the article was written after it.
        .filter(|(e, r)| r.is_certain() && e.expression.tense != super::expressions::Tense::Future)
        .max_by_key(|(_, r)| (r.end, r.start))?;
    let (event, r) = latest;
    let (y, m, d) = civil(r.end);
    let date = match r.granularity {
        Granularity::Day => PartialDate::day(y, m, d)?,
        Granularity::Week | Granularity::Month | Granularity::Season => PartialDate::month(y, m)?,
        Granularity::Year | Granularity::Decade => PartialDate::year(y)?,
    };
    let how = match (&event.expression.kind, r.weekday) {
        (Kind::Date { year: None, .. }, Some(_)) => {
            format!(
                " (read as {}: the weekday fixes the year)",
                human_day(r.start)
            )
        }
        _ => String::new(),
    };
    Some(Inferred {
        date,
        evidence: format!(
            "the latest date the text names: “{}”{how}; the article is from then or later",
            event.text
        ),
    })
}

/// The mentions of one date across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The shared value (`2022-02`, or the set of possible Mondays).
    pub key: String,
    /// First day.
    pub start: Day,
    /// Last day.
    pub end: Day,
    /// The unit.
    pub granularity: Granularity,
    /// Whether the date is known exactly.
    pub certain: bool,
    /// Indexes into [`Timeline::events`], in article order.
    pub events: Vec<usize>,
    /// How many different articles mention it.
    pub articles: usize,
}

/// One article on the publication track.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Publication {
    /// The article.
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// Its source for display.
    pub source: String,
    /// Its publication date from the file or the user.
    pub date: Option<PubDate>,
    /// Its inferred date, when the file gives none.
    pub inferred: Option<Inferred>,
    /// The days its (given or inferred) date covers; `None` means undated.
    pub span: Option<(Day, Day)>,
}

/// Everything the timeline view shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// Every article, in the order given.
    pub publications: Vec<Publication>,
    /// Every event of every article.
    pub events: Vec<Event>,
    /// Placed events grouped by their date, earliest first.
    pub groups: Vec<Group>,
}

impl Timeline {
    /// Builds the timeline of `articles`.
    pub fn build<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Timeline {
        let mut t = Timeline::default();
        for a in articles {
            let time = analyse(a);
            let span = a
                .pub_date
                .as_ref()
                .map(|d| span_of(&d.date))
                .or_else(|| time.inferred.as_ref().map(|i| span_of(&i.date)));
            t.publications.push(Publication {
                id: a.id,
                title: a.title.clone(),
                source: a.source_label().to_string(),
                date: a.pub_date.clone(),
                inferred: time.inferred,
                span,
            });
            t.events.extend(time.events);
        }
        let mut by_key: BTreeMap<(Day, Day, String), Vec<usize>> = BTreeMap::new();
        for (i, e) in t.events.iter().enumerate() {
            if let Some(r) = &e.resolution {
                by_key
                    .entry((r.start, r.end, r.key().to_string()))
                    .or_default()
                    .push(i);
            }
        }
        t.groups = by_key
            .into_iter()
            .map(|((start, end, key), events)| {
                let mut ids: Vec<ArticleId> = events.iter().map(|&i| t.events[i].article).collect();
                ids.sort_unstable();
                ids.dedup();
                let r = t.events[events[0]].resolution.as_ref();
                Group {
                    key,
                    start,
                    end,
                    granularity: r.map_or(Granularity::Day, |r| r.granularity),
                    certain: r.is_some_and(Resolution::is_certain),
                    events,
                    articles: ids.len(),
                }
            })
            .collect();
        t
    }

    /// The first and last day anything on the timeline covers.
    pub fn extent(&self) -> Option<(Day, Day)> {
        let spans = self
            .publications
            .iter()
            .filter_map(|p| p.span)
            .chain(self.groups.iter().map(|g| (g.start, g.end)));
        spans.fold(None, |acc, (s, e)| match acc {
            None => Some((s, e)),
            Some((a, b)) => Some((a.min(s), b.max(e))),
        })
    }

    /// One export row per event, publications looked up once.
    fn rows(&self) -> Vec<EventRow<'_>> {
        let publications: rustc_hash::FxHashMap<ArticleId, &Publication> =
            self.publications.iter().map(|p| (p.id, p)).collect();
        self.events
            .iter()
            .map(|e| {
                let p = publications.get(&e.article);
                let r = e.resolution.as_ref();
                EventRow {
                    article_id: e.article.to_string(),
                    title: p.map_or("", |p| p.title.as_str()),
                    source: p.map_or("", |p| p.source.as_str()),
                    published: p.and_then(|p| p.date.as_ref()).map(|d| d.date.iso()),
                    paragraph: e.paragraph,
                    offset: e.range.start,
                    expression: &e.text,
                    sentence: &e.sentence_text,
                    tense: e.expression.tense,
                    value: r.map(|r| r.value.as_str()),
                    start: r.map(|r| iso_day(r.start)),
                    end: r.map(|r| iso_day(r.end)),
                    granularity: r.map(|r| r.granularity.name()),
                    certain: r.map(Resolution::is_certain),
                    candidates: r
                        .map(|r| {
                            r.candidates
                                .iter()
                                .map(|c| [iso_day(c.start), iso_day(c.end)])
                                .collect()
                        })
                        .unwrap_or_default(),
                    weekday_check: r.and_then(|r| r.weekday),
                }
            })
            .collect()
    }

    /// The events as CSV, one row per mention, with a header row.
    pub fn events_csv(&self) -> String {
        let mut out = csv_row(&[
            "article_id",
            "title",
            "source",
            "published",
            "paragraph",
            "expression",
            "value",
            "start",
            "end",
            "granularity",
            "certain",
            "candidates",
            "weekday_check",
            "tense",
            "sentence",
        ]);
        out.push_str(CSV_EOL);
        for row in self.rows() {
            let cells = [
                row.article_id,
                row.title.to_string(),
                row.source.to_string(),
                row.published.unwrap_or_default(),
                row.paragraph.to_string(),
                row.expression.to_string(),
                row.value.unwrap_or_default().to_string(),
                row.start.unwrap_or_default(),
                row.end.unwrap_or_default(),
                row.granularity.unwrap_or_default().to_string(),
                row.certain.map(|c| c.to_string()).unwrap_or_default(),
                row.value
                    .map(|_| row.candidates.len().to_string())
                    .unwrap_or_default(),
                row.weekday_check
                    .map(|w| w.name().to_string())
                    .unwrap_or_default(),
                row.tense.name().to_string(),
                row.sentence.to_string(),
            ];
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            out.push_str(&csv_row(&refs));
            out.push_str(CSV_EOL);
        }
        out
    }

    /// The events as JSON: an array of objects with the same fields as the CSV, plus the
    /// offset of the expression and the candidate intervals.
    pub fn events_json(&self) -> String {
        serde_json::to_string_pretty(&self.rows()).unwrap_or_else(|_| "[]".to_string())
    }
}

/// One event as exported.
#[derive(Serialize)]
struct EventRow<'a> {
    article_id: String,
    title: &'a str,
    source: &'a str,
    published: Option<String>,
    paragraph: usize,
    offset: usize,
    expression: &'a str,
    sentence: &'a str,
    tense: super::expressions::Tense,
    value: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    granularity: Option<&'static str>,
    certain: Option<bool>,
    candidates: Vec<[String; 2]>,
    weekday_check: Option<super::resolve::WeekdayCheck>,
}

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
/// years, decades or centuries that gives at most `max` ticks.
pub fn ticks(start: Day, end: Day, max: usize) -> Vec<Tick> {
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
        let first = super::calendar::week_start(start) + 7;
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

/// How a trend groups publication dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// Calendar months; articles dated only to the year get their own "month unknown" period.
    Month,
    /// Calendar years.
    Year,
}

/// One period of a trend.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Period {
    /// "Dec 2022", "2022", "2022 (month unknown)" or "undated".
    pub label: String,
    /// The days it covers; `None` for undated articles.
    pub span: Option<(Day, Day)>,
    /// Per source: (source, matching articles, all articles) in this period.
    pub sources: Vec<(String, usize, usize)>,
    /// Matching articles in this period.
    pub matches: usize,
    /// All articles in this period.
    pub total: usize,
}

/// `matching` as a share of `total`, 0–1 (0 for an empty period).
pub fn share(matching: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        matching as f64 / total as f64
    }
}

impl Period {
    /// The share of this period's articles that match, 0–1.
    pub fn share(&self) -> f64 {
        share(self.matches, self.total)
    }
}

/// A query's volume over publication time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// The query.
    pub query: String,
    /// The grouping.
    pub bucket: Bucket,
    /// Every source that has articles, in name order.
    pub sources: Vec<String>,
    /// The periods with articles, in time order; undated last.
    pub periods: Vec<Period>,
    /// Matching articles in all.
    pub matches: usize,
}

/// Counts `matching` among `articles` per period and source.
pub fn trend<'a>(
    query: &str,
    articles: impl IntoIterator<Item = &'a Article>,
    matching: &rustc_hash::FxHashSet<ArticleId>,
    bucket: Bucket,
) -> Trend {
    // Key: (year, month or 0 for "month unknown"), i32::MAX for undated.
    let mut periods: BTreeMap<(i32, u8), BTreeMap<String, (usize, usize)>> = BTreeMap::new();
    let mut sources: Vec<String> = Vec::new();
    for a in articles {
        let key = match &a.pub_date {
            None => (i32::MAX, 0),
            Some(d) => match (bucket, d.date.precision()) {
                (Bucket::Year, _) | (Bucket::Month, Precision::Year) => (d.date.year_value(), 0),
                (Bucket::Month, _) => (d.date.year_value(), d.date.month_value().unwrap_or(0)),
            },
        };
        let source = a.source_label().to_string();
        if !sources.contains(&source) {
            sources.push(source.clone());
        }
        let cell = periods.entry(key).or_default().entry(source).or_default();
        cell.1 += 1;
        if matching.contains(&a.id) {
            cell.0 += 1;
        }
    }
    sources.sort();
    let periods: Vec<Period> = periods
        .into_iter()
        .map(|((y, m), cells)| {
            let (label, span) = match (y, m, bucket) {
                (i32::MAX, _, _) => ("undated".to_string(), None),
                (y, 0, Bucket::Year) => (y.to_string(), Some((day_of(y, 1, 1), day_of(y, 12, 31)))),
                (y, 0, Bucket::Month) => (
                    format!("{y} (month unknown)"),
                    Some((day_of(y, 1, 1), day_of(y, 12, 31))),
                ),
                (y, m, _) => (
                    format!("{} {y}", MONTH_ABBR[usize::from(m - 1)]),
                    Some((
                        super::calendar::month_start(y, m),
                        super::calendar::month_end(y, m),
                    )),
                ),
            };
            let matches = cells.values().map(|c| c.0).sum();
            let total = cells.values().map(|c| c.1).sum();
            Period {
                label,
                span,
                sources: cells.into_iter().map(|(s, (m, t))| (s, m, t)).collect(),
                matches,
                total,
            }
        })
        .collect();
    Trend {
        query: query.to_string(),
        bucket,
        sources,
        matches: periods.iter().map(|p| p.matches).sum(),
        periods,
    }
}

impl Trend {
    /// The trend as CSV: one row per period and source.
    pub fn to_csv(&self) -> String {
        let mut out = csv_row(&["period", "source", "matching", "articles", "share"]);
        out.push_str(CSV_EOL);
        for p in &self.periods {
            for (s, m, t) in &p.sources {
                let row = [
                    p.label.clone(),
                    s.clone(),
                    m.to_string(),
                    t.to_string(),
                    format!("{:.3}", share(*m, *t)),
                ];
                let refs: Vec<&str> = row.iter().map(String::as_str).collect();
                out.push_str(&csv_row(&refs));
                out.push_str(CSV_EOL);
            }
        }
        out
    }
}

/// A human description of a resolution: "19 Dec 2022", "one of 5 days, 28 Nov – 26 Dec 2022",
/// "Feb 2022", "2022 – 2025".
pub fn describe(r: &Resolution) -> String {
    let one = |start: Day, end: Day| -> String {
        let (sy, sm, _) = civil(start);
        let (ey, em, _) = civil(end);
        match r.granularity {
            Granularity::Day if start == end => human_day(start),
            Granularity::Day | Granularity::Week => {
                format!("{} – {}", human_day(start), human_day(end))
            }
            Granularity::Month | Granularity::Season if (sy, sm) == (ey, em) => {
                format!("{} {sy}", MONTH_ABBR[usize::from(sm - 1)])
            }
            Granularity::Month | Granularity::Season => format!(
                "{} {sy} – {} {ey}",
                MONTH_ABBR[usize::from(sm - 1)],
                MONTH_ABBR[usize::from(em - 1)]
            ),
            Granularity::Year | Granularity::Decade if sy == ey => sy.to_string(),
            Granularity::Year | Granularity::Decade => format!("{sy} – {ey}"),
        }
    };
    let mut s = if r.is_certain() {
        one(r.start, r.end)
    } else {
        format!(
            "one of {} possible {}s, {}",
            r.candidates.len(),
            r.granularity.name(),
            one(r.start, r.end)
        )
    };
    if r.value.starts_with("since ") {
        s.insert_str(0, "since ");
    }
    if r.value.contains('~') {
        s.insert_str(0, "about ");
    }
    s
}
