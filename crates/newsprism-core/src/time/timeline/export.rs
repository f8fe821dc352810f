//! The timeline's events as CSV and JSON, one row per mention.

use serde::Serialize;

use crate::article::{Article, ArticleId};
use crate::export::{csv_row, CSV_EOL};
use crate::time::calendar::iso_day;
use crate::time::timex::timeml_of;

use super::{Publication, Timeline};
use crate::time::resolve::Resolution;

impl Timeline {
    /// One export row per event, publications looked up once.
    fn rows(&self) -> Vec<EventRow<'_>> {
        let publications: rustc_hash::FxHashMap<ArticleId, &Publication> =
            self.publications.iter().map(|p| (p.id, p)).collect();
        let mut events: Vec<&super::Event> = self
            .events
            .iter()
            .chain(self.other.iter())
            .map(|e| &**e)
            .collect();
        crate::sorting::sort_by_key(&mut events, |e| (e.article, e.paragraph, e.range.start));
        events
            .into_iter()
            .map(|e| {
                let p = publications.get(&e.article);
                let r = e.resolution.as_ref();
                let timex = e.timex();
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
                    aside: e.aside,
                    anchor: e.anchor.as_deref(),
                    kind: timex.kind,
                    timex: timex.timeml_value,
                    timex_values: timex.value,
                    modifier: timex.modifier,
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
            "type",
            "value",
            "timex",
            "mod",
            "start",
            "end",
            "granularity",
            "certain",
            "candidates",
            "weekday_check",
            "tense",
            "aside",
            "named_event",
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
                row.kind.to_string(),
                row.value.unwrap_or(&row.timex_values).to_string(),
                row.timex.clone(),
                row.modifier.unwrap_or_default().to_string(),
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
                row.aside.to_string(),
                row.anchor.unwrap_or_default().to_string(),
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

impl Timeline {
    /// The timeline's articles as one file of TimeML documents (see
    /// [`crate::time::timex::timeml`]), each a `<TimeML>` element in a `<TimeMLCollection>`,
    /// in the order `articles` gives them; articles not on the timeline are left out. Built from
    /// the events the timeline holds: nothing is read again.
    pub fn timeml<'a>(&self, articles: impl IntoIterator<Item = &'a Article>) -> String {
        let mut by_article: rustc_hash::FxHashMap<ArticleId, Vec<&super::Event>> =
            rustc_hash::FxHashMap::default();
        for e in self.events.iter().chain(self.other.iter()) {
            by_article.entry(e.article).or_default().push(e);
        }
        let on: rustc_hash::FxHashSet<ArticleId> = self.publications.iter().map(|p| p.id).collect();
        let mut out =
            String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeMLCollection>\n");
        for a in articles.into_iter().filter(|a| on.contains(&a.id)) {
            let doc = timeml_of(a, by_article.remove(&a.id).unwrap_or_default());
            // Each document's own XML declaration is left out inside the collection.
            out.push_str(doc.split_once('\n').map_or(doc.as_str(), |(_, rest)| rest));
        }
        out.push_str("</TimeMLCollection>\n");
        out
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
    tense: crate::time::expressions::Tense,
    value: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    granularity: Option<&'static str>,
    certain: Option<bool>,
    candidates: Vec<[String; 2]>,
    weekday_check: Option<crate::time::resolve::WeekdayCheck>,
    /// Read in a caption or a teaser, not in the running text.
    aside: bool,
    /// The named event that placed it, with its date.
    anchor: Option<&'a str>,
    /// TIMEX3: `DATE`, `TIME`, `DURATION`, `SET`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The one TIMEX3 value.
    timex: String,
    /// Every candidate value, joined by `|` (the value of what has no place in time).
    timex_values: String,
    /// The TIMEX3 modifier.
    #[serde(rename = "mod")]
    modifier: Option<&'static str>,
}
