//! Every analysis of every article as one record per article, with offsets in characters into the
//! article's text as Newsprism reads it: the shape `newsprism analyze` prints, a public interface
//! versioned as [`SCHEMA`] (the README documents it).
//!
//! The text (`text`) is the title, then each paragraph, separated by blank lines (`"\n\n"`);
//! `start` and `end` count Unicode scalar values (what Python's `str` and JavaScript's
//! `Array.from(text)` index), so `text[start..end]` is the item's `text`.
//!
//! ```
//! use newsprism_core::analysis::analyze;
//! use newsprism_core::Corpus;
//!
//! let (corpus, _) = Corpus::from_files([(
//!     "a.txt",
//!     " date 2022-12-20 Poetin bezocht maandag Minsk. \"We zijn bondgenoten\", zei Loekasjenko.".as_bytes(),
//! )]);
//! let ids: Vec<_> = corpus.articles().iter().map(|a| a.id).collect();
//! let records = analyze(&corpus, &ids);
//! let r = &records[0];
//! let chars: Vec<char> = r.text.chars().collect();
//! let t = &r.times[0];
//! assert_eq!(chars[t.start..t.end].iter().collect::<String>(), "maandag");
//! assert_eq!(t.value.as_deref(), Some("2022-12-19"));
//! assert_eq!(r.quotes[0].speaker.as_deref(), Some("Loekasjenko"));
//! ```

use serde::Serialize;

use crate::article::{Article, ArticleId, PubDate, TitleKind};
use crate::compare::Parts;
use crate::corpus::Corpus;
use crate::time::expressions::Part;
use crate::time::resolve::Interval;
use crate::time::timeline::analyse_with;

/// The version of the records' shape. Fields may be added within a version; any other change
/// gets a new one.
pub const SCHEMA: u32 = 1;

/// One article and everything read from it.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleRecord {
    /// [`SCHEMA`].
    pub schema: u32,
    /// The article's id (as in the app's addresses).
    pub id: String,
    /// The file it was read from.
    pub file: String,
    /// The title.
    pub title: String,
    /// `"headline"` (the source's own) or `"derived"` (from the opening sentence).
    pub title_kind: &'static str,
    /// The publication date, when the file gives one.
    pub date: Option<DateRecord>,
    /// For an undated article: the window its text places it in.
    pub inferred_date: Option<InferredRecord>,
    /// The outlet, when the file names it.
    pub source: Option<String>,
    /// The language's code: `"nl"`, `"en"`, or `"und"`.
    pub language: &'static str,
    /// The text the offsets count in (see the module's comment).
    pub text: String,
    /// Time expressions, in text order.
    pub times: Vec<TimeRecord>,
    /// Quotations, in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Quantities, in text order.
    pub quantities: Vec<QuantityRecord>,
    /// Names of people, places and organisations, in text order.
    pub names: Vec<NameRecord>,
}

/// A publication date with its precision and where it was found.
#[derive(Clone, Debug, Serialize)]
pub struct DateRecord {
    /// ISO 8601 to its precision: `2022-12-20`, `2022-12` or `2022`.
    pub value: String,
    /// `"day"`, `"month"` or `"year"`.
    pub precision: String,
    /// Where it came from: `"header"`, `"front_matter"`, `"html_meta"`, `"date_line"`, …
    pub provenance: String,
}

/// The window an undated article's text places it in.
#[derive(Clone, Debug, Serialize)]
pub struct InferredRecord {
    /// Not before this (ISO 8601 to its precision), the latest date the text names as past.
    pub earliest: String,
    /// Why.
    pub earliest_evidence: String,
    /// Not after this, when the text speaks of a date as still to come.
    pub latest: Option<String>,
    /// Why.
    pub latest_evidence: Option<String>,
}

/// One time expression.
#[derive(Clone, Debug, Serialize)]
pub struct TimeRecord {
    /// The words.
    pub text: String,
    /// Character offsets into the record's `text`.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The TIMEX3 type: `"DATE"`, `"TIME"` (a part of the day), `"DURATION"` or `"SET"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Newsprism's value (`2022-12-19`, `2022-W51`, `2022-02`, `since 2022-02`, `~2021`;
    /// candidates joined by `|`; `P3Y`, `PXY`, `PRESENT_REF`, `P1W` for what has no place in
    /// time), or `None` when placing it needs a publication date the article lacks.
    pub value: Option<String>,
    /// The one TIMEX3 value (see `time::timex`): `XXXX-WXX-1` for a Monday the publication
    /// date does not settle.
    pub timex: String,
    /// TIMEX3 modifiers: `"START"` ("since …", "begin …"), `"MID"`, `"END"`, `"BEFORE"`
    /// ("earlier this …"), `"AFTER"` ("later this …"), `"APPROX"`.
    pub modifiers: Vec<&'static str>,
    /// The days it may mean, each `[first, last]` in ISO 8601; one when it is certain.
    pub candidates: Vec<[String; 2]>,
    /// The sentence's tense: `"past"`, `"present"`, `"future"` or `"unknown"`.
    pub tense: String,
    /// Read in a caption or site furniture (a teaser), not the running text.
    pub aside: bool,
    /// Placed by a named event ("sinds de oorlog in Oekraïne"): the event and its date.
    pub named_event: Option<String>,
    /// What else in the article settled or narrowed its value: the same day named in full
    /// elsewhere ("maandag 19 december"), the dated saying a quotation's "today" counts from,
    /// the article's own month (a day written without its year), or the dated events that
    /// bound the day of an article dated only by its month.
    pub settled_by: Option<String>,
}

/// One quotation.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRecord {
    /// The quoted words, without their marks.
    pub text: String,
    /// Character offsets into the record's `text`.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// `"quotation"`, `"fragment"` (fewer than four words inside the reporter's sentence,
    /// said by someone) or `"scare"` (a phrase in marks that nobody is said to have said: a
    /// scare quote or a term).
    pub kind: &'static str,
    /// Who says it, as written, when the text says.
    pub speaker: Option<String>,
    /// The speaker's entity key (one person across spellings and outlets).
    pub speaker_key: Option<String>,
    /// The cluster of renderings of one statement across the analysed articles it belongs to
    /// (an index, the same in every record of one run), if any other article quotes it too.
    pub cluster: Option<usize>,
}

/// One quantity.
#[derive(Clone, Debug, Serialize)]
pub struct QuantityRecord {
    /// The phrase as written, number to noun.
    pub text: String,
    /// Character offsets into the record's `text`.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The figure as a reader would say it: `10000–15000`, `~9000`, `>3`.
    pub value: String,
    /// Lowest value meant.
    pub low: f64,
    /// Highest value meant (`null` for "more than").
    pub high: Option<f64>,
    /// What it counts, as written.
    pub counts: String,
    /// Whose it is, when the text says (a country or alliance, or `"own"`).
    pub owner: Option<String>,
    /// Whether it is hedged or vague ("ruim", "duizenden").
    pub approximate: bool,
    /// Whether another analysed article gives an exact figure for the same thing that cannot
    /// also be right.
    pub conflicts: bool,
}

/// One mention of a name.
#[derive(Clone, Debug, Serialize)]
pub struct NameRecord {
    /// The name as written.
    pub text: String,
    /// Character offsets into the record's `text`.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// `"person"`, `"place"`, `"organisation"` or `"unknown"`.
    pub kind: String,
    /// The entity key: one entity across spellings (the alias table) and outlets.
    pub entity: String,
}

/// An article's text as the records give it, and where its title and each paragraph start in it,
/// in characters.
struct Layout<'a> {
    article: &'a Article,
    text: String,
    paragraph_at: Vec<usize>,
}

impl<'a> Layout<'a> {
    fn of(article: &'a Article) -> Layout<'a> {
        let mut text = article.title.clone();
        let mut at = article.title.chars().count();
        let mut paragraph_at = Vec::with_capacity(article.paragraphs.len());
        for p in &article.paragraphs {
            text.push_str("\n\n");
            at += 2;
            paragraph_at.push(at);
            text.push_str(&p.text);
            at += p.text.chars().count();
        }
        Layout {
            article,
            text,
            paragraph_at,
        }
    }

    /// The character range of a byte range in the headline (`None`) or a paragraph.
    fn chars(
        &self,
        paragraph: Option<usize>,
        range: &std::ops::Range<usize>,
    ) -> Option<(usize, usize)> {
        let (base, unit) = match paragraph {
            None => (0, self.article.title.as_str()),
            Some(i) => (
                *self.paragraph_at.get(i)?,
                self.article.paragraphs.get(i)?.text.as_str(),
            ),
        };
        let before = unit.get(..range.start)?.chars().count();
        let inside = unit.get(range.clone())?.chars().count();
        Some((base + before, base + before + inside))
    }
}

/// The records of the given articles (in that order), every analysis made over them together:
/// quotation clusters and quantity conflicts are across these articles.
pub fn analyze(corpus: &Corpus, ids: &[ArticleId]) -> Vec<ArticleRecord> {
    let articles: Vec<&Article> = ids.iter().filter_map(|&id| corpus.get(id)).collect();
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
    let comparison = corpus.compare_parts(
        &ids,
        Parts {
            words: false,
            ..Parts::ALL
        },
    );
    let mut layouts: Vec<Layout> = articles.iter().map(|a| Layout::of(a)).collect();
    let mut records: Vec<ArticleRecord> = layouts
        .iter()
        .map(|l| record(l, corpus.named_events()))
        .collect();
    // Each compared document's record.
    let slot: Vec<Option<usize>> = comparison
        .articles
        .iter()
        .map(|id| ids.iter().position(|i| i == id))
        .collect();
    let mut cross = Cross {
        comparison: &comparison,
        slot: &slot,
        layouts: &layouts,
        records: &mut records,
    };
    cross.quotes();
    cross.quantities();
    cross.names();
    for (r, layout) in records.iter_mut().zip(&mut layouts) {
        crate::sorting::sort_by_key(&mut r.quotes, |q| q.start);
        crate::sorting::sort_by_key(&mut r.quantities, |q| q.start);
        crate::sorting::sort_by_key(&mut r.names, |n| n.start);
        r.text = std::mem::take(&mut layout.text);
    }
    records
}

/// What is read across the analysed articles, added to their records.
struct Cross<'a> {
    comparison: &'a crate::compare::Comparison,
    /// Each compared document's record.
    slot: &'a [Option<usize>],
    layouts: &'a [Layout<'a>],
    records: &'a mut [ArticleRecord],
}

impl Cross<'_> {
    /// Quotations, with their speakers and clusters.
    fn quotes(&mut self) {
        let mut cluster_of = vec![None; self.comparison.quotes.quotes.len()];
        for (c, cluster) in self.comparison.quotes.clusters.iter().enumerate() {
            for r in &cluster.renderings {
                if let Some(slot) = cluster_of.get_mut(r.quote) {
                    *slot = Some(c);
                }
            }
        }
        for (q, quote) in self.comparison.quotes.quotes.iter().enumerate() {
            let Some(i) = self.slot.get(quote.at.doc).copied().flatten() else {
                continue;
            };
            let Some((start, end)) = self.layouts[i].chars(quote.at.paragraph, &quote.at.range)
            else {
                continue;
            };
            self.records[i].quotes.push(QuoteRecord {
                text: quote.at.text.clone(),
                start,
                end,
                kind: if quote.scare {
                    "scare"
                } else if quote.fragment {
                    "fragment"
                } else {
                    "quotation"
                },
                speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
                speaker_key: quote.speaker.as_ref().map(|s| s.key.clone()),
                cluster: cluster_of[q],
            });
        }
    }

    /// Quantities, with the conflicts between exact figures.
    fn quantities(&mut self) {
        let conflicting: Vec<bool> = {
            let mut c = vec![false; self.comparison.ledger.quantities.len()];
            for g in self.comparison.ledger.groups.iter().filter(|g| g.conflict) {
                for &e in &g.entries {
                    if let Some(x) = c.get_mut(e) {
                        *x = true;
                    }
                }
            }
            c
        };
        for (k, q) in self.comparison.ledger.quantities.iter().enumerate() {
            let Some(i) = self.slot.get(q.at.doc).copied().flatten() else {
                continue;
            };
            let Some((start, end)) = self.layouts[i].chars(q.at.paragraph, &q.at.range) else {
                continue;
            };
            self.records[i].quantities.push(QuantityRecord {
                text: q.at.text.clone(),
                start,
                end,
                value: q.value.clone(),
                low: q.low,
                high: q.high.is_finite().then_some(q.high),
                counts: q.thing.clone(),
                owner: q.owner.as_ref().map(|o| o.name().to_string()),
                approximate: q.approx || q.vague,
                // A hedged or vague figure is never part of a conflict.
                conflicts: conflicting[k] && !(q.approx || q.vague),
            });
        }
    }

    /// Names, with their entities' kinds.
    fn names(&mut self) {
        let kinds: std::collections::HashMap<&str, String> = self
            .comparison
            .entities
            .entities
            .iter()
            .map(|e| (e.key.as_str(), e.kind.name().to_lowercase()))
            .collect();
        for m in &self.comparison.entities.mentions {
            let Some(i) = self.slot.get(m.doc).copied().flatten() else {
                continue;
            };
            let Some((start, end)) = self.layouts[i].chars(m.paragraph, &m.range) else {
                continue;
            };
            self.records[i].names.push(NameRecord {
                text: m.text.clone(),
                start,
                end,
                kind: kinds
                    .get(m.key.as_str())
                    .cloned()
                    .unwrap_or_else(|| "unknown".into()),
                entity: m.key.clone(),
            });
        }
    }
}

/// An article's record with its own analyses (times, dates); what is read across articles is
/// added by [`analyze`].
fn record(layout: &Layout, table: &crate::time::named::NamedEvents) -> ArticleRecord {
    let a = layout.article;
    let time = analyse_with(a, table);
    let mut events: Vec<_> = time.events.iter().chain(time.other.iter()).collect();
    crate::sorting::sort_by_key(&mut events, |e| (e.paragraph, e.range.start));
    let times = events
        .into_iter()
        .filter_map(|e| {
            let (start, end) = layout.chars(Some(e.paragraph), &e.range)?;
            let x = &e.expression;
            let mut modifiers = Vec::new();
            if x.since {
                modifiers.push("START");
            }
            if let Some(part) = x.part {
                modifiers.push(match part {
                    Part::Start => "START",
                    Part::Mid => "MID",
                    Part::End => "END",
                    Part::Earlier => "BEFORE",
                    Part::Later => "AFTER",
                });
            }
            let timex = e.timex();
            // The bound of a count ("ruim", "within"), or APPROX for a hedged date.
            if let Some(m) = timex.modifier.filter(|m| !modifiers.contains(m)) {
                modifiers.push(m);
            }
            let value = match &e.resolution {
                Some(r) => Some(r.value.clone()),
                None if !x.kind.placeable() => Some(timex.value.clone()),
                None => None,
            };
            Some(TimeRecord {
                text: e.text.clone(),
                start,
                end,
                kind: timex.kind,
                value,
                timex: timex.timeml_value,
                modifiers,
                candidates: e
                    .resolution
                    .as_ref()
                    .map(|r| r.candidates.iter().map(interval).collect())
                    .unwrap_or_default(),
                tense: snake(&format!("{:?}", x.tense)),
                aside: e.aside,
                named_event: e.anchor.clone(),
                settled_by: e.resolution.as_ref().and_then(|r| r.settled_by.clone()),
            })
        })
        .collect();
    ArticleRecord {
        schema: SCHEMA,
        id: a.id.to_string(),
        file: a.file_name.clone(),
        title: a.title.clone(),
        title_kind: match a.title_kind {
            TitleKind::Headline => "headline",
            TitleKind::Derived => "derived",
        },
        date: a.pub_date.as_ref().map(date_record),
        inferred_date: time.inferred.map(|i| InferredRecord {
            earliest: i.date.iso(),
            earliest_evidence: i.evidence,
            latest: i.until.as_ref().map(|b| b.date.iso()),
            latest_evidence: i.until.map(|b| b.evidence),
        }),
        source: a.source.clone(),
        language: a.language.code(),
        text: String::new(),
        times,
        quotes: Vec::new(),
        quantities: Vec::new(),
        names: Vec::new(),
    }
}

fn date_record(d: &PubDate) -> DateRecord {
    DateRecord {
        value: d.date.iso(),
        precision: snake(&format!("{:?}", d.precision())),
        provenance: snake(&format!("{:?}", d.provenance)),
    }
}

fn interval(i: &Interval) -> [String; 2] {
    [
        crate::time::calendar::iso_day(i.start),
        crate::time::calendar::iso_day(i.end),
    ]
}

/// `FrontMatter` → `front_matter`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}
