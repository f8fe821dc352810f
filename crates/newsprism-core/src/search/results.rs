//! What a search answers: ranked hits with snippets, counts per source and month, the alias
//! expansions made, and suggestions when nothing matched.

use super::engine::{Expansion, Matches};
use super::query::{Node, ParsedQuery};
use super::snippet::{Snippet, Span};
use std::collections::BTreeMap;

use super::query::SourceFilter;
use crate::article::{ArticleId, PartialDate, PubDate, UNKNOWN_SOURCE};

/// How to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// Also search the other spellings in the alias table.
    pub aliases: bool,
    /// How many hits to return with snippets (the total is always counted).
    pub limit: usize,
    /// The snippet's length in characters, roughly.
    pub snippet_chars: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            aliases: true,
            limit: 50,
            snippet_chars: 240,
        }
    }
}

/// One ranked article.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The article.
    pub id: ArticleId,
    /// Its BM25 score.
    pub score: f32,
    /// Its title, highlighted.
    pub title: Vec<Span>,
    /// Whether the title was derived from the text.
    pub title_derived: bool,
    /// Publication date.
    pub date: Option<PubDate>,
    /// Outlet label ("unknown source" when not known).
    pub source: String,
    /// The best passage, if the hit is in the text (not only the title).
    pub snippet: Option<Snippet>,
}

/// A count of hits sharing a value, with the filter that selects them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    /// What is shown: "unknown source", "Dec 2022", "undated".
    pub label: String,
    /// How many hits.
    pub count: usize,
    /// The query filter that selects exactly these (`source:"…"`, `date:2022-12`).
    pub filter: String,
}

/// The answer to a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// All matching articles.
    pub total: usize,
    /// Every matching article, best first.
    pub ranked: Vec<ArticleId>,
    /// The best `limit` of them.
    pub hits: Vec<SearchHit>,
    /// Hits per outlet, most first.
    pub by_source: Vec<Facet>,
    /// Hits per publication month, in time order; undated last.
    pub by_month: Vec<Facet>,
    /// Alias expansions made ("Belarus" → also "Wit-Rusland").
    pub expansions: Vec<Expansion>,
    /// What the parser repaired.
    pub warnings: Vec<String>,
    /// Queries worth trying when nothing matched.
    pub suggestions: Vec<Suggestion>,
    /// What matched, for highlighting elsewhere (reader, KWIC).
    pub matches: Matches,
    /// Whether the query had anything to search for.
    pub searched: bool,
}

/// A query worth trying instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The whole query to run.
    pub query: String,
    /// Whether to run it with aliases on.
    pub aliases: bool,
    /// What it does, in words: "Did you mean Loekasjenko?".
    pub label: String,
}

/// The plain words of a query (not negated, not phrases), for suggestions.
pub fn plain_words(q: &ParsedQuery) -> Vec<String> {
    fn walk(n: &Node, out: &mut Vec<String>) {
        match n {
            Node::Term(t) if !t.prefix && t.fuzzy.is_none() => out.push(t.word.clone()),
            Node::And(c) | Node::Or(c) => c.iter().for_each(|n| walk(n, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(root) = &q.root {
        walk(root, &mut out);
    }
    out
}

/// The facets of a set of matching articles, given by their sources and publication dates:
/// hits per source (most first) and per month of publication (in date order, undated last),
/// each with the filter that narrows to it.
pub fn facet_counts<'a>(
    articles: impl Iterator<Item = (Option<&'a str>, Option<&'a PartialDate>)>,
) -> (Vec<Facet>, Vec<Facet>) {
    let mut sources: BTreeMap<Option<String>, usize> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u8), usize> = BTreeMap::new();
    for (source, date) in articles {
        *sources.entry(source.map(str::to_string)).or_default() += 1;
        let key = date.map_or((i32::MAX, 0), |d| {
            (d.year_value(), d.month_value().unwrap_or(0))
        });
        *months.entry(key).or_default() += 1;
    }
    let mut by_source: Vec<Facet> = sources
        .into_iter()
        .map(|(source, count)| {
            let filter = match &source {
                Some(name) => SourceFilter::Named(name.clone()),
                None => SourceFilter::Unknown,
            };
            Facet {
                filter: filter.query_text(),
                label: source.unwrap_or_else(|| UNKNOWN_SOURCE.to_string()),
                count,
            }
        })
        .collect();
    crate::sorting::sort_by(&mut by_source, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label))
    });
    let by_month = months
        .into_iter()
        .map(|((y, m), count)| {
            let (label, filter) = match (y, m) {
                (i32::MAX, _) => ("undated".to_string(), "date:undated".to_string()),
                (y, 0) => (y.to_string(), format!("date:{y}")),
                (y, m) => match PartialDate::month(y, m) {
                    Some(d) => (d.human(), format!("date:{}", d.iso())),
                    None => (y.to_string(), format!("date:{y}")),
                },
            };
            Facet {
                label,
                count,
                filter,
            }
        })
        .collect();
    (by_source, by_month)
}
