//! Query trends: how many articles match a query per month or year, as counts and shares.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::article::{Article, ArticleId, Precision};
use crate::export::{csv_row, CSV_EOL};
use crate::time::calendar::{day_of, Day, MONTH_ABBR};

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
    crate::sorting::sort(&mut sources);
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
                        crate::time::calendar::month_start(y, m),
                        crate::time::calendar::month_end(y, m),
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
