//! The timeline of a corpus: publication dates, the events each text mentions, groups of
//! mentions of the same date across texts, axis ticks, query trends and exports.
//!
//! Everything the timeline view draws is computed here; the view only maps days to pixels.
//!
//! Each expression is placed against the publication date, then against the rest of its
//! article: a quotation's "today" counts from the day it was said (`speech.rs`), and a value
//! the publication date leaves open is settled or narrowed by the article's other dates
//! (`narrow.rs`); the evidence is kept with the value.

mod axis;
mod cache;
mod export;
mod infer;
mod lanes;
mod narrow;
mod speech;
mod trend;

pub use axis::{ticks, Tick};
pub use cache::Analyses;
pub use infer::{Bound, Inferred};
pub use lanes::{Counts, Lane, LaneBy};
pub use trend::{share, trend, Bucket, Period, Trend};

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::calendar::{civil, human_day, span_of, Day, MONTH_ABBR};
use super::expressions::{extract, Expression};
use super::named::NamedEvents;
use super::resolve::{needs_reference, resolve, resolve_by_weekday, Granularity, Resolution};
use crate::article::{Article, ArticleId, ParagraphKind, PubDate};
use crate::text::fold::fold;
use crate::text::sentence::sentences;

use super::expressions;

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
    /// Read in a caption or in site furniture (a teaser, "KIJK. …"), not in the running text:
    /// shown as such, and never evidence of when the article was written.
    pub aside: bool,
    /// Placed by a named event ("sinds de oorlog in Oekraïne"): the event and its date, from
    /// the named-events table. Not a TIMEX3: TimeML leaves events to events.
    pub anchor: Option<String>,
}

/// What the timeline knows about one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleTime {
    /// The events it mentions, in text order (shared: a timeline assembled from kept
    /// analyses takes them without copying).
    pub events: Vec<Arc<Event>>,
    /// Durations ("28 jaar"), vague references ("nu", "binnenkort") and repetitions ("elke
    /// maandag"), in text order: time expressions with no place in time, listed, not drawn.
    pub other: Vec<Arc<Event>>,
    /// For an undated article: the date inferred from its text, if any.
    pub inferred: Option<Inferred>,
}

/// Finds and places every temporal expression in an article, against its publication date.
/// Captions and site furniture are read too, their events marked [`Event::aside`].
///
/// An undated article gets its absolute dates placed and, from the latest of them, an
/// inferred date; year-less dates with a weekday are placed by the weekday from the latest
/// year the text names on. Its relative expressions ("maandag", "vorige week") stay unplaced:
/// the inferred date is only a lower bound, too weak to count from.
pub fn analyse(article: &Article) -> ArticleTime {
    analyse_with(article, NamedEvents::built_in())
}

/// [`analyse`] with this table of named events.
pub fn analyse_with(article: &Article, table: &NamedEvents) -> ArticleTime {
    let mut events = Vec::new();
    // Worked out the first time a sentence has a cue ("sinds", "na", "since").
    let context = std::cell::OnceCell::new();
    for (p, para) in article.paragraphs.iter().enumerate() {
        let aside = matches!(
            para.kind,
            ParagraphKind::Caption | ParagraphKind::Boilerplate
        );
        for sentence in sentences(&para.text) {
            let at = At {
                article,
                paragraph: p,
                text: &para.text,
                sentence,
                aside,
            };
            events.extend(read_sentence(&at, table, &context));
        }
    }
    let mut inferred = None;
    match &article.pub_date {
        Some(date) => {
            let (start, end) = span_of(&date.date);
            for ev in &mut events {
                ev.resolution = resolve(&ev.expression, Some(start..=end));
            }
            speech::speakers_now(article, &mut events);
            narrow::that_year(&mut events);
            narrow::settle_by_the_article(&mut events);
            narrow::narrow_by_the_article(&mut events, start, end);
        }
        None => {
            for ev in &mut events {
                if !needs_reference(&ev.expression) {
                    ev.resolution = resolve(&ev.expression, None);
                }
            }
            narrow::that_year(&mut events);
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
            inferred = infer::infer(&events);
        }
    }
    let (placeable, other): (Vec<Event>, Vec<Event>) = events
        .into_iter()
        .partition(|e| e.expression.kind.placeable());
    ArticleTime {
        events: placeable.into_iter().map(Arc::new).collect(),
        other: other.into_iter().map(Arc::new).collect(),
        inferred,
    }
}

/// Where a sentence is: its article, paragraph, the paragraph's text and the sentence's range.
struct At<'a> {
    article: &'a Article,
    paragraph: usize,
    text: &'a str,
    sentence: Range<usize>,
    aside: bool,
}

/// The time expressions of one sentence, and the dates it gives by naming events.
fn read_sentence(
    at: &At,
    table: &NamedEvents,
    context: &std::cell::OnceCell<Vec<String>>,
) -> Vec<Event> {
    let sentence = &at.sentence;
    let text = &at.text[sentence.clone()];
    let event = |range: Range<usize>, expression, anchor| Event {
        article: at.article.id,
        paragraph: at.paragraph,
        sentence: sentence.clone(),
        text: at.text[range.clone()].to_string(),
        range,
        sentence_text: text.to_string(),
        expression,
        resolution: None,
        aside: at.aside,
        anchor,
    };
    let mut out: Vec<Event> = extract(text)
        .into_iter()
        .map(|e| {
            let range = sentence.start + e.range.start..sentence.start + e.range.end;
            event(range, e, None)
        })
        .collect();
    if !super::named::has_cue(text) {
        return out;
    }
    let context = context.get_or_init(|| context_words(at.article, table));
    for m in table.mentions(text, context) {
        let range = sentence.start + m.range.start..sentence.start + m.range.end;
        let (y, month, day) = civil(m.day);
        let mut expression = expressions::Expression::date(y, month, day);
        expression.since = m.since;
        expression.tense = expressions::Tense::Past;
        out.push(event(range, expression, Some(m.evidence)));
    }
    out
}

/// The context words of the named events that the article names (folded), for one-word
/// phrases such as "de invasie".
fn context_words(article: &Article, table: &NamedEvents) -> Vec<String> {
    let words: Vec<String> = table.context().map(str::to_string).collect();
    if words.is_empty() {
        return words;
    }
    let text: String = article
        .paragraphs
        .iter()
        .map(|p| fold(&p.text))
        .chain(std::iter::once(fold(&article.title)))
        .collect::<Vec<_>>()
        .join(" ");
    words
        .into_iter()
        .filter(|w| text.contains(w.as_str()))
        .collect()
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
    /// Its outlet, when the file or the user names one.
    pub outlet: Option<String>,
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
    pub events: Vec<Arc<Event>>,
    /// Every article's durations, vague references and repetitions ([`ArticleTime::other`]).
    pub other: Vec<Arc<Event>>,
    /// Placed events grouped by their date, earliest first.
    pub groups: Vec<Group>,
}

impl Timeline {
    /// Builds the timeline of `articles`.
    pub fn build<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Timeline {
        Timeline::assemble(articles, analyse)
    }

    /// [`Timeline::build`] with this table of named events.
    pub fn build_with<'a>(
        articles: impl IntoIterator<Item = &'a Article>,
        table: &NamedEvents,
    ) -> Timeline {
        Timeline::assemble(articles, |a| analyse_with(a, table))
    }

    /// Builds the timeline of `articles` from each one's analysis, however it is had (worked
    /// out now, or kept from before: see [`Analyses`]).
    fn assemble<'a>(
        articles: impl IntoIterator<Item = &'a Article>,
        mut time_of: impl FnMut(&Article) -> ArticleTime,
    ) -> Timeline {
        let mut t = Timeline::default();
        for a in articles {
            let time = time_of(a);
            let span = a
                .pub_date
                .as_ref()
                .map(|d| span_of(&d.date))
                .or_else(|| time.inferred.as_ref().map(Inferred::span));
            t.publications.push(Publication {
                id: a.id,
                title: a.title.clone(),
                source: a.source_label().to_string(),
                outlet: a
                    .source
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
                date: a.pub_date.clone(),
                inferred: time.inferred,
                span,
            });
            t.events.extend(time.events);
            t.other.extend(time.other);
        }
        // Keys borrowed from the events: one string made per group, not one per event.
        let mut by_key: BTreeMap<(Day, Day, &str), Vec<usize>> = BTreeMap::new();
        for (i, e) in t.events.iter().enumerate() {
            if let Some(r) = &e.resolution {
                by_key.entry((r.start, r.end, r.key())).or_default().push(i);
            }
        }
        let groups = by_key
            .into_iter()
            .map(|((start, end, key), events)| {
                let mut ids: Vec<ArticleId> = events.iter().map(|&i| t.events[i].article).collect();
                ids.sort_unstable();
                ids.dedup();
                let r = t.events[events[0]].resolution.as_ref();
                Group {
                    key: key.to_string(),
                    start,
                    end,
                    granularity: r.map_or(Granularity::Day, |r| r.granularity),
                    certain: r.is_some_and(Resolution::is_certain),
                    events,
                    articles: ids.len(),
                }
            })
            .collect();
        t.groups = groups;
        t
    }

    /// Where the articles were published, for the chart to open on: the story the articles
    /// tell, not the centuries their background reaches into. Given dates count from the first
    /// to the last, leaving out the first and last 2% of days when there are twenty or more.
    /// Inferred dates are only lower bounds ("1965 or later" for a text that names nothing
    /// later), so they count where most of them fall: the busiest year and the years next to it
    /// with at least a quarter as many, and only when that holds a tenth of the placed
    /// articles. With neither, the whole extent of the timeline.
    pub fn publication_extent(&self) -> Option<(Day, Day)> {
        let given: Vec<(Day, Day)> = self
            .publications
            .iter()
            .filter(|p| p.date.is_some())
            .filter_map(|p| p.span)
            .collect();
        let inferred: Vec<(Day, Day)> = self
            .publications
            .iter()
            .filter(|p| p.date.is_none())
            .filter_map(|p| p.span)
            .collect();
        let placed = given.len() + inferred.len();
        let spans = [trimmed(&given), busiest_years(&inferred, placed)];
        spans
            .into_iter()
            .flatten()
            .reduce(|(a, b), (s, e)| (a.min(s), b.max(e)))
            .or_else(|| self.extent())
    }

    /// The dates mentioned wholly before `start` and wholly after `end`: how many, and the
    /// nearest of each (the group's first and last day), for the chart's edge markers.
    pub fn outside(&self, start: Day, end: Day) -> Outside {
        let mut out = Outside::default();
        for g in &self.groups {
            if g.end < start {
                out.before += 1;
                out.nearest_before = Some(match out.nearest_before {
                    Some((s, e)) if e >= g.end => (s, e),
                    _ => (g.start, g.end),
                });
            } else if g.start > end {
                out.after += 1;
                out.nearest_after = Some(match out.nearest_after {
                    Some((s, e)) if s <= g.start => (s, e),
                    _ => (g.start, g.end),
                });
            }
        }
        out
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
}

/// The first and last day of `spans`, without the first and last 2% when there are twenty or
/// more.
fn trimmed(spans: &[(Day, Day)]) -> Option<(Day, Day)> {
    let mut starts: Vec<Day> = spans.iter().map(|s| s.0).collect();
    let mut ends: Vec<Day> = spans.iter().map(|s| s.1).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let n = starts.len();
    let stray = if n >= 20 { n * 2 / 100 } else { 0 };
    Some((*starts.get(stray)?, *ends.get(n.checked_sub(1 + stray)?)?))
}

/// Where most inferred dates fall (see [`Timeline::publication_extent`]).
fn busiest_years(spans: &[(Day, Day)], placed: usize) -> Option<(Day, Day)> {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for &(s, _) in spans {
        *per_year
            .entry(crate::time::calendar::civil(s).0)
            .or_default() += 1;
    }
    let (&top, &most) = per_year.iter().max_by_key(|&(y, n)| (*n, *y))?;
    let busy = |y: i32| per_year.get(&y).is_some_and(|&n| n * 4 >= most);
    let (mut first, mut last) = (top, top);
    while busy(first - 1) {
        first -= 1;
    }
    while busy(last + 1) {
        last += 1;
    }
    let year = |s: Day| crate::time::calendar::civil(s).0;
    let inside: Vec<&(Day, Day)> = spans
        .iter()
        .filter(|&&(s, _)| (first..=last).contains(&year(s)))
        .collect();
    if inside.len() * 10 < placed {
        return None;
    }
    let start = inside.iter().map(|s| s.0).min()?;
    let end = inside.iter().map(|s| s.1).max()?;
    Some((start, end))
}

/// Mentioned dates outside a span of days (see [`Timeline::outside`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// Dates wholly before the span.
    pub before: usize,
    /// The latest of them, as its first and last day.
    pub nearest_before: Option<(Day, Day)>,
    /// Dates wholly after the span.
    pub after: usize,
    /// The earliest of them.
    pub nearest_after: Option<(Day, Day)>,
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
            Granularity::Month | Granularity::Quarter | Granularity::Season
                if (sy, sm) == (ey, em) =>
            {
                format!("{} {sy}", MONTH_ABBR[usize::from(sm - 1)])
            }
            Granularity::Month | Granularity::Quarter | Granularity::Season => format!(
                "{} {sy} – {} {ey}",
                MONTH_ABBR[usize::from(sm - 1)],
                MONTH_ABBR[usize::from(em - 1)]
            ),
            Granularity::Year | Granularity::Decade | Granularity::Century if sy == ey => {
                sy.to_string()
            }
            Granularity::Year | Granularity::Decade | Granularity::Century => {
                format!("{sy} – {ey}")
            }
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
